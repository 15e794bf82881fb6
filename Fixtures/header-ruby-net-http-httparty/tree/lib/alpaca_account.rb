require "net/http"
require "json"

uri = URI("https://paper-api.alpaca.markets/v2/account")
req = Net::HTTP::Get.new(uri)
req['APCA-API-KEY-ID'] = 'PKTW4131GLGCAO1JTF4Z'
req['APCA-API-SECRET-KEY'] = '1zYdN7CxfTCGAp69RMkjeCgTE0oPMZPdUfryYZ4W'
res = Net::HTTP.start(uri.hostname, uri.port, use_ssl: true) { |http| http.request(req) }
puts JSON.parse(res.body)["buying_power"]
