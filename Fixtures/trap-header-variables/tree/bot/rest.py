import os

import requests

BASE_URL = os.environ.get("APCA_API_BASE_URL", "https://paper-api.alpaca.markets")
HEADERS = {
    "APCA-API-KEY-ID": os.environ["APCA_API_KEY_ID"],
    "APCA-API-SECRET-KEY": os.environ["APCA_API_SECRET_KEY"],
}


def get(path, **params):
    r = requests.get(f"{BASE_URL}/v2/{path}", headers=HEADERS, params=params, timeout=10)
    r.raise_for_status()
    return r.json()
