# An infinite prime sieve with itertools.
import itertools


def is_prime(n, found):
    for p in found:
        if p * p > n:
            return True
        if n % p == 0:
            return False
    return True


def primes():
    found = []
    for n in itertools.count(2):
        if is_prime(n, found):
            found.append(n)
            yield n


print(list(itertools.islice(primes(), 20)))
for p in primes():
    if p > 1000:
        print("first prime above 1000:", p)
        break
