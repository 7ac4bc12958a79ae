# A text adventure state machine driven by a fixed list of commands; uses match/case on the
# split command and ends with sys.exit(3) when the player wins.
import sys

ROOMS = {
    "hall": {"desc": "a dusty hall", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "rows of books", "exits": {"south": "hall", "up": "tower"}, "items": ["book", "key"]},
    "kitchen": {"desc": "a cold kitchen", "exits": {"west": "hall"}, "items": ["bread"]},
    "tower": {"desc": "a windy tower", "exits": {"down": "library"}, "items": []},
}


class Game:
    def __init__(self):
        self.room = "hall"
        self.inventory = []
        self.moves = 0
        self.locked = True
        self.score = 0

    def say(self, text):
        print(f"[{self.moves:02}] {text}")

    def look(self):
        r = ROOMS[self.room]
        items = ", ".join(r["items"]) or "nothing"
        exits = " ".join(sorted(r["exits"]))
        self.say(f"You are in {r['desc']}. You see {items}. Exits: {exits}.")

    def go(self, direction):
        exits = ROOMS[self.room]["exits"]
        if direction not in exits:
            self.say(f"You cannot go {direction}.")
            return
        target = exits[direction]
        if target == "tower" and self.locked:
            self.say("The tower door is locked.")
            return
        self.room = target
        self.look()

    def take(self, item):
        items = ROOMS[self.room]["items"]
        if item in items:
            items.remove(item)
            self.inventory.append(item)
            self.score += 10
            self.say(f"Taken: {item}.")
        else:
            self.say(f"There is no {item} here.")

    def handle(self, line):
        self.moves += 1
        match line.lower().split():
            case []:
                self.say("Say something.")
            case ["look" | "l"]:
                self.look()
            case ["go", direction] | [("north" | "south" | "east" | "west" | "up" | "down") as direction]:
                self.go(direction)
            case ["take", item]:
                self.take(item)
            case ["take", *items] if len(items) > 1:
                for item in items:
                    self.take(item)
            case ["drop", item] if item in self.inventory:
                self.inventory.remove(item)
                ROOMS[self.room]["items"].append(item)
                self.say(f"Dropped {item}.")
            case ["drop", item]:
                self.say(f"You have no {item}.")
            case ["use", "key"] if "key" in self.inventory and self.room == "library":
                self.locked = False
                self.score += 25
                self.say("Click. The tower door opens.")
            case ["inventory" | "i"]:
                self.say("You carry: " + (", ".join(sorted(self.inventory)) or "nothing"))
            case ["read", "book"] if "book" in self.inventory:
                self.say("The book says: light the lamp in the tower.")
            case ["light", "lamp"] if "lamp" in self.inventory:
                if self.room == "tower":
                    self.score += 50
                    self.say(f"The beacon shines! You win with {self.score} points in {self.moves} moves.")
                    return True
                self.say("The lamp flickers, but nothing happens here.")
            case [verb, *rest]:
                self.say(f"I don't know how to {verb!r} {' '.join(rest)}".rstrip() + ".")
        return False


COMMANDS = [
    "look", "take lamp", "take sword", "east", "take bread", "eat bread", "west", "", "north",
    "take book key", "inventory", "up", "use key", "light lamp", "read book", "drop bread",
    "drop bread", "up", "look", "light lamp", "look",
]
game = Game()
for cmd in COMMANDS:
    print(f"> {cmd}")
    if game.handle(cmd):
        print("items left:", {name: r["items"] for name, r in ROOMS.items() if r["items"]})
        sys.exit(3)
print("never reached")
