const BASE = "https://paper-api.alpaca.markets";

export async function getAccount() {
  const res = await fetch(`${BASE}/v2/account`, {
    headers: {
      "APCA-API-KEY-ID": "PK25C6CO96TQ0IBT3XPL",
      "APCA-API-SECRET-KEY": "tVmHeEB3hKRPSb6du0QrILiyzqjNRWDSTHuwqil0",
    },
  });
  return res.json();
}
