# `del` of a module's globals, seen from the importing module: attributes disappear,
# `from m import x` of a deleted name fails, and the global can be set and deleted again.
import deleted_mod

print(deleted_mod.y, hasattr(deleted_mod, "x"))
deleted_mod.drop()
print(hasattr(deleted_mod, "y"))
try:
    from deleted_mod import x
except ImportError as e:
    print(str(e).split(" (")[0])
try:
    deleted_mod.drop()
except NameError as e:
    print(e)
deleted_mod.y = 5
print(deleted_mod.y)
deleted_mod.drop()
print(hasattr(deleted_mod, "y"))
