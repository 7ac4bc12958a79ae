// pass_small.c: small ints. A forward analysis of which int registers certainly hold a small
// int (a tagged word, never a big-int object) at each instruction, from int constants, bools
// made ints, the length of a list known to be an exact list (a subclass's __len__ may return
// up to sys.maxsize), and additions that cannot leave the range: a range() counter (or a while
// loop's) below such a bound stays small, and so does counter + 1. With it:
// - INT_COMPARE and list indexing of small operands skip their tag tests (the `small` bits);
// - an INT_BINARY + or - (or an INT_UNARY -) that cannot overflow is marked IR_SMALL_RESULT
//   and loses its error edge (the backend computes on the tagged words);
// - INCREF, DECREF and XDECREF of a small int, which do nothing, are removed;
// then the blocks no edge reaches any more (cleanups of those error edges) are dropped. The
// pass knows no list to be exact; ir_small_bits, for the backend's cached loop versions
// (pass_hoist.c), is told which lists are there.
//
// Facts per int register: BOUNDED (|v| <= 2^60, so a sum of two cannot overflow the 63-bit
// small range) or SMALL; the sign when known; a constant value; and a register it is below
// (`lt`) or above (`gt`), itself BOUNDED, from the true edge of an INT_COMPARE's BRANCH. A
// relation dies when either register is assigned. Error edges carry the facts from before the
// raising instruction (its destination unknown).
#include "ir.h"

#include <string.h>

#define BOUND ((int64_t)1 << 60)
#define SMALL_BUDGET ((size_t)1 << 24)

enum { UNKNOWN, SMALL, BOUNDED };

typedef struct Fact {
    unsigned char k;      // UNKNOWN, SMALL or BOUNDED
    bool nonneg, nonpos;  // v >= 0, v <= 0
    bool is_const;
    int64_t c;            // the value, when is_const
    int lt, gt;           // v < lt, v > gt (dense indices of BOUNDED registers), or -1
} Fact;

typedef struct Small {
    const IrFunc *fn;
    const bool *exact;  // per register: known to hold an exact list (NULL: none is)
    Arena *a;
    int n;        // int registers
    int *index;   // per register: its dense index, or -1
    Fact **in;    // per block: the facts on entry (NULL: no edge reached it yet)
    Fact *tmp;
} Small;

static const Fact unknown = {UNKNOWN, false, false, false, 0, -1, -1};

static Fact *fact_of(Small *s, Fact *st, int r) {
    return r >= 0 && s->index[r] >= 0 ? &st[s->index[r]] : NULL;
}

// Register 'x' (a dense index) is assigned: it knows nothing, and nothing is related to it.
static void kill(Small *s, Fact *st, int x) {
    for (int i = 0; i < s->n; i++) {
        if (st[i].lt == x) {
            st[i].lt = -1;
        }
        if (st[i].gt == x) {
            st[i].gt = -1;
        }
    }
    st[x] = unknown;
}

static bool is_small(const Fact *f) { return f && f->k != UNKNOWN; }

static bool is_release(IrOp op) { return op == IR_INCREF || op == IR_DECREF || op == IR_XDECREF; }

// Whether v certainly lies in [-2^60, 2^60] from above (hi) or below (lo).
static bool hi_bounded(const Fact *st, const Fact *f) {
    return f->k == BOUNDED || (f->k == SMALL && f->lt >= 0 && st[f->lt].k == BOUNDED);
}
static bool lo_bounded(const Fact *st, const Fact *f) {
    return f->k == BOUNDED || (f->k == SMALL && f->gt >= 0 && st[f->gt].k == BOUNDED);
}

static Fact const_fact(int64_t v) {
    Fact f = unknown;
    if (v >= -BOUND && v <= BOUND) {
        f.k = BOUNDED;
    } else if (v >= INTPTR_MIN / 2 && v <= INTPTR_MAX / 2) {
        f.k = SMALL;
    } else {
        return f;
    }
    f.nonneg = v >= 0;
    f.nonpos = v <= 0;
    f.is_const = true;
    f.c = v;
    return f;
}

// The facts of a + b (a - b with 'sub') when it certainly stays small, else UNKNOWN.
static Fact add_fact(const Fact *st, const Fact *a, const Fact *b, bool sub) {
    Fact r = unknown;
    if (!is_small(a) || !is_small(b)) {
        return r;
    }
    if (a->is_const && b->is_const) {  // both small: no int64 overflow
        return const_fact(sub ? a->c - b->c : a->c + b->c);
    }
    bool up, down;  // the result is at most KR_SMALL_MAX, at least KR_SMALL_MIN
    if (sub) {
        up = b->nonneg || (hi_bounded(st, a) && lo_bounded(st, b));
        down = a->nonneg || b->nonpos || (lo_bounded(st, a) && hi_bounded(st, b));
        r.nonneg = a->nonneg && b->nonpos;
        r.nonpos = a->nonpos && b->nonneg;
    } else {
        up = a->nonpos || b->nonpos || (hi_bounded(st, a) && hi_bounded(st, b));
        down = a->nonneg || b->nonneg || (lo_bounded(st, a) && lo_bounded(st, b));
        r.nonneg = a->nonneg && b->nonneg;
        r.nonpos = a->nonpos && b->nonpos;
    }
    if (!up || !down) {
        return unknown;
    }
    r.k = SMALL;
    if (b->is_const) {  // a counter's step: a < s gives a + 1 <= s, so it stays bounded
        int64_t c = sub ? -b->c : b->c;
        bool below = a->lt >= 0 && st[a->lt].k == BOUNDED && lo_bounded(st, a);
        bool above = a->gt >= 0 && st[a->gt].k == BOUNDED && hi_bounded(st, a);
        if ((c >= 0 && c <= 1 && below) || (c >= -1 && c <= 0 && above)) {
            r.k = BOUNDED;
        }
    }
    return r;
}

// The facts of -a (UN_NEG), +a or ~a when certainly small, else UNKNOWN.
static Fact unary_fact(const Fact *a, int op) {
    Fact r = unknown;
    if (!is_small(a)) {
        return r;
    }
    if (op == UN_POS) {
        return *a;
    }
    if (op == UN_INVERT) {  // ~a = -a - 1 never leaves the range
        r.k = SMALL;
        r.nonneg = a->nonpos && !a->nonneg;  // a < 0
        r.nonpos = a->nonneg;
        return r;
    }
    if (a->is_const) {
        return const_fact(-a->c);
    }
    if (a->k == BOUNDED || a->nonneg) {  // only -KR_SMALL_MIN is too big
        r.k = a->k;
        r.nonneg = a->nonpos;
        r.nonpos = a->nonneg;
    }
    return r;
}

// The facts after instruction 'in'.
static void step(Small *s, Fact *st, const IrInstr *in) {
    Fact *d = fact_of(s, st, in->dst);
    if (!d) {
        return;
    }
    Fact *a = in->nargs > 0 ? fact_of(s, st, in->args[0]) : NULL;
    Fact *b = in->nargs > 1 ? fact_of(s, st, in->args[1]) : NULL;
    Fact r = unknown;
    switch (in->op) {
    case IR_CONST:
        if (in->cst->kind == IRC_INT) {
            r = const_fact(in->cst->i);
        }
        break;
    case IR_MOVE:
        r = a ? *a : unknown;
        break;
    case IR_LIST_LEN:  // an exact list's length is bounded by memory (a subclass's __len__
        if (s->exact && s->exact[in->args[0]]) {  // may return up to sys.maxsize)
            r.k = BOUNDED;
            r.nonneg = true;
        }
        break;
    case IR_BOOL_TO_INT:
        r.k = BOUNDED;
        r.nonneg = true;
        break;
    case IR_INT_BINARY:
        if (in->aux == BIN_ADD || in->aux == BIN_SUB) {
            r = add_fact(st, a, b, in->aux == BIN_SUB);
        }
        break;
    case IR_INT_UNARY:
        r = unary_fact(a, in->aux);
        r.lt = r.gt = -1;
        break;
    default:
        break;
    }
    int x = s->index[in->dst];
    kill(s, st, x);
    r.lt = r.lt == x ? -1 : r.lt;  // d = MOVE a where a < d: nothing to say of the new d
    r.gt = r.gt == x ? -1 : r.gt;
    *d = r;
}

// The true edge of `c = INT_COMPARE a, b; BRANCH c` (releases may come between): a < b (or
// a > b), for a BOUNDED b.
static void refine(Small *s, Fact *st, const IrBlock *b, bool taken) {
    const IrInstr *br = b->instrs[b->count - 1];
    int k = b->count - 2;
    while (k >= 0 && is_release(b->instrs[k]->op)) {
        k--;
    }
    if (!taken || k < 0 || br->op != IR_BRANCH) {
        return;
    }
    const IrInstr *cmp = b->instrs[k];
    if (cmp->op != IR_INT_COMPARE || cmp->dst != br->args[0]
        || (cmp->aux != CMP_LT && cmp->aux != CMP_GT)) {
        return;
    }
    Fact *x = fact_of(s, st, cmp->args[0]), *y = fact_of(s, st, cmp->args[1]);
    if (!x || !y) {
        return;
    }
    bool lt = cmp->aux == CMP_LT;
    if (is_small(x) && y->k == BOUNDED) {
        *(lt ? &x->lt : &x->gt) = s->index[cmp->args[1]];
    }
    if (is_small(y) && x->k == BOUNDED) {
        *(lt ? &y->gt : &y->lt) = s->index[cmp->args[0]];
    }
}

static bool fact_eq(const Fact *f, const Fact *g) {
    return f->k == g->k && f->nonneg == g->nonneg && f->nonpos == g->nonpos
           && f->is_const == g->is_const && f->c == g->c && f->lt == g->lt && f->gt == g->gt;
}

// Meets 'st' into the entry facts of 'to'; whether they changed.
static bool meet(Small *s, const IrBlock *to, const Fact *st) {
    Fact *in = s->in[to->id];
    if (!in) {
        in = s->in[to->id] = arena_alloc(s->a, sizeof(Fact) * (size_t)s->n);
        memcpy(in, st, sizeof(Fact) * (size_t)s->n);
        return true;
    }
    if (memcmp(in, st, sizeof(Fact) * (size_t)s->n) == 0) {
        return false;  // the common case, byte for byte (padding may differ: then the loop)
    }
    bool changed = false;
    for (int i = 0; i < s->n; i++) {
        Fact f = in[i];
        const Fact *g = &st[i];
        f.k = f.k < g->k ? f.k : g->k;
        f.nonneg &= g->nonneg;
        f.nonpos &= g->nonpos;
        if (f.k == UNKNOWN) {
            f.nonneg = f.nonpos = false;
        }
        if (!f.is_const || !g->is_const || f.c != g->c || f.k == UNKNOWN) {
            f.is_const = false;
            f.c = 0;
        }
        f.lt = f.lt == g->lt ? f.lt : -1;
        f.gt = f.gt == g->gt ? f.gt : -1;
        changed |= !fact_eq(&f, &in[i]);
        in[i] = f;
    }
    return changed;
}

// Runs block 'b' from its entry facts into 'st', meeting into its successors.
static bool transfer(Small *s, const IrBlock *b, Fact *st) {
    bool changed = false;
    for (int k = 0; k < b->count; k++) {
        const IrInstr *in = b->instrs[k];
        if (in->err) {
            memcpy(s->tmp, st, sizeof(Fact) * (size_t)s->n);
            if (in->dst >= 0 && s->index[in->dst] >= 0) {
                kill(s, s->tmp, s->index[in->dst]);
            }
            changed |= meet(s, in->err, s->tmp);
        }
        step(s, st, in);
    }
    const IrInstr *t = ir_terminator(b);
    for (int k = 0; k < 2; k++) {
        if (t->target[k]) {
            memcpy(s->tmp, st, sizeof(Fact) * (size_t)s->n);
            refine(s, s->tmp, b, k == 0);
            changed |= meet(s, t->target[k], s->tmp);
        }
    }
    return changed;
}

static void analyse(Small *s) {
    const IrFunc *fn = s->fn;
    Arena *a = s->a;
    s->index = arena_alloc(a, sizeof(int) * (size_t)(fn->nregs + 1));
    for (int r = 0; r < fn->nregs; r++) {
        s->index[r] = fn->regs[r].rep == REP_INT ? s->n++ : -1;
    }
    // The facts take time and memory in (int registers) x (instructions and blocks): past
    // SMALL_BUDGET (a long module body of int temporaries) the function is left without any.
    size_t size = (size_t)fn->nblocks;
    for (int i = 0; i < fn->nblocks; i++) {
        size += (size_t)fn->blocks[i]->count;
    }
    if ((size_t)s->n * size > SMALL_BUDGET) {
        s->n = 0;
    }
    if (s->n == 0) {
        return;
    }
    s->in = arena_alloc(a, sizeof(Fact *) * (size_t)fn->nblocks);
    s->tmp = arena_alloc(a, sizeof(Fact) * (size_t)s->n);
    Fact *st = arena_alloc(a, sizeof(Fact) * (size_t)s->n);
    for (int i = 0; i < s->n; i++) {
        st[i] = unknown;
    }
    meet(s, fn->blocks[0], st);
    bool changed = true;
    while (changed) {
        changed = false;
        for (int i = 0; i < fn->nblocks; i++) {
            if (s->in[i]) {
                memcpy(st, s->in[i], sizeof(Fact) * (size_t)s->n);
                changed |= transfer(s, fn->blocks[i], st);
            }
        }
    }
}

// The small bits of 'in' by the facts before it ('st').
static unsigned instr_bits(Small *s, Fact *st, const IrInstr *in) {
    unsigned bits = 0;
    for (int i = 0; i < in->nargs && i < 31; i++) {
        if (is_small(fact_of(s, st, in->args[i]))) {
            bits |= 1u << i;
        }
    }
    if (in->op == IR_INT_BINARY && (in->aux == BIN_ADD || in->aux == BIN_SUB)) {
        if (add_fact(st, fact_of(s, st, in->args[0]), fact_of(s, st, in->args[1]),
                     in->aux == BIN_SUB).k != UNKNOWN) {
            bits |= IR_SMALL_RESULT;
        }
    } else if (in->op == IR_INT_UNARY && in->aux == UN_NEG) {
        if (unary_fact(fact_of(s, st, in->args[0]), UN_NEG).k != UNKNOWN) {
            bits |= IR_SMALL_RESULT;
        }
    }
    return bits;
}

unsigned **ir_small_bits(const IrFunc *fn, const bool *exact, Arena *a) {
    Small s = {.fn = fn, .exact = exact, .a = a};
    analyse(&s);
    unsigned **bits = arena_alloc(a, sizeof(unsigned *) * (size_t)(fn->nblocks + 1));
    Fact *st = s.n ? arena_alloc(a, sizeof(Fact) * (size_t)s.n) : NULL;
    for (int i = 0; i < fn->nblocks; i++) {
        const IrBlock *b = fn->blocks[i];
        bits[i] = arena_alloc(a, sizeof(unsigned) * (size_t)(b->count + 1));
        if (s.n == 0 || !s.in[i]) {
            continue;
        }
        memcpy(st, s.in[i], sizeof(Fact) * (size_t)s.n);
        for (int k = 0; k < b->count; k++) {
            bits[i][k] = instr_bits(&s, st, b->instrs[k]);
            step(&s, st, b->instrs[k]);
        }
    }
    return bits;
}

void pass_small(IrFunc *fn) {
    unsigned **bits = ir_small_bits(fn, NULL, fn->mod->arena);
    bool dropped = false;  // an error edge: its cleanup may be reached no more
    for (int i = 0; i < fn->nblocks; i++) {
        IrBlock *b = fn->blocks[i];
        int n = 0;
        for (int k = 0; k < b->count; k++) {
            IrInstr *in = b->instrs[k];
            in->small = bits[i][k];
            if (is_release(in->op) && in->small) {
                continue;  // a small int is no object: nothing to count
            }
            if ((in->small & IR_SMALL_RESULT) && in->err) {
                in->err = NULL;
                dropped = true;
            }
            b->instrs[n++] = in;
        }
        b->count = n;
    }
    if (dropped) {
        ir_drop_unreached(fn);
    }
}
