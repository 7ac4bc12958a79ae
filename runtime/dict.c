// dict.c: the dict type, its views and iterators.
//
// The table is CPython 3.13's compact dict (layout in kr_containers.h): an index table probed
// with CPython's perturbation scheme (i = (i*5 + perturb + 1) & mask, perturb >>= 5) and an
// entries array in insertion order. A table holds at most 2/3 of its size in entries; when full
// it is rebuilt with room for used*3 items (GROWTH_RATE), dropping deleted entries. popitem()
// takes the last entry. Iteration walks the entries and fails with RuntimeError when the dict
// changes size underneath. An empty dict has no table (keys NULL).
#include "krait.h"

#include <stdlib.h>
#include <string.h>

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define LOG_MINSIZE 3
#define PERTURB_SHIFT 5
#define USABLE_FRACTION(n) (((n) << 1) / 3)

// ---------------------------------------------------------------------------------------------
// Hashing and key equality

// hash(v), inlining CPython's int hash for small ints (x mod 2**61 - 1, -1 becomes -2).
static inline intptr_t hash_of(kr_val v) {
    if (KR_IS_SMALL(v)) {
        intptr_t x = KR_SMALL_VALUE(v);
        const intptr_t modulus = ((intptr_t)1 << 61) - 1;
        if (x > -modulus && x < modulus) {
            return x == -1 ? -2 : x;
        }
        return kr_int_hash(v);
    }
    if (KR_OBJ(v)->type == &kr_str_type && KR_STR(v)->hash != -1) {
        return KR_STR(v)->hash;
    }
    return kr_hash(v);
}

// Equality of a stored key with a looked-up key of the same hash: 1/0/-1.
static inline int keys_equal(kr_val stored, kr_val key) {
    if (stored == key) {
        return 1;
    }
    if (KR_IS_SMALL(stored & key)) {
        return 0;
    }
    if (KR_IS_PTR(stored) && KR_IS_PTR(key) && KR_OBJ(stored)->type == &kr_str_type
        && KR_OBJ(key)->type == &kr_str_type) {
        return kr_str_nbytes(stored) == kr_str_nbytes(key)
               && memcmp(kr_str_data(stored), kr_str_data(key), (size_t)kr_str_nbytes(key)) == 0;
    }
    kr_incref(stored);
    int eq = kr_eq(stored, key);
    kr_decref(stored);
    return eq;
}

// ---------------------------------------------------------------------------------------------
// Key tables

static inline intptr_t dk_size(const kr_dict_table *k) { return (intptr_t)1 << k->log2_size; }

static inline kr_dict_entry *dk_entries(kr_dict_table *k) {
    return (kr_dict_entry *)(k->indices + ((size_t)1 << k->log2_index_bytes));
}

static inline intptr_t dk_get_index(const kr_dict_table *k, size_t i) {
    switch (k->log2_index_bytes - k->log2_size) {
    case 0: return ((const int8_t *)k->indices)[i];
    case 1: return ((const int16_t *)k->indices)[i];
    case 2: return ((const int32_t *)k->indices)[i];
    default: return ((const int64_t *)k->indices)[i];
    }
}

static inline void dk_set_index(kr_dict_table *k, size_t i, intptr_t ix) {
    switch (k->log2_index_bytes - k->log2_size) {
    case 0: ((int8_t *)k->indices)[i] = (int8_t)ix; break;
    case 1: ((int16_t *)k->indices)[i] = (int16_t)ix; break;
    case 2: ((int32_t *)k->indices)[i] = (int32_t)ix; break;
    default: ((int64_t *)k->indices)[i] = ix; break;
    }
}

static kr_dict_table *new_keys(uint8_t log2_size) {
    uint8_t log2_bytes = log2_size < 8    ? log2_size
                         : log2_size < 16 ? (uint8_t)(log2_size + 1)
                         : log2_size < 32 ? (uint8_t)(log2_size + 2)
                                          : (uint8_t)(log2_size + 3);
    intptr_t usable = USABLE_FRACTION((intptr_t)1 << log2_size);
    size_t size = sizeof(kr_dict_table) + ((size_t)1 << log2_bytes)
                  + (size_t)usable * sizeof(kr_dict_entry);
    kr_dict_table *k = kr_alloc(size);
    if (!k) {
        return NULL;
    }
    k->log2_size = log2_size;
    k->log2_index_bytes = log2_bytes;
    k->usable = usable;
    k->nentries = 0;
    memset(k->indices, 0xff, (size_t)1 << log2_bytes);  // all DKIX_EMPTY
    return k;
}

// The first slot whose index is not an entry (empty or dummy), probing from 'hash'.
static size_t find_empty_slot(const kr_dict_table *k, intptr_t hash) {
    size_t mask = (size_t)dk_size(k) - 1;
    size_t i = (size_t)hash & mask;
    for (size_t perturb = (size_t)hash; dk_get_index(k, i) >= 0;) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

// Looks 'key' up: its entry index (and index slot in '*slot'), DKIX_EMPTY, or DKIX_ERROR.
// A comparison that changes the dict restarts the search, as in CPython.
static intptr_t lookup(kr_dict_obj *d, kr_val key, intptr_t hash, size_t *slot) {
restart:;
    kr_dict_table *k = d->keys;
    if (!k) {
        return DKIX_EMPTY;
    }
    size_t mask = (size_t)dk_size(k) - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        intptr_t ix = dk_get_index(k, i);
        if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        if (ix >= 0) {
            kr_dict_entry *e = &dk_entries(k)[ix];
            if (e->key == key) {
                *slot = i;
                return ix;
            }
            if (e->hash == hash) {
                kr_val startkey = e->key;
                int eq = keys_equal(startkey, key);
                if (eq < 0) {
                    return DKIX_ERROR;
                }
                if (d->keys != k || e->key != startkey) {
                    goto restart;
                }
                if (eq) {
                    *slot = i;
                    return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// CPython's calculate_log2_keysize: the smallest table (>= 8) with room for 'minsize'.
static uint8_t log2_keysize(intptr_t minsize) {
    minsize = (minsize | 8) - 1;
    uint8_t n = 0;
    for (uintptr_t m = (uintptr_t)(minsize | 7); m; m >>= 1) {
        n++;
    }
    return n;
}

// Rebuilds the table with 2**log2_size slots, keeping the live entries in order.
static int dict_resize(kr_dict_obj *d, uint8_t log2_size) {
    kr_dict_table *old = d->keys, *k = new_keys(log2_size);
    if (!k) {
        return -1;
    }
    kr_dict_entry *dst = dk_entries(k);
    intptr_t n = 0;
    if (old) {
        kr_dict_entry *src = dk_entries(old);
        for (intptr_t i = 0; i < old->nentries; i++) {
            if (src[i].value) {
                dst[n] = src[i];
                dk_set_index(k, find_empty_slot(k, src[i].hash), n);
                n++;
            }
        }
    }
    k->nentries = n;
    k->usable -= n;
    d->keys = k;
    kr_free(old);
    return 0;
}

// Adds a new entry (the key is known to be absent); takes the references to key and value.
static int insert_new(kr_dict_obj *d, kr_val key, intptr_t hash, kr_val value) {
    if ((!d->keys || d->keys->usable <= 0) && dict_resize(d, log2_keysize(d->used * 3)) < 0) {
        KR_DECREF(key);
        KR_DECREF(value);
        return -1;
    }
    kr_dict_table *k = d->keys;
    size_t slot = find_empty_slot(k, hash);
    kr_dict_entry *e = &dk_entries(k)[k->nentries];
    e->hash = hash;
    e->key = key;
    e->value = value;
    dk_set_index(k, slot, k->nentries);
    k->nentries++;
    k->usable--;
    d->used++;
    return 0;
}

// d[key] = value with a known hash.
static int insert(kr_dict_obj *d, kr_val key, intptr_t hash, kr_val value) {
    size_t slot;
    intptr_t ix = lookup(d, key, hash, &slot);
    if (ix == DKIX_ERROR) {
        return -1;
    }
    if (ix >= 0) {
        KR_SETREF(dk_entries(d->keys)[ix].value, kr_newref(value));
        return 0;
    }
    return insert_new(d, kr_newref(key), hash, kr_newref(value));
}

// Removes entry 'ix' found at index slot 'slot'.
static void delete_entry(kr_dict_obj *d, size_t slot, intptr_t ix) {
    kr_dict_entry *e = &dk_entries(d->keys)[ix];
    kr_val key = e->key, value = e->value;
    dk_set_index(d->keys, slot, DKIX_DUMMY);
    e->key = 0;
    e->value = 0;
    d->used--;
    KR_DECREF(key);
    KR_DECREF(value);
}

// ---------------------------------------------------------------------------------------------
// Public operations

kr_val kr_dict_new(void) {
    kr_obj *o = kr_obj_new(&kr_dict_type, sizeof(kr_dict_obj));
    return o ? KR_VAL(o) : 0;
}

kr_val kr_dict_new_presized(intptr_t n) {
    kr_val d = kr_dict_new();
    if (d && n > USABLE_FRACTION(8) && dict_resize(KR_DICT(d), log2_keysize((n * 3 + 1) / 2)) < 0) {
        KR_CLEAR(d);
    }
    return d;
}

kr_val kr_dict_lookup(kr_val d, kr_val key) {
    intptr_t hash = hash_of(key);
    if (hash == -1) {
        return 0;
    }
    size_t slot;
    intptr_t ix = lookup(KR_DICT(d), key, hash, &slot);
    return ix >= 0 ? dk_entries(KR_DICT(d)->keys)[ix].value : 0;
}

kr_val kr_dict_getitem(kr_val d, kr_val key) {
    kr_val v = kr_dict_lookup(d, key);
    if (v) {
        return kr_newref(v);
    }
    return kr_err_occurred() ? 0 : kr_err_set_value(&kr_exc_KeyError, key);
}

int kr_dict_setitem(kr_val d, kr_val key, kr_val value) {
    intptr_t hash = hash_of(key);
    return hash == -1 ? -1 : insert(KR_DICT(d), key, hash, value);
}

int kr_dict_delitem(kr_val d, kr_val key) {
    intptr_t hash = hash_of(key);
    if (hash == -1) {
        return -1;
    }
    size_t slot;
    intptr_t ix = lookup(KR_DICT(d), key, hash, &slot);
    if (ix < 0) {
        if (ix == DKIX_EMPTY) {
            kr_err_set_value(&kr_exc_KeyError, key);
        }
        return -1;
    }
    delete_entry(KR_DICT(d), slot, ix);
    return 0;
}

int kr_dict_contains(kr_val d, kr_val key) {
    kr_val v = kr_dict_lookup(d, key);
    return v ? 1 : kr_err_occurred() ? -1 : 0;
}

kr_val kr_dict_get(kr_val d, kr_val key, kr_val dflt) {
    kr_val v = kr_dict_lookup(d, key);
    if (v) {
        return kr_newref(v);
    }
    return kr_err_occurred() ? 0 : kr_newref(dflt);
}

kr_val kr_dict_setdefault(kr_val d, kr_val key, kr_val dflt) {
    intptr_t hash = hash_of(key);
    if (hash == -1) {
        return 0;
    }
    size_t slot;
    intptr_t ix = lookup(KR_DICT(d), key, hash, &slot);
    if (ix >= 0) {
        return kr_newref(dk_entries(KR_DICT(d)->keys)[ix].value);
    }
    if (ix == DKIX_ERROR || insert_new(KR_DICT(d), kr_newref(key), hash, kr_newref(dflt)) < 0) {
        return 0;
    }
    return kr_newref(dflt);
}

kr_val kr_dict_pop(kr_val d, kr_val key, kr_val dflt) {
    kr_dict_obj *o = KR_DICT(d);
    if (o->used == 0) {
        return dflt ? kr_newref(dflt) : kr_err_set_value(&kr_exc_KeyError, key);
    }
    intptr_t hash = hash_of(key);
    if (hash == -1) {
        return 0;
    }
    size_t slot;
    intptr_t ix = lookup(o, key, hash, &slot);
    if (ix < 0) {
        if (ix == DKIX_ERROR) {
            return 0;
        }
        return dflt ? kr_newref(dflt) : kr_err_set_value(&kr_exc_KeyError, key);
    }
    kr_val v = kr_newref(dk_entries(o->keys)[ix].value);
    delete_entry(o, slot, ix);
    return v;
}

kr_val kr_dict_popitem(kr_val d) {
    kr_dict_obj *o = KR_DICT(d);
    if (o->used == 0) {
        return kr_err_set(&kr_exc_KeyError, "popitem(): dictionary is empty");
    }
    kr_dict_table *k = o->keys;
    kr_dict_entry *ep = dk_entries(k);
    intptr_t i = k->nentries - 1;
    while (i >= 0 && !ep[i].value) {
        i--;
    }
    kr_val t = kr_tuple_new(2);
    if (!t) {
        return 0;
    }
    size_t mask = (size_t)dk_size(k) - 1, j = (size_t)ep[i].hash & mask;
    for (size_t perturb = (size_t)ep[i].hash; dk_get_index(k, j) != i;) {
        perturb >>= PERTURB_SHIFT;
        j = (j * 5 + perturb + 1) & mask;
    }
    dk_set_index(k, j, DKIX_DUMMY);
    KR_TUPLE_ITEMS(t)[0] = ep[i].key;
    KR_TUPLE_ITEMS(t)[1] = ep[i].value;
    ep[i].key = ep[i].value = 0;
    k->nentries = i;
    o->used--;
    return t;
}

void kr_dict_clear(kr_val d) {
    kr_dict_obj *o = KR_DICT(d);
    kr_dict_table *k = o->keys;
    o->keys = NULL;
    o->used = 0;
    if (!k) {
        return;
    }
    kr_dict_entry *ep = dk_entries(k);
    for (intptr_t i = 0; i < k->nentries; i++) {
        if (ep[i].value) {
            KR_DECREF(ep[i].key);
            KR_DECREF(ep[i].value);
        }
    }
    kr_free(k);
}

bool kr_dict_next(kr_val d, intptr_t *pos, kr_val *key, kr_val *value) {
    kr_dict_table *k = KR_DICT(d)->keys;
    if (!k) {
        return false;
    }
    kr_dict_entry *ep = dk_entries(k);
    intptr_t i = *pos;
    while (i < k->nentries && !ep[i].value) {
        i++;
    }
    if (i >= k->nentries) {
        return false;
    }
    *pos = i + 1;
    if (key) {
        *key = ep[i].key;
    }
    if (value) {
        *value = ep[i].value;
    }
    return true;
}

// Adds every item of the dict 'src' to 'd' (d[k] = v for each, in src's order).
static int merge_dict(kr_val d, kr_val src) {
    kr_dict_obj *o = KR_DICT(d);
    if (src == d || KR_DICT(src)->used == 0) {
        return 0;
    }
    intptr_t need = o->used + KR_DICT(src)->used;
    if (o->keys && USABLE_FRACTION(dk_size(o->keys)) < need
        && dict_resize(o, log2_keysize((need * 3 + 1) / 2)) < 0) {
        return -1;
    }
    intptr_t pos = 0;
    kr_val key, value;
    while (kr_dict_next(src, &pos, &key, &value)) {
        intptr_t hash = dk_entries(KR_DICT(src)->keys)[pos - 1].hash;
        KR_INCREF(key);
        KR_INCREF(value);
        int r = insert(o, key, hash, value);
        KR_DECREF(key);
        KR_DECREF(value);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

kr_val kr_dict_copy(kr_val d) {
    kr_val r = kr_dict_new_presized(KR_DICT(d)->used);
    if (r && merge_dict(r, d) < 0) {
        KR_CLEAR(r);
    }
    return r;
}

// d.update(mapping) for a non-dict with keys(): d[k] = m[k] for k in m.keys().
static int merge_mapping(kr_val d, kr_val m) {
    kr_val keys = kr_getattr_cstr(m, "keys");
    kr_val ks = keys ? kr_call(keys, NULL, 0, 0) : 0;
    kr_val it = ks ? kr_iter(ks) : 0;
    KR_XDECREF(keys);
    KR_XDECREF(ks);
    if (!it) {
        return -1;
    }
    int r = 0;
    for (kr_val k; r == 0 && (k = kr_next(it));) {
        kr_val v = kr_getitem(m, k);
        r = v ? kr_dict_setitem(d, k, v) : -1;
        KR_XDECREF(v);
        KR_DECREF(k);
    }
    KR_DECREF(it);
    return r < 0 || kr_err_occurred() ? -1 : 0;
}

// One element of an iterable of pairs: d[k] = v from a 2-item iterable 'item' (number 'i').
static int merge_pair(kr_val d, kr_val item, intptr_t i) {
    kr_val it = kr_iter(item);
    if (!it) {
        if (kr_err_matches(&kr_exc_TypeError)) {
            kr_err_clear();
            kr_err_set(&kr_exc_TypeError,
                       "cannot convert dictionary update sequence element #%td to a sequence",
                       (ptrdiff_t)i);
        }
        return -1;
    }
    KR_DECREF(it);
    kr_val seq = kr_list_from_iterable(item);
    if (!seq) {
        return -1;
    }
    int r = -1;
    if (KR_LIST_LEN(seq) != 2) {
        kr_err_set(&kr_exc_ValueError,
                   "dictionary update sequence element #%td has length %td; 2 is required",
                   (ptrdiff_t)i, (ptrdiff_t)KR_LIST_LEN(seq));
    } else {
        kr_val *kv = kr_list_vals(seq);
        r = kv ? kr_dict_setitem(d, kv[0], kv[1]) : -1;
    }
    KR_DECREF(seq);
    return r;
}

static int merge_pairs(kr_val d, kr_val iterable) {
    kr_val it = kr_iter(iterable);
    if (!it) {
        return -1;
    }
    int r = 0;
    intptr_t i = 0;
    for (kr_val item; r == 0 && (item = kr_next(it)); i++) {
        r = merge_pair(d, item, i);
        KR_DECREF(item);
    }
    KR_DECREF(it);
    return r < 0 || kr_err_occurred() ? -1 : 0;
}

// Whether 'v' has a keys attribute (CPython's test for a mapping in dict.update). 1/0/-1.
static int has_keys(kr_val v) {
    if (kr_type_find_method(KR_TYPE(v), "keys")) {
        return 1;
    }
    if (!(KR_TYPE(v)->flags & KR_TF_HEAPTYPE)) {
        return 0;
    }
    kr_val k = kr_getattr_cstr(v, "keys");
    if (k) {
        KR_DECREF(k);
        return 1;
    }
    if (kr_err_matches(&kr_exc_AttributeError)) {
        kr_err_clear();
        return 0;
    }
    return -1;
}

int kr_dict_update(kr_val d, kr_val other) {
    if (kr_dict_check(other)) {
        return merge_dict(d, other);
    }
    int m = has_keys(other);
    return m < 0 ? -1 : m ? merge_mapping(d, other) : merge_pairs(d, other);
}

// ---------------------------------------------------------------------------------------------
// Slots

static void dict_dealloc(kr_obj *o) { kr_dict_clear(KR_VAL(o)); }

static void dict_traverse(kr_obj *o, kr_visitfunc visit, void *arg) {
    intptr_t pos = 0;
    kr_val k, v;
    while (kr_dict_next(KR_VAL(o), &pos, &k, &v)) {
        visit(k, arg);
        visit(v, arg);
    }
}

// Appends "key: value" to 'b', holding references while the reprs run.
static int repr_item(kr_reprbuf *b, kr_val k, kr_val v, bool first) {
    KR_INCREF(k);
    KR_INCREF(v);
    int r = (!first && kr_reprbuf_cstr(b, ", ") < 0) || kr_reprbuf_repr(b, k) < 0
                    || kr_reprbuf_cstr(b, ": ") < 0 || kr_reprbuf_repr(b, v) < 0
                ? -1
                : 0;
    KR_DECREF(k);
    KR_DECREF(v);
    return r;
}

static kr_val dict_repr(kr_val d) {
    if (KR_DICT(d)->used == 0) {
        return kr_str_from_cstr("{}");
    }
    int status = kr_repr_enter(d);
    if (status != 0) {
        return status < 0 ? 0 : kr_str_from_cstr("{...}");
    }
    kr_reprbuf b = { 0 };
    int ok = kr_reprbuf_cstr(&b, "{");
    intptr_t pos = 0;
    kr_val k, v;
    for (bool first = true; ok == 0 && kr_dict_next(d, &pos, &k, &v); first = false) {
        ok = repr_item(&b, k, v, first);
    }
    kr_repr_leave(d);
    if (ok < 0 || kr_reprbuf_cstr(&b, "}") < 0) {
        kr_reprbuf_free(&b);
        return 0;
    }
    return kr_reprbuf_finish(&b);
}

// CPython's dict_equal: same size, and every key of 'a' maps to an equal value in 'b'.
static int dict_equal(kr_val a, kr_val b) {
    if (KR_DICT(a)->used != KR_DICT(b)->used) {
        return 0;
    }
    intptr_t pos = 0;
    kr_val k, av;
    while (kr_dict_next(a, &pos, &k, &av)) {
        intptr_t hash = dk_entries(KR_DICT(a)->keys)[pos - 1].hash;
        KR_INCREF(k);
        KR_INCREF(av);
        size_t slot;
        intptr_t ix = lookup(KR_DICT(b), k, hash, &slot);
        int eq = ix == DKIX_ERROR ? -1 : ix < 0 ? 0 : 1;
        if (eq > 0) {
            kr_val bv = kr_newref(dk_entries(KR_DICT(b)->keys)[ix].value);
            eq = kr_eq(av, bv);
            KR_DECREF(bv);
        }
        KR_DECREF(k);
        KR_DECREF(av);
        if (eq <= 0) {
            return eq;
        }
    }
    return 1;
}

static kr_val dict_richcompare(kr_val a, kr_val b, int op) {
    if (!kr_dict_check(a) || !kr_dict_check(b) || (op != KR_EQ && op != KR_NE)) {
        return KR_NOTIMPLEMENTED;
    }
    int eq = dict_equal(a, b);
    return eq < 0 ? 0 : kr_bool((eq == 1) == (op == KR_EQ));
}

static intptr_t dict_len(kr_val d) { return KR_DICT(d)->used; }

static int dict_ass_sub(kr_val d, kr_val key, kr_val v) {
    return v ? kr_dict_setitem(d, key, v) : kr_dict_delitem(d, key);
}

static int dict_delitem(kr_val d, kr_val key) { return kr_dict_delitem(d, key); }

static kr_val dict_or(kr_val a, kr_val b) {
    if (!kr_dict_check(a) || !kr_dict_check(b)) {
        return KR_NOTIMPLEMENTED;
    }
    kr_val r = kr_dict_copy(a);
    if (r && merge_dict(r, b) < 0) {
        KR_CLEAR(r);
    }
    return r;
}

static kr_val dict_ior(kr_val a, kr_val b) {
    return kr_dict_update(a, b) < 0 ? 0 : kr_newref(a);
}

// ---------------------------------------------------------------------------------------------
// Methods

static kr_val m_get(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("get", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    return kr_dict_get(self, args[0], nargs > 1 ? args[1] : KR_NONE);
}

static kr_val m_setdefault(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("setdefault", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    return kr_dict_setdefault(self, args[0], nargs > 1 ? args[1] : KR_NONE);
}

static kr_val m_pop(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("pop", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    return kr_dict_pop(self, args[0], nargs > 1 ? args[1] : 0);
}

static kr_val m_popitem(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kr_args_check("dict.popitem", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return kr_dict_popitem(self);
}

// update(other=(), /, **kwargs), shared with dict(...).
static int update_args(kr_val d, const char *fname, const kr_val *args, size_t nargs,
                       kr_val kwnames) {
    if (nargs > 1) {
        kr_err_set(&kr_exc_TypeError, "%s expected at most 1 argument, got %zu", fname, nargs);
        return -1;
    }
    if (nargs && kr_dict_update(d, args[0]) < 0) {
        return -1;
    }
    for (intptr_t i = 0; kwnames && i < KR_TUPLE_LEN(kwnames); i++) {
        if (kr_dict_setitem(d, KR_TUPLE_ITEMS(kwnames)[i], args[nargs + (size_t)i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static kr_val m_update(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return update_args(self, "update", args, nargs, kwnames) < 0 ? 0 : KR_NONE;
}

static kr_val m_clear(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kr_args_check("dict.clear", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    kr_dict_clear(self);
    return KR_NONE;
}

static kr_val m_copy(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kr_args_check("dict.copy", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return kr_dict_copy(self);
}

static kr_val m_keys(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    return kr_args_check("dict.keys", nargs, kwnames, 0, 0) < 0 ? 0 : kr_dict_keys(self);
}

static kr_val m_values(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    return kr_args_check("dict.values", nargs, kwnames, 0, 0) < 0 ? 0 : kr_dict_values(self);
}

static kr_val m_items(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    return kr_args_check("dict.items", nargs, kwnames, 0, 0) < 0 ? 0 : kr_dict_items(self);
}

// dict.fromkeys(iterable, value=None) (a classmethod: 'self' is the type).
static kr_val m_fromkeys(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("fromkeys", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    // A subclass (or any class calling it) gets cls() filled through cls's __setitem__.
    bool exact = !self || self == KR_VAL(&kr_dict_type);
    kr_val value = nargs > 1 ? args[1] : KR_NONE;
    kr_val d = exact ? kr_dict_new() : kr_call(self, NULL, 0, 0);
    kr_val it = d ? kr_iter(args[0]) : 0;
    if (!it) {
        KR_XDECREF(d);
        return 0;
    }
    int r = 0;
    for (kr_val k; r == 0 && (k = kr_next(it));) {
        r = exact ? kr_dict_setitem(d, k, value) : kr_setitem(d, k, value);
        KR_DECREF(k);
    }
    KR_DECREF(it);
    if (r < 0 || kr_err_occurred()) {
        KR_DECREF(d);
        return 0;
    }
    return d;
}

static kr_val dict_iter_make(const kr_type *type, kr_val d, bool reverse);

static kr_val m_reversed(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kr_args_check("dict.__reversed__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return dict_iter_make(&kr_dict_keyiter_type, self, true);
}

int kr_dict_update_args(kr_val d, const kr_val *args, size_t nargs, kr_val kwnames) {
    return update_args(d, "dict", args, nargs, kwnames);
}

static kr_val dict_type_new(const kr_type *type, const kr_val *args, size_t nargs,
                            kr_val kwnames) {
    kr_obj *o = kr_obj_new(type, sizeof(kr_dict_obj));
    if (!o) {
        return 0;
    }
    if (update_args(KR_VAL(o), "dict", args, nargs, kwnames) < 0) {
        KR_DECREF(KR_VAL(o));
        return 0;
    }
    return KR_VAL(o);
}

// ---------------------------------------------------------------------------------------------
// Iterators over keys, values or items (by type), forwards or backwards.

typedef struct {
    kr_obj ob;
    kr_val dict;  // 0 once exhausted
    intptr_t used;  // the dict's size when the iterator was made
    intptr_t pos;   // next entry (forwards) or entry to look at (backwards)
    intptr_t len;   // items left
    bool reverse;
} dict_iter;

static kr_val dict_iter_make(const kr_type *type, kr_val d, bool reverse) {
    dict_iter *it = (dict_iter *)kr_obj_new(type, sizeof *it);
    if (!it) {
        return 0;
    }
    it->dict = kr_newref(d);
    it->used = KR_DICT(d)->used;
    it->len = it->used;
    it->reverse = reverse;
    it->pos = reverse && KR_DICT(d)->keys ? KR_DICT(d)->keys->nentries - 1 : 0;
    return KR_VAL(it);
}

// The next live entry, or NULL at the end or on error (RuntimeError when the dict changed).
static kr_dict_entry *dict_iter_entry(dict_iter *it) {
    if (!it->dict) {
        return NULL;
    }
    kr_dict_obj *d = KR_DICT(it->dict);
    if (it->used != d->used) {
        kr_err_set(&kr_exc_RuntimeError, "dictionary changed size during iteration");
        it->used = -1;
        return NULL;
    }
    kr_dict_entry *ep = d->keys ? dk_entries(d->keys) : NULL;
    intptr_t n = d->keys ? d->keys->nentries : 0, i = it->pos;
    if (it->reverse) {
        while (i >= 0 && i < n && !ep[i].value) {
            i--;
        }
    } else {
        while (i < n && !ep[i].value) {
            i++;
        }
    }
    if (i < 0 || i >= n) {
        KR_CLEAR(it->dict);
        return NULL;
    }
    if (it->len == 0) {
        kr_err_set(&kr_exc_RuntimeError, "dictionary keys changed during iteration");
        KR_CLEAR(it->dict);
        return NULL;
    }
    it->pos = it->reverse ? i - 1 : i + 1;
    it->len--;
    return &ep[i];
}

static kr_val keyiter_next(kr_val v) {
    kr_dict_entry *e = dict_iter_entry((dict_iter *)v);
    return e ? kr_newref(e->key) : 0;
}

static kr_val valueiter_next(kr_val v) {
    kr_dict_entry *e = dict_iter_entry((dict_iter *)v);
    return e ? kr_newref(e->value) : 0;
}

static kr_val itemiter_next(kr_val v) {
    kr_dict_entry *e = dict_iter_entry((dict_iter *)v);
    return e ? kr_tuple_pack(2, e->key, e->value) : 0;
}

static void dict_iter_dealloc(kr_obj *o) { KR_XDECREF(((dict_iter *)o)->dict); }

static kr_val self_iter(kr_val v) { return kr_newref(v); }

#define DICT_ITER_TYPE(cname, pyname, next)      \
    kr_type cname = {                            \
        .ob = KR_STATIC_HEADER(&kr_type_type),   \
        .name = pyname,                          \
        .base = &kr_object_type,                 \
        .basicsize = sizeof(dict_iter),          \
        .dealloc = dict_iter_dealloc,            \
        .iter = self_iter,                       \
        .iternext = next,                        \
    }

DICT_ITER_TYPE(kr_dict_keyiter_type, "dict_keyiterator", keyiter_next);
DICT_ITER_TYPE(kr_dict_valueiter_type, "dict_valueiterator", valueiter_next);
DICT_ITER_TYPE(kr_dict_itemiter_type, "dict_itemiterator", itemiter_next);

static kr_val dict_iter_slot(kr_val d) { return dict_iter_make(&kr_dict_keyiter_type, d, false); }

// ---------------------------------------------------------------------------------------------
// Views: keys(), values(), items(). Keys and items views are set-like.

typedef struct {
    kr_obj ob;
    kr_val dict;
} dict_view;

#define VIEW_DICT(v) (((dict_view *)(v))->dict)

static kr_val view_make(const kr_type *type, kr_val d) {
    dict_view *v = (dict_view *)kr_obj_new(type, sizeof *v);
    if (!v) {
        return 0;
    }
    v->dict = kr_newref(d);
    return KR_VAL(v);
}

kr_val kr_dict_keys(kr_val d) { return view_make(&kr_dict_keys_type, d); }
kr_val kr_dict_values(kr_val d) { return view_make(&kr_dict_values_type, d); }
kr_val kr_dict_items(kr_val d) { return view_make(&kr_dict_items_type, d); }

static void view_dealloc(kr_obj *o) { KR_DECREF(((dict_view *)o)->dict); }

static intptr_t view_len(kr_val v) { return KR_DICT(VIEW_DICT(v))->used; }

static bool is_setlike_view(kr_val v) {
    return KR_IS_PTR(v)
           && (KR_OBJ(v)->type == &kr_dict_keys_type || KR_OBJ(v)->type == &kr_dict_items_type);
}

static int keys_contains(kr_val v, kr_val key) { return kr_dict_contains(VIEW_DICT(v), key); }

static int items_contains(kr_val v, kr_val item) {
    if (!kr_tuple_check(item) || KR_TUPLE_LEN(item) != 2) {
        return 0;
    }
    kr_val found = kr_dict_lookup(VIEW_DICT(v), KR_TUPLE_ITEMS(item)[0]);
    if (!found) {
        return kr_err_occurred() ? -1 : 0;
    }
    KR_INCREF(found);
    int eq = kr_eq(found, KR_TUPLE_ITEMS(item)[1]);
    KR_DECREF(found);
    return eq;
}

static kr_val keys_iter(kr_val v) {
    return dict_iter_make(&kr_dict_keyiter_type, VIEW_DICT(v), false);
}
static kr_val values_iter(kr_val v) {
    return dict_iter_make(&kr_dict_valueiter_type, VIEW_DICT(v), false);
}
static kr_val items_iter(kr_val v) {
    return dict_iter_make(&kr_dict_itemiter_type, VIEW_DICT(v), false);
}

static kr_val view_repr(kr_val v) {
    int status = kr_repr_enter(v);
    if (status != 0) {
        return status < 0 ? 0 : kr_str_from_cstr("...");
    }
    kr_val list = kr_list_from_iterable(v);
    kr_val inner = list ? kr_repr(list) : 0;
    kr_repr_leave(v);
    KR_XDECREF(list);
    if (!inner) {
        return 0;
    }
    kr_reprbuf b = { 0 };
    int ok = kr_reprbuf_cstr(&b, kr_type_name(v)) < 0 || kr_reprbuf_cstr(&b, "(") < 0
                     || kr_reprbuf_puts(&b, kr_str_data(inner), (size_t)kr_str_nbytes(inner)) < 0
                     || kr_reprbuf_cstr(&b, ")") < 0
                 ? -1
                 : 0;
    KR_DECREF(inner);
    if (ok < 0) {
        kr_reprbuf_free(&b);
        return 0;
    }
    return kr_reprbuf_finish(&b);
}

// Whether every item of 'a' is in 'b': 1/0/-1.
static int all_contained_in(kr_val a, kr_val b) {
    kr_val it = kr_iter(a);
    if (!it) {
        return -1;
    }
    int ok = 1;
    for (kr_val x; ok == 1 && (x = kr_next(it));) {
        ok = kr_contains(b, x);
        KR_DECREF(x);
    }
    KR_DECREF(it);
    return ok >= 0 && kr_err_occurred() ? -1 : ok;
}

static kr_val view_richcompare(kr_val a, kr_val b, int op) {
    if (!kr_anyset_check(b) && !is_setlike_view(b)) {
        return KR_NOTIMPLEMENTED;
    }
    intptr_t la = kr_len(a), lb = la < 0 ? -1 : kr_len(b);
    if (lb < 0) {
        return 0;
    }
    int ok = 0;
    switch (op) {
    case KR_EQ:
    case KR_NE:
        ok = la == lb ? all_contained_in(a, b) : 0;
        ok = op == KR_NE && ok >= 0 ? !ok : ok;
        break;
    case KR_LT: ok = la < lb ? all_contained_in(a, b) : 0; break;
    case KR_LE: ok = la <= lb ? all_contained_in(a, b) : 0; break;
    case KR_GT: ok = la > lb ? all_contained_in(b, a) : 0; break;
    default: ok = la >= lb ? all_contained_in(b, a) : 0; break;
    }
    return ok < 0 ? 0 : kr_bool(ok);
}

// set(v) for the left operand of a view operator (a keys view makes the set from its dict).
static kr_val view_to_set(kr_val v) {
    if (KR_IS_PTR(v) && KR_OBJ(v)->type == &kr_dict_keys_type) {
        return kr_set_new(VIEW_DICT(v));
    }
    return kr_set_new(v);
}

// Calls set method 'name' on 'result' with 'other'; steals 'result'.
static kr_val set_method_in_place(kr_val result, const char *name, kr_val other) {
    if (!result) {
        return 0;
    }
    kr_val m = kr_getattr_cstr(result, name);
    kr_val r = m ? kr_call(m, &other, 1, 0) : 0;
    KR_XDECREF(m);
    if (!r) {
        KR_DECREF(result);
        return 0;
    }
    KR_DECREF(r);
    return result;
}

static kr_val view_sub(kr_val a, kr_val b) {
    return set_method_in_place(view_to_set(a), "difference_update", b);
}

static kr_val view_or(kr_val a, kr_val b) {
    return set_method_in_place(view_to_set(a), "update", b);
}

static kr_val view_xor(kr_val a, kr_val b) {
    return set_method_in_place(view_to_set(a), "symmetric_difference_update", b);
}

// CPython's _PyDictView_Intersect: iterate the smaller operand, test membership in the view.
static kr_val view_and(kr_val a, kr_val b) {
    if (!is_setlike_view(a)) {
        kr_val t = a;
        a = b;
        b = t;
    }
    intptr_t la = view_len(a);
    if (KR_IS_PTR(b) && KR_OBJ(b)->type == &kr_set_type && la <= kr_set_len(b)) {
        kr_val m = kr_getattr_cstr(b, "intersection");
        kr_val r = m ? kr_call(m, &a, 1, 0) : 0;
        KR_XDECREF(m);
        return r;
    }
    if (is_setlike_view(b) && view_len(b) > la) {
        kr_val t = a;
        a = b;
        b = t;
    }
    bool keys = KR_OBJ(a)->type == &kr_dict_keys_type;
    kr_val result = kr_set_new(0), it = result ? kr_iter(b) : 0;
    if (!it) {
        KR_XDECREF(result);
        return 0;
    }
    int r = 0;
    for (kr_val x; r >= 0 && (x = kr_next(it));) {
        r = keys ? keys_contains(a, x) : items_contains(a, x);
        r = r > 0 ? kr_set_add(result, x) : r;
        KR_DECREF(x);
    }
    KR_DECREF(it);
    if (r < 0 || kr_err_occurred()) {
        KR_DECREF(result);
        return 0;
    }
    return result;
}

static kr_val view_isdisjoint(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("isdisjoint", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    kr_val it = kr_iter(args[0]);
    if (!it) {
        return 0;
    }
    int found = 0;
    for (kr_val x; found == 0 && (x = kr_next(it));) {
        found = kr_contains(self, x);
        KR_DECREF(x);
    }
    KR_DECREF(it);
    if (found < 0 || kr_err_occurred()) {
        return 0;
    }
    return kr_bool(!found);
}

static kr_val view_reversed(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kr_args_check("__reversed__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    const kr_type *t = KR_OBJ(self)->type;
    const kr_type *it = t == &kr_dict_keys_type     ? &kr_dict_keyiter_type
                        : t == &kr_dict_values_type ? &kr_dict_valueiter_type
                                                    : &kr_dict_itemiter_type;
    return dict_iter_make(it, VIEW_DICT(self), true);
}

static const kr_method_def setview_methods[] = {
    { "isdisjoint", view_isdisjoint, 0 },
    { "__reversed__", view_reversed, 0 },
    { NULL, NULL, 0 },
};

static const kr_method_def values_methods[] = {
    { "__reversed__", view_reversed, 0 },
    { NULL, NULL, 0 },
};

static const kr_number_methods setview_number = {
    .binop = { [KR_OP_SUB] = view_sub, [KR_OP_AND] = view_and, [KR_OP_OR] = view_or,
               [KR_OP_XOR] = view_xor },
};

static const kr_mapping_methods keys_mapping = { .len = view_len, .contains = keys_contains };
static const kr_mapping_methods items_mapping = { .len = view_len, .contains = items_contains };
static const kr_mapping_methods values_mapping = { .len = view_len };

#define VIEW_TYPE(cname, pyname, iterf, mapp, meths, cmp, num) \
    kr_type cname = {                                          \
        .ob = KR_STATIC_HEADER(&kr_type_type),                 \
        .name = pyname,                                        \
        .base = &kr_object_type,                               \
        .basicsize = sizeof(dict_view),                        \
        .dealloc = view_dealloc,                               \
        .repr = view_repr,                                     \
        .hash = kr_hash_unhashable,                            \
        .richcompare = cmp,                                    \
        .iter = iterf,                                         \
        .number = num,                                         \
        .mapping = mapp,                                       \
        .methods = meths,                                      \
    }

VIEW_TYPE(kr_dict_keys_type, "dict_keys", keys_iter, &keys_mapping, setview_methods,
          view_richcompare, &setview_number);
VIEW_TYPE(kr_dict_items_type, "dict_items", items_iter, &items_mapping, setview_methods,
          view_richcompare, &setview_number);
VIEW_TYPE(kr_dict_values_type, "dict_values", values_iter, &values_mapping, values_methods,
          NULL, NULL);

// ---------------------------------------------------------------------------------------------
// Type

static const kr_method_def dict_methods[] = {
    { "get", m_get, 0 },
    { "setdefault", m_setdefault, 0 },
    { "pop", m_pop, 0 },
    { "popitem", m_popitem, 0 },
    { "update", m_update, 0 },
    { "clear", m_clear, 0 },
    { "copy", m_copy, 0 },
    { "keys", m_keys, 0 },
    { "values", m_values, 0 },
    { "items", m_items, 0 },
    { "fromkeys", m_fromkeys, KR_METH_CLASS },
    { "__reversed__", m_reversed, 0 },
    { NULL, NULL, 0 },
};

// d[key]: a subclass's __missing__(key) answers for a missing key.
static kr_val dict_subscript(kr_val d, kr_val key) {
    kr_val v = kr_dict_lookup(d, key);
    if (v || kr_err_occurred()) {
        return v ? kr_newref(v) : 0;
    }
    if (kr_type_is_heap(KR_TYPE(d))) {
        kr_val missing = kr_special_method(d, "__missing__");
        if (missing) {
            kr_val r = kr_call(missing, &key, 1, 0);
            KR_DECREF(missing);
            return r;
        }
        if (kr_err_occurred()) {
            return 0;
        }
    }
    return kr_err_set_value(&kr_exc_KeyError, key);
}

static const kr_mapping_methods dict_mapping = {
    .len = dict_len,
    .getitem = dict_subscript,
    .setitem = dict_ass_sub,
    .delitem = dict_delitem,
    .contains = kr_dict_contains,
};

static const kr_number_methods dict_number = {
    .binop = { [KR_OP_OR] = dict_or },
    .inplace = { [KR_OP_OR] = dict_ior },
};

kr_type kr_dict_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "dict",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_dict_obj),
    .flags = KR_TF_DICT_SUB | KR_TF_BASETYPE,
    .dealloc = dict_dealloc,
    .traverse = dict_traverse,
    .repr = dict_repr,
    .hash = kr_hash_unhashable,
    .richcompare = dict_richcompare,
    .iter = dict_iter_slot,
    .new = dict_type_new,
    .number = &dict_number,
    .mapping = &dict_mapping,
    .methods = dict_methods,
};
