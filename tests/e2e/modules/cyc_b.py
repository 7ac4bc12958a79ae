print("cyc_b starts")
from cyc_a import VALUE
