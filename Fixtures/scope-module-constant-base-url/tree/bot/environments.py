import os

import alpaca_trade_api as tradeapi

ENDPOINT = "https://api.alpaca.markets"


def paper_client():
    return tradeapi.REST(
        "PKEKMNY7JE6PPIWA5JW8",
        "x9q7B2sBZpn2BK0MLGTZmhzT0LT2iHcCPiUGTYQk",
        "https://paper-api.alpaca.markets",
    )


def production_client():
    return tradeapi.REST(os.environ["APCA_API_KEY_ID"], os.environ["APCA_API_SECRET_KEY"], ENDPOINT)
