import Alpaca from "@alpacahq/alpaca-trade-api";

export const alpacaConfig = {
  keyId: "PKA2ZBB7A4ODUPCIVDM5RDZCUU",
  secretKey: "Ug6u7DoUo8qkj4bToWY2QLU5LK8kjgZx489yPpErzzZB",
  baseUrl: "https://api.alpaca.markets",
  feed: "iex",
};

export const client = new Alpaca(alpacaConfig);
