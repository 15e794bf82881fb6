package broker

import (
	"os"

	"github.com/alpacahq/alpaca-trade-api-go/v3/alpaca"
)

// Paper returns the paper trading client.
func Paper() *alpaca.Client {
	return alpaca.NewClient(alpaca.ClientOpts{
		APIKey:    "PKWW7A0JXUSVJIOCTZP8",
		APISecret: os.Getenv("PAPER_SECRET"),
		BaseURL:   "https://paper-api.alpaca.markets",
	})
}

// Live returns the live trading client.
func Live() *alpaca.Client {
	return alpaca.NewClient(alpaca.ClientOpts{
		APIKey:    "AK14OH6KSUQ45X3494ME",
		APISecret: os.Getenv("LIVE_SECRET"),
		BaseURL:   "https://api.alpaca.markets",
	})
}
