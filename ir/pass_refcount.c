// pass_refcount.c: makes reference counts explicit (DESIGN §3), from liveness, as mypyc does.
//
// Model: a "tracked" register (kr_val representation) owns one reference whenever it holds a
// value: every instruction returns a new reference, and operands are borrowed except by the
// stealing uses (RETURN, STORE_GLOBAL, MOVE, EXC_LEAVE, YIELD), which take over the reference — after
// an INCREF when the register stays live. A tracked register is released (DECREF) right after
// its last use, or right after its definition when nothing uses it; where it dies on a branch
// edge the edge gets a block that releases it; where an instruction fails, its error edge gets a
// block that releases everything live before it that its handler does not need (XDECREF: locals
// may not be assigned yet, and hold 0). An instruction inside a try keeps alive what its handler
// needs. CLEAR (an unbinding) holds nothing to release.
// Registers that can borrow: constants (immortal or owned by the module) and parameters never
// reassigned (the caller owns the argument) — they are never released, and get an INCREF only
// where a stealing use takes them.
//
// Deaths move earlier than CPython's only for values nobody can observe dying (ints, strs and
// None today); DESIGN §3 requires locals whose type may have __del__ to live until rebound,
// which this pass must honour when such types exist.
#include "ir.h"

#include <string.h>

typedef struct Bits {
    uint64_t *w;
} Bits;

typedef struct Rc {
    IrFunc *fn;
    Arena *arena;
    int words;
    bool *tracked;
    bool *borrowed;
    Bits *live_in, *live_out;  // per block
    Bits *cleanup_sets;        // error cleanup blocks made so far, for sharing
    IrBlock **cleanup_blocks;
    int ncleanups, cleanups_cap;
} Rc;

static Bits bits_new(Rc *rc) {
    Bits b = {arena_alloc(rc->arena, sizeof(uint64_t) * (size_t)rc->words)};
    return b;
}
static bool bit(Bits b, int i) { return (b.w[i / 64] >> (i % 64)) & 1; }
static void bit_set(Bits b, int i) { b.w[i / 64] |= (uint64_t)1 << (i % 64); }
static void bit_clear(Bits b, int i) { b.w[i / 64] &= ~((uint64_t)1 << (i % 64)); }
static void bits_copy(Rc *rc, Bits dst, Bits src) {
    memcpy(dst.w, src.w, sizeof(uint64_t) * (size_t)rc->words);
}
static bool bits_equal(Rc *rc, Bits a, Bits b) {
    return memcmp(a.w, b.w, sizeof(uint64_t) * (size_t)rc->words) == 0;
}
static bool bits_empty(Rc *rc, Bits a) {
    for (int i = 0; i < rc->words; i++) {
        if (a.w[i]) {
            return false;
        }
    }
    return true;
}

static bool steals(const IrInstr *in) {
    return in->op == IR_RETURN || in->op == IR_STORE_GLOBAL || in->op == IR_MOVE
           || in->op == IR_EXC_LEAVE || in->op == IR_YIELD;
}

// The handler an instruction's error edge leads to, or NULL when it unwinds (or cannot fail).
static const IrBlock *handler_of(const IrFunc *fn, const IrInstr *in) {
    return in->err && in->err != fn->unwind ? in->err : NULL;
}

// ---------------------------------------------------------------------------------------------
// Which registers are tracked

static void classify(Rc *rc) {
    IrFunc *fn = rc->fn;
    bool *other_def = arena_alloc(rc->arena, (size_t)fn->nregs + 1);
    bool *const_def = arena_alloc(rc->arena, (size_t)fn->nregs + 1);
    for (int i = 0; i < fn->nblocks; i++) {
        for (int k = 0; k < fn->blocks[i]->count; k++) {
            const IrInstr *in = fn->blocks[i]->instrs[k];
            if (in->dst >= 0) {
                (in->op == IR_CONST ? const_def : other_def)[in->dst] = true;
            }
        }
    }
    rc->tracked = arena_alloc(rc->arena, (size_t)fn->nregs + 1);
    rc->borrowed = arena_alloc(rc->arena, (size_t)fn->nregs + 1);
    for (int r = 0; r < fn->nregs; r++) {
        bool counted = rep_is_refcounted(fn->regs[r].rep);
        bool borrow = !other_def[r] && (const_def[r] || fn->regs[r].is_param);
        rc->borrowed[r] = counted && borrow;
        rc->tracked[r] = counted && !borrow;
    }
}

// ---------------------------------------------------------------------------------------------
// Liveness

// live := live minus the instruction's definition plus its tracked operands, plus what its
// handler needs when it can fail into one.
static void step_back(Rc *rc, Bits live, const IrInstr *in) {
    if (in->dst >= 0 && rc->tracked[in->dst]) {
        bit_clear(live, in->dst);
    }
    const IrBlock *h = handler_of(rc->fn, in);
    for (int w = 0; h && w < rc->words; w++) {
        live.w[w] |= rc->live_in[h->id].w[w];
    }
    for (int i = 0; i < in->nargs; i++) {
        if (rc->tracked[in->args[i]]) {
            bit_set(live, in->args[i]);
        }
    }
}

static void block_live_out(Rc *rc, const IrBlock *b, Bits out) {
    memset(out.w, 0, sizeof(uint64_t) * (size_t)rc->words);
    const IrInstr *t = ir_terminator(b);
    for (int k = 0; k < 2; k++) {
        if (t->target[k]) {
            for (int w = 0; w < rc->words; w++) {
                out.w[w] |= rc->live_in[t->target[k]->id].w[w];
            }
        }
    }
}

static void liveness(Rc *rc) {
    IrFunc *fn = rc->fn;
    rc->live_in = arena_alloc(rc->arena, sizeof(Bits) * (size_t)fn->nblocks);
    rc->live_out = arena_alloc(rc->arena, sizeof(Bits) * (size_t)fn->nblocks);
    for (int i = 0; i < fn->nblocks; i++) {
        rc->live_in[i] = bits_new(rc);
        rc->live_out[i] = bits_new(rc);
    }
    Bits tmp = bits_new(rc);
    bool changed = true;
    while (changed) {
        changed = false;
        for (int i = fn->nblocks - 1; i >= 0; i--) {
            const IrBlock *b = fn->blocks[i];
            block_live_out(rc, b, rc->live_out[i]);
            bits_copy(rc, tmp, rc->live_out[i]);
            for (int k = b->count - 1; k >= 0; k--) {
                step_back(rc, tmp, b->instrs[k]);
            }
            if (!bits_equal(rc, tmp, rc->live_in[i])) {
                bits_copy(rc, rc->live_in[i], tmp);
                changed = true;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Rewriting

static IrInstr *rc_op(Rc *rc, IrOp op, int r, int line) {
    IrInstr *in = ir_instr_new(rc->fn, op, -1, 1, line);
    in->args[0] = r;
    return in;
}

// Releases of the registers in 'set', appended to 'b'.
static void release_all(Rc *rc, IrBlock *b, Bits set, int line) {
    for (int r = 0; r < rc->fn->nregs; r++) {
        if (bit(set, r)) {
            ir_append(rc->fn, b, rc_op(rc, IR_XDECREF, r, line));
        }
    }
}

// The block an error edge leaving with 'live' registers goes to: releases those its target
// (a handler, or the unwind block) does not need, then goes there.
static IrBlock *cleanup_block(Rc *rc, Bits before, IrBlock *unwind, int line) {
    Bits live = bits_new(rc);
    bits_copy(rc, live, before);
    if (unwind != rc->fn->unwind) {
        for (int w = 0; w < rc->words; w++) {
            live.w[w] &= ~rc->live_in[unwind->id].w[w];
        }
    }
    if (bits_empty(rc, live)) {
        return unwind;
    }
    for (int i = 0; i < rc->ncleanups; i++) {
        if (bits_equal(rc, rc->cleanup_sets[i], live)
            && ir_terminator(rc->cleanup_blocks[i])->target[0] == unwind) {
            return rc->cleanup_blocks[i];
        }
    }
    IrBlock *b = ir_block_new(rc->fn);
    release_all(rc, b, live, line);
    IrInstr *j = ir_instr_new(rc->fn, IR_JUMP, -1, 0, line);
    j->target[0] = unwind;
    ir_append(rc->fn, b, j);
    if (rc->ncleanups == rc->cleanups_cap) {
        int cap = rc->cleanups_cap ? rc->cleanups_cap * 2 : 8;
        rc->cleanup_sets = arena_realloc(rc->arena, rc->cleanup_sets,
                                         sizeof(Bits) * (size_t)rc->cleanups_cap,
                                         sizeof(Bits) * (size_t)cap);
        rc->cleanup_blocks = arena_realloc(rc->arena, rc->cleanup_blocks,
                                           sizeof(IrBlock *) * (size_t)rc->cleanups_cap,
                                           sizeof(IrBlock *) * (size_t)cap);
        rc->cleanups_cap = cap;
    }
    Bits copy = bits_new(rc);
    bits_copy(rc, copy, live);
    rc->cleanup_sets[rc->ncleanups] = copy;
    rc->cleanup_blocks[rc->ncleanups++] = b;
    return b;
}

static bool seen_before(const IrInstr *in, int i) {
    for (int k = 0; k < i; k++) {
        if (in->args[k] == in->args[i]) {
            return true;
        }
    }
    return false;
}

// Emits 'in' into 'out' with its reference-count operations; 'after' is what is live after it.
static void rewrite_instr(Rc *rc, IrBlock *out, IrInstr *in, Bits after, Bits before) {
    IrFunc *fn = rc->fn;
    bool steal = steals(in) && (in->op != IR_MOVE || rc->tracked[in->dst]);
    if (steal) {
        int a = in->args[0];
        // A YIELD that fails (throw(), close()) has given its operand away too, so the handler
        // it fails into must get a reference of its own.
        const IrBlock *h = in->op == IR_YIELD ? handler_of(fn, in) : NULL;
        bool handler_needs = h && rc->tracked[a] && bit(rc->live_in[h->id], a);
        if (rc->borrowed[a] || (rc->tracked[a] && (bit(after, a) || handler_needs))) {
            ir_append(fn, out, rc_op(rc, IR_INCREF, a, in->line));
        } else if (in->op == IR_YIELD && rc->tracked[a] && in->err) {
            Bits given = bits_new(rc);  // the error edge does not own the yielded value
            bits_copy(rc, given, before);
            bit_clear(given, a);
            before = given;
        }
    }
    // The value a YIELD statement is sent (nothing uses it) is never taken.
    if (in->op == IR_YIELD && in->dst >= 0 && rc->tracked[in->dst] && !bit(after, in->dst)) {
        in->dst = -1;
    }
    if (in->err) {
        in->err = cleanup_block(rc, before, in->err, in->line);
    }
    ir_append(fn, out, in);
    if (ir_op_is_terminator(in->op)) {
        return;  // RAISE: its operands die on the error edge
    }
    for (int i = 0; i < in->nargs; i++) {
        int a = in->args[i];
        if (rc->tracked[a] && !bit(after, a) && !steal && !seen_before(in, i)) {
            ir_append(fn, out, rc_op(rc, fn->regs[a].name ? IR_XDECREF : IR_DECREF, a, in->line));
        }
    }
    if (in->dst >= 0 && rc->tracked[in->dst] && !bit(after, in->dst) && in->op != IR_CLEAR) {
        ir_append(fn, out, rc_op(rc, IR_DECREF, in->dst, in->line));
    }
    // What only the instruction's handler kept alive (not an operand) dies after it too.
    for (int r = 0; r < fn->nregs; r++) {
        bool arg = false;
        for (int i = 0; i < in->nargs; i++) {
            arg = arg || in->args[i] == r;
        }
        if (rc->tracked[r] && bit(before, r) && !bit(after, r) && r != in->dst && !arg) {
            ir_append(fn, out, rc_op(rc, IR_XDECREF, r, in->line));
        }
    }
}

static void rewrite_block(Rc *rc, IrBlock *b) {
    int n = b->count;
    Bits *after = arena_alloc(rc->arena, sizeof(Bits) * (size_t)(n + 1));
    Bits live = bits_new(rc);
    bits_copy(rc, live, rc->live_out[b->id]);
    for (int k = n - 1; k >= 0; k--) {
        after[k] = bits_new(rc);
        bits_copy(rc, after[k], live);
        step_back(rc, live, b->instrs[k]);
    }
    IrInstr **old = b->instrs;
    b->instrs = NULL;
    b->count = b->cap = 0;
    for (int k = 0; k < n; k++) {
        // What is live before instruction k is what is live after instruction k - 1.
        Bits before = k == 0 ? rc->live_in[b->id] : after[k - 1];
        rewrite_instr(rc, b, old[k], after[k], before);
    }
}

// Parameters that are reassigned own their value: take a reference at entry.
static void entry_increfs(Rc *rc) {
    IrFunc *fn = rc->fn;
    for (int i = fn->nparams - 1; i >= 0; i--) {
        int p = fn->params[i];
        if (rc->tracked[p]) {
            ir_insert(fn, fn->blocks[0], 0, rc_op(rc, IR_INCREF, p, fn->line));
        }
    }
}

// Registers live out of a branching block but dead on one edge die on that edge.
static void split_edges(Rc *rc, int nblocks) {
    IrFunc *fn = rc->fn;
    Bits dying = bits_new(rc);
    for (int i = 0; i < nblocks; i++) {
        IrInstr *t = ir_terminator(fn->blocks[i]);
        for (int k = 0; t->op == IR_BRANCH && k < 2; k++) {
            Bits in = rc->live_in[t->target[k]->id];
            for (int w = 0; w < rc->words; w++) {
                dying.w[w] = rc->live_out[i].w[w] & ~in.w[w];
            }
            if (bits_empty(rc, dying)) {
                continue;
            }
            IrBlock *edge = ir_block_new(fn);
            release_all(rc, edge, dying, t->line);
            IrInstr *j = ir_instr_new(fn, IR_JUMP, -1, 0, t->line);
            j->target[0] = t->target[k];
            ir_append(fn, edge, j);
            t->target[k] = edge;
        }
    }
}

void pass_refcount(IrFunc *fn) {
    Rc rc = {.fn = fn, .arena = fn->mod->arena, .words = (fn->nregs + 63) / 64 + 1};
    classify(&rc);
    liveness(&rc);
    int nblocks = fn->nblocks;
    for (int i = 0; i < nblocks; i++) {
        if (fn->blocks[i] != fn->unwind) {
            rewrite_block(&rc, fn->blocks[i]);
        }
    }
    split_edges(&rc, nblocks);
    entry_increfs(&rc);
    fn->refcounts_inserted = true;
}
