#!/usr/bin/env python3
# Generates tests/unit/rt_builtin_cases.inc: snippets calling the builtin functions, with the
# result CPython 3.13 gives (repr of the last expression, or "!Type: message"). The snippets use
# the subset of Python that tests/unit/rt_cont_eval.inc evaluates. Run with
#   PYTHONHASHSEED=0 PYENV_VERSION=3.13.0 python3.13 scripts/gen_rt_builtin_cases.py \
#       > tests/unit/rt_builtin_cases.inc
import sys


def neg(x): return -x
def mod3(x): return x % 3
def first(x): return x[0]


CASES = [
    # repr, str, ascii, format
    "repr('a')", "repr([1, 'a', None])", "repr(1.5)", "repr()", "repr(1, 2)",
    "str()", "str(1.5)", "str([1, 'x'])", "str('abc')", "str(None)",
    "str(bytes([104, 105]), 'ascii')", "str(bytes([195, 169]), 'utf-8')",
    "str(bytes([255]), 'utf-8')", "str(bytes([255, 65]), 'utf-8', 'replace')",
    "str(bytes([255, 65]), 'utf-8', 'ignore')", "str(bytes([233]), 'latin-1')",
    "str(bytes([104]), errors='strict')", "str(1, 'utf-8')", "str(bytes([104]), 'nope')",
    "ascii('abc')", "ascii('é')", "ascii(['€', 1])", "ascii()",
    "format(3.14159, '.2f')", "format(42)", "format(255, 'x')", "format('a', '>5')",
    "format(1, 2)", "format(1, 'q')", "format(1234567, ',')", "format(True)", "format()",
    "format(None, '')", "format([1], 'x')",
    # len
    "len('abc')", "len('héllo')", "len([1, 2])", "len({1: 2})", "len(range(10))", "len(1)",
    "len()", "len(1, 2)", "len(x=1)",
    # abs
    "abs(-5)", "abs(-2.5)", "abs(True)", "abs('a')", "abs(-4611686018427387904)", "abs()",
    # min / max
    "max([1, 3, 2])", "max(1, 3, 2)", "max('abc')", "min([4, 2, 8])", "min(4, 2, 8)",
    "max([])", "min([])", "max([], default=5)", "min((), default=None)",
    "max(1, 2, default=3)", "max([1, -3, 2], key=abs)", "min([1, -3, 2], key=abs)",
    "max()", "min()", "max(1)", "max([1, 'a'])", "max([1, 2], foo=1)",
    "min([(1, 'b'), (1, 'a')])", "max(['a', 'bb', 'c', 'dd'], key=len)",
    "min(['a', 'bb', 'c'], key=len)", "max([1, 2], key=None)", "max(3, 3.0)", "min(3.0, 3)",
    "max([2, 5, 1], key=neg)", "min([], key=len, default='d')", "max('a', 'b', key=len)",
    "max(iter([1, 9, 3]))", "min({3, 1, 2})", "max({'a': 1, 'b': 2})",
    # sum
    "sum([1, 2, 3])", "sum([1, 2], 10)", "sum([1, 2], start=10)", "sum(['a', 'b'], '')",
    "sum([], bytes(1))", "sum([], bytearray(1))", "sum([[1], [2]], [])", "sum([0.1, 0.2, 0.3])",
    "sum([1e100, 1.0, -1e100, 1.0])", "sum([1, 2.5])", "sum([0.1] * 10)", "sum(range(101))",
    "sum([9223372036854775807, 1])", "sum([4611686018427387903, 4611686018427387903])",
    "sum([-4611686018427387904, -4611686018427387904, -1])", "sum([True, True])",
    "sum([1, 'a'])", "sum(1)", "sum()", "sum([1], 2, 3)", "sum([1.5, 2], 1)",
    "sum([1e308, 1e308])", "sum([1e308, 1e308, -1e308])", "sum([0.1, 0.2], 0.5)",
    "sum([1.0, 1e100, 1.0, -1e100])", "sum([2.0, 1180591620717411303424, 0.5])",
    "sum([1180591620717411303424, 1])", "sum([], 5)", "sum([])", "sum([0.0, -0.0])",
    "sum([-0.0, -0.0])", "sum([], -0.0)", "sum([1.5], 1180591620717411303424)",
    "sum((0.1, 0.7, 0.2, 1e-17))", "sum([float('inf'), 1.0])",
    "sum([float('inf'), float('-inf')])", "sum([1, 2], start='a')", "sum([1], x=2)",
    "sum([0.3, 0.6, 0.1, 1e16, -1e16])",
    # sorted
    "sorted([3, 1, 2])", "sorted('cba')", "sorted([3, 1, 2], reverse=True)",
    "sorted(['bb', 'a', 'ccc'], key=len)", "sorted()", "sorted([1, 'a'])", "sorted(1)",
    "sorted([1], foo=1)", "sorted([1, 2, 3], key=neg)", "sorted({3: 1, 1: 2})",
    "sorted([1, 2], [3])", "sorted((2, 1), reverse=0)",
    # any / all
    "any([])", "all([])", "any([0, 1])", "all([1, 0])", "any(1)", "any('')", "all('abc')",
    "any([0, '', None])", "all()", "any([], [])",
    # isinstance / issubclass
    "isinstance(1, int)", "isinstance(True, int)", "isinstance(1, (str, (float, int)))",
    "isinstance(1, (str, float))", "isinstance('a', str)", "isinstance(1, 1)",
    "isinstance(1, ())", "isinstance(1)", "isinstance([], (list, 1))",
    "isinstance(ValueError('x'), Exception)", "isinstance(KeyError(), (IndexError, LookupError))",
    "issubclass(bool, int)", "issubclass(int, bool)", "issubclass(1, int)",
    "issubclass(KeyError, (ValueError, (LookupError,)))", "issubclass(int, 1)",
    "issubclass(list, object)", "issubclass(int)",
    # hash / id
    "hash(1)", "hash(-1)", "hash('abc')", "hash(1.5)", "hash((1, 2))", "hash([1])",
    "hash(None)", "hash(True)", "hash()", "hash(1180591620717411303424)",
    "x = [1]; id(x) == id(x)", "id(1) == id(2)", "isinstance(id([]), int)", "id()",
    # ord / chr
    "ord('a')", "ord('é')", "ord('€')", "ord('ab')", "ord('')", "ord(1)", "ord(bytes([65]))",
    "ord(bytes([1, 2]))", "ord(bytearray([200]))", "ord()",
    "chr(65)", "chr(233)", "chr(8364)", "chr(1114111)", "chr(1114112)", "chr(-1)", "chr('a')",
    "chr(1180591620717411303424)", "chr(2.5)", "chr(True)", "chr()",
    # hex / oct / bin
    "hex(255)", "hex(-255)", "oct(8)", "oct(-8)", "bin(5)", "bin(0)", "bin(-10)",
    "hex(1.5)", "hex('a')", "hex(1180591620717411303424)", "oct(True)", "hex()",
    # round
    "round(2.5)", "round(3.5)", "round(2.675, 2)", "round(1234, -2)", "round(1250, -2)",
    "round(1.5)", "round(-0.5)", "round('a')", "round(7)", "round(7, 2)", "round(1.25, 1)",
    "round(123.456, -1)", "round(1.5, None)", "round(number=2.5)", "round(2.5, ndigits=0)",
    "round()", "round(1, 2, 3)", "round(float('inf'))", "round(float('nan'))",
    # divmod / pow
    "divmod(7, 2)", "divmod(-7, 2)", "divmod(7.5, 2)", "divmod(1, 0)", "divmod(1)",
    "divmod('a', 1)", "divmod(-7.5, 2)",
    "pow(2, 10)", "pow(2, -1)", "pow(3, 4, 5)", "pow(2, 3, 0)", "pow(base=2, exp=5)",
    "pow(2, exp=3, mod=5)", "pow(2)", "pow(3, -1, 7)", "pow(2.0, 3)", "pow(2, 3, 4, 5)",
    "pow('a', 2)", "pow(2, 0.5, 3)", "pow(0, -1)", "pow(2, 3, mod=None)",
    # iter / next
    "list(iter([1, 2]))", "iter(1)", "iter(1, 2)", "l = [1, 2, 3, 4]; list(iter(l.pop, 2))",
    "next(iter([]), 5)", "next([1])", "next(iter([]))", "next(iter('ab'))",
    "i = iter([1]); next(i); next(i, 'end')", "iter()", "next()", "list(iter(int, 0))",
    "l = [1, 2, 3]; i = iter(l.pop, 1); next(i); next(i); next(i, 'x')",
    "next(iter([1]), default=2)",
    # getattr / setattr / hasattr / delattr
    "getattr('abc', 'upper')()", "getattr(1, 'foo')", "getattr(1, 'foo', 5)",
    "getattr(1, 2)", "getattr(1)", "hasattr('a', 'upper')", "hasattr(1, 'foo')",
    "hasattr(1, 2)", "setattr(1, 'x', 2)", "setattr(1, 2, 3)", "delattr(1, 'x')",
    "e = ValueError('m'); hasattr(e, 'foo')", "e = ValueError('m'); getattr(e, 'args')",
    "getattr(ValueError('m'), 'args')", "getattr([], 'append', None) == None",
    "setattr(1, 'x')", "delattr(1)",
    # callable / vars
    "callable(len)", "callable(1)", "callable(int)", "callable('a'.upper)", "callable()",
    "vars(1)", "vars([])", "vars(1, 2)",
    # the builtin function objects
    "len", "repr(max)", "f = len; f('abcd')", "sorted(['bb', 'a'], key=len)",
    "list(map(abs, [-1, 2, -3]))", "max([1, -5, 3], key=abs)", "sorted([-2, 1, -3], key=abs)",
    "list(map(chr, [97, 98]))", "list(map(ord, 'ab'))", "list(filter(callable, [1, len]))",
    "list(map(hex, [10, 255]))", "sum(map(round, [1.4, 2.6]))", "list(map(str, [1, 2.5]))",
    "list(map(repr, ['a', 1]))", "list(map(bool, [0, 1]))", "list(map(int, ['1', '22']))",
    "list(map(float, ['1.5', '2']))", "list(map(len, ['a', 'bcd']))", "int",
    "isinstance(len, object)", "type(len)", "type(print)", "print",
]


def run(code):
    ns = {'neg': neg, 'mod3': mod3, 'first': first}
    stmts = code.split(';')
    try:
        for s in stmts[:-1]:
            exec(s.strip(), ns)
        last = stmts[-1].strip()
        return repr(eval(compile(last, '<case>', 'eval'), ns))
    except Exception as e:
        return '!%s: %s' % (type(e).__name__, e)


def cstr(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def main():
    print('// Generated by scripts/gen_rt_builtin_cases.py with CPython %s; do not edit.'
          % sys.version.split()[0])
    print('static const EvalCase builtin_cases[] = {')
    for c in CASES:
        print('    { %s,\n      %s },' % (cstr(c), cstr(run(c))))
    print('};')


if __name__ == '__main__':
    main()
