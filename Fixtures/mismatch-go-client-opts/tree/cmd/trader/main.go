package main

import (
	"fmt"
	"log"

	"github.com/alpacahq/alpaca-trade-api-go/v3/alpaca"
)

func main() {
	client := alpaca.NewClient(alpaca.ClientOpts{
		APIKey:    "PK2YXTQG7WJCB3M657LR",
		APISecret: "7PNBC159twsB09lmZYcZt7dC9HVfrRz3eKFIfNhq",
		BaseURL:   "https://api.alpaca.markets",
	})
	acct, err := client.GetAccount()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(acct.Cash)
}
