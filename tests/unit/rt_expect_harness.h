// rt_expect_harness.h: the string expectations shared by the runtime's CUnit suites
// (test_rt_class, test_rt_exc, test_rt_func, test_rt_object). Each consumes 's' (a new
// reference, or 0 when the call failed, which fails the test).
#ifndef RT_EXPECT_HARNESS_H
#define RT_EXPECT_HARNESS_H

#include "krait.h"

#include <CUnit/Basic.h>
#include <stdio.h>
#include <string.h>

static inline void expect_str(kr_val s, const char *want) {
    CU_ASSERT_FATAL(s != 0);
    if (strcmp(kr_str_data(s), want) != 0) {
        printf("\n  got %s, want %s", kr_str_data(s), want);
    }
    CU_ASSERT_STRING_EQUAL(kr_str_data(s), want);
    KR_DECREF(s);
}

static inline void expect_prefix(kr_val s, const char *want) {
    CU_ASSERT_FATAL(s != 0);
    if (strncmp(kr_str_data(s), want, strlen(want)) != 0) {
        printf("\n  got %s, want prefix %s", kr_str_data(s), want);
    }
    CU_ASSERT(strncmp(kr_str_data(s), want, strlen(want)) == 0);
    KR_DECREF(s);
}

#endif
