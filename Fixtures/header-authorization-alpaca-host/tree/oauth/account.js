export async function account() {
  const res = await fetch("https://api.alpaca.markets/v2/account", {
    headers: { Authorization: "Bearer 0783176a-4744-44b6-a4a0-cbaf7409cd52" },
  });
  return res.json();
}
