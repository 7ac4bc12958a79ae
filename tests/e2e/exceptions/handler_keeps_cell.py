# A cell that only an except handler still needs is released on the normal way out (the return
# after the last call that could raise into the handler): no leak under LeakSanitizer.
def number(text):
    s = text
    try:
        return float(s) if any(ch in s for ch in ".eE") else int(s)
    except ValueError:
        raise KeyError(f"bad number {s!r}")


for t in ["1.5", "12", "x", "2e3"]:
    try:
        print(number(t))
    except KeyError as e:
        print(e)
