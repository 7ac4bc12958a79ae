// test_rt_class.c: CUnit suite "rt_class" for runtime/class.c: classes made at run time as a
// compiled `class` statement makes them, their MRO and errors, instance layouts and __dict__,
// special methods bridged into the generic operations, super(), exceptions, metaclasses,
// __init_subclass__ and __set_name__. Expected text comes from CPython 3.13.
#include "krait.h"
#include "rt_expect_harness.h"

#include <CUnit/Basic.h>
#include <stdio.h>
#include <string.h>

static void expect_error_at(int line, kr_val result, const kr_type *type, const char *msg) {
    CU_ASSERT(result == 0);
    KR_XDECREF(result);
    kr_val e = kr_err_fetch();
    if (!e) {
        printf("\n  line %d: no exception, want %s", line, msg);
    }
    CU_ASSERT_FATAL(e != 0);
    if (strcmp(kr_type_name(e), type->name) != 0) {
        printf("\n  got %s, want %s", kr_type_name(e), type->name);
    }
    CU_ASSERT_STRING_EQUAL(kr_type_name(e), type->name);
    expect_str(kr_str(e), msg);
    KR_DECREF(e);
}

#define expect_error(r, t, m) expect_error_at(__LINE__, r, t, m)

static void expect_status_error(intptr_t status, const kr_type *type, const char *msg) {
    CU_ASSERT(status == -1);
    expect_error(0, type, msg);
}

static void expect_repr(kr_val v, const char *want) {
    if (!v) {
        kr_val e = kr_err_fetch();
        kr_val s = e ? kr_str(e) : 0;
        printf("\n  unexpected error %s: %s", e ? kr_type_name(e) : "?", s ? kr_str_data(s) : "");
        KR_XDECREF(s);
        KR_XDECREF(e);
    }
    CU_ASSERT_FATAL(v != 0);
    expect_str(kr_repr(v), want);
    KR_DECREF(v);
}

static kr_val S(const char *s) { return kr_str_from_cstr(s); }

// ---------------------------------------------------------------------------------------------
// Building functions and classes as compiled code does

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

static const char *const n_self[] = { "self" };
static const char *const n_self_other[] = { "self", "other" };
static const char *const n_self_a_b[] = { "self", "a", "b" };
static const char *const n_self_args_kw[] = { "self", "args", "kw" };
static const kr_sig sig_self = { "A.m", n_self, 0, 1, 0, false, false };
static const kr_sig sig_self_other = { "A.m", n_self_other, 0, 2, 0, false, false };
static const kr_sig sig_self_a_b = { "A.m", n_self_a_b, 0, 3, 0, false, false };
static const kr_sig sig_point_init = { "Point.__init__", n_self_a_b, 0, 3, 0, false, false };
static const kr_sig sig_var = { "A.m", n_self_args_kw, 0, 1, 0, true, true };

// Stores a new method 'name' of class 'cls' (qualname cls.name) in 'ns'.
static void def(kr_val ns, const char *cls, const char *name, const kr_sig *sig, body_fn body) {
    char qual[128];
    snprintf(qual, sizeof qual, "%s.%s", cls, name);
    kr_val m = S("__main__");
    kr_val f = kr_function_new(sig, boxed_entry, name, qual, m);
    KR_DECREF(m);
    CU_ASSERT_FATAL(f != 0);
    KR_FUNCTION(f)->native = (void *)body;
    kr_val k = S(name);
    CU_ASSERT(kr_dict_setitem(ns, k, f) == 0);
    KR_DECREF(k);
    KR_DECREF(f);
}

// Stores 'v' (stolen) as ns[name].
static void put(kr_val ns, const char *name, kr_val v) {
    kr_val k = S(name);
    CU_ASSERT(kr_dict_setitem(ns, k, v) == 0);
    KR_DECREF(k);
    KR_DECREF(v);
}

// class <name>(*bases, metaclass=meta, **kwargs): body in 'ns' (stolen).
static kr_val make_class_full(const char *name, kr_val bases, kr_val ns, kr_val meta,
                              kr_val kwargs) {
    kr_val n = S(name), m = S("__main__");
    kr_val b = bases ? kr_newref(bases) : kr_tuple_new(0);
    kr_val c = kr_class_new(n, n, m, b, ns, meta, kwargs);
    KR_DECREF(n);
    KR_DECREF(m);
    KR_DECREF(b);
    KR_DECREF(ns);
    return c;
}

static kr_val make_class(const char *name, kr_val bases, kr_val ns) {
    return make_class_full(name, bases, ns, 0, 0);
}

static kr_val bases1(kr_val a) { return kr_tuple_pack(1, a); }

static kr_val attr(kr_val obj, const char *name) { return kr_getattr_cstr(obj, name); }

static int set_attr(kr_val obj, const char *name, kr_val v) {
    kr_val n = S(name);
    int rc = kr_setattr(obj, n, v);
    KR_DECREF(n);
    return rc;
}

static kr_val call0(kr_val f) { return kr_call(f, NULL, 0, 0); }
static kr_val call1(kr_val f, kr_val a) { return kr_call(f, &a, 1, 0); }

// ---------------------------------------------------------------------------------------------
// Method bodies

static kr_val body_init_xy(kr_val fn, kr_val *a) {  // __init__(self, a, b): self.x, self.y
    (void)fn;
    if (set_attr(a[0], "x", a[1]) < 0 || set_attr(a[0], "y", a[2]) < 0) {
        return 0;
    }
    return kr_none();
}

static kr_val body_repr_point(kr_val fn, kr_val *a) {
    (void)fn;
    kr_val x = attr(a[0], "x"), y = attr(a[0], "y");
    char buf[64];
    snprintf(buf, sizeof buf, "P(%ld, %ld)", (long)KR_SMALL_VALUE(x), (long)KR_SMALL_VALUE(y));
    KR_DECREF(x);
    KR_DECREF(y);
    return S(buf);
}

static kr_val body_return_5(kr_val fn, kr_val *a) {
    (void)fn;
    (void)a;
    return KR_FROM_SMALL(5);
}

static kr_val body_return_str(kr_val fn, kr_val *a) {
    (void)fn;
    (void)a;
    return S("s");
}

static kr_val body_eq_x(kr_val fn, kr_val *a) {  // __eq__: same x, NotImplemented for others
    (void)fn;
    if (KR_TYPE(a[1]) != KR_TYPE(a[0])) {
        return KR_NOTIMPLEMENTED;
    }
    kr_val x = attr(a[0], "x"), y = attr(a[1], "x");
    kr_val r = kr_bool(x == y);
    KR_DECREF(x);
    KR_DECREF(y);
    return r;
}

static kr_val body_lt_x(kr_val fn, kr_val *a) {
    (void)fn;
    if (KR_TYPE(a[1]) != KR_TYPE(a[0])) {
        return KR_NOTIMPLEMENTED;
    }
    kr_val x = attr(a[0], "x"), y = attr(a[1], "x");
    kr_val r = kr_bool(KR_SMALL_VALUE(x) < KR_SMALL_VALUE(y));
    KR_DECREF(x);
    KR_DECREF(y);
    return r;
}

static kr_val body_add(kr_val fn, kr_val *a) {  // self.x + other
    (void)fn;
    if (!kr_int_check(a[1])) {
        return KR_NOTIMPLEMENTED;
    }
    kr_val x = attr(a[0], "x");
    kr_val r = kr_add(x, a[1]);
    KR_DECREF(x);
    return r;
}

static kr_val body_radd(kr_val fn, kr_val *a) {  // ("radd", other)
    (void)fn;
    kr_val t = S("radd");
    kr_val r = kr_tuple_pack(2, t, a[1]);
    KR_DECREF(t);
    return r;
}

static kr_val body_iadd(kr_val fn, kr_val *a) {  // self.x += other; return self
    (void)fn;
    kr_val x = attr(a[0], "x");
    kr_val r = kr_add(x, a[1]);
    KR_DECREF(x);
    if (!r || set_attr(a[0], "x", r) < 0) {
        KR_XDECREF(r);
        return 0;
    }
    KR_DECREF(r);
    return kr_newref(a[0]);
}

static kr_val body_neg(kr_val fn, kr_val *a) {
    (void)fn;
    kr_val x = attr(a[0], "x");
    kr_val r = kr_neg(x);
    KR_DECREF(x);
    return r;
}

static kr_val body_getitem(kr_val fn, kr_val *a) {  // self[i] = i * 10, IndexError past 3
    (void)fn;
    if (KR_IS_SMALL(a[1]) && KR_SMALL_VALUE(a[1]) >= 3) {
        return kr_err_set(&kr_exc_IndexError, "out of range");
    }
    return kr_mul(a[1], KR_FROM_SMALL(10));
}

static kr_val body_setitem(kr_val fn, kr_val *a) {
    (void)fn;
    return set_attr(a[0], "last", a[2]) < 0 ? 0 : kr_none();
}

static kr_val body_len3(kr_val fn, kr_val *a) {
    (void)fn;
    (void)a;
    return KR_FROM_SMALL(3);
}

static kr_val body_len_neg(kr_val fn, kr_val *a) {
    (void)fn;
    (void)a;
    return KR_FROM_SMALL(-1);
}

static kr_val body_self(kr_val fn, kr_val *a) {
    (void)fn;
    return kr_newref(a[0]);
}

static kr_val body_next(kr_val fn, kr_val *a) {  // counts self.x down to 0
    (void)fn;
    kr_val x = attr(a[0], "x");
    if (x == KR_FROM_SMALL(0)) {
        return kr_err_set_none(&kr_exc_StopIteration);
    }
    kr_val n = kr_sub(x, KR_FROM_SMALL(1));
    int rc = set_attr(a[0], "x", n);
    KR_DECREF(n);
    return rc < 0 ? 0 : x;
}

static kr_val body_call(kr_val fn, kr_val *a) {  // (args, kwargs)
    (void)fn;
    return kr_tuple_pack(2, a[1], a[2]);
}

static kr_val body_getattr(kr_val fn, kr_val *a) {  // "missing:" + name
    (void)fn;
    kr_val p = S("missing:");
    kr_val r = kr_add(p, a[1]);
    KR_DECREF(p);
    return r;
}

static kr_val body_false(kr_val fn, kr_val *a) {
    (void)fn;
    (void)a;
    return KR_FALSE;
}

static kr_val body_contains(kr_val fn, kr_val *a) {
    (void)fn;
    return kr_bool(a[1] == KR_FROM_SMALL(7));
}

// ---------------------------------------------------------------------------------------------

static void test_class_basics(void) {
    kr_val ns = kr_dict_new();
    def(ns, "Point", "__init__", &sig_point_init, body_init_xy);
    put(ns, "kind", S("point"));
    kr_val P = make_class("Point", 0, ns);
    CU_ASSERT_FATAL(P != 0);
    expect_str(kr_repr(P), "<class '__main__.Point'>");
    expect_str(attr(P, "__name__"), "Point");
    expect_str(attr(P, "__qualname__"), "Point");
    expect_str(attr(P, "__module__"), "__main__");
    expect_repr(attr(P, "__bases__"), "(<class 'object'>,)");
    expect_repr(attr(P, "__mro__"), "(<class '__main__.Point'>, <class 'object'>)");
    expect_repr(attr(P, "__doc__"), "None");
    expect_repr(attr(P, "kind"), "'point'");
    expect_repr(attr(P, "__class__"), "<class 'type'>");
    expect_error(attr(P, "nope"), &kr_exc_AttributeError,
                 "type object 'Point' has no attribute 'nope'");
    kr_val t = call1(KR_VAL(&kr_type_type), P);
    CU_ASSERT(t == KR_VAL(&kr_type_type));
    KR_DECREF(t);

    kr_val args[2] = { KR_FROM_SMALL(1), KR_FROM_SMALL(2) };
    kr_val p = kr_call(P, args, 2, 0);
    CU_ASSERT_FATAL(p != 0);
    expect_prefix(kr_repr(p), "<__main__.Point object at 0x");
    expect_repr(attr(p, "x"), "1");
    expect_repr(attr(p, "kind"), "'point'");
    expect_repr(attr(p, "__dict__"), "{'x': 1, 'y': 2}");
    CU_ASSERT(attr(p, "__class__") == P);
    KR_DECREF(P);
    expect_error(attr(p, "z"), &kr_exc_AttributeError, "'Point' object has no attribute 'z'");
    CU_ASSERT(set_attr(p, "z", KR_FROM_SMALL(3)) == 0);
    expect_repr(attr(p, "z"), "3");
    CU_ASSERT(set_attr(p, "z", 0) == 0);
    expect_status_error(set_attr(p, "z", 0), &kr_exc_AttributeError,
                        "'Point' object has no attribute 'z'");
    // Class attributes are shared until an instance shadows them.
    CU_ASSERT(set_attr(p, "kind", KR_FROM_SMALL(0)) == 0);
    expect_repr(attr(p, "kind"), "0");
    expect_repr(attr(P, "kind"), "'point'");
    CU_ASSERT(set_attr(P, "kind", KR_FROM_SMALL(1)) == 0);
    expect_repr(attr(P, "kind"), "1");
    expect_status_error(set_attr(P, "nope", 0), &kr_exc_AttributeError,
                        "type object 'Point' has no attribute 'nope'");
    expect_status_error(set_attr(KR_VAL(&kr_int_type), "x", KR_NONE), &kr_exc_TypeError,
                        "cannot set 'x' attribute of immutable type 'int'");
    expect_error(kr_call(P, args, 1, 0), &kr_exc_TypeError,
                 "Point.__init__() missing 1 required positional argument: 'b'");
    CU_ASSERT(kr_builtin_isinstance(p, P) == 1);
    CU_ASSERT(kr_builtin_isinstance(p, KR_VAL(&kr_object_type)) == 1);
    CU_ASSERT(kr_builtin_isinstance(p, KR_VAL(&kr_int_type)) == 0);
    CU_ASSERT(kr_builtin_issubclass(P, KR_VAL(&kr_object_type)) == 1);
    KR_DECREF(p);

    // No __init__: "A() takes no arguments"; __init__ returning a value.
    kr_val A = make_class("A", 0, kr_dict_new());
    expect_error(call1(A, KR_FROM_SMALL(1)), &kr_exc_TypeError, "A() takes no arguments");
    kr_val a = call0(A);
    expect_error(attr(a, "x"), &kr_exc_AttributeError, "'A' object has no attribute 'x'");
    KR_DECREF(a);
    ns = kr_dict_new();
    def(ns, "D", "__init__", &sig_self, body_return_5);
    kr_val D = make_class("D", 0, ns);
    expect_error(call0(D), &kr_exc_TypeError, "__init__() should return None, not 'int'");
    KR_DECREF(D);
    KR_DECREF(A);
    KR_DECREF(P);
}

static void test_mro(void) {
    kr_val A = make_class("A", 0, kr_dict_new());
    kr_val bA = bases1(A);
    kr_val B = make_class("B", bA, kr_dict_new());
    kr_val C = make_class("C", bA, kr_dict_new());
    kr_val bBC = kr_tuple_pack(2, B, C);
    kr_val ns = kr_dict_new();
    put(ns, "tag", S("d"));
    kr_val D = make_class("D", bBC, ns);
    expect_repr(attr(D, "__mro__"), "(<class '__main__.D'>, <class '__main__.B'>, <class "
                "'__main__.C'>, <class '__main__.A'>, <class 'object'>)");
    CU_ASSERT(kr_builtin_issubclass(D, C) == 1);
    CU_ASSERT(kr_builtin_issubclass(C, B) == 0);
    kr_val d = call0(D);
    CU_ASSERT(kr_builtin_isinstance(d, C) == 1);
    KR_DECREF(d);
    kr_val bAB = kr_tuple_pack(2, A, B);
    expect_error(make_class("X", bAB, kr_dict_new()), &kr_exc_TypeError,
                 "Cannot create a consistent method resolution order (MRO) for bases A, B");
    kr_val bAA = kr_tuple_pack(2, A, A);
    expect_error(make_class("X", bAA, kr_dict_new()), &kr_exc_TypeError,
                 "duplicate base class A");
    kr_val bbool = bases1(KR_VAL(&kr_bool_type));
    expect_error(make_class("X", bbool, kr_dict_new()), &kr_exc_TypeError,
                 "type 'bool' is not an acceptable base type");
    // __slots__ layouts conflict.
    ns = kr_dict_new();
    put(ns, "__slots__", S("a"));
    kr_val S1 = make_class("S1", 0, ns);
    ns = kr_dict_new();
    put(ns, "__slots__", S("b"));
    kr_val S2 = make_class("S2", 0, ns);
    kr_val bS = kr_tuple_pack(2, S1, S2);
    expect_error(make_class("X", bS, kr_dict_new()), &kr_exc_TypeError,
                 "multiple bases have instance lay-out conflict");
    kr_val list_base = bases1(KR_VAL(&kr_list_type));
    kr_val X = make_class("X", list_base, kr_dict_new());
    CU_ASSERT(X != 0 && KR_CLASS(X)->builtin_base == &kr_list_type);
    KR_XDECREF(X);
    KR_DECREF(list_base);
    kr_val bytearray_base = bases1(KR_VAL(&kr_bytearray_type));
    expect_error(make_class("X", bytearray_base, kr_dict_new()), &kr_exc_TypeError,
                 "krait does not support subclassing 'bytearray'");
    KR_DECREF(bytearray_base);
    KR_DECREF(bS);
    KR_DECREF(S1);
    KR_DECREF(S2);
    KR_DECREF(bbool);
    KR_DECREF(bAA);
    KR_DECREF(bAB);
    KR_DECREF(D);
    KR_DECREF(bBC);
    KR_DECREF(B);
    KR_DECREF(C);
    KR_DECREF(bA);
    KR_DECREF(A);
}

static void test_layout(void) {
    // A compiled layout for x and y; other attributes go to the lazy __dict__.
    kr_val ns = kr_dict_new();
    def(ns, "P", "__init__", &sig_self_a_b, body_init_xy);
    kr_val P = make_class("P", 0, ns);
    kr_val names = kr_tuple_new(2);
    KR_TUPLE_ITEMS(names)[0] = S("x");
    KR_TUPLE_ITEMS(names)[1] = S("y");
    CU_ASSERT(kr_class_set_layout(P, names) == 0);
    kr_val args[2] = { KR_FROM_SMALL(4), KR_FROM_SMALL(5) };
    kr_val p = kr_call(P, args, 2, 0);
    CU_ASSERT_FATAL(p != 0);
    expect_repr(kr_instance_slot_get(p, 0), "4");
    expect_repr(kr_instance_slot_get(p, 1), "5");
    expect_repr(attr(p, "y"), "5");
    CU_ASSERT(kr_instance_slot_set(p, 0, KR_FROM_SMALL(9)) == 0);
    expect_repr(attr(p, "x"), "9");
    CU_ASSERT(set_attr(p, "x", 0) == 0);
    expect_error(kr_instance_slot_get(p, 0), &kr_exc_AttributeError,
                 "'P' object has no attribute 'x'");
    expect_error(attr(p, "x"), &kr_exc_AttributeError, "'P' object has no attribute 'x'");
    expect_status_error(set_attr(p, "x", 0), &kr_exc_AttributeError,
                        "'P' object has no attribute 'x'");
    // Once the instance has a __dict__, it holds every attribute, as CPython's does: the
    // values of the compiled slots move into it.
    CU_ASSERT(set_attr(p, "w", KR_FROM_SMALL(1)) == 0);
    expect_repr(attr(p, "__dict__"), "{'y': 5, 'w': 1}");
    CU_ASSERT(kr_instance_slots(p)[1] == 0);
    CU_ASSERT(set_attr(p, "x", KR_FROM_SMALL(7)) == 0);
    CU_ASSERT(kr_instance_slots(p)[0] == 0);
    expect_repr(attr(p, "x"), "7");
    expect_repr(attr(p, "__dict__"), "{'y': 5, 'w': 1, 'x': 7}");
    CU_ASSERT(set_attr(p, "y", 0) == 0);
    expect_error(attr(p, "y"), &kr_exc_AttributeError, "'P' object has no attribute 'y'");
    expect_status_error(kr_class_set_layout(P, names), &kr_exc_SystemError,
                        "layout of 'P' set after instances were made");
    // A subclass extends the layout and keeps the base's slot indices.
    kr_val bP = bases1(P);
    kr_val Q = make_class("Q", bP, kr_dict_new());
    kr_val zn = kr_tuple_pack(1, KR_NONE);
    KR_SETREF(KR_TUPLE_ITEMS(zn)[0], S("z"));
    CU_ASSERT(kr_class_set_layout(Q, zn) == 2);
    CU_ASSERT(kr_class_layout_compatible((const kr_type *)Q, (const kr_type *)P));
    CU_ASSERT(!kr_class_layout_compatible((const kr_type *)P, (const kr_type *)Q));
    kr_val q = kr_call(Q, args, 2, 0);
    expect_repr(kr_instance_slot_get(q, 1), "5");
    CU_ASSERT(set_attr(q, "z", KR_FROM_SMALL(6)) == 0);
    expect_repr(kr_instance_slot_get(q, 2), "6");
    KR_DECREF(q);
    KR_DECREF(zn);
    KR_DECREF(Q);
    KR_DECREF(bP);
    KR_DECREF(p);
    KR_DECREF(names);
    KR_DECREF(P);

    // __slots__: no __dict__, CPython's errors.
    ns = kr_dict_new();
    kr_val sl = kr_tuple_new(2);
    KR_TUPLE_ITEMS(sl)[0] = S("x");
    KR_TUPLE_ITEMS(sl)[1] = S("__p");
    put(ns, "__slots__", sl);
    kr_val Pt = make_class("Point", 0, ns);
    CU_ASSERT_FATAL(Pt != 0);
    kr_val pt = call0(Pt);
    expect_status_error(set_attr(pt, "z", KR_FROM_SMALL(1)), &kr_exc_AttributeError,
                        "'Point' object has no attribute 'z' and no __dict__ for setting new "
                        "attributes");
    expect_error(attr(pt, "x"), &kr_exc_AttributeError, "'Point' object has no attribute 'x'");
    expect_status_error(set_attr(pt, "x", 0), &kr_exc_AttributeError, "x");
    expect_error(attr(pt, "__dict__"), &kr_exc_AttributeError,
                 "'Point' object has no attribute '__dict__'");
    CU_ASSERT(set_attr(pt, "x", KR_FROM_SMALL(2)) == 0);
    expect_repr(attr(pt, "x"), "2");
    CU_ASSERT(set_attr(pt, "_Point__p", KR_FROM_SMALL(3)) == 0);  // private names are mangled
    expect_repr(kr_instance_slot_get(pt, 1), "3");
    KR_DECREF(pt);
    KR_DECREF(Pt);
    ns = kr_dict_new();
    put(ns, "__slots__", S("x"));
    put(ns, "x", KR_FROM_SMALL(1));
    expect_error(make_class("P", 0, ns), &kr_exc_ValueError,
                 "'x' in __slots__ conflicts with class variable");
}

static void test_special_methods(void) {
    kr_val ns = kr_dict_new();
    def(ns, "P", "__init__", &sig_self_a_b, body_init_xy);
    def(ns, "P", "__repr__", &sig_self, body_repr_point);
    def(ns, "P", "__eq__", &sig_self_other, body_eq_x);
    def(ns, "P", "__lt__", &sig_self_other, body_lt_x);
    def(ns, "P", "__add__", &sig_self_other, body_add);
    def(ns, "P", "__radd__", &sig_self_other, body_radd);
    def(ns, "P", "__iadd__", &sig_self_other, body_iadd);
    def(ns, "P", "__neg__", &sig_self, body_neg);
    kr_val P = make_class("P", 0, ns);
    kr_val a12[2] = { KR_FROM_SMALL(1), KR_FROM_SMALL(2) };
    kr_val a13[2] = { KR_FROM_SMALL(1), KR_FROM_SMALL(3) };
    kr_val a30[2] = { KR_FROM_SMALL(3), KR_FROM_SMALL(0) };
    kr_val p = kr_call(P, a12, 2, 0), q = kr_call(P, a13, 2, 0), r = kr_call(P, a30, 2, 0);
    expect_str(kr_repr(p), "P(1, 2)");
    expect_str(kr_str(p), "P(1, 2)");
    CU_ASSERT(kr_eq(p, q) == 1);
    CU_ASSERT(kr_richcompare_bool(p, q, KR_NE) == 0);  // default __ne__ inverts __eq__
    CU_ASSERT(kr_richcompare_bool(p, r, KR_NE) == 1);
    CU_ASSERT(kr_eq(p, KR_FROM_SMALL(1)) == 0);         // NotImplemented both ways: identity
    CU_ASSERT(kr_richcompare_bool(p, r, KR_LT) == 1);
    CU_ASSERT(kr_richcompare_bool(r, p, KR_GT) == 1);   // reflected __lt__
    expect_error(kr_richcompare(p, KR_FROM_SMALL(1), KR_LE), &kr_exc_TypeError,
                 "'<=' not supported between instances of 'P' and 'int'");
    CU_ASSERT(kr_hash(p) == -1);  // __eq__ without __hash__
    expect_error(0, &kr_exc_TypeError, "unhashable type: 'P'");
    expect_repr(attr(P, "__hash__"), "None");
    expect_repr(kr_add(p, KR_FROM_SMALL(10)), "11");
    expect_repr(kr_add(KR_FROM_SMALL(10), p), "('radd', 10)");
    expect_error(kr_sub(p, KR_FROM_SMALL(1)), &kr_exc_TypeError,
                 "unsupported operand type(s) for -: 'P' and 'int'");
    kr_val s = kr_inplace_add(p, KR_FROM_SMALL(5));
    CU_ASSERT(s == p);
    KR_DECREF(s);
    expect_repr(attr(p, "x"), "6");
    expect_repr(kr_neg(p), "-6");
    expect_error(kr_invert(p), &kr_exc_TypeError, "bad operand type for unary ~: 'P'");
    expect_error(kr_len(p) < 0 ? 0 : KR_NONE, &kr_exc_TypeError, "object of type 'P' has no len()");
    CU_ASSERT(kr_is_true(p) == 1);
    expect_error(call0(p), &kr_exc_TypeError, "'P' object is not callable");
    KR_DECREF(p);
    KR_DECREF(q);
    KR_DECREF(r);
    KR_DECREF(P);

    // Containers, iteration, calls, truth.
    ns = kr_dict_new();
    def(ns, "Seq", "__getitem__", &sig_self_other, body_getitem);
    def(ns, "Seq", "__setitem__", &sig_self_a_b, body_setitem);
    def(ns, "Seq", "__len__", &sig_self, body_len3);
    def(ns, "Seq", "__call__", &sig_var, body_call);
    def(ns, "Seq", "__contains__", &sig_self_other, body_contains);
    kr_val Seq = make_class("Seq", 0, ns);
    kr_val sq = call0(Seq);
    expect_repr(kr_getitem(sq, KR_FROM_SMALL(2)), "20");
    CU_ASSERT(kr_len(sq) == 3);
    CU_ASSERT(kr_is_true(sq) == 1);
    CU_ASSERT(kr_setitem(sq, KR_FROM_SMALL(0), KR_FROM_SMALL(8)) == 0);
    expect_repr(attr(sq, "last"), "8");
    expect_status_error(kr_delitem(sq, KR_FROM_SMALL(0)), &kr_exc_AttributeError, "__delitem__");
    CU_ASSERT(kr_contains(sq, KR_FROM_SMALL(7)) == 1);
    CU_ASSERT(kr_contains(sq, KR_FROM_SMALL(8)) == 0);
    expect_repr(kr_list_from_iterable(sq), "[0, 10, 20]");  // old sequence protocol
    kr_val kw = kr_tuple_new(1);
    KR_TUPLE_ITEMS(kw)[0] = S("k");
    kr_val cargs[2] = { KR_FROM_SMALL(1), KR_FROM_SMALL(2) };
    expect_repr(kr_call(sq, cargs, 1, kw), "((1,), {'k': 2})");
    KR_DECREF(kw);
    KR_DECREF(sq);
    KR_DECREF(Seq);

    ns = kr_dict_new();
    def(ns, "It", "__iter__", &sig_self, body_self);
    def(ns, "It", "__next__", &sig_self, body_next);
    def(ns, "It", "__bool__", &sig_self, body_false);
    kr_val It = make_class("It", 0, ns);
    kr_val it = call0(It);
    CU_ASSERT(set_attr(it, "x", KR_FROM_SMALL(3)) == 0);
    expect_repr(kr_list_from_iterable(it), "[3, 2, 1]");
    CU_ASSERT(kr_is_true(it) == 0);
    CU_ASSERT(kr_next(it) == 0 && !kr_err_occurred());
    KR_DECREF(it);
    KR_DECREF(It);

    // Results of the wrong type.
    ns = kr_dict_new();
    def(ns, "R", "__len__", &sig_self, body_len_neg);
    def(ns, "R", "__bool__", &sig_self, body_return_5);
    def(ns, "R", "__repr__", &sig_self, body_return_5);
    def(ns, "R", "__str__", &sig_self, body_return_5);
    def(ns, "R", "__index__", &sig_self, body_return_str);
    def(ns, "R", "__int__", &sig_self, body_return_str);
    def(ns, "R", "__float__", &sig_self, body_return_5);
    def(ns, "R", "__hash__", &sig_self, body_return_str);
    def(ns, "R", "__iter__", &sig_self, body_return_5);
    kr_val R = make_class("R", 0, ns);
    kr_val rr = call0(R);
    expect_status_error(kr_len(rr), &kr_exc_ValueError, "__len__() should return >= 0");
    expect_status_error(kr_is_true(rr), &kr_exc_TypeError,
                        "__bool__ should return bool, returned int");
    expect_error(kr_repr(rr), &kr_exc_TypeError, "__repr__ returned non-string (type int)");
    expect_error(kr_str(rr), &kr_exc_TypeError, "__str__ returned non-string (type int)");
    expect_error(kr_index(rr), &kr_exc_TypeError, "__index__ returned non-int (type str)");
    expect_error(kr_builtin_int(rr, 0), &kr_exc_TypeError, "__int__ returned non-int (type str)");
    expect_error(kr_builtin_float(rr), &kr_exc_TypeError,
                 "R.__float__ returned non-float (type int)");
    expect_status_error(kr_hash(rr), &kr_exc_TypeError, "__hash__ method should return an integer");
    expect_error(kr_iter(rr), &kr_exc_TypeError, "iter() returned non-iterator of type 'int'");
    KR_DECREF(rr);
    KR_DECREF(R);
}

static kr_val body_set_via_super(kr_val fn, kr_val *a);
static kr_val set_calls;

static kr_val body_set_via_super(kr_val fn, kr_val *a) {  // __setattr__: log, then object's
    (void)fn;
    if (kr_list_append(set_calls, a[1]) < 0) {
        return 0;
    }
    kr_val cls = KR_VAL(KR_TYPE(a[0]));
    kr_val sup = kr_super_new(cls, a[0]);
    kr_val m = attr(sup, "__setattr__");
    KR_DECREF(sup);
    if (!m) {
        return 0;
    }
    kr_val r = kr_call(m, a + 1, 2, 0);
    KR_DECREF(m);
    return r;
}

static int deleted;

static kr_val body_del(kr_val fn, kr_val *a) {
    (void)fn;
    (void)a;
    deleted++;
    return kr_none();
}

static void test_attribute_hooks(void) {
    set_calls = kr_list_new(0);
    kr_val ns = kr_dict_new();
    def(ns, "H", "__getattr__", &sig_self_other, body_getattr);
    def(ns, "H", "__setattr__", &sig_self_a_b, body_set_via_super);
    def(ns, "H", "__del__", &sig_self, body_del);
    kr_val H = make_class("H", 0, ns);
    kr_val h = call0(H);
    expect_repr(attr(h, "color"), "'missing:color'");
    CU_ASSERT(set_attr(h, "a", KR_FROM_SMALL(1)) == 0);
    expect_repr(attr(h, "a"), "1");
    expect_repr(kr_newref(set_calls), "['a']");
    CU_ASSERT(deleted == 0);
    KR_DECREF(h);
    CU_ASSERT(deleted == 1);  // __del__ runs at refcount zero
    KR_DECREF(H);
    KR_DECREF(set_calls);

    // property, classmethod, staticmethod in a class body; data descriptors beat __dict__.
    ns = kr_dict_new();
    def(ns, "C", "size", &sig_self, body_len3);
    kr_val k = S("size");
    kr_val size_fn = kr_newref(kr_dict_lookup(ns, k));
    put(ns, "size", kr_property_new(size_fn, 0, 0, 0));
    def(ns, "C", "make", &sig_self, body_self);
    kr_val mk = S("make");
    kr_val make_fn = kr_newref(kr_dict_lookup(ns, mk));
    put(ns, "make", kr_classmethod_new(make_fn));
    put(ns, "ident", kr_staticmethod_new(make_fn));
    kr_val C = make_class("C", 0, ns);
    kr_val c = call0(C);
    expect_repr(attr(c, "size"), "3");
    expect_status_error(set_attr(c, "size", KR_FROM_SMALL(1)), &kr_exc_AttributeError,
                        "property 'size' of 'C' object has no setter");
    kr_val m = attr(c, "make");
    kr_val made = call0(m);
    CU_ASSERT(made == C);
    KR_DECREF(made);
    KR_DECREF(m);
    kr_val st = attr(C, "ident");
    CU_ASSERT(st == make_fn);
    KR_DECREF(st);
    kr_val unbound = attr(C, "size");
    CU_ASSERT(KR_TYPE(unbound) == &kr_property_type);
    KR_DECREF(unbound);
    // kr_call_method and kr_special_method, as compiled code uses them.
    kr_val mkname = S("make");
    kr_val viam = kr_call_method(c, mkname, NULL, 0, 0);
    CU_ASSERT(viam == C);
    KR_DECREF(viam);
    CU_ASSERT(kr_special_method(c, "__enter__") == 0 && !kr_err_occurred());
    kr_val init = kr_special_method(c, "__init__");
    expect_repr(call0(init), "None");
    KR_DECREF(init);
    KR_DECREF(mkname);
    KR_DECREF(c);
    KR_DECREF(C);
    KR_DECREF(make_fn);
    KR_DECREF(mk);
    KR_DECREF(size_fn);
    KR_DECREF(k);
}

// super().m() from a subclass method: B.who returns ("B", super().who()).
static kr_val body_who_a(kr_val fn, kr_val *a) {
    (void)fn;
    (void)a;
    return S("A");
}

static kr_val class_B;

static kr_val body_who_b(kr_val fn, kr_val *a) {
    (void)fn;
    kr_val sup = kr_super_new(class_B, a[0]);
    if (!sup) {
        return 0;
    }
    kr_val m = attr(sup, "who");
    KR_DECREF(sup);
    kr_val inner = m ? call0(m) : 0;
    KR_XDECREF(m);
    kr_val b = S("B");
    kr_val r = inner ? kr_tuple_pack(2, b, inner) : 0;
    KR_DECREF(b);
    KR_XDECREF(inner);
    return r;
}

static void test_super(void) {
    kr_val ns = kr_dict_new();
    def(ns, "A", "who", &sig_self, body_who_a);
    kr_val A = make_class("A", 0, ns);
    ns = kr_dict_new();
    def(ns, "B", "who", &sig_self, body_who_b);
    kr_val bA = bases1(A);
    class_B = make_class("B", bA, ns);
    kr_val b = call0(class_B);
    kr_val who = S("who");
    expect_repr(kr_call_method(b, who, NULL, 0, 0), "('B', 'A')");
    kr_val sup = kr_super_new(class_B, b);
    expect_str(kr_repr(sup), "<super: <class '__main__.B'>, <B object>>");
    expect_error(attr(sup, "nope"), &kr_exc_AttributeError,
                 "'super' object has no attribute 'nope'");
    KR_DECREF(sup);
    expect_error(kr_super_new(class_B, KR_FROM_SMALL(1)), &kr_exc_TypeError,
                 "super(type, obj): obj (instance of int) is not an instance or subtype of type "
                 "(B).");
    expect_error(kr_super_new(KR_FROM_SMALL(1), b), &kr_exc_TypeError,
                 "super() argument 1 must be a type, not int");
    KR_DECREF(who);
    KR_DECREF(b);
    KR_DECREF(class_B);
    KR_DECREF(bA);
    KR_DECREF(A);
}

// MyError.__init__(self, a, b): super().__init__(a); self.code = b.
static kr_val class_err;

static kr_val body_err_init(kr_val fn, kr_val *a) {
    (void)fn;
    kr_val sup = kr_super_new(class_err, a[0]);
    kr_val init = sup ? attr(sup, "__init__") : 0;
    KR_XDECREF(sup);
    kr_val r = init ? call1(init, a[1]) : 0;
    KR_XDECREF(init);
    if (!r || set_attr(a[0], "code", a[2]) < 0) {
        KR_XDECREF(r);
        return 0;
    }
    return r;
}

static void test_exceptions(void) {
    kr_val bE = bases1(KR_VAL(&kr_exc_ValueError));
    kr_val E = make_class("E", bE, kr_dict_new());
    CU_ASSERT_FATAL(E != 0);
    kr_val msg = S("m");
    kr_val e = call1(E, msg);
    CU_ASSERT(kr_exc_check(e));
    expect_str(kr_repr(e), "E('m')");
    expect_str(kr_str(e), "m");
    expect_repr(attr(e, "args"), "('m',)");
    CU_ASSERT(set_attr(e, "extra", KR_FROM_SMALL(5)) == 0);
    expect_repr(attr(e, "__dict__"), "{'extra': 5}");
    kr_val ee = kr_newref(e);
    kr_err_raise(ee);
    CU_ASSERT(kr_err_matches(&kr_exc_ValueError));
    CU_ASSERT(kr_err_matches((const kr_type *)E));
    kr_val caught = kr_err_fetch();
    CU_ASSERT(kr_exc_matches(caught, E) == 1);
    KR_DECREF(caught);
    kr_val kw = kr_tuple_new(1);
    KR_TUPLE_ITEMS(kw)[0] = S("x");
    kr_val one = KR_FROM_SMALL(1);
    expect_error(kr_call(E, &one, 0, kw), &kr_exc_TypeError, "E() takes no keyword arguments");
    KR_DECREF(kw);
    // Raising the class makes an instance.
    kr_err_raise(kr_newref(E));
    caught = kr_err_fetch();
    CU_ASSERT(KR_TYPE(caught) == (const kr_type *)E);
    KR_DECREF(caught);
    KR_DECREF(e);

    kr_val ns = kr_dict_new();
    def(ns, "MyError", "__init__", &sig_self_a_b, body_err_init);
    kr_val bX = bases1(KR_VAL(&kr_exc_Exception));
    class_err = make_class("MyError", bX, ns);
    kr_val args[2] = { msg, KR_FROM_SMALL(42) };
    e = kr_call(class_err, args, 2, 0);
    CU_ASSERT_FATAL(e != 0);
    expect_repr(attr(e, "args"), "('m',)");
    expect_repr(attr(e, "code"), "42");
    expect_str(kr_str(e), "m");
    expect_repr(attr(class_err, "__mro__"), "(<class '__main__.MyError'>, <class 'Exception'>, "
                "<class 'BaseException'>, <class 'object'>)");
    CU_ASSERT(strcmp(KR_TYPE(e)->module, "__main__") == 0);
    KR_DECREF(e);
    KR_DECREF(class_err);
    KR_DECREF(bX);
    KR_DECREF(msg);
    KR_DECREF(E);
    KR_DECREF(bE);
}

// Meta.__new__(mcs, name, bases, ns): type.__new__ then cls.tagged = True.
static kr_val meta_class;
static int meta_calls;

static kr_val body_meta_new(kr_val fn, kr_val *a) {
    (void)fn;
    kr_val sup = kr_super_new(meta_class, a[0]);
    kr_val n = sup ? attr(sup, "__new__") : 0;
    KR_XDECREF(sup);
    if (!n) {
        return 0;
    }
    kr_val args[4] = { a[0], KR_TUPLE_ITEMS(a[1])[0], KR_TUPLE_ITEMS(a[1])[1],
                       KR_TUPLE_ITEMS(a[1])[2] };
    kr_val cls = kr_call(n, args, 4, 0);
    KR_DECREF(n);
    if (cls && set_attr(cls, "tagged", KR_TRUE) < 0) {
        KR_CLEAR(cls);
    }
    return cls;
}

static kr_val body_meta_call(kr_val fn, kr_val *a) {  // __call__: count, then type.__call__
    (void)fn;
    meta_calls++;
    kr_val sup = kr_super_new(meta_class, a[0]);
    kr_val c = sup ? attr(sup, "__call__") : 0;
    KR_XDECREF(sup);
    if (!c) {
        return 0;
    }
    kr_val r = kr_call(c, KR_TUPLE_ITEMS(a[1]), (size_t)KR_TUPLE_LEN(a[1]), 0);
    KR_DECREF(c);
    return r;
}

static const char *const n_cls_args[] = { "mcs", "args", "kw" };
static const kr_sig sig_cls_var = { "Meta.__new__", n_cls_args, 0, 1, 0, true, true };

static void test_metaclass(void) {
    kr_val ns = kr_dict_new();
    def(ns, "Meta", "__new__", &sig_cls_var, body_meta_new);
    def(ns, "Meta", "__call__", &sig_var, body_meta_call);
    kr_val bT = bases1(KR_VAL(&kr_type_type));
    meta_class = make_class("Meta", bT, ns);
    if (!meta_class) {
        expect_error(0, &kr_exc_TypeError, "");
    }
    CU_ASSERT_FATAL(meta_class != 0);
    kr_val C = make_class_full("C", 0, kr_dict_new(), meta_class, 0);
    CU_ASSERT_FATAL(C != 0);
    CU_ASSERT(KR_TYPE(C) == (const kr_type *)meta_class);
    expect_repr(attr(C, "tagged"), "True");
    expect_str(kr_repr(C), "<class '__main__.C'>");
    kr_val c = call0(C);
    CU_ASSERT(meta_calls == 1);
    CU_ASSERT(kr_builtin_isinstance(c, C) == 1);
    CU_ASSERT(kr_builtin_isinstance(C, meta_class) == 1);
    KR_DECREF(c);
    // A subclass inherits the metaclass.
    kr_val bC = bases1(C);
    kr_val D = make_class("D", bC, kr_dict_new());
    CU_ASSERT(KR_TYPE(D) == (const kr_type *)meta_class);
    // Metaclass conflict.
    kr_val ns2 = kr_dict_new();
    kr_val M2 = make_class("M2", bT, ns2);
    expect_error(make_class_full("X", bC, kr_dict_new(), M2, 0), &kr_exc_TypeError,
                 "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                 "subclass of the metaclasses of all its bases");
    KR_DECREF(M2);
    KR_DECREF(D);
    KR_DECREF(bC);
    KR_DECREF(C);
    KR_DECREF(meta_class);
    KR_DECREF(bT);

    // type(name, bases, dict) and its argument errors.
    kr_val n = S("T"), b = kr_tuple_new(0), d = kr_dict_new();
    put(d, "v", KR_FROM_SMALL(3));
    kr_val args[3] = { n, b, d };
    kr_val T = kr_call(KR_VAL(&kr_type_type), args, 3, 0);
    CU_ASSERT_FATAL(T != 0);
    expect_str(kr_repr(T), "<class '__main__.T'>");
    expect_repr(attr(T, "v"), "3");
    args[0] = KR_FROM_SMALL(1);
    expect_error(kr_call(KR_VAL(&kr_type_type), args, 3, 0), &kr_exc_TypeError,
                 "type.__new__() argument 1 must be str, not int");
    expect_error(kr_call(KR_VAL(&kr_type_type), args, 2, 0), &kr_exc_TypeError,
                 "type() takes 1 or 3 arguments");
    KR_DECREF(T);
    KR_DECREF(n);
    KR_DECREF(b);
    KR_DECREF(d);
}

// __init_subclass__(cls, **kw) records kw; Field.__set_name__(self, owner, name) records name.
static kr_val recorded;

static kr_val body_record_kw(kr_val fn, kr_val *a) {
    (void)fn;
    return kr_list_append(recorded, a[2]) < 0 ? 0 : kr_none();
}

static kr_val body_set_name(kr_val fn, kr_val *a) {
    (void)fn;
    return kr_list_append(recorded, a[2]) < 0 ? 0 : kr_none();
}

static void test_init_subclass_set_name(void) {
    recorded = kr_list_new(0);
    kr_val ns = kr_dict_new();
    def(ns, "Base", "__init_subclass__", &sig_var, body_record_kw);
    kr_val Base = make_class("Base", 0, ns);
    kr_val bB = bases1(Base);
    kr_val kwargs = kr_dict_new();
    put(kwargs, "flag", KR_TRUE);
    kr_val Sub = make_class_full("Sub", bB, kr_dict_new(), 0, kwargs);
    CU_ASSERT_FATAL(Sub != 0);
    expect_repr(kr_newref(recorded), "[{'flag': True}]");
    kr_val bS = bases1(Sub);
    kr_val kw2 = kr_dict_new();
    put(kw2, "x", KR_FROM_SMALL(1));
    kr_val A = make_class("A", 0, kr_dict_new());
    kr_val bA = bases1(A);
    expect_error(make_class_full("C", bA, kr_dict_new(), 0, kw2), &kr_exc_TypeError,
                 "C.__init_subclass__() takes no keyword arguments");
    KR_DECREF(kw2);
    KR_DECREF(bA);
    KR_DECREF(A);
    KR_DECREF(bS);
    KR_DECREF(kwargs);
    KR_DECREF(Sub);
    KR_DECREF(bB);
    KR_DECREF(Base);

    kr_list_clear(recorded);
    ns = kr_dict_new();
    def(ns, "Field", "__set_name__", &sig_self_a_b, body_set_name);
    kr_val Field = make_class("Field", 0, ns);
    ns = kr_dict_new();
    put(ns, "first", call0(Field));
    put(ns, "second", call0(Field));
    kr_val Model = make_class("Model", 0, ns);
    CU_ASSERT_FATAL(Model != 0);
    expect_repr(kr_newref(recorded), "['first', 'second']");
    KR_DECREF(Model);
    KR_DECREF(Field);
    KR_DECREF(recorded);
}

int main(void) {
    kr_runtime_init(0, NULL);
    CU_initialize_registry();
    CU_pSuite s = CU_add_suite("rt_class", NULL, NULL);
    CU_add_test(s, "class basics", test_class_basics);
    CU_add_test(s, "MRO and base errors", test_mro);
    CU_add_test(s, "instance layouts and __slots__", test_layout);
    CU_add_test(s, "special methods", test_special_methods);
    CU_add_test(s, "attribute hooks and descriptors", test_attribute_hooks);
    CU_add_test(s, "super", test_super);
    CU_add_test(s, "exception subclasses", test_exceptions);
    CU_add_test(s, "metaclasses and type()", test_metaclass);
    CU_add_test(s, "__init_subclass__ and __set_name__", test_init_subclass_set_name);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
