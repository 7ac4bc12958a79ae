def parse(s):
    try:
        return int(s)
    except ValueError as e:
        print(e)
        return -1
    finally:
        print("done")
