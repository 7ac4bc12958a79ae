// pass_hoist.c: loop caches of list storage (an analysis the backend reads; the IR is not
// changed). A loop is a strongly connected set of blocks (by jumps and branches). In a loop,
// a list register that the loop never assigns and reads or writes as floats (LIST_GET into a
// float, LIST_SET of a float, LIST_AUG) gets a cache of two C locals: its items and its length
// when it is an exact KR_LIST_FLOATS list, length 0 otherwise (so every access misses and takes
// the generic path). The globals MATH_INTACT reads in the loop get a cached bool as well. The
// caches are filled ("refreshed") on every edge into the loop, at the start of every loop block
// an error edge goes to, and after every instruction in the loop that may run Python code, free
// an object or allocate (an allocation may run finalizers, which may resize or refill a list
// or replace a module attribute): calls, object operations, a big int's arithmetic, a generic
// access that missed the cache. Between two refreshes only instructions that cannot change a
// list's type, strategy, length or storage run, and the cached accesses only read and write
// raw doubles in place, so the cache stays exact and a hit behaves as the inline fast path.
// A register not assigned in the loop is read somewhere in it, so it is live (holds a list or
// is unbound) wherever the loop refreshes.
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
    case IR_TRUTH:
    case IR_DECREF:
    case IR_XDECREF:
        return fn->regs[in->args[0]].rep != REP_OBJ;  // an int releases no Python code
    default:
        return ir_op_is_terminator(in->op);
    }
}

// Whether 'in' accesses the floats of list args[0] (what a cache serves fastest).
static bool float_access(const IrFunc *fn, const IrInstr *in) {
    switch (in->op) {
    case IR_LIST_GET:
        return fn->regs[in->dst].rep == REP_FLOAT;
    case IR_LIST_SET:
        return fn->regs[in->args[2]].rep == REP_FLOAT;
    case IR_LIST_AUG:
        return true;
    default:
        return false;
    }
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

// Whether component c (blocks with comp c) has a cycle: two blocks, or a block jumping to itself.
static bool is_loop(const IrFunc *fn, const int *comp, int c) {
    int size = 0;
    for (int i = 0; i < fn->nblocks; i++) {
        if (comp[i] == c) {
            const IrInstr *t = ir_terminator(fn->blocks[i]);
            if (++size > 1 || t->target[0] == fn->blocks[i] || t->target[1] == fn->blocks[i]) {
                return true;
            }
        }
    }
    return false;
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
    for (int i = 0; i < fn->nblocks; i++) {
        const IrBlock *b = fn->blocks[i];
        for (int k = 0; comp[i] == c && k < b->count; k++) {
            const IrInstr *in = b->instrs[k];
            if (float_access(fn, in) && !assigned[in->args[0]]) {
                add_unique(a, &lc->regs[r], &lc->nregs[r], in->args[0]);
            } else if (in->op == IR_MATH_INTACT) {
                add_unique(a, &lc->maths[r], &lc->nmaths[r], in->aux);
            }
        }
    }
    return lc->nregs[r] > 0;
}

static bool region_caches(const IrLoopCaches *lc, int r, int reg) {
    for (int i = 0; i < lc->nregs[r]; i++) {
        if (lc->regs[r][i] == reg) {
            return true;
        }
    }
    return false;
}

// How the backend emits instruction 'in' of region r.
static IrCacheUse instr_use(const IrFunc *fn, const IrLoopCaches *lc, int r, const IrInstr *in) {
    switch (in->op) {
    case IR_LIST_GET:
    case IR_LIST_SET:
    case IR_LIST_AUG:
    case IR_LIST_LEN:
    case IR_LIST_IS_FLOATS:
        if (region_caches(lc, r, in->args[0])
            && (float_access(fn, in) || in->op == IR_LIST_LEN || in->op == IR_LIST_IS_FLOATS)) {
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
    case IR_INT_TRUEDIV:
        return CACHE_REFRESH_BIG;  // only a big int allocates
    default:
        return keeps_caches(fn, in) ? CACHE_KEEP : CACHE_REFRESH;
    }
}

IrLoopCaches *ir_loop_caches(const IrFunc *fn, Arena *a) {
    if (fn->is_gen_resume || fn->nblocks == 0) {
        return NULL;  // a resume function's locals do not survive a yield
    }
    int n = fn->nblocks;
    int *comp = arena_alloc(a, sizeof(int) * (size_t)n);
    int ncomp = components(fn, a, comp);
    IrLoopCaches *lc = arena_alloc(a, sizeof *lc);
    lc->region = arena_alloc(a, sizeof(int) * (size_t)n);
    lc->regs = arena_alloc(a, sizeof(int *) * (size_t)ncomp);
    lc->nregs = arena_alloc(a, sizeof(int) * (size_t)ncomp);
    lc->maths = arena_alloc(a, sizeof(int *) * (size_t)ncomp);
    lc->nmaths = arena_alloc(a, sizeof(int) * (size_t)ncomp);
    int *region_of = arena_alloc(a, sizeof(int) * (size_t)ncomp);
    int *size = arena_alloc(a, sizeof(int) * (size_t)ncomp);
    for (int i = 0; i < n; i++) {
        size[comp[i]] += fn->blocks[i]->count;
    }
    for (int c = 0; c < ncomp; c++) {
        region_of[c] = -1;
        if (size[c] <= MAX_LOOP_INSTRS && is_loop(fn, comp, c)
            && find_caches(fn, a, comp, c, lc, lc->nregions)) {
            region_of[c] = lc->nregions++;
        }
    }
    if (lc->nregions == 0) {
        return NULL;
    }
    lc->cached = arena_alloc(a, (size_t)fn->nregs + 1);
    lc->cached_math = arena_alloc(a, (size_t)fn->mod->nglobals + 1);
    for (int r = 0; r < lc->nregions; r++) {
        for (int i = 0; i < lc->nregs[r]; i++) {
            lc->cached[lc->regs[r][i]] = true;
        }
        for (int i = 0; i < lc->nmaths[r]; i++) {
            lc->cached_math[lc->maths[r][i]] = true;
        }
    }
    lc->use = arena_alloc(a, sizeof(IrCacheUse *) * (size_t)n);
    lc->resume = arena_alloc(a, sizeof(bool *) * (size_t)n);
    for (int i = 0; i < n; i++) {
        lc->region[i] = region_of[comp[i]];
    }
    for (int i = 0; i < n; i++) {
        const IrBlock *b = fn->blocks[i];
        int r = lc->region[i];
        lc->use[i] = arena_alloc(a, sizeof(IrCacheUse) * (size_t)b->count);
        lc->resume[i] = arena_alloc(a, (size_t)b->count + 1);
        for (int k = 0; r >= 0 && k < b->count; k++) {
            IrCacheUse u = instr_use(fn, lc, r, b->instrs[k]);
            lc->use[i][k] = u;
            bool leaves = u == CACHE_HIT ? float_access(fn, b->instrs[k]) : u != CACHE_KEEP;
            lc->resume[i][k + 1] |= leaves && k + 1 < b->count;
        }
    }
    return lc;
}
