import aiohttp

HEADERS = {
    "APCA-API-KEY-ID": "PKQM7RTZ4W" + "NB8Q2XRL5V",
    "APCA-API-SECRET-KEY": f"s9Lq2vXeR4Wb7Tn3YhKm5Zc8Jp1Gd6Fa0Ue2Ri4Q",
}


async def positions():
    async with aiohttp.ClientSession(headers=HEADERS) as session:
        async with session.get("https://paper-api.alpaca.markets/v2/positions") as resp:
            return await resp.json()
