package bot;

public class Endpoints {
    public static AlpacaRestClient create(boolean live) {
        String baseUrl;
        String keyId;
        if (live) {
            baseUrl = "https://api.alpaca.markets";
            keyId = "AKNQ0JAC306JJEKFU53A";
        } else {
            baseUrl = "https://paper-api.alpaca.markets";
            keyId = "PKQHIF6MF40QGZEKJDPZ";
        }
        return new AlpacaRestClient(baseUrl, keyId, System.getenv("APCA_API_SECRET_KEY"));
    }
}
