print(sep='', end='', sep=' ')
