def outer():
    def inner():
        class K:
            def m(self):
                if x:
                    for y in z:
                        while w:
                            try:
                                with a:
                                    pass
                            except E:
                                pass
                return 1
        return K
    return inner

class A:
    class B:
        class C:
            pass
