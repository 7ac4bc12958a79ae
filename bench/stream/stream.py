# stream: a 1 GB CSV streamed through a generator (issue 5's benchmark, the shape of
# tests/e2e/generators/huge_file_reader.py): the generator yields each line stripped, the
# caller splits it and sums a float column and an int column.
import sys


def read_lines(path):
    for line in open(path):
        yield line.strip()


def main():
    rows = 0
    price = 0.0
    qty = 0
    for line in read_lines(sys.argv[1]):
        fields = line.split(",")
        price += float(fields[2])
        qty += int(fields[3])
        rows += 1
    print(rows, price, qty)


main()
