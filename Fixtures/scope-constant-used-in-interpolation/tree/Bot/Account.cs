using System;
using Bot.Http;

namespace Bot
{
    public static class Account
    {
        private const string BaseUrl = "https://api.alpaca.markets";

        public static AlpacaRestClient Create() =>
            new AlpacaRestClient(
                $"{BaseUrl}/v2",
                "PKWW7A0JXUSVJIOCTZP8",
                Environment.GetEnvironmentVariable("APCA_API_SECRET_KEY"));
    }
}
