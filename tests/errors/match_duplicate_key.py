match m:
    case {1: a, True: b}:
        pass
