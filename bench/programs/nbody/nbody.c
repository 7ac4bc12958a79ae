/* nbody: hand-written C version of nbody.py (same bodies, same order of floating-point
   operations, so the same digits). */
#include <math.h>
#include <stdio.h>

#define NBODIES 5

static const double PI = 3.141592653589793;
static double SOLAR_MASS;
static const double DAYS_PER_YEAR = 365.24;

static double x[NBODIES], y[NBODIES], z[NBODIES];
static double vx[NBODIES], vy[NBODIES], vz[NBODIES];
static double mass[NBODIES];

static void offset_momentum(void)
{
    double px = 0.0, py = 0.0, pz = 0.0;
    for (int i = 0; i < NBODIES; i++) {
        px += vx[i] * mass[i];
        py += vy[i] * mass[i];
        pz += vz[i] * mass[i];
    }
    vx[0] = -px / SOLAR_MASS;
    vy[0] = -py / SOLAR_MASS;
    vz[0] = -pz / SOLAR_MASS;
}

static double energy(void)
{
    double e = 0.0;
    for (int i = 0; i < NBODIES; i++) {
        e += 0.5 * mass[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
        for (int j = i + 1; j < NBODIES; j++) {
            double dx = x[i] - x[j];
            double dy = y[i] - y[j];
            double dz = z[i] - z[j];
            e -= (mass[i] * mass[j]) / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

static void advance(double dt, long steps)
{
    for (long s = 0; s < steps; s++) {
        for (int i = 0; i < NBODIES; i++) {
            for (int j = i + 1; j < NBODIES; j++) {
                double dx = x[i] - x[j];
                double dy = y[i] - y[j];
                double dz = z[i] - z[j];
                double d2 = dx * dx + dy * dy + dz * dz;
                double mag = dt / (d2 * sqrt(d2));
                double mj = mass[j] * mag;
                double mi = mass[i] * mag;
                vx[i] -= dx * mj;
                vy[i] -= dy * mj;
                vz[i] -= dz * mj;
                vx[j] += dx * mi;
                vy[j] += dy * mi;
                vz[j] += dz * mi;
            }
        }
        for (int i = 0; i < NBODIES; i++) {
            x[i] += dt * vx[i];
            y[i] += dt * vy[i];
            z[i] += dt * vz[i];
        }
    }
}

int main(void)
{
    long steps = 500000;
    SOLAR_MASS = 4.0 * PI * PI;
    /* sun, jupiter, saturn, uranus, neptune */
    double x0[NBODIES] = {0.0, 4.84143144246472090e+00, 8.34336671824457987e+00,
                          1.28943695621391310e+01, 1.53796971148509165e+01};
    double y0[NBODIES] = {0.0, -1.16032004402742839e+00, 4.12479856412430479e+00,
                          -1.51111514016986312e+01, -2.59193146099879641e+01};
    double z0[NBODIES] = {0.0, -1.03622044471123109e-01, -4.03523417114321381e-01,
                          -2.23307578892655734e-01, 1.79258772950371181e-01};
    double vx0[NBODIES] = {0.0, 1.66007664274403694e-03, -2.76742510726862411e-03,
                           2.96460137564761618e-03, 2.68067772490389322e-03};
    double vy0[NBODIES] = {0.0, 7.69901118419740425e-03, 4.99852801234917238e-03,
                           2.37847173959480950e-03, 1.62824170038242295e-03};
    double vz0[NBODIES] = {0.0, -6.90460016972063023e-05, 2.30417297573763929e-05,
                           -2.96589568540237556e-05, -9.51592254519715870e-05};
    double m0[NBODIES] = {1.0, 9.54791938424326609e-04, 2.85885980666130812e-04,
                          4.36624404335156298e-05, 5.15138902046611451e-05};
    for (int i = 0; i < NBODIES; i++) {
        x[i] = x0[i];
        y[i] = y0[i];
        z[i] = z0[i];
        /* the sun's velocity is 0.0 and its mass exactly SOLAR_MASS, as in the Python */
        vx[i] = i == 0 ? 0.0 : vx0[i] * DAYS_PER_YEAR;
        vy[i] = i == 0 ? 0.0 : vy0[i] * DAYS_PER_YEAR;
        vz[i] = i == 0 ? 0.0 : vz0[i] * DAYS_PER_YEAR;
        mass[i] = i == 0 ? SOLAR_MASS : m0[i] * SOLAR_MASS;
    }
    offset_momentum();
    printf("%.9f\n", energy());
    advance(0.01, steps);
    printf("%.9f\n", energy());
    return 0;
}
