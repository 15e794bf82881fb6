const Alpaca = require("@alpacahq/alpaca-trade-api");

const alpaca = new Alpaca({
  keyId: "AKQIN2XH6D29O3VJMQZM",
  secretKey: "YjWc7izH9DsTNAveadCL8Sby90WIJSbUGWBOWWcu",
  paper: true,
});

module.exports = alpaca;
