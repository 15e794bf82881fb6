require "net/http"
require "json"

uri = URI("https://paper-api.alpaca.markets/v2/account")
req = Net::HTTP::Get.new(uri)
req['APCA-API-KEY-ID'] = ENV['APCA_API_KEY_ID']
req['APCA-API-SECRET-KEY'] = ENV.fetch('APCA_API_SECRET_KEY')
res = Net::HTTP.start(uri.hostname, uri.port, use_ssl: true) { |http| http.request(req) }
puts JSON.parse(res.body)["buying_power"]
