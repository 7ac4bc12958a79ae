math = __import__("math")
