// lower_iter.c: AST → IR for iteration — `for` over any iterable (iter()/next() protocol, the
// target assigned with unpacking), list/set/dict comprehensions, and the loops of generator
// expressions that a builtin consumes whole (see lower_call.c). A comprehension has its own
// scope (Python 3.13): its variables get fresh registers, bound in l->comp only while its
// body is lowered, so they neither leak nor clobber the enclosing function's variables; a
// variable an inner lambda or generator expression captures gets a fresh cell instead, made when
// the comprehension starts. The first iterable is evaluated before those bindings exist, in the
// enclosing scope.
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

static void comp_push(Lower *l, Name id, int reg) {
    if (l->ncomp == l->comp_cap) {
        int cap = l->comp_cap ? l->comp_cap * 2 : 8;
        l->comp_names = arena_realloc(l->arena, l->comp_names, sizeof(Name) * (size_t)l->comp_cap,
                                      sizeof(Name) * (size_t)cap);
        l->comp_regs = arena_realloc(l->arena, l->comp_regs, sizeof(int) * (size_t)l->comp_cap,
                                     sizeof(int) * (size_t)cap);
        l->comp_cap = cap;
    }
    l->comp_names[l->ncomp] = id;
    l->comp_regs[l->ncomp++] = reg;
}

// The comprehension being lowered: its scope, and its variables that live in cells (the
// entries first..first+ncells of l->comp).
typedef struct CompScope {
    const Scope *sc, *top;
    const AstNode *e;
    int first, ncells;
} CompScope;

static bool captured(Lower *l, const CompScope *cs, const AstNode *n, Name id);

typedef struct CaptureQuery {
    Lower *l;
    const CompScope *cs;
    Name id;
} CaptureQuery;

static bool captured_child(const AstNode *c, void *ctx) {
    const CaptureQuery *q = ctx;
    return captured(q->l, q->cs, c, q->id);
}

static bool captured_fields(Lower *l, const CompScope *cs, const AstNode *n, Name id) {
    CaptureQuery q = {l, cs, id};
    return ast_any_child(n, captured_child, &q);
}

// Whether the scope 'n' opens reads 'id' from outside (free in it or in a scope inside it).
static bool free_in(const CompScope *cs, const AstNode *n, Name id) {
    const Scope *s = scope_of(cs->top, n, false);
    const Symbol *sym = s ? scope_lookup(s, id) : NULL;
    return !s || (sym && sym->scope == SYM_FREE);
}

// Whether code in 'n' that lowering does not run inline in the current function reads the
// comprehension's variable 'id': a lambda, or a generator expression that becomes a generator
// object. Inner comprehensions, and generator expressions a builtin runs as a loop
// (lower_call_runs_genexp), read the variable's register directly.
static bool captured(Lower *l, const CompScope *cs, const AstNode *n, Name id) {
    switch (n->kind) {
    case AST_Lambda:
        return free_in(cs, n, id) || captured(l, cs, n->u.Lambda.args, id);
    case AST_GeneratorExp: return free_in(cs, n, id);
    case AST_Call:
        if (captured(l, cs, n->u.Call.func, id)) {
            return true;
        }
        for (int i = 0; i < n->u.Call.args.count; i++) {
            const AstNode *a = n->u.Call.args.items[i];
            bool inline_gen = a->kind == AST_GeneratorExp && lower_call_runs_genexp(l, n, a);
            if (inline_gen ? captured_fields(l, cs, a, id) : captured(l, cs, a, id)) {
                return true;
            }
        }
        for (int i = 0; i < n->u.Call.keywords.count; i++) {
            if (captured(l, cs, n->u.Call.keywords.items[i], id)) {
                return true;
            }
        }
        return false;
    default: return captured_fields(l, cs, n, id);
    }
}

// Whether variable 'id' of the comprehension lives in a cell: an inner scope captures it
// (CPython's symbol table) and lowering makes that scope a function or generator of its own.
static bool comp_needs_cell(Lower *l, const CompScope *cs, Name id) {
    const Symbol *sym = cs->sc ? scope_lookup(cs->sc, id) : NULL;
    if (!sym || sym->scope != SYM_CELL) {
        return false;
    }
    const AstNode *e = cs->e;
    const AstList *gens = e->kind == AST_SetComp    ? &e->u.SetComp.generators
                          : e->kind == AST_DictComp ? &e->u.DictComp.generators
                          : e->kind == AST_ListComp ? &e->u.ListComp.generators
                                                    : &e->u.GeneratorExp.generators;
    for (int i = 0; i < gens->count; i++) {
        const AstNode *g = gens->items[i];
        if ((i > 0 && captured(l, cs, g->u.comprehension.iter, id))) {
            return true;
        }
        for (int k = 0; k < g->u.comprehension.ifs.count; k++) {
            if (captured(l, cs, g->u.comprehension.ifs.items[k], id)) {
                return true;
            }
        }
    }
    if (e->kind == AST_DictComp) {
        return captured(l, cs, e->u.DictComp.key, id) || captured(l, cs, e->u.DictComp.value, id);
    }
    return captured(l, cs, e->kind == AST_SetComp    ? e->u.SetComp.elt
                           : e->kind == AST_ListComp ? e->u.ListComp.elt
                                                     : e->u.GeneratorExp.elt,
                    id);
}

static bool comp_has_cell(Lower *l, const CompScope *cs, Name id) {
    for (int i = cs->first; i < cs->first + cs->ncells; i++) {
        if (l->comp_names[i] == id) {
            return true;
        }
    }
    return false;
}

// Gives every name in 'target' a fresh register for the comprehension, or with 'cells' a fresh
// cell to each name that needs one (and only to those).
static void comp_bind_target(Lower *l, CompScope *cs, const AstNode *t, bool cells) {
    if (t->kind == AST_Name) {
        Name id = t->u.Name.id;
        if (comp_has_cell(l, cs, id) || (cells && !comp_needs_cell(l, cs, id))) {
            return;
        }
        if (cells) {
            int r = lower_temp(l, dyn());
            lower_emit(l, IR_CELL_NEW, r, 0, t);
            lower_cell_push(l, id, r, false);
            comp_push(l, id, LOWER_COMP_CELL);
            cs->ncells++;
            return;
        }
        comp_push(l, id, lower_temp(l, dyn()));
    } else if (t->kind == AST_Tuple || t->kind == AST_List) {
        const AstList *elts = t->kind == AST_Tuple ? &t->u.Tuple.elts : &t->u.List.elts;
        for (int i = 0; i < elts->count; i++) {
            comp_bind_target(l, cs, elts->items[i], cells);
        }
    } else if (t->kind == AST_Starred) {
        comp_bind_target(l, cs, t->u.Starred.value, cells);
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
static void comp_loops(Lower *l, CompScope *cs, const AstList *gens, int i, int first,
                       CompInner inner, void *ctx) {
    const AstNode *g = gens->items[i];
    if (g->u.comprehension.is_async) {
        lower_unsupported(l, g, "'async for' in a comprehension");
        return;
    }
    int iterable = i == 0 ? first : lower_expr(l, g->u.comprehension.iter);
    comp_bind_target(l, cs, g->u.comprehension.target, false);
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
        comp_loops(l, cs, gens, i + 1, -1, inner, ctx);
    } else {
        inner(l, ctx, exit);
    }
    lower_jump(l, head);
    lower_start(l, exit);
}

static const AstList *comp_generators(const AstNode *e) {
    return e->kind == AST_SetComp    ? &e->u.SetComp.generators
           : e->kind == AST_DictComp ? &e->u.DictComp.generators
           : e->kind == AST_ListComp ? &e->u.ListComp.generators
                                     : &e->u.GeneratorExp.generators;
}

void lower_comp_run(Lower *l, const AstNode *e, CompInner inner, void *ctx) {
    lower_comp_run_from(l, e, lower_expr(l, comp_generators(e)->items[0]->u.comprehension.iter),
                        inner, ctx);
}

// The variables an inner lambda or generator object captures get their cells when the
// comprehension starts: one cell per variable for the whole comprehension, as CPython makes them (every closure made in it sees
// the variable's latest value). Cells and registers are unbound when it ends.
void lower_comp_run_from(Lower *l, const AstNode *e, int first, CompInner inner, void *ctx) {
    CompScope cs = {NULL, l->ifn->scope, e, l->ncomp, 0};
    while (cs.top->parent) {
        cs.top = cs.top->parent;
    }
    cs.sc = scope_of(cs.top, e, false);
    const AstList *gens = comp_generators(e);
    int saved = l->ncomp, saved_cells = l->ncells;
    for (int i = 0; i < gens->count; i++) {
        comp_bind_target(l, &cs, gens->items[i]->u.comprehension.target, true);
    }
    comp_loops(l, &cs, gens, 0, first, inner, ctx);
    l->ncomp = saved;
    l->ncells = saved_cells;
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
    lower_comp_run(l, e, comp_add, &c);
    return res;
}
