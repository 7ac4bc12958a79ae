print("hello from krait")
