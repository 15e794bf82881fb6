import os

import alpaca_trade_api as tradeapi

# TODO remove once the env vars are set on the server
# api = tradeapi.REST('PKHFP3JS9WK0UXY4KC6Z', 'JoQmU4vOMTGLS3n2mlriH4LzrjNLtZNmqIEQZn6K', 'https://paper-api.alpaca.markets')
api = tradeapi.REST(
    os.environ["APCA_API_KEY_ID"],
    os.environ["APCA_API_SECRET_KEY"],
    os.environ.get("APCA_API_BASE_URL", "https://paper-api.alpaca.markets"),
)
