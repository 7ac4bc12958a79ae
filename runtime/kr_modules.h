// kr_modules.h: module objects, the registry of built-in modules, and the modules written in C
// (module.c, sysmodule.c, mathmodule.c, itertools.c). Same conventions as krait.h: kr_val
// results are new references or 0 with a pending exception, statuses 0 / -1, doubles -1.0 with
// a pending exception, arguments borrowed unless a comment says otherwise.
#ifndef KR_MODULES_H
#define KR_MODULES_H

// ---------------------------------------------------------------------------------------------
// Module objects (module.c)

// A module: its attributes live in 'dict' (a dict, str keys), which always holds '__name__'.
// repr: "<module 'math' (built-in)>", or "<module 'x' from 'path'>" when '__file__' is a str.
typedef struct kr_module_obj {
    kr_obj ob;
    kr_val name;  // str
    kr_val dict;
    const struct kr_module_def *def;  // a module of the program (its globals), or NULL
    bool initializing;                // its body is running (a circular import sees it so)
} kr_module_obj;

extern kr_type kr_module_type;

#define KR_MODULE(v) ((kr_module_obj *)(v))
static inline bool kr_module_check(kr_val v) {
    return KR_IS_PTR(v) && kr_type_is_subtype(KR_OBJ(v)->type, &kr_module_type);
}
// The attribute dict of a module (borrowed).
static inline kr_val kr_module_dict(kr_val mod) { return KR_MODULE(mod)->dict; }

// A new empty module named 'name'.
KR_MUST_CHECK kr_val kr_module_new(const char *name);
// mod.name = value.
KR_MUST_CHECK int kr_module_add(kr_val mod, const char *name, kr_val value);
// mod.name = value, STEALING 'value' (which may be 0: then returns -1, the error pending), so
// that `kr_module_add_steal(m, "pi", kr_float_new(...))` needs no temporary.
KR_MUST_CHECK int kr_module_add_steal(kr_val mod, const char *name, kr_val value);
// mod.name = a builtin function calling 'fn' ("<built-in function name>").
KR_MUST_CHECK int kr_module_add_cfunc(kr_val mod, const char *name, kr_cfunc fn);
KR_MUST_CHECK int kr_module_add_int(kr_val mod, const char *name, int64_t value);
KR_MUST_CHECK int kr_module_add_float(kr_val mod, const char *name, double value);
KR_MUST_CHECK int kr_module_add_str(kr_val mod, const char *name, const char *value);
// mod.name (new reference) or AttributeError "module 'm' has no attribute 'x'".
KR_MUST_CHECK kr_val kr_module_getattr_cstr(kr_val mod, const char *name);

// ---------------------------------------------------------------------------------------------
// Built-in module registry (module.c)

// Creates a module and fills in its attributes (new reference, or 0 with an exception).
typedef kr_val (*kr_module_init)(void);

// `import name` of a built-in module: the module object, created by its init function on the
// first import and cached afterwards (CPython executes a module once). ModuleNotFoundError
// "No module named 'x'" for unknown names. A failed init is not cached.
KR_MUST_CHECK kr_val kr_import_builtin(const char *name);
// Adds a built-in module at run time (before its first import). Names already known are
// replaced. -1 with MemoryError.
KR_MUST_CHECK int kr_module_register(const char *name, kr_module_init init);

// ---------------------------------------------------------------------------------------------
// Modules of the program (module.c)
//
// Each Python module of a program is one generated C file whose globals are static kr_val slots
// (0 while unbound). It describes itself with a kr_module_def; the script's main() hands the
// table of every module to kr_program_modules. Importing one runs its 'exec' (the module body)
// once, at the first import, with the module object already in the registry (sys.modules), so
// that a circular import sees the partially initialised module, as in CPython. The module object
// reads and writes its globals through 'slots', so `m.x` sees every later rebinding by the
// module and `m.x = v` rebinds the module's global.

typedef struct kr_module_slot {
    const char *name;
    kr_val *slot;
} kr_module_slot;

typedef struct kr_module_def {
    const char *name;  // dotted: "pkg.sub"
    const char *file;  // __file__: the absolute path of the .py file
    bool is_package;   // an __init__.py
    kr_val (*exec)(void);  // runs the module body: None, or 0 with the exception pending
    const kr_module_slot *slots;
    int nslots;
    // Whether 'v' may be stored in slot 'i' (slots of a type inference proved; NULL: any).
    bool (*check)(int i, kr_val v);
} kr_module_def;

// The end of the program (main() returns what it returns): as CPython's shutdown, the script's
// globals ('main_slots'), then each imported module's, are finalized and released, unless
// 'main_slots' is NULL (the compiler proved no finalizer of the program could tell).
int kr_program_exit(int status, const kr_module_slot *main_slots);
// Whether kr_program_exit already ran the finalizer of 'o' (which is dying): forgets it.
bool kr_exit_finalized(kr_obj *o);
// Registers the modules of the program (called once by main(), before the script's body).
void kr_program_modules(const kr_module_def *const *defs, size_t n);
// `import name`: a module of the program (its parent packages first: `import a.b` imports 'a',
// then 'a.b', and binds 'b' in 'a'), else a built-in module, else ModuleNotFoundError
// "No module named 'x'". New reference. An exception in the module's body propagates and the
// module is forgotten, so a later import runs it again, as CPython does.
KR_MUST_CHECK kr_val kr_import(const char *name);
// `from mod import name`: mod.name, else the submodule mod.name of a package, else ImportError
// "cannot import name 'x' from 'm' (path)" (with "partially initialized module" while 'mod' is
// being imported).
KR_MUST_CHECK kr_val kr_import_from(kr_val mod, const char *name);
// Generated code calls a function of module 'mod' directly only once its global 'name' is bound;
// while it is not, this raises what reading mod.name raises (AttributeError). Returns -1.
KR_MUST_CHECK int kr_module_unbound(kr_val mod, const char *name);

// ---------------------------------------------------------------------------------------------
// sys (sysmodule.c)

kr_val kr_sysmodule_init(void);
kr_val kr_gcmodule_init(void);
// Sets sys.argv's source (the program's main passes its arguments; kr_runtime_init may too).
// The strings must stay valid for the program's lifetime; argv[0] is the program path.
void kr_sys_set_argv(int argc, char **argv);
// sys.exit(code): raises SystemExit(code) ('code' 0 means no argument). Returns 0.
kr_val kr_sys_exit(kr_val code);

// ---------------------------------------------------------------------------------------------
// math (mathmodule.c)
//
// Functions on unboxed doubles for typed code, with CPython's results and errors: the '_f'
// functions return -1.0 with a pending exception (ValueError "math domain error",
// OverflowError "math range error"); test kr_err_occurred() only after a -1.0.

kr_val kr_mathmodule_init(void);
// The math module once imported (0 before), and whether a module attribute may have been
// replaced since start-up (a module's setattr/delattr ran or its __dict__ was handed out).
// Compiled code calls the math functions on doubles directly while kr_math_intact holds for the
// object its `math` names.
extern kr_val kr_math_module;
extern bool kr_module_attrs_changed;
static inline bool kr_math_intact(kr_val m) {
    return m == kr_math_module && !kr_module_attrs_changed;
}
// functools (functoolsmodule.c): wraps and reduce.
kr_val kr_functoolsmodule_init(void);

#define KR_MATH_UNARY_F(X) \
    X(sqrt) X(exp) X(exp2) X(expm1) X(log) X(log2) X(log10) X(log1p) X(fabs) X(sin) X(cos) \
    X(tan) X(asin) X(acos) X(atan) X(sinh) X(cosh) X(tanh) X(asinh) X(acosh) X(atanh) \
    X(degrees) X(radians) X(erf) X(erfc) X(gamma) X(lgamma) X(cbrt) X(ulp)
#define KR_X_(f) KR_MUST_CHECK double kr_math_##f##_f(double x);
KR_MATH_UNARY_F(KR_X_)
#undef KR_X_
// math.sqrt inline: the hardware square root, the checked function for negatives and NaNs.
KR_INLINE_HOT KR_MUST_CHECK double kr_math_sqrt_inline(double x) {
    return KR_LIKELY(x >= 0.0) ? __builtin_sqrt(x) : kr_math_sqrt_f(x);
}
KR_MUST_CHECK double kr_math_pow_f(double x, double y);
KR_MUST_CHECK double kr_math_fmod_f(double x, double y);
KR_MUST_CHECK double kr_math_atan2_f(double y, double x);
KR_MUST_CHECK double kr_math_copysign_f(double x, double y);
KR_MUST_CHECK double kr_math_remainder_f(double x, double y);
KR_MUST_CHECK double kr_math_hypot2_f(double x, double y);
KR_MUST_CHECK double kr_math_fma_f(double x, double y, double z);
KR_MUST_CHECK double kr_math_ldexp_f(double x, int64_t i);
// floor/ceil/trunc of a double as a Python int (bigint when large; ValueError for nan,
// OverflowError for inf).
KR_MUST_CHECK kr_val kr_math_floor_f(double x);
KR_MUST_CHECK kr_val kr_math_ceil_f(double x);
// isclose(a, b, rel_tol=1e-09, abs_tol=0.0): 1/0, or -1 with ValueError for negative tolerances.
KR_MUST_CHECK int kr_math_isclose_f(double a, double b, double rel_tol, double abs_tol);
// The boxed functions for any argument types (math.gcd(*ints), math.factorial(n), ...).
KR_MUST_CHECK kr_val kr_math_gcd(const kr_val *args, size_t nargs);
KR_MUST_CHECK kr_val kr_math_factorial(kr_val n);
KR_MUST_CHECK kr_val kr_math_isqrt(kr_val n);
KR_MUST_CHECK kr_val kr_math_floor(kr_val x);
KR_MUST_CHECK kr_val kr_math_ceil(kr_val x);
KR_MUST_CHECK kr_val kr_math_log(kr_val x, kr_val base);  // base 0 when absent

// ---------------------------------------------------------------------------------------------
// itertools (itertools.c)
//
// Each iterator is a C type; the type objects are callable as in Python (itertools.count(5)).

kr_val kr_itertoolsmodule_init(void);

#define KR_ITERTOOLS_TYPES(X) \
    X(count) X(cycle) X(repeat) X(chain) X(islice) X(takewhile) X(dropwhile) X(filterfalse) \
    X(accumulate) X(starmap) X(product) X(permutations) X(combinations) \
    X(combinations_with_replacement) X(groupby) X(grouper) X(zip_longest) X(tee) \
    X(tee_dataobject) X(pairwise) X(batched) X(compress)
#define KR_X_(t) extern kr_type kr_itertools_##t##_type;
KR_ITERTOOLS_TYPES(KR_X_)
#undef KR_X_

// Direct constructors for generated code.
KR_MUST_CHECK kr_val kr_itertools_count_new(kr_val start, kr_val step);
KR_MUST_CHECK kr_val kr_itertools_islice_new(kr_val iterable, kr_val start, kr_val stop,
                                             kr_val step);  // None for defaults
KR_MUST_CHECK kr_val kr_itertools_chain_new(const kr_val *iterables, size_t n);

#endif
