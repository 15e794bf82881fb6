export async function listOrders(): Promise<unknown[]> {
  const headers = new Headers();
  headers.set("APCA-API-KEY-ID", "AKWV6KZLSVZ712NICLKH");
  headers.append("APCA-API-SECRET-KEY", "54ILVwPp7ldNQTciZ4p1Y6PQlA81ax0owkZ0ge3a");
  const res = await fetch("https://api.alpaca.markets/v2/orders?status=open", { headers });
  return res.json();
}
