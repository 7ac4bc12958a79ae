# Values live across a yield stay owned by the frame; throw()/close() take the YIELD's error
# edge, which releases them.
def pairs(xs):
    for x in xs:
        s = yield (x, x)
        print(s)
