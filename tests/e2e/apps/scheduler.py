# A cooperative event scheduler with generators: tasks yield ("sleep", n), ("send", queue, x) or
# ("recv", queue); a round-robin loop with a simulated clock drives producers and consumers.


class Scheduler:
    def __init__(self):
        self.clock = 0
        self.ready = []
        self.sleeping = []
        self.queues: dict[str, list] = {}
        self.waiting: dict[str, list] = {}
        self.log = []
        self.next_id = 1
        self.names = {}

    def spawn(self, name, gen):
        tid = self.next_id
        self.next_id += 1
        self.names[tid] = name
        self.ready.append((tid, gen, None))
        return tid

    def say(self, tid, msg):
        print(f"t={self.clock:>3} [{self.names[tid]:<9}] {msg}")

    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                self.sleeping.sort(key=lambda s: (s[0], s[1]))
                wake, tid, gen = self.sleeping.pop(0)
                self.clock = wake
                self.ready.append((tid, gen, None))
                continue
            tid, gen, value = self.ready.pop(0)
            try:
                req = gen.send(value)
            except StopIteration as stop:
                self.say(tid, f"finished -> {stop.value!r}")
                continue
            match req:
                case ("sleep", n):
                    self.sleeping.append((self.clock + n, tid, gen))
                case ("send", q, item):
                    waiters = self.waiting.get(q)
                    if waiters:
                        wtid, wgen = waiters.pop(0)
                        self.ready.append((wtid, wgen, item))
                    else:
                        self.queues.setdefault(q, []).append(item)
                    self.ready.append((tid, gen, None))
                case ("recv", q):
                    items = self.queues.get(q)
                    if items:
                        self.ready.append((tid, gen, items.pop(0)))
                    else:
                        self.waiting.setdefault(q, []).append((tid, gen))
                case ("say", msg):
                    self.say(tid, msg)
                    self.ready.append((tid, gen, None))
                case _:
                    raise ValueError(f"bad request {req!r}")
        blocked = {q: [self.names[t] for t, _ in ws] for q, ws in self.waiting.items() if ws}
        print(f"t={self.clock:>3} all done; blocked: {blocked}")


def producer(name, items, delay):
    for x in items:
        yield ("sleep", delay)
        yield ("say", f"produced {x}")
        yield ("send", "jobs", (name, x))
    return len(items)


def consumer(count):
    total = 0
    for _ in range(count):
        who, x = yield ("recv", "jobs")
        yield ("say", f"got {x} from {who}")
        total += x
        yield ("sleep", 2)
    yield ("send", "results", total)
    return total


def reporter():
    first = yield ("recv", "results")
    second = yield ("recv", "results")
    yield ("say", f"results {first} + {second} = {first + second}")
    third = yield ("recv", "results")
    return third


def ticker(n):
    for i in range(n):
        yield ("say", f"tick {i}")
        yield ("sleep", 5)
    return "ticked"


s = Scheduler()
s.spawn("fast", producer("fast", [1, 2, 3, 4], 1))
s.spawn("slow", producer("slow", [10, 20], 4))
s.spawn("c1", consumer(3))
s.spawn("c2", consumer(3))
s.spawn("reporter", reporter())
s.spawn("ticker", ticker(3))
s.run()
