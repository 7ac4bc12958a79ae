# a small application in several modules: a package (models, parsing, the store) and a report
# module beside the script; classes, generators and exceptions cross module boundaries
from inventory import *
import report

DATA = """
# sku, name, price, qty
A1, widget, 2.50, 10
B2, gadget, 12.00, 4
C3, doohickey, 0.75, 100
D4, gizmo, 99.99, 1
"""

store = Store()
print("loaded", store.load(DATA), "items")
for sku, n in [("A1", 3), ("B2", 5), ("Z9", 1), ("D4", 1), ("C3", 98)]:
    print(sku, n, store.order(sku, n))
print("\n".join(store.log))
print("low stock:", store.low_stock())
print(report.render(store))
try:
    store.items["A1"].take(100)
except StockError as e:
    print(type(e).__name__, e, isinstance(e, Exception))
print(Item("X", "x", 1.0, 2).value())
