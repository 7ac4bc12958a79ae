print("order_pkg init")
NAME = __name__
