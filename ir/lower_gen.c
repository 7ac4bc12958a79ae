// lower_gen.c: AST → IR for generators (DESIGN §5). A def (module-level, nested or a method)
// whose body yields becomes two IrFuncs: its native entry, which only makes the generator
// object (GEN_NEW, with the arguments and the cells of its free variables as the frame's
// initial values), and its resume function ('is_gen_resume'), the body itself, whose prologue
// takes them over from the frame (GEN_ARG; lower_func_prologue). The state machine is the
// backend's: each YIELD / YIELD_FROM is a suspension point the resume function's switch jumps
// back to, and every register live across one is kept in the frame. So the passes (bound,
// errors, refcount) treat a YIELD as an ordinary instruction that may raise (throw() and
// close() raise at it), and try/except/finally and with around a yield need nothing more.
//
// A `for` over a direct call of a known generator function steps the generator with NEXT.gen
// (kr_gen_next_fast: no iter() call, no StopIteration at the end).
#include "lower_internal.h"

#include <string.h>

static const Ty *dyn(void) { return ty_prim(TY_DYN); }

// Makes the resume function of generator function 'fn' (declared with its locals): the same
// Python name and locals, no parameters, returning an object (into g->retval).
// The number of free variables of 'ifn' (their cells follow the arguments in the frame).
static int count_free(const InferFunc *ifn) {
    int n = 0;
    for (int i = 0; i < ifn->scope->nsymbols; i++) {
        n += ifn->scope->symbols[i]->scope == SYM_FREE;
    }
    return n;
}

void lower_gen_declare(Lower *l, IrFunc *fn, InferFunc *ifn) {
    if (fn->node->kind == AST_Lambda) {
        lower_unsupported(l, fn->node, "'yield' in a lambda");
        return;
    }
    const char *base = strchr(fn->cname, '_') + 1;  // after the kg?_ prefix
    IrFunc *r = ir_func_new(l->m, fn->name, arena_printf(l->arena, "kgr_%s", base));
    r->node = fn->node;
    r->ifn = ifn;
    r->qualname = fn->qualname;
    r->line = fn->line;
    r->ret_ty = dyn();
    r->ret_rep = REP_OBJ;
    r->is_gen_resume = true;
    for (int i = 0; i < ifn->nvars; i++) {
        ir_reg_new(r, ifn->var_tys[i], ifn->vars[i]);
    }
    r->gen_nargs = ifn->nparams + count_free(ifn);
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

// The native entry of generator function 'fn': return a new generator holding the arguments
// and the cells of its free variables (in the order of its scope's FREE symbols, as
// lower_func_prologue takes them).
void lower_gen_entry(Lower *l, IrFunc *fn) {
    l->fn = fn;
    l->ifn = fn->ifn;
    l->handler = NULL;
    lower_start(l, ir_block_new(fn));
    int nargs = fn->gen_resume->gen_nargs, nfree = 0;
    int *args = arena_alloc(l->arena, sizeof(int) * (size_t)(nargs + 1));
    for (int i = 0; i < fn->nparams; i++) {
        args[i] = fn->params[i];
    }
    for (int i = 0; i < fn->ifn->scope->nsymbols; i++) {
        if (fn->ifn->scope->symbols[i]->scope == SYM_FREE) {
            args[fn->nparams + nfree] = lower_temp(l, dyn());
            lower_emit(l, IR_LOAD_CLOSURE, args[fn->nparams + nfree], 0, NULL)->aux = nfree;
            nfree++;
        }
    }
    int g = lower_temp(l, dyn());
    IrInstr *in = lower_emit(l, IR_GEN_NEW, g, nargs, fn->node);
    for (int i = 0; i < nargs; i++) {
        in->args[i] = args[i];
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

int lower_first_param(Lower *l) {
    if (l->fn->node->kind == AST_GeneratorExp) {
        return -1;
    }
    if (l->fn->is_gen_resume) {
        return l->ifn->nparams > 0 ? 0 : -1;  // its parameters are its first locals
    }
    return l->fn->nparams > 0 ? l->fn->params[0] : -1;
}

// Whether 'e' is a direct call (lower_call) of a module-level generator function, never rebound
// nor decorated, so that its value is one of its generators.
bool lower_is_gen_call(Lower *l, const AstNode *e) {
    if (e->kind != AST_Call || e->u.Call.func->kind != AST_Name || !lower_call_is_plain(e)) {
        return false;
    }
    Name id = e->u.Call.func->u.Name.id;
    if (lower_local_reg(l, id) >= 0 || lower_cell_index(l, id) >= 0) {
        return false;
    }
    int f = lower_func_index(l, id);
    return f >= 0 && l->m->funcs[f]->gen_resume && l->m->funcs[f]->ifn->direct
           && !l->m->funcs[f]->ifn->rebindable;
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
// CPython does) and is the first frame argument, followed by the cells of its free variables
// (variables of enclosing functions it reads); the loops run in a resume function of their own,
// whose comprehension variables are its registers, or cells made when it starts for those an inner
// scope captures (lower_comp_run_from).

// What lowering tracks per function, saved while a generator expression's body is lowered.
typedef struct FuncState {
    IrFunc *fn;
    IrBlock *cur, *handler;
    Loop *loop;
    struct Cleanup *cleanup;
    Name *comp_names;
    int *comp_regs;
    int ncomp, comp_cap;
    Name *cell_names;
    int *cell_regs;
    bool *cell_free;
    int ncells, cells_cap;
    ClassCtx *cls;
} FuncState;

static FuncState enter_func(Lower *l, IrFunc *fn) {
    FuncState s = {l->fn, l->cur, l->handler, l->loop, l->cleanup,
                   l->comp_names, l->comp_regs, l->ncomp, l->comp_cap,
                   l->cell_names, l->cell_regs, l->cell_free, l->ncells, l->cells_cap, l->cls};
    l->cell_names = NULL;
    l->cell_regs = NULL;
    l->cell_free = NULL;
    l->ncells = l->cells_cap = 0;
    l->cls = NULL;
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
    l->cell_names = s->cell_names;
    l->cell_regs = s->cell_regs;
    l->cell_free = s->cell_free;
    l->ncells = s->ncells;
    l->cells_cap = s->cells_cap;
    l->cls = s->cls;
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
    r->qualname = lower_qualname(l, "<genexpr>");
    r->ifn = l->ifn;
    r->node = e;
    r->line = e->span.line;
    r->ret_ty = dyn();
    r->ret_rep = REP_OBJ;
    r->is_gen_resume = true;
    return r;
}

// The scope of generator expression 'e' when lowering supports it: the cell of each of its free
// variables is at hand.
static const Scope *genexp_scope(Lower *l, const AstNode *e) {
    const Scope *top = l->ifn->scope;
    while (top->parent) {
        top = top->parent;
    }
    const Scope *s = scope_of(top, e, false);
    for (int i = 0; s && i < s->nsymbols; i++) {
        SymScope k = s->symbols[i]->scope;
        if (k == SYM_FREE && lower_cell_index(l, s->symbols[i]->name) < 0) {
            return NULL;
        }
    }
    return s;
}

// The cells of the free variables of 'sc' (registers of the enclosing function) into 'cells';
// their count.
static int free_cells(Lower *l, const Scope *sc, int *cells) {
    int n = 0;
    for (int i = 0; i < sc->nsymbols; i++) {
        if (sc->symbols[i]->scope == SYM_FREE) {
            cells[n++] = l->cell_regs[lower_cell_index(l, sc->symbols[i]->name)];
        }
    }
    return n;
}

int lower_genexp(Lower *l, const AstNode *e) {
    const Scope *sc = genexp_scope(l, e);
    if (!sc) {
        lower_unsupported(l, e, "this closure variable of a generator expression");
        return lower_const_none(l, e);
    }
    const AstList *gens = &e->u.GeneratorExp.generators;
    const AstNode *iter0 = gens->items[0]->u.comprehension.iter;
    int *args = arena_alloc(l->arena, sizeof(int) * (size_t)(sc->nsymbols + 1));
    args[0] = lower_emit1(l, IR_ITER, dyn(), lower_box(l, lower_expr(l, iter0), iter0), 0, e);
    int nargs = 1 + free_cells(l, sc, args + 1);
    IrFunc *r = genexp_func(l, e);
    r->gen_nargs = nargs;
    FuncState saved = enter_func(l, r);
    int it = lower_temp(l, dyn());
    lower_emit(l, IR_GEN_ARG, it, 0, e)->aux = 0;
    for (int i = 0, k = 1; i < sc->nsymbols; i++) {
        if (sc->symbols[i]->scope == SYM_FREE) {
            int cell = lower_temp(l, dyn());
            lower_emit(l, IR_GEN_ARG, cell, 0, e)->aux = k++;
            lower_cell_push(l, sc->symbols[i]->name, cell, true);
        }
    }
    lower_comp_run_from(l, e, it, genexp_yield, (void *)e->u.GeneratorExp.elt);
    int none = lower_const_none(l, e);
    lower_emit(l, IR_RETURN, -1, 1, e)->args[0] = none;
    leave_func(l, &saved);
    int g = lower_temp(l, dyn());
    IrInstr *in = lower_emit(l, IR_GEN_NEW, g, nargs, e);
    for (int i = 0; i < nargs; i++) {
        in->args[i] = args[i];
    }
    in->aux = func_index(l, r);
    return lower_coerce(l, g, e->ty ? e->ty : dyn(), e);
}
