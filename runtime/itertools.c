// itertools.c: the itertools module, one C iterator type per tool.
//
// Every tool is lazy: it pulls items from its source iterators one at a time, as CPython's do,
// and only cycle, product, permutations, combinations and combinations_with_replacement keep
// copies of their input (as CPython does). An exhausted tool drops its sources, so it stays
// exhausted. Arguments, results and error messages follow CPython 3.13. The type objects are
// callable (itertools.count(5)) and are the module's attributes; chain.from_iterable is a class
// method. groupby hands out _grouper objects that stop as soon as the groupby advances past
// their group (CPython's invalidation rule); tee objects share a linked list of buffers of 57
// items, so memory is only kept for items some tee has not consumed yet.
#include "krait.h"

#include <string.h>

static kr_val self_iter(kr_val v) { return kr_newref(v); }

// kr_next, treating a StopIteration raised by the iterator as plain exhaustion.
static kr_val next_item(kr_val it) {
    kr_val v = kr_next(it);
    if (!v && kr_err_occurred() && kr_err_matches(&kr_exc_StopIteration)) {
        kr_err_clear();
    }
    return v;
}

// Arguments by position or keyword: 'names' are the parameters (NULL: no keywords allowed),
// at most 'npos' by position, the first 'nmin' required. out[i] is borrowed, 0 when absent.
static int parse_args(const char *fname, const kr_val *args, size_t nargs, kr_val kwnames,
                      const char *const *names, size_t nnames, size_t npos, size_t nmin,
                      kr_val *out) {
    size_t nkw = kwnames ? (size_t)KR_TUPLE_LEN(kwnames) : 0;
    if (nkw && !names) {
        kr_err_set(&kr_exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs > npos) {
        kr_err_set(&kr_exc_TypeError, "%s expected at most %zu argument%s, got %zu", fname, npos,
                   npos == 1 ? "" : "s", nargs);
        return -1;
    }
    for (size_t i = 0; i < nnames; i++) {
        out[i] = i < nargs ? args[i] : 0;
    }
    for (size_t k = 0; k < nkw; k++) {
        const char *key = kr_str_data(KR_TUPLE_ITEMS(kwnames)[k]);
        size_t i = 0;
        while (i < nnames && strcmp(key, names[i]) != 0) {
            i++;
        }
        if (i == nnames || out[i]) {
            kr_err_set(&kr_exc_TypeError,
                       i == nnames ? "%s() got an unexpected keyword argument '%s'"
                                   : "argument for %s() given by name ('%s') and position",
                       fname, key);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    for (size_t i = 0; i < nmin; i++) {
        if (!out[i]) {
            if (names) {
                kr_err_set(&kr_exc_TypeError, "%s() missing required argument '%s' (pos %zu)",
                           fname, names[i], i + 1);
            } else {
                kr_err_set(&kr_exc_TypeError, "%s expected %zu argument%s, got %zu", fname, nmin,
                           nmin == 1 ? "" : "s", nargs);
            }
            return -1;
        }
    }
    return 0;
}

// Exactly 'n' positional arguments, CPython's "cycle expected 1 argument, got 2".
static int exact_args(const char *fname, size_t nargs, kr_val kwnames, size_t n) {
    if (kwnames && KR_TUPLE_LEN(kwnames) > 0) {
        kr_err_set(&kr_exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs != n) {
        kr_err_set(&kr_exc_TypeError, "%s expected %zu argument%s, got %zu", fname, n,
                   n == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

#define ITER_TYPE(tname, pyname, ...)                 \
    kr_type kr_itertools_##tname##_type = {           \
        .ob = KR_STATIC_HEADER(&kr_type_type),        \
        .name = (pyname),                             \
        .module = "itertools",                        \
        .base = &kr_object_type,                      \
        .basicsize = sizeof(tname##_obj),             \
        .dealloc = tname##_dealloc,                   \
        .iter = self_iter,                            \
        .iternext = tname##_next,                     \
        __VA_ARGS__                                   \
    }

// ---------------------------------------------------------------------------------------------
// count(start=0, step=1)

typedef struct {
    kr_obj ob;
    kr_val cur, step;
} count_obj;

kr_val kr_itertools_count_new(kr_val start, kr_val step) {
    for (int i = 0; i < 2; i++) {
        kr_val v = i ? step : start;
        if (!kr_int_check(v) && !kr_float_check(v)) {
            return kr_err_set(&kr_exc_TypeError, "a number is required");
        }
    }
    count_obj *c = (count_obj *)kr_obj_new(&kr_itertools_count_type, sizeof *c);
    if (!c) {
        return 0;
    }
    c->cur = kr_newref(start);
    c->step = kr_newref(step);
    return KR_VAL(c);
}

static kr_val count_next(kr_val v) {
    count_obj *c = (count_obj *)v;
    kr_val next = kr_add(c->cur, c->step);
    if (!next) {
        return 0;
    }
    kr_val r = c->cur;
    c->cur = next;
    return r;
}

static kr_val count_repr(kr_val v) {
    count_obj *c = (count_obj *)v;
    kr_reprbuf b = { 0 };
    bool unit = c->step == KR_FROM_SMALL(1);
    int ok = kr_reprbuf_cstr(&b, "count(") | kr_reprbuf_repr(&b, c->cur);
    if (ok == 0 && !unit) {
        ok = kr_reprbuf_cstr(&b, ", ") | kr_reprbuf_repr(&b, c->step);
    }
    if (ok < 0 || kr_reprbuf_cstr(&b, ")") < 0) {
        kr_reprbuf_free(&b);
        return 0;
    }
    return kr_reprbuf_finish(&b);
}

static kr_val count_type_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    static const char *const names[] = { "start", "step" };
    kr_val a[2];
    if (nargs > 2) {
        return kr_err_set(&kr_exc_TypeError, "count() takes at most 2 arguments (%zu given)",
                          nargs);
    }
    if (parse_args("count", args, nargs, kw, names, 2, 2, 0, a) < 0) {
        return 0;
    }
    return kr_itertools_count_new(a[0] ? a[0] : KR_FROM_SMALL(0), a[1] ? a[1] : KR_FROM_SMALL(1));
}

static void count_dealloc(kr_obj *o) {
    KR_DECREF(((count_obj *)o)->cur);
    KR_DECREF(((count_obj *)o)->step);
}

ITER_TYPE(count, "count", .repr = count_repr, .new = count_type_new);

// ---------------------------------------------------------------------------------------------
// cycle(iterable)

typedef struct {
    kr_obj ob;
    kr_val it;     // source, 0 once exhausted
    kr_val saved;  // list of the items of the first pass
    intptr_t index;
} cycle_obj;

static kr_val cycle_next(kr_val v) {
    cycle_obj *c = (cycle_obj *)v;
    if (c->it) {
        kr_val item = next_item(c->it);
        if (item) {
            return kr_list_append(c->saved, item) < 0 ? (KR_DECREF(item), 0) : item;
        }
        if (kr_err_occurred()) {
            return 0;
        }
        KR_CLEAR(c->it);
    }
    intptr_t n = KR_LIST_LEN(c->saved);
    if (n == 0) {
        return 0;
    }
    kr_val item = kr_list_getindex(c->saved, c->index);
    c->index = (c->index + 1) % n;
    return item;
}

static kr_val cycle_type_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    if (exact_args("cycle", nargs, kw, 1) < 0) {
        return 0;
    }
    kr_val it = kr_iter(args[0]);
    kr_val saved = it ? kr_list_new(0) : 0;
    cycle_obj *c = saved ? (cycle_obj *)kr_obj_new(&kr_itertools_cycle_type, sizeof *c) : NULL;
    if (!c) {
        KR_XDECREF(it);
        KR_XDECREF(saved);
        return 0;
    }
    c->it = it;
    c->saved = saved;
    return KR_VAL(c);
}

static void cycle_dealloc(kr_obj *o) {
    KR_XDECREF(((cycle_obj *)o)->it);
    KR_DECREF(((cycle_obj *)o)->saved);
}

ITER_TYPE(cycle, "cycle", .new = cycle_type_new);

// ---------------------------------------------------------------------------------------------
// repeat(object[, times])

typedef struct {
    kr_obj ob;
    kr_val obj;
    intptr_t cnt;  // remaining, -1 for forever
} repeat_obj;

static kr_val repeat_next(kr_val v) {
    repeat_obj *r = (repeat_obj *)v;
    if (r->cnt == 0) {
        return 0;
    }
    if (r->cnt > 0) {
        r->cnt--;
    }
    return kr_newref(r->obj);
}

static kr_val repeat_repr(kr_val v) {
    repeat_obj *r = (repeat_obj *)v;
    kr_val o = kr_repr(r->obj);
    if (!o) {
        return 0;
    }
    const char *os = kr_str_data(o);
    kr_val s = r->cnt < 0 ? kr_str_from_format("repeat(%s)", os)
                          : kr_str_from_format("repeat(%s, %td)", os, (ptrdiff_t)r->cnt);
    KR_DECREF(o);
    return s;
}

static kr_val repeat_type_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    static const char *const names[] = { "object", "times" };
    kr_val a[2];
    intptr_t cnt = -1;
    if (parse_args("repeat", args, nargs, kw, names, 2, 2, 1, a) < 0
        || (a[1] && kr_index_as_ssize(a[1], &cnt) < 0)) {
        return 0;
    }
    repeat_obj *r = (repeat_obj *)kr_obj_new(&kr_itertools_repeat_type, sizeof *r);
    if (!r) {
        return 0;
    }
    r->obj = kr_newref(a[0]);
    r->cnt = a[1] && cnt < 0 ? 0 : cnt;
    return KR_VAL(r);
}

static void repeat_dealloc(kr_obj *o) { KR_DECREF(((repeat_obj *)o)->obj); }

ITER_TYPE(repeat, "repeat", .repr = repeat_repr, .new = repeat_type_new);

// ---------------------------------------------------------------------------------------------
// chain(*iterables), chain.from_iterable(iterable)

typedef struct {
    kr_obj ob;
    kr_val source;  // iterator over the iterables, 0 once exhausted
    kr_val active;  // iterator of the current iterable, or 0
} chain_obj;

static kr_val chain_from_source(kr_val source) {
    chain_obj *c = (chain_obj *)kr_obj_new(&kr_itertools_chain_type, sizeof *c);
    if (!c) {
        KR_DECREF(source);
        return 0;
    }
    c->source = source;
    return KR_VAL(c);
}

kr_val kr_itertools_chain_new(const kr_val *iterables, size_t n) {
    kr_val t = kr_tuple_from_array(iterables, (intptr_t)n);
    kr_val source = t ? kr_iter(t) : 0;
    KR_XDECREF(t);
    return source ? chain_from_source(source) : 0;
}

static kr_val chain_next(kr_val v) {
    chain_obj *c = (chain_obj *)v;
    while (c->source) {
        if (!c->active) {
            kr_val iterable = next_item(c->source);
            if (!iterable) {
                KR_CLEAR(c->source);
                return 0;
            }
            c->active = kr_iter(iterable);
            KR_DECREF(iterable);
            if (!c->active) {
                return 0;
            }
        }
        kr_val item = next_item(c->active);
        if (item || kr_err_occurred()) {
            return item;
        }
        KR_CLEAR(c->active);
    }
    return 0;
}

static kr_val chain_type_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    if (kw && KR_TUPLE_LEN(kw) > 0) {
        return kr_err_set(&kr_exc_TypeError, "chain() takes no keyword arguments");
    }
    return kr_itertools_chain_new(args, nargs);
}

static kr_val chain_from_iterable(kr_val cls, const kr_val *args, size_t nargs, kr_val kw) {
    (void)cls;
    if (kr_args_check("chain.from_iterable", nargs, kw, 1, 1) < 0) {
        return 0;
    }
    kr_val source = kr_iter(args[0]);
    return source ? chain_from_source(source) : 0;
}

static void chain_dealloc(kr_obj *o) {
    KR_XDECREF(((chain_obj *)o)->source);
    KR_XDECREF(((chain_obj *)o)->active);
}

static const kr_method_def chain_methods[] = {
    { "from_iterable", chain_from_iterable, KR_METH_CLASS },
    { NULL, NULL, 0 },
};

ITER_TYPE(chain, "chain", .new = chain_type_new, .methods = chain_methods);

// ---------------------------------------------------------------------------------------------
// islice(iterable, stop) / islice(iterable, start, stop[, step])

typedef struct {
    kr_obj ob;
    kr_val it;  // 0 once exhausted
    intptr_t next, stop, step, cnt;  // stop -1: no limit
} islice_obj;

static kr_val islice_next(kr_val v) {
    islice_obj *s = (islice_obj *)v;
    if (!s->it) {
        return 0;
    }
    while (s->cnt < s->next) {
        kr_val item = next_item(s->it);
        if (!item) {
            goto empty;
        }
        KR_DECREF(item);
        s->cnt++;
    }
    if (s->stop != -1 && s->cnt >= s->stop) {
        goto empty;
    }
    kr_val item = next_item(s->it);
    if (!item) {
        goto empty;
    }
    s->cnt++;
    intptr_t old = s->next;
    if (__builtin_add_overflow(s->next, s->step, &s->next) || s->next < old
        || (s->stop != -1 && s->next > s->stop)) {
        s->next = s->stop;
    }
    return item;
empty:
    KR_CLEAR(s->it);
    return 0;
}

// A start/stop value: None (dflt) or an int in 0..maxsize; ValueError 'msg' otherwise.
static int islice_index(kr_val v, intptr_t dflt, const char *msg, intptr_t *out) {
    if (v == KR_NONE) {
        *out = dflt;
        return 0;
    }
    if (!kr_int_check(v) && !kr_float_check(v)) {
        kr_val i = kr_index(v);
        if (!i) {
            kr_err_clear();
            kr_err_set(&kr_exc_ValueError, "%s", msg);
            return -1;
        }
        KR_DECREF(i);
    }
    if (kr_float_check(v) || kr_index_as_ssize(v, out) < 0) {
        kr_err_clear();
        kr_err_set(&kr_exc_ValueError, "%s", msg);
        return -1;
    }
    if (*out < 0) {
        kr_err_set(&kr_exc_ValueError, "%s", msg);
        return -1;
    }
    return 0;
}

kr_val kr_itertools_islice_new(kr_val iterable, kr_val start, kr_val stop, kr_val step) {
    intptr_t a, b, c;
    if (islice_index(stop, -1,
                     "Stop argument for islice() must be None or an integer: "
                     "0 <= x <= sys.maxsize.",
                     &b) < 0
        || islice_index(start, 0,
                        "Indices for islice() must be None or an integer: "
                        "0 <= x <= sys.maxsize.",
                        &a) < 0) {
        return 0;
    }
    if (islice_index(step, 1, "Step for islice() must be a positive integer or None.", &c) < 0
        || c == 0) {
        kr_err_clear();
        return kr_err_set(&kr_exc_ValueError,
                          "Step for islice() must be a positive integer or None.");
    }
    kr_val it = kr_iter(iterable);
    islice_obj *s = it ? (islice_obj *)kr_obj_new(&kr_itertools_islice_type, sizeof *s) : NULL;
    if (!s) {
        KR_XDECREF(it);
        return 0;
    }
    s->it = it;
    s->next = a;
    s->stop = b;
    s->step = c;
    return KR_VAL(s);
}

static kr_val islice_type_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    if (kr_args_check("islice", nargs, kw, 2, 4) < 0) {
        return 0;
    }
    if (nargs == 2) {
        return kr_itertools_islice_new(args[0], KR_NONE, args[1], KR_NONE);
    }
    return kr_itertools_islice_new(args[0], args[1], args[2], nargs == 4 ? args[3] : KR_NONE);
}

static void islice_dealloc(kr_obj *o) { KR_XDECREF(((islice_obj *)o)->it); }

ITER_TYPE(islice, "islice", .new = islice_type_new);

// ---------------------------------------------------------------------------------------------
// takewhile(predicate, iterable), dropwhile(predicate, iterable),
// filterfalse(function or None, iterable)

typedef struct {
    kr_obj ob;
    kr_val func, it;
    bool flag;  // takewhile: stopped; dropwhile: started
} pred_obj;

typedef pred_obj takewhile_obj;
typedef pred_obj dropwhile_obj;
typedef pred_obj filterfalse_obj;

// 1/0/-1: the truth of func(item) (of item itself when func is None).
static int pred_test(kr_val func, kr_val item) {
    if (func == KR_NONE) {
        return kr_is_true(item);
    }
    kr_val r = kr_call(func, &item, 1, 0);
    int t = r ? kr_is_true(r) : -1;
    KR_XDECREF(r);
    return t;
}

static kr_val pred_new(kr_type *type, const char *fname, const kr_val *args, size_t nargs,
                       kr_val kw) {
    if (kr_args_check(fname, nargs, kw, 2, 2) < 0) {
        return 0;
    }
    kr_val it = kr_iter(args[1]);
    pred_obj *p = it ? (pred_obj *)kr_obj_new(type, sizeof *p) : NULL;
    if (!p) {
        KR_XDECREF(it);
        return 0;
    }
    p->func = kr_newref(args[0]);
    p->it = it;
    return KR_VAL(p);
}

static kr_val takewhile_next(kr_val v) {
    pred_obj *p = (pred_obj *)v;
    if (p->flag) {
        return 0;
    }
    kr_val item = next_item(p->it);
    if (!item) {
        return 0;
    }
    int t = pred_test(p->func, item);
    if (t == 1) {
        return item;
    }
    KR_DECREF(item);
    p->flag = t == 0;
    return 0;
}

static kr_val dropwhile_next(kr_val v) {
    pred_obj *p = (pred_obj *)v;
    for (;;) {
        kr_val item = next_item(p->it);
        if (!item || p->flag) {
            return item;
        }
        int t = pred_test(p->func, item);
        if (t == 0) {
            p->flag = true;
            return item;
        }
        KR_DECREF(item);
        if (t < 0) {
            return 0;
        }
    }
}

static kr_val filterfalse_next(kr_val v) {
    pred_obj *p = (pred_obj *)v;
    for (;;) {
        kr_val item = next_item(p->it);
        if (!item) {
            return 0;
        }
        int t = pred_test(p->func, item);
        if (t == 0) {
            return item;
        }
        KR_DECREF(item);
        if (t < 0) {
            return 0;
        }
    }
}

static kr_val takewhile_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    return pred_new(&kr_itertools_takewhile_type, "takewhile", args, nargs, kw);
}
static kr_val dropwhile_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    return pred_new(&kr_itertools_dropwhile_type, "dropwhile", args, nargs, kw);
}
static kr_val filterfalse_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    return pred_new(&kr_itertools_filterfalse_type, "filterfalse", args, nargs, kw);
}

static void pred_dealloc(kr_obj *o) {
    KR_DECREF(((pred_obj *)o)->func);
    KR_DECREF(((pred_obj *)o)->it);
}
#define takewhile_dealloc pred_dealloc
#define dropwhile_dealloc pred_dealloc
#define filterfalse_dealloc pred_dealloc

ITER_TYPE(takewhile, "takewhile", .new = takewhile_new);
ITER_TYPE(dropwhile, "dropwhile", .new = dropwhile_new);
ITER_TYPE(filterfalse, "filterfalse", .new = filterfalse_new);

// ---------------------------------------------------------------------------------------------
// accumulate(iterable[, func, *, initial=None]), starmap(function, iterable)

typedef struct {
    kr_obj ob;
    kr_val it, func;  // func 0 for addition
    kr_val total;     // 0 before the first item
    kr_val initial;   // yielded first, then 0
} accumulate_obj;

static kr_val accumulate_next(kr_val v) {
    accumulate_obj *a = (accumulate_obj *)v;
    if (a->initial) {
        a->total = a->initial;
        a->initial = 0;
        return kr_newref(a->total);
    }
    kr_val item = next_item(a->it);
    if (!item) {
        return 0;
    }
    if (a->total) {
        kr_val pair[2] = { a->total, item };
        kr_val t = a->func ? kr_call(a->func, pair, 2, 0) : kr_add(a->total, item);
        KR_DECREF(item);
        if (!t) {
            return 0;
        }
        item = t;
    }
    KR_SETREF(a->total, kr_newref(item));
    return item;
}

static kr_val accumulate_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    static const char *const names[] = { "iterable", "func", "initial" };
    kr_val a[3];
    if (parse_args("accumulate", args, nargs, kw, names, 3, 2, 1, a) < 0) {
        return 0;
    }
    kr_val it = kr_iter(a[0]);
    accumulate_obj *o = it ? (accumulate_obj *)kr_obj_new(&kr_itertools_accumulate_type,
                                                          sizeof *o)
                           : NULL;
    if (!o) {
        KR_XDECREF(it);
        return 0;
    }
    o->it = it;
    o->func = a[1] && a[1] != KR_NONE ? kr_newref(a[1]) : 0;
    o->initial = a[2] && a[2] != KR_NONE ? kr_newref(a[2]) : 0;
    return KR_VAL(o);
}

static void accumulate_dealloc(kr_obj *o) {
    accumulate_obj *a = (accumulate_obj *)o;
    KR_DECREF(a->it);
    KR_XDECREF(a->func);
    KR_XDECREF(a->total);
    KR_XDECREF(a->initial);
}

ITER_TYPE(accumulate, "accumulate", .new = accumulate_new);

typedef pred_obj starmap_obj;

static kr_val starmap_next(kr_val v) {
    pred_obj *p = (pred_obj *)v;
    kr_val item = next_item(p->it);
    if (!item) {
        return 0;
    }
    kr_val t = kr_tuple_from_iterable(item);
    KR_DECREF(item);
    if (!t) {
        return 0;
    }
    kr_val r = kr_call(p->func, KR_TUPLE_ITEMS(t), (size_t)KR_TUPLE_LEN(t), 0);
    KR_DECREF(t);
    return r;
}

static kr_val starmap_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    return pred_new(&kr_itertools_starmap_type, "starmap", args, nargs, kw);
}
#define starmap_dealloc pred_dealloc

ITER_TYPE(starmap, "starmap", .new = starmap_new);

// ---------------------------------------------------------------------------------------------
// Combinatoric iterators: product, permutations, combinations,
// combinations_with_replacement. Each materializes its input as CPython does and keeps an
// index vector; 'stopped' once the last result was produced.

typedef struct {
    kr_obj ob;
    kr_val pools;  // product: tuple of tuples; the others: the pool tuple
    intptr_t *indices;
    intptr_t *cycles;  // permutations only
    intptr_t r;        // result length
    bool started, stopped;
} combo_obj;

typedef combo_obj product_obj;
typedef combo_obj permutations_obj;
typedef combo_obj combinations_obj;
typedef combo_obj combinations_with_replacement_obj;

static void combo_dealloc(kr_obj *o) {
    combo_obj *c = (combo_obj *)o;
    KR_XDECREF(c->pools);
    kr_free(c->indices);
    kr_free(c->cycles);
}
#define product_dealloc combo_dealloc
#define permutations_dealloc combo_dealloc
#define combinations_dealloc combo_dealloc
#define combinations_with_replacement_dealloc combo_dealloc

static combo_obj *combo_alloc(kr_type *type, kr_val pools, intptr_t r, intptr_t ncycles) {
    combo_obj *c = (combo_obj *)kr_obj_new(type, sizeof *c);
    if (!c) {
        KR_DECREF(pools);
        return NULL;
    }
    c->pools = pools;
    c->r = r;
    c->indices = kr_alloc_atomic((size_t)(r + 1) * sizeof(intptr_t));
    c->cycles = ncycles ? kr_alloc_atomic((size_t)(ncycles + 1) * sizeof(intptr_t)) : NULL;
    if (!c->indices || (ncycles && !c->cycles)) {
        KR_DECREF(c);
        return NULL;
    }
    return c;
}

// The tuple pool[indices[0]], ..., pool[indices[r-1]] (product: pools[i][indices[i]]).
static kr_val combo_result(combo_obj *c, bool product) {
    kr_val t = kr_tuple_new(c->r);
    for (intptr_t i = 0; t && i < c->r; i++) {
        kr_val pool = product ? KR_TUPLE_ITEMS(c->pools)[i] : c->pools;
        KR_TUPLE_ITEMS(t)[i] = kr_newref(KR_TUPLE_ITEMS(pool)[c->indices[i]]);
    }
    return t;
}

static kr_val product_next(kr_val v) {
    combo_obj *c = (combo_obj *)v;
    if (c->stopped) {
        return 0;
    }
    if (c->started) {
        intptr_t i = c->r - 1;
        for (; i >= 0; i--) {
            if (++c->indices[i] < KR_TUPLE_LEN(KR_TUPLE_ITEMS(c->pools)[i])) {
                break;
            }
            c->indices[i] = 0;
        }
        if (i < 0) {
            c->stopped = true;
            return 0;
        }
    }
    c->started = true;
    return combo_result(c, true);
}

static kr_val product_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    static const char *const names[] = { "repeat" };
    kr_val rep;
    intptr_t repeat = 1;
    if (parse_args("product", args + nargs, 0, kw, names, 1, 0, 0, &rep) < 0
        || (rep && kr_index_as_ssize(rep, &repeat) < 0)) {
        return 0;
    }
    if (repeat < 0) {
        return kr_err_set(&kr_exc_ValueError, "repeat argument cannot be negative");
    }
    intptr_t n = (intptr_t)nargs * repeat;
    kr_val pools = kr_tuple_new(n);
    for (intptr_t i = 0; pools && i < (intptr_t)nargs; i++) {
        kr_val p = kr_tuple_from_iterable(args[i]);
        for (intptr_t j = 0; p && j < repeat; j++) {
            KR_TUPLE_ITEMS(pools)[j * (intptr_t)nargs + i] = kr_newref(p);
        }
        if (!p) {
            KR_CLEAR(pools);  // unfilled slots are 0, which a tuple's dealloc skips
        }
        KR_XDECREF(p);
    }
    combo_obj *c = pools ? combo_alloc(&kr_itertools_product_type, pools, n, 0) : NULL;
    if (!c) {
        return 0;
    }
    for (intptr_t i = 0; i < n; i++) {
        c->indices[i] = 0;
        c->stopped |= KR_TUPLE_LEN(KR_TUPLE_ITEMS(pools)[i]) == 0;
    }
    return KR_VAL(c);
}

ITER_TYPE(product, "product", .new = product_new);

static kr_val combinations_next(kr_val v) {
    combo_obj *c = (combo_obj *)v;
    intptr_t n = KR_TUPLE_LEN(c->pools), r = c->r;
    if (c->stopped) {
        return 0;
    }
    if (c->started) {
        intptr_t i = r - 1;
        while (i >= 0 && c->indices[i] == i + n - r) {
            i--;
        }
        if (i < 0) {
            c->stopped = true;
            return 0;
        }
        c->indices[i]++;
        for (intptr_t j = i + 1; j < r; j++) {
            c->indices[j] = c->indices[j - 1] + 1;
        }
    }
    c->started = true;
    return combo_result(c, false);
}

static kr_val cwr_next(kr_val v) {
    combo_obj *c = (combo_obj *)v;
    intptr_t n = KR_TUPLE_LEN(c->pools), r = c->r;
    if (c->stopped) {
        return 0;
    }
    if (c->started) {
        intptr_t i = r - 1;
        while (i >= 0 && c->indices[i] == n - 1) {
            i--;
        }
        if (i < 0) {
            c->stopped = true;
            return 0;
        }
        intptr_t idx = c->indices[i] + 1;
        for (intptr_t j = i; j < r; j++) {
            c->indices[j] = idx;
        }
    }
    c->started = true;
    return combo_result(c, false);
}
#define combinations_with_replacement_next cwr_next

static kr_val permutations_next(kr_val v) {
    combo_obj *c = (combo_obj *)v;
    intptr_t n = KR_TUPLE_LEN(c->pools), r = c->r;
    if (c->stopped) {
        return 0;
    }
    if (c->started) {
        intptr_t i = r - 1;
        for (; i >= 0; i--) {
            if (--c->cycles[i] == 0) {
                // Rotate indices[i:] left by one.
                intptr_t first = c->indices[i];
                memmove(&c->indices[i], &c->indices[i + 1], (size_t)(n - i - 1) * sizeof(intptr_t));
                c->indices[n - 1] = first;
                c->cycles[i] = n - i;
            } else {
                intptr_t j = c->cycles[i];
                intptr_t tmp = c->indices[i];
                c->indices[i] = c->indices[n - j];
                c->indices[n - j] = tmp;
                break;
            }
        }
        if (i < 0) {
            c->stopped = true;
            return 0;
        }
    }
    c->started = true;
    return combo_result(c, false);
}

// The pool tuple and r of combinations-like constructors ('r' None allowed when 'r_optional').
static kr_val combo_args(const char *fname, const kr_val *args, size_t nargs, kr_val kw,
                         bool r_optional, intptr_t *r) {
    static const char *const names[] = { "iterable", "r" };
    kr_val a[2];
    if (parse_args(fname, args, nargs, kw, names, 2, 2, r_optional ? 1 : 2, a) < 0) {
        return 0;
    }
    kr_val pool = kr_tuple_from_iterable(a[0]);
    if (!pool) {
        return 0;
    }
    *r = KR_TUPLE_LEN(pool);
    if (a[1] && a[1] != KR_NONE) {
        if (r_optional && !kr_int_check(a[1])) {
            KR_DECREF(pool);
            return kr_err_set(&kr_exc_TypeError, "Expected int as r");
        }
        if (kr_index_as_ssize(a[1], r) < 0) {
            KR_DECREF(pool);
            return 0;
        }
        if (*r < 0) {
            KR_DECREF(pool);
            return kr_err_set(&kr_exc_ValueError, "r must be non-negative");
        }
    }
    return pool;
}

static kr_val combinations_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    intptr_t r;
    kr_val pool = combo_args("combinations", args, nargs, kw, false, &r);
    combo_obj *c = pool ? combo_alloc(&kr_itertools_combinations_type, pool, r, 0) : NULL;
    if (!c) {
        return 0;
    }
    for (intptr_t i = 0; i < r; i++) {
        c->indices[i] = i;
    }
    c->stopped = r > KR_TUPLE_LEN(pool);
    return KR_VAL(c);
}

static kr_val cwr_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    intptr_t r;
    kr_val pool = combo_args("combinations_with_replacement", args, nargs, kw, false, &r);
    combo_obj *c =
        pool ? combo_alloc(&kr_itertools_combinations_with_replacement_type, pool, r, 0) : NULL;
    if (!c) {
        return 0;
    }
    memset(c->indices, 0, (size_t)r * sizeof(intptr_t));
    c->stopped = KR_TUPLE_LEN(pool) == 0 && r > 0;
    return KR_VAL(c);
}

static kr_val permutations_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    intptr_t r;
    kr_val pool = combo_args("permutations", args, nargs, kw, true, &r);
    intptr_t n = pool ? KR_TUPLE_LEN(pool) : 0;
    combo_obj *c =
        pool ? combo_alloc(&kr_itertools_permutations_type, pool, n > r ? n : r, r) : NULL;
    if (!c) {
        return 0;
    }
    c->r = r;
    for (intptr_t i = 0; i < n; i++) {
        c->indices[i] = i;
    }
    for (intptr_t i = 0; i < r; i++) {
        c->cycles[i] = n - i;
    }
    c->stopped = r > n;
    return KR_VAL(c);
}

ITER_TYPE(combinations, "combinations", .new = combinations_new);
ITER_TYPE(combinations_with_replacement, "combinations_with_replacement", .new = cwr_new);
ITER_TYPE(permutations, "permutations", .new = permutations_new);

// ---------------------------------------------------------------------------------------------
// groupby(iterable, key=None) and its _grouper

typedef struct {
    kr_obj ob;
    kr_val it, keyfunc;        // keyfunc 0 for identity
    kr_val tgtkey;             // key of the current group, or 0
    kr_val currkey, currvalue;  // the item read ahead and its key, or 0
    kr_val currgrouper;        // the live grouper of the current group (borrowed), or 0
} groupby_obj;

typedef struct {
    kr_obj ob;
    kr_val parent;  // groupby_obj
    kr_val tgtkey;
} grouper_obj;

// Reads the next item and its key into currvalue/currkey: 1, 0 at the end, -1 on error.
static int groupby_step(groupby_obj *g) {
    kr_val v = next_item(g->it);
    if (!v) {
        return kr_err_occurred() ? -1 : 0;
    }
    kr_val k = g->keyfunc ? kr_call(g->keyfunc, &v, 1, 0) : kr_newref(v);
    if (!k) {
        KR_DECREF(v);
        return -1;
    }
    KR_SETREF(g->currvalue, v);
    KR_SETREF(g->currkey, k);
    return 1;
}

static kr_val groupby_next(kr_val v) {
    groupby_obj *g = (groupby_obj *)v;
    g->currgrouper = 0;
    // Skip to the next key.
    for (;;) {
        if (!g->currkey) {
            if (groupby_step(g) <= 0) {
                return 0;
            }
        } else if (!g->tgtkey) {
            break;
        } else {
            int eq = kr_richcompare_bool(g->tgtkey, g->currkey, KR_EQ);
            if (eq < 0) {
                return 0;
            }
            if (!eq) {
                break;
            }
            if (groupby_step(g) <= 0) {
                return 0;
            }
        }
    }
    KR_SETREF(g->tgtkey, kr_newref(g->currkey));
    grouper_obj *gr = (grouper_obj *)kr_obj_new(&kr_itertools_grouper_type, sizeof *gr);
    if (!gr) {
        return 0;
    }
    gr->parent = kr_newref(v);
    gr->tgtkey = kr_newref(g->tgtkey);
    g->currgrouper = KR_VAL(gr);
    kr_val t = kr_tuple_pack(2, g->currkey, KR_VAL(gr));
    KR_DECREF(gr);
    return t;
}

static kr_val grouper_next(kr_val v) {
    grouper_obj *gr = (grouper_obj *)v;
    groupby_obj *g = (groupby_obj *)gr->parent;
    if (g->currgrouper != v) {
        return 0;
    }
    if (!g->currvalue) {
        if (groupby_step(g) <= 0) {
            return 0;
        }
    }
    int eq = kr_richcompare_bool(gr->tgtkey, g->currkey, KR_EQ);
    if (eq <= 0) {
        return 0;
    }
    kr_val r = g->currvalue;
    g->currvalue = 0;
    KR_CLEAR(g->currkey);
    return r;
}

static kr_val groupby_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    static const char *const names[] = { "iterable", "key" };
    kr_val a[2];
    if (parse_args("groupby", args, nargs, kw, names, 2, 2, 1, a) < 0) {
        return 0;
    }
    kr_val it = kr_iter(a[0]);
    groupby_obj *g = it ? (groupby_obj *)kr_obj_new(&kr_itertools_groupby_type, sizeof *g) : NULL;
    if (!g) {
        KR_XDECREF(it);
        return 0;
    }
    g->it = it;
    g->keyfunc = a[1] && a[1] != KR_NONE ? kr_newref(a[1]) : 0;
    return KR_VAL(g);
}

static void groupby_dealloc(kr_obj *o) {
    groupby_obj *g = (groupby_obj *)o;
    KR_DECREF(g->it);
    KR_XDECREF(g->keyfunc);
    KR_XDECREF(g->tgtkey);
    KR_XDECREF(g->currkey);
    KR_XDECREF(g->currvalue);
}

static void grouper_dealloc(kr_obj *o) {
    grouper_obj *gr = (grouper_obj *)o;
    groupby_obj *g = (groupby_obj *)gr->parent;
    if (g->currgrouper == KR_VAL(o)) {
        g->currgrouper = 0;
    }
    KR_DECREF(gr->parent);
    KR_DECREF(gr->tgtkey);
}

ITER_TYPE(groupby, "groupby", .new = groupby_new);
ITER_TYPE(grouper, "_grouper");

// ---------------------------------------------------------------------------------------------
// zip_longest(*iterables, fillvalue=None)

typedef struct {
    kr_obj ob;
    kr_val its;  // tuple; an exhausted slot holds None
    intptr_t active;
    kr_val fill;
} zip_longest_obj;

static kr_val zip_longest_next(kr_val v) {
    zip_longest_obj *z = (zip_longest_obj *)v;
    intptr_t n = KR_TUPLE_LEN(z->its);
    if (n == 0 || z->active == 0) {
        return 0;
    }
    kr_val t = kr_tuple_new(n);
    for (intptr_t i = 0; t && i < n; i++) {
        kr_val *slot = &KR_TUPLE_ITEMS(z->its)[i];
        kr_val item = *slot == KR_NONE ? 0 : next_item(*slot);
        if (!item && kr_err_occurred()) {
            KR_CLEAR(t);
            break;
        }
        if (!item && *slot != KR_NONE) {
            KR_SETREF(*slot, KR_NONE);
            if (--z->active == 0) {
                KR_CLEAR(t);
                break;
            }
        }
        KR_TUPLE_ITEMS(t)[i] = item ? item : kr_newref(z->fill);
    }
    if (!t) {
        for (intptr_t i = 0; i < n; i++) {
            KR_SETREF(KR_TUPLE_ITEMS(z->its)[i], kr_newref(KR_NONE));
        }
        z->active = 0;
    }
    return t;
}

static kr_val zip_longest_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    static const char *const names[] = { "fillvalue" };
    kr_val fill;
    if (parse_args("zip_longest", args + nargs, 0, kw, names, 1, 0, 0, &fill) < 0) {
        kr_err_clear();
        return kr_err_set(&kr_exc_TypeError,
                          "zip_longest() got an unexpected keyword argument");
    }
    kr_val its = kr_tuple_new((intptr_t)nargs);
    for (size_t i = 0; its && i < nargs; i++) {
        KR_TUPLE_ITEMS(its)[i] = kr_iter(args[i]);
        if (!KR_TUPLE_ITEMS(its)[i]) {
            KR_CLEAR(its);
        }
    }
    zip_longest_obj *z =
        its ? (zip_longest_obj *)kr_obj_new(&kr_itertools_zip_longest_type, sizeof *z) : NULL;
    if (!z) {
        KR_XDECREF(its);
        return 0;
    }
    z->its = its;
    z->active = (intptr_t)nargs;
    z->fill = kr_newref(fill ? fill : KR_NONE);
    return KR_VAL(z);
}

static void zip_longest_dealloc(kr_obj *o) {
    KR_DECREF(((zip_longest_obj *)o)->its);
    KR_DECREF(((zip_longest_obj *)o)->fill);
}

ITER_TYPE(zip_longest, "zip_longest", .new = zip_longest_new);

// ---------------------------------------------------------------------------------------------
// tee(iterable, n=2): tee objects read a shared linked list of data blocks.

#define TEE_CELLS 57

typedef struct {
    kr_obj ob;
    kr_val it;        // the source (shared by every block of a tee)
    int numread;      // items read into 'values'
    bool running;     // guards against re-entrant reads
    kr_val nextlink;  // next block, or 0
    kr_val values[TEE_CELLS];
} tee_dataobject_obj;

typedef struct {
    kr_obj ob;
    kr_val data;  // tee_dataobject_obj
    int index;
} tee_obj;

static kr_val tee_data_new(kr_val it) {
    tee_dataobject_obj *d =
        (tee_dataobject_obj *)kr_obj_new(&kr_itertools_tee_dataobject_type, sizeof *d);
    if (d) {
        d->it = kr_newref(it);
    }
    return KR_VAL(d);
}

static kr_val tee_data_item(tee_dataobject_obj *d, int i) {
    if (i < d->numread) {
        return kr_newref(d->values[i]);
    }
    if (d->running) {
        return kr_err_set(&kr_exc_RuntimeError, "cannot re-enter the tee iterator");
    }
    d->running = true;
    kr_val v = next_item(d->it);
    d->running = false;
    if (v) {
        d->values[d->numread++] = v;
        return kr_newref(v);
    }
    return 0;
}

static kr_val tee_next(kr_val v) {
    tee_obj *t = (tee_obj *)v;
    tee_dataobject_obj *d = (tee_dataobject_obj *)t->data;
    if (t->index >= TEE_CELLS) {
        if (!d->nextlink) {
            d->nextlink = tee_data_new(d->it);
            if (!d->nextlink) {
                return 0;
            }
        }
        KR_SETREF(t->data, kr_newref(d->nextlink));
        t->index = 0;
        d = (tee_dataobject_obj *)t->data;
    }
    kr_val item = tee_data_item(d, t->index);
    if (item) {
        t->index++;
    }
    return item;
}

static kr_val tee_copy(kr_val v) {
    tee_obj *src = (tee_obj *)v;
    tee_obj *t = (tee_obj *)kr_obj_new(&kr_itertools_tee_type, sizeof *t);
    if (t) {
        t->data = kr_newref(src->data);
        t->index = src->index;
    }
    return KR_VAL(t);
}

static kr_val tee_from_iterable(kr_val iterable) {
    kr_val it = kr_iter(iterable);
    if (!it) {
        return 0;
    }
    if (KR_TYPE(it) == &kr_itertools_tee_type) {
        kr_val t = tee_copy(it);
        KR_DECREF(it);
        return t;
    }
    kr_val data = tee_data_new(it);
    KR_DECREF(it);
    tee_obj *t = data ? (tee_obj *)kr_obj_new(&kr_itertools_tee_type, sizeof *t) : NULL;
    if (!t) {
        KR_XDECREF(data);
        return 0;
    }
    t->data = data;
    return KR_VAL(t);
}

static kr_val tee_type_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    if (kr_args_check("_tee", nargs, kw, 1, 1) < 0) {
        return 0;
    }
    return tee_from_iterable(args[0]);
}

static kr_val tee_meth_copy(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)args;
    return kr_args_check("__copy__", nargs, kw, 0, 0) < 0 ? 0 : tee_copy(self);
}

static void tee_dealloc(kr_obj *o) { KR_DECREF(((tee_obj *)o)->data); }

static void tee_dataobject_dealloc(kr_obj *o) {
    tee_dataobject_obj *d = (tee_dataobject_obj *)o;
    KR_DECREF(d->it);
    for (int i = 0; i < d->numread; i++) {
        KR_DECREF(d->values[i]);
    }
    // Release the chain iteratively: a long unread chain must not recurse once per block.
    kr_val next = d->nextlink;
    while (next) {
        tee_dataobject_obj *n = (tee_dataobject_obj *)next;
        if (KR_OBJ(next)->rc > 1) {
            KR_DECREF(next);
            break;
        }
        kr_val after = n->nextlink;
        n->nextlink = 0;
        KR_DECREF(next);
        next = after;
    }
}

static const kr_method_def tee_methods[] = {
    { "__copy__", tee_meth_copy, 0 },
    { NULL, NULL, 0 },
};

ITER_TYPE(tee, "_tee", .new = tee_type_new, .methods = tee_methods);
// Not an iterator itself: only tee objects read it.
kr_type kr_itertools_tee_dataobject_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "_tee_dataobject",
    .module = "itertools",
    .base = &kr_object_type,
    .basicsize = sizeof(tee_dataobject_obj),
    .dealloc = tee_dataobject_dealloc,
};

static kr_val it_tee(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    intptr_t n = 2;
    if (kr_args_check("tee", nargs, kw, 1, 2) < 0
        || (nargs == 2 && kr_index_as_ssize(args[1], &n) < 0)) {
        return 0;
    }
    if (n < 0) {
        return kr_err_set(&kr_exc_ValueError, "n must be >= 0");
    }
    kr_val r = kr_tuple_new(n);
    kr_val first = r && n ? tee_from_iterable(args[0]) : 0;
    if (!r || (n && !first)) {
        KR_XDECREF(r);
        return 0;
    }
    for (intptr_t i = 0; i < n; i++) {
        KR_TUPLE_ITEMS(r)[i] = i == 0 ? first : tee_copy(first);
        if (!KR_TUPLE_ITEMS(r)[i]) {
            KR_DECREF(r);
            return 0;
        }
    }
    return r;
}

// ---------------------------------------------------------------------------------------------
// pairwise(iterable), batched(iterable, n, *, strict=False), compress(data, selectors)

typedef struct {
    kr_obj ob;
    kr_val it, old;  // it 0 once exhausted
} pairwise_obj;

static kr_val pairwise_next(kr_val v) {
    pairwise_obj *p = (pairwise_obj *)v;
    if (!p->it) {
        return 0;
    }
    if (!p->old) {
        p->old = next_item(p->it);
        if (!p->old) {
            KR_CLEAR(p->it);
            return 0;
        }
    }
    kr_val item = next_item(p->it);
    if (!item) {
        KR_CLEAR(p->it);
        KR_CLEAR(p->old);
        return 0;
    }
    kr_val t = kr_tuple_pack(2, p->old, item);
    KR_SETREF(p->old, item);
    return t;
}

static kr_val pairwise_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    if (exact_args("pairwise", nargs, kw, 1) < 0) {
        return 0;
    }
    kr_val it = kr_iter(args[0]);
    pairwise_obj *p = it ? (pairwise_obj *)kr_obj_new(&kr_itertools_pairwise_type, sizeof *p)
                         : NULL;
    if (!p) {
        KR_XDECREF(it);
        return 0;
    }
    p->it = it;
    return KR_VAL(p);
}

static void pairwise_dealloc(kr_obj *o) {
    KR_XDECREF(((pairwise_obj *)o)->it);
    KR_XDECREF(((pairwise_obj *)o)->old);
}

ITER_TYPE(pairwise, "pairwise", .new = pairwise_new);

typedef struct {
    kr_obj ob;
    kr_val it;  // 0 once exhausted
    intptr_t n;
    bool strict;
} batched_obj;

static kr_val batched_next(kr_val v) {
    batched_obj *b = (batched_obj *)v;
    if (!b->it) {
        return 0;
    }
    kr_val list = kr_list_new(b->n);
    intptr_t i = 0;
    for (; list && i < b->n; i++) {
        kr_val item = next_item(b->it);
        if (!item) {
            break;
        }
        if (kr_list_append(list, item) < 0) {
            KR_CLEAR(list);
        }
        KR_DECREF(item);
    }
    if (!list || kr_err_occurred() || i < b->n) {
        KR_CLEAR(b->it);
    }
    if (list && !kr_err_occurred() && i > 0 && i < b->n && b->strict) {
        kr_err_set(&kr_exc_ValueError, "batched(): incomplete batch");
    }
    kr_val t = list && i > 0 && !kr_err_occurred() ? kr_list_as_tuple(list) : 0;
    KR_XDECREF(list);
    return t;
}

static kr_val batched_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    static const char *const names[] = { "iterable", "n", "strict" };
    kr_val a[3];
    intptr_t n;
    if (parse_args("batched", args, nargs, kw, names, 3, 2, 2, a) < 0
        || kr_index_as_ssize(a[1], &n) < 0) {
        return 0;
    }
    int strict = a[2] ? kr_is_true(a[2]) : 0;
    if (strict < 0) {
        return 0;
    }
    if (n < 1) {
        return kr_err_set(&kr_exc_ValueError, "n must be at least one");
    }
    kr_val it = kr_iter(a[0]);
    batched_obj *b = it ? (batched_obj *)kr_obj_new(&kr_itertools_batched_type, sizeof *b)
                        : NULL;
    if (!b) {
        KR_XDECREF(it);
        return 0;
    }
    b->it = it;
    b->n = n;
    b->strict = strict;
    return KR_VAL(b);
}

static void batched_dealloc(kr_obj *o) { KR_XDECREF(((batched_obj *)o)->it); }

ITER_TYPE(batched, "batched", .new = batched_new);

typedef struct {
    kr_obj ob;
    kr_val data, selectors;
} compress_obj;

static kr_val compress_next(kr_val v) {
    compress_obj *c = (compress_obj *)v;
    for (;;) {
        kr_val item = next_item(c->data);
        if (!item) {
            return 0;
        }
        kr_val sel = next_item(c->selectors);
        int t = sel ? kr_is_true(sel) : -1;
        KR_XDECREF(sel);
        if (t == 1) {
            return item;
        }
        KR_DECREF(item);
        if (t < 0) {
            return 0;
        }
    }
}

static kr_val compress_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    static const char *const names[] = { "data", "selectors" };
    kr_val a[2];
    if (parse_args("compress", args, nargs, kw, names, 2, 2, 2, a) < 0) {
        return 0;
    }
    kr_val d = kr_iter(a[0]), s = d ? kr_iter(a[1]) : 0;
    compress_obj *c = s ? (compress_obj *)kr_obj_new(&kr_itertools_compress_type, sizeof *c)
                        : NULL;
    if (!c) {
        KR_XDECREF(d);
        KR_XDECREF(s);
        return 0;
    }
    c->data = d;
    c->selectors = s;
    return KR_VAL(c);
}

static void compress_dealloc(kr_obj *o) {
    KR_DECREF(((compress_obj *)o)->data);
    KR_DECREF(((compress_obj *)o)->selectors);
}

ITER_TYPE(compress, "compress", .new = compress_new);

// ---------------------------------------------------------------------------------------------
// The module

kr_val kr_itertoolsmodule_init(void) {
    static kr_type *const types[] = {
#define KR_X_(t) &kr_itertools_##t##_type,
        KR_ITERTOOLS_TYPES(KR_X_)
#undef KR_X_
    };
    kr_val m = kr_module_new("itertools");
    for (size_t i = 0; m && i < sizeof types / sizeof *types; i++) {
        if (kr_module_add(m, types[i]->name, KR_VAL(types[i])) < 0) {
            KR_CLEAR(m);
        }
    }
    if (m && kr_module_add_cfunc(m, "tee", it_tee) < 0) {
        KR_CLEAR(m);
    }
    return m;
}
