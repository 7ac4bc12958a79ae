# An elevator controller simulated tick by tick: a state machine (idle, moving, doors open) with
# a SCAN scheduling policy, requests arriving at fixed ticks, riders boarding and leaving, and
# statistics on waiting and travel times.
from typing import Optional

IDLE, UP, DOWN, DOORS = "idle", "up", "down", "doors"


class Rider:
    def __init__(self, rid: int, tick: int, src: int, dst: int):
        self.rid, self.tick, self.src, self.dst = rid, tick, src, dst
        self.boarded: Optional[int] = None
        self.arrived: Optional[int] = None


class Elevator:
    def __init__(self, floors: int, capacity: int):
        self.floors = floors
        self.capacity = capacity
        self.floor = 0
        self.state = IDLE
        self.direction = UP
        self.door_timer = 0
        self.riders: list[Rider] = []
        self.waiting: dict[int, list[Rider]] = {f: [] for f in range(floors)}
        self.moves = 0

    def targets(self) -> set[int]:
        return {r.dst for r in self.riders} | {f for f, ws in self.waiting.items() if ws}

    def choose(self):
        t = self.targets() - {self.floor}  # nobody can stop here: stop_here() said so
        if not t:
            return IDLE
        ahead = [f for f in t if (f > self.floor if self.direction == UP else f < self.floor)]
        if ahead:
            return self.direction
        self.direction = DOWN if self.direction == UP else UP
        return self.direction

    def stop_here(self) -> bool:
        if any(r.dst == self.floor for r in self.riders):
            return True
        return bool(self.waiting[self.floor]) and len(self.riders) < self.capacity

    def tick(self, now: int, log: list[str]) -> None:
        if self.state == DOORS:
            self.door_timer -= 1
            if self.door_timer > 0:
                return
            self.state = IDLE
        if self.stop_here():
            leaving = [r for r in self.riders if r.dst == self.floor]
            for r in leaving:
                r.arrived = now
                self.riders.remove(r)
            boarding = []
            while self.waiting[self.floor] and len(self.riders) < self.capacity:
                r = self.waiting[self.floor].pop(0)
                r.boarded = now
                self.riders.append(r)
                boarding.append(r)
            self.state, self.door_timer = DOORS, 2
            log.append(f"t={now:>2} floor {self.floor}: out {[r.rid for r in leaving]} in {[r.rid for r in boarding]} load {len(self.riders)}")
            return
        state = self.choose()
        if state in (UP, DOWN):
            self.floor += 1 if state == UP else -1
            self.moves += 1
        self.state = state


REQUESTS = [(0, 0, 5), (1, 3, 0), (2, 7, 2), (2, 4, 6), (5, 0, 9), (6, 9, 1), (9, 5, 4),
            (9, 5, 8), (9, 5, 0), (14, 2, 3), (20, 8, 0), (21, 1, 7), (21, 1, 6)]
lift = Elevator(floors=10, capacity=3)
riders = []
log: list[str] = []
trace = []
for now in range(80):
    for t, src, dst in REQUESTS:
        if t == now:
            r = Rider(len(riders), t, src, dst)
            riders.append(r)
            lift.waiting[src].append(r)
    lift.tick(now, log)
    trace.append(str(lift.floor) if lift.state != DOORS else "*")
    if now > 25 and lift.state == IDLE and not lift.targets():
        break
print("\n".join(log))
print("trace:", "".join(trace))
print(f"{'id':>3} {'from':>4} {'to':>3} {'wait':>5} {'ride':>5}")
for r in riders:
    wait = r.boarded - r.tick if r.boarded is not None else None
    ride = r.arrived - r.boarded if r.arrived is not None else None
    print(f"{r.rid:>3} {r.src:>4} {r.dst:>3} {wait!s:>5} {ride!s:>5}")
done = [r for r in riders if r.arrived is not None]
print(f"delivered {len(done)}/{len(riders)}, floors moved {lift.moves}, "
      f"mean wait {sum(r.boarded - r.tick for r in done) / len(done):.2f}, "
      f"max trip {max(r.arrived - r.tick for r in done)}")
