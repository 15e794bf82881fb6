import os
import secrets

import requests
from flask import Flask, redirect, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SESSION_KEY"]

ALPACA_OAUTH = {
    "client_id": "8deab526c20dd8e31ab74e9a6d312b58",
    "client_secret": "683ad9c6a87b9cb61825300550d53346befa7cd6",
    "redirect_uri": "https://trader.acme.dev/oauth/callback",
    "authorize_url": "https://app.alpaca.markets/oauth/authorize",
    "token_url": "https://api.alpaca.markets/oauth/token",
}


@app.route("/connect")
def connect():
    state = secrets.token_urlsafe(16)
    session["state"] = state
    return redirect(
        f"{ALPACA_OAUTH['authorize_url']}?response_type=code"
        f"&client_id={ALPACA_OAUTH['client_id']}&redirect_uri={ALPACA_OAUTH['redirect_uri']}"
        f"&state={state}&scope=account:write%20trading"
    )


@app.route("/oauth/callback")
def callback():
    if request.args.get("state") != session.pop("state", None):
        return "bad state", 400
    r = requests.post(ALPACA_OAUTH["token_url"], data={
        "grant_type": "authorization_code",
        "code": request.args["code"],
        "client_id": ALPACA_OAUTH["client_id"],
        "client_secret": ALPACA_OAUTH["client_secret"],
        "redirect_uri": ALPACA_OAUTH["redirect_uri"],
    }, timeout=10)
    session["alpaca_token"] = r.json()["access_token"]
    return redirect("/")
