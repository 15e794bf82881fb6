import os

from alpaca.data.historical import StockHistoricalDataClient
from alpaca.trading.client import TradingClient


def main():
    # Market data comes from the live account's subscription.
    data_key = "AKUIGYNSCWPYVVVU2AWN"
    data_secret = os.environ["LIVE_DATA_SECRET"]
    data = StockHistoricalDataClient(data_key, data_secret)

    api_key = os.environ["APCA_API_KEY_ID"]
    secret_key = os.environ["APCA_API_SECRET_KEY"]
    trading = TradingClient(api_key, secret_key, paper=True)
    return data, trading
