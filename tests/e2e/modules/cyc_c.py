import cyc_d
X = 1
