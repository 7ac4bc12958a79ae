async def f():
    return lambda: (await f())
