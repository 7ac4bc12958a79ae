# nbody: the Computer Language Benchmarks Game n-body simulation of the Jovian planets, fully
# annotated. The five bodies are kept in parallel lists of floats; prints the energy before and
# after the simulation with nine decimals.
import math

PI: float = 3.141592653589793
SOLAR_MASS: float = 4.0 * PI * PI
DAYS_PER_YEAR: float = 365.24


def offset_momentum(vx: list[float], vy: list[float], vz: list[float], mass: list[float]) -> None:
    px: float = 0.0
    py: float = 0.0
    pz: float = 0.0
    for i in range(len(mass)):
        px += vx[i] * mass[i]
        py += vy[i] * mass[i]
        pz += vz[i] * mass[i]
    vx[0] = -px / SOLAR_MASS
    vy[0] = -py / SOLAR_MASS
    vz[0] = -pz / SOLAR_MASS


def energy(x: list[float], y: list[float], z: list[float], vx: list[float], vy: list[float],
           vz: list[float], mass: list[float]) -> float:
    e: float = 0.0
    n: int = len(mass)
    for i in range(n):
        e += 0.5 * mass[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i])
        for j in range(i + 1, n):
            dx: float = x[i] - x[j]
            dy: float = y[i] - y[j]
            dz: float = z[i] - z[j]
            e -= (mass[i] * mass[j]) / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(x: list[float], y: list[float], z: list[float], vx: list[float], vy: list[float],
            vz: list[float], mass: list[float], dt: float, steps: int) -> None:
    n: int = len(mass)
    for _ in range(steps):
        for i in range(n):
            for j in range(i + 1, n):
                dx: float = x[i] - x[j]
                dy: float = y[i] - y[j]
                dz: float = z[i] - z[j]
                d2: float = dx * dx + dy * dy + dz * dz
                mag: float = dt / (d2 * math.sqrt(d2))
                mj: float = mass[j] * mag
                mi: float = mass[i] * mag
                vx[i] -= dx * mj
                vy[i] -= dy * mj
                vz[i] -= dz * mj
                vx[j] += dx * mi
                vy[j] += dy * mi
                vz[j] += dz * mi
        for i in range(n):
            x[i] += dt * vx[i]
            y[i] += dt * vy[i]
            z[i] += dt * vz[i]


def main() -> None:
    steps: int = 500000
    # sun, jupiter, saturn, uranus, neptune
    x: list[float] = [0.0, 4.84143144246472090e+00, 8.34336671824457987e+00,
                      1.28943695621391310e+01, 1.53796971148509165e+01]
    y: list[float] = [0.0, -1.16032004402742839e+00, 4.12479856412430479e+00,
                      -1.51111514016986312e+01, -2.59193146099879641e+01]
    z: list[float] = [0.0, -1.03622044471123109e-01, -4.03523417114321381e-01,
                      -2.23307578892655734e-01, 1.79258772950371181e-01]
    vx: list[float] = [0.0, 1.66007664274403694e-03 * DAYS_PER_YEAR,
                       -2.76742510726862411e-03 * DAYS_PER_YEAR,
                       2.96460137564761618e-03 * DAYS_PER_YEAR,
                       2.68067772490389322e-03 * DAYS_PER_YEAR]
    vy: list[float] = [0.0, 7.69901118419740425e-03 * DAYS_PER_YEAR,
                       4.99852801234917238e-03 * DAYS_PER_YEAR,
                       2.37847173959480950e-03 * DAYS_PER_YEAR,
                       1.62824170038242295e-03 * DAYS_PER_YEAR]
    vz: list[float] = [0.0, -6.90460016972063023e-05 * DAYS_PER_YEAR,
                       2.30417297573763929e-05 * DAYS_PER_YEAR,
                       -2.96589568540237556e-05 * DAYS_PER_YEAR,
                       -9.51592254519715870e-05 * DAYS_PER_YEAR]
    mass: list[float] = [SOLAR_MASS, 9.54791938424326609e-04 * SOLAR_MASS,
                         2.85885980666130812e-04 * SOLAR_MASS,
                         4.36624404335156298e-05 * SOLAR_MASS,
                         5.15138902046611451e-05 * SOLAR_MASS]
    offset_momentum(vx, vy, vz, mass)
    print(f"{energy(x, y, z, vx, vy, vz, mass):.9f}")
    advance(x, y, z, vx, vy, vz, mass, 0.01, steps)
    print(f"{energy(x, y, z, vx, vy, vz, mass):.9f}")


main()
