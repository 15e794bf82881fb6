library(httr)
library(jsonlite)

# ---- Credentials ----
alpaca_key    <- "PKXKWO886VOMPZOM75WB"
alpaca_base   <- "https://data.alpaca.markets/v2/stocks"
symbols       <- c("SPY", "QQQ", "IWM")
lookback_days <- 30

# paste the secret from the dashboard here
alpaca_secret <- "bYrEqmSM9wCZ7Uw9xfogoEmvnEN5N1aE6PwZPf1Q"

get_bars <- function(symbol) {
  GET(paste0(alpaca_base, "/", symbol, "/bars"),
      add_headers(`APCA-API-KEY-ID` = alpaca_key, `APCA-API-SECRET-KEY` = alpaca_secret),
      query = list(timeframe = "1Day"))
}
