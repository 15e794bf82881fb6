'use strict';

const Alpaca = require('@alpacahq/alpaca-trade-api');

const BASE_URL = 'https://api.alpaca.markets';
const RETRIES = 3;

function makeClient() {
  return new Alpaca({
    keyId: 'PKOCTAOXSBXLO01HZJVS',
    secretKey: 'Tyj8DksbfdLu1ZjDx77fPGB36YPPnrJ5x81C3Z96',
    baseUrl: BASE_URL,
    retries: RETRIES,
  });
}

module.exports = { makeClient };
