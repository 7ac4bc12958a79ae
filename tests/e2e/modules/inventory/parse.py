from .models import Item


def parse_line(line: str) -> Item:
    sku, name, price, qty = [f.strip() for f in line.split(",")]
    return Item(sku, name, float(price), int(qty))


def parse_lines(text: str):
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield parse_line(line)
