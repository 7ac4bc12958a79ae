# A module that rebinds its own functions: `m.f` and the module's own calls see the new binding,
# a name copied by `from m import f` keeps the old function.
import rebind_helper as m
from rebind_helper import f, g, call_g

print(m.f(), f(), m.g(1), g(1), m.call_g(1), call_g(1))
m.swap()
print(m.f(), f(), m.g(1), g(1), m.call_g(1), call_g(1))
