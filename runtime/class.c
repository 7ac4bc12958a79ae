// class.c: user classes (heap types), their instances, super() and attribute lookup.
//
// kr_class_new runs the end of a `class` statement as CPython's __build_class__ and
// type.__new__ do: it picks the metaclass, computes the C3 MRO and the best base, copies the
// namespace, fixes the instance layout and bridges the class's special methods (__repr__,
// __eq__, __add__, __len__, ...) into the type slots, so that every generic operation of
// object.c works on instances; then it calls __set_name__ and __init_subclass__.
//
// Invariants:
//   * A class's 'mro' tuple excludes the class itself (no reference cycle); builtin types
//     in it are static.
//   * Instances hold a reference to their class (released by heap_free after the memory).
//   * Slots bridge to the special method found along the MRO at call time, so a method
//     replaced on a class is seen at once; a bridge is installed when some class in the MRO
//     defines the method when the class is created (or when the class later gets it).
//   * Builtin bases may be object, BaseException and its subclasses, type (metaclasses), or
//     one of the value and container types of subtype.c (int, str, list, dict, ...).
#include "krait.h"

#include <stdio.h>
#include <string.h>

// ---------------------------------------------------------------------------------------------
// Interned names of the special methods (immortal strs made on first use)

#define DUNDERS(X)                                                                              \
    X(repr) X(str) X(hash) X(lt) X(le) X(eq) X(ne) X(gt) X(ge) X(bool) X(len) X(getitem)        \
    X(setitem) X(delitem) X(contains) X(iter) X(next) X(call) X(neg) X(pos) X(abs) X(invert)    \
    X(index) X(int) X(float) X(del) X(new) X(init) X(getattr) X(getattribute) X(setattr)        \
    X(delattr) X(init_subclass) X(set_name) X(class_getitem) X(prepare) X(slots) X(dict)        \
    X(qualname) X(module) X(classcell) X(doc) X(weakref) X(pow) X(name) X(class) X(mro)         \
    X(bases)

enum {
#define X_(n) D_##n,
    DUNDERS(X_)
#undef X_
    D_COUNT
};

static const char *const dunder_text[D_COUNT] = {
#define X_(n) "__" #n "__",
    DUNDERS(X_)
#undef X_
};

static kr_val immortal_str(const char *s) {
    kr_val v = kr_str_from_cstr(s);
    if (!v) {
        kr_fatal("out of memory interning '%s'", s);
    }
    KR_OBJ(v)->rc = KR_RC_IMMORTAL;
    return v;
}

static kr_val dunder(int id) {
    static kr_val cache[D_COUNT];
    if (!cache[id]) {
        cache[id] = immortal_str(dunder_text[id]);
    }
    return cache[id];
}

static const char *const binop_dunder[KR_OP_COUNT] = {
#define X_(e, f, op, d) d,
    KR_BINOPS(X_)
#undef X_
};

// "__add__" (kind 0), "__radd__" (1) or "__iadd__" (2).
static kr_val binop_name(kr_binop op, int kind) {
    static kr_val cache[3][KR_OP_COUNT];
    if (!cache[kind][op]) {
        char buf[32];
        snprintf(buf, sizeof buf, kind == 0 ? "%s" : kind == 1 ? "__r%s" : "__i%s",
                 kind == 0 ? binop_dunder[op] : binop_dunder[op] + 2);
        cache[kind][op] = immortal_str(buf);
    }
    return cache[kind][op];
}

static bool name_is(kr_val name, const char *s) { return strcmp(kr_str_data(name), s) == 0; }

static const char *type_qualname(const kr_type *t) { return t->qualname ? t->qualname : t->name; }

// ---------------------------------------------------------------------------------------------
// Builtin special methods, as the MRO shows them on object, type and BaseException

static kr_val builtin_object_new(const kr_type *type, const kr_val *args, size_t nargs,
                                 kr_val kwnames);
static kr_val generic_getattr(kr_val obj, kr_val name);
static kr_val class_lookup(const kr_type *t, kr_val name);
static int dict_store(kr_val obj, kr_val *d, kr_val name, kr_val value);
static int generic_setattr(kr_val obj, kr_val name, kr_val value);
static kr_val default_repr(kr_val obj);
static kr_val heap_type_new(const kr_type *type, const kr_val *args, size_t nargs,
                            kr_val kwnames);

static bool has_kw(kr_val kwnames) { return kwnames && KR_TUPLE_LEN(kwnames) > 0; }

static bool user_defines(const kr_type *t, int id);

// object.__new__(cls, *args).
static kr_val object_dunder_new(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    if (nargs == 0) {
        return kr_err_set(&kr_exc_TypeError, "object.__new__(): not enough arguments");
    }
    if (!kr_type_check(args[0])) {
        return kr_err_set(&kr_exc_TypeError, "object.__new__(X): X is not a type object (%s)",
                          kr_type_name(args[0]));
    }
    const kr_type *t = (const kr_type *)args[0];
    if (kr_type_is_heap(t) && kr_type_is_subtype(t, &kr_exc_BaseException)) {
        return kr_err_set(&kr_exc_TypeError, "object.__new__(%s) is not safe, use "
                          "BaseException.__new__()", t->name);
    }
    if (kr_type_is_heap(t) && KR_CLASS(t)->builtin_base != &kr_object_type
        && !kr_type_is_subtype(t, &kr_type_type)) {
        const kr_type *safe = t;  // CPython's staticbase: the first without a __new__ of its own
        while (kr_type_is_heap(safe) && user_defines(safe, D_new)) {
            safe = safe->base;
        }
        return kr_err_set(&kr_exc_TypeError, "object.__new__(%s) is not safe, use %s.__new__()",
                          t->name, safe->name);
    }
    return builtin_object_new(t, args + 1, nargs - 1, kw);
}

// int.__new__(cls, *args), list.__new__(cls), ... for the value and container bases.
static kr_val value_new(const kr_type *owner, const kr_val *args, size_t nargs, kr_val kw) {
    if (nargs == 0) {
        return kr_err_set(&kr_exc_TypeError, "%s.__new__(): not enough arguments", owner->name);
    }
    if (!kr_type_check(args[0])) {
        return kr_err_set(&kr_exc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                          owner->name, kr_type_name(args[0]));
    }
    const kr_type *t = (const kr_type *)args[0];
    if (!kr_type_is_subtype(t, owner)) {
        return kr_err_set(&kr_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                          owner->name, t->name, t->name, owner->name);
    }
    if (!kr_type_is_heap(t)) {
        return t->new(t, args + 1, nargs - 1, kw);
    }
    return builtin_object_new(t, args + 1, nargs - 1, kw);
}

static bool user_defines(const kr_type *t, int id) {
    return kr_class_lookup_user(t, dunder(id)) != 0;
}

// object.__init__(self, *args): CPython's object_init checks.
static kr_val object_dunder_init(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)args;
    const kr_type *t = KR_TYPE(self);
    if (nargs || has_kw(kw)) {
        if (user_defines(t, D_init)) {
            return kr_err_set(&kr_exc_TypeError, "object.__init__() takes exactly one argument "
                              "(the instance to initialize)");
        }
        if (!user_defines(t, D_new)) {
            return kr_err_set(&kr_exc_TypeError, "%s() takes no arguments", t->name);
        }
    }
    return kr_none();
}

static kr_val object_dunder_repr(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)args;
    return kr_args_check("__repr__", nargs, kw, 0, 0) < 0 ? 0 : default_repr(self);
}

static kr_val object_dunder_str(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)args;
    return kr_args_check("__str__", nargs, kw, 0, 0) < 0 ? 0 : kr_repr(self);
}

static kr_val object_dunder_hash(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)args;
    if (kr_args_check("__hash__", nargs, kw, 0, 0) < 0) {
        return 0;
    }
    return kr_int_from_i64(kr_hash_pointer((void *)self));
}

// object.__eq__ is identity; object.__ne__ inverts the type's == unless NotImplemented; the
// orderings are NotImplemented.
static kr_val object_compare(kr_val self, const kr_val *args, size_t nargs, kr_val kw, int op) {
    if (kr_args_check("comparison", nargs, kw, 1, 1) < 0) {
        return 0;
    }
    if (op == KR_EQ) {
        return self == args[0] ? KR_TRUE : KR_NOTIMPLEMENTED;
    }
    if (op != KR_NE) {
        return KR_NOTIMPLEMENTED;
    }
    kr_richcmpfunc f = NULL;
    for (const kr_type *d = KR_TYPE(self); d && !f; d = d->base) {
        f = d->richcompare;
    }
    kr_val r = f ? f(self, args[0], KR_EQ) : self == args[0] ? KR_TRUE : KR_NOTIMPLEMENTED;
    if (!r || r == KR_NOTIMPLEMENTED) {
        return r;
    }
    int t = kr_is_true(r);
    KR_DECREF(r);
    return t < 0 ? 0 : kr_bool(!t);
}

#define CMP_FN(n, op)                                                                     \
    static kr_val object_dunder_##n(kr_val self, const kr_val *a, size_t na, kr_val kw) { \
        return object_compare(self, a, na, kw, op);                                       \
    }
CMP_FN(lt, KR_LT)
CMP_FN(le, KR_LE)
CMP_FN(eq, KR_EQ)
CMP_FN(ne, KR_NE)
CMP_FN(gt, KR_GT)
CMP_FN(ge, KR_GE)
#undef CMP_FN

static kr_val object_dunder_getattribute(kr_val self, const kr_val *args, size_t nargs,
                                         kr_val kw) {
    if (kr_args_check("__getattribute__", nargs, kw, 1, 1) < 0) {
        return 0;
    }
    if (!kr_str_check(args[0])) {
        return kr_err_set(&kr_exc_TypeError, "attribute name must be string, not '%s'",
                          kr_type_name(args[0]));
    }
    return kr_type_is_heap(KR_TYPE(self)) ? generic_getattr(self, args[0])
                                          : kr_getattr(self, args[0]);
}

static kr_val set_or_delete(kr_val self, kr_val name, kr_val value) {
    if (!kr_str_check(name)) {
        return kr_err_set(&kr_exc_TypeError, "attribute name must be string, not '%s'",
                          kr_type_name(name));
    }
    int rc = kr_type_is_heap(KR_TYPE(self)) ? generic_setattr(self, name, value)
                                            : kr_setattr(self, name, value);
    return rc < 0 ? 0 : kr_none();
}

static kr_val object_dunder_setattr(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    if (kr_args_check("__setattr__", nargs, kw, 2, 2) < 0) {
        return 0;
    }
    return set_or_delete(self, args[0], args[1]);
}

static kr_val object_dunder_delattr(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    return kr_args_check("__delattr__", nargs, kw, 1, 1) < 0 ? 0
                                                             : set_or_delete(self, args[0], 0);
}

// object.__init_subclass__(cls): a classmethod that takes no keywords.
static kr_val object_dunder_init_subclass(kr_val self, const kr_val *args, size_t nargs,
                                          kr_val kw) {
    (void)args;
    const kr_type *cls = (const kr_type *)(nargs ? args[0] : self);
    if (has_kw(kw)) {
        return kr_err_set(&kr_exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                          type_qualname(cls));
    }
    if (nargs > 1) {
        return kr_err_set(&kr_exc_TypeError, "%s.__init_subclass__() takes no arguments (%zu "
                          "given)", type_qualname(cls), nargs - 1);
    }
    return kr_none();
}

// type.__new__(metatype, name, bases, ns, **kwargs).
static kr_val type_dunder_new(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    if (nargs == 0 || !kr_type_check(args[0])) {
        return kr_err_set(&kr_exc_TypeError, "type.__new__(X): X is not a type object (%s)",
                          nargs ? kr_type_name(args[0]) : "NoneType");
    }
    return kr_type_new3((const kr_type *)args[0], args + 1, nargs - 1, kw);
}

static kr_val type_dunder_init(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    (void)args;
    if (nargs == 1 && has_kw(kw)) {
        return kr_err_set(&kr_exc_TypeError, "type.__init__() takes no keyword arguments");
    }
    if (nargs != 1 && nargs != 3) {
        return kr_err_set(&kr_exc_TypeError, "type.__init__() takes 1 or 3 arguments");
    }
    return kr_none();
}

static kr_val type_dunder_call(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    return kr_type_type.call(self, args, nargs, kw);
}

static kr_val type_dunder_repr(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)args;
    return kr_args_check("__repr__", nargs, kw, 0, 0) < 0 ? 0 : kr_type_type.repr(self);
}

static kr_val exc_dunder_new(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    (void)kw;
    if (nargs == 0 || !kr_type_check(args[0])
        || !kr_type_is_subtype((const kr_type *)args[0], &kr_exc_BaseException)) {
        return kr_err_set(&kr_exc_TypeError, "BaseException.__new__(X): X is not a subtype of "
                          "BaseException");
    }
    return builtin_object_new((const kr_type *)args[0], args + 1, nargs - 1, 0);
}

// BaseException.__init__(self, *args) replaces args.
static kr_val exc_dunder_init(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    if (has_kw(kw)) {
        return kr_err_set(&kr_exc_TypeError, "%s() takes no keyword arguments",
                          kr_type_name(self));
    }
    kr_val t = kr_tuple_from_array(args, (intptr_t)nargs);
    if (!t) {
        return 0;
    }
    KR_SETREF(((kr_exc_obj *)self)->args, t);
    return kr_none();
}

static kr_val exc_dunder_str(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)args;
    return kr_args_check("__str__", nargs, kw, 0, 0) < 0 ? 0 : kr_exc_BaseException.str(self);
}

static kr_val exc_dunder_repr(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)args;
    return kr_args_check("__repr__", nargs, kw, 0, 0) < 0 ? 0 : kr_exc_BaseException.repr(self);
}

// Static builtin methods: 'unbound' ones bind to an instance of 'owner' like a function.
#define BUILTIN_FN(cname, pyname, fn, owner, unbound) \
    static kr_cfunction_obj cname = { KR_STATIC_HEADER(&kr_cfunction_type), pyname, fn, 0, \
                                      owner, unbound, false, 0 }

BUILTIN_FN(object_new_fn, "__new__", object_dunder_new, &kr_object_type, false);
BUILTIN_FN(object_init_fn, "__init__", object_dunder_init, &kr_object_type, true);
BUILTIN_FN(object_repr_fn, "__repr__", object_dunder_repr, &kr_object_type, true);
BUILTIN_FN(object_str_fn, "__str__", object_dunder_str, &kr_object_type, true);
BUILTIN_FN(object_hash_fn, "__hash__", object_dunder_hash, &kr_object_type, true);
BUILTIN_FN(object_lt_fn, "__lt__", object_dunder_lt, &kr_object_type, true);
BUILTIN_FN(object_le_fn, "__le__", object_dunder_le, &kr_object_type, true);
BUILTIN_FN(object_eq_fn, "__eq__", object_dunder_eq, &kr_object_type, true);
BUILTIN_FN(object_ne_fn, "__ne__", object_dunder_ne, &kr_object_type, true);
BUILTIN_FN(object_gt_fn, "__gt__", object_dunder_gt, &kr_object_type, true);
BUILTIN_FN(object_ge_fn, "__ge__", object_dunder_ge, &kr_object_type, true);
BUILTIN_FN(object_getattribute_fn, "__getattribute__", object_dunder_getattribute,
           &kr_object_type, true);
BUILTIN_FN(object_setattr_fn, "__setattr__", object_dunder_setattr, &kr_object_type, true);
BUILTIN_FN(object_delattr_fn, "__delattr__", object_dunder_delattr, &kr_object_type, true);
BUILTIN_FN(object_init_subclass_fn, "__init_subclass__", object_dunder_init_subclass,
           &kr_object_type, false);
BUILTIN_FN(type_new_fn, "__new__", type_dunder_new, &kr_type_type, false);
BUILTIN_FN(type_init_fn, "__init__", type_dunder_init, &kr_type_type, true);
BUILTIN_FN(type_call_fn, "__call__", type_dunder_call, &kr_type_type, true);
BUILTIN_FN(type_repr_fn, "__repr__", type_dunder_repr, &kr_type_type, true);
BUILTIN_FN(exc_new_fn, "__new__", exc_dunder_new, &kr_exc_BaseException, false);
BUILTIN_FN(exc_init_fn, "__init__", exc_dunder_init, &kr_exc_BaseException, true);
BUILTIN_FN(exc_str_fn, "__str__", exc_dunder_str, &kr_exc_BaseException, true);
BUILTIN_FN(exc_repr_fn, "__repr__", exc_dunder_repr, &kr_exc_BaseException, true);

#define VALUE_NEW(n)                                                                       \
    static kr_val n##_dunder_new(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {    \
        (void)self;                                                                        \
        return value_new(&kr_##n##_type, args, nargs, kw);                                  \
    }                                                                                      \
    BUILTIN_FN(n##_new_fn, "__new__", n##_dunder_new, &kr_##n##_type, false);
VALUE_NEW(int)
VALUE_NEW(float)
VALUE_NEW(complex)
VALUE_NEW(str)
VALUE_NEW(bytes)
VALUE_NEW(tuple)
VALUE_NEW(frozenset)
VALUE_NEW(list)
VALUE_NEW(dict)
VALUE_NEW(set)
#undef VALUE_NEW

#define CONTAINER_INIT(n)                                                                  \
    static kr_val n##_dunder_init(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {   \
        return kr_subtype_init(&kr_##n##_type, self, args, nargs, kw);                      \
    }                                                                                      \
    BUILTIN_FN(n##_init_fn, "__init__", n##_dunder_init, &kr_##n##_type, true);
CONTAINER_INIT(list)
CONTAINER_INIT(dict)
CONTAINER_INIT(set)
#undef CONTAINER_INIT

// object.__init_subclass__ is a classmethod.
static kr_wrapper_obj object_init_subclass_cm = {
    KR_STATIC_HEADER(&kr_classmethod_type), KR_VAL(&object_init_subclass_fn), 0
};

static const struct {
    const kr_type *owner;
    const char *name;
    kr_obj *value;
} builtin_entries[] = {
    { &kr_object_type, "__new__", &object_new_fn.ob },
    { &kr_object_type, "__init__", &object_init_fn.ob },
    { &kr_object_type, "__repr__", &object_repr_fn.ob },
    { &kr_object_type, "__str__", &object_str_fn.ob },
    { &kr_object_type, "__hash__", &object_hash_fn.ob },
    { &kr_object_type, "__lt__", &object_lt_fn.ob },
    { &kr_object_type, "__le__", &object_le_fn.ob },
    { &kr_object_type, "__eq__", &object_eq_fn.ob },
    { &kr_object_type, "__ne__", &object_ne_fn.ob },
    { &kr_object_type, "__gt__", &object_gt_fn.ob },
    { &kr_object_type, "__ge__", &object_ge_fn.ob },
    { &kr_object_type, "__getattribute__", &object_getattribute_fn.ob },
    { &kr_object_type, "__setattr__", &object_setattr_fn.ob },
    { &kr_object_type, "__delattr__", &object_delattr_fn.ob },
    { &kr_object_type, "__init_subclass__", &object_init_subclass_cm.ob },
    { &kr_type_type, "__new__", &type_new_fn.ob },
    { &kr_type_type, "__init__", &type_init_fn.ob },
    { &kr_type_type, "__call__", &type_call_fn.ob },
    { &kr_type_type, "__repr__", &type_repr_fn.ob },
    { &kr_exc_BaseException, "__new__", &exc_new_fn.ob },
    { &kr_exc_BaseException, "__init__", &exc_init_fn.ob },
    { &kr_exc_BaseException, "__str__", &exc_str_fn.ob },
    { &kr_exc_BaseException, "__repr__", &exc_repr_fn.ob },
    { &kr_int_type, "__new__", &int_new_fn.ob },
    { &kr_float_type, "__new__", &float_new_fn.ob },
    { &kr_complex_type, "__new__", &complex_new_fn.ob },
    { &kr_str_type, "__new__", &str_new_fn.ob },
    { &kr_bytes_type, "__new__", &bytes_new_fn.ob },
    { &kr_tuple_type, "__new__", &tuple_new_fn.ob },
    { &kr_frozenset_type, "__new__", &frozenset_new_fn.ob },
    { &kr_list_type, "__new__", &list_new_fn.ob },
    { &kr_dict_type, "__new__", &dict_new_fn.ob },
    { &kr_set_type, "__new__", &set_new_fn.ob },
    { &kr_list_type, "__init__", &list_init_fn.ob },
    { &kr_dict_type, "__init__", &dict_init_fn.ob },
    { &kr_set_type, "__init__", &set_init_fn.ob },
};

// A method of a builtin type as its class attribute: an unbound method, or a classmethod or
// staticmethod wrapping the C function (dict.fromkeys on a subclass receives the subclass).
static kr_val builtin_method_attr(const kr_type *m, const kr_method_def *d) {
    kr_val f = kr_cfunction_new(d->name, d->fn, 0);
    if (!f || (d->flags & KR_METH_STATIC)) {
        kr_val w = f ? kr_staticmethod_new(f) : 0;
        KR_XDECREF(f);
        return w;
    }
    ((kr_cfunction_obj *)f)->owner = d->flags & KR_METH_CLASS ? &kr_type_type : m;
    ((kr_cfunction_obj *)f)->unbound = true;
    if (d->flags & KR_METH_CLASS) {
        kr_val w = kr_classmethod_new(f);
        KR_DECREF(f);
        return w;
    }
    return f;
}

// What the builtin type 'm' itself (not its bases) defines as 'name': a new reference or 0.
static kr_val builtin_own_lookup(const kr_type *m, kr_val name) {
    const char *s = kr_str_data(name);
    bool dunder = s[0] == '_' && s[1] == '_';  // every entry is a dunder: skip them otherwise
    for (size_t i = 0; dunder && i < sizeof builtin_entries / sizeof builtin_entries[0]; i++) {
        if (builtin_entries[i].owner == m && strcmp(builtin_entries[i].name, s) == 0) {
            return kr_newref(KR_VAL(builtin_entries[i].value));
        }
    }
    for (const kr_method_def *d = m->methods; d && d->name; d++) {
        if (strcmp(d->name, s) == 0) {
            return builtin_method_attr(m, d);
        }
    }
    return kr_slotwrap_lookup(m, s);
}

// ---------------------------------------------------------------------------------------------
// Lookup along the MRO

static kr_val own_dict_lookup(const kr_type *t, kr_val name) {
    if (!t->dict) {
        return 0;
    }
    // Lookups of str keys in a dict cannot fail, so this never leaves an exception.
    return kr_dict_lookup(t->dict, name);
}

static kr_val lookup_user_uncached(const kr_type *t, kr_val name) {
    kr_val v = own_dict_lookup(t, name);
    kr_val mro = KR_CLASS(t)->mro;
    for (intptr_t i = 0; !v && i < KR_TUPLE_LEN(mro); i++) {
        const kr_type *m = (const kr_type *)KR_TUPLE_ITEMS(mro)[i];
        if (kr_type_is_heap(m)) {
            v = own_dict_lookup(m, name);
        }
    }
    return v;
}

static kr_val type_own_lookup(const kr_type *m, kr_val name) {
    if (kr_type_is_heap(m)) {
        kr_val v = own_dict_lookup(m, name);
        return v ? kr_newref(v) : 0;
    }
    return builtin_own_lookup(m, name);
}

// Lookup in the MRO entries of 't' starting at entry 'start' (entry 0 is 't' itself).
static kr_val mro_lookup_from(const kr_type *t, kr_val name, intptr_t start) {
    if (!kr_type_is_heap(t)) {
        intptr_t i = 0;
        for (const kr_type *m = t; m; m = m->base, i++) {
            kr_val v = i >= start ? builtin_own_lookup(m, name) : 0;
            if (v) {
                return v;
            }
        }
        return 0;
    }
    kr_val mro = KR_CLASS(t)->mro;
    for (intptr_t i = start; i <= KR_TUPLE_LEN(mro); i++) {
        const kr_type *m = i == 0 ? t : (const kr_type *)KR_TUPLE_ITEMS(mro)[i - 1];
        kr_val v = type_own_lookup(m, name);
        if (v) {
            return v;
        }
    }
    return 0;
}

kr_val kr_class_lookup(const kr_type *t, kr_val name) { return mro_lookup_from(t, name, 0); }

// ---------------------------------------------------------------------------------------------
// Version tags and the attribute cache
//
// Every user class has a version tag (kr_class_obj.version) drawn from a counter, so a tag
// names one state of one class. A change to the namespace or layout of a class gives it and
// every class that has it in its MRO a new tag (all live classes are registered for that),
// which makes every cached fact about them unreachable at once. The cache maps (tag, name)
// to what the MRO walk finds for the name; its values are borrowed from the class
// namespaces, which cannot change without a new tag, and are never read under an old one.

static uint64_t next_version = 1;

static kr_class_obj **all_classes;  // weak: kr_alloc_atomic memory the collector ignores
static size_t nclasses, classes_cap;

static void register_class(kr_class_obj *c) {
    if (nclasses == classes_cap) {
        size_t cap = classes_cap ? classes_cap * 2 : 64;
        kr_class_obj **p = all_classes ? kr_realloc(all_classes, cap * sizeof *p)
                                       : kr_alloc_atomic(cap * sizeof *p);
        if (!p) {
            kr_fatal("out of memory registering class '%s'", c->tp.name);
        }
        all_classes = p;
        classes_cap = cap;
    }
    all_classes[nclasses++] = c;
    c->version = next_version++;
    for (intptr_t i = 0; i < KR_TUPLE_LEN(c->mro); i++) {
        const kr_type *b = (const kr_type *)KR_TUPLE_ITEMS(c->mro)[i];
        if (kr_type_is_heap(b)) {
            KR_CLASS(b)->has_subclasses = true;
        }
    }
}

static void unregister_class(kr_class_obj *c) {
    for (size_t i = 0; i < nclasses; i++) {
        if (all_classes[i] == c) {
            all_classes[i] = all_classes[--nclasses];
            return;
        }
    }
}

typedef struct attr_entry {
    uint64_t version;
    kr_val name;        // owned (so that its address names it while the entry lives)
    kr_val user;        // kr_class_lookup_user's result (borrowed), or 0
    intptr_t slot;      // kr_class_slot_index's result
    bool builtin_first; // kr_class_lookup finds something else than 'user' (a builtin)
} attr_entry;

#define ATTR_CACHE_BITS 12
static attr_entry attr_cache[1 << ATTR_CACHE_BITS];

// Callers may have an exception pending (a failed lookup looking for __getattr__).
static void fill_entry(attr_entry *e, const kr_type *t, kr_val name) {
    e->user = lookup_user_uncached(t, name);
    e->slot = kr_class_slot_index(t, name);
    kr_val pending = kr_err_fetch();
    kr_val full = kr_class_lookup(t, name);
    if (!full && kr_err_occurred()) {
        kr_err_clear();  // no memory for a builtin method object: the slow path will see it
        e->builtin_first = true;
    } else {
        e->builtin_first = full != e->user;
    }
    KR_XDECREF(full);
    kr_err_restore(pending);
}

// What the MRO of the user class 't' has for 'name' (valid until the next call).
static const attr_entry *type_attr(const kr_type *t, kr_val name) {
    uint64_t v = KR_CLASS(t)->version;
    if (v == 0) {  // the class is being made: no caching
        static attr_entry scratch;
        scratch.name = name;
        fill_entry(&scratch, t, name);
        return &scratch;
    }
    uint64_t h = (v * UINT64_C(0x9E3779B97F4A7C15)) ^ ((uint64_t)name >> 4);
    attr_entry *e = &attr_cache[(h ^ (h >> 29)) & ((1u << ATTR_CACHE_BITS) - 1)];
    if (e->version == v && e->name == name) {
        return e;
    }
    // Filled aside: making a builtin method object may run finalizers, which may use the
    // cache (and this very entry) again.
    attr_entry fresh;
    fill_entry(&fresh, t, name);
    kr_val old = e->name;
    *e = fresh;
    e->name = kr_newref(name);
    e->version = v;
    KR_XDECREF(old);
    return e;
}

kr_val kr_class_lookup_user(const kr_type *t, kr_val name) {
    return kr_type_is_heap(t) ? type_attr(t, name)->user : 0;
}

static void fixup_slots(kr_class_obj *c);
static bool is_dunder(kr_val name);

// The namespace or layout of 'c' changed: new tags for it and the classes that inherit from
// it; 'dunder' (a special method changed) also refreshes their type slots.
static void class_modified(kr_class_obj *c, bool dunder) {
    if (!c->has_subclasses) {  // a class attribute updated in a loop costs no scan
        c->version = c->version ? next_version++ : 0;
        return;
    }
    for (size_t i = 0; i < nclasses; i++) {
        kr_class_obj *d = all_classes[i];
        if (d == c || kr_class_is_subtype(&d->tp, &c->tp)) {
            d->version = next_version++;
            if (dunder && d != c) {
                fixup_slots(d);
            }
        }
    }
}

kr_val kr_class_lookup_cstr(const kr_type *t, const char *name) {
    kr_val n = kr_str_from_cstr(name);
    if (!n) {
        return 0;
    }
    kr_val v = kr_class_lookup(t, n);
    KR_DECREF(n);
    return v;
}

bool kr_class_is_subtype(const kr_type *t, const kr_type *base) {
    if (t == base) {
        return true;
    }
    kr_val mro = KR_CLASS(t)->mro;
    for (intptr_t i = 0; i < KR_TUPLE_LEN(mro); i++) {
        if ((const kr_type *)KR_TUPLE_ITEMS(mro)[i] == base) {
            return true;
        }
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// Calling special methods

// Calls the attribute 'f' found on the type of 'self' as a method: functions get 'self'
// prepended without a bound method; anything else is bound through the descriptor protocol.
static kr_val call_found(kr_val f, kr_val self, const kr_val *args, size_t nargs,
                         kr_val kwnames) {
    if (kr_function_check(f)) {
        return kr_call_with_self(f, self, args, nargs, kwnames);
    }
    kr_val bound = kr_descr_get(f, self, KR_VAL(KR_TYPE(self)));
    if (!bound) {
        return 0;
    }
    kr_val r = kr_call(bound, args, nargs, kwnames);
    KR_DECREF(bound);
    return r;
}

// self.<dunder 'name'>(*args) when the user class defines it; NotImplemented when it does not.
static kr_val call_user(kr_val self, kr_val name, const kr_val *args, size_t nargs) {
    kr_val f = kr_class_lookup_user(KR_TYPE(self), name);
    return f ? call_found(f, self, args, nargs, 0) : KR_NOTIMPLEMENTED;
}

kr_val kr_special_method(kr_val obj, const char *name) {
    kr_val f = kr_class_lookup_cstr(KR_TYPE(obj), name);
    if (!f) {
        return 0;
    }
    kr_val r = kr_descr_get(f, obj, KR_VAL(KR_TYPE(obj)));
    KR_DECREF(f);
    return r;
}

static kr_val *inst_slots(kr_val obj);
static kr_val *dict_word(kr_val obj);

// Whether the instance's __dict__ has 'name' (which then shadows a method of the class).
static bool dict_shadows(kr_val obj, kr_val name) {
    kr_class_obj *c = KR_CLASS(KR_TYPE(obj));
    intptr_t i = type_attr(&c->tp, name)->slot;
    if (i >= 0 && inst_slots(obj)[i]) {
        return true;
    }
    kr_val *w = dict_word(obj);
    kr_val d = w ? *w : 0;
    return d && kr_dict_lookup(d, name);
}

// A builtin object's method (s.strip(), xs.append(x)), called without making the bound
// method object; 0 with no exception when 'obj' needs the full lookup (a type with a getattr
// slot, a getset, a class or static method). The types without a getattr slot use the generic
// lookup, getset first, which this repeats.
static kr_val call_builtin_method(kr_val obj, kr_val name, const kr_val *args, size_t nargs,
                                  kr_val kwnames, bool *done) {
    const kr_type *t = KR_TYPE(obj);
    for (const kr_type *b = t; b; b = b->base) {
        if (b->getattr) {
            return 0;
        }
    }
    const char *s = kr_str_data(name);
    const kr_method_def *md = kr_type_find_plain_method(t, s);
    if (!md || (md->flags & (KR_METH_CLASS | KR_METH_STATIC))) {
        return 0;
    }
    *done = true;
    return md->fn(obj, args, nargs, kwnames);
}

kr_val kr_call_method(kr_val obj, kr_val name, const kr_val *args, size_t nargs,
                      kr_val kwnames) {
    if (!kr_type_is_heap(KR_TYPE(obj))) {
        bool done = false;
        kr_val r = call_builtin_method(obj, name, args, nargs, kwnames, &done);
        if (done) {
            return r;
        }
    } else if (!kr_type_check(obj)
               && !kr_class_lookup_user(KR_TYPE(obj), dunder(D_getattribute))) {
        kr_val f = kr_class_lookup_user(KR_TYPE(obj), name);
        if (f && kr_function_check(f) && !dict_shadows(obj, name)) {
            return call_found(f, obj, args, nargs, kwnames);
        }
    }
    kr_val m = kr_getattr(obj, name);
    if (!m) {
        return 0;
    }
    kr_val r = kr_call(m, args, nargs, kwnames);
    KR_DECREF(m);
    return r;
}

// ---------------------------------------------------------------------------------------------
// Slot bridges: the type slots of user classes call the special methods

static const kr_type *builtin_base_of(kr_val v) { return KR_CLASS(KR_TYPE(v))->builtin_base; }
static bool is_value_base(const kr_type *b);

static kr_val default_repr(kr_val obj) {
    const kr_type *t = KR_TYPE(obj);
    char buf[512];
    if (t->module && strcmp(t->module, "builtins") != 0) {
        snprintf(buf, sizeof buf, "<%s.%s object at %p>", t->module, type_qualname(t),
                 (void *)obj);
    } else {
        snprintf(buf, sizeof buf, "<%s object at %p>", type_qualname(t), (void *)obj);
    }
    return kr_str_from_cstr(buf);
}

static kr_val check_str_result(kr_val r, const char *what) {
    if (r && !kr_str_check(r)) {
        kr_err_set(&kr_exc_TypeError, "%s returned non-string (type %s)", what, kr_type_name(r));
        KR_CLEAR(r);
    }
    return r;
}

static kr_val slot_repr(kr_val self) {
    kr_val r = call_user(self, dunder(D_repr), NULL, 0);
    if (r != KR_NOTIMPLEMENTED) {
        return check_str_result(r, "__repr__");
    }
    const kr_type *b = builtin_base_of(self);
    for (; b; b = b->base) {
        if (b->repr) {
            return b->repr(self);
        }
    }
    return default_repr(self);
}

static kr_val slot_str(kr_val self) {
    kr_val r = call_user(self, dunder(D_str), NULL, 0);
    if (r != KR_NOTIMPLEMENTED) {
        return check_str_result(r, "__str__");
    }
    for (const kr_type *b = builtin_base_of(self); b; b = b->base) {
        if (b->str) {
            return b->str(self);
        }
    }
    return kr_repr(self);
}

static intptr_t slot_hash(kr_val self) {
    kr_val f = kr_class_lookup_user(KR_TYPE(self), dunder(D_hash));
    if (!f) {
        for (const kr_type *b = builtin_base_of(self); b; b = b->base) {
            if (b->hash) {
                return b->hash(self);
            }
        }
        return kr_hash_pointer((void *)self);
    }
    if (f == KR_NONE) {
        return kr_hash_unhashable(self);
    }
    kr_val r = call_found(f, self, NULL, 0, 0);
    if (!r) {
        return -1;
    }
    intptr_t h;
    if (!kr_int_check(r)) {
        kr_err_set(&kr_exc_TypeError, "__hash__ method should return an integer");
        h = -1;
    } else if (KR_IS_SMALL(r)) {
        h = KR_SMALL_VALUE(r);
        h = h == -1 ? -2 : h;
    } else {
        h = kr_int_hash(r);
    }
    KR_DECREF(r);
    return h;
}

static const int cmp_dunder[6] = { D_lt, D_le, D_eq, D_ne, D_gt, D_ge };

// The builtin base's comparison of a user class that does not define the operator.
static kr_val builtin_richcompare(kr_val a, kr_val b, int op) {
    for (const kr_type *t = builtin_base_of(a); t; t = t->base) {
        if (t->richcompare) {
            return t->richcompare(a, b, op);
        }
    }
    return KR_NOTIMPLEMENTED;
}

static kr_val slot_richcompare(kr_val a, kr_val b, int op) {
    if (is_value_base(builtin_base_of(a))
        && !kr_class_lookup_user(KR_TYPE(a), dunder(cmp_dunder[op]))) {
        return builtin_richcompare(a, b, op);
    }
    kr_val r = call_user(a, dunder(cmp_dunder[op]), &b, 1);
    if (r != KR_NOTIMPLEMENTED || op != KR_NE) {
        return r;
    }
    // The default __ne__ inverts __eq__.
    r = call_user(a, dunder(D_eq), &b, 1);
    if (!r || r == KR_NOTIMPLEMENTED) {
        return r;
    }
    int t = kr_is_true(r);
    KR_DECREF(r);
    return t < 0 ? 0 : kr_bool(!t);
}

static int slot_is_true(kr_val self) {
    kr_val r = call_user(self, dunder(D_bool), NULL, 0);
    if (!r) {
        return -1;
    }
    if (r != KR_TRUE && r != KR_FALSE) {
        kr_err_set(&kr_exc_TypeError, "__bool__ should return bool, returned %s",
                   kr_type_name(r));
        KR_DECREF(r);
        return -1;
    }
    return r == KR_TRUE;
}

static intptr_t slot_len(kr_val self) {
    kr_val r = call_user(self, dunder(D_len), NULL, 0);
    if (!r) {
        return -1;
    }
    intptr_t n;
    int rc = kr_index_as_ssize(r, &n);
    KR_DECREF(r);
    if (rc < 0) {
        return -1;
    }
    if (n < 0) {
        kr_err_set(&kr_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

// A special method the class lacks: AttributeError naming it, as CPython's slot wrappers.
static kr_val missing_special(kr_val r, int id) {
    if (r == KR_NOTIMPLEMENTED) {
        return kr_err_set_value(&kr_exc_AttributeError, dunder(id));
    }
    return r;
}

static kr_val slot_getitem(kr_val self, kr_val key) {
    return missing_special(call_user(self, dunder(D_getitem), &key, 1), D_getitem);
}

static int status_of(kr_val r) {
    if (!r) {
        return -1;
    }
    KR_DECREF(r);
    return 0;
}

static int slot_setitem(kr_val self, kr_val key, kr_val value) {
    kr_val args[2] = { key, value };
    int id = value ? D_setitem : D_delitem;
    return status_of(missing_special(call_user(self, dunder(id), args, value ? 2 : 1), id));
}

static int slot_delitem(kr_val self, kr_val key) { return slot_setitem(self, key, 0); }

static int slot_contains(kr_val self, kr_val item) {
    kr_val r = call_user(self, dunder(D_contains), &item, 1);
    if (!r) {
        return -1;
    }
    int t = kr_is_true(r);
    KR_DECREF(r);
    return t;
}

static bool type_has_iternext(const kr_type *t) {
    for (; t; t = t->base) {
        if (t->iternext) {
            return true;
        }
    }
    return false;
}

static kr_val slot_iter(kr_val self) {
    kr_val f = kr_class_lookup_user(KR_TYPE(self), dunder(D_iter));
    if (f == KR_NONE) {
        return kr_err_set(&kr_exc_TypeError, "'%s' object is not iterable", kr_type_name(self));
    }
    if (!f) {
        for (const kr_type *b = builtin_base_of(self); b; b = b->base) {
            if (b->iter) {
                return b->iter(self);
            }
        }
        return kr_seq_iter_new(self);
    }
    kr_val r = call_found(f, self, NULL, 0, 0);
    if (r && !type_has_iternext(KR_TYPE(r))) {
        kr_err_set(&kr_exc_TypeError, "iter() returned non-iterator of type '%s'",
                   kr_type_name(r));
        KR_CLEAR(r);
    }
    return r;
}

// __next__ raising StopIteration is exhaustion: 0 with no pending exception.
static kr_val slot_iternext(kr_val self) {
    kr_val r = call_user(self, dunder(D_next), NULL, 0);
    if (!r && kr_err_matches(&kr_exc_StopIteration)) {
        kr_err_clear();
    }
    return r;
}

static kr_val slot_call(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val f = kr_class_lookup_user(KR_TYPE(self), dunder(D_call));
    if (!f) {
        return kr_err_set(&kr_exc_TypeError, "'%s' object is not callable", kr_type_name(self));
    }
    return call_found(f, self, args, nargs, kwnames);
}

static void slot_finalize(kr_obj *o) {
    kr_val r = call_user(KR_VAL(o), dunder(D_del), NULL, 0);
    if (r && r != KR_NOTIMPLEMENTED) {
        KR_DECREF(r);
    }
}

static kr_val unary(kr_val self, int id) {
    return missing_special(call_user(self, dunder(id), NULL, 0), id);
}

static kr_val slot_neg(kr_val v) { return unary(v, D_neg); }
static kr_val slot_pos(kr_val v) { return unary(v, D_pos); }
static kr_val slot_abs(kr_val v) { return unary(v, D_abs); }
static kr_val slot_invert(kr_val v) { return unary(v, D_invert); }

static kr_val int_result(kr_val self, int id) {
    kr_val r = unary(self, id);
    if (r && !kr_int_check(r)) {
        kr_err_set(&kr_exc_TypeError, "%s returned non-int (type %s)", dunder_text[id],
                   kr_type_name(r));
        KR_CLEAR(r);
    }
    return r;
}

static kr_val slot_index(kr_val v) { return int_result(v, D_index); }
static kr_val slot_to_int(kr_val v) { return int_result(v, D_int); }

static kr_val slot_to_float(kr_val self) {
    kr_val r = unary(self, D_float);
    if (r && !kr_float_check(r)) {
        kr_err_set(&kr_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                   kr_type_name(self), kr_type_name(r));
        KR_CLEAR(r);
    }
    return r;
}

static kr_val slot_power(kr_val a, kr_val b, kr_val m) {
    kr_val args[2] = { b, m };
    if (!kr_type_is_heap(KR_TYPE(a))) {
        return KR_NOTIMPLEMENTED;
    }
    return call_user(a, dunder(D_pow), args, 2);
}

static kr_binaryfunc find_binop_slot(const kr_type *t, kr_binop op) {
    for (; t; t = t->base) {
        if (t->number && t->number->binop[op]) {
            return t->number->binop[op];
        }
    }
    return NULL;
}

// Whether 'tb' overrides the reflected method 'rname' that 'ta' has (CPython's
// method_is_overloaded).
static bool method_is_overloaded(const kr_type *ta, const kr_type *tb, kr_val rname) {
    kr_val fb = kr_class_lookup_user(tb, rname);
    return fb && fb != kr_class_lookup_user(ta, rname);
}

// One side of a binary operator: self.<name>(other) when a user class defines it, else the
// builtin base's slot (called with the operands 'a', 'b' in their original order), else
// NotImplemented.
static kr_val binop_side(kr_binop op, kr_val self, kr_val name, kr_val other, kr_val a,
                         kr_val b) {
    const kr_type *t = KR_TYPE(self);
    if (!kr_type_is_heap(t) || kr_class_lookup_user(t, name)
        || !is_value_base(KR_CLASS(t)->builtin_base)) {
        return call_user(self, name, &other, 1);
    }
    kr_binaryfunc f = find_binop_slot(KR_CLASS(t)->builtin_base, op);
    return f ? f(a, b) : KR_NOTIMPLEMENTED;
}

// CPython's SLOT1BINFULL: the bridge is called with the operands in their original order,
// from either operand's type, and tries a.__op__(b) and b.__rop__(a) in CPython's order.
static kr_val slot_binop(kr_binop op, kr_binaryfunc self_fn, kr_val a, kr_val b) {
    const kr_type *ta = KR_TYPE(a), *tb = KR_TYPE(b);
    kr_val name = binop_name(op, 0), rname = binop_name(op, 1);
    bool do_other = ta != tb && find_binop_slot(tb, op) == self_fn;
    if (find_binop_slot(ta, op) == self_fn) {
        if (do_other && kr_type_is_subtype(tb, ta) && method_is_overloaded(ta, tb, rname)) {
            kr_val r = binop_side(op, b, rname, a, a, b);
            if (r != KR_NOTIMPLEMENTED) {
                return r;
            }
            do_other = false;
        }
        kr_val r = binop_side(op, a, name, b, a, b);
        if (r != KR_NOTIMPLEMENTED || ta == tb) {
            return r;
        }
    }
    return do_other ? binop_side(op, b, rname, a, a, b) : KR_NOTIMPLEMENTED;
}

static kr_val slot_inplace(kr_binop op, kr_val a, kr_val b) {
    return call_user(a, binop_name(op, 2), &b, 1);
}

#define X_(e, f, op, d)                                                 \
    static kr_val slot_binop_##f(kr_val a, kr_val b) {                  \
        return slot_binop(KR_OP_##e, slot_binop_##f, a, b);             \
    }                                                                   \
    static kr_val slot_inplace_##f(kr_val a, kr_val b) {                \
        return slot_inplace(KR_OP_##e, a, b);                           \
    }
KR_BINOPS(X_)
#undef X_

static const kr_binaryfunc binop_bridges[KR_OP_COUNT] = {
#define X_(e, f, op, d) slot_binop_##f,
    KR_BINOPS(X_)
#undef X_
};

static const kr_binaryfunc inplace_bridges[KR_OP_COUNT] = {
#define X_(e, f, op, d) slot_inplace_##f,
    KR_BINOPS(X_)
#undef X_
};

// Installs the bridges for the special methods some user class in the MRO of 'c' defines.
static void fixup_slots(kr_class_obj *c) {
    const kr_type *t = &c->tp;
#define HAS(id) (kr_class_lookup_user(t, dunder(id)) != 0)
    c->tp.hash = HAS(D_hash) ? slot_hash : NULL;
    bool cmp = false;
    for (int i = 0; i < 6; i++) {
        cmp |= HAS(cmp_dunder[i]);
    }
    c->tp.richcompare = cmp ? slot_richcompare : NULL;
    c->tp.iter = HAS(D_iter) || HAS(D_getitem) ? slot_iter : NULL;
    c->tp.iternext = HAS(D_next) ? slot_iternext : NULL;
    c->tp.call = HAS(D_call) ? slot_call : NULL;
    c->tp.finalize = HAS(D_del) ? slot_finalize : NULL;
    c->had_finalizer |= c->tp.finalize != NULL;
    kr_mapping_methods *m = &c->mapping;
    m->len = HAS(D_len) ? slot_len : NULL;
    m->getitem = HAS(D_getitem) ? slot_getitem : NULL;
    m->setitem = HAS(D_setitem) || HAS(D_delitem) ? slot_setitem : NULL;
    m->delitem = m->setitem ? slot_delitem : NULL;
    m->contains = HAS(D_contains) ? slot_contains : NULL;
    kr_number_methods *n = &c->number;
    for (int op = 0; op < KR_OP_COUNT; op++) {
        bool has = kr_class_lookup_user(t, binop_name(op, 0))
                   || kr_class_lookup_user(t, binop_name(op, 1));
        n->binop[op] = has ? binop_bridges[op] : NULL;
        n->inplace[op] = kr_class_lookup_user(t, binop_name(op, 2)) ? inplace_bridges[op] : NULL;
    }
    n->power = HAS(D_pow) ? slot_power : NULL;
    n->neg = HAS(D_neg) ? slot_neg : NULL;
    n->pos = HAS(D_pos) ? slot_pos : NULL;
    n->abs = HAS(D_abs) ? slot_abs : NULL;
    n->invert = HAS(D_invert) ? slot_invert : NULL;
    n->is_true = HAS(D_bool) ? slot_is_true : NULL;
    n->to_int = HAS(D_int) ? slot_to_int : NULL;
    n->to_float = HAS(D_float) ? slot_to_float : NULL;
    n->index = HAS(D_index) ? slot_index : NULL;
#undef HAS
}

// ---------------------------------------------------------------------------------------------
// Instances: layout, creation, destruction

// Instances of user classes are never small ints, so their type is read from the header.
static kr_class_obj *class_of(kr_val obj) { return KR_CLASS(KR_OBJ(obj)->type); }

// Where the words of 'obj' that dict_offset and slots_offset count from begin.
static char *layout_base(kr_val obj, const kr_class_obj *c) {
    return (char *)KR_OBJ(obj) + (c->var_layout ? kr_subtype_var_end(obj) : 0);
}

static kr_val *dict_word(kr_val obj) {
    kr_class_obj *c = class_of(obj);
    return c->has_dict ? (kr_val *)(layout_base(obj, c) + c->dict_offset) : NULL;
}

// kr_instance_slots for any layout.
static kr_val *inst_slots(kr_val obj) {
    kr_class_obj *c = class_of(obj);
    return (kr_val *)(layout_base(obj, c) + c->slots_offset);
}

static bool slot_is_hint(const kr_class_obj *c, intptr_t i) { return c->slot_hint[i] != 0; }

#define NO_RANK 0xffff

static unsigned slot_rank_of(const kr_class_obj *c, size_t i) {
    return c->slot_rank ? c->slot_rank[i] : NO_RANK;
}

// Makes the instance's __dict__ ('d' its word, 0 so far): the values of the compiler-found
// slots move into it, which keeps the attributes in one place (see kr_class_obj.slot_hint).
static int make_dict(kr_val obj, kr_val *d) {
    if (!(*d = kr_dict_new())) {
        return -1;
    }
    kr_class_obj *c = class_of(obj);
    kr_val *slots = inst_slots(obj);
    for (;;) {  // the set slots by rank: their insertion order
        intptr_t best = -1;
        for (size_t i = 0; i < c->nslots; i++) {
            if (slots[i] && slot_is_hint(c, (intptr_t)i)
                && (best < 0 || slot_rank_of(c, i) < slot_rank_of(c, (size_t)best))) {
                best = (intptr_t)i;
            }
        }
        if (best < 0) {
            return 0;
        }
        if (kr_dict_setitem(*d, KR_TUPLE_ITEMS(c->slot_names)[best], slots[best]) < 0) {
            return -1;
        }
        KR_CLEAR(slots[best]);
    }
}

// Whether setting compiled slot 'i' of 'obj' now would break the rule that keeps the
// attributes' insertion order (which __dict__ shows): the set compiled slots were set in
// slot order. It breaks when 'i' is empty and a later compiled slot is set; such a store
// makes the __dict__ (which then holds the attributes in their order) and goes there.
static bool out_of_order(kr_val obj, size_t i) {
    kr_class_obj *c = class_of(obj);
    kr_val *slots = inst_slots(obj);
    if (!slot_is_hint(c, (intptr_t)i) || slots[i]) {
        return false;
    }
    if (!c->slot_rank) {
        if (!(c->slot_rank = kr_alloc_atomic(c->nslots * sizeof *c->slot_rank))) {
            kr_err_clear();
            return true;  // no memory for ranks: the __dict__ keeps the order
        }
        memset(c->slot_rank, 0xff, c->nslots * sizeof *c->slot_rank);
    }
    uint16_t *rank = c->slot_rank;
    if (rank[i] == NO_RANK) {
        if (c->next_rank == NO_RANK) {
            return true;
        }
        for (size_t j = i + 1; j < c->nslots && !c->rank_unordered; j++) {
            if (rank[j] != NO_RANK) {
                c->rank_unordered = true;
                c->version = next_version++;  // sites checked the order inline
            }
        }
        rank[i] = c->next_rank++;
    }
    if (!c->rank_unordered) {  // ranks follow the slot indices: only later slots matter
        for (size_t j = i + 1; j < c->nslots; j++) {
            if (slots[j] && slot_is_hint(c, (intptr_t)j)) {
                return true;
            }
        }
        return false;
    }
    for (size_t j = 0; j < c->nslots; j++) {
        if (slots[j] && slot_is_hint(c, (intptr_t)j) && rank[j] > rank[i]) {
            return true;
        }
    }
    return false;
}

int kr_site_store_new(kr_val obj, kr_val name, kr_val value, uint32_t offset) {
    kr_class_obj *c = class_of(obj);
    size_t i = (offset - c->slots_offset) / sizeof(kr_val);
    if (out_of_order(obj, i)) {
        return dict_store(obj, dict_word(obj), name, value);
    }
    inst_slots(obj)[i] = kr_newref(value);
    return 0;
}

kr_val kr_instance_dict(kr_val obj) {
    kr_val *d = kr_type_is_heap(KR_TYPE(obj)) ? dict_word(obj) : NULL;
    if (!d) {
        return kr_err_set(&kr_exc_AttributeError, "'%s' object has no attribute '__dict__'",
                          kr_type_name(obj));
    }
    if (!*d && make_dict(obj, d) < 0) {
        return 0;
    }
    return *d;
}

// 'obj' is an instance (never a tagged int): its type is read directly, which also keeps gcc
// from seeing kr_int_type read as a class (-Warray-bounds in sanitizer builds at -O3).
static kr_val slot_name(kr_val obj, size_t i) {
    return KR_TUPLE_ITEMS(KR_CLASS(KR_OBJ(obj)->type)->slot_names)[i];
}

kr_val kr_instance_slot_get(kr_val obj, size_t i) {
    kr_val v = inst_slots(obj)[i];
    if (!v) {
        return kr_err_set(&kr_exc_AttributeError, "'%s' object has no attribute '%s'",
                          kr_type_name(obj), kr_str_data(slot_name(obj, i)));
    }
    return kr_newref(v);
}

int kr_instance_slot_set(kr_val obj, size_t i, kr_val value) {
    kr_val *slot = &inst_slots(obj)[i];
    if (!value && !*slot) {
        kr_err_set_value(&kr_exc_AttributeError, slot_name(obj, i));
        return -1;
    }
    KR_SETREF(*slot, value ? kr_newref(value) : 0);
    return 0;
}

intptr_t kr_class_slot_index(const kr_type *t, kr_val name) {
    if (!kr_type_is_heap(t)) {
        return -1;
    }
    kr_val names = KR_CLASS(t)->slot_names;
    for (intptr_t i = 0; i < KR_TUPLE_LEN(names); i++) {
        kr_val n = KR_TUPLE_ITEMS(names)[i];
        if (n == name || (kr_str_nbytes(n) == kr_str_nbytes(name)
                          && strcmp(kr_str_data(n), kr_str_data(name)) == 0)) {
            return i;
        }
    }
    return -1;
}

bool kr_class_layout_compatible(const kr_type *t, const kr_type *cls) {
    for (; t; t = t->base) {
        if (t == cls) {
            return true;
        }
    }
    return false;
}

// Instances of plain classes come from per-size free lists of dead instances, threaded
// through their first word (the lists' heads are static, so the collector sees the blocks).
// Disabled with KRAIT_RT_MALLOC so that ASan and valgrind see every use after free.
#define INST_FREE_SIZES 16  // basicsize / 8 below this
#define INST_FREE_MAX 65536

#ifdef KRAIT_RT_MALLOC
static kr_obj *instance_alloc(const kr_type *t) { return kr_obj_new(t, t->basicsize); }
static void instance_free(kr_obj *o) { kr_free(o); }
#else
static kr_obj *inst_free[INST_FREE_SIZES];
static size_t inst_free_count[INST_FREE_SIZES];

static size_t free_list_of(const kr_type *t) {
    if (KR_CLASS(t)->had_finalizer || t->basicsize % sizeof(kr_val) != 0
        || KR_CLASS(t)->builtin_base != &kr_object_type) {
        return 0;
    }
    size_t k = t->basicsize / sizeof(kr_val);
    return k < INST_FREE_SIZES ? k : 0;
}

static kr_obj *instance_alloc(const kr_type *t) {
    size_t k = free_list_of(t);
    kr_obj *o = k ? inst_free[k] : NULL;
    if (!o) {
        return kr_obj_new(t, t->basicsize);
    }
    inst_free[k] = (kr_obj *)o->rc;
    inst_free_count[k]--;
    memset(o, 0, t->basicsize);
    o->rc = 1;
    o->type = t;
    return o;
}

static void instance_free(kr_obj *o) {
    size_t k = free_list_of(o->type);
    if (k && inst_free_count[k] < INST_FREE_MAX) {
        o->type = NULL;
        o->rc = (intptr_t)inst_free[k];
        inst_free[k] = o;
        inst_free_count[k]++;
    } else {
        kr_free(o);
    }
}
#endif

// A new instance made by a builtin constructor: it holds a reference to its class, whose
// layout (and its bases') is now fixed.
static kr_val adopt_instance(kr_val obj) {
    const kr_type *t = KR_TYPE(obj);
    if (kr_type_is_heap(t)) {
        KR_INCREF(t);
        for (; t && kr_type_is_heap(t); t = t->base) {
            KR_CLASS(t)->sealed = true;
        }
    }
    return obj;
}

// object.__new__ (and the builtin part of any class's construction) for 'type'.
static kr_val builtin_object_new(const kr_type *type, const kr_val *args, size_t nargs,
                                 kr_val kwnames) {
    if (!kr_type_is_heap(type)) {
        return kr_call(KR_VAL(type), args, nargs, kwnames);
    }
    const kr_type *b = KR_CLASS(type)->builtin_base;
    if (b == &kr_type_type || kr_type_is_subtype(b, &kr_type_type)) {
        return kr_type_new3(type, args, nargs, kwnames);
    }
    if (kr_type_is_subtype(b, &kr_exc_BaseException)) {
        kr_val e = kr_exc_new(type, args, nargs);
        return e ? adopt_instance(e) : 0;
    }
    if (b != &kr_object_type) {
        kr_val v = kr_subtype_new(type, args, nargs, kwnames);
        return v ? adopt_instance(v) : 0;
    }
    if (nargs || has_kw(kwnames)) {
        if (user_defines(type, D_new)) {
            return kr_err_set(&kr_exc_TypeError, "object.__new__() takes exactly one argument "
                              "(the type to instantiate)");
        }
        if (!user_defines(type, D_init)) {
            return kr_err_set(&kr_exc_TypeError, "%s() takes no arguments", type->name);
        }
    }
    kr_obj *o = instance_alloc(type);
    return o ? adopt_instance(KR_VAL(o)) : 0;
}

// Runs __init__ after __new__ made 'obj'; the builtin __init__ of exceptions and of type
// check their arguments as CPython's do.
static int run_init(const kr_type *type, kr_val obj, const kr_val *args, size_t nargs,
                    kr_val kwnames) {
    kr_val f = kr_class_lookup_user(type, dunder(D_init));
    kr_val r;
    if (f) {
        r = call_found(f, obj, args, nargs, kwnames);
        if (r && r != KR_NONE) {
            kr_err_set(&kr_exc_TypeError, "__init__() should return None, not '%s'",
                       kr_type_name(r));
            KR_CLEAR(r);
        }
    } else if (kr_type_is_subtype(type, &kr_exc_BaseException)) {
        r = has_kw(kwnames) ? kr_err_set(&kr_exc_TypeError, "%s() takes no keyword arguments",
                                         type->name)
                            : kr_none();
    } else if (kr_type_is_subtype(type, &kr_type_type)) {
        r = type_dunder_init(obj, args, nargs, kwnames);
    } else if (kr_type_is_heap(type) && kr_subtype_has_init(KR_CLASS(type)->builtin_base)) {
        r = kr_subtype_init(KR_CLASS(type)->builtin_base, obj, args, nargs, kwnames);
    } else {
        r = kr_none();
    }
    return status_of(r);
}

// After a construction by the general path: whether the next ones may take the fast one
// (no __new__ but object's, a plain object layout, __init__ a Python function or object's).
static void note_constructor(kr_class_obj *c) {
    const kr_type *t = &c->tp;
    if (c->version == 0 || c->builtin_base != &kr_object_type || !c->sealed
        || type_attr(t, dunder(D_new))->user) {
        return;
    }
    kr_val init = type_attr(t, dunder(D_init))->user;
    if (init && !kr_function_check(init)) {
        return;
    }
    c->ctor_init = init;
    c->ctor_version = c->version;
}

static kr_val init_result(kr_val r) {
    if (r && r != KR_NONE) {
        kr_err_set(&kr_exc_TypeError, "__init__() should return None, not '%s'",
                   kr_type_name(r));
        KR_CLEAR(r);
    }
    return r;
}

// type.__call__ of a class whose construction cache holds: allocate, then __init__.
static kr_val construct_fast(kr_class_obj *c, const kr_val *args, size_t nargs,
                             kr_val kwnames) {
    kr_obj *o = instance_alloc(&c->tp);
    if (!o) {
        return 0;
    }
    KR_INCREF(KR_VAL(c));
    kr_val obj = KR_VAL(o), init = c->ctor_init;
    if (init) {
        KR_INCREF(init);  // __init__ may replace itself on the class
        kr_val r;
        if (!kwnames && nargs < 8) {
            kr_val vec[8];
            vec[0] = obj;
            memcpy(vec + 1, args, nargs * sizeof *args);
            r = KR_FUNCTION(init)->boxed(init, vec, nargs + 1, 0);
        } else {
            r = call_found(init, obj, args, nargs, kwnames);
        }
        r = init_result(r);
        KR_DECREF(init);
        if (!r) {
            KR_DECREF(obj);
            return 0;
        }
    }
    return obj;
}

kr_val kr_class_call(kr_val cls, const kr_val *args, size_t nargs, kr_val kwnames) {
    return heap_type_new((const kr_type *)cls, args, nargs, kwnames);
}

// The 'new' slot of user classes: type.__call__ as CPython's type_call runs it.
static kr_val heap_type_new(const kr_type *type, const kr_val *args, size_t nargs,
                            kr_val kwnames) {
    kr_class_obj *c = KR_CLASS(type);
    if (c->ctor_version == c->version && c->version
        && (c->ctor_init || (nargs == 0 && !has_kw(kwnames)))) {
        return construct_fast(c, args, nargs, kwnames);
    }
    kr_val f = kr_class_lookup_user(type, dunder(D_new));
    kr_val obj;
    if (f) {
        kr_val callable = KR_TYPE(f) == &kr_staticmethod_type ? ((kr_wrapper_obj *)f)->callable
                                                               : f;
        size_t total = nargs + (kwnames ? (size_t)KR_TUPLE_LEN(kwnames) : 0);
        kr_val small[8];
        kr_val *vec = total < 8 ? small : kr_alloc((total + 1) * sizeof(kr_val));
        if (!vec) {
            return 0;
        }
        vec[0] = KR_VAL(type);
        if (total) {
            memcpy(vec + 1, args, total * sizeof(kr_val));
        }
        obj = kr_call(callable, vec, nargs + 1, kwnames);
        if (vec != small) {
            kr_free(vec);
        }
    } else {
        obj = builtin_object_new(type, args, nargs, kwnames);
    }
    if (!obj || !kr_isinstance_type(obj, type)) {
        return obj;
    }
    if (run_init(KR_TYPE(obj), obj, args, nargs, kwnames) < 0) {
        KR_DECREF(obj);
        return 0;
    }
    if (!f && KR_TYPE(obj) == type) {
        note_constructor(c);
    }
    return obj;
}

static void heap_dealloc(kr_obj *o) {
    kr_class_obj *c = KR_CLASS(o->type);
    kr_val *slots = inst_slots(KR_VAL(o));
    for (size_t i = 0; i < c->nslots; i++) {
        KR_CLEAR(slots[i]);
    }
    if (c->has_dict) {
        KR_CLEAR(*dict_word(KR_VAL(o)));
    }
    for (const kr_type *b = c->builtin_base; b; b = b->base) {
        if (b->dealloc) {
            b->dealloc(o);
            break;
        }
    }
}

static void heap_free(kr_obj *o) {
    const kr_type *t = o->type;
    instance_free(o);
    KR_DECREF(t);
}

// ---------------------------------------------------------------------------------------------
// Instance attributes

static bool is_exc_data_attr(kr_val obj, kr_val name) {
    static const char *const names[] = { "args", "__cause__", "__context__",
                                         "__suppress_context__", "__traceback__" };
    if (!kr_exc_check(obj)) {
        return false;
    }
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (name_is(name, names[i])) {
            return true;
        }
    }
    return false;
}

static kr_val builtin_getattr(kr_val obj, kr_val name) {
    for (const kr_type *b = builtin_base_of(obj); b; b = b->base) {
        if (b->getattr) {
            return b->getattr(obj, name);
        }
    }
    return kr_generic_getattr(obj, name);
}

// The value of a layout slot or __dict__ entry: 1 with '*out' set, 0 when absent, -1 on error.
static int instance_own_attr(kr_val obj, kr_val name, kr_val *out) {
    const kr_type *t = KR_TYPE(obj);
    intptr_t i = type_attr(t, name)->slot;
    if (i >= 0) {
        kr_val v = inst_slots(obj)[i];
        if (v) {
            *out = kr_newref(v);
            return 1;
        }
        if (!slot_is_hint(KR_CLASS(t), i)) {
            *out = kr_instance_slot_get(obj, (size_t)i);  // AttributeError
            return -1;
        }
    }
    kr_val *d = dict_word(obj);
    kr_val v = d && *d ? kr_dict_lookup(*d, name) : 0;
    if (v) {
        *out = kr_newref(v);
        return 1;
    }
    return kr_err_occurred() ? -1 : 0;
}

// object.__getattribute__ for instances of user classes: data descriptors on the class,
// then the instance's slots and __dict__, then other class attributes, then the builtin
// base's attributes.
static kr_val generic_getattr(kr_val obj, kr_val name) {
    const kr_type *t = KR_TYPE(obj);
    if (name_is(name, "__class__")) {
        return kr_newref(KR_VAL(t));
    }
    if (name_is(name, "__dict__") && KR_CLASS(t)->has_dict) {
        kr_val d = kr_instance_dict(obj);
        return d ? kr_newref(d) : 0;
    }
    if (is_exc_data_attr(obj, name)) {
        return builtin_getattr(obj, name);
    }
    kr_val descr = class_lookup(t, name);
    if (descr && kr_descr_is_data(descr)) {
        kr_val r = kr_descr_get(descr, obj, KR_VAL(t));
        KR_DECREF(descr);
        return r;
    }
    kr_val v = 0;
    int found = instance_own_attr(obj, name, &v);
    if (found != 0) {
        KR_XDECREF(descr);
        return found > 0 ? v : 0;
    }
    if (descr) {
        kr_val r = kr_descr_get(descr, obj, KR_VAL(t));
        KR_DECREF(descr);
        return r;
    }
    return builtin_getattr(obj, name);
}

kr_val kr_instance_getattr(kr_val obj, kr_val name) {
    const kr_type *t = KR_TYPE(obj);
    kr_val ga = kr_class_lookup_user(t, dunder(D_getattribute));
    kr_val r = ga ? call_found(ga, obj, &name, 1, 0) : generic_getattr(obj, name);
    if (!r && kr_err_matches(&kr_exc_AttributeError)) {
        kr_val hook = kr_class_lookup_user(t, dunder(D_getattr));
        if (hook) {
            kr_err_clear();
            r = call_found(hook, obj, &name, 1, 0);
        }
    }
    return r;
}

static int no_attribute_error(kr_val obj, kr_val name, bool has_descr) {
    if (has_descr) {
        kr_err_set(&kr_exc_AttributeError, "'%s' object attribute '%s' is read-only",
                   kr_type_name(obj), kr_str_data(name));
    } else {
        kr_err_set(&kr_exc_AttributeError, "'%s' object has no attribute '%s' and no __dict__ "
                   "for setting new attributes", kr_type_name(obj), kr_str_data(name));
    }
    return -1;
}

static int dict_store(kr_val obj, kr_val *d, kr_val name, kr_val value) {
    if (value) {
        if (!*d && make_dict(obj, d) < 0) {
            return -1;
        }
        return kr_dict_setitem(*d, name, value);
    }
    int has = *d ? kr_dict_contains(*d, name) : 0;
    if (has <= 0) {
        if (has == 0) {
            kr_err_set(&kr_exc_AttributeError, "'%s' object has no attribute '%s'",
                       kr_type_name(obj), kr_str_data(name));
        }
        return -1;
    }
    return kr_dict_delitem(*d, name);
}

static int exc_set_args(kr_val obj, kr_val value) {
    if (!value) {
        kr_err_set(&kr_exc_TypeError, "args may not be deleted");
        return -1;
    }
    kr_val t = kr_tuple_from_iterable(value);
    if (!t) {
        return -1;
    }
    KR_SETREF(((kr_exc_obj *)obj)->args, t);
    return 0;
}

static int builtin_setattr(kr_val obj, kr_val name, kr_val value) {
    if (name_is(name, "args")) {
        return exc_set_args(obj, value);
    }
    for (const kr_type *b = builtin_base_of(obj); b; b = b->base) {
        if (b->setattr) {
            return b->setattr(obj, name, value);
        }
    }
    return kr_setattr(obj, name, value);
}

static int generic_setattr(kr_val obj, kr_val name, kr_val value) {
    if (is_exc_data_attr(obj, name)) {
        return builtin_setattr(obj, name, value);
    }
    kr_val descr = class_lookup(KR_TYPE(obj), name);
    if (descr && kr_descr_is_data(descr)) {
        int rc = kr_descr_set(descr, obj, value);
        KR_DECREF(descr);
        return rc;
    }
    KR_XDECREF(descr);
    intptr_t i = type_attr(KR_TYPE(obj), name)->slot;
    kr_val *d = dict_word(obj);
    if (i >= 0 && (!d || !*d || !slot_is_hint(class_of(obj), i))
        && !(value && out_of_order(obj, (size_t)i))) {
        if (!value && !inst_slots(obj)[i] && slot_is_hint(class_of(obj), i)) {
            kr_err_set(&kr_exc_AttributeError, "'%s' object has no attribute '%s'",
                       kr_type_name(obj), kr_str_data(name));
            return -1;
        }
        return kr_instance_slot_set(obj, (size_t)i, value);
    }
    if (name_is(name, "__class__")) {
        kr_err_set(&kr_exc_TypeError, "krait does not support assigning __class__");
        return -1;
    }
    return d ? dict_store(obj, d, name, value) : no_attribute_error(obj, name, descr != 0);
}

int kr_instance_setattr(kr_val obj, kr_val name, kr_val value) {
    kr_val f = kr_class_lookup_user(KR_TYPE(obj), dunder(value ? D_setattr : D_delattr));
    if (f) {
        kr_val args[2] = { name, value };
        return status_of(call_found(f, obj, args, value ? 2 : 1, 0));
    }
    return generic_setattr(obj, name, value);
}

// ---------------------------------------------------------------------------------------------
// Inline caches of attribute sites (kr_attr_site)

// The entry of 's' for instances of 't', or NULL. Entries stay where they are: moving the
// last one used to the front costs more than it saves at sites that see several types.
static kr_site_entry *site_find(kr_attr_site *s, const kr_type *t) {
    for (int i = 0; i < KR_SITE_WAYS; i++) {
        kr_site_entry *e = &s->e[i];
        if (e->type == t && KR_CLASS(t)->version == e->version) {
            return e;
        }
    }
    return NULL;
}

// The instance type 't' may be cached at all: a user class with a plain object layout
// (exceptions and metaclasses have attributes of their own), not being made, and no
// __getattribute__ of its own ('load') or __setattr__ ('store').
static bool site_type_ok(const kr_type *t, int hook) {
    if (!kr_type_is_heap(t) || KR_CLASS(t)->version == 0
        || KR_CLASS(t)->builtin_base != &kr_object_type) {
        return false;
    }
    return !type_attr(t, dunder(hook))->user;
}

// What the class has for the name leaves the instance's own value first in line: nothing,
// or an attribute of a builtin type that is no data descriptor (functions, class constants).
// A user-typed descriptor is never assumed plain: its class may gain __set__ later.
static bool yields_to_instance(const attr_entry *e) {
    return !e->builtin_first
           && (!e->user || (!kr_type_is_heap(KR_TYPE(e->user)) && !kr_descr_is_data(e->user)));
}

// A new front entry of 's' for 't' (the last one drops out).
static kr_site_entry *site_add(kr_attr_site *s, const kr_type *t, intptr_t slot,
                               uint32_t dict_offset) {
    kr_class_obj *c = KR_CLASS(t);
    memmove(&s->e[1], &s->e[0], (KR_SITE_WAYS - 1) * sizeof s->e[0]);
    kr_site_entry *e = &s->e[0];
    e->type = t;
    e->version = c->version;
    e->offset = slot >= 0 ? (uint32_t)(c->slots_offset + (size_t)slot * sizeof(kr_val)) : 0;
    e->dict_offset = dict_offset;
    e->func = 0;
    e->ntail = -1;
    return e;
}

kr_val kr_getattr_miss(kr_val obj, kr_val name, kr_attr_site *s) {
    if (!KR_IS_PTR(obj)) {
        return kr_getattr(obj, name);
    }
    const kr_type *t = KR_OBJ(obj)->type;
    kr_site_entry *e = site_find(s, t);
    if (e) {
        kr_val v = *kr_site_word(obj, e->offset);
        return v ? kr_newref(v) : kr_getattr(obj, name);
    }
    if (!is_dunder(name) && site_type_ok(t, D_getattribute)) {
        const attr_entry *a = type_attr(t, name);
        if (a->slot >= 0 && yields_to_instance(a)) {
            site_add(s, t, a->slot, 0);
        }
    }
    return kr_getattr(obj, name);
}

int kr_setattr_miss(kr_val obj, kr_val name, kr_val value, kr_attr_site *s) {
    if (!KR_IS_PTR(obj)) {
        return kr_setattr(obj, name, value);
    }
    const kr_type *t = KR_OBJ(obj)->type;
    kr_site_entry *e = site_find(s, t);
    if (e) {
        if (kr_site_store_ok(e, obj)) {
            return kr_site_store(obj, name, value, e);
        }
        return kr_setattr(obj, name, value);
    }
    // Store first: the entry records what the store made of the slot's rank.
    if (kr_setattr(obj, name, value) < 0) {
        return -1;
    }
    if (!is_dunder(name) && site_type_ok(t, D_setattr)) {
        const attr_entry *a = type_attr(t, name);
        kr_class_obj *c = KR_CLASS(t);
        if (a->slot >= 0 && yields_to_instance(a)) {
            bool hint = c->has_dict && slot_is_hint(c, a->slot);
            kr_site_entry *n = site_add(s, t, a->slot, hint ? (uint32_t)c->dict_offset : 0);
            // The order check inline: ranks that follow the slot indices, this slot ranked.
            bool ordered = !hint || (!c->rank_unordered && c->slot_rank
                                     && c->slot_rank[a->slot] != NO_RANK);
            n->ntail = !hint ? 0 : ordered ? (int32_t)(c->nslots - (size_t)a->slot - 1) : -1;
        }
    }
    return 0;
}

kr_val kr_call_method_miss(kr_val obj, kr_val name, const kr_val *args, size_t nargs,
                           kr_attr_site *s) {
    if (!KR_IS_PTR(obj)) {
        return kr_call_method(obj, name, args + 1, nargs - 1, 0);
    }
    const kr_type *t = KR_OBJ(obj)->type;
    kr_site_entry *e = site_find(s, t);
    if (e) {
        if (kr_site_method_ok(e, obj)) {
            return kr_site_call(e->func, args, nargs);
        }
        return kr_call_method(obj, name, args + 1, nargs - 1, 0);
    }
    if (site_type_ok(t, D_getattribute)) {
        const attr_entry *a = type_attr(t, name);
        kr_class_obj *c = KR_CLASS(t);
        if (!a->builtin_first && a->user && kr_function_check(a->user)) {
            kr_val f = a->user;
            site_add(s, t, a->slot, c->has_dict ? (uint32_t)c->dict_offset : 0)->func = f;
        }
    }
    return kr_call_method(obj, name, args + 1, nargs - 1, 0);
}

// kr_class_lookup through the attribute cache.
static kr_val class_lookup(const kr_type *t, kr_val name) {
    if (kr_type_is_heap(t)) {
        const attr_entry *e = type_attr(t, name);
        if (!e->builtin_first) {
            return e->user ? kr_newref(e->user) : 0;
        }
    }
    return kr_class_lookup(t, name);
}

// ---------------------------------------------------------------------------------------------
// Class objects: attributes, repr, destruction

kr_val kr_class_repr(kr_val cls) {
    const kr_type *t = (const kr_type *)cls;
    char buf[512];
    if (t->module && strcmp(t->module, "builtins") != 0) {
        snprintf(buf, sizeof buf, "<class '%s.%s'>", t->module, type_qualname(t));
    } else {
        snprintf(buf, sizeof buf, "<class '%s'>", type_qualname(t));
    }
    return kr_str_from_cstr(buf);
}

static kr_val class_mro_tuple(kr_class_obj *c) {
    intptr_t n = KR_TUPLE_LEN(c->mro);
    kr_val t = kr_tuple_new(n + 1);
    if (!t) {
        return 0;
    }
    KR_TUPLE_ITEMS(t)[0] = kr_newref(KR_VAL(c));
    for (intptr_t i = 0; i < n; i++) {
        KR_TUPLE_ITEMS(t)[i + 1] = kr_newref(KR_TUPLE_ITEMS(c->mro)[i]);
    }
    return t;
}

static kr_val dict_item_or_none(const kr_type *t, kr_val name) {
    kr_val v = own_dict_lookup(t, name);
    return kr_newref(v ? v : KR_NONE);
}

// __name__, __qualname__, __bases__, __mro__, __dict__, ... of a user class; 0 with no
// exception for other names.
static kr_val class_special_attr(kr_class_obj *c, kr_val name) {
    const char *s = kr_str_data(name);
    if (strncmp(s, "__", 2) != 0) {
        return 0;
    }
    if (strcmp(s, "__name__") == 0) {
        return kr_newref(c->name);
    }
    if (strcmp(s, "__qualname__") == 0) {
        return kr_newref(c->qualname);
    }
    if (strcmp(s, "__module__") == 0 || strcmp(s, "__doc__") == 0) {
        return dict_item_or_none(&c->tp, name);
    }
    if (strcmp(s, "__bases__") == 0) {
        return kr_newref(c->bases);
    }
    if (strcmp(s, "__base__") == 0) {
        return kr_newref(KR_VAL(c->tp.base));
    }
    if (strcmp(s, "__mro__") == 0) {
        return class_mro_tuple(c);
    }
    if (strcmp(s, "__dict__") == 0) {
        return kr_dict_copy(c->tp.dict);
    }
    if (strcmp(s, "__class__") == 0) {
        return kr_newref(KR_VAL(c->tp.ob.type));
    }
    return 0;
}

// type.__getattribute__ for user classes: data descriptors of the metaclass, the class's MRO,
// then other attributes of the metaclass (bound to the class).
kr_val kr_class_type_getattr(kr_val cls, kr_val name) {
    kr_class_obj *c = KR_CLASS(cls);
    const kr_type *meta = KR_TYPE(cls);
    kr_val special = class_special_attr(c, name);
    if (special || kr_err_occurred()) {
        return special;
    }
    kr_val meta_attr = kr_type_is_heap(meta) ? kr_class_lookup_user(meta, name) : 0;
    if (meta_attr && kr_descr_is_data(meta_attr)) {
        return kr_descr_get(meta_attr, cls, KR_VAL(meta));
    }
    kr_val attr = class_lookup(&c->tp, name);
    if (attr) {
        kr_val r = kr_descr_get(attr, 0, cls);
        KR_DECREF(attr);
        return r;
    }
    if (meta_attr) {
        return kr_descr_get(meta_attr, cls, KR_VAL(meta));
    }
    if (meta != &kr_type_type) {
        kr_val m = kr_class_lookup(meta, name);
        if (m) {
            kr_val r = kr_descr_get(m, cls, KR_VAL(meta));
            KR_DECREF(m);
            return r;
        }
    }
    kr_val hook = kr_type_is_heap(meta) ? kr_class_lookup_user(meta, dunder(D_getattr)) : 0;
    if (hook) {
        return call_found(hook, cls, &name, 1, 0);
    }
    return kr_err_set(&kr_exc_AttributeError, "type object '%s' has no attribute '%s'",
                      c->tp.name, kr_str_data(name));
}

static int set_class_name(kr_class_obj *c, kr_val name, kr_val value, bool qual) {
    if (!value || !kr_str_check(value)) {
        kr_err_set(&kr_exc_TypeError, "can only assign string to %s.__%sname__, not '%s'",
                   c->tp.name, qual ? "qual" : "", value ? kr_type_name(value) : "NoneType");
        return -1;
    }
    (void)name;
    kr_val *slot = qual ? &c->qualname : &c->name;
    KR_SETREF(*slot, kr_newref(value));
    c->tp.name = kr_str_data(c->name);
    c->tp.qualname = kr_str_data(c->qualname);
    return 0;
}

static bool is_dunder(kr_val name) {
    const char *s = kr_str_data(name);
    size_t n = (size_t)kr_str_nbytes(name);
    return n > 4 && strncmp(s, "__", 2) == 0 && strcmp(s + n - 2, "__") == 0;
}

int kr_class_type_setattr(kr_val cls, kr_val name, kr_val value) {
    kr_class_obj *c = KR_CLASS(cls);
    const kr_type *meta = KR_TYPE(cls);
    kr_val meta_attr = kr_type_is_heap(meta) ? kr_class_lookup_user(meta, name) : 0;
    if (meta_attr && kr_descr_is_data(meta_attr)) {
        return kr_descr_set(meta_attr, cls, value);
    }
    if (name_is(name, "__name__") || name_is(name, "__qualname__")) {
        return set_class_name(c, name, value, name_is(name, "__qualname__"));
    }
    int rc;
    if (value) {
        rc = kr_dict_setitem(c->tp.dict, name, value);
    } else {
        rc = kr_dict_contains(c->tp.dict, name);
        if (rc == 0) {
            kr_err_set(&kr_exc_AttributeError, "type object '%s' has no attribute '%s'",
                       c->tp.name, kr_str_data(name));
            return -1;
        }
        rc = rc < 0 ? -1 : kr_dict_delitem(c->tp.dict, name);
    }
    if (rc == 0) {
        class_modified(c, is_dunder(name));
        if (is_dunder(name)) {
            fixup_slots(c);
        }
    }
    return rc;
}

void kr_class_dealloc(kr_obj *o) {
    kr_class_obj *c = (kr_class_obj *)o;
    if (c->version) {
        unregister_class(c);
    }
    if (c->slot_hint) {
        kr_free(c->slot_hint);
    }
    if (c->slot_rank) {
        kr_free(c->slot_rank);
    }
    KR_XDECREF(c->tp.dict);
    KR_XDECREF(c->name);
    KR_XDECREF(c->qualname);
    KR_XDECREF(c->module);
    KR_XDECREF(c->bases);
    KR_XDECREF(c->mro);
    KR_XDECREF(c->slot_names);
    if (c->tp.base) {
        KR_DECREF(KR_VAL(c->tp.base));
    }
}

// ---------------------------------------------------------------------------------------------
// Creating classes: MRO, best base, layout

// The MRO of a base as a sequence: its own entry followed by its mro (heap) or base chain.
static intptr_t base_mro_len(const kr_type *b) {
    if (kr_type_is_heap(b)) {
        return KR_TUPLE_LEN(KR_CLASS(b)->mro) + 1;
    }
    intptr_t n = 0;
    for (; b; b = b->base) {
        n++;
    }
    return n;
}

static const kr_type *base_mro_at(const kr_type *b, intptr_t i) {
    if (kr_type_is_heap(b)) {
        return i == 0 ? b : (const kr_type *)KR_TUPLE_ITEMS(KR_CLASS(b)->mro)[i - 1];
    }
    for (; i > 0; i--) {
        b = b->base;
    }
    return b;
}

// A list being merged by C3: the types of one sequence and the position of its head.
typedef struct {
    const kr_type **items;
    intptr_t len, head;
} merge_seq;

static bool in_tail(const merge_seq *seqs, int nseqs, const kr_type *t) {
    for (int i = 0; i < nseqs; i++) {
        for (intptr_t j = seqs[i].head + 1; j < seqs[i].len; j++) {
            if (seqs[i].items[j] == t) {
                return true;
            }
        }
    }
    return false;
}

static kr_val mro_error(const merge_seq *seqs, int nseqs) {
    char names[1024];
    size_t k = 0;
    const kr_type *seen[64];
    int nseen = 0;
    names[0] = '\0';
    for (int i = 0; i < nseqs; i++) {
        if (seqs[i].head >= seqs[i].len) {
            continue;
        }
        const kr_type *t = seqs[i].items[seqs[i].head];
        bool dup = false;
        for (int j = 0; j < nseen; j++) {
            dup |= seen[j] == t;
        }
        if (!dup && nseen < 64 && k < sizeof names) {
            seen[nseen++] = t;
            k += (size_t)snprintf(names + k, sizeof names - k, "%s%s", k ? ", " : "", t->name);
        }
    }
    return kr_err_set(&kr_exc_TypeError, "Cannot create a consistent method resolution order "
                      "(MRO) for bases %s", names);
}

// C3 merge of 'seqs' into 'out' (room for the sum of their lengths). Returns the count or -1.
static intptr_t c3_merge(merge_seq *seqs, int nseqs, const kr_type **out) {
    intptr_t n = 0;
    for (;;) {
        const kr_type *next = NULL;
        bool empty = true;
        for (int i = 0; i < nseqs && !next; i++) {
            if (seqs[i].head < seqs[i].len) {
                empty = false;
                const kr_type *cand = seqs[i].items[seqs[i].head];
                next = in_tail(seqs, nseqs, cand) ? NULL : cand;
            }
        }
        if (empty) {
            return n;
        }
        if (!next) {
            mro_error(seqs, nseqs);
            return -1;
        }
        out[n++] = next;
        for (int i = 0; i < nseqs; i++) {
            if (seqs[i].head < seqs[i].len && seqs[i].items[seqs[i].head] == next) {
                seqs[i].head++;
            }
        }
    }
}

// The MRO of a class with 'bases' (a tuple of types), without the class itself.
static kr_val compute_mro(kr_val bases) {
    int nb = (int)KR_TUPLE_LEN(bases);
    intptr_t total = nb;
    for (int i = 0; i < nb; i++) {
        total += base_mro_len((const kr_type *)KR_TUPLE_ITEMS(bases)[i]);
    }
    const kr_type **buf = kr_alloc((size_t)(2 * total) * sizeof *buf);
    merge_seq *seqs = kr_alloc((size_t)(nb + 1) * sizeof *seqs);
    kr_val result = 0;
    if (!buf || !seqs) {
        goto done;
    }
    const kr_type **p = buf;
    for (int i = 0; i < nb; i++) {
        const kr_type *b = (const kr_type *)KR_TUPLE_ITEMS(bases)[i];
        seqs[i] = (merge_seq){ p, base_mro_len(b), 0 };
        for (intptr_t j = 0; j < seqs[i].len; j++) {
            *p++ = base_mro_at(b, j);
        }
    }
    seqs[nb] = (merge_seq){ p, nb, 0 };
    for (int i = 0; i < nb; i++) {
        *p++ = (const kr_type *)KR_TUPLE_ITEMS(bases)[i];
    }
    intptr_t n = c3_merge(seqs, nb + 1, p);
    if (n >= 0 && (result = kr_tuple_new(n))) {
        for (intptr_t i = 0; i < n; i++) {
            KR_TUPLE_ITEMS(result)[i] = kr_newref(KR_VAL(p[i]));
        }
    }
done:
    kr_free(buf);
    kr_free(seqs);
    return result;
}

// The type whose instance layout 't' uses (CPython's solid_base): user classes with
// __slots__ fix a layout; other user classes extend theirs only by name (kr_class_set_layout
// slots are found by name where the layout differs).
static const kr_type *solid_base(const kr_type *t) {
    if (kr_type_is_heap(t)) {
        return KR_CLASS(t)->strict_slots ? t : solid_base(t->base);
    }
    if (t->base && t->basicsize == t->base->basicsize) {
        return solid_base(t->base);
    }
    return t;
}

static size_t slot_count(const kr_type *t) {
    return kr_type_is_heap(t) ? KR_CLASS(t)->nslots : 0;
}

static bool is_value_base(const kr_type *b) {
    return b == &kr_int_type || b == &kr_float_type || b == &kr_complex_type
           || b == &kr_str_type || b == &kr_bytes_type || b == &kr_tuple_type
           || b == &kr_frozenset_type || b == &kr_list_type || b == &kr_dict_type
           || b == &kr_set_type;
}

static bool builtin_base_supported(const kr_type *b) {
    return b == &kr_object_type || kr_type_is_subtype(b, &kr_exc_BaseException)
           || b == &kr_type_type || is_value_base(b);
}

// Checks the bases as CPython's best_base and returns the one the class extends. Among
// bases of the same solid layout, the one with the most slots wins, so that a mixin listed
// first does not hide the compiled layout of the main base.
static const kr_type *best_base(kr_val bases) {
    const kr_type *base = NULL, *winner = NULL;
    for (intptr_t i = 0; i < KR_TUPLE_LEN(bases); i++) {
        kr_val bv = KR_TUPLE_ITEMS(bases)[i];
        if (!kr_type_check(bv)) {
            kr_err_set(&kr_exc_TypeError, "bases must be types");
            return NULL;
        }
        const kr_type *b = (const kr_type *)bv;
        if (!(b->flags & (KR_TF_BASETYPE | KR_TF_HEAPTYPE)) && b != &kr_type_type) {
            kr_err_set(&kr_exc_TypeError, "type '%s' is not an acceptable base type", b->name);
            return NULL;
        }
        for (intptr_t j = 0; j < i; j++) {
            if (KR_TUPLE_ITEMS(bases)[j] == bv) {
                kr_err_set(&kr_exc_TypeError, "duplicate base class %s", b->name);
                return NULL;
            }
        }
        const kr_type *cand = solid_base(b);
        if (!winner) {
            winner = cand;
            base = b;
        } else if (cand == winner) {
            base = slot_count(b) > slot_count(base) ? b : base;
        } else if (kr_type_is_subtype(winner, cand)) {
            continue;
        } else if (kr_type_is_subtype(cand, winner)) {
            winner = cand;
            base = b;
        } else {
            kr_err_set(&kr_exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

static const kr_type *nearest_builtin(const kr_type *t) {
    while (kr_type_is_heap(t)) {
        t = t->base;
    }
    return t;
}

// '__x' in class 'A' becomes '_A__x' (CPython's _Py_Mangle).
static kr_val mangle(kr_val cls_name, kr_val name) {
    const char *s = kr_str_data(name);
    size_t n = (size_t)kr_str_nbytes(name);
    if (n < 3 || strncmp(s, "__", 2) != 0 || strcmp(s + n - 2, "__") == 0 || strchr(s, '.')) {
        return kr_newref(name);
    }
    const char *c = kr_str_data(cls_name);
    while (*c == '_') {
        c++;
    }
    if (!*c) {
        return kr_newref(name);
    }
    char buf[512];
    snprintf(buf, sizeof buf, "_%s%s", c, s);
    return kr_str_from_cstr(buf);
}

// c->slot_hint with room for 'n' slots (NULL with MemoryError).
static unsigned char *grow_slot_kinds(kr_class_obj *c, size_t n) {
    unsigned char *p = c->slot_hint ? kr_realloc(c->slot_hint, n) : kr_alloc_atomic(n);
    if (p) {
        c->slot_hint = p;
    }
    return p;
}

// Appends the names of 'names' (an iterable of str) the layout lacks to c->slot_names.
static int extend_slots(kr_class_obj *c, kr_val names, bool strict, kr_val ns) {
    kr_val list = kr_list_from_iterable(names);
    if (!list) {
        return -1;
    }
    int rc = 0;
    kr_val *items = kr_list_vals(list);
    for (intptr_t i = 0; items && rc == 0 && i < KR_LIST_LEN(list); i++) {
        kr_val n = items[i];
        if (!kr_str_check(n)) {
            kr_err_set(&kr_exc_TypeError, "__slots__ items must be strings, not '%s'",
                       kr_type_name(n));
            rc = -1;
            break;
        }
        if (strict && (name_is(n, "__dict__") || name_is(n, "__weakref__"))) {
            c->has_dict |= name_is(n, "__dict__");
            continue;
        }
        kr_val m = strict ? mangle(c->name, n) : kr_newref(n);
        if (!m) {
            rc = -1;
            break;
        }
        if (strict && ns && kr_dict_lookup(ns, m)) {
            kr_err_set(&kr_exc_ValueError, "'%s' in __slots__ conflicts with class variable",
                       kr_str_data(n));
            rc = -1;
        } else if (kr_class_slot_index(&c->tp, m) < 0) {
            rc = -1;
            kr_val one = kr_tuple_pack(1, m);
            if (one) {
                kr_val joined = kr_tuple_concat(c->slot_names, one);
                KR_DECREF(one);
                unsigned char *kinds = joined ? grow_slot_kinds(c, c->nslots + 1) : NULL;
                if (kinds) {
                    KR_SETREF(c->slot_names, joined);
                    kinds[c->nslots++] = !strict;
                    rc = 0;
                } else {
                    KR_XDECREF(joined);
                }
            }
        }
        KR_DECREF(m);
    }
    KR_DECREF(list);
    c->tp.basicsize = c->slots_offset + c->nslots * sizeof(kr_val);
    return items ? rc : -1;
}

int kr_class_layout_hint(kr_val cls, kr_val names) {
    if (names == KR_NONE || !kr_type_check(cls) || !kr_type_is_heap((const kr_type *)cls)) {
        return 0;
    }
    kr_class_obj *c = KR_CLASS(cls);
    if (c->sealed || !c->has_dict || c->builtin_base != &kr_object_type) {
        return 0;
    }
    return kr_class_set_layout(cls, names) < 0 ? -1 : 0;
}

kr_val kr_class_with_layout(kr_val cls, kr_val names) {
    if (cls && kr_class_layout_hint(cls, names) < 0) {
        KR_CLEAR(cls);
    }
    return cls;
}

intptr_t kr_class_set_layout(kr_val cls, kr_val names) {
    kr_class_obj *c = KR_CLASS(cls);
    if (c->sealed) {
        kr_err_set(&kr_exc_SystemError, "layout of '%s' set after instances were made",
                   c->tp.name);
        return -1;
    }
    intptr_t first = (intptr_t)c->nslots;
    if (!c->has_dict) {
        return first;
    }
    int rc = extend_slots(c, names, false, 0);
    class_modified(c, false);
    return rc < 0 ? -1 : first;
}

// Inherits the layout of the best base 'base' and adds the __slots__ of 'ns'.
static int setup_layout(kr_class_obj *c, const kr_type *base, kr_val ns) {
    const kr_type *b = nearest_builtin(base);
    c->builtin_base = b;
    bool meta = kr_type_is_subtype(b, &kr_type_type);
    if (kr_type_is_heap(base)) {
        kr_class_obj *p = KR_CLASS(base);
        c->dict_offset = p->dict_offset;
        c->slots_offset = p->slots_offset;
        c->nslots = p->nslots;
        c->has_dict = p->has_dict;
        c->var_layout = p->var_layout;
        c->slot_names = kr_newref(p->slot_names);
        if (p->nslots) {
            if (!grow_slot_kinds(c, p->nslots)) {
                return -1;
            }
            memcpy(c->slot_hint, p->slot_hint, p->nslots);
        }
    } else {
        c->var_layout = kr_subtype_is_var(b);
        c->dict_offset = meta || c->var_layout ? 0 : (b->basicsize + 7) & ~(size_t)7;
        c->slots_offset = meta ? sizeof(kr_class_obj) : c->dict_offset + sizeof(kr_val);
        c->has_dict = false;
        if (!(c->slot_names = kr_tuple_new(0))) {
            return -1;
        }
    }
    c->tp.basicsize = c->slots_offset + c->nslots * sizeof(kr_val);
    kr_val slots = kr_dict_lookup(ns, dunder(D_slots));
    if (!slots) {
        c->has_dict = !meta;
        return 0;
    }
    kr_val names = kr_str_check(slots) ? kr_tuple_pack(1, slots) : kr_newref(slots);
    if (!names) {
        return -1;
    }
    size_t before = c->nslots;
    int rc = extend_slots(c, names, true, ns);
    KR_DECREF(names);
    c->strict_slots = c->nslots > before;
    bool no_slots = meta || b == &kr_int_type || b == &kr_tuple_type || b == &kr_bytes_type;
    if (rc == 0 && no_slots && c->strict_slots) {
        kr_err_set(&kr_exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                   b->name);
        return -1;
    }
    return rc;
}

// ---------------------------------------------------------------------------------------------
// Creating classes: the namespace and type.__new__

static int wrap_in_dict(kr_val ns, int id, kr_val (*wrap)(kr_val)) {
    kr_val f = kr_dict_lookup(ns, dunder(id));
    if (!f || !kr_function_check(f)) {
        return 0;
    }
    kr_val w = wrap(f);
    if (!w) {
        return -1;
    }
    int rc = kr_dict_setitem(ns, dunder(id), w);
    KR_DECREF(w);
    return rc;
}

// The adjustments type.__new__ makes to the namespace copy: implicit staticmethod and
// classmethod, __hash__ = None beside __eq__, __doc__, and the __classcell__ it consumes.
static int prepare_namespace(kr_class_obj *c, kr_val ns) {
    if (wrap_in_dict(ns, D_new, kr_staticmethod_new) < 0
        || wrap_in_dict(ns, D_init_subclass, kr_classmethod_new) < 0
        || wrap_in_dict(ns, D_class_getitem, kr_classmethod_new) < 0) {
        return -1;
    }
    if (kr_dict_lookup(ns, dunder(D_eq)) && !kr_dict_lookup(ns, dunder(D_hash))
        && kr_dict_setitem(ns, dunder(D_hash), KR_NONE) < 0) {
        return -1;
    }
    if (!kr_dict_lookup(ns, dunder(D_doc)) && kr_dict_setitem(ns, dunder(D_doc), KR_NONE) < 0) {
        return -1;
    }
    kr_val cell = kr_dict_lookup(ns, dunder(D_classcell));
    if (cell) {
        if (KR_TYPE(cell) != &kr_cell_type) {
            kr_err_set(&kr_exc_TypeError, "__classcell__ must be a nonlocal cell, not <class "
                       "'%s'>", kr_type_name(cell));
            return -1;
        }
        kr_cell_set(cell, KR_VAL(c));
        return kr_dict_delitem(ns, dunder(D_classcell));
    }
    return 0;
}

static int take_names(kr_class_obj *c, kr_val name, kr_val ns) {
    c->name = kr_newref(name);
    kr_val q = kr_dict_lookup(ns, dunder(D_qualname));
    if (q && !kr_str_check(q)) {
        kr_err_set(&kr_exc_TypeError, "type __qualname__ must be a str, not %s", kr_type_name(q));
        return -1;
    }
    c->qualname = kr_newref(q ? q : name);
    if (q && kr_dict_delitem(ns, dunder(D_qualname)) < 0) {
        return -1;
    }
    kr_val m = kr_dict_lookup(ns, dunder(D_module));
    if (!m) {
        if (!(m = kr_str_from_cstr("__main__"))) {
            return -1;
        }
        int rc = kr_dict_setitem(ns, dunder(D_module), m);
        KR_DECREF(m);
        if (rc < 0) {
            return -1;
        }
        m = kr_dict_lookup(ns, dunder(D_module));
    }
    c->module = kr_str_check(m) ? kr_newref(m) : kr_str(m);
    c->tp.name = kr_str_data(c->name);
    c->tp.qualname = kr_str_data(c->qualname);
    c->tp.module = c->module ? kr_str_data(c->module) : NULL;
    return c->module ? 0 : -1;
}

static void fill_type_slots(kr_class_obj *c, const kr_type *base) {
    const kr_type *b = c->builtin_base;
    bool meta = kr_type_is_subtype(b, &kr_type_type);
    c->tp.base = base;
    KR_INCREF(KR_VAL(base));
    c->tp.flags = (base->flags & ~(unsigned)KR_TF_ATOMIC) | KR_TF_HEAPTYPE | KR_TF_BASETYPE;
    c->tp.dealloc = heap_dealloc;
    c->tp.free = heap_free;
    c->tp.repr = slot_repr;
    c->tp.str = slot_str;
    c->tp.getattr = meta ? kr_class_type_getattr : kr_instance_getattr;
    c->tp.setattr = meta ? kr_class_type_setattr : kr_instance_setattr;
    c->tp.new = heap_type_new;
    c->tp.number = &c->number;
    c->tp.mapping = &c->mapping;
    fixup_slots(c);
}

// __set_name__(cls, name) of every attribute whose class defines it, in namespace order.
static int call_set_names(kr_class_obj *c) {
    kr_val items = kr_dict_items(c->tp.dict);
    kr_val list = items ? kr_list_from_iterable(items) : 0;
    KR_XDECREF(items);
    if (!list) {
        return -1;
    }
    int rc = 0;
    kr_val *pairs = kr_list_vals(list);
    for (intptr_t i = 0; pairs && rc == 0 && i < KR_LIST_LEN(list); i++) {
        kr_val key = KR_TUPLE_ITEMS(pairs[i])[0], value = KR_TUPLE_ITEMS(pairs[i])[1];
        kr_val f = 0;
        if (KR_TYPE(value) == &kr_property_type || kr_type_is_heap(KR_TYPE(value))) {
            f = kr_class_lookup(KR_TYPE(value), dunder(D_set_name));
        }
        if (f) {
            kr_val args[2] = { KR_VAL(c), key };
            rc = status_of(call_found(f, value, args, 2, 0));
            KR_DECREF(f);
        }
    }
    KR_DECREF(list);
    return pairs ? rc : -1;
}

// kwargs (a dict) as the tail of a vector call: fills 'vec' from 'start' and returns the
// kwnames tuple (0 when empty).
static kr_val kwargs_to_vector(kr_val kwargs, kr_val *vec, size_t start) {
    if (!kwargs || kr_dict_len(kwargs) == 0) {
        return 0;
    }
    kr_val names = kr_tuple_new(kr_dict_len(kwargs));
    if (!names) {
        return 0;
    }
    intptr_t pos = 0, i = 0;
    kr_val k, v;
    while (kr_dict_next(kwargs, &pos, &k, &v)) {
        KR_TUPLE_ITEMS(names)[i] = kr_newref(k);
        vec[start + (size_t)i++] = v;
    }
    return names;
}

// super(cls, cls).__init_subclass__(**kwargs).
static int call_init_subclass(kr_class_obj *c, kr_val kwargs) {
    kr_val f = mro_lookup_from(&c->tp, dunder(D_init_subclass), 1);
    if (!f) {
        return 0;
    }
    kr_val bound = kr_descr_get(f, 0, KR_VAL(c));
    KR_DECREF(f);
    if (!bound) {
        return -1;
    }
    size_t nkw = kwargs ? (size_t)kr_dict_len(kwargs) : 0;
    kr_val *vec = kr_alloc((nkw + 1) * sizeof(kr_val));
    kr_val kwnames = vec ? kwargs_to_vector(kwargs, vec, 0) : 0;
    int rc = -1;
    if (vec && (kwnames || nkw == 0)) {
        rc = status_of(kr_call(bound, vec, 0, kwnames));
    }
    KR_XDECREF(kwnames);
    kr_free(vec);
    KR_DECREF(bound);
    return rc;
}

static kr_val kwnames_to_dict(const kr_val *values, kr_val kwnames) {
    if (!has_kw(kwnames)) {
        return 0;
    }
    kr_val d = kr_dict_new();
    for (intptr_t i = 0; d && i < KR_TUPLE_LEN(kwnames); i++) {
        if (kr_dict_setitem(d, KR_TUPLE_ITEMS(kwnames)[i], values[i]) < 0) {
            KR_CLEAR(d);
        }
    }
    return d;
}

static bool check_arg(kr_val v, bool ok, int n, const char *want) {
    if (!ok) {
        kr_err_set(&kr_exc_TypeError, "type.__new__() argument %d must be %s, not %s", n, want,
                   kr_type_name(v));
    }
    return ok;
}

// type.__new__(meta, name, bases, ns) once the arguments are checked.
static kr_val type_new_impl(const kr_type *meta, kr_val name, kr_val bases, kr_val ns,
                            kr_val kwargs) {
    kr_val own_bases = KR_TUPLE_LEN(bases) ? kr_newref(bases)
                                           : kr_tuple_pack(1, KR_VAL(&kr_object_type));
    const kr_type *base = own_bases ? best_base(own_bases) : NULL;
    if (base && !builtin_base_supported(nearest_builtin(base))) {
        kr_err_set(&kr_exc_TypeError, "krait does not support subclassing '%s'",
                   nearest_builtin(base)->name);
        base = NULL;
    }
    kr_val mro = base ? compute_mro(own_bases) : 0;
    kr_val dict = mro ? kr_dict_copy(ns) : 0;
    size_t size = meta->basicsize > sizeof(kr_class_obj) ? meta->basicsize : sizeof(kr_class_obj);
    kr_class_obj *c = dict ? (kr_class_obj *)kr_obj_new(meta, size) : NULL;
    if (!c) {
        KR_XDECREF(own_bases);
        KR_XDECREF(mro);
        KR_XDECREF(dict);
        return 0;
    }
    adopt_instance(KR_VAL(c));
    c->bases = own_bases;
    c->mro = mro;
    c->tp.dict = dict;
    c->tp.flags = KR_TF_HEAPTYPE;
    if (take_names(c, name, dict) < 0 || setup_layout(c, base, dict) < 0
        || prepare_namespace(c, dict) < 0) {
        KR_DECREF(c);
        return 0;
    }
    fill_type_slots(c, base);
    register_class(c);
    if (call_set_names(c) < 0 || call_init_subclass(c, kwargs) < 0) {
        KR_DECREF(c);
        return 0;
    }
    return KR_VAL(c);
}

kr_val kr_type_new3(const kr_type *meta, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (nargs == 1 && meta == &kr_type_type && !has_kw(kwnames)) {
        return kr_newref(KR_VAL(KR_TYPE(args[0])));
    }
    if (nargs != 3) {
        if (meta == &kr_type_type) {
            return kr_err_set(&kr_exc_TypeError, "type() takes 1 or 3 arguments");
        }
        return kr_err_set(&kr_exc_TypeError, "type.__new__() takes exactly 3 arguments (%zu "
                          "given)", nargs);
    }
    if (!check_arg(args[0], kr_str_check(args[0]), 1, "str")
        || !check_arg(args[1], kr_tuple_check(args[1]), 2, "tuple")
        || !check_arg(args[2], kr_dict_check(args[2]), 3, "dict")) {
        return 0;
    }
    kr_val kwargs = kwnames_to_dict(args + nargs, kwnames);
    if (!kwargs && has_kw(kwnames)) {
        return 0;
    }
    kr_val r = type_new_impl(meta, args[0], args[1], args[2], kwargs);
    KR_XDECREF(kwargs);
    return r;
}

// The most derived metaclass of 'meta' and the types of the bases.
static const kr_type *calculate_meta(const kr_type *meta, kr_val bases) {
    const kr_type *winner = meta;
    for (intptr_t i = 0; i < KR_TUPLE_LEN(bases); i++) {
        const kr_type *t = KR_TYPE(KR_TUPLE_ITEMS(bases)[i]);
        if (kr_type_is_subtype(winner, t)) {
            continue;
        }
        if (kr_type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        kr_err_set(&kr_exc_TypeError, "metaclass conflict: the metaclass of a derived class must "
                   "be a (non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

static kr_val resolve_meta(kr_val metaclass, kr_val bases) {
    if (metaclass && !kr_type_check(metaclass)) {
        return kr_newref(metaclass);
    }
    const kr_type *m = calculate_meta(metaclass ? (const kr_type *)metaclass : &kr_type_type,
                                      bases);
    return m ? kr_newref(KR_VAL(m)) : 0;
}

// meta(*args, **kwargs) for a vector of 'nargs' positional arguments.
static kr_val call_with_kwargs(kr_val callable, const kr_val *args, size_t nargs,
                               kr_val kwargs) {
    size_t nkw = kwargs ? (size_t)kr_dict_len(kwargs) : 0;
    kr_val *vec = kr_alloc((nargs + nkw + 1) * sizeof(kr_val));
    if (!vec) {
        return 0;
    }
    memcpy(vec, args, nargs * sizeof(kr_val));
    kr_val kwnames = kwargs_to_vector(kwargs, vec, nargs);
    kr_val r = nkw && !kwnames ? 0 : kr_call(callable, vec, nargs, kwnames);
    KR_XDECREF(kwnames);
    kr_free(vec);
    return r;
}

kr_val kr_class_prepare(kr_val name, kr_val bases, kr_val metaclass, kr_val kwargs) {
    kr_val meta = resolve_meta(metaclass, bases);
    if (!meta) {
        return 0;
    }
    kr_val prep = kr_type_check(meta) ? kr_class_lookup_user((const kr_type *)meta,
                                                             dunder(D_prepare))
                                      : 0;
    kr_val r;
    if (prep) {
        kr_val bound = kr_descr_get(prep, 0, meta);
        kr_val args[2] = { name, bases };
        r = bound ? call_with_kwargs(bound, args, 2, kwargs) : 0;
        KR_XDECREF(bound);
    } else {
        r = kr_dict_new();
    }
    KR_DECREF(meta);
    return r;
}

static int set_default(kr_val ns, int id, kr_val value) {
    if (!value || kr_dict_lookup(ns, dunder(id))) {
        return 0;
    }
    return kr_dict_setitem(ns, dunder(id), value);
}

kr_val kr_class_new(kr_val name, kr_val qualname, kr_val module, kr_val bases, kr_val ns,
                    kr_val metaclass, kr_val kwargs) {
    if (set_default(ns, D_module, module) < 0 || set_default(ns, D_qualname, qualname) < 0) {
        return 0;
    }
    kr_val meta = resolve_meta(metaclass, bases);
    if (!meta) {
        return 0;
    }
    kr_val r;
    if (meta == KR_VAL(&kr_type_type)) {
        r = type_new_impl(&kr_type_type, name, bases, ns, kwargs);
    } else {
        kr_val args[3] = { name, bases, ns };
        r = call_with_kwargs(meta, args, 3, kwargs);
    }
    KR_DECREF(meta);
    return r;
}

// ---------------------------------------------------------------------------------------------
// super

typedef struct {
    kr_obj ob;
    kr_val type;      // the class after which lookup starts
    kr_val obj;       // the instance or class bound
    kr_val obj_type;  // the class whose MRO is searched
} super_obj;

#define SUPER(v) ((super_obj *)(v))

kr_val kr_super_new(kr_val type, kr_val obj) {
    if (!kr_type_check(type)) {
        return kr_err_set(&kr_exc_TypeError, "super() argument 1 must be a type, not %s",
                          kr_type_name(type));
    }
    kr_val obj_type;
    if (kr_isinstance_type(obj, (const kr_type *)type)) {
        obj_type = KR_VAL(KR_TYPE(obj));
    } else if (kr_type_check(obj) && kr_type_is_subtype((const kr_type *)obj,
                                                        (const kr_type *)type)) {
        obj_type = obj;
    } else {
        return kr_err_set(&kr_exc_TypeError, "super(type, obj): obj (instance of %s) is not an "
                          "instance or subtype of type (%s).", kr_type_name(obj),
                          ((const kr_type *)type)->name);
    }
    super_obj *s = (super_obj *)kr_obj_new(&kr_super_type, sizeof *s);
    if (!s) {
        return 0;
    }
    s->type = kr_newref(type);
    s->obj = kr_newref(obj);
    s->obj_type = kr_newref(obj_type);
    return KR_VAL(s);
}

static void super_dealloc(kr_obj *o) {
    KR_DECREF(SUPER(o)->type);
    KR_DECREF(SUPER(o)->obj);
    KR_DECREF(SUPER(o)->obj_type);
}

// The position of 'type' in the MRO of 'start' (0 is 'start' itself), or -1.
static intptr_t mro_index(const kr_type *start, const kr_type *type) {
    intptr_t n = base_mro_len(start);
    for (intptr_t i = 0; i < n; i++) {
        if (base_mro_at(start, i) == type) {
            return i;
        }
    }
    return -1;
}

static kr_val super_getattr(kr_val self, kr_val name) {
    super_obj *s = SUPER(self);
    const kr_type *start = (const kr_type *)s->obj_type;
    intptr_t i = name_is(name, "__class__") ? -1 : mro_index(start, (const kr_type *)s->type);
    kr_val f = i >= 0 ? mro_lookup_from(start, name, i + 1) : 0;
    if (f) {
        kr_val r = kr_descr_get(f, s->obj == s->obj_type ? 0 : s->obj, s->obj_type);
        KR_DECREF(f);
        return r;
    }
    if (name_is(name, "__class__")) {
        return kr_newref(KR_VAL(&kr_super_type));
    }
    return kr_err_set(&kr_exc_AttributeError, "'super' object has no attribute '%s'",
                      kr_str_data(name));
}

static kr_val super_repr(kr_val self) {
    super_obj *s = SUPER(self);
    kr_val t = kr_repr(s->type);
    if (!t) {
        return 0;
    }
    char buf[512];
    snprintf(buf, sizeof buf, "<super: %s, <%s object>>", kr_str_data(t),
             ((const kr_type *)s->obj_type)->name);
    KR_DECREF(t);
    return kr_str_from_cstr(buf);
}

static kr_val super_type_new(const kr_type *t, const kr_val *args, size_t nargs,
                             kr_val kwnames) {
    (void)t;
    if (nargs != 2 || has_kw(kwnames)) {
        return kr_err_set(&kr_exc_RuntimeError, "super(): no arguments");
    }
    return kr_super_new(args[0], args[1]);
}

kr_type kr_super_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "super",
    .base = &kr_object_type,
    .basicsize = sizeof(super_obj),
    .flags = KR_TF_BASETYPE,
    .dealloc = super_dealloc,
    .repr = super_repr,
    .getattr = super_getattr,
    .new = super_type_new,
};
