async def use(lock):
    async with lock:
        return 1
