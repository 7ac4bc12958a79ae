print("guarded body, __name__ =", __name__)


def main():
    return "guarded.main called"


if __name__ == "__main__":
    print("never printed when imported")
else:
    print("imported as", __name__)
