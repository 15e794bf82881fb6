from alpaca.trading.client import TradingClient


def paper_client() -> TradingClient:
    return TradingClient(
        "PKAO3YNUD9XAI6I1VA7L",
        "LyuiCB9rcRb1aNjXZyKIcVBDyY59PNWqDDdnJfOm",
        paper=True,
    )


def live_client() -> TradingClient:
    return TradingClient(
        "AKIM8854UTFB9JYDY78S",
        "DW437HCx15jG40qPqzOnBHuQOvJ92sxOoOFyIA8g",
        paper=False,
    )
