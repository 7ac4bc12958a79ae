from os.path import join

print(join("a", "b"))
