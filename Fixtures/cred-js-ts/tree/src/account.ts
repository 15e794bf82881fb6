const BASE = "https://paper-api.alpaca.markets/v2";

export async function getAccount(): Promise<unknown> {
  const res = await fetch(`${BASE}/account`, {
    headers: {
      "APCA-API-KEY-ID": "PK2CNZLVR8MI2J50U6H4",
      "APCA-API-SECRET-KEY": "cH2iRbSw4hvxFKYhLpnuesbI6AuDKik84pZQxPhT",
    },
  });
  if (!res.ok) throw new Error(`alpaca ${res.status}`);
  return res.json();
}
