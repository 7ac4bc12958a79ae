// test_rt_float.c: CUnit suite "rt_float" for runtime/float.c. Expected values come from
// CPython 3.13: tests/data/float_repr.txt (scripts/gen_float_repr.py) holds repr() of about
// 13,000 doubles, rt_num_cases.inc (scripts/gen_rt_num_cases.py) the operators; the other
// tables were printed by CPython and pasted here.
#include "krait.h"

#include <CUnit/Basic.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *data_path;

#define NUM_FAILURES_SHOWN 30
#include "rt_num_harness.h"

static kr_val apply(const char *op, kr_val a, kr_val b) {
    static const char *const cmps[] = { "<", "<=", "==", "!=", ">", ">=" };
    for (int i = 0; i < 6; i++) {
        if (strcmp(op, cmps[i]) == 0) {
            return kr_richcompare(a, b, i);
        }
    }
    if (strcmp(op, "divmod") == 0) {
        return kr_builtin_divmod(a, b);
    }
    for (int i = 0; i < KR_OP_COUNT; i++) {
        if (strcmp(op, kr_binop_symbols[i]) == 0 || (i == KR_OP_POW && strcmp(op, "**") == 0)) {
            return kr_binary_op((kr_binop)i, a, b);
        }
    }
    CU_FAIL_FATAL("unknown operator");
    return 0;
}

typedef struct {
    const char *a, *op, *b, *want;
} num_case;

static const num_case num_cases[] = {
#include "rt_num_cases.inc"
};

// ---------------------------------------------------------------------------------------------
// Tests

static void test_float_table(void) {
    int n = 0;
    for (size_t i = 0; i < sizeof num_cases / sizeof num_cases[0]; i++) {
        const num_case *c = &num_cases[i];
        if (!is_float_lit(c->a) && !is_float_lit(c->b)) {
            continue;
        }
        kr_val a = lit(c->a), b = lit(c->b);
        char what[1024];
        snprintf(what, sizeof what, "%.200s %s %.200s", c->a, c->op, c->b);
        expect(apply(c->op, a, b), c->want, what);
        KR_DECREF(a);
        KR_DECREF(b);
        n++;
    }
    CU_ASSERT(n > 1000);
}

// Every line of float_repr.txt: the repr matches, and parsing it gives the same bits back.
static void test_repr_file(void) {
    FILE *f = fopen(data_path, "r");
    CU_ASSERT_FATAL(f != NULL);
    char line[256], want[128];
    unsigned long long bits;
    int n = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        CU_ASSERT_FATAL(sscanf(line, "%llx %127s", &bits, want) == 2);
        double d;
        memcpy(&d, &bits, sizeof d);
        char got[40];
        kr_float_repr_cstr(d, got);
        double back;
        CU_ASSERT_FATAL(kr_float_parse(got, strlen(got), &back) == 0);
        bool same = strcmp(got, want) == 0 && (isnan(d) || memcmp(&back, &d, sizeof d) == 0);
        if (!same && bad++ < 20) {
            printf("\n  %016llx: got %s, want %s", bits, got, want);
        }
        n++;
    }
    fclose(f);
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT(n >= 10000);
}

static const struct {
    const char *text, *want;
} parse_cases[] = {
{ "1.5", "1.5" },
{ " 1.5 ", "1.5" },
{ "-2", "-2.0" },
{ "+3.", "3.0" },
{ ".5", "0.5" },
{ "-.5e3", "-500.0" },
{ "1e5", "100000.0" },
{ "1E-5", "1e-05" },
{ "1_000.000_1", "1000.0001" },
{ "1__0", "!ValueError: could not convert string to float: '1__0'" },
{ "_1", "!ValueError: could not convert string to float: '_1'" },
{ "1_", "!ValueError: could not convert string to float: '1_'" },
{ "1._5", "!ValueError: could not convert string to float: '1._5'" },
{ "1_.5", "!ValueError: could not convert string to float: '1_.5'" },
{ "1e_5", "!ValueError: could not convert string to float: '1e_5'" },
{ "1e5_", "!ValueError: could not convert string to float: '1e5_'" },
{ "1e1_0", "10000000000.0" },
{ "inf", "inf" },
{ "-Infinity", "-inf" },
{ "+INF", "inf" },
{ "nan", "nan" },
{ "-NaN", "nan" },
{ "NAN", "nan" },
{ "infinit", "!ValueError: could not convert string to float: 'infinit'" },
{ "nanx", "!ValueError: could not convert string to float: 'nanx'" },
{ "0x10", "!ValueError: could not convert string to float: '0x10'" },
{ "1e", "!ValueError: could not convert string to float: '1e'" },
{ "e5", "!ValueError: could not convert string to float: 'e5'" },
{ ".", "!ValueError: could not convert string to float: '.'" },
{ "", "!ValueError: could not convert string to float: ''" },
{ "  ", "!ValueError: could not convert string to float: '  '" },
{ "-", "!ValueError: could not convert string to float: '-'" },
{ "1.5.", "!ValueError: could not convert string to float: '1.5.'" },
{ "1e400", "inf" },
{ "-1e400", "-inf" },
{ "1e-400", "0.0" },
{ "0.1", "0.1" },
{ "2.2250738585072011e-308", "2.225073858507201e-308" },
{ "4.9406564584124654e-324", "5e-324" },
{ "2.4703282292062328e-324", "5e-324" },
{ "2.4703282292062327e-324", "0.0" },
{ "\t\n42\r ", "42.0" },
{ "1 2", "!ValueError: could not convert string to float: '1 2'" },
{ "1.7976931348623158e308", "1.7976931348623157e+308" },
{ "1.7976931348623159e308", "inf" },
{ "123456789012345678901234567890", "1.2345678901234568e+29" },
{ "0.000000000000000000000000000000000000001", "1e-39" },
};

static void test_parse(void) {
    for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
        kr_val s = kr_str_from_cstr(parse_cases[i].text);
        expect(kr_builtin_float(s), parse_cases[i].want, parse_cases[i].text);
        KR_DECREF(s);
    }
    // Digits of any script and Unicode spaces, as in test_rt_int.c.
    static const struct {
        const char *text, *want;
    } unicode_cases[] = {
        { "\xd9\xa3.5", "3.5" },
        { "\xc2\xa0" "12\xe2\x80\x83", "12.0" },
        { "\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93.5", "123.5" },
        { "1\xd9\xa3x", "!ValueError: could not convert string to float: '1\xd9\xa3x'" },
    };
    for (size_t i = 0; i < sizeof unicode_cases / sizeof unicode_cases[0]; i++) {
        kr_val s = kr_str_from_cstr(unicode_cases[i].text);
        expect(kr_builtin_float(s), unicode_cases[i].want, unicode_cases[i].text);
        KR_DECREF(s);
    }
    expect(kr_builtin_float(KR_NONE),
           "!TypeError: float() argument must be a string or a real number, not 'NoneType'",
           "float(None)");
    expect(kr_builtin_float(0), "0.0", "float()");
    expect(kr_builtin_float(KR_TRUE), "1.0", "float(True)");
}

static const struct {
    double x;
    int ndigits;
    bool has_ndigits;
    const char *want;
} round_cases[] = {
{ 0x1.4000000000000p+1, 0, false, "2" },
{ 0x1.c000000000000p+1, 0, false, "4" },
{ -0x1.4000000000000p+1, 0, false, "-2" },
{ -0x1.0000000000000p-1, 0, false, "0" },
{ 0x1.0000000000000p-1, 0, false, "0" },
{ 0x1.8000000000000p+0, 0, false, "2" },
{ 0x1.5666666666666p+1, 2, true, "2.67" },
{ 0x1.0147ae147ae14p+0, 2, true, "1.0" },
{ 0x1.0000000000000p-3, 2, true, "0.12" },
{ 0x1.8000000000000p-2, 2, true, "0.38" },
{ -0x1.0000000000000p-3, 2, true, "-0.12" },
{ 0x1.81cd6e631f8a1p+13, -2, true, "12300.0" },
{ 0x1.81f0000000000p+13, -2, true, "12400.0" },
{ 0x1.7ed0000000000p+13, -2, true, "12200.0" },
{ 0x1.7ed000346dc5dp+13, -2, true, "12300.0" },
{ -0x1.999999999999ap-2, 0, true, "-0.0" },
{ 0x1.999999999999ap-2, 0, true, "0.0" },
{ 0x1.7e43c8800759cp+996, -300, true, "1e+300" },
{ 0x1.fffffffffffffp+1023, -308, true, "!OverflowError: rounded value too large to represent" },
{ 0x1.ab36d48e1acf0p+1023, -308, true, "!OverflowError: rounded value too large to represent" },
{ 0x1.edd2f1a9fbe77p+6, 400, true, "123.456" },
{ 0x1.edd2f1a9fbe77p+6, -400, true, "0.0" },
{ -0x1.edd2f1a9fbe77p+6, -400, true, "-0.0" },
{ 0x0.0000000000001p-1022, 323, true, "0.0" },
{ 0x0.0000000000001p-1022, 324, true, "5e-324" },
{ 0x1.999999999999ap-4, 1, true, "0.1" },
{ 0x1.3333333333333p-3, 1, true, "0.1" },
{ 0x1.0000000000000p-2, 1, true, "0.2" },
{ 0x1.6666666666666p-2, 1, true, "0.3" },
{ 0x1.1c37937e08001p+53, -1, true, "1e+16" },
{ 0x1.0000000000000p+70, -5, true, "1.1805916207174113e+21" },
{ INFINITY, 2, true, "inf" },
{ NAN, 2, true, "nan" },
{ -0x0.0p+0, 1, true, "-0.0" },
{ 0x1.0f7bfe5db09ebp-33, 15, true, "1.23457e-10" },
{ 0x1.1666666666666p+2, 1, true, "4.3" },
{ 0x1.3fd70a3d70a3dp+3, 2, true, "9.99" },
{ 0x1.34a0000000000p+10, -1, true, "1230.0" },
{ 0x1.375999999999ap+10, -1, true, "1250.0" },
{ 0x1.0f0cf064dd592p+73, -21, true, "1e+22" },
{ 0x1.0000000000000p+63, 0, false, "9223372036854775808" },
{ 0x1.7e43c8800759cp+996, 0, false, "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160" },
};

static void test_round(void) {
    for (size_t i = 0; i < sizeof round_cases / sizeof round_cases[0]; i++) {
        kr_val x = kr_float_new(round_cases[i].x);
        kr_val nd = round_cases[i].has_ndigits ? KR_FROM_SMALL(round_cases[i].ndigits) : KR_NONE;
        char what[64];
        snprintf(what, sizeof what, "round(%a, %d)", round_cases[i].x, round_cases[i].ndigits);
        expect(kr_builtin_round(x, nd), round_cases[i].want, what);
        KR_DECREF(x);
    }
    kr_val x = kr_float_new(INFINITY);
    expect(kr_builtin_round(x, KR_NONE), "!OverflowError: cannot convert float infinity to integer",
           "round(inf)");
    KR_DECREF(x);
    x = kr_float_new(NAN);
    expect(kr_builtin_round(x, KR_NONE), "!ValueError: cannot convert float NaN to integer",
           "round(nan)");
    KR_DECREF(x);
}

static const struct {
    double d;
    const char *hash;
} hash_cases[] = {
{ 0x0.0p+0, "0" },
{ -0x0.0p+0, "0" },
{ 0x1.0000000000000p+0, "1" },
{ -0x1.0000000000000p+0, "-2" },
{ 0x1.0000000000000p-1, "1152921504606846976" },
{ 0x1.8000000000000p+0, "1152921504606846977" },
{ -0x1.8000000000000p+0, "-1152921504606846977" },
{ 0x1.7e43c8800759cp+996, "1224995262755759164" },
{ 0x1.56e1fc2f8f359p-997, "482449582752280463" },
{ 0x1.0000000000000p+61, "1" },
{ 0x1.0000000000000p+62, "2" },
{ 0x0.0000000000001p-1022, "16777216" },
{ INFINITY, "314159" },
{ -INFINITY, "-314159" },
{ 0x1.edd2f1a9fbe77p+6, "1051464412201451643" },
{ 0x1.0000000000000p+53, "9007199254740992" },
{ 0x0.0000000000001p-1022, "16777216" },
{ 0x1.fffffffffffffp+1023, "2234066890152476671" },
};

static void test_hash(void) {
    for (size_t i = 0; i < sizeof hash_cases / sizeof hash_cases[0]; i++) {
        kr_val f = kr_float_new(hash_cases[i].d);
        expect(kr_builtin_hash(f), hash_cases[i].hash, "hash(float)");
        KR_DECREF(f);
    }
    // Integral floats hash as the equal int.
    kr_val f = kr_float_new(1e20), i = kr_int_from_string("100000000000000000000", 21, 10);
    CU_ASSERT_EQUAL(kr_hash(f), kr_hash(i));
    KR_DECREF(f);
    KR_DECREF(i);
    // nan hashes by identity: stable for one object.
    kr_val n = kr_float_new(NAN);
    CU_ASSERT_EQUAL(kr_hash(n), kr_hash(n));
    KR_DECREF(n);
}

static const struct {
    double d;
    const char *i, *want;
} compare_cases[] = {
{ 0x1.0000000000000p+53, "9007199254740993", "True True False True False False" },
{ 0x1.0000000000000p+53, "9007199254740992", "False True True False False True" },
{ 0x1.5af1d78b58c40p+66, "100000000000000000000", "False True True False False True" },
{ 0x1.5af1d78b58c40p+66, "100000000000000000001", "True True False True False False" },
{ 0x1.5af1d78b58c40p+66, "99999999999999999999", "False False False True True True" },
{ -0x1.5af1d78b58c40p+66, "-100000000000000000001", "False False False True True True" },
{ 0x1.0000000000000p+63, "9223372036854775808", "False True True False False True" },
{ 0x1.0000000000000p-1, "0", "False False False True True True" },
{ -0x1.0000000000000p-1, "-1", "False False False True True True" },
{ -0x1.0000000000000p-1, "0", "True True False True False False" },
{ INFINITY, "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "False False False True True True" },
{ -INFINITY, "-10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "True True False True False False" },
{ NAN, "1", "False False False True False False" },
{ 0x1.1ccf385ebc8a0p+1023, "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "True True False True False False" },
{ 0x1.0000000000000p+62, "4611686018427387904", "False True True False False True" },
};

static void test_compare_int(void) {
    static const char *const names[] = { "False", "True" };
    for (size_t k = 0; k < sizeof compare_cases / sizeof compare_cases[0]; k++) {
        kr_val f = kr_float_new(compare_cases[k].d);
        kr_val i = kr_int_from_string(compare_cases[k].i, strlen(compare_cases[k].i), 10);
        char got[64] = "";
        for (int op = 0; op < 6; op++) {
            int r = kr_richcompare_bool(f, i, op);
            strcat(got, op ? " " : "");
            strcat(got, names[r == 1]);
        }
        CU_ASSERT_STRING_EQUAL(got, compare_cases[k].want);
        KR_DECREF(f);
        KR_DECREF(i);
    }
}

static void test_unboxed(void) {
    CU_ASSERT_EQUAL(kr_float_floordiv(-7.0, 2.0), -4.0);
    CU_ASSERT_EQUAL(kr_float_mod(-7.0, 2.0), 1.0);
    CU_ASSERT_EQUAL(kr_float_mod(7.0, -2.0), -1.0);
    CU_ASSERT(signbit(kr_float_mod(-4.0, 2.0)) == 0);
    CU_ASSERT(signbit(kr_float_mod(4.0, -2.0)) != 0);
    CU_ASSERT(kr_float_div(1.0, 0.0) == -1.0 && kr_err_occurred());
    kr_err_clear();
    CU_ASSERT_EQUAL(kr_float_pow(-2.0, 9.0), -512.0);
    CU_ASSERT_EQUAL(kr_float_pow(NAN, 0.0), 1.0);
    CU_ASSERT_EQUAL(kr_float_pow(1.0, NAN), 1.0);
    CU_ASSERT_EQUAL(kr_float_pow(-INFINITY, 3.0), -INFINITY);
    CU_ASSERT_EQUAL(kr_float_pow(0.5, -INFINITY), INFINITY);
    double big = kr_float_pow(10.0, 400.0);
    CU_ASSERT(big == -1.0 && kr_err_occurred());
    expect(0, "!OverflowError: (34, 'Numerical result out of range')", "10.0 ** 400");
    double x = kr_float_as_double(KR_NONE);
    CU_ASSERT(x == -1.0);
    expect(0, "!TypeError: must be real number, not NoneType", "as_double(None)");
}

static void test_methods(void) {
    kr_val f = kr_float_new(-0.375);
    kr_val m = kr_getattr_cstr(f, "as_integer_ratio");
    expect(kr_call(m, NULL, 0, 0), "(-3, 8)", "as_integer_ratio");
    KR_DECREF(m);
    m = kr_getattr_cstr(f, "is_integer");
    expect(kr_call(m, NULL, 0, 0), "False", "is_integer");
    KR_DECREF(m);
    KR_DECREF(f);
    f = kr_float_new(1e300);
    m = kr_getattr_cstr(f, "as_integer_ratio");
    kr_val r = kr_call(m, NULL, 0, 0);
    CU_ASSERT(r && kr_tuple_check(r) && KR_TUPLE_ITEMS(r)[1] == KR_FROM_SMALL(1));
    KR_XDECREF(r);
    KR_DECREF(m);
    KR_DECREF(f);
    f = kr_float_new(2.5);
    expect(kr_builtin_divmod(f, KR_FROM_SMALL(-1)), "(-3.0, -0.5)", "divmod(2.5, -1)");
    expect(kr_int_from_val(f), "2", "int(2.5)");
    expect(kr_getattr_cstr(f, "imag"), "0.0", "imag");
    KR_DECREF(f);
}

// float.hex and float.fromhex (expectations printed by CPython 3.13).
static void test_hex(void) {
    static const struct {
        double d;
        const char *expect;
    } hex[] = {
        { 1.0, "0x1.0000000000000p+0" },
        { -0.1, "-0x1.999999999999ap-4" },
        { 0.0, "0x0.0p+0" },
        { -0.0, "-0x0.0p+0" },
        { 5e-324, "0x0.0000000000001p-1022" },
        { 2.2250738585072014e-308, "0x1.0000000000000p-1022" },
        { 1.7976931348623157e+308, "0x1.fffffffffffffp+1023" },
        { INFINITY, "inf" },
        { NAN, "nan" },
        { 3.14159, "0x1.921f9f01b866ep+1" },
        { 1e-310, "0x0.012688b70e62bp-1022" },
    };
    for (size_t i = 0; i < sizeof hex / sizeof hex[0]; i++) {
        kr_val f = kr_float_new(hex[i].d), m = kr_getattr_cstr(f, "hex");
        CU_ASSERT_FATAL(m != 0);
        char *got = describe(kr_call(m, NULL, 0, 0)), want[64];
        snprintf(want, sizeof want, "'%s'", hex[i].expect);
        CU_ASSERT_STRING_EQUAL(got, want);
        free(got);
        KR_DECREF(m);
        KR_DECREF(f);
    }
    static const struct {
        const char *text, *expect;
    } from[] = {
        { "0x1.8p1", "3.0" },
        { "1.8p1", "3.0" },
        { "  -0X1P-2  ", "-0.25" },
        { "inf", "inf" },
        { "-Infinity", "-inf" },
        { "nan", "nan" },
        { "0x.8", "0.5" },
        { "0x1.", "1.0" },
        { "ff", "255.0" },
        { "0x1p-1074", "5e-324" },
        { "0x1p-1075", "0.0" },
        { "0x3p-1076", "5e-324" },
        { "0x1p1024", "!OverflowError: hexadecimal value too large to represent as a float" },
        { "0x1.fffffffffffff8p1023", "!OverflowError: hexadecimal value too large to represent as a float" },
        { "0x1.fffffffffffff7p1023", "1.7976931348623157e+308" },
        { "0x", "!ValueError: invalid hexadecimal floating-point string" },
        { "0x.p1", "!ValueError: invalid hexadecimal floating-point string" },
        { "1p", "!ValueError: invalid hexadecimal floating-point string" },
        { "0x1p+", "!ValueError: invalid hexadecimal floating-point string" },
        { " ", "!ValueError: invalid hexadecimal floating-point string" },
        { "", "!ValueError: invalid hexadecimal floating-point string" },
        { "0x1 2", "!ValueError: invalid hexadecimal floating-point string" },
        { "0x1.000000000000080000001p0", "1.0000000000000002" },
        { "0x1.0000000000000800p0", "1.0" },
        { "0x10000000000000000000000p-88", "1.0" },
        { "0x1p99999999999999999999", "!OverflowError: hexadecimal value too large to represent as a float" },
        { "0x1p-99999999999999999999", "0.0" },
    };
    kr_val m = kr_getattr_cstr(KR_VAL(&kr_float_type), "fromhex");
    CU_ASSERT_FATAL(m != 0);
    for (size_t i = 0; i < sizeof from / sizeof from[0]; i++) {
        kr_val t = kr_str_from_cstr(from[i].text);
        char *got = describe(kr_call(m, &t, 1, 0));
        if (strcmp(got, from[i].expect) != 0) {
            printf("\n  fromhex(%s): got %s, want %s", from[i].text, got, from[i].expect);
        }
        CU_ASSERT_STRING_EQUAL(got, from[i].expect);
        free(got);
        KR_DECREF(t);
    }
    KR_DECREF(m);
}

int main(int argc, char **argv) {
    static char path[4096];
    if (argc > 1) {
        data_path = argv[1];
    } else {
        snprintf(path, sizeof path, "%s", __FILE__);
        char *slash = strrchr(path, '/');
        snprintf(slash ? slash + 1 : path, sizeof path - (size_t)(slash ? slash + 1 - path : 0),
                 "../data/float_repr.txt");
        data_path = path;
    }
    kr_runtime_init(argc, argv);
    CU_initialize_registry();
    CU_pSuite s = CU_add_suite("rt_float", NULL, NULL);
    CU_add_test(s, "operation table", test_float_table);
    CU_add_test(s, "repr of float_repr.txt", test_repr_file);
    CU_add_test(s, "float(text)", test_parse);
    CU_add_test(s, "round", test_round);
    CU_add_test(s, "hash", test_hash);
    CU_add_test(s, "compare with int", test_compare_int);
    CU_add_test(s, "unboxed arithmetic", test_unboxed);
    CU_add_test(s, "methods", test_methods);
    CU_add_test(s, "hex and fromhex", test_hex);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed != 0;
}
