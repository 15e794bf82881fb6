import Foundation

enum AlpacaConfig {
    static let baseURL = URL(string: "https://api.alpaca.markets")!
    static let timeout: TimeInterval = 10
}

final class OrderService {
    private let client = AlpacaClient(
        baseURL: AlpacaConfig.baseURL,
        keyID: "PKJK3F29O8CSM0E20BQC",
        secretKey: ProcessInfo.processInfo.environment["APCA_API_SECRET_KEY"] ?? ""
    )
}
