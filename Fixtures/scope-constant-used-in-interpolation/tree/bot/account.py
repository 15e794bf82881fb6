import os

import requests

BASE_URL = "https://api.alpaca.markets"


def account():
    return requests.get(
        f"{BASE_URL}/v2/account",
        headers={"APCA-API-KEY-ID": "PKEKMNY7JE6PPIWA5JW8", "APCA-API-SECRET-KEY": os.environ["APCA_API_SECRET_KEY"]},
    ).json()
