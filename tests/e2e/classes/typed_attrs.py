from typing import Optional


class Node:
    def __init__(self, value: int, nxt: "Optional[Node]" = None) -> None:
        self.value: int = value
        self.next: Optional[Node] = nxt
        self.tag: str
        self.count = 0

    def length(self) -> int:
        n = 0
        node: Optional[Node] = self
        while node is not None:
            n += 1
            node = node.next
        return n

    def total(self) -> int:
        return self.value + (self.next.total() if self.next else 0)


class Stack:
    items: list

    def __init__(self) -> None:
        self.items = []

    def push(self, x: int) -> None:
        self.items.append(x)

    def pop(self) -> int:
        return self.items.pop()

    def __len__(self) -> int:
        return len(self.items)


chain = Node(1, Node(2, Node(3)))
print(chain.length(), chain.total(), chain.next.value)
s = Stack()
for i in range(5):
    s.push(i * i)
print(s.pop(), s.pop(), len(s), s.items)
try:
    print(chain.tag)
except AttributeError as e:
    print("AttributeError:", e)
