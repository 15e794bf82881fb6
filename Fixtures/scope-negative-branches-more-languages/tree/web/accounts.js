const Alpaca = require('@alpacahq/alpaca-trade-api');

function clientFor(mode) {
  switch (mode) {
    case 'paper':
      return new Alpaca({
        keyId: 'PKJK3F29O8CSM0E20BQC',
        secretKey: 'qpkBgsjbN8Lt1ufJZF56f668l6IihywVIBwirAvz',
        paper: true,
      });
    case 'live':
      return new Alpaca({
        keyId: 'AKQ029CTZ862SPIJW4E0',
        secretKey: 'iMMiFT3LAPYjPUQVjsZ0a2hTBIJ6SNn7AV52bbdV',
        paper: false,
      });
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

module.exports = { clientFor };
