// pass_share.c: shares the error cleanup blocks pass_refcount made. Input: a function after
// pass_refcount, where each error edge that leaves live references goes to a block of XDECREFs
// and a jump to the handler or unwind block — one block per distinct live set, and the sets
// of neighbouring instructions differ by a register or two. Output: the same blocks, each
// releasing only what it does not share with the largest smaller set going to the same place
// and then jumping to that set's block, so the chains share their tails and an error site adds
// about one release instead of repeating its predecessor's whole list. Which references are
// released on each error path is unchanged; only the order among them (the newest go first,
// as when CPython unwinds its value stack).
#include "ir.h"

#include <stdlib.h>
#include <string.h>

typedef struct Cleanup {
    IrBlock *block;
    IrBlock *target;  // where its jump goes: a handler, the unwind block
    int *regs;        // the registers it releases, ascending
    int n;
} Cleanup;

// A block of XDECREFs and a jump that nothing jumps or branches to (error edges only).
static bool is_cleanup(const IrBlock *b, const bool *jumped_to) {
    if (jumped_to[b->id] || ir_terminator(b)->op != IR_JUMP || b->count < 2) {
        return false;
    }
    for (int k = 0; k < b->count - 1; k++) {
        if (b->instrs[k]->op != IR_XDECREF) {
            return false;
        }
    }
    return true;
}

static int regs_ascending(const void *x, const void *y) {
    return *(const int *)x - *(const int *)y;
}

// Cleanups by target, then size (smallest first), then block order.
static int by_target_size(const void *x, const void *y) {
    const Cleanup *a = x, *b = y;
    if (a->target != b->target) {
        return a->target->id - b->target->id;
    }
    return a->n != b->n ? a->n - b->n : a->block->id - b->block->id;
}

// Whether sorted 'sub' (n) is contained in sorted 'set' (m).
static bool subset(const int *sub, int n, const int *set, int m) {
    int j = 0;
    for (int i = 0; i < n; i++) {
        while (j < m && set[j] < sub[i]) {
            j++;
        }
        if (j == m || set[j] != sub[i]) {
            return false;
        }
    }
    return true;
}

// 'c' releases only what 'tail' does not, then jumps to 'tail'.
static void chain(Cleanup *c, const Cleanup *tail) {
    IrBlock *b = c->block;
    IrInstr *jump = ir_terminator(b);
    int kept = 0;
    for (int k = 0; k < b->count - 1; k++) {
        if (!subset(&b->instrs[k]->args[0], 1, tail->regs, tail->n)) {
            b->instrs[kept++] = b->instrs[k];
        }
    }
    b->instrs[kept++] = jump;
    b->count = kept;
    jump->target[0] = tail->block;
}

static Cleanup *collect(IrFunc *fn, int *count) {
    bool *jumped_to = arena_alloc(fn->mod->arena, (size_t)fn->nblocks + 1);
    for (int i = 0; i < fn->nblocks; i++) {
        const IrInstr *t = ir_terminator(fn->blocks[i]);
        for (int k = 0; k < 2; k++) {
            if (t->target[k]) {
                jumped_to[t->target[k]->id] = true;
            }
        }
    }
    Cleanup *cs = arena_alloc(fn->mod->arena, sizeof(Cleanup) * (size_t)(fn->nblocks + 1));
    int n = 0;
    for (int i = 0; i < fn->nblocks; i++) {
        IrBlock *b = fn->blocks[i];
        if (!is_cleanup(b, jumped_to)) {
            continue;
        }
        Cleanup *c = &cs[n++];
        c->block = b;
        c->target = ir_terminator(b)->target[0];
        c->n = b->count - 1;
        c->regs = arena_alloc(fn->mod->arena, sizeof(int) * (size_t)c->n);
        for (int k = 0; k < c->n; k++) {
            c->regs[k] = b->instrs[k]->args[0];
        }
        qsort(c->regs, (size_t)c->n, sizeof(int), regs_ascending);
    }
    *count = n;
    return cs;
}

void pass_share(IrFunc *fn) {
    int n;
    Cleanup *cs = collect(fn, &n);
    qsort(cs, (size_t)n, sizeof(Cleanup), by_target_size);
    for (int i = 0; i < n; i++) {
        // The largest smaller set with the same target that 'cs[i]' contains: the first one
        // found walking back, as they are sorted by size.
        const Cleanup *best = NULL;
        for (int j = i - 1; j >= 0 && cs[j].target == cs[i].target && !best; j--) {
            if (cs[j].n < cs[i].n && subset(cs[j].regs, cs[j].n, cs[i].regs, cs[i].n)) {
                best = &cs[j];
            }
        }
        if (best) {
            chain(&cs[i], best);
        }
    }
}
