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
// Named variables die when CPython's do (DESIGN §3): a *held* variable (classify_held) stays
// live until it is rebound (its old value is released at the assignment, as STORE_FAST does)
// or deleted, and every RETURN and every error edge to the unwind block releases the held
// variables in register order, the order of the frame's slots. Deaths move earlier than
// CPython's only where nobody can observe them: temporaries, variables of types that cannot
// reach a finalizer, and every variable of a program with no finalizer anywhere.
#include "ir.h"

#include <string.h>

typedef struct Bits {
    uint64_t *w;
} Bits;

typedef struct Rc {
    IrFunc *fn;
    Arena *arena;
    int words;
    int nregs;  // before the pass added any
    bool *tracked;
    bool *borrowed;
    bool *held;  // named variables released only when rebound, deleted or at frame exit
    bool any_held;
    Bits *live_in, *live_out;  // per block
    Bits *cleanup_sets;        // error cleanup blocks made so far, for sharing
    IrBlock **cleanup_blocks;
    int ncleanups, cleanups_cap;
    int *cleanup_index;        // open addressing by cleanup_hash: a cleanup, or -1
    int index_cap;             // a power of two, more than twice ncleanups (0: none yet)
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
// Which variables keep their value until rebound, deleted or the frame exits (CPython's
// timing, DESIGN §3). Only a death someone can observe needs it: a program with no `__del__`,
// weak reference, file or generator with cleanup code anywhere cannot tell when a value dies,
// and neither can anybody tell when an int, float, str or container of such dies.

static bool watch_name(const char *s) {
    return strcmp(s, "__del__") == 0 || strcmp(s, "weakref") == 0 || strcmp(s, "open") == 0
           || strcmp(s, "fdopen") == 0 || strcmp(s, "finalize") == 0;
}

typedef struct Scan {
    bool watched, yields, cleanup;
} Scan;

static bool scan_child(const AstNode *n, void *sc);

static void scan(Scan *sc, const AstNode *n) {
    if (!n || sc->watched) {
        return;
    }
    switch (n->kind) {
    case AST_FunctionDef:
        sc->watched = sc->watched || watch_name(n->u.FunctionDef.name);
        break;
    case AST_Name:
        sc->watched = sc->watched || watch_name(n->u.Name.id);
        break;
    case AST_Attribute:
        sc->watched = sc->watched || watch_name(n->u.Attribute.attr);
        break;
    case AST_alias:
        sc->watched = sc->watched || strstr(n->u.alias.name, "weakref") != NULL
                      || watch_name(n->u.alias.name);
        break;
    case AST_ImportFrom:
        sc->watched = sc->watched
                      || (n->u.ImportFrom.module && strstr(n->u.ImportFrom.module, "weakref"));
        break;
    case AST_Constant:  // setattr(C, "__del__", f), type(name, bases, {"__del__": f})
        if (n->u.Constant.value.kind == CONST_STR && n->u.Constant.value.u.s.len == 7) {
            sc->watched = sc->watched || memcmp(n->u.Constant.value.u.s.data, "__del__", 7) == 0;
        }
        break;
    case AST_Yield:
    case AST_YieldFrom:
    case AST_Await:
        sc->yields = true;
        break;
    case AST_Try:
        sc->cleanup = sc->cleanup || n->u.Try.finalbody.count > 0;
        break;
    case AST_TryStar:
        sc->cleanup = sc->cleanup || n->u.TryStar.finalbody.count > 0;
        break;
    case AST_With:
    case AST_AsyncWith:
        sc->cleanup = true;
        break;
    default:
        break;
    }
    ast_any_child(n, scan_child, sc);
}

static bool scan_child(const AstNode *n, void *sc) {
    scan(sc, n);
    return false;
}

// Whether some module of the program can observe when a value dies (computed once).
bool ir_deaths_observable(IrProgram *p) {
    if (!p) {
        return true;
    }
    if (p->deaths_observable == 0) {
        Scan sc = {0};
        for (int i = 0; i < p->nunits; i++) {
            scan(&sc, p->units[i]->ast);
        }
        p->deaths_observable = sc.watched || (sc.yields && sc.cleanup) ? 2 : 1;
    }
    return p->deaths_observable == 2;
}

// Values of 't' die unobserved: no finalizer of the user's can be reached from them.
static bool ty_inert(const Ty *t) {
    if (!t) {
        return false;
    }
    switch (t->kind) {
    case TY_NONE:
    case TY_BOOL:
    case TY_INT:
    case TY_FLOAT:
    case TY_STR:
    case TY_NUM:
        return true;
    case TY_OPTIONAL:
        return ty_inert(t->arg);
    case TY_LIST:
    case TY_SET:
    case TY_TUPLE:
        return ty_inert(t->arg);
    case TY_DICT:
        return ty_inert(t->arg) && ty_inert(t->arg2);
    default:
        return false;
    }
}

static void classify_held(Rc *rc) {
    IrFunc *fn = rc->fn;
    rc->held = arena_alloc(rc->arena, (size_t)fn->nregs + 1);
    if (!ir_deaths_observable(fn->mod->prog)) {
        return;
    }
    for (int r = 0; r < fn->nregs; r++) {
        if (rc->tracked[r] && fn->regs[r].name && !ty_inert(fn->regs[r].ty)) {
            rc->held[r] = true;
            rc->any_held = true;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Liveness

// live := live minus the instruction's definition plus its tracked operands, plus what its
// handler needs when it can fail into one.
static void step_back(Rc *rc, Bits live, const IrInstr *in) {
    if (in->dst >= 0 && rc->tracked[in->dst] && !rc->held[in->dst]) {
        bit_clear(live, in->dst);  // a held variable's old value dies at its rebinding
    }
    if (rc->any_held && (in->op == IR_RETURN || (in->err && in->err == rc->fn->unwind))) {
        for (int r = 0; r < rc->nregs; r++) {  // the frame holds them until it exits
            if (rc->held[r]) {
                bit_set(live, r);
            }
        }
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
    for (int r = 0; r < rc->nregs; r++) {
        if (bit(set, r)) {
            ir_append(rc->fn, b, rc_op(rc, IR_XDECREF, r, line));
        }
    }
}

static size_t cleanup_hash(Rc *rc, Bits live, const IrBlock *target) {
    uint64_t h = 0xcbf29ce484222325ULL ^ (uint64_t)target->id;
    for (int w = 0; w < rc->words; w++) {
        h = (h ^ live.w[w]) * 0x100000001b3ULL;
        h ^= h >> 29;
    }
    return (size_t)h;
}

// Rebuilds rc->cleanup_index with room for 'cap' slots.
static void index_cleanups(Rc *rc, int cap) {
    rc->cleanup_index = arena_alloc(rc->arena, sizeof(int) * (size_t)cap);
    rc->index_cap = cap;
    for (int s = 0; s < cap; s++) {
        rc->cleanup_index[s] = -1;
    }
    size_t mask = (size_t)cap - 1;
    for (int i = 0; i < rc->ncleanups; i++) {
        const IrBlock *target = ir_terminator(rc->cleanup_blocks[i])->target[0];
        size_t slot = cleanup_hash(rc, rc->cleanup_sets[i], target) & mask;
        while (rc->cleanup_index[slot] >= 0) {
            slot = (slot + 1) & mask;
        }
        rc->cleanup_index[slot] = i;
    }
}

// The slot of the cleanup releasing 'live' and going to 'target' in rc->cleanup_index, or
// the empty slot where it goes (the index grows first when half full).
static size_t find_cleanup(Rc *rc, Bits live, const IrBlock *target) {
    if (2 * (rc->ncleanups + 1) > rc->index_cap) {
        index_cleanups(rc, rc->index_cap ? 2 * rc->index_cap : 64);
    }
    size_t mask = (size_t)rc->index_cap - 1;
    for (size_t slot = cleanup_hash(rc, live, target) & mask;; slot = (slot + 1) & mask) {
        int i = rc->cleanup_index[slot];
        if (i < 0 || (ir_terminator(rc->cleanup_blocks[i])->target[0] == target
                      && bits_equal(rc, rc->cleanup_sets[i], live))) {
            return slot;
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
    size_t slot = find_cleanup(rc, live, unwind);
    if (rc->cleanup_index[slot] >= 0) {
        return rc->cleanup_blocks[rc->cleanup_index[slot]];
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
    rc->cleanup_index[slot] = rc->ncleanups;
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
    bool self_move = in->op == IR_MOVE && in->args[0] == in->dst;  // `x = x`: nothing changes
    if (steal && !self_move) {
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
    int d = in->dst;
    int saved = -1;  // a held variable's old value, released once the instruction rebinds it
    if (d >= 0 && rc->held[d] && !self_move) {
        bool operand = false;
        for (int i = 0; i < in->nargs; i++) {
            operand = operand || in->args[i] == d;
        }
        if (operand || in->err) {  // the old value must outlive the instruction
            saved = ir_reg_new(fn, fn->regs[d].ty, NULL);
            fn->regs[saved].rep = fn->regs[d].rep;
            IrInstr *mv = ir_instr_new(fn, IR_MOVE, saved, 1, in->line);
            mv->args[0] = d;
            ir_append(fn, out, mv);
        } else {
            ir_append(fn, out, rc_op(rc, IR_XDECREF, d, in->line));  // as STORE_FAST, DELETE_FAST
        }
    }
    if (in->op == IR_RETURN && rc->any_held) {  // the frame exits: its variables, in order
        for (int r = 0; r < rc->nregs; r++) {
            if (rc->held[r] && r != in->args[0] && bit(before, r)) {
                ir_append(fn, out, rc_op(rc, IR_XDECREF, r, in->line));
            }
        }
    }
    if (!self_move) {  // emitted, it would only assign a variable to itself
        ir_append(fn, out, in);
    }
    if (saved >= 0) {
        ir_append(fn, out, rc_op(rc, IR_XDECREF, saved, in->line));
    }
    if (ir_op_is_terminator(in->op)) {
        return;  // RAISE: its operands die on the error edge
    }
    for (int i = 0; i < in->nargs; i++) {
        int a = in->args[i];
        if (rc->tracked[a] && !bit(after, a) && !steal && !seen_before(in, i)) {
            ir_append(fn, out, rc_op(rc, fn->regs[a].name ? IR_XDECREF : IR_DECREF, a, in->line));
        }
    }
    if (in->dst >= 0 && rc->tracked[in->dst] && !bit(after, in->dst) && in->op != IR_CLEAR
        && !rc->held[in->dst]) {
        ir_append(fn, out, rc_op(rc, IR_DECREF, in->dst, in->line));
    }
    // What only the instruction's handler kept alive (not an operand) dies after it too.
    for (int r = 0; r < rc->nregs; r++) {
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
    Rc rc = {.fn = fn, .arena = fn->mod->arena, .words = (fn->nregs + 63) / 64 + 1,
             .nregs = fn->nregs};
    classify(&rc);
    classify_held(&rc);
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
