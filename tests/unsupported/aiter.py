print(aiter)
