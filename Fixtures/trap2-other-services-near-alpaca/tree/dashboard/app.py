import os

from alpaca.trading.client import TradingClient
from flask import Flask, jsonify

app = Flask(__name__)
app.config["SECRET_KEY"] = "nG5ZFJoC6vWCBiJmpflvJfupxqZKm4bV3AyAVHny"
client = TradingClient(os.environ["APCA_API_KEY_ID"], os.environ["APCA_API_SECRET_KEY"], paper=True)


@app.get("/equity")
def equity():
    return jsonify(equity=client.get_account().equity)
