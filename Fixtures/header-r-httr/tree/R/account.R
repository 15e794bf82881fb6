library(httr)

resp <- GET("https://paper-api.alpaca.markets/v2/account",
            add_headers(`APCA-API-KEY-ID` = "PKG1AM1X4SY721DHQZD0",
                        `APCA-API-SECRET-KEY` = "UCrwMZvfX1HIWWHuzjqOz/QCynQOD3sJRqqS9Nj2"))
account <- content(resp)
print(account$buying_power)
