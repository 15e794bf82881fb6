// Browser dashboard: reads the key from the Vite env, with a fallback for local dev
export const ALPACA_KEY_ID = import.meta.env.VITE_ALPACA_KEY_ID ?? "PK0UUQBJP8UB71GOKRXC";
export const ALPACA_SECRET_KEY = import.meta.env.VITE_ALPACA_SECRET_KEY ?? "3parUUWduEoLJuWuKS7ttDA/fwuFC5X5UhsPh34W";
export const ALPACA_BASE_URL = "https://paper-api.alpaca.markets";
