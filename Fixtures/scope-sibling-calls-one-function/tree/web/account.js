const BASE_URL = 'https://api.alpaca.markets';

export async function account() {
  const headers = {
    'APCA-API-KEY-ID': 'PKJK3F29O8CSM0E20BQC',
    'APCA-API-SECRET-KEY': process.env.APCA_API_SECRET_KEY,
  };
  const res = await fetch(BASE_URL + '/v2/account', { headers });
  return res.json();
}
