// tuple.c: the tuple type.
//
// A tuple is a fixed array of kr_val references (layout in krait.h). This module builds tuples
// (kr_tuple_new/pack/from_array/from_iterable), implements indexing and slicing, + and *,
// comparisons, `in`, count/index, repr ("(1,)", "(...)" for a tuple inside itself) and
// CPython 3.8+'s xxHash-based tuple hash, so that dict and set layouts match CPython's. Every
// item slot of a tuple in use holds a new reference; kr_tuple_new leaves them 0 for the caller.
#include "krait.h"

#include <string.h>

// ---------------------------------------------------------------------------------------------
// Construction

kr_val kr_tuple_new(intptr_t n) {
    if (n < 0 || (size_t)n > (SIZE_MAX - sizeof(kr_tuple_obj)) / sizeof(kr_val)) {
        return kr_err_no_memory();
    }
    kr_tuple_obj *t = (kr_tuple_obj *)kr_obj_new(&kr_tuple_type,
                                                  sizeof(kr_tuple_obj) + (size_t)n * sizeof(kr_val));
    if (!t) {
        return 0;
    }
    t->len = n;
    memset(t->items, 0, (size_t)n * sizeof(kr_val));
    return KR_VAL(t);
}

kr_val kr_tuple_pack(intptr_t n, ...) {
    kr_val t = kr_tuple_new(n);
    if (!t) {
        return 0;
    }
    va_list ap;
    va_start(ap, n);
    for (intptr_t i = 0; i < n; i++) {
        KR_TUPLE_ITEMS(t)[i] = kr_newref(va_arg(ap, kr_val));
    }
    va_end(ap);
    return t;
}

kr_val kr_tuple_from_array(const kr_val *items, intptr_t n) {
    kr_val t = kr_tuple_new(n);
    if (!t) {
        return 0;
    }
    for (intptr_t i = 0; i < n; i++) {
        KR_TUPLE_ITEMS(t)[i] = kr_newref(items[i]);
    }
    return t;
}

kr_val kr_tuple_from_iterable(kr_val v) {
    if (KR_IS_PTR(v) && KR_OBJ(v)->type == &kr_tuple_type) {
        return kr_newref(v);
    }
    if (KR_IS_PTR(v) && KR_OBJ(v)->type == &kr_list_type) {  // a subclass may iterate otherwise
        return kr_list_as_tuple(v);
    }
    kr_val list = kr_list_from_iterable(v);
    if (!list) {
        return 0;
    }
    kr_val t = kr_list_as_tuple(list);
    KR_DECREF(list);
    return t;
}

kr_val kr_tuple_getslice(kr_val t, intptr_t lo, intptr_t hi) {
    if (lo == 0 && hi == KR_TUPLE_LEN(t) && KR_OBJ(t)->type == &kr_tuple_type) {
        return kr_newref(t);
    }
    return kr_tuple_from_array(KR_TUPLE_ITEMS(t) + lo, hi - lo);
}

kr_val kr_tuple_getindex(kr_val t, intptr_t i) {
    if (i < 0) {
        i += KR_TUPLE_LEN(t);
    }
    if (i < 0 || i >= KR_TUPLE_LEN(t)) {
        return kr_err_set(&kr_exc_IndexError, "tuple index out of range");
    }
    return kr_newref(KR_TUPLE_ITEMS(t)[i]);
}

kr_val kr_tuple_concat(kr_val a, kr_val b) {
    intptr_t na = KR_TUPLE_LEN(a), nb = KR_TUPLE_LEN(b);
    if (nb == 0 && KR_OBJ(a)->type == &kr_tuple_type) {
        return kr_newref(a);
    }
    if (na == 0 && KR_OBJ(b)->type == &kr_tuple_type) {
        return kr_newref(b);
    }
    kr_val t = kr_tuple_new(na + nb);
    if (!t) {
        return 0;
    }
    for (intptr_t i = 0; i < na; i++) {
        KR_TUPLE_ITEMS(t)[i] = kr_newref(KR_TUPLE_ITEMS(a)[i]);
    }
    for (intptr_t i = 0; i < nb; i++) {
        KR_TUPLE_ITEMS(t)[na + i] = kr_newref(KR_TUPLE_ITEMS(b)[i]);
    }
    return t;
}

kr_val kr_tuple_repeat(kr_val t, intptr_t n) {
    intptr_t len = KR_TUPLE_LEN(t);
    if (n < 0) {
        n = 0;
    }
    if (n == 1 && KR_OBJ(t)->type == &kr_tuple_type) {
        return kr_newref(t);
    }
    if (len && n > INTPTR_MAX / (intptr_t)sizeof(kr_val) / len) {
        return kr_err_no_memory();
    }
    kr_val r = kr_tuple_new(len * n);
    if (!r) {
        return 0;
    }
    for (intptr_t k = 0; k < n; k++) {
        for (intptr_t i = 0; i < len; i++) {
            KR_TUPLE_ITEMS(r)[k * len + i] = kr_newref(KR_TUPLE_ITEMS(t)[i]);
        }
    }
    return r;
}

// ---------------------------------------------------------------------------------------------
// Slots

static void tuple_dealloc(kr_obj *o) {
    kr_val t = KR_VAL(o);
    for (intptr_t i = KR_TUPLE_LEN(t) - 1; i >= 0; i--) {  // the last first, as CPython
        KR_XDECREF(KR_TUPLE_ITEMS(t)[i]);
    }
}

static void tuple_traverse(kr_obj *o, kr_visitfunc visit, void *arg) {
    kr_val t = KR_VAL(o);
    for (intptr_t i = 0; i < KR_TUPLE_LEN(t); i++) {
        if (KR_TUPLE_ITEMS(t)[i]) {
            visit(KR_TUPLE_ITEMS(t)[i], arg);
        }
    }
}

static kr_val tuple_repr(kr_val t) {
    if (KR_TUPLE_LEN(t) == 0) {
        return kr_str_from_cstr("()");
    }
    int status = kr_repr_enter(t);
    if (status != 0) {
        return status < 0 ? 0 : kr_str_from_cstr("(...)");
    }
    kr_val r = kr_seq_repr(KR_TUPLE_ITEMS(t), KR_TUPLE_LEN(t), "(",
                           KR_TUPLE_LEN(t) == 1 ? ",)" : ")");
    kr_repr_leave(t);
    return r;
}

// CPython's tuplehash (xxHash's 64-bit round function over the item hashes).
#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

intptr_t kr_tuple_hash(kr_val t) {
    uint64_t acc = XXPRIME_5;
    intptr_t n = KR_TUPLE_LEN(t);
    for (intptr_t i = 0; i < n; i++) {
        intptr_t lane = kr_hash(KR_TUPLE_ITEMS(t)[i]);
        if (lane == -1) {
            return -1;
        }
        acc += (uint64_t)lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1) {
        return 1546275796;
    }
    return (intptr_t)acc;
}

kr_val kr_seq_richcompare(const kr_val *a, intptr_t na, const kr_val *b, intptr_t nb, int op) {
    if (na != nb && (op == KR_EQ || op == KR_NE)) {
        return kr_bool(op == KR_NE);
    }
    intptr_t i = 0;
    for (; i < na && i < nb; i++) {
        int eq = kr_eq(a[i], b[i]);
        if (eq < 0) {
            return 0;
        }
        if (!eq) {
            break;
        }
    }
    if (i >= na || i >= nb) {
        static const bool lt[] = { 1, 1, 0, 1, 0, 0 }, eq[] = { 0, 1, 1, 0, 0, 1 },
                          gt[] = { 0, 0, 0, 1, 1, 1 };
        return kr_bool(na < nb ? lt[op] : na == nb ? eq[op] : gt[op]);
    }
    if (op == KR_EQ) {
        return KR_FALSE;
    }
    if (op == KR_NE) {
        return KR_TRUE;
    }
    return kr_richcompare(a[i], b[i], op);
}

static kr_val tuple_richcompare(kr_val a, kr_val b, int op) {
    if (!kr_tuple_check(a) || !kr_tuple_check(b)) {
        return KR_NOTIMPLEMENTED;
    }
    return kr_seq_richcompare(KR_TUPLE_ITEMS(a), KR_TUPLE_LEN(a), KR_TUPLE_ITEMS(b),
                              KR_TUPLE_LEN(b), op);
}

static intptr_t tuple_len(kr_val t) { return KR_TUPLE_LEN(t); }

static kr_val tuple_subscript_slice(kr_val t, kr_val slice) {
    intptr_t start, stop, step;
    if (kr_slice_unpack(slice, &start, &stop, &step) < 0) {
        return 0;
    }
    intptr_t n = kr_slice_adjust(KR_TUPLE_LEN(t), &start, &stop, step);
    if (step == 1) {
        return kr_tuple_getslice(t, start, start + n);
    }
    kr_val r = kr_tuple_new(n);
    if (!r) {
        return 0;
    }
    for (intptr_t i = 0, j = start; i < n; i++, j += step) {
        KR_TUPLE_ITEMS(r)[i] = kr_newref(KR_TUPLE_ITEMS(t)[j]);
    }
    return r;
}

static kr_val tuple_subscript(kr_val t, kr_val key) {
    if (KR_IS_SMALL(key)) {
        return kr_tuple_getindex(t, KR_SMALL_VALUE(key));
    }
    if (kr_slice_check(key)) {
        return tuple_subscript_slice(t, key);
    }
    const kr_number_methods *nm = KR_TYPE(key)->number;
    if (kr_int_check(key) || (nm && nm->index)) {
        intptr_t i;
        if (kr_index_as_ssize(key, &i) < 0) {
            if (kr_err_matches(&kr_exc_OverflowError)) {
                kr_err_clear();
                return kr_err_set(&kr_exc_IndexError, "cannot fit 'int' into an index-sized "
                                                      "integer");
            }
            return 0;
        }
        return kr_tuple_getindex(t, i);
    }
    return kr_err_set(&kr_exc_TypeError, "tuple indices must be integers or slices, not %s",
                      kr_type_name(key));
}

static int tuple_contains(kr_val t, kr_val item) {
    for (intptr_t i = 0; i < KR_TUPLE_LEN(t); i++) {
        int eq = kr_eq(KR_TUPLE_ITEMS(t)[i], item);
        if (eq != 0) {
            return eq;
        }
    }
    return 0;
}

int kr_seq_repeat_count(kr_val n, intptr_t *out) {
    if (KR_IS_SMALL(n)) {
        *out = KR_SMALL_VALUE(n);
        return 1;
    }
    const kr_number_methods *nm = KR_TYPE(n)->number;
    if (!kr_int_check(n) && !(nm && nm->index)) {
        return 0;
    }
    if (kr_index_as_ssize(n, out) < 0) {
        if (!kr_err_matches(&kr_exc_OverflowError)) {
            return -1;
        }
        kr_err_clear();
        if (kr_int_sign(n) < 0) {
            *out = 0;
            return 1;
        }
        kr_err_set(&kr_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    return 1;
}

kr_val kr_seq_cannot_repeat(kr_val other) {
    if (KR_TYPE(other)->flags & KR_TF_HEAPTYPE) {
        return KR_NOTIMPLEMENTED;
    }
    return kr_err_set(&kr_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                      kr_type_name(other));
}

static kr_val tuple_add(kr_val a, kr_val b) {
    if (!kr_tuple_check(a)) {
        return KR_NOTIMPLEMENTED;
    }
    if (!kr_tuple_check(b)) {
        if (KR_TYPE(b)->flags & KR_TF_HEAPTYPE) {
            return KR_NOTIMPLEMENTED;
        }
        return kr_err_set(&kr_exc_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                          kr_type_name(b));
    }
    return kr_tuple_concat(a, b);
}

static kr_val tuple_mul(kr_val a, kr_val b) {
    kr_val t = kr_tuple_check(a) ? a : b, other = t == a ? b : a;
    intptr_t n;
    int ok = kr_seq_repeat_count(other, &n);
    if (ok < 0) {
        return 0;
    }
    return ok ? kr_tuple_repeat(t, n) : kr_seq_cannot_repeat(other);
}

// ---------------------------------------------------------------------------------------------
// Methods

int kr_index_arg(kr_val v, intptr_t *out) {
    if (KR_IS_SMALL(v)) {
        *out = KR_SMALL_VALUE(v);
        return 0;
    }
    const kr_number_methods *nm = KR_TYPE(v)->number;
    if (!kr_int_check(v) && !(nm && nm->index)) {
        kr_err_set(&kr_exc_TypeError,
                   "slice indices must be integers or have an __index__ method");
        return -1;
    }
    if (kr_index_as_ssize(v, out) < 0) {
        if (!kr_err_matches(&kr_exc_OverflowError)) {
            return -1;
        }
        kr_err_clear();
        *out = kr_int_sign(v) < 0 ? INTPTR_MIN : INTPTR_MAX;
    }
    return 0;
}

static kr_val tuple_count(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("tuple.count", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    intptr_t count = 0;
    for (intptr_t i = 0; i < KR_TUPLE_LEN(self); i++) {
        int eq = kr_eq(KR_TUPLE_ITEMS(self)[i], args[0]);
        if (eq < 0) {
            return 0;
        }
        count += eq;
    }
    return KR_FROM_SMALL(count);
}

static kr_val tuple_index(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("index", nargs, kwnames, 1, 3) < 0) {
        return 0;
    }
    intptr_t len = KR_TUPLE_LEN(self), start = 0, stop = INTPTR_MAX;
    if ((nargs > 1 && kr_index_arg(args[1], &start) < 0)
        || (nargs > 2 && kr_index_arg(args[2], &stop) < 0)) {
        return 0;
    }
    if (start < 0 && (start += len) < 0) {
        start = 0;
    }
    if (stop < 0 && (stop += len) < 0) {
        stop = 0;
    }
    for (intptr_t i = start; i < stop && i < len; i++) {
        int eq = kr_eq(KR_TUPLE_ITEMS(self)[i], args[0]);
        if (eq != 0) {
            return eq < 0 ? 0 : KR_FROM_SMALL(i);
        }
    }
    return kr_err_set(&kr_exc_ValueError, "tuple.index(x): x not in tuple");
}

static kr_val tuple_new(const kr_type *type, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)type;
    if (kwnames && KR_TUPLE_LEN(kwnames)) {
        return kr_err_set(&kr_exc_TypeError, "tuple() takes no keyword arguments");
    }
    if (nargs > 1) {
        return kr_err_set(&kr_exc_TypeError, "tuple expected at most 1 argument, got %zu", nargs);
    }
    return nargs ? kr_tuple_from_iterable(args[0]) : kr_tuple_new(0);
}

// ---------------------------------------------------------------------------------------------
// Iterator

typedef struct {
    kr_obj ob;
    intptr_t index;
    kr_val seq;  // 0 once exhausted
} tuple_iter;

static kr_val tuple_iter_new(kr_val t) {
    tuple_iter *it = (tuple_iter *)kr_obj_new(&kr_tuple_iter_type, sizeof *it);
    if (!it) {
        return 0;
    }
    it->seq = kr_newref(t);
    return KR_VAL(it);
}

static kr_val tuple_iter_next(kr_val v) {
    tuple_iter *it = (tuple_iter *)v;
    if (!it->seq) {
        return 0;
    }
    if (it->index < KR_TUPLE_LEN(it->seq)) {
        return kr_newref(KR_TUPLE_ITEMS(it->seq)[it->index++]);
    }
    KR_CLEAR(it->seq);
    return 0;
}

static void tuple_iter_dealloc(kr_obj *o) { KR_XDECREF(((tuple_iter *)o)->seq); }

static kr_val self_iter(kr_val v) { return kr_newref(v); }

kr_type kr_tuple_iter_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "tuple_iterator",
    .base = &kr_object_type,
    .basicsize = sizeof(tuple_iter),
    .dealloc = tuple_iter_dealloc,
    .iter = self_iter,
    .iternext = tuple_iter_next,
};

// ---------------------------------------------------------------------------------------------
// Type

static const kr_method_def tuple_methods[] = {
    { "count", tuple_count, 0 },
    { "index", tuple_index, 0 },
    { NULL, NULL, 0 },
};

static const kr_mapping_methods tuple_mapping = {
    .len = tuple_len,
    .getitem = tuple_subscript,
    .contains = tuple_contains,
};

static const kr_number_methods tuple_number = {
    .binop = { [KR_OP_ADD] = tuple_add, [KR_OP_MUL] = tuple_mul },
};

kr_type kr_tuple_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "tuple",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_tuple_obj),
    .flags = KR_TF_TUPLE_SUB | KR_TF_BASETYPE,
    .dealloc = tuple_dealloc,
    .traverse = tuple_traverse,
    .repr = tuple_repr,
    .hash = kr_tuple_hash,
    .richcompare = tuple_richcompare,
    .iter = tuple_iter_new,
    .new = tuple_new,
    .number = &tuple_number,
    .mapping = &tuple_mapping,
    .methods = tuple_methods,
};
