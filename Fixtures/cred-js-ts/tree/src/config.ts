export interface AlpacaConfig {
  keyId: string;
  secretKey: string;
  baseUrl: string;
}

export const config: { alpaca: AlpacaConfig; symbols: string[] } = {
  alpaca: {
    keyId: "AKJVP3WX9VYWU2RW3OW5",
    secretKey: "TprCWtGadBzrmhCMMf62koDdVK43AIl3gvFjFdNO",
    baseUrl: "https://api.alpaca.markets",
  },
  symbols: ["SPY", "QQQ", "IWM"],
};
