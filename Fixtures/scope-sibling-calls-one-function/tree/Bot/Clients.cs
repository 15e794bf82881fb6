using System;
using Alpaca.Markets;

namespace Bot
{
    public static class Clients
    {
        public static IAlpacaTradingClient Create() =>
            new AlpacaTradingClientConfiguration
            {
                TradingApiUrl = new Uri("https://api.alpaca.markets"),
                SecurityId = new SecretKey("PKOCTAOXSBXLO01HZJVS", "Tyj8DksbfdLu1ZjDx77fPGB36YPPnrJ5x81C3Z96"),
            }.GetClient();
    }
}
