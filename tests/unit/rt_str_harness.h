// rt_str_harness.h: the table runner shared by test_rt_str.c, test_rt_bytes.c and
// test_rt_format.c. Each table row (rt_*_cases.inc, written by scripts/gen_rt_str_cases.py
// under CPython 3.13) names an operation, a receiver, arguments rebuilt from literals, and
// CPython's repr of the result or "!Type: message" of the exception it raised.
#ifndef RT_STR_HARNESS_H
#define RT_STR_HARNESS_H

#include "krait.h"

#include <CUnit/Basic.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Literal builders: each returns a new reference.
static inline kr_val SN(const char *s, size_t n) { return kr_str_from_utf8(s, n); }
static inline kr_val I(const char *s) { return kr_int_from_string(s, strlen(s), 10); }
static inline kr_val F(double d) { return kr_float_new(d); }
static inline kr_val B(const char *s, size_t n) { return kr_bytes_from_data(s, n); }
static inline kr_val BA(const char *s, size_t n) { return kr_bytearray_from_data(s, n); }
#define TYPE(t) KR_VAL(&(t))

// Containers steal the references of their items.
static inline kr_val TUP(int n, ...) {
    kr_val t = kr_tuple_new(n);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        KR_TUPLE_ITEMS(t)[i] = va_arg(ap, kr_val);
    }
    va_end(ap);
    return t;
}

static inline kr_val LIST(int n, ...) {
    kr_val l = kr_list_new(n);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        kr_val v = va_arg(ap, kr_val);
        CU_ASSERT_FATAL(kr_list_append(l, v) == 0);
        KR_DECREF(v);
    }
    va_end(ap);
    return l;
}

static inline kr_val DICT(int n, ...) {
    kr_val d = kr_dict_new();
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        kr_val k = va_arg(ap, kr_val), v = va_arg(ap, kr_val);
        CU_ASSERT_FATAL(kr_dict_setitem(d, k, v) == 0);
        KR_DECREF(k);
        KR_DECREF(v);
    }
    va_end(ap);
    return d;
}

static inline kr_val SLICE(kr_val a, kr_val b, kr_val c) {
    kr_val s = kr_slice_new(a, b, c);
    KR_DECREF(a);
    KR_DECREF(b);
    KR_DECREF(c);
    return s;
}

// Appends repr(v) to 'b', spelling out lists and tuples item by item.
static void describe_into(kr_strbuf *b, kr_val v) {
    bool tuple = kr_tuple_check(v), list = !tuple && KR_TYPE(v) == &kr_list_type;
    if (tuple || list) {
        intptr_t n = kr_len(v);
        CU_ASSERT_FATAL(kr_strbuf_append_char(b, tuple ? '(' : '[') == 0);
        for (intptr_t i = 0; i < n; i++) {
            kr_val item = kr_getitem(v, KR_FROM_SMALL(i));
            CU_ASSERT_FATAL(item != 0);
            CU_ASSERT_FATAL(kr_strbuf_append_cstr(b, i ? ", " : "") == 0);
            describe_into(b, item);
            KR_DECREF(item);
        }
        CU_ASSERT_FATAL(kr_strbuf_append_cstr(b, tuple && n == 1 ? ",)" : tuple ? ")" : "]")
                        == 0);
        return;
    }
    kr_val r = kr_repr(v);
    CU_ASSERT_FATAL(r != 0);
    CU_ASSERT_FATAL(kr_strbuf_append_str(b, r) == 0);
    KR_DECREF(r);
}

// repr of 'v' (consumed), or "!Type: message" for the pending exception when 'v' is 0.
static kr_val describe(kr_val v) {
    kr_strbuf b;
    kr_strbuf_init(&b);
    if (!v) {
        kr_val e = kr_err_fetch();
        CU_ASSERT_FATAL(e != 0);
        kr_val s = kr_str(e);
        CU_ASSERT_FATAL(s != 0);
        CU_ASSERT_FATAL(kr_strbuf_printf(&b, "!%s: %s", kr_type_name(e), kr_str_data(s)) == 0);
        KR_DECREF(s);
        KR_DECREF(e);
    } else {
        describe_into(&b, v);
        KR_DECREF(v);
    }
    return kr_strbuf_finish(&b);
}

static kr_val call_method(kr_val self, const char *name, kr_val *args, int nargs,
                          const char *kw) {
    kr_val kwnames = 0;
    int nkw = 0;
    if (kw) {
        char names[64][32];
        for (const char *p = kw; *p; nkw++) {
            size_t n = strcspn(p, ",");
            memcpy(names[nkw], p, n);
            names[nkw][n] = '\0';
            p += n + (p[n] == ',');
        }
        kwnames = kr_tuple_new(nkw);
        for (int i = 0; i < nkw; i++) {
            KR_TUPLE_ITEMS(kwnames)[i] = kr_str_from_cstr(names[i]);
        }
    }
    kr_val f = kr_getattr_cstr(self, name);
    kr_val r = f ? kr_call(f, args, (size_t)(nargs - nkw), kwnames) : 0;
    KR_XDECREF(f);
    KR_XDECREF(kwnames);
    return r;
}

static kr_val bool_result(int r) { return r < 0 ? 0 : kr_bool(r); }

static kr_val int_result(intptr_t r) {
    return r == -1 && kr_err_occurred() ? 0 : kr_int_from_i64(r);
}

static kr_val collect_list(kr_val v) {
    kr_val it = kr_iter(v), item, l = kr_list_new(0);
    while (it && (item = kr_next(it))) {
        CU_ASSERT_FATAL(kr_list_append(l, item) == 0);
        KR_DECREF(item);
    }
    KR_XDECREF(it);
    if (kr_err_occurred()) {
        KR_DECREF(l);
        return 0;
    }
    return l;
}

static kr_val call_type(const kr_type *t, kr_val self, kr_val *args, int nargs) {
    kr_val all[8] = { self };
    for (int i = 0; i < nargs; i++) {
        all[i + 1] = args[i];
    }
    return t->new(t, all, (size_t)nargs + 1, 0);
}

static kr_val run_func(const char *name, kr_val self, kr_val *args, int nargs) {
    if (strcmp(name, "format") == 0) {
        return kr_format(self, nargs ? args[0] : 0);
    }
    if (strcmp(name, "repr") == 0) {
        return kr_repr(self);
    }
    if (strcmp(name, "ascii") == 0) {
        return kr_ascii(self);
    }
    if (strcmp(name, "hash") == 0) {
        return int_result(kr_hash(self));
    }
    if (strcmp(name, "len") == 0) {
        return int_result(kr_len(self));
    }
    if (strcmp(name, "list") == 0) {
        return collect_list(self);
    }
    if (strcmp(name, "getitem") == 0) {
        return kr_getitem(self, args[0]);
    }
    if (strcmp(name, "setitem") == 0 || strcmp(name, "delitem") == 0) {
        int rc = name[0] == 's' ? kr_setitem(self, args[0], args[1]) : kr_delitem(self, args[0]);
        return rc < 0 ? 0 : kr_newref(self);
    }
    const kr_type *t = strcmp(name, "str") == 0 ? &kr_str_type
                       : strcmp(name, "bytes") == 0 ? &kr_bytes_type : &kr_bytearray_type;
    return call_type(t, self, args, nargs);
}

static kr_val run_binop(const char *op, kr_val a, kr_val b) {
    static const char *const cmps[] = { "<", "<=", "==", "!=", ">", ">=" };
    if (strcmp(op, "%") == 0) {
        return kr_mod(a, b);
    }
    if (strcmp(op, "+") == 0) {
        return kr_add(a, b);
    }
    if (strcmp(op, "*") == 0) {
        return kr_mul(a, b);
    }
    if (strcmp(op, "in") == 0) {
        return bool_result(kr_contains(a, b));
    }
    for (int i = 0; i < 6; i++) {
        if (strcmp(op, cmps[i]) == 0) {
            return kr_richcompare(a, b, i);
        }
    }
    return kr_err_set(&kr_exc_SystemError, "bad op %s", op);
}

static int failures_shown;

// Runs one row; 'self' and 'args' (a leading dummy, then 'nargs' values) are consumed.
static void run_case(const char *src, const char *kind, const char *name, kr_val self, int nargs,
                     const char *kw, const char *want, kr_val *args) {
    args++;
    kr_val r;
    if (strcmp(kind, "meth") == 0 || strcmp(kind, "after") == 0) {
        r = call_method(self, name, args, nargs, kw);
        if (r && kind[0] == 'a') {
            KR_DECREF(r);
            r = kr_newref(self);
        }
    } else if (strcmp(kind, "func") == 0) {
        r = run_func(name, self, args, nargs);
    } else {
        r = run_binop(name, self, args[0]);
    }
    kr_val got = describe(r);
    if (strcmp(kr_str_data(got), want) != 0 && failures_shown++ < 40) {
        printf("\n  %s: got %s, want %s", src, kr_str_data(got), want);
    }
    CU_ASSERT_STRING_EQUAL(kr_str_data(got), want);
    KR_DECREF(got);
    KR_DECREF(self);
    for (int i = 0; i < nargs; i++) {
        KR_DECREF(args[i]);
    }
    CU_ASSERT(kr_err_occurred() == 0);
}

#define CASE(src, kind, name, self, nargs, kw, want, ...) \
    run_case(src, kind, name, self, nargs, kw, want, (kr_val[]){ 0, __VA_ARGS__ })

// Runs a CUnit suite of 'tests' (NULL-terminated) named 'suite'; the process exit status.
static int run_suite(const char *suite, const CU_TestInfo *tests) {
    kr_runtime_init(0, NULL);
    if (CU_initialize_registry() != CUE_SUCCESS) {
        return 1;
    }
    CU_SuiteInfo suites[] = { { suite, NULL, NULL, NULL, NULL, (CU_TestInfo *)tests },
                              CU_SUITE_INFO_NULL };
    CU_register_suites(suites);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}

#endif
