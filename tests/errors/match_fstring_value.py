match s:
    case f'x':
        pass
