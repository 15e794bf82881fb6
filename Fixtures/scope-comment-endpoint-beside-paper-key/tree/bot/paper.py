import alpaca_trade_api as tradeapi

# Paper account keys. For live trading, change the URL to https://api.alpaca.markets
API_KEY = "PKEKMNY7JE6PPIWA5JW8"
API_SECRET = "x9q7B2sBZpn2BK0MLGTZmhzT0LT2iHcCPiUGTYQk"
BASE_URL = "https://paper-api.alpaca.markets"  # live: https://api.alpaca.markets

api = tradeapi.REST(API_KEY, API_SECRET, BASE_URL)
