TIMES = 3


def hello(name: str) -> str:
    return f"hello, {name}"


def shout(word, n):
    return "!".join([word.upper()] * n)
