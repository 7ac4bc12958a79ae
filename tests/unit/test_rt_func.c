// test_rt_func.c: CUnit suite "rt_func" for runtime/func.c: argument binding with CPython
// 3.13's TypeErrors, function objects and their attributes, cells, bound methods,
// staticmethod, classmethod and property. Functions are built as compiled code builds them:
// a static kr_sig, a boxed entry that calls kr_bind_args, and a C body (kept in 'native').
#include "krait.h"
#include "rt_expect_harness.h"

#include <CUnit/Basic.h>
#include <stdio.h>
#include <string.h>

static void expect_error(kr_val result, const kr_type *type, const char *msg) {
    CU_ASSERT(result == 0);
    kr_val e = kr_err_fetch();
    CU_ASSERT_FATAL(e != 0);
    CU_ASSERT_STRING_EQUAL(kr_type_name(e), type->name);
    expect_str(kr_str(e), msg);
    KR_DECREF(e);
}

static void expect_status_error(int status, const kr_type *type, const char *msg) {
    CU_ASSERT(status == -1);
    expect_error(0, type, msg);
}

static kr_val S(const char *s) { return kr_str_from_cstr(s); }

// ---------------------------------------------------------------------------------------------
// Functions as compiled code makes them

typedef kr_val (*body_fn)(kr_val fn, kr_val *slots);

static kr_val boxed_entry(kr_val fn, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_function_obj *f = KR_FUNCTION(fn);
    kr_val slots[16];
    if (kr_bind_args(f->sig, args, nargs, kwnames, f->defaults, f->kwdefaults, slots) < 0) {
        return 0;
    }
    kr_val r = ((body_fn)f->native)(fn, slots);
    kr_bind_release(f->sig, slots);
    return r;
}

static kr_val make_fn(const kr_sig *sig, body_fn body, const char *name, const char *qualname) {
    kr_val m = S("__main__");
    kr_val f = kr_function_new(sig, boxed_entry, name, qualname, m);
    KR_DECREF(m);
    CU_ASSERT_FATAL(f != 0);
    KR_FUNCTION(f)->native = (void *)body;
    return f;
}

// Returns a tuple of all bound slots (None for 0).
static kr_val body_pack(kr_val fn, kr_val *slots) {
    size_t n = kr_sig_nslots(KR_FUNCTION(fn)->sig);
    kr_val t = kr_tuple_new((intptr_t)n);
    for (size_t i = 0; i < n; i++) {
        KR_TUPLE_ITEMS(t)[i] = kr_newref(slots[i] ? slots[i] : KR_NONE);
    }
    return t;
}

// Calls 'f' with positional ints and keyword ints given as "name" / value pairs.
static kr_val call_kw(kr_val f, size_t nargs, const intptr_t *pos, size_t nkw,
                      const char *const *kwn, const intptr_t *kwv) {
    kr_val args[16];
    for (size_t i = 0; i < nargs; i++) {
        args[i] = KR_FROM_SMALL(pos[i]);
    }
    kr_val kwnames = 0;
    if (nkw) {
        kwnames = kr_tuple_new((intptr_t)nkw);
        for (size_t i = 0; i < nkw; i++) {
            KR_TUPLE_ITEMS(kwnames)[i] = S(kwn[i]);
            args[nargs + i] = KR_FROM_SMALL(kwv[i]);
        }
    }
    kr_val r = kr_call(f, args, nargs, kwnames);
    KR_XDECREF(kwnames);
    return r;
}

static void expect_repr(kr_val v, const char *want) {
    CU_ASSERT_FATAL(v != 0);
    expect_str(kr_repr(v), want);
    KR_DECREF(v);
}

// ---------------------------------------------------------------------------------------------
// Binding

static const char *const abc_names[] = { "a", "b", "c" };
static const kr_sig sig_abc = { "f", abc_names, 0, 3, 0, false, false };
static const kr_sig sig_g = { "g", abc_names, 0, 2, 0, false, false };  // g(a, b=1)
static const char *const hk_names[] = { "a", "k" };
static const kr_sig sig_h = { "h", hk_names, 0, 1, 1, false, false };  // h(a, *, k)
static const kr_sig sig_z = { "z", NULL, 0, 0, 0, false, false };
static const kr_sig sig_p = { "p", abc_names, 2, 3, 0, false, false };  // p(a, b, /, c)
static const char *const q_names[] = { "a", "kw" };
static const kr_sig sig_q = { "q", q_names, 1, 1, 0, false, true };  // q(a, /, **kw)
static const char *const r_names[] = { "a", "k", "m" };
static const kr_sig sig_r = { "r", r_names, 0, 1, 2, false, false };  // r(a, *, k, m)
static const char *const full_names[] = { "a", "b", "c", "d", "e", "args", "kw" };
// full(a, b=2, /, c=3, *args, d, e=5, **kw)
static const kr_sig sig_full = { "full", full_names, 2, 3, 2, true, true };
static const char *const self_x_names[] = { "self", "x" };
static const kr_sig sig_method = { "A.f", self_x_names, 0, 2, 0, false, false };

static void test_bind_errors(void) {
    kr_val f = make_fn(&sig_abc, body_pack, "f", "f");
    intptr_t one[] = { 1, 2, 3, 4 };
    expect_error(call_kw(f, 0, one, 0, NULL, NULL), &kr_exc_TypeError,
                 "f() missing 3 required positional arguments: 'a', 'b', and 'c'");
    expect_error(call_kw(f, 1, one, 0, NULL, NULL), &kr_exc_TypeError,
                 "f() missing 2 required positional arguments: 'b' and 'c'");
    expect_error(call_kw(f, 2, one, 0, NULL, NULL), &kr_exc_TypeError,
                 "f() missing 1 required positional argument: 'c'");
    expect_error(call_kw(f, 4, one, 0, NULL, NULL), &kr_exc_TypeError,
                 "f() takes 3 positional arguments but 4 were given");
    const char *const z[] = { "z" }, *const a[] = { "a" }, *const k[] = { "k" };
    expect_error(call_kw(f, 3, one, 1, z, one), &kr_exc_TypeError,
                 "f() got an unexpected keyword argument 'z'");
    expect_error(call_kw(f, 1, one, 1, a, one), &kr_exc_TypeError,
                 "f() got multiple values for argument 'a'");
    expect_repr(call_kw(f, 1, one, 0, NULL, NULL) ? 0 : KR_NONE, "None");
    kr_err_clear();
    KR_DECREF(f);

    kr_val g = make_fn(&sig_g, body_pack, "g", "g");
    kr_val d = kr_tuple_pack(1, KR_FROM_SMALL(1));
    kr_function_set_defaults(g, d);
    KR_DECREF(d);
    expect_error(call_kw(g, 3, one, 0, NULL, NULL), &kr_exc_TypeError,
                 "g() takes from 1 to 2 positional arguments but 3 were given");
    expect_repr(call_kw(g, 1, one, 0, NULL, NULL), "(1, 1)");
    expect_repr(call_kw(g, 2, one, 0, NULL, NULL), "(1, 2)");
    const char *const b[] = { "b" };
    intptr_t seven[] = { 7 };
    expect_repr(call_kw(g, 1, one, 1, b, seven), "(1, 7)");
    KR_DECREF(g);

    kr_val h = make_fn(&sig_h, body_pack, "h", "h");
    intptr_t three[] = { 3 };
    expect_error(call_kw(h, 2, one, 1, k, three), &kr_exc_TypeError,
                 "h() takes 1 positional argument but 2 positional arguments (and 1 keyword-only "
                 "argument) were given");
    expect_error(call_kw(h, 1, one, 0, NULL, NULL), &kr_exc_TypeError,
                 "h() missing 1 required keyword-only argument: 'k'");
    expect_repr(call_kw(h, 1, one, 1, k, three), "(1, 3)");
    KR_DECREF(h);

    kr_val zf = make_fn(&sig_z, body_pack, "z", "z");
    expect_error(call_kw(zf, 1, one, 0, NULL, NULL), &kr_exc_TypeError,
                 "z() takes 0 positional arguments but 1 was given");
    KR_DECREF(zf);

    kr_val p = make_fn(&sig_p, body_pack, "p", "p");
    const char *const abcn[] = { "a", "b", "c" };
    expect_error(call_kw(p, 0, one, 3, abcn, one), &kr_exc_TypeError,
                 "p() got some positional-only arguments passed as keyword arguments: 'a, b'");
    KR_DECREF(p);

    kr_val q = make_fn(&sig_q, body_pack, "q", "q");
    intptr_t two[] = { 2 };
    expect_repr(call_kw(q, 1, one, 1, a, two), "(1, {'a': 2})");
    KR_DECREF(q);

    kr_val r = make_fn(&sig_r, body_pack, "r", "r");
    expect_error(call_kw(r, 1, one, 0, NULL, NULL), &kr_exc_TypeError,
                 "r() missing 2 required keyword-only arguments: 'k' and 'm'");
    KR_DECREF(r);

    kr_val m = make_fn(&sig_method, body_pack, "f", "A.f");
    kr_val self = S("self");
    kr_val bound = kr_method_new(m, self);
    expect_error(kr_call(bound, NULL, 0, 0), &kr_exc_TypeError,
                 "A.f() missing 1 required positional argument: 'x'");
    kr_val two_args[2] = { KR_FROM_SMALL(1), KR_FROM_SMALL(2) };
    expect_error(kr_call(bound, two_args, 2, 0), &kr_exc_TypeError,
                 "A.f() takes 2 positional arguments but 3 were given");
    expect_repr(kr_call(bound, two_args, 1, 0), "('self', 1)");
    KR_DECREF(bound);
    KR_DECREF(self);
    KR_DECREF(m);
}

static void test_bind_full(void) {
    kr_val f = make_fn(&sig_full, body_pack, "full", "full");
    kr_val defs = kr_tuple_pack(2, KR_FROM_SMALL(2), KR_FROM_SMALL(3));
    kr_val kwd = kr_dict_new();
    kr_val e = S("e");
    CU_ASSERT(kr_dict_setitem(kwd, e, KR_FROM_SMALL(5)) == 0);
    kr_function_set_defaults(f, defs);
    kr_function_set_kwdefaults(f, kwd);
    KR_DECREF(defs);
    KR_DECREF(kwd);
    KR_DECREF(e);
    intptr_t pos[] = { 1, 20, 30, 40, 50 };
    const char *const dn[] = { "d" }, *const dx[] = { "d", "x", "a" };
    intptr_t dv[] = { 4, 9, 8 };
    expect_repr(call_kw(f, 1, pos, 1, dn, dv), "(1, 2, 3, 4, 5, (), {})");
    expect_repr(call_kw(f, 5, pos, 3, dx, dv), "(1, 20, 30, 4, 5, (40, 50), {'x': 9, 'a': 8})");
    expect_error(call_kw(f, 1, pos, 0, NULL, NULL), &kr_exc_TypeError,
                 "full() missing 1 required keyword-only argument: 'd'");
    expect_error(call_kw(f, 0, pos, 1, dn, dv), &kr_exc_TypeError,
                 "full() missing 1 required positional argument: 'a'");
    KR_DECREF(f);
}

// ---------------------------------------------------------------------------------------------
// Function objects

static kr_val body_none(kr_val fn, kr_val *slots) {
    (void)fn;
    (void)slots;
    return kr_none();
}

static void test_function_object(void) {
    kr_val f = make_fn(&sig_z, body_none, "inner", "outer.<locals>.inner");
    expect_prefix(kr_repr(f), "<function outer.<locals>.inner at 0x");
    expect_str(kr_getattr_cstr(f, "__name__"), "inner");
    expect_str(kr_getattr_cstr(f, "__qualname__"), "outer.<locals>.inner");
    expect_str(kr_getattr_cstr(f, "__module__"), "__main__");
    expect_repr(kr_getattr_cstr(f, "__doc__"), "None");
    expect_repr(kr_getattr_cstr(f, "__defaults__"), "None");
    expect_repr(kr_getattr_cstr(f, "__kwdefaults__"), "None");
    expect_repr(kr_getattr_cstr(f, "__closure__"), "None");
    expect_repr(kr_getattr_cstr(f, "__dict__"), "{}");
    expect_repr(kr_getattr_cstr(f, "__annotations__"), "{}");
    expect_error(kr_getattr_cstr(f, "nope"), &kr_exc_AttributeError,
                 "'function' object has no attribute 'nope'");

    // functools.wraps-style attribute copies and custom attributes.
    kr_val name = S("__name__"), wrapped = S("__wrapped__"), doc = S("__doc__");
    kr_val text = S("wrapper"), d = S("Docs.");
    CU_ASSERT(kr_setattr(f, name, text) == 0);
    CU_ASSERT(kr_setattr(f, doc, d) == 0);
    CU_ASSERT(kr_setattr(f, wrapped, KR_FROM_SMALL(7)) == 0);
    expect_str(kr_getattr_cstr(f, "__name__"), "wrapper");
    expect_str(kr_getattr_cstr(f, "__doc__"), "Docs.");
    expect_repr(kr_getattr_cstr(f, "__wrapped__"), "7");
    expect_repr(kr_getattr_cstr(f, "__dict__"), "{'__wrapped__': 7}");
    CU_ASSERT(kr_setattr(f, wrapped, 0) == 0);
    expect_status_error(kr_setattr(f, wrapped, 0), &kr_exc_AttributeError,
                        "'function' object has no attribute '__wrapped__'");
    expect_status_error(kr_setattr(f, name, KR_FROM_SMALL(1)), &kr_exc_TypeError,
                        "__name__ must be set to a string object");
    kr_val defs = S("__defaults__"), kwdefs = S("__kwdefaults__"), dict = S("__dict__");
    kr_val list = kr_list_new(0);
    expect_status_error(kr_setattr(f, defs, list), &kr_exc_TypeError,
                        "__defaults__ must be set to a tuple object");
    expect_status_error(kr_setattr(f, kwdefs, KR_FROM_SMALL(1)), &kr_exc_TypeError,
                        "__kwdefaults__ must be set to a dict object");
    expect_status_error(kr_setattr(f, dict, KR_FROM_SMALL(1)), &kr_exc_TypeError,
                        "__dict__ must be set to a dictionary, not a 'int'");
    expect_repr(kr_call(f, NULL, 0, 0), "None");
    CU_ASSERT(kr_hash(f) != -1);
    expect_str(kr_repr(KR_VAL(&kr_function_type)), "<class 'function'>");
    KR_DECREF(list);
    KR_DECREF(defs);
    KR_DECREF(kwdefs);
    KR_DECREF(dict);
    KR_DECREF(name);
    KR_DECREF(wrapped);
    KR_DECREF(doc);
    KR_DECREF(text);
    KR_DECREF(d);
    KR_DECREF(f);
}

// ---------------------------------------------------------------------------------------------
// Cells and closures

// inner() returns the free variable 'y' (closure cell 0).
static kr_val body_read_cell(kr_val fn, kr_val *slots) {
    (void)slots;
    return kr_cell_get(kr_function_cell(fn, 0), "y", true);
}

static void test_cells(void) {
    kr_val cell = kr_cell_new(0);
    expect_error(kr_cell_get(cell, "x", false), &kr_exc_UnboundLocalError,
                 "cannot access local variable 'x' where it is not associated with a value");
    expect_error(kr_cell_get(cell, "y", true), &kr_exc_NameError,
                 "cannot access free variable 'y' where it is not associated with a value in "
                 "enclosing scope");
    expect_status_error(kr_cell_delete(cell, "x", false), &kr_exc_UnboundLocalError,
                        "cannot access local variable 'x' where it is not associated with a "
                        "value");
    expect_prefix(kr_repr(cell), "<cell at 0x");
    kr_val inner = make_fn(&sig_z, body_read_cell, "h", "g.<locals>.h");
    kr_val closure = kr_tuple_pack(1, cell);
    kr_function_set_closure(inner, closure);
    KR_DECREF(closure);
    expect_error(kr_call(inner, NULL, 0, 0), &kr_exc_NameError,
                 "cannot access free variable 'y' where it is not associated with a value in "
                 "enclosing scope");
    kr_cell_set(cell, KR_FROM_SMALL(42));
    expect_repr(kr_call(inner, NULL, 0, 0), "42");
    expect_repr(kr_getattr_cstr(cell, "cell_contents"), "42");
    kr_val closure_attr = kr_getattr_cstr(inner, "__closure__");
    CU_ASSERT(kr_tuple_check(closure_attr) && KR_TUPLE_LEN(closure_attr) == 1);
    KR_DECREF(closure_attr);
    CU_ASSERT(kr_cell_delete(cell, "y", true) == 0);
    expect_error(kr_getattr_cstr(cell, "cell_contents"), &kr_exc_ValueError, "Cell is empty");
    KR_DECREF(inner);
    KR_DECREF(cell);
}

// ---------------------------------------------------------------------------------------------
// Bound methods, staticmethod, classmethod, property

static kr_val body_first(kr_val fn, kr_val *slots) {
    (void)fn;
    return kr_newref(slots[0]);
}

static void test_methods(void) {
    static const char *const self_names[] = { "self" };
    static const kr_sig sig_self = { "A.f", self_names, 0, 1, 0, false, false };
    kr_val f = make_fn(&sig_self, body_first, "f", "A.f");
    kr_val self = kr_list_new(0);
    kr_val m1 = kr_method_new(f, self), m2 = kr_method_new(f, self);
    expect_str(kr_repr(m1), "<bound method A.f of []>");
    CU_ASSERT(kr_eq(m1, m2) == 1);
    CU_ASSERT(kr_richcompare_bool(m1, m2, KR_NE) == 0);
    CU_ASSERT(kr_hash(m1) == kr_hash(m2));
    kr_val other = kr_list_new(0);
    kr_val m3 = kr_method_new(f, other);
    CU_ASSERT(kr_eq(m1, m3) == 0);
    kr_val s = kr_getattr_cstr(m1, "__self__"), fn = kr_getattr_cstr(m1, "__func__");
    CU_ASSERT(s == self && fn == f);
    KR_DECREF(s);
    KR_DECREF(fn);
    expect_str(kr_getattr_cstr(m1, "__name__"), "f");
    expect_error(kr_getattr_cstr(m1, "nope"), &kr_exc_AttributeError,
                 "'method' object has no attribute 'nope'");
    kr_val r = kr_call(m1, NULL, 0, 0);
    CU_ASSERT(r == self);
    KR_DECREF(r);
    // A method of an unhashable self still hashes (identity of self).
    CU_ASSERT(kr_hash(m1) != -1);

    kr_val st = kr_staticmethod_new(f), cm = kr_classmethod_new(f);
    expect_prefix(kr_repr(st), "<staticmethod(<function A.f at 0x");
    expect_prefix(kr_repr(cm), "<classmethod(<function A.f at 0x");
    expect_str(kr_getattr_cstr(st, "__name__"), "f");
    kr_val wrapped = kr_getattr_cstr(cm, "__func__");
    CU_ASSERT(wrapped == f);
    KR_DECREF(wrapped);
    r = kr_call(st, &other, 1, 0);  // staticmethod objects are callable
    CU_ASSERT(r == other);
    KR_DECREF(r);
    r = kr_descr_get(cm, self, KR_VAL(&kr_list_type));
    expect_str(kr_repr(r), "<bound method A.f of <class 'list'>>");
    KR_DECREF(r);
    r = kr_descr_get(st, self, KR_VAL(&kr_list_type));
    CU_ASSERT(r == f);
    KR_DECREF(r);
    r = kr_descr_get(f, 0, KR_VAL(&kr_list_type));
    CU_ASSERT(r == f);
    KR_DECREF(r);
    r = kr_descr_get(f, self, KR_VAL(&kr_list_type));
    CU_ASSERT(KR_TYPE(r) == &kr_method_type);
    KR_DECREF(r);
    KR_DECREF(st);
    KR_DECREF(cm);
    KR_DECREF(m1);
    KR_DECREF(m2);
    KR_DECREF(m3);
    KR_DECREF(other);
    KR_DECREF(self);
    KR_DECREF(f);
}

static kr_val body_get(kr_val fn, kr_val *slots) {
    (void)fn;
    return kr_builtin_len(slots[0]);
}

static kr_val body_set(kr_val fn, kr_val *slots) {
    (void)fn;
    return kr_list_append(slots[0], slots[1]) < 0 ? 0 : kr_none();
}

static kr_val body_del(kr_val fn, kr_val *slots) {
    (void)fn;
    kr_list_clear(slots[0]);
    return kr_none();
}

static void test_property(void) {
    static const char *const n1[] = { "self" }, *const n2[] = { "self", "v" };
    static const kr_sig sg = { "C.x", n1, 0, 1, 0, false, false };
    static const kr_sig ss = { "C.x", n2, 0, 2, 0, false, false };
    kr_val getter = make_fn(&sg, body_get, "x", "C.x");
    kr_val setter = make_fn(&ss, body_set, "x", "C.x");
    kr_val deleter = make_fn(&sg, body_del, "x", "C.x");
    kr_val obj = kr_list_new(0);
    kr_val p = kr_property_new(getter, 0, 0, 0);
    CU_ASSERT(kr_descr_is_data(p));
    expect_repr(kr_descr_get(p, obj, KR_VAL(&kr_list_type)), "0");
    kr_val same = kr_descr_get(p, 0, KR_VAL(&kr_list_type));
    CU_ASSERT(same == p);
    KR_DECREF(same);
    expect_status_error(kr_descr_set(p, obj, KR_FROM_SMALL(1)), &kr_exc_AttributeError,
                        "property 'x' of 'list' object has no setter");  // fget's name
    // @x.setter makes a copy with the setter; the name comes from __set_name__.
    kr_val setter_m = kr_getattr_cstr(p, "setter");
    kr_val p2 = kr_call(setter_m, &setter, 1, 0);
    KR_DECREF(setter_m);
    CU_ASSERT_FATAL(p2 != 0 && p2 != p);
    kr_val sn = kr_getattr_cstr(p2, "__set_name__");
    kr_val args[2] = { KR_VAL(&kr_list_type), 0 };
    args[1] = S("x");
    kr_val r = kr_call(sn, args, 2, 0);
    CU_ASSERT(r == KR_NONE);
    KR_DECREF(args[1]);
    KR_DECREF(sn);
    CU_ASSERT(kr_descr_set(p2, obj, KR_FROM_SMALL(9)) == 0);
    expect_repr(kr_descr_get(p2, obj, KR_VAL(&kr_list_type)), "1");
    expect_status_error(kr_descr_set(p2, obj, 0), &kr_exc_AttributeError,
                        "property 'x' of 'list' object has no deleter");
    kr_val deleter_m = kr_getattr_cstr(p2, "deleter");
    kr_val p3 = kr_call(deleter_m, &deleter, 1, 0);
    KR_DECREF(deleter_m);
    CU_ASSERT(kr_descr_set(p3, obj, 0) == 0);
    expect_repr(kr_descr_get(p3, obj, KR_VAL(&kr_list_type)), "0");
    kr_val fset = kr_getattr_cstr(p3, "fset");
    CU_ASSERT(fset == setter);
    KR_DECREF(fset);
    kr_val none_getter = kr_property_new(0, 0, 0, 0);
    expect_error(kr_descr_get(none_getter, obj, KR_VAL(&kr_list_type)), &kr_exc_AttributeError,
                 "property of 'list' object has no getter");
    // property(fget) through the type object, with keywords.
    kr_val kw = kr_tuple_new(1);
    KR_TUPLE_ITEMS(kw)[0] = S("fget");
    kr_val made = kr_call(KR_VAL(&kr_property_type), &getter, 0, kw);
    CU_ASSERT_FATAL(made != 0);
    expect_repr(kr_descr_get(made, obj, KR_VAL(&kr_list_type)), "0");
    expect_str(kr_repr(KR_VAL(KR_TYPE(made))), "<class 'property'>");
    KR_DECREF(made);
    KR_DECREF(kw);
    KR_DECREF(none_getter);
    KR_DECREF(p);
    KR_DECREF(p2);
    KR_DECREF(p3);
    KR_DECREF(obj);
    KR_DECREF(getter);
    KR_DECREF(setter);
    KR_DECREF(deleter);
}

int main(void) {
    kr_runtime_init(0, NULL);
    CU_initialize_registry();
    CU_pSuite s = CU_add_suite("rt_func", NULL, NULL);
    CU_add_test(s, "binding errors", test_bind_errors);
    CU_add_test(s, "binding all parameter kinds", test_bind_full);
    CU_add_test(s, "function objects", test_function_object);
    CU_add_test(s, "cells and closures", test_cells);
    CU_add_test(s, "methods, staticmethod, classmethod", test_methods);
    CU_add_test(s, "property", test_property);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
