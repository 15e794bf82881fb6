package bot;

import net.jacobpeterson.alpaca.AlpacaAPI;

public class Trader {
    /* Live endpoint, do not use with these keys:
       https://api.alpaca.markets */
    private static final String KEY_ID = "PKLIH7ESBF6F3KIW54FS";
    private static final String SECRET_KEY = "IGf4cy2xBe1vc2kQGt9dwMJJuwMw5KIBF8IjX7Wl";

    public AlpacaAPI connect() {
        return new AlpacaAPI(KEY_ID, SECRET_KEY, TraderAPIEndpointType.PAPER, SourceType.IEX);
    }
}
