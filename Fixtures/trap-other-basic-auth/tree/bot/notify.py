import os

import requests
from alpaca.trading.client import TradingClient

# metrics gateway, service account CKmetrics (rotated quarterly by ops)
METRICS_HEADERS = {"Authorization": "Basic Q0ttZXRyaWNzOldxOHJUMnZ6"}

trading = TradingClient(os.environ["APCA_API_KEY_ID"], os.environ["APCA_API_SECRET_KEY"], paper=True)


def post_equity():
    equity = float(trading.get_account().equity)
    requests.post("https://metrics.acme.dev/v1/gauges/equity", json={"value": equity},
                  headers=METRICS_HEADERS, timeout=5)
