// Broker partner OAuth: issue a token for an end user
const axios = require("axios");

const BROKER = "https://broker-api.sandbox.alpaca.markets/v1";

async function issueToken(accountId) {
  const { data } = await axios.post(
    `${BROKER}/oauth/token`,
    {
      client_id: "b3f101049f263f3df84ca6778cc0abbf",
      client_secret: "cc275d7c2d5d10f60e4f5cbbf49151f1",
      redirect_uri: "https://partner.acme.dev/alpaca/callback",
      scope: "general",
      account_id: accountId,
    },
    { auth: { username: process.env.BROKER_API_KEY, password: process.env.BROKER_API_SECRET } }
  );
  return data.access_token;
}

module.exports = { issueToken };
