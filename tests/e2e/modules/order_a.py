print("order_a starts")
STEPS = ["a"]
import order_b
STEPS.append(order_b.TAG)
print("order_a ends")
