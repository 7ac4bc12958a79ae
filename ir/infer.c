// infer.c: type inference for a module (DESIGN §4). Input: the AST and its symbol tables.
// Output: for each module-level function the types of its locals and its return type, the type
// of each module global, and (on request) the type of any expression.
//
// Sources of types: annotations of parameters, returns and variables; literals; the operator
// result tables below; the return types of known functions. A local or global takes the join of
// everything assigned to it. Everything starts at bottom and only rises, so iterating over the
// whole module until nothing changes reaches a fixpoint; whatever is still bottom then (a value
// no path produces) becomes dyn. Unannotated parameters are dyn (the call-site join is future
// work). Inference chooses representations only: it never changes what a program does.
#include "ir.h"

#include <assert.h>
#include <stdint.h>
#include <string.h>

typedef struct Site Site;
typedef struct InferFacts InferFacts;

typedef struct Infer {
    Arena *arena;
    Interner *in;
    TyCtx *types;
    Scope *top;
    const AstNode *mod;
    InferFunc *body;  // the module body (its "locals" are the globals)
    InferFunc **funcs;
    int nfuncs;
    bool changed;
    Name *shadow;  // the variables of the comprehensions being typed (dyn, not locals)
    int nshadow, shadow_cap;
    Name n_int, n_float, n_bool, n_str, n_optional, n_print, n_range, n_dunder_name;
    Name n_list, n_dict, n_set, n_tuple, n_len, n_repr, n_chr, n_ord, n_hex, n_isinstance;
    Name n_sorted, n_typing, n_union;
    Name n_cap_list, n_cap_dict, n_cap_set, n_cap_tuple;
    InferCallHook call_hook;  // calls of other modules' functions (infer_module)
    void *hook_ctx;
    bool importable;      // other modules may import this one: no closed function
    Name n_math, n_append, n_insert, n_extend;
    bool opaque;     // the module reaches its own namespace: no closed function, no list followed
    bool math_pure;  // `math` is the math module everywhere (imported once, never patched)
    bool frozen;     // the module's fixpoint is reached: new sites are not followed
    bool use_safe;   // the expression being typed is used where its list cannot escape
    const AstNode **site_keys;  // node -> site table (see "Lists")
    Site **site_vals;
    int nsites, sites_cap;
    // Type aliases (see "Annotations"): module-level names assigned a type expression once.
    Name *alias_names;
    const AstNode **alias_values;
    int naliases, alias_depth;
} Infer;

static const Ty *expr_type(Infer *inf, InferFunc *f, const AstNode *e);
static bool is_numeric(const Ty *t);
static const Ty *use_type(Infer *inf, InferFunc *f, const AstNode *e);
static void escape(Infer *inf, InferFunc *f, const AstNode *e);
static void bind_target(Infer *inf, InferFunc *f, const AstNode *target, const Ty *ty);
static void bind_value(Infer *inf, InferFunc *f, const AstNode *target, const AstNode *value,
                       const Ty *ty);

// ---------------------------------------------------------------------------------------------
// Variables

static int var_index(const InferFunc *f, Name name) {
    for (int i = 0; i < f->nvars; i++) {
        if (f->vars[i] == name) {
            return i;
        }
    }
    return -1;
}

static void var_add(Infer *inf, InferFunc *f, Name name, const Ty *ty) {
    if (f->nvars == f->vars_cap) {
        int cap = f->vars_cap ? f->vars_cap * 2 : 8;
        f->vars = arena_realloc(inf->arena, f->vars, sizeof(Name) * (size_t)f->vars_cap,
                                sizeof(Name) * (size_t)cap);
        f->var_tys = arena_realloc(inf->arena, f->var_tys, sizeof(Ty *) * (size_t)f->vars_cap,
                                   sizeof(Ty *) * (size_t)cap);
        f->var_bound = arena_realloc(inf->arena, f->var_bound,
                                     sizeof(Ty *) * (size_t)f->vars_cap, sizeof(Ty *) * (size_t)cap);
        f->vars_cap = cap;
    }
    f->vars[f->nvars] = name;
    f->var_bound[f->nvars] = NULL;
    f->var_tys[f->nvars++] = ty;
}

// A `float` annotation admits ints and bools too (PEP 484's numeric tower), and CPython keeps
// them as they are: it is num (an object checked to be an int, bool or float), and `list[float]`
// is list[num]. A slot so annotated (its bound) is float (a C double), or list[float], only
// while every value entering it is one, else the bound (a value of unknown type is checked
// against it). A slot that is also given a value of another known type (None, a str) takes the
// join with its bound, as an annotated variable always has.
static bool bounded(const Ty *bound) {
    return bound->kind == TY_NUM || (bound->kind == TY_LIST && bound->arg->kind == TY_NUM);
}

static bool narrow_for(const Ty *bound, const Ty *t) {
    if (t->kind == TY_BOTTOM) {
        return true;
    }
    return bound->kind == TY_NUM ? t == ty_prim(TY_FLOAT)
                                 : t->kind == TY_LIST
                                       && (t->arg->kind == TY_BOTTOM || t->arg->kind == TY_FLOAT);
}

// What the slot bounded by 'bound' and holding 'cur' holds once given a value of type 't'. An
// argument or a return of unknown type ('checked') is checked against the bound; a variable
// assigned one is dyn, as an annotated variable always was.
static const Ty *clip_to(Infer *inf, const Ty *bound, const Ty *cur, const Ty *t, bool checked) {
    const Ty *j = ty_join(inf->types, cur, t);
    if (narrow_for(bound, j)) {
        return j;
    }
    bool fits = (checked && t->kind == TY_DYN)
                || (bound->kind == TY_NUM ? is_numeric(t) || t->kind == TY_NUM : t->kind == TY_LIST);
    bool wide = !narrow_for(bound, cur) && cur != bound;
    return fits && !wide ? bound : ty_join(inf->types, bound, j);
}

// Joins 'ty' into the slot '*slot' bounded by 'bound', noting a change.
static void join_bounded(Infer *inf, const Ty *bound, const Ty **slot, const Ty *ty,
                         bool checked) {
    const Ty *j = clip_to(inf, bound, *slot, ty, checked);
    if (j != *slot) {
        *slot = j;
        inf->changed = true;
    }
}

// Joins 'ty' into the slot '*slot', noting a change.
static void join_into(Infer *inf, const Ty **slot, const Ty *ty) {
    const Ty *j = ty_join(inf->types, *slot, ty);
    if (j != *slot) {
        *slot = j;
        inf->changed = true;
    }
}

// Whether 'name' is a local (C local) of 'f'; the module body has none.
static bool is_local(const InferFunc *f, Name name) {
    return f->node->kind != AST_Module && scope_access(f->scope, name) == ACCESS_FAST;
}

// Whether 'name' in 'f' is a module global (not a cell, free or class namespace variable).
static bool is_global(const InferFunc *f, Name name) {
    ScopeAccess a = scope_access(f->scope, name);
    return a == ACCESS_GLOBAL || (a == ACCESS_NAME && f->node->kind == AST_Module);
}

// The typed variable 'name' of 'f' stands for: its index in '*owner' ('f' for a local, the
// module body for a global), added on first sight; -1 when it is untyped (a cell, a class
// namespace variable, or a global seen from a nested function, typed after the module).
static int typed_var(Infer *inf, InferFunc *f, Name name, InferFunc **owner) {
    if (!is_local(f, name) && (!is_global(f, name) || f->nested)) {
        return -1;
    }
    *owner = is_local(f, name) ? f : inf->body;
    int i = var_index(*owner, name);
    if (i < 0) {
        var_add(inf, *owner, name, ty_prim(TY_BOTTOM));
        i = (*owner)->nvars - 1;
        inf->changed = true;
    }
    return i;
}

// Records that 'name' is assigned a value of type 'ty' in 'f'. Cells and class namespaces
// hold dyn; a nested function, typed after the module, does not widen a global.
static void bind(Infer *inf, InferFunc *f, Name name, const Ty *ty) {
    InferFunc *owner = NULL;
    int i = typed_var(inf, f, name, &owner);
    if (i < 0) {
        return;
    }
    if (owner->var_bound[i]) {
        join_bounded(inf, owner->var_bound[i], &owner->var_tys[i], ty, false);
    } else {
        join_into(inf, &owner->var_tys[i], ty);
    }
}

// Marks the variable 'name' of 'f' (a local or global) as bounded by its annotation 'bound'.
static void mark_bound(Infer *inf, InferFunc *f, Name name, const Ty *bound) {
    InferFunc *owner = NULL;
    int i = typed_var(inf, f, name, &owner);
    if (i >= 0 && !owner->var_bound[i]) {
        owner->var_bound[i] = bound;
        join_bounded(inf, bound, &owner->var_tys[i], ty_prim(TY_BOTTOM), false);
    }
}

const Ty *infer_var_type(const InferFunc *f, Name name) {
    int i = var_index(f, name);
    return i < 0 ? NULL : f->var_tys[i];
}

const Ty *infer_global_type(Infer *inf, Name name) { return infer_var_type(inf->body, name); }

InferFunc *infer_func_of(Infer *inf, Name name) {
    for (int i = 0; i < inf->nfuncs; i++) {
        if (inf->funcs[i]->name == name) {
            return inf->funcs[i];
        }
    }
    return NULL;
}

InferFunc *infer_module_body(Infer *inf) { return inf->body; }

// ---------------------------------------------------------------------------------------------
// Which functions are closed
//
// A direct module-level function is closed when every reference to its name is the callee of a
// direct call in the module body or in a module-level function (not in a nested function,
// lambda, class or comprehension, which inference types after the module), with arguments that
// bind to its parameters as lower_user_call binds them. Nothing else can reach its boxed entry,
// so its unannotated parameters only ever receive what those calls pass. A module that reaches
// its own namespace, frames or the builtins module (globals(), eval, sys.modules, f_locals,
// import builtins...) has no closed function and no followed list.

static const char *const opaque_names[] = {"globals", "locals", "vars", "eval", "exec",
                                           "__import__", "__main__", "__builtins__"};
static const char *const opaque_attrs[] = {"modules", "_getframe", "get_objects",
                                           "get_referrers", "f_locals", "f_globals",
                                           "__globals__", "__dict__", "__code__", "__defaults__",
                                           "__reduce__", "__reduce_ex__", "tb_frame"};

// The functions of the math module that return a float or raise, whatever their arguments.
static const char *const math_float_funcs[] = {
    "sqrt", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh",
    "asinh", "acosh", "atanh", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "pow",
    "fabs", "hypot", "fmod", "copysign", "degrees", "radians", "fsum", "cbrt", "erf", "erfc",
    "gamma", "lgamma", "ldexp", "remainder", "nextafter", "ulp", "dist"};
static const char *const math_float_consts[] = {"pi", "e", "tau", "inf", "nan"};

static bool name_in(Name id, const char *const *names, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (strcmp(id, names[i]) == 0) {
            return true;
        }
    }
    return false;
}

#define NAME_IN(id, list) name_in((id), (list), sizeof(list) / sizeof(list)[0])

// Binds the arguments of 'call' to the parameters of the direct function 'def' as
// lower_user_call does: 'out[i]' the expression for parameter i, NULL for its default. Returns
// false when the call would go through the function object (CPython's TypeError).
static bool match_call(const AstNode *def, const AstNode *call, const AstNode **out) {
    const AstNode *a = def->u.FunctionDef.args;
    const AstList *params = &a->u.arguments.args, *args = &call->u.Call.args;
    const AstList *kws = &call->u.Call.keywords;
    int n = params->count, first_default = n - a->u.arguments.defaults.count;
    if (args->count > n) {
        return false;
    }
    for (int i = 0; i < n; i++) {
        out[i] = i < args->count ? args->items[i] : NULL;
    }
    for (int i = 0; i < args->count; i++) {
        if (args->items[i]->kind == AST_Starred) {
            return false;
        }
    }
    for (int k = 0; k < kws->count; k++) {
        Name kw = kws->items[k]->u.keyword.arg;
        int i = 0;
        while (i < n && params->items[i]->u.arg.arg != kw) {
            i++;
        }
        if (!kw || i == n || out[i]) {
            return false;
        }
        out[i] = kws->items[k]->u.keyword.value;
    }
    for (int i = 0; i < first_default; i++) {
        if (!out[i]) {
            return false;
        }
    }
    return true;
}

typedef struct Scan {
    Infer *inf;
    int *alias_binds;    // per alias candidate: its bindings anywhere in the module
    int math_binds;      // bindings of the name 'math' other than a top-level `import math`
    bool math_imported;  // a top-level `import math`
    bool math_patched;   // an attribute store that could replace a math function
} Scan;

static void scan_node(Scan *sc, const AstNode *n, Scope *scope, int depth);

static void scan_list(Scan *sc, const AstList *l, Scope *scope, int depth) {
    for (int i = 0; i < l->count; i++) {
        if (l->items[i]) {
            scan_node(sc, l->items[i], scope, depth);
        }
    }
}

// A use of 'id' that is not the callee of a matching direct call.
static void scan_ref(Scan *sc, Name id, Scope *scope, int depth) {
    InferFunc *fn = infer_func_of(sc->inf, id);
    if (!fn) {
        return;
    }
    if (depth == 0 && scope != sc->inf->top && scope_access(scope, id) != ACCESS_GLOBAL) {
        return;  // a local of a module-level function
    }
    fn->closed = false;
}

static void scan_call(Scan *sc, const AstNode *e, Scope *scope, int depth) {
    const AstNode *callee = e->u.Call.func;
    InferFunc *fn = callee->kind == AST_Name ? infer_func_of(sc->inf, callee->u.Name.id) : NULL;
    if (fn && fn->closed && depth == 0
        && (scope == sc->inf->top || scope_access(scope, fn->name) == ACCESS_GLOBAL)) {
        int n = fn->node->u.FunctionDef.args->u.arguments.args.count;
        const AstNode **out = arena_alloc(sc->inf->arena, sizeof(AstNode *) * (size_t)(n + 1));
        if (!match_call(fn->node, e, out)) {
            fn->closed = false;
        }
    } else {
        scan_node(sc, callee, scope, depth);
    }
    scan_list(sc, &e->u.Call.args, scope, depth);
    scan_list(sc, &e->u.Call.keywords, scope, depth);
}

static void scan_alias_bind(Scan *sc, Name id) {
    for (int i = 0; i < sc->inf->naliases; i++) {
        if (sc->inf->alias_names[i] == id) {
            sc->alias_binds[i]++;
        }
    }
}

static void scan_bind(Scan *sc, Name id) {
    if (id && id == sc->inf->n_math) {
        sc->math_binds++;
    }
    scan_alias_bind(sc, id);
}

static void scan_import(Scan *sc, const AstNode *s, Scope *scope, int depth) {
    const AstList *names = s->kind == AST_Import ? &s->u.Import.names : &s->u.ImportFrom.names;
    const char *mod = s->kind == AST_ImportFrom ? s->u.ImportFrom.module : NULL;
    if (mod && (strcmp(mod, "__main__") == 0 || strcmp(mod, "builtins") == 0)) {
        sc->inf->opaque = true;  // its own namespace, or builtins it could replace
    }
    for (int i = 0; i < names->count; i++) {
        const AstNode *a = names->items[i];
        const char *bound = a->u.alias.asname ? a->u.alias.asname : a->u.alias.name;
        if (strcmp(a->u.alias.name, "__main__") == 0 || strcmp(a->u.alias.name, "builtins") == 0) {
            sc->inf->opaque = true;
        }
        bool top_math = s->kind == AST_Import && scope == sc->inf->top && depth == 0
                        && !a->u.alias.asname && strcmp(a->u.alias.name, "math") == 0;
        if (top_math) {
            sc->math_imported = true;
        } else if (strcmp(bound, "math") == 0 || strcmp(bound, "*") == 0) {  // '*' may bind it
            sc->math_binds++;
        }
        scan_ref(sc, intern_cstr(sc->inf->in, bound), scope, depth);
    }
}

// Generic walk over the remaining fields of 'n'.
static void scan_fields(Scan *sc, const AstNode *n, Scope *scope, int depth) {
    int count;
    const AstField *fields = ast_fields(n->kind, &count);
    for (int i = 0; i < count; i++) {
        const char *p = (const char *)n + fields[i].offset;
        if (fields[i].kind == FK_NODE || fields[i].kind == FK_NODE_OPT) {
            const AstNode *c = *(AstNode *const *)p;
            if (c) {
                scan_node(sc, c, scope, depth);
            }
        } else if (fields[i].kind == FK_LIST) {
            scan_list(sc, (const AstList *)p, scope, depth);
        } else if (fields[i].kind == FK_IDENT || fields[i].kind == FK_IDENT_OPT) {
            Name id = *(const Name *)p;
            if (id && n->kind != AST_Attribute && n->kind != AST_keyword) {
                scan_bind(sc, id);  // def/class/except/match/alias names and arg names
                if (n->kind != AST_arg) {
                    scan_ref(sc, id, scope, depth);
                }
            }
        } else if (fields[i].kind == FK_IDENT_LIST) {
            const NameList *l = (const NameList *)p;
            for (int k = 0; k < l->count; k++) {
                scan_bind(sc, l->items[k]);
                scan_ref(sc, l->items[k], scope, depth);
            }
        }
    }
}

static void scan_node(Scan *sc, const AstNode *n, Scope *scope, int depth) {
    switch (n->kind) {
    case AST_Call:
        scan_call(sc, n, scope, depth);
        return;
    case AST_Name:
        if (NAME_IN(n->u.Name.id, opaque_names)) {
            sc->inf->opaque = true;
        }
        if (n->u.Name.id == sc->inf->n_math && n->u.Name.ctx != AST_OP_Load) {
            sc->math_binds++;
        }
        if (n->u.Name.ctx != AST_OP_Load) {
            scan_alias_bind(sc, n->u.Name.id);
        }
        if (strcmp(n->u.Name.id, "setattr") == 0 || strcmp(n->u.Name.id, "delattr") == 0) {
            sc->math_patched = true;
        }
        scan_ref(sc, n->u.Name.id, scope, depth);
        return;
    case AST_Attribute:
        if (NAME_IN(n->u.Attribute.attr, opaque_attrs)) {
            sc->inf->opaque = true;
        }
        if (n->u.Attribute.ctx != AST_OP_Load
            && (NAME_IN(n->u.Attribute.attr, math_float_funcs)
                || NAME_IN(n->u.Attribute.attr, math_float_consts))) {
            sc->math_patched = true;
        }
        scan_node(sc, n->u.Attribute.value, scope, depth);
        return;
    case AST_Import:
    case AST_ImportFrom:
        scan_import(sc, n, scope, depth);
        return;
    case AST_FunctionDef:
        if (depth == 0 && scope == sc->inf->top) {
            // decorators, defaults and annotations run in the module; the body is its own
            scan_bind(sc, n->u.FunctionDef.name);
            scan_list(sc, &n->u.FunctionDef.decorator_list, scope, depth);
            scan_node(sc, n->u.FunctionDef.args, scope, depth);
            if (n->u.FunctionDef.returns) {
                scan_node(sc, n->u.FunctionDef.returns, scope, depth);
            }
            scan_list(sc, &n->u.FunctionDef.type_params, scope, depth + 1);
            scan_list(sc, &n->u.FunctionDef.body, scope_of(sc->inf->top, n, false), 0);
            return;
        }
        scan_bind(sc, n->u.FunctionDef.name);
        scan_ref(sc, n->u.FunctionDef.name, scope, depth);
        scan_fields(sc, n, scope, depth + 1);
        return;
    case AST_AsyncFunctionDef:
    case AST_ClassDef:
    case AST_Lambda:
    case AST_ListComp:
    case AST_SetComp:
    case AST_DictComp:
    case AST_GeneratorExp:
        scan_fields(sc, n, scope, depth + 1);
        return;
    default:
        scan_fields(sc, n, scope, depth);
        return;
    }
}

// Type aliases: `Matrix = list[list[float]]` at the top of the module, the name bound nowhere
// else, makes the annotation `Matrix` mean what `list[list[float]]` does.
static void find_alias_candidates(Infer *inf) {
    const AstList *body = &inf->mod->u.Module.body;
    inf->alias_names = arena_alloc(inf->arena, sizeof(Name) * (size_t)(body->count + 1));
    inf->alias_values = arena_alloc(inf->arena, sizeof(AstNode *) * (size_t)(body->count + 1));
    for (int i = 0; i < body->count; i++) {
        const AstNode *st = body->items[i];
        if (st->kind != AST_Assign || st->u.Assign.targets.count != 1
            || st->u.Assign.targets.items[0]->kind != AST_Name) {
            continue;
        }
        const AstNode *v = st->u.Assign.value;
        bool type_expr = v->kind == AST_Subscript
                         || (v->kind == AST_BinOp && v->u.BinOp.op == AST_OP_BitOr);
        if (type_expr) {
            inf->alias_names[inf->naliases] = st->u.Assign.targets.items[0]->u.Name.id;
            inf->alias_values[inf->naliases++] = v;
        }
    }
}

static void keep_aliases_bound_once(Infer *inf, const int *binds) {
    int n = 0;
    for (int i = 0; i < inf->naliases; i++) {
        if (binds[i] == 1) {
            inf->alias_names[n] = inf->alias_names[i];
            inf->alias_values[n++] = inf->alias_values[i];
        }
    }
    inf->naliases = n;
}

// Sets 'closed' on module-level functions, and the module's 'opaque' and 'math_pure'.
static void scan_module(Infer *inf) {
    for (int i = 0; i < inf->nfuncs; i++) {
        InferFunc *f = inf->funcs[i];
        f->closed = f->direct && !f->rebindable && !f->scope->coroutine;
    }
    find_alias_candidates(inf);
    Scan sc = {.inf = inf, .alias_binds = arena_alloc(inf->arena, sizeof(int) *
                                                                   (size_t)(inf->naliases + 1))};
    memset(sc.alias_binds, 0, sizeof(int) * (size_t)(inf->naliases + 1));
    scan_list(&sc, &inf->mod->u.Module.body, inf->top, 0);
    keep_aliases_bound_once(inf, sc.alias_binds);
    for (int i = 0; (inf->opaque || inf->importable) && i < inf->nfuncs; i++) {
        inf->funcs[i]->closed = false;  // some caller is out of sight
    }
    inf->math_pure = sc.math_imported && sc.math_binds == 0 && !sc.math_patched;
}

// ---------------------------------------------------------------------------------------------
// Annotations

static bool is_none_const(const AstNode *e) {
    return e->kind == AST_Constant && e->u.Constant.value.kind == CONST_NONE;
}

// The container kind a name in an annotation denotes (list, List, typing.List...), or TY_BOTTOM.
static TyKind container_kind(Infer *inf, const AstNode *e) {
    if (e->kind == AST_Attribute && e->u.Attribute.value->kind == AST_Name
        && e->u.Attribute.value->u.Name.id == inf->n_typing) {
        Name a = e->u.Attribute.attr;
        return a == inf->n_cap_list   ? TY_LIST
               : a == inf->n_cap_dict ? TY_DICT
               : a == inf->n_cap_set  ? TY_SET
               : a == inf->n_cap_tuple ? TY_TUPLE
                                       : TY_BOTTOM;
    }
    if (e->kind != AST_Name) {
        return TY_BOTTOM;
    }
    Name id = e->u.Name.id;
    return id == inf->n_list || id == inf->n_cap_list     ? TY_LIST
           : id == inf->n_dict || id == inf->n_cap_dict   ? TY_DICT
           : id == inf->n_set || id == inf->n_cap_set     ? TY_SET
           : id == inf->n_tuple || id == inf->n_cap_tuple ? TY_TUPLE
                                                          : TY_BOTTOM;
}

static const Ty *annotation_or_dyn(Infer *inf, const AstNode *ann);

// list[T], Dict[K, V], tuple[T, ...], tuple[A, B] (the join of A and B): 'args' the subscript.
static const Ty *container_annotation(Infer *inf, TyKind kind, const AstNode *args) {
    const AstList *items = args->kind == AST_Tuple ? &args->u.Tuple.elts : NULL;
    int n = items ? items->count : 1;
    const AstNode *first = items ? (n ? items->items[0] : NULL) : args;
    if (!first) {
        return ty_container(inf->types, kind, NULL, NULL);
    }
    if (kind == TY_DICT) {
        const Ty *v = n == 2 ? annotation_or_dyn(inf, items->items[1]) : NULL;
        return ty_container(inf->types, kind, annotation_or_dyn(inf, first), v);
    }
    const Ty *elem = ty_prim(TY_BOTTOM);
    for (int i = 0; i < n; i++) {
        const AstNode *it = items ? items->items[i] : args;
        bool ellipsis = it->kind == AST_Constant && it->u.Constant.value.kind == CONST_ELLIPSIS;
        elem = ellipsis ? elem : ty_join(inf->types, elem, annotation_or_dyn(inf, it));
    }
    return ty_container(inf->types, kind, elem, NULL);
}

// Optional[T] and Union[T, None].
static const Ty *optional_annotation(Infer *inf, const AstNode *base, const AstNode *args) {
    if (base->kind == AST_Attribute) {
        base = base->u.Attribute.value->kind == AST_Name
                       && base->u.Attribute.value->u.Name.id == inf->n_typing
                   ? base
                   : NULL;
    }
    Name id = !base                      ? NULL
              : base->kind == AST_Name ? base->u.Name.id
                                       : base->u.Attribute.attr;
    if (id == inf->n_optional) {
        const Ty *t = infer_annotation(inf, args);
        return t ? ty_optional(inf->types, t) : NULL;
    }
    if (id == inf->n_union && args->kind == AST_Tuple && args->u.Tuple.elts.count == 2) {
        const AstNode *a = args->u.Tuple.elts.items[0], *b = args->u.Tuple.elts.items[1];
        const AstNode *other = is_none_const(b) ? a : is_none_const(a) ? b : NULL;
        const Ty *t = other ? infer_annotation(inf, other) : NULL;
        return t ? ty_optional(inf->types, t) : NULL;
    }
    return NULL;
}

// The type a type alias (find_alias_candidates) stands for, or NULL.
static const Ty *alias_annotation(Infer *inf, Name id) {
    for (int i = 0; i < inf->naliases && inf->alias_depth < 8; i++) {
        if (inf->alias_names[i] == id) {
            inf->alias_depth++;  // `X = list[X]` ends
            const Ty *t = infer_annotation(inf, inf->alias_values[i]);
            inf->alias_depth--;
            return t;
        }
    }
    return NULL;
}

const Ty *infer_annotation(Infer *inf, const AstNode *ann) {
    if (is_none_const(ann)) {
        return ty_prim(TY_NONE);
    }
    TyKind ck = container_kind(inf, ann);
    if (ck != TY_BOTTOM) {
        return ty_container(inf->types, ck, NULL, NULL);
    }
    if (ann->kind == AST_Name) {
        Name id = ann->u.Name.id;
        return id == inf->n_int     ? ty_prim(TY_INT)
               : id == inf->n_float ? ty_prim(TY_NUM)
               : id == inf->n_bool  ? ty_prim(TY_BOOL)
               : id == inf->n_str   ? ty_prim(TY_STR)
                                    : alias_annotation(inf, id);
    }
    if (ann->kind == AST_Subscript) {
        const AstNode *base = ann->u.Subscript.value, *args = ann->u.Subscript.slice;
        ck = container_kind(inf, base);
        return ck != TY_BOTTOM ? container_annotation(inf, ck, args)
                               : optional_annotation(inf, base, args);
    }
    if (ann->kind == AST_BinOp && ann->u.BinOp.op == AST_OP_BitOr) {
        const AstNode *l = ann->u.BinOp.left, *r = ann->u.BinOp.right;
        const AstNode *other = is_none_const(r) ? l : is_none_const(l) ? r : NULL;
        const Ty *t = other ? infer_annotation(inf, other) : NULL;
        return t ? ty_optional(inf->types, t) : NULL;
    }
    return NULL;
}

// Names of the typing module that only annotations use: krait reads them at compile time, and
// `from typing import ...` of them binds nothing at run time.
static const char *const typing_names[] = {
    "List", "Dict", "Set", "FrozenSet", "Tuple", "Optional", "Union", "Any", "Iterable",
    "Iterator", "Generator", "Sequence", "MutableSequence", "Mapping", "MutableMapping",
    "Callable", "Type", "Final", "ClassVar", "NoReturn", "Never", "Collection", "Container",
};

bool infer_is_typing_name(const char *name) {
    for (size_t k = 0; k < sizeof typing_names / sizeof typing_names[0]; k++) {
        if (strcmp(name, typing_names[k]) == 0) {
            return true;
        }
    }
    return false;
}

bool infer_is_typing_import(const AstNode *s) {
    if (s->kind != AST_ImportFrom) {
        return false;
    }
    const char *mod = s->u.ImportFrom.module;
    bool ok = mod && strcmp(mod, "typing") == 0 && s->u.ImportFrom.level == 0;
    for (int i = 0; ok && i < s->u.ImportFrom.names.count; i++) {
        const AstNode *a = s->u.ImportFrom.names.items[i];
        ok = infer_is_typing_name(a->u.alias.name) && !a->u.alias.asname;
    }
    return ok;
}

// An annotation's type, dyn for annotations krait does not understand yet.
static const Ty *annotation_or_dyn(Infer *inf, const AstNode *ann) {
    const Ty *t = ann ? infer_annotation(inf, ann) : NULL;
    return t ? t : ty_prim(TY_DYN);
}

// ---------------------------------------------------------------------------------------------
// Operator result tables

static bool is_numeric(const Ty *t) {
    return t->kind == TY_INT || t->kind == TY_BOOL || t->kind == TY_FLOAT;
}

static bool is_nonneg_int_const(const AstNode *e) {
    return e->kind == AST_Constant && e->u.Constant.value.kind == CONST_INT
           && !e->u.Constant.value.u.i.digits && e->u.Constant.value.u.i.small >= 0;
}

static bool is_bitwise(AstOp op) {
    return op == AST_OP_BitAnd || op == AST_OP_BitOr || op == AST_OP_BitXor;
}

// int (or bool) op int (or bool).
static const Ty *int_binop(AstOp op, const Ty *a, const Ty *b, const AstNode *rhs) {
    if (a->kind == TY_BOOL && b->kind == TY_BOOL && is_bitwise(op)) {
        return ty_prim(TY_DYN);  // bool & bool is a bool
    }
    switch (op) {
    case AST_OP_Div:
        return ty_prim(TY_FLOAT);
    case AST_OP_Pow:
        return is_nonneg_int_const(rhs) ? ty_prim(TY_INT) : ty_prim(TY_DYN);
    case AST_OP_MatMult:
        return ty_prim(TY_DYN);
    default:
        return ty_prim(TY_INT);
    }
}

// An arithmetic op with a float operand. 'b' is the right operand's type: a negative base to a
// non-integral power is a complex in Python (-8.0 ** 0.5), so only an int exponent keeps '**'
// a float.
static const Ty *float_binop(AstOp op, const Ty *b) {
    switch (op) {
    case AST_OP_Add:
    case AST_OP_Sub:
    case AST_OP_Mult:
    case AST_OP_Div:
    case AST_OP_FloorDiv:
    case AST_OP_Mod:
        return ty_prim(TY_FLOAT);
    case AST_OP_Pow:
        return b->kind == TY_FLOAT ? ty_prim(TY_DYN) : ty_prim(TY_FLOAT);
    default:
        return ty_prim(TY_DYN);
    }
}

const Ty *infer_binop_type(AstOp op, const Ty *a, const Ty *b, const AstNode *rhs) {
    if (a->kind == TY_BOTTOM || b->kind == TY_BOTTOM) {
        return ty_prim(TY_BOTTOM);
    }
    if (is_numeric(a) && is_numeric(b)) {
        if (a->kind == TY_FLOAT || b->kind == TY_FLOAT) {
            return float_binop(op, b);
        }
        return int_binop(op, a, b, rhs);
    }
    // num (an int, bool or float) with a float: the int is converted as CPython converts it;
    // not '**', where a float num may be a negative base or a non-integral exponent.
    bool num_float = (a->kind == TY_NUM && b->kind == TY_FLOAT)
                     || (a->kind == TY_FLOAT && b->kind == TY_NUM);
    if (num_float && op != AST_OP_Pow) {
        return float_binop(op, b);
    }
    if (a->kind == TY_STR && b->kind == TY_STR && op == AST_OP_Add) {
        return ty_prim(TY_STR);
    }
    return ty_prim(TY_DYN);
}

static const Ty *unary_type(AstOp op, const Ty *t) {
    if (op == AST_OP_Not) {
        return ty_prim(TY_BOOL);
    }
    if (t->kind == TY_BOTTOM) {
        return t;
    }
    if (t->kind == TY_INT || t->kind == TY_BOOL) {
        return ty_prim(TY_INT);
    }
    if (t->kind == TY_FLOAT && op != AST_OP_Invert) {
        return t;
    }
    return ty_prim(TY_DYN);
}

bool infer_compare_is_native(AstOp op, const Ty *a, const Ty *b) {
    if (op == AST_OP_Is || op == AST_OP_IsNot) {
        return true;
    }
    if (op == AST_OP_In || op == AST_OP_NotIn) {
        return true;  // kr_contains gives a C bool
    }
    return is_numeric(a) && is_numeric(b);
}

// A list compared by identity, with another list, or searched by 'in' is only read; compared
// with anything else, the other operand's methods see it.
static const Ty *compare_type(Infer *inf, InferFunc *f, const AstNode *e) {
    const AstNode *lnode = e->u.Compare.left;
    const Ty *left = use_type(inf, f, lnode);
    bool native = true, bottom = false;
    for (int i = 0; i < e->u.Compare.comparators.count; i++) {
        const AstNode *rnode = e->u.Compare.comparators.items[i];
        const Ty *right = use_type(inf, f, rnode);
        AstOp op = e->u.Compare.ops.items[i];
        native &= infer_compare_is_native(op, left, right);
        bool ident = op == AST_OP_Is || op == AST_OP_IsNot;
        bool lists = left->kind == TY_LIST && right->kind == TY_LIST;
        bool in = (op == AST_OP_In || op == AST_OP_NotIn) && right->kind == TY_LIST;
        bool known = left->kind != TY_BOTTOM && right->kind != TY_BOTTOM;
        bottom |= !known;
        if (!ident && !lists && known) {
            escape(inf, f, lnode);
            if (!in) {
                escape(inf, f, rnode);
            }
        }
        left = right;
        lnode = rnode;
    }
    return native ? ty_prim(TY_BOOL) : bottom ? ty_prim(TY_BOTTOM) : ty_prim(TY_DYN);
}

// ---------------------------------------------------------------------------------------------
// Expressions

static const Ty *const_type(const AstConst *c) {
    switch (c->kind) {
    case CONST_NONE:
        return ty_prim(TY_NONE);
    case CONST_TRUE:
    case CONST_FALSE:
        return ty_prim(TY_BOOL);
    case CONST_INT:
        return ty_prim(TY_INT);
    case CONST_FLOAT:
        return ty_prim(TY_FLOAT);
    case CONST_STR:
        return ty_prim(TY_STR);
    default:
        return ty_prim(TY_DYN);
    }
}

static bool is_shadowed(const Infer *inf, Name id) {
    for (int i = 0; i < inf->nshadow; i++) {
        if (inf->shadow[i] == id) {
            return true;
        }
    }
    return false;
}

static const Ty *name_type(Infer *inf, InferFunc *f, Name id) {
    if (is_shadowed(inf, id)) {
        return ty_prim(TY_DYN);
    }
    if (!is_local(f, id) && !is_global(f, id)) {
        return ty_prim(TY_DYN);
    }
    const Ty *t = is_local(f, id) ? infer_var_type(f, id) : infer_global_type(inf, id);
    if (t) {
        return t;
    }
    if (is_local(f, id)) {
        return ty_prim(TY_BOTTOM);  // not assigned yet in this iteration
    }
    return id == inf->n_dunder_name ? ty_prim(TY_STR) : ty_prim(TY_DYN);
}

// ---------------------------------------------------------------------------------------------
// Lists
//
// A list made by the program (a display, a comprehension, `[x] * n`, `a + b`, a slice) is a
// "site". Local variables of module-level functions, parameters of closed functions and their
// return values hold sites; the variables and values that may hold the same list share one site
// (union-find). A site's item type is the join of everything stored into it through any of
// them: the items of the display, append, insert, extend, +=, item and slice assignment. A use
// inference does not model (the list stored in a container or an attribute, passed to unknown
// code, captured by a closure, returned to dyn code...) makes the site escape: its items are dyn.
// Everything here only rises (sites merge, escape, their item types widen), so the module
// fixpoint covers it.

struct Site {
    Site *parent;
    const Ty *elem;  // join of the items stored; bottom while none
    bool escaped;
};

struct InferFacts {
    Site **var_sites;  // indexed like InferFunc.vars; NULL where no list was seen
    int nvar_sites;
    Site *ret_site;  // the lists a closed function returns
};

static Site *site_find(Site *s) {
    while (s && s->parent) {
        if (s->parent->parent) {
            s->parent = s->parent->parent;
        }
        s = s->parent;
    }
    return s;
}

static Site *site_new(Infer *inf) {
    Site *s = arena_alloc(inf->arena, sizeof *s);
    s->elem = ty_prim(TY_BOTTOM);
    s->escaped = inf->frozen;  // made after the module's fixpoint: nothing tracks it
    return s;
}

static void site_escape(Infer *inf, Site *s) {
    s = site_find(s);
    if (s && !s->escaped) {
        assert(!inf->frozen);  // every use was seen by the module's fixpoint
        s->escaped = true;
        inf->changed = true;
    }
}

static void site_store(Infer *inf, Site *s, const Ty *item) {
    s = site_find(s);
    if (s && !s->escaped) {
        assert(!inf->frozen || ty_join(inf->types, s->elem, item) == s->elem);
        join_into(inf, &s->elem, item);
    }
}

static Site *site_union(Infer *inf, Site *a, Site *b) {
    a = site_find(a);
    b = site_find(b);
    if (!a || !b || a == b) {
        return a ? a : b;
    }
    assert(!inf->frozen || (a->escaped && b->escaped));
    b->parent = a;
    a->elem = ty_join(inf->types, a->elem, b->elem);
    a->escaped |= b->escaped;
    inf->changed = true;
    return a;
}

// Makes the variable, parameter or return slot '*slot' share the site 's'.
static void site_flow(Infer *inf, Site **slot, Site *s) {
    if (!s) {
        return;
    }
    if (!*slot) {
        *slot = s;
        inf->changed = true;
        return;
    }
    *slot = site_union(inf, *slot, s);
}

static const Ty *site_ty(Infer *inf, Site *s) {
    s = site_find(s);
    return ty_list_of(inf->types, s->escaped ? ty_prim(TY_DYN) : s->elem);
}

// The sites of expression nodes (displays, comprehensions, list operations, calls of closed
// functions, and/or and if-else), in an open-addressing table keyed by the node.
static size_t site_hash(const AstNode *e, size_t cap) {
    return (size_t)(((uintptr_t)e >> 3) * 0x9E3779B97F4A7C15ull >> 20) & (cap - 1);
}

static Site **node_slot(Infer *inf, const AstNode *e, bool add) {
    if (!add && inf->nsites == 0) {
        return NULL;
    }
    if (add && (inf->nsites + 1) * 2 > inf->sites_cap) {
        size_t cap = inf->sites_cap ? (size_t)inf->sites_cap * 2 : 64;
        const AstNode **keys = arena_alloc(inf->arena, sizeof *keys * cap);
        Site **vals = arena_alloc(inf->arena, sizeof *vals * cap);
        for (int i = 0; i < inf->sites_cap; i++) {
            if (inf->site_keys[i]) {
                size_t h = site_hash(inf->site_keys[i], cap);
                while (keys[h]) {
                    h = (h + 1) & (cap - 1);
                }
                keys[h] = inf->site_keys[i];
                vals[h] = inf->site_vals[i];
            }
        }
        inf->site_keys = keys;
        inf->site_vals = vals;
        inf->sites_cap = (int)cap;
    }
    size_t cap = (size_t)inf->sites_cap, h = site_hash(e, cap);
    while (inf->site_keys[h] && inf->site_keys[h] != e) {
        h = (h + 1) & (cap - 1);
    }
    if (!inf->site_keys[h]) {
        if (!add) {
            return NULL;
        }
        inf->site_keys[h] = e;
        inf->nsites++;
    }
    return &inf->site_vals[h];
}

// The site of node 'e' itself, made on first request.
static Site *node_site(Infer *inf, const AstNode *e) {
    Site **slot = node_slot(inf, e, true);
    if (!*slot) {
        *slot = site_new(inf);
    }
    return site_find(*slot);
}

// Whether 'name' in 'f' is a local whose lists inference follows.
static bool tracked(const Infer *inf, const InferFunc *f, Name name) {
    return f->facts && !inf->opaque && is_local(f, name) && !is_shadowed(inf, name);
}

static Site **var_site_slot(Infer *inf, InferFunc *f, int i) {
    InferFacts *x = f->facts;
    if (i >= x->nvar_sites) {
        int n = f->vars_cap > i ? f->vars_cap : i + 1;
        x->var_sites = arena_realloc(inf->arena, x->var_sites,
                                     sizeof(Site *) * (size_t)x->nvar_sites,
                                     sizeof(Site *) * (size_t)n);
        x->nvar_sites = n;
    }
    return &x->var_sites[i];
}

// The site of the list expression 'e' evaluates to, or NULL when inference follows none.
static Site *site_of(Infer *inf, InferFunc *f, const AstNode *e) {
    if (e->kind == AST_Name) {
        Name id = e->u.Name.id;
        int i = tracked(inf, f, id) ? var_index(f, id) : -1;
        return i >= 0 ? site_find(*var_site_slot(inf, f, i)) : NULL;
    }
    Site **slot = node_slot(inf, e, false);
    return slot ? site_find(*slot) : NULL;
}

// The value of 'e' goes where inference does not follow it.
static void escape(Infer *inf, InferFunc *f, const AstNode *e) {
    site_escape(inf, site_of(inf, f, e));
}

// 't' for a value without a site that flows into a slot inference follows: a list type there
// whose items no site accounts for (an annotated list) is list[dyn].
static const Ty *unfollowed(Infer *inf, const Ty *t) {
    if (t->kind == TY_LIST && t->arg->kind != TY_DYN) {
        return ty_container(inf->types, TY_LIST, NULL, NULL);
    }
    if (t->kind == TY_OPTIONAL && t->arg->kind == TY_LIST && t->arg->arg->kind != TY_DYN) {
        return ty_prim(TY_DYN);
    }
    return t;
}

// What a call of the builtin 'id' returns, when that is always the same exact type.
static const Ty *builtin_call_type(Infer *inf, Name id, const AstNode *e) {
    TyCtx *c = inf->types;
    bool plain = e->u.Call.keywords.count == 0;
    if (id == inf->n_print) {
        return ty_prim(TY_NONE);
    }
    if (id == inf->n_len || id == inf->n_ord) {
        return ty_prim(TY_INT);
    }
    if (id == inf->n_repr || id == inf->n_chr || id == inf->n_hex
        || (id == inf->n_str && e->u.Call.args.count <= 1 && plain)) {
        return ty_prim(TY_STR);
    }
    if (id == inf->n_isinstance) {
        return ty_prim(TY_BOOL);
    }
    if ((id == inf->n_float || id == inf->n_int) && plain && e->u.Call.args.count == 1
        && e->u.Call.args.items[0]->kind != AST_Starred) {
        return ty_prim(id == inf->n_float ? TY_FLOAT : TY_INT);  // always an exact float / int
    }
    if (id == inf->n_list || id == inf->n_sorted) {
        return ty_container(c, TY_LIST, NULL, NULL);
    }
    if (id == inf->n_set || id == inf->n_tuple) {
        return ty_container(c, id == inf->n_set ? TY_SET : TY_TUPLE, NULL, NULL);
    }
    return id == inf->n_dict ? ty_container(c, TY_DICT, NULL, NULL) : ty_prim(TY_DYN);
}

// A call without '*' or '**' arguments.
static bool plain_call(const AstNode *e) {
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

// ---------------------------------------------------------------------------------------------
// math.f(x): the math functions of one float that return a float (kr_modules.h's
// KR_MATH_UNARY_F) are typed float when the global 'math' can only be the math module. The
// lowering calls them as C when the module is intact at run time (kr_math_intact), and through
// the module otherwise.

static const char *const math_float_functions[] = {
#define KR_X_(f) #f,
    KR_X_(sqrt) KR_X_(exp) KR_X_(exp2) KR_X_(expm1) KR_X_(log) KR_X_(log2) KR_X_(log10)
    KR_X_(log1p) KR_X_(fabs) KR_X_(sin) KR_X_(cos) KR_X_(tan) KR_X_(asin) KR_X_(acos)
    KR_X_(atan) KR_X_(sinh) KR_X_(cosh) KR_X_(tanh) KR_X_(asinh) KR_X_(acosh) KR_X_(atanh)
    KR_X_(degrees) KR_X_(radians) KR_X_(erf) KR_X_(erfc) KR_X_(gamma) KR_X_(lgamma) KR_X_(cbrt)
#undef KR_X_
};

bool infer_is_math_float_function(const char *name) {
    for (size_t i = 0; i < sizeof math_float_functions / sizeof *math_float_functions; i++) {
        if (strcmp(math_float_functions[i], name) == 0) {
            return true;
        }
    }
    return false;
}

// Types the arguments of call 'e': positional ones with 'use' (read only: their lists do not
// escape) when 'safe_args', keyword values always as escaping.
static void call_args(Infer *inf, InferFunc *f, const AstNode *e, bool safe_args) {
    for (int i = 0; i < e->u.Call.args.count; i++) {
        const AstNode *a = e->u.Call.args.items[i];
        if (safe_args && a->kind != AST_Starred) {
            use_type(inf, f, a);
        } else {
            expr_type(inf, f, a);
        }
    }
    for (int i = 0; i < e->u.Call.keywords.count; i++) {
        expr_type(inf, f, e->u.Call.keywords.items[i]->u.keyword.value);
    }
}

// Builtins that only read the lists passed to them and keep no reference to them beyond an
// iterator over their items.
static const char *const reading_builtins[] = {
    "len", "print", "str", "repr", "sorted", "list", "tuple", "set", "frozenset", "enumerate",
    "zip", "reversed", "any", "all", "iter", "sum"};

// A call of the closed function 'callee': each argument's type joins its parameter's (the
// unannotated ones) and its list shares the parameter's site.
static const Ty *closed_call(Infer *inf, InferFunc *f, const AstNode *e, InferFunc *callee) {
    const AstNode *def = callee->node;
    const AstList *params = &def->u.FunctionDef.args->u.arguments.args;
    const AstNode **out = arena_alloc(inf->arena, sizeof(AstNode *) * (size_t)(params->count + 1));
    if (!match_call(def, e, out)) {  // the scan saw every call: cannot happen
        call_args(inf, f, e, false);
        return ty_prim(TY_DYN);
    }
    for (int i = 0; i < params->count; i++) {
        const AstNode *a = out[i];
        if (!a) {
            continue;  // the default, joined in by func_signature
        }
        const Ty *t = use_type(inf, f, a);
        const AstNode *p = params->items[i];
        const Ty *bound = callee->var_bound[i];
        bool list_bound = bound && bound->kind == TY_LIST;
        if ((p->u.arg.annotation && !list_bound) || !tracked(inf, callee, p->u.arg.arg)) {
            escape(inf, f, a);  // an annotated (checked) slot, or a cell
        }
        if (p->u.arg.annotation && !bound) {
            continue;
        }
        Site *site = site_of(inf, f, a);
        if (site && tracked(inf, callee, p->u.arg.arg)) {
            site_flow(inf, var_site_slot(inf, callee, i), site);
        } else if (!site) {
            t = unfollowed(inf, t);
        }
        if (bound) {
            join_bounded(inf, bound, &callee->var_tys[i], t, true);
        } else {
            join_into(inf, &callee->var_tys[i], t);
        }
    }
    Site **slot = node_slot(inf, e, true);
    *slot = callee->facts->ret_site;
    return callee->ret_ty;
}

// xs.append(v), xs.extend(ys)... on a receiver that may be a followed list: what they store
// joins the list's item type. Other methods of lists keep no reference to the list.
static const Ty *list_method_call(Infer *inf, InferFunc *f, const AstNode *e) {
    static const char *const methods[] = {"append", "insert", "extend", "pop", "remove", "index",
                                          "count", "reverse", "sort", "clear", "copy"};
    const AstNode *fn = e->u.Call.func;
    if (!NAME_IN(fn->u.Attribute.attr, methods)) {
        return NULL;
    }
    const AstNode *recv = fn->u.Attribute.value;
    const Ty *rt = use_type(inf, f, recv);
    ((AstNode *)fn)->ty = (struct Ty *)ty_prim(TY_DYN);
    Name m = fn->u.Attribute.attr;
    const AstList *args = &e->u.Call.args;
    bool plain = plain_call(e) && e->u.Call.keywords.count == 0;
    bool extend = m == inf->n_extend && plain && args->count == 1
                  && (rt->kind == TY_LIST || rt->kind == TY_BOTTOM);
    call_args(inf, f, e, extend);
    // str.count and str.index give an int
    const Ty *res = rt->kind == TY_STR && (strcmp(m, "count") == 0 || strcmp(m, "index") == 0)
                        ? ty_prim(TY_INT)
                        : ty_prim(TY_DYN);
    Site *site = site_of(inf, f, recv);
    if (!site) {
        return res;
    }
    if (m == inf->n_append || m == inf->n_insert || m == inf->n_extend) {
        int value = m == inf->n_insert ? 1 : 0;
        const Ty *t = ty_prim(TY_DYN);
        if (plain && args->count == value + 1) {
            const Ty *at = (const Ty *)args->items[value]->ty;
            t = m != inf->n_extend ? at : at && ty_is_container(at) ? at->arg : ty_prim(TY_DYN);
        }
        site_store(inf, site, t);
    }
    return res;
}

// A call of the builtin range.
static bool is_builtin_range(Infer *inf, InferFunc *f, const AstNode *e) {
    if (e->kind != AST_Call || e->u.Call.func->kind != AST_Name) {
        return false;
    }
    Name id = e->u.Call.func->u.Name.id;
    return id == inf->n_range && is_global(f, id) && !is_shadowed(inf, id)
           && !infer_global_type(inf, id) && !infer_func_of(inf, id);
}

// A method of an exact str (a literal, an f-string, str + str...): what CPython's str returns.
static const Ty *str_method_type(Infer *inf, const AstNode *e) {
    static const char *const to_str[] = {
        "join", "lower", "upper", "strip", "lstrip", "rstrip", "capitalize", "title", "replace",
        "casefold", "swapcase", "center", "ljust", "rjust", "zfill", "expandtabs",
        "removeprefix", "removesuffix", "format"};
    static const char *const to_int[] = {"find", "rfind", "index", "rindex", "count"};
    static const char *const to_bool[] = {
        "startswith", "endswith", "isdigit", "isalpha", "isalnum", "isspace", "isupper",
        "islower", "isidentifier", "isnumeric", "isdecimal", "istitle", "isascii",
        "isprintable"};
    static const char *const to_list[] = {"split", "rsplit", "splitlines"};
    const AstNode *fn = e->u.Call.func;
    const Ty *recv = (const Ty *)fn->u.Attribute.value->ty;
    Name m = fn->u.Attribute.attr;
    if (!recv || recv->kind != TY_STR) {
        return recv && recv->kind == TY_BOTTOM ? recv : ty_prim(TY_DYN);
    }
    if (NAME_IN(m, to_list)) {
        Site *site = node_site(inf, e);
        site_store(inf, site, ty_prim(TY_STR));
        return site_ty(inf, site);
    }
    return NAME_IN(m, to_str)    ? ty_prim(TY_STR)
           : NAME_IN(m, to_int)  ? ty_prim(TY_INT)
           : NAME_IN(m, to_bool) ? ty_prim(TY_BOOL)
                                 : ty_prim(TY_DYN);
}

static const Ty *call_type(Infer *inf, InferFunc *f, const AstNode *e) {
    const AstNode *fn = e->u.Call.func;
    const Ty *mt = fn->kind == AST_Attribute ? list_method_call(inf, f, e) : NULL;
    if (mt) {
        return mt;
    }
    if (fn->kind == AST_Attribute && inf->math_pure
        && fn->u.Attribute.value->kind == AST_Name
        && fn->u.Attribute.value->u.Name.id == inf->n_math && is_global(f, inf->n_math)
        && !is_shadowed(inf, inf->n_math) && e->u.Call.args.count == 1
        && e->u.Call.keywords.count == 0 && infer_is_math_float_function(fn->u.Attribute.attr)) {
        // typed float for a float argument only: the lowering calls C on a double
        expr_type(inf, f, fn);
        call_args(inf, f, e, false);
        const Ty *at = (const Ty *)e->u.Call.args.items[0]->ty;
        return at == ty_prim(TY_FLOAT) ? ty_prim(TY_FLOAT) : ty_prim(TY_DYN);
    }
    expr_type(inf, f, fn);
    const AstNode *callee_name = fn->kind == AST_Attribute ? fn->u.Attribute.value : fn;
    if (inf->call_hook && callee_name->kind == AST_Name && is_global(f, callee_name->u.Name.id)
        && !is_shadowed(inf, callee_name->u.Name.id)) {
        const Ty *t = inf->call_hook(inf->hook_ctx, e);  // a function of another module
        if (t) {
            call_args(inf, f, e, false);
            return t;
        }
    }
    if (fn->kind != AST_Name) {
        // str.join only reads the items of its argument
        const Ty *recv = fn->kind == AST_Attribute ? (const Ty *)fn->u.Attribute.value->ty : NULL;
        bool join = recv && recv->kind == TY_STR && strcmp(fn->u.Attribute.attr, "join") == 0;
        call_args(inf, f, e, join);
        return fn->kind == AST_Attribute ? str_method_type(inf, e) : ty_prim(TY_DYN);
    }
    Name id = fn->u.Name.id;
    InferFunc *callee = infer_func_of(inf, id);
    if (callee && is_global(f, id) && !is_shadowed(inf, id)) {
        if (callee->closed) {
            return closed_call(inf, f, e, callee);
        }
        call_args(inf, f, e, false);
        return callee->direct && !callee->rebindable && plain_call(e) ? callee->ret_ty
                                                                      : ty_prim(TY_DYN);
    }
    if (!is_global(f, id) || is_shadowed(inf, id) || infer_global_type(inf, id)) {
        call_args(inf, f, e, false);
        return ty_prim(TY_DYN);
    }
    call_args(inf, f, e, NAME_IN(id, reading_builtins));
    if ((id == inf->n_list || id == inf->n_sorted) && plain_call(e) && e->u.Call.args.count <= 1
        && (id == inf->n_sorted || e->u.Call.keywords.count == 0)) {
        // a new list of the argument's items
        const AstNode *a = e->u.Call.args.count ? e->u.Call.args.items[0] : NULL;
        const Ty *at = a ? (const Ty *)a->ty : NULL;
        const Ty *items = !a                      ? ty_prim(TY_BOTTOM)
                          : is_builtin_range(inf, f, a) ? ty_prim(TY_INT)
                          : at->kind == TY_BOTTOM ? at
                                                  : ty_item(at);
        Site *site = node_site(inf, e);
        site_store(inf, site, items);
        return site_ty(inf, site);
    }
    return builtin_call_type(inf, id, e);
}

static const Ty *join_list(Infer *inf, InferFunc *f, const AstList *l) {
    const Ty *t = ty_prim(TY_BOTTOM);
    for (int i = 0; i < l->count; i++) {
        t = ty_join(inf->types, t, expr_type(inf, f, l->items[i]));
    }
    return t;
}

// The join of the item types of a display; starred items (*xs) contribute dyn.
static const Ty *join_items(Infer *inf, InferFunc *f, const AstList *l) {
    const Ty *t = ty_prim(TY_BOTTOM);
    for (int i = 0; i < l->count; i++) {
        const Ty *it = expr_type(inf, f, l->items[i]);
        t = ty_join(inf->types, t, l->items[i]->kind == AST_Starred ? ty_prim(TY_DYN) : it);
    }
    return t;
}

// Lists, sets and dicts are mutable, so the items of a display say nothing about what the
// container holds later: their parameters stay dyn. Tuples keep the join of their items.
static const Ty *display_type(Infer *inf, InferFunc *f, const AstNode *e) {
    TyCtx *c = inf->types;
    switch (e->kind) {
    case AST_Tuple:
        return ty_container(c, TY_TUPLE, join_items(inf, f, &e->u.Tuple.elts), NULL);
    case AST_List: {
        const Ty *items = join_items(inf, f, &e->u.List.elts);
        Site *site = node_site(inf, e);
        site_store(inf, site, items);
        return site_ty(inf, site);
    }
    case AST_Set:
        join_items(inf, f, &e->u.Set.elts);
        return ty_container(c, TY_SET, NULL, NULL);
    default:
        for (int i = 0; i < e->u.Dict.keys.count; i++) {
            if (e->u.Dict.keys.items[i]) {
                expr_type(inf, f, e->u.Dict.keys.items[i]);
            }
            expr_type(inf, f, e->u.Dict.values.items[i]);
        }
        return ty_container(c, TY_DICT, NULL, NULL);
    }
}

static void shadow_push(Infer *inf, const AstNode *target) {
    if (target->kind == AST_Name) {
        if (inf->nshadow == inf->shadow_cap) {
            int cap = inf->shadow_cap ? inf->shadow_cap * 2 : 8;
            inf->shadow = arena_realloc(inf->arena, inf->shadow,
                                        sizeof(Name) * (size_t)inf->shadow_cap,
                                        sizeof(Name) * (size_t)cap);
            inf->shadow_cap = cap;
        }
        inf->shadow[inf->nshadow++] = target->u.Name.id;
    } else if (target->kind == AST_Tuple || target->kind == AST_List) {
        const AstList *elts = target->kind == AST_Tuple ? &target->u.Tuple.elts
                                                         : &target->u.List.elts;
        for (int i = 0; i < elts->count; i++) {
            shadow_push(inf, elts->items[i]);
        }
    } else if (target->kind == AST_Starred) {
        shadow_push(inf, target->u.Starred.value);
    }
}

// A comprehension has its own scope: its variables are dyn and hide the function's names.
// The first iterable is evaluated outside it.
// The iterables are only read; the conditions are truth tests. Returns the element's type.
static const Ty *comprehension_types(Infer *inf, InferFunc *f, const AstList *gens,
                                     const AstNode *elt, const AstNode *val) {
    int saved = inf->nshadow;
    for (int i = 0; i < gens->count; i++) {
        const AstNode *g = gens->items[i];
        use_type(inf, f, g->u.comprehension.iter);
        shadow_push(inf, g->u.comprehension.target);
        expr_type(inf, f, g->u.comprehension.target);
        for (int k = 0; k < g->u.comprehension.ifs.count; k++) {
            use_type(inf, f, g->u.comprehension.ifs.items[k]);
        }
    }
    const Ty *t = expr_type(inf, f, elt);
    if (val) {
        expr_type(inf, f, val);
    }
    inf->nshadow = saved;
    return t;
}

static const Ty *comp_type(Infer *inf, InferFunc *f, const AstNode *e) {
    TyCtx *c = inf->types;
    switch (e->kind) {
    case AST_ListComp: {
        const Ty *t = comprehension_types(inf, f, &e->u.ListComp.generators, e->u.ListComp.elt,
                                          NULL);
        Site *site = node_site(inf, e);
        site_store(inf, site, t);
        return site_ty(inf, site);
    }
    case AST_SetComp:
        comprehension_types(inf, f, &e->u.SetComp.generators, e->u.SetComp.elt, NULL);
        return ty_container(c, TY_SET, NULL, NULL);
    case AST_DictComp:
        comprehension_types(inf, f, &e->u.DictComp.generators, e->u.DictComp.key,
                            e->u.DictComp.value);
        return ty_container(c, TY_DICT, NULL, NULL);
    default:
        comprehension_types(inf, f, &e->u.GeneratorExp.generators, e->u.GeneratorExp.elt, NULL);
        return ty_prim(TY_DYN);
    }
}

// v[i]: an item of a typed list or tuple, a value of a typed dict; v[a:b] keeps v's type.
// The subscripted value is only read (or stored into, by bind_target); a slice of a list is a
// new list.
static const Ty *subscript_type(Infer *inf, InferFunc *f, const AstNode *e) {
    const Ty *v = use_type(inf, f, e->u.Subscript.value);
    const AstNode *sl = e->u.Subscript.slice;
    expr_type(inf, f, sl);
    if (v->kind == TY_BOTTOM) {
        return v;  // not known yet in this iteration
    }
    if (sl->kind == AST_Slice) {
        if (v->kind == TY_LIST) {
            Site *site = node_site(inf, e);
            site_store(inf, site, v->arg);
            return site_ty(inf, site);
        }
        bool seq = v->kind == TY_TUPLE || v->kind == TY_STR;
        return seq ? v : ty_prim(TY_DYN);
    }
    if (v->kind == TY_LIST || v->kind == TY_TUPLE) {
        return v->arg;
    }
    return v->kind == TY_DICT ? v->arg2 : ty_prim(TY_DYN);
}

static void slice_types(Infer *inf, InferFunc *f, const AstNode *e) {
    const AstNode *parts[] = {e->u.Slice.lower, e->u.Slice.upper, e->u.Slice.step};
    for (int i = 0; i < 3; i++) {
        if (parts[i]) {
            expr_type(inf, f, parts[i]);
        }
    }
}

// The list 'e' evaluates to may be the one 'operand' evaluates to.
static void alias(Infer *inf, InferFunc *f, const AstNode *e, const AstNode *operand) {
    Site *s = site_of(inf, f, operand);
    if (s) {
        site_union(inf, node_site(inf, e), s);
    }
}

// `[x] * n`, `n * xs` and `xs + ys` make a new list of the operands' items; any other operator
// applied to a list may hand it to the other operand's methods.
static const Ty *binop_type(Infer *inf, InferFunc *f, const AstNode *e) {
    const AstNode *l = e->u.BinOp.left, *r = e->u.BinOp.right;
    const Ty *a = use_type(inf, f, l), *b = use_type(inf, f, r);
    AstOp op = e->u.BinOp.op;
    bool a_int = a->kind == TY_INT || a->kind == TY_BOOL;
    bool b_int = b->kind == TY_INT || b->kind == TY_BOOL;
    const Ty *items = NULL;
    if (op == AST_OP_Mult && a->kind == TY_LIST && b_int) {
        items = a->arg;
    } else if (op == AST_OP_Mult && b->kind == TY_LIST && a_int) {
        items = b->arg;
    } else if (op == AST_OP_Add && a->kind == TY_LIST && b->kind == TY_LIST) {
        items = ty_join(inf->types, a->arg, b->arg);
    }
    if (a->kind == TY_BOTTOM || b->kind == TY_BOTTOM) {
        return ty_prim(TY_BOTTOM);  // decided once both are known
    }
    if (items) {
        Site *site = node_site(inf, e);
        site_store(inf, site, items);
        return site_ty(inf, site);
    }
    escape(inf, f, l);
    escape(inf, f, r);
    return infer_binop_type(op, a, b, r);
}

// math.pi and the other float constants of the math module.
static bool is_math_const(Infer *inf, InferFunc *f, const AstNode *e) {
    const AstNode *v = e->u.Attribute.value;
    return inf->math_pure && e->u.Attribute.ctx == AST_OP_Load && v->kind == AST_Name
           && v->u.Name.id == inf->n_math && is_global(f, inf->n_math)
           && !is_shadowed(inf, inf->n_math) && NAME_IN(e->u.Attribute.attr, math_float_consts);
}

static const Ty *expr_type_uncached(Infer *inf, InferFunc *f, const AstNode *e) {
    switch (e->kind) {
    case AST_Tuple:
    case AST_List:
    case AST_Set:
    case AST_Dict:
        return display_type(inf, f, e);
    case AST_ListComp:
    case AST_SetComp:
    case AST_DictComp:
    case AST_GeneratorExp:
        return comp_type(inf, f, e);
    case AST_Subscript:
        return subscript_type(inf, f, e);
    case AST_Slice:
        slice_types(inf, f, e);
        return ty_prim(TY_DYN);
    case AST_Starred:
        expr_type(inf, f, e->u.Starred.value);
        return ty_prim(TY_DYN);
    case AST_Attribute:
        expr_type(inf, f, e->u.Attribute.value);
        return is_math_const(inf, f, e) ? ty_prim(TY_FLOAT) : ty_prim(TY_DYN);
    case AST_Constant:
        return const_type(&e->u.Constant.value);
    case AST_Name:
        return name_type(inf, f, e->u.Name.id);
    case AST_BinOp:
        return binop_type(inf, f, e);
    case AST_UnaryOp:
        if (e->u.UnaryOp.op == AST_OP_Not) {
            use_type(inf, f, e->u.UnaryOp.operand);
            return ty_prim(TY_BOOL);
        }
        return unary_type(e->u.UnaryOp.op, expr_type(inf, f, e->u.UnaryOp.operand));
    case AST_BoolOp: {  // its value is one of its operands
        const Ty *t = ty_prim(TY_BOTTOM);
        for (int i = 0; i < e->u.BoolOp.values.count; i++) {
            const AstNode *v = e->u.BoolOp.values.items[i];
            t = ty_join(inf->types, t, use_type(inf, f, v));
            alias(inf, f, e, v);
        }
        return t;
    }
    case AST_Compare:
        return compare_type(inf, f, e);
    case AST_Call:
        return call_type(inf, f, e);
    case AST_NamedExpr: {  // the target binds in f (the scope pass put it there)
        const AstNode *v = e->u.NamedExpr.value;
        const Ty *t = use_type(inf, f, v);
        bind_value(inf, f, e->u.NamedExpr.target, v, t);
        alias(inf, f, e, v);
        return t;
    }
    case AST_IfExp: {
        use_type(inf, f, e->u.IfExp.test);
        const Ty *t = ty_join(inf->types, use_type(inf, f, e->u.IfExp.body),
                              use_type(inf, f, e->u.IfExp.orelse));
        alias(inf, f, e, e->u.IfExp.body);
        alias(inf, f, e, e->u.IfExp.orelse);
        return t;
    }
    case AST_JoinedStr:
        join_list(inf, f, &e->u.JoinedStr.values);
        return ty_prim(TY_STR);
    case AST_FormattedValue:
        use_type(inf, f, e->u.FormattedValue.value);
        if (e->u.FormattedValue.format_spec) {
            expr_type(inf, f, e->u.FormattedValue.format_spec);
        }
        return ty_prim(TY_STR);
    case AST_Yield:
        if (e->u.Yield.value) {
            expr_type(inf, f, e->u.Yield.value);
        }
        return ty_prim(TY_DYN);
    case AST_YieldFrom:
        expr_type(inf, f, e->u.YieldFrom.value);
        return ty_prim(TY_DYN);
    case AST_Lambda:  // its defaults are evaluated here and kept by the function
        join_list(inf, f, &e->u.Lambda.args->u.arguments.defaults);
        for (int i = 0; i < e->u.Lambda.args->u.arguments.kw_defaults.count; i++) {
            const AstNode *d = e->u.Lambda.args->u.arguments.kw_defaults.items[i];
            if (d) {
                expr_type(inf, f, d);
            }
        }
        return ty_prim(TY_DYN);
    default:
        return ty_prim(TY_DYN);
    }
}

// The type of 'e'. Unless the caller asked through use_type, its value escapes.
static const Ty *expr_type(Infer *inf, InferFunc *f, const AstNode *e) {
    bool safe = inf->use_safe;
    inf->use_safe = false;
    const Ty *t = expr_type_uncached(inf, f, e);
    if (!safe) {
        escape(inf, f, e);
    }
    ((AstNode *)e)->ty = (struct Ty *)t;
    return t;
}

// 'e' used where its list stays followed: read, truth-tested, or passed to a slot that shares
// its site.
static const Ty *use_type(Infer *inf, InferFunc *f, const AstNode *e) {
    inf->use_safe = true;
    return expr_type(inf, f, e);
}

const Ty *infer_expr_type(Infer *inf, InferFunc *f, const AstNode *e) {
    return expr_type(inf, f, e);
}

// ---------------------------------------------------------------------------------------------
// Statements

static void stmts(Infer *inf, InferFunc *f, const AstList *body);

static bool is_range_call(Infer *inf, const AstNode *e) {
    return e->kind == AST_Call && e->u.Call.func->kind == AST_Name
           && e->u.Call.func->u.Name.id == inf->n_range;
}

// Binds each Name in an assignment target; the parts of an unpacking take the item type of a
// typed tuple or list, a starred part a list; subscripts and attributes bind nothing.
static void bind_target(Infer *inf, InferFunc *f, const AstNode *target, const Ty *ty) {
    if (target->kind == AST_Name) {
        bind(inf, f, target->u.Name.id, ty);
    } else if (target->kind == AST_Tuple || target->kind == AST_List) {
        const AstList *elts = target->kind == AST_Tuple ? &target->u.Tuple.elts
                                                         : &target->u.List.elts;
        bool seq = ty->kind == TY_TUPLE || ty->kind == TY_LIST;
        for (int i = 0; i < elts->count; i++) {
            bind_target(inf, f, elts->items[i], seq ? ty->arg : ty_prim(TY_DYN));
        }
    } else if (target->kind == AST_Starred) {
        bind_target(inf, f, target->u.Starred.value, ty_container(inf->types, TY_LIST, NULL, NULL));
    } else if (target->kind == AST_Subscript) {
        use_type(inf, f, target);
        Site *site = site_of(inf, f, target->u.Subscript.value);
        bool slice = target->u.Subscript.slice->kind == AST_Slice;
        site_store(inf, site, !slice ? ty : ty_is_container(ty) ? ty->arg : ty_prim(TY_DYN));
    } else if (target->kind == AST_Attribute) {
        expr_type(inf, f, target);
    }
}

// Assigns the value of 'value' (of type 'ty') to 'target': a followed local shares its list's
// site; the list escapes into anything else but an unpacking (which takes its items).
static void bind_value(Infer *inf, InferFunc *f, const AstNode *target, const AstNode *value,
                       const Ty *ty) {
    if (target->kind == AST_Name && tracked(inf, f, target->u.Name.id)) {
        int i = var_index(f, target->u.Name.id);
        if (i < 0) {
            bind(inf, f, target->u.Name.id, ty_prim(TY_BOTTOM));
            i = var_index(f, target->u.Name.id);
        }
        site_flow(inf, var_site_slot(inf, f, i), site_of(inf, f, value));
    } else if (target->kind != AST_Tuple && target->kind != AST_List) {
        escape(inf, f, value);
    }
    bind_target(inf, f, target, ty);
}

// `del` of a name makes it a variable even when nothing assigns it, so that deleting it can
// fail as in CPython. A local keeps its type (pass_bound tracks that it may be unbound).
static void delete_target(Infer *inf, InferFunc *f, const AstNode *t) {
    if (t->kind == AST_Tuple || t->kind == AST_List) {
        const AstList *elts = t->kind == AST_Tuple ? &t->u.Tuple.elts : &t->u.List.elts;
        for (int i = 0; i < elts->count; i++) {
            delete_target(inf, f, elts->items[i]);
        }
        return;
    }
    if (t->kind == AST_Name) {
        // A deleted global is untyped: once unbound, reading it gives the builtin of its name.
        bool global = f->node->kind == AST_Module || is_global(f, t->u.Name.id);
        bind(inf, f, t->u.Name.id, ty_prim(global ? TY_DYN : TY_BOTTOM));
    }
    use_type(inf, f, t);
}

static void stmt_for(Infer *inf, InferFunc *f, const AstNode *s) {
    const AstNode *it = s->u.For.iter;
    use_type(inf, f, it);
    const Ty *it_ty = it->ty ? (const Ty *)it->ty : ty_prim(TY_DYN);
    bind_target(inf, f, s->u.For.target,
                is_range_call(inf, it)        ? ty_prim(TY_INT)
                : it_ty->kind == TY_BOTTOM ? it_ty
                                            : ty_item(it_ty));
    stmts(inf, f, &s->u.For.body);
    stmts(inf, f, &s->u.For.orelse);
}

// A closed function's callers share the site of the lists it returns; any other function's
// return value escapes.
static void stmt_return(Infer *inf, InferFunc *f, const AstNode *s) {
    const AstNode *v = s->u.Return.value;
    bool shared = f->closed && !f->ret_annotated && f->facts && !inf->opaque;
    const Ty *t = !v ? ty_prim(TY_NONE) : shared ? use_type(inf, f, v) : expr_type(inf, f, v);
    if (v && shared) {
        site_flow(inf, &f->facts->ret_site, site_of(inf, f, v));
    }
    if (f->ret_num) {
        join_bounded(inf, ty_prim(TY_NUM), &f->ret_ty, t, true);
    } else if (!f->ret_annotated) {
        join_into(inf, &f->ret_ty, t);
    }
}

// `xs += ys` extends the list xs in place with the items of ys; `xs *= n` repeats them.
static void stmt_augassign(Infer *inf, InferFunc *f, const AstNode *s) {
    const AstNode *tg = s->u.AugAssign.target, *v = s->u.AugAssign.value;
    AstOp op = s->u.AugAssign.op;
    const Ty *cur = use_type(inf, f, tg);
    if (tg->kind == AST_Name && cur->kind == TY_LIST && (op == AST_OP_Add || op == AST_OP_Mult)) {
        const Ty *vt = op == AST_OP_Add ? use_type(inf, f, v) : expr_type(inf, f, v);
        if (op == AST_OP_Add) {
            site_store(inf, site_of(inf, f, tg), ty_is_container(vt) ? vt->arg : ty_prim(TY_DYN));
        }
        bool same = op == AST_OP_Add || vt->kind == TY_INT || vt->kind == TY_BOOL;
        if (!same) {
            escape(inf, f, tg);
        }
        bind_target(inf, f, tg, same ? cur : ty_prim(TY_DYN));
        return;
    }
    if (tg->kind == AST_Name && cur->kind != TY_BOTTOM) {
        escape(inf, f, tg);  // an object's __iadd__ may keep what it is given
    }
    const Ty *res = infer_binop_type(op, cur, expr_type(inf, f, v), v);
    bind_target(inf, f, tg, ty_is_container(cur) && ty_is_container(res) ? cur : res);
}

// try/with/import (lower_exc.c, lower_stmt.c): the names they bind hold any object; names from
// typing are read at compile time only.
static void stmt_exc(Infer *inf, InferFunc *f, const AstNode *s) {
    switch (s->kind) {
    case AST_Try:
        stmts(inf, f, &s->u.Try.body);
        for (int i = 0; i < s->u.Try.handlers.count; i++) {
            const AstNode *h = s->u.Try.handlers.items[i];
            if (h->u.ExceptHandler.type) {
                expr_type(inf, f, h->u.ExceptHandler.type);
            }
            if (h->u.ExceptHandler.name) {
                bind(inf, f, h->u.ExceptHandler.name, ty_prim(TY_DYN));
            }
            stmts(inf, f, &h->u.ExceptHandler.body);
        }
        stmts(inf, f, &s->u.Try.orelse);
        stmts(inf, f, &s->u.Try.finalbody);
        break;
    case AST_With:
        for (int i = 0; i < s->u.With.items.count; i++) {
            const AstNode *item = s->u.With.items.items[i];
            expr_type(inf, f, item->u.withitem.context_expr);
            if (item->u.withitem.optional_vars) {
                bind_target(inf, f, item->u.withitem.optional_vars, ty_prim(TY_DYN));
            }
        }
        stmts(inf, f, &s->u.With.body);
        break;
    case AST_Import:
    case AST_ImportFrom: {
        if (infer_is_typing_import(s)) {
            break;
        }
        const AstList *names = s->kind == AST_Import ? &s->u.Import.names : &s->u.ImportFrom.names;
        for (int i = 0; i < names->count; i++) {
            const AstNode *a = names->items[i];
            Name n = a->u.alias.asname ? a->u.alias.asname : a->u.alias.name;
            const char *dot = strchr(n, '.');  // import a.b.c binds 'a'
            if (dot) {
                n = intern_cstr(inf->in, arena_strndup(inf->arena, n, (size_t)(dot - n)));
            }
            if (strcmp(n, "*") != 0) {
                bind(inf, f, n, ty_prim(TY_DYN));
            }
        }
        break;
    }
    default:
        break;
    }
}

// The names a pattern binds (lower_match.c) hold any object; its values, keys and classes are
// expressions.
static void bind_pattern(Infer *inf, InferFunc *f, const AstNode *p) {
    const Ty *dyn = ty_prim(TY_DYN);
    switch (p->kind) {
    case AST_MatchValue:
        expr_type(inf, f, p->u.MatchValue.value);
        break;
    case AST_MatchSequence:
        for (int i = 0; i < p->u.MatchSequence.patterns.count; i++) {
            bind_pattern(inf, f, p->u.MatchSequence.patterns.items[i]);
        }
        break;
    case AST_MatchStar:
        if (p->u.MatchStar.name) {
            bind(inf, f, p->u.MatchStar.name, dyn);
        }
        break;
    case AST_MatchMapping:
        join_list(inf, f, &p->u.MatchMapping.keys);
        for (int i = 0; i < p->u.MatchMapping.patterns.count; i++) {
            bind_pattern(inf, f, p->u.MatchMapping.patterns.items[i]);
        }
        if (p->u.MatchMapping.rest) {
            bind(inf, f, p->u.MatchMapping.rest, dyn);
        }
        break;
    case AST_MatchClass:
        expr_type(inf, f, p->u.MatchClass.cls);
        for (int i = 0; i < p->u.MatchClass.patterns.count; i++) {
            bind_pattern(inf, f, p->u.MatchClass.patterns.items[i]);
        }
        for (int i = 0; i < p->u.MatchClass.kwd_patterns.count; i++) {
            bind_pattern(inf, f, p->u.MatchClass.kwd_patterns.items[i]);
        }
        break;
    case AST_MatchAs:
        if (p->u.MatchAs.pattern) {
            bind_pattern(inf, f, p->u.MatchAs.pattern);
        }
        if (p->u.MatchAs.name) {
            bind(inf, f, p->u.MatchAs.name, dyn);
        }
        break;
    case AST_MatchOr:
        for (int i = 0; i < p->u.MatchOr.patterns.count; i++) {
            bind_pattern(inf, f, p->u.MatchOr.patterns.items[i]);
        }
        break;
    default:
        break;
    }
}

static void stmt_match(Infer *inf, InferFunc *f, const AstNode *s) {
    expr_type(inf, f, s->u.Match.subject);
    for (int i = 0; i < s->u.Match.cases.count; i++) {
        const AstNode *c = s->u.Match.cases.items[i];
        bind_pattern(inf, f, c->u.match_case.pattern);
        if (c->u.match_case.guard) {
            expr_type(inf, f, c->u.match_case.guard);
        }
        stmts(inf, f, &c->u.match_case.body);
    }
}

static void stmt(Infer *inf, InferFunc *f, const AstNode *s) {
    switch (s->kind) {
    case AST_Assign: {
        const Ty *t = use_type(inf, f, s->u.Assign.value);
        for (int i = 0; i < s->u.Assign.targets.count; i++) {
            bind_value(inf, f, s->u.Assign.targets.items[i], s->u.Assign.value, t);
        }
        break;
    }
    case AST_AugAssign:
        stmt_augassign(inf, f, s);
        break;
    case AST_AnnAssign: {
        const AstNode *v = s->u.AnnAssign.value, *tg = s->u.AnnAssign.target;
        const Ty *at = annotation_or_dyn(inf, s->u.AnnAssign.annotation);
        if (bounded(at) && tg->kind == AST_Name) {
            mark_bound(inf, f, tg->u.Name.id, at);
            if (v) {  // as `x = v`: a list's site is followed through x
                bind_value(inf, f, tg, v, use_type(inf, f, v));
            }
        } else {
            if (v) {
                expr_type(inf, f, v);
            }
            bind_target(inf, f, tg, at);
        }
        break;
    }
    case AST_For:
        stmt_for(inf, f, s);
        break;
    case AST_While:
        use_type(inf, f, s->u.While.test);
        stmts(inf, f, &s->u.While.body);
        stmts(inf, f, &s->u.While.orelse);
        break;
    case AST_If:
        use_type(inf, f, s->u.If.test);
        stmts(inf, f, &s->u.If.body);
        stmts(inf, f, &s->u.If.orelse);
        break;
    case AST_Return:
        stmt_return(inf, f, s);
        break;
    case AST_Match:
        stmt_match(inf, f, s);
        break;
    case AST_Expr:
        use_type(inf, f, s->u.Expr.value);
        break;
    case AST_Delete:
        for (int i = 0; i < s->u.Delete.targets.count; i++) {
            delete_target(inf, f, s->u.Delete.targets.items[i]);
        }
        break;
    case AST_FunctionDef: {  // its decorators and defaults are evaluated here
        const AstNode *a = s->u.FunctionDef.args;
        join_list(inf, f, &s->u.FunctionDef.decorator_list);
        join_list(inf, f, &a->u.arguments.defaults);
        for (int i = 0; i < a->u.arguments.kw_defaults.count; i++) {
            if (a->u.arguments.kw_defaults.items[i]) {
                expr_type(inf, f, a->u.arguments.kw_defaults.items[i]);
            }
        }
        bind(inf, f, s->u.FunctionDef.name, ty_prim(TY_DYN));
        break;
    }
    case AST_ClassDef:
        join_list(inf, f, &s->u.ClassDef.decorator_list);
        join_list(inf, f, &s->u.ClassDef.bases);
        for (int i = 0; i < s->u.ClassDef.keywords.count; i++) {
            expr_type(inf, f, s->u.ClassDef.keywords.items[i]->u.keyword.value);
        }
        bind(inf, f, s->u.ClassDef.name, ty_prim(TY_DYN));
        break;
    case AST_Raise:
        if (s->u.Raise.exc) {
            expr_type(inf, f, s->u.Raise.exc);
        }
        if (s->u.Raise.cause) {
            expr_type(inf, f, s->u.Raise.cause);
        }
        break;
    case AST_Assert:
        use_type(inf, f, s->u.Assert.test);
        if (s->u.Assert.msg) {
            expr_type(inf, f, s->u.Assert.msg);
        }
        break;
    default:
        stmt_exc(inf, f, s);
        break;
    }
}

static void stmts(Infer *inf, InferFunc *f, const AstList *body) {
    for (int i = 0; i < body->count; i++) {
        stmt(inf, f, body->items[i]);
    }
}

// Whether 'body' (of a loop) has a 'break' that leaves that loop.
static bool breaks(const AstList *body) {
    for (int i = 0; i < body->count; i++) {
        const AstNode *s = body->items[i];
        switch (s->kind) {
        case AST_Break:
            return true;
        case AST_If:
            if (breaks(&s->u.If.body) || breaks(&s->u.If.orelse)) {
                return true;
            }
            break;
        case AST_For:
        case AST_While:  // their own breaks; their else clauses are ours
            if (breaks(s->kind == AST_For ? &s->u.For.orelse : &s->u.While.orelse)) {
                return true;
            }
            break;
        case AST_Try:
            if (breaks(&s->u.Try.body) || breaks(&s->u.Try.orelse) || breaks(&s->u.Try.finalbody)) {
                return true;
            }
            for (int k = 0; k < s->u.Try.handlers.count; k++) {
                if (breaks(&s->u.Try.handlers.items[k]->u.ExceptHandler.body)) {
                    return true;
                }
            }
            break;
        case AST_With:
            if (breaks(&s->u.With.body)) {
                return true;
            }
            break;
        case AST_AsyncFor:
        case AST_AsyncWith:
        case AST_TryStar:
            return true;  // not followed: assume it may break
        case AST_Match:
            for (int k = 0; k < s->u.Match.cases.count; k++) {
                if (breaks(&s->u.Match.cases.items[k]->u.match_case.body)) {
                    return true;
                }
            }
            break;
        default:
            break;
        }
    }
    return false;
}

static bool is_true_const(const AstNode *e) {
    return e->kind == AST_Constant && e->u.Constant.value.kind == CONST_TRUE;
}

// Whether control can reach the end of 'body' (conservatively: yes unless it clearly returns).
static bool falls_through(const AstList *body) {
    if (body->count == 0) {
        return true;
    }
    const AstNode *last = body->items[body->count - 1];
    if (last->kind == AST_Return || last->kind == AST_Raise) {
        return false;
    }
    if (last->kind == AST_If) {
        return falls_through(&last->u.If.body) || falls_through(&last->u.If.orelse);
    }
    if (last->kind == AST_While && is_true_const(last->u.While.test)) {
        return breaks(&last->u.While.body);  // `while True:` ends only by break
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Functions and the module

static InferFunc *func_new(Infer *inf, Name name, const AstNode *node, Scope *scope) {
    InferFunc *f = arena_alloc(inf->arena, sizeof *f);
    f->name = name;
    f->node = node;
    f->scope = scope;
    f->ret_ty = ty_prim(TY_BOTTOM);
    return f;
}

static const AstNode *node_args(const AstNode *node) {
    return node->kind == AST_Lambda ? node->u.Lambda.args : node->u.FunctionDef.args;
}

// An unannotated parameter of a closed function starts at bottom: its call sites raise it.
static void param_add(Infer *inf, InferFunc *f, const AstNode *p, const AstNode *dflt) {
    const Ty *t = f->closed && !p->u.arg.annotation ? ty_prim(TY_BOTTOM)
                                                    : annotation_or_dyn(inf, p->u.arg.annotation);
    const Ty *bound = bounded(t) ? t : NULL;
    if (bound && f->closed) {
        t = ty_prim(TY_BOTTOM);  // its call sites raise it to (list of) float or the bound
    }
    if (dflt) {
        t = ty_join(inf->types, t, expr_type(inf, f, dflt));
    }
    var_add(inf, f, p->u.arg.arg, bound ? clip_to(inf, bound, ty_prim(TY_BOTTOM), t, true) : t);
    f->var_bound[f->nvars - 1] = bound;
}

// Parameters in CPython's co_varnames order (positional-only, positional, keyword-only, *args,
// **kwargs) with their annotated types (joined with their default's type, as CPython accepts
// a default of any type), and the annotated return type.
static void func_signature(Infer *inf, InferFunc *f) {
    const AstNode *args = node_args(f->node);
    const AstList *po = &args->u.arguments.posonlyargs, *params = &args->u.arguments.args;
    const AstList *defaults = &args->u.arguments.defaults, *kw = &args->u.arguments.kwonlyargs;
    int npos = po->count + params->count, first_default = npos - defaults->count;
    for (int i = 0; i < npos; i++) {
        const AstNode *p = i < po->count ? po->items[i] : params->items[i - po->count];
        param_add(inf, f, p, i >= first_default ? defaults->items[i - first_default] : NULL);
    }
    for (int i = 0; i < kw->count; i++) {
        param_add(inf, f, kw->items[i], args->u.arguments.kw_defaults.items[i]);
    }
    if (args->u.arguments.vararg) {
        var_add(inf, f, args->u.arguments.vararg->u.arg.arg,
                ty_container(inf->types, TY_TUPLE, NULL, NULL));
    }
    if (args->u.arguments.kwarg) {
        var_add(inf, f, args->u.arguments.kwarg->u.arg.arg,
                ty_container(inf->types, TY_DICT, ty_prim(TY_STR), NULL));
    }
    f->nparams = f->nvars;
    const AstNode *ret = f->node->kind == AST_Lambda ? NULL : f->node->u.FunctionDef.returns;
    if (ret) {
        f->ret_ty = annotation_or_dyn(inf, ret);
        f->ret_annotated = true;
        f->ret_num = f->ret_ty->kind == TY_NUM;
        if (f->ret_num) {
            f->ret_ty = ty_prim(TY_BOTTOM);  // its returns raise it to float or num
        }
    }
    if (f->scope->generator) {  // calling it makes a generator; its returns end the generator
        f->ret_ty = ty_prim(TY_DYN);
        f->ret_annotated = true;
    }
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

// Whether calls of the module-level function 'def' can be direct C calls with its defaults
// inlined: plain parameters, constant defaults, no decorator.
static bool is_direct(const AstNode *def) {
    const AstNode *a = def->u.FunctionDef.args;
    if (def->u.FunctionDef.decorator_list.count || def->u.FunctionDef.type_params.count
        || a->u.arguments.posonlyargs.count || a->u.arguments.vararg
        || a->u.arguments.kwonlyargs.count || a->u.arguments.kwarg) {
        return false;
    }
    for (int i = 0; i < a->u.arguments.defaults.count; i++) {
        if (!is_constant_default(a->u.arguments.defaults.items[i])) {
            return false;
        }
    }
    return true;
}

// Whether code running in the module's scope ('n': a statement or expression at module level,
// not the body of a def, lambda or class) binds 'name' other than by the statement 'def': an
// assignment, `for`/`with`/`except ... as` target, `:=` (also in a comprehension), import,
// `del`, another def or class, a match capture — in nested blocks too.
static bool module_code_binds(const AstNode *n, const AstNode *def, Name name) {
    switch (n->kind) {
    case AST_Name: return n->u.Name.ctx != AST_OP_Load && n->u.Name.id == name;
    case AST_FunctionDef:
    case AST_AsyncFunctionDef:
    case AST_ClassDef:
    case AST_Lambda:
        if (n != def && n->kind != AST_Lambda
            && (n->kind == AST_ClassDef ? n->u.ClassDef.name : n->u.FunctionDef.name) == name) {
            return true;
        }
        break;  // decorators, defaults, bases: the body below is skipped
    case AST_comprehension:
        if (module_code_binds(n->u.comprehension.iter, def, name)) {
            return true;
        }
        for (int i = 0; i < n->u.comprehension.ifs.count; i++) {
            if (module_code_binds(n->u.comprehension.ifs.items[i], def, name)) {
                return true;
            }
        }
        return false;  // its target is the comprehension's own
    case AST_ExceptHandler:
        if (n->u.ExceptHandler.name == name) {
            return true;
        }
        break;
    case AST_alias: {
        const char *bound = n->u.alias.asname ? n->u.alias.asname : n->u.alias.name;
        size_t len = strcspn(bound, ".");  // `import a.b` binds a
        return strncmp(bound, name, len) == 0 && name[len] == '\0';
    }
    case AST_MatchAs:
        if (n->u.MatchAs.name == name) {
            return true;
        }
        break;
    case AST_MatchStar: return n->u.MatchStar.name == name;
    case AST_MatchMapping:
        if (n->u.MatchMapping.rest == name) {
            return true;
        }
        break;
    default: break;
    }
    int count;
    const AstField *fields = ast_fields(n->kind, &count);
    for (int i = 0; i < count; i++) {
        const char *p = (const char *)n + fields[i].offset;
        bool body = fields[i].kind == FK_LIST && strcmp(fields[i].name, "body") == 0;
        if ((n->kind == AST_FunctionDef || n->kind == AST_AsyncFunctionDef
             || n->kind == AST_ClassDef)
            && (body || strcmp(fields[i].name, "type_params") == 0)) {
            continue;
        }
        if (n->kind == AST_Lambda && strcmp(fields[i].name, "body") == 0) {
            continue;
        }
        if (fields[i].kind == FK_NODE || fields[i].kind == FK_NODE_OPT) {
            const AstNode *c = *(AstNode *const *)p;
            if (c && module_code_binds(c, def, name)) {
                return true;
            }
        } else if (fields[i].kind == FK_LIST) {
            const AstList *l = (const AstList *)p;
            for (int k = 0; k < l->count; k++) {
                if (l->items[k] && module_code_binds(l->items[k], def, name)) {
                    return true;
                }
            }
        }
    }
    return false;
}

// Whether a function, lambda, class body or comprehension in 's' declares `global name` and
// binds it.
static bool scope_binds_global(const Scope *s, Name name) {
    for (int i = 0; i < s->nchildren; i++) {
        const Scope *c = s->children[i];
        const Symbol *sym = scope_lookup(c, name);
        if ((sym && (sym->flags & SYM_DEF_GLOBAL) && (sym->flags & SYM_DEF_BOUND))
            || scope_binds_global(c, name)) {
            return true;
        }
    }
    return false;
}

// Whether anything can bind the name of the module-level function 'def' other than its own
// statement: then calls go through the global, which holds whatever is bound now.
static bool is_rebound(Infer *inf, const AstNode *def) {
    Name name = def->u.FunctionDef.name;
    const AstList *body = &inf->mod->u.Module.body;
    for (int i = 0; i < body->count; i++) {
        if (module_code_binds(body->items[i], def, name)) {
            return true;
        }
    }
    return scope_binds_global(inf->top, name);
}

static void collect_funcs(Infer *inf) {
    const AstList *body = &inf->mod->u.Module.body;
    inf->funcs = arena_alloc(inf->arena, sizeof(InferFunc *) * (size_t)(body->count + 1));
    for (int i = 0; i < body->count; i++) {
        const AstNode *s = body->items[i];
        if (s->kind == AST_FunctionDef && !infer_func_of(inf, s->u.FunctionDef.name)) {
            Scope *sc = scope_of(inf->top, s, false);
            InferFunc *f = func_new(inf, s->u.FunctionDef.name, s, sc);
            f->direct = is_direct(s)
                        && var_index(inf->body, s->u.FunctionDef.name) < 0;  // not external
            f->rebindable = f->direct && is_rebound(inf, s);
            inf->funcs[inf->nfuncs++] = f;
        }
    }
    scan_module(inf);
    for (int i = 0; i < inf->nfuncs; i++) {
        InferFunc *f = inf->funcs[i];
        func_signature(inf, f);
        f->facts = arena_alloc(inf->arena, sizeof *f->facts);
        f->facts->ret_site = site_new(inf);
    }
}

static void settle_slot(Infer *inf, const Ty **slot) {
    const Ty *t = ty_settle(inf->types, *slot);
    if (t != *slot) {
        *slot = t;
        inf->changed = true;
    }
}

// Whatever is still bottom at a fixpoint (a value no path produces, a list nothing is stored
// into) becomes dyn.
static void finish_func(Infer *inf, InferFunc *f) {
    for (int i = 0; i < f->nvars; i++) {
        if (f->var_bound[i] && f->var_tys[i]->kind == TY_BOTTOM) {
            f->var_tys[i] = f->var_bound[i];  // no value seen: still checked
        }
        settle_slot(inf, &f->var_tys[i]);
    }
    if (f->ret_num && f->ret_ty->kind == TY_BOTTOM) {
        f->ret_ty = ty_prim(TY_NUM);
    }
    settle_slot(inf, &f->ret_ty);
}

// finish_func over the module; returns whether anything changed.
static bool settle_module(Infer *inf) {
    inf->changed = false;
    finish_func(inf, inf->body);
    for (int i = 0; i < inf->nfuncs; i++) {
        finish_func(inf, inf->funcs[i]);
        Site *r = site_find(inf->funcs[i]->facts->ret_site);
        if (r->elem->kind == TY_BOTTOM) {
            r->elem = ty_prim(TY_DYN);
            inf->changed = true;
        }
    }
    for (int i = 0; i < inf->sites_cap; i++) {
        Site *s = inf->site_keys[i] ? site_find(inf->site_vals[i]) : NULL;
        if (s && s->elem->kind == TY_BOTTOM) {
            s->elem = ty_prim(TY_DYN);
            inf->changed = true;
        }
    }
    return inf->changed;
}

static void init_names(Infer *inf) {
    inf->n_int = intern_cstr(inf->in, "int");
    inf->n_float = intern_cstr(inf->in, "float");
    inf->n_bool = intern_cstr(inf->in, "bool");
    inf->n_str = intern_cstr(inf->in, "str");
    inf->n_optional = intern_cstr(inf->in, "Optional");
    inf->n_print = intern_cstr(inf->in, "print");
    inf->n_range = intern_cstr(inf->in, "range");
    inf->n_dunder_name = intern_cstr(inf->in, "__name__");
    inf->n_math = intern_cstr(inf->in, "math");
    inf->n_append = intern_cstr(inf->in, "append");
    inf->n_insert = intern_cstr(inf->in, "insert");
    inf->n_extend = intern_cstr(inf->in, "extend");
    const char *more[] = {"list", "dict", "set", "tuple", "len", "repr", "chr", "ord", "hex",
                          "isinstance", "sorted", "typing", "Union", "List", "Dict", "Set",
                          "Tuple"};
    Name *slots[] = {&inf->n_list, &inf->n_dict, &inf->n_set, &inf->n_tuple, &inf->n_len,
                     &inf->n_repr, &inf->n_chr, &inf->n_ord, &inf->n_hex, &inf->n_isinstance,
                     &inf->n_sorted, &inf->n_typing, &inf->n_union, &inf->n_cap_list,
                     &inf->n_cap_dict, &inf->n_cap_set, &inf->n_cap_tuple};
    for (size_t i = 0; i < sizeof more / sizeof more[0]; i++) {
        *slots[i] = intern_cstr(inf->in, more[i]);
    }
}

// A function whose end is reachable returns None there (a `-> float` one too, as in CPython).
static void join_fall_through(Infer *inf, InferFunc *f) {
    if ((!f->ret_annotated || f->ret_num) && falls_through(&f->node->u.FunctionDef.body)) {
        if (f->ret_num) {
            join_bounded(inf, ty_prim(TY_NUM), &f->ret_ty, ty_prim(TY_NONE), true);
        } else {
            join_into(inf, &f->ret_ty, ty_prim(TY_NONE));
        }
    }
}

static void nested_body(Infer *inf, InferFunc *f) {
    const AstNode *n = f->node;
    if (n->kind == AST_Lambda) {
        join_into(inf, &f->ret_ty, expr_type(inf, f, n->u.Lambda.body));
        return;
    }
    stmts(inf, f, n->kind == AST_ClassDef ? &n->u.ClassDef.body : &n->u.FunctionDef.body);
    if (n->kind == AST_FunctionDef) {
        join_fall_through(inf, f);
    }
}

// Passes alternate in direction over the functions: argument types flow from callers to callees,
// return types back, and either order is the fast one for one of them.
static void iterate(Infer *inf) {
    bool backward = false;
    do {
        inf->changed = false;
        stmts(inf, inf->body, &inf->mod->u.Module.body);
        for (int k = 0; k < inf->nfuncs; k++) {
            InferFunc *f = inf->funcs[backward ? inf->nfuncs - 1 - k : k];
            stmts(inf, f, &f->node->u.FunctionDef.body);
            join_fall_through(inf, f);
        }
        backward = !backward;
    } while (inf->changed);
}

Infer *infer_module(Arena *a, Interner *in, TyCtx *types, Scope *top, const AstNode *mod,
                    const Name *external, int nexternal, InferCallHook call_hook,
                    void *hook_ctx, bool importable) {
    Infer *inf = arena_alloc(a, sizeof *inf);
    inf->importable = importable;
    inf->call_hook = call_hook;
    inf->hook_ctx = hook_ctx;
    inf->arena = a;
    inf->in = in;
    inf->types = types;
    inf->top = top;
    inf->mod = mod;
    init_names(inf);
    inf->body = func_new(inf, intern_cstr(in, "<module>"), mod, top);
    for (int i = 0; i < nexternal; i++) {
        if (var_index(inf->body, external[i]) < 0) {
            var_add(inf, inf->body, external[i], ty_prim(TY_DYN));
        }
    }
    collect_funcs(inf);
    iterate(inf);
    // Expression types may have been computed from bottoms: recompute them with final types.
    while (settle_module(inf)) {
        iterate(inf);
    }
    inf->frozen = true;
    return inf;
}

// A nested function, lambda, method or class body, typed on its own to a fixpoint after the
// module (its free variables are dyn, so nothing it does changes the module's types).
InferFunc *infer_nested(Infer *inf, const AstNode *node) {
    Name name = node->kind == AST_ClassDef      ? node->u.ClassDef.name
                : node->kind == AST_FunctionDef ? node->u.FunctionDef.name
                                                : intern_cstr(inf->in, "<lambda>");
    InferFunc *f = func_new(inf, name, node, scope_of(inf->top, node, false));
    f->nested = true;
    if (node->kind != AST_ClassDef) {
        func_signature(inf, f);
    }
    for (int pass = 0; pass < 2; pass++) {
        do {
            inf->changed = false;
            nested_body(inf, f);
        } while (inf->changed);
        finish_func(inf, f);
    }
    return f;
}
