# Write a CSV, stream it back through generators, split and sum a column.
import os


def write_csv(path, n):
    with open(path, "w") as f:
        f.write("id,name,amount\n")
        for i in range(n):
            f.write(f"{i},item{i},{i * 3 % 17}\n")


def read_lines(path):
    with open(path) as f:
        for line in f:
            yield line.strip()


def rows(lines):
    header = True
    for line in lines:
        if header:
            header = False
            continue
        if line:
            yield line.split(",")


def amounts(rs):
    for r in rs:
        yield int(r[2])


path = "huge_file_reader.tmp.csv"
write_csv(path, 5000)
print("total", sum(amounts(rows(read_lines(path)))))
print("first", next(rows(read_lines(path))))
print("lines", sum(1 for _ in read_lines(path)))
os.remove(path)
