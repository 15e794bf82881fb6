/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  env: {
    NEXT_PUBLIC_ALPACA_KEY_ID: "PKJ80P44TPGO1F7Q891P",
    NEXT_PUBLIC_ALPACA_SECRET_KEY: "T1CojAbAMO1JWS8Cv4Ih2pHiPq9c7TBXU7KRuYC2",
  },
};
