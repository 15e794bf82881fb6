import os

import requests
from alpaca.data.historical import StockHistoricalDataClient

IEX_TOKEN = "pk_97b8c94ceda98fb2d8146c9e5bd59f90"
IEX_SANDBOX_TOKEN = "Tpk_07c09afb6c310abbfc44086e2532a0b5"

alpaca_data = StockHistoricalDataClient(os.environ["APCA_API_KEY_ID"], os.environ["APCA_API_SECRET_KEY"])


def company(symbol):
    r = requests.get(f"https://cloud.iexapis.com/stable/stock/{symbol}/company", params={"token": IEX_TOKEN})
    return r.json()
