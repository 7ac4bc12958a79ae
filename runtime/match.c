// match.c: the runtime checks behind match statements (kr_match.h). Input: the subject and what
// a pattern names; output: whether it can match and the values its sub-patterns see. Each
// function follows CPython 3.13's ceval.c (match_keys, match_class_attr, _PyEval_MatchClass),
// errors and their messages included.
#include "krait.h"

bool kr_match_sequence(kr_val v) {
    return kr_list_check(v) || kr_tuple_check(v) || kr_isinstance_type(v, &kr_range_type);
}

bool kr_match_mapping(kr_val v) { return kr_dict_check(v); }

int kr_match_len(kr_val v, intptr_t n, bool at_least) {
    intptr_t len = kr_len(v);
    if (len < 0) {
        return -1;
    }
    return at_least ? len >= n : len == n;
}

// 'name' was already seen in this pattern (a duplicate key or attribute): 1/0/-1.
static int seen_before(kr_val seen, kr_val name) {
    int r = kr_set_contains(seen, name);
    if (r != 0) {
        return r;
    }
    return kr_set_add(seen, name) < 0 ? -1 : 0;
}

// map.get(key) of a dict: a new reference, 0 without an exception when absent.
static kr_val mapping_get(kr_val map, kr_val key) {
    kr_val v = kr_dict_lookup(map, key);
    return v ? kr_newref(v) : 0;
}

// Fills 'values' (a tuple of n) with the keys' values; 0: all present, 1: one missing, -1.
static int fill_keys(kr_val map, const kr_val *keys, int n, kr_val values, kr_val seen) {
    for (int i = 0; i < n; i++) {
        int dup = seen_before(seen, keys[i]);
        if (dup != 0) {
            if (dup > 0) {
                kr_val r = kr_repr(keys[i]);
                if (r) {
                    kr_err_set(&kr_exc_ValueError, "mapping pattern checks duplicate key (%s)",
                               kr_str_data(r));
                    kr_decref(r);
                }
            }
            return -1;
        }
        kr_val v = mapping_get(map, keys[i]);
        if (!v) {
            return kr_err_occurred() ? -1 : 1;
        }
        KR_TUPLE_ITEMS(values)[i] = v;
    }
    return 0;
}

kr_val kr_match_keys(kr_val map, const kr_val *keys, int n) {
    kr_val values = kr_tuple_new(n);
    kr_val seen = values ? kr_set_new(0) : 0;
    if (!seen) {
        KR_XDECREF(values);
        return 0;
    }
    int r = fill_keys(map, keys, n, values, seen);
    kr_decref(seen);
    if (r != 0) {
        kr_decref(values);
        return r < 0 ? 0 : kr_none();
    }
    return values;
}

kr_val kr_match_rest(kr_val map, const kr_val *keys, int n) {
    kr_val rest = kr_dict_new();
    if (!rest || kr_dict_update(rest, map) < 0) {
        KR_XDECREF(rest);
        return 0;
    }
    for (int i = 0; i < n; i++) {
        if (kr_dict_delitem(rest, keys[i]) < 0) {
            kr_decref(rest);
            return 0;
        }
    }
    return rest;
}

// Whether instances of 't' match a single positional sub-pattern themselves (CPython's
// _Py_TPFLAGS_MATCH_SELF, inherited by subclasses).
static bool matches_self(const kr_type *t) {
    static const kr_type *const self_types[] = {
        &kr_bool_type, &kr_bytearray_type, &kr_bytes_type, &kr_dict_type,  &kr_float_type,
        &kr_frozenset_type, &kr_int_type, &kr_list_type, &kr_set_type, &kr_str_type,
        &kr_tuple_type,
    };
    for (; t; t = t->base) {
        for (size_t i = 0; i < sizeof self_types / sizeof self_types[0]; i++) {
            if (t == self_types[i]) {
                return true;
            }
        }
    }
    return false;
}

// 'v' from a getattr, or 0 without an exception when there was no such attribute.
static kr_val optional(kr_val v) {
    if (!v && kr_err_matches(&kr_exc_AttributeError)) {
        kr_err_clear();
    }
    return v;
}

// The attribute 'name' of 'subject' for a sub-pattern: a new reference, or 0 (with an exception
// for a repeated attribute, without one when it is missing).
static kr_val class_attr(kr_val subject, const kr_type *cls, kr_val name, kr_val seen) {
    int dup = seen_before(seen, name);
    if (dup > 0) {
        kr_val r = kr_repr(name);
        if (r) {
            kr_err_set(&kr_exc_TypeError, "%s() got multiple sub-patterns for attribute %s",
                       cls->name, kr_str_data(r));
            kr_decref(r);
        }
    }
    return dup != 0 ? 0 : optional(kr_getattr(subject, name));
}

// The __match_args__ of 'cls' (a new reference to a tuple; an empty one when absent, then
// '*self' says whether the subject itself is the positional sub-pattern), or 0 on error.
static kr_val match_args(const kr_type *cls, bool *self) {
    kr_val args = optional(kr_getattr_cstr(KR_VAL(cls), "__match_args__"));
    *self = false;
    if (!args) {
        if (kr_err_occurred()) {
            return 0;
        }
        *self = matches_self(cls);
        return kr_tuple_new(0);
    }
    if (KR_TYPE(args) != &kr_tuple_type) {
        kr_err_set(&kr_exc_TypeError, "%s.__match_args__ must be a tuple (got %s)", cls->name,
                   kr_type_name(args));
        kr_decref(args);
        return 0;
    }
    return args;
}

// Appends the attributes for 'npos' positional sub-patterns to 'attrs': 0, 1 (no match), -1.
static int positional_attrs(kr_val subject, const kr_type *cls, int npos, kr_val attrs,
                            kr_val seen) {
    bool self;
    kr_val names = match_args(cls, &self);
    if (!names) {
        return -1;
    }
    intptr_t allowed = self ? 1 : KR_TUPLE_LEN(names);
    int r = 0;
    if (allowed < npos) {
        kr_err_set(&kr_exc_TypeError, "%s() accepts %d positional sub-pattern%s (%d given)",
                   cls->name, (int)allowed, allowed == 1 ? "" : "s", npos);
        r = -1;
    } else if (self) {
        r = kr_list_append(attrs, subject);
    }
    for (int i = 0; !self && r == 0 && i < npos; i++) {
        kr_val name = KR_TUPLE_ITEMS(names)[i];
        if (KR_TYPE(name) != &kr_str_type) {
            kr_err_set(&kr_exc_TypeError, "__match_args__ elements must be strings (got %s)",
                       kr_type_name(name));
            r = -1;
            break;
        }
        kr_val v = class_attr(subject, cls, name, seen);
        r = !v ? (kr_err_occurred() ? -1 : 1) : kr_list_append(attrs, v);
        KR_XDECREF(v);
    }
    kr_decref(names);
    return r;
}

// All sub-pattern attributes into 'attrs': 0, 1 (no match), -1.
static int class_attrs(kr_val subject, const kr_type *cls, int npos, const kr_val *kwnames,
                       int nkw, kr_val attrs) {
    kr_val seen = kr_set_new(0);
    if (!seen) {
        return -1;
    }
    int r = npos ? positional_attrs(subject, cls, npos, attrs, seen) : 0;
    for (int i = 0; r == 0 && i < nkw; i++) {
        kr_val v = class_attr(subject, cls, kwnames[i], seen);
        r = !v ? (kr_err_occurred() ? -1 : 1) : kr_list_append(attrs, v);
        KR_XDECREF(v);
    }
    kr_decref(seen);
    return r;
}

kr_val kr_match_class(kr_val subject, kr_val cls, int npos, const kr_val *kwnames, int nkw) {
    if (!kr_type_check(cls)) {
        return kr_err_set(&kr_exc_TypeError, "called match pattern must be a class");
    }
    int inst = kr_builtin_isinstance(subject, cls);
    if (inst <= 0) {
        return inst < 0 ? 0 : kr_none();
    }
    kr_val attrs = kr_list_new(npos + nkw);
    if (!attrs) {
        return 0;
    }
    int r = class_attrs(subject, (const kr_type *)KR_OBJ(cls), npos, kwnames, nkw, attrs);
    kr_val out = r < 0 ? 0 : r > 0 ? kr_none() : kr_tuple_from_iterable(attrs);
    kr_decref(attrs);
    return out;
}
