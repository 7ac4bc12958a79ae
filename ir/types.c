// types.c: the type lattice of DESIGN §4. Primitive types are static singletons; parameterised
// types (Optional[T], and later list[T], dict[K,V], classes) are interned in a TyCtx so that
// equal types are the same pointer. The join is the least upper bound, with one rule that keeps
// representations cheap: a join that no single word or unboxed C value can hold is dyn.
#include "ir.h"

static const Ty prims[] = {
    [TY_BOTTOM] = {TY_BOTTOM, NULL}, [TY_DYN] = {TY_DYN, NULL},     [TY_NONE] = {TY_NONE, NULL},
    [TY_BOOL] = {TY_BOOL, NULL},     [TY_INT] = {TY_INT, NULL},     [TY_FLOAT] = {TY_FLOAT, NULL},
    [TY_STR] = {TY_STR, NULL},
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

static const Ty *intern_ty(TyCtx *c, TyKind kind, const Ty *arg) {
    for (TyNode *n = c->interned; n; n = n->next) {
        if (n->ty.kind == kind && n->ty.arg == arg) {
            return &n->ty;
        }
    }
    TyNode *n = arena_alloc(c->arena, sizeof *n);
    n->ty.kind = kind;
    n->ty.arg = arg;
    n->next = c->interned;
    c->interned = n;
    return &n->ty;
}

const Ty *ty_optional(TyCtx *c, const Ty *t) {
    if (t->kind == TY_NONE || t->kind == TY_OPTIONAL || t->kind == TY_DYN) {
        return t;
    }
    return intern_ty(c, TY_OPTIONAL, t);
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
    static const char *const names[] = {"bottom", "dyn", "None", "bool", "int", "float", "str"};
    if (t->kind == TY_OPTIONAL) {
        strbuf_printf(b, "Optional[");
        ty_format(b, t->arg);
        strbuf_putc(b, ']');
        return;
    }
    strbuf_printf(b, "%s", names[t->kind]);
}
