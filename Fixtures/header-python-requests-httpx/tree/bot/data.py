import httpx

client = httpx.Client(
    base_url="https://data.alpaca.markets",
    headers={
        "APCA-API-KEY-ID": "PKMEVAETBZT3CPI5HOHW2XPMXF",
        "APCA-API-SECRET-KEY": "SMyLxc4GQASCZgcaTZrca54hkG3ZcawnHSTVfg55LDoF",
    },
    timeout=5.0,
)
latest = client.get("/v2/stocks/AAPL/trades/latest").json()
