# Handlers match subclasses: the first matching clause wins.
def classify(n):
    try:
        if n == 0:
            raise KeyError("k")
        if n == 1:
            raise IndexError("i")
        if n == 2:
            raise ZeroDivisionError("z")
        if n == 3:
            raise FileNotFoundError("f")
        if n == 4:
            raise UnicodeError("u")
        raise SystemExit(0)
    except LookupError as e:
        return "LookupError <- " + type(e).__name__
    except ArithmeticError as e:
        return "ArithmeticError <- " + type(e).__name__
    except OSError as e:
        return "OSError <- " + type(e).__name__
    except Exception as e:
        return "Exception <- " + type(e).__name__
    except BaseException as e:
        return "BaseException <- " + type(e).__name__


for i in range(6):
    print(classify(i))
