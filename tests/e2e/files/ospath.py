# os.path functions and the os functions for files and directories: listdir, mkdir, makedirs,
# remove, rename, rmdir, getcwd, environ.get and getenv.
import os

print(os.path.join("a", "b", "c.txt"), os.path.join("a/", "/abs", "x"), os.path.join("a", ""))
print(os.path.basename("/x/y/z.tar.gz"), os.path.dirname("/x/y/z.tar.gz"), os.path.dirname("z"))
print(os.path.split("/x/y/z"), os.path.split("z"), os.path.split("/"))
print(os.path.splitext("archive.tar.gz"), os.path.splitext(".bashrc"), os.path.splitext("a/b"))
print(os.path.isabs("/a"), os.path.isabs("a/b"))
print(os.path.normpath("a//b/./c/../d/"), os.path.normpath(""), os.path.normpath("/../x"))
print(os.path.abspath("x") == os.path.join(os.getcwd(), "x"))
print(os.sep, os.path.sep, os.linesep == "\n")

d = "ospath_%d.tmp" % os.getpid()
print(os.path.exists(d), os.path.isdir(d))
os.mkdir(d)
print(os.path.exists(d), os.path.isdir(d), os.path.isfile(d))
os.makedirs(os.path.join(d, "sub", "deeper"))
os.makedirs(os.path.join(d, "sub"), exist_ok=True)
for name, text in [("b.txt", "bb"), ("a.txt", "a"), ("c.csv", "ccc\n")]:
    with open(os.path.join(d, name), "w") as f:
        f.write(text)
print(sorted(os.listdir(d)))
a = os.path.join(d, "a.txt")
print(os.path.isfile(a), os.path.isdir(a), os.path.getsize(a), os.path.getsize(os.path.join(d, "c.csv")))
os.rename(a, os.path.join(d, "renamed.txt"))
print(os.path.exists(a), sorted(os.listdir(d)))
print([n for n in sorted(os.listdir(d)) if os.path.splitext(n)[1] == ".txt"])
for name in os.listdir(d):
    p = os.path.join(d, name)
    if os.path.isfile(p):
        os.remove(p)
os.rmdir(os.path.join(d, "sub", "deeper"))
os.rmdir(os.path.join(d, "sub"))
print(os.listdir(d))
os.rmdir(d)
print(os.path.exists(d))

print(os.environ.get("KRAIT_SURELY_UNSET_VARIABLE"), os.environ.get("KRAIT_SURELY_UNSET", "dflt"))
print(os.getenv("KRAIT_SURELY_UNSET_VARIABLE"), os.getenv("KRAIT_SURELY_UNSET", "x"))
print(isinstance(os.environ.get("PATH"), str), "PATH" in os.environ)
print(os.getcwd() == os.path.abspath("."), os.path.isdir(os.getcwd()))
