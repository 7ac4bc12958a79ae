def err():
    return 1


try:
    1 / 0
except ZeroDivisionError as err:
    print(err)
