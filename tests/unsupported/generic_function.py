def first[T](xs: list[T]) -> T:
    return xs[0]


print(first([1, 2]))
