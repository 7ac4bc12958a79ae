def ratio(a: float, b: float) -> float:
    return a / b


print(ratio(1.0, 4.0))
print(ratio(1.0, 0.0))
