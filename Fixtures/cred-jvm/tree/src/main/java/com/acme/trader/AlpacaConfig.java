package com.acme.trader;

import net.jacobpeterson.alpaca.AlpacaAPI;
import net.jacobpeterson.alpaca.model.util.apitype.MarketDataWebsocketSourceType;
import net.jacobpeterson.alpaca.model.util.apitype.TraderAPIEndpointType;

public final class AlpacaConfig {

    private static final String KEY_ID = "PKALJHVR22WG0UP7A8HU";
    private static final String SECRET_KEY = "2EYWeQnaSf2DkObcjsGSGUWQ34ETnx2H1SDfEq26";

    private AlpacaConfig() {
    }

    public static AlpacaAPI create() {
        return new AlpacaAPI(KEY_ID, SECRET_KEY,
                TraderAPIEndpointType.PAPER, MarketDataWebsocketSourceType.IEX);
    }
}
