def parse(s):
    try:
        v = int(s)
    except ValueError as e:
        print(e, s)
        return 0
    return v
