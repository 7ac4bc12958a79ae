# A sales report generator: parses CSV-like text with quoted fields, aggregates by region and
# product, and prints aligned tables with format specs.

RAW = """region,product,units,price,date
North,Widget,12,2.50,2024-01-03
South,Gadget,3,19.99,2024-01-04
North,Gadget,7,19.99,2024-01-09
East,"Widget, large",4,7.25,2024-01-11
South,Widget,30,2.50,2024-02-01
East,Gizmo,1,149.00,2024-02-14
North,Gizmo,2,149.00,2024-02-20
West,Widget,0,2.50,2024-03-01
South,"Gadget ""pro"" v2",5,29.99,2024-03-05
East,Gadget,11,19.99,2024-03-17
"""


def split_line(line):
    fields, cur, quoted, i = [], [], False, 0
    while i < len(line):
        c = line[i]
        if quoted:
            if c == '"' and i + 1 < len(line) and line[i + 1] == '"':
                cur.append('"')
                i += 1
            elif c == '"':
                quoted = False
            else:
                cur.append(c)
        elif c == '"':
            quoted = True
        elif c == ",":
            fields.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    fields.append("".join(cur))
    return fields


class Sale:
    def __init__(self, region, product, units, price, date):
        self.region = region
        self.product = product
        self.units = int(units)
        self.price = float(price)
        self.year, self.month, self.day = (int(p) for p in date.split("-"))

    @property
    def total(self):
        return self.units * self.price

    def __repr__(self):
        return f"Sale({self.region!r}, {self.product!r}, {self.units}, {self.price})"


lines = RAW.strip().splitlines()
header = split_line(lines[0])
print("columns:", " | ".join(h.upper() for h in header))
sales = [Sale(*split_line(ln)) for ln in lines[1:]]
print(sales[3])
print(sales[8])

by_region: dict[str, float] = {}
by_product: dict[str, int] = {}
by_month: dict[int, list[float]] = {}
for s in sales:
    by_region[s.region] = by_region.get(s.region, 0.0) + s.total
    by_product[s.product] = by_product.get(s.product, 0) + s.units
    by_month.setdefault(s.month, []).append(s.total)

width = max(len(r) for r in by_region) + 2
print()
print(f"{'Region':<{width}}{'Revenue':>12}{'Share':>9}")
print("-" * (width + 21))
grand = sum(by_region.values())
for region, rev in sorted(by_region.items(), key=lambda kv: -kv[1]):
    print(f"{region:<{width}}{rev:>12,.2f}{rev / grand:>9.1%}")
print("-" * (width + 21))
print(f"{'Total':<{width}}{grand:>12,.2f}{1:>9.1%}")

print()
print(f"{'Product':<18}|{'Units':^9}|{'Bar'}")
for product, units in sorted(by_product.items()):
    print(f"{product:<18}|{units:^9d}|{'#' * units}")

print()
names = ["", "Jan", "Feb", "Mar"]
for month in sorted(by_month):
    totals = by_month[month]
    print(f"{names[month]}: n={len(totals)} sum={sum(totals):8.2f} max={max(totals):7.2f} "
          f"avg={sum(totals) / len(totals):.3f}")

zero = [s for s in sales if s.units == 0]
print("zero-unit rows:", zero)
best = max(sales, key=lambda s: s.total)
print(f"best sale: {best.product} in {best.region} on {best.year}-{best.month:02d}-{best.day:02d} "
      f"worth ${best.total:,.2f}")
print("regions sorted by name length then name:", sorted(by_region, key=lambda r: (len(r), r)))
print("%-8s %5s %8s" % ("region", "rows", "avg"))
for region in sorted(by_region):
    rows = [s for s in sales if s.region == region]
    print("%-8s %5d %8.2f" % (region, len(rows), by_region[region] / len(rows)))
