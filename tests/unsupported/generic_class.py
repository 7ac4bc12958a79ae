class Box[T]:
    def __init__(self, item: T):
        self.item = item


print(Box(1).item)
