a < b < c < d
a == b != c
a is b is not c
a in b not in c
x = 0 <= i < n
1 < 2 > 3 <= 4 >= 5 == 6 != 7 in 8 not in 9 is 10 is not 11
