from alpaca.trading.client import TradingClient

# keys generated 2025-11 (new format)
client = TradingClient(
    api_key="PKOU4QVUUI3X5N3WSFHGVTT4IW",
    secret_key="Niqi5MykxxDME2LDmb7S4Gt9jtFfwaQ1c2LxbmDrWrsE",
    paper=True,
)
