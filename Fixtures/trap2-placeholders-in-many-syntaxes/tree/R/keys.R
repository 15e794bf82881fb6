alpaca_key    <- "PAPERKEY"
alpaca_secret <- "PAPERSECRET"
