import os
import httpx

client = httpx.Client(
    base_url="https://data.alpaca.markets",
    headers={
        "APCA-API-KEY-ID": os.getenv("APCA_API_KEY_ID", ""),
        "APCA-API-SECRET-KEY": os.getenv("APCA_API_SECRET_KEY", ""),
    },
    timeout=5.0,
)
latest = client.get("/v2/stocks/AAPL/trades/latest").json()
