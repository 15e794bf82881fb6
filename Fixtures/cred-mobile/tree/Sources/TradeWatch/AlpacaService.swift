import Foundation

struct AlpacaService {
    private let baseURL = URL(string: "https://paper-api.alpaca.markets/v2")!
    private let keyID = "PKHNJ5Y171IVQS29O4OV"
    private let secretKey = "0oIThJET2WQ1Sdhhka8K2tlI7ZKDDv8vsZM2nCM2"

    func account() async throws -> Data {
        var request = URLRequest(url: baseURL.appendingPathComponent("account"))
        request.setValue(keyID, forHTTPHeaderField: "APCA-API-KEY-ID")
        request.setValue(secretKey, forHTTPHeaderField: "APCA-API-SECRET-KEY")
        let (data, _) = try await URLSession.shared.data(for: request)
        return data
    }
}
