# an exception raised while a module is imported propagates to the importer with its traceback;
# the failed module is not kept, so a second import runs its body again; uncaught, it ends the
# program as in CPython
try:
    import broken
except ZeroDivisionError as e:
    print("caught:", e)
try:
    import broken
except ZeroDivisionError as e:
    print("caught again:", e)
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(e)
import also_broken
print("not reached")
