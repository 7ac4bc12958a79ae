print("order_pkg.sub.leaf body")
NAME = __name__
