// bench_rt.c: micro-benchmarks of the krait runtime, one named case each, mirrored by the
// function of the same name in cases.py so run.py can compare them with CPython.
//
//   bench_rt CASE     runs CASE once and prints its time in seconds (set-up excluded)
//   bench_rt --list   prints the case names
//
// To add a case: write `static double case_NAME(void)` that prepares its data, times the work
// with now() and returns the seconds; add it to 'cases'; add `def NAME():` to cases.py doing
// the same work the same way (same algorithm, not a faster library call).
#include "krait.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void check(kr_val v) {
    if (!v) {
        exit(kr_exc_handle_uncaught());
    }
}

// r = 1; for i in range(2, n + 1): r *= i
static kr_val factorial(intptr_t n) {
    kr_val r = KR_FROM_SMALL(1);
    for (intptr_t i = 2; i <= n; i++) {
        kr_val t = kr_int_mul(r, KR_FROM_SMALL(i));
        check(t);
        KR_DECREF(r);
        r = t;
    }
    return r;
}

static double case_factorial(void) {
    double t0 = now();
    kr_val r = factorial(20000);
    double t = now() - t0;
    KR_DECREF(r);
    return t;
}

static double case_factorial_str(void) {
    kr_val r = factorial(20000);
    if (kr_int_set_max_str_digits(0) < 0) {
        exit(kr_exc_handle_uncaught());
    }
    double t0 = now();
    kr_val s = kr_int_repr(r);
    double t = now() - t0;
    check(s);
    if (kr_str_nbytes(s) != 77338) {
        fprintf(stderr, "factorial_str: wrong length %ld\n", (long)kr_str_nbytes(s));
        exit(1);
    }
    KR_DECREF(s);
    KR_DECREF(r);
    return t;
}

// s = 0.0; for i in range(n): s += i * 0.5 with boxed floats, through the generic operators.
static double case_float_boxed_sum(void) {
    double t0 = now();
    kr_val s = kr_float_new(0.0), half = kr_float_new(0.5);
    check(s);
    for (intptr_t i = 0; i < 2000000; i++) {
        kr_val p = kr_mul(KR_FROM_SMALL(i), half);
        check(p);
        kr_val n = kr_add(s, p);
        check(n);
        KR_DECREF(p);
        KR_DECREF(s);
        s = n;
    }
    double t = now() - t0;
    KR_DECREF(s);
    KR_DECREF(half);
    return t;
}

// repr() of 200,000 floats.
static double case_float_repr(void) {
    double t0 = now();
    for (intptr_t i = 0; i < 200000; i++) {
        kr_val f = kr_float_new((double)i / 7.0);
        check(f);
        kr_val r = kr_repr(f);
        check(r);
        KR_DECREF(r);
        KR_DECREF(f);
    }
    return now() - t0;
}

// ','.join(parts) ten times, parts = [str(i) for i in range(1000000)] (a list).
static double case_join(void) {
    kr_val parts = kr_list_new(0), sep = kr_str_from_cstr(",");
    check(parts);
    for (intptr_t i = 0; i < 1000000; i++) {
        kr_val s = kr_int_repr(KR_FROM_SMALL(i));
        check(s);
        if (kr_list_append(parts, s) < 0) {
            exit(kr_exc_handle_uncaught());
        }
        KR_DECREF(s);
    }
    double t0 = now();
    for (int k = 0; k < 10; k++) {
        kr_val j = kr_str_join(sep, parts);
        check(j);
        if (kr_str_len(j) != 6888889) {
            fprintf(stderr, "join: wrong length %ld\n", (long)kr_str_len(j));
            exit(1);
        }
        KR_DECREF(j);
    }
    double t = now() - t0;
    KR_DECREF(parts);
    KR_DECREF(sep);
    return t;
}

// d = {}; d[i] = i for i in range(1000000); then d[i] for each i.
static double case_dict_int(void) {
    double t0 = now();
    kr_val d = kr_dict_new();
    check(d);
    for (intptr_t i = 0; i < 1000000; i++) {
        if (kr_dict_setitem(d, KR_FROM_SMALL(i), KR_FROM_SMALL(i)) < 0) {
            exit(kr_exc_handle_uncaught());
        }
    }
    for (intptr_t i = 0; i < 1000000; i++) {
        kr_val v = kr_dict_getitem(d, KR_FROM_SMALL(i));
        check(v);
        KR_DECREF(v);
    }
    double t = now() - t0;
    KR_DECREF(d);
    return t;
}

// keys = [str(i) for i in range(1000000)] (set-up); d[k] = 0 for each key, then d[k] for each.
static double case_dict_str(void) {
    kr_val keys = kr_list_new(0);
    check(keys);
    for (intptr_t i = 0; i < 1000000; i++) {
        kr_val s = kr_int_repr(KR_FROM_SMALL(i));
        check(s);
        if (kr_list_append(keys, s) < 0) {
            exit(kr_exc_handle_uncaught());
        }
        KR_DECREF(s);
    }
    kr_val *k = kr_list_vals(keys);
    double t0 = now();
    kr_val d = kr_dict_new();
    check(d);
    for (intptr_t i = 0; i < 1000000; i++) {
        if (kr_dict_setitem(d, k[i], KR_FROM_SMALL(0)) < 0) {
            exit(kr_exc_handle_uncaught());
        }
    }
    for (intptr_t i = 0; i < 1000000; i++) {
        kr_val v = kr_dict_getitem(d, k[i]);
        check(v);
        KR_DECREF(v);
    }
    double t = now() - t0;
    KR_DECREF(d);
    KR_DECREF(keys);
    return t;
}

// a = []; a.append(i) for i in range(10000000).
static double case_list_append(void) {
    double t0 = now();
    kr_val a = kr_list_new(0);
    check(a);
    for (intptr_t i = 0; i < 10000000; i++) {
        if (kr_list_append(a, KR_FROM_SMALL(i)) < 0) {
            exit(kr_exc_handle_uncaught());
        }
    }
    double t = now() - t0;
    KR_DECREF(a);
    return t;
}

// a.sort() of 1,000,000 pseudo-random ints (the same LCG sequence as cases.py).
static double case_list_sort(void) {
    kr_val a = kr_list_new(1000000);
    check(a);
    uint64_t x = 12345;
    for (intptr_t i = 0; i < 1000000; i++) {
        x = (x * 6364136223846793005u + 1442695040888963407u) & ((1ull << 63) - 1);
        if (kr_list_append(a, KR_FROM_SMALL((intptr_t)(x >> 33))) < 0) {
            exit(kr_exc_handle_uncaught());
        }
    }
    double t0 = now();
    if (kr_list_sort(a, 0, false) < 0) {
        exit(kr_exc_handle_uncaught());
    }
    double t = now() - t0;
    KR_DECREF(a);
    return t;
}

static const struct {
    const char *name;
    double (*run)(void);
} cases[] = {
    { "factorial", case_factorial },
    { "factorial_str", case_factorial_str },
    { "float_boxed_sum", case_float_boxed_sum },
    { "float_repr", case_float_repr },
    { "join", case_join },
    { "dict_int", case_dict_int },
    { "dict_str", case_dict_str },
    { "list_append", case_list_append },
    { "list_sort", case_list_sort },
};

int main(int argc, char **argv) {
    kr_runtime_init(argc, argv);
    if (argc != 2) {
        fprintf(stderr, "usage: bench_rt CASE | --list\n");
        return 2;
    }
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (strcmp(argv[1], "--list") == 0) {
            printf("%s\n", cases[i].name);
        } else if (strcmp(argv[1], cases[i].name) == 0) {
            printf("%.6f\n", cases[i].run());
            return 0;
        }
    }
    if (strcmp(argv[1], "--list") == 0) {
        return 0;
    }
    fprintf(stderr, "bench_rt: unknown case '%s'\n", argv[1]);
    return 2;
}
