// types.c: the type lattice of DESIGN §4. Primitive types are static singletons; parameterised
// types (Optional[T], list[T], dict[K,V], set[T], tuple[T, ...]; classes later) are interned in
// a TyCtx so that equal types are the same pointer. The join is the least upper bound, with one
// rule that keeps representations cheap: a join that no single word or unboxed C value can hold
// is dyn (containers of different kinds join to dyn; of one kind, parameter by parameter).
#include "ir.h"

static const Ty prims[] = {
    [TY_BOTTOM] = {TY_BOTTOM, NULL, NULL}, [TY_DYN] = {TY_DYN, NULL, NULL},
    [TY_NONE] = {TY_NONE, NULL, NULL},     [TY_BOOL] = {TY_BOOL, NULL, NULL},
    [TY_INT] = {TY_INT, NULL, NULL},       [TY_FLOAT] = {TY_FLOAT, NULL, NULL},
    [TY_STR] = {TY_STR, NULL, NULL},       [TY_NUM] = {TY_NUM, NULL, NULL},
};

// Interned parameterised types, in a list: there are few of them per program.
typedef struct TyNode {
    Ty ty;
    struct TyNode *next;
} TyNode;

struct TyCtx {
    Arena *arena;
    TyNode *interned;
};

TyCtx *ty_ctx_new(Arena *a) {
    TyCtx *c = arena_alloc(a, sizeof *c);
    c->arena = a;
    return c;
}

const Ty *ty_prim(TyKind kind) { return &prims[kind]; }

static const Ty *intern_ty(TyCtx *c, TyKind kind, const Ty *arg, const Ty *arg2) {
    for (TyNode *n = c->interned; n; n = n->next) {
        if (n->ty.kind == kind && n->ty.arg == arg && n->ty.arg2 == arg2) {
            return &n->ty;
        }
    }
    TyNode *n = arena_alloc(c->arena, sizeof *n);
    n->ty.kind = kind;
    n->ty.arg = arg;
    n->ty.arg2 = arg2;
    n->next = c->interned;
    c->interned = n;
    return &n->ty;
}

const Ty *ty_optional(TyCtx *c, const Ty *t) {
    if (t->kind == TY_NONE || t->kind == TY_OPTIONAL || t->kind == TY_DYN) {
        return t;
    }
    return intern_ty(c, TY_OPTIONAL, t, NULL);
}

// Items no path produced yet (an empty display) may hold anything once the program runs.
static const Ty *param_ty(const Ty *t) {
    return !t || t->kind == TY_BOTTOM ? ty_prim(TY_DYN) : t;
}

const Ty *ty_container(TyCtx *c, TyKind kind, const Ty *elem, const Ty *val) {
    return intern_ty(c, kind, param_ty(elem), kind == TY_DICT ? param_ty(val) : NULL);
}

const Ty *ty_list_of(TyCtx *c, const Ty *elem) { return intern_ty(c, TY_LIST, elem, NULL); }

// A type with bottom anywhere inside (a list no store reached yet) as it ends up: dyn there.
const Ty *ty_settle(TyCtx *c, const Ty *t) {
    if (t->kind == TY_BOTTOM) {
        return ty_prim(TY_DYN);
    }
    if (t->kind == TY_OPTIONAL) {
        return ty_optional(c, ty_settle(c, t->arg));
    }
    if (ty_is_container(t)) {
        const Ty *v = t->arg2 ? ty_settle(c, t->arg2) : NULL;
        return ty_container(c, t->kind, ty_settle(c, t->arg), v);
    }
    return t;
}

bool ty_is_container(const Ty *t) {
    return t->kind == TY_LIST || t->kind == TY_DICT || t->kind == TY_SET || t->kind == TY_TUPLE;
}

const Ty *ty_item(const Ty *container) {
    return ty_is_container(container) ? container->arg : ty_prim(TY_DYN);
}

const Ty *ty_join(TyCtx *c, const Ty *a, const Ty *b) {
    if (a == b || b->kind == TY_BOTTOM) {
        return a;
    }
    if (a->kind == TY_BOTTOM) {
        return b;
    }
    if (a->kind == TY_DYN || b->kind == TY_DYN) {
        return ty_prim(TY_DYN);
    }
    bool anum = a->kind == TY_NUM || a->kind == TY_INT || a->kind == TY_BOOL || a->kind == TY_FLOAT;
    bool bnum = b->kind == TY_NUM || b->kind == TY_INT || b->kind == TY_BOOL || b->kind == TY_FLOAT;
    if ((a->kind == TY_NUM && bnum) || (b->kind == TY_NUM && anum)) {
        return ty_prim(TY_NUM);
    }
    if (a->kind == TY_NONE) {
        return ty_optional(c, b);
    }
    if (b->kind == TY_NONE) {
        return ty_optional(c, a);
    }
    if (a->kind == TY_OPTIONAL && a->arg == b) {
        return a;
    }
    if (b->kind == TY_OPTIONAL && b->arg == a) {
        return b;
    }
    if (a->kind == b->kind && ty_is_container(a)) {
        const Ty *v = a->arg2 ? ty_join(c, a->arg2, b->arg2) : NULL;
        return ty_container(c, a->kind, ty_join(c, a->arg, b->arg), v);
    }
    if (a->kind == TY_OPTIONAL && b->kind == TY_OPTIONAL) {
        const Ty *j = ty_join(c, a->arg, b->arg);
        return ty_rep(j) == REP_OBJ && j->kind != TY_DYN ? ty_optional(c, j) : ty_prim(TY_DYN);
    }
    return ty_prim(TY_DYN);
}

IrRep ty_rep(const Ty *t) {
    switch (t->kind) {
    case TY_INT:
        return REP_INT;
    case TY_FLOAT:
        return REP_FLOAT;
    case TY_BOOL:
        return REP_BOOL;
    default:
        return REP_OBJ;
    }
}

bool rep_is_refcounted(IrRep r) { return r == REP_OBJ || r == REP_INT; }

void ty_format(StrBuf *b, const Ty *t) {
    static const char *const names[] = {"bottom", "dyn",  "None", "bool", "int",  "float",
                                        "str",    "Optional", "list", "dict", "set", "tuple", "num"};
    strbuf_printf(b, "%s", names[t->kind]);
    if (t->arg) {
        strbuf_putc(b, '[');
        ty_format(b, t->arg);
        if (t->arg2) {
            strbuf_printf(b, ", ");
            ty_format(b, t->arg2);
        }
        strbuf_printf(b, t->kind == TY_TUPLE ? ", ...]" : "]");
    }
}
