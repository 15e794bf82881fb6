import os

import alpaca_trade_api as tradeapi

if os.environ.get("TRADING_MODE") == "live":
    BASE_URL = "https://api.alpaca.markets"
    KEY_ID = "AKQH81NK0JA2794QJLXB"
    SECRET_KEY = "hVgvJJ1bGSLiBZK6UiykCOFmao3RTFTAuft689oS"
else:
    BASE_URL = "https://paper-api.alpaca.markets"
    KEY_ID = "PKOB0K8W68SFC88W14Z0"
    SECRET_KEY = "9IhI74of/bZK9bvCa14eva3Y5nxJxgkZ8gsDBNG3"

api = tradeapi.REST(KEY_ID, SECRET_KEY, BASE_URL, api_version="v2")
