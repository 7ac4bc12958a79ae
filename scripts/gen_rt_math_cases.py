# Generates tests/unit/rt_math_cases.inc (the case table of test_rt_math.c) with CPython 3.13:
#   PYENV_VERSION=3.13.0 python3.13 scripts/gen_rt_math_cases.py > tests/unit/rt_math_cases.inc
# Each case is a snippet for rt_mod_eval.inc (math's names are global, plus inf and nan) and
# the repr CPython printed, or "!Type: message".
import math

F = ['0.0', '-0.0', '0.5', '1.0', '-1.0', '2.0', '3.7', '-3.7', '1e-300', '1e300', '710.0',
     'inf', '-inf', 'nan', '10', '-10', '0']
UNARY = ['sqrt', 'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'fabs', 'sin', 'cos',
         'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh',
         'degrees', 'radians', 'erf', 'erfc', 'cbrt', 'ulp', 'isfinite', 'isinf', 'isnan',
         'ceil', 'floor', 'trunc', 'frexp', 'modf']
BINARY = ['pow', 'fmod', 'atan2', 'copysign', 'remainder', 'hypot']
F2 = ['0.0', '-0.0', '1.5', '-2.0', '3.0', 'inf', '-inf', 'nan', '0.1']

cases = []
for f in UNARY:
    cases += ['%s(%s)' % (f, x) for x in F]
for f in BINARY:
    cases += ['%s(%s, %s)' % (f, x, y) for x in F2 for y in F2]
cases += [
    'pi', 'e', 'tau', 'inf', 'nan', 'sqrt()', 'sqrt(1, 2)', "sqrt('a')", 'sqrt(x=1)',
    'pow(1)', 'pow(2, 0.5)', 'pow(-8, 1.0)', 'pow(-8.0, 0.5)', 'pow(10.0, 400)',
    'gamma(0.5)', 'gamma(1.0)', 'gamma(5.0)', 'gamma(0.0)', 'gamma(-1.0)', 'gamma(-1.5)',
    'gamma(172.0)', 'gamma(171.0)', 'gamma(inf)', 'gamma(-inf)', 'gamma(nan)', 'gamma(10)',
    'lgamma(0.5)', 'lgamma(1.0)', 'lgamma(2.0)', 'lgamma(0.0)', 'lgamma(-2.0)', 'lgamma(-2.5)',
    'lgamma(1e308)', 'lgamma(inf)', 'lgamma(-inf)', 'lgamma(100.0)',
    'ceil(1e20)', 'floor(-1e20)', 'trunc(1e30)', 'ceil(12345678901234567890123)', 'floor(True)',
    "floor('a')", "trunc('a')", "ceil(None)",
    'ldexp(1.0, 10)', 'ldexp(1.0, 1024)', 'ldexp(1.0, -1075)', 'ldexp(1.0, 100000000000000000000000)',
    'ldexp(1.0, -100000000000000000000000)', 'ldexp(0.0, 100000000000000000000000)', 'ldexp(inf, -5)',
    'ldexp(1.0, 1.5)', 'ldexp(3, 2)',
    'factorial(0)', 'factorial(5)', 'factorial(20)', 'factorial(21)', 'factorial(50)', 'factorial(-1)',
    'factorial(1.5)', 'factorial(5.0)', 'factorial(True)', "factorial('a')",
    'isqrt(0)', 'isqrt(15)', 'isqrt(16)', 'isqrt(10000000000000000000000000000000000000001)',
    'isqrt(-1)', 'isqrt(2.0)',
    'gcd()', 'gcd(12)', 'gcd(-12)', 'gcd(12, 18)', 'gcd(12, -18, 8)', 'gcd(0, 0)',
    'gcd(100000000000000000000000, 60000000000000000000)', 'gcd(1.5)', 'gcd(12, 18.0)',
    'lcm()', 'lcm(4, 6)', 'lcm(-4, 6)', 'lcm(4, 6, 10)', 'lcm(0, 5)', 'lcm(100000000000000000000, 3)',
    'comb(5, 2)', 'comb(5, 0)', 'comb(5, 6)', 'comb(100, 50)', 'comb(-1, 2)', 'comb(5, -1)',
    'comb(5.0, 2)', 'comb(1000000000000000000000, 2)', 'comb(5)',
    'perm(5, 2)', 'perm(5)', 'perm(5, None)', 'perm(5, 6)', 'perm(3, -1)', 'perm(-3, 1)', 'perm(30, 20)',
    'fsum([])', 'fsum([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1])',
    'fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])', 'fsum([1.0, 1e-16, 1e-16])',
    'fsum([inf, 1.0])', 'fsum([inf, -inf])', 'fsum([nan, 1.0])', 'fsum([1e308, 1e308])',
    'fsum([1, 2, 3])', "fsum([1, 'a'])", 'fsum(3)', 'fsum(range(10))',
    'fsum([1.0, 1.1102230246251565e-16, 1.232595164407831e-32])',
    'fsum([-0.0])', 'fsum([-0.0, -0.0])',
    'prod([])', 'prod([1, 2, 3, 4])', 'prod([2.5, 4])', 'prod([2, 3], start=10)', 'prod(range(1, 30))',
    "prod(['a', 3])", 'prod([1], 2)', 'prod()', 'prod([1], foo=2)',
    'sumprod([1, 2, 3], [4, 5, 6])', 'sumprod([0.1, 0.2], [0.3, 0.4])', 'sumprod([], [])',
    'sumprod([1, 2], [1])', 'sumprod([1e20, 1.0, -1e20], [1.0, 1.0, 1.0])',
    'sumprod([1, 2.5], [3, 4])', 'sumprod([10000000000000000000000, 1], [2, 3])',
    'hypot()', 'hypot(3)', 'hypot(-3)', 'hypot(3, 4)', 'hypot(1, 2, 3)', 'hypot(inf, nan)', 'hypot(nan, 1)',
    'hypot(1e308, 1e308)', 'hypot(1e-320, 1e-320)', 'hypot(0.1, 0.2, 0.3, 0.4)', 'hypot(1.0, 1e-20)',
    'dist([0, 0], [3, 4])', 'dist((1, 2, 3), (4, 5, 6))', 'dist([1], [1, 2])', 'dist([], [])',
    'dist(1, 2)', 'dist([1.5, -2.5], [0.25, 7.75])',
    'isclose(1.0, 1.0)', 'isclose(1.0, 1.0000000001)', 'isclose(1.0, 1.1)', 'isclose(1.0, 1.1, rel_tol=0.2)',
    'isclose(0.0, 1e-10)', 'isclose(0.0, 1e-10, abs_tol=1e-9)', 'isclose(inf, inf)', 'isclose(inf, -inf)',
    'isclose(nan, nan)', 'isclose(1, 1, rel_tol=-1)', 'isclose(1)', 'isclose(1, 2, foo=1)',
    'nextafter(1.0, 2.0)', 'nextafter(1.0, 0.0)', 'nextafter(0.0, -1.0)', 'nextafter(1.0, 1.0)',
    'nextafter(1.0, 2.0, steps=0)', 'nextafter(1.0, 2.0, steps=3)', 'nextafter(0.0, 1.0, steps=2)',
    'nextafter(-0.0, 1.0, steps=1)', 'nextafter(1.0, 1.0000000000000004, steps=100)',
    'nextafter(1.0, 2.0, steps=-1)', 'nextafter(-1.0, 1.0, steps=4)', 'nextafter(1.0, inf, steps=10000000000000000000000)',
    'nextafter(nan, 1.0)', 'nextafter(1.0, nan)',
    'fma(2.0, 3.0, 4.0)', 'fma(0.1, 10.0, -1.0)', 'fma(inf, 0.0, 1.0)', 'fma(1e308, 10.0, 0.0)',
    'fma(inf, 1.0, 1.0)', 'fma(nan, 1.0, 1.0)',
    'log(100, 10)', 'log(8, 2)', 'log(1, 1)', 'log(1, 0)', 'log(0)', 'log(-1)', 'log(0.0)',
    'log(%d)' % 10**401,
    'log2(1267650600228229401496703205376)', 'log10(1000)', 'log10(-1000)',
    'log2(%d)' % 2**1024,
    'log(1e-320)', 'log()', 'log(1, 2, 3)', "log('a')",
    'sqrt(%d)' % 10**401,
    'exp(1000)', 'exp(-1000)', 'sinh(1000)', 'cosh(-1000)', 'atanh(1.0)', 'expm1(1e-10)',
    'degrees(1e308)', 'radians(180)', 'ulp(1e308)', 'ulp(5e-324)', 'ulp(-2.0)',
]

def run(code):
    ns = dict(vars(math))
    try:
        return repr(eval(code, ns))
    except Exception as e:
        return '!%s: %s' % (type(e).__name__, e)

def cstr(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'

# krait's gamma and lgamma come from the C library, CPython's from its own Lanczos code: their
# finite float results may differ in the last bits, so they go to a table compared within 1e-13.
def approx(c):
    r = run(c)
    return c.startswith(('gamma(', 'lgamma(')) and not r.startswith('!') and math.isfinite(float(r))

print('// Generated by scripts/gen_rt_math_cases.py with CPython 3.13; do not edit.')
for name, sel in (('math_cases', lambda c: not approx(c)), ('math_approx_cases', approx)):
    print('static const ModCase %s[] = {' % name)
    for c in filter(sel, cases):
        print('    { %s,\n      %s },' % (cstr(c), cstr(run(c))))
    print('};')
