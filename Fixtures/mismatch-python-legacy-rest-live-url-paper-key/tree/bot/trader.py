import alpaca_trade_api as tradeapi
from alpaca_trade_api.common import URL


def make_api():
    return tradeapi.REST(
        key_id="PKMUAPTT0ZN3X0PDQXRY",
        secret_key="o1nIj7BRd03Q2ybv097SHzxgQA6TCvY4dhKMlRdZ",
        base_url=URL("https://api.alpaca.markets"),
        api_version="v2",
    )


if __name__ == "__main__":
    api = make_api()
    print(api.get_account().status)
