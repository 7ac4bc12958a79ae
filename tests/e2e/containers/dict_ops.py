d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d), d["two"])
print(d.get("four"), d.get("four", 4), d.setdefault("five", 5))
print(list(d.keys()), list(d.values()))
for k, v in d.items():
    print(k, "->", v)
del d["one"]
print("one" in d, "two" in d, d.pop("two"), d)
e = {**d, "six": 6}
print(e, dict(a=1, b=2), dict([(1, 2), (3, 4)]))
d.update({"seven": 7})
print(sorted(d), d.copy() == d)
