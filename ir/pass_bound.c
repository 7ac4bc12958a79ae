// pass_bound.c: UnboundLocalError. A forward "definitely assigned" analysis over the locals of
// a function (parameters start assigned; CLEAR unassigns, and a handler starts with what every
// instruction of its try body has assigned); every read of a local that some path reaches
// unassigned gets a CHECK_BOUND before it. Word-sized locals (kr_val) are 0 while unassigned,
// so the check tests the local itself; a float or bool local gets a companion bool flag, false
// at entry and set after each assignment. Runs before pass_errors, which gives the checks their
// error edges.
#include "ir.h"

#include <string.h>

typedef struct Bound {
    IrFunc *fn;
    int nregs;
    bool **in;   // per block: locals definitely assigned on entry
    int *flag;   // per register: its flag register for float/bool locals, or -1
} Bound;

static bool is_local(const IrFunc *fn, int r) {
    return fn->regs[r].name && !fn->regs[r].is_param;
}

// What 'set' becomes through 'in': its definition is assigned (CLEAR unassigns it).
static void step(const IrInstr *in, bool *set) {
    if (in->dst >= 0) {
        set[in->dst] = in->op != IR_CLEAR;
    }
}

// Meets 'set' into the entry set of 'to'; whether that changed it.
static bool meet(Bound *bd, const IrBlock *to, const bool *set) {
    bool changed = false;
    bool *succ = bd->in[to->id];
    for (int r = 0; r < bd->nregs; r++) {
        changed |= succ[r] && !set[r];
        succ[r] = succ[r] && set[r];
    }
    return changed;
}

// 'set' after the instructions of 'b'. Each instruction inside a try flows into its handler
// with what is assigned before it (a check inserted before it raises into the same handler).
static bool transfer(Bound *bd, const IrBlock *b, bool *set) {
    bool changed = false;
    for (int k = 0; k < b->count; k++) {
        if (b->instrs[k]->handler) {
            changed |= meet(bd, b->instrs[k]->handler, set);
        }
        step(b->instrs[k], set);
    }
    return changed;
}

static void analyse(Bound *bd) {
    IrFunc *fn = bd->fn;
    Arena *a = fn->mod->arena;
    bd->in = arena_alloc(a, sizeof(bool *) * (size_t)fn->nblocks);
    for (int i = 0; i < fn->nblocks; i++) {
        bd->in[i] = arena_alloc(a, (size_t)bd->nregs + 1);
        for (int r = 0; r < bd->nregs; r++) {
            bd->in[i][r] = i > 0 || !is_local(fn, r);
        }
    }
    bool *out = arena_alloc(a, (size_t)bd->nregs + 1);
    bool changed = true;
    while (changed) {
        changed = false;
        for (int i = 0; i < fn->nblocks; i++) {
            memcpy(out, bd->in[i], (size_t)bd->nregs);
            changed |= transfer(bd, fn->blocks[i], out);
            IrInstr *t = ir_terminator(fn->blocks[i]);
            for (int k = 0; k < 2; k++) {
                if (t->target[k]) {
                    changed |= meet(bd, t->target[k], out);
                }
            }
        }
    }
}

static IrInstr *const_bool(IrFunc *fn, int dst, bool v, int line) {
    IrInstr *in = ir_instr_new(fn, IR_CONST, dst, 0, line);
    in->cst = ir_const_new(fn->mod, IRC_BOOL);
    in->cst->i = v;
    return in;
}

// The register CHECK_BOUND tests for local 'r' (creating the flag of a float/bool local; a
// parameter's starts set, and only `del` unsets it).
static int check_operand(Bound *bd, int r) {
    IrFunc *fn = bd->fn;
    if (rep_is_refcounted(fn->regs[r].rep)) {
        return r;
    }
    if (bd->flag[r] < 0) {
        bd->flag[r] = ir_reg_new(fn, ty_prim(TY_BOOL), NULL);
        ir_insert(fn, fn->blocks[0], 0,
                  const_bool(fn, bd->flag[r], fn->regs[r].is_param, fn->line));
    }
    return bd->flag[r];
}

// Inserts the checks of block 'b', each right before the first read that needs it.
static void check_block(Bound *bd, IrBlock *b) {
    IrFunc *fn = bd->fn;
    bool *set = arena_alloc(fn->mod->arena, (size_t)bd->nregs + 1);
    memcpy(set, bd->in[b->id], (size_t)bd->nregs);
    for (int k = 0; k < b->count; k++) {
        IrInstr *in = b->instrs[k];
        for (int i = 0; i < in->nargs; i++) {
            int r = in->args[i];
            if (r < bd->nregs && !set[r] && in->op != IR_CHECK_BOUND) {
                IrInstr *chk = ir_instr_new(fn, IR_CHECK_BOUND, -1, 1, in->line);
                chk->args[0] = check_operand(bd, r);
                chk->aux = r;
                chk->handler = in->handler;
                ir_insert(fn, b, k++, chk);
                set[r] = true;
            }
        }
        if (in->dst >= 0 && in->dst < bd->nregs) {
            set[in->dst] = in->op != IR_CLEAR;
        }
    }
}

// After each assignment of a flagged local, its flag is set (unset after a `del`, CLEAR).
static void set_flags(Bound *bd) {
    IrFunc *fn = bd->fn;
    for (int i = 0; i < fn->nblocks; i++) {
        IrBlock *b = fn->blocks[i];
        for (int k = 0; k < b->count; k++) {
            int d = b->instrs[k]->dst;
            if (d >= 0 && d < bd->nregs && bd->flag[d] >= 0) {
                int line = b->instrs[k]->line;
                bool set = b->instrs[k]->op != IR_CLEAR;
                k++;
                ir_insert(fn, b, k, const_bool(fn, bd->flag[d], set, line));
            }
        }
    }
}

void pass_bound(IrFunc *fn) {
    Bound bd = {.fn = fn, .nregs = fn->nregs};
    bd.flag = arena_alloc(fn->mod->arena, sizeof(int) * (size_t)(fn->nregs + 1));
    for (int r = 0; r < fn->nregs; r++) {
        bd.flag[r] = -1;
    }
    analyse(&bd);
    for (int i = 0; i < fn->nblocks; i++) {
        check_block(&bd, fn->blocks[i]);
    }
    set_flags(&bd);
}
