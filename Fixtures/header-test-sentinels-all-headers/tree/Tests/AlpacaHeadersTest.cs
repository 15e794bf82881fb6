using System.Net.Http;
using Xunit;

public class AlpacaHeadersTest
{
    [Fact]
    public void AddsKeyHeaders()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://paper-api.alpaca.markets/v2/account");
        request.Headers.Add("APCA-API-KEY-ID", "cauldron-alpaca-key-id");
        request.Headers.Add("APCA-API-SECRET-KEY", "cauldron-alpaca-secret-key");
        request.Headers.Add("Authorization", "Basic real-key-id-value");
        Assert.Equal(3, request.Headers.Count());
    }
}
