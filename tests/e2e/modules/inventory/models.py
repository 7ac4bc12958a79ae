class StockError(Exception):
    pass


class Item:
    def __init__(self, sku: str, name: str, price: float, qty: int):
        self.sku = sku
        self.name = name
        self.price = price
        self.qty = qty

    def value(self) -> float:
        return self.price * self.qty

    def take(self, n: int) -> None:
        if n > self.qty:
            raise StockError(f"only {self.qty} of {self.sku} left, {n} wanted")
        self.qty -= n

    def __repr__(self):
        return f"Item({self.sku!r}, {self.qty})"
