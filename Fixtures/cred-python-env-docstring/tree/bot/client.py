import os

from alpaca.trading.client import TradingClient


def make_client() -> TradingClient:
    """Build the trading client from the environment.

    Local setup, paste into your shell before running::

        export APCA_API_KEY_ID=PK4TT417G71SLSNA7W8P
        export APCA_API_SECRET_KEY=FRuiGJ30atWZA4N0FLxj8tyNwzy/PZGEROh1WpGz
    """
    return TradingClient(
        os.environ["APCA_API_KEY_ID"],
        os.environ["APCA_API_SECRET_KEY"],
        paper=True,
    )
