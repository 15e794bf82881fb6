import os

from flask import Flask, request, abort
import alpaca_trade_api as tradeapi

api = tradeapi.REST(os.environ["APCA_API_KEY_ID"], os.environ["APCA_API_SECRET_KEY"], "https://paper-api.alpaca.markets")
app = Flask(__name__)

TRADINGVIEW_WEBHOOK_SECRET = "Tq82C3c7F3Cau02Jf0iRfTgDNFugpgxHzRcX7py0"
TELEGRAM_BOT_SECRET = "qpkBgsjbN8Lt1ufJZF56f668l6IihywVIBwirAvz"


@app.post("/alert")
def alert():
    if request.headers.get("X-Webhook-Secret") != TRADINGVIEW_WEBHOOK_SECRET:
        abort(403)
    api.submit_order(symbol="SPY", qty=1, side="buy", type="market", time_in_force="day")
    return "ok"
