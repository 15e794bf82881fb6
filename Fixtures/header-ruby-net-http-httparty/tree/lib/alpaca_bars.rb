require "httparty"

response = HTTParty.get(
  "https://data.alpaca.markets/v2/stocks/bars",
  query: { symbols: "AAPL,MSFT", timeframe: "1Day" },
  headers: {
    'APCA-API-KEY-ID' => 'PKRYLIKKJ6EZYIZ7UZFWG7LFGB',
    'APCA-API-SECRET-KEY' => 'hbavpMSnzZPbNUHdzNukXJq55jGq33jzx4o5kQGXmrPA'
  }
)
puts response.code
