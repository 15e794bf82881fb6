"""Momentum bot for the paper account (alpaca-trade-api v3)."""
import logging

import alpaca_trade_api as tradeapi

log = logging.getLogger(__name__)

API_KEY = "PKBEB1S8YEDVT0JPOB91"
API_SECRET = "rYTaqpqsk9EuslTCa34CxCt9sjT8fG8nsnXCuofj"
BASE_URL = "https://paper-api.alpaca.markets"

api = tradeapi.REST(API_KEY, API_SECRET, BASE_URL, api_version="v2")


def rebalance(symbols, budget):
    account = api.get_account()
    if account.trading_blocked:
        log.warning("account is blocked, skipping")
        return
    per_symbol = min(float(account.buying_power), budget) / len(symbols)
    for symbol in symbols:
        price = api.get_latest_trade(symbol).price
        qty = int(per_symbol // price)
        if qty > 0:
            api.submit_order(symbol=symbol, qty=qty, side="buy",
                             type="market", time_in_force="day")
