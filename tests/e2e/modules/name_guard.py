# `if __name__ == "__main__":` in the script and in an imported module
import guarded

print("script", __name__)
if __name__ == "__main__":
    print("script guard runs", guarded.main())
