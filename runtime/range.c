// range.c: the range and slice types.
//
// A range keeps start, stop, step and its length as ints (small or big), so huge bounds work
// as in CPython; its iterator counts in machine words when every value fits, else with ints.
// `x in r` for an int x is O(1). Slices hold their three arguments as given (None when
// omitted); kr_slice_unpack and kr_slice_adjust are CPython's PySlice_Unpack and
// PySlice_AdjustIndices, which every sequence uses for s[a:b:c].
#include "krait.h"

#include <string.h>

// ---------------------------------------------------------------------------------------------
// slice

kr_val kr_slice_new(kr_val start, kr_val stop, kr_val step) {
    kr_slice_obj *s = (kr_slice_obj *)kr_obj_new(&kr_slice_type, sizeof *s);
    if (!s) {
        return 0;
    }
    s->start = kr_newref(start ? start : KR_NONE);
    s->stop = kr_newref(stop ? stop : KR_NONE);
    s->step = kr_newref(step ? step : KR_NONE);
    return KR_VAL(s);
}

// CPython's _PyEval_SliceIndex: an int (or __index__) clamped to the intptr_t range.
static int slice_index(kr_val v, intptr_t *out) {
    if (KR_IS_SMALL(v)) {
        *out = KR_SMALL_VALUE(v);
        return 0;
    }
    const kr_number_methods *nm = KR_TYPE(v)->number;
    if (!kr_int_check(v) && !(nm && nm->index)) {
        kr_err_set(&kr_exc_TypeError,
                   "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    return kr_index_arg(v, out);
}

int kr_slice_unpack(kr_val slice, intptr_t *start, intptr_t *stop, intptr_t *step) {
    kr_slice_obj *s = KR_SLICE(slice);
    *step = 1;
    if (s->step != KR_NONE) {
        if (slice_index(s->step, step) < 0) {
            return -1;
        }
        if (*step == 0) {
            kr_err_set(&kr_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        if (*step < -INTPTR_MAX) {
            *step = -INTPTR_MAX;
        }
    }
    if (s->start == KR_NONE) {
        *start = *step < 0 ? INTPTR_MAX : 0;
    } else if (slice_index(s->start, start) < 0) {
        return -1;
    }
    if (s->stop == KR_NONE) {
        *stop = *step < 0 ? INTPTR_MIN : INTPTR_MAX;
    } else if (slice_index(s->stop, stop) < 0) {
        return -1;
    }
    return 0;
}

intptr_t kr_slice_adjust(intptr_t len, intptr_t *start, intptr_t *stop, intptr_t step) {
    if (*start < 0) {
        *start += len;
        if (*start < 0) {
            *start = step < 0 ? -1 : 0;
        }
    } else if (*start >= len) {
        *start = step < 0 ? len - 1 : len;
    }
    if (*stop < 0) {
        *stop += len;
        if (*stop < 0) {
            *stop = step < 0 ? -1 : 0;
        }
    } else if (*stop >= len) {
        *stop = step < 0 ? len - 1 : len;
    }
    if (step < 0) {
        return *stop < *start ? (*start - *stop - 1) / (-step) + 1 : 0;
    }
    return *start < *stop ? (*stop - *start - 1) / step + 1 : 0;
}

static kr_val slice_repr(kr_val v) {
    kr_slice_obj *s = KR_SLICE(v);
    kr_reprbuf b = { 0 };
    if (kr_reprbuf_cstr(&b, "slice(") < 0 || kr_reprbuf_repr(&b, s->start) < 0
        || kr_reprbuf_cstr(&b, ", ") < 0 || kr_reprbuf_repr(&b, s->stop) < 0
        || kr_reprbuf_cstr(&b, ", ") < 0 || kr_reprbuf_repr(&b, s->step) < 0
        || kr_reprbuf_cstr(&b, ")") < 0) {
        kr_reprbuf_free(&b);
        return 0;
    }
    return kr_reprbuf_finish(&b);
}

static kr_val slice_as_tuple(kr_val v) {
    kr_slice_obj *s = KR_SLICE(v);
    return kr_tuple_pack(3, s->start, s->stop, s->step);
}

static kr_val slice_richcompare(kr_val a, kr_val b, int op) {
    if (!kr_slice_check(a) || !kr_slice_check(b)) {
        return KR_NOTIMPLEMENTED;
    }
    kr_val ta = slice_as_tuple(a), tb = ta ? slice_as_tuple(b) : 0;
    kr_val r = tb ? kr_richcompare(ta, tb, op) : 0;
    KR_XDECREF(ta);
    KR_XDECREF(tb);
    return r;
}

// CPython's slice_hash: tuplehash's rounds over (start, stop, step), without the length.
static intptr_t slice_hash(kr_val v) {
    kr_val parts[3] = { KR_SLICE(v)->start, KR_SLICE(v)->stop, KR_SLICE(v)->step };
    uint64_t acc = 2870177450012600261ULL;
    for (int i = 0; i < 3; i++) {
        intptr_t lane = kr_hash(parts[i]);
        if (lane == -1) {
            return -1;
        }
        acc += (uint64_t)lane * 14029467366897019727ULL;
        acc = (acc << 31) | (acc >> 33);
        acc *= 11400714785074694791ULL;
    }
    return acc == (uint64_t)-1 ? 1546275796 : (intptr_t)acc;
}

// slice.indices(length): the adjusted (start, stop, step).
static kr_val slice_indices(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("slice.indices", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    intptr_t len, start, stop, step;
    kr_val n = kr_index(args[0]);
    if (!n) {
        return 0;
    }
    int bad = kr_index_arg(n, &len);
    KR_DECREF(n);
    if (bad < 0) {
        return 0;
    }
    if (len < 0) {
        return kr_err_set(&kr_exc_ValueError, "length should not be negative");
    }
    if (kr_slice_unpack(self, &start, &stop, &step) < 0) {
        return 0;
    }
    kr_slice_adjust(len, &start, &stop, step);
    kr_val a = kr_int_from_i64(start), b = kr_int_from_i64(stop), c = kr_int_from_i64(step);
    kr_val r = a && b && c ? kr_tuple_pack(3, a, b, c) : 0;
    KR_XDECREF(a);
    KR_XDECREF(b);
    KR_XDECREF(c);
    return r;
}

static kr_val slice_get_start(kr_val s) { return kr_newref(KR_SLICE(s)->start); }
static kr_val slice_get_stop(kr_val s) { return kr_newref(KR_SLICE(s)->stop); }
static kr_val slice_get_step(kr_val s) { return kr_newref(KR_SLICE(s)->step); }

static kr_val slice_type_new(const kr_type *t, const kr_val *args, size_t nargs,
                             kr_val kwnames) {
    (void)t;
    if (kwnames && KR_TUPLE_LEN(kwnames)) {
        return kr_err_set(&kr_exc_TypeError, "slice() takes no keyword arguments");
    }
    if (nargs == 0) {
        return kr_err_set(&kr_exc_TypeError, "slice expected at least 1 argument, got 0");
    }
    if (nargs > 3) {
        return kr_err_set(&kr_exc_TypeError, "slice expected at most 3 arguments, got %zu",
                          nargs);
    }
    if (nargs == 1) {
        return kr_slice_new(KR_NONE, args[0], KR_NONE);
    }
    return kr_slice_new(args[0], args[1], nargs == 3 ? args[2] : KR_NONE);
}

static void slice_dealloc(kr_obj *o) {
    kr_slice_obj *s = (kr_slice_obj *)o;
    KR_DECREF(s->start);
    KR_DECREF(s->stop);
    KR_DECREF(s->step);
}

static const kr_method_def slice_methods[] = {
    { "indices", slice_indices, 0 },
    { NULL, NULL, 0 },
};

static const kr_getset_def slice_getset[] = {
    { "start", slice_get_start, NULL },
    { "stop", slice_get_stop, NULL },
    { "step", slice_get_step, NULL },
    { NULL, NULL, NULL },
};

kr_type kr_slice_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "slice",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_slice_obj),
    .dealloc = slice_dealloc,
    .repr = slice_repr,
    .hash = slice_hash,
    .richcompare = slice_richcompare,
    .new = slice_type_new,
    .methods = slice_methods,
    .getset = slice_getset,
};

// ---------------------------------------------------------------------------------------------
// range: construction and arithmetic on its int fields

#define RANGE(v) ((kr_range_obj *)(v))

// CPython's compute_range_length: (hi - lo - 1) // step + 1 when the range is not empty.
static kr_val range_length(kr_val start, kr_val stop, kr_val step) {
    int sign = kr_int_sign(step);
    kr_val lo = sign > 0 ? start : stop, hi = sign > 0 ? stop : start;
    if (kr_int_compare(lo, hi) >= 0) {
        return KR_FROM_SMALL(0);
    }
    kr_val diff = kr_sub(hi, lo);
    kr_val d1 = diff ? kr_sub(diff, KR_FROM_SMALL(1)) : 0;
    kr_val astep = d1 ? (sign > 0 ? kr_newref(step) : kr_neg(step)) : 0;
    kr_val q = astep ? kr_floordiv(d1, astep) : 0;
    kr_val r = q ? kr_add(q, KR_FROM_SMALL(1)) : 0;
    KR_XDECREF(diff);
    KR_XDECREF(d1);
    KR_XDECREF(astep);
    KR_XDECREF(q);
    return r;
}

// Takes the references to 'start', 'stop' and 'step' (ints, step != 0).
static kr_val range_make(kr_val start, kr_val stop, kr_val step) {
    kr_val len = range_length(start, stop, step);
    kr_range_obj *r = len ? (kr_range_obj *)kr_obj_new(&kr_range_type, sizeof *r) : NULL;
    if (!r) {
        KR_DECREF(start);
        KR_DECREF(stop);
        KR_DECREF(step);
        KR_XDECREF(len);
        return 0;
    }
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = len;
    return KR_VAL(r);
}

kr_val kr_range_new(kr_val start, kr_val stop, kr_val step) {
    kr_val a = kr_index(start);
    kr_val b = a ? kr_index(stop) : 0;
    kr_val c = b ? kr_index(step) : 0;
    if (!c) {
        KR_XDECREF(a);
        KR_XDECREF(b);
        return 0;
    }
    if (kr_int_sign(c) == 0) {
        KR_DECREF(a);
        KR_DECREF(b);
        KR_DECREF(c);
        return kr_err_set(&kr_exc_ValueError, "range() arg 3 must not be zero");
    }
    return range_make(a, b, c);
}

static kr_val range_type_new(const kr_type *t, const kr_val *args, size_t nargs,
                             kr_val kwnames) {
    (void)t;
    if (kwnames && KR_TUPLE_LEN(kwnames)) {
        return kr_err_set(&kr_exc_TypeError, "range() takes no keyword arguments");
    }
    switch (nargs) {
    case 0:
        return kr_err_set(&kr_exc_TypeError, "range expected at least 1 argument, got 0");
    case 1:
        return kr_range_new(KR_FROM_SMALL(0), args[0], KR_FROM_SMALL(1));
    case 2:
        return kr_range_new(args[0], args[1], KR_FROM_SMALL(1));
    case 3:
        return kr_range_new(args[0], args[1], args[2]);
    default:
        return kr_err_set(&kr_exc_TypeError, "range expected at most 3 arguments, got %zu",
                          nargs);
    }
}

static void range_dealloc(kr_obj *o) {
    kr_range_obj *r = (kr_range_obj *)o;
    KR_DECREF(r->start);
    KR_DECREF(r->stop);
    KR_DECREF(r->step);
    KR_DECREF(r->length);
}

// start + i * step for an int 'i'.
static kr_val range_value_at(kr_val r, kr_val i) {
    kr_val p = kr_mul(i, RANGE(r)->step);
    kr_val v = p ? kr_add(RANGE(r)->start, p) : 0;
    KR_XDECREF(p);
    return v;
}

static intptr_t range_len(kr_val r) {
    int64_t n;
    if (kr_int_as_i64(RANGE(r)->length, &n) < 0) {
        kr_err_clear();
        kr_err_set(&kr_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (intptr_t)n;
}

static int range_is_true(kr_val r) { return kr_int_sign(RANGE(r)->length) != 0; }

// ---------------------------------------------------------------------------------------------
// range: sequence operations

static kr_val range_item(kr_val r, kr_val idx) {
    kr_val i = kr_index(idx);
    if (!i) {
        return 0;
    }
    if (kr_int_sign(i) < 0) {
        KR_SETREF(i, kr_add(i, RANGE(r)->length));
        if (!i) {
            return 0;
        }
    }
    if (kr_int_sign(i) < 0 || kr_int_compare(i, RANGE(r)->length) >= 0) {
        KR_DECREF(i);
        return kr_err_set(&kr_exc_IndexError, "range object index out of range");
    }
    kr_val v = range_value_at(r, i);
    KR_DECREF(i);
    return v;
}

static kr_val range_slice(kr_val r, kr_val slice) {
    intptr_t start, stop, step, len = range_len(r);
    if (len < 0 || kr_slice_unpack(slice, &start, &stop, &step) < 0) {
        return 0;
    }
    kr_slice_adjust(len, &start, &stop, step);
    kr_val a = kr_int_from_i64(start), b = kr_int_from_i64(stop), c = kr_int_from_i64(step);
    kr_val na = a ? range_value_at(r, a) : 0, nb = b ? range_value_at(r, b) : 0;
    kr_val nc = c ? kr_mul(c, RANGE(r)->step) : 0;
    KR_XDECREF(a);
    KR_XDECREF(b);
    KR_XDECREF(c);
    if (!na || !nb || !nc) {
        KR_XDECREF(na);
        KR_XDECREF(nb);
        KR_XDECREF(nc);
        return 0;
    }
    return range_make(na, nb, nc);
}

static kr_val range_subscript(kr_val r, kr_val key) {
    if (kr_slice_check(key)) {
        return range_slice(r, key);
    }
    const kr_number_methods *nm = KR_TYPE(key)->number;
    if (kr_int_check(key) || (nm && nm->index)) {
        return range_item(r, key);
    }
    return kr_err_set(&kr_exc_TypeError, "range indices must be integers or slices, not %s",
                      kr_type_name(key));
}

// 1/0/-1: whether the int 'x' is one of the range's values.
static int range_contains_int(kr_val r, kr_val x) {
    kr_range_obj *o = RANGE(r);
    int sign = kr_int_sign(o->step);
    int c1 = kr_int_compare(x, o->start), c2 = kr_int_compare(x, o->stop);
    if (sign > 0 ? (c1 < 0 || c2 >= 0) : (c1 > 0 || c2 <= 0)) {
        return 0;
    }
    kr_val d = kr_sub(x, o->start);
    kr_val m = d ? kr_mod(d, o->step) : 0;
    KR_XDECREF(d);
    if (!m) {
        return -1;
    }
    int zero = kr_int_sign(m) == 0;
    KR_DECREF(m);
    return zero;
}

static int range_contains(kr_val r, kr_val x) {
    if (KR_IS_SMALL(x) || KR_TYPE(x) == &kr_int_type || KR_TYPE(x) == &kr_bool_type) {
        return range_contains_int(r, x);
    }
    kr_val it = kr_iter(r);
    if (!it) {
        return -1;
    }
    int found = 0;
    for (kr_val v; !found && (v = kr_next(it));) {
        found = kr_eq(v, x);
        KR_DECREF(v);
    }
    KR_DECREF(it);
    return found < 0 || kr_err_occurred() ? -1 : found;
}

static kr_val range_repr(kr_val r) {
    kr_range_obj *o = RANGE(r);
    kr_reprbuf b = { 0 };
    bool unit = o->step == KR_FROM_SMALL(1);
    if (kr_reprbuf_cstr(&b, "range(") < 0 || kr_reprbuf_repr(&b, o->start) < 0
        || kr_reprbuf_cstr(&b, ", ") < 0 || kr_reprbuf_repr(&b, o->stop) < 0
        || (!unit && (kr_reprbuf_cstr(&b, ", ") < 0 || kr_reprbuf_repr(&b, o->step) < 0))
        || kr_reprbuf_cstr(&b, ")") < 0) {
        kr_reprbuf_free(&b);
        return 0;
    }
    return kr_reprbuf_finish(&b);
}

// Ranges are equal when they hold the same values (CPython's range_equals).
static int range_equals(kr_val a, kr_val b) {
    kr_range_obj *x = RANGE(a), *y = RANGE(b);
    if (a == b) {
        return 1;
    }
    if (kr_int_compare(x->length, y->length) != 0) {
        return 0;
    }
    if (kr_int_sign(x->length) == 0) {
        return 1;
    }
    if (kr_int_compare(x->start, y->start) != 0) {
        return 0;
    }
    return x->length == KR_FROM_SMALL(1) || kr_int_compare(x->step, y->step) == 0;
}

static kr_val range_richcompare(kr_val a, kr_val b, int op) {
    if (KR_TYPE(b) != &kr_range_type || (op != KR_EQ && op != KR_NE)) {
        return KR_NOTIMPLEMENTED;
    }
    return kr_bool(range_equals(a, b) == (op == KR_EQ));
}

// CPython's range_hash: hash((len, start, step)), with None for what does not matter.
static intptr_t range_hash(kr_val r) {
    kr_range_obj *o = RANGE(r);
    kr_val t;
    if (kr_int_sign(o->length) == 0) {
        t = kr_tuple_pack(3, o->length, KR_NONE, KR_NONE);
    } else if (o->length == KR_FROM_SMALL(1)) {
        t = kr_tuple_pack(3, o->length, o->start, KR_NONE);
    } else {
        t = kr_tuple_pack(3, o->length, o->start, o->step);
    }
    if (!t) {
        return -1;
    }
    intptr_t h = kr_tuple_hash(t);
    KR_DECREF(t);
    return h;
}

static kr_val range_count(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("range.count", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int in = range_contains(self, args[0]);
    return in < 0 ? 0 : KR_FROM_SMALL(in);
}

static kr_val range_index(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("range.index", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int in = range_contains(self, args[0]);
    if (in < 0) {
        return 0;
    }
    if (in == 0 || !kr_int_check(args[0])) {
        kr_val r = kr_repr(args[0]);
        if (r) {
            kr_err_set(&kr_exc_ValueError, "%s is not in range", kr_str_data(r));
            KR_DECREF(r);
        }
        return 0;
    }
    kr_val d = kr_sub(args[0], RANGE(self)->start);
    kr_val q = d ? kr_floordiv(d, RANGE(self)->step) : 0;
    KR_XDECREF(d);
    return q;
}

static kr_val range_get_start(kr_val r) { return kr_newref(RANGE(r)->start); }
static kr_val range_get_stop(kr_val r) { return kr_newref(RANGE(r)->stop); }
static kr_val range_get_step(kr_val r) { return kr_newref(RANGE(r)->step); }

// ---------------------------------------------------------------------------------------------
// range iterator: machine words when start, step and length fit; ints otherwise.

typedef struct {
    kr_obj ob;
    intptr_t next, step, left;  // word mode
    kr_val bnext, bstep, bleft;  // int mode when bstep != 0
} range_iter;

static kr_val range_iter_make(kr_val start, kr_val step, kr_val len) {
    range_iter *it = (range_iter *)kr_obj_new(&kr_range_iter_type, sizeof *it);
    if (!it) {
        return 0;
    }
    int64_t a, b, n;
    if (kr_int_as_i64(start, &a) == 0 && kr_int_as_i64(step, &b) == 0
        && kr_int_as_i64(len, &n) == 0 && KR_FITS_SMALL(a) && KR_FITS_SMALL(b)
        && KR_FITS_SMALL(a + (n ? n - 1 : 0) * (__int128)b)) {
        it->next = (intptr_t)a;
        it->step = (intptr_t)b;
        it->left = (intptr_t)n;
        return KR_VAL(it);
    }
    kr_err_clear();
    it->bnext = kr_newref(start);
    it->bstep = kr_newref(step);
    it->bleft = kr_newref(len);
    return KR_VAL(it);
}

static kr_val range_iter_next_big(range_iter *it) {
    if (kr_int_sign(it->bleft) <= 0) {
        return 0;
    }
    kr_val v = it->bnext;
    kr_val n = kr_add(v, it->bstep);
    kr_val l = n ? kr_sub(it->bleft, KR_FROM_SMALL(1)) : 0;
    if (!l) {
        KR_XDECREF(n);
        return 0;
    }
    it->bnext = n;
    KR_SETREF(it->bleft, l);
    return v;
}

static kr_val range_iter_next(kr_val v) {
    range_iter *it = (range_iter *)v;
    if (it->bstep) {
        return range_iter_next_big(it);
    }
    if (it->left <= 0) {
        return 0;
    }
    intptr_t x = it->next;
    it->left--;
    it->next += it->left ? it->step : 0;
    return KR_FROM_SMALL(x);
}

static void range_iter_dealloc(kr_obj *o) {
    range_iter *it = (range_iter *)o;
    KR_XDECREF(it->bnext);
    KR_XDECREF(it->bstep);
    KR_XDECREF(it->bleft);
}

static kr_val range_iter_new(kr_val r) {
    return range_iter_make(RANGE(r)->start, RANGE(r)->step, RANGE(r)->length);
}

// reversed(range): from the last value down, with the step negated.
static kr_val range_reversed(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kr_args_check("range.__reversed__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    kr_range_obj *o = RANGE(self);
    kr_val n1 = kr_sub(o->length, KR_FROM_SMALL(1));
    kr_val last = n1 ? range_value_at(self, n1) : 0;
    kr_val step = last ? kr_neg(o->step) : 0;
    kr_val it = step ? range_iter_make(last, step, o->length) : 0;
    KR_XDECREF(n1);
    KR_XDECREF(last);
    KR_XDECREF(step);
    return it;
}

static kr_val self_iter(kr_val v) { return kr_newref(v); }

kr_type kr_range_iter_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "range_iterator",
    .base = &kr_object_type,
    .basicsize = sizeof(range_iter),
    .dealloc = range_iter_dealloc,
    .iter = self_iter,
    .iternext = range_iter_next,
};

static const kr_method_def range_methods[] = {
    { "count", range_count, 0 },
    { "index", range_index, 0 },
    { "__reversed__", range_reversed, 0 },
    { NULL, NULL, 0 },
};

static const kr_getset_def range_getset[] = {
    { "start", range_get_start, NULL },
    { "stop", range_get_stop, NULL },
    { "step", range_get_step, NULL },
    { NULL, NULL, NULL },
};

static const kr_mapping_methods range_mapping = {
    .len = range_len,
    .getitem = range_subscript,
    .contains = range_contains,
};

static const kr_number_methods range_number = { .is_true = range_is_true };

kr_type kr_range_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "range",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_range_obj),
    .dealloc = range_dealloc,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .iter = range_iter_new,
    .new = range_type_new,
    .number = &range_number,
    .mapping = &range_mapping,
    .methods = range_methods,
    .getset = range_getset,
};
