import Foundation

func accountRequestFromEnvironment() -> URLRequest {
    let env = ProcessInfo.processInfo.environment
    var request = URLRequest(url: URL(string: "https://paper-api.alpaca.markets/v2/account")!)
    request.httpMethod = "GET"
    request.setValue(env["APCA_API_KEY_ID"], forHTTPHeaderField: "APCA-API-KEY-ID")
    request.setValue(
        env["APCA_API_SECRET_KEY"],
        forHTTPHeaderField: "APCA-API-SECRET-KEY"
    )
    return request
}
