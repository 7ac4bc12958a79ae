match = 1
match.x = 2
match[0] = 3
match(x)
match(x).y
case = 1
_ = 2
type = 3
match, case = 1, 2
print(match, case, type, _)
def match(): pass
def case(match): return match
class match: pass
match: int = 1
x = match if case else type
match(a, b)
match * 2
match - 1
match [1]
