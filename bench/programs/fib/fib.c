/* fib: hand-written C version of fib.py. */
#include <stdio.h>

static long fib(long n)
{
    if (n < 2)
        return n;
    return fib(n - 1) + fib(n - 2);
}

int main(void)
{
    long n = 35;
    printf("fib(%ld) = %ld\n", n, fib(n));
    return 0;
}
