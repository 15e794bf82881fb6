import requests

BROKER_URL = "https://broker-api.sandbox.alpaca.markets"
HEADERS = {
    "Authorization": "Basic Q0tZNUFQN0FXR0FYTUgzREFRSEc6cFdEV3dPWU5Sb3BJNUNJbG9GcGI1VVM3OTRLOVRrTXc2SWNXeHpqZA==",
    "Content-Type": "application/json",
}


def list_accounts():
    return requests.get(f"{BROKER_URL}/v1/accounts", headers=HEADERS, timeout=10).json()
