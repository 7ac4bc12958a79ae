// subtype.c: instances of user classes whose builtin base is int, float, complex, str, bytes,
// tuple, frozenset (immutable: the value is fixed by __new__) or list, dict, set (mutable:
// __new__ makes an empty object, __init__ fills it).
//
// An instance starts with the builtin object's own layout, so every function of the builtin
// type reads it unchanged (kr_str_data, KR_TUPLE_ITEMS, KR_FLOAT_VALUE, ...); results those
// functions make are plain builtin objects, as in CPython. An int subclass instance holds its
// value as a bool does: a normalized int (small or bigint) in the word after the header, which
// int.c's unbool reads. The __dict__ word and the __slots__ follow the builtin part: at a fixed
// offset for fixed-size bases, and for the variable-sized str, bytes and tuple at the end of
// the instance's own data (kr_subtype_var_end), as CPython's negative tp_dictoffset.
#include "krait.h"

#include <stddef.h>
#include <string.h>

bool kr_subtype_is_var(const kr_type *b) {
    return b == &kr_str_type || b == &kr_tuple_type || b == &kr_bytes_type;
}

static size_t round8(size_t n) { return (n + 7) & ~(size_t)7; }

// The bytes the builtin part of a str, tuple or bytes object occupies.
static size_t var_size(kr_val obj) {
    const kr_type *t = KR_OBJ(obj)->type;
    if (t->flags & KR_TF_STR_SUB) {
        return offsetof(kr_str_obj, data) + (size_t)kr_str_nbytes(obj) + 1;
    }
    if (t->flags & KR_TF_TUPLE_SUB) {
        return offsetof(kr_tuple_obj, items) + (size_t)KR_TUPLE_LEN(obj) * sizeof(kr_val);
    }
    return offsetof(kr_bytes_obj, inline_data) + (size_t)kr_bytes_len(obj) + 1;
}

size_t kr_subtype_var_end(kr_val obj) { return round8(var_size(obj)); }

// The size of an instance of 'type' (a user class) whose builtin part is 'plain'.
static size_t instance_size(const kr_type *type, kr_val plain) {
    const kr_class_obj *c = KR_CLASS(type);
    if (!c->var_layout) {
        return type->basicsize;
    }
    return kr_subtype_var_end(plain) + sizeof(kr_val) + c->nslots * sizeof(kr_val);
}

// An instance of 'type' holding the value of the exact builtin object 'plain' (stolen).
static kr_val copy_value(const kr_type *type, const kr_type *b, kr_val plain) {
    kr_obj *o = kr_obj_new(type, instance_size(type, plain));
    if (!o) {
        KR_DECREF(plain);
        return 0;
    }
    if (b == &kr_int_type) {
        ((kr_bool_obj *)o)->ival = plain;  // stolen
        return KR_VAL(o);
    }
    if (b == &kr_frozenset_type) {
        kr_set_obj *so = (kr_set_obj *)o;
        so->mask = KR_SET_MINSIZE - 1;
        so->table = so->small;
        so->hash = -1;
        int rc = kr_set_update(KR_VAL(o), plain);
        KR_DECREF(plain);
        if (rc < 0) {
            KR_DECREF(KR_VAL(o));
            return 0;
        }
        return KR_VAL(o);
    }
    size_t n = b == &kr_bytes_type        ? offsetof(kr_bytes_obj, inline_data)  // data below
               : kr_subtype_is_var(b) ? var_size(plain)
                                      : b->basicsize;
    memcpy((char *)o + sizeof(kr_obj), (char *)KR_OBJ(plain) + sizeof(kr_obj),
           n - sizeof(kr_obj));
    if (b == &kr_tuple_type) {
        for (intptr_t i = 0; i < KR_TUPLE_LEN(plain); i++) {
            KR_INCREF(KR_TUPLE_ITEMS(plain)[i]);
        }
    } else if (b == &kr_bytes_type) {
        kr_bytes_obj *bo = (kr_bytes_obj *)o;
        memcpy(bo->inline_data, kr_bytes_data(plain), (size_t)bo->len + 1);
        bo->data = bo->inline_data;
    }
    KR_DECREF(plain);
    return KR_VAL(o);
}

// The empty object of a mutable builtin base, with the instance size of 'type'.
static kr_val new_empty(const kr_type *type, const kr_type *b) {
    kr_obj *o = kr_obj_new(type, type->basicsize);
    if (o && b == &kr_set_type) {
        kr_set_obj *so = (kr_set_obj *)o;
        so->mask = KR_SET_MINSIZE - 1;
        so->table = so->small;
        so->hash = -1;
    }
    return o ? KR_VAL(o) : 0;  // a zeroed list or dict is empty
}

static bool is_mutable(const kr_type *b) {
    return b == &kr_list_type || b == &kr_dict_type || b == &kr_set_type;
}

kr_val kr_subtype_new(const kr_type *type, const kr_val *args, size_t nargs, kr_val kwnames) {
    const kr_type *b = KR_CLASS(type)->builtin_base;
    if (is_mutable(b)) {
        return new_empty(type, b);
    }
    kr_val plain = b->new(b, args, nargs, kwnames);
    if (!plain) {
        return 0;
    }
    if (b == &kr_int_type && KR_IS_PTR(plain) && KR_OBJ(plain)->type != &kr_int_type) {
        kr_val v = kr_int_from_val(plain);  // the exact int of a bool or int subclass
        KR_DECREF(plain);
        if (!(plain = v)) {
            return 0;
        }
    }
    return copy_value(type, b, plain);
}

// list.__init__, dict.__init__ and set.__init__: replace the contents by the arguments'.
kr_val kr_subtype_init(const kr_type *b, kr_val self, const kr_val *args, size_t nargs,
                       kr_val kwnames) {
    bool kw = kwnames && KR_TUPLE_LEN(kwnames) > 0;
    const char *name = b == &kr_list_type ? "list" : b == &kr_set_type ? "set" : "dict";
    if (b != &kr_dict_type) {
        if (kw) {
            return kr_err_set(&kr_exc_TypeError, "%s() takes no keyword arguments", name);
        }
        if (nargs > 1) {
            return kr_err_set(&kr_exc_TypeError, "%s expected at most 1 argument, got %zu",
                              name, nargs);
        }
    }
    int rc = 0;
    if (b == &kr_list_type) {
        kr_list_clear(self);
        rc = nargs ? kr_list_extend(self, args[0]) : 0;
    } else if (b == &kr_set_type) {
        kr_set_clear(self);
        rc = nargs ? kr_set_update(self, args[0]) : 0;
    } else {
        kr_dict_clear(self);
        rc = kr_dict_update_args(self, args, nargs, kwnames);
    }
    return rc < 0 ? 0 : kr_none();
}

bool kr_subtype_has_init(const kr_type *b) { return is_mutable(b); }
