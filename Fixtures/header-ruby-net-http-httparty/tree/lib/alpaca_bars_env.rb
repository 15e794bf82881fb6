require "httparty"

response = HTTParty.get(
  "https://data.alpaca.markets/v2/stocks/bars",
  query: { symbols: "AAPL,MSFT", timeframe: "1Day" },
  headers: {
    'APCA-API-KEY-ID' => ENV['APCA_API_KEY_ID'],
    'APCA-API-SECRET-KEY' => ENV['APCA_API_SECRET_KEY']
  }
)
puts response.code
