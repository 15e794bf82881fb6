from alpaca.trading.client import TradingClient

trading = TradingClient(api_key="PKTFKBH4DEWIO6UJE7SGZ4V7E7", secret_key="wXQYc7deWex1PDoWLjNPnabMAwhBWVcwxpDVPRBnGyX9",
                        paper=False)
print(trading.get_account().buying_power)
