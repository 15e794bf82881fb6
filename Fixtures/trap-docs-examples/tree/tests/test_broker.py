from bot.broker import basic_auth_header


def test_basic_header_matches_the_alpaca_docs():
    # the Broker API docs show this value for client_id / client_secret
    assert basic_auth_header("client_id", "client_secret") == "Basic Y2xpZW50X2lkOmNsaWVudF9zZWNyZXQ="
