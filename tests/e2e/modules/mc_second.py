import mc_first


def twice(x: int) -> int:
    return 2 * x


print(mc_first.helper(1))
