namespace Bot
{
    public static class AlpacaEndpoints
    {
        public const string Trading = "https://api.alpaca.markets";
    }

    public static class Clients
    {
        public static AlpacaRestClient Create() =>
            new AlpacaRestClient(AlpacaEndpoints.Trading, "PKLIH7ESBF6F3KIW54FS", System.Environment.GetEnvironmentVariable("APCA_API_SECRET_KEY"));
    }
}
