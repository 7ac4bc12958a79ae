async def one():
    return 1


async def two():
    return await one() + 1
