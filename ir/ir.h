// ir.h: the middle of krait — the type lattice, type inference, AST→IR lowering, the IR itself
// (typed registers, basic blocks, explicit error edges), its passes, printer and verifier.
// The backend includes this header; it includes only frontend.h. One section per source file.
#ifndef KRAIT_IR_H
#define KRAIT_IR_H

#include "frontend.h"

// types.c ----------------------------------------------------------------------------------------
// The type lattice (DESIGN §4). TY_BOTTOM is "no value seen yet" (the start of inference);
// TY_DYN is any boxed value. Compound types carry their parameters: Optional[T], list[T], set[T]
// and tuple[T, ...] in 'arg' (a tuple's is the join of its items), dict[K, V] in 'arg' and
// 'arg2'. Containers are always boxed words; their parameters say what reading an item yields
// (checked where it is unboxed). Types are interned: compare them with ==.

typedef enum TyKind {
    TY_BOTTOM,
    TY_DYN,
    TY_NONE,
    TY_BOOL,
    TY_INT,
    TY_FLOAT,
    TY_STR,
    TY_OPTIONAL,  // 'arg' or None
    TY_LIST,
    TY_DICT,
    TY_SET,
    TY_TUPLE,
    TY_NUM,  // an int, bool or float object: what a `float` annotation admits (PEP 484)
} TyKind;

typedef struct Ty {
    TyKind kind;
    const struct Ty *arg, *arg2;
} Ty;

// How a value of a type is held in C (DESIGN §2, §5). REP_INT and REP_OBJ are kr_val words and
// reference counted; REP_FLOAT is a double, REP_BOOL a C bool.
typedef enum IrRep { REP_OBJ, REP_INT, REP_FLOAT, REP_BOOL } IrRep;

typedef struct TyCtx TyCtx;

TyCtx *ty_ctx_new(Arena *a);
const Ty *ty_prim(TyKind kind);  // a type without parameters
const Ty *ty_optional(TyCtx *c, const Ty *t);
// list[elem], set[elem], tuple[elem, ...] ('kind' TY_LIST, TY_SET, TY_TUPLE) or dict[elem, val].
const Ty *ty_container(TyCtx *c, TyKind kind, const Ty *elem, const Ty *val);
bool ty_is_container(const Ty *t);
// list[elem] with 'elem' as it is (bottom while inference has seen no item stored).
const Ty *ty_list_of(TyCtx *c, const Ty *elem);
// 't' with each bottom inside it made dyn.
const Ty *ty_settle(TyCtx *c, const Ty *t);
// The type of an item of 'container' when iterated (a dict's keys), dyn when unknown.
const Ty *ty_item(const Ty *container);
// Least upper bound; a join without a cheap representation (int|str, int|float) is dyn.
const Ty *ty_join(TyCtx *c, const Ty *a, const Ty *b);
IrRep ty_rep(const Ty *t);
bool rep_is_refcounted(IrRep r);
// "int", "Optional[int]", ... into 'b'.
void ty_format(StrBuf *b, const Ty *t);

// program.c --------------------------------------------------------------------------------------
// The modules of a program: the script and the modules and packages beside it that it imports,
// directly or through other modules (the driver finds them; docs/supported.md). Each is lowered
// to its own IrModule and C file. Module names are dotted ("pkg.sub"); the script is "__main__".

typedef struct IrUnit {
    const char *name;   // dotted module name; "__main__" for the script
    const char *cname;  // a C identifier, unique in the program (symbols, the C file's name)
    const char *path;   // the .py file as tracebacks and __file__ show it (absolute)
    const char *given;  // the .py file as found (relative to the working directory)
    bool is_package;    // an __init__.py
    const AstNode *ast;
    Scope *top;
    Diag *d;
    struct Infer *inf;      // ir_unit_infer
    struct TyCtx *types;    // its types (lowering 'u' uses the same)
    bool inferring;         // ir_unit_infer is running on it
} IrUnit;

typedef struct IrProgram {
    Arena *arena;
    Interner *in;
    IrUnit **units;  // units[0] is the script
    int nunits, units_cap;
    Name *stored_attrs;  // attribute names some module assigns or deletes ('o.x = v',
    int nstored, stored_cap;  // setattr(o, "x", v))
    int deaths_observable;  // pass_refcount: 0 not known yet, 1 no, 2 yes
    bool stores_any;     // setattr() or delattr() with a computed name: any attribute
    struct OriginCache *origins;  // ir_unit_import_source's answers
} IrProgram;

// A module the runtime provides ("sys", "os.path", ...); a top-level module name of CPython's
// standard library (sys.stdlib_module_names).
bool ir_is_runtime_module(const char *name);
bool ir_is_stdlib_module(const char *name);
IrProgram *ir_program_new(Arena *a, Interner *in);
IrUnit *ir_program_add(IrProgram *p, const char *name, const char *path, bool is_package);
IrUnit *ir_program_find(const IrProgram *p, const char *name);  // NULL if not a program module
// Records the attribute names module 'u' assigns or deletes (its AST must be set): 'o.x = v',
// 'del o.x', setattr(o, "x", v), delattr(o, "x"); a computed name in setattr() or delattr()
// counts as every name.
void ir_program_note_stores(IrProgram *p, const IrUnit *u);
bool ir_program_stores_attr(const IrProgram *p, Name name);
// Whether some module assigns a function's __defaults__ or __kwdefaults__ by name (then no
// module-level function is called with its defaults inlined).
bool ir_program_sets_defaults(const IrProgram *p);
// Whether some module of the program can observe when a value dies: it defines `__del__`, uses
// weak references or files, or has a generator with cleanup code (pass_refcount.c; cached).
bool ir_deaths_observable(IrProgram *p);
// The absolute name of the module `from <'level' dots><module> import ...` in 'u' names
// ('module' NULL for `from . import x`); NULL when it goes beyond the top-level package or 'u'
// is not in a package (*why says which).
const char *ir_import_base(Arena *a, const IrUnit *u, int level, const char *module,
                           const char **why);
// The names `from u import *` binds, in order: the strs of a literal `__all__ = [...]` (or a
// tuple) when 'u' has one (*has_all), else its public (no leading '_') module-level names.
// NULL with *n == -1 when `__all__` is not such a literal.
Name *ir_unit_exports(IrProgram *p, const IrUnit *u, int *n, bool *has_all);
// The names 'u' binds by `from m import *` of program modules (module-level statements).
Name *ir_unit_star_names(IrProgram *p, const IrUnit *u, int *n);
// The program module 'name' comes from when every binding of 'name' anywhere in 'u' is
// `from m import x [as name]` of the same module and name ('*orig' = x), and no other module
// rebinds 'u'.name; else NULL. Conservative: any other use of the identifier but a read counts
// as a binding.
IrUnit *ir_unit_import_source(IrProgram *p, const IrUnit *u, Name name, Name *orig);
// The same for a name bound only by `import m` (or `import m as name`, `import name.sub`): the
// program module it holds.
IrUnit *ir_unit_module_source(IrProgram *p, const IrUnit *u, Name name);
// The inference facts of module 'u', computed on first request (lowering 'u', and other
// modules calling its functions directly).
struct Infer *ir_unit_infer(IrProgram *p, IrUnit *u);

// ir.c -------------------------------------------------------------------------------------------
// The IR data structures and their builders. Everything lives in the compilation arena.

typedef enum IrOp {
#define IR_OP(name, nargs, raises) IR_##name,
#include "ir_ops.def"
#undef IR_OP
    IR__COUNT
} IrOp;

// Sub-kinds in IrInstr.aux.
typedef enum IrBinop {
    BIN_ADD, BIN_SUB, BIN_MUL, BIN_TRUEDIV, BIN_FLOORDIV, BIN_MOD, BIN_POW,
    BIN_LSHIFT, BIN_RSHIFT, BIN_AND, BIN_OR, BIN_XOR,
    BIN_MATMUL,  // objects only (OBJ_BINARY, INPLACE)
} IrBinop;
typedef enum IrUnop { UN_NEG, UN_POS, UN_INVERT } IrUnop;
typedef enum IrCmp { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE } IrCmp;  // kr's order

typedef enum IrBuild { BUILD_LIST, BUILD_TUPLE, BUILD_SET, BUILD_DICT } IrBuild;
typedef enum IrAdd { ADD_APPEND, ADD_EXTEND, ADD_SET_ADD, ADD_SET_UPDATE, ADD_DICT_UPDATE } IrAdd;

typedef enum IrConstKind {
    IRC_INT, IRC_BIGINT, IRC_FLOAT, IRC_BOOL, IRC_NONE, IRC_STR, IRC_BYTES, IRC_COMPLEX,
    IRC_ELLIPSIS,
} IrConstKind;

// A constant. Big ints keep their decimal digits in 's'; str constants their UTF-8 in 's'/'len',
// bytes constants their bytes; a complex constant (an imaginary literal) its imaginary part in 'f'.
// Object constants that need storage (str, big int, bytes, complex) have a module-wide 'id' (C
// name kc_<id>).
typedef struct IrConst {
    IrConstKind kind;
    int64_t i;
    double f;
    const char *s;
    size_t len;
    int id;
} IrConst;

// A register: a Python local ('name' set) or a temporary. One register per local, so a local's
// type is the join of everything assigned to it.
typedef struct IrReg {
    const Ty *ty;
    IrRep rep;
    Name name;
    bool is_param;
} IrReg;

typedef struct IrBlock IrBlock;

typedef struct IrInstr {
    IrOp op;
    int dst;  // register, or -1
    int *args;
    int nargs;
    int aux;
    IrConst *cst;
    IrBlock *target[2];
    IrBlock *err;  // error target of a raising op (set by pass_errors)
    IrBlock *handler;  // the innermost except/finally handler around it (lowering), or NULL
    int line;
    unsigned small;  // pass_small: bit k when args[k] is certainly a small int here, and
                     // IR_SMALL_RESULT on an INT_BINARY whose result is one too (it cannot fail)
} IrInstr;
#define IR_SMALL_RESULT (1u << 31)

// A basic block: instructions, the last one (and only it) a terminator.
struct IrBlock {
    int id;
    IrInstr **instrs;
    int count, cap;
};

typedef struct IrModule IrModule;

typedef struct IrFunc {
    IrModule *mod;
    Name name;          // Python name ("<module>" for the module body)
    const char *cname;  // native entry: kg_<module>__<name>
    const AstNode *node;
    int line;
    int *params;  // register ids, in order
    int nparams;
    const AstNode **defaults;  // per parameter: its default (a constant), or NULL
    // The signature (kr_sig): 'npos' positional parameters (the first 'nposonly' of them
    // positional-only), 'nkwonly' keyword-only ones, then *args and **kwargs when present.
    int nposonly, npos, nkwonly;
    bool varargs, varkw;
    const char *qualname;
    struct InferFunc *ifn;  // its inference facts
    bool has_closure;   // the native entry takes the function object first (closure cells)
    const Ty *ret_ty;
    IrRep ret_rep;
    IrReg *regs;
    int nregs, regs_cap;
    IrBlock **blocks;  // blocks[0] is the entry
    int nblocks, blocks_cap;
    IrBlock *unwind;   // the block that returns the error sentinel
    bool errors_inserted, refcounts_inserted;
    // Generators (lower_gen.c): the native entry of a generator function names its resume
    // function; the resume function has no parameters, keeps every register in the frame,
    // returns through g->retval and takes its 'gen_nargs' arguments from the frame (GEN_ARG).
    struct IrFunc *gen_resume;
    bool is_gen_resume;
    int gen_nargs;
    bool exported;  // other modules call its native entry directly (not static in the C)
    bool fast_int;  // pass_pure: computes only with ints; the backend gives it an int64 clone
    bool fast_entry;  // fast_int, and loops or recurses: calls from generic code try the clone
} IrFunc;

// A function of another module of the program that this one calls directly (IR_CALL_EXT): its
// native entry, 'cname', takes 'nparams' arguments of types 'param_tys'.
typedef struct IrExtern {
    Name name;
    const char *cname;
    const char *slot;  // its module's global of the function (exported too)
    const Ty **param_tys;
    int nparams;
    const Ty *ret_ty;
} IrExtern;

// A module global: a static kr_val slot (0 while unbound).
typedef struct IrGlobal {
    Name name;
    const Ty *ty;
} IrGlobal;

struct IrModule {
    Arena *arena;
    Interner *in;
    TyCtx *types;
    const char *path;  // the .py file, as the user named it (tracebacks)
    const char *name;  // module name, a C identifier
    IrProgram *prog;   // the program it belongs to
    IrUnit *unit;      // this module in it (name: the dotted name, "__main__" for the script)
    IrFunc **funcs;    // funcs[0] is the module body
    int nfuncs, funcs_cap;
    IrGlobal *globals;
    int nglobals, globals_cap;
    IrConst **consts;  // constants with an id
    int nconsts, consts_cap;
    IrExtern *externs;  // functions of other modules called directly
    int nexterns;
};

// The builtins a call of which with positional arguments only is IR_CALL_BUILTIN: a direct call
// of the runtime's C entry, without looking the name up or going through a generic call. The
// entry checks what the builtin object's vector call would check after unpacking (types,
// values), so the two cannot be told apart.
typedef enum IrBuiltinShape {
    IRB_FIXED,   // c(a0, .., an, pad..): optional arguments absent as 'pad'
    IRB_VECTOR,  // c(args, n, 0, 0): min() and max() without key= or default=
    IRB_STATUS,  // c(a0, a1) returning 1/0/-1 into a bool: isinstance, issubclass
    IRB_SORTED,  // kr_builtin_sorted(a0, 0, false): no key, not reversed
    IRB_TYPE,    // kr_call of builtin type c (kr_<c>_type) with the arguments
} IrBuiltinShape;

typedef struct IrBuiltin {
    const char *name;
    int min, max;  // how many arguments
    IrBuiltinShape shape;
    TyKind result;  // the kind of what it returns (its exact type), or TY_DYN
    const char *c;  // the C entry, or the type's C name
    const char *pad;
} IrBuiltin;

extern const IrBuiltin ir_builtins[];
// The entry of builtin 'name' for a call with 'nargs' positional arguments, or -1.
int ir_builtin_find(const char *name, int nargs);

extern const char *const ir_op_names[IR__COUNT];
int ir_op_nargs(IrOp op);  // -1: variadic
bool ir_op_raises(IrOp op);
bool ir_op_is_terminator(IrOp op);
// Whether this instruction can fail (FLOAT_BINARY + - * cannot, BOX of an int cannot...).
bool ir_instr_raises(const IrFunc *fn, const IrInstr *in);

IrModule *ir_module_new(Arena *a, Interner *in, const char *path, const char *name);
IrFunc *ir_func_new(IrModule *m, Name name, const char *cname);
int ir_global_find(const IrModule *m, Name name);  // -1 if absent
int ir_global_add(IrModule *m, Name name, const Ty *ty);
IrConst *ir_const_new(IrModule *m, IrConstKind kind);
int ir_reg_new(IrFunc *fn, const Ty *ty, Name name);
IrBlock *ir_block_new(IrFunc *fn);
IrInstr *ir_instr_new(IrFunc *fn, IrOp op, int dst, int nargs, int line);
void ir_append(IrFunc *fn, IrBlock *b, IrInstr *in);
// Inserts 'in' before position 'pos' of 'b'.
void ir_insert(IrFunc *fn, IrBlock *b, int pos, IrInstr *in);
IrInstr *ir_terminator(const IrBlock *b);  // NULL when 'b' is not terminated yet
// Drops the blocks no jump, branch or error edge reaches from the entry (the unwind block
// stays), renumbering the rest (after pass_errors: handlers are reached by error edges).
void ir_drop_unreached(IrFunc *fn);
// Keeps the blocks 'keep' marks (per block id), in order, renumbered.
void ir_keep_blocks(IrFunc *fn, const bool *keep);
// Liveness of registers over jumps, branches and error edges: per block, the registers live
// where it starts, as bitsets of IR_LIVE_WORDS(fn) words (bit r of word r / 64).
#define IR_LIVE_WORDS(fn) (((fn)->nregs + 63) / 64)
uint64_t **ir_liveness(const IrFunc *fn, Arena *a);
// The registers live before instruction k of 'b' (k == b->count: after its last one), into 'out'.
void ir_live_at(const IrFunc *fn, uint64_t *const *live, const IrBlock *b, int k, uint64_t *out);
// Immediate dominators over jumps, branches and error edges: per block, the block that
// immediately dominates it (the entry: itself; a block the entry does not reach: -1).
int *ir_dominators(const IrFunc *fn, Arena *a);
// Whether block 'a' dominates block 'b' (every path from the entry to 'b' goes through 'a').
bool ir_dominates(const int *idom, int a, int b);

// infer.c ----------------------------------------------------------------------------------------
// Type inference over a module: annotations, literals and operator result tables, joins of the
// assignments to each local and global, return types of module functions, parameters of
// functions only ever called directly from the join of their call sites, item types of lists no
// unseen code can reach. Sets 'ty' on every expression node it types. The module is taken to be
// the whole program: no other module calls its functions or reaches its lists.

typedef struct Infer Infer;
typedef struct InferFunc InferFunc;

// Per-function facts: the types of its locals and its return type.
struct InferFunc {
    Name name;
    const AstNode *node;  // FunctionDef, or the Module for the module body
    Scope *scope;
    Name *vars;           // locals, parameters first
    const Ty **var_tys;
    const Ty **var_bound;  // an annotation naming `float` (num, list[num]): the slot is that
                           // with float for num where every value entering it is, else it
    int nvars, vars_cap;
    int nparams;
    const Ty *ret_ty;
    bool ret_annotated;
    bool ret_num;  // returns annotated `float`: float where every return is, else num
    bool nested;  // not module-level: typed by infer_nested
    bool direct;  // a module-level function called directly: plain parameters, constant
                  // defaults, no decorator
    bool rebindable;  // direct, but something else may bind its name: a direct call is taken
                      // only while the global holds its own function object (lower_expr.c)
    bool closed;  // direct, and every use of it is a direct call inference sees: its
                  // unannotated parameters take the join of the arguments passed to them
    struct InferFacts *facts;  // infer.c's own per-function state
};

// 'external' lists globals other modules may rebind ('m.x = v', `from m import *` bindings):
// they hold dyn, and a function so named is never called directly. 'call_hook' (may be NULL)
// types the calls `f(...)` and `m.f(...)` whose callee name is a global: the result type of a
// function of another module, or NULL when it does not know it. 'importable': other modules
// may import this one, so calls of its functions are out of sight (none is closed: their
// unannotated parameters stay dyn).
typedef const Ty *(*InferCallHook)(void *ctx, const AstNode *call);
Infer *infer_module(Arena *a, Interner *in, TyCtx *types, Scope *top, const AstNode *mod,
                    const Name *external, int nexternal, InferCallHook call_hook,
                    void *hook_ctx, bool importable);
InferFunc *infer_func_of(Infer *inf, Name name);  // module-level function 'name', or NULL
InferFunc *infer_module_body(Infer *inf);
// The facts of a nested function, lambda or method ('node'), or of a class body (a ClassDef:
// its namespace names are dyn), computed on first request.
InferFunc *infer_nested(Infer *inf, const AstNode *node);
const Ty *infer_var_type(const InferFunc *f, Name name);  // NULL when not a local
const Ty *infer_global_type(Infer *inf, Name name);      // NULL when not a global
// The type an annotation expression denotes (NULL when not supported).
const Ty *infer_annotation(Infer *inf, const AstNode *ann);
// Whether 'name' is one of the typing names krait reads only in annotations.
bool infer_is_typing_name(const char *name);
// Whether 's' is `from typing import List, Optional, ...` of names krait reads in annotations at
// compile time: it binds nothing when it runs.
bool infer_is_typing_import(const AstNode *s);
// The type of a expression (after infer_module; also for nodes it did not visit).
const Ty *infer_expr_type(Infer *inf, InferFunc *f, const AstNode *e);
// The operator result table: 'a op b' where 'rhs' is the right operand's node.
const Ty *infer_binop_type(AstOp op, const Ty *a, const Ty *b, const AstNode *rhs);
// Whether math.<name> of a float is a float function krait calls directly (infer.c's table).
bool infer_is_math_float_function(const char *name);
// Whether comparing 'a' with 'b' by 'op' gives a C bool without calling into objects.
bool infer_compare_is_native(AstOp op, const Ty *a, const Ty *b);

// lower.c ----------------------------------------------------------------------------------------
// AST → IR for the supported subset. Anything else is reported through 'd' as
// "<construct> is not supported by krait yet". Returns NULL when something was reported.

IrModule *ir_lower_module(IrProgram *p, IrUnit *u);
// Whether the module-level function 'f' of an imported module can be called directly from
// other modules: a direct function (InferFunc.direct) whose parameter and return types need no
// interned type (int, float, bool, str, None, dyn). Its native entry is then exported.
bool ir_func_exportable(const InferFunc *f);
// The function 'name' of module 'from' if module 'u' may call it directly with the arguments of
// call 'e' (positional only, one per parameter): exportable, not shadowed by a submodule of the
// same name; NULL otherwise (also while 'from' is being inferred).
InferFunc *ir_extern_callee(IrProgram *p, const IrUnit *u, IrUnit *from, Name name,
                            const AstNode *e);
// The C name of module-level function 'name' of the module whose C name is 'modc'.
const char *ir_func_cname(Arena *a, const char *modc, Name name);
// The C name of its global (the slot holding the function object).
const char *ir_global_cname(Arena *a, const char *modc, Name name);

// print.c ----------------------------------------------------------------------------------------

void ir_print_module(const IrModule *m, FILE *out);
void ir_print_func(const IrFunc *fn, FILE *out);

// verify.c ---------------------------------------------------------------------------------------
// Checks the IR's invariants; on a violation prints it with the function and aborts (a krait bug).

void ir_verify(const IrFunc *fn);

// pass_*.c ---------------------------------------------------------------------------------------

// Inserts CHECK_BOUND before each read of a local that may not be assigned on some path.
void pass_bound(IrFunc *fn);
// Gives every raising instruction its error target: the innermost handler lowering recorded
// ('handler'), else the function's unwind block.
void pass_errors(IrFunc *fn);
// Makes reference counts explicit: INCREF/DECREF/XDECREF for kr_val registers, from liveness.
void pass_refcount(IrFunc *fn);
// Shares the error cleanup blocks of pass_refcount: each releases what the largest smaller
// cleanup with the same target does not, then jumps to it.
void pass_share(IrFunc *fn);
// Marks the functions of 'm' that compute only with ints (fast_int): int parameters and
// result, int arithmetic, comparisons, branches and direct calls of such functions, nothing
// else on their normal paths. The backend runs them on int64_t first (docs/design.md).
void pass_pure(IrModule *m);
// Marks the int operands that are certainly small ints (no big-int object) and the + and - of
// them that cannot overflow (no error edge then), and removes reference counting of small
// ints (a forward analysis: constants, list lengths, loop counters below them).
void pass_small(IrFunc *fn);
// The same analysis with the registers 'exact' marks known to hold exact lists (their lengths
// are then bounded): per block, per instruction, the bits pass_small would give (for the
// backend's cached loop versions, where those lists are checked exact).
unsigned **ir_small_bits(const IrFunc *fn, const bool *exact, Arena *a);

// Loop caches of list storage (pass_hoist.c; an analysis of the finished IR for the backend).
typedef enum IrCacheUse {
    CACHE_KEEP,              // leaves the caches valid
    CACHE_HIT,               // reads its list's cache (or math global's); a miss takes the
                             // generic path and leaves the cached version
    CACHE_REFRESH,           // may run code: the cached version leaves after it
    CACHE_REFRESH_BIG,       // int arithmetic: leaves when an operand or the result is big
    CACHE_REFRESH_SUBCLASS,  // a typed list read: leaves when the list is not an exact list
} IrCacheUse;
typedef struct IrLoopCaches {
    int nregions;            // loops with caches
    int *region;             // per block: its loop with caches, or -1
    int **regs, *nregs;      // per loop: the list registers it caches
    bool **ints;             // per loop, as 'regs': cached as a list of ints (else of floats)
    int **maths, *nmaths;    // per loop: the globals its MATH_INTACTs read
    bool *cached;            // per register: cached in some loop
    IrCacheUse **use;        // per block, per instruction (CACHE_KEEP outside loops)
    unsigned **small;        // per block, per instruction: the small bits (IrInstr.small) of
                             // the cached version (where the cached lists are exact lists)
} IrLoopCaches;
// The caches of 'fn', or NULL when no loop has any.
IrLoopCaches *ir_loop_caches(const IrFunc *fn, Arena *a);

// pipeline.c -------------------------------------------------------------------------------------

// The passes in order, for `krait emit-ir --after PASS`: "lower", "bound", "errors", "refcount",
// "share", "small".
extern const char *const ir_pass_names[];
bool ir_pass_known(const char *name);
// Lowers module 'u' of 'p' and runs the passes up to and including 'stop_after' (NULL: all).
// Returns NULL after reporting errors through u->d.
IrModule *ir_compile(IrProgram *p, IrUnit *u, const char *stop_after);

#endif
