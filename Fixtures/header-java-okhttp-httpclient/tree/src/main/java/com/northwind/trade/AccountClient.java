package com.northwind.trade;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.http.client.methods.HttpGet;

public final class AccountClient {
    private final OkHttpClient http = new OkHttpClient();

    public String account() throws java.io.IOException {
        Request request = new Request.Builder()
                .url("https://paper-api.alpaca.markets/v2/account")
                .addHeader("APCA-API-KEY-ID", "PK5O67CPYNH31KWIP41D")
                .addHeader("APCA-API-SECRET-KEY", "cWZhDg7W7pYECCQMspnTTlgUCbAdlVjGfot6GYTB")
                .build();
        try (Response response = http.newCall(request).execute()) {
            return response.body().string();
        }
    }

    public HttpGet clockRequest() {
        HttpGet get = new HttpGet("https://paper-api.alpaca.markets/v2/clock");
        get.setHeader("APCA-API-KEY-ID", "PK5O67CPYNH31KWIP41D");
        get.setHeader("APCA-API-SECRET-KEY", "cWZhDg7W7pYECCQMspnTTlgUCbAdlVjGfot6GYTB");
        return get;
    }
}
