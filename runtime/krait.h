// krait.h: the krait runtime, the only header generated C includes.
//
// Sections: values and objects (object.c), memory (gc.c), types and slots, errors and exceptions
// (exc.c), int (int.c), float (float.c), the core of str and tuple every module needs (str.c,
// tuple.c), generic operations (object.c), builtins (builtins.c). kr_str.h and kr_containers.h,
// included at the end, declare the rest of str/bytes and the containers.
//
// Conventions (DESIGN.md §2, §3, §5):
//   * A kr_val is one machine word: low bit 1 = small int, 0 = the error sentinel, otherwise a
//     pointer to a kr_obj.
//   * Functions returning kr_val return a NEW reference, or 0 with a pending exception.
//     Status functions return 0 on success, -1 with a pending exception. Predicates return
//     1/0, or -1 with a pending exception. Functions returning double return -1.0 and set the
//     pending exception on error; the caller tests kr_err_occurred() only after a -1.0.
//   * Arguments are BORROWED unless a comment says the function steals them.
//   * Immortal objects (singletons, static type objects, constants) ignore refcount operations.
#ifndef KRAIT_H
#define KRAIT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// ---------------------------------------------------------------------------------------------
// Values and objects (object.c)

typedef uintptr_t kr_val;
typedef struct kr_type kr_type;

// Every heap or static object starts with this header. 'rc' is the reference count;
// rc >= KR_RC_IMMORTAL marks an immortal object whose count is never changed.
typedef struct kr_obj {
    intptr_t rc;
    const kr_type *type;
} kr_obj;

#define KR_MUST_CHECK __attribute__((warn_unused_result))
// Inline fast paths of typed code: inlined even into large generated functions.
#define KR_INLINE_HOT static inline __attribute__((always_inline))
#define KR_NORETURN _Noreturn
#define KR_LIKELY(x) __builtin_expect(!!(x), 1)
#define KR_UNLIKELY(x) __builtin_expect(!!(x), 0)

#define KR_ERR ((kr_val)0)
#define KR_RC_IMMORTAL ((intptr_t)1 << 60)
// Static initializer of an immortal object header of type 't' (a kr_type *).
#define KR_STATIC_HEADER(t) { KR_RC_IMMORTAL, (t) }

// Small ints: 63-bit two's complement in the upper bits of the word.
#define KR_SMALL_MAX (INTPTR_MAX >> 1)
#define KR_SMALL_MIN (INTPTR_MIN >> 1)
#define KR_IS_SMALL(v) (((v) & 1) != 0)
#define KR_IS_PTR(v) (((v) & 1) == 0)
#define KR_SMALL_VALUE(v) ((intptr_t)(v) >> 1)
#define KR_FROM_SMALL(i) ((kr_val)(((uintptr_t)(intptr_t)(i) << 1) | 1))
#define KR_FITS_SMALL(i) ((i) >= KR_SMALL_MIN && (i) <= KR_SMALL_MAX)

#define KR_OBJ(v) ((kr_obj *)(v))
#define KR_VAL(o) ((kr_val)(o))
#define KR_TYPE(v) (KR_IS_SMALL(v) ? &kr_int_type : KR_OBJ(v)->type)
#define KR_IS_IMMORTAL(o) ((o)->rc >= KR_RC_IMMORTAL)

void kr_dealloc(kr_obj *o);
KR_NORETURN void kr_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
KR_NORETURN void kr_fatal_refcount(kr_obj *o);

// Reference counting. 'v' must not be 0 (use the X variants for values that may be 0).
static inline void kr_incref(kr_val v) {
    if (KR_IS_PTR(v)) {
        kr_obj *o = KR_OBJ(v);
        if (!KR_IS_IMMORTAL(o)) {
            o->rc++;
        }
    }
}

static inline void kr_decref(kr_val v) {
    if (KR_IS_PTR(v)) {
        kr_obj *o = KR_OBJ(v);
        if (!KR_IS_IMMORTAL(o)) {
#ifndef NDEBUG
            if (KR_UNLIKELY(o->rc <= 0)) {
                kr_fatal_refcount(o);
            }
#endif
            if (--o->rc == 0) {
                kr_dealloc(o);
            }
        }
    }
}

#define KR_INCREF(v) kr_incref((kr_val)(v))
#define KR_DECREF(v) kr_decref((kr_val)(v))
#define KR_XINCREF(v) do { kr_val kr_x_ = (kr_val)(v); if (kr_x_) { kr_incref(kr_x_); } } while (0)
#define KR_XDECREF(v) do { kr_val kr_x_ = (kr_val)(v); if (kr_x_) { kr_decref(kr_x_); } } while (0)
// Replace the reference held in lvalue 'slot' by 'v' (stolen), releasing the old one.
#define KR_SETREF(slot, v)     \
    do {                       \
        kr_val kr_old_ = (slot); \
        (slot) = (v);          \
        KR_XDECREF(kr_old_);   \
    } while (0)
#define KR_CLEAR(slot) KR_SETREF(slot, 0)

// Return a new reference to 'v'.
static inline kr_val kr_newref(kr_val v) {
    kr_incref(v);
    return v;
}

// Runtime start-up: call first thing in main(). Initializes the collector, GMP's allocator,
// the main thread's state and sys.argv's source.
void kr_runtime_init(int argc, char **argv);

// ---------------------------------------------------------------------------------------------
// Memory (gc.c)
//
// With Boehm (default), object memory is GC memory: GC_MALLOC for anything holding pointers,
// GC_MALLOC_ATOMIC for pointer-free data; kr_free returns it at refcount zero and Boehm's
// tracing reclaims cycles. With KRAIT_RT_MALLOC, everything is malloc/free and cycles leak
// (so that ASan/LSan/valgrind see every allocation).

// Every block that holds kr_vals or pointers to objects must come from kr_alloc (never from
// malloc): Boehm only sees pointers stored in GC memory, static data and stacks.
// Zeroed memory that may hold pointers. NULL with MemoryError on failure.
KR_MUST_CHECK void *kr_alloc(size_t size);
// Memory that holds no pointers the collector must see. Not zeroed. NULL + MemoryError.
KR_MUST_CHECK void *kr_alloc_atomic(size_t size);
// Resize memory from kr_alloc/kr_alloc_atomic (same kind). NULL + MemoryError ('p' intact).
KR_MUST_CHECK void *kr_realloc(void *p, size_t size);
void kr_free(void *p);
// New object of 'type' with 'size' bytes (>= sizeof(kr_obj)), rc 1, zeroed past the header
// unless the type is KR_TF_ATOMIC. Registers a finalizer when the type has one.
KR_MUST_CHECK kr_obj *kr_obj_new(const kr_type *type, size_t size);
// Run a full collection plus pending finalizers (gc.collect()). Returns the number of
// unreachable objects finalized (Boehm does not report the count of plain objects freed).
intptr_t kr_gc_collect(void);
// Whether the tracing collector is in use (false with KRAIT_RT_MALLOC).
bool kr_gc_is_tracing(void);
// gc.enable()/gc.disable()/gc.isenabled(): automatic collections on or off.
void kr_gc_set_enabled(bool on);
bool kr_gc_is_enabled(void);
// Set up the collector and GMP's allocator (kr_runtime_init calls it).
void kr_gc_init(void);
// The top (highest address) of the main thread's stack, from where its arguments and
// environment lie; 0 when unknown. Call it from the main thread.
uintptr_t kr_main_stack_top(void);
// Make [start, start + size) a root the collector scans / stop scanning it (no-ops without
// the tracing collector).
void kr_gc_add_root(void *start, size_t size);
void kr_gc_remove_root(void *start, size_t size);
// Drop the collector's finalizer of 'o' before it is freed at refcount zero.
void kr_gc_forget_finalizer(kr_obj *o);

// ---------------------------------------------------------------------------------------------
// Types and slots

// Rich comparison operators, in CPython's order.
enum { KR_LT = 0, KR_LE = 1, KR_EQ = 2, KR_NE = 3, KR_GT = 4, KR_GE = 5 };

// Binary operators: enum name, function suffix, operator text (as in error messages), dunder.
#define KR_BINOPS(X)                                   \
    X(ADD, add, "+", "__add__")                        \
    X(SUB, sub, "-", "__sub__")                        \
    X(MUL, mul, "*", "__mul__")                        \
    X(MATMUL, matmul, "@", "__matmul__")               \
    X(TRUEDIV, truediv, "/", "__truediv__")            \
    X(FLOORDIV, floordiv, "//", "__floordiv__")        \
    X(MOD, mod, "%", "__mod__")                        \
    X(DIVMOD, divmod, "divmod()", "__divmod__")        \
    X(POW, pow, "** or pow()", "__pow__")              \
    X(LSHIFT, lshift, "<<", "__lshift__")              \
    X(RSHIFT, rshift, ">>", "__rshift__")              \
    X(AND, and, "&", "__and__")                        \
    X(XOR, xor, "^", "__xor__")                        \
    X(OR, or, "|", "__or__")

typedef enum {
#define KR_X_(e, f, op, d) KR_OP_##e,
    KR_BINOPS(KR_X_)
#undef KR_X_
    KR_OP_COUNT
} kr_binop;

typedef kr_val (*kr_unaryfunc)(kr_val);
typedef kr_val (*kr_binaryfunc)(kr_val, kr_val);
typedef kr_val (*kr_ternaryfunc)(kr_val, kr_val, kr_val);
typedef int (*kr_inquiry)(kr_val);
typedef intptr_t (*kr_hashfunc)(kr_val);  // -1 on error
typedef intptr_t (*kr_lenfunc)(kr_val);   // -1 on error
typedef kr_val (*kr_richcmpfunc)(kr_val, kr_val, int op);
// Vector call: 'args' holds 'nargs' positional arguments followed by one value per name in
// 'kwnames' (a tuple of str, or 0 when there are no keywords).
typedef kr_val (*kr_callfunc)(kr_val callable, const kr_val *args, size_t nargs, kr_val kwnames);
// A builtin method: 'self' is the bound object (0 for plain builtin functions).
typedef kr_val (*kr_cfunc)(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames);
typedef void (*kr_visitfunc)(kr_val child, void *arg);

// Number protocol. Binary slots follow CPython: the slot of either operand's type is called
// with the operands in their original order and returns kr_notimplemented() when it cannot
// handle the pair. 'power' is the 3-argument pow(a, b, m) (m is None for a ** b).
typedef struct kr_number_methods {
    kr_binaryfunc binop[KR_OP_COUNT];
    kr_binaryfunc inplace[KR_OP_COUNT];  // optional; falls back to binop
    kr_ternaryfunc power;
    kr_unaryfunc neg, pos, abs, invert;
    kr_inquiry is_true;     // __bool__
    kr_unaryfunc to_int;    // __int__
    kr_unaryfunc to_float;  // __float__
    kr_unaryfunc index;     // __index__
} kr_number_methods;

// Sequence and mapping protocol. 'setitem' and 'delitem' return 0 / -1; 'contains' 1/0/-1.
typedef struct kr_mapping_methods {
    kr_lenfunc len;
    kr_binaryfunc getitem;
    int (*setitem)(kr_val obj, kr_val key, kr_val value);
    int (*delitem)(kr_val obj, kr_val key);
    int (*contains)(kr_val obj, kr_val item);
} kr_mapping_methods;

enum { KR_METH_CLASS = 1, KR_METH_STATIC = 2 };

// Methods and attributes of builtin types, terminated by an entry with a NULL name.
typedef struct kr_method_def {
    const char *name;
    kr_cfunc fn;  // for KR_METH_CLASS, 'self' is the type object
    int flags;
} kr_method_def;

typedef struct kr_getset_def {
    const char *name;
    kr_val (*get)(kr_val self);
    int (*set)(kr_val self, kr_val value);  // NULL: read-only; 'value' 0 means delete
} kr_getset_def;

// Type flags.
enum {
    KR_TF_ATOMIC = 1 << 0,     // instances hold no pointers (Boehm need not scan them)
    KR_TF_BASETYPE = 1 << 1,   // may be subclassed
    KR_TF_HEAPTYPE = 1 << 2,   // allocated at run time (user classes)
    KR_TF_INT_SUB = 1 << 3,    // fast subclass checks
    KR_TF_FLOAT_SUB = 1 << 4,
    KR_TF_STR_SUB = 1 << 5,
    KR_TF_TUPLE_SUB = 1 << 6,
    KR_TF_LIST_SUB = 1 << 7,
    KR_TF_DICT_SUB = 1 << 8,
    KR_TF_EXC_SUB = 1 << 9,    // BaseException and its subclasses
    KR_TF_TYPE_SUB = 1 << 10,
    KR_TF_BYTES_SUB = 1 << 11,
};

// A type object. Builtin types are static and immortal. Slots left NULL fall back to the
// base type's slot (the generic operations walk 'base') or to CPython's default behaviour.
struct kr_type {
    kr_obj ob;
    const char *name;      // __name__: "int", "ZeroDivisionError"
    const char *qualname;  // __qualname__ ("Outer.Inner"); NULL means 'name'
    const char *module;    // __module__ of user classes; NULL means builtins
    const kr_type *base;   // NULL only for object
    size_t basicsize;      // instance size in bytes (fixed part)
    unsigned flags;

    // Releases what 'o' holds (decref children, free side buffers). The runtime frees 'o'.
    void (*dealloc)(kr_obj *o);
    // Calls 'visit' on each kr_val 'o' holds (for debugging and future cycle collection).
    void (*traverse)(kr_obj *o, kr_visitfunc visit, void *arg);
    // __del__: runs before dealloc at refcount zero, or from the collector for cyclic garbage.
    void (*finalize)(kr_obj *o);
    // Returns the memory of a dead object (after dealloc); NULL means kr_free. Types with a
    // free list (float) keep it for reuse.
    void (*free)(kr_obj *o);

    kr_unaryfunc repr;
    kr_unaryfunc str;
    kr_hashfunc hash;
    kr_richcmpfunc richcompare;
    kr_unaryfunc iter;
    // Next item, or 0 with NO pending exception at exhaustion, or 0 with an exception.
    kr_unaryfunc iternext;
    kr_callfunc call;
    kr_val (*getattr)(kr_val obj, kr_val name);             // 'name' is a str
    int (*setattr)(kr_val obj, kr_val name, kr_val value);  // 'value' 0 means delete
    // Called when the type object is called: int("5"), ValueError("x").
    kr_val (*new)(const kr_type *type, const kr_val *args, size_t nargs, kr_val kwnames);

    const kr_number_methods *number;
    const kr_mapping_methods *mapping;
    const kr_method_def *methods;
    const kr_getset_def *getset;
    kr_val dict;  // class attributes of heap types; 0 for builtin types
};

extern kr_type kr_type_type;
extern kr_type kr_object_type;
extern kr_type kr_none_type;
extern kr_type kr_notimplemented_type;
extern kr_type kr_ellipsis_type;
extern kr_type kr_int_type;
extern kr_type kr_bool_type;
extern kr_type kr_float_type;
extern kr_type kr_str_type;    // str.c
extern kr_type kr_tuple_type;  // tuple.c
extern kr_type kr_cfunction_type;

// Singletons.
typedef struct kr_bool_obj {
    kr_obj ob;
    kr_val ival;  // the small int 0 or 1
} kr_bool_obj;

extern kr_obj kr_none_obj;
extern kr_obj kr_notimplemented_obj;
extern kr_obj kr_ellipsis_obj;
extern kr_bool_obj kr_true_obj;
extern kr_bool_obj kr_false_obj;

#define KR_NONE ((kr_val)&kr_none_obj)
#define KR_NOTIMPLEMENTED ((kr_val)&kr_notimplemented_obj)
#define KR_ELLIPSIS ((kr_val)&kr_ellipsis_obj)
#define KR_TRUE ((kr_val)&kr_true_obj)
#define KR_FALSE ((kr_val)&kr_false_obj)

// Singletons are immortal, so these need no incref.
static inline kr_val kr_bool(bool b) { return b ? KR_TRUE : KR_FALSE; }
static inline kr_val kr_none(void) { return KR_NONE; }
static inline kr_val kr_notimplemented(void) { return KR_NOTIMPLEMENTED; }

// Subtype test along the 'base' chain.
bool kr_type_is_subtype(const kr_type *t, const kr_type *base);
static inline bool kr_isinstance_type(kr_val v, const kr_type *t) {
    const kr_type *vt = KR_TYPE(v);
    return vt == t || kr_type_is_subtype(vt, t);
}
static inline const char *kr_type_name(kr_val v) { return KR_TYPE(v)->name; }
// Find a method or getset by name along the base chain (NULL when absent).
const kr_method_def *kr_type_find_method(const kr_type *t, const char *name);
const kr_getset_def *kr_type_find_getset(const kr_type *t, const char *name);
// The method 'name' of 't' when no getset of that name comes first (the generic lookup's order).
const kr_method_def *kr_type_find_plain_method(const kr_type *t, const char *name);

// Builtin function or bound builtin method. Static ones come from KR_CFUNCTION_STATIC.
// 'owner' is the type a method belongs to (NULL for plain functions); 'unbound' methods
// (int.bit_length) take 'self' from their first argument.
typedef struct kr_cfunction_obj {
    kr_obj ob;
    const char *name;
    kr_cfunc fn;
    kr_val self;  // bound object (owned), or 0
    const kr_type *owner;
    bool unbound;
    bool slot_wrapper;  // a special method calling a type slot (slotwrap.c)
    kr_val module;  // __module__ of a module's function (str, owned), or 0: see object.c
} kr_cfunction_obj;

#define KR_CFUNCTION_STATIC(cname, pyname, fn) \
    kr_cfunction_obj cname = {                 \
        KR_STATIC_HEADER(&kr_cfunction_type), (pyname), (fn), 0, NULL, false, false, 0 \
    }
KR_MUST_CHECK kr_val kr_cfunction_new(const char *name, kr_cfunc fn, kr_val self);
// slotwrap.c: the special method 'name' ("__add__") that the builtin type 't' itself provides
// through its slots, as an unbound builtin method (None for the __hash__ of an unhashable
// type); 0 without an exception when 't' provides none.
KR_MUST_CHECK kr_val kr_slotwrap_lookup(const kr_type *t, const char *name);
// The special method 'name' of the builtin object 'obj', bound; 0 without an exception when
// its type provides none.
KR_MUST_CHECK kr_val kr_slotwrap_bound(kr_val obj, const char *name);
// genericalias.c: cls[key] for a type 'cls' (list[int] is a types.GenericAlias; a user class
// calls its __class_getitem__); a | b for types, None and those (a types.UnionType, or
// NotImplemented); the checks isinstance makes; a union's members (borrowed tuple).
KR_MUST_CHECK kr_val kr_type_subscript(kr_val cls, kr_val key);
KR_MUST_CHECK kr_val kr_type_or(kr_val a, kr_val b);
bool kr_genericalias_check(kr_val v);
bool kr_union_check(kr_val v);
kr_val kr_union_args(kr_val u);

// Hash slot of unhashable types (list, dict, set): TypeError "unhashable type: 'list'".
intptr_t kr_hash_unhashable(kr_val v);
// CPython's identity hash (object.__hash__).
intptr_t kr_hash_pointer(const void *p);

// ---------------------------------------------------------------------------------------------
// Errors and exceptions (exc.c)

// One traceback entry; the list starts at the outermost frame (printed first).
typedef struct kr_tb_entry {
    struct kr_tb_entry *next;
    const char *file;
    const char *func;
    int line;
} kr_tb_entry;

// Every builtin exception instance. 'extra' holds per-type attributes: StopIteration.value,
// SystemExit.code, OSError (errno, strerror, filename, filename2), ImportError (name, path),
// BaseExceptionGroup (message, exceptions tuple). ExceptionGroup's base is Exception (a type
// has one base): exc.c treats it as a BaseExceptionGroup too (kr_exc_is_group).
typedef struct kr_exc_obj {
    kr_obj ob;
    kr_val args;     // tuple
    kr_val cause;    // __cause__, 0 = None
    kr_val context;  // __context__, 0 = None
    kr_val notes;    // __notes__, 0 = absent
    bool suppress_context;
    kr_tb_entry *tb;  // __traceback__, NULL = None
    kr_val extra[4];
    kr_val dict;      // attributes of user subclasses, 0 until set
} kr_exc_obj;

// Per-thread interpreter state. Its address range is a GC root (Boehm does not scan
// thread-local storage by itself): kr_thread_state_init registers it for the calling thread
// and kr_thread_state_fini must unregister it before a thread exits.
#define KR_FLOAT_FREE_MAX 100
typedef struct kr_tstate {
    kr_val exc;           // pending exception (an instance), 0 = none
    kr_val handling;      // exception being handled in an except block (sys.exception())
    int depth;            // Python-level call depth
    uintptr_t stack_low;  // lowest C stack address considered safe
    int float_free_count;  // float.c's free list of dead floats
    void *float_free[KR_FLOAT_FREE_MAX];
    void *fast_jmp;       // the jmp_buf of the innermost kr_fast_run (int fast paths)
    int fast_off;         // > 0: int fast paths are off (a generic rerun is going on)
} kr_tstate;

extern _Thread_local kr_tstate kr_ts;
extern int kr_recursion_limit;

// The builtin exception hierarchy: name, base. Type objects are kr_exc_<Name>.
#define KR_EXCEPTIONS(X)                                  \
    X(BaseException, object)                              \
    X(BaseExceptionGroup, BaseException)                  \
    X(GeneratorExit, BaseException)                       \
    X(KeyboardInterrupt, BaseException)                   \
    X(SystemExit, BaseException)                          \
    X(Exception, BaseException)                           \
    X(ExceptionGroup, Exception)                          \
    X(ArithmeticError, Exception)                         \
    X(FloatingPointError, ArithmeticError)                \
    X(OverflowError, ArithmeticError)                     \
    X(ZeroDivisionError, ArithmeticError)                 \
    X(AssertionError, Exception)                          \
    X(AttributeError, Exception)                          \
    X(BufferError, Exception)                             \
    X(EOFError, Exception)                                \
    X(ImportError, Exception)                             \
    X(ModuleNotFoundError, ImportError)                   \
    X(LookupError, Exception)                             \
    X(IndexError, LookupError)                            \
    X(KeyError, LookupError)                              \
    X(MemoryError, Exception)                             \
    X(NameError, Exception)                               \
    X(UnboundLocalError, NameError)                       \
    X(OSError, Exception)                                 \
    X(BlockingIOError, OSError)                           \
    X(ChildProcessError, OSError)                         \
    X(ConnectionError, OSError)                           \
    X(BrokenPipeError, ConnectionError)                   \
    X(ConnectionAbortedError, ConnectionError)            \
    X(ConnectionRefusedError, ConnectionError)            \
    X(ConnectionResetError, ConnectionError)              \
    X(FileExistsError, OSError)                           \
    X(FileNotFoundError, OSError)                         \
    X(InterruptedError, OSError)                          \
    X(IsADirectoryError, OSError)                         \
    X(NotADirectoryError, OSError)                        \
    X(PermissionError, OSError)                           \
    X(ProcessLookupError, OSError)                        \
    X(TimeoutError, OSError)                              \
    X(ReferenceError, Exception)                          \
    X(RuntimeError, Exception)                            \
    X(NotImplementedError, RuntimeError)                  \
    X(PythonFinalizationError, RuntimeError)              \
    X(RecursionError, RuntimeError)                       \
    X(StopAsyncIteration, Exception)                      \
    X(StopIteration, Exception)                           \
    X(SyntaxError, Exception)                             \
    X(IndentationError, SyntaxError)                      \
    X(TabError, IndentationError)                         \
    X(SystemError, Exception)                             \
    X(TypeError, Exception)                               \
    X(ValueError, Exception)                              \
    X(UnicodeError, ValueError)                           \
    X(UnicodeDecodeError, UnicodeError)                   \
    X(UnicodeEncodeError, UnicodeError)                   \
    X(UnicodeTranslateError, UnicodeError)                \
    X(Warning, Exception)                                 \
    X(BytesWarning, Warning)                              \
    X(DeprecationWarning, Warning)                        \
    X(EncodingWarning, Warning)                           \
    X(FutureWarning, Warning)                             \
    X(ImportWarning, Warning)                             \
    X(PendingDeprecationWarning, Warning)                 \
    X(ResourceWarning, Warning)                           \
    X(RuntimeWarning, Warning)                            \
    X(SyntaxWarning, Warning)                             \
    X(UnicodeWarning, Warning)                            \
    X(UserWarning, Warning)

#define KR_X_(name, base) extern kr_type kr_exc_##name;
KR_EXCEPTIONS(KR_X_)
#undef KR_X_

// Raise the preallocated MemoryError. Returns 0.
kr_val kr_err_no_memory(void);
// Pending exception state.
static inline kr_val kr_err_occurred(void) { return kr_ts.exc; }
// Raise 'type' with a printf-formatted message. Always returns 0 (kr_val error sentinel), so
// callers can write `return kr_err_set(&kr_exc_TypeError, "...");`.
kr_val kr_err_set(const kr_type *type, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
kr_val kr_err_setv(const kr_type *type, const char *fmt, va_list ap);
// Raise 'type' with args (value,) — KeyError(key), StopIteration(value). Returns 0.
kr_val kr_err_set_value(const kr_type *type, kr_val value);
// Raise 'type' with no arguments. Returns 0.
kr_val kr_err_set_none(const kr_type *type);
// Raise OSError (or the errno-specific subclass) from 'errnum', with optional 'filename'.
kr_val kr_err_set_errno(int errnum, kr_val filename);
// Raise an exception instance or class (the `raise x` statement), STEALING 'exc'. Sets
// __context__ from the exception being handled. Returns 0.
kr_val kr_err_raise(kr_val exc);
// `raise exc from cause` ('cause' may be None; both stolen). Returns 0.
kr_val kr_err_raise_from(kr_val exc, kr_val cause);
// Take the pending exception (new reference, 0 if none) and clear it.
KR_MUST_CHECK kr_val kr_err_fetch(void);
// Make 'exc' (stolen, may be 0) the pending exception, dropping any previous one.
void kr_err_restore(kr_val exc);
void kr_err_clear(void);
// Whether the pending exception is an instance of 'type' (or a subclass).
bool kr_err_matches(const kr_type *type);
// Whether 'exc' (an instance) matches 'cls', a type or a tuple of types (except clauses).
// 1/0, or -1 (TypeError) when 'cls' is not an exception class.
int kr_exc_matches(kr_val exc, kr_val cls);
// Append a traceback entry to the pending exception (as the frame unwinds).
void kr_traceback_add(const char *file, int line, const char *func);
// Except blocks: enter with the caught exception (borrowed), restore the previous on exit.
kr_val kr_exc_enter_handler(kr_val exc);
void kr_exc_leave_handler(kr_val previous);
// Whether 'v' is an exception group (BaseExceptionGroup, ExceptionGroup or a subclass).
bool kr_exc_is_group(kr_val v);
// Create an instance of exception class 'type' from args (new reference).
KR_MUST_CHECK kr_val kr_exc_new(const kr_type *type, const kr_val *args, size_t nargs);
static inline bool kr_exc_check(kr_val v) {
    return KR_IS_PTR(v) && (KR_OBJ(v)->type->flags & KR_TF_EXC_SUB);
}
// Print the traceback of 'exc' (borrowed) to stderr in CPython's format, with its chain.
void kr_exc_print(kr_val exc);
// Handle the pending uncaught exception at the top level: SystemExit gives its status,
// anything else prints the traceback. Returns the process exit status.
int kr_exc_handle_uncaught(void);

// Recursion guard: call kr_enter_call on entry to every Python function and kr_leave_call on
// exit. Raises RecursionError ("maximum recursion depth exceeded") past kr_recursion_limit
// frames or when the C stack is nearly exhausted; then the call must not proceed.
int kr_recursion_error(void);
// The stack is measured by the address of a local ('here'), not __builtin_frame_address(0),
// which makes gcc keep a frame pointer in every function it is inlined into (one register
// fewer: nbody's inner loop spilled its counters).
static inline KR_MUST_CHECK int kr_enter_call(void) {
    char here;
    if (KR_UNLIKELY(++kr_ts.depth > kr_recursion_limit
                    || (uintptr_t)&here < kr_ts.stack_low)) {
        return kr_recursion_error();
    }
    return 0;
}
static inline void kr_leave_call(void) { kr_ts.depth--; }
// The guard of a function that calls no Python code (nothing can start above its frame): the
// same limit, checked without counting; no kr_leave_call.
static inline KR_MUST_CHECK int kr_enter_leaf_call(void) {
    if (KR_UNLIKELY(kr_ts.depth >= kr_recursion_limit)) {
        kr_ts.depth++;
        return kr_recursion_error();
    }
    return 0;
}
// Int fast paths (DESIGN: docs/design.md "Int fast paths"). A function the compiler proves to
// compute only with ints gets a clone on int64_t values that takes, after its arguments, the
// number of frames it may still open ('budget'). On anything it cannot finish exactly (an
// int64 overflow, a division by zero, the budget spent) the clone calls kr_fast_bail, which
// unwinds every clone frame at once; its caller then reruns the generic function, which
// raises or promotes to big ints exactly as CPython. kr_fast_run calls fn(args, budget) with
// the budget the recursion limit and the C stack leave: 0 with the result in *out, -1 when
// the clone bailed out.
typedef int64_t (*kr_fast_fn)(const int64_t *args, int64_t budget);
int kr_fast_run(kr_fast_fn fn, const int64_t *args, int64_t *out);
__attribute__((noreturn, cold)) void kr_fast_bail(void);
// Set up the calling thread's state: stack limit, GC root (kr_runtime_init does it for the
// main thread). kr_thread_state_fini releases it at thread exit.
void kr_thread_state_init(void);
void kr_thread_state_fini(void);

// ---------------------------------------------------------------------------------------------
// int (int.c). Small ints are tagged; bigger values are GMP bigints (opaque here).
// "int" functions accept bool wherever an int is accepted.

static inline bool kr_int_check(kr_val v) {
    return KR_IS_SMALL(v) || (KR_OBJ(v)->type->flags & KR_TF_INT_SUB);
}
static inline bool kr_int_check_exact(kr_val v) {
    return KR_IS_SMALL(v) || KR_OBJ(v)->type == &kr_int_type;
}

KR_MUST_CHECK kr_val kr_int_from_i64(int64_t i);
KR_MUST_CHECK kr_val kr_int_from_u64(uint64_t u);
// Exact value; -1 with OverflowError ("Python int too large to convert to C long").
KR_MUST_CHECK int kr_int_as_i64(kr_val v, int64_t *out);
// Index conversion (__index__), e.g. for sequence indices: -1 + error; OverflowError
// "cannot fit 'int' into an index-sized integer".
KR_MUST_CHECK int kr_index_as_ssize(kr_val v, intptr_t *out);
// operator.index(v): an int (new reference) or TypeError.
KR_MUST_CHECK kr_val kr_index(kr_val v);
// int(x): from int, bool, float, str, or objects with __int__/__index__.
KR_MUST_CHECK kr_val kr_int_from_val(kr_val v);
// int(s, base) from UTF-8 text, with CPython's rules and messages. 'base' 0 or 2..36.
KR_MUST_CHECK kr_val kr_int_from_string(const char *s, size_t n, int base);
// The text int() and float() parse: non-ASCII decimal digits (any script) become ASCII digits,
// Unicode spaces become ' ', other non-ASCII characters '?' (as CPython's
// _PyUnicode_TransformDecimalAndSpaceToASCII). Returns 0 when 's' is all ASCII (parse it as
// is), 1 with '*out' a NUL-terminated kr_alloc_atomic buffer of '*n_out' bytes (release with
// kr_free), -1 with MemoryError.
KR_MUST_CHECK int kr_numeric_text_to_ascii(const char *s, size_t n, char **out, size_t *n_out);
// Decimal text (new str). Raises ValueError past the int_max_str_digits limit.
KR_MUST_CHECK kr_val kr_int_repr(kr_val v);
// The digits of 'v' in 'base' (2..36), with '-' when negative and 'prefix' (NULL, "0x", ...).
// Returns a NUL-terminated string from kr_alloc_atomic (release with kr_free), or NULL.
KR_MUST_CHECK char *kr_int_to_cstr(kr_val v, int base, const char *prefix);
// hex(), oct(), bin() of an int.
KR_MUST_CHECK kr_val kr_int_format_base(kr_val v, int base);
KR_MUST_CHECK double kr_int_as_double(kr_val v);  // OverflowError when too large
KR_MUST_CHECK kr_val kr_int_from_double(double d);  // truncates; errors for inf/nan
intptr_t kr_int_hash(kr_val v);
int kr_int_sign(kr_val v);  // -1, 0, 1
KR_MUST_CHECK kr_val kr_int_bit_length(kr_val v);
// Comparison of two ints: <0, 0, >0.
int kr_int_compare(kr_val a, kr_val b);
// sys.set_int_max_str_digits / get: 0 disables the limit; otherwise >= 640.
KR_MUST_CHECK int kr_int_set_max_str_digits(intptr_t n);
intptr_t kr_int_get_max_str_digits(void);

// Arithmetic on two ints (both operands must be int or bool); general slow paths.
KR_MUST_CHECK kr_val kr_int_add_slow(kr_val a, kr_val b);
KR_MUST_CHECK kr_val kr_int_sub_slow(kr_val a, kr_val b);
KR_MUST_CHECK kr_val kr_int_mul_slow(kr_val a, kr_val b);
KR_MUST_CHECK kr_val kr_int_floordiv(kr_val a, kr_val b);
KR_MUST_CHECK kr_val kr_int_mod(kr_val a, kr_val b);
KR_MUST_CHECK kr_val kr_int_divmod(kr_val a, kr_val b);  // a tuple
KR_MUST_CHECK kr_val kr_int_truediv(kr_val a, kr_val b);  // a float, correctly rounded
KR_MUST_CHECK kr_val kr_int_pow(kr_val a, kr_val b, kr_val mod);  // mod: None or an int
KR_MUST_CHECK kr_val kr_int_lshift(kr_val a, kr_val b);
KR_MUST_CHECK kr_val kr_int_rshift(kr_val a, kr_val b);
KR_MUST_CHECK kr_val kr_int_and(kr_val a, kr_val b);
KR_MUST_CHECK kr_val kr_int_or(kr_val a, kr_val b);
KR_MUST_CHECK kr_val kr_int_xor(kr_val a, kr_val b);
KR_MUST_CHECK kr_val kr_int_neg(kr_val a);
KR_MUST_CHECK kr_val kr_int_abs(kr_val a);
KR_MUST_CHECK kr_val kr_int_invert(kr_val a);

// Reference counts of values known to be ints: small ints hold none, so only a bigint (or a
// bool) reaches the out-of-line release.
void kr_int_release(kr_val v);
#define KR_DECREF_INT(v)                                                  \
    do {                                                                  \
        kr_val kr_i_ = (kr_val)(v);                                       \
        if (KR_UNLIKELY(!KR_IS_SMALL(kr_i_))) {                           \
            kr_int_release(kr_i_);                                        \
        }                                                                 \
    } while (0)
#define KR_XDECREF_INT(v)                                                 \
    do {                                                                  \
        kr_val kr_i_ = (kr_val)(v);                                       \
        if (KR_UNLIKELY(!KR_IS_SMALL(kr_i_) && kr_i_ != 0)) {             \
            kr_int_release(kr_i_);                                        \
        }                                                                 \
    } while (0)

// Fast paths for ints known to the compiler: both operands small, no overflow. The result of
// a fast path is odd already; '| 1' tells the C compiler so, which folds the tag tests and
// error checks that follow.
KR_INLINE_HOT KR_MUST_CHECK kr_val kr_int_add(kr_val a, kr_val b) {
    intptr_t r;
    if (KR_LIKELY((a & b & 1) && !__builtin_add_overflow((intptr_t)a, (intptr_t)b - 1, &r))) {
        return (kr_val)r | 1;
    }
    return kr_int_add_slow(a, b);
}
KR_INLINE_HOT KR_MUST_CHECK kr_val kr_int_sub(kr_val a, kr_val b) {
    intptr_t r;
    if (KR_LIKELY((a & b & 1) && !__builtin_sub_overflow((intptr_t)a, (intptr_t)b - 1, &r))) {
        return (kr_val)r | 1;
    }
    return kr_int_sub_slow(a, b);
}
KR_INLINE_HOT KR_MUST_CHECK kr_val kr_int_mul(kr_val a, kr_val b) {
    intptr_t r;
    if (KR_LIKELY((a & b & 1)
                  && !__builtin_mul_overflow(KR_SMALL_VALUE(a), (intptr_t)b - 1, &r))) {
        return (kr_val)r | 1;
    }
    return kr_int_mul_slow(a, b);
}

// ---------------------------------------------------------------------------------------------
// float (float.c)

typedef struct kr_float_obj {
    kr_obj ob;
    double value;
} kr_float_obj;

#define KR_FLOAT_VALUE(v) (((kr_float_obj *)(v))->value)

static inline bool kr_float_check(kr_val v) {
    return KR_IS_PTR(v) && (KR_OBJ(v)->type->flags & KR_TF_FLOAT_SUB);
}
KR_MUST_CHECK kr_val kr_float_new(double d);
// float(x) as a double: floats, ints (OverflowError when too large), __float__/__index__.
KR_MUST_CHECK double kr_float_as_double(kr_val v);
// float(x): from numbers or str (kr_float_from_string for text).
KR_MUST_CHECK kr_val kr_float_from_val(kr_val v);
// float(x) as a double: what kr_float_from_val makes; -1.0 with an exception on error.
KR_MUST_CHECK double kr_float_convert(kr_val v);
// Parse float text with CPython's rules (whitespace, underscores, inf/nan) into '*out'.
// 0, or -1 with ValueError "could not convert string to float: '...'".
KR_MUST_CHECK int kr_float_parse(const char *s, size_t n, double *out);
// repr(float): shortest round-trip text, into 'buf' (at least 32 bytes). Returns 'buf'.
char *kr_float_repr_cstr(double d, char *buf);
KR_MUST_CHECK kr_val kr_float_repr(kr_val v);
intptr_t kr_float_hash_double(double d, kr_val identity);  // CPython's _Py_HashDouble
// Arithmetic on unboxed doubles with Python's semantics. -1.0 + error.
KR_MUST_CHECK double kr_float_div(double a, double b);       // ZeroDivisionError
KR_MUST_CHECK double kr_float_floordiv(double a, double b);
KR_MUST_CHECK double kr_float_mod(double a, double b);
KR_MUST_CHECK double kr_float_pow(double a, double b);
// round(x) (ndigits None: an int) and round(x, ndigits) (a float).
KR_MUST_CHECK kr_val kr_float_round(double x, kr_val ndigits);
// Compare a float with an int exactly (as CPython's float_richcompare).
int kr_float_compare_int(double d, kr_val i);  // <0, 0, >0; 2 when d is nan

// ---------------------------------------------------------------------------------------------
// complex (complex.c)

typedef struct kr_complex_obj {
    kr_obj ob;
    double real, imag;
} kr_complex_obj;

#define KR_COMPLEX(v) ((kr_complex_obj *)(v))
extern kr_type kr_complex_type;
static inline bool kr_complex_check(kr_val v) {
    return KR_IS_PTR(v) && kr_isinstance_type(v, &kr_complex_type);
}
KR_MUST_CHECK kr_val kr_complex_new(double real, double imag);
// complex(text) with CPython's rules: ValueError "complex() arg is a malformed string".
KR_MUST_CHECK kr_val kr_complex_from_string(const char *s, size_t n);
// a ** b of complex parts, as CPython's complex_pow (float ** float with a negative base and a
// fractional exponent comes here): ZeroDivisionError, OverflowError.
KR_MUST_CHECK kr_val kr_complex_pow_parts(double are, double aim, double bre, double bim);

// ---------------------------------------------------------------------------------------------
// Core of str and tuple (implemented in str.c and tuple.c; the rest is in kr_str.h and
// kr_containers.h). Every module builds its results with these.

// str: immutable UTF-8, NUL-terminated, length in code points, cached hash, ASCII flag.
typedef struct kr_str_obj {
    kr_obj ob;
    intptr_t hash;    // -1 until computed
    intptr_t len;     // code points
    intptr_t nbytes;  // UTF-8 bytes, excluding the terminating NUL
    bool ascii;       // all code points < 128: byte offset == code point index
    char data[];      // nbytes + 1 bytes
} kr_str_obj;

#define KR_STR(v) ((kr_str_obj *)(v))
static inline bool kr_str_check(kr_val v) {
    return KR_IS_PTR(v) && (KR_OBJ(v)->type->flags & KR_TF_STR_SUB);
}
static inline const char *kr_str_data(kr_val s) { return KR_STR(s)->data; }
static inline intptr_t kr_str_nbytes(kr_val s) { return KR_STR(s)->nbytes; }
// New str from 'nbytes' bytes of valid UTF-8 (not checked).
KR_MUST_CHECK kr_val kr_str_from_utf8(const char *s, size_t nbytes);
KR_MUST_CHECK kr_val kr_str_from_cstr(const char *s);

// tuple: fixed-size array of values.
typedef struct kr_tuple_obj {
    kr_obj ob;
    intptr_t len;
    kr_val items[];
} kr_tuple_obj;

#define KR_TUPLE(v) ((kr_tuple_obj *)(v))
#define KR_TUPLE_LEN(v) (KR_TUPLE(v)->len)
#define KR_TUPLE_ITEMS(v) (KR_TUPLE(v)->items)
static inline bool kr_tuple_check(kr_val v) {
    return KR_IS_PTR(v) && (KR_OBJ(v)->type->flags & KR_TF_TUPLE_SUB);
}
// New tuple of 'n' items, all 0: the caller stores a new reference in each before any other
// use of the tuple.
KR_MUST_CHECK kr_val kr_tuple_new(intptr_t n);
// New tuple of the 'n' values that follow (borrowed; the tuple takes new references).
KR_MUST_CHECK kr_val kr_tuple_pack(intptr_t n, ...);

// ---------------------------------------------------------------------------------------------
// Generic operations (object.c): dispatch through type slots, as CPython's abstract.c.

KR_MUST_CHECK kr_val kr_repr(kr_val v);
KR_MUST_CHECK kr_val kr_str(kr_val v);
KR_MUST_CHECK kr_val kr_ascii(kr_val v);
KR_MUST_CHECK intptr_t kr_hash(kr_val v);  // -1 on error ("unhashable type: 'list'")
KR_MUST_CHECK kr_val kr_richcompare(kr_val a, kr_val b, int op);
KR_MUST_CHECK int kr_richcompare_bool(kr_val a, kr_val b, int op);  // 1/0/-1
KR_MUST_CHECK int kr_eq(kr_val a, kr_val b);  // identity first, then ==: 1/0/-1
KR_MUST_CHECK int kr_is_true(kr_val v);       // 1/0/-1
KR_MUST_CHECK intptr_t kr_len(kr_val v);      // -1 on error
KR_MUST_CHECK kr_val kr_getitem(kr_val obj, kr_val key);
KR_MUST_CHECK int kr_setitem(kr_val obj, kr_val key, kr_val value);
KR_MUST_CHECK int kr_delitem(kr_val obj, kr_val key);
KR_MUST_CHECK int kr_contains(kr_val container, kr_val item);  // `item in container`
KR_MUST_CHECK kr_val kr_iter(kr_val v);
// Next item; 0 with no pending exception at exhaustion (see kr_type.iternext). kr_next is
// inline (kr_gen.h), stepping a generator without a call; kr_next_slow is every other iterator.
KR_MUST_CHECK kr_val kr_next_slow(kr_val it);
KR_MUST_CHECK kr_val kr_call(kr_val f, const kr_val *args, size_t nargs, kr_val kwnames);
KR_MUST_CHECK kr_val kr_getattr(kr_val obj, kr_val name);
KR_MUST_CHECK kr_val kr_getattr_cstr(kr_val obj, const char *name);
KR_MUST_CHECK int kr_setattr(kr_val obj, kr_val name, kr_val value);
// The default attribute lookup of builtin types: getset entries, then methods (bound).
KR_MUST_CHECK kr_val kr_generic_getattr(kr_val obj, kr_val name);

// Binary operators: kr_add(a, b), kr_sub, ... and in-place forms kr_inplace_add, ...
#define KR_X_(e, f, op, d)                                 \
    KR_MUST_CHECK kr_val kr_##f(kr_val a, kr_val b);       \
    KR_MUST_CHECK kr_val kr_inplace_##f(kr_val a, kr_val b);
KR_BINOPS(KR_X_)
#undef KR_X_
KR_MUST_CHECK kr_val kr_binary_op(kr_binop op, kr_val a, kr_val b);
KR_MUST_CHECK kr_val kr_inplace_op(kr_binop op, kr_val a, kr_val b);
KR_MUST_CHECK kr_val kr_power(kr_val a, kr_val b, kr_val mod);  // pow(a, b, mod)
KR_MUST_CHECK kr_val kr_neg(kr_val v);
KR_MUST_CHECK kr_val kr_pos(kr_val v);
KR_MUST_CHECK kr_val kr_abs(kr_val v);
KR_MUST_CHECK kr_val kr_invert(kr_val v);
extern const char *const kr_binop_symbols[KR_OP_COUNT];

// Recursion guard for repr of containers that may contain themselves ("[...]").
// kr_repr_enter returns 1 if 'v' is already being repr'd on this thread, 0 if not (then call
// kr_repr_leave when done), -1 on error.
KR_MUST_CHECK int kr_repr_enter(kr_val v);
void kr_repr_leave(kr_val v);

// ---------------------------------------------------------------------------------------------
// Builtins (builtins.c). Each takes its arguments as Python does.

KR_MUST_CHECK kr_val kr_builtin_abs(kr_val x);
KR_MUST_CHECK kr_val kr_builtin_divmod(kr_val a, kr_val b);
KR_MUST_CHECK kr_val kr_builtin_pow(kr_val base, kr_val exp, kr_val mod);  // mod: None
KR_MUST_CHECK kr_val kr_builtin_round(kr_val x, kr_val ndigits);           // ndigits: None
KR_MUST_CHECK kr_val kr_builtin_hash(kr_val x);
KR_MUST_CHECK kr_val kr_builtin_id(kr_val x);
KR_MUST_CHECK int kr_builtin_isinstance(kr_val obj, kr_val cls);  // 1/0/-1
KR_MUST_CHECK int kr_builtin_issubclass(kr_val cls, kr_val base);
KR_MUST_CHECK kr_val kr_builtin_hex(kr_val x);
KR_MUST_CHECK kr_val kr_builtin_oct(kr_val x);
KR_MUST_CHECK kr_val kr_builtin_bin(kr_val x);
KR_MUST_CHECK kr_val kr_builtin_int(kr_val x, kr_val base);  // base: 0 when absent
KR_MUST_CHECK kr_val kr_builtin_float(kr_val x);            // x: 0 when absent
KR_MUST_CHECK kr_val kr_builtin_bool(kr_val x);             // x: 0 when absent
KR_MUST_CHECK kr_val kr_builtin_callable(kr_val x);
KR_MUST_CHECK kr_val kr_builtin_repr(kr_val x);
KR_MUST_CHECK kr_val kr_builtin_ascii(kr_val x);
KR_MUST_CHECK kr_val kr_builtin_str(kr_val x);  // x: 0 when absent
// str(x, encoding[, errors]): 'errors' 0 when absent.
KR_MUST_CHECK kr_val kr_builtin_str_decode(kr_val x, kr_val encoding, kr_val errors);
KR_MUST_CHECK kr_val kr_builtin_format(kr_val value, kr_val spec);  // spec: 0 when absent
KR_MUST_CHECK kr_val kr_builtin_len(kr_val x);
KR_MUST_CHECK kr_val kr_builtin_ord(kr_val c);
KR_MUST_CHECK kr_val kr_builtin_chr(kr_val i);
// min(*args, key=, default=) / max: one iterable or several values; key, dflt 0 (or key
// None) when absent.
KR_MUST_CHECK kr_val kr_builtin_min(const kr_val *args, size_t nargs, kr_val key, kr_val dflt);
KR_MUST_CHECK kr_val kr_builtin_max(const kr_val *args, size_t nargs, kr_val key, kr_val dflt);
// sum(iterable, start): CPython 3.12's exact int and compensated float summation. start: 0.
KR_MUST_CHECK kr_val kr_builtin_sum(kr_val iterable, kr_val start);
KR_MUST_CHECK kr_val kr_builtin_sorted(kr_val iterable, kr_val key, bool reverse);
KR_MUST_CHECK kr_val kr_builtin_any(kr_val iterable);
KR_MUST_CHECK kr_val kr_builtin_all(kr_val iterable);
// iter(x) (sentinel 0) and iter(callable, sentinel); next(it[, default]) (dflt 0 when absent).
KR_MUST_CHECK kr_val kr_builtin_iter(kr_val x, kr_val sentinel);
KR_MUST_CHECK kr_val kr_builtin_next(kr_val it, kr_val dflt);
KR_MUST_CHECK kr_val kr_builtin_getattr(kr_val obj, kr_val name, kr_val dflt);  // dflt: 0
KR_MUST_CHECK kr_val kr_builtin_hasattr(kr_val obj, kr_val name);
KR_MUST_CHECK kr_val kr_builtin_setattr(kr_val obj, kr_val name, kr_val value);  // None
KR_MUST_CHECK kr_val kr_builtin_delattr(kr_val obj, kr_val name);                // None
KR_MUST_CHECK kr_val kr_builtin_vars(kr_val obj);
// print(*args, sep=, end=, file=, flush=): each keyword 0 when absent; returns None.
KR_MUST_CHECK kr_val kr_builtin_print(const kr_val *args, size_t nargs, kr_val sep, kr_val end,
                                      kr_val file, kr_val flush);
KR_MUST_CHECK kr_val kr_builtin_input(kr_val prompt);  // prompt: 0 when absent
extern kr_type kr_callable_iter_type;

// The builtin function objects, kr_builtin_fn_<name> (static, immortal).
#define KR_BUILTIN_FUNCTIONS(X)                                                              \
    X(abs) X(all) X(any) X(ascii) X(bin) X(callable) X(chr) X(delattr) X(divmod) X(format) \
    X(getattr) X(hasattr) X(hash) X(hex) X(id) X(input) X(isinstance) X(issubclass) X(iter) \
    X(len) X(max) X(min) X(next) X(oct) X(open) X(ord) X(pow) X(print) X(repr) X(round)    \
    X(setattr) X(sorted) X(sum) X(vars)
#define KR_X_(name) extern kr_cfunction_obj kr_builtin_fn_##name;
KR_BUILTIN_FUNCTIONS(KR_X_)
#undef KR_X_
// The object a name of the builtins module denotes (functions, types, exception classes,
// constants), borrowed; 0 when krait has no such builtin.
kr_val kr_builtins_lookup(const char *name);

#include "kr_containers.h"
#include "kr_str.h"
#include "kr_io.h"
#include "kr_modules.h"
#include "kr_csv_os.h"
#include "kr_class.h"
#include "kr_gen.h"
#include "kr_match.h"

#endif
