print([1, "a", 2.5, None, True], (1,), {"k": [1, (2, 3)]}, set())
print([[]], [{}], {1: {2: {3: "deep"}}})
print(["quote's", 'dq"'], ("é",), [1.0, 1e20, 1e-7, float("inf")])
xs = [1, 2]
xs.append(xs)
print(xs)
print(str([1, 2]), repr((3, "x")), f"{[1, 2]} and {({'a': 1})}")
