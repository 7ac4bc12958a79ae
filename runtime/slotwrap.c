// slotwrap.c: the special methods of builtin types as attributes: int.__add__, (5).__add__(3),
// 'a'.__len__(), dict.__getitem__(d, k), super().__eq__(other) with a builtin type next in
// the MRO. CPython keeps slot wrappers for them in each type's __dict__; krait's builtin types
// have C slots only, so a lookup of a special method the type's own slots provide makes an
// unbound builtin method (kr_cfunction_obj, 'slot_wrapper' set) whose C function calls the
// slot. A wrapper calls the slot of the nearest builtin type of 'self' (a user subclass's own
// bridges are skipped, so super().__getitem__(k) reaches dict's), which is the owner's slot
// unless 'self' is an instance of a builtin subtype of the owner (int.__repr__(True)).
// Wrong argument counts raise CPython's "expected 1 argument, got 0".
#include "krait.h"

#include <math.h>
#include <string.h>

// The nearest builtin type of 'self', whose slots the wrappers call.
static const kr_type *builtin_of(kr_val self) {
    const kr_type *t = KR_TYPE(self);
    while (kr_type_is_heap(t)) {
        t = t->base;
    }
    return t;
}

static int want(const char *name, size_t nargs, kr_val kw, size_t n) {
    if (kw && KR_TUPLE_LEN(kw) > 0) {
        kr_err_set(&kr_exc_TypeError, "wrapper %s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != n) {
        kr_err_set(&kr_exc_TypeError, "expected %zu argument%s, got %zu", n, n == 1 ? "" : "s",
                   nargs);
        return -1;
    }
    return 0;
}

#define SLOT(field) FIND_IN(builtin_of(self), field)
#define FIND_IN(t0, expr)                                   \
    ({                                                      \
        __typeof__(((kr_type *)0)->expr) f_ = NULL;   \
        for (const kr_type *t_ = (t0); t_ && !f_; t_ = t_->base) { \
            f_ = t_->expr;                                  \
        }                                                   \
        f_;                                                 \
    })
#define NUMBER_SLOT(t0, field)                                              \
    ({                                                                      \
        __typeof__(((kr_number_methods *)0)->field) f_ = NULL;              \
        for (const kr_type *t_ = (t0); t_ && !f_; t_ = t_->base) {          \
            f_ = t_->number ? t_->number->field : NULL;                     \
        }                                                                   \
        f_;                                                                 \
    })
#define MAPPING_SLOT(t0, field)                                             \
    ({                                                                      \
        __typeof__(((kr_mapping_methods *)0)->field) f_ = NULL;             \
        for (const kr_type *t_ = (t0); t_ && !f_; t_ = t_->base) {          \
            f_ = t_->mapping ? t_->mapping->field : NULL;                   \
        }                                                                   \
        f_;                                                                 \
    })

static kr_val sw_repr(kr_val self, const kr_val *a, size_t n, kr_val kw) {
    (void)a;
    kr_unaryfunc f = SLOT(repr);
    return want("__repr__", n, kw, 0) < 0 ? 0 : f(self);
}

static kr_val sw_str(kr_val self, const kr_val *a, size_t n, kr_val kw) {
    (void)a;
    kr_unaryfunc f = SLOT(str);
    return want("__str__", n, kw, 0) < 0 ? 0 : f ? f(self) : kr_repr(self);
}

static kr_val sw_hash(kr_val self, const kr_val *a, size_t n, kr_val kw) {
    (void)a;
    if (want("__hash__", n, kw, 0) < 0) {
        return 0;
    }
    intptr_t h = SLOT(hash)(self);
    return h == -1 ? 0 : kr_int_from_i64(h);
}

#define CMP(name, op)                                                                 \
    static kr_val sw_##name(kr_val self, const kr_val *a, size_t n, kr_val kw) {      \
        return want("__" #name "__", n, kw, 1) < 0 ? 0 : SLOT(richcompare)(self, a[0], op); \
    }
CMP(lt, KR_LT)
CMP(le, KR_LE)
CMP(eq, KR_EQ)
CMP(ne, KR_NE)
CMP(gt, KR_GT)
CMP(ge, KR_GE)
#undef CMP

static kr_val sw_iter(kr_val self, const kr_val *a, size_t n, kr_val kw) {
    (void)a;
    return want("__iter__", n, kw, 0) < 0 ? 0 : SLOT(iter)(self);
}

static kr_val sw_next(kr_val self, const kr_val *a, size_t n, kr_val kw) {
    (void)a;
    if (want("__next__", n, kw, 0) < 0) {
        return 0;
    }
    kr_val r = SLOT(iternext)(self);
    if (!r && !kr_err_occurred()) {
        kr_err_set_none(&kr_exc_StopIteration);
    }
    return r;
}

static kr_val sw_call(kr_val self, const kr_val *a, size_t n, kr_val kw) {
    return SLOT(call)(self, a, n, kw);
}

static kr_val sw_len(kr_val self, const kr_val *a, size_t n, kr_val kw) {
    (void)a;
    if (want("__len__", n, kw, 0) < 0) {
        return 0;
    }
    intptr_t len = MAPPING_SLOT(builtin_of(self), len)(self);
    return len < 0 ? 0 : kr_int_from_i64(len);
}

static kr_val sw_getitem(kr_val self, const kr_val *a, size_t n, kr_val kw) {
    if (want("__getitem__", n, kw, 1) < 0) {
        return 0;
    }
    return MAPPING_SLOT(builtin_of(self), getitem)(self, a[0]);
}

static kr_val sw_setitem(kr_val self, const kr_val *a, size_t n, kr_val kw) {
    if (want("__setitem__", n, kw, 2) < 0) {
        return 0;
    }
    return MAPPING_SLOT(builtin_of(self), setitem)(self, a[0], a[1]) < 0 ? 0 : kr_none();
}

static kr_val sw_delitem(kr_val self, const kr_val *a, size_t n, kr_val kw) {
    if (want("__delitem__", n, kw, 1) < 0) {
        return 0;
    }
    return MAPPING_SLOT(builtin_of(self), delitem)(self, a[0]) < 0 ? 0 : kr_none();
}

static kr_val sw_contains(kr_val self, const kr_val *a, size_t n, kr_val kw) {
    if (want("__contains__", n, kw, 1) < 0) {
        return 0;
    }
    int r = MAPPING_SLOT(builtin_of(self), contains)(self, a[0]);
    return r < 0 ? 0 : kr_bool(r);
}

static kr_val sw_bool(kr_val self, const kr_val *a, size_t n, kr_val kw) {
    (void)a;
    if (want("__bool__", n, kw, 0) < 0) {
        return 0;
    }
    int r = NUMBER_SLOT(builtin_of(self), is_true)(self);
    return r < 0 ? 0 : kr_bool(r);
}

#define UNARY(name, field)                                                          \
    static kr_val sw_##name(kr_val self, const kr_val *a, size_t n, kr_val kw) {    \
        (void)a;                                                                    \
        return want("__" #name "__", n, kw, 0) < 0 ? 0                              \
                                                   : NUMBER_SLOT(builtin_of(self), field)(self); \
    }
UNARY(neg, neg)
UNARY(pos, pos)
UNARY(abs, abs)
UNARY(invert, invert)
UNARY(int, to_int)
UNARY(float, to_float)
UNARY(index, index)
#undef UNARY

static kr_val binop_call(kr_binop op, kr_val self, const kr_val *a, size_t n, kr_val kw,
                         int kind) {
    if (want("binary operator", n, kw, 1) < 0) {
        return 0;
    }
    if (kind == 2) {
        return NUMBER_SLOT(builtin_of(self), inplace[op])(self, a[0]);
    }
    kr_binaryfunc f = NUMBER_SLOT(builtin_of(self), binop[op]);
    return kind == 0 ? f(self, a[0]) : f(a[0], self);
}

#define X_(e, f, opname, d)                                                                  \
    static kr_val sw_##f(kr_val self, const kr_val *a, size_t n, kr_val kw) {                \
        return binop_call(KR_OP_##e, self, a, n, kw, 0);                                     \
    }                                                                                        \
    static kr_val sw_r##f(kr_val self, const kr_val *a, size_t n, kr_val kw) {               \
        return binop_call(KR_OP_##e, self, a, n, kw, 1);                                     \
    }                                                                                        \
    static kr_val sw_i##f(kr_val self, const kr_val *a, size_t n, kr_val kw) {               \
        return binop_call(KR_OP_##e, self, a, n, kw, 2);                                     \
    }
KR_BINOPS(X_)
#undef X_

// __format__, __round__, __trunc__, __floor__ and __ceil__ of int, float and str: methods
// in CPython, kept with the wrappers because krait's builtins reach them without a lookup.
static kr_val sw_format(kr_val self, const kr_val *a, size_t n, kr_val kw) {
    if (want("__format__", n, kw, 1) < 0) {
        return 0;
    }
    if (!kr_str_check(a[0])) {
        return kr_err_set(&kr_exc_TypeError, "__format__() argument must be str, not %s",
                          kr_type_name(a[0]));
    }
    if (kr_str_nbytes(a[0]) == 0) {
        return kr_str(self);
    }
    if (kr_str_check(self)) {
        return kr_format_str(self, a[0]);
    }
    return kr_float_check(self) ? kr_format_float(self, a[0]) : kr_format_int(self, a[0]);
}

static kr_val exact_number(kr_val self) {
    return kr_float_check(self) ? kr_float_new(KR_FLOAT_VALUE(self)) : kr_int_from_val(self);
}

static kr_val sw_round(kr_val self, const kr_val *a, size_t n, kr_val kw) {
    if (kw && KR_TUPLE_LEN(kw) > 0) {
        return kr_err_set(&kr_exc_TypeError, "__round__() takes no keyword arguments");
    }
    if (n > 1) {
        return kr_err_set(&kr_exc_TypeError, "__round__ expected at most 1 argument, got %zu",
                          n);
    }
    kr_val x = exact_number(self);
    kr_val r = x ? kr_builtin_round(x, n ? a[0] : KR_NONE) : 0;
    KR_XDECREF(x);
    return r;
}

static kr_val to_integral(kr_val self, const char *name, size_t n, kr_val kw,
                          double (*fn)(double)) {
    if (want(name, n, kw, 0) < 0) {
        return 0;
    }
    if (kr_float_check(self)) {
        return kr_int_from_double(fn(KR_FLOAT_VALUE(self)));
    }
    return kr_int_from_val(self);
}

static kr_val sw_trunc(kr_val self, const kr_val *a, size_t n, kr_val kw) {
    (void)a;
    return to_integral(self, "__trunc__", n, kw, trunc);
}

static kr_val sw_floor(kr_val self, const kr_val *a, size_t n, kr_val kw) {
    (void)a;
    return to_integral(self, "__floor__", n, kw, floor);
}

static kr_val sw_ceil(kr_val self, const kr_val *a, size_t n, kr_val kw) {
    (void)a;
    return to_integral(self, "__ceil__", n, kw, ceil);
}

// Which of a type's own slots a special method needs.
typedef enum {
    NEED_REPR, NEED_STR, NEED_HASH, NEED_CMP, NEED_ITER, NEED_NEXT, NEED_CALL, NEED_LEN,
    NEED_GETITEM, NEED_SETITEM, NEED_DELITEM, NEED_CONTAINS, NEED_BOOL, NEED_NEG, NEED_POS,
    NEED_ABS, NEED_INVERT, NEED_INT, NEED_FLOAT, NEED_INDEX, NEED_BINOP, NEED_INPLACE,
    NEED_NUMERIC, NEED_FORMAT
} need_kind;

typedef struct {
    const char *name;
    kr_cfunc fn;
    need_kind need;
    int op;
} wrapper_def;

static const wrapper_def wrappers[] = {
    { "__repr__", sw_repr, NEED_REPR, 0 },
    { "__str__", sw_str, NEED_STR, 0 },
    { "__hash__", sw_hash, NEED_HASH, 0 },
    { "__lt__", sw_lt, NEED_CMP, 0 },
    { "__le__", sw_le, NEED_CMP, 0 },
    { "__eq__", sw_eq, NEED_CMP, 0 },
    { "__ne__", sw_ne, NEED_CMP, 0 },
    { "__gt__", sw_gt, NEED_CMP, 0 },
    { "__ge__", sw_ge, NEED_CMP, 0 },
    { "__iter__", sw_iter, NEED_ITER, 0 },
    { "__next__", sw_next, NEED_NEXT, 0 },
    { "__call__", sw_call, NEED_CALL, 0 },
    { "__len__", sw_len, NEED_LEN, 0 },
    { "__getitem__", sw_getitem, NEED_GETITEM, 0 },
    { "__setitem__", sw_setitem, NEED_SETITEM, 0 },
    { "__delitem__", sw_delitem, NEED_DELITEM, 0 },
    { "__contains__", sw_contains, NEED_CONTAINS, 0 },
    { "__bool__", sw_bool, NEED_BOOL, 0 },
    { "__neg__", sw_neg, NEED_NEG, 0 },
    { "__pos__", sw_pos, NEED_POS, 0 },
    { "__abs__", sw_abs, NEED_ABS, 0 },
    { "__invert__", sw_invert, NEED_INVERT, 0 },
    { "__int__", sw_int, NEED_INT, 0 },
    { "__float__", sw_float, NEED_FLOAT, 0 },
    { "__index__", sw_index, NEED_INDEX, 0 },
#define X_(e, f, opname, d)                                          \
    { "__" #f "__", sw_##f, NEED_BINOP, KR_OP_##e },                 \
    { "__r" #f "__", sw_r##f, NEED_BINOP, KR_OP_##e },               \
    { "__i" #f "__", sw_i##f, NEED_INPLACE, KR_OP_##e },
    KR_BINOPS(X_)
#undef X_
    { "__format__", sw_format, NEED_FORMAT, 0 },
    { "__round__", sw_round, NEED_NUMERIC, 0 },
    { "__trunc__", sw_trunc, NEED_NUMERIC, 0 },
    { "__floor__", sw_floor, NEED_NUMERIC, 0 },
    { "__ceil__", sw_ceil, NEED_NUMERIC, 0 },
};

// Whether the builtin type 't' itself (not a base) provides what 'w' calls.
static bool provides(const kr_type *t, const wrapper_def *w) {
    const kr_number_methods *nm = t->number;
    const kr_mapping_methods *mm = t->mapping;
    switch (w->need) {
    case NEED_REPR: return t->repr != NULL;
    case NEED_STR: return t->str != NULL;
    case NEED_HASH: return t->hash != NULL;
    case NEED_CMP: return t->richcompare != NULL;
    case NEED_ITER: return t->iter != NULL;
    case NEED_NEXT: return t->iternext != NULL;
    case NEED_CALL: return t->call != NULL && t != &kr_type_type;
    case NEED_LEN: return mm && mm->len;
    case NEED_GETITEM: return mm && mm->getitem;
    case NEED_SETITEM: return mm && mm->setitem;
    case NEED_DELITEM: return mm && mm->delitem;
    case NEED_CONTAINS: return mm && mm->contains;
    case NEED_BOOL: return nm && nm->is_true;
    case NEED_NEG: return nm && nm->neg;
    case NEED_POS: return nm && nm->pos;
    case NEED_ABS: return nm && nm->abs;
    case NEED_INVERT: return nm && nm->invert;
    case NEED_INT: return nm && nm->to_int;
    case NEED_FLOAT: return nm && nm->to_float;
    case NEED_INDEX: return nm && nm->index;
    case NEED_BINOP: return nm && nm->binop[w->op];
    case NEED_INPLACE: return nm && nm->inplace[w->op];
    case NEED_NUMERIC: return t == &kr_int_type || t == &kr_float_type;
    case NEED_FORMAT: return t == &kr_int_type || t == &kr_float_type || t == &kr_str_type;
    }
    return false;
}

kr_val kr_slotwrap_lookup(const kr_type *t, const char *name) {
    if (kr_type_is_heap(t) || name[0] != '_' || name[1] != '_') {
        return 0;
    }
    for (size_t i = 0; i < sizeof wrappers / sizeof wrappers[0]; i++) {
        const wrapper_def *w = &wrappers[i];
        if (strcmp(w->name, name) != 0) {
            continue;
        }
        if (!provides(t, w)) {
            return 0;
        }
        if (w->need == NEED_HASH && t->hash == kr_hash_unhashable) {
            return KR_NONE;  // list.__hash__ is None
        }
        kr_val f = kr_cfunction_new(w->name, w->fn, 0);
        if (f) {
            kr_cfunction_obj *c = (kr_cfunction_obj *)f;
            c->owner = t;
            c->unbound = true;
            c->slot_wrapper = w->need != NEED_NUMERIC && w->need != NEED_FORMAT;
        }
        return f;
    }
    return 0;
}

kr_val kr_slotwrap_bound(kr_val obj, const char *name) {
    for (const kr_type *t = KR_TYPE(obj); t; t = t->base) {
        kr_val f = kr_slotwrap_lookup(t, name);
        if (f && f != KR_NONE) {
            kr_cfunction_obj *c = (kr_cfunction_obj *)f;
            kr_val b = kr_cfunction_new(c->name, c->fn, obj);
            if (b) {
                ((kr_cfunction_obj *)b)->owner = c->owner;
                ((kr_cfunction_obj *)b)->slot_wrapper = c->slot_wrapper;
            }
            KR_DECREF(f);
            return b;
        }
        if (f == KR_NONE || kr_err_occurred()) {
            return f;
        }
    }
    return 0;
}
