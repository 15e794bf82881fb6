import hashlib
import os

from alpaca.trading.client import TradingClient

# secret rotated 2024-02-28 in commit 033b33b45ad1cb6fe8836684cec36b4b898352df (see CHANGELOG)
EXPECTED_SECRET_SHA1 = "fba68433d7f5e5cf83587a34a0758b2f08d97ff9"
EXPECTED_SECRET_SHA256 = "4be21c9375740eec3dfe36a31cef4db2ed7554deedf2dccbe6d4e9730b0c2044"


def secret_fingerprint_ok() -> bool:
    secret = os.environ["APCA_API_SECRET_KEY"].encode()
    return (hashlib.sha1(secret).hexdigest() == EXPECTED_SECRET_SHA1
            and hashlib.sha256(secret).hexdigest() == EXPECTED_SECRET_SHA256)


def client() -> TradingClient:
    return TradingClient(os.environ["APCA_API_KEY_ID"], os.environ["APCA_API_SECRET_KEY"], paper=True)
