// lower_func.c: AST → IR for functions as values (DESIGN §5): the `def` statement and lambda
// create a function object (MAKE_FUNCTION) when they execute, with their defaults evaluated
// then, their closure (a tuple of the cells of the variables they share with the enclosing
// functions) and their decorators applied at run time. Cell variables live in cells created
// by the function's prologue; free variables are read through the running function's closure.
// Calls with '*' or '**' arguments build a list and a dict and go through kr_call.
//
// Invariant: the cells of a function's free variables are in the order of the FREE symbols of
// its scope, both where the closure tuple is built and where the prologue loads them.
#include "lower_internal.h"

#include <string.h>

static const Ty *dyn(void) { return ty_prim(TY_DYN); }

// ---------------------------------------------------------------------------------------------
// Cells

int lower_cell_index(Lower *l, Name id) {
    for (int i = l->ncells - 1; i >= 0; i--) {
        if (l->cell_names[i] == id) {
            return i;
        }
    }
    return -1;
}

void lower_cell_push(Lower *l, Name id, int reg, bool is_free) {
    if (l->ncells == l->cells_cap) {
        int cap = l->cells_cap ? l->cells_cap * 2 : 8;
        size_t old = (size_t)l->cells_cap;
        l->cell_names = arena_realloc(l->arena, l->cell_names, sizeof(Name) * old,
                                      sizeof(Name) * (size_t)cap);
        l->cell_regs = arena_realloc(l->arena, l->cell_regs, sizeof(int) * old,
                                     sizeof(int) * (size_t)cap);
        l->cell_free = arena_realloc(l->arena, l->cell_free, sizeof(bool) * old,
                                     sizeof(bool) * (size_t)cap);
        l->cells_cap = cap;
    }
    l->cell_names[l->ncells] = id;
    l->cell_regs[l->ncells] = reg;
    l->cell_free[l->ncells++] = is_free;
}

static int param_reg(Lower *l, Name id) {
    if (l->fn->is_gen_resume) {  // its parameters are the first locals (GEN_ARG)
        for (int i = 0; i < l->ifn->nparams; i++) {
            if (l->fn->regs[i].name == id) {
                return i;
            }
        }
        return -1;
    }
    for (int i = 0; i < l->fn->nparams; i++) {
        if (l->fn->regs[l->fn->params[i]].name == id) {
            return l->fn->params[i];
        }
    }
    return -1;
}

// A new cell for 'id' (holding the parameter 'id' when it is one), registered as a cell.
static int new_cell(Lower *l, Name id, const AstNode *at) {
    int p = param_reg(l, id);
    int init = p >= 0 ? lower_box(l, p, at) : -1;
    int r = lower_temp(l, dyn());
    IrInstr *in = lower_emit(l, IR_CELL_NEW, r, init >= 0 ? 1 : 0, at);
    if (init >= 0) {
        in->args[0] = init;
    }
    lower_cell_push(l, id, r, false);
    return r;
}

void lower_func_prologue(Lower *l) {
    if (l->fn->node->kind == AST_Module) {
        return;
    }
    Scope *sc = l->ifn->scope;
    int nfree = 0;
    if (l->fn->is_gen_resume) {
        lower_gen_prologue(l);  // the arguments, then the free cells, come from the frame
    }
    for (int i = 0; i < sc->nsymbols; i++) {
        const Symbol *sym = sc->symbols[i];
        if (sym->scope == SYM_FREE) {
            int r = lower_temp(l, dyn());
            if (l->fn->is_gen_resume) {
                lower_emit(l, IR_GEN_ARG, r, 0, NULL)->aux = l->ifn->nparams + nfree++;
            } else {
                lower_emit(l, IR_LOAD_CLOSURE, r, 0, NULL)->aux = nfree++;
            }
            lower_cell_push(l, sym->name, r, true);
        } else if (sym->scope == SYM_CELL) {
            new_cell(l, sym->name, NULL);
        }
    }
}

static int str_const(Lower *l, const char *s, const AstNode *at) {
    return lower_const_str(l, s, strlen(s), at);
}

int lower_cell_load(Lower *l, Name id, const AstNode *at) {
    int i = lower_cell_index(l, id);
    int dst = lower_temp(l, dyn());
    IrInstr *in = lower_emit(l, IR_CELL_GET, dst, 1, at);
    in->args[0] = l->cell_regs[i];
    in->aux = l->cell_free[i];
    in->cst = ir_const_new(l->m, IRC_STR);
    in->cst->s = id;
    in->cst->len = strlen(id);
    return dst;
}

void lower_cell_store(Lower *l, Name id, int value, const AstNode *at) {
    int v = lower_box(l, value, at);
    IrInstr *in = lower_emit(l, IR_CELL_SET, -1, 2, at);
    in->args[0] = l->cell_regs[lower_cell_index(l, id)];
    in->args[1] = v;
}

// ---------------------------------------------------------------------------------------------
// def and lambda

static int build(Lower *l, IrBuild kind, const int *regs, int n, const AstNode *at) {
    int dst = lower_temp(l, dyn());
    IrInstr *in = lower_emit(l, IR_BUILD, dst, n, at);
    if (n > 0) {
        memcpy(in->args, regs, sizeof(int) * (size_t)n);
    }
    in->aux = kind;
    return dst;
}

static int defaults_tuple(Lower *l, const AstNode *args, const AstNode *at) {
    const AstList *defs = &args->u.arguments.defaults;
    if (defs->count == 0) {
        return lower_const_none(l, at);
    }
    int *regs = arena_alloc(l->arena, sizeof(int) * (size_t)defs->count);
    for (int i = 0; i < defs->count; i++) {
        regs[i] = lower_box(l, lower_expr(l, defs->items[i]), defs->items[i]);
    }
    return build(l, BUILD_TUPLE, regs, defs->count, at);
}

static int kwdefaults_dict(Lower *l, const AstNode *args, const AstNode *at) {
    const AstList *kw = &args->u.arguments.kwonlyargs, *defs = &args->u.arguments.kw_defaults;
    int *regs = arena_alloc(l->arena, sizeof(int) * (size_t)(2 * kw->count + 1));
    int n = 0;
    for (int i = 0; i < kw->count; i++) {
        if (defs->items[i]) {
            regs[n++] = str_const(l, kw->items[i]->u.arg.arg, at);
            regs[n++] = lower_box(l, lower_expr(l, defs->items[i]), defs->items[i]);
        }
    }
    return n ? build(l, BUILD_DICT, regs, n, at) : lower_const_none(l, at);
}

static int closure_tuple(Lower *l, IrFunc *fn, const AstNode *at) {
    if (!fn->has_closure) {
        return lower_const_none(l, at);
    }
    Scope *sc = fn->ifn->scope;
    int *regs = arena_alloc(l->arena, sizeof(int) * (size_t)(sc->nsymbols + 1));
    int n = 0;
    for (int i = 0; i < sc->nsymbols; i++) {
        if (sc->symbols[i]->scope != SYM_FREE) {
            continue;
        }
        int c = lower_cell_index(l, sc->symbols[i]->name);
        if (c < 0) {
            lower_unsupported(l, at, "this closure variable");
            return lower_const_none(l, at);
        }
        regs[n++] = l->cell_regs[c];
    }
    return build(l, BUILD_TUPLE, regs, n, at);
}

static int docstring(Lower *l, const AstNode *node) {
    if (node->kind == AST_FunctionDef && node->u.FunctionDef.body.count > 0) {
        const AstNode *s = node->u.FunctionDef.body.items[0];
        if (s->kind == AST_Expr && s->u.Expr.value->kind == AST_Constant
            && s->u.Expr.value->u.Constant.value.kind == CONST_STR) {
            return lower_constant(l, s->u.Expr.value);
        }
    }
    return lower_const_none(l, node);
}

// 'fn' was declared by lower_declare_func, so it is in the module.
static int func_index(Lower *l, const IrFunc *fn) {
    int i = 1;
    while (l->m->funcs[i] != fn) {
        i++;
    }
    return i;
}

// The function object of 'fn' (its defaults evaluated now).
static int make_function(Lower *l, IrFunc *fn, const AstNode *node) {
    const AstNode *args = node->kind == AST_Lambda ? node->u.Lambda.args
                                                   : node->u.FunctionDef.args;
    int ops[5];
    ops[0] = defaults_tuple(l, args, node);
    ops[1] = kwdefaults_dict(l, args, node);
    ops[2] = closure_tuple(l, fn, node);
    ops[3] = docstring(l, node);
    ops[4] = str_const(l, l->m->unit->name, node);  // __module__
    int dst = lower_temp(l, dyn());
    IrInstr *in = lower_emit(l, IR_MAKE_FUNCTION, dst, 5, node);
    memcpy(in->args, ops, sizeof ops);
    in->aux = func_index(l, fn);
    return dst;
}

// The qualname of a function or class named 'name' defined in the code being lowered.
const char *lower_qualname(Lower *l, const char *name) {
    if (l->cls) {
        return arena_printf(l->arena, "%s.%s", l->cls->qualname, name);
    }
    if (l->fn->node->kind == AST_Module) {
        return name;
    }
    return arena_printf(l->arena, "%s.<locals>.%s", l->fn->qualname, name);
}

static IrFunc *toplevel_func(Lower *l, const AstNode *def) {
    for (int i = 1; i < l->m->nfuncs; i++) {
        if (l->m->funcs[i]->node == def) {
            return l->m->funcs[i];
        }
    }
    return NULL;
}

void lower_funcdef(Lower *l, const AstNode *s) {
    const AstList *decs = &s->u.FunctionDef.decorator_list;
    if (s->u.FunctionDef.type_params.count) {
        lower_unsupported(l, s, "a generic function");
        return;
    }
    int *dec = arena_alloc(l->arena, sizeof(int) * (size_t)(decs->count + 1));
    for (int i = 0; i < decs->count; i++) {
        dec[i] = lower_box(l, lower_expr(l, decs->items[i]), decs->items[i]);
    }
    IrFunc *fn = toplevel_func(l, s);
    Name name = s->u.FunctionDef.name;
    if (!fn) {
        fn = lower_declare_func(l, s, infer_nested(l->inf, s), lower_qualname(l, name));
    }
    int f = make_function(l, fn, s);
    for (int i = decs->count - 1; i >= 0; i--) {
        f = lower_call_obj(l, dec[i], &f, 1, dyn(), s);
    }
    if (!fn->ifn->nested) {
        IrInstr *in = lower_emit(l, IR_STORE_GLOBAL, -1, 1, s);
        in->args[0] = f;
        in->aux = lower_global_index(l, name);
        return;
    }
    lower_store_name(l, name, f, s);
}

int lower_lambda(Lower *l, const AstNode *e) {
    IrFunc *fn = lower_declare_func(l, e, infer_nested(l->inf, e), lower_qualname(l, "<lambda>"));
    return make_function(l, fn, e);
}

// ---------------------------------------------------------------------------------------------
// Calls

bool lower_call_is_plain(const AstNode *e) {
    for (int i = 0; i < e->u.Call.args.count; i++) {
        if (e->u.Call.args.items[i]->kind == AST_Starred) {
            return false;
        }
    }
    for (int i = 0; i < e->u.Call.keywords.count; i++) {
        if (!e->u.Call.keywords.items[i]->u.keyword.arg) {
            return false;
        }
    }
    return true;
}

static void add(Lower *l, int container, int value, IrAdd how, const AstNode *at) {
    IrInstr *in = lower_emit(l, IR_CONTAINER_ADD, -1, 2, at);
    in->args[0] = container;
    in->args[1] = value;
    in->aux = how;
}

int lower_call_ex(Lower *l, const AstNode *e, int callee) {
    const AstList *args = &e->u.Call.args, *kws = &e->u.Call.keywords;
    int pos = build(l, BUILD_LIST, NULL, 0, e);
    for (int i = 0; i < args->count; i++) {
        const AstNode *a = args->items[i];
        bool star = a->kind == AST_Starred;
        const AstNode *v = star ? a->u.Starred.value : a;
        add(l, pos, lower_box(l, lower_expr(l, v), v), star ? ADD_EXTEND : ADD_APPEND, a);
    }
    int kw = build(l, BUILD_DICT, NULL, 0, e);
    for (int i = 0; i < kws->count; i++) {
        const AstNode *k = kws->items[i];
        int v = lower_box(l, lower_expr(l, k->u.keyword.value), k);
        if (!k->u.keyword.arg) {
            add(l, kw, v, ADD_DICT_UPDATE, k);
            continue;
        }
        int key = str_const(l, k->u.keyword.arg, k);
        IrInstr *in = lower_emit(l, IR_DICT_SET, -1, 3, k);
        in->args[0] = kw;
        in->args[1] = key;
        in->args[2] = v;
    }
    int dst = lower_temp(l, dyn());
    IrInstr *in = lower_emit(l, IR_CALL_EX, dst, 3, e);
    in->args[0] = callee;
    in->args[1] = pos;
    in->args[2] = kw;
    return lower_coerce(l, dst, e->ty, e);
}

int lower_super0(Lower *l, const AstNode *e) {
    int c = lower_cell_index(l, intern_cstr(l->m->in, "__class__"));
    int first = lower_first_param(l);
    if (c < 0 || first < 0 || l->cls) {
        lower_unsupported(l, e, "super() outside a method");
        return lower_const_none(l, e);
    }
    int cls = lower_cell_load(l, l->cell_names[c], e);
    int self = lower_box(l, first, e);
    return lower_coerce(l, lower_emit2(l, IR_SUPER, dyn(), cls, self, 0, e), e->ty, e);
}
