import os

import stripe
from alpaca.trading.client import TradingClient

stripe.api_key = os.environ["STRIPE_SECRET_KEY"]
STRIPE_PUBLISHABLE_KEY = "pk_live_51xchwkQI9NVoADtfoLvrQE4YOrrKK6mBvlutA7WKvti5p2C4Zw8YgeBkmlRMJCbtQjdGMOUEvxuecU1D7ZuK0asZt4kgIBHz1O"
STRIPE_TEST_PUBLISHABLE_KEY = "pk_test_516RpvZPinHZJhj9rIb12vulE4GCBegxdgXLM5ceBskTOGNBfPbUSV6N6x8i2XhFeQIPrc9N3eduzPHpmirEPnTQV5QbZiwgaaU"

trading = TradingClient(os.environ["APCA_API_KEY_ID"], os.environ["APCA_API_SECRET_KEY"], paper=True)


def charge_subscription(customer_id: str, cents: int):
    return stripe.PaymentIntent.create(customer=customer_id, amount=cents, currency="usd")
