# float() and int() of the text fields of a file, as a CSV consumer parses them: short plain
# decimals (krait's fast path) and everything around its edges; sys.argv of the program.
import os
import sys

print(len(sys.argv), isinstance(sys.argv[0], str) and sys.argv[0] != "")

floats = ["0.1", "-0.0", "+.5", "5.", "4.35", "123456789012345.67", "9007199254740993",
          "9007199254740992.5", "0.30000000000000004", "1e5", " 2.5 ", "1_000.5", "00012.50",
          "1.7976931348623157e308", "12345678901234567890.5", "0.0000000000000000000001",
          "0.00000000000000000000001", "3.14159265358979323846", "nan", "-inf", ".", "-",
          "1.2.3", "", "1,5", "\u0661.\u0662"]
ints = ["0", "-0", "+17", "007", "123456789012345678", "1234567890123456789",
        "-9223372036854775808", "99999999999999999999999", " 42 ", "4_2", "1.0", "", "-", "+",
        "\u0661\u0662", "0x1f"]

d = "parse_fields_%d.tmp" % os.getpid()
os.mkdir(d)
p = os.path.join(d, "fields.txt")
with open(p, "w") as f:
    for s in floats:
        f.write("f;" + s + "\n")
    for s in ints:
        f.write("i;" + s + "\n")

with open(p) as f:
    for line in f:
        kind, text = line.rstrip("\n").split(";")
        try:
            v = float(text) if kind == "f" else int(text)
            print(kind, repr(text), repr(v))
        except ValueError as e:
            print(kind, repr(text), "ValueError:", e)

for text, base in [("007", 0), ("0", 0), ("00", 0), ("-12", 10), ("12", 16), ("z", 36)]:
    try:
        print(text, base, int(text, base))
    except ValueError as e:
        print(text, base, "ValueError:", e)

total = 0.0
for k in range(1000):
    total += float("%d.%02d" % (k * 7919 % 10000, k % 100))
print(total, sum(int(str(-k)) for k in range(1000)))

os.remove(p)
os.rmdir(d)
