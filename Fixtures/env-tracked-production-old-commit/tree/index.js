require("dotenv").config({ path: `.env.${process.env.NODE_ENV}` });
const Alpaca = require("@alpacahq/alpaca-trade-api");

const alpaca = new Alpaca();
alpaca.getAccount().then((a) => console.log(a.equity));
