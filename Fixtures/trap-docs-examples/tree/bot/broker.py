import base64
import os


def basic_auth_header(key_id: str, secret: str) -> str:
    token = base64.b64encode(f"{key_id}:{secret}".encode()).decode()
    return f"Basic {token}"


BROKER_AUTH = basic_auth_header(os.environ["BROKER_API_KEY"], os.environ["BROKER_API_SECRET"])
BROKER_URL = "https://broker-api.sandbox.alpaca.markets/v1"
