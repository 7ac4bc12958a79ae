import cyc_c
print(cyc_c.X)
