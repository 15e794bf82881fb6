import os

ALPACA_KEY = os.getenv("ALPACA_API_KEY", "PK1C0AVQNP8GFDPF7VZP")
ALPACA_SECRET = os.getenv("ALPACA_SECRET_KEY", "xZa4lch52LS2DNyJLEj7ucaxXrZ0IYkxXlIUMzsV")
ALPACA_PAPER = os.getenv("ALPACA_PAPER", "true").lower() == "true"
SYMBOLS = os.getenv("SYMBOLS", "SPY,QQQ").split(",")
