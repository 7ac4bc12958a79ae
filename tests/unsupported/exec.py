exec("y = 1")
