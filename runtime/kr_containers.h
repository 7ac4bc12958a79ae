// kr_containers.h: list, tuple, dict, set/frozenset, range, slice and iterators (list.c, sort.c,
// tuple.c, dict.c, set.c, range.c, iter.c). The tuple layout and its core constructors are in
// krait.h. Same conventions as krait.h: kr_val results are new references or 0 with a pending
// exception, statuses are 0 / -1, arguments are borrowed unless a comment says otherwise.
#ifndef KR_CONTAINERS_H
#define KR_CONTAINERS_H

// ---------------------------------------------------------------------------------------------
// Shared by the container modules (iter.c)

// Checks a builtin method's arguments: no keywords and min <= nargs <= max, with CPython's
// messages ('fname' as CPython names the function in them: "list.append", "pop").
KR_MUST_CHECK int kr_args_check(const char *fname, size_t nargs, kr_val kwnames, size_t min,
                                size_t max);
// A growable UTF-8 buffer for building reprs. Zero-initialize; kr_reprbuf_finish makes the str
// and frees the buffer, kr_reprbuf_free only frees it.
typedef struct kr_reprbuf {
    char *data;
    size_t len, cap;
} kr_reprbuf;
KR_MUST_CHECK int kr_reprbuf_puts(kr_reprbuf *b, const char *s, size_t n);
KR_MUST_CHECK int kr_reprbuf_cstr(kr_reprbuf *b, const char *s);
KR_MUST_CHECK int kr_reprbuf_repr(kr_reprbuf *b, kr_val v);  // appends repr(v)
KR_MUST_CHECK kr_val kr_reprbuf_finish(kr_reprbuf *b);
void kr_reprbuf_free(kr_reprbuf *b);
// repr of 'n' values between 'open' and 'close', joined by ", " (list, tuple, set reprs).
KR_MUST_CHECK kr_val kr_seq_repr(const kr_val *items, intptr_t n, const char *open,
                                 const char *close);
// Lexicographic comparison of two sequences (tuple.c): the first items that differ decide,
// else the lengths. A new bool, or 0 with an exception.
KR_MUST_CHECK kr_val kr_seq_richcompare(const kr_val *a, intptr_t na, const kr_val *b,
                                        intptr_t nb, int op);
// The count of `seq * n` (tuple.c): 1 with '*out' set when 'n' is an int or has __index__
// (negative counts are kept; callers treat them as 0), 0 when it is not, -1 on error.
KR_MUST_CHECK int kr_seq_repeat_count(kr_val n, intptr_t *out);
// `seq * x` with a non-int 'x': TypeError "can't multiply sequence by non-int of type 'x'",
// or NotImplemented when x's type is a user class that may still handle it.
KR_MUST_CHECK kr_val kr_seq_cannot_repeat(kr_val other);
// A start/stop argument of index() (tuple.c): an int clamped to the intptr_t range.
KR_MUST_CHECK int kr_index_arg(kr_val v, intptr_t *out);

// ---------------------------------------------------------------------------------------------
// tuple (tuple.c); layout and kr_tuple_new / kr_tuple_pack in krait.h

// New tuple holding new references to items[0..n).
KR_MUST_CHECK kr_val kr_tuple_from_array(const kr_val *items, intptr_t n);
// tuple(iterable); returns 'v' itself when it is an exact tuple.
KR_MUST_CHECK kr_val kr_tuple_from_iterable(kr_val v);
// t[lo:hi] with 0 <= lo <= hi <= len.
KR_MUST_CHECK kr_val kr_tuple_getslice(kr_val t, intptr_t lo, intptr_t hi);
// t[i] for any int 'i' (negative counts from the end); IndexError "tuple index out of range".
KR_MUST_CHECK kr_val kr_tuple_getindex(kr_val t, intptr_t i);
KR_MUST_CHECK kr_val kr_tuple_concat(kr_val a, kr_val b);  // both tuples
KR_MUST_CHECK kr_val kr_tuple_repeat(kr_val t, intptr_t n);
intptr_t kr_tuple_hash(kr_val t);  // CPython's xxHash-based tuplehash; -1 on error

// ---------------------------------------------------------------------------------------------
// list (list.c, sort.c)
//
// A list has a storage strategy (as PyPy's lists do). KR_LIST_VALS stores kr_val references;
// KR_LIST_FLOATS stores the bit patterns of raw doubles (kr_list_float_at decodes one) for a
// list that has only held exact floats since it was last empty. Storing anything else converts
// the list to KR_LIST_VALS for good (until it is empty again). Both use the same 8-byte word
// array, so switching never reallocates. Code outside list.c and sort.c reads items through
// the functions below, or through kr_list_vals, which converts to KR_LIST_VALS first.

enum { KR_LIST_VALS = 0, KR_LIST_FLOATS = 1 };

typedef struct kr_list_obj {
    kr_obj ob;
    intptr_t len;
    intptr_t cap;  // allocated items; -1 while a sort runs (so that changes are detected)
    int strategy;  // KR_LIST_VALS or KR_LIST_FLOATS
    kr_val *items;
} kr_list_obj;

extern kr_type kr_list_type;
extern kr_type kr_list_iter_type;
extern kr_type kr_list_reviter_type;

#define KR_LIST(v) ((kr_list_obj *)(v))
#define KR_LIST_LEN(v) (KR_LIST(v)->len)
static inline bool kr_list_check(kr_val v) {
    return KR_IS_PTR(v) && (KR_OBJ(v)->type->flags & KR_TF_LIST_SUB);
}
// Item 'i' (in range) of a KR_LIST_FLOATS list.
static inline double kr_list_float_at(kr_val list, intptr_t i) {
    double d;
    __builtin_memcpy(&d, &KR_LIST(list)->items[i], sizeof d);
    return d;
}


// Typed indexing for compiled code: list[i] and list[i] = v where the compiler knows 'list' is
// a list (maybe a subclass) and 'index' an int. The inline part handles an exact list, a small
// index in range (negative counts from the end) and an item of the expected kind; everything
// else (subclasses, which may override __getitem__, big or out-of-range indices, an item of
// another type, a store that changes the strategy) goes to the out-of-line part, which does
// exactly what the generic subscript plus the compiler's unboxing check would do.
KR_MUST_CHECK int kr_list_load_float_slow(kr_val list, kr_val index, double *out);
KR_MUST_CHECK kr_val kr_list_load_int_slow(kr_val list, kr_val index);
KR_MUST_CHECK int kr_list_store_float_slow(kr_val list, kr_val index, double d);
KR_MUST_CHECK int kr_list_store_slow(kr_val list, kr_val index, kr_val item);

// The slot of item 'index' of an exact list, or NULL when the fast path does not apply.
KR_INLINE_HOT kr_val *kr_list_fast_slot(kr_val list, kr_val index) {
    if (KR_LIKELY(KR_IS_SMALL(index) && KR_OBJ(list)->type == &kr_list_type)) {
        kr_list_obj *l = KR_LIST(list);
        intptr_t i = KR_SMALL_VALUE(index);
        if (i < 0) {
            i += l->len;
        }
        if (KR_LIKELY((uintptr_t)i < (uintptr_t)l->len)) {
            return &l->items[i];
        }
    }
    return 0;
}
// list[index] of a list[float] as a double into '*out': 0, or -1 with an exception (IndexError,
// TypeError "float object expected; got str" for an item that is no float or int...).
KR_INLINE_HOT KR_MUST_CHECK int kr_list_load_float(kr_val list, kr_val index, double *out) {
    kr_val *slot = kr_list_fast_slot(list, index);
    if (KR_LIKELY(slot != 0)) {
        if (KR_LIKELY(KR_LIST(list)->strategy == KR_LIST_FLOATS)) {
            __builtin_memcpy(out, slot, sizeof *out);
            return 0;
        }
        kr_val v = *slot;
        if (KR_IS_PTR(v) && KR_OBJ(v)->type == &kr_float_type) {
            *out = KR_FLOAT_VALUE(v);
            return 0;
        }
    }
    return kr_list_load_float_slow(list, index, out);
}
// list[index] of a list[int]: a new reference to an int, or 0 with an exception (TypeError
// "int object expected; got str" for an item that is no int).
KR_INLINE_HOT KR_MUST_CHECK kr_val kr_list_load_int(kr_val list, kr_val index) {
    kr_val *slot = kr_list_fast_slot(list, index);
    if (KR_LIKELY(slot != 0 && KR_LIST(list)->strategy == KR_LIST_VALS && KR_IS_SMALL(*slot))) {
        return *slot;
    }
    return kr_list_load_int_slow(list, index);
}
// list[index] = d: 0, or -1 with an exception. A float list keeps its raw doubles.
KR_INLINE_HOT KR_MUST_CHECK int kr_list_store_float(kr_val list, kr_val index, double d) {
    kr_val *slot = kr_list_fast_slot(list, index);
    if (KR_LIKELY(slot != 0 && KR_LIST(list)->strategy == KR_LIST_FLOATS)) {
        __builtin_memcpy(slot, &d, sizeof d);
        return 0;
    }
    return kr_list_store_float_slow(list, index, d);
}
// Releases an item replaced by kr_list_store_int (any object: a list[int] may hold others).
void kr_list_release_item(kr_val old);
// list[index] = item (borrowed) for an int 'item': small ints need no reference counts.
KR_INLINE_HOT KR_MUST_CHECK int kr_list_store_int(kr_val list, kr_val index, kr_val item) {
    kr_val *slot = kr_list_fast_slot(list, index);
    if (KR_LIKELY(slot != 0 && KR_LIST(list)->strategy == KR_LIST_VALS)) {
        kr_val old = *slot;
        if (KR_UNLIKELY(!KR_IS_SMALL(item))) {
            kr_incref(item);
        }
        *slot = item;
        if (KR_UNLIKELY(!KR_IS_SMALL(old))) {
            kr_list_release_item(old);
        }
        return 0;
    }
    return kr_list_store_slow(list, index, item);
}
// list[index] = item (borrowed) for an item that is no exact float (an int, a str...).
KR_INLINE_HOT KR_MUST_CHECK int kr_list_store(kr_val list, kr_val index, kr_val item) {
    kr_val *slot = kr_list_fast_slot(list, index);
    if (KR_LIKELY(slot != 0 && KR_LIST(list)->strategy == KR_LIST_VALS)) {
        kr_val old = *slot;
        *slot = kr_newref(item);
        KR_DECREF(old);
        return 0;
    }
    return kr_list_store_slow(list, index, item);
}

// len(list) of a value the compiler knows is a list, as an int (0 with an exception).
KR_MUST_CHECK kr_val kr_list_len_slow(kr_val list);
KR_INLINE_HOT KR_MUST_CHECK kr_val kr_list_len_int(kr_val list) {
    if (KR_LIKELY(KR_OBJ(list)->type == &kr_list_type)) {
        return KR_FROM_SMALL(KR_LIST(list)->len);
    }
    return kr_list_len_slow(list);
}
// Whether 'list' is an exact list holding raw doubles: then every item is an exact float.
static inline bool kr_list_is_floats(kr_val list) {
    return KR_OBJ(list)->type == &kr_list_type && KR_LIST(list)->strategy == KR_LIST_FLOATS;
}
// list[index] op= d for op KR_OP_ADD, SUB, MUL or TRUEDIV and a float 'd': on the raw double of
// a float list in place; otherwise (an item that may be an int, a subclass...) exactly as the
// generic `list[index] = list[index] op d` with 'd' boxed. 0, or -1 with an exception.
KR_MUST_CHECK int kr_list_aug_float_slow(kr_val list, kr_val index, kr_binop op, double d);
KR_INLINE_HOT KR_MUST_CHECK int kr_list_aug_float(kr_val list, kr_val index, kr_binop op,
                                                 double d) {
    kr_val *slot = kr_list_fast_slot(list, index);
    if (KR_LIKELY(slot != 0 && KR_LIST(list)->strategy == KR_LIST_FLOATS
                  && (op != KR_OP_TRUEDIV || d != 0.0))) {
        double v;
        __builtin_memcpy(&v, slot, sizeof v);
        v = op == KR_OP_ADD ? v + d : op == KR_OP_SUB ? v - d : op == KR_OP_MUL ? v * d : v / d;
        __builtin_memcpy(slot, &v, sizeof v);
        return 0;
    }
    return kr_list_aug_float_slow(list, index, op, d);
}

// Empty list with room for 'cap' items, in KR_LIST_VALS (kr_list_new) or KR_LIST_FLOATS.
KR_MUST_CHECK kr_val kr_list_new(intptr_t cap);
KR_MUST_CHECK kr_val kr_list_new_floats(intptr_t cap);
// List of new references to items[0..n).
KR_MUST_CHECK kr_val kr_list_from_array(const kr_val *items, intptr_t n);
// list(iterable).
KR_MUST_CHECK kr_val kr_list_from_iterable(kr_val iterable);
// The items as kr_vals, converting a float list to KR_LIST_VALS first. NULL + MemoryError.
KR_MUST_CHECK kr_val *kr_list_vals(kr_val list);
KR_MUST_CHECK int kr_list_append(kr_val list, kr_val item);
KR_MUST_CHECK int kr_list_append_float(kr_val list, double d);
// list[i] (negative counts from the end), IndexError "list index out of range".
KR_MUST_CHECK kr_val kr_list_getindex(kr_val list, intptr_t i);
KR_MUST_CHECK int kr_list_setindex(kr_val list, intptr_t i, kr_val item);
KR_MUST_CHECK int kr_list_insert(kr_val list, intptr_t i, kr_val item);
KR_MUST_CHECK int kr_list_extend(kr_val list, kr_val iterable);
KR_MUST_CHECK kr_val kr_list_pop(kr_val list, intptr_t i);
KR_MUST_CHECK int kr_list_remove(kr_val list, kr_val item);
// list.index(item, start, stop); the index, or -1 with ValueError.
KR_MUST_CHECK intptr_t kr_list_index(kr_val list, kr_val item, intptr_t start, intptr_t stop);
KR_MUST_CHECK intptr_t kr_list_count(kr_val list, kr_val item);
void kr_list_clear(kr_val list);
void kr_list_reverse(kr_val list);
KR_MUST_CHECK kr_val kr_list_copy(kr_val list);
// list[lo:hi] with 0 <= lo <= hi <= len.
KR_MUST_CHECK kr_val kr_list_getslice(kr_val list, intptr_t lo, intptr_t hi);
// list[lo:hi] = iterable ('v' 0 deletes), lo/hi clamped as CPython does.
KR_MUST_CHECK int kr_list_setslice(kr_val list, intptr_t lo, intptr_t hi, kr_val v);
KR_MUST_CHECK kr_val kr_list_as_tuple(kr_val list);
// list.sort(key=key, reverse=reverse); 'key' 0 or None for no key. CPython's TimSort (sort.c).
KR_MUST_CHECK int kr_list_sort(kr_val list, kr_val key, bool reverse);
// sorted(iterable, key=key, reverse=reverse).
KR_MUST_CHECK kr_val kr_sorted(kr_val iterable, kr_val key, bool reverse);
// Reads the keyword arguments key= and reverse= of sort() / sorted() ('fname') from a vector
// call's keywords; '*key' is 0 when absent.
KR_MUST_CHECK int kr_sort_args(const char *fname, const kr_val *args, size_t nargs,
                               kr_val kwnames, kr_val *key, bool *reverse);

// ---------------------------------------------------------------------------------------------
// dict (dict.c)
//
// CPython 3.13's compact dict: 'keys' holds an index table of 2**log2_size slots (1, 2, 4 or 8
// bytes each, by table size) followed by an entries array in insertion order. An index slot
// is KR_DKIX_EMPTY, KR_DKIX_DUMMY (deleted) or an entry number. Deleting clears the entry in
// place; iteration walks the entries, so order is insertion order with deleted keys removed.

typedef struct kr_dict_entry {
    intptr_t hash;
    kr_val key;    // 0 for a deleted entry
    kr_val value;  // 0 for a deleted entry
} kr_dict_entry;

typedef struct kr_dict_table {
    uint8_t log2_size;
    uint8_t log2_index_bytes;
    intptr_t usable;    // entries that can still be added before a resize
    intptr_t nentries;  // entries used (deleted ones included)
    char indices[];     // (1 << log2_index_bytes) bytes, then (2/3 size) kr_dict_entry
} kr_dict_table;

typedef struct kr_dict_obj {
    kr_obj ob;
    intptr_t used;  // live items
    kr_dict_table *keys;
} kr_dict_obj;

extern kr_type kr_dict_type;
extern kr_type kr_dict_keys_type, kr_dict_values_type, kr_dict_items_type;
extern kr_type kr_dict_keyiter_type, kr_dict_valueiter_type, kr_dict_itemiter_type;

#define KR_DICT(v) ((kr_dict_obj *)(v))
static inline bool kr_dict_check(kr_val v) {
    return KR_IS_PTR(v) && (KR_OBJ(v)->type->flags & KR_TF_DICT_SUB);
}
static inline intptr_t kr_dict_len(kr_val d) { return KR_DICT(d)->used; }

KR_MUST_CHECK kr_val kr_dict_new(void);
// Empty dict sized for 'n' items without resizing.
KR_MUST_CHECK kr_val kr_dict_new_presized(intptr_t n);
// d[key], or 0 with KeyError(key).
KR_MUST_CHECK kr_val kr_dict_getitem(kr_val d, kr_val key);
// d.get(key): a BORROWED reference, or 0 (no exception) when absent, or 0 with an exception.
KR_MUST_CHECK kr_val kr_dict_lookup(kr_val d, kr_val key);
KR_MUST_CHECK int kr_dict_setitem(kr_val d, kr_val key, kr_val value);
// del d[key]; KeyError(key) when absent.
KR_MUST_CHECK int kr_dict_delitem(kr_val d, kr_val key);
KR_MUST_CHECK int kr_dict_contains(kr_val d, kr_val key);
// d.get(key, dflt) and d.setdefault(key, dflt): new references.
KR_MUST_CHECK kr_val kr_dict_get(kr_val d, kr_val key, kr_val dflt);
KR_MUST_CHECK kr_val kr_dict_setdefault(kr_val d, kr_val key, kr_val dflt);
// d.pop(key[, dflt]) ('dflt' 0 when absent: KeyError).
KR_MUST_CHECK kr_val kr_dict_pop(kr_val d, kr_val key, kr_val dflt);
KR_MUST_CHECK kr_val kr_dict_popitem(kr_val d);
void kr_dict_clear(kr_val d);
KR_MUST_CHECK kr_val kr_dict_copy(kr_val d);
// d.update(other): a mapping (dict or anything with keys()) or an iterable of pairs.
KR_MUST_CHECK int kr_dict_update(kr_val d, kr_val other);
// dict.update(*args, **kwargs) as dict() and dict.__init__ take them.
KR_MUST_CHECK int kr_dict_update_args(kr_val d, const kr_val *args, size_t nargs,
                                      kr_val kwnames);
// Iteration: '*pos' starts at 0; yields borrowed key/value (either pointer may be NULL).
bool kr_dict_next(kr_val d, intptr_t *pos, kr_val *key, kr_val *value);
KR_MUST_CHECK kr_val kr_dict_keys(kr_val d);    // view objects
KR_MUST_CHECK kr_val kr_dict_values(kr_val d);
KR_MUST_CHECK kr_val kr_dict_items(kr_val d);

// ---------------------------------------------------------------------------------------------
// set and frozenset (set.c)
//
// CPython's open-addressing table: 'table' has mask+1 entries (8 inline in 'small'). A slot is
// unused (key 0), a dummy (key kr_set_dummy, hash -1: deleted) or active. 'fill' counts active
// plus dummy slots, 'used' active ones. Same probing and resize policy as setobject.c, so that
// iteration order (table order) matches CPython's.

#define KR_SET_MINSIZE 8

typedef struct kr_set_entry {
    kr_val key;
    intptr_t hash;
} kr_set_entry;

typedef struct kr_set_obj {
    kr_obj ob;
    intptr_t fill, used, mask;
    kr_set_entry *table;
    intptr_t hash;    // frozenset's cached hash, -1 until computed
    intptr_t finger;  // where pop() looks next
    kr_set_entry small[KR_SET_MINSIZE];
} kr_set_obj;

extern kr_type kr_set_type, kr_frozenset_type, kr_set_iter_type;

#define KR_SET(v) ((kr_set_obj *)(v))
static inline bool kr_anyset_check(kr_val v) {
    return KR_IS_PTR(v) && (kr_type_is_subtype(KR_OBJ(v)->type, &kr_set_type)
                            || kr_type_is_subtype(KR_OBJ(v)->type, &kr_frozenset_type));
}
static inline intptr_t kr_set_len(kr_val s) { return KR_SET(s)->used; }

// set(iterable) / frozenset(iterable); 'iterable' 0 for an empty one.
KR_MUST_CHECK kr_val kr_set_new(kr_val iterable);
KR_MUST_CHECK kr_val kr_frozenset_new(kr_val iterable);
KR_MUST_CHECK int kr_set_add(kr_val s, kr_val key);
KR_MUST_CHECK int kr_set_contains(kr_val s, kr_val key);
// 1 when removed, 0 when absent.
KR_MUST_CHECK int kr_set_discard(kr_val s, kr_val key);
KR_MUST_CHECK int kr_set_remove(kr_val s, kr_val key);  // KeyError when absent
KR_MUST_CHECK kr_val kr_set_pop(kr_val s);
KR_MUST_CHECK int kr_set_update(kr_val s, kr_val iterable);
void kr_set_clear(kr_val s);
// Iteration in table order: '*pos' starts at 0; yields a borrowed key.
bool kr_set_next(kr_val s, intptr_t *pos, kr_val *key);

// ---------------------------------------------------------------------------------------------
// range and slice (range.c)

typedef struct kr_range_obj {
    kr_obj ob;
    kr_val start, stop, step, length;  // ints (small or big)
} kr_range_obj;

typedef struct kr_slice_obj {
    kr_obj ob;
    kr_val start, stop, step;  // None when omitted
} kr_slice_obj;

extern kr_type kr_range_type, kr_range_iter_type, kr_slice_type;

#define KR_SLICE(v) ((kr_slice_obj *)(v))
static inline bool kr_slice_check(kr_val v) {
    return KR_IS_PTR(v) && KR_OBJ(v)->type == &kr_slice_type;
}

// range(start, stop, step); ValueError "range() arg 3 must not be zero".
KR_MUST_CHECK kr_val kr_range_new(kr_val start, kr_val stop, kr_val step);
// slice(start, stop, step); 0 means None.
KR_MUST_CHECK kr_val kr_slice_new(kr_val start, kr_val stop, kr_val step);
// CPython's PySlice_Unpack: indices clamped to the intptr_t range, step != 0.
KR_MUST_CHECK int kr_slice_unpack(kr_val slice, intptr_t *start, intptr_t *stop,
                                  intptr_t *step);
// CPython's PySlice_AdjustIndices: clamps to 'len', returns the slice length.
intptr_t kr_slice_adjust(intptr_t len, intptr_t *start, intptr_t *stop, intptr_t step);

// ---------------------------------------------------------------------------------------------
// Iterators (iter.c)

extern kr_type kr_enumerate_type, kr_zip_type, kr_map_type, kr_filter_type, kr_reversed_type;
extern kr_type kr_seq_iter_type, kr_tuple_iter_type;

// enumerate(iterable, start); 'start' an int.
KR_MUST_CHECK kr_val kr_enumerate_new(kr_val iterable, kr_val start);
// zip(*iterables, strict=strict).
KR_MUST_CHECK kr_val kr_zip_new(const kr_val *iterables, intptr_t n, bool strict);
// map(func, *iterables) with n >= 1 iterables.
KR_MUST_CHECK kr_val kr_map_new(kr_val func, const kr_val *iterables, intptr_t n);
// filter(func, iterable); 'func' None keeps the true items.
KR_MUST_CHECK kr_val kr_filter_new(kr_val func, kr_val iterable);
// reversed(seq): __reversed__ of the builtin types, else len() and indexing.
KR_MUST_CHECK kr_val kr_reversed_new(kr_val seq);
// An iterator over a sequence by indexing from 0 until IndexError (iter() of such objects).
KR_MUST_CHECK kr_val kr_seq_iter_new(kr_val seq);

#endif
