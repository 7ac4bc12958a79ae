// object.c: the object model and the generic operations.
//
// Defines the root types (type, object, NoneType, NotImplementedType, ellipsis,
// builtin_function_or_method), the immortal singletons, deallocation at refcount zero, and the
// generic operations (kr_repr, kr_hash, kr_richcompare, kr_add, kr_call, kr_getattr, ...) that
// dispatch through type slots with CPython's rules: binary operators try the left operand's
// slot, then the right's (the right first when its type is a subclass of the left's); a slot
// left NULL is inherited from the nearest base type that fills it.
#include "krait.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// ---------------------------------------------------------------------------------------------
// Fatal errors and deallocation

void kr_fatal(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("Fatal Python error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    fflush(stderr);
    abort();
}

void kr_fatal_refcount(kr_obj *o) {
    kr_fatal("refcount of a '%s' object at %p went below zero", o->type->name, (void *)o);
}

// Runs the type's finalizer with a temporary reference so that __del__ may resurrect 'o'.
// Returns true when 'o' was resurrected.
static bool finalize_at_zero(kr_obj *o) {
    kr_val saved = kr_err_fetch();
    o->rc = 1;
    o->type->finalize(o);
    kr_err_clear();
    kr_err_restore(saved);
    if (--o->rc != 0) {
        return true;
    }
    kr_gc_forget_finalizer(o);
    return false;
}

void kr_dealloc(kr_obj *o) {
    const kr_type *t = o->type;
    if (t->finalize && !kr_exit_finalized(o) && finalize_at_zero(o)) {
        return;
    }
    for (const kr_type *d = t; d; d = d->base) {
        if (d->dealloc) {
            d->dealloc(o);
            break;
        }
    }
    if (t->free) {
        t->free(o);
    } else {
        kr_free(o);
    }
}

// ---------------------------------------------------------------------------------------------
// Slot lookup along the base chain

#define FIND_SLOT(t, field)                                  \
    ({                                                       \
        __typeof__(((kr_type *)0)->field) found_ = NULL;          \
        for (const kr_type *d_ = (t); d_; d_ = d_->base) {   \
            if (d_->field) {                                 \
                found_ = d_->field;                          \
                break;                                       \
            }                                                \
        }                                                    \
        found_;                                              \
    })

static kr_binaryfunc find_binop(const kr_type *t, kr_binop op, bool inplace) {
    for (const kr_type *d = t; d; d = d->base) {
        if (d->number) {
            kr_binaryfunc f = inplace ? d->number->inplace[op] : d->number->binop[op];
            if (f) {
                return f;
            }
        }
    }
    return NULL;
}

#define FIND_NUMBER_SLOT(t, field)                                       \
    ({                                                                   \
        __typeof__(((kr_number_methods *)0)->field) found_ = NULL;                 \
        for (const kr_type *d_ = (t); d_; d_ = d_->base) {               \
            if (d_->number && d_->number->field) {                       \
                found_ = d_->number->field;                              \
                break;                                                   \
            }                                                            \
        }                                                                \
        found_;                                                          \
    })

#define FIND_MAPPING_SLOT(t, field)                                      \
    ({                                                                   \
        __typeof__(((kr_mapping_methods *)0)->field) found_ = NULL;                 \
        for (const kr_type *d_ = (t); d_; d_ = d_->base) {               \
            if (d_->mapping && d_->mapping->field) {                     \
                found_ = d_->mapping->field;                             \
                break;                                                   \
            }                                                            \
        }                                                                \
        found_;                                                          \
    })

bool kr_type_is_subtype(const kr_type *t, const kr_type *base) {
    if (t && kr_type_is_heap(t)) {
        return kr_class_is_subtype(t, base);  // user classes: along the MRO (class.c)
    }
    for (; t; t = t->base) {
        if (t == base) {
            return true;
        }
    }
    return false;
}

static const kr_method_def *find_method(const kr_type *t, const char *name) {
    for (; t; t = t->base) {
        for (const kr_method_def *m = t->methods; m && m->name; m++) {
            if (strcmp(m->name, name) == 0) {
                return m;
            }
        }
    }
    return NULL;
}

static const kr_getset_def *find_getset(const kr_type *t, const char *name) {
    for (; t; t = t->base) {
        for (const kr_getset_def *g = t->getset; g && g->name; g++) {
            if (strcmp(g->name, name) == 0) {
                return g;
            }
        }
    }
    return NULL;
}

// Attribute lookups on builtin types walk tables of up to fifty names with strcmp, for every
// `s.strip()`. The tables of a builtin type never change, so the answers (found or not) are
// cached per thread, keyed by the type and the address of the name (compiled code passes the
// same constant every time), and checked against a copy of the name's text (an address may be
// reused for another name). Names of 24 bytes or more are looked up every time; user classes
// (heap types) are not cached: they come and go.
#define ATTR_CACHE_SIZE 256
#define ATTR_CACHE_NAME 24

typedef struct {
    const kr_type *type;
    const char *ptr;
    const kr_method_def *method;
    const kr_getset_def *getset;
    char name[ATTR_CACHE_NAME];
} attr_cache_entry;

static _Thread_local attr_cache_entry attr_cache[ATTR_CACHE_SIZE];

static const attr_cache_entry *attr_lookup(const kr_type *t, const char *name) {
    if (!t || kr_type_is_heap(t)) {
        return NULL;
    }
    uintptr_t h = ((uintptr_t)name >> 3) ^ ((uintptr_t)t >> 4);
    attr_cache_entry *e = &attr_cache[(h ^ (h >> 8)) & (ATTR_CACHE_SIZE - 1)];
    if (e->type == t && e->ptr == name && strcmp(e->name, name) == 0) {
        return e;
    }
    size_t n = strlen(name);
    if (n >= ATTR_CACHE_NAME) {
        return NULL;
    }
    e->type = t;
    e->ptr = name;
    memcpy(e->name, name, n + 1);
    e->getset = find_getset(t, name);
    e->method = e->getset ? NULL : find_method(t, name);
    return e;
}

const kr_method_def *kr_type_find_method(const kr_type *t, const char *name) {
    const attr_cache_entry *e = attr_lookup(t, name);
    if (e && !e->getset) {
        return e->method;
    }
    return find_method(t, name);
}

const kr_getset_def *kr_type_find_getset(const kr_type *t, const char *name) {
    const attr_cache_entry *e = attr_lookup(t, name);
    return e ? e->getset : find_getset(t, name);
}

const kr_method_def *kr_type_find_plain_method(const kr_type *t, const char *name) {
    const attr_cache_entry *e = attr_lookup(t, name);
    if (e) {
        return e->method;
    }
    return find_getset(t, name) ? NULL : find_method(t, name);
}

// ---------------------------------------------------------------------------------------------
// repr, str, ascii

static kr_val default_repr(kr_val v) {
    char buf[128];
    snprintf(buf, sizeof buf, "<%s object at %p>", kr_type_name(v), (void *)v);
    return kr_str_from_cstr(buf);
}

kr_val kr_repr(kr_val v) {
    kr_unaryfunc f = FIND_SLOT(KR_TYPE(v), repr);
    return f ? f(v) : default_repr(v);
}

kr_val kr_str(kr_val v) {
    kr_unaryfunc f = FIND_SLOT(KR_TYPE(v), str);
    return f ? f(v) : kr_repr(v);
}

// Decodes one UTF-8 sequence at 's' (valid by the str invariant); stores its length in '*n'.
static uint32_t utf8_decode(const unsigned char *s, int *n) {
    if (s[0] < 0x80) {
        *n = 1;
        return s[0];
    }
    if (s[0] < 0xE0) {
        *n = 2;
        return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (s[0] < 0xF0) {
        *n = 3;
        return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    *n = 4;
    return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12)
           | ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

// ascii(): repr with non-ASCII code points escaped as \xhh, \uhhhh or \Uhhhhhhhh.
kr_val kr_ascii(kr_val v) {
    kr_val r = kr_repr(v);
    if (!r || KR_STR(r)->ascii) {
        return r;
    }
    const unsigned char *s = (const unsigned char *)kr_str_data(r);
    intptr_t n = kr_str_nbytes(r);
    char *out = malloc((size_t)n * 10 / 2 + 16);
    if (!out) {
        KR_DECREF(r);
        return kr_err_no_memory();
    }
    size_t k = 0;
    for (intptr_t i = 0; i < n;) {
        int len;
        uint32_t c = utf8_decode(s + i, &len);
        i += len;
        if (c < 0x80) {
            out[k++] = (char)c;
        } else if (c < 0x100) {
            k += (size_t)sprintf(out + k, "\\x%02x", c);
        } else if (c < 0x10000) {
            k += (size_t)sprintf(out + k, "\\u%04x", c);
        } else {
            k += (size_t)sprintf(out + k, "\\U%08x", c);
        }
    }
    KR_DECREF(r);
    kr_val res = kr_str_from_utf8(out, k);
    free(out);
    return res;
}

// ---------------------------------------------------------------------------------------------
// hash

intptr_t kr_hash_pointer(const void *p) {
    uintptr_t y = (uintptr_t)p;
    y = (y >> 4) | (y << (8 * sizeof(uintptr_t) - 4));
    intptr_t h = (intptr_t)y;
    return h == -1 ? -2 : h;
}

intptr_t kr_hash_unhashable(kr_val v) {
    kr_err_set(&kr_exc_TypeError, "unhashable type: '%s'", kr_type_name(v));
    return -1;
}

intptr_t kr_hash(kr_val v) {
    if (KR_IS_SMALL(v)) {
        return kr_int_hash(v);
    }
    kr_hashfunc f = FIND_SLOT(KR_TYPE(v), hash);
    return f ? f(v) : kr_hash_pointer((void *)v);
}

// ---------------------------------------------------------------------------------------------
// Comparisons

static const int swapped_op[] = { KR_GT, KR_GE, KR_EQ, KR_NE, KR_LT, KR_LE };
static const char *const compare_symbols[] = { "<", "<=", "==", "!=", ">", ">=" };

kr_val kr_richcompare(kr_val a, kr_val b, int op) {
    const kr_type *ta = KR_TYPE(a), *tb = KR_TYPE(b);
    kr_richcmpfunc fa = FIND_SLOT(ta, richcompare), fb = FIND_SLOT(tb, richcompare);
    bool reflected = false;
    kr_val r;
    if (ta != tb && kr_type_is_subtype(tb, ta) && fb) {
        reflected = true;
        r = fb(b, a, swapped_op[op]);
        if (r != KR_NOTIMPLEMENTED) {
            return r;
        }
    }
    if (fa) {
        r = fa(a, b, op);
        if (r != KR_NOTIMPLEMENTED) {
            return r;
        }
    }
    if (!reflected && fb) {
        r = fb(b, a, swapped_op[op]);
        if (r != KR_NOTIMPLEMENTED) {
            return r;
        }
    }
    if (op == KR_EQ || op == KR_NE) {
        return kr_bool((a == b) == (op == KR_EQ));
    }
    return kr_err_set(&kr_exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                      compare_symbols[op], ta->name, tb->name);
}

int kr_richcompare_bool(kr_val a, kr_val b, int op) {
    if (a == b && (op == KR_EQ || op == KR_NE)) {
        return op == KR_EQ;
    }
    if (KR_IS_SMALL(a & b)) {
        intptr_t x = (intptr_t)a, y = (intptr_t)b;
        switch (op) {
        case KR_LT: return x < y;
        case KR_LE: return x <= y;
        case KR_EQ: return x == y;
        case KR_NE: return x != y;
        case KR_GT: return x > y;
        default: return x >= y;
        }
    }
    kr_val r = kr_richcompare(a, b, op);
    if (!r) {
        return -1;
    }
    int t = kr_is_true(r);
    KR_DECREF(r);
    return t;
}

int kr_eq(kr_val a, kr_val b) { return kr_richcompare_bool(a, b, KR_EQ); }

// ---------------------------------------------------------------------------------------------
// Truth, length, items

int kr_is_true(kr_val v) {
    if (v == KR_TRUE) {
        return 1;
    }
    if (v == KR_FALSE || v == KR_NONE) {
        return 0;
    }
    if (KR_IS_SMALL(v)) {
        return v != KR_FROM_SMALL(0);
    }
    const kr_type *t = KR_TYPE(v);
    kr_inquiry b = FIND_NUMBER_SLOT(t, is_true);
    if (b) {
        return b(v);
    }
    kr_lenfunc len = FIND_MAPPING_SLOT(t, len);
    if (len) {
        intptr_t n = len(v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

intptr_t kr_len(kr_val v) {
    kr_lenfunc len = FIND_MAPPING_SLOT(KR_TYPE(v), len);
    if (!len) {
        kr_err_set(&kr_exc_TypeError, "object of type '%s' has no len()", kr_type_name(v));
        return -1;
    }
    return len(v);
}

kr_val kr_getitem(kr_val obj, kr_val key) {
    kr_binaryfunc f = FIND_MAPPING_SLOT(KR_TYPE(obj), getitem);
    if (!f && kr_type_check(obj)) {
        return kr_type_subscript(obj, key);  // list[int], a class's __class_getitem__
    }
    if (!f) {
        if (KR_TYPE(obj) == &kr_type_type) {
            return kr_err_set(&kr_exc_TypeError, "type '%s' is not subscriptable",
                              ((kr_type *)obj)->name);
        }
        return kr_err_set(&kr_exc_TypeError, "'%s' object is not subscriptable",
                          kr_type_name(obj));
    }
    return f(obj, key);
}

int kr_setitem(kr_val obj, kr_val key, kr_val value) {
    int (*f)(kr_val, kr_val, kr_val) = FIND_MAPPING_SLOT(KR_TYPE(obj), setitem);
    if (!f) {
        kr_err_set(&kr_exc_TypeError, "'%s' object does not support item assignment",
                   kr_type_name(obj));
        return -1;
    }
    return f(obj, key, value);
}

int kr_delitem(kr_val obj, kr_val key) {
    int (*f)(kr_val, kr_val) = FIND_MAPPING_SLOT(KR_TYPE(obj), delitem);
    if (!f) {
        kr_err_set(&kr_exc_TypeError, "'%s' object doesn't support item deletion",
                   kr_type_name(obj));
        return -1;
    }
    return f(obj, key);
}

// `item in container` by iteration, for types without a contains slot.
static int contains_by_iteration(kr_val it, kr_val item) {
    for (;;) {
        kr_val x = kr_next(it);
        if (!x) {
            return kr_err_occurred() ? -1 : 0;
        }
        int eq = kr_eq(x, item);
        KR_DECREF(x);
        if (eq != 0) {
            return eq;
        }
    }
}

int kr_contains(kr_val container, kr_val item) {
    const kr_type *t = KR_TYPE(container);
    int (*f)(kr_val, kr_val) = FIND_MAPPING_SLOT(t, contains);
    if (f) {
        return f(container, item);
    }
    if (!FIND_SLOT(t, iter)) {
        kr_err_set(&kr_exc_TypeError, "argument of type '%s' is not iterable", t->name);
        return -1;
    }
    kr_val it = kr_iter(container);
    if (!it) {
        return -1;
    }
    int r = contains_by_iteration(it, item);
    KR_DECREF(it);
    return r;
}

kr_val kr_iter(kr_val v) {
    kr_unaryfunc f = FIND_SLOT(KR_TYPE(v), iter);
    if (!f) {
        return kr_err_set(&kr_exc_TypeError, "'%s' object is not iterable", kr_type_name(v));
    }
    return f(v);
}

kr_val kr_next_slow(kr_val it) {
    kr_unaryfunc f = FIND_SLOT(KR_TYPE(it), iternext);
    if (!f) {
        return kr_err_set(&kr_exc_TypeError, "'%s' object is not an iterator", kr_type_name(it));
    }
    return f(it);
}

// ---------------------------------------------------------------------------------------------
// Calls and attributes

kr_val kr_call(kr_val f, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (KR_IS_PTR(f) && KR_OBJ(f)->type == &kr_type_type
        && kr_type_is_heap((const kr_type *)f)) {
        return kr_class_call(f, args, nargs, kwnames);  // what type_call would do
    }
    kr_callfunc c = FIND_SLOT(KR_TYPE(f), call);
    if (!c) {
        return kr_err_set(&kr_exc_TypeError, "'%s' object is not callable", kr_type_name(f));
    }
    return c(f, args, nargs, kwnames);
}

static kr_val no_attribute(kr_val obj, kr_val name) {
    if (KR_TYPE(obj) == &kr_type_type) {
        return kr_err_set(&kr_exc_AttributeError, "type object '%s' has no attribute '%s'",
                          ((kr_type *)obj)->name, kr_str_data(name));
    }
    return kr_err_set(&kr_exc_AttributeError, "'%s' object has no attribute '%s'",
                      kr_type_name(obj), kr_str_data(name));
}

kr_val kr_generic_getattr(kr_val obj, kr_val name) {
    const kr_type *t = KR_TYPE(obj);
    const char *s = kr_str_data(name);
    const kr_getset_def *g = kr_type_find_getset(t, s);
    if (g) {
        return g->get(obj);
    }
    const kr_method_def *m = kr_type_find_method(t, s);
    if (m) {
        kr_val self = m->flags & KR_METH_CLASS ? KR_VAL(t) : m->flags & KR_METH_STATIC ? 0 : obj;
        kr_val f = kr_cfunction_new(m->name, m->fn, self);
        if (f && (m->flags & KR_METH_STATIC)) {
            ((kr_cfunction_obj *)f)->owner = t;  // for its __qualname__, __self__ and repr
        }
        return f;
    }
    if (strcmp(s, "__class__") == 0) {
        return kr_newref(KR_VAL(t));
    }
    kr_val w = kr_slotwrap_bound(obj, s);
    if (w || kr_err_occurred()) {
        return w;
    }
    return no_attribute(obj, name);
}

kr_val kr_getattr(kr_val obj, kr_val name) {
    kr_val (*f)(kr_val, kr_val) = FIND_SLOT(KR_TYPE(obj), getattr);
    return f ? f(obj, name) : kr_generic_getattr(obj, name);
}

kr_val kr_getattr_cstr(kr_val obj, const char *name) {
    kr_val n = kr_str_from_cstr(name);
    if (!n) {
        return 0;
    }
    kr_val r = kr_getattr(obj, n);
    KR_DECREF(n);
    return r;
}

static int generic_setattr(kr_val obj, kr_val name, kr_val value) {
    const char *s = kr_str_data(name);
    const kr_getset_def *g = kr_type_find_getset(KR_TYPE(obj), s);
    if (g && g->set) {
        return g->set(obj, value);
    }
    if (g || kr_type_find_method(KR_TYPE(obj), s)) {
        kr_err_set(&kr_exc_AttributeError, "attribute '%s' of '%s' objects is not writable", s,
                   kr_type_name(obj));
        return -1;
    }
    kr_err_set(&kr_exc_AttributeError,
               "'%s' object has no attribute '%s' and no __dict__ for setting new attributes",
               kr_type_name(obj), s);
    return -1;
}

int kr_setattr(kr_val obj, kr_val name, kr_val value) {
    int (*f)(kr_val, kr_val, kr_val) = FIND_SLOT(KR_TYPE(obj), setattr);
    return f ? f(obj, name, value) : generic_setattr(obj, name, value);
}

// ---------------------------------------------------------------------------------------------
// Number operators

const char *const kr_binop_symbols[KR_OP_COUNT] = {
#define KR_X_(e, f, op, d) op,
    KR_BINOPS(KR_X_)
#undef KR_X_
};

// CPython's binary_op1: returns NotImplemented when neither operand handles the pair.
static kr_val binary_op1(kr_binop op, kr_val a, kr_val b) {
    const kr_type *ta = KR_TYPE(a), *tb = KR_TYPE(b);
    kr_binaryfunc fa = find_binop(ta, op, false);
    kr_binaryfunc fb = ta == tb ? NULL : find_binop(tb, op, false);
    if (fb == fa) {
        fb = NULL;
    }
    kr_val r;
    if (fa) {
        if (fb && kr_type_is_subtype(tb, ta)) {
            r = fb(a, b);
            if (r != KR_NOTIMPLEMENTED) {
                return r;
            }
            fb = NULL;
        }
        r = fa(a, b);
        if (r != KR_NOTIMPLEMENTED) {
            return r;
        }
    }
    return fb ? fb(a, b) : KR_NOTIMPLEMENTED;
}

static kr_val unsupported(const char *sym, const char *suffix, kr_val a, kr_val b) {
    return kr_err_set(&kr_exc_TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'",
                      sym, suffix, kr_type_name(a), kr_type_name(b));
}

kr_val kr_binary_op(kr_binop op, kr_val a, kr_val b) {
    if ((a & b & 1) && (op == KR_OP_ADD || op == KR_OP_SUB)) {  // two small ints
        return op == KR_OP_ADD ? kr_int_add(a, b) : kr_int_sub(a, b);
    }
    kr_val r = binary_op1(op, a, b);
    if (r == KR_NOTIMPLEMENTED) {
        return unsupported(kr_binop_symbols[op], "", a, b);
    }
    return r;
}

kr_val kr_inplace_op(kr_binop op, kr_val a, kr_val b) {
    if ((a & b & 1) && (op == KR_OP_ADD || op == KR_OP_SUB)) {  // `total += v` of small ints
        return op == KR_OP_ADD ? kr_int_add(a, b) : kr_int_sub(a, b);
    }
    kr_binaryfunc f = find_binop(KR_TYPE(a), op, true);
    if (f) {
        kr_val r = f(a, b);
        if (r != KR_NOTIMPLEMENTED) {
            return r;
        }
    }
    kr_val r = binary_op1(op, a, b);
    if (r == KR_NOTIMPLEMENTED) {
        return op == KR_OP_POW ? unsupported("**", "=", a, b)
                               : unsupported(kr_binop_symbols[op], "=", a, b);
    }
    return r;
}

#define KR_X_(e, f, op, d)                                                         \
    kr_val kr_##f(kr_val a, kr_val b) { return kr_binary_op(KR_OP_##e, a, b); }    \
    kr_val kr_inplace_##f(kr_val a, kr_val b) { return kr_inplace_op(KR_OP_##e, a, b); }
KR_BINOPS(KR_X_)
#undef KR_X_

kr_val kr_power(kr_val a, kr_val b, kr_val mod) {
    if (mod == KR_NONE) {
        return kr_binary_op(KR_OP_POW, a, b);
    }
    kr_ternaryfunc fa = FIND_NUMBER_SLOT(KR_TYPE(a), power);
    kr_ternaryfunc fb = FIND_NUMBER_SLOT(KR_TYPE(b), power);
    kr_val r = KR_NOTIMPLEMENTED;
    if (fa) {
        r = fa(a, b, mod);
    }
    if (r == KR_NOTIMPLEMENTED && fb && fb != fa) {
        r = fb(a, b, mod);
    }
    if (r == KR_NOTIMPLEMENTED) {
        return kr_err_set(&kr_exc_TypeError,
                          "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                          kr_type_name(a), kr_type_name(b), kr_type_name(mod));
    }
    return r;
}

static kr_val unary_op(kr_val v, kr_unaryfunc f, const char *sym) {
    if (!f) {
        return kr_err_set(&kr_exc_TypeError, "bad operand type for %s: '%s'", sym,
                          kr_type_name(v));
    }
    return f(v);
}

kr_val kr_neg(kr_val v) { return unary_op(v, FIND_NUMBER_SLOT(KR_TYPE(v), neg), "unary -"); }
kr_val kr_pos(kr_val v) { return unary_op(v, FIND_NUMBER_SLOT(KR_TYPE(v), pos), "unary +"); }
kr_val kr_abs(kr_val v) { return unary_op(v, FIND_NUMBER_SLOT(KR_TYPE(v), abs), "abs()"); }
kr_val kr_invert(kr_val v) {
    return unary_op(v, FIND_NUMBER_SLOT(KR_TYPE(v), invert), "unary ~");
}

// ---------------------------------------------------------------------------------------------
// Repr recursion guard: a per-thread stack of the containers being repr'd.

static _Thread_local kr_val *repr_stack;
static _Thread_local size_t repr_depth, repr_cap;

int kr_repr_enter(kr_val v) {
    for (size_t i = 0; i < repr_depth; i++) {
        if (repr_stack[i] == v) {
            return 1;
        }
    }
    if (repr_depth == repr_cap) {
        size_t cap = repr_cap ? 2 * repr_cap : 16;
        kr_val *s = realloc(repr_stack, cap * sizeof *s);
        if (!s) {
            kr_err_no_memory();
            return -1;
        }
        repr_stack = s;
        repr_cap = cap;
    }
    repr_stack[repr_depth++] = v;
    return 0;
}

void kr_repr_leave(kr_val v) {
    if (repr_depth > 0 && repr_stack[repr_depth - 1] == v) {
        repr_depth--;
    }
    if (repr_depth == 0) {
        free(repr_stack);
        repr_stack = NULL;
        repr_cap = 0;
    }
}

// ---------------------------------------------------------------------------------------------
// type and object

static kr_val type_repr(kr_val v) {
    if (kr_type_is_heap((const kr_type *)v)) {
        return kr_class_repr(v);
    }
    // Builtin types of a module other than builtins print qualified: <class 'itertools.count'>.
    const kr_type *t = (const kr_type *)v;
    char buf[256];
    if (t->module && strcmp(t->module, "builtins") != 0) {
        snprintf(buf, sizeof buf, "<class '%s.%s'>", t->module, t->name);
    } else {
        snprintf(buf, sizeof buf, "<class '%s'>", t->name);
    }
    return kr_str_from_cstr(buf);
}

static kr_val type_call(kr_val f, const kr_val *args, size_t nargs, kr_val kwnames) {
    const kr_type *t = (const kr_type *)f;
    // 'new' is inherited from any base but object, so that types meant to have no instances
    // (builtin_function_or_method) refuse to make bare objects.
    const kr_type *d = t;
    while (!d->new && d->base && d->base != &kr_object_type) {
        d = d->base;
    }
    if (!d->new) {
        return kr_err_set(&kr_exc_TypeError, "cannot create '%s' instances", t->name);
    }
    return d->new(t, args, nargs, kwnames);
}

// type(x) returns the type of 'x'; creating classes with type(name, bases, dict) belongs to
// the class machinery.
static kr_val type_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (nargs == 1 && !kwnames) {
        return kr_newref(KR_VAL(KR_TYPE(args[0])));
    }
    return kr_type_new3(t, args, nargs, kwnames);  // class.c
}

static kr_val type_getattr(kr_val obj, kr_val name) {
    const kr_type *t = (const kr_type *)obj;
    if (kr_type_is_heap(t)) {
        return kr_class_type_getattr(obj, name);
    }
    const char *s = kr_str_data(name);
    if (strcmp(s, "__name__") == 0 || strcmp(s, "__qualname__") == 0) {
        // A name qualified by its module ("_io.TextIOWrapper", CPython's tp_name) ends after
        // the last dot, as CPython's type_name().
        const char *dot = strrchr(t->name, '.');
        return kr_str_from_cstr(dot ? dot + 1 : t->name);
    }
    const kr_method_def *m = kr_type_find_method(t, s);
    if (m && (m->flags & (KR_METH_CLASS | KR_METH_STATIC))) {
        kr_val f = kr_cfunction_new(m->name, m->fn, m->flags & KR_METH_CLASS ? obj : 0);
        if (f && (m->flags & KR_METH_STATIC)) {
            ((kr_cfunction_obj *)f)->owner = t;  // for its __qualname__, __self__ and repr
        }
        return f;
    }
    if (m) {
        kr_val f = kr_cfunction_new(m->name, m->fn, 0);
        if (f) {
            ((kr_cfunction_obj *)f)->owner = t;
            ((kr_cfunction_obj *)f)->unbound = true;
        }
        return f;
    }
    if (strcmp(s, "__class__") == 0) {
        return kr_newref(KR_VAL(KR_TYPE(obj)));
    }
    // The special methods the class machinery gives object, type and BaseException
    // (object.__new__, object.__setattr__, ...), along the base chain.
    kr_val v = kr_class_lookup(t, name);
    if (v || kr_err_occurred()) {
        return v;
    }
    return no_attribute(obj, name);
}

// Attributes of builtin types are read-only; user classes keep theirs in their dict.
static int type_setattr(kr_val obj, kr_val name, kr_val value) {
    const kr_type *t = (const kr_type *)obj;
    if (kr_type_is_heap(t)) {
        return kr_class_type_setattr(obj, name, value);
    }
    kr_err_set(&kr_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'",
               kr_str_data(name), t->name);
    return -1;
}

// Only user classes are ever freed (builtin types are immortal).
static void type_dealloc(kr_obj *o) {
    if (kr_type_is_heap((const kr_type *)o)) {
        kr_class_dealloc(o);
    }
}

static kr_val object_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (nargs || kwnames) {
        return kr_err_set(&kr_exc_TypeError, "object() takes no arguments");
    }
    kr_obj *o = kr_obj_new(t, sizeof(kr_obj));
    return o ? KR_VAL(o) : 0;
}

// int | str: a types.UnionType (genericalias.c).
static const kr_number_methods type_number = {
    .binop = { [KR_OP_OR] = kr_type_or },
};

kr_type kr_type_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "type",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_type),
    .flags = KR_TF_TYPE_SUB,
    .dealloc = type_dealloc,
    .repr = type_repr,
    .call = type_call,
    .getattr = type_getattr,
    .setattr = type_setattr,
    .new = type_new,
    .number = &type_number,
};

kr_type kr_object_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "object",
    .basicsize = sizeof(kr_obj),
    .flags = KR_TF_BASETYPE | KR_TF_ATOMIC,
    .new = object_new,
};

// ---------------------------------------------------------------------------------------------
// None, NotImplemented, Ellipsis

static kr_val none_repr(kr_val v) {
    (void)v;
    return kr_str_from_cstr("None");
}

static int none_is_true(kr_val v) {
    (void)v;
    return 0;
}

static const kr_number_methods none_number = { .is_true = none_is_true };

static kr_val none_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)t;
    (void)args;
    if (nargs || kwnames) {
        return kr_err_set(&kr_exc_TypeError, "NoneType takes no arguments");
    }
    return KR_NONE;
}

// CPython 3.12+ hashes None to a constant (_Py_HashPointer is no longer used), which fixes the
// position of None in sets.
static intptr_t none_hash(kr_val v) {
    (void)v;
    return (intptr_t)0xFCA86420;
}

kr_type kr_none_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "NoneType",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_obj),
    .repr = none_repr,
    .hash = none_hash,
    .number = &none_number,
    .new = none_new,
};

static kr_val notimplemented_repr(kr_val v) {
    (void)v;
    return kr_str_from_cstr("NotImplemented");
}

// NotImplementedType() and ellipsis() return their singleton.
static kr_val singleton_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (nargs || kwnames) {
        // CPython's message names the type as the types module does.
        return kr_err_set(&kr_exc_TypeError, "%s takes no arguments",
                          t == &kr_ellipsis_type ? "EllipsisType" : t->name);
    }
    return t == &kr_ellipsis_type ? KR_ELLIPSIS : KR_NOTIMPLEMENTED;
}

kr_type kr_notimplemented_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "NotImplementedType",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_obj),
    .repr = notimplemented_repr,
    .new = singleton_new,
};

static kr_val ellipsis_repr(kr_val v) {
    (void)v;
    return kr_str_from_cstr("Ellipsis");
}

kr_type kr_ellipsis_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "ellipsis",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_obj),
    .repr = ellipsis_repr,
    .new = singleton_new,
};

kr_obj kr_none_obj = KR_STATIC_HEADER(&kr_none_type);
kr_obj kr_notimplemented_obj = KR_STATIC_HEADER(&kr_notimplemented_type);
kr_obj kr_ellipsis_obj = KR_STATIC_HEADER(&kr_ellipsis_type);

// ---------------------------------------------------------------------------------------------
// builtin_function_or_method

kr_val kr_cfunction_new(const char *name, kr_cfunc fn, kr_val self) {
    kr_cfunction_obj *f = (kr_cfunction_obj *)kr_obj_new(&kr_cfunction_type, sizeof *f);
    if (!f) {
        return 0;
    }
    f->name = name;
    f->fn = fn;
    f->self = self;
    KR_XINCREF(self);
    return KR_VAL(f);
}

static kr_val cfunction_call(kr_val fv, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_cfunction_obj *f = (kr_cfunction_obj *)fv;
    if (!f->unbound) {
        return f->fn(f->self, args, nargs, kwnames);
    }
    if (nargs == 0) {
        return kr_err_set(&kr_exc_TypeError, "unbound method %s.%s() needs an argument",
                          f->owner->name, f->name);
    }
    if (!kr_isinstance_type(args[0], f->owner) && f->slot_wrapper) {
        return kr_err_set(&kr_exc_TypeError,
                          "descriptor '%s' requires a '%s' object but received a '%s'",
                          f->name, f->owner->name, kr_type_name(args[0]));
    }
    if (!kr_isinstance_type(args[0], f->owner)) {
        return kr_err_set(&kr_exc_TypeError,
                          "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                          f->name, f->owner->name, kr_type_name(args[0]));
    }
    return f->fn(args[0], args + 1, nargs - 1, kwnames);
}

static kr_val cfunction_repr(kr_val fv) {
    kr_cfunction_obj *f = (kr_cfunction_obj *)fv;
    char buf[256];
    if (f->unbound) {
        snprintf(buf, sizeof buf, "<%s '%s' of '%s' objects>",
                 f->slot_wrapper ? "slot wrapper" : "method", f->name, f->owner->name);
    } else if (f->slot_wrapper && f->self) {
        snprintf(buf, sizeof buf, "<method-wrapper '%s' of %s object at %p>", f->name,
                 kr_type_name(f->self), (void *)f->self);
    } else if (!f->self && f->owner) {  // a static method (CPython binds it to the type)
        snprintf(buf, sizeof buf, "<built-in method %s of type object at %p>", f->name,
                 (const void *)f->owner);
    } else if (!f->self) {
        snprintf(buf, sizeof buf, "<built-in function %s>", f->name);
    } else {
        snprintf(buf, sizeof buf, "<built-in method %s of %s object at %p>", f->name,
                 kr_type_name(f->self), (void *)f->self);
    }
    return kr_str_from_cstr(buf);
}

static void cfunction_dealloc(kr_obj *o) {
    KR_XDECREF(((kr_cfunction_obj *)o)->self);
    KR_XDECREF(((kr_cfunction_obj *)o)->module);
}

static kr_val cfunction_get_name(kr_val fv) {
    return kr_str_from_cstr(((kr_cfunction_obj *)fv)->name);
}

// The name of the type a method belongs to: its owner, else the class a class method is bound
// to, else the type of the object it is bound to.
static const char *cfunction_type_name(const kr_cfunction_obj *f) {
    if (f->owner) {
        return f->owner->name;
    }
    if (!f->self) {
        return NULL;
    }
    if (KR_IS_PTR(f->self) && kr_isinstance_type(f->self, &kr_type_type)) {
        return ((const kr_type *)f->self)->name;
    }
    return kr_type_name(f->self);
}

static kr_val cfunction_get_qualname(kr_val fv) {
    const kr_cfunction_obj *f = (kr_cfunction_obj *)fv;
    const char *t = cfunction_type_name(f);
    if (!t) {
        return kr_str_from_cstr(f->name);
    }
    const char *dot = strrchr(t, '.');  // a type's __qualname__ has no module
    char buf[256];
    snprintf(buf, sizeof buf, "%s.%s", dot ? dot + 1 : t, f->name);
    return kr_str_from_cstr(buf);
}

// CPython: 'builtins' for the builtins, the module's name for a module's functions, None for
// bound methods; unbound methods (method descriptors there) have none.
static kr_val cfunction_get_module(kr_val fv) {
    const kr_cfunction_obj *f = (kr_cfunction_obj *)fv;
    if (f->module) {
        return kr_newref(f->module);
    }
    if (f->unbound) {
        return kr_err_set(&kr_exc_AttributeError,
                          "'method_descriptor' object has no attribute '__module__'");
    }
    if (!f->self && !f->unbound && !f->owner) {
        return kr_str_from_cstr("builtins");
    }
    return KR_NONE;
}

static kr_val cfunction_get_self(kr_val fv) {
    const kr_cfunction_obj *f = (kr_cfunction_obj *)fv;
    return f->self ? kr_newref(f->self) : KR_NONE;
}

static const kr_getset_def cfunction_getset[] = {
    { "__name__", cfunction_get_name, NULL },
    { "__qualname__", cfunction_get_qualname, NULL },
    { "__module__", cfunction_get_module, NULL },
    { "__self__", cfunction_get_self, NULL },
    { NULL, NULL, NULL },
};

kr_type kr_cfunction_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "builtin_function_or_method",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_cfunction_obj),
    .dealloc = cfunction_dealloc,
    .repr = cfunction_repr,
    .call = cfunction_call,
    .getset = cfunction_getset,
};

// ---------------------------------------------------------------------------------------------
// Start-up

void kr_runtime_init(int argc, char **argv) {
    kr_sys_set_argv(argc, argv);
    kr_gc_init();
    kr_thread_state_init();
}
