try:
    pass
except:
    pass
try:
    pass
except E:
    pass
try:
    pass
except E as e:
    pass
try:
    pass
except (A, B) as e:
    pass
except C:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* E:
    pass
try:
    pass
except* (A, B) as eg:
    pass
except* C:
    pass
else:
    pass
finally:
    pass
try:
    x
except E:
    y
finally:
    z
raise
raise E
raise E from None
raise E("x") from e
