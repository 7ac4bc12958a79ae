# __file__ in the script and in modules: absolute paths, the modules' relative to the script's
# directory (the paths themselves depend on the checkout, so the program prints checks)
import os.path
import greet
import shapes.consts

here = os.path.dirname(__file__)
print(os.path.isabs(__file__), os.path.basename(__file__))
print(greet.__file__ == os.path.join(here, "greet.py"))
print(shapes.__file__ == os.path.join(here, "shapes", "__init__.py"))
print(shapes.consts.__file__ == os.path.join(here, "shapes", "consts.py"))
print(repr(greet) == f"<module 'greet' from '{greet.__file__}'>")
