from alpaca_trade_api.common import URL
from alpaca_trade_api.stream import Stream


async def on_trade(t):
    print("trade", t.symbol, t.price, t.size)


def main():
    stream = Stream(
        "PK3YXE6NTOR6FC8DD7SW",
        "gHgCtTiwJAH/YncUjZlv74ixr41K9Wk1QkkcFvBN",
        base_url=URL("https://paper-api.alpaca.markets"),
        data_feed="iex",
    )
    stream.subscribe_trades(on_trade, "AAPL", "MSFT")
    stream.run()


if __name__ == "__main__":
    main()
