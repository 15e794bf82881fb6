import os

from alpaca.trading.client import TradingClient


def client():
    return TradingClient(os.environ["APCA_API_KEY_ID"], os.environ["APCA_API_SECRET_KEY"], paper=True)


def summarize(acct: dict) -> dict:
    return {
        "account_number": acct["account_number"],
        "account_id": acct["id"],
        "equity": float(acct["equity"]),
    }
