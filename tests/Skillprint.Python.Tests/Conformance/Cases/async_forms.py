async def main(session):
    async with session.get(url) as response, lock:
        data = await response.json()
    async for item in aiter(data):
        yield item
    result = [x async for x in gen() if await check(x)]
    gen2 = (await y for y in ys)
    await asyncio.sleep(0)
    return await asyncio.gather(*tasks)
