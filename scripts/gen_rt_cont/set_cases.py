import random
TABLES = ['set_cases', 'order_cases']
set_cases = [
 "set()", "{1}", "{1, 2, 3}", "{3, 2, 1}", "frozenset()", "frozenset({1, 2})", "set([1, 2, 2])",
 "set('abca') == {'a', 'b', 'c'}", "set(5)", "set([[1]])", "frozenset([1], [2])", "set([1], [2])",
 "a = {1, 2}; a.add(3); a", "a = {1}; a.add(1); a", "a = {1}; a.add([2])",
 "a = {1, 2}; a.remove(1); a", "a = {1}; a.remove(5)", "a = {1}; a.remove((5, 6))", "a = {1}; a.remove([1])",
 "a = {1, 2}; a.discard(1); a", "a = {1}; a.discard(5); a", "a = {frozenset({1})}; a.remove({1}); a",
 "a = {frozenset({1})}; {1} in a", "a = {1}; [1] in a", "a = {1, 2}; a.pop()", "a = set(); a.pop()",
 "a = {1, 2}; a.clear(); a", "a = {1, 2}; b = a.copy(); b.add(3); a", "frozenset({1}).copy()",
 "a = {1}; a.update([2], (3,), {4: 0}); a", "a = {1}; a.update(5)",
 "{1, 2}.union([3], (4,))", "{1, 2}.union()", "{1, 2, 3}.intersection([2, 3, 4], {3})",
 "{1, 2, 3}.intersection()", "{1, 2, 3}.difference([1], {2})", "{1, 2, 3}.difference()",
 "{1, 2, 3}.symmetric_difference([3, 4])", "{1, 2}.symmetric_difference()",
 "a = {1, 2, 3}; a.intersection_update([2, 3, 9], (3,)); a", "a = {1, 2, 3}; a.difference_update([1], [2]); a",
 "a = {1, 2, 3}; a.symmetric_difference_update({3, 4}); a", "a = {1, 2}; a.symmetric_difference_update(a); a",
 "{1, 2}.issubset([1, 2, 3])", "{1, 4}.issubset({1, 2})", "{1, 2}.issuperset([1])", "{1}.issuperset({1, 2})",
 "{1, 2}.isdisjoint([3])", "{1, 2}.isdisjoint({2})", "{1}.isdisjoint(5)",
 "{1, 2} | {3}", "{1, 2} & {2, 3}", "{1, 2} - {2}", "{1, 2} ^ {2, 3}", "{1} | [2]", "{1} & frozenset({1})",
 "frozenset({1, 2}) | {3}", "frozenset({1}) - {1}", "a = {1}; a |= {2}; a", "a = {1, 2}; a &= {2}; a",
 "a = {1, 2}; a -= {2}; a", "a = {1, 2}; a ^= {2, 5}; a", "a = {1}; a |= [2]",
 "{1, 2} == {2, 1}", "{1, 2} == frozenset({1, 2})", "{1} == {1, 2}", "{1} != {2}", "{1} < {1, 2}",
 "{1, 2} < {1, 2}", "{1, 2} <= {1, 2}", "{1, 2, 3} > {1}", "{1} >= {1}", "{1} < [1, 2]", "{1} == [1]",
 "1 in {1, 2}", "3 in {1, 2}", "3 not in {1, 2}", "len({1, 2, 2})", "{1, 1.0, True}", "{0, 0.0, False, -0.0}",
 "hash(frozenset())", "hash(frozenset({1}))", "hash(frozenset({1, 2, 3}))", "hash(frozenset({(1, 2), 'x'})) == hash(frozenset({'x', (1, 2)}))",
 "hash(frozenset({frozenset({1}), 2}))", "hash(frozenset(range(100)))", "hash({1})",
 "a = {1, 2}; b = iter(a); a.add(5); next(b)", "a = {1, 2}; b = iter(a); next(b); next(b); next(b)",
 "a = set(); a.add(a)", "a = []; b = {1: a}; a.append(b.keys()); c = repr(b); a.clear(); c", "a = {1, 2, 3}; list(a)", "sorted({3, 1, 2})", "{(1, 2), (2, 1)}",
 "a = {1, 2, 3, 4, 5}; a.pop(); a.pop(); a.add(9); a.pop()",
]
random.seed(11)
def vals(kind, n):
    out = []
    for _ in range(n):
        if kind == 'int': out.append(random.randrange(0, 200))
        elif kind == 'neg': out.append(random.randrange(-100, 100))
        elif kind == 'big': out.append(random.choice([1, -1]) * random.randrange(2**40, 2**62))
        elif kind == 'float': out.append(random.choice([0.5, 1.5, -2.25, 1e10, 3.75, 0.1, 100.0, -0.0, 7.0]) * random.randrange(1, 9))
        elif kind == 'tuple': out.append((random.randrange(10), random.randrange(-3, 3)))
        elif kind == 'mix': out.append(random.choice([None, random.randrange(-50, 50), random.randrange(20) / 4, (random.randrange(5),), (None, 1)]))
    return out
def script(kind, n, premove=0.35):
    v = vals(kind, n)
    ops = []
    for x in v:
        if random.random() < premove: ops.append("a.discard(%r)" % (x,))
        else: ops.append("a.add(%r)" % (x,))
    return "a = set(); " + "; ".join(ops) + "; list(a)"
order_cases = []
for kind, n in [('int', 30), ('int', 200), ('neg', 60), ('neg', 150), ('big', 40), ('float', 60), ('tuple', 80), ('mix', 70), ('int', 500)]:
    order_cases.append(script(kind, n))
order_cases += [
 "list(set(%r))" % vals('neg', 50), "list(set(%r))" % vals('tuple', 40), "list(frozenset(%r))" % vals('float', 30),
 "list(set(range(100, -100, -7)))", "list(set(range(0, 1000, 37)))",
 "a = set(range(50)); a.difference_update(range(0, 50, 3)); a.update([-5, 77, 1000]); list(a)",
 "list(set(%r) | set(%r))" % (vals('neg', 20), vals('neg', 20)),
 "list(set(%r) & set(%r))" % (vals('int', 60), vals('int', 60)),
 "list(set(%r) - set(%r))" % (vals('neg', 40), vals('neg', 20)),
 "list(set(%r) ^ set(%r))" % (vals('int', 30), vals('int', 30)),
 "list(set(%r).intersection(%r))" % (vals('int', 30), vals('int', 30)),
 "list(set(%r).union(%r, %r))" % (vals('neg', 10), vals('tuple', 10), vals('float', 10)),
 "list(set(%r).symmetric_difference(%r))" % (vals('neg', 30), vals('neg', 30)),
 "list(set(%r).difference(%r))" % (vals('int', 100), vals('int', 10)),
 "a = set(%r); a &= set(%r); list(a)" % (vals('int', 40), vals('int', 40)),
 "a = set(%r); a ^= set(%r); list(a)" % (vals('mix', 30), vals('mix', 30)),
 "list({None, 1, 2.5, (1,), -3})", "list({-1, -2, None, (None,), 0.5})",
 "list(set({1: 0, 9: 0, 17: 0, 2: 0}))", "list(set({1: 0, 9: 0, 17: 0, 2: 0}.keys()))",
 "list({1: 0, 9: 0, 17: 0, 33: 0, 2: 0}.keys() | {4})", "list({8: 0, 16: 0}.keys() & {16, 8, 24})",
 "a = set(range(20)); a.pop(); a.pop(); a.add(-1); list(a)",
]
