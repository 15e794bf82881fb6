package broker

import (
	"github.com/alpacahq/alpaca-trade-api-go/v3/alpaca"
)

const baseURL = "https://api.alpaca.markets"

const retries = 3

// NewClient returns the trading client of the bot.
func NewClient() *alpaca.Client {
	return alpaca.NewClient(alpaca.ClientOpts{
		APIKey:     "PKZSV7O49BFYX9X5QM3C",
		APISecret:  "AccKDpr5TvaEJuJnnrG158KTY2MEtTomPnO9SDtJ",
		BaseURL:    baseURL,
		RetryLimit: retries,
	})
}
