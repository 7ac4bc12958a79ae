# Dynamic programming: edit distance with the alignment printed, longest common subsequence,
# 0/1 knapsack with the chosen items, coin change counts, and longest increasing subsequence.


def edit_distance(a: str, b: str) -> tuple[int, list[str]]:
    n, m = len(a), len(b)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
    ops = []
    i, j = n, m
    while i or j:
        if i and j and d[i][j] == d[i - 1][j - 1] + (a[i - 1] != b[j - 1]):
            ops.append(("=" if a[i - 1] == b[j - 1] else "~") + a[i - 1] + b[j - 1])
            i, j = i - 1, j - 1
        elif i and d[i][j] == d[i - 1][j] + 1:
            ops.append("-" + a[i - 1] + " ")
            i -= 1
        else:
            ops.append("+ " + b[j - 1])
            j -= 1
    return d[n][m], ops[::-1]


def lcs(a, b):
    n, m = len(a), len(b)
    t = [[""] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if a[i] == b[j]:
                t[i][j] = a[i] + t[i + 1][j + 1]
            else:
                t[i][j] = max(t[i + 1][j], t[i][j + 1], key=len)
    return t[0][0]


def knapsack(items: list[tuple[str, int, int]], cap: int):
    best = [[0] * (cap + 1) for _ in range(len(items) + 1)]
    for i, (_, w, v) in enumerate(items, 1):
        for c in range(cap + 1):
            best[i][c] = best[i - 1][c]
            if w <= c and best[i - 1][c - w] + v > best[i][c]:
                best[i][c] = best[i - 1][c - w] + v
    chosen = []
    c = cap
    for i in range(len(items), 0, -1):
        if best[i][c] != best[i - 1][c]:
            chosen.append(items[i - 1][0])
            c -= items[i - 1][1]
    return best[-1][cap], chosen[::-1]


def coin_ways(coins, amount):
    ways = [1] + [0] * amount
    for coin in coins:
        for x in range(coin, amount + 1):
            ways[x] += ways[x - coin]
    return ways[amount]


def min_coins(coins, amount):
    INF = float("inf")
    best = [0] + [INF] * amount
    for x in range(1, amount + 1):
        for coin in coins:
            if coin <= x and best[x - coin] + 1 < best[x]:
                best[x] = best[x - coin] + 1
    return best[amount] if best[amount] != INF else None


def lis(xs):
    tails, prev, idx = [], [-1] * len(xs), []
    for i, x in enumerate(xs):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if xs[tails[mid]] < x:
                lo = mid + 1
            else:
                hi = mid
        if lo:
            prev[i] = tails[lo - 1]
        if lo == len(tails):
            tails.append(i)
        else:
            tails[lo] = i
    out = []
    k = tails[-1] if tails else -1
    while k >= 0:
        out.append(xs[k])
        k = prev[k]
    return out[::-1]


for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("intention", "execution"), ("", "abc"), ("same", "same")]:
    dist, ops = edit_distance(a, b)
    print(f"{a!r} -> {b!r}: {dist}  {' '.join(ops)}")
for a, b in [("ABCBDAB", "BDCABA"), ("AGGTAB", "GXTXAYB"), ("python", "krait")]:
    print(f"lcs({a}, {b}) = {lcs(a, b)!r}")
ITEMS = [("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160),
         ("glucose", 15, 60), ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40),
         ("cheese", 23, 30), ("beer", 52, 10), ("suntan", 11, 70), ("camera", 32, 30)]
for cap in (100, 250, 400):
    value, chosen = knapsack(ITEMS, cap)
    weight = sum(w for n, w, _ in ITEMS if n in chosen)
    print(f"knapsack {cap}: value {value}, weight {weight}, items {chosen}")
print("ways to make 100 from US coins:", coin_ways([1, 5, 10, 25, 50, 100], 100))
print("ways to make 200p:", coin_ways([1, 2, 5, 10, 20, 50, 100, 200], 200))
print("min coins:", [min_coins([1, 5, 10, 25], x) for x in (0, 7, 30, 99)], min_coins([4, 7], 5), min_coins([4, 7], 29))
seq = [10, 9, 2, 5, 3, 7, 101, 18, 4, 8, 6, 12, 11, 15]
print("LIS:", lis(seq), len(lis(seq)), lis([]), lis([5, 4, 3]))
