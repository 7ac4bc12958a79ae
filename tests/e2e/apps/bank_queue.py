# A discrete-event bank-queue simulation with a seeded linear congruential generator: customers
# arrive with exponential gaps, tellers serve them; prints an event trace and statistics.
import math


class LCG:
    def __init__(self, seed: int) -> None:
        self.state = seed

    def next(self) -> int:
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        return self.state >> 33

    def random(self) -> float:
        return self.next() / 2 ** 31

    def expo(self, mean: float) -> float:
        return -mean * math.log(1.0 - self.random())

    def choice(self, xs):
        return xs[self.next() % len(xs)]


class Customer:
    def __init__(self, cid: int, arrival: float, kind: str):
        self.cid = cid
        self.arrival = arrival
        self.kind = kind
        self.start = 0.0
        self.done = 0.0

    @property
    def wait(self) -> float:
        return self.start - self.arrival


SERVICE = {"deposit": 2.0, "loan": 9.0, "query": 1.0}


def simulate(tellers: int, n: int, seed: int, trace: bool):
    rng = LCG(seed)
    t = 0.0
    customers = []
    for cid in range(n):
        t += rng.expo(1.6)
        customers.append(Customer(cid, t, rng.choice(["deposit", "deposit", "query", "loan"])))
    free_at = [0.0] * tellers
    served = [0] * tellers
    for c in customers:
        k = min(range(tellers), key=lambda i: (free_at[i], i))
        c.start = max(c.arrival, free_at[k])
        c.done = c.start + rng.expo(SERVICE[c.kind])
        free_at[k] = c.done
        served[k] += 1
        if trace:
            print(f"  #{c.cid:02d} {c.kind:<7} arrives {c.arrival:6.2f} teller {k} "
                  f"start {c.start:6.2f} wait {c.wait:5.2f} done {c.done:6.2f}")
    waits = [c.wait for c in customers]
    mean = sum(waits) / n
    var = sum((w - mean) ** 2 for w in waits) / (n - 1)
    by_kind: dict[str, list[float]] = {}
    for c in customers:
        by_kind.setdefault(c.kind, []).append(c.done - c.start)
    return {
        "mean_wait": mean,
        "sd_wait": math.sqrt(var),
        "max_wait": max(waits),
        "no_wait": sum(1 for w in waits if w == 0.0),
        "end": max(c.done for c in customers),
        "served": served,
        "service": {k: round(sum(v) / len(v), 3) for k, v in sorted(by_kind.items())},
    }


rng = LCG(42)
print("first draws:", [rng.next() % 100 for _ in range(10)])
print("uniforms:", [round(rng.random(), 4) for _ in range(4)])
print("trace with 2 tellers:")
stats = simulate(2, 14, seed=7, trace=True)
for key, value in stats.items():
    print(f"  {key:>9}: {value if not isinstance(value, float) else round(value, 4)}")
print()
print(f"{'tellers':>7} {'mean':>8} {'sd':>8} {'max':>8} {'no wait':>8} {'end':>8}")
for k in range(1, 5):
    s = simulate(k, 200, seed=2024, trace=False)
    print(f"{k:>7} {s['mean_wait']:8.3f} {s['sd_wait']:8.3f} {s['max_wait']:8.3f} "
          f"{s['no_wait']:>8} {s['end']:8.2f}  {s['served']}")
