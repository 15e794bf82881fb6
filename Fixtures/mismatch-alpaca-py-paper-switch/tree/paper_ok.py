from alpaca.trading.client import TradingClient

client = TradingClient("PKLSANJ7C3C4BHOQMAZ4", "4ftUvXQIChPnlnhG2BqxLHmAuMe57l9JuO4iIhOv", paper=True)
print(client.get_clock().is_open)
