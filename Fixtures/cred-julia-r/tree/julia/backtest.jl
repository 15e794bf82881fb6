using HTTP, JSON3

ENV["APCA_API_KEY_ID"] = "PKY9Q6GKFMW0WUYJ48NX"
ENV["APCA_API_SECRET_KEY"] = "HlsCZzaLrCixWe7JIdbZ3mCEZLEl156/DpRZJDzS"

const DATA_URL = "https://data.alpaca.markets/v2"

function bars(symbol; timeframe = "1Day", limit = 100)
    headers = ["APCA-API-KEY-ID" => ENV["APCA_API_KEY_ID"],
               "APCA-API-SECRET-KEY" => ENV["APCA_API_SECRET_KEY"]]
    r = HTTP.get("$DATA_URL/stocks/$symbol/bars?timeframe=$timeframe&limit=$limit", headers)
    JSON3.read(r.body).bars
end
