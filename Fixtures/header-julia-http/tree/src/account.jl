using HTTP, JSON3

resp = HTTP.get("https://paper-api.alpaca.markets/v2/account",
                ["APCA-API-KEY-ID" => "PKA43PWZLY7FJM00GFTE",
                 "APCA-API-SECRET-KEY" => "vvcMy7hIbHBSvrBvRUrB4KMviYWQo65dR5AGpDsS"])
account = JSON3.read(resp.body)
println(account.equity)
