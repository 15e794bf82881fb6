"""Sends fills from the Alpaca paper account to chat and to an LLM summary."""
import os

import requests

ALPACA_URL = "https://paper-api.alpaca.markets"
HEADERS = {
    "APCA-API-KEY-ID": os.environ["APCA_API_KEY_ID"],
    "APCA-API-SECRET-KEY": os.environ["APCA_API_SECRET_KEY"],
}


def summarize(fills):
    return requests.post(
        "https://api.openai.com/v1/chat/completions",
        headers={"Authorization": "Bearer sk-proj-Q3h8ZK2W6N0RTvLV4BqW3eR5tY7uI9oP1aS3dF5gH7j"},
        json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": str(fills)}]},
    ).json()


def post_to_github(body):
    return requests.post(
        "https://api.github.com/repos/acme/trading-journal/issues",
        headers={"Authorization": "Bearer ghp_R8M2Q0TZ1WX9YB4HND7KqW3eR5tY7uI9oP1aS"},
        json={"title": "daily fills", "body": body},
    )
