x = 1; y = 2
if x: y = 1; z = 2
while x: x -= 1
for i in r: print(i); continue
def f(): return 1
class C: x = 1; y = 2
with a: pass
try: pass
except: pass
