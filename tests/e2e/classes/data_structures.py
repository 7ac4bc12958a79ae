class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0

    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def __iter__(self):
        out = []
        node = self.head
        while node is not None:
            out.append(node.value)
            node = node.next
        return iter(out)

    def reverse(self):
        prev = None
        node = self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev


class Tree:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None

    def insert(self, key):
        if key < self.key:
            if self.left is None:
                self.left = Tree(key)
            else:
                self.left.insert(key)
        else:
            if self.right is None:
                self.right = Tree(key)
            else:
                self.right.insert(key)

    def inorder(self):
        left = self.left.inorder() if self.left else []
        right = self.right.inorder() if self.right else []
        return left + [self.key] + right


ll = LinkedList()
for v in range(5):
    ll.push(v)
print(list(ll), ll.size)
ll.reverse()
print(list(ll))
t = Tree(50)
for k in [30, 70, 20, 40, 60, 80, 35]:
    t.insert(k)
print(t.inorder())
