# import statements inside functions and methods bind locals; the module runs once, at the first
# call that imports it
def area(r):
    import lazy_math
    from lazy_math import square

    return lazy_math.PI * square(r)


class Tool:
    def run(self):
        import lazy_math as lm

        return lm.calls()


print("before any call")
print(area(1.0))
print(area(2.0))
print(Tool().run(), Tool().run())
