xs = [3, 1, 2]
append = xs.append
append(4)
print(xs, 1.5.is_integer(), (10).bit_length())
d = dict.fromkeys(["a", "b"], 0)
print(d, str.upper("abc"), "x".join(["1", "2"]))
s = "a b c"
parts = s.split()
print(parts, parts.index("b"), s.upper().lower())
print({1: 2}.items())
