// lower_class.c: AST → IR for the `class` statement (DESIGN §5). The class is created when the
// statement executes, as CPython does: the bases and keywords are evaluated, the metaclass
// prepares the namespace (CLASS_PREPARE), the body runs inline in the enclosing function with
// its names stored in and read from that namespace (then the globals and builtins), and
// CLASS_NEW calls the metaclass. Methods are function objects in the namespace; a method using
// super() or __class__ closes over the class cell, which the namespace hands to the class as
// __classcell__. Instances use the runtime's attribute protocol (kr_getattr / kr_setattr).
#include "lower_internal.h"

#include <string.h>

static const Ty *dyn(void) { return ty_prim(TY_DYN); }

static int str_const(Lower *l, const char *s, const AstNode *at) {
    return lower_const_str(l, s, strlen(s), at);
}

int lower_class_load(Lower *l, Name id, const AstNode *at) {
    int dst = lower_temp(l, dyn());
    IrInstr *in = lower_emit(l, IR_LOAD_NAME, dst, 1, at);
    in->args[0] = l->cls->ns;
    in->aux = lower_global_index(l, id);
    in->cst = ir_const_new(l->m, IRC_STR);
    in->cst->s = id;
    in->cst->len = strlen(id);
    return dst;
}

static void ns_set(Lower *l, int ns, const char *name, int value, const AstNode *at) {
    int k = str_const(l, name, at);
    IrInstr *in = lower_emit(l, IR_SETITEM, -1, 3, at);
    in->args[0] = ns;
    in->args[1] = k;
    in->args[2] = value;
}

void lower_class_store(Lower *l, Name id, int value, const AstNode *at) {
    ns_set(l, l->cls->ns, id, lower_box(l, value, at), at);
}

static int build(Lower *l, IrBuild kind, const int *regs, int n, const AstNode *at) {
    int dst = lower_temp(l, dyn());
    IrInstr *in = lower_emit(l, IR_BUILD, dst, n, at);
    if (n > 0) {
        memcpy(in->args, regs, sizeof(int) * (size_t)n);
    }
    in->aux = kind;
    return dst;
}

// The bases tuple, the metaclass (ops[2]) and the other keywords (a dict, ops[3]); returns
// CLASS_PREPARE's aux.
static int class_args(Lower *l, const AstNode *s, int *ops) {
    const AstList *bases = &s->u.ClassDef.bases, *kws = &s->u.ClassDef.keywords;
    int *regs = arena_alloc(l->arena, sizeof(int) * (size_t)(bases->count + 2 * kws->count + 1));
    for (int i = 0; i < bases->count; i++) {
        if (bases->items[i]->kind == AST_Starred) {
            lower_unsupported(l, bases->items[i], "'*' in a class's bases");
        }
        regs[i] = lower_box(l, lower_expr(l, bases->items[i]), bases->items[i]);
    }
    ops[1] = build(l, BUILD_TUPLE, regs, bases->count, s);
    int aux = 0, n = 0;
    ops[2] = ops[3] = -1;
    for (int i = 0; i < kws->count; i++) {
        const AstNode *kw = kws->items[i];
        int v = lower_box(l, lower_expr(l, kw->u.keyword.value), kw);
        if (kw->u.keyword.arg && strcmp(kw->u.keyword.arg, "metaclass") == 0) {
            ops[2] = v;
            aux |= 1;
        } else if (kw->u.keyword.arg) {
            regs[n++] = str_const(l, kw->u.keyword.arg, kw);
            regs[n++] = v;
        } else {
            lower_unsupported(l, kw, "'**' in a class's keywords");
        }
    }
    if (n) {
        ops[3] = build(l, BUILD_DICT, regs, n, s);
        aux |= 2;
    }
    for (int i = 2; i < 4; i++) {
        ops[i] = ops[i] >= 0 ? ops[i] : lower_const_none(l, s);
    }
    return aux;
}

// The class body, with its names in namespace 'ns'; returns the class cell or -1.
static int class_body(Lower *l, const AstNode *s, int ns, const char *qualname) {
    ClassCtx ctx = {ns, qualname, l->cls};
    InferFunc *saved = l->ifn;
    int saved_cells = l->ncells;
    l->ifn = infer_nested(l->inf, s);
    l->cls = &ctx;
    const char *module = l->m->unit->name;
    if (strcmp(module, "__main__") != 0) {  // (the runtime's default is "__main__")
        ns_set(l, ns, "__module__", str_const(l, module, s), s);
    }
    const AstList *body = &s->u.ClassDef.body;
    if (body->count && body->items[0]->kind == AST_Expr
        && body->items[0]->u.Expr.value->kind == AST_Constant
        && body->items[0]->u.Expr.value->u.Constant.value.kind == CONST_STR) {
        ns_set(l, ns, "__doc__", lower_constant(l, body->items[0]->u.Expr.value), s);
    }
    int cell = -1;
    Scope *sc = l->ifn->scope;
    if (sc->needs_class_closure) {  // a method uses super() or __class__
        cell = lower_temp(l, dyn());
        lower_emit(l, IR_CELL_NEW, cell, 0, s);
        lower_cell_push(l, intern_cstr(l->m->in, "__class__"), cell, false);
    }
    lower_stmts(l, body);
    l->cls = ctx.outer;
    l->ifn = saved;
    l->ncells = saved_cells;
    return cell;
}

void lower_classdef(Lower *l, const AstNode *s) {
    if (s->u.ClassDef.type_params.count) {
        lower_unsupported(l, s, "a generic class");
        return;
    }
    const AstList *decs = &s->u.ClassDef.decorator_list;
    int *dec = arena_alloc(l->arena, sizeof(int) * (size_t)(decs->count + 1));
    for (int i = 0; i < decs->count; i++) {
        dec[i] = lower_box(l, lower_expr(l, decs->items[i]), decs->items[i]);
    }
    Name name = s->u.ClassDef.name;
    const char *qualname = lower_qualname(l, name);
    int ops[4];
    ops[0] = str_const(l, name, s);
    int aux = class_args(l, s, ops);
    int ns = lower_temp(l, dyn());
    IrInstr *in = lower_emit(l, IR_CLASS_PREPARE, ns, 4, s);
    memcpy(in->args, ops, sizeof ops);
    in->aux = aux;
    int cell = class_body(l, s, ns, qualname);
    if (cell >= 0) {
        ns_set(l, ns, "__classcell__", cell, s);
    }
    int args[6] = {ops[0], str_const(l, qualname, s), ops[1], ns, ops[2], ops[3]};
    int cls = lower_temp(l, dyn());
    in = lower_emit(l, IR_CLASS_NEW, cls, 6, s);
    memcpy(in->args, args, sizeof args);
    in->aux = aux;
    for (int i = decs->count - 1; i >= 0; i--) {
        cls = lower_call_obj(l, dec[i], &cls, 1, dyn(), s);
    }
    lower_store_name(l, name, cls, s);
}
