# module bodies run at their first import, once, in CPython's order; later imports (also with
# other spellings and inside functions) return the same module object
print("main starts")
import order_a
print("main after order_a")
import order_b
import order_a as again
from order_a import STEPS
import order_pkg.sub.leaf
import order_pkg

print(again is order_a, STEPS is order_a.STEPS)
print(order_a.STEPS)
print(order_pkg.sub.leaf.NAME, order_pkg.sub.NAME, order_pkg.NAME)
