// builtins.c: the builtin functions that belong to the numeric and object core: abs, divmod,
// pow, round, hash, id, isinstance, issubclass, hex, oct, bin, int, float, bool, callable, repr,
// ascii. Each takes its arguments as Python passes them (optional ones as None or 0, as the
// declaration in krait.h says) and raises CPython's errors.
#include "krait.h"

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
    if (!is_type(cls)) {
        kr_err_set(&kr_exc_TypeError,
                   "%s() arg 2 must be a type, a tuple of types, or a union", fname);
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
