from alpaca.broker.client import BrokerClient

BROKER_API_URL = "https://broker-api.sandbox.alpaca.markets"

broker = BrokerClient(
    api_key="CKN412DPSP8UX0PFG2D5",
    secret_key="2s8j1EjadEaKn736ejao72x2B5QrDz2CE8ZiC2N6",
    url_override=BROKER_API_URL,
)
