const { S3Client, PutObjectCommand } = require("@aws-sdk/client-s3");

const ALPACA_URL = "https://paper-api.alpaca.markets";

const s3 = new S3Client({
  region: "us-east-1",
  credentials: {
    accessKeyId: "AKIAUWHWIM7S32UTDIYA",
    secretAccessKey: "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",
  },
});

module.exports = { s3, ALPACA_URL, PutObjectCommand };
