# Errors raised by the runtime, caught by compiled handlers.
def attempt(n):
    try:
        if n == 0:
            return 1 // 0
        if n == 1:
            return 5 % 0
        if n == 2:
            return 1.5 / 0
        if n == 3:
            return int("12x")
        if n == 4:
            return "s" + 1
        if n == 5:
            return len(5)
        if n == 6:
            return list().pop()
        if n == 7:
            return dict().pop("missing")
        if n == 8:
            return undefined_name
        if n == 9:
            return "abc".index("z")
        if n == 10:
            return chr(-1)
        if n == 11:
            return 2.0 ** 10000
        return "fine"
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)
    except KeyError as e:
        return "KeyError: " + repr(e)
    except IndexError as e:
        return "IndexError: " + str(e)
    except ValueError as e:
        return "ValueError: " + str(e)
    except TypeError as e:
        return "TypeError: " + str(e)
    except NameError as e:
        return "NameError: " + str(e)
    except ArithmeticError as e:
        return type(e).__name__ + ": " + str(e)


for i in range(13):
    print(i, attempt(i))
