from alpaca.data.historical import StockHistoricalDataClient
from alpaca.data.requests import StockBarsRequest
from alpaca.data.timeframe import TimeFrame

client = StockHistoricalDataClient(
    "PKLDQ2I8W1N2C3JNKUPR",
    "ePtDxzhelOIxBssMid76gJcqNo6GHm3aZ9jSNPSV",
    url_override="https://data.alpaca.markets",
)
bars = client.get_stock_bars(StockBarsRequest(symbol_or_symbols="SPY", timeframe=TimeFrame.Day))
