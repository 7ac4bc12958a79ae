async def collect(stream):
    return [x async for x in stream]
