from alpaca.data.historical import StockHistoricalDataClient
from alpaca.trading.client import TradingClient

from .settings import KEY_ID

data_client = StockHistoricalDataClient(KEY_ID, "8c4MkaacXsr7yc4GDJ3r7ZVc2qz5VMgZfZDmJVZbtXZG")
trading_client = TradingClient(api_key=KEY_ID, secret_key=os_secret(), paper=True)
