const cfg = require("./config.json");

const sampleHeaders = {
  "APCA-API-KEY-ID": "xxx",
  "APCA-API-SECRET-KEY": "...",
};
const templated = {
  "APCA-API-KEY-ID": "{{KEY}}",
  "APCA-API-SECRET-KEY": "$KEY",
};
const headers = {
  "APCA-API-KEY-ID": `${cfg.alpaca.keyId}`,
  "APCA-API-SECRET-KEY": cfg.alpaca.secretKey,
};
fetch("https://paper-api.alpaca.markets/v2/clock", { headers });
module.exports = { sampleHeaders, templated };
