const isPaper = process.env.NODE_ENV !== "production";

export const alpacaSettings = isPaper
  ? {
      keyId: "PKSAUCNX4GHQQ4P7DINTO7ANBG",
      secretKey: "CFFMgMEvSBbkCW2iU3KUv8cCgG6p4JEVsBqGD3Qqts4c",
      baseUrl: "https://paper-api.alpaca.markets",
    }
  : {
      keyId: "AKGMDH46MZF4B57QFWDL7ZIMO6",
      secretKey: "VL7rWeoruJw3yUTCxmzJtbufMm2qScn4yYspLZfNC4QP",
      baseUrl: "https://api.alpaca.markets",
    };
