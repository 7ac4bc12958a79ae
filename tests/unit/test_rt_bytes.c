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

// bytearray += and *= change the object in place, as CPython's (ba += x keeps id(ba)); bytes
// builds a new object. Expected contents from CPython 3.13.
static void test_bytearray_inplace(void) {
    kr_val ba = kr_bytearray_from_data("ab", 2), b = kr_bytes_from_data("cd", 2);
    kr_val r = kr_inplace_add(ba, b);
    CU_ASSERT(r == ba);
    KR_DECREF(r);
    r = kr_inplace_add(ba, ba);  // ba += ba
    CU_ASSERT(r == ba);
    KR_DECREF(r);
    CU_ASSERT_EQUAL(kr_bytes_len(ba), 8);
    CU_ASSERT(memcmp(kr_bytes_data(ba), "abcdabcd", 9) == 0);
    r = kr_inplace_mul(ba, KR_FROM_SMALL(3));
    CU_ASSERT(r == ba);
    KR_DECREF(r);
    CU_ASSERT_EQUAL(kr_bytes_len(ba), 24);
    CU_ASSERT(memcmp(kr_bytes_data(ba) + 16, "abcdabcd", 9) == 0);
    CU_ASSERT(kr_inplace_add(ba, KR_FROM_SMALL(1)) == 0);
    kr_val e = kr_err_fetch(), msg = kr_str(e);
    CU_ASSERT_STRING_EQUAL(kr_str_data(msg), "can't concat int to bytearray");
    KR_DECREF(msg);
    KR_DECREF(e);
    r = kr_inplace_mul(ba, KR_FROM_SMALL(-2));  // ba *= -2 empties it
    CU_ASSERT(r == ba && kr_bytes_len(ba) == 0);
    KR_DECREF(r);
    kr_val c = kr_inplace_add(b, b);  // bytes: a new object
    CU_ASSERT(c != b && kr_bytes_len(c) == 4);
    KR_DECREF(c);
    KR_DECREF(ba);
    KR_DECREF(b);
}

int main(void) {
    static const CU_TestInfo tests[] = {
        { "CPython table", test_bytes_table },
        { "bytearray growth", test_bytearray_growth },
        { "bytearray in place", test_bytearray_inplace },
        { "C API", test_bytes_api },
        CU_TEST_INFO_NULL,
    };
    return run_suite("rt_bytes", tests);
}
