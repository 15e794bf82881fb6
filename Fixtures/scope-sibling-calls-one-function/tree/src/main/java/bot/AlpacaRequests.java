package bot;

import okhttp3.Request;

public class AlpacaRequests {
    static final String BASE_URL = "https://api.alpaca.markets";

    Request account() {
        return new Request.Builder()
                .url(BASE_URL + "/v2/account")
                .addHeader("APCA-API-KEY-ID", "PKLIH7ESBF6F3KIW54FS")
                .build();
    }

    Request positions() {
        return new Request.Builder()
                .url("https://api.alpaca.markets/v2/positions")
                .addHeader("APCA-API-KEY-ID", "PKEKMNY7JE6PPIWA5JW8")
                .build();
    }
}
