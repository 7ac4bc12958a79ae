print("order_pkg.sub init")
NAME = __name__
