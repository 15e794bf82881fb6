package com.acme

import net.jacobpeterson.alpaca.AlpacaAPI
import net.jacobpeterson.alpaca.model.util.apitype.TraderAPIEndpointType

object Alpaca {
    private const val KEY_ID = "AK2MJW8T96IHFNVDR40P"
    private const val SECRET_KEY = "029wpgUWRs/HkXcoOgUHeZnNWXRwTFnCm9J0iPZ4"

    val api: AlpacaAPI by lazy {
        AlpacaAPI(KEY_ID, SECRET_KEY, TraderAPIEndpointType.LIVE)
    }
}
