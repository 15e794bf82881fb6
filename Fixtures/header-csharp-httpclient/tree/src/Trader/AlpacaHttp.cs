using System.Net.Http;
using System.Threading.Tasks;

namespace Trader;

public static class AlpacaHttp
{
    public static HttpClient Create()
    {
        var client = new HttpClient { BaseAddress = new Uri("https://api.alpaca.markets/") };
        client.DefaultRequestHeaders.Add("APCA-API-KEY-ID", "AKHZ5FT2CDHNM62HM377");
        client.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", "Z4WFgeilwvtQCVHuRt9G2bIEFRCoVhRbzNoiB1tM");
        return client;
    }

    public static HttpRequestMessage Clock()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://api.alpaca.markets/v2/clock");
        request.Headers.Add("APCA-API-KEY-ID", "AKHZ5FT2CDHNM62HM377");
        request.Headers.Add("APCA-API-SECRET-KEY", "Z4WFgeilwvtQCVHuRt9G2bIEFRCoVhRbzNoiB1tM");
        return request;
    }
}
