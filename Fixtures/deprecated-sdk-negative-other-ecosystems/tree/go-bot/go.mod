module github.com/example/go-bot

go 1.22

require (
	github.com/alpacahq/alpaca-trade-api-go/v3 v3.8.0
	github.com/shopspring/decimal v1.4.0
)
