import alpaca_trade_api as tradeapi

api = tradeapi.REST("PKLIH7ESBF6F3KIW54FS", "JYBpwDrwSKrxIdnVZPILWCVIcAompxTGjrOSCLgc", api_version="v2")
