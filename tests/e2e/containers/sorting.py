names = ["bob", "Alice", "carol", "Dave"]
print(sorted(names), sorted(names, key=str.lower), sorted(names, key=len))
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs)
print(nums)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "c")]
print(sorted(pairs), sorted(pairs, reverse=True))
print(sorted("banana"), sorted({"x": 1, "a": 2}))
