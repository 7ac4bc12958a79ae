match x:
    case 1:
        pass
    case -1:
        pass
    case 1.5:
        pass
    case -1.5:
        pass
    case 1+2j:
        pass
    case -1-2j:
        pass
    case 2j:
        pass
    case -2j:
        pass
    case "s":
        pass
    case "a" "b":
        pass
    case b"bytes":
        pass
    case None:
        pass
    case True:
        pass
    case False:
        pass
    case a.b:
        pass
    case a.b.c:
        pass
    case _:
        pass
    case name:
        pass
    case (1):
        pass
    case (1 | 2):
        pass
    case 1 | 2 | 3:
        pass
    case [1, 2]:
        pass
    case [1, *rest]:
        pass
    case [*_, 1]:
        pass
    case []:
        pass
    case ():
        pass
    case (1,):
        pass
    case (1, 2):
        pass
    case 1, 2:
        pass
    case 1, *r:
        pass
    case *r, 1:
        pass
    case {}:
        pass
    case {"a": 1}:
        pass
    case {"a": 1, **rest}:
        pass
    case {**rest}:
        pass
    case {1: x, a.b: y, None: z, -1: w, 1+1j: v}:
        pass
    case Point():
        pass
    case Point(1, 2):
        pass
    case Point(x=1, y=2):
        pass
    case Point(1, y=2):
        pass
    case a.B(x, y=z,):
        pass
    case [x] as y:
        pass
    case (1 | 2) as z:
        pass
    case x if x > 0:
        pass
    case [1, 2] if (y := 3):
        pass
    case {"k": [1, {"n": _}]}:
        pass
    case Point(x=[1, *_]) | Point(y={}):
        pass
match (x, y):
    case _: pass
match x, y:
    case a, b: pass
match *a, b:
    case _: pass
match -x:
    case _: pass
