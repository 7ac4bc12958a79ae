# An inventory and order system: products with validated properties, class methods as
# alternative constructors, an order pipeline with custom exception hierarchy, discounts via
# subclass overrides, and a final report; exits with status 2 when stock runs out.
import sys


class OrderError(Exception):
    def __init__(self, order_id, msg):
        super().__init__(f"order {order_id}: {msg}")
        self.order_id = order_id


class OutOfStock(OrderError):
    pass


class UnknownProduct(OrderError, KeyError):
    pass


class Product:
    count = 0

    def __init__(self, sku: str, name: str, price_cents: int, stock: int = 0):
        self.sku = sku
        self.name = name
        self.price = price_cents
        self.stock = stock
        Product.count += 1

    @classmethod
    def parse(cls, line: str) -> "Product":
        sku, name, price, stock = [p.strip() for p in line.split("|")]
        whole, _, frac = price.partition(".")
        return cls(sku, name, int(whole) * 100 + int(frac.ljust(2, "0")), int(stock))

    @property
    def price(self) -> int:
        return self._price

    @price.setter
    def price(self, cents: int) -> None:
        if cents < 0:
            raise ValueError(f"negative price for {self.sku}")
        self._price = cents

    @staticmethod
    def money(cents: int) -> str:
        sign = "-" if cents < 0 else ""
        return f"{sign}${abs(cents) // 100:,}.{abs(cents) % 100:02d}"

    def __str__(self):
        return f"{self.sku} {self.name:<14} {Product.money(self.price):>9} x{self.stock}"


class Order:
    next_id = 1

    def __init__(self, customer: str):
        self.id = Order.next_id
        Order.next_id += 1
        self.customer = customer
        self.lines: list[tuple[Product, int]] = []

    def subtotal(self) -> int:
        return sum(p.price * q for p, q in self.lines)

    def discount(self) -> int:
        return 0

    def total(self) -> int:
        return self.subtotal() - self.discount()


class BulkOrder(Order):
    def discount(self):
        units = sum(q for _, q in self.lines)
        return self.subtotal() // 10 if units >= 10 else 0


class VipOrder(Order):
    def discount(self):
        return max(super().discount(), self.subtotal() * 15 // 100)


class Store:
    def __init__(self, catalogue: str):
        self.products = {p.sku: p for p in map(Product.parse, catalogue.strip().splitlines())}
        self.revenue = 0
        self.failed: list[str] = []

    def place(self, order: Order, items: dict[str, int]) -> None:
        for sku, qty in items.items():
            if sku not in self.products:
                raise UnknownProduct(order.id, f"unknown product {sku}")
            p = self.products[sku]
            if p.stock < qty:
                raise OutOfStock(order.id, f"only {p.stock} of {p.name} left, wanted {qty}")
            order.lines.append((p, qty))
        for p, q in order.lines:
            p.stock -= q
        self.revenue += order.total()

    def process(self, order, items):
        try:
            self.place(order, items)
        except KeyError as e:
            self.failed.append(str(e))
            print(f"  ! {type(e).__name__}: {e}")
        except OrderError as e:
            self.failed.append(str(e))
            print(f"  ! {type(e).__name__}: {e}")
        else:
            print(f"  {type(order).__name__:<9} #{order.id} {order.customer:<6} "
                  f"subtotal {Product.money(order.subtotal()):>9} discount "
                  f"{Product.money(order.discount()):>8} total {Product.money(order.total()):>9}")


CATALOGUE = """
A100 | Pencil        | 0.45  | 500
A200 | Notebook      | 3.2   | 40
B300 | Backpack      | 39.99 | 5
C400 | Calculator    | 14.50 | 8
D500 | Desk lamp     | 1249.00 | 2
"""
store = Store(CATALOGUE)
print(f"{Product.count} products:")
for p in store.products.values():
    print(" ", p)
print("orders:")
store.process(Order("ann"), {"A100": 12, "A200": 2})
store.process(BulkOrder("bob"), {"A100": 100, "A200": 10})
store.process(VipOrder("cat"), {"D500": 1, "B300": 1})
store.process(Order("dan"), {"Z999": 1})
store.process(BulkOrder("eve"), {"C400": 3, "B300": 9})
store.process(VipOrder("fay"), {"C400": 8})
try:
    store.products["A100"].price = -1
except ValueError as e:
    print("  ! ValueError:", e)
print("stock left:", {sku: p.stock for sku, p in store.products.items()})
print("revenue:", Product.money(store.revenue))
print("failures:", len(store.failed))
print(issubclass(UnknownProduct, KeyError), UnknownProduct.__mro__[1].__name__)
empty = [p.name for p in store.products.values() if p.stock == 0]
if empty:
    print("sold out:", ", ".join(empty), file=sys.stdout)
    sys.exit(2)
