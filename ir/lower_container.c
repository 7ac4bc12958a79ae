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

// The item type of list 'v' indexed by 'k' when typed indexing (LIST_GET / LIST_SET) applies:
// a list[int] or list[float] and an int or bool index. NULL otherwise.
static const Ty *typed_item(Lower *l, int v, int k) {
    const Ty *tv = lower_reg_ty(l, v), *tk = lower_reg_ty(l, k);
    if (tv->kind != TY_LIST || !tv->arg || (tk->kind != TY_INT && tk->kind != TY_BOOL)) {
        return NULL;
    }
    return tv->arg->kind == TY_INT || tv->arg->kind == TY_FLOAT ? tv->arg : NULL;
}

// v[k] of a container 'v' and a key already lowered ('k' not yet boxed; not a slice).
static int get_item(Lower *l, int v, int k, const AstNode *at) {
    const Ty *item = typed_item(l, v, k);
    if (item) {
        return lower_emit2(l, IR_LIST_GET, item, v, lower_as_int(l, k, at), 0, at);
    }
    return lower_emit2(l, IR_GETITEM, dyn(), v, lower_box(l, k, at), 0, at);
}

// v[k] = x ('k' and 'x' in any representation). A list[int] or list[float] stores an int or a
// float of its item type without boxing; anything else (an int into a list[float] stays an
// int, as in CPython) takes the generic path.
static void set_item(Lower *l, int v, int k, int x, const AstNode *at) {
    const Ty *item = typed_item(l, v, k);
    bool typed = item && lower_reg_ty(l, x) == item;
    int key = typed ? lower_as_int(l, k, at) : lower_box(l, k, at);
    int val = typed ? x : lower_box(l, x, at);
    IrInstr *in = lower_emit(l, typed ? IR_LIST_SET : IR_SETITEM, -1, 3, at);
    in->args[0] = v;
    in->args[1] = key;
    in->args[2] = val;
}

int lower_subscript(Lower *l, const AstNode *e) {
    int item = lower_split_view_item(l, e, ty_prim(TY_DYN));
    if (item >= 0) {
        return lower_coerce(l, item, e->ty, e);
    }
    int v = lower_box(l, lower_expr(l, e->u.Subscript.value), e);
    const AstNode *sl = e->u.Subscript.slice;
    int r = sl->kind == AST_Slice ? lower_emit2(l, IR_GETITEM, dyn(), v, lower_slice(l, sl), 0, e)
                                  : get_item(l, v, lower_expr(l, sl), e);
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
    const AstNode *sl = t->u.Subscript.slice;
    set_item(l, v, sl->kind == AST_Slice ? lower_slice(l, sl) : lower_expr(l, sl), value, t);
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
// del, augmented assignment to subscripts

// One target of `del`, left to right through tuples and lists, as CPython deletes them.
static void delete_target(Lower *l, const AstNode *t) {
    switch (t->kind) {
    case AST_Name:
        lower_delete_name(l, t->u.Name.id, t);
        return;
    case AST_Tuple:
    case AST_List: {
        const AstList *elts = t->kind == AST_Tuple ? &t->u.Tuple.elts : &t->u.List.elts;
        for (int i = 0; i < elts->count; i++) {
            delete_target(l, elts->items[i]);
        }
        return;
    }
    case AST_Attribute: {
        int v = lower_box(l, lower_expr(l, t->u.Attribute.value), t);
        IrInstr *in = lower_emit(l, IR_DELATTR, -1, 1, t);
        in->args[0] = v;
        in->cst = name_const(l, t->u.Attribute.attr);
        return;
    }
    default: {  // a subscript: the parser accepts nothing else
        int v = lower_box(l, lower_expr(l, t->u.Subscript.value), t);
        int k = lower_key(l, t->u.Subscript.slice);
        IrInstr *in = lower_emit(l, IR_DELITEM, -1, 2, t);
        in->args[0] = v;
        in->args[1] = k;
        return;
    }
    }
}

void lower_delete(Lower *l, const AstNode *s) {
    const AstList *targets = &s->u.Delete.targets;
    for (int i = 0; i < targets->count; i++) {
        delete_target(l, targets->items[i]);
    }
}

static void augassign_generic(Lower *l, const AstNode *s, int v, int k);
static void reread_first(Lower *l, const AstNode *s, int v, int key, int rhs, IrBlock *b0,
                         int pos);

static int inplace(Lower *l, AstOp op, int a, int b, const AstNode *at) {
    int bop = op == AST_OP_Add ? BIN_ADD : op == AST_OP_Sub ? BIN_SUB : op == AST_OP_Mult ? BIN_MUL
              : op == AST_OP_Div ? BIN_TRUEDIV : op == AST_OP_FloorDiv ? BIN_FLOORDIV
              : op == AST_OP_Mod ? BIN_MOD : op == AST_OP_Pow ? BIN_POW
              : op == AST_OP_LShift ? BIN_LSHIFT : op == AST_OP_RShift ? BIN_RSHIFT
              : op == AST_OP_BitAnd ? BIN_AND : op == AST_OP_BitOr ? BIN_OR
              : op == AST_OP_BitXor ? BIN_XOR : BIN_MATMUL;
    return lower_emit2(l, IR_INPLACE, dyn(), lower_box(l, a, at), lower_box(l, b, at), bop, at);
}

// x op= v on an object x (lists extend in place, as CPython's += does).
int lower_inplace(Lower *l, AstOp op, int a, int b, const AstNode *at) {
    return inplace(l, op, a, b, at);
}

// a[k] op= v: a and k evaluated once.
// A list[float] item with + - * / of a float is updated in place (LIST_AUG, exact whatever the
// item is); a list[int] item with an operator whose result is an int is read, computed and
// stored unboxed: int has no in-place operators, so `a[k] op= v` is `a[k] = a[k] op v`.
// Whether lowering 'e' twice, or lowering it and dropping the result, is harmless: it holds no
// code of its own (lambdas, comprehensions, generator expressions) and does not suspend.
static bool not_twice_ok(const AstNode *e, void *ctx) {
    (void)ctx;
    return !lower_twice_ok(e);
}

bool lower_twice_ok(const AstNode *e) {
    if (!e) {
        return true;
    }
    switch (e->kind) {
    case AST_Lambda:
    case AST_ListComp:
    case AST_SetComp:
    case AST_DictComp:
    case AST_GeneratorExp:
    case AST_Yield:
    case AST_YieldFrom:
    case AST_Await:
        return false;
    default:
        break;
    }
    return !ast_any_child(e, not_twice_ok, NULL);
}

// `v[key] op= <operand>` of a list[float] whose operand was lowered (into 'rhs', from position
// 'pos' of block 'b0') but may fail or branch or is no float, so the item must be read first.
// The lowered operand is dropped: for a float operand and a list of raw doubles (every item an
// exact float) the item is read, the operand lowered again, and the result computed and stored
// unboxed; otherwise the generic read, operand, in-place operator and store.
static void reread_first(Lower *l, const AstNode *s, int v, int key, int rhs, IrBlock *b0,
                         int pos) {
    const AstNode *t = s->u.AugAssign.target, *value = s->u.AugAssign.value;
    IrBlock *fast = ir_block_new(l->fn), *slow = ir_block_new(l->fn);
    IrBlock *done = ir_block_new(l->fn);
    if (l->cur != b0) {
        lower_jump(l, done);  // the dropped operand's blocks: unreachable, but well formed
    }
    b0->count = pos;
    l->cur = b0;
    if (lower_reg_ty(l, rhs)->kind == TY_FLOAT) {
        int ok = lower_emit1(l, IR_LIST_IS_FLOATS, ty_prim(TY_BOOL), v, 0, t);
        lower_branch(l, ok, fast, slow, t);
        lower_start(l, fast);
        int k = lower_as_int(l, key, t);
        int cur = lower_emit2(l, IR_LIST_GET, ty_prim(TY_FLOAT), v, k, 0, t);
        int x = lower_expr(l, value);
        int res = lower_binary(l, s->u.AugAssign.op, cur, x, ty_prim(TY_FLOAT), s);
        set_item(l, v, key, res, t);
        lower_jump(l, done);
    } else {
        lower_jump(l, slow);
    }
    lower_start(l, slow);
    augassign_generic(l, s, v, lower_box(l, key, t->u.Subscript.slice));
    lower_jump(l, done);
    lower_start(l, done);
}

void lower_augassign_item(Lower *l, const AstNode *s) {
    const AstNode *t = s->u.AugAssign.target;
    int v = lower_box(l, lower_expr(l, t->u.Subscript.value), t);
    const AstNode *sl = t->u.Subscript.slice;
    if (sl->kind != AST_Slice) {
        int key = lower_expr(l, sl);
        const Ty *item = typed_item(l, v, key);
        AstOp op = s->u.AugAssign.op;
        bool float_op = op == AST_OP_Add || op == AST_OP_Sub || op == AST_OP_Mult
                        || op == AST_OP_Div;
        if (item && item->kind == TY_FLOAT && float_op && lower_twice_ok(s->u.AugAssign.value)) {
            // The item may be an int at run time (int + float is a float, but int + int is
            // not), so only a float operand is computed on the raw double (LIST_AUG). That
            // reads the item after the operand: fine when evaluating the operand can neither
            // fail nor branch; otherwise the generic read goes back before it.
            IrBlock *b0 = l->cur;
            int pos = b0->count;
            int rhs = lower_expr(l, s->u.AugAssign.value);
            bool pure = l->cur == b0;
            for (int i = pos; pure && i < b0->count; i++) {
                pure = !ir_instr_raises(l->fn, b0->instrs[i]);
            }
            if (pure && lower_reg_ty(l, rhs)->kind == TY_FLOAT) {
                int bop = op == AST_OP_Add ? BIN_ADD : op == AST_OP_Sub ? BIN_SUB
                          : op == AST_OP_Mult ? BIN_MUL : BIN_TRUEDIV;
                int k = lower_as_int(l, key, t);
                IrInstr *in = lower_emit(l, IR_LIST_AUG, -1, 3, t);
                in->args[0] = v;
                in->args[1] = k;
                in->args[2] = rhs;
                in->aux = bop;
                return;
            }
            reread_first(l, s, v, key, rhs, b0, pos);
            return;
        }
        if (item && item->kind == TY_INT) {  // an int item reads exactly as an int
            key = lower_as_int(l, key, t);
            int cur = lower_emit2(l, IR_LIST_GET, item, v, key, 0, t);
            int rhs = lower_expr(l, s->u.AugAssign.value);
            const Ty *ty = infer_binop_type(s->u.AugAssign.op, item, lower_reg_ty(l, rhs),
                                            s->u.AugAssign.value);
            int res = ty == item ? lower_binary(l, s->u.AugAssign.op, cur, rhs, ty, s)
                                 : inplace(l, s->u.AugAssign.op, cur, rhs, s);
            set_item(l, v, key, res, t);
            return;
        }
        key = lower_box(l, key, sl);
        augassign_generic(l, s, v, key);
        return;
    }
    augassign_generic(l, s, v, lower_slice(l, sl));
}

static void augassign_generic(Lower *l, const AstNode *s, int v, int k) {
    const AstNode *t = s->u.AugAssign.target;
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
