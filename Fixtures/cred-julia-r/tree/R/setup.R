library(AlpacaforR)

Sys.setenv(
  'APCA-PAPER-KEY' = "PKSC8P8K4Y7VITI78KD3",
  'APCA-PAPER-SECRET' = "XieXbjZXyhntM95m9nuLiDfJlmeCtlr4hRkobHs7",
  'APCA-LIVE-KEY' = "AKRMIR57HE7W2P1P5R31",
  'APCA-LIVE-SECRET' = "IEpprYsE5VV5nnhi1icf1d/wfLgruTPPauyhB8Qg"
)

account <- get_account()
print(account$buying_power)
