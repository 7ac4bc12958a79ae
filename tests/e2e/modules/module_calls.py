# m.f(args) where m is only ever bound by `import m` (direct C calls of m's functions): typed
# arguments and results, in loops, through `import m as alias`, and a call during a circular
# import, before m has run its def (AttributeError of a partially initialised module)
import geometry
import geometry as geo


def total(n: int) -> float:
    t = 0.0
    for i in range(n):
        t += geometry.area(i, 2.0) + geo.clamp(i, 0, 3)
    return t


print(total(50), geometry.label("m"), geo.is_big(11.0), geometry.hypot2(1, 2))
try:
    import mc_first
except AttributeError as e:
    print("AttributeError:", str(e).split(" (")[0])
import mc_second

print(mc_second.twice(4))
