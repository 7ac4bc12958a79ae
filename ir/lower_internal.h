// lower_internal.h: what the files of the lowering (lower.c, lower_expr.c, lower_stmt.c and one
// file per later feature area) share — the Lower state and the helpers that append IR to the
// current block. Only those files include it; the rest of krait sees ir_lower_module in ir.h.
//
// Conventions of every lowering function: an expression lowers to a fresh register (locals are
// only written by lower_move), the current block is l->cur, and an unsupported construct is
// reported with lower_unsupported and replaced by None so that lowering goes on.
#ifndef KRAIT_LOWER_INTERNAL_H
#define KRAIT_LOWER_INTERNAL_H

#include "ir.h"

// The targets of break and continue of the innermost loop.
typedef struct Loop {
    IrBlock *brk, *cont;
    struct Loop *outer;
} Loop;

struct Cleanup;  // lower_exc.c: what leaving a try, except clause or with statement runs

typedef struct Lower {
    Arena *arena;
    Diag *d;
    IrModule *m;
    Infer *inf;
    IrFunc *fn;
    InferFunc *ifn;
    IrBlock *cur;
    Loop *loop;
    IrBlock *handler;          // where raising instructions go (NULL: unwind); lower_emit
    struct Cleanup *cleanup;   // innermost first; run by break, continue and return
    Name n_print, n_range, n_sep, n_end, n_dunder_name;
} Lower;

// lower.c: helpers -------------------------------------------------------------------------------

void lower_unsupported(Lower *l, const AstNode *at, const char *what);
IrInstr *lower_emit(Lower *l, IrOp op, int dst, int nargs, const AstNode *at);
int lower_temp(Lower *l, const Ty *ty);
const Ty *lower_reg_ty(Lower *l, int r);
int lower_emit1(Lower *l, IrOp op, const Ty *ty, int a, int aux, const AstNode *at);
int lower_emit2(Lower *l, IrOp op, const Ty *ty, int a, int b, int aux, const AstNode *at);
void lower_move(Lower *l, int dst, int src, const AstNode *at);
// A jump from the current block, unless it already ended (return, break, continue).
void lower_jump(Lower *l, IrBlock *to);
void lower_branch(Lower *l, int cond, IrBlock *t, IrBlock *f, const AstNode *at);
// Continues in 'b'.
void lower_start(Lower *l, IrBlock *b);
bool lower_terminated(Lower *l);
// Code after a terminator goes to a fresh block nothing jumps to (removed later).
void lower_after_terminator(Lower *l);
int lower_const_reg(Lower *l, IrConstKind kind, const Ty *ty, const AstNode *at, IrConst **out);
int lower_const_none(Lower *l, const AstNode *at);
int lower_const_int(Lower *l, int64_t v, const AstNode *at);
int lower_const_str(Lower *l, const char *s, size_t len, const AstNode *at);

// lower.c: conversions ---------------------------------------------------------------------------

// 'r' converted to type 'to' (boxing, unboxing with a type check, int → float...).
int lower_coerce(Lower *l, int r, const Ty *to, const AstNode *at);
int lower_box(Lower *l, int r, const AstNode *at);      // 'r' as a kr_val word
int lower_as_int(Lower *l, int r, const AstNode *at);   // a bool operand used as an int
int lower_as_float(Lower *l, int r, const AstNode *at);
int lower_truth(Lower *l, int r, const AstNode *at);    // a C bool

// lower.c: names ---------------------------------------------------------------------------------

int lower_local_reg(Lower *l, Name id);     // the register of local 'id', or -1
int lower_global_index(Lower *l, Name id);  // the module global 'id', or -1
int lower_func_index(Lower *l, Name id);    // the module-level function 'id', or -1
int lower_name(Lower *l, const AstNode *e);
void lower_store_name(Lower *l, Name id, int value, const AstNode *at);

// lower.c: dispatch ------------------------------------------------------------------------------

int lower_expr(Lower *l, const AstNode *e);
void lower_stmts(Lower *l, const AstList *body);
// "a list display", "'del'", ...: how a diagnostic names an expression or statement kind.
const char *lower_expr_construct(AstKind k);
const char *lower_stmt_construct(AstKind k);

// lower_expr.c -----------------------------------------------------------------------------------

int lower_constant(Lower *l, const AstNode *e);
// 'a op b' with 'a' and 'b' already lowered; 'ty' is the result type from the table.
int lower_binary(Lower *l, AstOp op, int a, int b, const Ty *ty, const AstNode *at);
int lower_binop(Lower *l, const AstNode *e);
int lower_unary(Lower *l, const AstNode *e);
int lower_compare(Lower *l, const AstNode *e);
int lower_boolop(Lower *l, const AstNode *e);
int lower_ifexp(Lower *l, const AstNode *e);
int lower_formatted(Lower *l, const AstNode *e);
int lower_joined(Lower *l, const AstNode *e);
int lower_call(Lower *l, const AstNode *e);
// Branches on the truth of 'e', short-circuiting and/or/not without materialising values.
void lower_cond(Lower *l, const AstNode *e, IrBlock *t, IrBlock *f);

// lower_stmt.c -----------------------------------------------------------------------------------

void lower_assign(Lower *l, const AstNode *s);
void lower_augassign(Lower *l, const AstNode *s);
void lower_annassign(Lower *l, const AstNode *s);
void lower_if(Lower *l, const AstNode *s);
void lower_while(Lower *l, const AstNode *s);
void lower_for(Lower *l, const AstNode *s);
void lower_return(Lower *l, const AstNode *s);

// lower_exc.c ------------------------------------------------------------------------------------

void lower_try(Lower *l, const AstNode *s);
void lower_raise(Lower *l, const AstNode *s);
void lower_assert(Lower *l, const AstNode *s);
void lower_with(Lower *l, const AstNode *s);
// break (or continue) out of the innermost loop, running the cleanups inside it.
void lower_break(Lower *l, bool is_continue);
// Before a return: runs every cleanup of the function (a finally body may end in its own return,
// which leaves the current block terminated).
void lower_leave_function(Lower *l);

// lower_dyn.c ------------------------------------------------------------------------------------
// Objects krait knows nothing of at compile time: builtins by name, attributes, calls of any
// object, `import` of the runtime's modules.

int lower_load_builtin(Lower *l, const char *name, const AstNode *at);
int lower_builtin_name(Lower *l, const AstNode *e);
int lower_attribute(Lower *l, const AstNode *e);
int lower_call_object(Lower *l, const AstNode *e);
void lower_import(Lower *l, const AstNode *s);

#endif
