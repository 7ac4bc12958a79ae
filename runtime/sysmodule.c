// sysmodule.c: the sys module.
//
// argv (from kr_sys_set_argv, decoded as UTF-8 with surrogateescape as CPython does), exit,
// maxsize, version / version_info (krait implements Python 3.13.0), platform, byteorder, the
// recursion limit and int_max_str_digits (the runtime's own settings, so changing them here
// changes the runtime's behaviour), float_info, intern, exception(), getdefaultencoding, and
// stdin / stdout / stderr. The streams are not stored in the module dict: reads and writes of
// those three attributes go to fileio.c's kr_sys_stream / kr_sys_set_stream, so that print()
// sees an assignment to sys.stdout. version_info and float_info are "struct sequences": tuples
// with named fields and a repr like CPython's.
#include "krait.h"
#include "kr_io.h"

#include <float.h>
#include <string.h>

#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define BYTEORDER "big"
#else
#define BYTEORDER "little"
#endif

static int sys_argc;
static char **sys_argv;

void kr_sys_set_argv(int argc, char **argv) {
    sys_argc = argc;
    sys_argv = argv;
}

// ---------------------------------------------------------------------------------------------
// Struct sequences: a tuple subtype whose fields also have names.

typedef struct {
    kr_type type;
    const char *const *fields;
} structseq_type;

static kr_val structseq_repr(kr_val v) {
    const structseq_type *t = (const structseq_type *)KR_TYPE(v);
    kr_reprbuf b = { 0 };
    int ok = kr_reprbuf_cstr(&b, t->type.module) | kr_reprbuf_cstr(&b, ".")
             | kr_reprbuf_cstr(&b, t->type.name) | kr_reprbuf_cstr(&b, "(");
    for (intptr_t i = 0; ok == 0 && i < KR_TUPLE_LEN(v); i++) {
        ok = kr_reprbuf_cstr(&b, i ? ", " : "") | kr_reprbuf_cstr(&b, t->fields[i])
             | kr_reprbuf_cstr(&b, "=") | kr_reprbuf_repr(&b, KR_TUPLE_ITEMS(v)[i]);
    }
    if (ok < 0 || kr_reprbuf_cstr(&b, ")") < 0) {
        kr_reprbuf_free(&b);
        return 0;
    }
    return kr_reprbuf_finish(&b);
}

static kr_val structseq_getattr(kr_val v, kr_val name) {
    const structseq_type *t = (const structseq_type *)KR_TYPE(v);
    for (intptr_t i = 0; i < KR_TUPLE_LEN(v); i++) {
        if (kr_str_equal_cstr(name, t->fields[i])) {
            return kr_newref(KR_TUPLE_ITEMS(v)[i]);
        }
    }
    return kr_generic_getattr(v, name);
}

#define STRUCTSEQ_TYPE(cname, pyname, fieldnames)      \
    static structseq_type cname = {                    \
        .type = {                                      \
            .ob = KR_STATIC_HEADER(&kr_type_type),     \
            .name = (pyname),                          \
            .module = "sys",                           \
            .base = &kr_tuple_type,                    \
            .basicsize = sizeof(kr_tuple_obj),         \
            .flags = KR_TF_TUPLE_SUB,                  \
            .repr = structseq_repr,                    \
            .str = structseq_repr,                     \
            .getattr = structseq_getattr,              \
        },                                             \
        .fields = (fieldnames),                        \
    }

static const char *const version_info_fields[] = { "major", "minor", "micro", "releaselevel",
                                                   "serial" };
static const char *const float_info_fields[] = { "max",     "max_exp",   "max_10_exp", "min",
                                                 "min_exp", "min_10_exp", "dig",       "mant_dig",
                                                 "epsilon", "radix",     "rounds" };
STRUCTSEQ_TYPE(version_info_type, "version_info", version_info_fields);
STRUCTSEQ_TYPE(float_info_type, "float_info", float_info_fields);

// A struct sequence of type 't' from the 'n' values that follow (stolen; any may be 0).
static kr_val structseq_new(structseq_type *t, intptr_t n, ...) {
    va_list ap;
    va_start(ap, n);
    kr_val r = kr_tuple_new(n);
    bool failed = !r;
    for (intptr_t i = 0; i < n; i++) {
        kr_val v = va_arg(ap, kr_val);
        failed |= !v;
        if (r) {
            KR_TUPLE_ITEMS(r)[i] = v ? v : kr_newref(KR_NONE);
        } else {
            KR_XDECREF(v);
        }
    }
    va_end(ap);
    if (failed) {
        KR_XDECREF(r);
        return 0;
    }
    KR_OBJ(r)->type = &t->type;
    return r;
}

static kr_val make_version_info(void) {
    return structseq_new(&version_info_type, 5, KR_FROM_SMALL(3), KR_FROM_SMALL(13),
                         KR_FROM_SMALL(0), kr_str_from_cstr("final"), KR_FROM_SMALL(0));
}

static kr_val make_float_info(void) {
    return structseq_new(&float_info_type, 11, kr_float_new(DBL_MAX), KR_FROM_SMALL(DBL_MAX_EXP),
                         KR_FROM_SMALL(DBL_MAX_10_EXP), kr_float_new(DBL_MIN),
                         KR_FROM_SMALL(DBL_MIN_EXP), KR_FROM_SMALL(DBL_MIN_10_EXP),
                         KR_FROM_SMALL(DBL_DIG), KR_FROM_SMALL(DBL_MANT_DIG),
                         kr_float_new(DBL_EPSILON), KR_FROM_SMALL(FLT_RADIX),
                         KR_FROM_SMALL(FLT_ROUNDS));
}

// ---------------------------------------------------------------------------------------------
// Functions

kr_val kr_sys_exit(kr_val code) {
    kr_val exc = kr_exc_new(&kr_exc_SystemExit, &code, code ? 1 : 0);
    return exc ? kr_err_raise(exc) : 0;
}

static kr_val sys_exit(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    if (kr_args_check("exit", nargs, kwnames, 0, 1) < 0) {
        return 0;
    }
    return kr_sys_exit(nargs ? args[0] : 0);
}

static kr_val sys_getrecursionlimit(kr_val self, const kr_val *args, size_t nargs,
                                    kr_val kwnames) {
    (void)self, (void)args;
    if (kr_args_check("sys.getrecursionlimit", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return KR_FROM_SMALL(kr_recursion_limit);
}

// An int argument that must fit a C int ("Python int too large to convert to C int").
static int int_arg(kr_val v, int *out) {
    if (kr_float_check(v)) {
        kr_err_set(&kr_exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    kr_val i = kr_index(v);
    int64_t n;
    int r = i ? kr_int_as_i64(i, &n) : -1;
    KR_XDECREF(i);
    if (r == 0 && (n > INT32_MAX || n < INT32_MIN)) {
        kr_err_set(&kr_exc_OverflowError, "Python int too large to convert to C int");
        r = -1;
    }
    if (r < 0 && kr_err_matches(&kr_exc_OverflowError)) {
        kr_err_clear();
        kr_err_set(&kr_exc_OverflowError, "Python int too large to convert to C int");
    }
    *out = r == 0 ? (int)n : 0;
    return r;
}

static kr_val sys_setrecursionlimit(kr_val self, const kr_val *args, size_t nargs,
                                    kr_val kwnames) {
    (void)self;
    int n;
    if (kr_args_check("setrecursionlimit", nargs, kwnames, 1, 1) < 0 || int_arg(args[0], &n) < 0) {
        return 0;
    }
    if (n < 1) {
        return kr_err_set(&kr_exc_ValueError, "recursion limit must be greater or equal than 1");
    }
    if (n <= kr_ts.depth) {
        return kr_err_set(&kr_exc_RecursionError,
                          "cannot set the recursion limit to %d at the recursion depth %d: the "
                          "limit is too low",
                          n, kr_ts.depth);
    }
    kr_recursion_limit = n;
    return KR_NONE;
}

static kr_val sys_get_int_max_str_digits(kr_val self, const kr_val *args, size_t nargs,
                                         kr_val kwnames) {
    (void)self, (void)args;
    if (kr_args_check("sys.get_int_max_str_digits", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return kr_int_from_i64(kr_int_get_max_str_digits());
}

static kr_val sys_set_int_max_str_digits(kr_val self, const kr_val *args, size_t nargs,
                                         kr_val kwnames) {
    (void)self;
    static const char *const names[] = { "maxdigits" };
    kr_val v;
    if (kr_str_unpack_args("set_int_max_str_digits", args, nargs, kwnames, names, 1, 1, &v) < 0) {
        return 0;
    }
    int n;
    if (int_arg(v, &n) < 0 || kr_int_set_max_str_digits(n) < 0) {
        return 0;
    }
    return KR_NONE;
}

static kr_val sys_intern(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    if (kr_args_check("intern", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!kr_str_check(args[0]) || KR_TYPE(args[0]) != &kr_str_type) {
        return kr_err_set(&kr_exc_TypeError, "intern() argument must be str, not %s",
                          kr_type_name(args[0]));
    }
    return kr_newref(args[0]);
}

static kr_val sys_exception(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self, (void)args;
    if (kr_args_check("sys.exception", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return kr_newref(kr_ts.handling ? kr_ts.handling : KR_NONE);
}

static kr_val sys_getdefaultencoding(kr_val self, const kr_val *args, size_t nargs,
                                     kr_val kwnames) {
    (void)self, (void)args;
    if (kr_args_check("sys.getdefaultencoding", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return kr_str_from_cstr("utf-8");
}

// ---------------------------------------------------------------------------------------------
// The module: stdin / stdout / stderr are forwarded to fileio.c.

static const char *const stream_names[] = { "stdin", "stdout", "stderr" };

static int stream_index(kr_val name) {
    for (int i = 0; i < 3; i++) {
        if (kr_str_equal_cstr(name, stream_names[i])) {
            return i;
        }
    }
    return -1;
}

static kr_val sysmodule_getattr(kr_val mod, kr_val name) {
    int i = stream_index(name);
    if (i < 0) {
        return kr_module_type.getattr(mod, name);
    }
    kr_val f = kr_sys_stream(i);
    return f ? kr_newref(f) : 0;
}

static int sysmodule_setattr(kr_val mod, kr_val name, kr_val value) {
    int i = stream_index(name);
    if (i < 0) {
        return kr_module_type.setattr(mod, name, value);
    }
    if (!value) {
        kr_err_set(&kr_exc_AttributeError, "cannot delete sys.%s", stream_names[i]);
        return -1;
    }
    kr_sys_set_stream(i, value);
    return 0;
}

static kr_type sysmodule_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "module",
    .base = &kr_module_type,
    .basicsize = sizeof(kr_module_obj),
    .getattr = sysmodule_getattr,
    .setattr = sysmodule_setattr,
};

// CPython decodes arguments with surrogateescape; while str.c lacks that handler, undecodable
// bytes become U+FFFD.
static kr_val decode_arg(const char *a) {
    kr_val s = kr_str_decode(a, strlen(a), "utf-8", "surrogateescape");
    if (!s && kr_err_matches(&kr_exc_LookupError)) {
        kr_err_clear();
        s = kr_str_decode(a, strlen(a), "utf-8", "replace");
    }
    return s;
}

static kr_val make_argv(void) {
    kr_val list = kr_list_new(sys_argc);
    for (int i = 0; list && i < sys_argc; i++) {
        const char *a = sys_argv[i];
        kr_val s = decode_arg(a);
        if (!s || kr_list_append(list, s) < 0) {
            KR_CLEAR(list);
        }
        KR_XDECREF(s);
    }
    if (list && sys_argc == 0) {
        // CPython's argv is [''] when no script path is known.
        kr_val s = kr_str_empty();
        if (kr_list_append(list, s) < 0) {
            KR_CLEAR(list);
        }
    }
    return list;
}

static const struct {
    const char *name;
    kr_cfunc fn;
} sys_functions[] = {
    { "exit", sys_exit },
    { "getrecursionlimit", sys_getrecursionlimit },
    { "setrecursionlimit", sys_setrecursionlimit },
    { "get_int_max_str_digits", sys_get_int_max_str_digits },
    { "set_int_max_str_digits", sys_set_int_max_str_digits },
    { "intern", sys_intern },
    { "exception", sys_exception },
    { "getdefaultencoding", sys_getdefaultencoding },
};

static int add_values(kr_val m) {
    if (kr_module_add_steal(m, "argv", make_argv()) < 0
        || kr_module_add_int(m, "maxsize", INTPTR_MAX) < 0
        || kr_module_add_steal(m, "version_info", make_version_info()) < 0
        || kr_module_add_str(m, "version", "3.13.0 (krait)") < 0
        || kr_module_add_int(m, "hexversion", 0x030d00f0) < 0
        || kr_module_add_str(m, "platform", "linux") < 0
        || kr_module_add_str(m, "byteorder", BYTEORDER) < 0
        || kr_module_add_steal(m, "float_info", make_float_info()) < 0) {
        return -1;
    }
    for (size_t i = 0; i < sizeof sys_functions / sizeof *sys_functions; i++) {
        if (kr_module_add_cfunc(m, sys_functions[i].name, sys_functions[i].fn) < 0) {
            return -1;
        }
    }
    return 0;
}

kr_val kr_sysmodule_init(void) {
    kr_val m = kr_module_new("sys");
    if (!m) {
        return 0;
    }
    KR_OBJ(m)->type = &sysmodule_type;
    if (add_values(m) < 0) {
        KR_DECREF(m);
        return 0;
    }
    return m;
}
