package main

const (
	liveKeyID     = "AKR1Z6DB0U7LW54V8Z25"
	liveSecretKey = "BZSntMY467o6hHdeHHwJwRJvreuENsrgDUIvMAZC"
	tradeStream   = "wss://api.alpaca.markets/stream"
)
