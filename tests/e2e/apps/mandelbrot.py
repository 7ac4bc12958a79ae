# ASCII renderings with complex arithmetic done by hand on float pairs: the Mandelbrot set,
# a Julia set, escape-time histograms, and an area estimate by grid sampling.

SHADES = " .:-=+*#%@"


def escape(cx: float, cy: float, limit: int) -> int:
    x = y = 0.0
    for n in range(limit):
        x2, y2 = x * x, y * y
        if x2 + y2 > 4.0:
            return n
        y = 2.0 * x * y + cy
        x = x2 - y2 + cx
    return limit


def julia(zx: float, zy: float, cx: float, cy: float, limit: int) -> int:
    for n in range(limit):
        if zx * zx + zy * zy > 4.0:
            return n
        zx, zy = zx * zx - zy * zy + cx, 2.0 * zx * zy + cy
    return limit


def render(fn, x0, x1, y0, y1, w, h, limit):
    rows = []
    hist = [0] * (limit + 1)
    for j in range(h):
        y = y1 - (y1 - y0) * j / (h - 1)
        row = []
        for i in range(w):
            x = x0 + (x1 - x0) * i / (w - 1)
            n = fn(x, y, limit)
            hist[n] += 1
            row.append("@" if n == limit else SHADES[n * (len(SHADES) - 1) // limit])
        rows.append("".join(row).rstrip())
    return rows, hist


rows, hist = render(escape, -2.2, 0.8, -1.2, 1.2, 64, 24, 30)
print("\n".join(rows))
inside = hist[-1]
print(f"inside: {inside} of {sum(hist)} cells; escaped at step 1..5: {hist[1:6]}")
rows, _ = render(lambda x, y, lim: julia(x, y, -0.8, 0.156, lim), -1.6, 1.6, -1.0, 1.0, 56, 16, 40)
print("\n".join(rows))
N = 120
count = 0
for j in range(N):
    for i in range(N):
        if escape(-2.0 + 2.5 * (i + 0.5) / N, -1.25 + 2.5 * (j + 0.5) / N, 60) == 60:
            count += 1
area = 2.5 * 2.5 * count / (N * N)
print(f"area estimate with {N}x{N} samples: {area:.4f}")
symmetric = all(escape(x / 10, 0.7, 50) == escape(x / 10, -0.7, 50) for x in range(-20, 6))
print("symmetric about the real axis:", symmetric)
print("points:", [(p, escape(*p, 100)) for p in [(0.0, 0.0), (-1.0, 0.0), (0.25, 0.0), (0.26, 0.0), (-0.75, 0.1), (0.3, 0.5)]])
rows, hist = render(escape, -0.80, -0.70, 0.05, 0.15, 48, 12, 80)
print("zoom near the seahorse valley:")
print("\n".join(rows))
print("escape counts (bands of 10):", [sum(hist[k:k + 10]) for k in range(0, 80, 10)], "inside", hist[-1])
