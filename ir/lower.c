// lower.c: AST → IR for the subset krait compiles today (docs/supported.md): module-level code,
// module-level functions with positional parameters and constant defaults, int/float/bool/str/
// None values, arithmetic, comparisons, and/or/not, if/while/for-over-range, print and
// f-strings. Input: the AST, its symbol tables and the types from infer.c. Output: one IrFunc
// per function plus one for the module body, in an IrModule.
//
// Invariants of the IR it produces: every expression result lands in a fresh temporary (locals
// are only written by MOVE), so no instruction overwrites one of its operands; every register's
// representation follows from its type (ty_rep); error edges and reference counts are left to
// the passes. Any construct outside the subset is reported once as "<construct> is not
// supported by krait yet" and lowering goes on with a placeholder value, so that one run
// reports every unsupported construct.
#include "ir.h"

#include <string.h>

typedef struct Loop {
    IrBlock *brk, *cont;
    struct Loop *outer;
} Loop;

typedef struct Lower {
    Arena *arena;
    Diag *d;
    IrModule *m;
    Infer *inf;
    IrFunc *fn;
    InferFunc *ifn;
    IrBlock *cur;
    Loop *loop;
    Name n_print, n_range, n_sep, n_end, n_dunder_name;
} Lower;

static int lower_expr(Lower *l, const AstNode *e);
static void lower_stmts(Lower *l, const AstList *body);

// ---------------------------------------------------------------------------------------------
// Helpers

static void unsupported(Lower *l, const AstNode *at, const char *what) {
    diag_error(l->d, at->span, "%s is not supported by krait yet", what);
}

static IrInstr *emit(Lower *l, IrOp op, int dst, int nargs, const AstNode *at) {
    IrInstr *in = ir_instr_new(l->fn, op, dst, nargs, at ? at->span.line : l->fn->line);
    ir_append(l->fn, l->cur, in);
    return in;
}

static int new_temp(Lower *l, const Ty *ty) { return ir_reg_new(l->fn, ty, NULL); }

static const Ty *reg_ty(Lower *l, int r) { return l->fn->regs[r].ty; }

static int emit1(Lower *l, IrOp op, const Ty *ty, int a, int aux, const AstNode *at) {
    int dst = new_temp(l, ty);
    IrInstr *in = emit(l, op, dst, 1, at);
    in->args[0] = a;
    in->aux = aux;
    return dst;
}

static int emit2(Lower *l, IrOp op, const Ty *ty, int a, int b, int aux, const AstNode *at) {
    int dst = new_temp(l, ty);
    IrInstr *in = emit(l, op, dst, 2, at);
    in->args[0] = a;
    in->args[1] = b;
    in->aux = aux;
    return dst;
}

static void emit_move(Lower *l, int dst, int src, const AstNode *at) {
    emit(l, IR_MOVE, dst, 1, at)->args[0] = src;
}

// A jump from the current block, unless it already ended (return, break, continue).
static void jump(Lower *l, IrBlock *to) {
    if (ir_terminator(l->cur)) {
        return;
    }
    emit(l, IR_JUMP, -1, 0, NULL)->target[0] = to;
}

static void branch(Lower *l, int cond, IrBlock *t, IrBlock *f, const AstNode *at) {
    IrInstr *in = emit(l, IR_BRANCH, -1, 1, at);
    in->args[0] = cond;
    in->target[0] = t;
    in->target[1] = f;
}

// Continues in 'b'. Code after a terminator goes to a fresh block nothing jumps to
// (ir_compile removes unreachable blocks).
static void start(Lower *l, IrBlock *b) { l->cur = b; }

static bool terminated(Lower *l) { return ir_terminator(l->cur) != NULL; }

static void after_terminator(Lower *l) { start(l, ir_block_new(l->fn)); }

static int const_reg(Lower *l, IrConstKind kind, const Ty *ty, const AstNode *at, IrConst **out) {
    int dst = new_temp(l, ty);
    IrInstr *in = emit(l, IR_CONST, dst, 0, at);
    in->cst = ir_const_new(l->m, kind);
    *out = in->cst;
    return dst;
}

static int const_none(Lower *l, const AstNode *at) {
    IrConst *c;
    return const_reg(l, IRC_NONE, ty_prim(TY_NONE), at, &c);
}

static int const_int(Lower *l, int64_t v, const AstNode *at) {
    IrConst *c;
    int r = const_reg(l, IRC_INT, ty_prim(TY_INT), at, &c);
    c->i = v;
    return r;
}

static int const_str(Lower *l, const char *s, size_t len, const AstNode *at) {
    IrConst *c;
    int r = const_reg(l, IRC_STR, ty_prim(TY_STR), at, &c);
    c->s = s;
    c->len = len;
    return r;
}

// ---------------------------------------------------------------------------------------------
// Conversions between types (DESIGN §4: a value crossing from dyn into a typed slot is checked)

static bool needs_check(const Ty *to) { return to->kind != TY_DYN; }

static int coerce(Lower *l, int r, const Ty *to, const AstNode *at) {
    const Ty *from = reg_ty(l, r);
    if (from == to || from->kind == TY_BOTTOM) {
        return r;
    }
    IrRep fr = ty_rep(from), tr = ty_rep(to);
    if (from->kind == TY_INT && to->kind == TY_FLOAT) {
        return emit1(l, IR_INT_TO_FLOAT, to, r, 0, at);
    }
    if (from->kind == TY_BOOL && to->kind == TY_FLOAT) {
        return coerce(l, emit1(l, IR_BOOL_TO_INT, ty_prim(TY_INT), r, 0, at), to, at);
    }
    if (fr != REP_OBJ && tr != REP_FLOAT && tr != REP_BOOL) {
        // int/float/bool into a word: a bool stays True/False, as CPython keeps it.
        bool exact = to->kind == TY_DYN || (to->kind == TY_OPTIONAL && to->arg == from)
                     || (from->kind == TY_BOOL && to->kind == TY_INT);
        if (exact) {
            return emit1(l, IR_BOX, to, r, 0, at);
        }
        return coerce(l, emit1(l, IR_BOX, ty_prim(TY_DYN), r, 0, at), to, at);
    }
    if (fr != REP_OBJ) {
        return coerce(l, emit1(l, IR_BOX, ty_prim(TY_DYN), r, 0, at), to, at);
    }
    if (!needs_check(to) || ty_join(l->m->types, from, to) == to) {
        return r;  // the same word, already of a type 'to' admits
    }
    return emit1(l, IR_UNBOX, to, r, 0, at);
}

static int box(Lower *l, int r, const AstNode *at) {
    return ty_rep(reg_ty(l, r)) == REP_OBJ ? r : coerce(l, r, ty_prim(TY_DYN), at);
}

// A bool operand used as an int.
static int as_int(Lower *l, int r, const AstNode *at) {
    if (reg_ty(l, r)->kind == TY_BOOL) {
        return emit1(l, IR_BOOL_TO_INT, ty_prim(TY_INT), r, 0, at);
    }
    return r;
}

static int as_float(Lower *l, int r, const AstNode *at) {
    return coerce(l, r, ty_prim(TY_FLOAT), at);
}

static int truth(Lower *l, int r, const AstNode *at) {
    if (reg_ty(l, r)->kind == TY_BOOL) {
        return r;
    }
    return emit1(l, IR_TRUTH, ty_prim(TY_BOOL), r, 0, at);
}

// ---------------------------------------------------------------------------------------------
// Names

static int local_reg(Lower *l, Name id) {
    if (l->fn->node->kind == AST_Module || scope_access(l->ifn->scope, id) != ACCESS_FAST) {
        return -1;
    }
    for (int i = 0; i < l->ifn->nvars; i++) {
        if (l->ifn->vars[i] == id) {
            return i;  // registers of locals come first, in InferFunc order
        }
    }
    return -1;
}

static int global_index(Lower *l, Name id) {
    int g = ir_global_find(l->m, id);
    if (g < 0) {
        const Ty *t = infer_global_type(l->inf, id);
        g = t ? ir_global_add(l->m, id, t) : -1;
    }
    return g;
}

// The type a global's slot holds: ints and objects as they are, floats and bools boxed.
static const Ty *slot_type(const Ty *t) {
    return ty_rep(t) == REP_FLOAT || ty_rep(t) == REP_BOOL ? ty_prim(TY_DYN) : t;
}

static int load_global(Lower *l, int g, const AstNode *at) {
    const Ty *t = l->m->globals[g].ty;
    int dst = new_temp(l, slot_type(t));
    emit(l, IR_LOAD_GLOBAL, dst, 0, at)->aux = g;
    return coerce(l, dst, t, at);
}

static int lower_name(Lower *l, const AstNode *e) {
    Name id = e->u.Name.id;
    int r = local_reg(l, id);
    if (r >= 0) {
        return r;
    }
    ScopeAccess access = l->fn->node->kind == AST_Module ? ACCESS_NAME
                                                          : scope_access(l->ifn->scope, id);
    if (access == ACCESS_FAST && l->d->errors == 0) {
        // Only read, never assigned in a way lowering supports: CPython raises
        // UnboundLocalError here; nothing to compile it to yet.
        unsupported(l, e, "a local variable that is never assigned");
    } else if (access == ACCESS_DEREF) {
        unsupported(l, e, "a closure variable");
    }
    if (access == ACCESS_FAST || access == ACCESS_DEREF) {
        return const_none(l, e);
    }
    int g = global_index(l, id);
    if (g >= 0) {
        return load_global(l, g, e);
    }
    if (id == l->n_dunder_name) {
        return const_str(l, "__main__", 8, e);
    }
    diag_error(l->d, e->span, "the name '%s' (a builtin or a function used as a value) is not "
                              "supported by krait yet", id);
    return const_none(l, e);
}

static void store_name(Lower *l, Name id, int value, const AstNode *at) {
    int r = local_reg(l, id);
    if (r >= 0) {
        emit_move(l, r, coerce(l, value, reg_ty(l, r), at), at);
        return;
    }
    int g = global_index(l, id);
    if (g < 0 || infer_func_of(l->inf, id)) {
        unsupported(l, at, "rebinding a function's name");
        return;
    }
    int v = coerce(l, value, slot_type(l->m->globals[g].ty), at);
    IrInstr *in = emit(l, IR_STORE_GLOBAL, -1, 1, at);
    in->args[0] = v;
    in->aux = g;
}

// ---------------------------------------------------------------------------------------------
// Constants

// Whether 'v' fits a tagged small int (63 bits).
static bool fits_small(int64_t v) { return v >= -((int64_t)1 << 62) && v < ((int64_t)1 << 62); }

static int lower_constant(Lower *l, const AstNode *e) {
    const AstConst *c = &e->u.Constant.value;
    IrConst *k;
    switch (c->kind) {
    case CONST_NONE:
        return const_none(l, e);
    case CONST_TRUE:
    case CONST_FALSE: {
        int r = const_reg(l, IRC_BOOL, ty_prim(TY_BOOL), e, &k);
        k->i = c->kind == CONST_TRUE;
        return r;
    }
    case CONST_INT:
        if (!c->u.i.digits && fits_small(c->u.i.small)) {
            return const_int(l, c->u.i.small, e);
        }
        int r = const_reg(l, IRC_BIGINT, ty_prim(TY_INT), e, &k);
        k->s = c->u.i.digits ? c->u.i.digits
                             : arena_printf(l->arena, "%lld", (long long)c->u.i.small);
        k->len = strlen(k->s);
        return r;
    case CONST_FLOAT: {
        int r = const_reg(l, IRC_FLOAT, ty_prim(TY_FLOAT), e, &k);
        k->f = c->u.f;
        return r;
    }
    case CONST_STR:
        return const_str(l, c->u.s.data, c->u.s.len, e);
    default:
        unsupported(l, e, c->kind == CONST_BYTES ? "a bytes literal" : "this constant");
        return const_none(l, e);
    }
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
    default: return -1;
    }
}

// 'a op b' with 'a' and 'b' already lowered; 'ty' is the result type from the table.
static int binary(Lower *l, AstOp op, int a, int b, const Ty *ty, const AstNode *at) {
    int bop = binop_of(op);
    if (bop < 0) {
        unsupported(l, at, "the '@' operator");
        return const_none(l, at);
    }
    if (ty->kind == TY_INT) {
        return emit2(l, IR_INT_BINARY, ty, as_int(l, a, at), as_int(l, b, at), bop, at);
    }
    bool ints = ty_rep(reg_ty(l, a)) != REP_FLOAT && ty_rep(reg_ty(l, b)) != REP_FLOAT;
    if (ty->kind == TY_FLOAT && bop == BIN_TRUEDIV && ints) {
        return emit2(l, IR_INT_TRUEDIV, ty, as_int(l, a, at), as_int(l, b, at), 0, at);
    }
    if (ty->kind == TY_FLOAT) {
        return emit2(l, IR_FLOAT_BINARY, ty, as_float(l, a, at), as_float(l, b, at), bop, at);
    }
    return emit2(l, IR_OBJ_BINARY, ty, box(l, a, at), box(l, b, at), bop, at);
}

static int lower_binop(Lower *l, const AstNode *e) {
    int a = lower_expr(l, e->u.BinOp.left);
    int b = lower_expr(l, e->u.BinOp.right);
    return binary(l, e->u.BinOp.op, a, b, e->ty, e);
}

static int lower_unary(Lower *l, const AstNode *e) {
    AstOp op = e->u.UnaryOp.op;
    int a = lower_expr(l, e->u.UnaryOp.operand);
    if (op == AST_OP_Not) {
        return emit1(l, IR_NOT, ty_prim(TY_BOOL), truth(l, a, e), 0, e);
    }
    int uop = op == AST_OP_USub ? UN_NEG : op == AST_OP_UAdd ? UN_POS : UN_INVERT;
    if (e->ty->kind == TY_INT) {
        a = as_int(l, a, e);
        return uop == UN_POS ? a : emit1(l, IR_INT_UNARY, e->ty, a, uop, e);
    }
    if (e->ty->kind == TY_FLOAT) {
        return uop == UN_POS ? a : emit1(l, IR_FLOAT_UNARY, e->ty, a, uop, e);
    }
    return emit1(l, IR_OBJ_UNARY, e->ty, box(l, a, e), uop, e);
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
    const Ty *ta = reg_ty(l, a), *tb = reg_ty(l, b);
    const Ty *tbool = ty_prim(TY_BOOL);
    if (op == AST_OP_In || op == AST_OP_NotIn) {
        unsupported(l, at, "the 'in' operator");
        return const_none(l, at);
    }
    if (op == AST_OP_Is || op == AST_OP_IsNot) {
        return emit2(l, IR_IS, tbool, box(l, a, at), box(l, b, at), op == AST_OP_IsNot, at);
    }
    if (!infer_compare_is_native(op, ta, tb)) {
        return emit2(l, IR_OBJ_COMPARE, ty_prim(TY_DYN), box(l, a, at), box(l, b, at), cmp_of(op),
                     at);
    }
    bool fa = ta->kind == TY_FLOAT, fb = tb->kind == TY_FLOAT;
    if (fa && fb) {
        return emit2(l, IR_FLOAT_COMPARE, tbool, a, b, cmp_of(op), at);
    }
    if (fa || fb) {
        int f = fa ? a : b, i = as_int(l, fa ? b : a, at);
        int cmp = fa ? cmp_of(op) : swapped(cmp_of(op));
        return emit2(l, IR_FLOAT_INT_COMPARE, tbool, f, i, cmp, at);
    }
    return emit2(l, IR_INT_COMPARE, tbool, as_int(l, a, at), as_int(l, b, at), cmp_of(op), at);
}

// a < b < c: each operand evaluated once, stopping at the first false comparison; the value is
// that of the last comparison evaluated.
static int lower_compare(Lower *l, const AstNode *e) {
    int left = lower_expr(l, e->u.Compare.left);
    int n = e->u.Compare.comparators.count;
    if (n == 1) {
        int right = lower_expr(l, e->u.Compare.comparators.items[0]);
        return coerce(l, compare_pair(l, e->u.Compare.ops.items[0], left, right, e), e->ty, e);
    }
    int res = new_temp(l, e->ty);
    IrBlock *done = ir_block_new(l->fn);
    for (int i = 0; i < n; i++) {
        int right = lower_expr(l, e->u.Compare.comparators.items[i]);
        int r = compare_pair(l, e->u.Compare.ops.items[i], left, right, e);
        emit_move(l, res, coerce(l, r, e->ty, e), e);
        if (i == n - 1) {
            break;
        }
        IrBlock *next = ir_block_new(l->fn);
        branch(l, truth(l, r, e), next, done, e);
        start(l, next);
        left = right;
    }
    jump(l, done);
    start(l, done);
    return res;
}

// a and b / a or b: the first operand deciding the outcome is the value.
static int lower_boolop(Lower *l, const AstNode *e) {
    int res = new_temp(l, e->ty);
    IrBlock *done = ir_block_new(l->fn);
    bool is_and = e->u.BoolOp.op == AST_OP_And;
    const AstList *vals = &e->u.BoolOp.values;
    for (int i = 0; i < vals->count; i++) {
        int v = lower_expr(l, vals->items[i]);
        emit_move(l, res, coerce(l, v, e->ty, e), e);
        if (i == vals->count - 1) {
            break;
        }
        IrBlock *next = ir_block_new(l->fn);
        int t = truth(l, v, e);
        branch(l, t, is_and ? next : done, is_and ? done : next, e);
        start(l, next);
    }
    jump(l, done);
    start(l, done);
    return res;
}

static int lower_ifexp(Lower *l, const AstNode *e) {
    int res = new_temp(l, e->ty);
    IrBlock *yes = ir_block_new(l->fn), *no = ir_block_new(l->fn), *done = ir_block_new(l->fn);
    branch(l, truth(l, lower_expr(l, e->u.IfExp.test), e), yes, no, e);
    start(l, yes);
    emit_move(l, res, coerce(l, lower_expr(l, e->u.IfExp.body), e->ty, e), e);
    jump(l, done);
    start(l, no);
    emit_move(l, res, coerce(l, lower_expr(l, e->u.IfExp.orelse), e->ty, e), e);
    jump(l, done);
    start(l, done);
    return res;
}

// ---------------------------------------------------------------------------------------------
// f-strings

static int lower_formatted(Lower *l, const AstNode *e) {
    int v = box(l, lower_expr(l, e->u.FormattedValue.value), e);
    const AstNode *spec = e->u.FormattedValue.format_spec;
    int s = spec ? lower_expr(l, spec) : -1;
    int dst = new_temp(l, ty_prim(TY_STR));
    IrInstr *in = emit(l, IR_FORMAT, dst, spec ? 2 : 1, e);
    in->args[0] = v;
    if (spec) {
        in->args[1] = s;
    }
    in->aux = e->u.FormattedValue.conversion;
    return dst;
}

static int lower_joined(Lower *l, const AstNode *e) {
    const AstList *vals = &e->u.JoinedStr.values;
    if (vals->count == 1 && vals->items[0]->kind == AST_Constant) {
        return lower_expr(l, vals->items[0]);
    }
    int *parts = arena_alloc(l->arena, sizeof(int) * (size_t)(vals->count + 1));
    for (int i = 0; i < vals->count; i++) {
        parts[i] = lower_expr(l, vals->items[i]);
    }
    int dst = new_temp(l, ty_prim(TY_STR));
    IrInstr *in = emit(l, IR_BUILD_STRING, dst, vals->count, e);
    memcpy(in->args, parts, sizeof(int) * (size_t)vals->count);
    return dst;
}

// ---------------------------------------------------------------------------------------------
// Calls

static int lower_print(Lower *l, const AstNode *e) {
    const AstList *args = &e->u.Call.args, *kws = &e->u.Call.keywords;
    int n = args->count, sep = -1, end = -1;
    int *regs = arena_alloc(l->arena, sizeof(int) * (size_t)(n + 2));
    for (int i = 0; i < n; i++) {
        if (args->items[i]->kind == AST_Starred) {
            unsupported(l, args->items[i], "'*' in a call");
        }
        regs[i] = box(l, lower_expr(l, args->items[i]), e);
    }
    for (int i = 0; i < kws->count; i++) {
        const AstNode *kw = kws->items[i];
        int v = box(l, lower_expr(l, kw->u.keyword.value), e);
        if (kw->u.keyword.arg == l->n_sep) {
            sep = v;
        } else if (kw->u.keyword.arg == l->n_end) {
            end = v;
        } else {
            unsupported(l, kw, "this keyword argument of print()");
        }
    }
    IrInstr *in = emit(l, IR_PRINT, -1, n + (sep >= 0) + (end >= 0), e);
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
    return const_none(l, e);
}

static int func_index(Lower *l, Name id) {
    for (int i = 1; i < l->m->nfuncs; i++) {
        if (l->m->funcs[i]->name == id) {
            return i;
        }
    }
    return -1;
}

// Where each argument of a call goes: 'out[i]' is the expression for parameter i (its default
// when not passed) and 'order' lists the parameters passed explicitly, in source order
// (positional, then keywords); returns how many, or -1 after reporting a mismatch.
static int match_args(Lower *l, const AstNode *e, IrFunc *callee, const AstNode **out,
                      int *order) {
    const AstList *args = &e->u.Call.args, *kws = &e->u.Call.keywords;
    if (args->count > callee->nparams) {
        unsupported(l, e, "a call with more arguments than parameters");
        return -1;
    }
    int n = 0;
    for (int i = 0; i < args->count; i++) {
        if (args->items[i]->kind == AST_Starred) {
            unsupported(l, args->items[i], "'*' in a call");
            return -1;
        }
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
            unsupported(l, kw, "this keyword argument");
            return -1;
        }
        out[i] = kw->u.keyword.value;
        order[n++] = i;
    }
    for (int i = 0; i < callee->nparams; i++) {
        if (!out[i] && !(out[i] = callee->defaults[i])) {
            unsupported(l, e, "a call with a missing argument");
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
    int n = match_args(l, e, callee, argv, order);
    if (n < 0) {
        return const_none(l, e);
    }
    for (int i = 0; i < callee->nparams; i++) {
        regs[i] = -1;
    }
    for (int k = 0; k < n; k++) {
        regs[order[k]] = lower_expr(l, argv[order[k]]);
    }
    for (int i = 0; i < callee->nparams; i++) {
        int r = regs[i] >= 0 ? regs[i] : lower_expr(l, argv[i]);  // a default
        regs[i] = coerce(l, r, callee->regs[callee->params[i]].ty, e);
    }
    int dst = new_temp(l, callee->ret_ty);
    IrInstr *in = emit(l, IR_CALL, dst, callee->nparams, e);
    if (callee->nparams > 0) {  // 'regs' is NULL for a function without parameters
        memcpy(in->args, regs, sizeof(int) * (size_t)callee->nparams);
    }
    in->aux = fi;
    return dst;
}

static int lower_call(Lower *l, const AstNode *e) {
    const AstNode *f = e->u.Call.func;
    if (f->kind == AST_Name && local_reg(l, f->u.Name.id) < 0) {
        int fi = func_index(l, f->u.Name.id);
        if (fi >= 0) {
            return lower_user_call(l, e, fi);
        }
        if (f->u.Name.id == l->n_print && global_index(l, f->u.Name.id) < 0) {
            return lower_print(l, e);
        }
    }
    if (f->kind == AST_Name) {
        diag_error(l->d, e->span, "calling '%s' is not supported by krait yet", f->u.Name.id);
    } else {
        unsupported(l, e, "this kind of call");
    }
    return const_none(l, e);
}

// ---------------------------------------------------------------------------------------------
// Expressions

static const char *expr_construct(AstKind k) {
    switch (k) {
    case AST_Lambda: return "lambda";
    case AST_List: return "a list display";
    case AST_Tuple: return "a tuple";
    case AST_Dict: return "a dict display";
    case AST_Set: return "a set display";
    case AST_ListComp: return "a list comprehension";
    case AST_SetComp: return "a set comprehension";
    case AST_DictComp: return "a dict comprehension";
    case AST_GeneratorExp: return "a generator expression";
    case AST_Attribute: return "attribute access";
    case AST_Subscript: return "subscription";
    case AST_NamedExpr: return "the ':=' operator";
    case AST_Await: return "'await'";
    case AST_Yield:
    case AST_YieldFrom: return "'yield'";
    case AST_Starred: return "'*' unpacking";
    default: return ast_kind_name(k);
    }
}

static int lower_expr_kind(Lower *l, const AstNode *e) {
    switch (e->kind) {
    case AST_Constant: return lower_constant(l, e);
    case AST_Name: return lower_name(l, e);
    case AST_BinOp: return lower_binop(l, e);
    case AST_UnaryOp: return lower_unary(l, e);
    case AST_Compare: return lower_compare(l, e);
    case AST_BoolOp: return lower_boolop(l, e);
    case AST_IfExp: return lower_ifexp(l, e);
    case AST_Call: return lower_call(l, e);
    case AST_JoinedStr: return lower_joined(l, e);
    case AST_FormattedValue: return lower_formatted(l, e);
    default:
        unsupported(l, e, expr_construct(e->kind));
        return const_none(l, e);
    }
}

static int lower_expr(Lower *l, const AstNode *e) {
    if (!e->ty) {
        infer_expr_type(l->inf, l->ifn, e);  // a node inference did not reach
    }
    return lower_expr_kind(l, e);
}

// Branches on the truth of 'e', short-circuiting and/or/not without materialising values.
static void lower_cond(Lower *l, const AstNode *e, IrBlock *t, IrBlock *f) {
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
            start(l, next);
        }
        lower_cond(l, vals->items[vals->count - 1], t, f);
        return;
    }
    branch(l, truth(l, lower_expr(l, e), e), t, f, e);
}

// ---------------------------------------------------------------------------------------------
// Statements

static void lower_assign(Lower *l, const AstNode *s) {
    const AstList *targets = &s->u.Assign.targets;
    for (int i = 0; i < targets->count; i++) {
        if (targets->items[i]->kind != AST_Name) {
            unsupported(l, targets->items[i], expr_construct(targets->items[i]->kind));
            return;
        }
    }
    int v = lower_expr(l, s->u.Assign.value);
    for (int i = 0; i < targets->count; i++) {
        store_name(l, targets->items[i]->u.Name.id, v, s);
    }
}

static void lower_augassign(Lower *l, const AstNode *s) {
    const AstNode *tg = s->u.AugAssign.target, *v = s->u.AugAssign.value;
    if (tg->kind != AST_Name) {
        unsupported(l, tg, expr_construct(tg->kind));
        return;
    }
    int a = lower_expr(l, tg);
    int b = lower_expr(l, v);
    const Ty *ty = infer_binop_type(s->u.AugAssign.op, reg_ty(l, a), reg_ty(l, b), v);
    store_name(l, tg->u.Name.id, binary(l, s->u.AugAssign.op, a, b, ty, s), s);
}

static void lower_annassign(Lower *l, const AstNode *s) {
    const AstNode *tg = s->u.AnnAssign.target;
    if (tg->kind != AST_Name) {
        unsupported(l, tg, expr_construct(tg->kind));
        return;
    }
    if (s->u.AnnAssign.value) {
        store_name(l, tg->u.Name.id, lower_expr(l, s->u.AnnAssign.value), s);
    }
}

static void lower_if(Lower *l, const AstNode *s) {
    IrBlock *yes = ir_block_new(l->fn), *no = ir_block_new(l->fn), *done = ir_block_new(l->fn);
    lower_cond(l, s->u.If.test, yes, no);
    start(l, yes);
    lower_stmts(l, &s->u.If.body);
    jump(l, done);
    start(l, no);
    lower_stmts(l, &s->u.If.orelse);
    jump(l, done);
    start(l, done);
}

// The loop body with 'brk'/'cont' as the targets of break and continue.
static void loop_body(Lower *l, const AstList *body, IrBlock *brk, IrBlock *cont) {
    Loop loop = {brk, cont, l->loop};
    l->loop = &loop;
    lower_stmts(l, body);
    l->loop = loop.outer;
    jump(l, cont);
}

static void lower_while(Lower *l, const AstNode *s) {
    IrBlock *head = ir_block_new(l->fn), *body = ir_block_new(l->fn);
    IrBlock *orelse = ir_block_new(l->fn), *done = ir_block_new(l->fn);
    jump(l, head);
    start(l, head);
    lower_cond(l, s->u.While.test, body, orelse);
    start(l, body);
    loop_body(l, &s->u.While.body, done, head);
    start(l, orelse);
    lower_stmts(l, &s->u.While.orelse);
    jump(l, done);
    start(l, done);
}

static bool is_range_call(Lower *l, const AstNode *e) {
    return e->kind == AST_Call && e->u.Call.func->kind == AST_Name
           && e->u.Call.func->u.Name.id == l->n_range && e->u.Call.keywords.count == 0
           && e->u.Call.args.count >= 1 && e->u.Call.args.count <= 3
           && global_index(l, l->n_range) < 0 && func_index(l, l->n_range) < 0;
}

// The sign of a constant step (0 when not a literal int).
static int const_sign(const AstNode *e) {
    if (e->kind == AST_UnaryOp && e->u.UnaryOp.op == AST_OP_USub) {
        return -const_sign(e->u.UnaryOp.operand);
    }
    if (e->kind == AST_Constant && e->u.Constant.value.kind == CONST_INT) {
        const AstConst *c = &e->u.Constant.value;
        return c->u.i.digits ? 1 : c->u.i.small > 0 ? 1 : c->u.i.small < 0 ? -1 : 0;
    }
    return 0;
}

// The loop test of range(): cur < stop for a positive step, cur > stop for a negative one.
static void range_test(Lower *l, int cur, int stop, int step, int sign, IrBlock *body,
                       IrBlock *exit, const AstNode *at) {
    const Ty *tb = ty_prim(TY_BOOL);
    if (sign == 0) {
        IrBlock *up = ir_block_new(l->fn), *down = ir_block_new(l->fn);
        int pos = emit2(l, IR_INT_COMPARE, tb, step, const_int(l, 0, at), CMP_GT, at);
        branch(l, pos, up, down, at);
        start(l, up);
        range_test(l, cur, stop, step, 1, body, exit, at);
        start(l, down);
        range_test(l, cur, stop, step, -1, body, exit, at);
        return;
    }
    int c = emit2(l, IR_INT_COMPARE, tb, cur, stop, sign > 0 ? CMP_LT : CMP_GT, at);
    branch(l, c, body, exit, at);
}

// for x in range(...): a C loop over a counter register; the target is assigned each value.
static void lower_for_range(Lower *l, const AstNode *s) {
    const AstNode *call = s->u.For.iter;
    const AstList *args = &call->u.Call.args;
    const Ty *ti = ty_prim(TY_INT);
    int r[3] = {-1, -1, -1};
    for (int i = 0; i < args->count; i++) {
        r[i] = coerce(l, as_int(l, lower_expr(l, args->items[i]), call), ti, call);
    }
    int start_r = args->count == 1 ? const_int(l, 0, call) : r[0];
    int stop = args->count == 1 ? r[0] : r[1];
    int step = args->count == 3 ? r[2] : const_int(l, 1, call);
    int sign = args->count == 3 ? const_sign(args->items[2]) : 1;
    if (sign == 0) {
        emit(l, IR_CHECK_RANGE_STEP, -1, 1, call)->args[0] = step;
    }
    int cur = new_temp(l, ti);
    emit_move(l, cur, start_r, s);
    IrBlock *head = ir_block_new(l->fn), *body = ir_block_new(l->fn), *cont = ir_block_new(l->fn);
    IrBlock *orelse = ir_block_new(l->fn), *done = ir_block_new(l->fn);
    jump(l, head);
    start(l, head);
    range_test(l, cur, stop, step, sign, body, orelse, s);
    start(l, body);
    store_name(l, s->u.For.target->u.Name.id, cur, s);
    loop_body(l, &s->u.For.body, done, cont);
    start(l, cont);
    emit_move(l, cur, emit2(l, IR_INT_BINARY, ti, cur, step, BIN_ADD, s), s);
    jump(l, head);
    start(l, orelse);
    lower_stmts(l, &s->u.For.orelse);
    jump(l, done);
    start(l, done);
}

static void lower_for(Lower *l, const AstNode *s) {
    if (s->u.For.target->kind != AST_Name) {
        unsupported(l, s->u.For.target, expr_construct(s->u.For.target->kind));
    } else if (!is_range_call(l, s->u.For.iter)) {
        unsupported(l, s->u.For.iter, "a 'for' loop over anything but range()");
    } else {
        lower_for_range(l, s);
    }
}

static void lower_return(Lower *l, const AstNode *s) {
    const AstNode *v = s->u.Return.value;
    int r = coerce(l, v ? lower_expr(l, v) : const_none(l, s), l->fn->ret_ty, s);
    emit(l, IR_RETURN, -1, 1, s)->args[0] = r;
}

static const char *stmt_construct(AstKind k) {
    switch (k) {
    case AST_ClassDef: return "a 'class' statement";
    case AST_AsyncFunctionDef: return "'async def'";
    case AST_Delete: return "'del'";
    case AST_TypeAlias: return "a 'type' statement";
    case AST_AsyncFor: return "'async for'";
    case AST_With:
    case AST_AsyncWith: return "a 'with' statement";
    case AST_Match: return "a 'match' statement";
    case AST_Raise: return "a 'raise' statement";
    case AST_Try:
    case AST_TryStar: return "a 'try' statement";
    case AST_Assert: return "an 'assert' statement";
    case AST_Import:
    case AST_ImportFrom: return "'import'";
    case AST_Nonlocal: return "'nonlocal'";
    case AST_FunctionDef: return "a nested function";
    default: return ast_kind_name(k);
    }
}

static void lower_stmt_kind(Lower *l, const AstNode *s) {
    switch (s->kind) {
    case AST_Expr:
        lower_expr(l, s->u.Expr.value);
        break;
    case AST_Assign: lower_assign(l, s); break;
    case AST_AugAssign: lower_augassign(l, s); break;
    case AST_AnnAssign: lower_annassign(l, s); break;
    case AST_If: lower_if(l, s); break;
    case AST_While: lower_while(l, s); break;
    case AST_For: lower_for(l, s); break;
    case AST_Return: lower_return(l, s); break;
    case AST_Break: jump(l, l->loop->brk); break;
    case AST_Continue: jump(l, l->loop->cont); break;
    case AST_Pass:
    case AST_Global:
        break;
    case AST_FunctionDef:
        if (l->fn->node->kind == AST_Module) {
            break;  // module-level functions are lowered on their own
        }
        unsupported(l, s, stmt_construct(s->kind));
        break;
    default:
        unsupported(l, s, stmt_construct(s->kind));
        break;
    }
}

static void lower_stmts(Lower *l, const AstList *body) {
    for (int i = 0; i < body->count; i++) {
        if (terminated(l)) {
            after_terminator(l);
        }
        lower_stmt_kind(l, body->items[i]);
        if (diag_too_many(l->d)) {
            return;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Functions and the module

// "kg_<module>__<name>", with bytes outside [A-Za-z0-9_] spelled _xHH.
static const char *c_symbol(Lower *l, const char *prefix, Name name) {
    StrBuf b;
    strbuf_init(&b, l->arena);
    strbuf_printf(&b, "%s%s__", prefix, l->m->name);
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')
            || *p == '_') {
            strbuf_putc(&b, (char)*p);
        } else {
            strbuf_printf(&b, "_x%02x", *p);
        }
    }
    return strbuf_cstr(&b);
}

static bool is_constant_default(const AstNode *e) {
    if (e->kind == AST_UnaryOp
        && (e->u.UnaryOp.op == AST_OP_USub || e->u.UnaryOp.op == AST_OP_UAdd)) {
        return is_constant_default(e->u.UnaryOp.operand);
    }
    return e->kind == AST_Constant && e->u.Constant.value.kind != CONST_BYTES
           && e->u.Constant.value.kind != CONST_COMPLEX
           && e->u.Constant.value.kind != CONST_ELLIPSIS;
}

// Rejects what the function's signature uses beyond positional parameters with constant defaults.
static bool check_signature(Lower *l, const AstNode *def) {
    const AstNode *a = def->u.FunctionDef.args;
    const char *what = def->u.FunctionDef.decorator_list.count ? "a decorator"
                       : def->u.FunctionDef.type_params.count  ? "a generic function"
                       : a->u.arguments.posonlyargs.count      ? "a positional-only parameter"
                       : a->u.arguments.vararg                 ? "'*args'"
                       : a->u.arguments.kwonlyargs.count       ? "a keyword-only parameter"
                       : a->u.arguments.kwarg                  ? "'**kwargs'"
                                                               : NULL;
    if (what) {
        unsupported(l, def, what);
        return false;
    }
    const AstList *defs = &a->u.arguments.defaults;
    for (int i = 0; i < defs->count; i++) {
        if (!is_constant_default(defs->items[i])) {
            unsupported(l, defs->items[i], "a default that is not a constant");
            return false;
        }
    }
    return true;
}

// The registers of a function's locals (parameters first, in InferFunc order).
static void make_locals(IrFunc *fn, InferFunc *ifn) {
    for (int i = 0; i < ifn->nvars; i++) {
        int r = ir_reg_new(fn, ifn->var_tys[i], ifn->vars[i]);
        fn->regs[r].is_param = i < ifn->nparams;
    }
    fn->nparams = ifn->nparams;
    fn->params = arena_alloc(fn->mod->arena, sizeof(int) * (size_t)(ifn->nparams + 1));
    for (int i = 0; i < ifn->nparams; i++) {
        fn->params[i] = i;
    }
}

static void declare_func(Lower *l, const AstNode *def) {
    Name name = def->u.FunctionDef.name;
    if (func_index(l, name) >= 0) {
        unsupported(l, def, "redefining a function");
        return;
    }
    InferFunc *ifn = infer_func_of(l->inf, name);
    IrFunc *fn = ir_func_new(l->m, name, c_symbol(l, "kg_", name));
    fn->node = def;
    fn->line = def->span.line;
    fn->ret_ty = ifn->ret_ty;
    fn->ret_rep = ty_rep(ifn->ret_ty);
    make_locals(fn, ifn);
    const AstNode *a = def->u.FunctionDef.args;
    const AstList *defs = &a->u.arguments.defaults;
    fn->defaults = arena_alloc(l->arena, sizeof(AstNode *) * (size_t)(fn->nparams + 1));
    for (int i = 0; i < defs->count; i++) {
        fn->defaults[fn->nparams - defs->count + i] = defs->items[i];
    }
}

// Lowers a body into 'fn'; falling off the end returns None.
static void lower_body(Lower *l, IrFunc *fn, InferFunc *ifn, const AstList *body) {
    l->fn = fn;
    l->ifn = ifn;
    l->loop = NULL;
    start(l, ir_block_new(fn));
    lower_stmts(l, body);
    if (!terminated(l)) {
        int none = const_none(l, NULL);
        IrInstr *ret = ir_instr_new(fn, IR_RETURN, -1, 1, fn->line);
        ret->args[0] = coerce(l, none, fn->ret_ty, NULL);
        ir_append(fn, l->cur, ret);
    }
}

static void init_lower(Lower *l, Arena *a, Interner *in, Diag *d, IrModule *m) {
    memset(l, 0, sizeof *l);
    l->arena = a;
    l->d = d;
    l->m = m;
    l->n_print = intern_cstr(in, "print");
    l->n_range = intern_cstr(in, "range");
    l->n_sep = intern_cstr(in, "sep");
    l->n_end = intern_cstr(in, "end");
    l->n_dunder_name = intern_cstr(in, "__name__");
}

IrModule *ir_lower_module(Arena *a, Interner *in, Diag *d, Scope *top, const AstNode *mod,
                          const char *path, const char *modname) {
    IrModule *m = ir_module_new(a, in, path, modname);
    Lower l;
    init_lower(&l, a, in, d, m);
    l.inf = infer_module(a, in, m->types, top, mod);
    IrFunc *body = ir_func_new(m, intern_cstr(in, "<module>"), c_symbol(&l, "kgm_", "body"));
    body->node = mod;
    body->line = 1;
    const AstList *stmts = &mod->u.Module.body;
    for (int i = 0; i < stmts->count; i++) {
        if (stmts->items[i]->kind == AST_FunctionDef && check_signature(&l, stmts->items[i])) {
            declare_func(&l, stmts->items[i]);
        }
    }
    for (int i = 1; i < m->nfuncs; i++) {
        IrFunc *fn = m->funcs[i];
        lower_body(&l, fn, infer_func_of(l.inf, fn->name), &fn->node->u.FunctionDef.body);
    }
    lower_body(&l, body, infer_module_body(l.inf), stmts);
    return d->errors ? NULL : m;
}
