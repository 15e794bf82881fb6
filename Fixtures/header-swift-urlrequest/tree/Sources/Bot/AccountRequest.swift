import Foundation

func accountRequest() -> URLRequest {
    var request = URLRequest(url: URL(string: "https://paper-api.alpaca.markets/v2/account")!)
    request.httpMethod = "GET"
    request.setValue("PK5I6QFWWLM4BYV98XD1", forHTTPHeaderField: "APCA-API-KEY-ID")
    request.setValue(
        "mj8gwNkRUGMMb2LGW9TKbrSahNNywtYNqTYVIBZU",
        forHTTPHeaderField: "APCA-API-SECRET-KEY"
    )
    return request
}
