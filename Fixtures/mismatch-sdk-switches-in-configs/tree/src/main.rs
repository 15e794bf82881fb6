use apca::{ApiInfo, Client};

fn client() -> Client {
    let api_info = ApiInfo::from_parts(
        "https://paper-api.alpaca.markets",
        "AKQ029CTZ862SPIJW4E0",
        std::env::var("APCA_API_SECRET_KEY").unwrap(),
    )
    .unwrap();
    Client::new(api_info)
}
