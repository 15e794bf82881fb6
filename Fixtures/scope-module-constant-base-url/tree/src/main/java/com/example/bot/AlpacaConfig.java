package com.example.bot;

import com.example.bot.http.AlpacaRestClient;

public final class AlpacaConfig {
    private static final String BASE_URL = "https://api.alpaca.markets";
    private static final int TIMEOUT_SECONDS = 10;

    private AlpacaConfig() {}

    public static AlpacaRestClient client() {
        return new AlpacaRestClient(
                BASE_URL,
                "PKHFEA77LKODAEUXZXET",
                "r8E6LiCwhlOoNJLACkYGEGNmjPVhR7KW97pDthwx",
                TIMEOUT_SECONDS);
    }
}
