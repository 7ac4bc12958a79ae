match p:
    case [a, b, a]:
        pass
