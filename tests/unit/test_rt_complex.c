// test_rt_complex.c: CUnit suite "rt_complex" for runtime/complex.c. The expectations in
// rt_complex_cases.inc come from CPython 3.13 (scripts/gen_rt_complex_cases.py): operators
// between complex, int and float operands, unary operations and attributes, complex(text),
// repr of special values, ** and the float ** float cases whose result is complex.
#include "krait.h"

#include <CUnit/Basic.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt_complex_cases.inc"

// The operand "i:INT", "f:FLOAT" or "c:TEXT" (new reference).
static kr_val operand(const char *spec) {
    const char *t = spec + 2;
    kr_val v = 0;
    if (spec[0] == 'i') {
        v = kr_int_from_string(t, strlen(t), 10);
    } else if (spec[0] == 'f') {
        double d;
        CU_ASSERT_FATAL(kr_float_parse(t, strlen(t), &d) == 0);
        v = kr_float_new(d);
    } else {
        v = kr_complex_from_string(t, strlen(t));
    }
    CU_ASSERT_FATAL(v != 0);
    return v;
}

// repr(v), or "!Type: message" for the pending exception when 'v' is 0; consumes 'v'.
static void expect(kr_val v, const char *want, const char *what) {
    char got[512];
    if (!v) {
        kr_val e = kr_err_fetch();
        CU_ASSERT_FATAL(e != 0);
        kr_val s = kr_str(e);
        snprintf(got, sizeof got, "!%s: %s", kr_type_name(e), s ? kr_str_data(s) : "?");
        KR_XDECREF(s);
        KR_DECREF(e);
    } else {
        kr_val r = kr_repr(v);
        CU_ASSERT_FATAL(r != 0);
        snprintf(got, sizeof got, "%s", kr_str_data(r));
        KR_DECREF(r);
        KR_DECREF(v);
    }
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "\n%s: got %s, want %s\n", what, got, want);
    }
    CU_ASSERT_STRING_EQUAL(got, want);
}

static kr_val binop(const char *op, kr_val a, kr_val b) {
    if (strcmp(op, "+") == 0) {
        return kr_add(a, b);
    }
    if (strcmp(op, "-") == 0) {
        return kr_sub(a, b);
    }
    if (strcmp(op, "*") == 0) {
        return kr_mul(a, b);
    }
    if (strcmp(op, "/") == 0) {
        return kr_truediv(a, b);
    }
    if (strcmp(op, "**") == 0) {
        return kr_pow(a, b);
    }
    return kr_richcompare(a, b, strcmp(op, "==") == 0 ? KR_EQ : KR_NE);
}

static void test_binops(void) {
    for (size_t i = 0; i < sizeof binop_cases / sizeof binop_cases[0]; i++) {
        kr_val a = operand(binop_cases[i].a), b = operand(binop_cases[i].b);
        char what[128];
        snprintf(what, sizeof what, "%s %s %s", binop_cases[i].a, binop_cases[i].op,
                 binop_cases[i].b);
        expect(binop(binop_cases[i].op, a, b), binop_cases[i].expect, what);
        KR_DECREF(a);
        KR_DECREF(b);
    }
}

static kr_val unary(const char *op, kr_val a) {
    if (strcmp(op, "-") == 0) {
        return kr_neg(a);
    }
    if (strcmp(op, "+") == 0) {
        return kr_pos(a);
    }
    if (strcmp(op, "abs") == 0) {
        return kr_abs(a);
    }
    if (strcmp(op, "bool") == 0) {
        int t = kr_is_true(a);
        return t < 0 ? 0 : kr_bool(t);
    }
    if (strcmp(op, "hash") == 0) {
        intptr_t h = kr_hash(a);
        return h == -1 ? 0 : kr_int_from_i64(h);
    }
    if (strcmp(op, "conjugate") == 0) {
        kr_val m = kr_getattr_cstr(a, "conjugate");
        kr_val r = m ? kr_call(m, NULL, 0, 0) : 0;
        KR_XDECREF(m);
        return r;
    }
    return kr_getattr_cstr(a, op);
}

static void test_unary(void) {
    for (size_t i = 0; i < sizeof unary_cases / sizeof unary_cases[0]; i++) {
        kr_val a = operand(unary_cases[i].a);
        char what[128];
        snprintf(what, sizeof what, "%s(%s)", unary_cases[i].op, unary_cases[i].a);
        expect(unary(unary_cases[i].op, a), unary_cases[i].expect, what);
        KR_DECREF(a);
    }
}

static void test_parse(void) {
    for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
        const char *t = parse_cases[i].text;
        expect(kr_complex_from_string(t, strlen(t)), parse_cases[i].expect, t);
    }
}

static void test_repr(void) {
    for (size_t i = 0; i < sizeof repr_cases / sizeof repr_cases[0]; i++) {
        expect(kr_complex_new(repr_cases[i].re, repr_cases[i].im), repr_cases[i].expect,
               repr_cases[i].expect);
    }
}

static void test_pow(void) {
    for (size_t i = 0; i < sizeof pow_cases / sizeof pow_cases[0]; i++) {
        expect(kr_complex_pow_parts(pow_cases[i].ar, pow_cases[i].ai, pow_cases[i].br,
                                    pow_cases[i].bi),
               pow_cases[i].expect, "pow");
    }
    for (size_t i = 0; i < sizeof float_pow_cases / sizeof float_pow_cases[0]; i++) {
        kr_val a = kr_float_new(float_pow_cases[i].a), b = kr_float_new(float_pow_cases[i].b);
        expect(kr_pow(a, b), float_pow_cases[i].expect, "float ** float");
        KR_DECREF(a);
        KR_DECREF(b);
    }
    // (-8) ** 0.5: an int base goes through float's slot as well.
    kr_val h = kr_float_new(0.5);
    expect(kr_pow(KR_FROM_SMALL(-8), h), "(1.7319121124709868e-16+2.8284271247461903j)",
           "(-8) ** 0.5");
    KR_DECREF(h);
}

// The constructor: complex(), complex(x), complex(re, im) and its errors (CPython 3.13).
static void test_new(void) {
    kr_val t = KR_VAL(&kr_complex_type), c12 = kr_complex_new(1, 2), s = kr_str_from_cstr("1j");
    kr_val l = kr_list_new(0), j3 = kr_complex_new(0, 3);
    expect(kr_call(t, NULL, 0, 0), "0j", "complex()");
    expect(kr_call(t, (kr_val[]){ KR_FROM_SMALL(2) }, 1, 0), "(2+0j)", "complex(2)");
    expect(kr_call(t, (kr_val[]){ c12, j3 }, 2, 0), "(-2+2j)", "complex(1+2j, 3j)");
    expect(kr_call(t, (kr_val[]){ KR_FROM_SMALL(1), KR_FROM_SMALL(2) }, 2, 0), "(1+2j)",
           "complex(1, 2)");
    expect(kr_call(t, (kr_val[]){ s, KR_FROM_SMALL(2) }, 2, 0),
           "!TypeError: complex() can't take second arg if first is a string", "str, 2");
    expect(kr_call(t, (kr_val[]){ KR_FROM_SMALL(2), s }, 2, 0),
           "!TypeError: complex() second arg can't be a string", "2, str");
    expect(kr_call(t, (kr_val[]){ l }, 1, 0),
           "!TypeError: complex() first argument must be a string or a number, not 'list'",
           "list");
    expect(kr_call(t, (kr_val[]){ KR_FROM_SMALL(1), l }, 2, 0),
           "!TypeError: complex() second argument must be a number, not 'list'", "1, list");
    // Ordering is not defined; // and % are not either.
    expect(kr_richcompare(c12, j3, KR_LT),
           "!TypeError: '<' not supported between instances of 'complex' and 'complex'", "<");
    expect(kr_floordiv(c12, j3),
           "!TypeError: unsupported operand type(s) for //: 'complex' and 'complex'", "//");
    expect(kr_power(c12, j3, KR_FROM_SMALL(2)), "!ValueError: complex modulo", "pow 3");
    KR_DECREF(c12);
    KR_DECREF(s);
    KR_DECREF(l);
    KR_DECREF(j3);
}

// Equal numbers hash alike: hash(2+0j) == hash(2) == hash(2.0).
static void test_hash_consistency(void) {
    kr_val c = kr_complex_new(2, 0), f = kr_float_new(2.0);
    CU_ASSERT_EQUAL(kr_hash(c), kr_hash(KR_FROM_SMALL(2)));
    CU_ASSERT_EQUAL(kr_hash(c), kr_hash(f));
    CU_ASSERT_EQUAL(kr_eq(c, KR_FROM_SMALL(2)), 1);
    KR_DECREF(c);
    KR_DECREF(f);
}

int main(int argc, char **argv) {
    kr_runtime_init(argc, argv);
    CU_initialize_registry();
    CU_pSuite s = CU_add_suite("rt_complex", NULL, NULL);
    CU_add_test(s, "binary operators", test_binops);
    CU_add_test(s, "unary operations and attributes", test_unary);
    CU_add_test(s, "complex(text)", test_parse);
    CU_add_test(s, "repr", test_repr);
    CU_add_test(s, "power", test_pow);
    CU_add_test(s, "constructor", test_new);
    CU_add_test(s, "hash of equal numbers", test_hash_consistency);
    CU_basic_set_mode(CU_BRM_NORMAL);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed != 0;
}
