# := in a generator expression passed to a call rebinds its iteration variable.
print(a := 1 for a in range(3))
