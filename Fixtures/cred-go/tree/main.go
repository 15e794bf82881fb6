package main

import (
	"fmt"
	"log"

	"github.com/alpacahq/alpaca-trade-api-go/v3/alpaca"
)

func main() {
	client := alpaca.NewClient(alpaca.ClientOpts{
		APIKey:    "PK197EYB664H95A4NLEN",
		APISecret: "gQVz472FNFSGCZc4yLb88CTMWR0xnYce9Y4tdWOy",
		BaseURL:   "https://paper-api.alpaca.markets",
	})
	acct, err := client.GetAccount()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%+v\n", *acct)
}
