package com.acme.trader;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

public class HttpAccount {
    private final OkHttpClient http = new OkHttpClient();

    public String fetch() throws IOException {
        Request request = new Request.Builder()
                .url("https://api.alpaca.markets/v2/account")
                .addHeader("APCA-API-KEY-ID", "AKG3YT4ILPRNZETD6RW1")
                .addHeader("APCA-API-SECRET-KEY", "iCgxeVQLsx91oJNHu5rvA4W7kFO4CaAydPhaWEck")
                .build();
        try (Response response = http.newCall(request).execute()) {
            return response.body().string();
        }
    }
}
