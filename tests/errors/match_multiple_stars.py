match s:
    case [*a, *b]:
        pass
