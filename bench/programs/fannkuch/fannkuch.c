/* fannkuch: hand-written C version of fannkuch.py. */
#include <stdio.h>

static void fannkuch(int n, int *checksum_out, int *max_flips_out)
{
    int perm[32], perm1[32], count[32];
    for (int i = 0; i < n; i++)
        perm1[i] = i;
    int max_flips = 0, checksum = 0;
    long perm_count = 0;
    int r = n;
    for (;;) {
        while (r != 1) {
            count[r - 1] = r;
            r--;
        }
        for (int i = 0; i < n; i++)
            perm[i] = perm1[i];
        int flips = 0;
        int k = perm[0];
        while (k != 0) {
            for (int lo = 0, hi = k; lo < hi; lo++, hi--) {
                int t = perm[lo];
                perm[lo] = perm[hi];
                perm[hi] = t;
            }
            flips++;
            k = perm[0];
        }
        if (flips > max_flips)
            max_flips = flips;
        if (perm_count % 2 == 0)
            checksum += flips;
        else
            checksum -= flips;
        /* the next permutation: rotate the first r + 1 elements left while count[r] runs out */
        for (;;) {
            if (r == n) {
                *checksum_out = checksum;
                *max_flips_out = max_flips;
                return;
            }
            int perm0 = perm1[0];
            for (int i = 0; i < r; i++)
                perm1[i] = perm1[i + 1];
            perm1[r] = perm0;
            count[r]--;
            if (count[r] > 0)
                break;
            r++;
        }
        perm_count++;
    }
}

int main(void)
{
    int n = 9, checksum = 0, max_flips = 0;
    for (int k = 0; k < 3; k++)
        fannkuch(n, &checksum, &max_flips);
    printf("%d\nPfannkuchen(%d) = %d\n", checksum, n, max_flips);
    return 0;
}
