import base64
import os

import requests

BROKER_URL = "https://broker-api.sandbox.alpaca.markets"
_token = base64.b64encode(f"{os.environ['BROKER_API_KEY']}:{os.environ['BROKER_API_SECRET']}".encode()).decode()
HEADERS = {
    "Authorization": f"Basic {_token}",
    "Content-Type": "application/json",
}


def list_accounts():
    return requests.get(f"{BROKER_URL}/v1/accounts", headers=HEADERS, timeout=10).json()
