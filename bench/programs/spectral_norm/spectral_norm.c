/* spectral_norm: hand-written C version of spectral_norm.py. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double eval_a(long i, long j)
{
    return 1.0 / (double)((i + j) * (i + j + 1) / 2 + i + 1);
}

static void times_u(long n, const double *u, double *out)
{
    for (long i = 0; i < n; i++) {
        double s = 0.0;
        for (long j = 0; j < n; j++)
            s += eval_a(i, j) * u[j];
        out[i] = s;
    }
}

static void times_transposed_u(long n, const double *u, double *out)
{
    for (long i = 0; i < n; i++) {
        double s = 0.0;
        for (long j = 0; j < n; j++)
            s += eval_a(j, i) * u[j];
        out[i] = s;
    }
}

static void times_ata_u(long n, const double *u, double *out, double *tmp)
{
    times_u(n, u, tmp);
    times_transposed_u(n, tmp, out);
}

int main(void)
{
    long n = 500;
    double *u = malloc(n * sizeof *u), *v = malloc(n * sizeof *v), *tmp = malloc(n * sizeof *tmp);
    for (long i = 0; i < n; i++) {
        u[i] = 1.0;
        v[i] = 0.0;
        tmp[i] = 0.0;
    }
    for (int k = 0; k < 10; k++) {
        times_ata_u(n, u, v, tmp);
        times_ata_u(n, v, u, tmp);
    }
    double vbv = 0.0, vv = 0.0;
    for (long i = 0; i < n; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    printf("%.9f\n", sqrt(vbv / vv));
    free(u);
    free(v);
    free(tmp);
    return 0;
}
