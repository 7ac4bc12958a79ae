import cyc_pkg.inner
print(cyc_pkg.inner.NAME)
