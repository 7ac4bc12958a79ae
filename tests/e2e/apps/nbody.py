# A small physics simulation with floats: a planar n-body system integrated with velocity
# Verlet, energy and momentum conservation checks, and a projectile with drag by Euler steps.
import math


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x: float, y: float):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k: float):
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def norm(self) -> float:
        return math.hypot(self.x, self.y)

    def __repr__(self):
        return f"({self.x:+.4f}, {self.y:+.4f})"


class Body:
    def __init__(self, name, mass, pos, vel):
        self.name = name
        self.mass = mass
        self.pos = pos
        self.vel = vel
        self.acc = Vec(0.0, 0.0)


def accelerations(bodies, G=1.0, soft=1e-3):
    for b in bodies:
        b.acc = Vec(0.0, 0.0)
    for i, a in enumerate(bodies):
        for b in bodies[i + 1:]:
            d = b.pos - a.pos
            r2 = d.x * d.x + d.y * d.y + soft * soft
            f = G / (r2 * math.sqrt(r2))
            a.acc = a.acc + d * (f * b.mass)
            b.acc = b.acc - d * (f * a.mass)


def energy(bodies, G=1.0, soft=1e-3):
    kin = sum(0.5 * b.mass * (b.vel.x ** 2 + b.vel.y ** 2) for b in bodies)
    pot = 0.0
    for i, a in enumerate(bodies):
        for b in bodies[i + 1:]:
            d = (b.pos - a.pos).norm()
            pot -= G * a.mass * b.mass / math.sqrt(d * d + soft * soft)
    return kin + pot


def momentum(bodies):
    p = Vec(0.0, 0.0)
    for b in bodies:
        p = p + b.vel * b.mass
    return p


def step(bodies, dt):
    for b in bodies:
        b.vel = b.vel + b.acc * (0.5 * dt)
        b.pos = b.pos + b.vel * dt
    accelerations(bodies)
    for b in bodies:
        b.vel = b.vel + b.acc * (0.5 * dt)


bodies = [
    Body("sun", 1000.0, Vec(0.0, 0.0), Vec(0.0, 0.0)),
    Body("inner", 1.0, Vec(10.0, 0.0), Vec(0.0, 10.0)),
    Body("outer", 5.0, Vec(-25.0, 0.0), Vec(0.0, -6.324555)),
]
p0 = momentum(bodies)
sun = bodies[0]
sun.vel = sun.vel - p0 * (1.0 / sun.mass)
accelerations(bodies)
e0 = energy(bodies)
print(f"initial energy {e0:.6f}, momentum {momentum(bodies)!r}")
dt = 0.001
for n in range(1, 6001):
    step(bodies, dt)
    if n % 1000 == 0:
        e = energy(bodies)
        where = ", ".join(f"{b.name} {b.pos!r}" for b in bodies[1:])
        print(f"t={n * dt:4.1f} dE/E={(e - e0) / abs(e0):+.2e} {where}")
r = [(b.pos - sun.pos).norm() for b in bodies[1:]]
print("distances from sun:", [round(x, 3) for x in r])

g, k, m = 9.81, 0.02, 1.0
for angle in (15, 30, 45, 60):
    th = math.radians(angle)
    pos, vel = Vec(0.0, 0.0), Vec(50 * math.cos(th), 50 * math.sin(th))
    t, h = 0.0, 1e-3
    apex = 0.0
    while pos.y >= 0.0:
        speed = vel.norm()
        drag = vel * (-k * speed / m)
        vel = vel + (drag + Vec(0.0, -g)) * h
        pos = pos + vel * h
        apex = max(apex, pos.y)
        t += h
    ideal = 50 ** 2 * math.sin(2 * th) / g
    print(f"angle {angle:2d}: range {pos.x:7.2f} m (no drag {ideal:7.2f}), apex {apex:6.2f} m, "
          f"flight {t:.3f} s")
print(math.isclose(0.1 + 0.2, 0.3), math.floor(-2.5), math.ceil(2.1), round(2.675, 2), round(-0.5), math.fsum([0.1] * 10))
