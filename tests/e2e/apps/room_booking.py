# A room-booking system over integer time intervals: merges, overlaps and free slots, with a
# Booking class ordered by start time, conflict exceptions carrying the clashing booking, and a
# day planner printed as a timeline; an invalid booking at the end is not caught.


class BookingError(Exception):
    pass


class Conflict(BookingError):
    def __init__(self, new, old):
        super().__init__(f"{new} clashes with {old}")
        self.new, self.old = new, old


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse(t: str) -> int:
    h, m = t.split(":")
    return int(h) * 60 + int(m)


class Booking:
    def __init__(self, room: str, who: str, start: str, end: str):
        self.room, self.who = room, who
        self.start, self.end = parse(start), parse(end)
        if self.end <= self.start:
            raise BookingError(f"booking for {who} ends before it starts ({start}-{end})")

    def overlaps(self, other: "Booking") -> bool:
        return self.room == other.room and self.start < other.end and other.start < self.end

    def __lt__(self, other):
        return (self.start, self.end, self.who) < (other.start, other.end, other.who)

    def __str__(self):
        return f"{self.room}/{self.who} {hhmm(self.start)}-{hhmm(self.end)}"

    def __repr__(self):
        return f"Booking({self.room!r}, {self.who!r}, {hhmm(self.start)!r}, {hhmm(self.end)!r})"


class Calendar:
    DAY = (parse("08:00"), parse("18:00"))

    def __init__(self, rooms):
        self.rooms = rooms
        self.bookings: list[Booking] = []

    def book(self, *args):
        b = Booking(*args)
        if b.room not in self.rooms:
            raise BookingError(f"no room {b.room!r}")
        for old in self.bookings:
            if b.overlaps(old):
                raise Conflict(b, old)
        self.bookings.append(b)
        self.bookings.sort()
        return b

    def free(self, room):
        busy = [(b.start, b.end) for b in self.bookings if b.room == room]
        slots, t = [], self.DAY[0]
        for s, e in merge(busy):
            if s > t:
                slots.append((t, s))
            t = max(t, e)
        if t < self.DAY[1]:
            slots.append((t, self.DAY[1]))
        return slots

    def timeline(self, room):
        line = []
        for m in range(self.DAY[0], self.DAY[1], 15):
            who = [b.who[0] for b in self.bookings if b.room == room and b.start <= m < b.end]
            line.append(who[0] if who else ".")
        return "".join(line)


def merge(intervals):
    out = []
    for s, e in sorted(intervals):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


print("merge:", merge([(1, 3), (2, 6), (8, 10), (15, 18), (17, 20), (10, 11)]))
cal = Calendar(["Oak", "Elm"])
REQUESTS = [
    ("Oak", "alice", "09:00", "10:30"), ("Oak", "bob", "10:00", "11:00"),
    ("Elm", "bob", "10:00", "11:00"), ("Oak", "carol", "10:30", "12:00"),
    ("Oak", "dave", "13:15", "14:00"), ("Pine", "erin", "09:00", "09:30"),
    ("Elm", "frank", "08:00", "09:45"), ("Elm", "grace", "09:30", "10:15"),
    ("Oak", "heidi", "16:00", "15:00"), ("Elm", "ivan", "15:00", "17:30"),
]
for req in REQUESTS:
    try:
        print("booked:", cal.book(*req))
    except Conflict as c:
        print(f"conflict: {c.new.who} wanted {hhmm(c.new.start)}, {c.old.who} has it until {hhmm(c.old.end)}")
    except BookingError as e:
        print("rejected:", e)
print(sorted(cal.bookings)[:3])
for room in cal.rooms:
    slots = cal.free(room)
    print(f"{room}: free {', '.join(f'{hhmm(s)}-{hhmm(e)}' for s, e in slots)}; "
          f"longest {max(e - s for s, e in slots)} min")
    print(f"  {cal.timeline(room)}")
hours = "".join(f"{h:<4}" for h in range(8, 18))
print(f"  {hours}")
busiest = max(cal.rooms, key=lambda r: sum(b.end - b.start for b in cal.bookings if b.room == r))
print("busiest room:", busiest, "| people:", sorted({b.who for b in cal.bookings}))
cal.book("Elm", "judy", "17:00", "16:59")
