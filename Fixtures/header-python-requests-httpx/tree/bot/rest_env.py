import os
import requests

BASE_URL = "https://paper-api.alpaca.markets"
HEADERS = {
    "APCA-API-KEY-ID": os.environ["APCA_API_KEY_ID"],
    "APCA-API-SECRET-KEY": os.environ["APCA_API_SECRET_KEY"],
}


def account():
    return requests.get(f"{BASE_URL}/v2/account", headers=HEADERS, timeout=10).json()
