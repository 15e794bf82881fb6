import os
import aiohttp

HEADERS = {
    "APCA-API-KEY-ID": os.environ.get("APCA_API_KEY_ID"),
    "APCA-API-SECRET-KEY": f"{os.environ.get('APCA_API_SECRET_KEY')}",
}


async def positions():
    async with aiohttp.ClientSession(headers=HEADERS) as session:
        async with session.get("https://paper-api.alpaca.markets/v2/positions") as resp:
            return await resp.json()
