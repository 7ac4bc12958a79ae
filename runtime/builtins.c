// builtins.c: the builtin functions and the builtins namespace.
//
// Each builtin has a direct entry point kr_builtin_<name> for generated code, taking its
// arguments as Python passes them (optional ones as None or 0, as the declaration in krait.h
// says), and a builtin function object kr_builtin_fn_<name> for first-class use (`f = len`)
// that unpacks a vector call with CPython's argument checks and messages. kr_builtins_lookup
// maps every name of the builtins module krait provides to its object. open() and the file
// objects live in fileio.c.
#include "krait.h"

#include <math.h>
#include <pthread.h>
#include <string.h>

kr_val kr_builtin_abs(kr_val x) { return kr_abs(x); }

kr_val kr_builtin_divmod(kr_val a, kr_val b) { return kr_divmod(a, b); }

kr_val kr_builtin_pow(kr_val base, kr_val exp, kr_val mod) { return kr_power(base, exp, mod); }

// round(x, ndigits) for an int 'x': with ndigits = -n < 0, half to even at 10**n.
static kr_val round_int(kr_val x, kr_val ndigits) {
    if (ndigits == KR_NONE || kr_int_sign(ndigits) >= 0) {
        return kr_index(x);
    }
    kr_val n = kr_int_neg(ndigits);
    kr_val p = n ? kr_int_pow(KR_FROM_SMALL(10), n, KR_NONE) : 0;
    KR_XDECREF(n);
    kr_val q = p ? kr_int_divmod(x, p) : 0;
    if (!q) {
        KR_XDECREF(p);
        return 0;
    }
    kr_val quot = KR_TUPLE_ITEMS(q)[0], rem = KR_TUPLE_ITEMS(q)[1];
    kr_val twice = kr_int_lshift(rem, KR_FROM_SMALL(1));
    int c = twice ? kr_int_compare(twice, p) : 0;
    KR_XDECREF(twice);
    // quot & 1 is always a small int.
    bool odd = kr_int_and(quot, KR_FROM_SMALL(1)) == KR_FROM_SMALL(1);
    kr_val adj = c > 0 || (c == 0 && odd) ? KR_FROM_SMALL(1) : KR_FROM_SMALL(0);
    kr_val r1 = kr_int_add(quot, adj);
    KR_DECREF(q);
    kr_val r = r1 ? kr_int_mul(r1, p) : 0;
    KR_XDECREF(r1);
    KR_DECREF(p);
    return r;
}

kr_val kr_builtin_round(kr_val x, kr_val ndigits) {
    if (kr_int_check(x)) {
        return round_int(x, ndigits);
    }
    if (kr_float_check(x)) {
        if (ndigits != KR_NONE && !kr_int_check(ndigits)) {
            kr_val i = kr_index(ndigits);
            if (!i) {
                return 0;
            }
            kr_val r = kr_float_round(KR_FLOAT_VALUE(x), i);
            KR_DECREF(i);
            return r;
        }
        return kr_float_round(KR_FLOAT_VALUE(x), ndigits);
    }
    return kr_err_set(&kr_exc_TypeError, "type %s doesn't define __round__ method",
                      kr_type_name(x));
}

kr_val kr_builtin_hash(kr_val x) {
    intptr_t h = kr_hash(x);
    return h == -1 ? 0 : kr_int_from_i64(h);
}

kr_val kr_builtin_id(kr_val x) {
    // Small ints have no address; their tagged word is unique and stable, which is all id()
    // promises.
    return kr_int_from_u64((uint64_t)x);
}

static bool is_type(kr_val v) { return KR_IS_PTR(v) && KR_OBJ(v)->type->flags & KR_TF_TYPE_SUB; }

// Applies 'test' to 'cls' or to each element of a tuple (recursively), as isinstance does.
static int check_class_or_tuple(kr_val x, kr_val cls, const char *fname,
                                int (*test)(kr_val, const kr_type *)) {
    if (kr_tuple_check(cls)) {
        for (intptr_t i = 0; i < KR_TUPLE_LEN(cls); i++) {
            int r = check_class_or_tuple(x, KR_TUPLE_ITEMS(cls)[i], fname, test);
            if (r != 0) {
                return r;
            }
        }
        return 0;
    }
    if (kr_union_check(cls)) {
        return check_class_or_tuple(x, kr_union_args(cls), fname, test);
    }
    if (kr_genericalias_check(cls)) {
        kr_err_set(&kr_exc_TypeError, "%s() argument 2 cannot be a parameterized generic",
                   fname);
        return -1;
    }
    if (!is_type(cls)) {
        bool sub = strcmp(fname, "issubclass") == 0;
        kr_err_set(&kr_exc_TypeError, "%s() arg 2 must be a %s, a tuple of %s, or a union", fname,
                   sub ? "class" : "type", sub ? "classes" : "types");
        return -1;
    }
    return test(x, (const kr_type *)cls);
}

static int instance_test(kr_val x, const kr_type *t) { return kr_isinstance_type(x, t); }

static int subclass_test(kr_val x, const kr_type *t) {
    return kr_type_is_subtype((const kr_type *)x, t);
}

int kr_builtin_isinstance(kr_val obj, kr_val cls) {
    return check_class_or_tuple(obj, cls, "isinstance", instance_test);
}

int kr_builtin_issubclass(kr_val cls, kr_val base) {
    if (!is_type(cls)) {
        kr_err_set(&kr_exc_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    return check_class_or_tuple(cls, base, "issubclass", subclass_test);
}

static kr_val format_base(kr_val x, int base) {
    kr_val i = kr_index(x);
    if (!i) {
        return 0;
    }
    kr_val r = kr_int_format_base(i, base);
    KR_DECREF(i);
    return r;
}

kr_val kr_builtin_hex(kr_val x) { return format_base(x, 16); }
kr_val kr_builtin_oct(kr_val x) { return format_base(x, 8); }
kr_val kr_builtin_bin(kr_val x) { return format_base(x, 2); }

kr_val kr_builtin_int(kr_val x, kr_val base) {
    if (!base) {
        return kr_int_from_val(x);
    }
    intptr_t b;
    if (kr_index_as_ssize(base, &b) < 0) {
        return 0;
    }
    if (!kr_str_check(x)) {
        return kr_err_set(&kr_exc_TypeError, "int() can't convert non-string with explicit base");
    }
    if (b != 0 && (b < 2 || b > 36)) {
        return kr_err_set(&kr_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    return kr_int_from_string(kr_str_data(x), (size_t)kr_str_nbytes(x), (int)b);
}

kr_val kr_builtin_float(kr_val x) { return x ? kr_float_from_val(x) : kr_float_new(0.0); }

kr_val kr_builtin_bool(kr_val x) {
    if (!x) {
        return KR_FALSE;
    }
    int t = kr_is_true(x);
    return t < 0 ? 0 : kr_bool(t);
}

kr_val kr_builtin_callable(kr_val x) {
    for (const kr_type *t = KR_TYPE(x); t; t = t->base) {
        if (t->call) {
            return KR_TRUE;
        }
    }
    return KR_FALSE;
}

kr_val kr_builtin_repr(kr_val x) { return kr_repr(x); }

kr_val kr_builtin_ascii(kr_val x) { return kr_ascii(x); }

// ---------------------------------------------------------------------------------------------
// str, format, len, ord, chr

kr_val kr_builtin_str(kr_val x) { return x ? kr_str(x) : kr_str_empty(); }

kr_val kr_builtin_str_decode(kr_val x, kr_val encoding, kr_val errors) {
    kr_val args[3] = { x, encoding, errors };
    return kr_call(KR_VAL(&kr_str_type), args, errors ? 3 : 2, 0);
}

kr_val kr_builtin_format(kr_val value, kr_val spec) {
    if (spec && !kr_str_check(spec)) {
        return kr_err_set(&kr_exc_TypeError, "format() argument 2 must be str, not %s",
                          kr_type_name(spec));
    }
    return kr_format(value, spec);
}

kr_val kr_builtin_len(kr_val x) {
    intptr_t n = kr_len(x);
    return n < 0 ? 0 : kr_int_from_i64(n);
}

kr_val kr_builtin_ord(kr_val c) {
    intptr_t n;
    if (kr_str_check(c)) {
        n = kr_str_len(c);
        if (n == 1) {
            int len;
            return KR_FROM_SMALL(kr_utf8_decode(kr_str_data(c), &len));
        }
    } else if (kr_bytes_like_check(c)) {
        n = kr_bytes_len(c);
        if (n == 1) {
            return KR_FROM_SMALL((unsigned char)kr_bytes_data(c)[0]);
        }
    } else {
        return kr_err_set(&kr_exc_TypeError, "ord() expected string of length 1, but %s found",
                          kr_type_name(c));
    }
    return kr_err_set(&kr_exc_TypeError,
                      "ord() expected a character, but string of length %zd found", n);
}

kr_val kr_builtin_chr(kr_val i) {
    kr_val v = kr_index(i);
    if (!v) {
        return 0;
    }
    int64_t c;
    bool in_range = KR_IS_SMALL(v) && (c = KR_SMALL_VALUE(v)) >= 0 && c <= 0x10FFFF;
    KR_DECREF(v);
    if (!in_range) {
        return kr_err_set(&kr_exc_ValueError, "chr() arg not in range(0x110000)");
    }
    return kr_str_from_codepoint((uint32_t)c);
}

// ---------------------------------------------------------------------------------------------
// min, max

// The running best of min()/max(): 'best' and its key 'best_key' (new references or 0).
typedef struct minmax {
    kr_val best, best_key;
} minmax_state;

// Offers 'item' (stolen); keeps it when its key compares 'op' to the best so far.
static int minmax_offer(minmax_state *m, kr_val item, kr_val key, int op) {
    kr_val k = key ? kr_call(key, &item, 1, 0) : kr_newref(item);
    if (!k) {
        KR_DECREF(item);
        return -1;
    }
    int better = m->best ? kr_richcompare_bool(k, m->best_key, op) : 1;
    if (better > 0) {
        KR_SETREF(m->best, item);
        KR_SETREF(m->best_key, k);
        return 0;
    }
    KR_DECREF(item);
    KR_DECREF(k);
    return better;
}

static kr_val minmax_run(kr_val iterable, kr_val key, kr_val dflt, int op, const char *fname) {
    kr_val it = kr_iter(iterable);
    if (!it) {
        return 0;
    }
    minmax_state m = { 0, 0 };
    kr_val item;
    int r = 0;
    while (r == 0 && (item = kr_next(it))) {
        r = minmax_offer(&m, item, key, op);
    }
    KR_DECREF(it);
    KR_XDECREF(m.best_key);
    if (r < 0 || kr_err_occurred()) {
        KR_XDECREF(m.best);
        return 0;
    }
    if (!m.best && dflt) {
        return kr_newref(dflt);
    }
    if (!m.best) {
        return kr_err_set(&kr_exc_ValueError, "%s() iterable argument is empty", fname);
    }
    return m.best;
}

static kr_val minmax(const kr_val *args, size_t nargs, kr_val key, kr_val dflt, int op,
                     const char *fname) {
    if (nargs == 0) {
        return kr_err_set(&kr_exc_TypeError, "%s expected at least 1 argument, got 0", fname);
    }
    if (nargs > 1 && dflt) {
        return kr_err_set(&kr_exc_TypeError,
                          "Cannot specify a default for %s() with multiple positional arguments",
                          fname);
    }
    if (key == KR_NONE) {
        key = 0;
    }
    if (nargs == 1) {
        return minmax_run(args[0], key, dflt, op, fname);
    }
    kr_val t = kr_tuple_from_array(args, (intptr_t)nargs);
    kr_val r = t ? minmax_run(t, key, dflt, op, fname) : 0;
    KR_XDECREF(t);
    return r;
}

kr_val kr_builtin_min(const kr_val *args, size_t nargs, kr_val key, kr_val dflt) {
    return minmax(args, nargs, key, dflt, KR_LT, "min");
}

kr_val kr_builtin_max(const kr_val *args, size_t nargs, kr_val key, kr_val dflt) {
    return minmax(args, nargs, key, dflt, KR_GT, "max");
}

// ---------------------------------------------------------------------------------------------
// sum: CPython 3.12's algorithm exactly: an int accumulator while the items are ints that
// keep it in range, then a float accumulator with Neumaier compensation while they are
// floats (or ints that fit a C long), then generic addition.

static kr_val sum_check_start(kr_val start) {
    const char *what = kr_str_check(start)         ? "strings [use ''.join(seq) instead]"
                       : kr_bytearray_check(start) ? "bytearray [use b''.join(seq) instead]"
                       : kr_bytes_check(start)     ? "bytes [use b''.join(seq) instead]"
                                                   : NULL;
    return what ? kr_err_set(&kr_exc_TypeError, "sum() can't sum %s", what) : KR_NONE;
}

// Adds 'item' (stolen) to '*acc' (owned) with the generic '+'.
static int sum_add(kr_val *acc, kr_val item) {
    kr_val r = kr_add(*acc, item);
    KR_DECREF(item);
    KR_SETREF(*acc, r);
    return r ? 0 : -1;
}

// The int phase. '*acc' is an exact int. Returns 0 when the items ran out ('*acc' is the sum),
// 1 when an item left the phase ('*pending' holds it, or 0 when '*acc' was too big for the
// phase to start), -1 on error.
static int sum_ints(kr_val it, kr_val *acc, kr_val *pending) {
    int64_t total, b;
    *pending = 0;
    if (kr_int_as_i64(*acc, &total) < 0) {
        kr_err_clear();
        return 1;
    }
    kr_val item;
    while ((item = kr_next(it))) {
        if (kr_int_check_exact(item) || KR_TYPE(item) == &kr_bool_type) {
            kr_val iv = KR_TYPE(item) == &kr_bool_type ? ((kr_bool_obj *)item)->ival : item;
            int64_t t;
            if (kr_int_as_i64(iv, &b) == 0 && !__builtin_add_overflow(total, b, &t)) {
                total = t;
                KR_DECREF(item);
                continue;
            }
            kr_err_clear();
        }
        *pending = item;
        break;
    }
    kr_val r = kr_err_occurred() ? 0 : kr_int_from_i64(total);
    KR_SETREF(*acc, r);
    if (!r) {
        KR_XDECREF(*pending);
        return -1;
    }
    return *pending ? 1 : 0;
}

// The float phase over '*acc' (an exact float), returning as sum_ints.
static int sum_floats(kr_val it, kr_val *acc, kr_val *pending) {
    double total = KR_FLOAT_VALUE(*acc), c = 0.0;
    int64_t v;
    *pending = 0;
    kr_val item;
    while ((item = kr_next(it))) {
        if (KR_IS_PTR(item) && KR_OBJ(item)->type == &kr_float_type) {
            // Neumaier's improved Kahan-Babuska summation, as CPython 3.12.
            double x = KR_FLOAT_VALUE(item), t = total + x;
            c += fabs(total) >= fabs(x) ? (total - t) + x : (x - t) + total;
            total = t;
            KR_DECREF(item);
            continue;
        }
        if (kr_int_check(item) && kr_int_as_i64(item, &v) == 0) {
            total += (double)v;
            KR_DECREF(item);
            continue;
        }
        kr_err_clear();
        *pending = item;
        break;
    }
    if (c != 0.0 && isfinite(c)) {
        total += c;
    }
    kr_val r = kr_err_occurred() ? 0 : kr_float_new(total);
    KR_SETREF(*acc, r);
    if (!r) {
        KR_XDECREF(*pending);
        return -1;
    }
    return *pending ? 1 : 0;
}

static bool is_exact_float(kr_val v) { return KR_IS_PTR(v) && KR_OBJ(v)->type == &kr_float_type; }

// Sums the items of 'it' onto 'acc' (stolen).
static kr_val sum_run(kr_val it, kr_val acc) {
    kr_val item = 0;
    int r;
    if (kr_int_check_exact(acc)) {
        if ((r = sum_ints(it, &acc, &item)) <= 0 || (item && sum_add(&acc, item) < 0)) {
            return r == 0 ? acc : 0;
        }
    }
    if (is_exact_float(acc)) {
        if ((r = sum_floats(it, &acc, &item)) <= 0 || sum_add(&acc, item) < 0) {
            return r == 0 ? acc : 0;
        }
    }
    while ((item = kr_next(it))) {
        if (sum_add(&acc, item) < 0) {
            return 0;
        }
    }
    if (kr_err_occurred()) {
        KR_DECREF(acc);
        return 0;
    }
    return acc;
}

kr_val kr_builtin_sum(kr_val iterable, kr_val start) {
    if (start && !sum_check_start(start)) {
        return 0;
    }
    kr_val it = kr_iter(iterable);
    if (!it) {
        return 0;
    }
    kr_val r = sum_run(it, start ? kr_newref(start) : KR_FROM_SMALL(0));
    KR_DECREF(it);
    return r;
}

// ---------------------------------------------------------------------------------------------
// sorted, any, all

kr_val kr_builtin_sorted(kr_val iterable, kr_val key, bool reverse) {
    return kr_sorted(iterable, key, reverse);
}

// any() ('want' true) and all() ('want' false): stops at the first item whose truth is 'want'.
static kr_val any_all(kr_val iterable, bool want) {
    kr_val it = kr_iter(iterable);
    if (!it) {
        return 0;
    }
    kr_val item;
    while ((item = kr_next(it))) {
        int t = kr_is_true(item);
        KR_DECREF(item);
        if (t < 0 || (t == 1) == want) {
            KR_DECREF(it);
            return t < 0 ? 0 : kr_bool(want);
        }
    }
    KR_DECREF(it);
    return kr_err_occurred() ? 0 : kr_bool(!want);
}

kr_val kr_builtin_any(kr_val iterable) { return any_all(iterable, true); }
kr_val kr_builtin_all(kr_val iterable) { return any_all(iterable, false); }

// ---------------------------------------------------------------------------------------------
// iter, next: iter(callable, sentinel) makes a callable_iterator.

typedef struct callable_iter {
    kr_obj ob;
    kr_val func, sentinel;  // both 0 once exhausted
} callable_iter;

static kr_val callable_iter_next(kr_val self) {
    callable_iter *ci = (callable_iter *)self;
    if (!ci->func) {
        return 0;
    }
    kr_val v = kr_call(ci->func, NULL, 0, 0);
    int eq = v ? kr_eq(v, ci->sentinel) : -1;
    if (eq == 0) {
        return v;
    }
    KR_XDECREF(v);
    if (eq < 0 && kr_err_matches(&kr_exc_StopIteration)) {
        kr_err_clear();
        eq = 1;
    }
    if (eq > 0) {
        KR_CLEAR(ci->func);
        KR_CLEAR(ci->sentinel);
    }
    return 0;
}

static kr_val self_iter(kr_val self) { return kr_newref(self); }

static void callable_iter_dealloc(kr_obj *o) {
    KR_XDECREF(((callable_iter *)o)->func);
    KR_XDECREF(((callable_iter *)o)->sentinel);
}

kr_type kr_callable_iter_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "callable_iterator",
    .base = &kr_object_type,
    .basicsize = sizeof(callable_iter),
    .dealloc = callable_iter_dealloc,
    .iter = self_iter,
    .iternext = callable_iter_next,
};

kr_val kr_builtin_iter(kr_val x, kr_val sentinel) {
    if (!sentinel) {
        return kr_iter(x);
    }
    if (kr_builtin_callable(x) != KR_TRUE) {
        return kr_err_set(&kr_exc_TypeError, "iter(v, w): v must be callable");
    }
    callable_iter *ci = (callable_iter *)kr_obj_new(&kr_callable_iter_type, sizeof *ci);
    if (!ci) {
        return 0;
    }
    ci->func = kr_newref(x);
    ci->sentinel = kr_newref(sentinel);
    return KR_VAL(ci);
}

kr_val kr_builtin_next(kr_val it, kr_val dflt) {
    if (!KR_IS_PTR(it) || !KR_TYPE(it)->iternext) {
        bool has = false;
        for (const kr_type *t = KR_TYPE(it); t && !has; t = t->base) {
            has = t->iternext != NULL;
        }
        if (!has) {
            return kr_err_set(&kr_exc_TypeError, "'%s' object is not an iterator",
                              kr_type_name(it));
        }
    }
    // A generator's StopIteration carries its return value, which the iternext slot drops.
    kr_val v = kr_gen_check(it) ? kr_gen_next(it) : kr_next(it);
    if (v || kr_err_occurred()) {
        if (!v && dflt && kr_err_matches(&kr_exc_StopIteration)) {
            kr_err_clear();
            return kr_newref(dflt);
        }
        return v;
    }
    return dflt ? kr_newref(dflt) : kr_err_set_none(&kr_exc_StopIteration);
}

// ---------------------------------------------------------------------------------------------
// Attributes

static int check_attr_name(kr_val name) {
    if (!kr_str_check(name)) {
        kr_err_set(&kr_exc_TypeError, "attribute name must be string, not '%s'",
                   kr_type_name(name));
        return -1;
    }
    return 0;
}

kr_val kr_builtin_getattr(kr_val obj, kr_val name, kr_val dflt) {
    if (check_attr_name(name) < 0) {
        return 0;
    }
    kr_val v = kr_getattr(obj, name);
    if (!v && dflt && kr_err_matches(&kr_exc_AttributeError)) {
        kr_err_clear();
        return kr_newref(dflt);
    }
    return v;
}

kr_val kr_builtin_hasattr(kr_val obj, kr_val name) {
    if (check_attr_name(name) < 0) {
        return 0;
    }
    kr_val v = kr_getattr(obj, name);
    if (v) {
        KR_DECREF(v);
        return KR_TRUE;
    }
    if (kr_err_matches(&kr_exc_AttributeError)) {
        kr_err_clear();
        return KR_FALSE;
    }
    return 0;
}

kr_val kr_builtin_setattr(kr_val obj, kr_val name, kr_val value) {
    if (check_attr_name(name) < 0 || kr_setattr(obj, name, value) < 0) {
        return 0;
    }
    return KR_NONE;
}

kr_val kr_builtin_delattr(kr_val obj, kr_val name) {
    return kr_builtin_setattr(obj, name, 0);
}

kr_val kr_builtin_vars(kr_val obj) {
    kr_val d = kr_getattr_cstr(obj, "__dict__");
    if (!d && kr_err_matches(&kr_exc_AttributeError)) {
        kr_err_clear();
        return kr_err_set(&kr_exc_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

// ---------------------------------------------------------------------------------------------
// print, input

// Writes str 's' to 'file': directly for a file object, else through its write method.
static int write_to(kr_val file, kr_val s) {
    if (kr_file_check(file)) {
        return kr_file_write(file, s) < 0 ? -1 : 0;
    }
    kr_val w = kr_getattr_cstr(file, "write");
    kr_val r = w ? kr_call(w, &s, 1, 0) : 0;
    KR_XDECREF(w);
    KR_XDECREF(r);
    return r ? 0 : -1;
}

static int write_cstr_to(kr_val file, const char *s) {
    kr_val v = kr_str_from_cstr(s);
    int r = v ? write_to(file, v) : -1;
    KR_XDECREF(v);
    return r;
}

static int call_flush(kr_val file) {
    if (kr_file_check(file)) {
        return kr_file_flush(file);
    }
    kr_val f = kr_getattr_cstr(file, "flush");
    kr_val r = f ? kr_call(f, NULL, 0, 0) : 0;
    KR_XDECREF(f);
    KR_XDECREF(r);
    return r ? 0 : -1;
}

static int print_check_str(kr_val v, const char *what) {
    if (v && v != KR_NONE && !kr_str_check(v)) {
        kr_err_set(&kr_exc_TypeError, "%s must be None or a string, not %s", what,
                   kr_type_name(v));
        return -1;
    }
    return 0;
}

// Writes the items separated by 'sep' (a str or 0 for " ").
static int print_items(kr_val file, const kr_val *args, size_t nargs, kr_val sep) {
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0 && (sep ? write_to(file, sep) : write_cstr_to(file, " ")) < 0) {
            return -1;
        }
        kr_val s = kr_str(args[i]);
        int r = s ? write_to(file, s) : -1;
        KR_XDECREF(s);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

kr_val kr_builtin_print(const kr_val *args, size_t nargs, kr_val sep, kr_val end, kr_val file,
                        kr_val flush) {
    if (print_check_str(sep, "sep") < 0 || print_check_str(end, "end") < 0) {
        return 0;
    }
    if (!file || file == KR_NONE) {
        file = kr_sys_stdout();
        if (!file) {
            return 0;
        }
        if (file == KR_NONE) {
            return KR_NONE;
        }
    }
    sep = sep == KR_NONE ? 0 : sep;
    end = end == KR_NONE ? 0 : end;
    int fl = flush ? kr_is_true(flush) : 0;
    if (fl < 0 || print_items(file, args, nargs, sep) < 0
        || (end ? write_to(file, end) : write_cstr_to(file, "\n")) < 0
        || (fl && call_flush(file) < 0)) {
        return 0;
    }
    return KR_NONE;
}

// Reads a line from sys.stdin without its '\n'; EOFError at the end of input.
static kr_val read_input_line(kr_val in) {
    kr_val line;
    if (kr_file_check(in)) {
        line = kr_file_readline(in, -1);
    } else {
        kr_val m = kr_getattr_cstr(in, "readline");
        line = m ? kr_call(m, NULL, 0, 0) : 0;
        KR_XDECREF(m);
    }
    if (!line || !kr_str_check(line)) {
        KR_XDECREF(line);
        return line ? kr_err_set(&kr_exc_TypeError, "object.readline() returned non-string") : 0;
    }
    intptr_t n = kr_str_nbytes(line);
    if (n == 0) {
        KR_DECREF(line);
        return kr_err_set(&kr_exc_EOFError, "EOF when reading a line");
    }
    if (kr_str_data(line)[n - 1] != '\n') {
        return line;
    }
    kr_val r = kr_str_from_utf8(kr_str_data(line), (size_t)n - 1);
    KR_DECREF(line);
    return r;
}

kr_val kr_builtin_input(kr_val prompt) {
    kr_val in = kr_sys_stdin(), out = in ? kr_sys_stdout() : 0, err = out ? kr_sys_stderr() : 0;
    if (!err) {
        return 0;
    }
    if (call_flush(err) < 0) {
        kr_err_clear();
    }
    if (prompt) {
        kr_val s = kr_str(prompt);
        int r = s ? write_to(out, s) : -1;
        KR_XDECREF(s);
        if (r < 0) {
            return 0;
        }
    }
    if (call_flush(out) < 0) {
        kr_err_clear();
    }
    return read_input_line(in);
}

// ---------------------------------------------------------------------------------------------
// The builtin function objects: each unpacks a vector call as CPython does and calls the
// direct entry point above.

// Argument Clinic's keyword-capable unpacking: 'names' lists every parameter (NULL for a
// positional-only one); out[i] is the argument or 0.
static int unpack(const char *fname, const kr_val *args, size_t nargs, kr_val kwnames,
                  const char *const *names, size_t nmin, size_t nmax, kr_val *out) {
    return kr_str_unpack_args(fname, args, nargs, kwnames, names, nmin, nmax, out);
}

// Builtins of one argument (METH_O): "len() takes exactly one argument (2 given)".
#define BUILTIN_O(name, call)                                                            \
    static kr_val fn_##name(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {  \
        (void)self;                                                                      \
        if (kr_args_check(#name, nargs, kw, 1, 1) < 0) {                                 \
            return 0;                                                                    \
        }                                                                                \
        return call;                                                                     \
    }
BUILTIN_O(abs, kr_builtin_abs(args[0]))
BUILTIN_O(all, kr_builtin_all(args[0]))
BUILTIN_O(any, kr_builtin_any(args[0]))
BUILTIN_O(ascii, kr_builtin_ascii(args[0]))
BUILTIN_O(bin, kr_builtin_bin(args[0]))
BUILTIN_O(callable, kr_builtin_callable(args[0]))
BUILTIN_O(chr, kr_builtin_chr(args[0]))
BUILTIN_O(hash, kr_builtin_hash(args[0]))
BUILTIN_O(hex, kr_builtin_hex(args[0]))
BUILTIN_O(id, kr_builtin_id(args[0]))
BUILTIN_O(len, kr_builtin_len(args[0]))
BUILTIN_O(oct, kr_builtin_oct(args[0]))
BUILTIN_O(ord, kr_builtin_ord(args[0]))
BUILTIN_O(repr, kr_builtin_repr(args[0]))
#undef BUILTIN_O

static kr_val bool_result(int r) { return r < 0 ? 0 : kr_bool(r); }

// Builtins with a fixed range of positional-only arguments: "divmod expected 2 arguments".
#define BUILTIN_POS(name, min, max, call)                                                \
    static kr_val fn_##name(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {  \
        (void)self;                                                                      \
        if (kr_args_check(#name, nargs, kw, min, max) < 0) {                             \
            return 0;                                                                    \
        }                                                                                \
        return call;                                                                     \
    }
BUILTIN_POS(divmod, 2, 2, kr_builtin_divmod(args[0], args[1]))
BUILTIN_POS(isinstance, 2, 2, bool_result(kr_builtin_isinstance(args[0], args[1])))
BUILTIN_POS(issubclass, 2, 2, bool_result(kr_builtin_issubclass(args[0], args[1])))
BUILTIN_POS(format, 1, 2, kr_builtin_format(args[0], nargs > 1 ? args[1] : 0))
BUILTIN_POS(getattr, 2, 3, kr_builtin_getattr(args[0], args[1], nargs > 2 ? args[2] : 0))
BUILTIN_POS(hasattr, 2, 2, kr_builtin_hasattr(args[0], args[1]))
BUILTIN_POS(setattr, 3, 3, kr_builtin_setattr(args[0], args[1], args[2]))
BUILTIN_POS(delattr, 2, 2, kr_builtin_delattr(args[0], args[1]))
BUILTIN_POS(iter, 1, 2, kr_builtin_iter(args[0], nargs > 1 ? args[1] : 0))
BUILTIN_POS(next, 1, 2, kr_builtin_next(args[0], nargs > 1 ? args[1] : 0))
BUILTIN_POS(input, 0, 1, kr_builtin_input(nargs ? args[0] : 0))
#undef BUILTIN_POS

static kr_val fn_vars(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    if (kr_args_check("vars", nargs, kw, 0, 1) < 0) {
        return 0;
    }
    if (nargs == 0) {
        // vars() without an argument is locals(): the compiler resolves it statically.
        return kr_err_set(&kr_exc_TypeError, "vars() without an argument is not supported");
    }
    return kr_builtin_vars(args[0]);
}

static kr_val fn_round(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    static const char *const names[] = { "number", "ndigits" };
    kr_val a[2];
    (void)self;
    if (unpack("round", args, nargs, kw, names, 1, 2, a) < 0) {
        return 0;
    }
    return kr_builtin_round(a[0], a[1] ? a[1] : KR_NONE);
}

static kr_val fn_pow(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    static const char *const names[] = { "base", "exp", "mod" };
    kr_val a[3];
    (void)self;
    if (unpack("pow", args, nargs, kw, names, 2, 3, a) < 0) {
        return 0;
    }
    return kr_builtin_pow(a[0], a[1], a[2] ? a[2] : KR_NONE);
}

static kr_val fn_sum(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    static const char *const names[] = { NULL, "start" };
    kr_val a[2];
    (void)self;
    if (nargs == 0) {
        return kr_err_set(&kr_exc_TypeError,
                          "sum() takes at least 1 positional argument (0 given)");
    }
    if (unpack("sum", args, nargs, kw, names, 1, 2, a) < 0) {
        return 0;
    }
    return kr_builtin_sum(a[0], a[1]);
}

static kr_val fn_sorted(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    if (nargs != 1) {
        return kr_err_set(&kr_exc_TypeError, "sorted expected 1 argument, got %zu", nargs);
    }
    kr_val key;
    bool reverse;
    if (kr_sort_args("sort", args, nargs, kw, &key, &reverse) < 0) {
        return 0;
    }
    return kr_builtin_sorted(args[0], key, reverse);
}

// min() and max(): any number of positional arguments, then key= and default=.
static int minmax_keywords(const char *fname, const kr_val *args, size_t nargs, kr_val kw,
                           kr_val *key, kr_val *dflt) {
    *key = *dflt = 0;
    for (intptr_t i = 0; kw && i < KR_TUPLE_LEN(kw); i++) {
        kr_val name = KR_TUPLE_ITEMS(kw)[i];
        if (kr_str_equal_cstr(name, "key")) {
            *key = args[nargs + (size_t)i];
        } else if (kr_str_equal_cstr(name, "default")) {
            *dflt = args[nargs + (size_t)i];
        } else {
            kr_err_set(&kr_exc_TypeError, "%s() got an unexpected keyword argument '%s'",
                       fname, kr_str_data(name));
            return -1;
        }
    }
    return 0;
}

static kr_val fn_min(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    kr_val key, dflt;
    (void)self;
    if (minmax_keywords("min", args, nargs, kw, &key, &dflt) < 0) {
        return 0;
    }
    return kr_builtin_min(args, nargs, key, dflt);
}

static kr_val fn_max(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    kr_val key, dflt;
    (void)self;
    if (minmax_keywords("max", args, nargs, kw, &key, &dflt) < 0) {
        return 0;
    }
    return kr_builtin_max(args, nargs, key, dflt);
}

static kr_val fn_print(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    static const char *const names[] = { "sep", "end", "file", "flush" };
    kr_val a[4] = { 0, 0, 0, 0 };
    (void)self;
    for (intptr_t i = 0; kw && i < KR_TUPLE_LEN(kw); i++) {
        kr_val name = KR_TUPLE_ITEMS(kw)[i];
        size_t k = 0;
        while (k < 4 && !kr_str_equal_cstr(name, names[k])) {
            k++;
        }
        if (k == 4) {
            return kr_err_set(&kr_exc_TypeError,
                              "print() got an unexpected keyword argument '%s'",
                              kr_str_data(name));
        }
        a[k] = args[nargs + (size_t)i];
    }
    return kr_builtin_print(args, nargs, a[0], a[1], a[2], a[3]);
}

static kr_val fn_open(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    static const char *const names[] = { "file",   "mode",    "buffering", "encoding",
                                         "errors", "newline", "closefd" };
    kr_val a[7];
    (void)self;
    if (unpack("open", args, nargs, kw, names, 1, 7, a) < 0) {
        return 0;
    }
    return kr_builtin_open(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
}

#define KR_X_(name) KR_CFUNCTION_STATIC(kr_builtin_fn_##name, #name, fn_##name);
KR_BUILTIN_FUNCTIONS(KR_X_)
#undef KR_X_

// ---------------------------------------------------------------------------------------------
// The builtins namespace

static const struct {
    const char *name;
    kr_val value;
} builtins_table[] = {
#define KR_X_(name) { #name, (kr_val)&kr_builtin_fn_##name },
    KR_BUILTIN_FUNCTIONS(KR_X_)
#undef KR_X_
#define KR_X_(name, base) { #name, (kr_val)&kr_exc_##name },
    KR_EXCEPTIONS(KR_X_)
#undef KR_X_
    { "bool", (kr_val)&kr_bool_type },
    { "bytearray", (kr_val)&kr_bytearray_type },
    { "bytes", (kr_val)&kr_bytes_type },
    { "classmethod", (kr_val)&kr_classmethod_type },
    { "complex", (kr_val)&kr_complex_type },
    { "dict", (kr_val)&kr_dict_type },
    { "enumerate", (kr_val)&kr_enumerate_type },
    { "filter", (kr_val)&kr_filter_type },
    { "float", (kr_val)&kr_float_type },
    { "frozenset", (kr_val)&kr_frozenset_type },
    { "int", (kr_val)&kr_int_type },
    { "list", (kr_val)&kr_list_type },
    { "map", (kr_val)&kr_map_type },
    { "object", (kr_val)&kr_object_type },
    { "property", (kr_val)&kr_property_type },
    { "range", (kr_val)&kr_range_type },
    { "reversed", (kr_val)&kr_reversed_type },
    { "set", (kr_val)&kr_set_type },
    { "slice", (kr_val)&kr_slice_type },
    { "staticmethod", (kr_val)&kr_staticmethod_type },
    { "str", (kr_val)&kr_str_type },
    { "super", (kr_val)&kr_super_type },
    { "tuple", (kr_val)&kr_tuple_type },
    { "type", (kr_val)&kr_type_type },
    { "zip", (kr_val)&kr_zip_type },
    { "staticmethod", (kr_val)&kr_staticmethod_type },
    { "classmethod", (kr_val)&kr_classmethod_type },
    { "property", (kr_val)&kr_property_type },
    { "super", (kr_val)&kr_super_type },
    { "None", KR_NONE },
    { "True", KR_TRUE },
    { "False", KR_FALSE },
    { "Ellipsis", KR_ELLIPSIS },
    { "NotImplemented", KR_NOTIMPLEMENTED },
    { "EnvironmentError", (kr_val)&kr_exc_OSError },
    { "IOError", (kr_val)&kr_exc_OSError },
};

// Compiled code looks a builtin up by name at every call (`float(x)` in a loop): an
// open-addressing table of the names, made once, replaces a linear scan of ~150 strcmps.
#define BUILTINS_HASH_SIZE 512  // a power of two, over twice the table's length

static short builtins_hash[BUILTINS_HASH_SIZE];  // index + 1 into builtins_table; 0 = empty
static pthread_once_t builtins_hash_once = PTHREAD_ONCE_INIT;

static size_t name_hash(const char *s) {
    uint64_t h = 14695981039346656037u;
    for (; *s; s++) {
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    }
    return (size_t)(h ^ (h >> 32)) & (BUILTINS_HASH_SIZE - 1);
}

static void builtins_hash_init(void) {
    _Static_assert(sizeof builtins_table / sizeof builtins_table[0] < BUILTINS_HASH_SIZE / 2,
                   "builtins hash too small");
    for (size_t i = 0; i < sizeof builtins_table / sizeof builtins_table[0]; i++) {
        size_t h = name_hash(builtins_table[i].name);
        while (builtins_hash[h] && strcmp(builtins_table[builtins_hash[h] - 1].name,
                                          builtins_table[i].name) != 0) {
            h = (h + 1) & (BUILTINS_HASH_SIZE - 1);
        }
        if (!builtins_hash[h]) {  // the first entry of a name wins, as in the scan
            builtins_hash[h] = (short)(i + 1);
        }
    }
}

// Compiled code passes the same constant name at every call: the entry found for an address
// is remembered (checked against the entry's name, as an address may be reused).
#define BUILTINS_RECENT 64
static _Thread_local struct {
    const char *ptr;
    short index;  // into builtins_table
} builtins_recent[BUILTINS_RECENT];

static kr_val builtins_find(const char *name);

kr_val kr_builtins_lookup(const char *name) {
    size_t slot = ((uintptr_t)name >> 3) & (BUILTINS_RECENT - 1);
    if (builtins_recent[slot].ptr == name
        && strcmp(builtins_table[builtins_recent[slot].index].name, name) == 0) {
        return builtins_table[builtins_recent[slot].index].value;
    }
    return builtins_find(name);
}

static kr_val builtins_find(const char *name) {
    pthread_once(&builtins_hash_once, builtins_hash_init);
    for (size_t h = name_hash(name); builtins_hash[h]; h = (h + 1) & (BUILTINS_HASH_SIZE - 1)) {
        if (strcmp(builtins_table[builtins_hash[h] - 1].name, name) == 0) {
            size_t slot = ((uintptr_t)name >> 3) & (BUILTINS_RECENT - 1);
            builtins_recent[slot].ptr = name;
            builtins_recent[slot].index = (short)(builtins_hash[h] - 1);
            return builtins_table[builtins_hash[h] - 1].value;
        }
    }
    return 0;
}
