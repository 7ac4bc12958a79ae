name = "krait"
n = 42
pi = 3.14159
print(f"{name} has {n} scales")
print(f"{n:5d}|{n:<5}|{n:^7}|{n:x}|{n:08b}")
print(f"{pi:.2f} {pi:10.3f} {pi!r} {name!r} {1e20} {0.1}")
print(f"{n + 1} {n * pi:.1f} {name:>8}")
print(f"{{braces}} {True} {None}")
w = 8
print(f"{pi:{w}.{3}}|")
