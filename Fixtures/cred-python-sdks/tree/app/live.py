from alpaca.trading.client import TradingClient

LIVE = TradingClient(api_key="AKELCY39O9PG1UYBO1Z8", secret_key="0P9orzPFHWpAAgLvXcklAQbvbD1IvJWm4GrKBw8p", paper=False)


def cash() -> float:
    return float(LIVE.get_account().cash)
