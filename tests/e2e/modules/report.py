from inventory import Store


def money(x: float) -> str:
    return f"${x:,.2f}"


def render(store: Store) -> str:
    lines = [f"{'sku':<6}{'name':<12}{'qty':>5}{'value':>12}"]
    for sku in sorted(store.items):
        item = store.items[sku]
        lines.append(f"{sku:<6}{item.name:<12}{item.qty:>5}{money(item.value()):>12}")
    lines.append(f"total {money(store.total_value())}")
    return "\n".join(lines)
