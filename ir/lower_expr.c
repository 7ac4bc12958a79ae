// lower_expr.c: AST → IR for expressions — constants, arithmetic, comparisons, and/or/not,
// conditional expressions, f-strings and calls of print() and of module-level functions — and
// lower_cond, which branches on a condition without materialising its value. Each function
// lowers one expression into a fresh register (see lower_internal.h).
#include "lower_internal.h"

#include <assert.h>
#include <string.h>

// ---------------------------------------------------------------------------------------------
// Constants

// Whether 'v' fits a tagged small int (63 bits).
static bool fits_small(int64_t v) { return v >= -((int64_t)1 << 62) && v < ((int64_t)1 << 62); }

int lower_constant(Lower *l, const AstNode *e) {
    const AstConst *c = &e->u.Constant.value;
    IrConst *k;
    switch (c->kind) {
    case CONST_NONE:
        return lower_const_none(l, e);
    case CONST_TRUE:
    case CONST_FALSE: {
        int r = lower_const_reg(l, IRC_BOOL, ty_prim(TY_BOOL), e, &k);
        k->i = c->kind == CONST_TRUE;
        return r;
    }
    case CONST_INT:
        if (!c->u.i.digits && fits_small(c->u.i.small)) {
            return lower_const_int(l, c->u.i.small, e);
        }
        int r = lower_const_reg(l, IRC_BIGINT, ty_prim(TY_INT), e, &k);
        k->s = c->u.i.digits ? c->u.i.digits
                             : arena_printf(l->arena, "%lld", (long long)c->u.i.small);
        k->len = strlen(k->s);
        return r;
    case CONST_FLOAT: {
        int r = lower_const_reg(l, IRC_FLOAT, ty_prim(TY_FLOAT), e, &k);
        k->f = c->u.f;
        return r;
    }
    case CONST_STR:
        return lower_const_str(l, c->u.s.data, c->u.s.len, e);
    case CONST_BYTES: {
        int r = lower_const_reg(l, IRC_BYTES, ty_prim(TY_DYN), e, &k);
        k->s = c->u.s.data;
        k->len = c->u.s.len;
        return r;
    }
    case CONST_COMPLEX: {
        int r = lower_const_reg(l, IRC_COMPLEX, ty_prim(TY_DYN), e, &k);
        k->f = c->u.f;
        return r;
    }
    case CONST_ELLIPSIS:
        return lower_const_reg(l, IRC_ELLIPSIS, ty_prim(TY_DYN), e, &k);
    }
    return lower_const_none(l, e);
}

// ---------------------------------------------------------------------------------------------
// Operators

static int binop_of(AstOp op) {
    switch (op) {
    case AST_OP_Add: return BIN_ADD;
    case AST_OP_Sub: return BIN_SUB;
    case AST_OP_Mult: return BIN_MUL;
    case AST_OP_Div: return BIN_TRUEDIV;
    case AST_OP_FloorDiv: return BIN_FLOORDIV;
    case AST_OP_Mod: return BIN_MOD;
    case AST_OP_Pow: return BIN_POW;
    case AST_OP_LShift: return BIN_LSHIFT;
    case AST_OP_RShift: return BIN_RSHIFT;
    case AST_OP_BitAnd: return BIN_AND;
    case AST_OP_BitOr: return BIN_OR;
    case AST_OP_BitXor: return BIN_XOR;
    case AST_OP_MatMult: return BIN_MATMUL;
    default: return -1;
    }
}

// 'a op b' with 'a' and 'b' already lowered; 'ty' is the result type from the table.
int lower_binary(Lower *l, AstOp op, int a, int b, const Ty *ty, const AstNode *at) {
    int bop = binop_of(op);
    assert(bop >= 0);
    if (ty->kind == TY_INT) {
        return lower_emit2(l, IR_INT_BINARY, ty, lower_as_int(l, a, at), lower_as_int(l, b, at),
                           bop, at);
    }
    bool ints = ty_rep(lower_reg_ty(l, a)) != REP_FLOAT && ty_rep(lower_reg_ty(l, b)) != REP_FLOAT;
    if (ty->kind == TY_FLOAT && bop == BIN_TRUEDIV && ints) {
        return lower_emit2(l, IR_INT_TRUEDIV, ty, lower_as_int(l, a, at), lower_as_int(l, b, at),
                           0, at);
    }
    if (ty->kind == TY_FLOAT) {
        return lower_emit2(l, IR_FLOAT_BINARY, ty, lower_as_float(l, a, at),
                           lower_as_float(l, b, at), bop, at);
    }
    return lower_emit2(l, IR_OBJ_BINARY, ty, lower_box(l, a, at), lower_box(l, b, at), bop, at);
}

int lower_binop(Lower *l, const AstNode *e) {
    int a = lower_expr(l, e->u.BinOp.left);
    int b = lower_expr(l, e->u.BinOp.right);
    return lower_binary(l, e->u.BinOp.op, a, b, e->ty, e);
}

int lower_unary(Lower *l, const AstNode *e) {
    AstOp op = e->u.UnaryOp.op;
    int a = lower_expr(l, e->u.UnaryOp.operand);
    if (op == AST_OP_Not) {
        return lower_emit1(l, IR_NOT, ty_prim(TY_BOOL), lower_truth(l, a, e), 0, e);
    }
    int uop = op == AST_OP_USub ? UN_NEG : op == AST_OP_UAdd ? UN_POS : UN_INVERT;
    if (e->ty->kind == TY_INT) {
        a = lower_as_int(l, a, e);
        return uop == UN_POS ? a : lower_emit1(l, IR_INT_UNARY, e->ty, a, uop, e);
    }
    if (e->ty->kind == TY_FLOAT) {
        return uop == UN_POS ? a : lower_emit1(l, IR_FLOAT_UNARY, e->ty, a, uop, e);
    }
    return lower_emit1(l, IR_OBJ_UNARY, e->ty, lower_box(l, a, e), uop, e);
}

static int cmp_of(AstOp op) {
    switch (op) {
    case AST_OP_Lt: return CMP_LT;
    case AST_OP_LtE: return CMP_LE;
    case AST_OP_Eq: return CMP_EQ;
    case AST_OP_NotEq: return CMP_NE;
    case AST_OP_Gt: return CMP_GT;
    default: return CMP_GE;
    }
}

static int swapped(int cmp) {
    static const int swap[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};
    return swap[cmp];
}

// One comparison 'a op b': a bool when native, else an object.
static int compare_pair(Lower *l, AstOp op, int a, int b, const AstNode *at) {
    const Ty *ta = lower_reg_ty(l, a), *tb = lower_reg_ty(l, b);
    const Ty *tbool = ty_prim(TY_BOOL);
    if (op == AST_OP_In || op == AST_OP_NotIn) {
        return lower_contains(l, a, b, op == AST_OP_NotIn, at);
    }
    if (op == AST_OP_Is || op == AST_OP_IsNot) {
        return lower_emit2(l, IR_IS, tbool, lower_box(l, a, at), lower_box(l, b, at),
                           op == AST_OP_IsNot, at);
    }
    if (!infer_compare_is_native(op, ta, tb)) {
        return lower_emit2(l, IR_OBJ_COMPARE, ty_prim(TY_DYN), lower_box(l, a, at),
                           lower_box(l, b, at), cmp_of(op), at);
    }
    bool fa = ta->kind == TY_FLOAT, fb = tb->kind == TY_FLOAT;
    if (fa && fb) {
        return lower_emit2(l, IR_FLOAT_COMPARE, tbool, a, b, cmp_of(op), at);
    }
    if (fa || fb) {
        int f = fa ? a : b, i = lower_as_int(l, fa ? b : a, at);
        int cmp = fa ? cmp_of(op) : swapped(cmp_of(op));
        return lower_emit2(l, IR_FLOAT_INT_COMPARE, tbool, f, i, cmp, at);
    }
    return lower_emit2(l, IR_INT_COMPARE, tbool, lower_as_int(l, a, at), lower_as_int(l, b, at),
                       cmp_of(op), at);
}

// a < b < c: each operand evaluated once, stopping at the first false comparison; the value is
// that of the last comparison evaluated.
int lower_compare(Lower *l, const AstNode *e) {
    int left = lower_expr(l, e->u.Compare.left);
    int n = e->u.Compare.comparators.count;
    if (n == 1) {
        int right = lower_expr(l, e->u.Compare.comparators.items[0]);
        int r = compare_pair(l, e->u.Compare.ops.items[0], left, right, e);
        return lower_coerce(l, r, e->ty, e);
    }
    int res = lower_temp(l, e->ty);
    IrBlock *done = ir_block_new(l->fn);
    for (int i = 0; i < n; i++) {
        int right = lower_expr(l, e->u.Compare.comparators.items[i]);
        int r = compare_pair(l, e->u.Compare.ops.items[i], left, right, e);
        lower_move(l, res, lower_coerce(l, r, e->ty, e), e);
        if (i == n - 1) {
            break;
        }
        IrBlock *next = ir_block_new(l->fn);
        lower_branch(l, lower_truth(l, r, e), next, done, e);
        lower_start(l, next);
        left = right;
    }
    lower_jump(l, done);
    lower_start(l, done);
    return res;
}

// a and b / a or b: the first operand deciding the outcome is the value.
int lower_boolop(Lower *l, const AstNode *e) {
    int res = lower_temp(l, e->ty);
    IrBlock *done = ir_block_new(l->fn);
    bool is_and = e->u.BoolOp.op == AST_OP_And;
    const AstList *vals = &e->u.BoolOp.values;
    for (int i = 0; i < vals->count; i++) {
        int v = lower_expr(l, vals->items[i]);
        lower_move(l, res, lower_coerce(l, v, e->ty, e), e);
        if (i == vals->count - 1) {
            break;
        }
        IrBlock *next = ir_block_new(l->fn);
        int t = lower_truth(l, v, e);
        lower_branch(l, t, is_and ? next : done, is_and ? done : next, e);
        lower_start(l, next);
    }
    lower_jump(l, done);
    lower_start(l, done);
    return res;
}

int lower_ifexp(Lower *l, const AstNode *e) {
    int res = lower_temp(l, e->ty);
    IrBlock *yes = ir_block_new(l->fn), *no = ir_block_new(l->fn), *done = ir_block_new(l->fn);
    lower_branch(l, lower_truth(l, lower_expr(l, e->u.IfExp.test), e), yes, no, e);
    lower_start(l, yes);
    lower_move(l, res, lower_coerce(l, lower_expr(l, e->u.IfExp.body), e->ty, e), e);
    lower_jump(l, done);
    lower_start(l, no);
    lower_move(l, res, lower_coerce(l, lower_expr(l, e->u.IfExp.orelse), e->ty, e), e);
    lower_jump(l, done);
    lower_start(l, done);
    return res;
}

// (target := value): the value is stored, then is the expression's value. In a comprehension
// or generator expression the target is a variable of the enclosing function or module (the
// scope pass made it so), which lower_store_name finds: a local, a cell or a global.
int lower_namedexpr(Lower *l, const AstNode *e) {
    int v = lower_expr(l, e->u.NamedExpr.value);
    lower_store_name(l, e->u.NamedExpr.target->u.Name.id, v, e);
    return lower_coerce(l, v, e->ty, e);
}

// ---------------------------------------------------------------------------------------------
// f-strings

int lower_formatted(Lower *l, const AstNode *e) {
    int v = lower_box(l, lower_expr(l, e->u.FormattedValue.value), e);
    const AstNode *spec = e->u.FormattedValue.format_spec;
    int s = spec ? lower_expr(l, spec) : -1;
    int dst = lower_temp(l, ty_prim(TY_STR));
    IrInstr *in = lower_emit(l, IR_FORMAT, dst, spec ? 2 : 1, e);
    in->args[0] = v;
    if (spec) {
        in->args[1] = s;
    }
    in->aux = e->u.FormattedValue.conversion;
    return dst;
}

int lower_joined(Lower *l, const AstNode *e) {
    const AstList *vals = &e->u.JoinedStr.values;
    if (vals->count == 1 && vals->items[0]->kind == AST_Constant) {
        return lower_expr(l, vals->items[0]);
    }
    int *parts = arena_alloc(l->arena, sizeof(int) * (size_t)(vals->count + 1));
    for (int i = 0; i < vals->count; i++) {
        parts[i] = lower_expr(l, vals->items[i]);
    }
    int dst = lower_temp(l, ty_prim(TY_STR));
    IrInstr *in = lower_emit(l, IR_BUILD_STRING, dst, vals->count, e);
    memcpy(in->args, parts, sizeof(int) * (size_t)vals->count);
    return dst;
}

// ---------------------------------------------------------------------------------------------
// Calls

// Whether IR_PRINT can do this print() call: no '*'/'**' and no keywords but sep= and end=
// (any other call, file= or flush= say, goes through the builtin function object).
static bool print_is_simple(Lower *l, const AstNode *e) {
    const AstList *args = &e->u.Call.args, *kws = &e->u.Call.keywords;
    for (int i = 0; i < args->count; i++) {
        if (args->items[i]->kind == AST_Starred) {
            return false;
        }
    }
    for (int i = 0; i < kws->count; i++) {
        Name arg = kws->items[i]->u.keyword.arg;
        if (arg != l->n_sep && arg != l->n_end) {
            return false;
        }
    }
    return true;
}

static int lower_print(Lower *l, const AstNode *e) {
    const AstList *args = &e->u.Call.args, *kws = &e->u.Call.keywords;
    for (int i = 0; i < kws->count; i++) {
        Name arg = kws->items[i]->u.keyword.arg;
        if (!arg || (arg != l->n_sep && arg != l->n_end)) {
            // print(..., file=f, flush=True), print(**kw): the builtin print object.
            return lower_object_call(l, e);
        }
    }
    int n = args->count, sep = -1, end = -1;
    int *regs = arena_alloc(l->arena, sizeof(int) * (size_t)(n + 2));
    for (int i = 0; i < n; i++) {
        regs[i] = lower_box(l, lower_expr(l, args->items[i]), e);
    }
    for (int i = 0; i < kws->count; i++) {
        const AstNode *kw = kws->items[i];
        int v = lower_box(l, lower_expr(l, kw->u.keyword.value), e);
        if (kw->u.keyword.arg == l->n_sep) {
            sep = v;
        } else {
            end = v;
        }
    }
    IrInstr *in = lower_emit(l, IR_PRINT, -1, n + (sep >= 0) + (end >= 0), e);
    if (n > 0) {  // 'regs' is NULL for print() with no arguments
        memcpy(in->args, regs, sizeof(int) * (size_t)n);
    }
    if (sep >= 0) {
        in->args[n++] = sep;
    }
    if (end >= 0) {
        in->args[n++] = end;
    }
    in->aux = (sep >= 0 ? 1 : 0) | (end >= 0 ? 2 : 0);
    return lower_const_none(l, e);
}

// Where each argument of a call goes: 'out[i]' is the expression for parameter i (its default
// when not passed) and 'order' lists the parameters passed explicitly, in source order
// (positional, then keywords); returns how many, or -1 after reporting a mismatch.
static int match_args(const AstNode *e, IrFunc *callee, const AstNode **out, int *order) {
    const AstList *args = &e->u.Call.args, *kws = &e->u.Call.keywords;
    if (args->count > callee->nparams) {
        return -1;  // called through the function object: CPython's TypeError
    }
    int n = 0;
    for (int i = 0; i < args->count; i++) {
        out[i] = args->items[i];
        order[n++] = i;
    }
    for (int k = 0; k < kws->count; k++) {
        const AstNode *kw = kws->items[k];
        int i = 0;
        while (i < callee->nparams && callee->regs[callee->params[i]].name != kw->u.keyword.arg) {
            i++;
        }
        if (i == callee->nparams || out[i]) {
            return -1;
        }
        out[i] = kw->u.keyword.value;
        order[n++] = i;
    }
    for (int i = 0; i < callee->nparams; i++) {
        if (!out[i] && !(out[i] = callee->defaults[i])) {
            return -1;
        }
    }
    return n;
}

static int lower_user_call(Lower *l, const AstNode *e, int fi) {
    IrFunc *callee = l->m->funcs[fi];
    size_t np = (size_t)callee->nparams + 1;
    const AstNode **argv = arena_alloc(l->arena, sizeof(AstNode *) * np);
    int *order = arena_alloc(l->arena, sizeof(int) * np);
    int *regs = arena_alloc(l->arena, sizeof(int) * np);
    int n = match_args(e, callee, argv, order);
    if (n < 0) {
        return -1;
    }
    for (int i = 0; i < callee->nparams; i++) {
        regs[i] = -1;
    }
    for (int k = 0; k < n; k++) {
        regs[order[k]] = lower_expr(l, argv[order[k]]);
    }
    for (int i = 0; i < callee->nparams; i++) {
        int r = regs[i] >= 0 ? regs[i] : lower_expr(l, argv[i]);  // a default
        regs[i] = lower_coerce(l, r, callee->regs[callee->params[i]].ty, e);
    }
    int dst = lower_temp(l, callee->ret_ty);
    IrInstr *in = lower_emit(l, IR_CALL, dst, callee->nparams, e);
    if (callee->nparams > 0) {  // 'regs' is NULL for a function without parameters
        memcpy(in->args, regs, sizeof(int) * (size_t)callee->nparams);
    }
    in->aux = fi;
    return dst;
}

// f(args) of module function f whose name something else may bind (InferFunc.rebindable), or
// in a class body (where 'f' may be the class's own attribute): the name is read first (NameError while unbound), the arguments are evaluated once, in source
// order, then f's native entry is called directly while the name still holds f's own
// function object, and whatever it holds is called through the object protocol otherwise. The
// result is an object either way. -1 when the arguments do not bind as lower_user_call binds
// them (the call then goes through the object protocol only).
static int lower_guarded_call(Lower *l, const AstNode *e, int fi) {
    IrFunc *callee = l->m->funcs[fi];
    size_t np = (size_t)callee->nparams + 1;
    const AstNode **argv = arena_alloc(l->arena, sizeof(AstNode *) * np);
    int *order = arena_alloc(l->arena, sizeof(int) * np);
    int n = match_args(e, callee, argv, order);
    if (n < 0) {
        return -1;
    }
    const AstNode *f = e->u.Call.func;
    const AstList *kws = &e->u.Call.keywords;
    int fnv = lower_box(l, lower_expr(l, f), f);
    int *vals = arena_alloc(l->arena, sizeof(int) * (size_t)(n + 1));
    for (int k = 0; k < n; k++) {
        vals[k] = lower_expr(l, argv[order[k]]);
    }
    int res = lower_temp(l, ty_prim(TY_DYN));
    IrBlock *fast = ir_block_new(l->fn), *slow = ir_block_new(l->fn), *done = ir_block_new(l->fn);
    lower_branch(l, lower_emit1(l, IR_FUNC_IS, ty_prim(TY_BOOL), fnv, fi, e), fast, slow, e);
    lower_start(l, fast);
    int *regs = arena_alloc(l->arena, sizeof(int) * np);
    for (int i = 0; i < callee->nparams; i++) {
        regs[i] = -1;
    }
    for (int k = 0; k < n; k++) {
        regs[order[k]] = vals[k];
    }
    for (int i = 0; i < callee->nparams; i++) {
        int r = regs[i] >= 0 ? regs[i] : lower_expr(l, argv[i]);  // a constant default
        regs[i] = lower_coerce(l, r, callee->regs[callee->params[i]].ty, e);
    }
    int dst = lower_temp(l, callee->ret_ty);
    IrInstr *in = lower_emit(l, IR_CALL, dst, callee->nparams, e);
    if (callee->nparams > 0) {
        memcpy(in->args, regs, sizeof(int) * (size_t)callee->nparams);
    }
    in->aux = fi;
    lower_move(l, res, lower_box(l, dst, e), e);
    lower_jump(l, done);
    lower_start(l, slow);
    int nkw = kws->count;
    int *ops = arena_alloc(l->arena, sizeof(int) * (size_t)(1 + n + nkw));
    ops[0] = fnv;
    for (int k = 0; k < n; k++) {
        ops[1 + k] = lower_box(l, vals[k], e);
    }
    for (int k = 0; k < nkw; k++) {
        Name kw = kws->items[k]->u.keyword.arg;
        ops[1 + n + k] = lower_const_str(l, kw, strlen(kw), kws->items[k]);
    }
    int obj = lower_temp(l, ty_prim(TY_DYN));
    in = lower_emit(l, IR_CALL_OBJ, obj, 1 + n + nkw, e);
    memcpy(in->args, ops, sizeof(int) * (size_t)(1 + n + nkw));
    in->aux = nkw;
    lower_move(l, res, obj, e);
    lower_jump(l, done);
    lower_start(l, done);
    return lower_coerce(l, res, e->ty, e);
}

// The IrExtern of 'fn' (a function of module 'from'), added on first use.
static int extern_index(Lower *l, IrUnit *from, const InferFunc *fn) {
    const char *cname = ir_func_cname(l->arena, from->cname, fn->name);
    IrModule *m = l->m;
    for (int i = 0; i < m->nexterns; i++) {
        if (strcmp(m->externs[i].cname, cname) == 0) {
            return i;
        }
    }
    m->externs = arena_realloc(l->arena, m->externs, sizeof(IrExtern) * (size_t)m->nexterns,
                               sizeof(IrExtern) * (size_t)(m->nexterns + 1));
    IrExtern *x = &m->externs[m->nexterns];
    x->name = fn->name;
    x->cname = cname;
    x->slot = ir_global_cname(l->arena, from->cname, fn->name);
    x->nparams = fn->nparams;
    x->param_tys = arena_alloc(l->arena, sizeof(Ty *) * (size_t)(fn->nparams + 1));
    for (int i = 0; i < fn->nparams; i++) {
        x->param_tys[i] = fn->var_tys[i];
    }
    x->ret_ty = fn->ret_ty;
    return m->nexterns++;
}

// The call of imported function 'fn' (externs 'x') with the arguments of 'e'.
static int call_extern(Lower *l, const AstNode *e, const InferFunc *fn, int x) {
    const AstList *args = &e->u.Call.args;
    int *regs = arena_alloc(l->arena, sizeof(int) * (size_t)(args->count + 1));
    for (int i = 0; i < args->count; i++) {
        regs[i] = lower_coerce(l, lower_expr(l, args->items[i]), fn->var_tys[i], e);
    }
    int dst = lower_temp(l, fn->ret_ty);
    IrInstr *in = lower_emit(l, IR_CALL_EXT, dst, args->count, e);
    if (args->count > 0) {
        memcpy(in->args, regs, sizeof(int) * (size_t)args->count);
    }
    in->aux = x;
    return dst;
}

static InferFunc *callable_extern(Lower *l, IrUnit *from, Name name, const AstNode *e) {
    return ir_extern_callee(l->m->prog, l->m->unit, from, name, e);
}

// m.f(args) where this module's global 'm' can only hold program module m (`import m`) and f is
// a function of m other modules may call directly: reads 'm' (NameError while unbound), checks
// that m has run its 'def f' (else the AttributeError of m.f), then calls f's native entry.
static int lower_module_call(Lower *l, const AstNode *e) {
    const AstNode *f = e->u.Call.func, *v = f->u.Attribute.value;
    if (v->kind != AST_Name || l->cls || lower_local_reg(l, v->u.Name.id) >= 0
        || lower_cell_index(l, v->u.Name.id) >= 0 || lower_global_index(l, v->u.Name.id) < 0) {
        return -1;
    }
    IrUnit *from = ir_unit_module_source(l->m->prog, l->m->unit, v->u.Name.id);
    InferFunc *fn = callable_extern(l, from, f->u.Attribute.attr, e);
    if (!fn) {
        return -1;
    }
    int mod = lower_expr(l, v);
    int x = extern_index(l, from, fn);
    IrInstr *in = lower_emit(l, IR_CHECK_EXT, -1, 1, e);
    in->args[0] = lower_box(l, mod, e);
    in->aux = x;
    return call_extern(l, e, fn, x);
}

// f(args) where this module's global 'f' can only hold function f of another module of the
// program (`from m import f`; ir_unit_import_source) that other modules may call directly: a
// direct call of its native entry, after reading the global (NameError while it is unbound, as
// in CPython). Positional arguments only, one per parameter. -1 when not such a call.
static int lower_imported_call(Lower *l, const AstNode *e) {
    const AstNode *f = e->u.Call.func;
    if (l->cls || e->u.Call.keywords.count || !lower_call_is_plain(e)
        || lower_global_index(l, f->u.Name.id) < 0) {
        return -1;
    }
    Name orig;
    IrUnit *from = ir_unit_import_source(l->m->prog, l->m->unit, f->u.Name.id, &orig);
    InferFunc *fn = from ? callable_extern(l, from, orig, e) : NULL;
    if (!fn) {
        return -1;
    }
    lower_expr(l, f);  // the guard
    return call_extern(l, e, fn, extern_index(l, from, fn));
}

// math.f(x) that inference typed float (infer.c: 'math' can only be the math module, x a
// float): a C call while the module is intact at run time (checked on the global's slot, with
// no reference taken), else the call through the module, whose result must then be a float.
// The module is loaded before the argument is evaluated, as CPython does; the argument is
// lowered on each path when that is harmless, else once after loading the module.
static int lower_math_call(Lower *l, const AstNode *e) {
    const AstNode *f = e->u.Call.func, *arg = e->u.Call.args.items[0];
    int g = lower_global_index(l, f->u.Attribute.value->u.Name.id);
    bool twice = lower_twice_ok(arg);
    int mod = twice ? -1 : lower_expr(l, f->u.Attribute.value);
    int x = twice ? -1 : lower_as_float(l, lower_expr(l, arg), e);
    int res = lower_temp(l, ty_prim(TY_FLOAT));
    IrBlock *fast = ir_block_new(l->fn), *slow = ir_block_new(l->fn), *done = ir_block_new(l->fn);
    int ok = lower_temp(l, ty_prim(TY_BOOL));
    lower_emit(l, IR_MATH_INTACT, ok, 0, e)->aux = g;
    lower_branch(l, ok, fast, slow, e);
    IrConst *name = ir_const_new(l->m, IRC_STR);
    name->s = f->u.Attribute.attr;
    name->len = strlen(name->s);
    lower_start(l, fast);
    int xf = twice ? lower_as_float(l, lower_expr(l, arg), e) : x;
    int r = lower_emit1(l, IR_MATH_CALL, ty_prim(TY_FLOAT), xf, 0, e);
    l->cur->instrs[l->cur->count - 1]->cst = name;
    lower_move(l, res, r, e);
    lower_jump(l, done);
    lower_start(l, slow);
    if (twice) {
        mod = lower_expr(l, f->u.Attribute.value);
        x = lower_as_float(l, lower_expr(l, arg), e);
    }
    int boxed = lower_box(l, x, e);
    int dst = lower_temp(l, ty_prim(TY_DYN));
    IrInstr *in = lower_emit(l, IR_CALL_METHOD, dst, 2, e);
    in->args[0] = mod;
    in->args[1] = boxed;
    in->cst = name;
    lower_move(l, res, lower_coerce(l, dst, ty_prim(TY_FLOAT), e), e);
    lower_jump(l, done);
    lower_start(l, done);
    return res;
}

int lower_call(Lower *l, const AstNode *e) {
    const AstNode *f = e->u.Call.func;
    bool plain = lower_call_is_plain(e);
    if (f->kind == AST_Attribute && e->ty->kind == TY_FLOAT && e->u.Call.args.count == 1
        && e->u.Call.keywords.count == 0 && f->u.Attribute.value->kind == AST_Name
        && strcmp(f->u.Attribute.value->u.Name.id, "math") == 0
        && infer_is_math_float_function(f->u.Attribute.attr)
        && lower_global_index(l, f->u.Attribute.value->u.Name.id) >= 0) {
        return lower_math_call(l, e);
    }
    if (f->kind == AST_Name && lower_local_reg(l, f->u.Name.id) < 0
        && lower_cell_index(l, f->u.Name.id) < 0 && lower_func_index(l, f->u.Name.id) < 0) {
        int r = lower_imported_call(l, e);
        if (r >= 0) {
            return r;
        }
    }
    if (f->kind == AST_Attribute) {
        int r = lower_module_call(l, e);
        if (r >= 0) {
            return r;
        }
    }
    if (f->kind == AST_Name && lower_local_reg(l, f->u.Name.id) < 0
        && lower_cell_index(l, f->u.Name.id) < 0) {
        int fi = lower_func_index(l, f->u.Name.id);
        const InferFunc *ifn = fi >= 0 && plain ? l->m->funcs[fi]->ifn : NULL;
        int r = !ifn || !ifn->direct ? -1
                : ifn->rebindable || l->cls ? lower_guarded_call(l, e, fi)
                                     : lower_user_call(l, e, fi);
        if (r >= 0) {
            return r;
        }
        if (strcmp(f->u.Name.id, "super") == 0 && e->u.Call.args.count == 0
            && e->u.Call.keywords.count == 0 && lower_is_builtin(l, f->u.Name.id)) {
            return lower_super0(l, e);
        }
        if (f->u.Name.id == l->n_print && lower_global_index(l, f->u.Name.id) < 0
            && print_is_simple(l, e)) {
            return lower_print(l, e);
        }
        if (strcmp(f->u.Name.id, "len") == 0 && plain && e->u.Call.args.count == 1
            && e->u.Call.keywords.count == 0 && lower_is_builtin(l, f->u.Name.id)) {
            const AstNode *a = e->u.Call.args.items[0];
            const Ty *ta = a->ty ? (const Ty *)a->ty : infer_expr_type(l->inf, l->ifn, a);
            if (ta->kind == TY_LIST && a->kind != AST_Starred) {  // len() of a list: inline
                int v = lower_box(l, lower_expr(l, a), a);
                int n = lower_emit1(l, IR_LIST_LEN, ty_prim(TY_INT), v, 0, e);
                return lower_coerce(l, n, e->ty, e);
            }
        }
    }
    return lower_object_call(l, e);
}


// Branches on the truth of 'e', short-circuiting and/or/not without materialising values.
void lower_cond(Lower *l, const AstNode *e, IrBlock *t, IrBlock *f) {
    if (e->kind == AST_UnaryOp && e->u.UnaryOp.op == AST_OP_Not) {
        lower_cond(l, e->u.UnaryOp.operand, f, t);
        return;
    }
    if (e->kind == AST_BoolOp) {
        bool is_and = e->u.BoolOp.op == AST_OP_And;
        const AstList *vals = &e->u.BoolOp.values;
        for (int i = 0; i < vals->count - 1; i++) {
            IrBlock *next = ir_block_new(l->fn);
            lower_cond(l, vals->items[i], is_and ? next : t, is_and ? f : next);
            lower_start(l, next);
        }
        lower_cond(l, vals->items[vals->count - 1], t, f);
        return;
    }
    lower_branch(l, lower_truth(l, lower_expr(l, e), e), t, f, e);
}
