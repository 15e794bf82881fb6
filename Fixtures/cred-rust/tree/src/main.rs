mod live;
mod raw;

use apca::api::v2::account;
use apca::{ApiInfo, Client};

#[tokio::main]
async fn main() {
    let api_info = ApiInfo::from_parts(
        "https://paper-api.alpaca.markets",
        "PKEA6UR35HG0MG9LGLNJ",
        "Sof7XayOQ1TonWiBWcu4bNNWfdE0xYGiM6OhLXGo",
    )
    .unwrap();
    let client = Client::new(api_info);
    let account = client.issue::<account::Get>(&()).await.unwrap();
    println!("buying power: {}", account.buying_power);
}
