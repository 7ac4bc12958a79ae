# The target of := in an inner comprehension is the iteration variable of an outer one.
x = [[(j := 1) for i in range(2)] for j in range(3)]
