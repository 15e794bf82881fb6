@testable import AlpacaCore
import PCRE2Kit
import Testing

/// The correlator alone, with hand-made rules: requirements, rejections (by pattern and by rule),
/// the value masked from its own context, nearest partners, duplicates, and pairing by scope.
struct CorrelatorTests {
    /// The accepted (rule id, secret, related secrets) of `text` under `rules`.
    static func accepted(_ rules: RuleSet, _ text: String, path: String = "a.py") -> [(rule: String, secret: String, related: [String])] {
        let bytes = Array(text.utf8)
        let scratch = PCRE2MatchScratch()
        return bytes.withUnsafeBytes { raw in
            var view = TextView(buffer: raw, path: path, ruleSet: rules, scratch: scratch)
            let matcher = Matcher(ruleSet: rules, policy: ScanPolicy())
            var accepted = AcceptedMatches()
            for stage in rules.contentStages {
                let (candidates, _) = matcher.candidates(stage: stage, view: &view, accepted: accepted)
                _ = Correlator(ruleSet: rules).correlate(candidates, into: &accepted, view: &view)
            }
            return accepted.items.enumerated().map { index, item in
                (rules.rules[item.ruleIndex].id, item.secret, accepted.related[index].map { accepted.items[$0].secret })
            }
        }
    }

    static let keyAndSecret = MatcherTests.rule("key", "(KEY[0-9]{8})") + MatcherTests.rule("secret", "(SECRET[0-9]{8})", """
          [[rules.requires]]
          rule = "key"
          withinLines = 2
          withinBytes = 4096
        """)

    @Test("a requirement relates the finding to the nearest partner")
    func nearestPartner() throws {
        let rules = try MatcherTests.ruleSet(Self.keyAndSecret)
        let result = Self.accepted(rules, "KEY00000001\n\nSECRET00000001\nKEY00000002\n")
        let secret = try #require(result.first { $0.rule == "secret" })
        #expect(secret.related == ["KEY00000002"])
    }

    @Test("20,000 key and secret pairs are all accepted (partners are found by line, not by scanning every match)")
    func manyPairs() throws {
        let rules = try MatcherTests.ruleSet(Self.keyAndSecret)
        let text = (0..<20_000).map { String(format: "KEY%08d SECRET%08d\n", $0, $0) }.joined()
        let result = Self.accepted(rules, text)
        #expect(result.filter { $0.rule == "secret" }.count == 20_000)
        #expect(result.filter { $0.rule == "key" }.count == 20_000)
    }

    @Test("a rejecting pattern does not see the candidate's own value")
    func valueIsNotItsOwnContext() throws {
        let rules = try MatcherTests.ruleSet(MatcherTests.rule("token", "token = ([A-Za-z0-9]{12})", """
              [[rules.rejectIf]]
              regex = '''(?i)boto'''
              withinLines = 0
              withinBytes = 200
            """))
        #expect(Self.accepted(rules, "token = x1BoToy2z3w4\n").map(\.secret) == ["x1BoToy2z3w4"], "boto inside the value itself")
        #expect(Self.accepted(rules, "token = x1y2z3w4v5u6  # boto\n").isEmpty, "boto beside the value")
    }

    @Test("the same value matched by two detectors of one rule is accepted once")
    func duplicates() throws {
        let rules = try MatcherTests.ruleSet(MatcherTests.rule("acme", "(acme_[0-9]{6})", """
              [[rules.variants]]
              regex = '''key=(acme_[0-9]{6})'''
            """))
        #expect(Self.accepted(rules, "key=acme_123456\n").count == 1)
    }

    // MARK: - Scope

    static let mixup = MatcherTests.rule("paper-key", "(PK[0-9]{6})") + MatcherTests.rule("live-url", "(https://live\\.example)", """
          [[rules.requires]]
          rule = "paper-key"
          withinLines = "file"
          sameScope = true
          slots = ['''(?i)paper''', '''(?i)live''']
          unlessScopeNames = '''(?i)\\bapi_key\\b'''
        """)

    static func mixups(_ text: String, path: String = "a.py") throws -> [String] {
        try Self.accepted(MatcherTests.ruleSet(Self.mixup), text, path: path).filter { $0.rule == "live-url" }.flatMap(\.related)
    }

    @Test("one call pairs; a comment pairs with nothing")
    func commentsDoNotPair() throws {
        #expect(try Self.mixups("client = Client('PK123456', 'https://live.example')\n") == ["PK123456"])
        #expect(try Self.mixups("key = 'PK123456'\n# switch to https://live.example for live trading\n").isEmpty)
        #expect(try Self.mixups("# key = 'PK123456'\nurl = 'https://live.example'\n").isEmpty)
    }

    @Test("a Bruno request file is one setup: its url block and headers block pair")
    func brunoRequestIsOneSetup() throws {
        let request = """
            get {
              url: https://live.example/v2/account
              auth: none
            }

            headers {
              APCA-API-KEY-ID: PK123456
            }
            """
        #expect(try Self.mixups(request, path: "bruno/get-account.bru") == ["PK123456"])
        #expect(try Self.mixups(request, path: "client.js").isEmpty, "in code, sibling blocks stay apart")
    }

    @Test("a YAML anchor's mapping pairs where an alias merges it, not elsewhere")
    func yamlAnchorsMergeByName() throws {
        let merged = """
            x-alpaca: &alpaca
              KEY_ID: PK123456

            services:
              bot:
                environment:
                  <<: *alpaca
                  BASE_URL: https://live.example
              other:
                environment:
                  BASE_URL: https://live.example
            """
        #expect(try Self.mixups(merged, path: "docker-compose.yml") == ["PK123456"], "only the service that merges the anchor")
        let unmerged = merged.replacingOccurrences(of: "      <<: *alpaca\n", with: "")
        #expect(try Self.mixups(unmerged, path: "docker-compose.yml").isEmpty)
    }

    @Test("a Markdown table of settings is one setup; two tables and the prose around them are not")
    func markdownTables() throws {
        let oneTable = """
            Add these secrets:

            | Name | Value |
            |------|-------|
            | `KEY_ID` | `PK123456` |
            | `BASE_URL` | `https://live.example` |
            """
        #expect(try Self.mixups(oneTable, path: "SETUP.md") == ["PK123456"])
        let twoTables = """
            | Name | Value |
            |------|-------|
            | `KEY_ID` | `PK123456` |

            For the other account:

            | Name | Value |
            |------|-------|
            | `BASE_URL` | `https://live.example` |
            """
        #expect(try Self.mixups(twoTables, path: "SETUP.md").isEmpty)
        let prose = "Your key looks like `PK123456`; live trading uses https://live.example instead.\n"
        #expect(try Self.mixups(prose, path: "SETUP.md").isEmpty)
    }

    @Test("a PHP variable pairs where $name uses it")
    func phpVariables() throws {
        let text = """
            <?php
            $base = 'https://live.example';
            $client = new Client('PK123456', 'secret', $base);
            """
        #expect(try Self.mixups(text, path: "examples/account.php") == ["PK123456"])
        #expect(try Self.mixups(text.replacingOccurrences(of: ", $base)", with: ")"), path: "examples/account.php").isEmpty)
    }

    @Test("TOML tables and INI sections are separate settings")
    func configSections() throws {
        let toml = """
            [alpaca.paper]
            key = "PK123456"

            [alpaca.live]
            url = "https://live.example"
            """
        #expect(try Self.mixups(toml, path: "config/alpaca.toml").isEmpty)
        #expect(try Self.mixups(toml.replacingOccurrences(of: "[alpaca.live]\n", with: ""), path: "config/alpaca.toml") == ["PK123456"])
        let ini = "[paper]\nkey = PK123456\n[live]\nurl = https://live.example\n"
        #expect(try Self.mixups(ini, path: "settings.ini").isEmpty)
    }

    @Test("a Postman request's headers pair with its URL object, not with another request's")
    func postmanRequests() throws {
        let request = """
            {"item": [
              {"name": "account",
               "request": {
                "header": [
                  {"key": "KEY_ID", "value": "PK123456"}
                ],
                "url": {"raw": "https://live.example/v2/account"}
               }
              },
              {"name": "clock",
               "request": {
                "header": [],
                "url": {"raw": "https://live.example/v2/clock"}
               }
              }
            ]}
            """
        #expect(try Self.mixups(request, path: "api.postman_collection.json") == ["PK123456"], "the first request only")
        #expect(try Self.mixups(request, path: "data/requests.json").isEmpty, "other JSON: objects of a document do not pair as siblings")
    }

    @Test("branches are separate setups")
    func branches() throws {
        let text = """
            if paper:
                key = 'PK123456'
            else:
                url = 'https://live.example'
            """
        #expect(try Self.mixups(text).isEmpty)
    }

    @Test("a module constant pairs only with the setups that use it by name")
    func constantsByName() throws {
        let unused = """
            BASE = 'https://live.example'

            def connect():
                return Client('PK123456', other)
            """
        #expect(try Self.mixups(unused).isEmpty)
        let used = """
            BASE = 'https://live.example'

            def connect():
                return Client('PK123456', BASE)
            """
        #expect(try Self.mixups(used) == ["PK123456"])
    }

    @Test("named slots are separate settings")
    func slots() throws {
        #expect(try Self.mixups("APCA_PAPER_KEY=PK123456\nAPCA_LIVE_URL=https://live.example\n", path: ".env").isEmpty)
        #expect(try Self.mixups("APCA_KEY=PK123456\nAPCA_URL=https://live.example\n", path: ".env") == ["PK123456"])
    }

    @Test("a call that names its own key variable does not pair with a literal key outside it")
    func ownKeyVariable() throws {
        let text = """
            def run():
                other = 'PK123456'
                client = Client(api_key, 'https://live.example')
            """
        #expect(try Self.mixups(text).isEmpty)
    }

    @Test("bug: sibling argument lists of one function body pair (a session's headers and its request)")
    func siblingCallsPair() throws {
        let python = """
            def account():
                session.headers.update({'APCA-API-KEY-ID': 'PK123456'})
                return session.get('https://live.example/v2/account')
            """
        #expect(try Self.mixups(python) == ["PK123456"])
        let java = """
            Request account() {
                return new Request.Builder()
                        .url("https://live.example/v2/account")
                        .addHeader("APCA-API-KEY-ID", "PK123456")
                        .build();
            }
            """
        #expect(try Self.mixups(java, path: "A.java") == ["PK123456"])
        let initializer = "var http = new HttpClient { BaseAddress = new Uri(\"https://live.example\") };\nhttp.Headers.Add(\"k\", \"PK123456\");\n"
        #expect(try Self.mixups("void Create()\n{\n" + initializer + "}\n", path: "A.cs") == ["PK123456"])
    }

    @Test("sibling blocks stay apart: if and else bodies, two functions, two module-level calls")
    func siblingBlocksDoNotPair() throws {
        let js = """
            function pick(paper) {
              if (paper) {
                connect({ key: 'PK123456' });
              } else {
                connect({ url: 'https://live.example' });
              }
            }
            """
        #expect(try Self.mixups(js, path: "a.js").isEmpty)
        #expect(try Self.mixups("def a():\n    f('PK123456')\n\ndef b():\n    g('https://live.example')\n").isEmpty)
        #expect(try Self.mixups("f('PK123456')\ng('https://live.example')\n").isEmpty)
        // A JSON document is one value: its objects are not statements of a block.
        #expect(try Self.mixups("{\n  \"a\": {\"d\": \"https://live.example\"},\n  \"b\": [{\"k\": \"PK123456\"}]\n}\n", path: "c.json").isEmpty)
    }

    @Test("bug: a client that names its own key variable does not pair through its own name or a sibling call")
    func ownKeyVariableThroughNames() throws {
        let text = """
            def main():
                data_key = 'PK123456'
                data = DataClient(data_key)
                trading = Client(api_key, 'https://live.example')
                return data, trading
            """
        #expect(try Self.mixups(text).isEmpty)
        let passed = """
            def main():
                api_key = 'PK123456'
                return Client(api_key, 'https://live.example')
            """
        #expect(try Self.mixups(passed) == ["PK123456"])
    }

    @Test("bug: a constant used in an interpolation or as Type.NAME pairs with the setup using it")
    func constantsInInterpolationsAndTypes() throws {
        let interpolation = """
            BASE = 'https://live.example'

            def connect():
                return Client(f"{BASE}/v2", 'PK123456')
            """
        #expect(try Self.mixups(interpolation) == ["PK123456"])
        let plainString = """
            BASE = 'https://live.example'

            def connect():
                return Client("BASE/v2", 'PK123456')
            """
        #expect(try Self.mixups(plainString).isEmpty)
        let member = """
            enum Config {
                static let base = URL(string: "https://live.example")!
            }
            final class Service {
                let client = Client(base: Config.base, key: "PK123456")
            }
            """
        #expect(try Self.mixups(member, path: "S.swift") == ["PK123456"])
    }

    @Test("bug: YAML documents, reStructuredText literal blocks and notebook cells are scopes as their formats define them")
    func documentFormats() throws {
        let yaml = "alpaca.key: PK123456\nalpaca.url: https://paper.example\n---\nalpaca.key: other\nalpaca.url: https://live.example\n"
        #expect(try Self.mixups(yaml, path: "application.yml").isEmpty)
        #expect(try Self.mixups("alpaca.key: PK123456\nalpaca.url: https://live.example\n", path: "application.yml") == ["PK123456"])
        let rst = "Setup:\n\n.. code-block:: python\n\n   api = REST('PK123456',\n              'https://live.example')\n"
        #expect(try Self.mixups(rst, path: "index.rst") == ["PK123456"])
        #expect(try Self.mixups("Use PK123456 with\n   https://live.example in prose.\n", path: "index.rst").isEmpty)
        let notebook = """
            {"cells": [
              {"source": [
                "KEY = 'PK123456'\\n"
              ]},
              {"source": [
                "client = Client(KEY, 'https://live.example')"
              ]}
            ]}
            """
        #expect(try Self.mixups(notebook, path: "n.ipynb") == ["PK123456"])
    }

    @Test("bug: a comment heading a group of settings names its slot (# For Live Trading)")
    func headingSlots() throws {
        let text = "```bash\n# For Paper Trading\nexport KEY=PK123456\n\n# For Live Trading\nexport URL=https://live.example\n```\n"
        #expect(try Self.mixups(text, path: "setup.md").isEmpty)
        let unlabeled = "```bash\n# Credentials\nexport KEY=PK123456\nexport URL=https://live.example\n```\n"
        #expect(try Self.mixups(unlabeled, path: "setup.md") == ["PK123456"])
    }

    @Test("bug: name/value entries of one YAML environment list are one setup; two services are not")
    func yamlEnvironmentLists() throws {
        let entries = "env:\n  - name: KEY\n    value: PK123456\n  - name: URL\n    value: https://live.example\n"
        #expect(try Self.mixups(entries, path: "deploy.yaml") == ["PK123456"])
        let services = "services:\n  paper:\n    environment:\n      KEY: PK123456\n  other:\n    environment:\n      URL: https://live.example\n"
        #expect(try Self.mixups(services, path: "compose.yaml").isEmpty)
    }

    @Test("bug: IPython %env magics in a notebook cell are code")
    func notebookMagics() throws {
        let notebook = """
            {"cells": [
              {"source": [
                "%env KEY=PK123456\\n",
                "%env URL=https://live.example"
              ]}
            ]}
            """
        #expect(try Self.mixups(notebook, path: "n.ipynb") == ["PK123456"])
    }
}
