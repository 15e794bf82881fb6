const axios = require("axios");

const auth = Buffer.from("CKS9RJR69QZAF3UTG16Q:j3DATKgL8/M5k0XcHCc0BIdxNgRmFQZiKy7qARpO").toString("base64");

const broker = axios.create({
  baseURL: "https://broker-api.sandbox.alpaca.markets/v1",
  headers: { Authorization: `Basic ${auth}` },
});

async function listTransfers(accountId) {
  const { data } = await broker.get(`/accounts/${accountId}/transfers`);
  return data;
}

module.exports = { listTransfers };
