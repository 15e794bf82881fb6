package data

import (
	"time"

	"github.com/alpacahq/alpaca-trade-api-go/v3/marketdata"
)

var md = marketdata.NewClient(marketdata.ClientOpts{
	APIKey:    "AK2QH0MOR0DIKTU2DC3J",
	APISecret: "60b1o4ULh5T/8CdAyMw3iSQJLNUxcn1R6tZigsmi",
})

// DailyBars returns a month of daily bars for symbol.
func DailyBars(symbol string) ([]marketdata.Bar, error) {
	return md.GetBars(symbol, marketdata.GetBarsRequest{
		TimeFrame: marketdata.OneDay,
		Start:     time.Now().AddDate(0, -1, 0),
	})
}
