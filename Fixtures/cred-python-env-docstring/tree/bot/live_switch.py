import os

# flip to the live account for the month-end rebalance
os.environ.setdefault("APCA_API_KEY_ID", "AK5NPLZHIP81G59XC2YA")
os.environ.setdefault("APCA_API_SECRET_KEY", "fAKfQUzBfm1sEneZwC9cz8kL5QxaaQ5sQXzD5M20")
os.environ["ALPACA_PAPER"] = "false"
