// lower_exc.c: AST → IR for exception handling — try/except/else/finally, raise, assert, with —
// and the cleanups that break, continue and return run on their way out (DESIGN §5).
//
// A handler is an ordinary block. While a try body is lowered, l->handler names the block its
// raising instructions fail into (lower_emit records it; pass_errors turns it into the error
// edge); the handler starts with the exception still pending and takes it with EXC_FETCH.
// While an except clause (or a finally body on the exceptional path, or a with statement's
// __exit__) runs, the caught exception is "being handled" (EXC_ENTER), so that exceptions raised
// there get it as __context__ and a bare `raise` finds it; every way out restores the previous
// one (EXC_LEAVE), and the way out by an exception goes through a small block that does so and
// then PROPAGATEs the new exception.
//
// Finally bodies are duplicated, one copy per way out: falling off the end, the exception path
// (which re-raises afterwards), and each break, continue or return that leaves the try. The
// Cleanup stack records what each statement being lowered must run when left early; a break
// or continue runs those inside its loop, a return runs them all, innermost first, each with
// the handler and cleanups outside its own statement (a return inside a finally body therefore
// overrides the one that ran it).
#include "lower_internal.h"

typedef enum CleanupKind {
    CLEANUP_FINALLY,  // runs 'body'
    CLEANUP_HANDLER,  // restores 'reg' as the exception being handled, unbinds 'name'
    CLEANUP_WITH,     // calls the __exit__ of the manager 'reg' with no exception
} CleanupKind;

typedef struct Cleanup {
    CleanupKind kind;
    const AstList *body;
    int reg;
    Name name;
    IrBlock *handler;  // the handler around the statement
    Loop *loop;        // the loop the statement is in
    struct Cleanup *outer;
} Cleanup;

static Cleanup *push_cleanup(Lower *l, CleanupKind kind, IrBlock *handler) {
    Cleanup *c = arena_alloc(l->arena, sizeof *c);
    c->kind = kind;
    c->handler = handler;
    c->loop = l->loop;
    c->outer = l->cleanup;
    l->cleanup = c;
    return c;
}

static const Ty *dyn(void) { return ty_prim(TY_DYN); }

// ---------------------------------------------------------------------------------------------
// Small emitters

static int emit0(Lower *l, IrOp op, const Ty *ty, const AstNode *at) {
    int dst = ty ? lower_temp(l, ty) : -1;
    lower_emit(l, op, dst, 0, at);
    return dst;
}

static void emit_use(Lower *l, IrOp op, int a, const AstNode *at) {
    lower_emit(l, op, -1, 1, at)->args[0] = a;
}

// The name bound by `except ... as name` (or `with ... as name`) unbound again.
static void unbind_name(Lower *l, Name name, const AstNode *at) {
    int r = lower_local_reg(l, name);
    if (r >= 0) {
        lower_emit(l, IR_CLEAR, r, 0, at);
        return;
    }
    int g = lower_global_index(l, name);
    if (g >= 0) {
        lower_emit(l, IR_DEL_GLOBAL, -1, 0, at)->aux = g;
    }
}

// Ends the handling of an exception: the previous one is handled again, 'name' unbound.
static void leave_handler(Lower *l, int prev, Name name, const AstNode *at) {
    emit_use(l, IR_EXC_LEAVE, prev, at);
    if (name) {
        unbind_name(l, name, at);
    }
}

// A block that ends an exception's handling and passes on the exception pending there to
// 'outer', the handler around the statement.
static IrBlock *propagate_block(Lower *l, IrBlock *outer, int prev, Name name,
                                const AstNode *at) {
    IrBlock *saved = l->cur, *handler = l->handler, *b = ir_block_new(l->fn);
    lower_start(l, b);
    l->handler = outer;
    leave_handler(l, prev, name, at);
    emit0(l, IR_PROPAGATE, NULL, at);
    l->handler = handler;
    lower_start(l, saved);
    return b;
}

// Starts handling the exception pending at handler 'h' (l->handler must be the outer one):
// '*exc' is the exception, the result the previously handled one.
static int enter_handler(Lower *l, IrBlock *h, int *exc, const AstNode *at) {
    lower_start(l, h);
    *exc = emit0(l, IR_EXC_FETCH, dyn(), at);
    return lower_emit1(l, IR_EXC_ENTER, dyn(), *exc, 0, at);
}

// Re-raises 'exc' (no new traceback entry) after ending its handling.
static void reraise(Lower *l, int prev, int exc, const AstNode *at) {
    emit_use(l, IR_EXC_LEAVE, prev, at);
    emit_use(l, IR_EXC_RESTORE, exc, at);
    emit0(l, IR_PROPAGATE, NULL, at);
}

// ---------------------------------------------------------------------------------------------
// Leaving statements early

// Runs cleanup 'c' with what surrounds its statement.
static void run_cleanup(Lower *l, const Cleanup *c, const AstNode *at) {
    l->cleanup = c->outer;
    l->handler = c->handler;
    switch (c->kind) {
    case CLEANUP_FINALLY:
        lower_stmts(l, c->body);
        break;
    case CLEANUP_HANDLER:
        leave_handler(l, c->reg, c->name, at);
        break;
    case CLEANUP_WITH: {
        int dst = lower_temp(l, ty_prim(TY_BOOL));
        lower_emit(l, IR_WITH_EXIT, dst, 1, at)->args[0] = c->reg;
        break;
    }
    }
}

// Runs the cleanups from the innermost up to (not including) 'stop'. Lowering afterwards goes
// on with the current handler and cleanups.
static void run_cleanups(Lower *l, const Cleanup *stop, const AstNode *at) {
    Cleanup *saved = l->cleanup;
    IrBlock *handler = l->handler;
    for (const Cleanup *c = saved; c != stop && !lower_terminated(l); c = c->outer) {
        run_cleanup(l, c, at);
    }
    l->cleanup = saved;
    l->handler = handler;
}

void lower_break(Lower *l, bool is_continue) {
    const Cleanup *stop = l->cleanup;
    while (stop && stop->loop == l->loop) {
        stop = stop->outer;
    }
    run_cleanups(l, stop, NULL);
    lower_jump(l, is_continue ? l->loop->cont : l->loop->brk);
}

void lower_leave_function(Lower *l) { run_cleanups(l, NULL, NULL); }

// ---------------------------------------------------------------------------------------------
// try

// Continues when 'exc' matches the class (or tuple display of classes) 'type', else goes to
// 'next'. As CPython checks a whole tuple before matching, every class of a tuple is evaluated
// and matched (a TypeError for the first that is no exception class), then the results tried.
static void match_classes(Lower *l, const AstNode *type, int exc, IrBlock *next) {
    bool tuple = type->kind == AST_Tuple;
    int n = tuple ? type->u.Tuple.elts.count : 1;
    int *m = arena_alloc(l->arena, sizeof(int) * (size_t)n);
    for (int i = 0; i < n; i++) {
        const AstNode *c = tuple ? type->u.Tuple.elts.items[i] : type;
        m[i] = lower_box(l, lower_expr(l, c), c);
    }
    for (int i = 0; i < n; i++) {
        m[i] = lower_emit2(l, IR_EXC_MATCH, ty_prim(TY_BOOL), exc, m[i], 0, type);
    }
    IrBlock *body = ir_block_new(l->fn);
    for (int i = 0; i < n; i++) {
        IrBlock *no = i == n - 1 ? next : ir_block_new(l->fn);
        lower_branch(l, m[i], body, no, type);
        lower_start(l, no);
    }
    lower_start(l, body);
}

// One except clause: matches (unless bare), binds the name, runs the body. 'exc' is the caught
// exception, 'prev' the previously handled one; falls to 'next' when it does not match.
static void lower_except(Lower *l, const AstNode *h, int exc, int prev, IrBlock *next,
                         IrBlock *done) {
    IrBlock *outer = l->handler;
    const AstNode *type = h->u.ExceptHandler.type;
    Name name = h->u.ExceptHandler.name;
    if (type) {
        l->handler = propagate_block(l, outer, prev, NULL, h);
        match_classes(l, type, exc, next);
    }
    if (name) {
        lower_store_name(l, name, exc, h);
    }
    l->handler = propagate_block(l, outer, prev, name, h);
    Cleanup *c = push_cleanup(l, CLEANUP_HANDLER, outer);
    c->reg = prev;
    c->name = name;
    lower_stmts(l, &h->u.ExceptHandler.body);
    l->cleanup = c->outer;
    l->handler = outer;
    if (!lower_terminated(l)) {
        leave_handler(l, prev, name, h);
        lower_jump(l, done);
    }
}

// try: body / except...: / else: — without finally.
static void lower_try_except(Lower *l, const AstNode *s) {
    IrBlock *outer = l->handler;
    IrBlock *h = ir_block_new(l->fn), *done = ir_block_new(l->fn);
    l->handler = h;
    lower_stmts(l, &s->u.Try.body);
    l->handler = outer;
    if (!lower_terminated(l)) {
        lower_stmts(l, &s->u.Try.orelse);
        lower_jump(l, done);
    }
    int exc;
    int prev = enter_handler(l, h, &exc, s);
    const AstList *handlers = &s->u.Try.handlers;
    for (int i = 0; i < handlers->count; i++) {
        IrBlock *next = ir_block_new(l->fn);
        lower_except(l, handlers->items[i], exc, prev, next, done);
        lower_start(l, next);
        if (!handlers->items[i]->u.ExceptHandler.type) {
            break;  // a bare except must be last; what follows it is unreachable
        }
    }
    reraise(l, prev, exc, s);
    lower_start(l, done);
}

// try ... finally: the body (with its except clauses) runs with the finally body as cleanup;
// the exceptional path runs it while handling the exception, then re-raises.
static void lower_try_finally(Lower *l, const AstNode *s) {
    IrBlock *outer = l->handler;
    IrBlock *h = ir_block_new(l->fn), *done = ir_block_new(l->fn);
    Cleanup *c = push_cleanup(l, CLEANUP_FINALLY, outer);
    c->body = &s->u.Try.finalbody;
    l->handler = h;
    if (s->u.Try.handlers.count) {
        lower_try_except(l, s);
    } else {
        lower_stmts(l, &s->u.Try.body);
    }
    l->cleanup = c->outer;
    l->handler = outer;
    if (!lower_terminated(l)) {
        lower_stmts(l, c->body);
        lower_jump(l, done);
    }
    int exc;
    int prev = enter_handler(l, h, &exc, s);
    l->handler = propagate_block(l, outer, prev, NULL, s);
    Cleanup *hc = push_cleanup(l, CLEANUP_HANDLER, outer);
    hc->reg = prev;
    lower_stmts(l, c->body);
    l->cleanup = hc->outer;
    l->handler = outer;
    if (!lower_terminated(l)) {
        reraise(l, prev, exc, s);
    }
    lower_start(l, done);
}

void lower_try(Lower *l, const AstNode *s) {
    if (s->u.Try.finalbody.count) {
        lower_try_finally(l, s);
    } else {
        lower_try_except(l, s);
    }
}

// ---------------------------------------------------------------------------------------------
// raise and assert

// raise / raise X / raise X from Y
void lower_raise(Lower *l, const AstNode *s) {
    const AstNode *exc = s->u.Raise.exc, *cause = s->u.Raise.cause;
    if (!exc) {
        emit0(l, IR_RERAISE, NULL, s);
        return;
    }
    int x = lower_box(l, lower_expr(l, exc), s);
    int y = cause ? lower_box(l, lower_expr(l, cause), s) : -1;
    IrInstr *in = lower_emit(l, IR_RAISE, -1, cause ? 2 : 1, s);
    in->args[0] = x;
    if (cause) {
        in->args[1] = y;
    }
}

// assert test[, msg]: raises AssertionError(msg) when the test is false.
void lower_assert(Lower *l, const AstNode *s) {
    IrBlock *fail = ir_block_new(l->fn), *ok = ir_block_new(l->fn);
    lower_cond(l, s->u.Assert.test, ok, fail);
    lower_start(l, fail);
    int cls = lower_builtin(l, "AssertionError", s);
    int exc = cls;
    if (s->u.Assert.msg) {
        int msg = lower_box(l, lower_expr(l, s->u.Assert.msg), s);
        exc = lower_call_obj(l, cls, &msg, 1, dyn(), s);
    }
    lower_emit(l, IR_RAISE, -1, 1, s)->args[0] = exc;
    lower_start(l, ok);
}

// ---------------------------------------------------------------------------------------------
// with

// with item[, items...]: body — one manager at a time, the rest nested inside.
static void lower_with_items(Lower *l, const AstNode *s, int first) {
    const AstList *items = &s->u.With.items;
    if (first == items->count) {
        lower_stmts(l, &s->u.With.body);
        return;
    }
    const AstNode *item = items->items[first];
    const AstNode *var = item->u.withitem.optional_vars;
    int mgr = lower_box(l, lower_expr(l, item->u.withitem.context_expr), item);
    int val = lower_emit1(l, IR_WITH_ENTER, dyn(), mgr, 0, s);
    if (var && var->kind == AST_Name) {
        lower_store_name(l, var->u.Name.id, val, s);
    }
    IrBlock *outer = l->handler;
    IrBlock *h = ir_block_new(l->fn), *done = ir_block_new(l->fn);
    Cleanup *c = push_cleanup(l, CLEANUP_WITH, outer);
    c->reg = mgr;
    l->handler = h;
    if (var && var->kind != AST_Name) {
        lower_store_target(l, var, val);  // can fail (unpacking): __exit__ sees it, as in CPython
    }
    lower_with_items(l, s, first + 1);
    l->cleanup = c->outer;
    l->handler = outer;
    if (!lower_terminated(l)) {
        run_cleanup(l, c, s);
        lower_jump(l, done);
    }
    int exc;
    int prev = enter_handler(l, h, &exc, s);
    l->handler = propagate_block(l, outer, prev, NULL, s);
    int sup = lower_temp(l, ty_prim(TY_BOOL));
    IrInstr *in = lower_emit(l, IR_WITH_EXIT, sup, 2, s);
    in->args[0] = mgr;
    in->args[1] = exc;
    l->handler = outer;
    IrBlock *yes = ir_block_new(l->fn), *no = ir_block_new(l->fn);
    lower_branch(l, sup, yes, no, s);
    lower_start(l, yes);
    emit_use(l, IR_EXC_LEAVE, prev, s);
    lower_jump(l, done);
    lower_start(l, no);
    reraise(l, prev, exc, s);
    lower_start(l, done);
}

void lower_with(Lower *l, const AstNode *s) {
    const AstList *items = &s->u.With.items;
    for (int i = 0; i < items->count; i++) {
        const AstNode *var = items->items[i]->u.withitem.optional_vars;
        if (var && !lower_target_ok(l, var)) {
            return;
        }
    }
    lower_with_items(l, s, 0);
}
