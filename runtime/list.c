// list.c: the list type and its iterators.
//
// A list is a growable array of 8-byte words (layout in kr_containers.h) under one of two
// storage strategies: KR_LIST_VALS (each word a kr_val reference) or KR_LIST_FLOATS (each word
// the bits of a double). An empty list takes KR_LIST_FLOATS when an exact float is stored
// first; storing anything else converts every item to a boxed float (list_to_vals), and the list
// stays KR_LIST_VALS until it is empty again. Operations with a float fast path say so; the
// others convert first. Growth and the error messages follow CPython's listobject.c; sorting is
// in sort.c. While a sort runs 'cap' is -1 and 'items' NULL, so that changes made by comparison
// functions are detected ("list modified during sort").
#include "krait.h"

#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(double) == sizeof(kr_val), "float strategy needs 8-byte words");

// ---------------------------------------------------------------------------------------------
// Storage

static inline kr_val double_word(double d) {
    kr_val w;
    memcpy(&w, &d, sizeof w);
    return w;
}

static inline bool is_exact_float(kr_val v) {
    return KR_IS_PTR(v) && KR_OBJ(v)->type == &kr_float_type;
}

static inline bool is_floats(kr_list_obj *l) { return l->strategy == KR_LIST_FLOATS; }

// Makes room for 'n' items (CPython's over-allocation: n + n/8 + 6, rounded to 4).
static int list_reserve(kr_list_obj *l, intptr_t n) {
    intptr_t cap = l->cap < 0 ? 0 : l->cap;
    if (n <= cap) {
        return 0;
    }
    if (n > (INTPTR_MAX - 6) / (intptr_t)sizeof(kr_val) / 2) {
        kr_err_no_memory();
        return -1;
    }
    intptr_t newcap = (n + (n >> 3) + 6) & ~(intptr_t)3;
    if (n - cap > newcap - n) {
        newcap = (n + 3) & ~(intptr_t)3;
    }
    kr_val *items = l->items ? kr_realloc(l->items, (size_t)newcap * sizeof(kr_val))
                             : kr_alloc((size_t)newcap * sizeof(kr_val));
    if (!items) {
        return -1;
    }
    l->items = items;
    l->cap = newcap;
    return 0;
}

// Boxes every double of a float list: afterwards it is a KR_LIST_VALS list.
static int list_to_vals(kr_list_obj *l) {
    if (!is_floats(l)) {
        return 0;
    }
    intptr_t i = 0;
    for (; i < l->len; i++) {
        kr_val v = kr_float_new(kr_list_float_at(KR_VAL(l), i));
        if (!v) {
            break;
        }
        l->items[i] = v;
    }
    if (i < l->len) {
        // Undo: turn the boxed prefix back into raw doubles.
        for (intptr_t j = 0; j < i; j++) {
            kr_val v = l->items[j];
            l->items[j] = double_word(KR_FLOAT_VALUE(v));
            KR_DECREF(v);
        }
        return -1;
    }
    l->strategy = KR_LIST_VALS;
    return 0;
}

kr_val *kr_list_vals(kr_val list) {
    static kr_val no_items[1];
    if (list_to_vals(KR_LIST(list)) < 0) {
        return NULL;
    }
    return KR_LIST(list)->items ? KR_LIST(list)->items : no_items;
}

// Prepares 'l' to store 'v': an empty list adopts the float strategy for an exact float, a
// float list converts for anything else. Returns whether 'v' is stored as a raw double.
static int list_prepare_store(kr_list_obj *l, kr_val v) {
    bool f = is_exact_float(v);
    if (l->len == 0) {
        l->strategy = f ? KR_LIST_FLOATS : KR_LIST_VALS;
        return f;
    }
    if (is_floats(l) && !f) {
        return list_to_vals(l) < 0 ? -1 : 0;
    }
    return is_floats(l);
}

// A new reference to item 'i' (in range).
static kr_val list_item(kr_list_obj *l, intptr_t i) {
    if (is_floats(l)) {
        return kr_float_new(kr_list_float_at(KR_VAL(l), i));
    }
    return kr_newref(l->items[i]);
}

// The word that stores 'v' under the list's strategy (a new reference for KR_LIST_VALS).
static kr_val store_word(kr_list_obj *l, kr_val v) {
    return is_floats(l) ? double_word(KR_FLOAT_VALUE(v)) : kr_newref(v);
}

// Releases the references held by words[0..n) of a KR_LIST_VALS array.
static void release_words(int strategy, kr_val *words, intptr_t n) {
    if (strategy == KR_LIST_VALS) {
        for (intptr_t i = n - 1; i >= 0; i--) {  // the last first, as CPython
            KR_XDECREF(words[i]);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Construction

static kr_val list_alloc(const kr_type *type, intptr_t cap, int strategy) {
    kr_list_obj *l = (kr_list_obj *)kr_obj_new(type, sizeof(kr_list_obj));
    if (!l) {
        return 0;
    }
    l->strategy = strategy;
    if (cap > 0 && list_reserve(l, cap) < 0) {
        KR_DECREF(KR_VAL(l));
        return 0;
    }
    return KR_VAL(l);
}

kr_val kr_list_new(intptr_t cap) { return list_alloc(&kr_list_type, cap, KR_LIST_VALS); }

kr_val kr_list_new_floats(intptr_t cap) {
    return list_alloc(&kr_list_type, cap, KR_LIST_FLOATS);
}

kr_val kr_list_from_array(const kr_val *items, intptr_t n) {
    bool floats = n > 0;
    for (intptr_t i = 0; i < n && floats; i++) {
        floats = is_exact_float(items[i]);
    }
    kr_val list = list_alloc(&kr_list_type, n, floats ? KR_LIST_FLOATS : KR_LIST_VALS);
    if (!list) {
        return 0;
    }
    kr_list_obj *l = KR_LIST(list);
    for (intptr_t i = 0; i < n; i++) {
        l->items[i] = store_word(l, items[i]);
    }
    l->len = n;
    return list;
}

kr_val kr_list_from_iterable(kr_val iterable) {
    kr_val list = kr_list_new(0);
    if (list && kr_list_extend(list, iterable) < 0) {
        KR_DECREF(list);
        return 0;
    }
    return list;
}

kr_val kr_list_as_tuple(kr_val list) {
    kr_list_obj *l = KR_LIST(list);
    kr_val t = kr_tuple_new(l->len);
    if (!t) {
        return 0;
    }
    for (intptr_t i = 0; i < l->len; i++) {
        kr_val v = list_item(l, i);
        if (!v) {
            KR_DECREF(t);
            return 0;
        }
        KR_TUPLE_ITEMS(t)[i] = v;
    }
    return t;
}

// ---------------------------------------------------------------------------------------------
// Item access and mutation

int kr_list_append(kr_val list, kr_val item) {
    kr_list_obj *l = KR_LIST(list);
    if (l->len >= l->cap && list_reserve(l, l->len + 1) < 0) {
        return -1;
    }
    int f = list_prepare_store(l, item);
    if (f < 0) {
        return -1;
    }
    l->items[l->len++] = f ? double_word(KR_FLOAT_VALUE(item)) : kr_newref(item);
    return 0;
}

int kr_list_append_float(kr_val list, double d) {
    kr_list_obj *l = KR_LIST(list);
    if (l->len == 0 || is_floats(l)) {
        if (l->len >= l->cap && list_reserve(l, l->len + 1) < 0) {
            return -1;
        }
        l->strategy = KR_LIST_FLOATS;
        l->items[l->len++] = double_word(d);
        return 0;
    }
    kr_val v = kr_float_new(d);
    if (!v) {
        return -1;
    }
    int r = kr_list_append(list, v);
    KR_DECREF(v);
    return r;
}

kr_val kr_list_getindex(kr_val list, intptr_t i) {
    kr_list_obj *l = KR_LIST(list);
    if (i < 0) {
        i += l->len;
    }
    if ((uintptr_t)i >= (uintptr_t)l->len) {
        return kr_err_set(&kr_exc_IndexError, "list index out of range");
    }
    return list_item(l, i);
}

int kr_list_setindex(kr_val list, intptr_t i, kr_val item) {
    kr_list_obj *l = KR_LIST(list);
    if (i < 0) {
        i += l->len;
    }
    if ((uintptr_t)i >= (uintptr_t)l->len) {
        kr_err_set(&kr_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    int f = list_prepare_store(l, item);
    if (f < 0) {
        return -1;
    }
    if (f) {
        l->items[i] = double_word(KR_FLOAT_VALUE(item));
        return 0;
    }
    KR_SETREF(l->items[i], kr_newref(item));
    return 0;
}

// The out-of-line halves of the typed indexing in kr_containers.h: the generic subscript, then
// the check the compiler makes where an item enters a typed register.
int kr_list_load_float_slow(kr_val list, kr_val index, double *out) {
    kr_val v = kr_getitem(list, index);
    if (!v) {
        return -1;
    }
    int r = 0;
    if (kr_float_check(v)) {
        *out = KR_FLOAT_VALUE(v);
    } else if (KR_IS_SMALL(v)) {
        *out = (double)KR_SMALL_VALUE(v);
    } else if (kr_int_check(v)) {
        *out = kr_int_as_double(v);
        r = *out == -1.0 && kr_err_occurred() ? -1 : 0;
    } else {
        kr_err_set(&kr_exc_TypeError, "float object expected; got %s", kr_type_name(v));
        r = -1;
    }
    KR_DECREF(v);
    return r;
}

kr_val kr_list_load_int_slow(kr_val list, kr_val index) {
    kr_val v = kr_getitem(list, index);
    if (v && !kr_int_check(v)) {
        kr_err_set(&kr_exc_TypeError, "int object expected; got %s", kr_type_name(v));
        KR_CLEAR(v);
    }
    return v;
}

int kr_list_store_float_slow(kr_val list, kr_val index, double d) {
    kr_val v = kr_float_new(d);
    if (!v) {
        return -1;
    }
    int r = kr_setitem(list, index, v);
    KR_DECREF(v);
    return r;
}

int kr_list_aug_float_slow(kr_val list, kr_val index, kr_binop op, double d) {
    kr_val cur = kr_getitem(list, index);
    kr_val rhs = cur ? kr_float_new(d) : 0;
    kr_val res = rhs ? kr_inplace_op(op, cur, rhs) : 0;
    int r = res ? kr_setitem(list, index, res) : -1;
    KR_XDECREF(cur);
    KR_XDECREF(rhs);
    KR_XDECREF(res);
    return r;
}

void kr_list_release_item(kr_val old) { KR_DECREF(old); }

kr_val kr_list_len_slow(kr_val list) {
    intptr_t n = kr_len(list);
    return n < 0 ? 0 : kr_int_from_i64(n);
}

int kr_list_store_slow(kr_val list, kr_val index, kr_val item) {
    return kr_setitem(list, index, item);
}

int kr_list_insert(kr_val list, intptr_t i, kr_val item) {
    kr_list_obj *l = KR_LIST(list);
    intptr_t n = l->len;
    if (list_reserve(l, n + 1) < 0) {
        return -1;
    }
    int f = list_prepare_store(l, item);
    if (f < 0) {
        return -1;
    }
    if (i < 0 && (i += n) < 0) {
        i = 0;
    }
    if (i > n) {
        i = n;
    }
    memmove(&l->items[i + 1], &l->items[i], (size_t)(n - i) * sizeof(kr_val));
    l->items[i] = f ? double_word(KR_FLOAT_VALUE(item)) : kr_newref(item);
    l->len = n + 1;
    return 0;
}

kr_val kr_list_pop(kr_val list, intptr_t i) {
    kr_list_obj *l = KR_LIST(list);
    if (l->len == 0) {
        return kr_err_set(&kr_exc_IndexError, "pop from empty list");
    }
    if (i < 0) {
        i += l->len;
    }
    if ((uintptr_t)i >= (uintptr_t)l->len) {
        return kr_err_set(&kr_exc_IndexError, "pop index out of range");
    }
    kr_val v;
    if (is_floats(l)) {
        v = kr_float_new(kr_list_float_at(list, i));
        if (!v) {
            return 0;
        }
    } else {
        v = l->items[i];
    }
    memmove(&l->items[i], &l->items[i + 1], (size_t)(l->len - i - 1) * sizeof(kr_val));
    l->len--;
    return v;
}

// Empties 'l' first, then releases the old items, so that code run by the releases sees a
// consistent (empty) list.
void kr_list_clear(kr_val list) {
    kr_list_obj *l = KR_LIST(list);
    kr_val *items = l->items;
    intptr_t n = l->len;
    int strategy = l->strategy;
    l->items = NULL;
    l->len = 0;
    l->cap = l->cap < 0 ? -1 : 0;
    l->strategy = KR_LIST_VALS;
    release_words(strategy, items, n);
    kr_free(items);
}

void kr_list_reverse(kr_val list) {
    kr_list_obj *l = KR_LIST(list);
    for (intptr_t i = 0, j = l->len - 1; i < j; i++, j--) {
        kr_val t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
}

kr_val kr_list_getslice(kr_val list, intptr_t lo, intptr_t hi) {
    kr_list_obj *l = KR_LIST(list);
    kr_val r = list_alloc(&kr_list_type, hi - lo, l->strategy);
    if (!r) {
        return 0;
    }
    if (hi > lo) {
        memcpy(KR_LIST(r)->items, l->items + lo, (size_t)(hi - lo) * sizeof(kr_val));
    }
    KR_LIST(r)->len = hi - lo;
    if (!is_floats(l)) {
        for (intptr_t i = lo; i < hi; i++) {
            KR_INCREF(l->items[i]);
        }
    }
    return r;
}

kr_val kr_list_copy(kr_val list) { return kr_list_getslice(list, 0, KR_LIST(list)->len); }

// Equality of item 'i' with 'v' for searches. A float list compares doubles; a bit-identical
// double counts as the same object (CPython finds `x in [x]` even for a NaN x).
static int item_eq(kr_list_obj *l, intptr_t i, kr_val v) {
    if (!is_floats(l)) {
        kr_val x = kr_newref(l->items[i]);
        int eq = kr_eq(x, v);
        KR_DECREF(x);
        return eq;
    }
    if (is_exact_float(v)) {
        double d = kr_list_float_at(KR_VAL(l), i), e = KR_FLOAT_VALUE(v);
        return d == e || memcmp(&d, &e, sizeof d) == 0;
    }
    kr_val x = list_item(l, i);
    if (!x) {
        return -1;
    }
    int eq = kr_eq(x, v);
    KR_DECREF(x);
    return eq;
}

intptr_t kr_list_index(kr_val list, kr_val item, intptr_t start, intptr_t stop) {
    kr_list_obj *l = KR_LIST(list);
    if (start < 0 && (start += l->len) < 0) {
        start = 0;
    }
    if (stop < 0 && (stop += l->len) < 0) {
        stop = 0;
    }
    for (intptr_t i = start; i < stop && i < l->len; i++) {
        int eq = item_eq(l, i, item);
        if (eq != 0) {
            return eq < 0 ? -1 : i;
        }
    }
    kr_val r = kr_repr(item);
    if (r) {
        kr_err_set(&kr_exc_ValueError, "%s is not in list", kr_str_data(r));
        KR_DECREF(r);
    }
    return -1;
}

intptr_t kr_list_count(kr_val list, kr_val item) {
    kr_list_obj *l = KR_LIST(list);
    intptr_t count = 0;
    for (intptr_t i = 0; i < l->len; i++) {
        int eq = item_eq(l, i, item);
        if (eq < 0) {
            return -1;
        }
        count += eq;
    }
    return count;
}

static int list_contains(kr_val list, kr_val item) {
    kr_list_obj *l = KR_LIST(list);
    for (intptr_t i = 0; i < l->len; i++) {
        int eq = item_eq(l, i, item);
        if (eq != 0) {
            return eq;
        }
    }
    return 0;
}

int kr_list_remove(kr_val list, kr_val item) {
    kr_list_obj *l = KR_LIST(list);
    for (intptr_t i = 0; i < l->len; i++) {
        int eq = item_eq(l, i, item);
        if (eq < 0) {
            return -1;
        }
        if (eq) {
            return kr_list_setslice(list, i, i + 1, 0);
        }
    }
    kr_err_set(&kr_exc_ValueError, "list.remove(x): x not in list");
    return -1;
}

// ---------------------------------------------------------------------------------------------
// extend and slice assignment

// Appends the items of a list or tuple 'src' (which may be 'l' itself).
static int extend_from_array(kr_list_obj *l, kr_val src) {
    bool is_list = kr_list_check(src);
    intptr_t n = is_list ? KR_LIST(src)->len : KR_TUPLE_LEN(src);
    if (n == 0) {
        return 0;
    }
    if (is_list && is_floats(KR_LIST(src)) && (l->len == 0 || is_floats(l))) {
        if (list_reserve(l, l->len + n) < 0) {
            return -1;
        }
        memcpy(l->items + l->len, KR_LIST(src)->items, (size_t)n * sizeof(kr_val));
        l->strategy = KR_LIST_FLOATS;
        l->len += n;
        return 0;
    }
    if (list_to_vals(l) < 0 || list_reserve(l, l->len + n) < 0) {
        return -1;
    }
    const kr_val *items = is_list ? kr_list_vals(src) : KR_TUPLE_ITEMS(src);
    if (!items) {
        return -1;
    }
    if (l->len == 0) {
        l->strategy = KR_LIST_VALS;
    }
    for (intptr_t i = 0; i < n; i++) {
        l->items[l->len + i] = kr_newref(items[i]);
    }
    l->len += n;
    return 0;
}

static int extend_from_iterator(kr_val list, kr_val it) {
    for (;;) {
        kr_val v = kr_next(it);
        if (!v) {
            return kr_err_occurred() ? -1 : 0;
        }
        int r = kr_list_append(list, v);
        KR_DECREF(v);
        if (r < 0) {
            return -1;
        }
    }
}

int kr_list_extend(kr_val list, kr_val iterable) {
    const kr_type *t = KR_TYPE(iterable);
    if (t == &kr_list_type || t == &kr_tuple_type) {
        return extend_from_array(KR_LIST(list), iterable);
    }
    kr_val it = kr_iter(iterable);
    if (!it) {
        return -1;
    }
    int r = extend_from_iterator(list, it);
    KR_DECREF(it);
    return r;
}

// A list or tuple with the items of 'v' (CPython's PySequence_Fast), or 0 with TypeError 'msg'
// when 'v' is not iterable.
static kr_val sequence_fast(kr_val v, const char *msg) {
    if (KR_TYPE(v) == &kr_list_type || KR_TYPE(v) == &kr_tuple_type) {
        return kr_newref(v);
    }
    kr_val it = kr_iter(v);
    if (!it) {
        if (kr_err_matches(&kr_exc_TypeError)) {
            kr_err_clear();
            kr_err_set(&kr_exc_TypeError, "%s", msg);
        }
        return 0;
    }
    kr_val list = kr_list_new(0);
    if (list && extend_from_iterator(list, it) < 0) {
        KR_CLEAR(list);
    }
    KR_DECREF(it);
    return list;
}

// Replaces items [lo, hi) (already clamped) by the 'n' kr_vals of 'src'.
static int replace_range(kr_list_obj *l, intptr_t lo, intptr_t hi, const kr_val *src,
                         intptr_t n) {
    intptr_t old = hi - lo, len = l->len;
    kr_val *removed = NULL;
    if (old > 0) {
        removed = malloc((size_t)old * sizeof(kr_val));
        if (!removed) {
            kr_err_no_memory();
            return -1;
        }
        memcpy(removed, l->items + lo, (size_t)old * sizeof(kr_val));
    }
    if (n > old && list_reserve(l, len + n - old) < 0) {
        free(removed);
        return -1;
    }
    if (len > hi) {
        memmove(l->items + lo + n, l->items + hi, (size_t)(len - hi) * sizeof(kr_val));
    }
    for (intptr_t i = 0; i < n; i++) {
        l->items[lo + i] = kr_newref(src[i]);
    }
    l->len = len + n - old;
    release_words(KR_LIST_VALS, removed, old);
    free(removed);
    return 0;
}

int kr_list_setslice(kr_val list, intptr_t lo, intptr_t hi, kr_val v) {
    kr_list_obj *l = KR_LIST(list);
    kr_val seq = 0;
    if (v) {
        seq = v == list ? kr_list_copy(list) : sequence_fast(v, "can only assign an iterable");
        if (!seq) {
            return -1;
        }
    }
    lo = lo < 0 ? 0 : lo > l->len ? l->len : lo;
    hi = hi < lo ? lo : hi > l->len ? l->len : hi;
    bool seq_list = seq && kr_list_check(seq);
    intptr_t n = !seq ? 0 : seq_list ? KR_LIST(seq)->len : KR_TUPLE_LEN(seq);
    if (n == 0 && (is_floats(l) || hi == lo)) {
        if (hi > lo) {
            memmove(l->items + lo, l->items + hi, (size_t)(l->len - hi) * sizeof(kr_val));
        }
        l->len -= hi - lo;
        KR_XDECREF(seq);
        return 0;
    }
    const kr_val *src = !seq ? NULL : seq_list ? kr_list_vals(seq) : KR_TUPLE_ITEMS(seq);
    int r = (seq && !src) || list_to_vals(l) < 0 ? -1 : replace_range(l, lo, hi, src, n);
    KR_XDECREF(seq);
    return r;
}

// del list[start:stop:step] for a slice of 'n' items.
static int delete_extended(kr_list_obj *l, intptr_t start, intptr_t step, intptr_t n) {
    if (step < 0) {
        start = start + step * (n - 1);
        step = -step;
    }
    kr_val *removed = malloc((size_t)n * sizeof(kr_val));
    if (!removed) {
        kr_err_no_memory();
        return -1;
    }
    intptr_t w = start, k = 0;
    for (intptr_t i = start; i < l->len; i++) {
        if (k < n && i == start + k * step) {
            removed[k++] = l->items[i];
        } else {
            l->items[w++] = l->items[i];
        }
    }
    l->len = w;
    release_words(l->strategy, removed, n);
    free(removed);
    return 0;
}

// list[start:stop:step] = v for a slice of 'n' items.
static int assign_extended(kr_list_obj *l, intptr_t start, intptr_t step, intptr_t n,
                           kr_val v) {
    kr_val seq = v == KR_VAL(l) ? kr_list_copy(v)
                                : sequence_fast(v, "must assign iterable to extended slice");
    if (!seq) {
        return -1;
    }
    bool seq_list = kr_list_check(seq);
    intptr_t m = seq_list ? KR_LIST(seq)->len : KR_TUPLE_LEN(seq);
    if (m != n) {
        KR_DECREF(seq);
        kr_err_set(&kr_exc_ValueError,
                   "attempt to assign sequence of size %td to extended slice of size %td",
                   (ptrdiff_t)m, (ptrdiff_t)n);
        return -1;
    }
    const kr_val *src = seq_list ? kr_list_vals(seq) : KR_TUPLE_ITEMS(seq);
    if (!src || list_to_vals(l) < 0) {
        KR_DECREF(seq);
        return -1;
    }
    for (intptr_t i = 0, j = start; i < n; i++, j += step) {
        KR_SETREF(l->items[j], kr_newref(src[i]));
    }
    KR_DECREF(seq);
    return 0;
}

static int list_ass_slice(kr_val list, kr_val slice, kr_val v) {
    kr_list_obj *l = KR_LIST(list);
    intptr_t start, stop, step;
    if (kr_slice_unpack(slice, &start, &stop, &step) < 0) {
        return -1;
    }
    intptr_t n = kr_slice_adjust(l->len, &start, &stop, step);
    if (step == 1) {
        if (!v || v == list) {
            return kr_list_setslice(list, start, stop, v);
        }
        kr_val seq = sequence_fast(v, "must assign iterable to extended slice");
        int r = seq ? kr_list_setslice(list, start, stop, seq) : -1;
        KR_XDECREF(seq);
        return r;
    }
    if (!v) {
        return n <= 0 ? 0 : delete_extended(l, start, step, n);
    }
    return assign_extended(l, start, step, n, v);
}

// ---------------------------------------------------------------------------------------------
// Slots

static void list_dealloc(kr_obj *o) {
    kr_list_obj *l = (kr_list_obj *)o;
    release_words(l->strategy, l->items, l->len);
    kr_free(l->items);
}

static void list_traverse(kr_obj *o, kr_visitfunc visit, void *arg) {
    kr_list_obj *l = (kr_list_obj *)o;
    if (!is_floats(l)) {
        for (intptr_t i = 0; i < l->len; i++) {
            visit(l->items[i], arg);
        }
    }
}

static kr_val list_repr(kr_val list) {
    kr_list_obj *l = KR_LIST(list);
    if (l->len == 0) {
        return kr_str_from_cstr("[]");
    }
    int status = kr_repr_enter(list);
    if (status != 0) {
        return status < 0 ? 0 : kr_str_from_cstr("[...]");
    }
    kr_reprbuf b = { 0 };
    int ok = kr_reprbuf_cstr(&b, "[");
    for (intptr_t i = 0; ok == 0 && i < l->len; i++) {
        kr_val v = list_item(l, i);
        ok = !v || (i && kr_reprbuf_cstr(&b, ", ") < 0) || kr_reprbuf_repr(&b, v) < 0 ? -1 : 0;
        KR_XDECREF(v);
    }
    kr_repr_leave(list);
    if (ok < 0 || kr_reprbuf_cstr(&b, "]") < 0) {
        kr_reprbuf_free(&b);
        return 0;
    }
    return kr_reprbuf_finish(&b);
}

static kr_val compare_floats(kr_list_obj *a, kr_list_obj *b, int op) {
    intptr_t i = 0;
    for (; i < a->len && i < b->len; i++) {
        if (a->items[i] != b->items[i]
            && kr_list_float_at(KR_VAL(a), i) != kr_list_float_at(KR_VAL(b), i)) {
            break;
        }
    }
    if (i >= a->len || i >= b->len) {
        intptr_t x = a->len, y = b->len;
        bool r[] = { x < y, x <= y, x == y, x != y, x > y, x >= y };
        return kr_bool(r[op]);
    }
    double x = kr_list_float_at(KR_VAL(a), i), y = kr_list_float_at(KR_VAL(b), i);
    bool r[] = { x < y, x <= y, false, true, x > y, x >= y };
    return kr_bool(r[op]);
}

static kr_val list_richcompare(kr_val a, kr_val b, int op) {
    if (!kr_list_check(a) || !kr_list_check(b)) {
        return KR_NOTIMPLEMENTED;
    }
    kr_list_obj *x = KR_LIST(a), *y = KR_LIST(b);
    if (x->len != y->len && (op == KR_EQ || op == KR_NE)) {
        return kr_bool(op == KR_NE);
    }
    if (is_floats(x) && is_floats(y)) {
        return compare_floats(x, y, op);
    }
    if (list_to_vals(x) < 0 || list_to_vals(y) < 0) {
        return 0;
    }
    return kr_seq_richcompare(x->items, x->len, y->items, y->len, op);
}

static intptr_t list_len(kr_val list) { return KR_LIST(list)->len; }

static kr_val list_subscript_slice(kr_val list, kr_val slice) {
    kr_list_obj *l = KR_LIST(list);
    intptr_t start, stop, step;
    if (kr_slice_unpack(slice, &start, &stop, &step) < 0) {
        return 0;
    }
    intptr_t n = kr_slice_adjust(l->len, &start, &stop, step);
    if (step == 1) {
        return kr_list_getslice(list, start, start + n);
    }
    kr_val r = list_alloc(&kr_list_type, n, l->strategy);
    if (!r) {
        return 0;
    }
    for (intptr_t i = 0, j = start; i < n; i++, j += step) {
        KR_LIST(r)->items[i] = is_floats(l) ? l->items[j] : kr_newref(l->items[j]);
    }
    KR_LIST(r)->len = n;
    return r;
}

// An index argument: 1 with '*out' set, 0 when 'key' is no int, -1 on error.
static int subscript_index(kr_val key, intptr_t *out) {
    if (KR_IS_SMALL(key)) {
        *out = KR_SMALL_VALUE(key);
        return 1;
    }
    const kr_number_methods *nm = KR_TYPE(key)->number;
    if (!kr_int_check(key) && !(nm && nm->index)) {
        return 0;
    }
    if (kr_index_as_ssize(key, out) < 0) {
        if (kr_err_matches(&kr_exc_OverflowError)) {
            kr_err_clear();
            kr_err_set(&kr_exc_IndexError, "cannot fit 'int' into an index-sized integer");
        }
        return -1;
    }
    return 1;
}

static kr_val list_subscript(kr_val list, kr_val key) {
    if (KR_IS_SMALL(key)) {
        return kr_list_getindex(list, KR_SMALL_VALUE(key));
    }
    if (kr_slice_check(key)) {
        return list_subscript_slice(list, key);
    }
    intptr_t i;
    int r = subscript_index(key, &i);
    if (r > 0) {
        return kr_list_getindex(list, i);
    }
    return r < 0 ? 0
                 : kr_err_set(&kr_exc_TypeError, "list indices must be integers or slices, not %s",
                              kr_type_name(key));
}

static int list_delindex(kr_val list, intptr_t i) {
    kr_list_obj *l = KR_LIST(list);
    if (i < 0) {
        i += l->len;
    }
    if ((uintptr_t)i >= (uintptr_t)l->len) {
        kr_err_set(&kr_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    return kr_list_setslice(list, i, i + 1, 0);
}

// list[key] = v, or del list[key] when 'v' is 0.
static int list_ass_subscript(kr_val list, kr_val key, kr_val v) {
    if (kr_slice_check(key)) {
        return list_ass_slice(list, key, v);
    }
    intptr_t i;
    int r = subscript_index(key, &i);
    if (r > 0) {
        return v ? kr_list_setindex(list, i, v) : list_delindex(list, i);
    }
    if (r == 0) {
        kr_err_set(&kr_exc_TypeError, "list indices must be integers or slices, not %s",
                   kr_type_name(key));
    }
    return -1;
}

static int list_delitem(kr_val list, kr_val key) { return list_ass_subscript(list, key, 0); }

static kr_val list_concat(kr_val a, kr_val b) {
    if (!kr_list_check(a)) {
        return KR_NOTIMPLEMENTED;
    }
    if (!kr_list_check(b)) {
        if (KR_TYPE(b)->flags & KR_TF_HEAPTYPE) {
            return KR_NOTIMPLEMENTED;
        }
        return kr_err_set(&kr_exc_TypeError, "can only concatenate list (not \"%s\") to list",
                          kr_type_name(b));
    }
    kr_val r = kr_list_new(KR_LIST(a)->len + KR_LIST(b)->len);
    if (r && (extend_from_array(KR_LIST(r), a) < 0 || extend_from_array(KR_LIST(r), b) < 0)) {
        KR_CLEAR(r);
    }
    return r;
}

// Repeats the items of 'l' until it holds 'n' copies ('l' holds one).
static int repeat_in_place(kr_list_obj *l, intptr_t n) {
    intptr_t len = l->len;
    if (n <= 0 || len == 0) {
        kr_list_clear(KR_VAL(l));
        return 0;
    }
    if (n > INTPTR_MAX / (intptr_t)sizeof(kr_val) / len) {
        kr_err_no_memory();
        return -1;
    }
    if (list_reserve(l, len * n) < 0) {
        return -1;
    }
    for (intptr_t k = 1; k < n; k++) {
        memcpy(l->items + k * len, l->items, (size_t)len * sizeof(kr_val));
    }
    if (!is_floats(l)) {
        for (intptr_t i = len; i < len * n; i++) {
            KR_INCREF(l->items[i]);
        }
    }
    l->len = len * n;
    return 0;
}

static kr_val list_repeat(kr_val a, kr_val b) {
    kr_val list = kr_list_check(a) ? a : b, other = list == a ? b : a;
    intptr_t n;
    int ok = kr_seq_repeat_count(other, &n);
    if (ok <= 0) {
        return ok < 0 ? 0 : kr_seq_cannot_repeat(other);
    }
    kr_val r = kr_list_copy(list);
    if (r && repeat_in_place(KR_LIST(r), n) < 0) {
        KR_CLEAR(r);
    }
    return r;
}

static kr_val list_inplace_concat(kr_val a, kr_val b) {
    if (!kr_list_check(a)) {
        return KR_NOTIMPLEMENTED;
    }
    return kr_list_extend(a, b) < 0 ? 0 : kr_newref(a);
}

static kr_val list_inplace_repeat(kr_val a, kr_val b) {
    if (!kr_list_check(a)) {
        return KR_NOTIMPLEMENTED;
    }
    intptr_t n;
    int ok = kr_seq_repeat_count(b, &n);
    if (ok <= 0) {
        return ok < 0 ? 0 : kr_seq_cannot_repeat(b);
    }
    return repeat_in_place(KR_LIST(a), n) < 0 ? 0 : kr_newref(a);
}

// ---------------------------------------------------------------------------------------------
// Methods

static kr_val none_or_error(int status) { return status < 0 ? 0 : KR_NONE; }

static kr_val m_append(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("list.append", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return none_or_error(kr_list_append(self, args[0]));
}

static kr_val m_extend(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("list.extend", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return none_or_error(kr_list_extend(self, args[0]));
}

static kr_val m_insert(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    intptr_t i;
    if (kr_args_check("insert", nargs, kwnames, 2, 2) < 0 || kr_index_as_ssize(args[0], &i) < 0) {
        return 0;
    }
    return none_or_error(kr_list_insert(self, i, args[1]));
}

static kr_val m_remove(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("list.remove", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return none_or_error(kr_list_remove(self, args[0]));
}

static kr_val m_pop(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    intptr_t i = -1;
    if (kr_args_check("pop", nargs, kwnames, 0, 1) < 0
        || (nargs && kr_index_as_ssize(args[0], &i) < 0)) {
        return 0;
    }
    return kr_list_pop(self, i);
}

static kr_val m_clear(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kr_args_check("list.clear", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    kr_list_clear(self);
    return KR_NONE;
}

static kr_val m_index(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    intptr_t start = 0, stop = INTPTR_MAX;
    if (kr_args_check("index", nargs, kwnames, 1, 3) < 0
        || (nargs > 1 && kr_index_arg(args[1], &start) < 0)
        || (nargs > 2 && kr_index_arg(args[2], &stop) < 0)) {
        return 0;
    }
    intptr_t i = kr_list_index(self, args[0], start, stop);
    return i < 0 ? 0 : KR_FROM_SMALL(i);
}

static kr_val m_count(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("list.count", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    intptr_t n = kr_list_count(self, args[0]);
    return n < 0 ? 0 : KR_FROM_SMALL(n);
}

static kr_val m_reverse(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kr_args_check("list.reverse", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    kr_list_reverse(self);
    return KR_NONE;
}

static kr_val m_copy(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kr_args_check("list.copy", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return kr_list_copy(self);
}

// Finds keyword 'name' among the keyword arguments; 0 when absent.
static kr_val keyword_arg(const kr_val *args, size_t nargs, kr_val kwnames, const char *name) {
    for (intptr_t i = 0; kwnames && i < KR_TUPLE_LEN(kwnames); i++) {
        if (strcmp(kr_str_data(KR_TUPLE_ITEMS(kwnames)[i]), name) == 0) {
            return args[nargs + (size_t)i];
        }
    }
    return 0;
}

int kr_sort_args(const char *fname, const kr_val *args, size_t nargs, kr_val kwnames,
                 kr_val *key, bool *reverse) {
    for (intptr_t i = 0; kwnames && i < KR_TUPLE_LEN(kwnames); i++) {
        const char *k = kr_str_data(KR_TUPLE_ITEMS(kwnames)[i]);
        if (strcmp(k, "key") != 0 && strcmp(k, "reverse") != 0) {
            kr_err_set(&kr_exc_TypeError, "%s() got an unexpected keyword argument '%s'",
                       fname, k);
            return -1;
        }
    }
    *key = keyword_arg(args, nargs, kwnames, "key");
    kr_val rev = keyword_arg(args, nargs, kwnames, "reverse");
    int r = rev ? kr_is_true(rev) : 0;
    *reverse = r > 0;
    return r < 0 ? -1 : 0;
}

static kr_val m_sort(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (nargs) {
        return kr_err_set(&kr_exc_TypeError, "sort() takes no positional arguments");
    }
    kr_val key;
    bool reverse;
    if (kr_sort_args("sort", args, nargs, kwnames, &key, &reverse) < 0) {
        return 0;
    }
    return none_or_error(kr_list_sort(self, key, reverse));
}

static kr_val m_reversed(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames);

static kr_val list_type_new(const kr_type *type, const kr_val *args, size_t nargs,
                            kr_val kwnames) {
    if (kwnames && KR_TUPLE_LEN(kwnames)) {
        return kr_err_set(&kr_exc_TypeError, "list() takes no keyword arguments");
    }
    if (nargs > 1) {
        return kr_err_set(&kr_exc_TypeError, "list expected at most 1 argument, got %zu", nargs);
    }
    kr_val list = list_alloc(type, 0, KR_LIST_VALS);
    if (list && nargs && kr_list_extend(list, args[0]) < 0) {
        KR_CLEAR(list);
    }
    return list;
}

// ---------------------------------------------------------------------------------------------
// Iterators: forward, and reversed (list.__reversed__). Both re-check the length on each step,
// as CPython's do, so that a list shrinking under an iterator ends it.

typedef struct {
    kr_obj ob;
    intptr_t index;
    kr_val list;  // 0 once exhausted
} list_iter;

static kr_val list_iter_make(const kr_type *type, kr_val list, intptr_t start) {
    list_iter *it = (list_iter *)kr_obj_new(type, sizeof *it);
    if (!it) {
        return 0;
    }
    it->list = kr_newref(list);
    it->index = start;
    return KR_VAL(it);
}

static kr_val list_iter_new(kr_val list) { return list_iter_make(&kr_list_iter_type, list, 0); }

static kr_val list_iter_next(kr_val v) {
    list_iter *it = (list_iter *)v;
    if (!it->list) {
        return 0;
    }
    if (it->index < KR_LIST(it->list)->len) {
        return list_item(KR_LIST(it->list), it->index++);
    }
    KR_CLEAR(it->list);
    return 0;
}

static kr_val list_reviter_next(kr_val v) {
    list_iter *it = (list_iter *)v;
    if (!it->list) {
        return 0;
    }
    if (it->index >= 0 && it->index < KR_LIST(it->list)->len) {
        return list_item(KR_LIST(it->list), it->index--);
    }
    KR_CLEAR(it->list);
    return 0;
}

static kr_val m_reversed(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kr_args_check("list.__reversed__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return list_iter_make(&kr_list_reviter_type, self, KR_LIST(self)->len - 1);
}

static void list_iter_dealloc(kr_obj *o) { KR_XDECREF(((list_iter *)o)->list); }

static kr_val self_iter(kr_val v) { return kr_newref(v); }

kr_type kr_list_iter_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "list_iterator",
    .base = &kr_object_type,
    .basicsize = sizeof(list_iter),
    .dealloc = list_iter_dealloc,
    .iter = self_iter,
    .iternext = list_iter_next,
};

kr_type kr_list_reviter_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "list_reverseiterator",
    .base = &kr_object_type,
    .basicsize = sizeof(list_iter),
    .dealloc = list_iter_dealloc,
    .iter = self_iter,
    .iternext = list_reviter_next,
};

// ---------------------------------------------------------------------------------------------
// Type

static const kr_method_def list_methods[] = {
    { "append", m_append, 0 },   { "extend", m_extend, 0 },
    { "insert", m_insert, 0 },   { "remove", m_remove, 0 },
    { "pop", m_pop, 0 },         { "clear", m_clear, 0 },
    { "index", m_index, 0 },     { "count", m_count, 0 },
    { "sort", m_sort, 0 },       { "reverse", m_reverse, 0 },
    { "copy", m_copy, 0 },       { "__reversed__", m_reversed, 0 },
    { NULL, NULL, 0 },
};

static const kr_mapping_methods list_mapping = {
    .len = list_len,
    .getitem = list_subscript,
    .setitem = list_ass_subscript,
    .delitem = list_delitem,
    .contains = list_contains,
};

static const kr_number_methods list_number = {
    .binop = { [KR_OP_ADD] = list_concat, [KR_OP_MUL] = list_repeat },
    .inplace = { [KR_OP_ADD] = list_inplace_concat, [KR_OP_MUL] = list_inplace_repeat },
};

kr_type kr_list_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "list",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_list_obj),
    .flags = KR_TF_LIST_SUB | KR_TF_BASETYPE,
    .dealloc = list_dealloc,
    .traverse = list_traverse,
    .repr = list_repr,
    .hash = kr_hash_unhashable,
    .richcompare = list_richcompare,
    .iter = list_iter_new,
    .new = list_type_new,
    .number = &list_number,
    .mapping = &list_mapping,
    .methods = list_methods,
};
