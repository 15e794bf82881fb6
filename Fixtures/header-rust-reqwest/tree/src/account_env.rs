use reqwest::header::{HeaderMap, HeaderValue};
use std::env;

pub async fn account() -> Result<String, Box<dyn std::error::Error>> {
    let client = reqwest::Client::new();
    Ok(client
        .get("https://paper-api.alpaca.markets/v2/account")
        .header("APCA-API-KEY-ID", env::var("APCA_API_KEY_ID")?)
        .header("APCA-API-SECRET-KEY", env::var("APCA_API_SECRET_KEY")?)
        .send()
        .await?
        .text()
        .await?)
}

pub fn data_headers() -> Result<HeaderMap, Box<dyn std::error::Error>> {
    let mut headers = HeaderMap::new();
    headers.insert("APCA-API-KEY-ID", HeaderValue::from_str(&env::var("APCA_API_KEY_ID")?)?);
    headers.insert("APCA-API-SECRET-KEY", HeaderValue::from_str(&env::var("APCA_API_SECRET_KEY")?)?);
    Ok(headers)
}
