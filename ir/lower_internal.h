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
    Name *comp_names;  // the variables of the comprehensions being lowered, innermost last
    int *comp_regs;    // and their registers
    int ncomp, comp_cap;
    IrBlock *handler;          // where raising instructions go (NULL: unwind); lower_emit
    struct Cleanup *cleanup;   // innermost first; run by break, continue and return
    Name n_print, n_range, n_sep, n_end, n_dunder_name;
    // The cell and free variables of the function being lowered (and of the class bodies
    // being lowered inside it), with the registers holding their cells.
    Name *cell_names;
    int *cell_regs;
    bool *cell_free;
    int ncells, cells_cap;
    struct ClassCtx *cls;  // the innermost class body being lowered, or NULL
} Lower;

// A class body being lowered inline in the function that executes the class statement.
typedef struct ClassCtx {
    int ns;  // the namespace (from kr_class_prepare)
    const char *qualname;
    struct ClassCtx *outer;
} ClassCtx;

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
// Whether lowering expression 'e' twice (or lowering it and dropping the result) is harmless:
// it holds no lambda, comprehension or generator expression and does not suspend.
bool lower_twice_ok(const AstNode *e);
int lower_truth(Lower *l, int r, const AstNode *at);    // a C bool

// lower_str.c: split views -----------------------------------------------------------------------

// `target = value` when target is a local only ever bound to `s.split(SEP)` and indexed by int
// literals: stores the view and returns true; false when the shape does not apply.
bool lower_split_view_store(Lower *l, const AstNode *target, const AstNode *value);
// `v[K]` of such a local as a value of type 'ty' (dyn: the piece; float or int: float() or
// int() of it), or -1 when 'e' is not one.
int lower_split_view_item(Lower *l, const AstNode *e, const Ty *ty);

// lower.c: names ---------------------------------------------------------------------------------

int lower_local_reg(Lower *l, Name id);     // the register of local 'id', or -1
int lower_global_index(Lower *l, Name id);  // the module global 'id', or -1
int lower_func_index(Lower *l, Name id);    // the module-level function 'id', or -1
int lower_name(Lower *l, const AstNode *e);
void lower_store_name(Lower *l, Name id, int value, const AstNode *at);
// `del id` of a local, cell, class namespace or global variable.
void lower_delete_name(Lower *l, Name id, const AstNode *at);

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
int lower_namedexpr(Lower *l, const AstNode *e);
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
void lower_import(Lower *l, const AstNode *s);

// lower_container.c ------------------------------------------------------------------------------

int lower_tuple(Lower *l, const AstNode *e);
int lower_list(Lower *l, const AstNode *e);
int lower_set(Lower *l, const AstNode *e);
int lower_dict(Lower *l, const AstNode *e);
int lower_subscript(Lower *l, const AstNode *e);
int lower_getattr(Lower *l, int obj, Name attr, const AstNode *at);  // dst = obj.attr (dyn)
int lower_attribute(Lower *l, const AstNode *e);
// `item in container` as a C bool ('negate': `not in`).
int lower_contains(Lower *l, int item, int container, bool negate, const AstNode *at);
// Whether lower_store_target can assign to 't' (reports what it cannot).
bool lower_target_ok(Lower *l, const AstNode *t);
// Assigns 'value' to a name, subscript, attribute or (starred) unpacking target.
void lower_store_target(Lower *l, const AstNode *t, int value);
void lower_delete(Lower *l, const AstNode *s);
// a op= b of objects, in place where the type does it in place (list +=).
int lower_inplace(Lower *l, AstOp op, int a, int b, const AstNode *at);
void lower_augassign_item(Lower *l, const AstNode *s);
void lower_augassign_attr(Lower *l, const AstNode *s);

// lower_iter.c -----------------------------------------------------------------------------------

// Lowers the element of a comprehension at its innermost loop; 'exit' ends the whole loop nest
// of the innermost generator.
typedef void (*CompInner)(Lower *l, void *ctx, IrBlock *exit);

// iter(iterable), then the loop head: returns the item register of the body block it leaves
// current; exhaustion goes to 'exit'; 'head' starts the next iteration.
int lower_iter_loop(Lower *l, int iterable, IrBlock *head, IrBlock *exit, const AstNode *at);
void lower_for_iter(Lower *l, const AstNode *s);
// A comprehension variable's register, LOWER_COMP_CELL when it lives in a cell (an inner scope
// captures it: lower_cell_index finds the cell), or -1.
int lower_comp_reg(Lower *l, Name id);
#define LOWER_COMP_CELL (-2)
// The loops of comprehension or generator expression 'e', in its own scope, with 'inner'
// innermost.
void lower_comp_run(Lower *l, const AstNode *e, CompInner inner, void *ctx);
// The same with the first iterable already evaluated ('first').
void lower_comp_run_from(Lower *l, const AstNode *e, int first, CompInner inner, void *ctx);
// A list, set or dict comprehension (a generator expression: eagerly, into a list).
int lower_comprehension(Lower *l, const AstNode *e);

// lower_call.c -----------------------------------------------------------------------------------

bool lower_is_builtin(Lower *l, Name id);  // a builtin name not shadowed by the module
// Whether call 'e' runs its generator expression argument 'gen' as a loop in the calling code
// (a builtin that exhausts it, any/all, str.join) rather than making a generator object.
bool lower_call_runs_genexp(Lower *l, const AstNode *e, const AstNode *gen);
int lower_builtin(Lower *l, const char *name, const AstNode *at);
// fn(args[0..n)) through the object protocol, coerced to 'ty'.
int lower_call_obj(Lower *l, int fn, const int *args, int n, const Ty *ty, const AstNode *at);
int lower_object_call(Lower *l, const AstNode *e);

// lower_func.c -----------------------------------------------------------------------------------

// Creates the cells of the function's cell variables and loads its free variables' cells.
void lower_func_prologue(Lower *l);
int lower_cell_index(Lower *l, Name id);  // index in l->cell_names, or -1
// Registers 'reg' as the cell of variable 'id'.
void lower_cell_push(Lower *l, Name id, int reg, bool is_free);
int lower_cell_load(Lower *l, Name id, const AstNode *at);
void lower_cell_store(Lower *l, Name id, int value, const AstNode *at);
void lower_funcdef(Lower *l, const AstNode *s);
int lower_lambda(Lower *l, const AstNode *e);
// Declares the IrFunc of a def or lambda 'node' (its body is lowered later by the module loop).
IrFunc *lower_declare_func(Lower *l, const AstNode *node, InferFunc *ifn, const char *qualname);
// A call with '*' or '**' arguments, or of a function value: kr_call.
int lower_call_ex(Lower *l, const AstNode *e, int callee);
bool lower_call_is_plain(const AstNode *e);
// The __qualname__ of a function or class named 'name' defined by the code being lowered.
const char *lower_qualname(Lower *l, const char *name);
// super() with no arguments inside a method.
int lower_super0(Lower *l, const AstNode *e);

// lower_class.c ----------------------------------------------------------------------------------

void lower_classdef(Lower *l, const AstNode *s);
int lower_class_load(Lower *l, Name id, const AstNode *at);
void lower_class_store(Lower *l, Name id, int value, const AstNode *at);

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

// lower_match.c ----------------------------------------------------------------------------------

void lower_match(Lower *l, const AstNode *s);

// lower_gen.c ------------------------------------------------------------------------------------

// Makes the resume function of generator function 'fn' (fn->gen_resume).
void lower_gen_declare(Lower *l, IrFunc *fn, InferFunc *ifn);
// The native entry of a generator function: makes the generator.
void lower_gen_entry(Lower *l, IrFunc *fn);
// The first instructions of a resume function's body.
void lower_gen_prologue(Lower *l);
int lower_yield(Lower *l, const AstNode *e);
int lower_yield_from(Lower *l, const AstNode *e);
// A generator expression: a generator object over its own resume function.
int lower_genexp(Lower *l, const AstNode *e);
// The register of the first parameter of the function being lowered (a generator's resume
// function included), or -1.
int lower_first_param(Lower *l);
// Whether 'e' is a call of a module-level generator function.
bool lower_is_gen_call(Lower *l, const AstNode *e);
// lower_iter_loop for a generator: steps it without iter() or StopIteration.
int lower_gen_loop(Lower *l, int gen, IrBlock *head, IrBlock *exit, const AstNode *at);

#endif
