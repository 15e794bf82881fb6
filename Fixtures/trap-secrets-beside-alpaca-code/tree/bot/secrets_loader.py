import boto3
import alpaca_trade_api as tradeapi

PAPER_KEY_ID = "PKHFEA77LKODAEUXZXET"


def load_secret():
    manager = boto3.client("secretsmanager")
    response = manager.get_secret_value(SecretId="AlpacaLiveTradingBotCredentialsForOrders")
    return response["SecretString"]


def connect():
    return tradeapi.REST(PAPER_KEY_ID, load_secret(), "https://paper-api.alpaca.markets")
