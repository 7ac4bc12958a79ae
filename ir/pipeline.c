// pipeline.c: the compiler's middle, in order — a table of contents. Lowering (with type
// inference) produces the IR; then each function goes through the passes below. Debug builds
// verify the IR after every step.
#include "ir.h"

#include <string.h>

typedef void (*PassFn)(IrFunc *fn);

static void pass_lower_cleanup(IrFunc *fn);

typedef struct Pass {
    const char *name;
    PassFn run;
} Pass;

static const Pass passes[] = {
    {"lower", pass_lower_cleanup},  // drop the blocks lowering left unreachable
    {"bound", pass_bound},          // UnboundLocalError checks
    {"errors", pass_errors},        // explicit error edges
    {"refcount", pass_refcount},    // INCREF/DECREF
    {"share", pass_share},          // error cleanup blocks share their tails
    {"small", pass_small},          // small-int operands; no counting or overflow checks there
};

const char *const ir_pass_names[] = {"lower", "bound", "errors", "refcount",
                                     "share", "small", NULL};

bool ir_pass_known(const char *name) {
    for (int i = 0; ir_pass_names[i]; i++) {
        if (strcmp(ir_pass_names[i], name) == 0) {
            return true;
        }
    }
    return false;
}

static void mark_reachable(IrFunc *fn, IrBlock *b, bool *seen) {
    if (seen[b->id]) {
        return;
    }
    seen[b->id] = true;
    for (int k = 0; k < b->count; k++) {
        if (b->instrs[k]->handler) {  // kept even when nothing there raises yet (pass_bound)
            mark_reachable(fn, b->instrs[k]->handler, seen);
        }
    }
    IrInstr *t = ir_terminator(b);
    for (int k = 0; k < 2; k++) {
        if (t->target[k]) {
            mark_reachable(fn, t->target[k], seen);
        }
    }
}

// Lowering starts a fresh block after each return/break/continue; code there is dead.
static void pass_lower_cleanup(IrFunc *fn) {
    bool *seen = arena_alloc(fn->mod->arena, (size_t)fn->nblocks + 1);
    mark_reachable(fn, fn->blocks[0], seen);
    ir_keep_blocks(fn, seen);
}

static void run_passes(IrFunc *fn, const char *stop_after) {
    for (size_t i = 0; i < sizeof passes / sizeof passes[0]; i++) {
        passes[i].run(fn);
#ifndef NDEBUG
        ir_verify(fn);
#endif
        if (stop_after && strcmp(stop_after, passes[i].name) == 0) {
            return;
        }
    }
}

IrModule *ir_compile(IrProgram *p, IrUnit *u, const char *stop_after) {
    IrModule *m = ir_lower_module(p, u);
    if (!m) {
        return NULL;
    }
    for (int i = 0; i < m->nfuncs; i++) {
        run_passes(m->funcs[i], stop_after);
    }
    pass_pure(m);  // module-wide: which functions get int fast paths (reads the final IR)
    return m;
}
