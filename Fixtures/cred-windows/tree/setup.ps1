# Paper trading credentials for this session
$env:APCA_API_KEY_ID = "PKKFQ1EP05O1P7Y7EPEW"
$env:APCA_API_SECRET_KEY = "m9Qz0JYhfDSA7ss3WMrmaPKH5lksHKmE3u0LS3hR"
$env:APCA_API_BASE_URL = "https://paper-api.alpaca.markets"

python -m bot.main
