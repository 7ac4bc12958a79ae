async def ok():
    await ok()
await ok()
