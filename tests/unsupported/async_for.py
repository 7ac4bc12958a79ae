async def total(stream):
    n = 0
    async for x in stream:
        n += x
    return n
