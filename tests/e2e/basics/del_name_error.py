# An uncaught NameError from reading a global after `del`.
total = 10
del total
print("deleted")
print(total + 1)
