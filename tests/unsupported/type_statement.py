type Pair = tuple[int, int]
p: Pair = (1, 2)
print(p)
