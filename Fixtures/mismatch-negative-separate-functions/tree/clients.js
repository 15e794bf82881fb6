const Alpaca = require("@alpacahq/alpaca-trade-api");

function paperClient() {
  return new Alpaca({
    keyId: "PKY4FQCR7FM66NX67FKJCSSYTP",
    secretKey: "76k6EPhFun5w5pkDkAj3fPpk1vkVJg4d6fWKkff5GbhF",
    baseUrl: "https://paper-api.alpaca.markets",
  });
}

function liveClient() {
  return new Alpaca({
    keyId: "AKN5FAKCYYWSWEXV45IJLQ53XG",
    secretKey: "xSnrWuCHFVwoAD6pZfbjuwe2YSU8miKsM9opTHuqnxsj",
    baseUrl: "https://api.alpaca.markets",
  });
}

module.exports = { paperClient, liveClient };
