"""Upload the day's fills to S3 after the close."""
import csv
import io
import os
from datetime import date

import boto3
from alpaca.trading.client import TradingClient
from alpaca.trading.enums import QueryOrderStatus
from alpaca.trading.requests import GetOrdersRequest

trading = TradingClient(os.environ["APCA_API_KEY_ID"], os.environ["APCA_API_SECRET_KEY"], paper=True)

s3 = boto3.client(
    "s3",
    aws_access_key_id="AKIA2UD2XYWZUL5PYAS5",
    aws_secret_access_key="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",
    region_name="us-east-1",
)


def archive_fills(bucket="acme-trader-fills"):
    orders = trading.get_orders(GetOrdersRequest(status=QueryOrderStatus.CLOSED, limit=500))
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "symbol", "side", "qty", "filled_avg_price"])
    for o in orders:
        w.writerow([o.id, o.symbol, o.side, o.filled_qty, o.filled_avg_price])
    s3.put_object(Bucket=bucket, Key=f"fills/{date.today():%Y/%m/%d}.csv", Body=buf.getvalue())
