# a package function and a submodule of the same name: importing the submodule rebinds the
# package's attribute (so calls of the function through the package see the module)
import shadow_pkg

print(shadow_pkg.f(1))
import shadow_pkg.f

print(shadow_pkg.f.VALUE)
try:
    print(shadow_pkg.f(1))
except TypeError as e:
    print(e)
