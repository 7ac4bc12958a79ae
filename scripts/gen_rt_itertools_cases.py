# Generates tests/unit/rt_itertools_cases.inc (the case table of test_rt_itertools.c) with
# CPython 3.13:
#   PYENV_VERSION=3.13.0 python3.13 scripts/gen_rt_itertools_cases.py > tests/unit/rt_itertools_cases.inc
# Each case is a snippet for rt_mod_eval.inc with itertools' names global, plus the helpers
# below (test_rt_itertools.c defines the same in C), and what CPython printed.
import itertools

def lt5(x): return x < 5
def odd(x): return x % 2
def add(a, b): return a + b
def mul(a, b): return a * b
def neg(x): return -x
def first(x): return x[0]
def mod3(x): return x % 3

NS = dict(vars(itertools), lt5=lt5, odd=odd, add=add, mul=mul, neg=neg, first=first, mod3=mod3)

cases = [
    # count
    "count()", "count(5)", "count(5, 2)", "count(1.5, 0.5)", "count(0.0)", "count(5, 1.0)",
    "count(start=3, step=-1)", "list(islice(count(), 5))", "list(islice(count(10, -3), 4))",
    "list(islice(count(0.5, 0.25), 4))", "list(islice(count(4611686018427387902), 3))",
    "c = count(3); next(c); next(c); c", "count('a')", "count(1, 2, 3)", "count(foo=1)",
    "list(islice(count(99999999999999999999, 99999999999999999999), 3))",
    # cycle
    "list(islice(cycle('abc'), 8))", "list(cycle([]))", "list(islice(cycle(range(2)), 5))",
    "cycle(5)", "cycle()", "cycle('a', 'b')",
    # repeat
    "repeat('a')", "repeat('a', 3)", "list(repeat('a', 3))", "list(repeat(1, 0))", "list(repeat(1, -2))",
    "repeat(1, -2)", "list(islice(repeat(7), 4))", "repeat(object=2, times=2)", "list(repeat(None, times=2))",
    "repeat()", "repeat(1, 'a')", "repeat(1, 2.5)",
    # chain
    "list(chain('ab', [1, 2], (3,)))", "list(chain())", "list(chain([], [], 'x'))",
    "list(chain.from_iterable(['ab', 'cd']))", "list(islice(chain.from_iterable(repeat('ab')), 5))",
    "list(chain(1, 2))", "list(chain('a', 2))", "chain(x=1)", "list(islice(chain('ab', count()), 5))",
    "c = chain('ab', 'c'); next(c); list(c)",
    # islice
    "list(islice('abcdefg', 2))", "list(islice('abcdefg', 2, 4))", "list(islice('abcdefg', 2, None))",
    "list(islice('abcdefg', 0, None, 2))", "list(islice('abcdefg', 1, 6, 2))", "list(islice('abc', 10))",
    "list(islice('abc', None))", "list(islice('abc', None, None, None))", "list(islice('abcdefg', 5, 2))",
    "islice('abc', -1)", "islice('abc', 1, -1)", "islice('abc', -1, 2)", "islice('abc', 0, 2, 0)",
    "islice('abc', 0, 2, -1)", "islice('abc', 'a')", "islice('abc', 1.5)", "islice('abc', 0, 1.5)",
    "islice('abc')", "islice('abc', 1, 2, 3, 4)", "islice(5, 1)", "islice('abc', stop=1)",
    "i = iter(range(10)); list(islice(i, 2)); list(i)", "i = iter(range(10)); list(islice(i, 1, 3)); list(i)",
    "list(islice(count(), 3, 20, 5))", "list(islice(islice(count(), 2, None), 3))",
    # takewhile / dropwhile / filterfalse
    "list(takewhile(lt5, [1, 4, 6, 4, 1]))", "list(takewhile(lt5, count()))", "list(takewhile(lt5, []))",
    "t = takewhile(lt5, [1, 7, 2]); list(t); list(t)", "list(dropwhile(lt5, [1, 4, 6, 4, 1]))",
    "list(islice(dropwhile(lt5, count()), 3))", "list(dropwhile(lt5, [1, 2]))", "takewhile(lt5)",
    "list(takewhile(neg, [1]))", "list(takewhile(5, [1]))", "list(filterfalse(odd, range(10)))",
    "list(filterfalse(None, [0, 1, '', 'a', None, 2]))", "list(islice(filterfalse(odd, count()), 4))",
    "filterfalse(odd)", "takewhile(lt5, [1], x=1)", "list(dropwhile(odd, 5))",
    # accumulate
    "list(accumulate([1, 2, 3, 4]))", "list(accumulate([1, 2, 3, 4], mul))", "list(accumulate([]))",
    "list(accumulate([], initial=100))", "list(accumulate([1, 2], initial=100))",
    "list(accumulate([1, 2, 3], add, initial=10))", "list(accumulate('abc'))",
    "list(accumulate([1, 2], func=mul))", "list(islice(accumulate(count()), 5))",
    "list(accumulate([1, 'a']))", "list(accumulate([1, 2], None))", "accumulate()",
    "list(accumulate([1, 2], initial=None))",
    # starmap
    "list(starmap(mul, [(2, 3), (4, 5)]))", "list(starmap(add, ['ab', 'cd']))", "list(starmap(mul, []))",
    "list(starmap(mul, [1]))", "starmap(mul)",
    "list(islice(starmap(mul, pairwise(count())), 4))",
    # product
    "list(product('ab', range(2)))", "list(product())", "list(product('ab', repeat=2))",
    "list(product('ab', [], 'c'))", "list(product(range(2), repeat=0))", "list(product('a', repeat=-1))",
    "list(product([1, 2], [3], [4, 5]))", "product(5)", "product('a', foo=1)", "len(list(product(range(3), repeat=3)))",
    # permutations / combinations
    "list(permutations('abc'))", "list(permutations('abc', 2))", "list(permutations('abc', 0))",
    "list(permutations('abc', 4))", "list(permutations(range(3), r=None))", "list(permutations([]))",
    "permutations('abc', -1)", "permutations('abc', 1.5)", "len(list(permutations(range(5), 3)))",
    "list(combinations('abcd', 2))", "list(combinations('abc', 0))", "list(combinations('abc', 4))",
    "list(combinations(range(4), 3))", "list(combinations('ab', r=2))", "combinations('abc')",
    "combinations('abc', -1)", "len(list(combinations(range(10), 4)))", "list(combinations([], 0))",
    "list(combinations_with_replacement('abc', 2))", "list(combinations_with_replacement('ab', 3))",
    "list(combinations_with_replacement('', 2))", "list(combinations_with_replacement('', 0))",
    "list(combinations_with_replacement('abc', 0))", "combinations_with_replacement('abc', -1)",
    "len(list(combinations_with_replacement(range(5), 3)))", "combinations_with_replacement('a')",
    # groupby
    "list(groupby(''))", "list(map(first, groupby('aabbbc')))",
    "g = groupby('aabbbc'); a = next(g); list(a[1])", "g = groupby('aabbbc'); a = next(g); b = next(g); list(a[1])",
    "g = groupby('aabbbc'); a = next(g); b = next(g); list(b[1])", "g = groupby('aabbbc'); a = next(g); b = next(g); next(g)[0]",
    "g = groupby([1, 4, 7, 2, 5, 3], mod3); a = next(g); list(a[1])", "list(map(first, groupby([1, 4, 7, 2, 5, 3], key=mod3)))",
    "g = groupby('aab'); a = next(g); next(a[1]); b = next(g); b[0]", "g = groupby('aab'); a = next(g); next(a[1]); b = next(g); list(a[1])",
    "g = groupby('aab'); a = next(g); list(g)[0][0]", "groupby()", "groupby(5)", "next(groupby([1], neg))[0]",
    "g = groupby('abc'); a = next(g); n = next(a[1]); list(a[1])", "list(map(first, groupby(islice(cycle('aab'), 7))))",
    "g = groupby([1, 'a']); next(g)[0]", "g = groupby('aa'); a = next(g); list(g); list(a[1])",
    # zip_longest
    "list(zip_longest('abc', [1]))", "list(zip_longest('ab', 'xyz', fillvalue='-'))", "list(zip_longest())",
    "list(zip_longest('ab'))", "list(zip_longest([], []))", "list(islice(zip_longest(count(), 'ab'), 4))",
    "zip_longest(5)", "zip_longest('a', foo=1)", "z = zip_longest('a', 'bc'); list(z); list(z)",
    # tee
    "a = tee('abc'); list(a[0])", "a = tee('abc'); list(a[0]); list(a[1])", "len(tee('abc', 3))",
    "tee('abc', 0)", "tee('abc', -1)", "a = tee(count(), 2); b = a[0]; c = a[1]; next(b); next(b); next(c)",
    "a = tee(range(200)); list(a[0])[-1]", "a = tee(range(200)); list(a[0]); list(a[1])[150]",
    "a = tee(iter('abcd')); next(a[0]); b = tee(a[0]); list(b[1])", "a = tee('ab'); b = a[0].__copy__(); next(a[0]); list(b)",
    "tee(5)", "tee()", "a = tee(range(3), 3); list(a[2])",
    # pairwise
    "list(pairwise('abcd'))", "list(pairwise('a'))", "list(pairwise(''))", "list(islice(pairwise(count()), 3))",
    "pairwise(5)", "pairwise('ab', 'cd')",
    # batched
    "list(batched('abcdefg', 3))", "list(batched('abcdef', 3))", "list(batched('', 2))", "list(batched('abc', 1))",
    "batched('abc', 0)", "batched('abc', -1)", "list(batched('abcd', 3, strict=True))",
    "list(batched('abcdef', 3, strict=True))", "list(batched(range(5), n=2))", "list(islice(batched(count(), 2), 3))",
    "batched('abc')", "batched('abc', 2.5)", "b = batched('abcd', 3, strict=True); next(b); list(b)",
    # compress
    "list(compress('abcdef', [1, 0, 1, 0, 1, 1]))", "list(compress('abc', [1]))", "list(compress('a', [1, 1, 1]))",
    "list(islice(compress(count(), cycle([0, 1])), 4))", "list(compress(data='ab', selectors=[0, 1]))",
    "compress('a')", "list(compress('ab', 5))",
    # the module's names (type reprs are "<class 'itertools.count'>" in CPython: object.c's
    # type repr does not show the module yet)
    "tee", "list(chain.from_iterable(['a']))", "list(next(groupby('a'))[1])",
]

def run(code):
    ns = dict(NS)
    stmts = code.split(';')
    try:
        for s in stmts[:-1]:
            exec(s.strip(), ns)
        return repr(eval(stmts[-1].strip(), ns))
    except Exception as e:
        return '!%s: %s' % (type(e).__name__, e)

def cstr(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'

print('// Generated by scripts/gen_rt_itertools_cases.py with CPython 3.13; do not edit.')
print('static const ModCase itertools_cases[] = {')
for c in cases:
    print('    { %s,\n      %s },' % (cstr(c), cstr(run(c))))
print('};')
