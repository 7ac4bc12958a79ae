# with over file objects: __enter__ returns the file, __exit__ closes it, also on an exception.
import os

name = "with_file.tmp"
with open(name, "w") as f:
    f.write("first line\n")
    f.write("second line\n")
    print("closed inside:", f.closed)
print("closed after:", f.closed)

with open(name) as f:
    print(f.read(), end="")

try:
    with open(name) as g:
        print("reading:", g.readline(), end="")
        int("not a number")
except ValueError as e:
    print("caught:", e)
    print("closed by __exit__:", g.closed)


def first_line(path):
    with open(path) as h:
        return h.readline()


print("returned:", first_line(name), end="")

for i in range(3):
    with open(name) as f:
        if i == 1:
            continue
        if i == 2:
            break
        print("loop", i, f.closed)
print("after loop:", f.closed)

try:
    with 5 as five:
        print("not reached")
except TypeError as e:
    print("TypeError:", e)

try:
    with open("no/such/dir/file.txt") as missing:
        print("not reached")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.strerror)
os.remove(name)
print(os.path.exists(name))
