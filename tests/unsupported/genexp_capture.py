getters = (lambda: i for i in range(3))
print([g() for g in getters])
