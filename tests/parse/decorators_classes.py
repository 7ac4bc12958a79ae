@dec
def f(): pass

@dec1
@dec2(arg)
@a.b.c
def g(): pass

@(lambda f: f)
def h(): pass

@x[0].y
class C: pass

class D(Base): pass

class E(A, B, metaclass=M): pass

class F(*bases, **kw): pass

class G():
    x = 1
    def method(self):
        return self.x

class H:
    """Docstring."""
    @property
    def p(self):
        pass

    @staticmethod
    async def s():
        pass

@dec
async def af(): pass
