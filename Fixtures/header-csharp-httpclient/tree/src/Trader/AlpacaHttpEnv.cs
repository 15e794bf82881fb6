using System.Net.Http;
using System.Threading.Tasks;

namespace Trader;

public static class AlpacaHttpEnv
{
    public static HttpClient Create()
    {
        var client = new HttpClient { BaseAddress = new Uri("https://api.alpaca.markets/") };
        client.DefaultRequestHeaders.Add("APCA-API-KEY-ID", Environment.GetEnvironmentVariable("APCA_API_KEY_ID"));
        client.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", Environment.GetEnvironmentVariable("APCA_API_SECRET_KEY"));
        return client;
    }

    public static HttpRequestMessage Clock()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://api.alpaca.markets/v2/clock");
        request.Headers.Add("APCA-API-KEY-ID", Environment.GetEnvironmentVariable("APCA_API_KEY_ID"));
        request.Headers.Add("APCA-API-SECRET-KEY", Environment.GetEnvironmentVariable("APCA_API_SECRET_KEY"));
        return request;
    }
}
