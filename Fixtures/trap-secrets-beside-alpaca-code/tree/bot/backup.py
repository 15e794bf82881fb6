import os

import boto3
from alpaca.trading.client import TradingClient

trading = TradingClient(os.environ["APCA_API_KEY_ID"], os.environ["APCA_API_SECRET_KEY"], paper=True)

s3 = boto3.client(
    "s3",
    aws_access_key_id="AKIAQ7ZP3MXR5KT2WN4B",
    aws_secret_access_key="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",
)


def upload_fills():
    fills = trading.get_orders()
    s3.put_object(Bucket="alpaca-fills", Key="fills.json", Body=str(fills))
