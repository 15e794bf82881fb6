pub const ALPACA_KEY_ID: &str = "YOUR_KEY_ID";
pub const ALPACA_SECRET_KEY: &str = "YOUR_SECRET_KEY";
pub const ALPACA_URL: &str = "https://paper-api.alpaca.markets";
