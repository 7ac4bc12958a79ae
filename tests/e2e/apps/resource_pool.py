# Context managers in an application: a connection pool handing out connections with `with`,
# transactions that roll back on exceptions, nested managers, a timer-like step counter, and
# suppression of selected errors; the final exception escapes after cleanup runs.


class PoolExhausted(RuntimeError):
    pass


class Connection:
    def __init__(self, name):
        self.name = name
        self.data: dict[str, int] = {}
        self.log: list[str] = []
        self.open = True

    def execute(self, cmd: str):
        if not self.open:
            raise RuntimeError(f"{self.name} is closed")
        op, key, *rest = cmd.split()
        if op == "SET":
            self.data[key] = int(rest[0])
        elif op == "ADD":
            self.data[key] = self.data[key] + int(rest[0])
        elif op == "DIV":
            self.data[key] //= int(rest[0])
        else:
            raise ValueError(f"unknown command {op}")
        self.log.append(cmd)


class Pool:
    def __init__(self, size):
        self.free = [Connection(f"conn{i}") for i in range(size)]
        self.busy: list[Connection] = []
        self.events: list[str] = []

    def connection(self):
        pool = self

        class Lease:
            def __enter__(self):
                if not pool.free:
                    raise PoolExhausted(f"all {len(pool.busy)} connections busy")
                self.conn = pool.free.pop(0)
                pool.busy.append(self.conn)
                pool.events.append(f"lease {self.conn.name}")
                return self.conn

            def __exit__(self, exc_type, exc, tb):
                pool.busy.remove(self.conn)
                pool.free.append(self.conn)
                pool.events.append(f"return {self.conn.name}" + (f" after {exc_type.__name__}" if exc_type else ""))
                return False

        return Lease()


class Transaction:
    def __init__(self, conn: Connection):
        self.conn = conn

    def __enter__(self):
        self.snapshot = dict(self.conn.data)
        self.mark = len(self.conn.log)
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print(f"  commit on {self.conn.name}: {self.conn.log[self.mark:]}")
            return False
        self.conn.data = self.snapshot
        del self.conn.log[self.mark:]
        print(f"  rollback on {self.conn.name} because {exc_type.__name__}: {exc}")
        return issubclass(exc_type, (ZeroDivisionError, KeyError))


class suppress:
    def __init__(self, *kinds):
        self.kinds = kinds
        self.caught = None

    def __enter__(self):
        return self

    def __exit__(self, t, e, tb):
        if t is not None and issubclass(t, self.kinds):
            self.caught = e
            return True
        return False


pool = Pool(2)
with pool.connection() as c:
    with Transaction(c):
        c.execute("SET a 10")
        c.execute("SET b 3")
    with Transaction(c):
        c.execute("ADD a 5")
        c.execute("DIV a 0")
    print("  after division:", c.data)
    with Transaction(c):
        c.execute("ADD zzz 1")
    print("  after missing key:", c.data, c.log)
with pool.connection() as c1, pool.connection() as c2:
    print("  two leased:", c1.name, c2.name, "free:", len(pool.free))
    with suppress(PoolExhausted) as s:
        with pool.connection():
            print("  never printed")
    print("  suppressed:", repr(s.caught))
    with suppress(ValueError) as s:
        with Transaction(c2):
            c2.execute("SET x 1")
            c2.execute("MUL x 2")
    print("  suppressed:", s.caught, "| c2 data:", c2.data)
print("events:", pool.events)
print("free after:", [c.name for c in pool.free], "busy:", pool.busy)
for i in range(3):
    with suppress(ZeroDivisionError):
        print(f"  10 // {i} =", 10 // i)
try:
    with pool.connection() as c:
        with Transaction(c):
            c.execute("SET q 1")
            c.execute("SET q")
except IndexError as e:
    print("IndexError escaped:", e, "| data kept:", c.data.get("q"))
with pool.connection() as c:
    c.open = False
    with Transaction(c):
        c.execute("SET never 1")
