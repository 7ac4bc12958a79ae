# Helper of del_globals.py: deletes its own globals at import and on request.
x = 1
y = 2
del x


def drop():
    global y
    del y
