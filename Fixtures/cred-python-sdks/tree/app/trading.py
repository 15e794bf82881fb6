from alpaca.trading.client import TradingClient
from alpaca.trading.enums import OrderSide, TimeInForce
from alpaca.trading.requests import MarketOrderRequest

trading_client = TradingClient(
    "PK7H1Q3CSGT416MJ20NV",
    "5j2Ud0EPMWlVxLCGd90NIkUE3X3XS7H7dvNhvp0T",
    paper=True,
)


def buy(symbol: str, qty: float):
    req = MarketOrderRequest(symbol=symbol, qty=qty, side=OrderSide.BUY,
                             time_in_force=TimeInForce.DAY)
    return trading_client.submit_order(order_data=req)
