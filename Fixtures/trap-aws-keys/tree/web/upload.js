import Alpaca from "@alpacahq/alpaca-trade-api";
import { S3Client, PutObjectCommand } from "@aws-sdk/client-s3";

const alpaca = new Alpaca({
  keyId: process.env.APCA_API_KEY_ID,
  secretKey: process.env.APCA_API_SECRET_KEY,
  paper: true,
});

const s3 = new S3Client({
  region: "us-east-1",
  credentials: {
    accessKeyId: "AKIACALBPLY655JSI4H7",
    secretAccessKey: "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",
  },
});

export async function snapshotPositions() {
  const positions = await alpaca.getPositions();
  await s3.send(new PutObjectCommand({
    Bucket: "acme-trader-snapshots",
    Key: `positions/${Date.now()}.json`,
    Body: JSON.stringify(positions),
  }));
}
