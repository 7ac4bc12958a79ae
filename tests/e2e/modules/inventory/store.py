from .models import Item, StockError
from . import parse

LOW_STOCK = 3


class Store:
    def __init__(self):
        self.items: dict[str, Item] = {}
        self.log: list[str] = []

    def load(self, text: str) -> int:
        n = 0
        for item in parse.parse_lines(text):
            self.items[item.sku] = item
            n += 1
        return n

    def order(self, sku: str, n: int) -> bool:
        try:
            self.items[sku].take(n)
        except KeyError:
            self.log.append(f"unknown sku {sku}")
            return False
        except StockError as e:
            self.log.append(str(e))
            return False
        self.log.append(f"ordered {n} x {sku}")
        return True

    def low_stock(self) -> list[Item]:
        return sorted((i for i in self.items.values() if i.qty <= LOW_STOCK), key=lambda i: i.sku)

    def total_value(self) -> float:
        total = 0.0
        for item in self.items.values():
            total += item.value()
        return total
