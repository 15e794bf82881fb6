import alpaca_trade_api as tradeapi

# the "paper" bot -- pointed at the live endpoint by mistake
api = tradeapi.REST(
    key_id="PK5RBV728UG5X2EG4JIY",
    secret_key="wgowvT98iSqoM0J4oR33QaZ4wKCpm5bGOTOL7MRx",
    base_url="https://api.alpaca.markets",
)
