import alpaca_trade_api as tradeapi

# paper account used by the integration job: paper key with the paper endpoint
api = tradeapi.REST(
    "PKOL1YXM13BPAGXIUWP7",
    "D8BHbNdZU0NYJ2gClNbc/Hrd0APsmYaUSRCsllZq",
    "https://paper-api.alpaca.markets",
)
