import Alpaca from '@alpacahq/alpaca-trade-api';

const ALPACA_KEY_ID = 'AKUIGYNSCWPYVVVU2AWN';
const ALPACA_SECRET = process.env.ALPACA_SECRET;

export function connect() {
  return new Alpaca({
    keyId: ALPACA_KEY_ID,
    secretKey: ALPACA_SECRET,
    paper: true,
  });
}
