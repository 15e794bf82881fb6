// Fallbacks so `npm start` works without a .env file
const keyId = process.env.APCA_API_KEY_ID || "PKPM6A6URY01CJHFZY0J";
const secretKey = process.env.APCA_API_SECRET_KEY || "Tf6CkBV5B0A8/xgK8HxegDlaqEVMX6XzJsCjRpg0";

module.exports = { keyId, secretKey, paper: true };
