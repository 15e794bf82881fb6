use alpaca_rs::{TradingAuth, TradingClient};

pub fn trading_client() -> TradingClient {
    let auth = TradingAuth {
        key_id: "AKADWQE8ZGR43LO2D2ZO".to_string(),
        secret_key: std::env::var("ALPACA_SECRET").expect("ALPACA_SECRET"),
    };
    TradingClient::new_paper(auth)
}
