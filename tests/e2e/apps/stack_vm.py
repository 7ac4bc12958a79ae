# A tiny assembler and stack virtual machine: labels, jumps, calls, and a trace; runs a factorial,
# a loop printing primes, and finally a program that divides by zero (uncaught).

SOURCE_FACT = """
    ; factorial of 20 by recursion
    push 20
    call fact
    print
    halt
fact:
    dup
    push 1
    le
    jnz base
    dup
    push 1
    sub
    call fact
    mul
    ret
base:
    pop
    push 1
    ret
"""

SOURCE_PRIMES = """
    push 2
loop:
    dup
    push 40
    gt
    jnz done
    dup
    call isprime
    jz next
    dup
    print
next:
    push 1
    add
    jmp loop
done:
    halt
isprime:            ; n -> 0/1
    push 2
try:
    over
    over
    dup
    mul
    lt
    jnz yes
    over
    over
    mod
    jz no
    push 1
    add
    jmp try
yes:
    pop
    pop
    push 1
    ret
no:
    pop
    pop
    push 0
    ret
"""


class AsmError(Exception):
    pass


def assemble(src):
    code = []
    labels = {}
    for lineno, line in enumerate(src.splitlines(), 1):
        line = line.split(";")[0].strip()
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(code)
            continue
        parts = line.split()
        op = parts[0]
        arg = parts[1] if len(parts) > 1 else None
        code.append((op, arg, lineno))
    resolved = []
    for op, arg, lineno in code:
        if op in ("jmp", "jz", "jnz", "call"):
            if arg not in labels:
                raise AsmError(f"line {lineno}: unknown label {arg}")
            resolved.append((op, labels[arg]))
        elif op == "push":
            resolved.append((op, int(arg)))
        else:
            resolved.append((op, None))
    return resolved


BINOPS = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a // b,
    "mod": lambda a, b: a % b,
    "lt": lambda a, b: int(a < b),
    "le": lambda a, b: int(a <= b),
    "gt": lambda a, b: int(a > b),
}


def run(code, trace=False, limit=100000):
    stack: list[int] = []
    calls: list[int] = []
    pc = 0
    steps = 0
    out = []
    while True:
        op, arg = code[pc]
        steps += 1
        if steps > limit:
            raise RuntimeError("step limit")
        if trace:
            print(f"    {pc:3} {op:<5} {'' if arg is None else arg!s:<4} {stack}")
        pc += 1
        if op == "push":
            stack.append(arg)
        elif op == "pop":
            stack.pop()
        elif op == "dup":
            stack.append(stack[-1])
        elif op == "over":
            stack.append(stack[-2])
        elif op in BINOPS:
            b = stack.pop()
            a = stack.pop()
            stack.append(BINOPS[op](a, b))
        elif op == "jmp":
            pc = arg
        elif op == "jz":
            if stack.pop() == 0:
                pc = arg
        elif op == "jnz":
            if stack.pop() != 0:
                pc = arg
        elif op == "call":
            calls.append(pc)
            pc = arg
        elif op == "ret":
            pc = calls.pop()
        elif op == "print":
            out.append(stack.pop())
        elif op == "halt":
            return out, steps
        else:
            raise AsmError(f"bad opcode {op}")


code = assemble(SOURCE_FACT)
print("fact code:", len(code), "instructions")
print("fact:", run(code))
code = assemble(SOURCE_PRIMES)
print("primes:", run(code))
try:
    assemble("jmp nowhere")
except AsmError as e:
    print("assembler:", e)
small = assemble("push 7\npush 3\nmod\npush 5\nmul\nprint\nhalt")
print(run(small, trace=True))
try:
    run(assemble("loop:\njmp loop"), limit=50)
except RuntimeError as e:
    print("vm:", e)
run(assemble("push 1\npush 0\ndiv\nprint\nhalt"))
