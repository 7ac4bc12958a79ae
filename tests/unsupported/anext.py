print(anext)
