# An uncaught TypeError from @ on ints.
x = 3
print(x)
print(x @ 4)
