def choice(seq):
    return seq[0]
