# del of a call is a syntax error.
del print()
