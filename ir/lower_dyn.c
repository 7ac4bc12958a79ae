// lower_dyn.c: AST → IR for objects krait knows nothing of at compile time, through the
// runtime's generic protocols: a name that is neither local, global nor a module function is
// looked up among the builtins when it runs (NameError when there is none, as in CPython);
// attribute reads; calls of any object with positional arguments; `import m` and
// `from m import x` of the runtime's built-in modules. Every result is a dyn object.
#include "lower_internal.h"

#include <string.h>

// An op whose operand names something ('cst', a str constant): a builtin, an attribute, a
// module.
static IrInstr *emit_named(Lower *l, IrOp op, int dst, int nargs, const char *name,
                           const AstNode *at) {
    IrInstr *in = lower_emit(l, op, dst, nargs, at);
    in->cst = ir_const_new(l->m, IRC_STR);
    in->cst->s = name;
    in->cst->len = strlen(name);
    return in;
}

int lower_load_builtin(Lower *l, const char *name, const AstNode *at) {
    int dst = lower_temp(l, ty_prim(TY_DYN));
    emit_named(l, IR_LOAD_BUILTIN, dst, 0, name, at);
    return dst;
}

int lower_builtin_name(Lower *l, const AstNode *e) {
    return lower_load_builtin(l, e->u.Name.id, e);
}

static int get_attr(Lower *l, int obj, Name attr, const AstNode *at) {
    int dst = lower_temp(l, ty_prim(TY_DYN));
    emit_named(l, IR_GET_ATTR, dst, 1, attr, at)->args[0] = obj;
    return dst;
}

int lower_attribute(Lower *l, const AstNode *e) {
    int obj = lower_box(l, lower_expr(l, e->u.Attribute.value), e);
    return get_attr(l, obj, e->u.Attribute.attr, e);
}

// f(a, b, ...) for any callable f: positional arguments only.
int lower_call_object(Lower *l, const AstNode *e) {
    const AstList *args = &e->u.Call.args;
    if (e->u.Call.keywords.count) {
        lower_unsupported(l, e->u.Call.keywords.items[0], "a keyword argument in this call");
        return lower_const_none(l, e);
    }
    int *regs = arena_alloc(l->arena, sizeof(int) * (size_t)(args->count + 1));
    regs[0] = lower_box(l, lower_expr(l, e->u.Call.func), e);
    for (int i = 0; i < args->count; i++) {
        if (args->items[i]->kind == AST_Starred) {
            lower_unsupported(l, args->items[i], "'*' in a call");
            return lower_const_none(l, e);
        }
        regs[i + 1] = lower_box(l, lower_expr(l, args->items[i]), e);
    }
    int dst = lower_temp(l, ty_prim(TY_DYN));
    IrInstr *in = lower_emit(l, IR_CALL_OBJ, dst, args->count + 1, e);
    memcpy(in->args, regs, sizeof(int) * (size_t)(args->count + 1));
    return dst;
}

static int import_module(Lower *l, Name module, const AstNode *at) {
    int dst = lower_temp(l, ty_prim(TY_DYN));
    emit_named(l, IR_IMPORT, dst, 0, module, at);
    return dst;
}

// import m [as n], ... / from m import x [as y], ...: built-in modules, no dotted names.
void lower_import(Lower *l, const AstNode *s) {
    bool from = s->kind == AST_ImportFrom;
    const AstList *names = from ? &s->u.ImportFrom.names : &s->u.Import.names;
    if (from && (s->u.ImportFrom.level || !s->u.ImportFrom.module
                 || strchr(s->u.ImportFrom.module, '.'))) {
        lower_unsupported(l, s, "a relative or dotted import");
        return;
    }
    int mod = from ? import_module(l, s->u.ImportFrom.module, s) : -1;
    for (int i = 0; i < names->count; i++) {
        const AstNode *a = names->items[i];
        Name name = a->u.alias.name, as = a->u.alias.asname ? a->u.alias.asname : name;
        if (strchr(name, '.') || strcmp(name, "*") == 0) {
            lower_unsupported(l, a, "a dotted import or 'import *'");
            continue;
        }
        int v = from ? get_attr(l, mod, name, a) : import_module(l, name, a);
        lower_store_name(l, as, v, a);
    }
}
