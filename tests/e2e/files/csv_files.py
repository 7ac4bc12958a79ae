# The csv module over real files: writer quoting modes, dialects, reader options,
# DictReader and DictWriter, quoted fields with newlines (open with newline="").
import csv
import os

d = "csv_files_%d.tmp" % os.getpid()
os.mkdir(d)
p = os.path.join(d, "data.csv")


def raw():
    with open(p, newline="") as f:
        return f.read()


rows = [["id", "name", "price", "note"],
        [1, "apple", 0.5, "plain"],
        [2, "banana, ripe", 1.25, 'say "hi"'],
        [3, "cherry", 10, "two\nlines"],
        [4, "", None, " spaced "]]

for quoting in [csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_STRINGS,
                csv.QUOTE_NOTNULL]:
    with open(p, "w", newline="") as f:
        w = csv.writer(f, quoting=quoting)
        for r in rows:
            w.writerow(r)
    print(quoting, repr(raw()))

with open(p, "w", newline="") as f:
    w = csv.writer(f, quoting=csv.QUOTE_NONE, escapechar="\\")
    w.writerows([["a,b", "c"], ["d", 'e"f']])
print("NONE", repr(raw()))
try:
    with open(p, "w", newline="") as f:
        csv.writer(f, quoting=csv.QUOTE_NONE).writerow(["a,b"])
except csv.Error as e:
    print("csv.Error:", e)

with open(p, "w", newline="") as f:
    csv.writer(f).writerows(rows)
with open(p, newline="") as f:
    r = csv.reader(f)
    for row in r:
        print(r.line_num, row)
with open(p, "w", newline="") as f:
    csv.writer(f, quoting=csv.QUOTE_NONNUMERIC).writerows([["a", 1, 2.5], ["b", -3, 0.0]])
with open(p, newline="") as f:
    print(list(csv.reader(f, quoting=csv.QUOTE_NONNUMERIC)))

with open(p, "w", newline="") as f:
    csv.writer(f, dialect="excel-tab").writerows(rows[:3])
print(repr(raw()))
with open(p, newline="") as f:
    print(list(csv.reader(f, delimiter="\t")))
with open(p, "w", newline="") as f:
    csv.writer(f, dialect="unix").writerows(rows[:2])
print(repr(raw()))

csv.register_dialect("pipes", delimiter="|", quotechar="'", lineterminator="\n",
                     quoting=csv.QUOTE_MINIMAL)
print(sorted(csv.list_dialects()))
dia = csv.get_dialect("pipes")
print(dia.delimiter, dia.quotechar, repr(dia.lineterminator), dia.quoting)
with open(p, "w", newline="") as f:
    csv.writer(f, "pipes").writerows([["a|b", "it's", "c"], ["1", "2", "3"]])
print(repr(raw()))
with open(p, newline="") as f:
    print(list(csv.reader(f, "pipes")))
csv.unregister_dialect("pipes")
try:
    csv.get_dialect("pipes")
except csv.Error as e:
    print("csv.Error:", e)

with open(p, "w", newline="") as f:
    f.write('a, "b" ,c\n"x""y",  z\n')
with open(p, newline="") as f:
    print(list(csv.reader(f)))
with open(p, newline="") as f:
    print(list(csv.reader(f, skipinitialspace=True)))

with open(p, "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["name", "qty", "price"])
    w.writeheader()
    w.writerow({"name": "pen", "qty": 3, "price": 1.5})
    w.writerows([{"name": "ink", "qty": 1}, {"qty": 7, "name": "pad, A4", "price": 2}])
print(repr(raw()))
try:
    with open(p, "a", newline="") as f:
        csv.DictWriter(f, fieldnames=["name"]).writerow({"name": "x", "bad": 1})
except ValueError as e:
    print("ValueError:", e)
with open(p, "a", newline="") as f:
    csv.DictWriter(f, ["name", "qty"], extrasaction="ignore", restval="?").writerow(
        {"name": "extra", "other": 1})
    f.write("short\n")
    f.write("a,b,c,d,e\n")

with open(p, newline="") as f:
    reader = csv.DictReader(f)
    print(reader.fieldnames)
    for row in reader:
        print(row)
with open(p, newline="") as f:
    for row in csv.DictReader(f, fieldnames=["a", "b"], restkey="rest", restval="-"):
        print(row)

total = 0.0
with open(p, newline="") as f:
    for row in csv.DictReader(f):
        if row["price"] and row["name"] != "a":
            total += float(row["price"])
print("total", total)

os.remove(p)
os.rmdir(d)
