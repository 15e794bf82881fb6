#!/usr/bin/env python3
"""A fake Alpaca API for alpaca-lint's verification tests: loopback only, standard library only.

Usage: fake_alpaca_server.py CONFIG.json LOG.jsonl

CONFIG names the listeners (one loopback port each, standing in for one official host) and how
each listener answers each credential:

  {"listeners": ["live", "paper", "broker-live", "broker-sandbox", "trap"],
   "tls": {"listeners": ["paper"], "cert": "cert.pem", "key": "key.pem"},      (optional)
   "responses": {"paper": {"PKQ3H8ZK2W6N0RTVLV4B": {"status": 200, "accountStatus": "ACTIVE",
                                                     "secret": "q8Wd…", "delay": 0.2},
                           "*": {"status": 403}}}}

A credential is the APCA-API-KEY-ID header, the user of a Basic header, or a Bearer token. An
answer is {"status": N} plus optional "delay" (seconds before answering), "accountStatus" (for
200), "padding" (bytes of filler added to a 200 account, to exceed the client's body limit),
"secret" (answer 403 when the request carries another secret), "redirectTo" (a listener
named in the Location of a 3xx) and "drop" (close the connection without any answer). Unknown credentials get 403, as Alpaca answers unknown keys.

The server prints {"ports": {listener: port}} on its first stdout line once it listens, then
appends one JSON line per request to LOG (written before the answer): listener, method, path,
headers, and the largest number of requests it was answering at once so far. It runs until it is
terminated (SIGTERM or SIGKILL).
"""

import base64
import json
import signal
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CONFIG = json.load(open(sys.argv[1]))
LOG_PATH = sys.argv[2]
LOCK = threading.Lock()
STATE = {"in_flight": 0, "max_in_flight": 0}
PORTS = {}

# The account shape follows GET /v2/account in Alpaca's Trading API reference; the number and the
# balances are made up, and a test fails if any of them reaches a verification result.
FAKE_ACCOUNT = {
    "id": "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
    "account_number": "PA3FAKE7ACCT",
    "currency": "USD",
    "cash": "98765.43",
    "buying_power": "197530.86",
    "portfolio_value": "123456.78",
    "equity": "123456.78",
    "pattern_day_trader": False,
    "trading_blocked": False,
}
FAKE_CLOCK = {"timestamp": "2026-11-20T10:00:00-05:00", "is_open": True,
              "next_open": "2026-11-23T09:30:00-05:00", "next_close": "2026-11-20T16:00:00-05:00"}
ERROR_BODIES = {401: {"code": 40110000, "message": "request is not authorized"},
                403: {"message": "forbidden"}, 429: {"message": "rate limit exceeded"}}


def credential_of(headers):
    """The key ID, Basic user or Bearer token that the request authenticates with, and its secret."""
    key_id = headers.get("APCA-API-KEY-ID")
    if key_id is not None:
        return key_id, headers.get("APCA-API-SECRET-KEY")
    authorization = headers.get("Authorization", "")
    if authorization.startswith("Basic "):
        try:
            user, _, secret = base64.b64decode(authorization[6:]).decode().partition(":")
            return user, secret
        except Exception:
            return None, None
    if authorization.startswith("Bearer "):
        return authorization[7:], None
    return None, None


def make_handler(listener):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep the test output quiet
            pass

        def do_GET(self):
            with LOCK:
                STATE["in_flight"] += 1
                STATE["max_in_flight"] = max(STATE["max_in_flight"], STATE["in_flight"])
                record = {"listener": listener, "method": self.command, "path": self.path,
                          "headers": {k: v for k, v in self.headers.items()},
                          "maxInFlight": STATE["max_in_flight"], "time": time.time()}
                with open(LOG_PATH, "a") as log:
                    log.write(json.dumps(record) + "\n")
            try:
                self.answer()
            finally:
                self.leave()

        def leave(self):
            """Counts this request as answered, once: before its first byte goes out, so that a client
            that sends its next request the moment this answer arrives is never counted twice."""
            if not getattr(self, "left", False):
                self.left = True
                with LOCK:
                    STATE["in_flight"] -= 1

        def answer(self):
            identity, secret = credential_of(self.headers)
            table = CONFIG.get("responses", {}).get(listener, {})
            behaviour = table.get(identity) or table.get("*") or {"status": 403}
            time.sleep(behaviour.get("delay", 0))
            if behaviour.get("drop"):
                self.leave()
                self.close_connection = True  # no status line at all: the client sees a broken connection
                return
            status = behaviour.get("status", 403)
            if "secret" in behaviour and behaviour["secret"] != secret:
                status = 403
            headers = {"Content-Type": "application/json"}
            if status == 200 and self.path.split("?")[0] == "/v2/account":
                body = dict(FAKE_ACCOUNT, status=behaviour.get("accountStatus", "ACTIVE"))
                if behaviour.get("padding"):
                    body["padding"] = "x" * behaviour["padding"]
            elif status == 200 and self.path.split("?")[0] == "/v1/clock":
                body = FAKE_CLOCK
            elif status == 200:
                status, body = 404, {"message": "not found"}
            elif 300 <= status < 400:
                target = behaviour.get("redirectTo", listener)
                headers["Location"] = "http://127.0.0.1:%d%s" % (PORTS[target], self.path)
                body = {"message": "moved"}
            else:
                body = ERROR_BODIES.get(status, {"message": "error"})
            data = json.dumps(body).encode()
            self.leave()
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:
                pass  # the client gave up (a timeout test): nothing to answer

    return Handler


def main():
    # A process started from a Swift test inherits the signal mask of the thread that spawned it, in
    # which libdispatch blocks SIGTERM: without this, terminate() would leave the server running.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    tls = CONFIG.get("tls", {})
    servers = []
    for listener in CONFIG["listeners"]:
        server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(listener))
        server.daemon_threads = True
        if listener in tls.get("listeners", []):
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(tls["cert"], tls["key"])
            server.socket = context.wrap_socket(server.socket, server_side=True)
        PORTS[listener] = server.server_address[1]
        servers.append(server)
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps({"ports": PORTS}), flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
