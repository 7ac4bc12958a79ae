// lower_class.c: AST → IR for the `class` statement (DESIGN §5). The class is created when the
// statement executes, as CPython does: the bases and keywords are evaluated, the metaclass
// prepares the namespace (CLASS_PREPARE), the body runs inline in the enclosing function with
// its names stored in and read from that namespace (then the globals and builtins), and
// CLASS_NEW calls the metaclass. Methods are function objects in the namespace; a method using
// super() or __class__ closes over the class cell, which the namespace hands to the class as
// __classcell__. The attributes the methods assign on self get instance slots
// (kr_class_layout_hint); attribute sites use the runtime's inline caches (kr_attr_site).
#include "lower_internal.h"

#include <stdio.h>
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

// Builtin classes CPython lets a class derive from whose layouts the runtime cannot extend
// (the runtime's builtin bases are object, type, the exceptions and the value and container
// types of runtime/subtype.c).
static const char *const unsupported_bases[] = {
    "bytearray", "property", "classmethod", "staticmethod", "super", "enumerate", "zip", "map",
    "filter", "reversed",
};

static void check_base(Lower *l, const AstNode *base) {
    if (base->kind != AST_Name || !lower_is_builtin(l, base->u.Name.id)) {
        return;
    }
    for (size_t i = 0; i < sizeof unsupported_bases / sizeof unsupported_bases[0]; i++) {
        if (strcmp(base->u.Name.id, unsupported_bases[i]) == 0) {
            char what[64];
            snprintf(what, sizeof what, "a class derived from '%s'", unsupported_bases[i]);
            lower_unsupported(l, base, what);
        }
    }
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
        check_base(l, bases->items[i]);
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

// ---------------------------------------------------------------------------------------------
// Instance layout: the attributes the methods assign on their first parameter

#define MAX_LAYOUT_NAMES 64

typedef struct LayoutNames {
    Name self;
    Name names[MAX_LAYOUT_NAMES];
    int count;
} LayoutNames;

static void layout_add(LayoutNames *ln, Name attr) {
    if (strncmp(attr, "__", 2) == 0) {  // dunders and private (mangled) names: no slot
        return;
    }
    for (int i = 0; i < ln->count; i++) {
        if (strcmp(ln->names[i], attr) == 0) {
            return;
        }
    }
    if (ln->count < MAX_LAYOUT_NAMES) {
        ln->names[ln->count++] = attr;
    }
}

static void layout_target(LayoutNames *ln, const AstNode *t) {
    if (!t) {
        return;
    }
    switch (t->kind) {
    case AST_Attribute:
        if (t->u.Attribute.value->kind == AST_Name
            && strcmp(t->u.Attribute.value->u.Name.id, ln->self) == 0) {
            layout_add(ln, t->u.Attribute.attr);
        }
        break;
    case AST_Tuple:
    case AST_List: {
        const AstList *elts = t->kind == AST_Tuple ? &t->u.Tuple.elts : &t->u.List.elts;
        for (int i = 0; i < elts->count; i++) {
            layout_target(ln, elts->items[i]);
        }
        break;
    }
    case AST_Starred: layout_target(ln, t->u.Starred.value); break;
    default: break;
    }
}

static void layout_stmts(LayoutNames *ln, const AstList *body);

static void layout_stmt(LayoutNames *ln, const AstNode *st) {
    switch (st->kind) {
    case AST_Assign:
        for (int i = 0; i < st->u.Assign.targets.count; i++) {
            layout_target(ln, st->u.Assign.targets.items[i]);
        }
        break;
    case AST_AugAssign: layout_target(ln, st->u.AugAssign.target); break;
    case AST_AnnAssign:
        if (st->u.AnnAssign.value) {
            layout_target(ln, st->u.AnnAssign.target);
        }
        break;
    case AST_For:
        layout_target(ln, st->u.For.target);
        layout_stmts(ln, &st->u.For.body);
        layout_stmts(ln, &st->u.For.orelse);
        break;
    case AST_AsyncFor:
        layout_target(ln, st->u.AsyncFor.target);
        layout_stmts(ln, &st->u.AsyncFor.body);
        layout_stmts(ln, &st->u.AsyncFor.orelse);
        break;
    case AST_While:
        layout_stmts(ln, &st->u.While.body);
        layout_stmts(ln, &st->u.While.orelse);
        break;
    case AST_If:
        layout_stmts(ln, &st->u.If.body);
        layout_stmts(ln, &st->u.If.orelse);
        break;
    case AST_With: layout_stmts(ln, &st->u.With.body); break;
    case AST_AsyncWith: layout_stmts(ln, &st->u.AsyncWith.body); break;
    case AST_Try:
        layout_stmts(ln, &st->u.Try.body);
        for (int i = 0; i < st->u.Try.handlers.count; i++) {
            layout_stmts(ln, &st->u.Try.handlers.items[i]->u.ExceptHandler.body);
        }
        layout_stmts(ln, &st->u.Try.orelse);
        layout_stmts(ln, &st->u.Try.finalbody);
        break;
    default: break;  // nested functions and classes have their own 'self'
    }
}

static void layout_stmts(LayoutNames *ln, const AstList *body) {
    for (int i = 0; i < body->count; i++) {
        layout_stmt(ln, body->items[i]);
    }
}

static bool is_named(const AstNode *e, const char *name) {
    return e->kind == AST_Name && strcmp(e->u.Name.id, name) == 0;
}

// A tuple of the attribute names the methods of class 's' assign on their first parameter
// (self.x = ...): the runtime gives them instance slots (kr_class_layout_hint). -1 when none.
static int layout_names(Lower *l, const AstNode *s) {
    LayoutNames *ln = arena_alloc(l->arena, sizeof *ln);
    ln->count = 0;
    const AstList *body = &s->u.ClassDef.body;
    // __init__ first: the slots' order is the order in which attributes usually appear
    // (a __dict__ made later lists them in it; see kr_class_obj.slot_hint).
    for (int k = 0; k < 2 * body->count; k++) {
        const AstNode *f = body->items[k % body->count];
        if ((f->kind != AST_FunctionDef && f->kind != AST_AsyncFunctionDef)
            || (strcmp(f->u.FunctionDef.name, "__init__") == 0) != (k < body->count)) {
            continue;
        }
        const AstList *decs = &f->u.FunctionDef.decorator_list;
        bool plain = true;
        for (int j = 0; j < decs->count; j++) {
            plain &= !is_named(decs->items[j], "staticmethod")
                     && !is_named(decs->items[j], "classmethod");
        }
        const AstNode *a = f->u.FunctionDef.args;
        const AstList *pos = a->u.arguments.posonlyargs.count ? &a->u.arguments.posonlyargs
                                                              : &a->u.arguments.args;
        if (plain && pos->count > 0) {
            ln->self = pos->items[0]->u.arg.arg;
            layout_stmts(ln, &f->u.FunctionDef.body);
        }
    }
    if (ln->count == 0) {
        return -1;
    }
    int *regs = arena_alloc(l->arena, sizeof(int) * (size_t)ln->count);
    for (int i = 0; i < ln->count; i++) {
        regs[i] = str_const(l, ln->names[i], s);
    }
    return build(l, BUILD_TUPLE, regs, ln->count, s);
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
    int names = layout_names(l, s);
    int args[7] = {ops[0], str_const(l, qualname, s), ops[1], ns, ops[2], ops[3],
                   names >= 0 ? names : lower_const_none(l, s)};
    int cls = lower_temp(l, dyn());
    in = lower_emit(l, IR_CLASS_NEW, cls, 7, s);
    memcpy(in->args, args, sizeof args);
    in->aux = aux;
    for (int i = decs->count - 1; i >= 0; i--) {
        cls = lower_call_obj(l, dec[i], &cls, 1, dyn(), s);
    }
    lower_store_name(l, name, cls, s);
}
