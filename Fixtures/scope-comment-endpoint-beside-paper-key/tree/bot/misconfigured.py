import alpaca_trade_api as tradeapi

# The same setup with the live URL uncommented: a real mix-up.
API_KEY = "PKHFEA77LKODAEUXZXET"
API_SECRET = "r8E6LiCwhlOoNJLACkYGEGNmjPVhR7KW97pDthwx"
BASE_URL = "https://api.alpaca.markets"

api = tradeapi.REST(API_KEY, API_SECRET, BASE_URL)
