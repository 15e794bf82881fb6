const BASE_URL = 'https://api.alpaca.markets';

export async function account() {
  const res = await fetch(`${BASE_URL}/v2/account`, {
    headers: {
      'APCA-API-KEY-ID': 'PKLIH7ESBF6F3KIW54FS',
      'APCA-API-SECRET-KEY': process.env.APCA_API_SECRET_KEY,
    },
  });
  return res.json();
}
