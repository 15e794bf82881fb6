from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Trading bot settings; values in the environment override these defaults."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    alpaca_api_key: str = "PKUJZDE8GXD6NCF10EPF"
    alpaca_base_url: str = "https://paper-api.alpaca.markets"
    polygon_api_key: str = ""
    telegram_bot_token: str = ""
    telegram_chat_id: str = ""
    alpaca_secret_key: str = "JBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0RlgLKOmxg"
    max_position_usd: float = 2500.0


settings = Settings()
