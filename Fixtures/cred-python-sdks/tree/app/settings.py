# Connection settings for the paper account.
ALPACA = {
    "key_id": "PKL4V1G5DX9Y2TLNN3VA",
    "secret_key": "GiGwtCM4mHLAPk89qmtwEpOsJ6TmzP80jTvPf7E6",
    "base_url": "https://paper-api.alpaca.markets",
    "data_feed": "iex",
}

RISK = {"max_position_pct": 0.05, "max_open_orders": 20}
