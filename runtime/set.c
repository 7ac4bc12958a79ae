// set.c: the set and frozenset types.
//
// The table is CPython's setobject.c (layout in kr_containers.h): open addressing that looks at
// LINEAR_PROBES + 1 neighbouring slots before jumping by the perturbation recurrence
// i = (i*5 + 1 + perturb) & mask; deleted slots become dummies (reused by a later add on the
// same probe path); a table whose fill reaches 3/5 is rebuilt for used*4 items (used*2 past
// 50000). Every operation below builds its result in the same order as CPython's (which set it
// copies, which it iterates, when it resizes up front), so that iteration order matches
// CPython's for ints, floats, strs, tuples and None. frozenset hashes as CPython's.
#include "krait.h"

#include <string.h>

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

static kr_obj dummy_obj = KR_STATIC_HEADER(&kr_object_type);
#define DUMMY ((kr_val)&dummy_obj)

#define SET(v) KR_SET(v)

// ---------------------------------------------------------------------------------------------
// Table

// The slot holding 'key', or the unused slot ending its probe path; NULL on a comparison error.
static kr_set_entry *set_lookkey(kr_set_obj *so, kr_val key, intptr_t hash) {
    size_t perturb = (size_t)hash, mask = (size_t)so->mask, i = (size_t)hash & mask;
    for (;;) {
        kr_set_entry *entry = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == 0) {
                return entry;
            }
            if (entry->hash == hash) {
                kr_val startkey = entry->key;
                if (startkey == key) {
                    return entry;
                }
                kr_set_entry *table = so->table;
                kr_incref(startkey);
                int cmp = kr_eq(startkey, key);
                kr_decref(startkey);
                if (cmp < 0) {
                    return NULL;
                }
                if (table != so->table || entry->key != startkey) {
                    return set_lookkey(so, key, hash);
                }
                if (cmp > 0) {
                    return entry;
                }
                mask = (size_t)so->mask;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static void set_insert_clean(kr_set_entry *table, size_t mask, kr_val key, intptr_t hash) {
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        kr_set_entry *entry = &table[i];
        if (entry->key == 0) {
            goto found;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == 0) {
                    goto found;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

// Rebuilds the table with the smallest power of two > 'minused' slots (at least 8).
static int set_table_resize(kr_set_obj *so, intptr_t minused) {
    size_t newsize = KR_SET_MINSIZE;
    while (newsize <= (size_t)minused) {
        newsize <<= 1;
    }
    kr_set_entry *oldtable = so->table, small_copy[KR_SET_MINSIZE];
    size_t oldmask = (size_t)so->mask;
    bool old_malloced = oldtable != so->small;
    kr_set_entry *newtable;
    if (newsize == KR_SET_MINSIZE) {
        newtable = so->small;
        if (newtable == oldtable) {
            if (so->fill == so->used) {
                return 0;
            }
            memcpy(small_copy, oldtable, sizeof small_copy);
            oldtable = small_copy;
        }
    } else {
        newtable = kr_alloc(newsize * sizeof(kr_set_entry));
        if (!newtable) {
            return -1;
        }
    }
    memset(newtable, 0, newsize * sizeof(kr_set_entry));
    so->mask = (intptr_t)newsize - 1;
    so->table = newtable;
    bool dummies = so->fill != so->used;
    so->fill = so->used;
    for (kr_set_entry *e = oldtable; e <= oldtable + oldmask; e++) {
        if (e->key != 0 && (!dummies || e->key != DUMMY)) {
            set_insert_clean(newtable, newsize - 1, e->key, e->hash);
        }
    }
    if (old_malloced) {
        kr_free(oldtable);
    }
    return 0;
}

static int set_add_entry(kr_set_obj *so, kr_val key, intptr_t hash) {
    kr_incref(key);
restart:;
    size_t mask = (size_t)so->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    kr_set_entry *freeslot = NULL, *entry;
    for (;;) {
        entry = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == 0) {
                goto found_unused_or_dummy;
            }
            if (entry->hash == hash) {
                kr_val startkey = entry->key;
                if (startkey == key) {
                    goto found_active;
                }
                kr_set_entry *table = so->table;
                kr_incref(startkey);
                int cmp = kr_eq(startkey, key);
                kr_decref(startkey);
                if (cmp > 0) {
                    goto found_active;
                }
                if (cmp < 0) {
                    kr_decref(key);
                    return -1;
                }
                if (table != so->table || entry->key != startkey) {
                    goto restart;
                }
                mask = (size_t)so->mask;
            } else if (entry->hash == -1) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3) {
        return 0;
    }
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
    kr_decref(key);
    return 0;
}

static int set_contains_entry(kr_set_obj *so, kr_val key, intptr_t hash) {
    kr_set_entry *e = set_lookkey(so, key, hash);
    return e ? e->key != 0 : -1;
}

// 1 when found and removed, 0 when absent, -1 on error.
static int set_discard_entry(kr_set_obj *so, kr_val key, intptr_t hash) {
    kr_set_entry *e = set_lookkey(so, key, hash);
    if (!e) {
        return -1;
    }
    if (e->key == 0) {
        return 0;
    }
    kr_val old = e->key;
    e->key = DUMMY;
    e->hash = -1;
    so->used--;
    KR_DECREF(old);
    return 1;
}

static void set_empty_to_minsize(kr_set_obj *so) {
    memset(so->small, 0, sizeof so->small);
    so->fill = so->used = 0;
    so->mask = KR_SET_MINSIZE - 1;
    so->table = so->small;
    so->hash = -1;
}

static void set_clear_internal(kr_set_obj *so) {
    kr_set_entry *table = so->table, small_copy[KR_SET_MINSIZE];
    intptr_t used = so->used;
    bool malloced = table != so->small;
    if (malloced) {
        set_empty_to_minsize(so);
    } else if (so->fill > 0) {
        memcpy(small_copy, table, sizeof small_copy);
        table = small_copy;
        set_empty_to_minsize(so);
    }
    for (kr_set_entry *e = table; used > 0; e++) {
        if (e->key && e->key != DUMMY) {
            used--;
            KR_DECREF(e->key);
        }
    }
    if (malloced) {
        kr_free(table);
    }
}

static bool set_next_entry(kr_set_obj *so, intptr_t *pos, kr_set_entry **out) {
    intptr_t i = *pos;
    while (i <= so->mask && (so->table[i].key == 0 || so->table[i].key == DUMMY)) {
        i++;
    }
    *pos = i + 1;
    if (i > so->mask) {
        return false;
    }
    *out = &so->table[i];
    return true;
}

bool kr_set_next(kr_val s, intptr_t *pos, kr_val *key) {
    kr_set_entry *e;
    if (!set_next_entry(SET(s), pos, &e)) {
        return false;
    }
    *key = e->key;
    return true;
}

// ---------------------------------------------------------------------------------------------
// Bulk updates

static int set_merge(kr_set_obj *so, kr_set_obj *other) {
    if (other == so || other->used == 0) {
        return 0;
    }
    if ((so->fill + other->used) * 5 >= so->mask * 3
        && set_table_resize(so, (so->used + other->used) * 2) < 0) {
        return -1;
    }
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (intptr_t i = 0; i <= other->mask; i++) {
            if (other->table[i].key) {
                so->table[i].key = kr_newref(other->table[i].key);
                so->table[i].hash = other->table[i].hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = so->used = other->used;
        for (intptr_t i = 0; i <= other->mask; i++) {
            kr_val key = other->table[i].key;
            if (key && key != DUMMY) {
                set_insert_clean(so->table, (size_t)so->mask, kr_newref(key),
                                 other->table[i].hash);
            }
        }
        return 0;
    }
    for (intptr_t i = 0; i <= other->mask; i++) {
        kr_set_entry *e = &other->table[i];
        if (e->key && e->key != DUMMY && set_add_entry(so, e->key, e->hash) < 0) {
            return -1;
        }
    }
    return 0;
}

static int set_add_key(kr_set_obj *so, kr_val key) {
    intptr_t hash = kr_hash(key);
    return hash == -1 ? -1 : set_add_entry(so, key, hash);
}

static int set_update_dict(kr_set_obj *so, kr_val d) {
    intptr_t n = kr_dict_len(d);
    if ((so->fill + n) * 5 >= so->mask * 3 && set_table_resize(so, (so->used + n) * 2) < 0) {
        return -1;
    }
    intptr_t pos = 0;
    kr_val key;
    while (kr_dict_next(d, &pos, &key, NULL)) {
        kr_incref(key);
        int r = set_add_key(so, key);
        kr_decref(key);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

static int set_update_internal(kr_set_obj *so, kr_val other) {
    if (kr_anyset_check(other)) {
        return set_merge(so, SET(other));
    }
    if (KR_IS_PTR(other) && KR_OBJ(other)->type == &kr_dict_type) {
        return set_update_dict(so, other);
    }
    kr_val it = kr_iter(other);
    if (!it) {
        return -1;
    }
    int r = 0;
    for (kr_val key; r == 0 && (key = kr_next(it));) {
        r = set_add_key(so, key);
        KR_DECREF(key);
    }
    KR_DECREF(it);
    return r < 0 || kr_err_occurred() ? -1 : 0;
}

static kr_val make_new_set(const kr_type *type, kr_val iterable) {
    kr_set_obj *so = (kr_set_obj *)kr_obj_new(type, sizeof(kr_set_obj));
    if (!so) {
        return 0;
    }
    so->mask = KR_SET_MINSIZE - 1;
    so->table = so->small;
    so->hash = -1;
    if (iterable && set_update_internal(so, iterable) < 0) {
        KR_DECREF(KR_VAL(so));
        return 0;
    }
    return KR_VAL(so);
}

// A new set of the base type of 'type' (set or frozenset), as CPython's make_new_set_basetype.
static kr_val make_new_set_basetype(const kr_type *type, kr_val iterable) {
    bool is_set = kr_type_is_subtype(type, &kr_set_type);
    return make_new_set(is_set ? &kr_set_type : &kr_frozenset_type, iterable);
}

kr_val kr_set_new(kr_val iterable) { return make_new_set(&kr_set_type, iterable); }

kr_val kr_frozenset_new(kr_val iterable) {
    if (iterable && KR_IS_PTR(iterable) && KR_OBJ(iterable)->type == &kr_frozenset_type) {
        return kr_newref(iterable);
    }
    return make_new_set(&kr_frozenset_type, iterable);
}

// Exchanges the contents of two sets (CPython's set_swap_bodies).
static void set_swap_bodies(kr_set_obj *a, kr_set_obj *b) {
    intptr_t t;
    t = a->fill, a->fill = b->fill, b->fill = t;
    t = a->used, a->used = b->used, b->used = t;
    t = a->mask, a->mask = b->mask, b->mask = t;
    kr_set_entry *u = a->table == a->small ? b->small : a->table;
    a->table = b->table == b->small ? a->small : b->table;
    b->table = u;
    if (a->table == a->small || b->table == b->small) {
        kr_set_entry tab[KR_SET_MINSIZE];
        memcpy(tab, a->small, sizeof tab);
        memcpy(a->small, b->small, sizeof tab);
        memcpy(b->small, tab, sizeof tab);
    }
    bool frozen = kr_type_is_subtype(a->ob.type, &kr_frozenset_type)
                  && kr_type_is_subtype(b->ob.type, &kr_frozenset_type);
    if (frozen) {
        t = a->hash, a->hash = b->hash, b->hash = t;
    } else {
        a->hash = b->hash = -1;
    }
}

// ---------------------------------------------------------------------------------------------
// Set algebra (each as CPython builds it)

static kr_val set_copy(kr_val so) { return make_new_set_basetype(KR_TYPE(so), so); }

static kr_val set_intersection(kr_val so, kr_val other) {
    if (so == other) {
        return set_copy(so);
    }
    kr_val result = make_new_set_basetype(KR_TYPE(so), 0);
    if (!result) {
        return 0;
    }
    if (kr_anyset_check(other)) {
        if (kr_set_len(other) > kr_set_len(so)) {
            kr_val t = so;
            so = other;
            other = t;
        }
        intptr_t pos = 0;
        kr_set_entry *e;
        while (set_next_entry(SET(other), &pos, &e)) {
            kr_val key = kr_newref(e->key);
            int rv = set_contains_entry(SET(so), key, e->hash);
            rv = rv > 0 ? set_add_entry(SET(result), key, e->hash) : rv;
            KR_DECREF(key);
            if (rv < 0) {
                KR_DECREF(result);
                return 0;
            }
        }
        return result;
    }
    kr_val it = kr_iter(other);
    if (!it) {
        KR_DECREF(result);
        return 0;
    }
    int rv = 0;
    for (kr_val key; rv == 0 && (key = kr_next(it));) {
        intptr_t hash = kr_hash(key);
        rv = hash == -1 ? -1 : set_contains_entry(SET(so), key, hash);
        if (rv > 0) {
            rv = set_add_entry(SET(result), key, hash);
            rv = rv == 0 && kr_set_len(result) >= kr_set_len(so) ? 1 : rv;
        }
        KR_DECREF(key);
    }
    KR_DECREF(it);
    if (rv < 0 || kr_err_occurred()) {
        KR_DECREF(result);
        return 0;
    }
    return result;
}

static int set_difference_update_internal(kr_val so, kr_val other) {
    kr_set_obj *s = SET(so);
    if (so == other) {
        set_clear_internal(s);
        return 0;
    }
    if (kr_anyset_check(other)) {
        kr_val o = (kr_set_len(other) >> 3) > kr_set_len(so) ? set_intersection(so, other)
                                                             : kr_newref(other);
        if (!o) {
            return -1;
        }
        intptr_t pos = 0;
        kr_set_entry *e;
        int rv = 0;
        while (rv >= 0 && set_next_entry(SET(o), &pos, &e)) {
            kr_val key = kr_newref(e->key);
            rv = set_discard_entry(s, key, e->hash);
            KR_DECREF(key);
        }
        KR_DECREF(o);
        if (rv < 0) {
            return -1;
        }
    } else {
        kr_val it = kr_iter(other);
        if (!it) {
            return -1;
        }
        int rv = 0;
        for (kr_val key; rv >= 0 && (key = kr_next(it));) {
            intptr_t hash = kr_hash(key);
            rv = hash == -1 ? -1 : set_discard_entry(s, key, hash);
            KR_DECREF(key);
        }
        KR_DECREF(it);
        if (rv < 0 || kr_err_occurred()) {
            return -1;
        }
    }
    if ((size_t)(s->fill - s->used) <= (size_t)s->mask / 4) {
        return 0;
    }
    return set_table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

static kr_val set_copy_and_difference(kr_val so, kr_val other) {
    kr_val r = set_copy(so);
    if (r && set_difference_update_internal(r, other) < 0) {
        KR_CLEAR(r);
    }
    return r;
}

// Whether 'key' (hash 'hash') is in 'other', a set or an exact dict: 1/0/-1.
static int contains_known_hash(kr_val other, kr_val key, intptr_t hash) {
    if (kr_anyset_check(other)) {
        return set_contains_entry(SET(other), key, hash);
    }
    return kr_dict_contains(other, key);
}

static kr_val set_difference(kr_val so, kr_val other) {
    intptr_t other_size;
    if (kr_anyset_check(other)) {
        other_size = kr_set_len(other);
    } else if (KR_IS_PTR(other) && KR_OBJ(other)->type == &kr_dict_type) {
        other_size = kr_dict_len(other);
    } else {
        return set_copy_and_difference(so, other);
    }
    if ((kr_set_len(so) >> 2) > other_size) {
        return set_copy_and_difference(so, other);
    }
    kr_val result = make_new_set_basetype(KR_TYPE(so), 0);
    if (!result) {
        return 0;
    }
    intptr_t pos = 0;
    kr_set_entry *e;
    while (set_next_entry(SET(so), &pos, &e)) {
        kr_val key = kr_newref(e->key);
        intptr_t hash = e->hash;
        int rv = contains_known_hash(other, key, hash);
        rv = rv == 0 ? set_add_entry(SET(result), key, hash) : rv > 0 ? 0 : -1;
        KR_DECREF(key);
        if (rv < 0) {
            KR_DECREF(result);
            return 0;
        }
    }
    return result;
}

// Toggles 'key' in 'so': removes it when present, adds it when absent.
static int toggle_entry(kr_set_obj *so, kr_val key, intptr_t hash) {
    int rv = set_discard_entry(so, key, hash);
    return rv == 0 ? set_add_entry(so, key, hash) : rv > 0 ? 0 : -1;
}

static int set_symmetric_difference_update(kr_val so, kr_val other) {
    if (so == other) {
        set_clear_internal(SET(so));
        return 0;
    }
    int rv = 0;
    if (KR_IS_PTR(other) && KR_OBJ(other)->type == &kr_dict_type) {
        intptr_t pos = 0;
        kr_val key;
        while (rv == 0 && kr_dict_next(other, &pos, &key, NULL)) {
            kr_incref(key);
            intptr_t hash = kr_hash(key);
            rv = hash == -1 ? -1 : toggle_entry(SET(so), key, hash);
            kr_decref(key);
        }
        return rv;
    }
    kr_val o = kr_anyset_check(other) ? kr_newref(other)
                                      : make_new_set_basetype(KR_TYPE(so), other);
    if (!o) {
        return -1;
    }
    intptr_t pos = 0;
    kr_set_entry *e;
    while (rv == 0 && set_next_entry(SET(o), &pos, &e)) {
        kr_val key = kr_newref(e->key);
        rv = toggle_entry(SET(so), key, e->hash);
        KR_DECREF(key);
    }
    KR_DECREF(o);
    return rv;
}

static kr_val set_symmetric_difference(kr_val so, kr_val other) {
    kr_val r = make_new_set_basetype(KR_TYPE(so), other);
    if (r && set_symmetric_difference_update(r, so) < 0) {
        KR_CLEAR(r);
    }
    return r;
}

// so <= other: 1/0/-1.
static int set_issubset(kr_val so, kr_val other) {
    if (!kr_anyset_check(other)) {
        kr_val tmp = set_intersection(so, other);
        if (!tmp) {
            return -1;
        }
        int r = kr_set_len(tmp) == kr_set_len(so);
        KR_DECREF(tmp);
        return r;
    }
    if (kr_set_len(so) > kr_set_len(other)) {
        return 0;
    }
    intptr_t pos = 0;
    kr_set_entry *e;
    while (set_next_entry(SET(so), &pos, &e)) {
        kr_val key = kr_newref(e->key);
        int rv = set_contains_entry(SET(other), key, e->hash);
        KR_DECREF(key);
        if (rv <= 0) {
            return rv;
        }
    }
    return 1;
}

static int set_contains_key(kr_set_obj *so, kr_val key) {
    intptr_t hash = kr_hash(key);
    return hash == -1 ? -1 : set_contains_entry(so, key, hash);
}

// so >= other: 1/0/-1.
static int set_issuperset(kr_val so, kr_val other) {
    if (kr_anyset_check(other)) {
        return set_issubset(other, so);
    }
    kr_val it = kr_iter(other);
    if (!it) {
        return -1;
    }
    int rv = 1;
    for (kr_val key; rv == 1 && (key = kr_next(it));) {
        rv = set_contains_key(SET(so), key);
        KR_DECREF(key);
    }
    KR_DECREF(it);
    return rv >= 0 && kr_err_occurred() ? -1 : rv;
}

static int set_isdisjoint(kr_val so, kr_val other) {
    if (so == other) {
        return kr_set_len(so) == 0;
    }
    if (kr_anyset_check(other)) {
        if (kr_set_len(other) > kr_set_len(so)) {
            kr_val t = so;
            so = other;
            other = t;
        }
        intptr_t pos = 0;
        kr_set_entry *e;
        while (set_next_entry(SET(other), &pos, &e)) {
            kr_val key = kr_newref(e->key);
            int rv = set_contains_entry(SET(so), key, e->hash);
            KR_DECREF(key);
            if (rv != 0) {
                return rv < 0 ? -1 : 0;
            }
        }
        return 1;
    }
    kr_val it = kr_iter(other);
    if (!it) {
        return -1;
    }
    int rv = 0;
    for (kr_val key; rv == 0 && (key = kr_next(it));) {
        rv = set_contains_key(SET(so), key);
        KR_DECREF(key);
    }
    KR_DECREF(it);
    if (rv < 0 || kr_err_occurred()) {
        return -1;
    }
    return !rv;
}

// ---------------------------------------------------------------------------------------------
// Public operations

int kr_set_add(kr_val s, kr_val key) { return set_add_key(SET(s), key); }

// Retries a lookup of an unhashable set 'key' as a frozenset, as CPython does.
static int with_frozen_key(kr_val s, kr_val key, int (*op)(kr_set_obj *, kr_val, intptr_t)) {
    intptr_t hash = kr_hash(key);
    if (hash != -1) {
        return op(SET(s), key, hash);
    }
    if (!kr_isinstance_type(key, &kr_set_type) || !kr_err_matches(&kr_exc_TypeError)) {
        return -1;
    }
    kr_err_clear();
    kr_val tmp = make_new_set(&kr_frozenset_type, key);
    if (!tmp) {
        return -1;
    }
    hash = kr_hash(tmp);
    int r = hash == -1 ? -1 : op(SET(s), tmp, hash);
    KR_DECREF(tmp);
    return r;
}

int kr_set_contains(kr_val s, kr_val key) {
    return with_frozen_key(s, key, set_contains_entry);
}

int kr_set_discard(kr_val s, kr_val key) { return with_frozen_key(s, key, set_discard_entry); }

int kr_set_remove(kr_val s, kr_val key) {
    int r = kr_set_discard(s, key);
    if (r == 0) {
        kr_err_set_value(&kr_exc_KeyError, key);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

kr_val kr_set_pop(kr_val s) {
    kr_set_obj *so = SET(s);
    if (so->used == 0) {
        return kr_err_set(&kr_exc_KeyError, "pop from an empty set");
    }
    kr_set_entry *entry = so->table + (so->finger & so->mask), *limit = so->table + so->mask;
    while (entry->key == 0 || entry->key == DUMMY) {
        entry++;
        if (entry > limit) {
            entry = so->table;
        }
    }
    kr_val key = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

int kr_set_update(kr_val s, kr_val iterable) { return set_update_internal(SET(s), iterable); }

void kr_set_clear(kr_val s) { set_clear_internal(SET(s)); }

// ---------------------------------------------------------------------------------------------
// Slots

static void set_dealloc(kr_obj *o) {
    kr_set_obj *so = (kr_set_obj *)o;
    intptr_t used = so->used;
    for (kr_set_entry *e = so->table; used > 0; e++) {
        if (e->key && e->key != DUMMY) {
            used--;
            KR_DECREF(e->key);
        }
    }
    if (so->table != so->small) {
        kr_free(so->table);
    }
}

static void set_traverse(kr_obj *o, kr_visitfunc visit, void *arg) {
    intptr_t pos = 0;
    kr_val key;
    while (kr_set_next(KR_VAL(o), &pos, &key)) {
        visit(key, arg);
    }
}

static kr_val set_repr(kr_val s) {
    const char *name = kr_type_name(s);
    bool exact = KR_OBJ(s)->type == &kr_set_type;
    kr_reprbuf b = { 0 };
    int status = kr_repr_enter(s);
    if (status != 0) {
        return status < 0 || kr_reprbuf_cstr(&b, name) < 0 || kr_reprbuf_cstr(&b, "(...)") < 0
                   ? (kr_reprbuf_free(&b), 0)
                   : kr_reprbuf_finish(&b);
    }
    kr_val list = kr_set_len(s) ? kr_list_from_iterable(s) : 0;
    kr_val inner = list ? kr_seq_repr(kr_list_vals(list), KR_LIST_LEN(list),
                                      exact ? "{" : "({", exact ? "}" : "})")
                        : 0;
    kr_repr_leave(s);
    KR_XDECREF(list);
    if (!kr_set_len(s)) {
        return kr_reprbuf_cstr(&b, name) < 0 || kr_reprbuf_cstr(&b, "()") < 0
                   ? (kr_reprbuf_free(&b), 0)
                   : kr_reprbuf_finish(&b);
    }
    if (!inner || exact) {
        return inner;
    }
    int ok = kr_reprbuf_cstr(&b, name) < 0
                     || kr_reprbuf_puts(&b, kr_str_data(inner), (size_t)kr_str_nbytes(inner)) < 0
                 ? -1
                 : 0;
    KR_DECREF(inner);
    return ok < 0 ? (kr_reprbuf_free(&b), 0) : kr_reprbuf_finish(&b);
}

static uint64_t shuffle_bits(uint64_t h) {
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static intptr_t frozenset_hash(kr_val s) {
    kr_set_obj *so = SET(s);
    if (so->hash != -1) {
        return so->hash;
    }
    uint64_t hash = 0;
    for (kr_set_entry *e = so->table; e <= &so->table[so->mask]; e++) {
        hash ^= shuffle_bits((uint64_t)e->hash);
    }
    if ((so->mask + 1 - so->fill) & 1) {
        hash ^= shuffle_bits(0);
    }
    if ((so->fill - so->used) & 1) {
        hash ^= shuffle_bits((uint64_t)-1);
    }
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1) {
        hash = 590923713UL;
    }
    so->hash = (intptr_t)hash;
    return so->hash;
}

static kr_val bool_or_error(int r) { return r < 0 ? 0 : kr_bool(r); }

static kr_val set_richcompare(kr_val v, kr_val w, int op) {
    if (!kr_anyset_check(w)) {
        return KR_NOTIMPLEMENTED;
    }
    intptr_t lv = kr_set_len(v), lw = kr_set_len(w);
    switch (op) {
    case KR_EQ:
    case KR_NE: {
        int eq;
        if (lv != lw
            || (SET(v)->hash != -1 && SET(w)->hash != -1 && SET(v)->hash != SET(w)->hash)) {
            eq = 0;
        } else {
            eq = set_issubset(v, w);
        }
        return eq < 0 ? 0 : kr_bool((eq == 1) == (op == KR_EQ));
    }
    case KR_LE: return bool_or_error(set_issubset(v, w));
    case KR_GE: return bool_or_error(set_issuperset(v, w));
    case KR_LT: return lv >= lw ? KR_FALSE : bool_or_error(set_issubset(v, w));
    default: return lv <= lw ? KR_FALSE : bool_or_error(set_issuperset(v, w));
    }
}

static intptr_t set_len_slot(kr_val s) { return kr_set_len(s); }

static kr_val set_or(kr_val a, kr_val b) {
    if (!kr_anyset_check(a) || !kr_anyset_check(b)) {
        return KR_NOTIMPLEMENTED;
    }
    kr_val r = set_copy(a);
    if (r && a != b && set_update_internal(SET(r), b) < 0) {
        KR_CLEAR(r);
    }
    return r;
}

static kr_val set_and(kr_val a, kr_val b) {
    if (!kr_anyset_check(a) || !kr_anyset_check(b)) {
        return KR_NOTIMPLEMENTED;
    }
    return set_intersection(a, b);
}

static kr_val set_sub(kr_val a, kr_val b) {
    if (!kr_anyset_check(a) || !kr_anyset_check(b)) {
        return KR_NOTIMPLEMENTED;
    }
    return set_difference(a, b);
}

static kr_val set_xor(kr_val a, kr_val b) {
    if (!kr_anyset_check(a) || !kr_anyset_check(b)) {
        return KR_NOTIMPLEMENTED;
    }
    return set_symmetric_difference(a, b);
}

static kr_val set_ior(kr_val a, kr_val b) {
    if (!kr_anyset_check(b)) {
        return KR_NOTIMPLEMENTED;
    }
    return set_update_internal(SET(a), b) < 0 ? 0 : kr_newref(a);
}

// Replaces the contents of 'so' by those of 'tmp' (stolen), as the *_update methods do.
static kr_val swap_in(kr_val so, kr_val tmp) {
    if (!tmp) {
        return 0;
    }
    set_swap_bodies(SET(so), SET(tmp));
    KR_DECREF(tmp);
    return KR_NONE;
}

static kr_val set_iand(kr_val a, kr_val b) {
    if (!kr_anyset_check(b)) {
        return KR_NOTIMPLEMENTED;
    }
    return swap_in(a, set_intersection(a, b)) ? kr_newref(a) : 0;
}

static kr_val set_isub(kr_val a, kr_val b) {
    if (!kr_anyset_check(b)) {
        return KR_NOTIMPLEMENTED;
    }
    return set_difference_update_internal(a, b) < 0 ? 0 : kr_newref(a);
}

static kr_val set_ixor(kr_val a, kr_val b) {
    if (!kr_anyset_check(b)) {
        return KR_NOTIMPLEMENTED;
    }
    return set_symmetric_difference_update(a, b) < 0 ? 0 : kr_newref(a);
}

static int set_contains_slot(kr_val s, kr_val key) { return kr_set_contains(s, key); }

// ---------------------------------------------------------------------------------------------
// Methods

static kr_val m_add(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("set.add", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return kr_set_add(self, args[0]) < 0 ? 0 : KR_NONE;
}

static kr_val m_clear(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kr_args_check("set.clear", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    set_clear_internal(SET(self));
    return KR_NONE;
}

static kr_val m_copy(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kr_args_check("set.copy", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return set_copy(self);
}

static kr_val m_frozen_copy(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kr_args_check("frozenset.copy", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return KR_OBJ(self)->type == &kr_frozenset_type ? kr_newref(self) : set_copy(self);
}

static kr_val m_discard(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("set.discard", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return kr_set_discard(self, args[0]) < 0 ? 0 : KR_NONE;
}

static kr_val m_remove(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("set.remove", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return kr_set_remove(self, args[0]) < 0 ? 0 : KR_NONE;
}

static kr_val m_pop(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kr_args_check("set.pop", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return kr_set_pop(self);
}

static kr_val m_union(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("set.union", 0, kwnames, 0, 0) < 0) {
        return 0;
    }
    kr_val r = set_copy(self);
    for (size_t i = 0; r && i < nargs; i++) {
        if (args[i] != self && set_update_internal(SET(r), args[i]) < 0) {
            KR_CLEAR(r);
        }
    }
    return r;
}

static kr_val m_update(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("set.update", 0, kwnames, 0, 0) < 0) {
        return 0;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (set_update_internal(SET(self), args[i]) < 0) {
            return 0;
        }
    }
    return KR_NONE;
}

static kr_val intersection_multi(kr_val self, const kr_val *args, size_t nargs) {
    if (nargs == 0) {
        return set_copy(self);
    }
    kr_val result = kr_newref(self);
    for (size_t i = 0; result && i < nargs; i++) {
        kr_val next = set_intersection(result, args[i]);
        KR_DECREF(result);
        result = next;
    }
    return result;
}

static kr_val m_intersection(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("set.intersection", 0, kwnames, 0, 0) < 0) {
        return 0;
    }
    return intersection_multi(self, args, nargs);
}

static kr_val m_intersection_update(kr_val self, const kr_val *args, size_t nargs,
                                    kr_val kwnames) {
    if (kr_args_check("set.intersection_update", 0, kwnames, 0, 0) < 0) {
        return 0;
    }
    return swap_in(self, intersection_multi(self, args, nargs));
}

static kr_val m_difference(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("set.difference", 0, kwnames, 0, 0) < 0) {
        return 0;
    }
    if (nargs == 0) {
        return set_copy(self);
    }
    kr_val r = set_difference(self, args[0]);
    for (size_t i = 1; r && i < nargs; i++) {
        if (set_difference_update_internal(r, args[i]) < 0) {
            KR_CLEAR(r);
        }
    }
    return r;
}

static kr_val m_difference_update(kr_val self, const kr_val *args, size_t nargs,
                                  kr_val kwnames) {
    if (kr_args_check("set.difference_update", 0, kwnames, 0, 0) < 0) {
        return 0;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (set_difference_update_internal(self, args[i]) < 0) {
            return 0;
        }
    }
    return KR_NONE;
}

static kr_val m_symmetric_difference(kr_val self, const kr_val *args, size_t nargs,
                                     kr_val kwnames) {
    if (kr_args_check("set.symmetric_difference", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return set_symmetric_difference(self, args[0]);
}

static kr_val m_symmetric_difference_update(kr_val self, const kr_val *args, size_t nargs,
                                            kr_val kwnames) {
    if (kr_args_check("set.symmetric_difference_update", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return set_symmetric_difference_update(self, args[0]) < 0 ? 0 : KR_NONE;
}

static kr_val m_issubset(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("set.issubset", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return bool_or_error(set_issubset(self, args[0]));
}

static kr_val m_issuperset(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("set.issuperset", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return bool_or_error(set_issuperset(self, args[0]));
}

static kr_val m_isdisjoint(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("set.isdisjoint", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return bool_or_error(set_isdisjoint(self, args[0]));
}

static kr_val set_type_new(const kr_type *type, const kr_val *args, size_t nargs,
                           kr_val kwnames) {
    bool frozen = kr_type_is_subtype(type, &kr_frozenset_type);
    const char *name = frozen ? "frozenset" : "set";
    if (kwnames && KR_TUPLE_LEN(kwnames)) {
        return kr_err_set(&kr_exc_TypeError, "%s() takes no keyword arguments", name);
    }
    if (nargs > 1) {
        return kr_err_set(&kr_exc_TypeError, "%s expected at most 1 argument, got %zu", name,
                          nargs);
    }
    if (type == &kr_frozenset_type) {
        return kr_frozenset_new(nargs ? args[0] : 0);
    }
    return make_new_set(type, nargs ? args[0] : 0);
}

// ---------------------------------------------------------------------------------------------
// Iterator

typedef struct {
    kr_obj ob;
    kr_val set;  // 0 once exhausted
    intptr_t used, pos;
} set_iter;

static kr_val set_iter_new(kr_val s) {
    set_iter *it = (set_iter *)kr_obj_new(&kr_set_iter_type, sizeof *it);
    if (!it) {
        return 0;
    }
    it->set = kr_newref(s);
    it->used = kr_set_len(s);
    return KR_VAL(it);
}

static kr_val set_iter_next(kr_val v) {
    set_iter *it = (set_iter *)v;
    if (!it->set) {
        return 0;
    }
    if (it->used != kr_set_len(it->set)) {
        it->used = -1;
        return kr_err_set(&kr_exc_RuntimeError, "Set changed size during iteration");
    }
    kr_set_entry *e;
    if (!set_next_entry(SET(it->set), &it->pos, &e)) {
        KR_CLEAR(it->set);
        return 0;
    }
    return kr_newref(e->key);
}

static void set_iter_dealloc(kr_obj *o) { KR_XDECREF(((set_iter *)o)->set); }

static kr_val self_iter(kr_val v) { return kr_newref(v); }

kr_type kr_set_iter_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "set_iterator",
    .base = &kr_object_type,
    .basicsize = sizeof(set_iter),
    .dealloc = set_iter_dealloc,
    .iter = self_iter,
    .iternext = set_iter_next,
};

// ---------------------------------------------------------------------------------------------
// Types

static const kr_method_def set_methods[] = {
    { "add", m_add, 0 },
    { "clear", m_clear, 0 },
    { "copy", m_copy, 0 },
    { "discard", m_discard, 0 },
    { "difference", m_difference, 0 },
    { "difference_update", m_difference_update, 0 },
    { "intersection", m_intersection, 0 },
    { "intersection_update", m_intersection_update, 0 },
    { "isdisjoint", m_isdisjoint, 0 },
    { "issubset", m_issubset, 0 },
    { "issuperset", m_issuperset, 0 },
    { "pop", m_pop, 0 },
    { "remove", m_remove, 0 },
    { "symmetric_difference", m_symmetric_difference, 0 },
    { "symmetric_difference_update", m_symmetric_difference_update, 0 },
    { "union", m_union, 0 },
    { "update", m_update, 0 },
    { NULL, NULL, 0 },
};

static const kr_method_def frozenset_methods[] = {
    { "copy", m_frozen_copy, 0 },
    { "difference", m_difference, 0 },
    { "intersection", m_intersection, 0 },
    { "isdisjoint", m_isdisjoint, 0 },
    { "issubset", m_issubset, 0 },
    { "issuperset", m_issuperset, 0 },
    { "symmetric_difference", m_symmetric_difference, 0 },
    { "union", m_union, 0 },
    { NULL, NULL, 0 },
};

static const kr_mapping_methods set_mapping = {
    .len = set_len_slot,
    .contains = set_contains_slot,
};

static const kr_number_methods set_number = {
    .binop = { [KR_OP_SUB] = set_sub, [KR_OP_AND] = set_and, [KR_OP_XOR] = set_xor,
               [KR_OP_OR] = set_or },
    .inplace = { [KR_OP_SUB] = set_isub, [KR_OP_AND] = set_iand, [KR_OP_XOR] = set_ixor,
                 [KR_OP_OR] = set_ior },
};

static const kr_number_methods frozenset_number = {
    .binop = { [KR_OP_SUB] = set_sub, [KR_OP_AND] = set_and, [KR_OP_XOR] = set_xor,
               [KR_OP_OR] = set_or },
};

kr_type kr_set_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "set",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_set_obj),
    .flags = KR_TF_BASETYPE,
    .dealloc = set_dealloc,
    .traverse = set_traverse,
    .repr = set_repr,
    .hash = kr_hash_unhashable,
    .richcompare = set_richcompare,
    .iter = set_iter_new,
    .new = set_type_new,
    .number = &set_number,
    .mapping = &set_mapping,
    .methods = set_methods,
};

kr_type kr_frozenset_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "frozenset",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_set_obj),
    .flags = KR_TF_BASETYPE,
    .dealloc = set_dealloc,
    .traverse = set_traverse,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .iter = set_iter_new,
    .new = set_type_new,
    .number = &frozenset_number,
    .mapping = &set_mapping,
    .methods = frozenset_methods,
};
