// lower_str.c: split views. A local variable whose every binding is `v = s.split(SEP)` (SEP a
// non-empty str literal) and whose every other use is `v[K]` (K an int literal, read only)
// never needs the list: the variable holds `s` itself when it is an exact str, and `v[K]`
// finds the K-th piece when it runs (kr_str_split_item), so the list and the pieces nobody
// reads are never made. float(v[K]) and int(v[K]) parse the piece where it lies, with no str
// at all. When `s` is anything else (a str subclass, whose split may be overridden, or not a
// str) the variable holds what `s.split(SEP)` returns, and `v[K]` indexes it as usual
// (kr_str_split_view), so every program behaves as under CPython, errors included.
#include "lower_internal.h"

#include <string.h>

// The separator of `s.split(SEP)` when 'e' is such a call, else NULL.
static const AstNode *split_sep(const AstNode *e) {
    if (!e || e->kind != AST_Call || e->u.Call.keywords.count != 0 || e->u.Call.args.count != 1) {
        return NULL;
    }
    const AstNode *f = e->u.Call.func, *a = e->u.Call.args.items[0];
    if (f->kind != AST_Attribute || strcmp(f->u.Attribute.attr, "split") != 0
        || a->kind != AST_Constant || a->u.Constant.value.kind != CONST_STR
        || a->u.Constant.value.u.s.len == 0) {
        return NULL;
    }
    return a;
}

// The index of `v[K]` (K an int literal that fits an int), or false.
static bool item_index(const AstNode *e, Name var, int *index) {
    if (e->kind != AST_Subscript || e->u.Subscript.ctx != AST_OP_Load
        || e->u.Subscript.value->kind != AST_Name
        || strcmp(e->u.Subscript.value->u.Name.id, var) != 0) {
        return false;
    }
    const AstNode *k = e->u.Subscript.slice;
    bool neg = false;
    if (k->kind == AST_UnaryOp && k->u.UnaryOp.op == AST_OP_USub) {
        neg = true;
        k = k->u.UnaryOp.operand;
    }
    if (k->kind != AST_Constant || k->u.Constant.value.kind != CONST_INT
        || k->u.Constant.value.u.i.digits || k->u.Constant.value.u.i.small > (1 << 30)) {
        return false;
    }
    *index = (int)(neg ? -k->u.Constant.value.u.i.small : k->u.Constant.value.u.i.small);
    return true;
}

typedef struct Scan {
    Name var;
    const AstNode *sep;  // the separator of the first binding
    int all, good;       // occurrences of the name, and those in the two shapes
} Scan;

static bool same_sep(const AstNode *a, const AstNode *b) {
    return a->u.Constant.value.u.s.len == b->u.Constant.value.u.s.len
           && memcmp(a->u.Constant.value.u.s.data, b->u.Constant.value.u.s.data,
                     a->u.Constant.value.u.s.len)
                  == 0;
}

// A binding `var = s.split(SEP)` ('target' and 'value' of an Assign or AnnAssign).
static void scan_binding(Scan *sc, const AstNode *target, const AstNode *value) {
    const AstNode *sep = split_sep(value);
    if (sep && target->kind == AST_Name && strcmp(target->u.Name.id, sc->var) == 0
        && (!sc->sep || same_sep(sc->sep, sep))) {
        sc->sep = sep;
        sc->good++;
    }
}

// Counts every occurrence of the name in 'n' (any identifier field: names, parameters,
// attributes, global statements...) and those in the two shapes.
static void scan(Scan *sc, const AstNode *n) {
    if (!n) {
        return;
    }
    int index;
    if (n->kind == AST_Assign && n->u.Assign.targets.count == 1) {
        scan_binding(sc, n->u.Assign.targets.items[0], n->u.Assign.value);
    } else if (n->kind == AST_AnnAssign) {
        scan_binding(sc, n->u.AnnAssign.target, n->u.AnnAssign.value);
    } else if (item_index(n, sc->var, &index)) {
        sc->good++;
    }
    int count;
    const AstField *fields = ast_fields(n->kind, &count);
    for (int i = 0; i < count; i++) {
        const char *p = (const char *)n + fields[i].offset;
        switch (fields[i].kind) {
        case FK_NODE:
        case FK_NODE_OPT:
            scan(sc, *(AstNode *const *)p);
            break;
        case FK_LIST: {
            const AstList *list = (const AstList *)p;
            for (int k = 0; k < list->count; k++) {
                scan(sc, list->items[k]);
            }
            break;
        }
        case FK_IDENT:
        case FK_IDENT_OPT: {
            Name id = *(const Name *)p;
            sc->all += id && strcmp(id, sc->var) == 0;
            break;
        }
        case FK_IDENT_LIST: {
            const NameList *names = (const NameList *)p;
            for (int k = 0; k < names->count; k++) {
                sc->all += strcmp(names->items[k], sc->var) == 0;
            }
            break;
        }
        default:
            break;
        }
    }
}

// The separator when local 'var' of the function being lowered is a split view, else NULL.
static const AstNode *view_sep(Lower *l, Name var) {
    const AstNode *fn = l->fn->node;
    if (!fn || (fn->kind != AST_FunctionDef && fn->kind != AST_AsyncFunctionDef)
        || lower_local_reg(l, var) < 0 || lower_cell_index(l, var) >= 0 || l->cls) {
        return NULL;
    }
    for (int i = 0; i < l->ncomp; i++) {
        if (strcmp(l->comp_names[i], var) == 0) {
            return NULL;
        }
    }
    Scan sc = {var, NULL, 0, 0};
    scan(&sc, fn);
    return sc.sep && sc.all == sc.good ? sc.sep : NULL;
}

static IrConst *sep_const(Lower *l, const AstNode *sep) {
    IrConst *c = ir_const_new(l->m, IRC_STR);
    c->s = sep->u.Constant.value.u.s.data;
    c->len = sep->u.Constant.value.u.s.len;
    return c;
}

bool lower_split_view_store(Lower *l, const AstNode *target, const AstNode *value) {
    if (target->kind != AST_Name || !split_sep(value)) {
        return false;
    }
    const AstNode *sep = view_sep(l, target->u.Name.id);
    if (!sep) {
        return false;
    }
    const AstNode *recv = value->u.Call.func->u.Attribute.value;
    int s = lower_box(l, lower_expr(l, recv), recv);
    int v = lower_temp(l, ty_prim(TY_DYN));
    IrInstr *in = lower_emit(l, IR_SPLIT_VIEW, v, 1, value);
    in->args[0] = s;
    in->cst = sep_const(l, sep);
    lower_move(l, lower_local_reg(l, target->u.Name.id), v, value);
    return true;
}

int lower_split_view_item(Lower *l, const AstNode *e, const Ty *ty) {
    if (e->kind != AST_Subscript || e->u.Subscript.value->kind != AST_Name) {
        return -1;
    }
    Name var = e->u.Subscript.value->u.Name.id;
    int index;
    const AstNode *sep = item_index(e, var, &index) ? view_sep(l, var) : NULL;
    if (!sep) {
        return -1;
    }
    int v = lower_expr(l, e->u.Subscript.value);
    int r = lower_temp(l, ty);
    IrInstr *in = lower_emit(l, IR_SPLIT_ITEM, r, 1, e);
    in->args[0] = v;
    in->aux = index;
    in->cst = sep_const(l, sep);
    return r;
}
