import json
import urllib.request

req = urllib.request.Request("https://api.alpaca.markets/v2/clock")
req.add_header("APCA-API-KEY-ID", "AK72PT5FKFBDS3P7R08A")
req.add_header("APCA-API-SECRET-KEY", "XZUCe38eP4Vsf/5pmh38g90T0R7HiA90hbV6nFWL")
with urllib.request.urlopen(req) as resp:
    print(json.load(resp)["is_open"])
