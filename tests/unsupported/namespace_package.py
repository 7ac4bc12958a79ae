from nspkg import mod

print(mod.VALUE)
