using System;
using Bot.Http;

namespace Bot
{
    public static class AlpacaSettings
    {
        private const string BaseUrl = "https://api.alpaca.markets";
        private const int Retries = 3;

        public static AlpacaRestClient Create()
        {
            return new AlpacaRestClient(
                new Uri(BaseUrl),
                "PKQHIF6MF40QGZEKJDPZ",
                "azMebTSFK7jA0A6Aq2AqM8upu4MadZEv8z1PUlFB",
                Retries);
        }
    }
}
