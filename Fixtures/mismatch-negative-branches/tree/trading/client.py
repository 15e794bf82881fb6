import os
import alpaca_trade_api as tradeapi

PAPER = os.getenv("TRADING_MODE", "paper") == "paper"

if PAPER:
    KEY_ID = "PKDTXQUZG3N19529WNHZ"
    SECRET_KEY = "054LYyVc1pFRS8A2GY4bIjBkadI9itK27Vtkpk8m"
    BASE_URL = "https://paper-api.alpaca.markets"
else:
    KEY_ID = "AK2MC1NWTC9Z17UJCD04"
    SECRET_KEY = "HBW44peEcu8hj28iHoT/XPojkU1ziGrWzY786O6a"
    BASE_URL = "https://api.alpaca.markets"

api = tradeapi.REST(KEY_ID, SECRET_KEY, BASE_URL, api_version="v2")
