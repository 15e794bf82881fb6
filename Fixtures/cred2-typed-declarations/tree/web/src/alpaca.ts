import Alpaca from "@alpacahq/alpaca-trade-api";

export const ALPACA_KEY_ID: string = process.env.ALPACA_KEY_ID ?? "";
export const ALPACA_SECRET: string = "zzzgEOzdmenCkhvMdgaKjIg8xNbe3nNyjOq9wMxE";

export const alpaca = new Alpaca({ keyId: ALPACA_KEY_ID, secretKey: ALPACA_SECRET, paper: true });
