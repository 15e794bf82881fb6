package com.northwind.trade;

import java.net.URI;
import java.net.http.HttpRequest;

final class LatestTrade {
    static HttpRequest request(String symbol) {
        return HttpRequest.newBuilder(URI.create("https://data.alpaca.markets/v2/stocks/" + symbol + "/trades/latest"))
                .header("APCA-API-KEY-ID", "AK22D0KTVR0JAHEYXS1K")
                .header("APCA-API-SECRET-KEY",
                        "akQtoXnco1tc6x3OhkT8hw30dL6J/61dEVASaxQv")
                .GET()
                .build();
    }
}
