package trade

import io.ktor.client.HttpClient
import io.ktor.client.request.get
import io.ktor.client.request.header
import okhttp3.Request

fun positionsRequest(): Request = Request.Builder()
    .url("https://api.alpaca.markets/v2/positions")
    .addHeader("APCA-API-KEY-ID", "AK4K5NOXWT3FPKSFHLSHPUULGW")
    .addHeader("APCA-API-SECRET-KEY", "QivpL7GsqGCSB37NCHKiv2mRnvCa9wWrwRVodxCHWivN")
    .build()

suspend fun clock(client: HttpClient) = client.get("https://api.alpaca.markets/v2/clock") {
    header("APCA-API-KEY-ID", "AK4K5NOXWT3FPKSFHLSHPUULGW")
    header("APCA-API-SECRET-KEY", "QivpL7GsqGCSB37NCHKiv2mRnvCa9wWrwRVodxCHWivN")
}
