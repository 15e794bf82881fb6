const Alpaca = require('@alpacahq/alpaca-trade-api');

function start() {
  const dataKeyId = 'AKXC1ZTXPZD9KGF070QG';
  const feed = new Alpaca({ keyId: dataKeyId, secretKey: process.env.LIVE_DATA_SECRET, feed: 'sip' });
  const trader = new Alpaca({
    keyId: process.env.APCA_API_KEY_ID,
    secretKey: process.env.APCA_API_SECRET_KEY,
    paper: true,
  });
  return { feed, trader };
}
