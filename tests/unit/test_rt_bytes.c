// test_rt_bytes.c: CUnit suite "rt_bytes" for runtime/bytes.c (bytes and bytearray), checked
// against CPython 3.13 (rt_bytes_cases.inc, written by scripts/gen_rt_str_cases.py).
#include "rt_str_harness.h"

static void test_bytes_table(void) {
#include "rt_bytes_cases.inc"
}

static void test_bytearray_growth(void) {
    kr_val ba = kr_bytearray_from_data("", 0);
    for (int i = 0; i < 1000; i++) {
        CU_ASSERT_FATAL(kr_bytearray_append(ba, KR_FROM_SMALL(i % 256)) == 0);
    }
    CU_ASSERT_EQUAL(kr_bytes_len(ba), 1000);
    CU_ASSERT_EQUAL((unsigned char)kr_bytes_data(ba)[999], 999 % 256);
    CU_ASSERT_EQUAL(kr_bytes_data(ba)[1000], 0);
    CU_ASSERT(kr_bytearray_setitem(ba, KR_FROM_SMALL(0), KR_FROM_SMALL(7)) == 0);
    CU_ASSERT_EQUAL(kr_bytes_data(ba)[0], 7);
    CU_ASSERT(kr_hash(ba) == -1);
    CU_ASSERT(kr_err_matches(&kr_exc_TypeError));
    kr_err_clear();
    KR_DECREF(ba);
}

static void test_bytes_api(void) {
    kr_val a = kr_bytes_from_data("ab", 2), b = kr_bytes_from_data("cd", 2);
    kr_val c = kr_bytes_concat(a, b);
    CU_ASSERT_EQUAL(kr_bytes_len(c), 4);
    CU_ASSERT(memcmp(kr_bytes_data(c), "abcd", 4) == 0);
    CU_ASSERT_EQUAL(kr_bytes_hash(a), kr_hash_bytes("ab", 2));
    CU_ASSERT_EQUAL(kr_bytes_contains(c, b), 1);
    kr_val s = kr_bytes_decode(c, "ascii", NULL);
    CU_ASSERT(kr_str_equal_cstr(s, "abcd"));
    KR_DECREF(a);
    KR_DECREF(b);
    KR_DECREF(c);
    KR_DECREF(s);
}

int main(void) {
    static const CU_TestInfo tests[] = {
        { "CPython table", test_bytes_table },
        { "bytearray growth", test_bytearray_growth },
        { "C API", test_bytes_api },
        CU_TEST_INFO_NULL,
    };
    return run_suite("rt_bytes", tests);
}
