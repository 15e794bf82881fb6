import requests_mock

from bot.client import AlpacaClient


def test_account(requests_mock):
    requests_mock.get(
        "https://paper-api.alpaca.markets/v2/account",
        request_headers={
            "APCA-API-KEY-ID": "real-key-id-value",
            "APCA-API-SECRET-KEY": "real-secret-key-value",
        },
        json={"status": "ACTIVE"},
    )
    assert AlpacaClient().account()["status"] == "ACTIVE"


def test_oauth(requests_mock):
    requests_mock.get(
        "https://api.alpaca.markets/v2/account",
        request_headers={"Authorization": "Bearer test-key"},
        json={"status": "ACTIVE"},
    )
