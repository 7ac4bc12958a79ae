# Helper module of exit_modules.py: its globals are finalized at shutdown too.
class B:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del exit_helper_a", self.n)


p = B("p")
q = B("q")
