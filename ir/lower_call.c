// lower_call.c: AST → IR for calls through the object protocol — builtins (len, sorted,
// enumerate, str, ...: the runtime's builtin objects, looked up by name), methods of builtin
// objects (xs.append(1), d.get(k, 0), ', '.join(...)), and calls of any other callable value.
// A generator expression passed as the only argument to a builtin that consumes all of it
// (sum, list, sorted, ...) runs eagerly as a list comprehension, which no program can tell
// apart; any() and all() get a loop that stops where they would stop. Any other generator
// expression is a generator object (lower_gen.c).
#include "lower_internal.h"

#include <string.h>

static const Ty *dyn(void) { return ty_prim(TY_DYN); }

// Builtins that exhaust an iterable argument before returning and never call back into it.
static const char *const exhausting[] = {"sum", "list", "sorted", "tuple", "set", "frozenset",
                                         "min", "max", "dict"};

static bool in_table(const char *const *table, size_t n, Name id) {
    for (size_t i = 0; i < n; i++) {
        if (strcmp(table[i], id) == 0) {
            return true;
        }
    }
    return false;
}

// A name that is neither local, global nor a module function names a builtin (the runtime's
// kr_builtins_lookup when it runs: NameError when there is none, as in CPython).
bool lower_is_builtin(Lower *l, Name id) {
    return lower_local_reg(l, id) < 0 && lower_global_index(l, id) < 0
           && lower_func_index(l, id) < 0 && lower_cell_index(l, id) < 0 && !l->cls;
}

// CPython builtins krait's runtime does not provide, and why. A program naming one is rejected
// at compile time: at run time it would raise a NameError CPython never raises.
static const struct {
    const char *name, *why;
} unsupported_builtins[] = {
    {"eval", "krait compiles ahead of time and has no interpreter to run source text"},
    {"exec", "krait compiles ahead of time and has no interpreter to run source text"},
    {"compile", "krait compiles ahead of time and has no interpreter to run source text"},
    {"__import__", "imports are resolved when krait compiles the program"},
    {"globals", "a compiled module's namespace is not a dictionary"},
    {"locals", "a compiled function's variables are not a dictionary"},
    {"dir", "it is not implemented yet"},
    {"memoryview", "it is not implemented yet"},
    {"aiter", "asynchronous iteration is not implemented yet"},
    {"anext", "asynchronous iteration is not implemented yet"},
    {"breakpoint", "a compiled program has no Python debugger (use gdb on a krait build -g)"},
    {"help", "interactive helpers belong to the interpreter"},
    {"copyright", "interactive helpers belong to the interpreter"},
    {"credits", "interactive helpers belong to the interpreter"},
    {"license", "interactive helpers belong to the interpreter"},
    {"exit", "interactive helpers belong to the interpreter (use sys.exit())"},
    {"quit", "interactive helpers belong to the interpreter (use sys.exit())"},
    {"__build_class__", "classes are built by the compiled class statement"},
    {"__doc__", "module docstrings are not kept yet"},
    {"__loader__", "compiled modules have no import-system metadata"},
    {"__spec__", "compiled modules have no import-system metadata"},
    {"__package__", "compiled modules have no import-system metadata"},
    {"_IncompleteInputError", "it belongs to the interactive interpreter"},
};

// Reports 'name' when it is a builtin krait does not provide; returns whether it did.
static bool reject_unsupported_builtin(Lower *l, const char *name, const AstNode *at) {
    for (size_t i = 0; i < sizeof unsupported_builtins / sizeof unsupported_builtins[0]; i++) {
        if (strcmp(unsupported_builtins[i].name, name) == 0) {
            diag_error(l->d, at->span, "'%s' is not supported by krait: %s", name,
                       unsupported_builtins[i].why);
            return true;
        }
    }
    return false;
}

int lower_builtin(Lower *l, const char *name, const AstNode *at) {
    if (reject_unsupported_builtin(l, name, at)) {
        return lower_const_none(l, at);
    }
    int dst = lower_temp(l, dyn());
    IrInstr *in = lower_emit(l, IR_LOAD_BUILTIN, dst, 0, at);
    in->cst = ir_const_new(l->m, IRC_STR);
    in->cst->s = name;
    in->cst->len = strlen(name);
    return dst;
}

int lower_call_obj(Lower *l, int fn, const int *args, int n, const Ty *ty, const AstNode *at) {
    int dst = lower_temp(l, dyn());
    IrInstr *in = lower_emit(l, IR_CALL_OBJ, dst, n + 1, at);
    in->args[0] = fn;
    if (n > 0) {
        memcpy(in->args + 1, args, sizeof(int) * (size_t)n);
    }
    return lower_coerce(l, dst, ty, at);
}

// ---------------------------------------------------------------------------------------------
// any() and all() of a generator expression

typedef struct AnyCtx {
    const AstNode *elt;
    int result;
    bool is_all;
    IrBlock *done;
} AnyCtx;

static void any_inner(Lower *l, void *p, IrBlock *exit) {
    (void)exit;
    AnyCtx *c = p;
    IrBlock *hit = ir_block_new(l->fn), *next = ir_block_new(l->fn);
    int v = lower_truth(l, lower_expr(l, c->elt), c->elt);
    lower_branch(l, v, c->is_all ? next : hit, c->is_all ? hit : next, c->elt);
    lower_start(l, hit);
    IrConst *k;
    int r = lower_const_reg(l, IRC_BOOL, ty_prim(TY_BOOL), c->elt, &k);
    k->i = !c->is_all;
    lower_move(l, c->result, r, c->elt);
    lower_jump(l, c->done);
    lower_start(l, next);
}

static int lower_any_all(Lower *l, const AstNode *call, const AstNode *gen, bool is_all) {
    AnyCtx c = {gen->u.GeneratorExp.elt, lower_temp(l, ty_prim(TY_BOOL)), is_all,
                ir_block_new(l->fn)};
    IrConst *k;
    int init = lower_const_reg(l, IRC_BOOL, ty_prim(TY_BOOL), call, &k);
    k->i = is_all;
    lower_move(l, c.result, init, call);
    lower_comp_run(l, gen, any_inner, &c);
    lower_jump(l, c.done);
    lower_start(l, c.done);
    return lower_coerce(l, c.result, call->ty, call);
}

// ---------------------------------------------------------------------------------------------
// Calls

// Whether 'f' is `sep.join` of a str 'sep' (str.join exhausts its argument).
static bool is_join(const AstNode *f) {
    return f->kind == AST_Attribute && strcmp(f->u.Attribute.attr, "join") == 0
           && f->u.Attribute.value->ty && f->u.Attribute.value->ty->kind == TY_STR;
}

// Keyword values whose evaluation cannot be told apart from running a generator first.
static bool simple_keywords(const AstList *kws) {
    for (int i = 0; i < kws->count; i++) {
        AstKind k = kws->items[i]->u.keyword.value->kind;
        if (k != AST_Name && k != AST_Constant) {
            return false;
        }
    }
    return true;
}

// The value of argument 'a': a generator expression only where the consumer exhausts it.
static int call_arg(Lower *l, const AstNode *a, bool exhausts) {
    if (a->kind == AST_Starred) {
        lower_unsupported(l, a, "'*' in a call");
        return lower_const_none(l, a);
    }
    if (a->kind == AST_GeneratorExp && exhausts) {
        return lower_comprehension(l, a);
    }
    return lower_box(l, lower_expr(l, a), a);
}

// callee(args, kw=...) through kr_call; 'exhausts': a lone generator argument may run eagerly.
// With 'method' set, 'callee' is the receiver: obj.method(args) through kr_call_method.
static int generic_call(Lower *l, const AstNode *e, int callee, const char *method,
                        bool exhausts) {
    const AstList *args = &e->u.Call.args, *kws = &e->u.Call.keywords;
    int npos = args->count, nkw = kws->count, n = npos + 2 * nkw;
    int *regs = arena_alloc(l->arena, sizeof(int) * (size_t)(n + 1));
    for (int i = 0; i < npos; i++) {
        regs[i] = call_arg(l, args->items[i], exhausts && npos == 1 && simple_keywords(kws));
    }
    for (int i = 0; i < nkw; i++) {
        const AstNode *kw = kws->items[i];
        regs[npos + i] = call_arg(l, kw->u.keyword.value, false);
        regs[npos + nkw + i] = lower_const_str(l, kw->u.keyword.arg,
                                               strlen(kw->u.keyword.arg), kw);
    }
    int dst = lower_temp(l, dyn());
    IrInstr *in = lower_emit(l, method ? IR_CALL_METHOD : IR_CALL_OBJ, dst, n + 1, e);
    in->args[0] = callee;
    if (method) {
        in->cst = ir_const_new(l->m, IRC_STR);
        in->cst->s = method;
        in->cst->len = strlen(method);
    }
    if (n > 0) {
        memcpy(in->args + 1, regs, sizeof(int) * (size_t)n);
    }
    in->aux = nkw;
    return lower_coerce(l, dst, e->ty, e);
}

bool lower_call_runs_genexp(Lower *l, const AstNode *e, const AstNode *gen) {
    const AstNode *f = e->u.Call.func;
    const AstList *args = &e->u.Call.args, *kws = &e->u.Call.keywords;
    if (!lower_call_is_plain(e) || args->count != 1 || args->items[0] != gen
        || gen->kind != AST_GeneratorExp) {
        return false;
    }
    if (f->kind != AST_Name) {
        return is_join(f) && simple_keywords(kws);
    }
    Name id = f->u.Name.id;
    if (!lower_is_builtin(l, id)) {
        return false;
    }
    if (strcmp(id, "any") == 0 || strcmp(id, "all") == 0) {
        return kws->count == 0;
    }
    return in_table(exhausting, sizeof exhausting / sizeof exhausting[0], id)
           && simple_keywords(kws);
}

// A call of builtin ir_builtins[bi] with positional arguments only (lower_call_is_plain): its C
// entry called directly. What it returns has the builtin's own type, so no check follows
// where inference expects that type.
static int direct_builtin(Lower *l, const AstNode *e, int bi, bool exhausts) {
    const AstList *args = &e->u.Call.args;
    int n = args->count;
    int *regs = arena_alloc(l->arena, sizeof(int) * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        regs[i] = call_arg(l, args->items[i], exhausts && n == 1);
    }
    TyKind k = ir_builtins[bi].result;
    const Ty *ty = k == TY_INT || k == TY_STR || k == TY_BOOL ? ty_prim(k)
                   : k != TY_DYN && e->ty->kind == k           ? (const Ty *)e->ty
                                                               : dyn();
    int dst = lower_temp(l, ty);
    IrInstr *in = lower_emit(l, IR_CALL_BUILTIN, dst, n, e);
    if (n > 0) {
        memcpy(in->args, regs, sizeof(int) * (size_t)n);
    }
    in->aux = bi;
    return lower_coerce(l, dst, e->ty, e);
}

static int builtin_call(Lower *l, const AstNode *e, Name id) {
    const AstList *args = &e->u.Call.args;
    bool lone_gen = args->count == 1 && e->u.Call.keywords.count == 0
                    && args->items[0]->kind == AST_GeneratorExp;
    if (lone_gen && (strcmp(id, "any") == 0 || strcmp(id, "all") == 0)) {
        return lower_any_all(l, e, args->items[0], strcmp(id, "all") == 0);
    }
    if (strcmp(id, "vars") == 0 && args->count == 0 && e->u.Call.keywords.count == 0) {
        diag_error(l->d, e->span, "'vars()' without an argument is not supported by krait: a "
                                  "compiled function's variables are not a dictionary");
        return lower_const_none(l, e);
    }
    bool is_float = strcmp(id, "float") == 0, is_int = strcmp(id, "int") == 0;
    if ((is_float || is_int) && args->count == 1 && e->u.Call.keywords.count == 0
        && args->items[0]->kind != AST_Starred && e->ty
        && e->ty->kind == (is_float ? TY_FLOAT : TY_INT)) {
        // float(x) / int(x): the builtin's C entry, a double for float (inference types them)
        int item = lower_split_view_item(l, args->items[0], e->ty);
        if (item >= 0) {
            return item;
        }
        int x = lower_box(l, lower_expr(l, args->items[0]), args->items[0]);
        int r = lower_emit1(l, IR_NUM_CONVERT, e->ty, x, is_int, e);
        return lower_coerce(l, r, e->ty, e);
    }
    bool exhausts = in_table(exhausting, sizeof exhausting / sizeof exhausting[0], id);
    int bi = e->u.Call.keywords.count == 0 ? ir_builtin_find(id, args->count) : -1;
    if (bi >= 0) {
        return direct_builtin(l, e, bi, exhausts);
    }
    return generic_call(l, e, lower_builtin(l, id, e), NULL, exhausts);
}

// Whether 'name' is a method of the list, dict or set type 'vt'.
static bool container_method(const Ty *vt, Name name) {
    static const char *const list_methods[] = {"append", "extend", "insert", "pop", "remove",
                                               "index", "count", "reverse", "sort", "clear",
                                               "copy"};
    static const char *const dict_methods[] = {"get", "items", "keys", "values", "pop",
                                               "popitem", "setdefault", "update", "clear",
                                               "copy"};
    static const char *const set_methods[] = {
        "add", "discard", "remove", "pop", "union", "intersection", "difference",
        "symmetric_difference", "issubset", "issuperset", "isdisjoint", "update", "clear",
        "copy", "intersection_update", "difference_update", "symmetric_difference_update"};
    switch (vt->kind) {
    case TY_LIST:
        return in_table(list_methods, sizeof list_methods / sizeof *list_methods, name);
    case TY_DICT:
        return in_table(dict_methods, sizeof dict_methods / sizeof *dict_methods, name);
    case TY_SET:
        return in_table(set_methods, sizeof set_methods / sizeof *set_methods, name);
    default:
        return false;
    }
}

// Calls of builtins, methods and callable values (lower_call handles module functions and
// print first).
int lower_object_call(Lower *l, const AstNode *e) {
    const AstNode *f = e->u.Call.func;
    if (!lower_call_is_plain(e)) {
        bool builtin = f->kind == AST_Name && lower_is_builtin(l, f->u.Name.id);
        int callee = builtin ? lower_builtin(l, f->u.Name.id, f) : lower_box(l, lower_expr(l, f), f);
        return lower_call_ex(l, e, callee);
    }
    if (f->kind == AST_Name && lower_is_builtin(l, f->u.Name.id)) {
        return builtin_call(l, e, f->u.Name.id);
    }
    if (f->kind == AST_Attribute) {
        const AstNode *v = f->u.Attribute.value;
        const Ty *vt = v->ty ? (const Ty *)v->ty : infer_expr_type(l->inf, l->ifn, v);
        // No bound method object (a str's methods are called directly). On a list, dict or
        // set, only for a method the type has: the lookup cannot fail after the arguments
        // ran, where CPython looks it up first.
        if (vt->kind == TY_DYN || vt->kind == TY_STR
            || container_method(vt, f->u.Attribute.attr)) {
            int recv = lower_box(l, lower_expr(l, v), v);
            return generic_call(l, e, recv, f->u.Attribute.attr, is_join(f));
        }
    }
    int callee = lower_box(l, lower_expr(l, f), f);
    return generic_call(l, e, callee, NULL, is_join(f));
}
