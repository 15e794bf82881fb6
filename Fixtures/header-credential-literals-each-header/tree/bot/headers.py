import requests

TRADING = "https://paper-api.alpaca.markets"


def account():
    headers = {
        "APCA-API-KEY-ID": "PKZSV7O49BFYX9X5QM3C",
        "APCA-API-SECRET-KEY": "AccKDpr5TvaEJuJnnrG158KTY2MEtTomPnO9SDtJ",
    }
    return requests.get(TRADING + "/v2/account", headers=headers).json()
