# A CSV file streamed through a generator that strips each line, the caller splitting each
# line and summing a float and an int column (bench/stream's shape), typed and untyped: CRLF
# and Unicode whitespace around lines, empty fields, non-ASCII text, a last line without a
# newline, and a bad value's ValueError.
import os
from typing import Iterator

d = "csv_stream_%d.tmp" % os.getpid()
os.mkdir(d)
p = os.path.join(d, "data.csv")
with open(p, "w", newline="") as f:
    f.write("1,apple,1.50,3\n")
    f.write("2,b\u00e9t\u00e9,2.25,4\r\n")
    f.write("\u2003 3,\u65e5\u672c,1_000.5,+5 \u3000\n")
    f.write("4,,0.25,-2\n")
    f.write("5,last,1e2,1_0")


def read_lines(path: str) -> Iterator[str]:
    for line in open(path):
        yield line.strip()


def read_lines_untyped(path):
    for line in open(path):
        yield line.strip()


def typed(path: str) -> None:
    rows: int = 0
    price: float = 0.0
    qty: int = 0
    names: list[str] = []
    for line in read_lines(path):
        fields: list[str] = line.split(",")
        price += float(fields[2])
        qty += int(fields[3])
        names.append(fields[1])
        rows += 1
    print(rows, price, qty, names)


def untyped(path):
    rows = 0
    price = 0.0
    qty = 0
    for line in read_lines_untyped(path):
        fields = line.split(",")
        price += float(fields[2])
        qty += int(fields[-1])
        rows += 1
    print(rows, price, qty)


typed(p)
untyped(p)
with open(p, "a") as f:
    f.write("\n6,bad,x1,1\n")
try:
    typed(p)
except ValueError as e:
    print("ValueError", e)
try:
    untyped(p)
except ValueError as e:
    print("ValueError", e)
os.remove(p)
os.rmdir(d)
