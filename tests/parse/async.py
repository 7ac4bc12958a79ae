async def f():
    await x
    await f()
    async for x in y:
        pass
    async for x in y:
        pass
    else:
        pass
    async with a as b:
        pass
    async with a, b:
        pass
    async with (a as b, c as d):
        pass
    return [x async for x in y]
    return {x async for x in y}
    return {k: v async for k, v in y}
    return (x async for x in y)
    x = await a.b(c)[d]
    await (yield)
    return await x ** 2
async def g(): pass
