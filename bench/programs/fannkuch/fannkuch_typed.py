# fannkuch: the Computer Language Benchmarks Game fannkuch-redux, fully annotated. Walks every
# permutation of 0..n-1 in the benchmark's order, flipping the first k + 1 elements until 0 comes
# first; prints the checksum and the maximum number of flips.


def fannkuch(n: int) -> list[int]:
    perm: list[int] = [0] * n
    perm1: list[int] = [0] * n
    count: list[int] = [0] * n
    for i in range(n):
        perm1[i] = i
    max_flips: int = 0
    checksum: int = 0
    perm_count: int = 0
    r: int = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        for i in range(n):
            perm[i] = perm1[i]
        flips: int = 0
        k: int = perm[0]
        while k != 0:
            lo: int = 0
            hi: int = k
            while lo < hi:
                t: int = perm[lo]
                perm[lo] = perm[hi]
                perm[hi] = t
                lo += 1
                hi -= 1
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        if perm_count % 2 == 0:
            checksum += flips
        else:
            checksum -= flips
        # the next permutation: rotate the first r + 1 elements left while count[r] runs out
        while True:
            if r == n:
                return [checksum, max_flips]
            perm0: int = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = perm0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_count += 1


def main() -> None:
    n: int = 9
    result: list[int] = []
    # n = 10 would take CPython about 6 s, so n = 9 is walked three times
    for _ in range(3):
        result = fannkuch(n)
    print(result[0])
    print(f"Pfannkuchen({n}) = {result[1]}")


main()
