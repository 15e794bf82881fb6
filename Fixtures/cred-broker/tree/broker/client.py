from alpaca.broker.client import BrokerClient

broker_client = BrokerClient(
    api_key="CKXGXK3LJ7GP4SJUE9N9",
    secret_key="ZygeGKYWcVIugotq7JHIzYA8f7WmZIj7209N3l9F",
    sandbox=True,
)
