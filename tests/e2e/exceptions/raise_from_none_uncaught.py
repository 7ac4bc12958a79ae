# 'from None' hides the context in the printed traceback.
def lookup(key):
    try:
        return int(key)
    except ValueError:
        raise KeyError(key) from None


print(lookup("12"))
lookup("twelve")
