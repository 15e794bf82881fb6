from alpaca.trading.client import TradingClient

ALPACA_KEY_ID = "AK0F4KXLUFR1KYUQNM2G"
ALPACA_SECRET = "wSuuJ7d7MlQHGdQxl8SNVXkd40x51ci0KlGCbCui"


class Backtest:
    def __init__(self, symbol: str, paper=True, cash: float = 10_000):
        self.symbol = symbol
        self.paper = paper
        self.cash = cash


def live_client():
    return TradingClient(ALPACA_KEY_ID, ALPACA_SECRET)
