// genericalias.c: types.GenericAlias (list[int], dict[str, list[float]]) and types.UnionType
// (int | str, dict[str, int] | None) as run-time values, as CPython's genericaliasobject.c and
// unionobject.c make them: they print as written, compare by origin and arguments, a
// GenericAlias called constructs its origin, a union works in isinstance and issubclass, and
// a GenericAlias there raises TypeError. Subscripting a class calls its __class_getitem__.
#include "krait.h"

#include <string.h>

typedef struct {
    kr_obj ob;
    kr_val origin;  // a type
    kr_val args;    // a tuple
} generic_alias;

typedef struct {
    kr_obj ob;
    kr_val args;  // tuple of the distinct members, in order
} union_obj;

extern kr_type kr_genericalias_type, kr_union_type;

bool kr_genericalias_check(kr_val v) {
    return KR_IS_PTR(v) && KR_OBJ(v)->type == &kr_genericalias_type;
}

bool kr_union_check(kr_val v) { return KR_IS_PTR(v) && KR_OBJ(v)->type == &kr_union_type; }

kr_val kr_union_args(kr_val u) { return ((union_obj *)u)->args; }

static kr_val ga_new(kr_val origin, kr_val args) {
    generic_alias *g = (generic_alias *)kr_obj_new(&kr_genericalias_type, sizeof *g);
    if (!g) {
        return 0;
    }
    g->origin = kr_newref(origin);
    g->args = kr_tuple_check(args) ? kr_newref(args) : kr_tuple_pack(1, args);
    if (!g->args) {
        KR_DECREF(KR_VAL(g));
        return 0;
    }
    return KR_VAL(g);
}

// Types that CPython's builtins subscript into a GenericAlias.
static bool generic_builtin(const kr_type *t) {
    return t == &kr_list_type || t == &kr_dict_type || t == &kr_tuple_type || t == &kr_set_type
           || t == &kr_frozenset_type || t == &kr_type_type;
}

kr_val kr_type_subscript(kr_val cls, kr_val key) {
    const kr_type *t = (const kr_type *)cls;
    if (!kr_type_is_heap(t) && generic_builtin(t)) {
        return ga_new(cls, key);
    }
    if (kr_type_is_heap(t)) {
        kr_val f = kr_getattr_cstr(cls, "__class_getitem__");
        if (f) {
            kr_val r = kr_call(f, &key, 1, 0);
            KR_DECREF(f);
            return r;
        }
        if (!kr_err_matches(&kr_exc_AttributeError)) {
            return 0;
        }
        kr_err_clear();
    }
    return kr_err_set(&kr_exc_TypeError, "type '%s' is not subscriptable", t->name);
}

// CPython's ga_repr_item: types by (module-qualified) name, aliases and others by repr.
static int repr_item(kr_reprbuf *b, kr_val v) {
    if (v == KR_ELLIPSIS) {
        return kr_reprbuf_cstr(b, "...");
    }
    if (kr_type_check(v) && !kr_genericalias_check(v)) {
        const kr_type *t = (const kr_type *)v;
        if (t->module && strcmp(t->module, "builtins") != 0) {
            if (kr_reprbuf_cstr(b, t->module) < 0 || kr_reprbuf_cstr(b, ".") < 0) {
                return -1;
            }
        }
        return kr_reprbuf_cstr(b, t->qualname ? t->qualname : t->name);
    }
    return kr_reprbuf_repr(b, v);
}

static kr_val finish(kr_reprbuf *b, int rc) {
    if (rc < 0) {
        kr_reprbuf_free(b);
        return 0;
    }
    return kr_reprbuf_finish(b);
}

static kr_val ga_repr(kr_val v) {
    generic_alias *g = (generic_alias *)v;
    kr_reprbuf b = { 0 };
    int rc = repr_item(&b, g->origin);
    rc = rc < 0 ? rc : kr_reprbuf_cstr(&b, "[");
    intptr_t n = KR_TUPLE_LEN(g->args);
    if (n == 0 && rc == 0) {
        rc = kr_reprbuf_cstr(&b, "()");
    }
    for (intptr_t i = 0; i < n && rc == 0; i++) {
        rc = i ? kr_reprbuf_cstr(&b, ", ") : 0;
        rc = rc < 0 ? rc : repr_item(&b, KR_TUPLE_ITEMS(g->args)[i]);
    }
    rc = rc < 0 ? rc : kr_reprbuf_cstr(&b, "]");
    return finish(&b, rc);
}

static kr_val union_repr(kr_val v) {
    kr_val args = kr_union_args(v);
    kr_reprbuf b = { 0 };
    int rc = 0;
    for (intptr_t i = 0; i < KR_TUPLE_LEN(args) && rc == 0; i++) {
        kr_val a = KR_TUPLE_ITEMS(args)[i];
        rc = i ? kr_reprbuf_cstr(&b, " | ") : 0;
        if (rc == 0) {
            rc = a == KR_VAL(&kr_none_type) ? kr_reprbuf_cstr(&b, "None") : repr_item(&b, a);
        }
    }
    return finish(&b, rc);
}

static kr_val ga_call(kr_val v, const kr_val *args, size_t nargs, kr_val kwnames) {
    return kr_call(((generic_alias *)v)->origin, args, nargs, kwnames);
}

static kr_val ga_getattr(kr_val v, kr_val name) {
    generic_alias *g = (generic_alias *)v;
    const char *s = kr_str_data(name);
    if (strcmp(s, "__origin__") == 0) {
        return kr_newref(g->origin);
    }
    if (strcmp(s, "__args__") == 0) {
        return kr_newref(g->args);
    }
    if (strcmp(s, "__class__") == 0) {
        return kr_newref(KR_VAL(&kr_genericalias_type));
    }
    return kr_getattr(g->origin, name);
}

static kr_val union_getattr(kr_val v, kr_val name) {
    if (strcmp(kr_str_data(name), "__args__") == 0) {
        return kr_newref(kr_union_args(v));
    }
    return kr_generic_getattr(v, name);
}

static kr_val ga_richcompare(kr_val a, kr_val b, int op) {
    bool same_type = KR_TYPE(a) == KR_TYPE(b);
    if ((op != KR_EQ && op != KR_NE) || !same_type) {
        return KR_NOTIMPLEMENTED;
    }
    int eq;
    if (kr_genericalias_check(a)) {
        generic_alias *x = (generic_alias *)a, *y = (generic_alias *)b;
        eq = x->origin == y->origin ? kr_eq(x->args, y->args) : 0;
    } else {
        kr_val fa = kr_frozenset_new(kr_union_args(a));
        kr_val fb = fa ? kr_frozenset_new(kr_union_args(b)) : 0;
        eq = fb ? kr_eq(fa, fb) : -1;
        KR_XDECREF(fa);
        KR_XDECREF(fb);
    }
    return eq < 0 ? 0 : kr_bool((eq == 1) == (op == KR_EQ));
}

static intptr_t ga_hash(kr_val v) {
    if (kr_genericalias_check(v)) {
        generic_alias *g = (generic_alias *)v;
        intptr_t h = kr_hash(g->args);
        return h == -1 ? -1 : (h ^ kr_hash(g->origin)) == -1 ? -2 : h ^ kr_hash(g->origin);
    }
    kr_val f = kr_frozenset_new(kr_union_args(v));
    intptr_t h = f ? kr_hash(f) : -1;
    KR_XDECREF(f);
    return h;
}

// What may stand in a union: a type, None, a GenericAlias or a union.
static bool unionable(kr_val v) {
    return v == KR_NONE || kr_type_check(v) || kr_genericalias_check(v) || kr_union_check(v);
}

static int add_member(kr_val list, kr_val v) {
    if (v == KR_NONE) {
        v = KR_VAL(&kr_none_type);
    }
    if (kr_union_check(v)) {
        kr_val args = kr_union_args(v);
        for (intptr_t i = 0; i < KR_TUPLE_LEN(args); i++) {
            if (add_member(list, KR_TUPLE_ITEMS(args)[i]) < 0) {
                return -1;
            }
        }
        return 0;
    }
    for (intptr_t i = 0; i < KR_LIST_LEN(list); i++) {
        int eq = kr_eq(kr_list_vals(list)[i], v);
        if (eq != 0) {
            return eq < 0 ? -1 : 0;
        }
    }
    return kr_list_append(list, v);
}

kr_val kr_type_or(kr_val a, kr_val b) {
    if (!unionable(a) || !unionable(b)) {
        return KR_NOTIMPLEMENTED;
    }
    kr_val list = kr_list_new(0);
    if (!list || add_member(list, a) < 0 || add_member(list, b) < 0) {
        KR_XDECREF(list);
        return 0;
    }
    if (KR_LIST_LEN(list) == 1) {
        kr_val only = kr_list_vals(list)[0];
        kr_val r = kr_newref(only == KR_VAL(&kr_none_type) ? KR_NONE : only);
        KR_DECREF(list);
        return r;
    }
    union_obj *u = (union_obj *)kr_obj_new(&kr_union_type, sizeof *u);
    kr_val r = KR_VAL(u);
    if (u && !(u->args = kr_list_as_tuple(list))) {
        KR_CLEAR(r);
    }
    KR_DECREF(list);
    return r;
}

static void ga_dealloc(kr_obj *o) {
    if (o->type == &kr_genericalias_type) {
        KR_DECREF(((generic_alias *)o)->origin);
        KR_XDECREF(((generic_alias *)o)->args);
    } else {
        KR_XDECREF(((union_obj *)o)->args);
    }
}

static const kr_number_methods alias_number = {
    .binop = { [KR_OP_OR] = kr_type_or },
};

kr_type kr_genericalias_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "types.GenericAlias",
    .base = &kr_object_type,
    .basicsize = sizeof(generic_alias),
    .dealloc = ga_dealloc,
    .repr = ga_repr,
    .hash = ga_hash,
    .richcompare = ga_richcompare,
    .call = ga_call,
    .getattr = ga_getattr,
    .number = &alias_number,
};

kr_type kr_union_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "types.UnionType",
    .base = &kr_object_type,
    .basicsize = sizeof(union_obj),
    .dealloc = ga_dealloc,
    .repr = union_repr,
    .hash = ga_hash,
    .richcompare = ga_richcompare,
    .getattr = union_getattr,
    .number = &alias_number,
};
