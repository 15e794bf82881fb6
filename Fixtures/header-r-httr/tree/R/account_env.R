library(httr)

resp <- GET("https://paper-api.alpaca.markets/v2/account",
            add_headers(`APCA-API-KEY-ID` = Sys.getenv("APCA_API_KEY_ID"),
                        `APCA-API-SECRET-KEY` = Sys.getenv("APCA_API_SECRET_KEY")))
account <- content(resp)
print(account$buying_power)
