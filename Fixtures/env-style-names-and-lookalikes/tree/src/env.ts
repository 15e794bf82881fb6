export const env = {
  keyId: process.env.APCA_API_KEY_ID ?? "",
  secretKey: process.env.APCA_API_SECRET_KEY ?? "",
};
