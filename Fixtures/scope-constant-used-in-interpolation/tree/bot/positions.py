import os

import requests

BASE_URL = "https://api.alpaca.markets"


def positions():
    return requests.get(
        BASE_URL + "/v2/positions",
        headers={"APCA-API-KEY-ID": "PKZSV7O49BFYX9X5QM3C", "APCA-API-SECRET-KEY": os.environ["APCA_API_SECRET_KEY"]},
    ).json()
