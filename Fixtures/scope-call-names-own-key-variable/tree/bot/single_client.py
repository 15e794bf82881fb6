import os

from alpaca.trading.client import TradingClient


def main():
    api_key = "AK0F4KXLUFR1KYUQNM2G"
    secret_key = os.environ["APCA_API_SECRET_KEY"]
    return TradingClient(api_key, secret_key, paper=True)
