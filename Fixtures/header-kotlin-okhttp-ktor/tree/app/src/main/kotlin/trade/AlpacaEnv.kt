package trade

import io.ktor.client.HttpClient
import io.ktor.client.request.get
import io.ktor.client.request.header
import okhttp3.Request

private val keyId: String = System.getenv("APCA_API_KEY_ID") ?: error("APCA_API_KEY_ID not set")
private val secretKey: String = System.getenv("APCA_API_SECRET_KEY") ?: error("APCA_API_SECRET_KEY not set")

fun positionsRequestFromEnv(): Request = Request.Builder()
    .url("https://api.alpaca.markets/v2/positions")
    .addHeader("APCA-API-KEY-ID", keyId)
    .addHeader("APCA-API-SECRET-KEY", secretKey)
    .build()

suspend fun clockFromEnv(client: HttpClient) = client.get("https://api.alpaca.markets/v2/clock") {
    header("APCA-API-KEY-ID", keyId)
    header("APCA-API-SECRET-KEY", secretKey)
}
