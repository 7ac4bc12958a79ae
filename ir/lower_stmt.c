// lower_stmt.c: AST → IR for statements — assignments to names, if/while, for over range(),
// return, import (of the program's modules and the runtime's). Loops keep their break/continue targets in l->loop.
#include "lower_internal.h"

#include <string.h>

// ---------------------------------------------------------------------------------------------
// Statements

// a = b = value: the value once, then the targets left to right.
void lower_assign(Lower *l, const AstNode *s) {
    const AstList *targets = &s->u.Assign.targets;
    for (int i = 0; i < targets->count; i++) {
        if (!lower_target_ok(l, targets->items[i])) {
            return;
        }
    }
    if (targets->count == 1 && lower_split_view_store(l, targets->items[0], s->u.Assign.value)) {
        return;
    }
    int v = lower_expr(l, s->u.Assign.value);
    for (int i = 0; i < targets->count; i++) {
        lower_store_target(l, targets->items[i], v);
    }
}

void lower_augassign(Lower *l, const AstNode *s) {
    const AstNode *tg = s->u.AugAssign.target, *v = s->u.AugAssign.value;
    if (tg->kind == AST_Subscript) {
        lower_augassign_item(l, s);
        return;
    }
    if (tg->kind == AST_Attribute) {
        lower_augassign_attr(l, s);
        return;
    }
    if (tg->kind != AST_Name) {
        lower_unsupported(l, tg, lower_expr_construct(tg->kind));
        return;
    }
    int a = lower_expr(l, tg);
    int b = lower_expr(l, v);
    const Ty *ty = infer_binop_type(s->u.AugAssign.op, lower_reg_ty(l, a), lower_reg_ty(l, b), v);
    IrRep rep = ty_rep(ty);
    int r = rep == REP_OBJ && ty->kind != TY_STR
                ? lower_inplace(l, s->u.AugAssign.op, a, b, s)  // list += extends in place
                : lower_binary(l, s->u.AugAssign.op, a, b, ty, s);
    lower_store_name(l, tg->u.Name.id, r, s);
}

void lower_annassign(Lower *l, const AstNode *s) {
    const AstNode *tg = s->u.AnnAssign.target;
    if (tg->kind == AST_Attribute && s->u.AnnAssign.value) {
        // `self.x: T = v`: an ordinary store (the annotation is not evaluated in a function)
        lower_store_target(l, tg, lower_expr(l, s->u.AnnAssign.value));
        return;
    }
    if (tg->kind == AST_Attribute) {
        lower_expr(l, tg->u.Attribute.value);  // CPython evaluates the object
        return;
    }
    if (tg->kind != AST_Name) {
        lower_unsupported(l, tg, lower_expr_construct(tg->kind));
        return;
    }
    if (s->u.AnnAssign.value && !lower_split_view_store(l, tg, s->u.AnnAssign.value)) {
        lower_store_name(l, tg->u.Name.id, lower_expr(l, s->u.AnnAssign.value), s);
    }
}

// Whether 'name' (absolute, dotted) may be imported: a module of the program, a module the
// runtime provides, or a name outside the standard library (which fails at run time with
// ModuleNotFoundError, exactly as in CPython). Reports a standard-library module the runtime
// lacks.
static bool module_ok(Lower *l, const char *name, const AstNode *at) {
    if (ir_program_find(l->m->prog, name) || ir_is_runtime_module(name)) {
        return true;
    }
    const char *dot = strchr(name, '.');
    const char *top = dot ? arena_strndup(l->arena, name, (size_t)(dot - name)) : name;
    if (ir_is_stdlib_module(top)) {
        diag_error(l->d, at->span, "the standard-library module '%s' is not supported by krait "
                                   "(it provides sys, math, itertools, csv, os, os.path, gc, "
                                   "functools and typing)", name);
        return false;
    }
    return true;
}

// dst = the module 'name', imported.
static int import_module(Lower *l, const char *name, const AstNode *at) {
    int dst = lower_temp(l, ty_prim(TY_DYN));
    IrInstr *in = lower_emit(l, IR_IMPORT, dst, 0, at);
    in->cst = ir_const_new(l->m, IRC_STR);
    in->cst->s = name;
    in->cst->len = strlen(name);
    return dst;
}

// import a.b.c [as n]: imports a, a.b and a.b.c in order; binds 'a' (or 'n' to a.b.c).
static void import_alias(Lower *l, const AstNode *a) {
    Name name = a->u.alias.name;
    if (!module_ok(l, name, a)) {
        return;
    }
    int mod = import_module(l, name, a);
    const char *dot = strchr(name, '.');
    if (a->u.alias.asname || !dot) {
        lower_store_name(l, a->u.alias.asname ? a->u.alias.asname : name, mod, a);
        return;
    }
    Name top = intern_cstr(l->m->in, arena_strndup(l->arena, name, (size_t)(dot - name)));
    lower_store_name(l, top, import_module(l, top, a), a);
}

// from m import *: the names of m's literal __all__ (AttributeError for one m lacks, as
// CPython), else its public module-level names that are bound when the statement runs.
static void import_star(Lower *l, const AstNode *s, const char *base, int mod) {
    IrUnit *u = ir_program_find(l->m->prog, base);
    int n = 0;
    bool has_all = false;
    Name *names = u ? ir_unit_exports(l->m->prog, u, &n, &has_all) : NULL;
    if (!u || n < 0) {
        diag_error(l->d, s->span, "'from %s import *' is not supported by krait: %s", base,
                   u ? "its __all__ is not a literal list or tuple of strings"
                     : "krait imports '*' only from the modules of the program");
        return;
    }
    for (int i = 0; i < n; i++) {
        if (has_all) {
            lower_store_name(l, names[i], lower_getattr(l, mod, names[i], s), s);
            continue;
        }
        IrBlock *yes = ir_block_new(l->fn), *done = ir_block_new(l->fn);
        int args[2] = {mod, lower_const_str(l, names[i], strlen(names[i]), s)};
        int has = lower_call_obj(l, lower_builtin(l, "hasattr", s), args, 2, ty_prim(TY_BOOL), s);
        lower_branch(l, has, yes, done, s);
        lower_start(l, yes);
        lower_store_name(l, names[i], lower_getattr(l, mod, names[i], s), s);
        lower_jump(l, done);
        lower_start(l, done);
    }
}

// import m [as n], ... / from m import x [as y], ... / from .m import x / from m import *: of
// the modules of the program and the runtime's built-in modules (docs/supported.md).
// `from typing import List, ...` names what annotations use: krait reads it at compile time and
// it binds nothing.
void lower_import(Lower *l, const AstNode *s) {
    if (infer_is_typing_import(s)) {
        return;
    }
    if (s->kind == AST_Import) {
        for (int i = 0; i < s->u.Import.names.count; i++) {
            import_alias(l, s->u.Import.names.items[i]);
        }
        return;
    }
    const char *why = NULL;
    const char *base = ir_import_base(l->arena, l->m->unit, s->u.ImportFrom.level,
                                      s->u.ImportFrom.module, &why);
    if (!base) {
        diag_error(l->d, s->span, "this relative import fails in CPython (ImportError: %s); "
                                  "krait rejects it", why);
        return;
    }
    if (!module_ok(l, base, s)) {
        return;
    }
    int mod = import_module(l, base, s);
    const AstList *names = &s->u.ImportFrom.names;
    for (int i = 0; i < names->count; i++) {
        const AstNode *a = names->items[i];
        Name name = a->u.alias.name;
        if (strcmp(name, "*") == 0) {
            import_star(l, s, base, mod);
            continue;
        }
        int v = lower_temp(l, ty_prim(TY_DYN));
        IrInstr *in = lower_emit(l, IR_IMPORT_FROM, v, 1, a);
        in->args[0] = mod;
        in->cst = ir_const_new(l->m, IRC_STR);
        in->cst->s = name;
        in->cst->len = strlen(name);
        lower_store_name(l, a->u.alias.asname ? a->u.alias.asname : name, v, a);
    }
}

void lower_if(Lower *l, const AstNode *s) {
    IrBlock *yes = ir_block_new(l->fn), *no = ir_block_new(l->fn), *done = ir_block_new(l->fn);
    lower_cond(l, s->u.If.test, yes, no);
    lower_start(l, yes);
    lower_stmts(l, &s->u.If.body);
    lower_jump(l, done);
    lower_start(l, no);
    lower_stmts(l, &s->u.If.orelse);
    lower_jump(l, done);
    lower_start(l, done);
}

// The loop body with 'brk'/'cont' as the targets of break and continue.
static void loop_body(Lower *l, const AstList *body, IrBlock *brk, IrBlock *cont) {
    Loop loop = {brk, cont, l->loop};
    l->loop = &loop;
    lower_stmts(l, body);
    l->loop = loop.outer;
    lower_jump(l, cont);
}

void lower_while(Lower *l, const AstNode *s) {
    IrBlock *head = ir_block_new(l->fn), *body = ir_block_new(l->fn);
    IrBlock *orelse = ir_block_new(l->fn), *done = ir_block_new(l->fn);
    lower_jump(l, head);
    lower_start(l, head);
    lower_cond(l, s->u.While.test, body, orelse);
    lower_start(l, body);
    loop_body(l, &s->u.While.body, done, head);
    lower_start(l, orelse);
    lower_stmts(l, &s->u.While.orelse);
    lower_jump(l, done);
    lower_start(l, done);
}

static bool is_range_call(Lower *l, const AstNode *e) {
    return e->kind == AST_Call && e->u.Call.func->kind == AST_Name
           && e->u.Call.func->u.Name.id == l->n_range && e->u.Call.keywords.count == 0
           && e->u.Call.args.count >= 1 && e->u.Call.args.count <= 3
           && lower_global_index(l, l->n_range) < 0 && lower_func_index(l, l->n_range) < 0;
}

// The sign of a constant step (0 when not a literal int).
static int const_sign(const AstNode *e) {
    if (e->kind == AST_UnaryOp && e->u.UnaryOp.op == AST_OP_USub) {
        return -const_sign(e->u.UnaryOp.operand);
    }
    if (e->kind == AST_Constant && e->u.Constant.value.kind == CONST_INT) {
        const AstConst *c = &e->u.Constant.value;
        return c->u.i.digits ? 1 : c->u.i.small > 0 ? 1 : c->u.i.small < 0 ? -1 : 0;
    }
    return 0;
}

// The loop test of range(): cur < stop for a positive step, cur > stop for a negative one.
static void range_test(Lower *l, int cur, int stop, int step, int sign, IrBlock *body,
                       IrBlock *exit, const AstNode *at) {
    const Ty *tb = ty_prim(TY_BOOL);
    if (sign == 0) {
        IrBlock *up = ir_block_new(l->fn), *down = ir_block_new(l->fn);
        int pos = lower_emit2(l, IR_INT_COMPARE, tb, step, lower_const_int(l, 0, at), CMP_GT, at);
        lower_branch(l, pos, up, down, at);
        lower_start(l, up);
        range_test(l, cur, stop, step, 1, body, exit, at);
        lower_start(l, down);
        range_test(l, cur, stop, step, -1, body, exit, at);
        return;
    }
    int c = lower_emit2(l, IR_INT_COMPARE, tb, cur, stop, sign > 0 ? CMP_LT : CMP_GT, at);
    lower_branch(l, c, body, exit, at);
}

// Whether an instruction of a block from 'first' on (a loop just lowered), other than
// 'except', assigns register 'reg'.
static bool loop_assigns(const IrFunc *fn, int first, int reg, const IrInstr *except) {
    for (int i = first; i < fn->nblocks; i++) {
        for (int k = 0; k < fn->blocks[i]->count; k++) {
            const IrInstr *in = fn->blocks[i]->instrs[k];
            if (in->dst == reg && in != except) {
                return true;
            }
        }
    }
    return false;
}

// The copy 'copy' of named register 'reg' that range() took its stop or step in: when no
// block from 'first' on (the loop and what follows it) assigns 'reg', the loop reads 'reg'
// itself, and the copy goes (one register fewer in the loop).
static void drop_range_copy(Lower *l, int first, int reg, int copy) {
    IrFunc *fn = l->fn;
    if (loop_assigns(fn, first, reg, NULL)) {
        return;
    }
    for (int i = 0; i < fn->nblocks; i++) {
        IrBlock *b = fn->blocks[i];
        for (int k = 0; k < b->count; k++) {
            IrInstr *in = b->instrs[k];
            for (int j = 0; j < in->nargs; j++) {
                in->args[j] = in->args[j] == copy ? reg : in->args[j];
            }
            if (in->dst == copy) {
                size_t after = (size_t)(--b->count - k);
                memmove(&b->instrs[k], &b->instrs[k + 1], sizeof(IrInstr *) * after);
                k--;
            }
        }
    }
}

// The loop's counter register is copied into the target, a local register, where the body
// starts ('store'); when nothing else in the loop assigns the target, the step ('add') adds to
// the target instead, which holds the counter's value all through the body: the counter is
// then dead there, and the loop keeps one register, not two (docs/design.md).
static void count_from_target(Lower *l, int first, const IrInstr *store, IrInstr *add) {
    IrFunc *fn = l->fn;
    if (!store || store->op != IR_MOVE || store->args[0] != add->args[0] || store->dst < 0
        || !fn->regs[store->dst].name || fn->regs[store->dst].rep != fn->regs[add->args[0]].rep
        || loop_assigns(fn, first, store->dst, store)) {
        return;
    }
    add->args[0] = store->dst;
}

// for x in range(...): a C loop over a counter register; the target is assigned each value.
static void lower_for_range(Lower *l, const AstNode *s) {
    const AstNode *call = s->u.For.iter;
    const AstList *args = &call->u.Call.args;
    const Ty *ti = ty_prim(TY_INT);
    int r[3] = {-1, -1, -1}, named[3] = {-1, -1, -1};
    for (int i = 0; i < args->count; i++) {
        r[i] = lower_coerce(l, lower_as_int(l, lower_expr(l, args->items[i]), call), ti, call);
        // range() took the value: rebinding the name later must not change the stop or step
        if ((i > 0 || args->count == 1) && l->fn->regs[r[i]].name) {
            int t = lower_temp(l, ti);
            lower_move(l, t, r[i], call);
            named[i] = r[i];
            r[i] = t;
        }
    }
    int first = l->fn->nblocks;
    int start_r = args->count == 1 ? lower_const_int(l, 0, call) : r[0];
    int stop = args->count == 1 ? r[0] : r[1];
    int step = args->count == 3 ? r[2] : lower_const_int(l, 1, call);
    int sign = args->count == 3 ? const_sign(args->items[2]) : 1;
    if (sign == 0) {
        lower_emit(l, IR_CHECK_RANGE_STEP, -1, 1, call)->args[0] = step;
    }
    int cur = lower_temp(l, ti);
    lower_move(l, cur, start_r, s);
    IrBlock *head = ir_block_new(l->fn), *body = ir_block_new(l->fn), *cont = ir_block_new(l->fn);
    IrBlock *orelse = ir_block_new(l->fn), *done = ir_block_new(l->fn);
    lower_jump(l, head);
    lower_start(l, head);
    range_test(l, cur, stop, step, sign, body, orelse, s);
    lower_start(l, body);
    int stores = body->count;
    lower_store_name(l, s->u.For.target->u.Name.id, cur, s);
    IrInstr *store = body->count == stores + 1 ? body->instrs[stores] : NULL;
    loop_body(l, &s->u.For.body, done, cont);
    lower_start(l, cont);
    lower_move(l, cur, lower_emit2(l, IR_INT_BINARY, ti, cur, step, BIN_ADD, s), s);
    IrInstr *add = cont->instrs[cont->count - 2];
    lower_jump(l, head);
    lower_start(l, orelse);
    lower_stmts(l, &s->u.For.orelse);
    lower_jump(l, done);
    lower_start(l, done);
    for (int i = 0; i < 3; i++) {
        if (named[i] >= 0) {
            drop_range_copy(l, first, named[i], r[i]);
        }
    }
    count_from_target(l, first, store, add);
}

void lower_for(Lower *l, const AstNode *s) {
    if (s->u.For.target->kind == AST_Name && is_range_call(l, s->u.For.iter)) {
        lower_for_range(l, s);
    } else {
        lower_for_iter(l, s);
    }
}

void lower_return(Lower *l, const AstNode *s) {
    const AstNode *v = s->u.Return.value;
    int r = lower_coerce(l, v ? lower_expr(l, v) : lower_const_none(l, s), l->fn->ret_ty, s);
    lower_leave_function(l);
    if (!lower_terminated(l)) {  // a finally body may have returned instead
        lower_emit(l, IR_RETURN, -1, 1, s)->args[0] = r;
    }
}
