import logging

import alpaca_trade_api as tradeapi

log = logging.getLogger(__name__)

BASE_URL = "https://api.alpaca.markets"
DATA_FEED = "iex"


def connect():
    api = tradeapi.REST(
        "PKWW7A0JXUSVJIOCTZP8",
        "FxdDTBQ2F7Mk3NCxn5rFM4NONIyQqyP2L48hjGDc",
        BASE_URL,
    )
    log.info("connected")
    return api
