# Helper module of exit_modules.py; imports exit_helper_a first.
import exit_helper_a


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del exit_helper_b", self.n)


r = C("r")
_u = C("_u")
