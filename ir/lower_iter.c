// lower_iter.c: AST → IR for iteration — `for` over any iterable (iter()/next() protocol, the
// target assigned with unpacking), list/set/dict comprehensions, and the loops of generator
// expressions that a builtin consumes whole (see lower_call.c). A comprehension has its own
// scope (Python 3.13): its variables get fresh registers, bound in l->comp only while its
// body is lowered, so they neither leak nor clobber the enclosing function's variables. The
// first iterable is evaluated before those bindings exist, in the enclosing scope.
#include "lower_internal.h"

static const Ty *dyn(void) { return ty_prim(TY_DYN); }

// Starts the protocol loop over 'iterable': returns the item register, valid in the block
// lower_iter_loop leaves current; 'head' is where the next iteration starts and 'exit' where
// control goes when the iterator is exhausted.
int lower_iter_loop(Lower *l, int iterable, IrBlock *head, IrBlock *exit, const AstNode *at) {
    int it = lower_emit1(l, IR_ITER, dyn(), lower_box(l, iterable, at), 0, at);
    lower_jump(l, head);
    lower_start(l, head);
    int x = lower_emit1(l, IR_NEXT, dyn(), it, 0, at);
    IrBlock *body = ir_block_new(l->fn);
    lower_branch(l, lower_emit1(l, IR_IS_SET, ty_prim(TY_BOOL), x, 0, at), body, exit, at);
    lower_start(l, body);
    return x;
}

// for target in iterable: body [else: orelse]
void lower_for_iter(Lower *l, const AstNode *s) {
    if (!lower_target_ok(l, s->u.For.target)) {
        return;
    }
    IrBlock *head = ir_block_new(l->fn), *orelse = ir_block_new(l->fn);
    IrBlock *done = ir_block_new(l->fn);
    const AstNode *it = s->u.For.iter;
    int x = lower_is_gen_call(l, it) ? lower_gen_loop(l, lower_expr(l, it), head, orelse, s)
                                     : lower_iter_loop(l, lower_expr(l, it), head, orelse, s);
    lower_store_target(l, s->u.For.target, x);
    Loop loop = {done, head, l->loop};
    l->loop = &loop;
    lower_stmts(l, &s->u.For.body);
    l->loop = loop.outer;
    lower_jump(l, head);
    lower_start(l, orelse);
    lower_stmts(l, &s->u.For.orelse);
    lower_jump(l, done);
    lower_start(l, done);
}

// ---------------------------------------------------------------------------------------------
// Comprehension scopes

static void comp_bind(Lower *l, Name id) {
    if (l->ncomp == l->comp_cap) {
        int cap = l->comp_cap ? l->comp_cap * 2 : 8;
        l->comp_names = arena_realloc(l->arena, l->comp_names, sizeof(Name) * (size_t)l->comp_cap,
                                      sizeof(Name) * (size_t)cap);
        l->comp_regs = arena_realloc(l->arena, l->comp_regs, sizeof(int) * (size_t)l->comp_cap,
                                     sizeof(int) * (size_t)cap);
        l->comp_cap = cap;
    }
    l->comp_names[l->ncomp] = id;
    l->comp_regs[l->ncomp++] = lower_temp(l, dyn());
}

// Gives every name in 'target' a fresh register for the comprehension.
static void comp_bind_target(Lower *l, const AstNode *t) {
    if (t->kind == AST_Name) {
        comp_bind(l, t->u.Name.id);
    } else if (t->kind == AST_Tuple || t->kind == AST_List) {
        const AstList *elts = t->kind == AST_Tuple ? &t->u.Tuple.elts : &t->u.List.elts;
        for (int i = 0; i < elts->count; i++) {
            comp_bind_target(l, elts->items[i]);
        }
    } else if (t->kind == AST_Starred) {
        comp_bind_target(l, t->u.Starred.value);
    }
}

int lower_comp_reg(Lower *l, Name id) {
    for (int i = l->ncomp - 1; i >= 0; i--) {
        if (l->comp_names[i] == id) {
            return l->comp_regs[i];
        }
    }
    return -1;
}

// The loops of generators[i..]; at the innermost, 'inner' lowers the element. 'first' is the
// first iterable, already evaluated outside the comprehension's scope.
static void comp_loops(Lower *l, const AstList *gens, int i, int first, CompInner inner,
                       void *ctx) {
    const AstNode *g = gens->items[i];
    if (g->u.comprehension.is_async) {
        lower_unsupported(l, g, "'async for' in a comprehension");
        return;
    }
    int iterable = i == 0 ? first : lower_expr(l, g->u.comprehension.iter);
    comp_bind_target(l, g->u.comprehension.target);
    if (!lower_target_ok(l, g->u.comprehension.target)) {
        return;
    }
    IrBlock *head = ir_block_new(l->fn), *exit = ir_block_new(l->fn);
    int x = lower_iter_loop(l, iterable, head, exit, g);
    lower_store_target(l, g->u.comprehension.target, x);
    const AstList *ifs = &g->u.comprehension.ifs;
    for (int k = 0; k < ifs->count; k++) {
        IrBlock *pass = ir_block_new(l->fn);
        lower_cond(l, ifs->items[k], pass, head);
        lower_start(l, pass);
    }
    if (i + 1 < gens->count) {
        comp_loops(l, gens, i + 1, -1, inner, ctx);
    } else {
        inner(l, ctx, exit);
    }
    lower_jump(l, head);
    lower_start(l, exit);
}

void lower_comp_run(Lower *l, const AstList *gens, CompInner inner, void *ctx) {
    lower_comp_run_from(l, gens, lower_expr(l, gens->items[0]->u.comprehension.iter), inner, ctx);
}

void lower_comp_run_from(Lower *l, const AstList *gens, int first, CompInner inner, void *ctx) {
    int saved = l->ncomp;
    comp_loops(l, gens, 0, first, inner, ctx);
    l->ncomp = saved;
}

// ---------------------------------------------------------------------------------------------
// List, set and dict comprehensions

typedef struct CompCtx {
    const AstNode *e;
    int result;
} CompCtx;

static void comp_add(Lower *l, void *p, IrBlock *exit) {
    (void)exit;
    CompCtx *c = p;
    const AstNode *e = c->e;
    IrInstr *in;
    if (e->kind == AST_DictComp) {
        int k = lower_box(l, lower_expr(l, e->u.DictComp.key), e);
        int v = lower_box(l, lower_expr(l, e->u.DictComp.value), e);
        in = lower_emit(l, IR_DICT_SET, -1, 3, e);
        in->args[0] = c->result;
        in->args[1] = k;
        in->args[2] = v;
        return;
    }
    const AstNode *elt = e->kind == AST_SetComp        ? e->u.SetComp.elt
                         : e->kind == AST_GeneratorExp ? e->u.GeneratorExp.elt
                                                       : e->u.ListComp.elt;
    int v = lower_box(l, lower_expr(l, elt), elt);
    in = lower_emit(l, IR_CONTAINER_ADD, -1, 2, e);
    in->args[0] = c->result;
    in->args[1] = v;
    in->aux = e->kind == AST_SetComp ? ADD_SET_ADD : ADD_APPEND;
}

// [elt for ...], {elt for ...}, {k: v for ...}; a generator expression given here is run
// eagerly into a list (only for consumers that exhaust it, see lower_call.c).
int lower_comprehension(Lower *l, const AstNode *e) {
    IrBuild kind = e->kind == AST_SetComp ? BUILD_SET : e->kind == AST_DictComp ? BUILD_DICT
                                                                               : BUILD_LIST;
    TyKind tk = kind == BUILD_SET ? TY_SET : kind == BUILD_DICT ? TY_DICT : TY_LIST;
    int res = lower_temp(l, ty_container(l->m->types, tk, NULL, NULL));
    lower_emit(l, IR_BUILD, res, 0, e)->aux = kind;
    CompCtx c = {e, res};
    const AstList *gens = e->kind == AST_SetComp    ? &e->u.SetComp.generators
                          : e->kind == AST_DictComp ? &e->u.DictComp.generators
                          : e->kind == AST_ListComp ? &e->u.ListComp.generators
                                                    : &e->u.GeneratorExp.generators;
    lower_comp_run(l, gens, comp_add, &c);
    return res;
}
