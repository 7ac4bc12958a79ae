import mypkg

print(mypkg.VALUE)
