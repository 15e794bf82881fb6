import requests

BASE_URL = "https://api.alpaca.markets"


def account():
    session = requests.Session()
    session.headers.update({"APCA-API-KEY-ID": "PKLIH7ESBF6F3KIW54FS"})
    return session.get(BASE_URL + "/v2/account").json()
