using HTTP, JSON3

resp = HTTP.get("https://paper-api.alpaca.markets/v2/account",
                ["APCA-API-KEY-ID" => ENV["APCA_API_KEY_ID"],
                 "APCA-API-SECRET-KEY" => ENV["APCA_API_SECRET_KEY"]])
account = JSON3.read(resp.body)
println(account.equity)
