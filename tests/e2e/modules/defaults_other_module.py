# Another module assigns a function's __defaults__: the module's own calls see the new default.
import defaults_helper as m

print(m.use(), m.scale(3))
m.scale.__defaults__ = (10,)
print(m.use(), m.scale(3), m.scale(3, 1))
