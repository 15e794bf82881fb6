from datetime import datetime, timedelta

from alpaca.data.historical import StockHistoricalDataClient
from alpaca.data.requests import StockBarsRequest
from alpaca.data.timeframe import TimeFrame

data_client = StockHistoricalDataClient(
    api_key="AK1RVPA04XMT7CIOXXJQ",
    secret_key="O5D2P8FCcLOdxbmmsIYCIvC/0x6uGxP1Yn3tSTbg",
)


def daily_bars(symbol: str, days: int = 30):
    req = StockBarsRequest(
        symbol_or_symbols=symbol,
        timeframe=TimeFrame.Day,
        start=datetime.now() - timedelta(days=days),
    )
    return data_client.get_stock_bars(req).df
