const Alpaca = require("@alpacahq/alpaca-trade-api");

const alpaca = new Alpaca({
  keyId: "PK19AEQWY6PM48Q35MIZ",
  secretKey: "uYk6ogQKPVNBLAimS96vyuUlZjOj10IKjSoJH3qj",
  paper: true,
});

module.exports = alpaca;
