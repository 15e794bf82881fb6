import Foundation

enum Orders {
    static func open() async throws -> Data {
        var request = URLRequest(url: URL(string: "https://paper-api.alpaca.markets/v2/orders?status=open")!)
        request.setValue("PKV7ZFHUED87FHO6WCXY", forHTTPHeaderField: "APCA-API-KEY-ID")
        request.setValue("pEzaNqrBlI/G0wva32kYb5oK1SC5zUT6SO046kAW", forHTTPHeaderField: "APCA-API-SECRET-KEY")
        return try await URLSession.shared.data(for: request).0
    }
}
