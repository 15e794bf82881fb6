const BASE = "https://paper-api.alpaca.markets";

export async function getAccount() {
  const res = await fetch(`${BASE}/v2/account`, {
    headers: {
      "APCA-API-KEY-ID": process.env.APCA_API_KEY_ID,
      "APCA-API-SECRET-KEY": process.env.APCA_API_SECRET_KEY,
    },
  });
  return res.json();
}
