def f[T](x: T) -> T: pass
def f[T: int](x): pass
def f[T: (int, str)](x): pass
def f[*Ts](x): pass
def f[**P](x): pass
def f[T, *Ts, **P](): pass
def f[T = int](): pass
def f[T: int = bool](): pass
def f[*Ts = *tuple[int]](): pass
def f[**P = [int, str]](): pass
class C[T]: pass
class C[T: int, U](Base): pass
class C[T,](): pass
type X = int
type X[T] = list[T]
type X[T: int = int, *Ts, **P] = dict
type = 1
type.x = 2
print(type)
type(x)
async def f[T](): pass
