import os

# Names, not values: the real ones come from the environment.
APCA_API_KEY_ID = "APCA_API_KEY_ID"
APCA_API_SECRET_KEY = "APCA_API_SECRET_KEY"

KEY_ID = os.environ[APCA_API_KEY_ID]
SECRET_KEY = os.environ[APCA_API_SECRET_KEY]
BASE_URL = os.environ.get("APCA_API_BASE_URL", "https://paper-api.alpaca.markets")
