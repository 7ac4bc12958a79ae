class C[T]((y := 1)):
    pass
