import Foundation

enum AlpacaCredentials {
    static let keyID: String = "PKB5WKH7DNSIPZZ7FK4ZRI3R2W"

    // Paper account only.
    static let baseURL = URL(string: "https://paper-api.alpaca.markets")!
    static let dataURL = URL(string: "https://data.alpaca.markets")!

    static let secretKey: String = "kyRFA6CAFjF1YveCHK1ATbQgdM9mwZgikp4WzxrxktcS"
}
