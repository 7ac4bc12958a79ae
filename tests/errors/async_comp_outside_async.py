def f(it):
    return [x async for x in it]
