const Alpaca = require('@alpacahq/alpaca-trade-api');

// Switch to https://api.alpaca.markets and paper: false once the strategy is proven.
const alpaca = new Alpaca({
  keyId: 'PKJK3F29O8CSM0E20BQC',
  secretKey: 'qpkBgsjbN8Lt1ufJZF56f668l6IihywVIBwirAvz',
  paper: true, // baseUrl: 'https://api.alpaca.markets' for live
});

module.exports = alpaca;
