def target(a, b, c=3, *rest, key="k", **extra):
    return f"a={a} b={b} c={c} rest={rest} key={key} extra={sorted(extra.items())}"


def forward(*args, **kwargs):
    return target(*args, **kwargs)


print(forward(1, 2))
print(forward(1, 2, 4, 5, 6, key="z", w=1))
print(forward(*(1,), b=9))
opts = {"key": "from-dict", "extra1": True}
print(forward(0, 0, **opts))


def partial(f, *pargs, **pkw):
    def call(*args, **kw):
        merged = dict(pkw)
        merged.update(kw)
        return f(*pargs, *args, **merged)
    return call


p = partial(target, 10, key="P")
print(p(20))
print(p(20, 30, 40, q=1))
