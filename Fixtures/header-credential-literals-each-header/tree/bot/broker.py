import requests

BROKER = "https://broker-api.sandbox.alpaca.markets/v1"


def broker_headers():
    return {
        "Authorization":
            "Basic Q0tNRUsxWFdVRVpKSjJDVDNTVlg6VHlqOERrc2JmZEx1MVpqRHg3N2ZQR0IzNllQUG5ySjV4ODFDM1o5Ng==",
        "Content-Type": "application/json",
    }


def list_accounts():
    return requests.get(BROKER + "/accounts", headers=broker_headers()).json()
