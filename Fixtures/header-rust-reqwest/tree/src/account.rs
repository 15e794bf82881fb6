use reqwest::header::{HeaderMap, HeaderValue};

pub async fn account() -> Result<String, reqwest::Error> {
    let client = reqwest::Client::new();
    client
        .get("https://paper-api.alpaca.markets/v2/account")
        .header("APCA-API-KEY-ID", "PKDEUT5MJI1PDDSJ7GPS")
        .header("APCA-API-SECRET-KEY", "XjWCOGY9qfit5QKxdE5P7Z2qs1cYYvj8lB38Kfd4")
        .send()
        .await?
        .text()
        .await
}

pub fn data_headers() -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert("APCA-API-KEY-ID", HeaderValue::from_static("PK7HVLZEIC7P4CT2TR5MKFJMHW"));
    headers.insert("APCA-API-SECRET-KEY", HeaderValue::from_static("XZ4u2EhgvbzmdT2K2EFzHXJfbfoUVwJDAks6ZAKoLya"));
    headers
}
