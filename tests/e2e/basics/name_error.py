def show() -> None:
    print(zzqv)


print("start")
show()
zzqv = 1
