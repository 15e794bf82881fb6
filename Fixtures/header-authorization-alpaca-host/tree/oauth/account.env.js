export async function account(accessToken) {
  const res = await fetch("https://api.alpaca.markets/v2/account", {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  return res.json();
}
