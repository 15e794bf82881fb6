package com.northwind.trade;

import java.net.URI;
import java.net.http.HttpRequest;

final class LatestTradeEnv {
    static HttpRequest request(String symbol) {
        return HttpRequest.newBuilder(URI.create("https://data.alpaca.markets/v2/stocks/" + symbol + "/trades/latest"))
                .header("APCA-API-KEY-ID", System.getenv("APCA_API_KEY_ID"))
                .header("APCA-API-SECRET-KEY",
                        System.getenv("APCA_API_SECRET_KEY"))
                .GET()
                .build();
    }
}
