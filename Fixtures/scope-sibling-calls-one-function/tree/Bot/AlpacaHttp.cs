using System;
using System.Net.Http;

namespace Bot
{
    public static class AlpacaHttp
    {
        private const string BaseUrl = "https://api.alpaca.markets";

        public static HttpClient Create()
        {
            var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
            http.DefaultRequestHeaders.Add("APCA-API-KEY-ID", "PKQHIF6MF40QGZEKJDPZ");
            return http;
        }
    }
}
