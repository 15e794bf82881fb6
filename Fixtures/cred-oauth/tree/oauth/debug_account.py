"""Replay a user's request with the token copied from the session store."""
import requests

headers = {"Authorization": "Bearer fd152e12-61bc-4920-a46c-62c8912608a3"}
r = requests.get("https://api.alpaca.markets/v2/account", headers=headers, timeout=10)
print(r.status_code, r.json())
