import os

import alpaca_trade_api as tradeapi

PAPER_URL = "https://paper-api.alpaca.markets"
KEY_ID = os.environ.get("APCA_API_KEY_ID", "")


def make_client():
    """Legacy SDK client; the secret was pasted while debugging."""
    return tradeapi.REST(
        KEY_ID,
        "IA1id6Vw5DQL05HA064GiIjHGb3CXlMaXZjljENU",
        PAPER_URL,
        api_version="v2",
    )
