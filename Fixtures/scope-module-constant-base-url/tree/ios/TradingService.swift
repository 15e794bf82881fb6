import Foundation

private let baseURL = URL(string: "https://api.alpaca.markets")!

final class TradingService {
    private let client: AlpacaClient

    init() {
        client = AlpacaClient(
            baseURL: baseURL,
            keyID: "PKEKMNY7JE6PPIWA5JW8",
            secretKey: ProcessInfo.processInfo.environment["APCA_API_SECRET_KEY"] ?? ""
        )
    }
}
