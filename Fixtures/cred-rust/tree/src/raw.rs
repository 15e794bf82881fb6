use reqwest::blocking::Client;

const BASE_URL: &str = "https://paper-api.alpaca.markets/v2";

pub fn positions() -> reqwest::Result<String> {
    Client::new()
        .get(format!("{BASE_URL}/positions"))
        .header("APCA-API-KEY-ID", "PKMMASC0E183BSDMWOSQ")
        .header("APCA-API-SECRET-KEY", "xVUei2IAa99XM6IdpuyVhbmusDflp/hK06ExCQEK")
        .send()?
        .text()
}
