export async function listOrders(): Promise<unknown[]> {
  const headers = new Headers();
  headers.set("APCA-API-KEY-ID", process.env.APCA_API_KEY_ID!);
  headers.append("APCA-API-SECRET-KEY", process.env.APCA_API_SECRET_KEY!);
  const res = await fetch("https://api.alpaca.markets/v2/orders?status=open", { headers });
  return res.json();
}
