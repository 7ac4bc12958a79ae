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

#include <string.h>

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
} Infer;

static const Ty *expr_type(Infer *inf, InferFunc *f, const AstNode *e);
static void bind_target(Infer *inf, InferFunc *f, const AstNode *target, const Ty *ty);

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
        f->vars_cap = cap;
    }
    f->vars[f->nvars] = name;
    f->var_tys[f->nvars++] = ty;
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

// Records that 'name' is assigned a value of type 'ty' in 'f'. Cells and class namespaces
// hold dyn; a nested function, typed after the module, does not widen a global.
static void bind(Infer *inf, InferFunc *f, Name name, const Ty *ty) {
    if (!is_local(f, name) && (!is_global(f, name) || f->nested)) {
        return;
    }
    InferFunc *owner = is_local(f, name) ? f : inf->body;
    int i = var_index(owner, name);
    if (i < 0) {
        var_add(inf, owner, name, ty_prim(TY_BOTTOM));
        i = owner->nvars - 1;
        inf->changed = true;
    }
    join_into(inf, &owner->var_tys[i], ty);
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
               : id == inf->n_float ? ty_prim(TY_FLOAT)
               : id == inf->n_bool  ? ty_prim(TY_BOOL)
               : id == inf->n_str   ? ty_prim(TY_STR)
                                    : NULL;
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

static const Ty *compare_type(Infer *inf, InferFunc *f, const AstNode *e) {
    const Ty *left = expr_type(inf, f, e->u.Compare.left);
    bool native = true;
    for (int i = 0; i < e->u.Compare.comparators.count; i++) {
        const Ty *right = expr_type(inf, f, e->u.Compare.comparators.items[i]);
        native &= infer_compare_is_native(e->u.Compare.ops.items[i], left, right);
        left = right;
    }
    return native ? ty_prim(TY_BOOL) : ty_prim(TY_DYN);
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

static const Ty *call_type(Infer *inf, InferFunc *f, const AstNode *e) {
    expr_type(inf, f, e->u.Call.func);
    for (int i = 0; i < e->u.Call.args.count; i++) {
        expr_type(inf, f, e->u.Call.args.items[i]);
    }
    for (int i = 0; i < e->u.Call.keywords.count; i++) {
        expr_type(inf, f, e->u.Call.keywords.items[i]->u.keyword.value);
    }
    const AstNode *fn = e->u.Call.func;
    const AstNode *callee_name = fn->kind == AST_Attribute ? fn->u.Attribute.value : fn;
    if (inf->call_hook && callee_name->kind == AST_Name && is_global(f, callee_name->u.Name.id)
        && !is_shadowed(inf, callee_name->u.Name.id)) {
        const Ty *t = inf->call_hook(inf->hook_ctx, e);
        if (t) {
            return t;
        }
    }
    if (fn->kind != AST_Name) {
        return ty_prim(TY_DYN);
    }
    Name id = fn->u.Name.id;
    InferFunc *callee = infer_func_of(inf, id);
    if (callee && is_global(f, id) && !is_shadowed(inf, id)) {
        return callee->direct && plain_call(e) ? callee->ret_ty : ty_prim(TY_DYN);
    }
    if (!is_global(f, id) || is_shadowed(inf, id) || infer_global_type(inf, id)) {
        return ty_prim(TY_DYN);
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
    case AST_List:
        join_items(inf, f, &e->u.List.elts);
        return ty_container(c, TY_LIST, NULL, NULL);
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
static void comprehension_types(Infer *inf, InferFunc *f, const AstList *gens,
                                const AstNode *elt, const AstNode *val) {
    int saved = inf->nshadow;
    for (int i = 0; i < gens->count; i++) {
        const AstNode *g = gens->items[i];
        expr_type(inf, f, g->u.comprehension.iter);
        shadow_push(inf, g->u.comprehension.target);
        expr_type(inf, f, g->u.comprehension.target);
        join_list(inf, f, &g->u.comprehension.ifs);
    }
    expr_type(inf, f, elt);
    if (val) {
        expr_type(inf, f, val);
    }
    inf->nshadow = saved;
}

static const Ty *comp_type(Infer *inf, InferFunc *f, const AstNode *e) {
    TyCtx *c = inf->types;
    switch (e->kind) {
    case AST_ListComp:
        comprehension_types(inf, f, &e->u.ListComp.generators, e->u.ListComp.elt, NULL);
        return ty_container(c, TY_LIST, NULL, NULL);
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
static const Ty *subscript_type(Infer *inf, InferFunc *f, const AstNode *e) {
    const Ty *v = expr_type(inf, f, e->u.Subscript.value);
    const AstNode *sl = e->u.Subscript.slice;
    expr_type(inf, f, sl);
    if (sl->kind == AST_Slice) {
        bool seq = v->kind == TY_LIST || v->kind == TY_TUPLE || v->kind == TY_STR;
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
        return ty_prim(TY_DYN);
    case AST_Constant:
        return const_type(&e->u.Constant.value);
    case AST_Name:
        return name_type(inf, f, e->u.Name.id);
    case AST_BinOp:
        return infer_binop_type(e->u.BinOp.op, expr_type(inf, f, e->u.BinOp.left),
                          expr_type(inf, f, e->u.BinOp.right), e->u.BinOp.right);
    case AST_UnaryOp:
        return unary_type(e->u.UnaryOp.op, expr_type(inf, f, e->u.UnaryOp.operand));
    case AST_BoolOp:
        return join_list(inf, f, &e->u.BoolOp.values);
    case AST_Compare:
        return compare_type(inf, f, e);
    case AST_Call:
        return call_type(inf, f, e);
    case AST_IfExp:
        expr_type(inf, f, e->u.IfExp.test);
        return ty_join(inf->types, expr_type(inf, f, e->u.IfExp.body),
                       expr_type(inf, f, e->u.IfExp.orelse));
    case AST_JoinedStr:
        join_list(inf, f, &e->u.JoinedStr.values);
        return ty_prim(TY_STR);
    case AST_FormattedValue:
        expr_type(inf, f, e->u.FormattedValue.value);
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
    default:
        return ty_prim(TY_DYN);
    }
}

static const Ty *expr_type(Infer *inf, InferFunc *f, const AstNode *e) {
    const Ty *t = expr_type_uncached(inf, f, e);
    ((AstNode *)e)->ty = (struct Ty *)t;
    return t;
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
    } else if (target->kind == AST_Subscript || target->kind == AST_Attribute) {
        expr_type(inf, f, target);
    }
}

static void stmt_for(Infer *inf, InferFunc *f, const AstNode *s) {
    const AstNode *it = s->u.For.iter;
    expr_type(inf, f, it);
    const Ty *it_ty = it->ty ? (const Ty *)it->ty : ty_prim(TY_DYN);
    bind_target(inf, f, s->u.For.target,
                is_range_call(inf, it) ? ty_prim(TY_INT) : ty_item(it_ty));
    stmts(inf, f, &s->u.For.body);
    stmts(inf, f, &s->u.For.orelse);
}

static void stmt_return(Infer *inf, InferFunc *f, const AstNode *s) {
    const AstNode *v = s->u.Return.value;
    const Ty *t = v ? expr_type(inf, f, v) : ty_prim(TY_NONE);
    if (!f->ret_annotated) {
        join_into(inf, &f->ret_ty, t);
    }
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
        const Ty *t = expr_type(inf, f, s->u.Assign.value);
        for (int i = 0; i < s->u.Assign.targets.count; i++) {
            bind_target(inf, f, s->u.Assign.targets.items[i], t);
        }
        break;
    }
    case AST_AugAssign: {
        const AstNode *tg = s->u.AugAssign.target;
        const Ty *cur = expr_type(inf, f, tg);
        const AstNode *v = s->u.AugAssign.value;
        const Ty *res = infer_binop_type(s->u.AugAssign.op, cur, expr_type(inf, f, v), v);
        bind_target(inf, f, tg, ty_is_container(cur) && ty_is_container(res) ? cur : res);
        break;
    }
    case AST_AnnAssign:
        if (s->u.AnnAssign.value) {
            expr_type(inf, f, s->u.AnnAssign.value);
        }
        bind_target(inf, f, s->u.AnnAssign.target,
                    annotation_or_dyn(inf, s->u.AnnAssign.annotation));
        break;
    case AST_For:
        stmt_for(inf, f, s);
        break;
    case AST_While:
        expr_type(inf, f, s->u.While.test);
        stmts(inf, f, &s->u.While.body);
        stmts(inf, f, &s->u.While.orelse);
        break;
    case AST_If:
        expr_type(inf, f, s->u.If.test);
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
        expr_type(inf, f, s->u.Expr.value);
        break;
    case AST_Delete:
        join_list(inf, f, &s->u.Delete.targets);
        break;
    case AST_FunctionDef:
        bind(inf, f, s->u.FunctionDef.name, ty_prim(TY_DYN));
        break;
    case AST_ClassDef:
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
        expr_type(inf, f, s->u.Assert.test);
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

static void param_add(Infer *inf, InferFunc *f, const AstNode *p, const AstNode *dflt) {
    const Ty *t = annotation_or_dyn(inf, p->u.arg.annotation);
    if (dflt) {
        t = ty_join(inf->types, t, expr_type(inf, f, dflt));
    }
    var_add(inf, f, p->u.arg.arg, t);
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

static bool target_binds(const AstNode *t, Name name) {
    if (t->kind == AST_Name) {
        return t->u.Name.id == name;
    }
    if (t->kind == AST_Starred) {
        return target_binds(t->u.Starred.value, name);
    }
    const AstList *elts = t->kind == AST_Tuple ? &t->u.Tuple.elts
                          : t->kind == AST_List ? &t->u.List.elts
                                                : NULL;
    for (int i = 0; elts && i < elts->count; i++) {
        if (target_binds(elts->items[i], name)) {
            return true;
        }
    }
    return false;
}

// Whether module-level statement 's' (other than 'def') binds 'name'. Bindings this misses
// (in nested blocks) are rejected by lowering while the function is direct.
static bool stmt_binds(const AstNode *s, const AstNode *def, Name name) {
    switch (s->kind) {
    case AST_FunctionDef: return s != def && s->u.FunctionDef.name == name;
    case AST_ClassDef: return s->u.ClassDef.name == name;
    case AST_AugAssign: return target_binds(s->u.AugAssign.target, name);
    case AST_AnnAssign: return target_binds(s->u.AnnAssign.target, name);
    case AST_For: return target_binds(s->u.For.target, name);
    case AST_Assign:
        for (int i = 0; i < s->u.Assign.targets.count; i++) {
            if (target_binds(s->u.Assign.targets.items[i], name)) {
                return true;
            }
        }
        return false;
    default: return false;
    }
}

static bool is_rebound(Infer *inf, const AstNode *def) {
    const AstList *body = &inf->mod->u.Module.body;
    for (int i = 0; i < body->count; i++) {
        if (stmt_binds(body->items[i], def, def->u.FunctionDef.name)) {
            return true;
        }
    }
    return false;
}

static void collect_funcs(Infer *inf) {
    const AstList *body = &inf->mod->u.Module.body;
    inf->funcs = arena_alloc(inf->arena, sizeof(InferFunc *) * (size_t)(body->count + 1));
    for (int i = 0; i < body->count; i++) {
        const AstNode *s = body->items[i];
        if (s->kind == AST_FunctionDef && !infer_func_of(inf, s->u.FunctionDef.name)) {
            Scope *sc = scope_of(inf->top, s, false);
            InferFunc *f = func_new(inf, s->u.FunctionDef.name, s, sc);
            f->direct = is_direct(s) && !is_rebound(inf, s)
                        && var_index(inf->body, s->u.FunctionDef.name) < 0;  // not external
            inf->funcs[inf->nfuncs++] = f;
            func_signature(inf, f);
        }
    }
}

static const Ty *bottom_to_dyn(const Ty *t) { return t->kind == TY_BOTTOM ? ty_prim(TY_DYN) : t; }

static void finish_func(InferFunc *f) {
    for (int i = 0; i < f->nvars; i++) {
        f->var_tys[i] = bottom_to_dyn(f->var_tys[i]);
    }
    f->ret_ty = bottom_to_dyn(f->ret_ty);
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

static void nested_body(Infer *inf, InferFunc *f) {
    const AstNode *n = f->node;
    if (n->kind == AST_Lambda) {
        join_into(inf, &f->ret_ty, expr_type(inf, f, n->u.Lambda.body));
        return;
    }
    stmts(inf, f, n->kind == AST_ClassDef ? &n->u.ClassDef.body : &n->u.FunctionDef.body);
    if (n->kind == AST_FunctionDef && !f->ret_annotated && falls_through(&n->u.FunctionDef.body)) {
        join_into(inf, &f->ret_ty, ty_prim(TY_NONE));
    }
}

static void iterate(Infer *inf) {
    do {
        inf->changed = false;
        stmts(inf, inf->body, &inf->mod->u.Module.body);
        for (int i = 0; i < inf->nfuncs; i++) {
            InferFunc *f = inf->funcs[i];
            stmts(inf, f, &f->node->u.FunctionDef.body);
            if (!f->ret_annotated && falls_through(&f->node->u.FunctionDef.body)) {
                join_into(inf, &f->ret_ty, ty_prim(TY_NONE));
            }
        }
    } while (inf->changed);
}

Infer *infer_module(Arena *a, Interner *in, TyCtx *types, Scope *top, const AstNode *mod,
                    const Name *external, int nexternal, InferCallHook call_hook,
                    void *hook_ctx) {
    Infer *inf = arena_alloc(a, sizeof *inf);
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
    finish_func(inf->body);
    for (int i = 0; i < inf->nfuncs; i++) {
        finish_func(inf->funcs[i]);
    }
    // Expression types may have been computed from bottoms: recompute them with final types.
    iterate(inf);
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
        finish_func(f);
    }
    return f;
}
