import TestSupport
import Foundation
import Testing
@testable import AlpacaVerify

@Suite("What is sent for each kind of credential")
struct RequestPlanTests {
    @Test("a PK key asks paper first and expects paper")
    func paperKey() throws {
        let plan = try #require(try RequestPlan.make(for: .tradingKeyPair(keyID: FakeKeys.paperID, secret: FakeKeys.paperSecret)))
        #expect(plan.hosts == [.paper, .live])
        #expect(plan.path == "/v2/account")
        #expect(plan.expected == .paper)
        #expect(plan.headers == [.init(name: "APCA-API-KEY-ID", value: FakeKeys.paperID),
                                 .init(name: "APCA-API-SECRET-KEY", value: FakeKeys.paperSecret)])
        #expect(plan.readsAccountStatus)
    }

    @Test("an AK key asks live first and expects live")
    func liveKey() throws {
        let plan = try #require(try RequestPlan.make(for: .tradingKeyPair(keyID: FakeKeys.liveID, secret: FakeKeys.liveSecret)))
        #expect(plan.hosts == [.live, .paper])
        #expect(plan.expected == .live)
    }

    @Test("a broker key uses Basic auth on /v1/clock, sandbox first, and reads no account")
    func brokerKey() throws {
        let plan = try #require(try RequestPlan.make(for: .brokerBasic(keyID: FakeKeys.brokerID, secret: FakeKeys.brokerSecret)))
        #expect(plan.hosts == [.brokerSandbox, .brokerLive])
        #expect(plan.path == "/v1/clock")
        let expected = "Basic " + Data("\(FakeKeys.brokerID):\(FakeKeys.brokerSecret)".utf8).base64EncodedString()
        #expect(plan.headers == [.init(name: "Authorization", value: expected)])
        #expect(!plan.readsAccountStatus)
    }

    @Test("an OAuth token is a Bearer token on the trading API, live first")
    func oauth() throws {
        let plan = try #require(try RequestPlan.make(for: .oauthToken(FakeKeys.oauthToken)))
        #expect(plan.hosts == [.live, .paper])
        #expect(plan.headers == [.init(name: "Authorization", value: "Bearer \(FakeKeys.oauthToken)")])
        #expect(plan.expected == nil)
    }

    @Test("a key ID alone has no plan: nothing is sent")
    func keyIDOnly() throws {
        #expect(try RequestPlan.make(for: .keyIDOnly(FakeKeys.paperID)) == nil)
    }

    @Test("values that would break a header are never sent", arguments: [
        Credential.tradingKeyPair(keyID: FakeKeys.paperID, secret: "abc\r\nX-Injected: 1"),
        Credential.tradingKeyPair(keyID: "PK\tQ3H8", secret: FakeKeys.paperSecret),
        Credential.tradingKeyPair(keyID: FakeKeys.paperID, secret: ""),
        Credential.oauthToken("abc def"),
        Credential.brokerBasic(keyID: "CK:1", secret: "x"),
        Credential.brokerBasic(keyID: "CKÄ", secret: "x"),
    ])
    func unsendable(credential: Credential) {
        #expect(throws: RequestPlan.Refusal.self) { try RequestPlan.make(for: credential) }
    }

    @Test("the base64 of a Basic header becomes a broker pair; other values do not")
    func basicDecoding() {
        let encoded = Data("\(FakeKeys.brokerID):\(FakeKeys.brokerSecret)".utf8).base64EncodedString()
        #expect(Credential.brokerBasic(base64: encoded) == .brokerBasic(keyID: FakeKeys.brokerID, secret: FakeKeys.brokerSecret))
        #expect(Credential.brokerBasic(base64: "Y2xpZW50X2lk") == nil)  // "client_id": no colon
        #expect(Credential.brokerBasic(base64: Data(":x".utf8).base64EncodedString()) == nil)
        #expect(Credential.brokerBasic(base64: "not base64!") == nil)
    }

    @Test("a credential printed or dumped never shows its secret")
    func redaction() {
        let credential = Credential.tradingKeyPair(keyID: FakeKeys.paperID, secret: FakeKeys.paperSecret)
        var dumped = ""
        dump(credential, to: &dumped)
        for text in [credential.description, String(reflecting: credential), "\(credential)", dumped] {
            #expect(!text.contains(FakeKeys.paperSecret))
            #expect(!text.contains(FakeKeys.paperID))
        }
        #expect(!"\(Credential.oauthToken(FakeKeys.oauthToken))".contains(FakeKeys.oauthToken))
    }

    @Test("only the account's status word is read from a body")
    func accountStatus() {
        #expect(AccountStatusReader.status(in: Array(#"{"status":"ACTIVE","cash":"1"}"#.utf8)) == "ACTIVE")
        #expect(AccountStatusReader.status(in: Array(#"{"status":"ACCOUNT_UPDATED"}"#.utf8)) == "ACCOUNT_UPDATED")
        #expect(AccountStatusReader.status(in: Array(#"{"status":"PA3FAKE7 <script>"}"#.utf8)) == nil)
        #expect(AccountStatusReader.status(in: Array(#"{"status":7}"#.utf8)) == nil)
        #expect(AccountStatusReader.status(in: Array("not json".utf8)) == nil)
        #expect(AccountStatusReader.status(in: Array(#"["ACTIVE"]"#.utf8)) == nil)
    }
}
