print("cyc_a starts")
import cyc_b
VALUE = 1
