// test_rt_itertools.c: CUnit suite "rt_itertools" for runtime/itertools.c: every tool's results,
// laziness (infinite inputs through islice, takewhile, ...), argument errors, reprs, groupby's
// grouper invalidation and tee's shared buffer. The cases (rt_itertools_cases.inc) come from
// scripts/gen_rt_itertools_cases.py run under CPython 3.13, with the helper functions below
// defined the same way there.
#include "krait.h"

#include "rt_mod_eval.inc"
#include "rt_itertools_cases.inc"

#define HELPER_1(name, expr)                                                              \
    static kr_val fn_##name(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {   \
        (void)self;                                                                       \
        if (kr_args_check(#name, nargs, kw, 1, 1) < 0) {                                  \
            return 0;                                                                     \
        }                                                                                 \
        kr_val x = args[0];                                                               \
        return expr;                                                                      \
    }                                                                                     \
    static KR_CFUNCTION_STATIC(f_##name, #name, fn_##name);
#define HELPER_2(name, fn)                                                                \
    static kr_val fn_##name(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {   \
        (void)self;                                                                       \
        return kr_args_check(#name, nargs, kw, 2, 2) < 0 ? 0 : fn(args[0], args[1]);      \
    }                                                                                     \
    static KR_CFUNCTION_STATIC(f_##name, #name, fn_##name);

HELPER_1(lt5, kr_richcompare(x, KR_FROM_SMALL(5), KR_LT))
HELPER_1(odd, kr_mod(x, KR_FROM_SMALL(2)))
HELPER_1(neg, kr_neg(x))
HELPER_1(first, kr_getitem(x, KR_FROM_SMALL(0)))
HELPER_1(mod3, kr_mod(x, KR_FROM_SMALL(3)))
HELPER_1(iter, kr_iter(x))
HELPER_2(add, kr_add)
HELPER_2(mul, kr_mul)

static kr_val fn_next(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    if (kr_args_check("next", nargs, kw, 1, 1) < 0) {
        return 0;
    }
    kr_val v = kr_next(args[0]);
    return v || kr_err_occurred() ? v : kr_err_set_none(&kr_exc_StopIteration);
}
static KR_CFUNCTION_STATIC(f_next, "next", fn_next);

static kr_val fn_len(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    if (kr_args_check("len", nargs, kw, 1, 1) < 0) {
        return 0;
    }
    intptr_t n = kr_len(args[0]);
    return n < 0 ? 0 : KR_FROM_SMALL(n);
}
static KR_CFUNCTION_STATIC(f_len, "len", fn_len);

static const struct {
    const char *name;
    kr_val value;
} globals[] = {
    { "lt5", (kr_val)&f_lt5 },   { "odd", (kr_val)&f_odd },     { "neg", (kr_val)&f_neg },
    { "first", (kr_val)&f_first }, { "mod3", (kr_val)&f_mod3 }, { "add", (kr_val)&f_add },
    { "mul", (kr_val)&f_mul },   { "next", (kr_val)&f_next },   { "iter", (kr_val)&f_iter },
    { "len", (kr_val)&f_len },   { "list", (kr_val)&kr_list_type },
    { "tuple", (kr_val)&kr_tuple_type }, { "range", (kr_val)&kr_range_type },
    { "map", (kr_val)&kr_map_type }, { "zip", (kr_val)&kr_zip_type },
    { "None", KR_NONE },         { "True", KR_TRUE },           { "False", KR_FALSE },
};

static kr_val itertools_module;

static kr_val eval_lookup(const char *name, size_t n) {
    for (size_t i = 0; i < sizeof globals / sizeof *globals; i++) {
        if (strlen(globals[i].name) == n && memcmp(globals[i].name, name, n) == 0) {
            return kr_newref(globals[i].value);
        }
    }
    char buf[64];
    if (n >= sizeof buf) {
        return 0;
    }
    memcpy(buf, name, n);
    buf[n] = '\0';
    kr_val v = kr_getattr_cstr(itertools_module, buf);
    if (!v) {
        kr_err_clear();
    }
    return v;
}

static void test_cases(void) {
    meval_cases(itertools_cases, sizeof itertools_cases / sizeof *itertools_cases);
}

// The direct constructors for generated code.
static void test_direct(void) {
    kr_val c = kr_itertools_count_new(KR_FROM_SMALL(10), KR_FROM_SMALL(5));
    kr_val s = c ? kr_itertools_islice_new(c, KR_FROM_SMALL(1), KR_FROM_SMALL(3), KR_NONE) : 0;
    kr_val l = s ? kr_list_from_iterable(s) : 0;
    char *got = meval_run("None");
    free(got);
    kr_val r = l ? kr_repr(l) : 0;
    CU_ASSERT(r && strcmp(kr_str_data(r), "[15, 20]") == 0);
    KR_XDECREF(r);
    KR_XDECREF(l);
    KR_XDECREF(s);
    KR_XDECREF(c);
    kr_val parts[2] = { KR_NONE, KR_NONE };
    parts[0] = kr_str_from_cstr("ab");
    parts[1] = kr_str_from_cstr("c");
    kr_val ch = kr_itertools_chain_new(parts, 2);
    kr_val t = ch ? kr_tuple_from_iterable(ch) : 0;
    r = t ? kr_repr(t) : 0;
    CU_ASSERT(r && strcmp(kr_str_data(r), "('a', 'b', 'c')") == 0);
    KR_XDECREF(r);
    KR_XDECREF(t);
    KR_XDECREF(ch);
    KR_DECREF(parts[0]);
    KR_DECREF(parts[1]);
}

int main(void) {
    kr_runtime_init(0, NULL);
    itertools_module = kr_import_builtin("itertools");
    CU_initialize_registry();
    CU_pSuite s = CU_add_suite("rt_itertools", NULL, NULL);
    CU_add_test(s, "cases", test_cases);
    CU_add_test(s, "direct constructors", test_direct);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    KR_DECREF(itertools_module);
    return failed != 0;
}
