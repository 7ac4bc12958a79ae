# math functions of floats are C calls in typed code: same values and the same errors as
# CPython's (ValueError "math domain error", OverflowError "math range error").
import math


def root(x: float) -> float:
    return math.sqrt(x)


def norm(xs: list[float]) -> float:
    s: float = 0.0
    for i in range(len(xs)):
        s += xs[i] * xs[i]
    return math.sqrt(s)


def safe(name: str, x: float) -> None:
    try:
        if name == "sqrt":
            r: float = math.sqrt(x)
        elif name == "log":
            r = math.log(x)
        elif name == "exp":
            r = math.exp(x)
        elif name == "acos":
            r = math.acos(x)
        elif name == "cosh":
            r = math.cosh(x)
        else:
            r = math.atanh(x)
        print(name, x, "->", r)
    except (ValueError, OverflowError) as e:
        print(name, x, "->", type(e).__name__, e)


def main() -> None:
    print(root(2.0), root(0.0), root(-0.0), root(1e308), root(float("inf")), root(float("nan")))
    print(norm([3.0, 4.0]), norm([]))
    for x in [-1.0, -0.0, 0.0, 1.0, 2.5, 1000.0, float("-inf"), float("inf"), float("nan")]:
        for name in ["sqrt", "log", "exp", "acos", "cosh", "atanh"]:
            safe(name, x)
    d: float = 2.0
    print(math.sin(d), math.cos(d), math.tan(d), math.atan(d), math.log2(d), math.log10(d))
    print(math.exp2(d), math.expm1(d), math.log1p(d), math.fabs(-d), math.degrees(d))
    print(math.radians(d), math.erf(d), math.erfc(d), math.lgamma(d), math.cbrt(d))
    print(math.sinh(d), math.tanh(d), math.asinh(d), math.acosh(d), math.atanh(0.5))
    print(math.asin(0.5), math.sqrt(2))
    try:
        print(root(-4.0))
    except ValueError as e:
        print("ValueError:", e)
    print(root(-1.0))


main()
