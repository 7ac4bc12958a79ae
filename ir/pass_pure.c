// pass_pure.c: which functions of a module compute only with ints (IrFunc.fast_int), so that
// the backend can give them a clone on int64_t values (docs/design.md, "Int fast paths").
//
// A function qualifies when, on every path that does not fail, it only moves, compares and
// does arithmetic on ints and calls qualifying functions of its module directly: int
// parameters (positional, no closure, not a generator) and an int result, registers that
// are ints or C bools, and among its instructions only int constants, INT_BINARY (but ** and
// /), INT_UNARY, INT_COMPARE, NOT, direct CALLs, reference counting, JUMP, BRANCH and RETURN.
// Error edges are not followed: the clone gives up where the generic code would raise (or
// promote to a big int), and the generic function, rerun from the start, does it exactly.
// Rerunning is sound because such a function has no effect but its result: it reads no
// global, writes nothing, and calls only functions like itself. A bool is never an int
// register's value there (no BOOL_TO_INT, no bool constant in an int register), so the
// results are ints whenever the arguments are ints (the backend's wrapper checks that).
// A greatest fixed point: every function that passes the local test starts in, and one that
// calls a function that is out goes out, until nothing changes. Calls from generic code try
// the clone only of functions that loop or recurse, or call one that does (fast_entry).
#include "ir.h"

// Few registers: a clone frame stays small (the runtime's per-level stack estimate).
enum { FAST_MAX_REGS = 64 };

static bool is_int(const IrFunc *fn, int r) { return fn->regs[r].rep == REP_INT; }

static bool args_int(const IrFunc *fn, const IrInstr *in) {
    for (int i = 0; i < in->nargs; i++) {
        if (!is_int(fn, in->args[i])) {
            return false;
        }
    }
    return true;
}

// Whether 'in' is one the clone can run, given that the callees of CALLs are checked apart.
static bool instr_ok(const IrModule *m, const IrFunc *fn, const IrInstr *in) {
    switch (in->op) {
    case IR_CONST:
        return (in->cst->kind == IRC_INT && is_int(fn, in->dst))
               || (in->cst->kind == IRC_BOOL && fn->regs[in->dst].rep == REP_BOOL);
    case IR_MOVE:
        return fn->regs[in->dst].rep == fn->regs[in->args[0]].rep;
    case IR_INT_BINARY:
        return in->aux != BIN_POW && in->aux != BIN_TRUEDIV && is_int(fn, in->dst)
               && args_int(fn, in);
    case IR_INT_UNARY:
        return is_int(fn, in->dst) && args_int(fn, in);
    case IR_INT_COMPARE:
        return fn->regs[in->dst].rep == REP_BOOL && args_int(fn, in);
    case IR_NOT:
    case IR_BRANCH:
        return fn->regs[in->args[0]].rep == REP_BOOL && (in->dst < 0 || !is_int(fn, in->dst));
    case IR_CALL: {
        const IrFunc *callee = m->funcs[in->aux];
        return in->dst >= 0 && is_int(fn, in->dst) && args_int(fn, in)
               && in->nargs == callee->nparams && !callee->has_closure;
    }
    case IR_INCREF:
    case IR_DECREF:
    case IR_XDECREF:
    case IR_JUMP:
        return true;
    case IR_RETURN:
        return args_int(fn, in);
    default:
        return false;
    }
}

// The local test: the signature, the registers and every instruction on normal paths. Sets
// *loops when 'fn' has a loop (a normal edge back to a block not after its source).
static bool func_ok(const IrModule *m, const IrFunc *fn, bool *seen, IrBlock **work,
                    bool *loops) {
    *loops = false;
    if (fn == m->funcs[0] || fn->is_gen_resume || fn->gen_resume || fn->has_closure
        || fn->varargs || fn->varkw || fn->nkwonly || fn->ret_rep != REP_INT
        || fn->nregs > FAST_MAX_REGS || fn->nblocks == 0) {
        return false;
    }
    for (int r = 0; r < fn->nregs; r++) {
        if (fn->regs[r].rep != REP_INT && fn->regs[r].rep != REP_BOOL) {
            return false;
        }
    }
    for (int i = 0; i < fn->nparams; i++) {
        if (!is_int(fn, fn->params[i])) {
            return false;
        }
    }
    for (int i = 0; i < fn->nblocks; i++) {
        seen[i] = false;
    }
    int n = 0;
    work[n++] = fn->blocks[0];
    seen[fn->blocks[0]->id] = true;
    while (n > 0) {
        const IrBlock *b = work[--n];
        for (int k = 0; k < b->count; k++) {
            if (!instr_ok(m, fn, b->instrs[k])) {
                return false;
            }
        }
        const IrInstr *t = ir_terminator(b);
        for (int k = 0; k < 2; k++) {
            IrBlock *s = t->op == IR_JUMP || t->op == IR_BRANCH ? t->target[k] : NULL;
            *loops |= s && s->id <= b->id;
            if (s && !seen[s->id]) {
                seen[s->id] = true;
                work[n++] = s;
            }
        }
    }
    return true;
}

// Whether every direct call in 'fn' (on any path, to be safe) is of a function still in.
static bool callees_in(const IrModule *m, const IrFunc *fn) {
    for (int i = 0; i < fn->nblocks; i++) {
        const IrBlock *b = fn->blocks[i];
        for (int k = 0; k < b->count; k++) {
            if (b->instrs[k]->op == IR_CALL && !m->funcs[b->instrs[k]->aux]->fast_int) {
                return false;
            }
        }
    }
    return true;
}

// Marks in 'reach' (per function) the fast_int functions 'fn' calls, directly or through others.
static void mark_calls(const IrModule *m, const IrFunc *fn, bool *reach) {
    for (int i = 0; i < fn->nblocks; i++) {
        const IrBlock *b = fn->blocks[i];
        for (int k = 0; k < b->count; k++) {
            int c = b->instrs[k]->op == IR_CALL ? b->instrs[k]->aux : -1;
            if (c >= 0 && m->funcs[c]->fast_int && !reach[c]) {
                reach[c] = true;
                mark_calls(m, m->funcs[c], reach);
            }
        }
    }
}

// fast_entry: the clone of 'fn' is worth entering from generic code (kr_fast_run costs a
// setjmp) when it loops or recurses, or calls a function that does: a straight-line one is as
// fast in the generic code's inline small-int paths.
static void mark_entries(IrModule *m, const bool *loops) {
    int n = m->nfuncs;
    bool **reach = arena_alloc(m->arena, sizeof(bool *) * (size_t)n);
    for (int f = 0; f < n; f++) {
        if (m->funcs[f]->fast_int) {
            reach[f] = arena_alloc(m->arena, (size_t)n);
            mark_calls(m, m->funcs[f], reach[f]);
        }
    }
    for (int f = 0; f < n; f++) {
        bool entry = m->funcs[f]->fast_int && (loops[f] || reach[f][f]);
        for (int g = 0; g < n && !entry && m->funcs[f]->fast_int; g++) {
            entry = reach[f][g] && (loops[g] || reach[g][g]);
        }
        m->funcs[f]->fast_entry = entry;
    }
}

void pass_pure(IrModule *m) {
    int most = 1;
    for (int i = 0; i < m->nfuncs; i++) {
        most = m->funcs[i]->nblocks > most ? m->funcs[i]->nblocks : most;
    }
    bool *seen = arena_alloc(m->arena, (size_t)most);
    IrBlock **work = arena_alloc(m->arena, sizeof(IrBlock *) * (size_t)most);
    bool *loops = arena_alloc(m->arena, (size_t)m->nfuncs);
    for (int i = 0; i < m->nfuncs; i++) {
        m->funcs[i]->fast_int = func_ok(m, m->funcs[i], seen, work, &loops[i]);
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = 0; i < m->nfuncs; i++) {
            if (m->funcs[i]->fast_int && !callees_in(m, m->funcs[i])) {
                m->funcs[i]->fast_int = false;
                changed = true;
            }
        }
    }
    mark_entries(m, loops);
}
