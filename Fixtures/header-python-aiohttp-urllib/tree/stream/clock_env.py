import json
import os
import urllib.request

req = urllib.request.Request("https://api.alpaca.markets/v2/clock")
req.add_header("APCA-API-KEY-ID", os.environ["APCA_API_KEY_ID"])
req.add_header("APCA-API-SECRET-KEY", os.environ["APCA_API_SECRET_KEY"])
with urllib.request.urlopen(req) as resp:
    print(json.load(resp)["is_open"])
