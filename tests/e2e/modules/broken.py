print("broken starts")
RATE = 1 / 0
