// iter.c: the builtin iterator types and helpers shared by the container modules.
//
// enumerate, zip (with strict=True and CPython's ValueError messages), map (several
// iterables), filter (None keeps true items), reversed (a type's __reversed__, else len() and
// indexing from the end) and the sequence iterator (indexing from 0 until IndexError). Each
// holds its source iterators; exhaustion drops them, so an exhausted iterator stays exhausted.
// Also the argument checks and repr buffer every container module uses.
#include "krait.h"

#include <stdlib.h>
#include <string.h>

// ---------------------------------------------------------------------------------------------
// Shared helpers

int kr_args_check(const char *fname, size_t nargs, kr_val kwnames, size_t min, size_t max) {
    if (kwnames && KR_TUPLE_LEN(kwnames) > 0) {
        kr_err_set(&kr_exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs >= min && nargs <= max) {
        return 0;
    }
    if (max == 0) {
        kr_err_set(&kr_exc_TypeError, "%s() takes no arguments (%zu given)", fname, nargs);
    } else if (min == 1 && max == 1) {
        kr_err_set(&kr_exc_TypeError, "%s() takes exactly one argument (%zu given)", fname,
                   nargs);
    } else if (min == max) {
        kr_err_set(&kr_exc_TypeError, "%s expected %zu argument%s, got %zu", fname, min,
                   min == 1 ? "" : "s", nargs);
    } else if (nargs < min) {
        kr_err_set(&kr_exc_TypeError, "%s expected at least %zu argument%s, got %zu", fname,
                   min, min == 1 ? "" : "s", nargs);
    } else {
        kr_err_set(&kr_exc_TypeError, "%s expected at most %zu argument%s, got %zu", fname, max,
                   max == 1 ? "" : "s", nargs);
    }
    return -1;
}

int kr_reprbuf_puts(kr_reprbuf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1) {
            cap *= 2;
        }
        char *d = realloc(b->data, cap);
        if (!d) {
            kr_err_no_memory();
            return -1;
        }
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    return 0;
}

int kr_reprbuf_cstr(kr_reprbuf *b, const char *s) { return kr_reprbuf_puts(b, s, strlen(s)); }

int kr_reprbuf_repr(kr_reprbuf *b, kr_val v) {
    kr_val r = kr_repr(v);
    if (!r) {
        return -1;
    }
    int ok = kr_reprbuf_puts(b, kr_str_data(r), (size_t)kr_str_nbytes(r));
    KR_DECREF(r);
    return ok;
}

kr_val kr_reprbuf_finish(kr_reprbuf *b) {
    kr_val s = kr_str_from_utf8(b->data ? b->data : "", b->len);
    kr_reprbuf_free(b);
    return s;
}

void kr_reprbuf_free(kr_reprbuf *b) {
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

kr_val kr_seq_repr(const kr_val *items, intptr_t n, const char *open, const char *close) {
    kr_reprbuf b = { 0 };
    int ok = kr_reprbuf_cstr(&b, open);
    for (intptr_t i = 0; ok == 0 && i < n; i++) {
        ok = (i && kr_reprbuf_cstr(&b, ", ") < 0) || kr_reprbuf_repr(&b, items[i]) < 0 ? -1 : 0;
    }
    if (ok < 0 || kr_reprbuf_cstr(&b, close) < 0) {
        kr_reprbuf_free(&b);
        return 0;
    }
    return kr_reprbuf_finish(&b);
}

static kr_val self_iter(kr_val v) { return kr_newref(v); }

// kr_next, treating a StopIteration raised by the iterator as plain exhaustion.
static kr_val next_item(kr_val it) {
    kr_val v = kr_next(it);
    if (!v && kr_err_occurred() && kr_err_matches(&kr_exc_StopIteration)) {
        kr_err_clear();
    }
    return v;
}

// The keyword argument 'name' of a vector call, or 0; TypeError for any other keyword.
static int keyword_only(const char *fname, const kr_val *args, size_t nargs, kr_val kwnames,
                        const char *name, kr_val *out) {
    *out = 0;
    for (intptr_t i = 0; kwnames && i < KR_TUPLE_LEN(kwnames); i++) {
        const char *k = kr_str_data(KR_TUPLE_ITEMS(kwnames)[i]);
        if (strcmp(k, name) != 0) {
            kr_err_set(&kr_exc_TypeError, "%s() got an unexpected keyword argument '%s'", fname,
                       k);
            return -1;
        }
        *out = args[nargs + (size_t)i];
    }
    return 0;
}

// ---------------------------------------------------------------------------------------------
// enumerate

typedef struct {
    kr_obj ob;
    kr_val it;
    intptr_t index;  // the next count while it fits a small int
    kr_val big;      // the next count once it does not (or started big)
} enumerate_obj;

kr_val kr_enumerate_new(kr_val iterable, kr_val start) {
    kr_val n = kr_index(start);
    kr_val it = n ? kr_iter(iterable) : 0;
    enumerate_obj *e = it ? (enumerate_obj *)kr_obj_new(&kr_enumerate_type, sizeof *e) : NULL;
    if (!e) {
        KR_XDECREF(n);
        KR_XDECREF(it);
        return 0;
    }
    e->it = it;
    if (KR_IS_SMALL(n)) {
        e->index = KR_SMALL_VALUE(n);
    } else {
        e->big = n;
    }
    return KR_VAL(e);
}

static kr_val enumerate_count(enumerate_obj *e) {
    if (e->big) {
        kr_val c = e->big;
        e->big = kr_add(c, KR_FROM_SMALL(1));
        if (!e->big) {
            e->big = c;
            return 0;
        }
        return c;
    }
    kr_val c = KR_FROM_SMALL(e->index);
    if (e->index == KR_SMALL_MAX) {
        e->big = kr_int_add_slow(c, KR_FROM_SMALL(1));
        return e->big ? c : 0;
    }
    e->index++;
    return c;
}

static kr_val enumerate_next(kr_val v) {
    enumerate_obj *e = (enumerate_obj *)v;
    kr_val item = next_item(e->it);
    if (!item) {
        return 0;
    }
    kr_val c = enumerate_count(e);
    kr_val t = c ? kr_tuple_new(2) : 0;
    if (!t) {
        KR_DECREF(item);
        KR_XDECREF(c);
        return 0;
    }
    KR_TUPLE_ITEMS(t)[0] = c;
    KR_TUPLE_ITEMS(t)[1] = item;
    return t;
}

static kr_val enumerate_type_new(const kr_type *type, const kr_val *args, size_t nargs,
                                 kr_val kwnames) {
    (void)type;
    kr_val iterable = nargs > 0 ? args[0] : 0, start = nargs > 1 ? args[1] : 0;
    for (intptr_t i = 0; kwnames && i < KR_TUPLE_LEN(kwnames); i++) {
        const char *k = kr_str_data(KR_TUPLE_ITEMS(kwnames)[i]);
        kr_val *slot = strcmp(k, "iterable") == 0 ? &iterable
                       : strcmp(k, "start") == 0  ? &start
                                                  : NULL;
        if (!slot) {
            return kr_err_set(&kr_exc_TypeError,
                              "enumerate() got an unexpected keyword argument '%s'", k);
        }
        *slot = args[nargs + (size_t)i];
    }
    if (nargs > 2) {
        return kr_err_set(&kr_exc_TypeError, "enumerate() takes at most 2 arguments (%zu given)",
                          nargs);
    }
    if (!iterable) {
        return kr_err_set(&kr_exc_TypeError,
                          "enumerate() missing required argument 'iterable'");
    }
    return kr_enumerate_new(iterable, start ? start : KR_FROM_SMALL(0));
}

static void enumerate_dealloc(kr_obj *o) {
    enumerate_obj *e = (enumerate_obj *)o;
    KR_DECREF(e->it);
    KR_XDECREF(e->big);
}

kr_type kr_enumerate_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "enumerate",
    .base = &kr_object_type,
    .basicsize = sizeof(enumerate_obj),
    .dealloc = enumerate_dealloc,
    .iter = self_iter,
    .iternext = enumerate_next,
    .new = enumerate_type_new,
};

// ---------------------------------------------------------------------------------------------
// zip

typedef struct {
    kr_obj ob;
    kr_val its;  // tuple of iterators, 0 once exhausted
    bool strict;
} zip_obj;

// A tuple of iter(x) for each of 'n' iterables.
static kr_val iter_all(const kr_val *iterables, intptr_t n) {
    kr_val t = kr_tuple_new(n);
    for (intptr_t i = 0; t && i < n; i++) {
        KR_TUPLE_ITEMS(t)[i] = kr_iter(iterables[i]);
        if (!KR_TUPLE_ITEMS(t)[i]) {
            KR_CLEAR(t);
        }
    }
    return t;
}

kr_val kr_zip_new(const kr_val *iterables, intptr_t n, bool strict) {
    kr_val its = iter_all(iterables, n);
    zip_obj *z = its ? (zip_obj *)kr_obj_new(&kr_zip_type, sizeof *z) : NULL;
    if (!z) {
        KR_XDECREF(its);
        return 0;
    }
    z->its = its;
    z->strict = strict;
    return KR_VAL(z);
}

// strict=True after iterator 'i' ran out: the others must run out too.
static kr_val zip_check_strict(zip_obj *z, intptr_t i) {
    if (kr_err_occurred()) {
        return 0;
    }
    const char *plural = i == 1 ? " " : "s 1-";
    if (i) {
        return kr_err_set(&kr_exc_ValueError, "zip() argument %td is shorter than argument%s%td",
                          (ptrdiff_t)(i + 1), plural, (ptrdiff_t)i);
    }
    for (i = 1; i < KR_TUPLE_LEN(z->its); i++) {
        kr_val item = next_item(KR_TUPLE_ITEMS(z->its)[i]);
        if (item) {
            KR_DECREF(item);
            plural = i == 1 ? " " : "s 1-";
            return kr_err_set(&kr_exc_ValueError,
                              "zip() argument %td is longer than argument%s%td",
                              (ptrdiff_t)(i + 1), plural, (ptrdiff_t)i);
        }
        if (kr_err_occurred()) {
            return 0;
        }
    }
    return 0;
}

static kr_val zip_next(kr_val v) {
    zip_obj *z = (zip_obj *)v;
    intptr_t n = z->its ? KR_TUPLE_LEN(z->its) : 0;
    if (n == 0) {
        return 0;
    }
    kr_val t = kr_tuple_new(n);
    if (!t) {
        return 0;
    }
    for (intptr_t i = 0; i < n; i++) {
        kr_val item = next_item(KR_TUPLE_ITEMS(z->its)[i]);
        if (!item) {
            KR_DECREF(t);
            kr_val r = z->strict ? zip_check_strict(z, i) : 0;
            KR_CLEAR(z->its);
            return r;
        }
        KR_TUPLE_ITEMS(t)[i] = item;
    }
    return t;
}

static kr_val zip_type_new(const kr_type *type, const kr_val *args, size_t nargs,
                           kr_val kwnames) {
    (void)type;
    kr_val strict;
    if (keyword_only("zip", args, nargs, kwnames, "strict", &strict) < 0) {
        return 0;
    }
    int s = strict ? kr_is_true(strict) : 0;
    return s < 0 ? 0 : kr_zip_new(args, (intptr_t)nargs, s);
}

static void zip_dealloc(kr_obj *o) { KR_XDECREF(((zip_obj *)o)->its); }

kr_type kr_zip_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "zip",
    .base = &kr_object_type,
    .basicsize = sizeof(zip_obj),
    .dealloc = zip_dealloc,
    .iter = self_iter,
    .iternext = zip_next,
    .new = zip_type_new,
};

// ---------------------------------------------------------------------------------------------
// map

typedef struct {
    kr_obj ob;
    kr_val func;
    kr_val its;  // tuple of iterators
} map_obj;

kr_val kr_map_new(kr_val func, const kr_val *iterables, intptr_t n) {
    kr_val its = iter_all(iterables, n);
    map_obj *m = its ? (map_obj *)kr_obj_new(&kr_map_type, sizeof *m) : NULL;
    if (!m) {
        KR_XDECREF(its);
        return 0;
    }
    m->func = kr_newref(func);
    m->its = its;
    return KR_VAL(m);
}

static kr_val map_next(kr_val v) {
    map_obj *m = (map_obj *)v;
    intptr_t n = KR_TUPLE_LEN(m->its);
    kr_val small[8];
    kr_val *args = n <= 8 ? small : malloc((size_t)n * sizeof(kr_val));
    if (!args) {
        return kr_err_no_memory();
    }
    intptr_t got = 0;
    for (; got < n; got++) {
        args[got] = next_item(KR_TUPLE_ITEMS(m->its)[got]);
        if (!args[got]) {
            break;
        }
    }
    kr_val r = got == n ? kr_call(m->func, args, (size_t)n, 0) : 0;
    for (intptr_t i = 0; i < got; i++) {
        KR_DECREF(args[i]);
    }
    if (args != small) {
        free(args);
    }
    return r;
}

static kr_val map_type_new(const kr_type *type, const kr_val *args, size_t nargs,
                           kr_val kwnames) {
    (void)type;
    if (kr_args_check("map", 0, kwnames, 0, 0) < 0) {
        return 0;
    }
    if (nargs < 2) {
        return kr_err_set(&kr_exc_TypeError, "map() must have at least two arguments.");
    }
    return kr_map_new(args[0], args + 1, (intptr_t)nargs - 1);
}

static void map_dealloc(kr_obj *o) {
    KR_DECREF(((map_obj *)o)->func);
    KR_DECREF(((map_obj *)o)->its);
}

kr_type kr_map_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "map",
    .base = &kr_object_type,
    .basicsize = sizeof(map_obj),
    .dealloc = map_dealloc,
    .iter = self_iter,
    .iternext = map_next,
    .new = map_type_new,
};

// ---------------------------------------------------------------------------------------------
// filter

typedef struct {
    kr_obj ob;
    kr_val func;  // None: keep true items
    kr_val it;
} filter_obj;

kr_val kr_filter_new(kr_val func, kr_val iterable) {
    kr_val it = kr_iter(iterable);
    filter_obj *f = it ? (filter_obj *)kr_obj_new(&kr_filter_type, sizeof *f) : NULL;
    if (!f) {
        KR_XDECREF(it);
        return 0;
    }
    f->func = kr_newref(func);
    f->it = it;
    return KR_VAL(f);
}

// Whether 'item' passes the filter: 1/0/-1.
static int filter_keeps(filter_obj *f, kr_val item) {
    if (f->func == KR_NONE || f->func == KR_VAL(&kr_bool_type)) {
        return kr_is_true(item);
    }
    kr_val r = kr_call(f->func, &item, 1, 0);
    if (!r) {
        return -1;
    }
    int t = kr_is_true(r);
    KR_DECREF(r);
    return t;
}

static kr_val filter_next(kr_val v) {
    filter_obj *f = (filter_obj *)v;
    for (;;) {
        kr_val item = next_item(f->it);
        if (!item) {
            return 0;
        }
        int keep = filter_keeps(f, item);
        if (keep > 0) {
            return item;
        }
        KR_DECREF(item);
        if (keep < 0) {
            return 0;
        }
    }
}

static kr_val filter_type_new(const kr_type *type, const kr_val *args, size_t nargs,
                              kr_val kwnames) {
    (void)type;
    if (kwnames && KR_TUPLE_LEN(kwnames)) {
        return kr_err_set(&kr_exc_TypeError, "filter() takes no keyword arguments");
    }
    if (nargs != 2) {
        return kr_err_set(&kr_exc_TypeError, "filter expected 2 arguments, got %zu", nargs);
    }
    return kr_filter_new(args[0], args[1]);
}

static void filter_dealloc(kr_obj *o) {
    KR_DECREF(((filter_obj *)o)->func);
    KR_DECREF(((filter_obj *)o)->it);
}

kr_type kr_filter_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "filter",
    .base = &kr_object_type,
    .basicsize = sizeof(filter_obj),
    .dealloc = filter_dealloc,
    .iter = self_iter,
    .iternext = filter_next,
    .new = filter_type_new,
};

// ---------------------------------------------------------------------------------------------
// reversed and the sequence iterator: both index a sequence, downwards or upwards.

typedef struct {
    kr_obj ob;
    kr_val seq;  // 0 once exhausted
    intptr_t index;
} index_iter;

static kr_val index_iter_make(const kr_type *type, kr_val seq, intptr_t start) {
    index_iter *it = (index_iter *)kr_obj_new(type, sizeof *it);
    if (!it) {
        return 0;
    }
    it->seq = kr_newref(seq);
    it->index = start;
    return KR_VAL(it);
}

kr_val kr_seq_iter_new(kr_val seq) { return index_iter_make(&kr_seq_iter_type, seq, 0); }

// seq[index], ending the iteration on IndexError or StopIteration.
static kr_val index_iter_get(index_iter *it) {
    kr_val i = KR_FROM_SMALL(it->index);
    kr_val v = kr_getitem(it->seq, i);
    if (!v) {
        if (kr_err_matches(&kr_exc_IndexError) || kr_err_matches(&kr_exc_StopIteration)) {
            kr_err_clear();
        }
        KR_CLEAR(it->seq);
    }
    return v;
}

static kr_val seq_iter_next(kr_val v) {
    index_iter *it = (index_iter *)v;
    if (!it->seq) {
        return 0;
    }
    kr_val r = index_iter_get(it);
    it->index++;
    return r;
}

static kr_val reversed_next(kr_val v) {
    index_iter *it = (index_iter *)v;
    if (!it->seq || it->index < 0) {
        KR_CLEAR(it->seq);
        return 0;
    }
    kr_val r = index_iter_get(it);
    it->index--;
    return r;
}

// The __reversed__ of 'seq': a builtin method, or an attribute of a user class; 0 if none.
static kr_val find_reversed(kr_val seq, bool *failed) {
    *failed = false;
    const kr_type *t = KR_TYPE(seq);
    const kr_method_def *m = kr_type_find_method(t, "__reversed__");
    if (m) {
        return m->fn(seq, NULL, 0, 0);
    }
    if (!(t->flags & KR_TF_HEAPTYPE)) {
        return 0;
    }
    kr_val f = kr_getattr_cstr(seq, "__reversed__");
    if (!f) {
        *failed = !kr_err_matches(&kr_exc_AttributeError);
        if (!*failed) {
            kr_err_clear();
        }
        return 0;
    }
    kr_val r = f == KR_NONE ? kr_err_set(&kr_exc_TypeError, "'%s' object is not reversible",
                                         t->name)
                            : kr_call(f, NULL, 0, 0);
    KR_DECREF(f);
    *failed = !r;
    return r;
}

kr_val kr_reversed_new(kr_val seq) {
    bool failed;
    kr_val r = find_reversed(seq, &failed);
    if (r || failed) {
        return r;
    }
    const kr_type *t = KR_TYPE(seq);
    bool sequence = false;
    for (const kr_type *d = t; d; d = d->base) {
        sequence |= d->mapping && d->mapping->getitem && d->mapping->len;
    }
    if (!sequence || kr_dict_check(seq)) {
        return kr_err_set(&kr_exc_TypeError, "'%s' object is not reversible", t->name);
    }
    intptr_t n = kr_len(seq);
    return n < 0 ? 0 : index_iter_make(&kr_reversed_type, seq, n - 1);
}

static kr_val reversed_type_new(const kr_type *type, const kr_val *args, size_t nargs,
                                kr_val kwnames) {
    (void)type;
    if (kwnames && KR_TUPLE_LEN(kwnames)) {
        return kr_err_set(&kr_exc_TypeError, "reversed() takes no keyword arguments");
    }
    if (nargs != 1) {
        return kr_err_set(&kr_exc_TypeError, "reversed expected 1 argument, got %zu", nargs);
    }
    return kr_reversed_new(args[0]);
}

static void index_iter_dealloc(kr_obj *o) { KR_XDECREF(((index_iter *)o)->seq); }

kr_type kr_reversed_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "reversed",
    .base = &kr_object_type,
    .basicsize = sizeof(index_iter),
    .dealloc = index_iter_dealloc,
    .iter = self_iter,
    .iternext = reversed_next,
    .new = reversed_type_new,
};

kr_type kr_seq_iter_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "iterator",
    .base = &kr_object_type,
    .basicsize = sizeof(index_iter),
    .dealloc = index_iter_dealloc,
    .iter = self_iter,
    .iternext = seq_iter_next,
};
