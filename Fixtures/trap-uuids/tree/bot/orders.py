import os
import uuid

from alpaca.trading.client import TradingClient
from alpaca.trading.requests import ReplaceOrderRequest

client = TradingClient(os.environ["APCA_API_KEY_ID"], os.environ["APCA_API_SECRET_KEY"], paper=True)

# order that got stuck on 2024-03-08; kept for the post-mortem
STUCK_ORDER_ID = "59c474ab-3133-49f4-9181-3fa35080387c"
AAPL_ASSET_ID = "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415"


def bump_limit(order_id=STUCK_ORDER_ID, new_limit=187.5):
    return client.replace_order_by_id(order_id, ReplaceOrderRequest(limit_price=new_limit))


def new_client_order_id() -> str:
    return str(uuid.uuid4())
