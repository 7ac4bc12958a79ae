# A generator function: the native entry only makes the generator; the resume function takes
# the argument from the frame and suspends at YIELD; a for over it steps with NEXT.gen.
def count(n):
    i = 0
    while i < n:
        x = yield i
        i += 1
    return i


for v in count(2):
    print(v)
