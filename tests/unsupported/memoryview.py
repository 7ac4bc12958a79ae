view = memoryview(b"abc")
print(view[0])
