stack = []
variables = {}


def run(line):
    match line.split():
        case []:
            return "empty line"
        case ["push", value] if value.lstrip("-").isdigit():
            stack.append(int(value))
            return f"pushed {value}"
        case ["push", *values]:
            return f"push takes one integer, got {values}"
        case ["pop"]:
            if not stack:
                return "stack empty"
            return f"popped {stack.pop()}"
        case ["add" | "mul" as op]:
            if len(stack) < 2:
                return f"{op} needs two values"
            b = stack.pop()
            a = stack.pop()
            stack.append(a + b if op == "add" else a * b)
            return f"{op} -> {stack[-1]}"
        case ["set", name, "=", value]:
            variables[name] = value
            return f"{name} set"
        case ["get", name]:
            match variables.get(name):
                case None:
                    return f"{name} is not set"
                case value:
                    return f"{name} = {value}"
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["go", *_]:
            return "go where?"
        case ["quit" | "exit"]:
            return "bye"
        case [command, *args]:
            return f"unknown command {command!r} with {len(args)} argument(s)"


script = """push 3
push 4
add
push -2
mul
pop
pop
push 1 2
push x
set colour = blue
get colour
get size

go north
go up
go
frobnicate a b c
quit"""
for line in script.split("\n"):
    print(f"{line!r:22} {run(line)}")
print(stack, variables)
