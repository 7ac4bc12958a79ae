// lower_gen.c: AST → IR for generators (DESIGN §5). A module-level def whose body yields becomes
// two IrFuncs: its native entry, which only makes the generator object (GEN_NEW, with the
// arguments as the frame's initial values), and its resume function ('is_gen_resume'), the
// body itself, whose first instructions take the arguments over from the frame (GEN_ARG). The
// state machine is the backend's: every register of a resume function lives in the frame, and
// each YIELD / YIELD_FROM is a suspension point the resume function's switch jumps back to.
// Because all registers survive a suspension, the passes (bound, errors, refcount) treat a
// YIELD as an ordinary instruction that may raise (throw() and close() raise at it), and
// try/except/finally and with around a yield need nothing more.
//
// A `for` over a call of a known generator function steps the generator with NEXT.gen
// (kr_gen_next_fast: no iter() call, no StopIteration at the end).
#include "lower_internal.h"

static const Ty *dyn(void) { return ty_prim(TY_DYN); }

// Makes the resume function of generator function 'fn' (declared with its locals): the same
// Python name and locals, no parameters, returning an object (into g->retval).
void lower_gen_declare(Lower *l, IrFunc *fn, InferFunc *ifn) {
    IrFunc *r = ir_func_new(l->m, fn->name, arena_printf(l->arena, "kgr_%s", fn->cname + 3));
    r->node = fn->node;
    r->line = fn->line;
    r->ret_ty = dyn();
    r->ret_rep = REP_OBJ;
    r->is_gen_resume = true;
    for (int i = 0; i < ifn->nvars; i++) {
        ir_reg_new(r, ifn->var_tys[i], ifn->vars[i]);
    }
    r->gen_nargs = ifn->nparams;
    fn->gen_resume = r;
}

static int func_index(Lower *l, const IrFunc *fn) {
    int i = 0;
    for (; i < l->m->nfuncs; i++) {
        if (l->m->funcs[i] == fn) {
            break;
        }
    }
    return i;
}

// The native entry of generator function 'fn': return a new generator holding the arguments.
void lower_gen_entry(Lower *l, IrFunc *fn) {
    l->fn = fn;
    lower_start(l, ir_block_new(fn));
    int g = lower_temp(l, dyn());
    IrInstr *in = lower_emit(l, IR_GEN_NEW, g, fn->nparams, fn->node);
    for (int i = 0; i < fn->nparams; i++) {
        in->args[i] = fn->params[i];
    }
    in->aux = func_index(l, fn->gen_resume);
    int r = lower_coerce(l, g, fn->ret_ty, NULL);
    lower_emit(l, IR_RETURN, -1, 1, fn->node)->args[0] = r;
}

// The start of a resume function's body: the parameters' registers take the frame's arguments.
void lower_gen_prologue(Lower *l) {
    int nparams = l->ifn->nparams;
    for (int i = 0; i < nparams; i++) {
        lower_emit(l, IR_GEN_ARG, i, 0, NULL)->aux = i;
    }
}

static void check_in_generator(Lower *l, const AstNode *e) {
    if (!l->fn->is_gen_resume) {
        lower_unsupported(l, e, "'yield' outside a module-level function");
    }
}

// yield [value]: the sent value.
int lower_yield(Lower *l, const AstNode *e) {
    check_in_generator(l, e);
    const AstNode *v = e->u.Yield.value;
    int r = v ? lower_box(l, lower_expr(l, v), v) : lower_const_none(l, e);
    return lower_coerce(l, lower_emit1(l, IR_YIELD, dyn(), r, 0, e), e->ty ? e->ty : dyn(), e);
}

// yield from iterable: iter() of it, then delegation until it returns.
int lower_yield_from(Lower *l, const AstNode *e) {
    check_in_generator(l, e);
    const AstNode *v = e->u.YieldFrom.value;
    int it = lower_emit1(l, IR_ITER, dyn(), lower_box(l, lower_expr(l, v), v), 0, e);
    int r = lower_emit1(l, IR_YIELD_FROM, dyn(), it, 0, e);
    return lower_coerce(l, r, e->ty ? e->ty : dyn(), e);
}

// Whether 'e' is a call of a module-level generator function (so its value is a generator).
bool lower_is_gen_call(Lower *l, const AstNode *e) {
    if (e->kind != AST_Call || e->u.Call.func->kind != AST_Name) {
        return false;
    }
    Name id = e->u.Call.func->u.Name.id;
    if (lower_local_reg(l, id) >= 0) {
        return false;
    }
    int f = lower_func_index(l, id);
    return f >= 0 && l->m->funcs[f]->gen_resume;
}

// The loop head over generator 'gen' (lower_iter_loop without iter(), stepping with NEXT.gen).
int lower_gen_loop(Lower *l, int gen, IrBlock *head, IrBlock *exit, const AstNode *at) {
    lower_jump(l, head);
    lower_start(l, head);
    int x = lower_emit1(l, IR_NEXT, dyn(), gen, 1, at);
    IrBlock *body = ir_block_new(l->fn);
    lower_branch(l, lower_emit1(l, IR_IS_SET, ty_prim(TY_BOOL), x, 0, at), body, exit, at);
    lower_start(l, body);
    return x;
}

// ---------------------------------------------------------------------------------------------
// Generator expressions: the first iterable's iterator is made where the expression is (as
// CPython does) and is the only frame argument; the loops run in a resume function of their own,
// whose comprehension variables are its registers. An expression that reads a variable of an
// enclosing function or comprehension (a free variable: a closure) is reported.

// What lowering tracks per function, saved while a generator expression's body is lowered.
typedef struct FuncState {
    IrFunc *fn;
    IrBlock *cur, *handler;
    Loop *loop;
    struct Cleanup *cleanup;
    Name *comp_names;
    int *comp_regs;
    int ncomp, comp_cap;
} FuncState;

static FuncState enter_func(Lower *l, IrFunc *fn) {
    FuncState s = {l->fn, l->cur, l->handler, l->loop, l->cleanup,
                   l->comp_names, l->comp_regs, l->ncomp, l->comp_cap};
    l->fn = fn;
    l->handler = NULL;
    l->loop = NULL;
    l->cleanup = NULL;
    l->comp_names = NULL;
    l->comp_regs = NULL;
    l->ncomp = l->comp_cap = 0;
    lower_start(l, ir_block_new(fn));
    return s;
}

static void leave_func(Lower *l, const FuncState *s) {
    l->fn = s->fn;
    l->cur = s->cur;
    l->handler = s->handler;
    l->loop = s->loop;
    l->cleanup = s->cleanup;
    l->comp_names = s->comp_names;
    l->comp_regs = s->comp_regs;
    l->ncomp = s->ncomp;
    l->comp_cap = s->comp_cap;
}

static void genexp_yield(Lower *l, void *ctx, IrBlock *exit) {
    (void)exit;
    const AstNode *elt = ctx;
    lower_emit1(l, IR_YIELD, dyn(), lower_box(l, lower_expr(l, elt), elt), 0, elt);
}

static IrFunc *genexp_func(Lower *l, const AstNode *e) {
    int n = 0;
    for (int i = 0; i < l->m->nfuncs; i++) {
        n += l->m->funcs[i]->is_gen_resume && l->m->funcs[i]->node->kind == AST_GeneratorExp;
    }
    const char *cname = arena_printf(l->arena, "kgr_%s__genexpr_%d", l->m->name, n);
    IrFunc *r = ir_func_new(l->m, intern_cstr(l->m->in, "<genexpr>"), cname);
    r->node = e;
    r->line = e->span.line;
    r->ret_ty = dyn();
    r->ret_rep = REP_OBJ;
    r->is_gen_resume = true;
    r->gen_nargs = 1;
    return r;
}

// Whether the generator expression 'e' reads a variable of an enclosing scope.
static bool genexp_has_free(Lower *l, const AstNode *e) {
    const Scope *top = l->ifn->scope;
    while (top->parent) {
        top = top->parent;
    }
    const Scope *s = scope_of(top, e, false);
    return !s || s->free || s->child_free;
}

int lower_genexp(Lower *l, const AstNode *e) {
    if (genexp_has_free(l, e)) {
        lower_unsupported(l, e, "a generator expression that reads a variable of an enclosing "
                                "function or generator expression (a closure variable)");
        return lower_const_none(l, e);
    }
    const AstList *gens = &e->u.GeneratorExp.generators;
    const AstNode *iter0 = gens->items[0]->u.comprehension.iter;
    int first = lower_emit1(l, IR_ITER, dyn(), lower_box(l, lower_expr(l, iter0), iter0), 0, e);
    IrFunc *r = genexp_func(l, e);
    FuncState saved = enter_func(l, r);
    int it = lower_temp(l, dyn());
    lower_emit(l, IR_GEN_ARG, it, 0, e)->aux = 0;
    lower_comp_run_from(l, gens, it, genexp_yield, (void *)e->u.GeneratorExp.elt);
    int none = lower_const_none(l, e);
    lower_emit(l, IR_RETURN, -1, 1, e)->args[0] = none;
    leave_func(l, &saved);
    int g = lower_temp(l, dyn());
    IrInstr *in = lower_emit(l, IR_GEN_NEW, g, 1, e);
    in->args[0] = first;
    in->aux = func_index(l, r);
    return lower_coerce(l, g, e->ty ? e->ty : dyn(), e);
}
