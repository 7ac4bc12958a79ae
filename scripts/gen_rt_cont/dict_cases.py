import random
TABLES = ['dict_cases', 'view_cases', 'order_cases']
dict_cases = [
 "{}", "{1: 2}", "{1: 'a', 'b': [2], (3,): None}", "{1: 2, 1: 3}", "{1: 1, 1.0: 2, True: 3}",
 "dict()", "dict([(1, 2), (3, 4)])", "dict({1: 2})", "dict(a=1, b=2)", "dict([(1, 2)], c=3)",
 "dict([1])", "dict([(1, 2, 3)])", "dict(5)", "dict([[1, 2], 'ab'])", "dict({1: 2}, {3: 4})",
 "{1: 2}[1]", "{1: 2}[2]", "{(1, 2): 3}[(1, 2)]", "{1: 2}[[1]]", "{}[(1,)]", "{'a': 1}['a']",
 "a = {}; a[1] = 2; a[1] = 3; a", "a = {1: 2}; del a[1]; a", "a = {1: 2}; del a[3]",
 "a = {1: 2}; a.get(1)", "{1: 2}.get(3)", "{1: 2}.get(3, 'x')", "{1: 2}.get()", "{1: 2}.get([1])",
 "a = {1: 2}; a.setdefault(1, 5)", "a = {}; a.setdefault(1, 5); a", "a = {}; a.setdefault(1); a",
 "a = {1: 2, 3: 4}; a.pop(1)", "a = {1: 2}; a.pop(1); a", "a = {1: 2}; a.pop(5)", "a = {}; a.pop(5)",
 "a = {1: 2}; a.pop(5, 'd')", "a = {}; a.pop(5, 'd')", "a = {1: 2}; a.pop()",
 "a = {1: 2, 3: 4}; a.popitem()", "a = {1: 2, 3: 4}; a.popitem(); a", "a = {}; a.popitem()",
 "a = {1: 2, 3: 4, 5: 6}; del a[5]; a.popitem()", "a = {1: 2}; a.popitem(); a[7] = 8; a",
 "a = {1: 2}; a.update({3: 4}); a", "a = {1: 2}; a.update([(1, 5)]); a", "a = {1: 2}; a.update(x=1); a",
 "a = {}; a.update({1: 2}.items()); a", "a = {}; a.update(5)", "a = {}; a.update([1, 2])",
 "a = {1: 2}; a.update(); a", "a = {}; a.update({}, {})",
 "a = {1: 2}; a.clear(); a", "a = {1: [2]}; b = a.copy(); b", "a = {1: 2}; b = a.copy(); b[3] = 4; a",
 "dict.fromkeys([1, 2])", "dict.fromkeys('ab', 0)", "dict.fromkeys(5)", "{}.fromkeys([3])",
 "{1: 2} | {3: 4}", "{1: 2} | {1: 3}", "{1: 2} | [(3, 4)]", "a = {1: 2}; a |= {3: 4}; a",
 "a = {1: 2}; a |= [(5, 6)]; a", "a = {1: 2}; a |= 5",
 "{1: 2} == {1: 2}", "{1: 2} == {1: 3}", "{1: 2} == {2: 2}", "{1: 2, 3: 4} == {3: 4, 1: 2}",
 "{1: 2} != {1: 2}", "{1: 2} < {1: 2}", "{1: 2} == [1]", "{} == {}",
 "1 in {1: 2}", "2 in {1: 2}", "[1] in {1: 2}", "len({1: 2, 3: 4})",
 "a = {}; a[a] = 1", "a = {}; a[1] = a; b = repr(a); a.clear(); b", "a = {}; a[2] = [a]; b = repr(a); a.clear(); b", "list({3: 1, 1: 2, 2: 3})", "list(reversed({3: 1, 1: 2}))",
 "a = {1: 2}; b = iter(a); a[2] = 3; next(b)", "a = {1: 2, 2: 3}; b = iter(a); next(b); del a[2]; a[3] = 4; next(b)",
 "a = {1: 2}; b = iter(a); next(b); next(b)", "a = {1: 1}; b = iter(a); a.pop(1); a[2] = 2; next(b)",
 "{1.5: 2}[1.5]", "{None: 1}[None]", "{-1: 1}[-1]", "{-2: 2, -1: 1}", "{0: 0, 0.0: 1}",
 "{'a': 1} == {'a': 1.0}", "a = {(1, 2): 3}; (1, 2) in a",
]
view_cases = [
 "{1: 2}.keys()", "{1: 2}.values()", "{1: 2}.items()", "{}.keys()", "len({1: 2}.items())",
 "list({1: 2, 3: 4}.items())", "list({1: 2, 3: 4}.values())", "1 in {1: 2}.keys()", "2 in {1: 2}.values()",
 "(1, 2) in {1: 2}.items()", "(1, 3) in {1: 2}.items()", "1 in {1: 2}.items()",
 "{1: 2, 3: 4}.keys() & {3, 5}", "{1: 2, 3: 4}.keys() | {5}", "{1: 2, 3: 4}.keys() - {3}",
 "{1: 2, 3: 4}.keys() ^ {3, 5}", "{3, 5} & {1: 2, 3: 4}.keys()", "{3, 5} - {1: 2, 3: 4}.keys()",
 "{1: 2}.keys() & [1, 2]", "{1: 2}.keys() | [3]", "{1: 2}.keys() - [1]", "{1: 2}.keys() ^ [1, 3]",
 "{1: 2}.items() & {(1, 2)}", "{1: 2}.items() | {(3, 4)}", "{1: 2}.items() - {(1, 2)}",
 "{1: 2}.keys() == {1}", "{1: 2}.keys() == {1: 3}.keys()", "{1: 2}.keys() < {1, 2}",
 "{1: 2}.keys() <= {1}", "{1: 2, 3: 4}.keys() > {1}", "{1: 2}.keys() >= {1, 2}",
 "{1: 2}.items() == {(1, 2)}", "{1: 2}.keys() == [1]", "{1: 2}.values() == {1: 2}.values()",
 "{1: 2}.keys().isdisjoint([2])", "{1: 2}.keys().isdisjoint([1])", "{1: 2}.items().isdisjoint([(1, 2)])",
 "list(reversed({1: 2, 3: 4}.keys()))", "list(reversed({1: 2, 3: 4}.values()))", "list(reversed({1: 2, 3: 4}.items()))",
 "{1: 2, 3: 4, 5: 6}.keys() & {5: 0, 1: 0}.keys()", "{i: 1 for i in []}" if False else "{}.keys() | {}.keys()",
 "{1: 2}.keys() & 5", "hash({}.keys())", "a = {1: 2}; b = a.keys(); a[3] = 4; b",
]
random.seed(7)
def script(n, lo, hi):
    ops = []
    for _ in range(n):
        k = random.randrange(lo, hi)
        if random.random() < 0.6:
            ops.append("a[%d] = %d" % (k, random.randrange(100)))
        else:
            ops.append("a.pop(%d, 0)" % k)
    return "a = {}; " + "; ".join(ops) + "; a"
order_cases = [script(40, 0, 20), script(80, -30, 30), script(150, 0, 60), script(60, 0, 8),
  "a = {}; " + "; ".join("a['k%d'] = %d" % (i, i) for i in range(30)) + "; " + "; ".join("del a['k%d']" % i for i in range(0, 30, 3)) + "; " + "; ".join("a['k%d'] = 0" % i for i in range(0, 12, 2)) + "; a",
  "a = {}; " + "; ".join("a[%d] = 0" % i for i in range(20)) + "; " + "; ".join("a.popitem()" for i in range(5)) + "; a[100] = 1; a",
  "a = dict.fromkeys(range(10)); " + "; ".join("del a[%d]" % i for i in (2, 4, 6)) + "; a[4] = 1; a[2] = 1; list(a.items())",
]
