import requests

from myapp.config import settings

HEADERS_TEMPLATE = {
    "APCA-API-KEY-ID": "YOUR_KEY_ID",
    "APCA-API-SECRET-KEY": "YOUR_SECRET_KEY",
}
HEADERS_DOCS = {
    "APCA-API-KEY-ID": "<key>",
    "APCA-API-SECRET-KEY": "<secret>",
}
HEADERS = {
    "APCA-API-KEY-ID": settings.alpaca.key_id,
    "APCA-API-SECRET-KEY": f"{settings.alpaca.secret_key}",
}
requests.get("https://paper-api.alpaca.markets/v2/account", headers=HEADERS, timeout=10)
