const BASE = process.env.APCA_API_BASE_URL ?? "https://paper-api.alpaca.markets";

const headers = {
  "APCA-API-KEY-ID": process.env.APCA_API_KEY_ID!,
  "APCA-API-SECRET-KEY": process.env.APCA_API_SECRET_KEY!,
};

export const getClock = () => fetch(`${BASE}/v2/clock`, { headers }).then((r) => r.json());
