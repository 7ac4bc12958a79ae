# Generates the case tables of tests/unit/test_rt_{tuple,list,dict,set,iter}.c with CPython 3.13.
import sys, random

def neg(x): return -x
def mod3(x): return x % 3
def first(x): return x[0]

def run(code):
    ns = {'neg': neg, 'mod3': mod3, 'first': first}
    stmts = code.split(';')
    try:
        for s in stmts[:-1]:
            exec(s.strip(), ns)
        last = stmts[-1].strip()
        try:
            code = compile(last, '<case>', 'eval')
        except SyntaxError:
            exec(last, ns)
            return 'None'
        return repr(eval(code, ns))
    except Exception as e:
        return '!%s: %s' % (type(e).__name__, e)

def cstr(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'

def table(name, cases):
    out = ['static const EvalCase %s[] = {' % name]
    for c in cases:
        out.append('    { %s,\n      %s },' % (cstr(c), cstr(run(c))))
    out.append('};')
    return '\n'.join(out)

if __name__ == '__main__':
    mod = __import__(sys.argv[1])
    for name in mod.TABLES:
        print(table(name, getattr(mod, name)))
        print()
