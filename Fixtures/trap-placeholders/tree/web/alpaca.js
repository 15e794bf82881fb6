const Alpaca = require("@alpacahq/alpaca-trade-api");

module.exports = new Alpaca({
  keyId: process.env.APCA_API_KEY_ID || "PK...",
  secretKey: process.env.APCA_API_SECRET_KEY || "<YOUR_SECRET_KEY>",
  paper: true,
});
