// pass_hoist.c: loop caches of list storage (an analysis the backend reads; the IR is not
// changed; docs/design.md). A loop is a strongly connected set of blocks (by jumps and
// branches). In a loop, a list register that the loop never assigns and reads or writes as
// floats (LIST_GET into a float, LIST_SET of a float, LIST_AUG) or as ints (LIST_GET into an
// int, LIST_SET of an int) is cached: the backend emits
// the loop twice, the plain version and a cached version that keeps each such list's items and
// length in C locals (filled where the loop is entered, when every cached list is an exact
// KR_LIST_FLOATS list, or KR_LIST_VALS list for ints) and reads and writes raw doubles (small
// ints) there; the globals its MATH_INTACTs
// read are cached too. The cached version stays valid while no instruction runs that may
// change a list's type, strategy, length or storage: after anything that may run Python code,
// free an object or allocate (an allocation may run finalizers) it goes on in the plain
// version; after a direct call it first checks that every cache still describes its list.
// IrCacheUse says what each instruction of a loop needs. A register the loop does not assign
// but reads is live in the whole loop, so it holds a list (or 0, unbound) wherever the loop is
// entered.
#include "ir.h"

#include <string.h>

// A loop is copied once more in the C (its cached version); larger ones are not.
#define MAX_LOOP_INSTRS 4000

// Whether instruction 'in' of a loop can neither run Python code nor free or allocate an object
// (leaving it by its error edge aside): then the caches stay valid across it.
static bool keeps_caches(const IrFunc *fn, const IrInstr *in) {
    switch (in->op) {
    case IR_CONST:
    case IR_MOVE:
    case IR_INT_TO_FLOAT:
    case IR_BOOL_TO_INT:
    case IR_NOT:
    case IR_FLOAT_BINARY:
    case IR_FLOAT_UNARY:
    case IR_INT_COMPARE:
    case IR_FLOAT_COMPARE:
    case IR_IS:
    case IR_CHECK_BOUND:
    case IR_CHECK_RANGE_STEP:
    case IR_MATH_INTACT:
    case IR_MATH_CALL:
    case IR_LIST_IS_FLOATS:
    case IR_IS_SET:
    case IR_INCREF:
    case IR_JUMP:
    case IR_BRANCH:
        return true;
    case IR_BOX:
        return fn->regs[in->args[0]].rep != REP_FLOAT;  // a float allocates
    case IR_DECREF:
    case IR_XDECREF:  // None and bools are immortal; an int runs no Python code when freed
        if (fn->regs[in->args[0]].ty->kind == TY_NONE
            || fn->regs[in->args[0]].ty->kind == TY_BOOL) {
            return true;
        }
        return fn->regs[in->args[0]].rep != REP_OBJ;
    case IR_TRUTH:
        return fn->regs[in->args[0]].rep != REP_OBJ;
    default:
        return ir_op_is_terminator(in->op);
    }
}

// Which items 'in' accesses in list args[0] as its type says: 1 floats (raw doubles of a
// KR_LIST_FLOATS list), 2 ints (small ints of a KR_LIST_VALS list), 0 none.
static int access_kind(const IrFunc *fn, const IrInstr *in) {
    IrRep rep = in->op == IR_LIST_GET   ? fn->regs[in->dst].rep
                : in->op == IR_LIST_SET ? fn->regs[in->args[2]].rep
                : in->op == IR_LIST_AUG ? REP_FLOAT
                                        : REP_OBJ;
    return rep == REP_FLOAT ? 1 : rep == REP_INT ? 2 : 0;
}

// Tarjan's strongly connected components over jumps and branches, iteratively. comp[b] gets
// the component of block b; returns the number of components.
static int components(const IrFunc *fn, Arena *a, int *comp) {
    int n = fn->nblocks, counter = 0, ncomp = 0, sp = 0, csp = 0;
    int *index = arena_alloc(a, sizeof(int) * (size_t)n);
    int *low = arena_alloc(a, sizeof(int) * (size_t)n);
    bool *on = arena_alloc(a, (size_t)n + 1);
    int *stack = arena_alloc(a, sizeof(int) * (size_t)n);
    int *cstack = arena_alloc(a, sizeof(int) * (size_t)n);  // the DFS path
    int *next = arena_alloc(a, sizeof(int) * (size_t)n);    // next successor to visit
    for (int i = 0; i < n; i++) {
        index[i] = -1;
        comp[i] = -1;
    }
    for (int root = 0; root < n; root++) {
        if (index[root] >= 0) {
            continue;
        }
        cstack[csp++] = root;
        index[root] = low[root] = counter++;
        stack[sp++] = root;
        on[root] = true;
        next[root] = 0;
        while (csp > 0) {
            int v = cstack[csp - 1];
            const IrInstr *t = ir_terminator(fn->blocks[v]);
            if (next[v] < 2) {
                const IrBlock *s = t->target[next[v]++];
                if (!s) {
                    continue;
                }
                int w = s->id;
                if (index[w] < 0) {
                    index[w] = low[w] = counter++;
                    stack[sp++] = w;
                    on[w] = true;
                    next[w] = 0;
                    cstack[csp++] = w;
                } else if (on[w] && index[w] < low[v]) {
                    low[v] = index[w];
                }
                continue;
            }
            csp--;
            if (csp > 0 && low[v] < low[cstack[csp - 1]]) {
                low[cstack[csp - 1]] = low[v];
            }
            if (low[v] == index[v]) {
                int w;
                do {
                    w = stack[--sp];
                    on[w] = false;
                    comp[w] = ncomp;
                } while (w != v);
                ncomp++;
            }
        }
    }
    return ncomp;
}

// Per component (blocks with comp c): whether it has a cycle, two blocks or a block jumping to
// itself.
static bool *loop_components(const IrFunc *fn, Arena *a, const int *comp, int ncomp) {
    bool *loop = arena_alloc(a, (size_t)ncomp + 1);
    int *size = arena_alloc(a, sizeof(int) * (size_t)(ncomp + 1));
    for (int i = 0; i < fn->nblocks; i++) {
        const IrInstr *t = ir_terminator(fn->blocks[i]);
        int c = comp[i];
        loop[c] |= ++size[c] > 1 || t->target[0] == fn->blocks[i] || t->target[1] == fn->blocks[i];
    }
    return loop;
}

static void add_unique(Arena *a, int **list, int *n, int v) {
    for (int i = 0; i < *n; i++) {
        if ((*list)[i] == v) {
            return;
        }
    }
    int *grown = arena_alloc(a, sizeof(int) * (size_t)(*n + 1));
    if (*n) {
        memcpy(grown, *list, sizeof(int) * (size_t)*n);
    }
    grown[(*n)++] = v;
    *list = grown;
}

// Fills region 'r' (component c): its cached registers and math globals; false when it has none.
static bool find_caches(const IrFunc *fn, Arena *a, const int *comp, int c, IrLoopCaches *lc,
                        int r) {
    lc->regs[r] = lc->maths[r] = NULL;
    lc->nregs[r] = lc->nmaths[r] = 0;
    bool *assigned = arena_alloc(a, (size_t)fn->nregs + 1);
    for (int i = 0; i < fn->nblocks; i++) {
        const IrBlock *b = fn->blocks[i];
        for (int k = 0; comp[i] == c && k < b->count; k++) {
            if (b->instrs[k]->dst >= 0) {
                assigned[b->instrs[k]->dst] = true;
            }
        }
    }
    int *kind = arena_alloc(a, sizeof(int) * ((size_t)fn->nregs + 1));  // 3: both kinds
    for (int i = 0; i < fn->nblocks; i++) {
        const IrBlock *b = fn->blocks[i];
        for (int k = 0; comp[i] == c && k < b->count; k++) {
            const IrInstr *in = b->instrs[k];
            if (access_kind(fn, in) && !assigned[in->args[0]]) {
                kind[in->args[0]] |= access_kind(fn, in);
            } else if (in->op == IR_MATH_INTACT) {
                add_unique(a, &lc->maths[r], &lc->nmaths[r], in->aux);
            }
        }
    }
    for (int reg = 0; reg < fn->nregs; reg++) {
        if (kind[reg] == 1 || kind[reg] == 2) {
            add_unique(a, &lc->regs[r], &lc->nregs[r], reg);
        }
    }
    lc->ints[r] = arena_alloc(a, (size_t)lc->nregs[r] + 1);
    for (int i = 0; i < lc->nregs[r]; i++) {
        lc->ints[r][i] = kind[lc->regs[r][i]] == 2;
    }
    // After a call the cached version checks every cache (a call is cheap, and does not
    // usually touch the lists): not worth it when the loop calls about as often as it accesses.
    int accesses = 0, calls = 0;
    for (int i = 0; i < fn->nblocks; i++) {
        const IrBlock *b = fn->blocks[i];
        for (int k = 0; comp[i] == c && k < b->count; k++) {
            const IrInstr *in = b->instrs[k];
            accesses += access_kind(fn, in) && !assigned[in->args[0]];
            calls += in->op == IR_CALL || in->op == IR_CALL_EXT;
        }
    }
    return lc->nregs[r] > 0 && accesses > 2 * calls;
}

// The kind of items loop r caches for 'reg' (as access_kind), 0 when it does not cache it.
static int region_caches(const IrLoopCaches *lc, int r, int reg) {
    for (int i = 0; i < lc->nregs[r]; i++) {
        if (lc->regs[r][i] == reg) {
            return lc->ints[r][i] ? 2 : 1;
        }
    }
    return 0;
}

// How the backend emits instruction 'in' of region r ('small': its bits there).
static IrCacheUse instr_use(const IrFunc *fn, const IrLoopCaches *lc, int r, const IrInstr *in,
                            unsigned small) {
    switch (in->op) {
    case IR_LIST_GET:
    case IR_LIST_SET:
    case IR_LIST_AUG:
    case IR_LIST_LEN:
    case IR_LIST_IS_FLOATS:
        if (region_caches(lc, r, in->args[0])
            && (access_kind(fn, in) == region_caches(lc, r, in->args[0])
                || in->op == IR_LIST_LEN || in->op == IR_LIST_IS_FLOATS)) {
            return CACHE_HIT;
        }
        if (in->op == IR_LIST_IS_FLOATS) {
            return CACHE_KEEP;
        }
        // A read (or len) runs code only for a subclass; a store may release an object item.
        return in->op == IR_LIST_GET || in->op == IR_LIST_LEN ? CACHE_REFRESH_SUBCLASS
                                                               : CACHE_REFRESH;
    case IR_MATH_INTACT:
        return CACHE_HIT;
    case IR_INT_BINARY:
    case IR_INT_UNARY:
        if (small & IR_SMALL_RESULT) {  // pass_small: no big int in or out
            return CACHE_KEEP;
        }
        return CACHE_REFRESH_BIG;  // only a big int allocates
    case IR_INT_TRUEDIV:
        return CACHE_REFRESH_BIG;
    default:
        return keeps_caches(fn, in) ? CACHE_KEEP : CACHE_REFRESH;
    }
}

// The small bits of each instruction in the cached versions (pass_small's elsewhere). There a
// cached list is an exact list (checked on entry), and a list object's type never changes: if
// the register holds the same object in the whole function (a parameter never assigned, or a
// local assigned once outside every loop), every len() of it was an exact list's length.
static void small_bits(const IrFunc *fn, Arena *a, const int *comp, const bool *looping,
                       IrLoopCaches *lc) {
    int n = fn->nblocks;
    lc->small = arena_alloc(a, sizeof(unsigned *) * (size_t)n);
    for (int i = 0; i < n; i++) {
        const IrBlock *b = fn->blocks[i];
        lc->small[i] = arena_alloc(a, sizeof(unsigned) * (size_t)(b->count + 1));
        for (int k = 0; k < b->count; k++) {
            lc->small[i][k] = b->instrs[k]->small;
        }
    }
    int *defs = arena_alloc(a, sizeof(int) * (size_t)(fn->nregs + 1));
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < fn->blocks[i]->count; k++) {
            int d = fn->blocks[i]->instrs[k]->dst;
            if (d >= 0) {
                defs[d] += looping[comp[i]] ? 2 : 1;
            }
        }
    }
    for (int r = 0; r < lc->nregions; r++) {
        bool *exact = arena_alloc(a, (size_t)fn->nregs + 1);
        bool any = false;
        for (int i = 0; i < lc->nregs[r]; i++) {
            int reg = lc->regs[r][i];
            exact[reg] = defs[reg] <= 1;
            any |= exact[reg];
        }
        if (!any) {
            continue;
        }
        unsigned **bits = ir_small_bits(fn, exact, a);
        for (int i = 0; i < n; i++) {
            for (int k = 0; lc->region[i] == r && k < fn->blocks[i]->count; k++) {
                lc->small[i][k] = bits[i][k];
            }
        }
    }
}

IrLoopCaches *ir_loop_caches(const IrFunc *fn, Arena *a) {
    if (fn->is_gen_resume || fn->nblocks == 0) {
        return NULL;  // a resume function's locals do not survive a yield
    }
    int n = fn->nblocks;
    int *comp = arena_alloc(a, sizeof(int) * (size_t)n);
    int ncomp = components(fn, a, comp);
    const bool *looping = loop_components(fn, a, comp, ncomp);
    IrLoopCaches *lc = arena_alloc(a, sizeof *lc);
    lc->region = arena_alloc(a, sizeof(int) * (size_t)n);
    lc->regs = arena_alloc(a, sizeof(int *) * (size_t)ncomp);
    lc->nregs = arena_alloc(a, sizeof(int) * (size_t)ncomp);
    lc->ints = arena_alloc(a, sizeof(bool *) * (size_t)ncomp);
    lc->maths = arena_alloc(a, sizeof(int *) * (size_t)ncomp);
    lc->nmaths = arena_alloc(a, sizeof(int) * (size_t)ncomp);
    int *region_of = arena_alloc(a, sizeof(int) * (size_t)ncomp);
    int *size = arena_alloc(a, sizeof(int) * (size_t)ncomp);
    for (int i = 0; i < n; i++) {
        size[comp[i]] += fn->blocks[i]->count;
    }
    for (int c = 0; c < ncomp; c++) {
        region_of[c] = -1;
        if (size[c] <= MAX_LOOP_INSTRS && looping[c]
            && find_caches(fn, a, comp, c, lc, lc->nregions)) {
            region_of[c] = lc->nregions++;
        }
    }
    if (lc->nregions == 0) {
        return NULL;
    }
    lc->cached = arena_alloc(a, (size_t)fn->nregs + 1);
    for (int r = 0; r < lc->nregions; r++) {
        for (int i = 0; i < lc->nregs[r]; i++) {
            lc->cached[lc->regs[r][i]] = true;
        }
    }
    lc->use = arena_alloc(a, sizeof(IrCacheUse *) * (size_t)n);
    for (int i = 0; i < n; i++) {
        lc->region[i] = region_of[comp[i]];
    }
    small_bits(fn, a, comp, looping, lc);
    for (int i = 0; i < n; i++) {
        const IrBlock *b = fn->blocks[i];
        int r = lc->region[i];
        lc->use[i] = arena_alloc(a, sizeof(IrCacheUse) * (size_t)b->count);
        for (int k = 0; r >= 0 && k < b->count; k++) {
            lc->use[i][k] = instr_use(fn, lc, r, b->instrs[k], lc->small[i][k]);
        }
    }
    return lc;
}
