x = 10
y = 0
print(x % 3)
print(x % y)
