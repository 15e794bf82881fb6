import os
from dotenv import load_dotenv
import alpaca_trade_api as tradeapi

load_dotenv()
api = tradeapi.REST()  # reads APCA_API_KEY_ID / APCA_API_SECRET_KEY / APCA_API_BASE_URL
print(api.get_account().equity)
