# := with an attribute target.
class C:
    pass


print((C.x := 1))
