# OSError subclasses raised by open() and os functions: their messages, errno, strerror,
# filename, and catching them as OSError.
import os

d = "errors_%d.tmp" % os.getpid()
os.mkdir(d)
missing = os.path.join(d, "missing.txt")

try:
    open(missing)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == missing)
    print(str(e) == "[Errno 2] No such file or directory: " + repr(missing))
    print(isinstance(e, OSError), e.args)

try:
    open(d)
except IsADirectoryError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == d)
try:
    open(d, "w")
except OSError as e:
    print("caught as OSError:", type(e).__name__, str(e) == "[Errno 21] Is a directory: " + repr(d))

try:
    open(os.path.join(missing, "x"), "w")
except OSError as e:
    print(type(e).__name__, e.strerror)

# Removing a file of /proc is refused to every user (EPERM for root, EACCES for others).
try:
    os.remove("/proc/version")
except PermissionError as e:
    print(type(e).__name__, e.filename, isinstance(e, OSError))

for name, fn in [("remove", os.remove), ("rmdir", os.rmdir), ("listdir", os.listdir)]:
    try:
        fn(missing)
    except FileNotFoundError as e:
        print(name, e.errno, e.strerror, str(e) == "[Errno 2] No such file or directory: "
              + repr(missing))

try:
    os.mkdir(d)
except FileExistsError as e:
    print("mkdir:", type(e).__name__, e.strerror)
p = os.path.join(d, "f.txt")
open(p, "w").close()
try:
    os.rmdir(d)
except OSError as e:
    print("rmdir:", type(e).__name__, e.strerror)
try:
    os.listdir(p)
except NotADirectoryError as e:
    print("listdir:", type(e).__name__, e.strerror)
try:
    os.remove(d)
except OSError as e:
    print("remove:", type(e).__name__, e.strerror)

try:
    open(missing)
except OSError as e:
    try:
        raise RuntimeError("wrapped") from e
    except RuntimeError as r:
        print(type(r.__cause__).__name__, r.__cause__.errno)

os.remove(p)
os.rmdir(d)
open("errors_missing_file.txt")
