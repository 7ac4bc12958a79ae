# A local bound only to s.split(SEP) and only indexed by int literals is never made into a list
# (krait's split views): its items, float() and int() of them, negative indices, missing items
# (IndexError), empty fields, multi-byte and non-ASCII separators, Unicode text, invalid
# numbers, rebinding in a loop, and locals that do escape (kept as lists).


def row(line: str) -> tuple[str, str, str]:
    fields: list[str] = line.split(",")
    return fields[0], fields[-1], fields[1]


def total(lines: list[str]) -> float:
    t: float = 0.0
    n: int = 0
    for line in lines:
        parts: list[str] = line.strip().split(";")
        t += float(parts[1])
        n += int(parts[-1])
    return t + n


def untyped(line):
    f = line.split("::")
    return f[0], f[2], float(f[1]), int(f[-1])


def show(fn, *args):
    try:
        print(fn(*args))
    except (IndexError, ValueError, AttributeError, TypeError) as e:
        print(type(e).__name__, e)


show(row, "a,b,c")
show(row, ",,")
show(row, "only")
show(row, "é,ü€,日本")
show(total, ["x;1.5;2", " y;2.25;3 \n", "z; 1_0 ;\u20031\u3000"])
show(total, ["x;nope;2"])
show(total, ["x;1.5;2.0"])
show(total, ["x;1.5"])
show(untyped, "p::3.5::q::42")
show(untyped, "p::3.5")
show(untyped, 12)


def missing(line: str) -> str:
    f = line.split(",")
    return f[5]


def negative(line: str) -> str:
    f = line.split(",")
    return f[-4]


show(missing, "a,b")
show(negative, "a,b,c")
show(negative, "a,b,c,d")


def unicode_sep(line: str) -> tuple[str, str]:
    f = line.split("→")
    return f[0], f[1]


show(unicode_sep, "α→β→γ")


def rebound(text: str) -> list[str]:
    out = []
    for chunk in text.split("|"):
        f = chunk.split("=")
        out.append(f[0] + ":" + f[1])
    return out


show(rebound, "a=1|b=2|c=")


def escapes(line: str) -> list[str]:
    f = line.split(",")
    g = f
    return g + [f[0]]


def reassigned(line: str) -> str:
    f = line.split(",")
    f = ["other"]
    return f[0]


def appended(line: str) -> list[str]:
    f = line.split(",")
    f.append("x")
    return [f[0], f[-1], str(len(f))]


def item_store(line: str) -> str:
    f = line.split(",")
    f[0] = "changed"
    return f[0]


def big_index(line: str) -> str:
    f = line.split(",")
    return f[10**20]


show(escapes, "1,2")
show(reassigned, "1,2")
show(appended, "1,2")
show(item_store, "1,2")
show(big_index, "1,2")


def pairs(lines):
    for line in lines:
        kv = line.split("=")
        yield kv[0]
        yield float(kv[1]) + int(kv[-1])


print(list(pairs(["a=1", "b=2.5=3"])))
try:
    print(list(pairs(["c"])))
except IndexError as e:
    print("IndexError", e)
