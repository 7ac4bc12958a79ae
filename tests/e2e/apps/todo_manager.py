# A command-driven to-do manager: parses a fixed script of commands, keeps tasks with priorities,
# tags and due days, supports undo through a command history, and prints listings; a bad command
# at the end makes it exit with status 2 via SystemExit from a helper.
import sys


class Task:
    next_id = 1

    def __init__(self, title: str, priority: int = 2, due: int | None = None, tags=()):
        self.id = Task.next_id
        Task.next_id += 1
        self.title = title
        self.priority = priority
        self.due = due
        self.tags = set(tags)
        self.done = False

    def line(self, today: int) -> str:
        box = "x" if self.done else " "
        due = ""
        if self.due is not None:
            delta = self.due - today
            due = "overdue" if delta < 0 and not self.done else ("today" if delta == 0 else f"in {delta}d")
        tags = " ".join("#" + t for t in sorted(self.tags))
        return f"[{box}] {self.id:>2} {'!' * self.priority:<3} {self.title:<22} {due:<8} {tags}".rstrip()


class TodoList:
    def __init__(self):
        self.tasks: dict[int, Task] = {}
        self.history: list[tuple[str, Task]] = []
        self.today = 0

    def add(self, args: list[str]) -> None:
        priority, due, tags, words = 2, None, [], []
        for a in args:
            if a.startswith("!"):
                priority = len(a)
            elif a.startswith("@"):
                due = self.today + int(a[1:])
            elif a.startswith("#"):
                tags.append(a[1:])
            else:
                words.append(a)
        t = Task(" ".join(words), priority, due, tags)
        self.tasks[t.id] = t
        self.history.append(("add", t))
        print(f"added {t.id}: {t.title}")

    def get(self, arg):
        try:
            return self.tasks[int(arg)]
        except (ValueError, KeyError):
            fail(f"no task {arg!r}")

    def run(self, line: str) -> None:
        cmd, *args = line.split()
        if cmd == "add":
            self.add(args)
        elif cmd == "done":
            t = self.get(args[0])
            t.done = True
            self.history.append(("done", t))
            print(f"completed {t.id}")
        elif cmd == "rm":
            t = self.tasks.pop(self.get(args[0]).id)
            self.history.append(("rm", t))
            print(f"removed {t.id}")
        elif cmd == "undo":
            if not self.history:
                print("nothing to undo")
                return
            what, t = self.history.pop()
            if what == "add":
                del self.tasks[t.id]
            elif what == "done":
                t.done = False
            else:
                self.tasks[t.id] = t
            print(f"undid {what} of {t.id}")
        elif cmd == "tick":
            self.today += int(args[0]) if args else 1
            print(f"day {self.today}")
        elif cmd == "ls":
            self.listing(args)
        else:
            fail(f"unknown command {cmd!r}")

    def listing(self, args):
        tasks = list(self.tasks.values())
        for a in args:
            if a.startswith("#"):
                tasks = [t for t in tasks if a[1:] in t.tags]
            elif a == "open":
                tasks = [t for t in tasks if not t.done]
        tasks.sort(key=lambda t: (t.done, -t.priority, t.due if t.due is not None else 10 ** 9, t.id))
        print(f"--- {len(tasks)} task(s) on day {self.today} {' '.join(args)}".rstrip())
        for t in tasks:
            print("  " + t.line(self.today))


def fail(msg: str):
    print(f"error: {msg}", file=sys.stderr)
    sys.exit(2)


SCRIPT = """
add buy milk #home @1
add write report !!! #work @3
add call plumber !! #home
add review pull request #work @0
add water plants ! @2 #home #garden
ls
done 4
tick
ls open
rm 3
undo
undo
ls #home
add renew passport !!! @30
tick 3
done 2
ls
undo
undo
ls #work
frobnicate 7
ls
"""
todo = TodoList()
for line in SCRIPT.strip().splitlines():
    print(f"> {line}")
    todo.run(line)
