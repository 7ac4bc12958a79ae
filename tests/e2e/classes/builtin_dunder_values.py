# Special methods of builtin types as values: dict.__getitem__ as a subclass's __getattr__
# (AttrDict), hasattr/getattr of dunders, map(int.__neg__, ...), list.__hash__ being None.
class AttrDict(dict):
    __getattr__ = dict.__getitem__
    __setattr__ = dict.__setitem__
    __delattr__ = dict.__delitem__
ad = AttrDict(a=1)
ad.b = 2
print(ad, ad.a, ad.b, ad["b"], len(ad))
del ad.a
print(ad)
try:
    ad.zzz
except KeyError as e:
    print("KeyError", e)

class Config(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k) from None
cfg = Config(host="h", port=80)
print(cfg.host, cfg.port, getattr(cfg, "missing", "dflt"), hasattr(cfg, "host"), hasattr(cfg, "nope"))
print(repr([].__len__)[:30], {}.__contains__ is not None, type(int.__add__).__name__ != "", callable((1).__add__))
print(hasattr(5, "__add__"), hasattr("s", "__iter__"), hasattr(5, "__iter__"), hasattr([], "__hash__"), [].__hash__ is None)
print(getattr(3, "__mul__")(4), getattr(int, "__sub__")(9, 4), list(map(int.__neg__, [1, 2])), sorted([3, 1], key=int.__neg__))
print(list(map(str.__len__, ["ab", "c"])), sum(map(int.__mul__, [1, 2], [3, 4])), set.__contains__({1}, 1))
