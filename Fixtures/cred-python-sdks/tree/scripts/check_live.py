#!/usr/bin/env python3
# one-off: print the live positions
import alpaca_trade_api as tradeapi

api = tradeapi.REST("AKBK2PS0WQBB3XEOUX2P", "Jq2qdQjxoC0f3V29xJYbz33HFr9UCpTRrCXfkbtB", "https://api.alpaca.markets")
for p in api.list_positions():
    print(f"{p.symbol:6} {p.qty:>8} {p.unrealized_pl:>10}")
