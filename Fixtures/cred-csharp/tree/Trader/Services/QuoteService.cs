using Alpaca.Markets;

namespace Trader.Services;

public sealed class QuoteService
{
    private readonly IAlpacaDataClient _data =
        Environments.Paper.GetAlpacaDataClient(new SecretKey("PKG1SM0Q0HRUDPABGW1O", "rIDGqWaDQE1KJRBG/ePFzKmWCSLwe6srxAiG1N3m"));

    public async Task<decimal> LastPriceAsync(string symbol)
    {
        var trade = await _data.GetLatestTradeAsync(new LatestMarketDataRequest(symbol));
        return trade.Price;
    }
}
