// test_rt_format.c: CUnit suite "rt_format" for runtime/format.c: format() and the
// format-spec mini-language, str.format, and % formatting, checked against CPython 3.13
// (rt_format_cases.inc, written by scripts/gen_rt_str_cases.py).
#include "rt_str_harness.h"

static void test_format_table(void) {
#include "rt_format_cases.inc"
}

static void test_double_layout(void) {
    static const struct {
        double d;
        char type;
        int prec, flags;
        const char *want;  // printed by CPython's float.__format__ / repr
    } cases[] = {
        { 0.1, 'r', 0, 0, "0.1" },
        { 1e16, 'r', 0, KR_DTSF_ADD_DOT_0, "1e+16" },
        { 1.0, 'r', 0, KR_DTSF_ADD_DOT_0, "1.0" },
        { 123.456, 'e', 2, 0, "1.23e+02" },
        { 123.456, 'f', 1, KR_DTSF_SIGN, "+123.5" },
        { 0.000012345, 'g', 3, 0, "1.23e-05" },
        { 1e-300, 'e', 0, KR_DTSF_UPPER, "1E-300" },
        { -0.0, 'f', 1, KR_DTSF_NO_NEG_0, "0.0" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kr_strbuf b;
        kr_strbuf_init(&b);
        CU_ASSERT(kr_format_double_cstr(&b, cases[i].d, cases[i].type, cases[i].prec,
                                        cases[i].flags) == 0);
        kr_val s = kr_strbuf_finish(&b);
        CU_ASSERT_STRING_EQUAL(kr_str_data(s), cases[i].want);
        KR_DECREF(s);
    }
}

static void test_format_cstr(void) {
    kr_val v = kr_format_cstr(KR_FROM_SMALL(255), "#06x");
    CU_ASSERT(kr_str_equal_cstr(v, "0x00ff"));
    KR_DECREF(v);
    kr_val s = kr_str_from_cstr("{0}-{x}");
    kr_val args[2] = { KR_FROM_SMALL(1), kr_str_from_cstr("y") };
    kr_val names = kr_tuple_pack(1, kr_str_from_cstr("x"));
    kr_val r = kr_str_format(s, args, 1, names);
    CU_ASSERT(kr_str_equal_cstr(r, "1-y"));
    KR_DECREF(KR_TUPLE_ITEMS(names)[0]);  // kr_tuple_pack took its own reference
    KR_DECREF(names);
    KR_DECREF(args[1]);
    KR_DECREF(s);
    KR_DECREF(r);
}

int main(void) {
    static const CU_TestInfo tests[] = {
        { "CPython table", test_format_table },
        { "float digit layout", test_double_layout },
        { "C API", test_format_cstr },
        CU_TEST_INFO_NULL,
    };
    return run_suite("rt_format", tests);
}
