def down(n: int) -> int:
    return down(n + 1) + 1


print("start")
print(down(0))
