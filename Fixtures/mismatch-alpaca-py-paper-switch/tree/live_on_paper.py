from alpaca.trading.client import TradingClient
from alpaca.trading.requests import MarketOrderRequest
from alpaca.trading.enums import OrderSide, TimeInForce

client = TradingClient(
    "AKWKRA4UZEPZ1QSSK384",
    "DL0Y6wu1JOSNta0PKhe37ak1aSJARa7717tzNlIr",
    paper=True,
)

order = MarketOrderRequest(symbol="AAPL", qty=1, side=OrderSide.BUY, time_in_force=TimeInForce.DAY)
client.submit_order(order)
