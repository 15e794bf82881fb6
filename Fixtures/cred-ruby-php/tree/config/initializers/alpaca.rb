require 'alpaca/trade/api'

Alpaca::Trade::Api.configure do |config|
  config.endpoint = 'https://paper-api.alpaca.markets'
  config.key_id = 'PKAZV1WST8N0JNNAWTH8'
  config.key_secret = 'ulLwlWm0fBpSrJYL9Xy4Hhvgilr8qlao6XJ93qya'
end
