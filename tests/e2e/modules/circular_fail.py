# circular imports that fail as in CPython: a name not yet defined in a partially initialised
# module (ImportError), attribute reads of one (AttributeError), a module and a submodule;
# CPython's messages end with the module's path: the program prints them without it
try:
    import cyc_a
except ImportError as e:
    print(type(e).__name__, str(e).rsplit(" (", 1)[0])
try:
    import cyc_c
except AttributeError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import cyc_pkg
except AttributeError as e:
    print(type(e).__name__, str(e).split(" (")[0])
# a failed import leaves nothing behind: importing again runs the module again
try:
    from cyc_a import VALUE
except ImportError as e:
    print(type(e).__name__, e.args[0].endswith("cyc_a.py)"))
