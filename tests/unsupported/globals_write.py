globals()["x"] = 1
