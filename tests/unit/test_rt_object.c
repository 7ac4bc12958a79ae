// test_rt_object.c: CUnit suite "rt_object" for runtime/object.c, gc.c and builtins.c: the
// singletons, generic operations and their TypeErrors (messages from CPython 3.13), builtin
// functions, reference counting, immortality, finalizers and the collector.
#include "krait.h"
#include "rt_expect_harness.h"

#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The call failed with an exception of 'type' whose str() is 'msg'.
static void expect_error(kr_val result, const kr_type *type, const char *msg) {
    CU_ASSERT(result == 0);
    kr_val e = kr_err_fetch();
    CU_ASSERT_FATAL(e != 0);
    CU_ASSERT_STRING_EQUAL(kr_type_name(e), type->name);
    expect_str(kr_str(e), msg);
    KR_DECREF(e);
}

static void expect_status_error(intptr_t status, const kr_type *type, const char *msg) {
    CU_ASSERT(status == -1);
    expect_error(0, type, msg);
}

// ---------------------------------------------------------------------------------------------

static void test_singletons(void) {
    expect_str(kr_repr(KR_NONE), "None");
    expect_str(kr_str(KR_NONE), "None");
    expect_str(kr_repr(KR_NOTIMPLEMENTED), "NotImplemented");
    expect_str(kr_repr(KR_ELLIPSIS), "Ellipsis");
    expect_str(kr_repr(KR_VAL(&kr_none_type)), "<class 'NoneType'>");
    CU_ASSERT(kr_is_true(KR_NONE) == 0);
    CU_ASSERT(kr_is_true(KR_ELLIPSIS) == 1);
    CU_ASSERT(kr_is_true(KR_FROM_SMALL(0)) == 0);
    CU_ASSERT(kr_is_true(KR_FROM_SMALL(-3)) == 1);
    // Immortal objects ignore reference counting.
    intptr_t rc = kr_none_obj.rc;
    for (int i = 0; i < 10; i++) {
        KR_DECREF(KR_NONE);
    }
    KR_INCREF(KR_NONE);
    CU_ASSERT_EQUAL(kr_none_obj.rc, rc);
    CU_ASSERT(kr_hash(KR_NONE) == kr_hash(KR_NONE));
    CU_ASSERT(kr_eq(KR_NONE, KR_NONE) == 1);
    kr_val t = kr_call(KR_VAL(&kr_type_type), (kr_val[]){ KR_NONE }, 1, 0);
    CU_ASSERT(t == KR_VAL(&kr_none_type));
    expect_str(kr_repr(KR_VAL(&kr_type_type)), "<class 'type'>");
    kr_val o = kr_call(KR_VAL(&kr_object_type), NULL, 0, 0);
    CU_ASSERT_FATAL(o != 0);
    kr_val r = kr_repr(o);
    CU_ASSERT(strncmp(kr_str_data(r), "<object object at 0x", 20) == 0);
    KR_DECREF(r);
    CU_ASSERT(kr_eq(o, o) == 1);
    KR_DECREF(o);
}

static void test_type_errors(void) {
    kr_val one = KR_FROM_SMALL(1);
    expect_status_error(kr_len(one), &kr_exc_TypeError, "object of type 'int' has no len()");
    expect_error(kr_getitem(one, one), &kr_exc_TypeError, "'int' object is not subscriptable");
    expect_status_error(kr_setitem(one, one, one), &kr_exc_TypeError,
                        "'int' object does not support item assignment");
    expect_status_error(kr_delitem(one, one), &kr_exc_TypeError,
                        "'int' object doesn't support item deletion");
    expect_error(kr_iter(one), &kr_exc_TypeError, "'int' object is not iterable");
    expect_error(kr_next(one), &kr_exc_TypeError, "'int' object is not an iterator");
    expect_error(kr_call(one, NULL, 0, 0), &kr_exc_TypeError, "'int' object is not callable");
    expect_status_error(kr_contains(one, one), &kr_exc_TypeError,
                        "argument of type 'int' is not iterable");
    expect_error(kr_neg(KR_NONE), &kr_exc_TypeError, "bad operand type for unary -: 'NoneType'");
    expect_error(kr_abs(KR_NONE), &kr_exc_TypeError, "bad operand type for abs(): 'NoneType'");
    expect_error(kr_invert(KR_NONE), &kr_exc_TypeError,
                 "bad operand type for unary ~: 'NoneType'");
    expect_error(kr_power(KR_NONE, one, one), &kr_exc_TypeError,
                 "unsupported operand type(s) for ** or pow(): 'NoneType', 'int', 'int'");
    expect_error(kr_pow(one, KR_NONE), &kr_exc_TypeError,
                 "unsupported operand type(s) for ** or pow(): 'int' and 'NoneType'");
    expect_error(kr_inplace_pow(one, KR_NONE), &kr_exc_TypeError,
                 "unsupported operand type(s) for **=: 'int' and 'NoneType'");
    expect_error(kr_divmod(one, KR_NONE), &kr_exc_TypeError,
                 "unsupported operand type(s) for divmod(): 'int' and 'NoneType'");
    expect_error(kr_getattr_cstr(KR_NONE, "x"), &kr_exc_AttributeError,
                 "'NoneType' object has no attribute 'x'");
    expect_error(kr_getattr_cstr(KR_VAL(&kr_int_type), "x"), &kr_exc_AttributeError,
                 "type object 'int' has no attribute 'x'");
    kr_val name = kr_str_from_cstr("foo");
    expect_status_error(kr_setattr(one, name, one), &kr_exc_AttributeError,
                        "'int' object has no attribute 'foo' and no __dict__ for setting new "
                        "attributes");
    KR_DECREF(name);
    expect_status_error(kr_hash_unhashable(one), &kr_exc_TypeError, "unhashable type: 'int'");
    expect_error(kr_call(KR_VAL(&kr_none_type), &one, 1, 0), &kr_exc_TypeError,
                 "NoneType takes no arguments");
    CU_ASSERT(kr_call(KR_VAL(&kr_notimplemented_type), NULL, 0, 0) == KR_NOTIMPLEMENTED);
    expect_error(kr_call(KR_VAL(&kr_ellipsis_type), &one, 1, 0), &kr_exc_TypeError,
                 "EllipsisType takes no arguments");
    expect_error(kr_call(KR_VAL(&kr_cfunction_type), NULL, 0, 0), &kr_exc_TypeError,
                 "cannot create 'builtin_function_or_method' instances");
}

static void test_builtins(void) {
    kr_val tup = kr_tuple_pack(2, KR_VAL(&kr_float_type), KR_VAL(&kr_int_type));
    CU_ASSERT(kr_builtin_isinstance(KR_TRUE, tup) == 1);
    CU_ASSERT(kr_builtin_isinstance(KR_NONE, tup) == 0);
    CU_ASSERT(kr_builtin_isinstance(KR_NONE, KR_VAL(&kr_object_type)) == 1);
    CU_ASSERT(kr_builtin_issubclass(KR_VAL(&kr_bool_type), tup) == 1);
    CU_ASSERT(kr_builtin_issubclass(KR_VAL(&kr_exc_KeyError), KR_VAL(&kr_exc_LookupError)) == 1);
    CU_ASSERT(kr_builtin_issubclass(KR_VAL(&kr_int_type), KR_VAL(&kr_bool_type)) == 0);
    KR_DECREF(tup);
    expect_status_error(kr_builtin_isinstance(KR_NONE, KR_FROM_SMALL(1)), &kr_exc_TypeError,
                        "isinstance() arg 2 must be a type, a tuple of types, or a union");
    expect_status_error(kr_builtin_issubclass(KR_FROM_SMALL(1), KR_VAL(&kr_int_type)),
                        &kr_exc_TypeError, "issubclass() arg 1 must be a class");
    kr_val id1 = kr_builtin_id(KR_NONE), id2 = kr_builtin_id(KR_NONE);
    CU_ASSERT(kr_eq(id1, id2) == 1);
    KR_DECREF(id1);
    KR_DECREF(id2);
    expect_str(kr_builtin_repr(KR_FROM_SMALL(-12)), "-12");
    kr_val s = kr_str_from_cstr("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
    expect_str(kr_builtin_ascii(s), "'caf\\xe9 \\u20ac \\U0001f600'");
    KR_DECREF(s);
    CU_ASSERT(kr_builtin_callable(KR_VAL(&kr_exc_ValueError)) == KR_TRUE);
    kr_val h = kr_builtin_hash(KR_FROM_SMALL(-1));
    CU_ASSERT(h == KR_FROM_SMALL(-2));
    expect_error(kr_builtin_round(KR_NONE, KR_NONE), &kr_exc_TypeError,
                 "type NoneType doesn't define __round__ method");
}

static kr_val double_it(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    (void)kwnames;
    if (nargs != 1) {
        return kr_err_set(&kr_exc_TypeError, "double_it() takes exactly one argument (%zu given)",
                          nargs);
    }
    return kr_mul(args[0], KR_FROM_SMALL(2));
}

static KR_CFUNCTION_STATIC(double_it_obj, "double_it", double_it);

static void test_cfunction(void) {
    kr_val f = KR_VAL(&double_it_obj);
    expect_str(kr_repr(f), "<built-in function double_it>");
    kr_val arg = KR_FROM_SMALL(21);
    kr_val r = kr_call(f, &arg, 1, 0);
    CU_ASSERT(r == KR_FROM_SMALL(42));
    expect_error(kr_call(f, NULL, 0, 0), &kr_exc_TypeError,
                 "double_it() takes exactly one argument (0 given)");
    kr_val m = kr_getattr_cstr(KR_FROM_SMALL(3), "bit_length");
    kr_val mr = kr_repr(m);
    CU_ASSERT(strncmp(kr_str_data(mr), "<built-in method bit_length of int object at ", 45) == 0);
    KR_DECREF(mr);
    KR_DECREF(m);
    m = kr_getattr_cstr(KR_VAL(&kr_int_type), "bit_length");
    expect_str(kr_repr(m), "<method 'bit_length' of 'int' objects>");
    expect_error(kr_call(m, NULL, 0, 0), &kr_exc_TypeError,
                 "unbound method int.bit_length() needs an argument");
    kr_val none = KR_NONE;
    expect_error(kr_call(m, &none, 1, 0), &kr_exc_TypeError,
                 "descriptor 'bit_length' for 'int' objects doesn't apply to a 'NoneType' object");
    KR_DECREF(m);
    CU_ASSERT(kr_builtin_callable(f) == KR_TRUE);
}

// ---------------------------------------------------------------------------------------------
// Reference counting, finalizers and the collector

// A test object holding one reference, with a finalizer that counts its runs.
typedef struct {
    kr_obj ob;
    kr_val ref;
} node;

static int finalized, deallocated;
static kr_val resurrected;

static void node_finalize(kr_obj *o) {
    finalized++;
    if (((node *)o)->ref == KR_ELLIPSIS) {
        resurrected = kr_newref(KR_VAL(o));
    }
}

static void node_dealloc(kr_obj *o) {
    deallocated++;
    KR_XDECREF(((node *)o)->ref);
}

static kr_type node_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "node",
    .base = &kr_object_type,
    .basicsize = sizeof(node),
    .dealloc = node_dealloc,
    .finalize = node_finalize,
};

static kr_val node_new(kr_val ref) {
    node *n = (node *)kr_obj_new(&node_type, sizeof(node));
    CU_ASSERT_FATAL(n != NULL);
    n->ref = ref;
    return KR_VAL(n);
}

static void test_refcount(void) {
    finalized = deallocated = 0;
    kr_val inner = node_new(0);
    kr_val outer = node_new(kr_newref(inner));
    CU_ASSERT_EQUAL(KR_OBJ(inner)->rc, 2);
    KR_DECREF(inner);
    CU_ASSERT_EQUAL(finalized, 0);
    KR_DECREF(outer);
    // Death is immediate and cascades, finalizer first.
    CU_ASSERT_EQUAL(finalized, 2);
    CU_ASSERT_EQUAL(deallocated, 2);
    // A finalizer that resurrects its object keeps it alive.
    kr_val phoenix = node_new(KR_ELLIPSIS);
    KR_DECREF(phoenix);
    CU_ASSERT(resurrected == phoenix);
    CU_ASSERT_EQUAL(deallocated, 2);
    CU_ASSERT_EQUAL(KR_OBJ(phoenix)->rc, 1);
    ((node *)phoenix)->ref = 0;
    KR_DECREF(resurrected);
    CU_ASSERT_EQUAL(deallocated, 3);
    // Finalizers never see or clobber the pending exception.
    kr_err_set(&kr_exc_ValueError, "pending");
    KR_DECREF(node_new(0));
    CU_ASSERT(kr_err_matches(&kr_exc_ValueError));
    kr_err_clear();
}

// Builds cycles a <-> b in a separate frame so no pointer to them stays on the stack.
static __attribute__((noinline)) void make_cycles(int n) {
    for (int i = 0; i < n; i++) {
        kr_val a = node_new(0);
        kr_val b = node_new(a);
        ((node *)a)->ref = b;
    }
}

static __attribute__((noinline)) void clobber_stack(void) {
    volatile char junk[16384];
    memset((char *)junk, 0, sizeof junk);
}

static void test_collect_cycles(void) {
    if (!kr_gc_is_tracing()) {
        // Without the tracing collector cycles are never reclaimed (KRAIT_RT_MALLOC).
        CU_ASSERT_EQUAL(kr_gc_collect(), 0);
        return;
    }
    finalized = 0;
    make_cycles(100);
    clobber_stack();
    intptr_t n = kr_gc_collect();
    // Boehm is conservative: a stray word may keep a few cycles alive.
    CU_ASSERT(finalized >= 150);
    CU_ASSERT(n >= 150);
}

static void test_repr_guard(void) {
    kr_val v = KR_NONE;
    CU_ASSERT(kr_repr_enter(v) == 0);
    CU_ASSERT(kr_repr_enter(v) == 1);
    kr_repr_leave(v);
    CU_ASSERT(kr_repr_enter(KR_TRUE) == 0);
    kr_repr_leave(KR_TRUE);
}

int main(void) {
    kr_runtime_init(0, NULL);
    CU_initialize_registry();
    CU_pSuite s = CU_add_suite("rt_object", NULL, NULL);
    CU_add_test(s, "singletons", test_singletons);
    CU_add_test(s, "TypeErrors of generic operations", test_type_errors);
    CU_add_test(s, "builtins", test_builtins);
    CU_add_test(s, "builtin functions and methods", test_cfunction);
    CU_add_test(s, "reference counting and finalizers", test_refcount);
    CU_add_test(s, "collecting cycles", test_collect_cycles);
    CU_add_test(s, "repr recursion guard", test_repr_guard);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed != 0;
}
