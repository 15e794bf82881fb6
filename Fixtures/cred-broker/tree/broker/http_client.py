import requests

BASE_URL = "https://broker-api.sandbox.alpaca.markets/v1"
HEADERS = {"Authorization": "Basic Q0tHTkhLUlQ3TElRNzNPRTA0SU86M1pma3V4VUZheXRlYjg1ajFJRU1XSklrRDJXWTdrdUdGcEI4cm51RQ==", "Accept": "application/json"}


def list_accounts(query=None):
    params = {"query": query} if query else None
    r = requests.get(f"{BASE_URL}/accounts", headers=HEADERS, params=params, timeout=10)
    r.raise_for_status()
    return r.json()
