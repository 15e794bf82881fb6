import aiohttp

HEADERS = {
    "APCA-API-KEY-ID": "Qm7rT" + "z4wNb",
    "APCA-API-SECRET-KEY": f"s9Lq2vXeR4",
}


async def positions():
    async with aiohttp.ClientSession(headers=HEADERS) as session:
        async with session.get("https://paper-api.alpaca.markets/v2/positions") as resp:
            return await resp.json()
