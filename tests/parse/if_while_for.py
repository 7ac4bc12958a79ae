if a:
    pass
if a:
    pass
else:
    pass
if a:
    x
elif b:
    y
elif c:
    z
else:
    w
if a: pass
if a: x; y
while x:
    pass
while x:
    break
else:
    continue
for x in y:
    pass
for x, y in z:
    pass
for x in y, z:
    pass
for *a, b in c:
    pass
for x in y:
    pass
else:
    pass
for (a, b) in c: pass
for [a, b] in c: pass
for a.b in c: pass
for a[0] in c: pass
for x, in y: pass
for x in *a, *b: pass
if x:
    if y:
        pass
    else:
        pass
