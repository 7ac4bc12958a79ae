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
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

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

// ---------------------------------------------------------------------------------------------
// Exception groups: extra[0] is the message, extra[1] the tuple of sub-exceptions; args keeps
// the arguments as given (so repr shows the list).

bool kr_exc_is_group(kr_val v) {
    return kr_exc_check(v) && (kr_isinstance_type(v, &kr_exc_BaseExceptionGroup)
                               || kr_isinstance_type(v, &kr_exc_ExceptionGroup));
}

static bool is_group_type(const kr_type *t) {
    return t == &kr_exc_BaseExceptionGroup || t == &kr_exc_ExceptionGroup
           || kr_type_is_subtype(t, &kr_exc_BaseExceptionGroup)
           || kr_type_is_subtype(t, &kr_exc_ExceptionGroup);
}

// Checks BaseExceptionGroup(message, exceptions) as CPython's BaseExceptionGroup.__new__ and
// picks the class: BaseExceptionGroup of only Exceptions makes an ExceptionGroup. Returns the
// sub-exceptions as a new tuple, or 0 with an error.
static kr_val group_check(const kr_type **type, const kr_val *args, size_t nargs) {
    if (nargs != 2) {
        return kr_err_set(&kr_exc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 "
                          "arguments (%zu given)", nargs);
    }
    if (!kr_str_check(args[0])) {
        return kr_err_set(&kr_exc_TypeError, "BaseExceptionGroup.__new__() argument 1 must be "
                          "str, not %s", kr_type_name(args[0]));
    }
    kr_val seq = args[1];
    if (!kr_list_check(seq) && !kr_tuple_check(seq)) {
        return kr_err_set(&kr_exc_TypeError, "second argument (exceptions) must be a sequence");
    }
    kr_val t = kr_list_check(seq) ? kr_list_as_tuple(seq) : kr_newref(seq);
    if (!t || KR_TUPLE_LEN(t) == 0) {
        KR_XDECREF(t);
        return t ? kr_err_set(&kr_exc_ValueError, "second argument (exceptions) must be a "
                              "non-empty sequence") : 0;
    }
    bool all_exceptions = true;
    for (intptr_t i = 0; i < KR_TUPLE_LEN(t); i++) {
        kr_val e = KR_TUPLE_ITEMS(t)[i];
        if (!kr_exc_check(e)) {
            KR_DECREF(t);
            return kr_err_set(&kr_exc_ValueError, "Item %zd of second argument (exceptions) is "
                              "not an exception", i);
        }
        all_exceptions &= kr_isinstance_type(e, &kr_exc_Exception);
    }
    if (*type == &kr_exc_BaseExceptionGroup && all_exceptions) {
        *type = &kr_exc_ExceptionGroup;
    } else if (!all_exceptions && (*type == &kr_exc_ExceptionGroup
                                   || kr_type_is_subtype(*type, &kr_exc_ExceptionGroup))) {
        KR_DECREF(t);
        return kr_err_set(&kr_exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    }
    return t;
}

static kr_val group_new(const kr_type *type, const kr_val *args, size_t nargs) {
    kr_val excs = group_check(&type, args, nargs);
    if (!excs) {
        return 0;
    }
    kr_exc_obj *e = (kr_exc_obj *)kr_obj_new(type, type->basicsize);
    if (!e || !(e->args = make_args(args, nargs))) {
        KR_DECREF(excs);
        KR_XDECREF(e);
        return 0;
    }
    e->extra[0] = kr_newref(args[0]);
    e->extra[1] = excs;
    return KR_VAL(e);
}

kr_val kr_exc_new(const kr_type *type, const kr_val *args, size_t nargs) {
    if (is_group_type(type)) {
        return group_new(type, args, nargs);
    }
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

// ---------------------------------------------------------------------------------------------
// UnicodeDecodeError and UnicodeEncodeError: args is (encoding, object, start, end, reason), as
// CPython's, and the attributes of those names read it.

static bool is_unicode_codec_error(const kr_type *t) {
    return kr_type_is_subtype(t, &kr_exc_UnicodeDecodeError)
           || kr_type_is_subtype(t, &kr_exc_UnicodeEncodeError);
}

// CPython's PyArg_ParseTuple of UnicodeDecodeError(str, bytes, int, int, str) and
// UnicodeEncodeError(str, str, int, int, str).
static int unicode_error_check_args(const kr_type *t, const kr_val *args, size_t nargs) {
    if (nargs != 5) {
        kr_err_set(&kr_exc_TypeError, "function takes exactly 5 arguments (%zu given)", nargs);
        return -1;
    }
    bool decode = kr_type_is_subtype(t, &kr_exc_UnicodeDecodeError);
    for (int i = 0; i < 5; i++) {
        bool ok = i == 2 || i == 3 ? kr_int_check(args[i])
                  : i == 1 && decode ? kr_bytes_like_check(args[i]) : kr_str_check(args[i]);
        if (!ok) {
            if (i == 1 && decode) {
                kr_err_set(&kr_exc_TypeError, "a bytes-like object is required, not '%s'",
                           kr_type_name(args[i]));
            } else if (i == 2 || i == 3) {
                kr_err_set(&kr_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                           kr_type_name(args[i]));
            } else {
                kr_err_set(&kr_exc_TypeError, "argument %d must be str, not %s", i + 1,
                           kr_type_name(args[i]));
            }
            return -1;
        }
    }
    return 0;
}

// Raises 'type' (UnicodeDecodeError or UnicodeEncodeError) with those five arguments (the
// object borrowed). Returns 0.
static kr_val raise_unicode_error(const kr_type *type, const char *encoding, kr_val object,
                                  intptr_t start, intptr_t end, const char *reason) {
    kr_val enc = kr_str_from_cstr(encoding), why = kr_str_from_cstr(reason);
    kr_val e = enc && why ? kr_exc_new(type, (kr_val[]){ enc, object, KR_FROM_SMALL(start),
                                                          KR_FROM_SMALL(end), why }, 5)
                          : 0;
    KR_XDECREF(enc);
    KR_XDECREF(why);
    if (e) {
        kr_err_restore(e);
    }
    return 0;
}

kr_val kr_unicode_decode_error(const char *encoding, const char *data, size_t n, intptr_t start,
                               intptr_t end, const char *reason) {
    kr_val object = kr_bytes_from_data(data, n);
    if (!object) {
        return 0;
    }
    raise_unicode_error(&kr_exc_UnicodeDecodeError, encoding, object, start, end, reason);
    KR_DECREF(object);
    return 0;
}

kr_val kr_unicode_encode_error(const char *encoding, kr_val str, intptr_t start, intptr_t end,
                               const char *reason) {
    return raise_unicode_error(&kr_exc_UnicodeEncodeError, encoding, str, start, end, reason);
}

// CPython's UnicodeDecodeError_str and UnicodeEncodeError_str.
static kr_val unicode_error_str(kr_val e) {
    kr_val enc = kr_str(exc_arg(e, 0)), why = enc ? kr_str(exc_arg(e, 4)) : 0;
    kr_val object = exc_arg(e, 1), r = 0;
    int64_t start, end;
    if (!why || kr_int_as_i64(exc_arg(e, 2), &start) < 0
        || kr_int_as_i64(exc_arg(e, 3), &end) < 0) {
        goto done;
    }
    const char *en = kr_str_data(enc), *wn = kr_str_data(why);
    if (kr_type_is_subtype(KR_TYPE(e), &kr_exc_UnicodeDecodeError)) {
        if (start >= 0 && start < kr_bytes_len(object) && end == start + 1) {
            unsigned char c = (unsigned char)kr_bytes_data(object)[start];
            r = kr_str_from_format("'%s' codec can't decode byte 0x%02x in position %lld: %s",
                                   en, c, (long long)start, wn);
        } else {
            r = kr_str_from_format("'%s' codec can't decode bytes in position %lld-%lld: %s",
                                   en, (long long)start, (long long)(end - 1), wn);
        }
    } else if (start >= 0 && start < kr_str_len(object) && end == start + 1) {
        kr_val ch = kr_str_index(object, (intptr_t)start);
        if (ch) {
            int k;
            uint32_t c = kr_utf8_decode(kr_str_data(ch), &k);
            KR_DECREF(ch);
            r = kr_str_from_format(c <= 0xff ? "'%s' codec can't encode character '\\x%02x' in "
                                               "position %lld: %s"
                                   : c <= 0xffff ? "'%s' codec can't encode character '\\u%04x' "
                                                   "in position %lld: %s"
                                                 : "'%s' codec can't encode character "
                                                   "'\\U%08x' in position %lld: %s",
                                   en, c, (long long)start, wn);
        }
    } else {
        r = kr_str_from_format("'%s' codec can't encode characters in position %lld-%lld: %s",
                               en, (long long)start, (long long)(end - 1), wn);
    }
done:
    KR_XDECREF(enc);
    KR_XDECREF(why);
    return r;
}

static kr_val exc_type_new(const kr_type *type, const kr_val *args, size_t nargs,
                           kr_val kwnames) {
    if (kwnames && KR_TUPLE_LEN(kwnames) > 0) {
        return kr_err_set(&kr_exc_TypeError, "%s() takes no keyword arguments", type->name);
    }
    if (is_unicode_codec_error(type) && unicode_error_check_args(type, args, nargs) < 0) {
        return 0;
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
    if (is_group_type(t) && EXC(e)->extra[1]) {
        intptr_t k = KR_TUPLE_LEN(EXC(e)->extra[1]);
        return kr_str_from_format("%s (%zd sub-exception%s)", kr_str_data(EXC(e)->extra[0]), k,
                                  k == 1 ? "" : "s");
    }
    if (kr_type_is_subtype(t, &kr_exc_OSError) && EXC(e)->extra[1]) {
        return oserror_str(e);
    }
    if (is_unicode_codec_error(t) && n == 5) {
        return unicode_error_str(e);
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
// Methods: add_note, with_traceback, and the groups' derive, subgroup, split

static kr_val exc_m_add_note(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    kr_val a[1];
    if (kr_str_unpack_args("add_note", args, nargs, kw, NULL, 1, 1, a) < 0) {
        return 0;
    }
    if (!kr_str_check(a[0])) {
        return kr_err_set(&kr_exc_TypeError, "note must be a str, not '%s'", kr_type_name(a[0]));
    }
    kr_exc_obj *x = EXC(self);
    if (!x->notes && !(x->notes = kr_list_new(0))) {
        return 0;
    }
    if (!kr_list_check(x->notes)) {
        return kr_err_set(&kr_exc_TypeError, "Cannot add note: __notes__ is not a list");
    }
    return kr_list_append(x->notes, a[0]) < 0 ? 0 : KR_NONE;
}

// Traceback objects are not materialized (see __traceback__), so None is the only value a
// program can pass: it clears the entries.
static kr_val exc_m_with_traceback(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    kr_val a[1];
    if (kr_str_unpack_args("with_traceback", args, nargs, kw, NULL, 1, 1, a) < 0) {
        return 0;
    }
    if (a[0] != KR_NONE) {
        return kr_err_set(&kr_exc_TypeError, "__traceback__ must be a traceback or None");
    }
    exc_free_tb(EXC(self));
    return kr_newref(self);
}

static kr_tb_entry *copy_tb(const kr_tb_entry *t) {
    kr_tb_entry *head = NULL, **tail = &head;
    for (; t; t = t->next) {
        kr_tb_entry *c = kr_alloc(sizeof *c);
        if (!c) {
            kr_err_clear();
            break;
        }
        *c = *t;
        c->next = NULL;
        *tail = c;
        tail = &c->next;
    }
    return head;
}

// BaseExceptionGroup(eg.message, excs) carrying over eg's cause, context, traceback and a
// copy of its notes, as CPython's exceptiongroup_subset.
static kr_val derive_copy(kr_val eg, kr_val excs) {
    kr_exc_obj *x = EXC(eg);
    kr_val r = kr_exc_new(&kr_exc_BaseExceptionGroup, (kr_val[]){ x->extra[0], excs }, 2);
    if (!r) {
        return 0;
    }
    kr_exc_obj *y = EXC(r);
    KR_XINCREF(x->cause);
    KR_XINCREF(x->context);
    y->cause = x->cause;
    y->context = x->context;
    y->suppress_context = x->suppress_context;
    y->tb = copy_tb(x->tb);
    if (x->notes && kr_list_check(x->notes)) {
        y->notes = kr_list_copy(x->notes);
        if (!y->notes) {
            KR_DECREF(r);
            return 0;
        }
    }
    return r;
}

static kr_val group_m_derive(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    kr_val a[1];
    if (kr_str_unpack_args("derive", args, nargs, kw, NULL, 1, 1, a) < 0) {
        return 0;
    }
    return kr_exc_new(&kr_exc_BaseExceptionGroup, (kr_val[]){ EXC(self)->extra[0], a[0] }, 2);
}

// Whether 'exc' satisfies the condition of split/subgroup: an exception class or tuple of
// them, or a predicate. 1/0/-1.
static int split_match(kr_val exc, kr_val cond) {
    bool is_class = KR_TYPE(cond) == &kr_type_type
                    && (((const kr_type *)cond)->flags & KR_TF_EXC_SUB);
    bool classes = is_class || kr_tuple_check(cond);
    for (intptr_t i = 0; !is_class && classes && i < KR_TUPLE_LEN(cond); i++) {
        kr_val c = KR_TUPLE_ITEMS(cond)[i];
        classes = KR_TYPE(c) == &kr_type_type && (((const kr_type *)c)->flags & KR_TF_EXC_SUB);
    }
    if (classes) {
        return kr_exc_matches(exc, cond);
    }
    if (KR_TYPE(cond) == &kr_type_type || kr_builtin_callable(cond) != KR_TRUE) {
        kr_err_set(&kr_exc_TypeError, "expected an exception type, a tuple of exception types, "
                   "or a callable (other than a class)");
        return -1;
    }
    kr_val r = kr_call(cond, &exc, 1, 0);
    int t = r ? kr_is_true(r) : -1;
    KR_XDECREF(r);
    return t;
}

// Splits 'exc' by 'cond' into '*match' and (when 'want_rest') '*rest', each a new reference
// or 0 for None. 0, or -1 with an error.
static int split_rec(kr_val exc, kr_val cond, bool want_rest, kr_val *match, kr_val *rest) {
    *match = *rest = 0;
    int m = split_match(exc, cond);
    if (m != 0) {
        *match = m > 0 ? kr_newref(exc) : 0;
        return m < 0 ? -1 : 0;
    }
    if (!kr_exc_is_group(exc)) {
        *rest = want_rest ? kr_newref(exc) : 0;
        return 0;
    }
    kr_val excs = EXC(exc)->extra[1], ml = kr_list_new(0), rl = kr_list_new(0);
    int rc = ml && rl ? 0 : -1;
    for (intptr_t i = 0; rc == 0 && i < KR_TUPLE_LEN(excs); i++) {
        kr_val m1, r1;
        rc = split_rec(KR_TUPLE_ITEMS(excs)[i], cond, want_rest, &m1, &r1);
        if (rc == 0 && m1) {
            rc = kr_list_append(ml, m1);
        }
        if (rc == 0 && r1) {
            rc = kr_list_append(rl, r1);
        }
        KR_XDECREF(m1);
        KR_XDECREF(r1);
    }
    if (rc == 0 && KR_LIST_LEN(ml) > 0 && !(*match = derive_copy(exc, ml))) {
        rc = -1;
    }
    if (rc == 0 && want_rest && KR_LIST_LEN(rl) > 0 && !(*rest = derive_copy(exc, rl))) {
        rc = -1;
    }
    KR_XDECREF(ml);
    KR_XDECREF(rl);
    if (rc < 0) {
        KR_CLEAR(*match);
    }
    return rc;
}

static kr_val or_none_steal(kr_val v) { return v ? v : KR_NONE; }

static kr_val group_m_subgroup(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    kr_val a[1], match, rest;
    if (kr_str_unpack_args("subgroup", args, nargs, kw, NULL, 1, 1, a) < 0
        || split_rec(self, a[0], false, &match, &rest) < 0) {
        return 0;
    }
    return or_none_steal(match);
}

static kr_val group_m_split(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    kr_val a[1], match, rest;
    if (kr_str_unpack_args("split", args, nargs, kw, NULL, 1, 1, a) < 0
        || split_rec(self, a[0], true, &match, &rest) < 0) {
        return 0;
    }
    kr_val r = kr_tuple_pack(2, match ? match : KR_NONE, rest ? rest : KR_NONE);
    KR_XDECREF(match);
    KR_XDECREF(rest);
    return r;
}

static const kr_method_def exc_methods[] = {
    { "add_note", exc_m_add_note, 0 },
    { "with_traceback", exc_m_with_traceback, 0 },
    { NULL, NULL, 0 },
};

// Found by exc_getattr on groups (the exception classes share one method table).
static const kr_method_def group_methods[] = {
    { "derive", group_m_derive, 0 },
    { "subgroup", group_m_subgroup, 0 },
    { "split", group_m_split, 0 },
    { NULL, NULL, 0 },
};

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
    static const char *const unicode_attrs[] = { "encoding", "object", "start", "end", "reason" };
    for (int i = 0; i < 5 && is_unicode_codec_error(KR_TYPE(e)) && exc_nargs(e) == 5; i++) {
        if (strcmp(s, unicode_attrs[i]) == 0) {
            return kr_newref(exc_arg(e, i));
        }
    }
    if (kr_exc_is_group(e) && (strcmp(s, "message") == 0 || strcmp(s, "exceptions") == 0)) {
        return kr_newref(x->extra[s[0] == 'm' ? 0 : 1]);
    }
    for (const kr_method_def *m = group_methods; kr_exc_is_group(e) && m->name; m++) {
        if (strcmp(s, m->name) == 0) {
            return kr_cfunction_new(m->name, m->fn, e);
        }
    }
    if (strcmp(s, "__notes__") == 0 && x->notes) {
        return kr_newref(x->notes);
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
    if (strcmp(s, "__notes__") == 0) {
        KR_XDECREF(v);
        KR_SETREF(x->notes, value ? kr_newref(value) : 0);
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
        .methods = exc_methods,                              \
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
    if ((const kr_type *)cls == &kr_exc_BaseExceptionGroup) {
        return kr_exc_is_group(exc);
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

// Printing state: groups print boxed, each line behind a margin of 2 * 'depth' spaces and a
// '|' (CPython's traceback._ExceptionPrintContext); 'seen' stops chains that loop.
#define MAX_GROUP_WIDTH 15
#define MAX_SEEN 256

typedef struct {
    int depth;
    bool need_close;
    int nseen;
    kr_val seen[MAX_SEEN];
} print_ctx;

// Writes each line of 'text' behind the margin ('margin' is '|' or '+').
static void emit(print_ctx *c, const char *text, char margin) {
    while (*text) {
        const char *nl = strchr(text, '\n');
        size_t n = nl ? (size_t)(nl - text) + 1 : strlen(text);
        if (c->depth) {
            fprintf(stderr, "%*s%c ", 2 * c->depth, "", margin);
        }
        fwrite(text, 1, n, stderr);
        text += n;
    }
}

static void emitf(print_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void emitf(print_ctx *c, const char *fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    emit(c, buf, '|');
}

// The class name as tracebacks print it: the qualified name, prefixed by the module unless
// that is builtins or __main__.
static void add_type_name(strbuf *b, const kr_type *t) {
    if (t->module && strcmp(t->module, "__main__") != 0 && strcmp(t->module, "builtins") != 0) {
        sb_puts(b, t->module);
        sb_puts(b, ".");
    }
    sb_puts(b, t->qualname ? t->qualname : t->name);
}

// Appends str(v) (or 'fallback' when that fails).
static void add_str(strbuf *b, kr_val v, const char *fallback) {
    kr_val s = kr_str(v);
    if (!s) {
        kr_err_clear();
        sb_puts(b, fallback);
        return;
    }
    sb_add(b, kr_str_data(s), (size_t)kr_str_nbytes(s));
    KR_DECREF(s);
}

// "TypeName: message" (or "TypeName" when str(exc) is empty), then the notes, one per line.
static void print_exception_only(print_ctx *c, kr_val exc) {
    strbuf b = { 0 };
    add_type_name(&b, KR_TYPE(exc));
    kr_val s = kr_str(exc);
    if (!s) {
        kr_err_clear();
        sb_puts(&b, ": <exception str() failed>");
    } else if (kr_str_nbytes(s) > 0) {
        sb_puts(&b, ": ");
        sb_add(&b, kr_str_data(s), (size_t)kr_str_nbytes(s));
    }
    KR_XDECREF(s);
    sb_puts(&b, "\n");
    kr_val notes = EXC(exc)->notes;
    if (notes && (kr_list_check(notes) || kr_tuple_check(notes))) {
        kr_val *items = kr_list_check(notes) ? kr_list_vals(notes) : KR_TUPLE_ITEMS(notes);
        intptr_t n = kr_list_check(notes) ? KR_LIST_LEN(notes) : KR_TUPLE_LEN(notes);
        for (intptr_t i = 0; items && i < n; i++) {
            add_str(&b, items[i], "<note str() failed>");
            sb_puts(&b, "\n");
        }
    } else if (notes) {
        kr_val r = kr_repr(notes);
        sb_puts(&b, r ? kr_str_data(r) : "<__notes__ repr() failed>");
        sb_puts(&b, "\n");
        KR_XDECREF(r);
        kr_err_clear();
    }
    emit(c, b.failed ? "<out of memory>\n" : b.data, '|');
    free(b.data);
}

// CPython 3.13 also prints each frame's source line, reading the .py file at run time; a
// compiled program has no source at hand, and CPython itself omits the line when it cannot
// read the file, so the frame lines alone are the faithful output.
static void print_frames(print_ctx *c, kr_val exc, const char *title, char margin) {
    kr_tb_entry *t = EXC(exc)->tb;
    if (t) {
        emit(c, title, margin);
    }
    for (; t; t = t->next) {
        emitf(c, "  File \"%s\", line %d, in %s\n", t->file, t->line, t->func);
    }
}

static void print_chain(print_ctx *c, kr_val exc);

// A group: its frames, its line, then each sub-exception in a numbered box (at most 15).
static void print_group(print_ctx *c, kr_val exc) {
    bool top = c->depth == 0;
    c->depth += top;
    print_frames(c, exc, "Exception Group Traceback (most recent call last):\n", top ? '+' : '|');
    print_exception_only(c, exc);
    kr_val excs = EXC(exc)->extra[1];
    intptr_t total = KR_TUPLE_LEN(excs);
    intptr_t n = total <= MAX_GROUP_WIDTH ? total : MAX_GROUP_WIDTH + 1;
    c->need_close = false;
    for (intptr_t i = 0; i < n; i++) {
        bool last = i == n - 1, truncated = i >= MAX_GROUP_WIDTH;
        c->need_close |= last;
        char title[32];
        snprintf(title, sizeof title, truncated ? "..." : "%zd", i + 1);
        fprintf(stderr, "%*s%s+---------------- %s ----------------\n", 2 * c->depth, "",
                i == 0 ? "+-" : "  ", title);
        c->depth++;
        if (truncated) {
            intptr_t more = total - MAX_GROUP_WIDTH;
            emitf(c, "and %zd more exception%s\n", more, more > 1 ? "s" : "");
        } else {
            print_chain(c, KR_TUPLE_ITEMS(excs)[i]);
        }
        if (last && c->need_close) {
            fprintf(stderr, "%*s+------------------------------------\n", 2 * c->depth, "");
            c->need_close = false;
        }
        c->depth--;
    }
    c->depth -= top;
}

static void print_one(print_ctx *c, kr_val exc) {
    if (kr_exc_is_group(exc)) {
        print_group(c, exc);
        return;
    }
    print_frames(c, exc, "Traceback (most recent call last):\n", '|');
    print_exception_only(c, exc);
}

static bool seen_before(print_ctx *c, kr_val exc) {
    for (int i = 0; i < c->nseen; i++) {
        if (c->seen[i] == exc) {
            return true;
        }
    }
    return false;
}

// Prints the chain of 'exc' oldest first.
static void print_chain(print_ctx *c, kr_val exc) {
    if (c->nseen < MAX_SEEN) {
        c->seen[c->nseen++] = exc;
    }
    kr_exc_obj *e = EXC(exc);
    kr_val prior = e->cause ? e->cause : e->suppress_context ? 0 : e->context;
    if (prior && kr_exc_check(prior) && !seen_before(c, prior) && c->nseen < MAX_SEEN) {
        print_chain(c, prior);
        emit(c, e->cause ? "\nThe above exception was the direct cause of the following "
                           "exception:\n\n"
                         : "\nDuring handling of the above exception, another exception "
                           "occurred:\n\n",
             '|');
    }
    print_one(c, exc);
}

void kr_exc_print(kr_val exc) {
    static _Thread_local print_ctx ctx;
    ctx.depth = 0;
    ctx.nseen = 0;
    ctx.need_close = false;
    kr_val saved = kr_err_fetch();
    print_chain(&ctx, exc);
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

// The C stack a clone frame of an int fast path may take, at most, per Python-level call: the
// clones are small (pass_pure admits few registers); gcc may inline several levels into one
// frame, each counting for its level.
enum { FAST_FRAME_BYTES = 2048 };

// The frames a clone may open from here: what the recursion limit and the C stack leave.
static int64_t fast_budget(void) {
    int64_t budget = (int64_t)kr_recursion_limit - kr_ts.depth;
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    if (kr_ts.stack_low) {
        int64_t room = sp > kr_ts.stack_low ? (int64_t)((sp - kr_ts.stack_low) / FAST_FRAME_BYTES)
                                            : 0;
        budget = room < budget ? room : budget;
    }
    return budget;
}

int kr_fast_run(kr_fast_fn fn, const int64_t *args, int64_t *out) {
    jmp_buf jb;
    void *prev = kr_ts.fast_jmp;
    kr_ts.fast_jmp = &jb;
    if (setjmp(jb) != 0) {
        kr_ts.fast_jmp = prev;
        return -1;
    }
    *out = fn(args, fast_budget());
    kr_ts.fast_jmp = prev;
    return 0;
}

void kr_fast_bail(void) {
    longjmp(*(jmp_buf *)kr_ts.fast_jmp, 1);
}

// Leaves a margin of the C stack for the runtime's own frames below the lowest Python frame.
void kr_thread_state_init(void) {
    pthread_attr_t attr;
    void *addr;
    size_t size;
    kr_gc_add_root(&kr_ts, sizeof kr_ts);
    kr_ts.stack_low = 0;
    // The main thread's stack is its rlimit below its top; pthread_getattr_np would find the
    // same by parsing /proc/self/maps, slowly.
    uintptr_t top = gettid() == getpid() ? kr_main_stack_top() : 0;
    struct rlimit rl;
    if (top && getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY
        && rl.rlim_cur < top) {
        size = rl.rlim_cur;
        size_t margin = size / 8 > 256 * 1024 ? size / 8 : 256 * 1024;
        kr_ts.stack_low = margin < size ? top - size + margin : 0;
        return;
    }
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
