package env

import "github.com/alpacahq/alpaca-trade-api-go/v3/alpaca"

func Options(mode string) alpaca.ClientOpts {
	switch mode {
	case "paper":
		return alpaca.ClientOpts{
			APIKey:    "PKK1S5W9GH413X1AW0MX",
			APISecret: "WutgCg4zjIccvbkmUAolhChZ9oZGrp27YmBnBZ7H",
			BaseURL:   "https://paper-api.alpaca.markets",
		}
	case "live":
		return alpaca.ClientOpts{
			APIKey:    "AK0T4SXT5L4TOAO1KWW0",
			APISecret: "7tOggYDi0TIueidA9G2m7kbtVsPDTDR3z7HUadiQ",
			BaseURL:   "https://api.alpaca.markets",
		}
	}
	return alpaca.ClientOpts{}
}
