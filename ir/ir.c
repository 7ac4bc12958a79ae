// ir.c: builders for the IR of ir.h — modules, functions, registers, blocks and instructions —
// and the facts ir_ops.def declares about each op. All memory comes from the module's arena;
// arrays grow by doubling with arena_realloc.
#include "ir.h"

#include <string.h>

const char *const ir_op_names[IR__COUNT] = {
#define IR_OP(name, nargs, raises) #name,
#include "ir_ops.def"
#undef IR_OP
};

static const int op_nargs[IR__COUNT] = {
#define IR_OP(name, nargs, raises) nargs,
#include "ir_ops.def"
#undef IR_OP
};

static const bool op_raises[IR__COUNT] = {
#define IR_OP(name, nargs, raises) raises,
#include "ir_ops.def"
#undef IR_OP
};

int ir_op_nargs(IrOp op) { return op_nargs[op]; }
bool ir_op_raises(IrOp op) { return op_raises[op]; }
bool ir_op_is_terminator(IrOp op) { return op >= IR_JUMP; }

bool ir_instr_raises(const IrFunc *fn, const IrInstr *in) {
    switch (in->op) {
    case IR_FLOAT_BINARY:
        return in->aux != BIN_ADD && in->aux != BIN_SUB && in->aux != BIN_MUL;
    case IR_BOX:
        return fn->regs[in->args[0]].rep == REP_FLOAT;
    case IR_TRUTH:
        return fn->regs[in->args[0]].rep == REP_OBJ;
    case IR_INT_BINARY:
    case IR_INT_UNARY:
        return !(in->small & IR_SMALL_RESULT);
    default:
        return ir_op_raises(in->op);
    }
}

// Grows the array '*items' (of 'size'-byte elements, '*cap' allocated) to hold one more.
static void *grow(Arena *a, void *items, int count, int *cap, size_t size) {
    if (count < *cap) {
        return items;
    }
    int ncap = *cap ? *cap * 2 : 8;
    items = arena_realloc(a, items, (size_t)*cap * size, (size_t)ncap * size);
    *cap = ncap;
    return items;
}

IrModule *ir_module_new(Arena *a, Interner *in, const char *path, const char *name) {
    IrModule *m = arena_alloc(a, sizeof *m);
    m->arena = a;
    m->in = in;
    m->types = ty_ctx_new(a);
    m->path = path;
    m->name = name;
    return m;
}

IrFunc *ir_func_new(IrModule *m, Name name, const char *cname) {
    IrFunc *fn = arena_alloc(m->arena, sizeof *fn);
    fn->mod = m;
    fn->name = name;
    fn->cname = cname;
    fn->ret_ty = ty_prim(TY_NONE);
    fn->ret_rep = REP_OBJ;
    m->funcs = grow(m->arena, m->funcs, m->nfuncs, &m->funcs_cap, sizeof *m->funcs);
    m->funcs[m->nfuncs++] = fn;
    return fn;
}

int ir_global_find(const IrModule *m, Name name) {
    for (int i = 0; i < m->nglobals; i++) {
        if (m->globals[i].name == name) {
            return i;
        }
    }
    return -1;
}

int ir_global_add(IrModule *m, Name name, const Ty *ty) {
    m->globals = grow(m->arena, m->globals, m->nglobals, &m->globals_cap, sizeof *m->globals);
    m->globals[m->nglobals].name = name;
    m->globals[m->nglobals].ty = ty;
    return m->nglobals++;
}

IrConst *ir_const_new(IrModule *m, IrConstKind kind) {
    IrConst *c = arena_alloc(m->arena, sizeof *c);
    c->kind = kind;
    c->id = -1;
    if (kind == IRC_STR || kind == IRC_BIGINT || kind == IRC_BYTES || kind == IRC_COMPLEX) {
        m->consts = grow(m->arena, m->consts, m->nconsts, &m->consts_cap, sizeof *m->consts);
        c->id = m->nconsts;
        m->consts[m->nconsts++] = c;
    }
    return c;
}

int ir_reg_new(IrFunc *fn, const Ty *ty, Name name) {
    fn->regs = grow(fn->mod->arena, fn->regs, fn->nregs, &fn->regs_cap, sizeof *fn->regs);
    IrReg *r = &fn->regs[fn->nregs];
    r->ty = ty;
    r->rep = ty_rep(ty);
    r->name = name;
    r->is_param = false;
    return fn->nregs++;
}

IrBlock *ir_block_new(IrFunc *fn) {
    IrBlock *b = arena_alloc(fn->mod->arena, sizeof *b);
    fn->blocks = grow(fn->mod->arena, fn->blocks, fn->nblocks, &fn->blocks_cap, sizeof *fn->blocks);
    b->id = fn->nblocks;
    fn->blocks[fn->nblocks++] = b;
    return b;
}

IrInstr *ir_instr_new(IrFunc *fn, IrOp op, int dst, int nargs, int line) {
    IrInstr *in = arena_alloc(fn->mod->arena, sizeof *in);
    in->op = op;
    in->dst = dst;
    in->nargs = nargs;
    in->args = nargs ? arena_alloc(fn->mod->arena, sizeof(int) * (size_t)nargs) : NULL;
    in->line = line;
    return in;
}

static void block_reserve(Arena *a, IrBlock *b) {
    b->instrs = grow(a, b->instrs, b->count, &b->cap, sizeof *b->instrs);
}

void ir_append(IrFunc *fn, IrBlock *b, IrInstr *in) {
    block_reserve(fn->mod->arena, b);
    b->instrs[b->count++] = in;
}

void ir_insert(IrFunc *fn, IrBlock *b, int pos, IrInstr *in) {
    block_reserve(fn->mod->arena, b);
    memmove(&b->instrs[pos + 1], &b->instrs[pos], sizeof *b->instrs * (size_t)(b->count - pos));
    b->instrs[pos] = in;
    b->count++;
}

IrInstr *ir_terminator(const IrBlock *b) {
    if (b->count == 0 || !ir_op_is_terminator(b->instrs[b->count - 1]->op)) {
        return NULL;
    }
    return b->instrs[b->count - 1];
}

const IrBuiltin ir_builtins[] = {
    {"abs", 1, 1, IRB_FIXED, TY_DYN, "kr_builtin_abs", NULL},
    {"all", 1, 1, IRB_FIXED, TY_DYN, "kr_builtin_all", NULL},
    {"any", 1, 1, IRB_FIXED, TY_DYN, "kr_builtin_any", NULL},
    {"ascii", 1, 1, IRB_FIXED, TY_STR, "kr_builtin_ascii", NULL},
    {"bin", 1, 1, IRB_FIXED, TY_STR, "kr_builtin_bin", NULL},
    {"callable", 1, 1, IRB_FIXED, TY_DYN, "kr_builtin_callable", NULL},
    {"chr", 1, 1, IRB_FIXED, TY_STR, "kr_builtin_chr", NULL},
    {"divmod", 2, 2, IRB_FIXED, TY_DYN, "kr_builtin_divmod", NULL},
    {"format", 1, 2, IRB_FIXED, TY_STR, "kr_builtin_format", "0"},
    {"getattr", 2, 3, IRB_FIXED, TY_DYN, "kr_builtin_getattr", "0"},
    {"hasattr", 2, 2, IRB_FIXED, TY_DYN, "kr_builtin_hasattr", NULL},
    {"hash", 1, 1, IRB_FIXED, TY_INT, "kr_builtin_hash", NULL},
    {"hex", 1, 1, IRB_FIXED, TY_STR, "kr_builtin_hex", NULL},
    {"id", 1, 1, IRB_FIXED, TY_INT, "kr_builtin_id", NULL},
    {"isinstance", 2, 2, IRB_STATUS, TY_BOOL, "kr_builtin_isinstance", NULL},
    {"issubclass", 2, 2, IRB_STATUS, TY_BOOL, "kr_builtin_issubclass", NULL},
    {"iter", 1, 2, IRB_FIXED, TY_DYN, "kr_builtin_iter", "0"},
    {"len", 1, 1, IRB_FIXED, TY_INT, "kr_builtin_len", NULL},
    {"max", 1, 8, IRB_VECTOR, TY_DYN, "kr_builtin_max", NULL},
    {"min", 1, 8, IRB_VECTOR, TY_DYN, "kr_builtin_min", NULL},
    {"next", 1, 2, IRB_FIXED, TY_DYN, "kr_builtin_next", "0"},
    {"oct", 1, 1, IRB_FIXED, TY_STR, "kr_builtin_oct", NULL},
    {"ord", 1, 1, IRB_FIXED, TY_INT, "kr_builtin_ord", NULL},
    {"pow", 2, 3, IRB_FIXED, TY_DYN, "kr_builtin_pow", "KR_NONE"},
    {"repr", 1, 1, IRB_FIXED, TY_STR, "kr_builtin_repr", NULL},
    {"round", 1, 2, IRB_FIXED, TY_DYN, "kr_builtin_round", "KR_NONE"},
    {"sorted", 1, 1, IRB_SORTED, TY_LIST, "kr_builtin_sorted", NULL},
    {"str", 0, 1, IRB_FIXED, TY_STR, "kr_builtin_str", "0"},
    {"sum", 1, 2, IRB_FIXED, TY_DYN, "kr_builtin_sum", "0"},
    {"dict", 0, 1, IRB_TYPE, TY_DICT, "dict", NULL},
    {"enumerate", 1, 2, IRB_TYPE, TY_DYN, "enumerate", NULL},
    {"list", 0, 1, IRB_TYPE, TY_LIST, "list", NULL},
    {"range", 1, 3, IRB_TYPE, TY_DYN, "range", NULL},
    {"reversed", 1, 1, IRB_TYPE, TY_DYN, "reversed", NULL},
    {"set", 0, 1, IRB_TYPE, TY_SET, "set", NULL},
    {"tuple", 0, 1, IRB_TYPE, TY_DYN, "tuple", NULL},
    {"zip", 0, 8, IRB_TYPE, TY_DYN, "zip", NULL},
    {NULL, 0, 0, IRB_FIXED, TY_DYN, NULL, NULL},
};

int ir_builtin_find(const char *name, int nargs) {
    for (int i = 0; ir_builtins[i].name; i++) {
        if (strcmp(ir_builtins[i].name, name) == 0) {
            return nargs >= ir_builtins[i].min && nargs <= ir_builtins[i].max ? i : -1;
        }
    }
    return -1;
}

static void reach(IrBlock *b, bool *seen) {
    if (seen[b->id]) {
        return;
    }
    seen[b->id] = true;
    for (int k = 0; k < b->count; k++) {
        const IrInstr *in = b->instrs[k];
        if (in->err) {
            reach(in->err, seen);
        }
        for (int t = 0; t < 2; t++) {
            if (in->target[t]) {
                reach(in->target[t], seen);
            }
        }
    }
}

void ir_keep_blocks(IrFunc *fn, const bool *keep) {
    int n = 0;
    for (int i = 0; i < fn->nblocks; i++) {
        if (keep[i]) {
            fn->blocks[i]->id = n;
            fn->blocks[n++] = fn->blocks[i];
        }
    }
    fn->nblocks = n;
}

void ir_drop_unreached(IrFunc *fn) {
    bool *seen = arena_alloc(fn->mod->arena, (size_t)fn->nblocks + 1);
    reach(fn->blocks[0], seen);
    if (fn->unwind) {
        seen[fn->unwind->id] = true;
    }
    ir_keep_blocks(fn, seen);
}

// Steps 'live' (after 'in') back to before it.
static void live_step(const IrInstr *in, uint64_t *const *live, uint64_t *set, int words) {
    if (in->dst >= 0) {
        set[in->dst / 64] &= ~(1ULL << (in->dst % 64));
    }
    for (int t = 0; t < 2; t++) {
        for (int w = 0; in->target[t] && w < words; w++) {
            set[w] |= live[in->target[t]->id][w];
        }
    }
    for (int w = 0; in->err && w < words; w++) {
        set[w] |= live[in->err->id][w];
    }
    for (int i = 0; i < in->nargs; i++) {
        if (in->args[i] >= 0) {
            set[in->args[i] / 64] |= 1ULL << (in->args[i] % 64);
        }
    }
}

void ir_live_at(const IrFunc *fn, uint64_t *const *live, const IrBlock *b, int k, uint64_t *out) {
    int words = IR_LIVE_WORDS(fn);
    memset(out, 0, sizeof(uint64_t) * (size_t)words);
    for (int j = b->count - 1; j >= k; j--) {
        live_step(b->instrs[j], live, out, words);
    }
}

uint64_t **ir_liveness(const IrFunc *fn, Arena *a) {
    int words = IR_LIVE_WORDS(fn);
    uint64_t **live = arena_alloc(a, sizeof(uint64_t *) * (size_t)(fn->nblocks + 1));
    for (int i = 0; i < fn->nblocks; i++) {
        live[i] = arena_alloc(a, sizeof(uint64_t) * (size_t)(words + 1));
    }
    uint64_t *set = arena_alloc(a, sizeof(uint64_t) * (size_t)(words + 1));
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = fn->nblocks - 1; i >= 0; i--) {
            ir_live_at(fn, live, fn->blocks[i], 0, set);
            if (memcmp(set, live[i], sizeof(uint64_t) * (size_t)words) != 0) {
                memcpy(live[i], set, sizeof(uint64_t) * (size_t)words);
                changed = true;
            }
        }
    }
    return live;
}

// The successors of block 'b' (jump and branch targets, error edges) into 'out' (room for
// 2 + b->count); returns their count. Repeats are harmless.
static int successors(const IrBlock *b, int *out) {
    int n = 0;
    for (int k = 0; k < b->count; k++) {
        const IrInstr *in = b->instrs[k];
        if (in->err) {
            out[n++] = in->err->id;
        }
        for (int t = 0; t < 2; t++) {
            if (in->target[t]) {
                out[n++] = in->target[t]->id;
            }
        }
    }
    return n;
}

// Cooper, Harvey and Kennedy's "A Simple, Fast Dominance Algorithm": immediate dominators
// over blocks in reverse postorder, iterated to a fixpoint.
int *ir_dominators(const IrFunc *fn, Arena *a) {
    int n = fn->nblocks;
    int *idom = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    int *order = arena_alloc(a, sizeof(int) * (size_t)(n + 1));  // rpo number per block
    int *rpo = arena_alloc(a, sizeof(int) * (size_t)(n + 1));    // blocks in reverse postorder
    int **succ = arena_alloc(a, sizeof(int *) * (size_t)(n + 1));
    int *nsucc = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    int *npred = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        succ[i] = arena_alloc(a, sizeof(int) * (size_t)(fn->blocks[i]->count + 2));
        nsucc[i] = successors(fn->blocks[i], succ[i]);
        for (int j = 0; j < nsucc[i]; j++) {
            npred[succ[i][j]]++;
        }
        idom[i] = -1;
        order[i] = -1;
    }
    int **pred = arena_alloc(a, sizeof(int *) * (size_t)(n + 1));
    int *np = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        pred[i] = arena_alloc(a, sizeof(int) * (size_t)(npred[i] + 1));
    }
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < nsucc[i]; j++) {
            pred[succ[i][j]][np[succ[i][j]]++] = i;
        }
    }
    // Postorder by an explicit stack (block, next successor to visit).
    int *stack = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    int *next = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    bool *seen = arena_alloc(a, (size_t)n + 1);
    int sp = 0, count = 0;
    if (n > 0) {
        stack[sp++] = 0;
        seen[0] = true;
    }
    while (sp > 0) {
        int b = stack[sp - 1];
        if (next[b] < nsucc[b]) {
            int t = succ[b][next[b]++];
            if (!seen[t]) {
                seen[t] = true;
                stack[sp++] = t;
            }
            continue;
        }
        sp--;
        rpo[n - 1 - count++] = b;
    }
    int first = n - count;  // rpo[first..n) are the reachable blocks, the entry first
    for (int i = first; i < n; i++) {
        order[rpo[i]] = i;
    }
    if (count > 0) {
        idom[0] = 0;
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = first + 1; i < n; i++) {
            int b = rpo[i], d = -1;
            for (int j = 0; j < np[b]; j++) {
                int p = pred[b][j];
                if (idom[p] < 0) {
                    continue;  // not processed yet (or unreachable)
                }
                if (d < 0) {
                    d = p;
                    continue;
                }
                int x = p, y = d;
                while (x != y) {
                    while (order[x] > order[y]) {
                        x = idom[x];
                    }
                    while (order[y] > order[x]) {
                        y = idom[y];
                    }
                }
                d = x;
            }
            if (d != idom[b]) {
                idom[b] = d;
                changed = true;
            }
        }
    }
    return idom;
}

bool ir_dominates(const int *idom, int a, int b) {
    if (idom[b] < 0) {
        return false;
    }
    while (b != a && idom[b] != b) {
        b = idom[b];
    }
    return b == a;
}
