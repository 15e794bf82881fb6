namespace :alpaca do
  desc 'Print open positions'
  task positions: :environment do
    ENV['APCA_API_KEY_ID'] ||= 'PK9YC96LRR79EROPT8FF'
    ENV['APCA_API_SECRET_KEY'] ||= 'E0kK2H3Ltyhi/Gy9ATDvskAT9aNVNs0DLJFtxIJY'
    client = Alpaca::Trade::Api::Client.new
    client.positions.each { |p| puts "#{p.symbol} #{p.qty}" }
  end
end
