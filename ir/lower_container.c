// lower_container.c: AST → IR for containers and iteration — tuple/list/set/dict displays with
// * and ** unpacking, subscripts and slices (load, store, del), attribute loads and stores,
// `in`, assignment targets with unpacking (a, *b = ...), `for` over any iterable, and list/set/
// dict comprehensions. Containers are boxed objects; every operation goes through the
// runtime's protocol entry points (kr_getitem, kr_iter/kr_next, ...), which raise CPython's
// exceptions. A comprehension runs inline, but its variables live in fresh registers bound
// only while its body is lowered (l->comp), so they never leak into the enclosing scope.
#include "lower_internal.h"

#include <string.h>

static const Ty *dyn(void) { return ty_prim(TY_DYN); }

// ---------------------------------------------------------------------------------------------
// Displays

static int build(Lower *l, IrBuild kind, const int *regs, int n, const Ty *ty, const AstNode *at) {
    int dst = lower_temp(l, ty);
    IrInstr *in = lower_emit(l, IR_BUILD, dst, n, at);
    if (n > 0) {
        memcpy(in->args, regs, sizeof(int) * (size_t)n);
    }
    in->aux = kind;
    return dst;
}

static void container_add(Lower *l, int c, int v, IrAdd how, const AstNode *at) {
    IrInstr *in = lower_emit(l, IR_CONTAINER_ADD, -1, 2, at);
    in->args[0] = c;
    in->args[1] = v;
    in->aux = how;
}

static bool has_starred(const AstList *elts) {
    for (int i = 0; i < elts->count; i++) {
        if (elts->items[i]->kind == AST_Starred) {
            return true;
        }
    }
    return false;
}

// [a, *b, c]: a list grown item by item (a tuple display converts it at the end).
static int starred_list(Lower *l, const AstList *elts, const AstNode *at) {
    int list = build(l, BUILD_LIST, NULL, 0, ty_container(l->m->types, TY_LIST, NULL, NULL), at);
    for (int i = 0; i < elts->count; i++) {
        const AstNode *it = elts->items[i];
        bool star = it->kind == AST_Starred;
        int v = lower_box(l, lower_expr(l, star ? it->u.Starred.value : it), it);
        container_add(l, list, v, star ? ADD_EXTEND : ADD_APPEND, it);
    }
    return list;
}

static int lower_items(Lower *l, const AstList *elts, IrBuild kind, const AstNode *e) {
    if (has_starred(elts) && kind != BUILD_SET) {
        int list = starred_list(l, elts, e);
        if (kind == BUILD_LIST) {
            return list;
        }
        int fn = lower_builtin(l, "tuple", e);
        return lower_call_obj(l, fn, &list, 1, e->ty, e);
    }
    if (kind == BUILD_SET && has_starred(elts)) {
        int set = build(l, BUILD_SET, NULL, 0, e->ty, e);
        for (int i = 0; i < elts->count; i++) {
            const AstNode *it = elts->items[i];
            bool star = it->kind == AST_Starred;
            int v = lower_box(l, lower_expr(l, star ? it->u.Starred.value : it), it);
            container_add(l, set, v, star ? ADD_SET_UPDATE : ADD_SET_ADD, it);
        }
        return set;
    }
    int *regs = arena_alloc(l->arena, sizeof(int) * (size_t)(elts->count + 1));
    for (int i = 0; i < elts->count; i++) {
        regs[i] = lower_box(l, lower_expr(l, elts->items[i]), elts->items[i]);
    }
    return build(l, kind, regs, elts->count, e->ty, e);
}

int lower_tuple(Lower *l, const AstNode *e) {
    return lower_items(l, &e->u.Tuple.elts, BUILD_TUPLE, e);
}

int lower_list(Lower *l, const AstNode *e) {
    return lower_items(l, &e->u.List.elts, BUILD_LIST, e);
}

static bool all_constants(const AstList *elts) {
    for (int i = 0; i < elts->count; i++) {
        if (elts->items[i]->kind != AST_Constant) {
            return false;
        }
    }
    return true;
}

// CPython compiles a set display of three or more constants as set().update(frozenset(...)),
// which lays the table out differently from adding the items one by one; iteration order
// (and so printing) follows the table, so krait builds such a set the same way.
int lower_set(Lower *l, const AstNode *e) {
    const AstList *elts = &e->u.Set.elts;
    if (elts->count < 3 || !all_constants(elts)) {
        return lower_items(l, elts, BUILD_SET, e);
    }
    int *regs = arena_alloc(l->arena, sizeof(int) * (size_t)(elts->count + 1));
    for (int i = 0; i < elts->count; i++) {
        regs[i] = lower_box(l, lower_expr(l, elts->items[i]), elts->items[i]);
    }
    int tuple = build(l, BUILD_TUPLE, regs, elts->count, dyn(), e);
    int frozen = lower_call_obj(l, lower_builtin(l, "frozenset", e), &tuple, 1, dyn(), e);
    int set = build(l, BUILD_SET, NULL, 0, e->ty, e);
    container_add(l, set, frozen, ADD_SET_UPDATE, e);
    return set;
}

static void dict_set(Lower *l, int d, int k, int v, const AstNode *at) {
    IrInstr *in = lower_emit(l, IR_DICT_SET, -1, 3, at);
    in->args[0] = d;
    in->args[1] = k;
    in->args[2] = v;
}

// {k: v, **m}: keys and values in source order, each key evaluated before its value.
int lower_dict(Lower *l, const AstNode *e) {
    int d = build(l, BUILD_DICT, NULL, 0, e->ty, e);
    for (int i = 0; i < e->u.Dict.keys.count; i++) {
        const AstNode *k = e->u.Dict.keys.items[i], *v = e->u.Dict.values.items[i];
        if (!k) {
            container_add(l, d, lower_box(l, lower_expr(l, v), v), ADD_DICT_UPDATE, v);
            continue;
        }
        int kr = lower_box(l, lower_expr(l, k), k);
        dict_set(l, d, kr, lower_box(l, lower_expr(l, v), v), k);
    }
    return d;
}

// ---------------------------------------------------------------------------------------------
// Subscripts, slices, attributes

// The slice object of a[lo:hi:step]; omitted parts are None.
static int lower_slice(Lower *l, const AstNode *e) {
    const AstNode *parts[] = {e->u.Slice.lower, e->u.Slice.upper, e->u.Slice.step};
    int regs[3];
    for (int i = 0; i < 3; i++) {
        regs[i] = parts[i] ? lower_box(l, lower_expr(l, parts[i]), parts[i])
                           : lower_const_none(l, e);
    }
    int dst = lower_temp(l, dyn());
    IrInstr *in = lower_emit(l, IR_SLICE, dst, 3, e);
    memcpy(in->args, regs, sizeof regs);
    return dst;
}

static int lower_key(Lower *l, const AstNode *k) {
    return k->kind == AST_Slice ? lower_slice(l, k) : lower_box(l, lower_expr(l, k), k);
}

int lower_subscript(Lower *l, const AstNode *e) {
    int v = lower_box(l, lower_expr(l, e->u.Subscript.value), e);
    int k = lower_key(l, e->u.Subscript.slice);
    int r = lower_emit2(l, IR_GETITEM, dyn(), v, k, 0, e);
    return lower_coerce(l, r, e->ty, e);
}

static IrConst *name_const(Lower *l, Name n) {
    IrConst *c = ir_const_new(l->m, IRC_STR);
    c->s = n;
    c->len = strlen(n);
    return c;
}

int lower_getattr(Lower *l, int obj, Name attr, const AstNode *at) {
    int dst = lower_temp(l, dyn());
    IrInstr *in = lower_emit(l, IR_GETATTR, dst, 1, at);
    in->args[0] = obj;
    in->cst = name_const(l, attr);
    return dst;
}

int lower_attribute(Lower *l, const AstNode *e) {
    int v = lower_box(l, lower_expr(l, e->u.Attribute.value), e);
    return lower_coerce(l, lower_getattr(l, v, e->u.Attribute.attr, e), e->ty, e);
}

// `item in container` as a C bool ('negate' for `not in`).
int lower_contains(Lower *l, int item, int container, bool negate, const AstNode *at) {
    int r = lower_emit2(l, IR_CONTAINS, ty_prim(TY_BOOL), lower_box(l, item, at),
                        lower_box(l, container, at), 0, at);
    return negate ? lower_emit1(l, IR_NOT, ty_prim(TY_BOOL), r, 0, at) : r;
}

// ---------------------------------------------------------------------------------------------
// Assignment targets

static void store_unpack(Lower *l, const AstList *elts, int value, const AstNode *at);

static void store_subscript(Lower *l, const AstNode *t, int value) {
    int v = lower_box(l, lower_expr(l, t->u.Subscript.value), t);
    int k = lower_key(l, t->u.Subscript.slice);
    int x = lower_box(l, value, t);
    IrInstr *in = lower_emit(l, IR_SETITEM, -1, 3, t);
    in->args[0] = v;
    in->args[1] = k;
    in->args[2] = x;
}

static void store_attribute(Lower *l, const AstNode *t, int value) {
    int v = lower_box(l, lower_expr(l, t->u.Attribute.value), t);
    int x = lower_box(l, value, t);
    IrInstr *in = lower_emit(l, IR_SETATTR, -1, 2, t);
    in->args[0] = v;
    in->args[1] = x;
    in->cst = name_const(l, t->u.Attribute.attr);
}

// Whether lower_store_target can assign to 'target'; reports what it cannot.
bool lower_target_ok(Lower *l, const AstNode *t) {
    switch (t->kind) {
    case AST_Name:
    case AST_Subscript:
    case AST_Attribute:
        return true;
    case AST_Starred:
        return lower_target_ok(l, t->u.Starred.value);
    case AST_Tuple:
    case AST_List: {
        const AstList *elts = t->kind == AST_Tuple ? &t->u.Tuple.elts : &t->u.List.elts;
        for (int i = 0; i < elts->count; i++) {
            if (!lower_target_ok(l, elts->items[i])) {
                return false;
            }
        }
        return true;
    }
    default:
        lower_unsupported(l, t, lower_expr_construct(t->kind));
        return false;
    }
}

void lower_store_target(Lower *l, const AstNode *t, int value) {
    switch (t->kind) {
    case AST_Name:
        lower_store_name(l, t->u.Name.id, value, t);
        break;
    case AST_Subscript:
        store_subscript(l, t, value);
        break;
    case AST_Attribute:
        store_attribute(l, t, value);
        break;
    case AST_Tuple:
        store_unpack(l, &t->u.Tuple.elts, value, t);
        break;
    case AST_List:
        store_unpack(l, &t->u.List.elts, value, t);
        break;
    default:
        lower_unsupported(l, t, lower_expr_construct(t->kind));
        break;
    }
}

// a, *b, c = value: one UNPACK (all of CPython's checks), then each target from its item.
static void store_unpack(Lower *l, const AstList *elts, int value, const AstNode *at) {
    int star = -1;
    for (int i = 0; i < elts->count; i++) {
        if (elts->items[i]->kind == AST_Starred) {
            if (star >= 0) {
                lower_unsupported(l, elts->items[i], "two starred targets");
                return;
            }
            star = i;
        }
    }
    const Ty *tuple = ty_container(l->m->types, TY_TUPLE, NULL, NULL);
    int items = lower_emit1(l, IR_UNPACK, tuple, lower_box(l, value, at), 0, at);
    l->cur->instrs[l->cur->count - 1]->aux = elts->count | ((star + 1) << 16);
    for (int i = 0; i < elts->count; i++) {
        const AstNode *t = elts->items[i];
        const Ty *ty = i == star ? ty_container(l->m->types, TY_LIST, NULL, NULL) : dyn();
        int v = lower_emit1(l, IR_TUPLE_ITEM, ty, items, i, t);
        lower_store_target(l, i == star ? t->u.Starred.value : t, v);
    }
}

// ---------------------------------------------------------------------------------------------
// del of subscripts and attributes, augmented assignment to subscripts

void lower_delete(Lower *l, const AstNode *s) {
    const AstList *targets = &s->u.Delete.targets;
    for (int i = 0; i < targets->count; i++) {
        const AstNode *t = targets->items[i];
        if (t->kind == AST_Attribute) {
            int v = lower_box(l, lower_expr(l, t->u.Attribute.value), t);
            IrInstr *in = lower_emit(l, IR_DELATTR, -1, 1, t);
            in->args[0] = v;
            in->cst = name_const(l, t->u.Attribute.attr);
            continue;
        }
        if (t->kind != AST_Subscript) {
            lower_unsupported(l, t, "'del' of anything but a subscript or an attribute");
            continue;
        }
        int v = lower_box(l, lower_expr(l, t->u.Subscript.value), t);
        int k = lower_key(l, t->u.Subscript.slice);
        IrInstr *in = lower_emit(l, IR_DELITEM, -1, 2, t);
        in->args[0] = v;
        in->args[1] = k;
    }
}

static int inplace(Lower *l, AstOp op, int a, int b, const AstNode *at) {
    int bop = op == AST_OP_Add ? BIN_ADD : op == AST_OP_Sub ? BIN_SUB : op == AST_OP_Mult ? BIN_MUL
              : op == AST_OP_Div ? BIN_TRUEDIV : op == AST_OP_FloorDiv ? BIN_FLOORDIV
              : op == AST_OP_Mod ? BIN_MOD : op == AST_OP_Pow ? BIN_POW
              : op == AST_OP_LShift ? BIN_LSHIFT : op == AST_OP_RShift ? BIN_RSHIFT
              : op == AST_OP_BitAnd ? BIN_AND : op == AST_OP_BitOr ? BIN_OR
              : op == AST_OP_BitXor ? BIN_XOR : -1;
    if (bop < 0) {
        lower_unsupported(l, at, "the '@=' operator");
        return lower_const_none(l, at);
    }
    return lower_emit2(l, IR_INPLACE, dyn(), lower_box(l, a, at), lower_box(l, b, at), bop, at);
}

// x op= v on an object x (lists extend in place, as CPython's += does).
int lower_inplace(Lower *l, AstOp op, int a, int b, const AstNode *at) {
    return inplace(l, op, a, b, at);
}

// a[k] op= v: a and k evaluated once.
void lower_augassign_item(Lower *l, const AstNode *s) {
    const AstNode *t = s->u.AugAssign.target;
    int v = lower_box(l, lower_expr(l, t->u.Subscript.value), t);
    int k = lower_key(l, t->u.Subscript.slice);
    int cur = lower_emit2(l, IR_GETITEM, dyn(), v, k, 0, t);
    int rhs = lower_expr(l, s->u.AugAssign.value);
    int res = inplace(l, s->u.AugAssign.op, cur, rhs, s);
    IrInstr *in = lower_emit(l, IR_SETITEM, -1, 3, t);
    in->args[0] = v;
    in->args[1] = k;
    in->args[2] = res;
}

void lower_augassign_attr(Lower *l, const AstNode *s) {
    const AstNode *t = s->u.AugAssign.target;
    int v = lower_box(l, lower_expr(l, t->u.Attribute.value), t);
    int cur = lower_temp(l, dyn());
    IrInstr *get = lower_emit(l, IR_GETATTR, cur, 1, t);
    get->args[0] = v;
    get->cst = name_const(l, t->u.Attribute.attr);
    int res = inplace(l, s->u.AugAssign.op, cur, lower_expr(l, s->u.AugAssign.value), s);
    IrInstr *in = lower_emit(l, IR_SETATTR, -1, 2, t);
    in->args[0] = v;
    in->args[1] = res;
    in->cst = get->cst;
}
