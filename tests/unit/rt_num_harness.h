// rt_num_harness.h: helpers of the number suites (test_rt_int.c, test_rt_float.c): parse the
// tables' literals, describe a result as CPython's repr (or "!Type: message" for a pending
// exception) and compare. Include after krait.h and CUnit; define NUM_FAILURES_SHOWN first to
// change how many mismatches are printed.
#ifndef RT_NUM_HARNESS_H
#define RT_NUM_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef NUM_FAILURES_SHOWN
#define NUM_FAILURES_SHOWN 20
#endif

// Parses a Python int or float literal as the tables write them.
static inline kr_val lit(const char *s) {
    if (strpbrk(s, ".en") || strcmp(s, "inf") == 0) {
        double d;
        CU_ASSERT_FATAL(kr_float_parse(s, strlen(s), &d) == 0);
        return kr_float_new(d);
    }
    kr_val v = kr_int_from_string(s, strlen(s), 10);
    CU_ASSERT_FATAL(v != 0);
    return v;
}

static inline bool is_float_lit(const char *s) { return strpbrk(s, ".en") != NULL; }

// repr(v), with tuples written as CPython writes them; "!Type: message" for a pending
// exception (when 'v' is 0). Consumes 'v'. The result is malloc'd.
static inline char *describe(kr_val v) {
    char *out = malloc(1 << 16);
    if (!v) {
        kr_val e = kr_err_fetch();
        CU_ASSERT_FATAL(e != 0);
        kr_val s = kr_str(e);
        snprintf(out, 1 << 16, "!%s: %s", kr_type_name(e), s ? kr_str_data(s) : "?");
        KR_XDECREF(s);
        KR_DECREF(e);
        return out;
    }
    if (kr_tuple_check(v)) {
        strcpy(out, "(");
        for (intptr_t i = 0; i < KR_TUPLE_LEN(v); i++) {
            kr_val r = kr_repr(KR_TUPLE_ITEMS(v)[i]);
            strcat(out, i ? ", " : "");
            strcat(out, kr_str_data(r));
            KR_DECREF(r);
        }
        strcat(out, ")");
    } else {
        kr_val r = kr_repr(v);
        CU_ASSERT_FATAL(r != 0);
        snprintf(out, 1 << 16, "%s", kr_str_data(r));
        KR_DECREF(r);
    }
    KR_DECREF(v);
    return out;
}

static int failures_shown;  // at most NUM_FAILURES_SHOWN mismatches are printed

static inline void expect(kr_val v, const char *want, const char *what) {
    char *got = describe(v);
    if (strcmp(got, want) != 0 && failures_shown++ < NUM_FAILURES_SHOWN) {
        printf("\n  %s: got %s, want %s", what, got, want);
    }
    CU_ASSERT_STRING_EQUAL(got, want);
    free(got);
}

#endif
