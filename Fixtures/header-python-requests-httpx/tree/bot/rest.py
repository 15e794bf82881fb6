import requests

BASE_URL = "https://paper-api.alpaca.markets"
HEADERS = {
    "APCA-API-KEY-ID": "PKZ5AZZ59L32GH2XN040",
    "APCA-API-SECRET-KEY": "2e1Ide3c6ykX2TbKmwJ2v4Kyqi9eF8lEuefsB3jF",
}


def account():
    return requests.get(f"{BASE_URL}/v2/account", headers=HEADERS, timeout=10).json()
