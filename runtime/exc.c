// exc.c: exceptions, the pending-exception protocol, tracebacks and the recursion guard.
//
// Every builtin exception class is a static kr_type from the KR_EXCEPTIONS list in krait.h,
// with CPython's names and bases; all share the kr_exc_obj layout and the slots of
// BaseException, which special-case KeyError, StopIteration, SystemExit and OSError as CPython
// does. A raised exception is always an instance. The pending exception lives in the
// thread-local kr_ts; fallible functions set it and return their error sentinel, and each
// frame the exception unwinds through prepends a traceback entry, so the list reads outermost
// first. kr_exc_print writes CPython 3.13's traceback format, chained exceptions first.
#include "krait.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Thread_local kr_tstate kr_ts;
int kr_recursion_limit = 1000;

#define EXC(v) ((kr_exc_obj *)(v))

// ---------------------------------------------------------------------------------------------
// A growable byte buffer for building messages (malloc memory, released by the caller).

typedef struct {
    char *data;
    size_t len, cap;
    bool failed;
} strbuf;

static void sb_add(strbuf *b, const char *s, size_t n) {
    if (b->failed) {
        return;
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *d = realloc(b->data, cap);
        if (!d) {
            b->failed = true;
            return;
        }
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void sb_puts(strbuf *b, const char *s) { sb_add(b, s, strlen(s)); }

// Appends repr(v) (or str(v) when 'use_str'); returns -1 with a pending exception on failure.
static int sb_add_object(strbuf *b, kr_val v, bool use_str) {
    kr_val s = use_str ? kr_str(v) : kr_repr(v);
    if (!s) {
        return -1;
    }
    sb_add(b, kr_str_data(s), (size_t)kr_str_nbytes(s));
    KR_DECREF(s);
    return 0;
}

// Converts the buffer to a str and frees it.
static kr_val sb_finish(strbuf *b) {
    if (b->failed) {
        free(b->data);
        return kr_err_no_memory();
    }
    kr_val s = kr_str_from_utf8(b->data ? b->data : "", b->len);
    free(b->data);
    return s;
}

// ---------------------------------------------------------------------------------------------
// Instances

static intptr_t exc_nargs(kr_val e) { return EXC(e)->args ? KR_TUPLE_LEN(EXC(e)->args) : 0; }
static kr_val exc_arg(kr_val e, intptr_t i) { return KR_TUPLE_ITEMS(EXC(e)->args)[i]; }

static void exc_free_tb(kr_exc_obj *e) {
    while (e->tb) {
        kr_tb_entry *next = e->tb->next;
        kr_free(e->tb);
        e->tb = next;
    }
}

static void exc_dealloc(kr_obj *o) {
    kr_exc_obj *e = (kr_exc_obj *)o;
    KR_XDECREF(e->args);
    KR_XDECREF(e->cause);
    KR_XDECREF(e->context);
    KR_XDECREF(e->notes);
    KR_XDECREF(e->dict);
    for (int i = 0; i < 4; i++) {
        KR_XDECREF(e->extra[i]);
    }
    exc_free_tb(e);
}

// OSError(errno, strerror[, filename[, winerror[, filename2]]]) keeps (errno, strerror) as
// args and the rest as attributes; OSError itself picks the subclass for the errno.
static const kr_type *oserror_subclass(int errnum) {
    switch (errnum) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return &kr_exc_BlockingIOError;
    case ECHILD: return &kr_exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return &kr_exc_BrokenPipeError;
    case ECONNABORTED: return &kr_exc_ConnectionAbortedError;
    case ECONNREFUSED: return &kr_exc_ConnectionRefusedError;
    case ECONNRESET: return &kr_exc_ConnectionResetError;
    case EEXIST: return &kr_exc_FileExistsError;
    case ENOENT: return &kr_exc_FileNotFoundError;
    case EINTR: return &kr_exc_InterruptedError;
    case EISDIR: return &kr_exc_IsADirectoryError;
    case ENOTDIR: return &kr_exc_NotADirectoryError;
    case EACCES: case EPERM: return &kr_exc_PermissionError;
    case ESRCH: return &kr_exc_ProcessLookupError;
    case ETIMEDOUT: return &kr_exc_TimeoutError;
    default: return &kr_exc_OSError;
    }
}

static void oserror_init(kr_exc_obj *e, const kr_val *args, size_t nargs) {
    e->extra[0] = kr_newref(args[0]);
    e->extra[1] = kr_newref(args[1]);
    if (nargs >= 3) {
        e->extra[2] = kr_newref(args[2]);
    }
    if (nargs >= 5) {
        e->extra[3] = kr_newref(args[4]);
    }
}

static void special_init(kr_exc_obj *e, const kr_val *args, size_t nargs) {
    const kr_type *t = e->ob.type;
    if (kr_type_is_subtype(t, &kr_exc_StopIteration)) {
        e->extra[0] = kr_newref(nargs ? args[0] : KR_NONE);
    } else if (kr_type_is_subtype(t, &kr_exc_SystemExit)) {
        e->extra[0] = kr_newref(nargs == 0 ? KR_NONE : nargs == 1 ? args[0] : e->args);
    } else if (kr_type_is_subtype(t, &kr_exc_OSError) && nargs >= 2 && nargs <= 5) {
        oserror_init(e, args, nargs);
    }
}

static kr_val make_args(const kr_val *args, size_t nargs) {
    kr_val t = kr_tuple_new((intptr_t)nargs);
    if (t) {
        for (size_t i = 0; i < nargs; i++) {
            KR_TUPLE_ITEMS(t)[i] = kr_newref(args[i]);
        }
    }
    return t;
}

kr_val kr_exc_new(const kr_type *type, const kr_val *args, size_t nargs) {
    if (type == &kr_exc_OSError && nargs >= 2 && kr_int_check(args[0])) {
        int64_t errnum;
        if (kr_int_as_i64(args[0], &errnum) == 0) {
            type = oserror_subclass((int)errnum);
        } else {
            kr_err_clear();
        }
    }
    kr_exc_obj *e = (kr_exc_obj *)kr_obj_new(type, type->basicsize);
    if (!e) {
        return 0;
    }
    bool os_pair = kr_type_is_subtype(type, &kr_exc_OSError) && nargs >= 3 && nargs <= 5;
    e->args = make_args(args, os_pair ? 2 : nargs);
    if (!e->args) {
        KR_DECREF(e);
        return 0;
    }
    special_init(e, args, nargs);
    return KR_VAL(e);
}

static kr_val exc_type_new(const kr_type *type, const kr_val *args, size_t nargs,
                           kr_val kwnames) {
    if (kwnames && KR_TUPLE_LEN(kwnames) > 0) {
        return kr_err_set(&kr_exc_TypeError, "%s() takes no keyword arguments", type->name);
    }
    return kr_exc_new(type, args, nargs);
}

// ---------------------------------------------------------------------------------------------
// str() and repr()

// ", ".join(repr(x) for x in items), wrapped in 'open' ... 'close'.
static kr_val repr_items(const char *prefix, kr_val args) {
    strbuf b = { 0 };
    sb_puts(&b, prefix);
    sb_puts(&b, "(");
    for (intptr_t i = 0; args && i < KR_TUPLE_LEN(args); i++) {
        if (i) {
            sb_puts(&b, ", ");
        }
        if (sb_add_object(&b, KR_TUPLE_ITEMS(args)[i], false) < 0) {
            free(b.data);
            return 0;
        }
    }
    if (args && KR_TUPLE_LEN(args) == 1 && !*prefix) {
        sb_puts(&b, ",");
    }
    sb_puts(&b, ")");
    return sb_finish(&b);
}

static kr_val oserror_str(kr_val e) {
    kr_exc_obj *x = EXC(e);
    strbuf b = { 0 };
    sb_puts(&b, "[Errno ");
    int rc = sb_add_object(&b, x->extra[0], true);
    sb_puts(&b, "] ");
    rc |= sb_add_object(&b, x->extra[1], true);
    if (x->extra[2] && x->extra[2] != KR_NONE) {
        sb_puts(&b, ": ");
        rc |= sb_add_object(&b, x->extra[2], false);
        if (x->extra[3] && x->extra[3] != KR_NONE) {
            sb_puts(&b, " -> ");
            rc |= sb_add_object(&b, x->extra[3], false);
        }
    }
    if (rc) {
        free(b.data);
        return 0;
    }
    return sb_finish(&b);
}

static kr_val exc_str(kr_val e) {
    intptr_t n = exc_nargs(e);
    const kr_type *t = KR_TYPE(e);
    if (kr_type_is_subtype(t, &kr_exc_OSError) && EXC(e)->extra[1]) {
        return oserror_str(e);
    }
    if (n == 0) {
        return kr_str_from_cstr("");
    }
    if (n == 1) {
        bool key = kr_type_is_subtype(t, &kr_exc_KeyError);
        return key ? kr_repr(exc_arg(e, 0)) : kr_str(exc_arg(e, 0));
    }
    return repr_items("", EXC(e)->args);
}

static kr_val exc_repr(kr_val e) {
    intptr_t n = exc_nargs(e);
    if (n == 1) {
        strbuf b = { 0 };
        sb_puts(&b, kr_type_name(e));
        sb_puts(&b, "(");
        if (sb_add_object(&b, exc_arg(e, 0), false) < 0) {
            free(b.data);
            return 0;
        }
        sb_puts(&b, ")");
        return sb_finish(&b);
    }
    return repr_items(kr_type_name(e), EXC(e)->args);
}

// ---------------------------------------------------------------------------------------------
// Attributes

static kr_val or_none(kr_val v) { return kr_newref(v ? v : KR_NONE); }

// Attributes that belong to some exception classes only: (name, class, index in 'extra').
static const struct {
    const char *name;
    const kr_type *owner;
    int index;
} extra_attrs[] = {
    { "value", &kr_exc_StopIteration, 0 },
    { "code", &kr_exc_SystemExit, 0 },
    { "errno", &kr_exc_OSError, 0 },
    { "strerror", &kr_exc_OSError, 1 },
    { "filename", &kr_exc_OSError, 2 },
    { "filename2", &kr_exc_OSError, 3 },
    { "name", &kr_exc_ImportError, 0 },
    { "path", &kr_exc_ImportError, 1 },
};

static kr_val exc_getattr(kr_val e, kr_val name) {
    const char *s = kr_str_data(name);
    kr_exc_obj *x = EXC(e);
    for (size_t i = 0; i < sizeof extra_attrs / sizeof extra_attrs[0]; i++) {
        if (strcmp(s, extra_attrs[i].name) == 0 && kr_isinstance_type(e, extra_attrs[i].owner)) {
            return or_none(x->extra[extra_attrs[i].index]);
        }
    }
    if (strcmp(s, "args") == 0) {
        return x->args ? kr_newref(x->args) : kr_tuple_new(0);
    }
    if (strcmp(s, "__cause__") == 0) {
        return or_none(x->cause);
    }
    if (strcmp(s, "__context__") == 0) {
        return or_none(x->context);
    }
    if (strcmp(s, "__suppress_context__") == 0) {
        return kr_bool(x->suppress_context);
    }
    if (strcmp(s, "__traceback__") == 0) {
        // Traceback objects are not materialized; the entries are printed by kr_exc_print.
        return kr_none();
    }
    return kr_generic_getattr(e, name);
}

static int exc_setattr(kr_val e, kr_val name, kr_val value) {
    const char *s = kr_str_data(name);
    kr_exc_obj *x = EXC(e);
    kr_val v = value && value != KR_NONE ? kr_newref(value) : 0;
    if (strcmp(s, "__cause__") == 0) {
        KR_SETREF(x->cause, v);
        x->suppress_context = true;
        return 0;
    }
    if (strcmp(s, "__context__") == 0) {
        KR_SETREF(x->context, v);
        return 0;
    }
    KR_XDECREF(v);
    if (strcmp(s, "__suppress_context__") == 0) {
        int t = kr_is_true(value);
        if (t < 0) {
            return -1;
        }
        x->suppress_context = t;
        return 0;
    }
    kr_err_set(&kr_exc_AttributeError, "'%s' object has no attribute '%s'", kr_type_name(e), s);
    return -1;
}

// ---------------------------------------------------------------------------------------------
// The class objects

#define kr_exc_object kr_object_type
#define KR_X_(cls, parent)                                   \
    kr_type kr_exc_##cls = {                                 \
        .ob = KR_STATIC_HEADER(&kr_type_type),               \
        .name = #cls,                                        \
        .base = &kr_exc_##parent,                            \
        .basicsize = sizeof(kr_exc_obj),                     \
        .flags = KR_TF_EXC_SUB | KR_TF_BASETYPE,             \
        .dealloc = exc_dealloc,                              \
        .repr = exc_repr,                                    \
        .str = exc_str,                                      \
        .getattr = exc_getattr,                              \
        .setattr = exc_setattr,                              \
        .new = exc_type_new,                                 \
    };
KR_EXCEPTIONS(KR_X_)
#undef KR_X_
#undef kr_exc_object

// ---------------------------------------------------------------------------------------------
// Raising

// The preallocated MemoryError, usable when nothing can be allocated.
static kr_exc_obj memory_error = {
    .ob = KR_STATIC_HEADER(&kr_exc_MemoryError),
};

// Chains the exception being handled as __context__ of 'exc', as CPython's _PyErr_SetObject:
// any cycle through 'exc' in the context chain is cut first.
static void set_context(kr_val exc) {
    kr_val h = kr_ts.handling;
    if (!h || h == exc || !kr_exc_check(h)) {
        return;
    }
    for (kr_val o = h; o; o = EXC(o)->context) {
        if (EXC(o)->context == exc) {
            KR_CLEAR(EXC(o)->context);
            break;
        }
    }
    KR_SETREF(EXC(exc)->context, kr_newref(h));
}

// Makes 'exc' (an instance, stolen) pending.
static kr_val set_pending(kr_val exc) {
    set_context(exc);
    KR_SETREF(kr_ts.exc, exc);
    return 0;
}

kr_val kr_err_no_memory(void) {
    exc_free_tb(&memory_error);
    KR_SETREF(kr_ts.exc, KR_VAL(&memory_error));
    return 0;
}

kr_val kr_err_setv(const kr_type *type, const char *fmt, va_list ap) {
    char small[512];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    char *text = small;
    if (n >= (int)sizeof small) {
        text = malloc((size_t)n + 1);
        if (!text) {
            va_end(ap2);
            return kr_err_no_memory();
        }
        vsnprintf(text, (size_t)n + 1, fmt, ap2);
    }
    va_end(ap2);
    kr_val msg = kr_str_from_utf8(text, (size_t)(n < 0 ? 0 : n));
    if (text != small) {
        free(text);
    }
    if (!msg) {
        return 0;
    }
    kr_err_set_value(type, msg);
    KR_DECREF(msg);
    return 0;
}

kr_val kr_err_set(const kr_type *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    kr_err_setv(type, fmt, ap);
    va_end(ap);
    return 0;
}

kr_val kr_err_set_value(const kr_type *type, kr_val value) {
    kr_val e = kr_exc_new(type, &value, 1);
    return e ? set_pending(e) : 0;
}

kr_val kr_err_set_none(const kr_type *type) {
    kr_val e = kr_exc_new(type, NULL, 0);
    return e ? set_pending(e) : 0;
}

kr_val kr_err_set_errno(int errnum, kr_val filename) {
    kr_val args[3];
    args[0] = KR_FROM_SMALL(errnum);
    args[1] = kr_str_from_cstr(strerror(errnum));
    if (!args[1]) {
        return 0;
    }
    args[2] = filename;
    kr_val e = kr_exc_new(&kr_exc_OSError, args, filename ? 3 : 2);
    KR_DECREF(args[1]);
    return e ? set_pending(e) : 0;
}

// Turns the operand of `raise` (stolen) into an instance: a class is called with no arguments.
static kr_val raise_operand(kr_val exc) {
    if (KR_TYPE(exc) == &kr_type_type && (((kr_type *)exc)->flags & KR_TF_EXC_SUB)) {
        kr_val inst = kr_call(exc, NULL, 0, 0);
        KR_DECREF(exc);
        return inst;
    }
    if (!kr_exc_check(exc)) {
        KR_DECREF(exc);
        return kr_err_set(&kr_exc_TypeError, "exceptions must derive from BaseException");
    }
    return exc;
}

kr_val kr_err_raise(kr_val exc) {
    exc = raise_operand(exc);
    return exc ? set_pending(exc) : 0;
}

kr_val kr_err_raise_from(kr_val exc, kr_val cause) {
    exc = raise_operand(exc);
    if (!exc) {
        KR_DECREF(cause);
        return 0;
    }
    if (cause == KR_NONE) {
        KR_DECREF(cause);
        cause = 0;
    } else {
        cause = raise_operand(cause);
        if (!cause) {
            KR_DECREF(exc);
            kr_err_clear();
            return kr_err_set(&kr_exc_TypeError,
                              "exception causes must derive from BaseException");
        }
    }
    KR_SETREF(EXC(exc)->cause, cause);
    EXC(exc)->suppress_context = true;
    return set_pending(exc);
}

kr_val kr_err_fetch(void) {
    kr_val e = kr_ts.exc;
    kr_ts.exc = 0;
    return e;
}

void kr_err_restore(kr_val exc) { KR_SETREF(kr_ts.exc, exc); }

void kr_err_clear(void) { KR_CLEAR(kr_ts.exc); }

bool kr_err_matches(const kr_type *type) {
    return kr_ts.exc && kr_isinstance_type(kr_ts.exc, type);
}

static int matches_class(kr_val exc, kr_val cls) {
    if (KR_TYPE(cls) != &kr_type_type || !(((kr_type *)cls)->flags & KR_TF_EXC_SUB)) {
        kr_err_set(&kr_exc_TypeError,
                   "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return kr_isinstance_type(exc, (const kr_type *)cls);
}

int kr_exc_matches(kr_val exc, kr_val cls) {
    if (!kr_tuple_check(cls)) {
        return matches_class(exc, cls);
    }
    for (intptr_t i = 0; i < KR_TUPLE_LEN(cls); i++) {
        int r = kr_exc_matches(exc, KR_TUPLE_ITEMS(cls)[i]);
        if (r != 0) {
            return r;
        }
    }
    return 0;
}

void kr_traceback_add(const char *file, int line, const char *func) {
    kr_val e = kr_ts.exc;
    if (!e) {
        return;
    }
    kr_ts.exc = 0;
    kr_tb_entry *t = kr_alloc(sizeof *t);
    kr_err_clear();
    kr_ts.exc = e;
    if (!t) {
        // Keep the original exception rather than replacing it by MemoryError.
        return;
    }
    t->file = file;
    t->line = line;
    t->func = func;
    t->next = EXC(e)->tb;
    EXC(e)->tb = t;
}

kr_val kr_exc_enter_handler(kr_val exc) {
    kr_val prev = kr_ts.handling;
    kr_ts.handling = kr_newref(exc);
    return prev;
}

void kr_exc_leave_handler(kr_val previous) { KR_SETREF(kr_ts.handling, previous); }

// ---------------------------------------------------------------------------------------------
// Printing uncaught exceptions

// The class name as tracebacks print it: the qualified name, prefixed by the module unless
// that is builtins or __main__.
static void print_type_name(const kr_type *t) {
    if (t->module && strcmp(t->module, "__main__") != 0 && strcmp(t->module, "builtins") != 0) {
        fprintf(stderr, "%s.", t->module);
    }
    fputs(t->qualname ? t->qualname : t->name, stderr);
}

// "TypeName: message", or "TypeName" when str(exc) is empty.
static void print_exception_line(kr_val exc) {
    print_type_name(KR_TYPE(exc));
    kr_val s = kr_str(exc);
    if (!s) {
        kr_err_clear();
        fputs(": <exception str() failed>\n", stderr);
        return;
    }
    if (kr_str_nbytes(s) == 0) {
        fputc('\n', stderr);
    } else {
        fprintf(stderr, ": %s\n", kr_str_data(s));
    }
    KR_DECREF(s);
}

// CPython 3.13 also prints each frame's source line, reading the .py file at run time; a
// compiled program has no source at hand, and CPython itself omits the line when it cannot
// read the file, so the frame lines alone are the faithful output.
static void print_one(kr_val exc) {
    kr_tb_entry *t = EXC(exc)->tb;
    if (t) {
        fputs("Traceback (most recent call last):\n", stderr);
    }
    for (; t; t = t->next) {
        fprintf(stderr, "  File \"%s\", line %d, in %s\n", t->file, t->line, t->func);
    }
    print_exception_line(exc);
}

// Prints the chain oldest first; 'seen' guards against cycles (as CPython's seen set).
static void print_chain(kr_val exc, kr_val *seen, int nseen) {
    seen[nseen++] = exc;
    kr_exc_obj *e = EXC(exc);
    kr_val prior = e->cause ? e->cause : e->suppress_context ? 0 : e->context;
    bool is_new = prior && kr_exc_check(prior) && nseen < 64;
    for (int i = 0; is_new && i < nseen; i++) {
        is_new = seen[i] != prior;
    }
    if (is_new) {
        print_chain(prior, seen, nseen);
        fputs(e->cause ? "\nThe above exception was the direct cause of the following "
                         "exception:\n\n"
                       : "\nDuring handling of the above exception, another exception "
                         "occurred:\n\n",
              stderr);
    }
    print_one(exc);
}

void kr_exc_print(kr_val exc) {
    kr_val seen[64];
    kr_val saved = kr_err_fetch();
    print_chain(exc, seen, 0);
    kr_err_restore(saved);
    fflush(stderr);
}

// SystemExit: None -> 0, an int -> that status, anything else is printed, status 1.
static int system_exit_status(kr_val exc) {
    kr_val code = EXC(exc)->extra[0];
    if (!code || code == KR_NONE) {
        return 0;
    }
    int64_t status;
    if (kr_int_check(code)) {
        if (kr_int_as_i64(code, &status) == 0) {
            return (int)status;
        }
        kr_err_clear();
        return -1;
    }
    kr_val s = kr_str(code);
    if (s) {
        fprintf(stderr, "%s\n", kr_str_data(s));
        KR_DECREF(s);
    }
    kr_err_clear();
    return 1;
}

int kr_exc_handle_uncaught(void) {
    kr_val exc = kr_err_fetch();
    if (!exc) {
        return 0;
    }
    fflush(stdout);
    int status = 1;
    if (kr_isinstance_type(exc, &kr_exc_SystemExit)) {
        status = system_exit_status(exc);
    } else {
        kr_exc_print(exc);
    }
    KR_DECREF(exc);
    return status;
}

// ---------------------------------------------------------------------------------------------
// Recursion guard

int kr_recursion_error(void) {
    kr_ts.depth--;
    kr_err_set(&kr_exc_RecursionError, "maximum recursion depth exceeded");
    return -1;
}

// Leaves a margin of the C stack for the runtime's own frames below the lowest Python frame.
void kr_thread_state_init(void) {
    pthread_attr_t attr;
    void *addr;
    size_t size;
    kr_gc_add_root(&kr_ts, sizeof kr_ts);
    kr_ts.stack_low = 0;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) {
        return;
    }
    if (pthread_attr_getstack(&attr, &addr, &size) == 0) {
        size_t margin = size / 8 > 256 * 1024 ? size / 8 : 256 * 1024;
        kr_ts.stack_low = margin < size ? (uintptr_t)addr + margin : 0;
    }
    pthread_attr_destroy(&attr);
}

void kr_thread_state_fini(void) {
    kr_err_clear();
    KR_CLEAR(kr_ts.handling);
    while (kr_ts.float_free_count > 0) {
        kr_free(kr_ts.float_free[--kr_ts.float_free_count]);
    }
    kr_gc_remove_root(&kr_ts, sizeof kr_ts);
}
