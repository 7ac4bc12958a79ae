// test_rt_gc.c: CUnit suite "rt_gc" for runtime/gc.c and the runtime's behaviour at its
// limits: allocations too large to satisfy raise MemoryError (or OverflowError where CPython
// 3.13 does) instead of crashing, deep recursion through kr_call raises RecursionError at the
// recursion limit and, with the limit raised past what the C stack holds, before the stack
// runs out; large buffers grow and keep their contents; cyclic garbage is collected.
#include "krait.h"

#include <CUnit/Basic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

// 2**k as an int.
static kr_val pow2(int k) {
    kr_val r = kr_int_lshift(KR_FROM_SMALL(1), KR_FROM_SMALL(k));
    CU_ASSERT_FATAL(r != 0);
    return r;
}

// 'r' must be 0 with a pending 'type' whose str is 'msg'.
static void expect_error(kr_val r, const kr_type *type, const char *msg, const char *what) {
    CU_ASSERT(r == 0);
    KR_XDECREF(r);
    kr_val e = kr_err_fetch();
    CU_ASSERT_FATAL(e != 0);
    kr_val s = kr_str(e);
    if (KR_TYPE(e) != type || strcmp(kr_str_data(s), msg) != 0) {
        printf("\n  %s: got %s: %s", what, kr_type_name(e), kr_str_data(s));
    }
    CU_ASSERT(KR_TYPE(e) == type);
    CU_ASSERT_STRING_EQUAL(kr_str_data(s), msg);
    KR_DECREF(s);
    KR_DECREF(e);
}

// The results CPython 3.13 gives for the same expressions (in the comments).
static void test_memory_error(void) {
    kr_val big = pow2(62), huge = pow2(63);
    kr_val l = kr_list_new(0), t = kr_tuple_pack(1, KR_FROM_SMALL(0));
    CU_ASSERT(kr_list_append(l, KR_FROM_SMALL(0)) == 0);
    expect_error(kr_mul(l, big), &kr_exc_MemoryError, "", "[0] * 2**62");
    expect_error(kr_mul(t, big), &kr_exc_MemoryError, "", "(0,) * 2**62");
    kr_val bt = KR_VAL(&kr_bytes_type), bat = KR_VAL(&kr_bytearray_type);
    expect_error(kr_call(bt, &big, 1, 0), &kr_exc_MemoryError, "", "bytes(2**62)");
    expect_error(kr_call(bat, &big, 1, 0), &kr_exc_MemoryError, "", "bytearray(2**62)");
    expect_error(kr_call(bt, &huge, 1, 0), &kr_exc_OverflowError,
                 "cannot fit 'int' into an index-sized integer", "bytes(2**63)");
    kr_val x = kr_bytes_from_data("x", 1), xy = kr_bytes_from_data("xy", 2);
    expect_error(kr_mul(x, big), &kr_exc_MemoryError, "", "b'x' * 2**62");
    expect_error(kr_mul(xy, big), &kr_exc_OverflowError, "repeated bytes are too long",
                 "b'xy' * 2**62");
    kr_val a = kr_str_from_cstr("a"), ab = kr_str_from_cstr("ab");
    expect_error(kr_mul(a, big), &kr_exc_MemoryError, "", "'a' * 2**62");
    expect_error(kr_mul(ab, big), &kr_exc_OverflowError, "repeated string is too long",
                 "'ab' * 2**62");
    kr_val m = kr_getattr_cstr(x, "center");
    expect_error(kr_call(m, &big, 1, 0), &kr_exc_MemoryError, "", "b'x'.center(2**62)");
    KR_DECREF(m);
    // The allocator itself: NULL with MemoryError, never an abort.
    CU_ASSERT(kr_alloc(SIZE_MAX / 2) == NULL);
    CU_ASSERT(kr_err_matches(&kr_exc_MemoryError));
    kr_err_clear();
    CU_ASSERT(kr_alloc_atomic((size_t)1 << 62) == NULL);
    CU_ASSERT(kr_err_matches(&kr_exc_MemoryError));
    kr_err_clear();
    kr_val vals[] = { big, huge, l, t, x, xy, a, ab };
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        KR_DECREF(vals[i]);
    }
}

// A Python-level function as the compiler emits its boxed entry: it enters a frame and calls
// itself through kr_call, so the recursion runs through the generic call path.
static int depth;
static kr_val recurse_obj;  // the function object recurse_fn calls

static kr_val recurse_fn(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    (void)args;
    (void)nargs;
    (void)kwnames;
    if (kr_enter_call() < 0) {
        return 0;
    }
    depth++;
    kr_val r = kr_call(recurse_obj, NULL, 0, 0);
    kr_leave_call();
    return r;
}

static void run_recursion(int limit) {
    int saved = kr_recursion_limit;
    kr_recursion_limit = limit;
    kr_val f = kr_cfunction_new("f", recurse_fn, 0);
    CU_ASSERT_FATAL(f != 0);
    recurse_obj = f;
    depth = 0;
    expect_error(kr_call(f, NULL, 0, 0), &kr_exc_RecursionError,
                 "maximum recursion depth exceeded", "recursion");
    CU_ASSERT_EQUAL(kr_ts.depth, 0);
    kr_recursion_limit = saved;
    KR_DECREF(f);
}

static void test_recursion(void) {
    run_recursion(1000);
    CU_ASSERT_EQUAL(depth, 1000);
    // A limit far beyond what the C stack holds: the stack guard stops it first.
    run_recursion(100000000);
    CU_ASSERT(depth > 1000 && depth < 100000000);
    // And the runtime still works afterwards.
    run_recursion(50);
    CU_ASSERT_EQUAL(depth, 50);
}

// Large lists and strs grow in place or by copying and keep every item.
static void test_large_growth(void) {
    kr_val l = kr_list_new(0);
    for (intptr_t i = 0; i < 2000000; i++) {
        CU_ASSERT_FATAL(kr_list_append(l, KR_FROM_SMALL(i)) == 0);
    }
    kr_val *v = kr_list_vals(l);
    bool ok = true;
    for (intptr_t i = 0; i < 2000000; i++) {
        ok &= v[i] == KR_FROM_SMALL(i);
    }
    CU_ASSERT(ok);
    kr_strbuf b;
    kr_strbuf_init(&b);
    for (int i = 0; i < 300000; i++) {
        CU_ASSERT_FATAL(kr_strbuf_printf(&b, "%06d", i) == 0);
    }
    kr_val s = kr_strbuf_finish(&b);
    CU_ASSERT_EQUAL(kr_str_nbytes(s), 1800000);
    CU_ASSERT(memcmp(kr_str_data(s) + 6 * 123456, "123456", 6) == 0);
    KR_DECREF(s);
    KR_DECREF(l);
}

// A list that contains itself is garbage only the tracing collector can find; collecting
// must not disturb live data. Without the collector (KRAIT_RT_MALLOC) cycles leak by design,
// so only the collection itself is checked there.
static void test_collect_cycles(void) {
    kr_val keep = kr_str_from_cstr("still here");
    for (int i = 0; kr_gc_is_tracing() && i < 1000; i++) {
        kr_val l = kr_list_new(0);
        CU_ASSERT_FATAL(kr_list_append(l, l) == 0);
        KR_DECREF(l);
    }
    CU_ASSERT(kr_gc_collect() >= 0);
    CU_ASSERT_STRING_EQUAL(kr_str_data(keep), "still here");
    KR_DECREF(keep);
}

int main(int argc, char **argv) {
    kr_runtime_init(argc, argv);
    CU_initialize_registry();
    CU_pSuite s = CU_add_suite("rt_gc", NULL, NULL);
    CU_add_test(s, "MemoryError for absurd sizes", test_memory_error);
    CU_add_test(s, "recursion through kr_call", test_recursion);
    CU_add_test(s, "large buffers grow", test_large_growth);
    CU_add_test(s, "collecting cycles", test_collect_cycles);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed != 0;
}
