from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    alpaca_api_key: str = ""
    alpaca_secret_key: str = ""
    alpaca_base_url: str = "https://paper-api.alpaca.markets"
    jwt_secret_key: str = "rvWdFrK9xiRGHOY32nfr5pyzPCB9t2039bicBTW5"
    session_secret: str = "tXeY15SuawWVGs7FAAak7uomiwqzW6cr31s9Fd3inL9h"
    bitfinex_api_secret: str = "HahUmq875LaeDRHFsf11bLWJMivyGXaGcG2TniL42DYy"
    webhook_signing_secret: str = "RPAfqoQB7xoFcSvTAxRzmaZsV2GenFmtX0moDoqW"


settings = Settings()
