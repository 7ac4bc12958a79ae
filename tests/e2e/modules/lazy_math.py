print("lazy_math imported")
PI = 3.5
count = 0


def square(x):
    return x * x


def calls():
    global count
    count += 1
    return count
