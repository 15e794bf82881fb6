import os

from alpaca.trading.client import TradingClient

client = TradingClient(os.environ["APCA_API_KEY_ID"], os.environ["APCA_API_SECRET_KEY"], paper=True)
print(client.get_account().status)
