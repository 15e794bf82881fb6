"""Runtime settings for the rebalancer."""

ALPACA_KEY_ID = "PK45YDESOK72LLSDD4VEYX2GSA"
ALPACA_SECRET_KEY = "QnDBEMAyTrpfw5PfMUsJ6g3TdXbhoLLsGTnbBw6yLxLZ"
ALPACA_BASE_URL = "https://api.alpaca.markets"
ALPACA_DATA_URL = "https://data.alpaca.markets"

MAX_POSITION_USD = 2500
SYMBOLS = ["SPY", "QQQ", "IWM"]
