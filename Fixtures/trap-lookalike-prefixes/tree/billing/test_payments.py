import stripe

# Stripe's test mode key for the CI sandbox
stripe.api_key = "sk_test_51nZpIWyTpPjjORZKVwuYCtnTApoOgHUISeyaWN5Un9S7JUaiXpH8kZv1fjTEqatkZ3I7rJNIRHXIBTJ9qM3tSexZgbZa8GvvDh"


def test_price_list():
    prices = stripe.Price.list(limit=3)
    assert len(prices.data) <= 3
