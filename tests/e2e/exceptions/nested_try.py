# try statements nested in bodies, handlers and finally bodies.
def level(n):
    try:
        try:
            if n == 0:
                raise ValueError("inner value")
            if n == 1:
                raise TypeError("inner type")
            if n == 2:
                raise KeyError("inner key")
            print("no error", n)
        except ValueError as e:
            print("inner handler:", e)
            try:
                raise IndexError("from handler")
            except IndexError as e2:
                print("nested in handler:", e2)
        finally:
            print("inner finally", n)
    except TypeError as e:
        print("outer handler:", e)
    except LookupError as e:
        print("outer lookup handler:", repr(e))
    finally:
        try:
            if n == 3:
                int("bad")
        except ValueError:
            print("handled inside outer finally")
        print("outer finally", n)


for i in range(4):
    level(i)
