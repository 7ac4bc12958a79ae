# Dataclass-like records written by hand: __eq__, __hash__, __repr__, __lt__ with
# functools-free total ordering, sorting with key functions and stability, grouping and
# deduplication through sets and dicts.


class Version:
    def __init__(self, text: str):
        parts = text.split("-")
        self.nums = tuple(int(p) for p in parts[0].split("."))
        self.pre = parts[1] if len(parts) > 1 else None

    def key(self):
        return (self.nums, self.pre is None, self.pre or "")

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.key() == other.key()

    def __lt__(self, other):
        return self.key() < other.key()

    def __le__(self, other):
        return self.key() <= other.key()

    def __hash__(self):
        return hash(self.key())

    def __repr__(self):
        return "Version(" + repr(".".join(map(str, self.nums)) + (f"-{self.pre}" if self.pre else "")) + ")"

    def __str__(self):
        return ".".join(map(str, self.nums)) + (f"-{self.pre}" if self.pre else "")


class Employee:
    __slots__ = ("name", "dept", "salary", "age")

    def __init__(self, name, dept, salary, age):
        self.name, self.dept, self.salary, self.age = name, dept, salary, age

    def __repr__(self):
        return f"Employee(name={self.name!r}, dept={self.dept!r}, salary={self.salary}, age={self.age})"

    def __eq__(self, other):
        return type(other) is Employee and (self.name, self.dept) == (other.name, other.dept)

    def __hash__(self):
        return hash((self.name, self.dept))


versions = [Version(v) for v in ["1.10.0", "1.2.0", "1.2.0-rc1", "1.2", "0.9.9", "1.2.0-beta",
                                   "2.0.0-alpha", "1.10.0", "1.2.0"]]
print(sorted(versions))
print("max:", max(versions), "min:", min(versions))
print("unique:", len(set(versions)), sorted(set(versions), reverse=True))
print(Version("1.2.0") == Version("1.2.0"), Version("1.2.0") == "1.2.0", Version("1.2") < Version("1.2.0"))
print(Version("1.0") <= Version("1.0"), Version("3.0") > Version("2.9"), Version("1.0") >= Version("1.0-rc"))

staff = [
    Employee("Ada", "eng", 120, 36), Employee("Bo", "ops", 80, 29), Employee("Cy", "eng", 95, 41),
    Employee("Di", "sales", 70, 25), Employee("Ed", "ops", 80, 52), Employee("Flo", "eng", 120, 30),
    Employee("Gus", "sales", 88, 45), Employee("Ada", "eng", 999, 99),
]
print("distinct people:", len(set(staff)))
by_salary = sorted(staff, key=lambda e: e.salary, reverse=True)
print("by salary (stable):", [e.name for e in by_salary])
print("by dept, then -salary, then name:",
      [(e.dept, e.name) for e in sorted(staff, key=lambda e: (e.dept, -e.salary, e.name))])
groups: dict[str, list[Employee]] = {}
for e in staff:
    groups.setdefault(e.dept, []).append(e)
for dept in sorted(groups):
    members = groups[dept]
    total = sum(e.salary for e in members)
    oldest = max(members, key=lambda e: e.age)
    print(f"{dept:<6} n={len(members)} total={total:>5} avg={total / len(members):7.2f} oldest={oldest.name}")
print(repr(staff[0]))
print(staff[0] == staff[-1], staff[0] is staff[-1], staff.index(staff[-1]), staff.count(Employee("Ada", "eng", 0, 0)))
ages = sorted(staff, key=lambda e: e.age)
print("median age:", ages[len(ages) // 2].age, "youngest:", ages[0])
words = "banana Apple cherry apple Banana date Cherry fig".split()
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=lambda w: (len(w), w.lower()), reverse=True))
print(sorted(set(w.lower() for w in words)))
print({w.lower(): w for w in words})
print(sorted({3, 1, 2}), {1, 2, 3} | {10}, frozenset({"b", "a"}) == frozenset("ab"))
try:
    sorted([Version("1.0"), "1.0"])
except TypeError as e:
    print("TypeError:", e)
