using System;
using Bot.Http;

namespace Bot
{
    public static class Clients
    {
        public static AlpacaRestClient Paper()
        {
            return new AlpacaRestClient(
                new Uri("https://paper-api.alpaca.markets"),
                "PKZSV7O49BFYX9X5QM3C",
                Environment.GetEnvironmentVariable("PAPER_SECRET"));
        }

        public static AlpacaRestClient Live()
        {
            return new AlpacaRestClient(
                new Uri("https://api.alpaca.markets"),
                "AKADWQE8ZGR43LO2D2ZO",
                Environment.GetEnvironmentVariable("LIVE_SECRET"));
        }
    }
}
