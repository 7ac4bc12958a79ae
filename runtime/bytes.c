// bytes.c: the bytes and bytearray types.
//
// Both share kr_bytes_obj: 'data' points at 'len' bytes plus a NUL. A bytes object is
// immutable and keeps its bytes inline (data == inline_data); a bytearray owns a separate
// growable buffer of 'cap' bytes. Operations that accept "bytes-like" arguments take either
// type; results of a bytearray's methods are bytearrays, as in CPython. Items are ints 0..255.
// Decoding is str.c's (kr_str_decode); the hash is CPython's bytes hash.
#include "krait.h"

#include <ctype.h>
#include <string.h>

// ---------------------------------------------------------------------------------------------
// Construction

static kr_val bytes_alloc(const kr_type *type, intptr_t n) {
    kr_bytes_obj *o = (kr_bytes_obj *)kr_obj_new(type, sizeof(kr_bytes_obj) + (size_t)n + 1);
    if (!o) {
        return 0;
    }
    o->hash = -1;
    o->len = n;
    o->data = o->inline_data;
    o->data[n] = '\0';
    return KR_VAL(o);
}

kr_val kr_bytes_from_data(const char *s, size_t n) {
    kr_val b = bytes_alloc(&kr_bytes_type, (intptr_t)n);
    if (b) {
        memcpy(KR_BYTES(b)->data, s, n);
    }
    return b;
}

// Makes room for 'cap' bytes (plus the NUL) in bytearray 'v'.
static int bytearray_reserve(kr_val v, intptr_t cap) {
    kr_bytes_obj *o = KR_BYTES(v);
    if (cap < o->cap) {
        return 0;
    }
    if (cap > INTPTR_MAX / 2) {
        kr_err_no_memory();
        return -1;
    }
    intptr_t ncap = o->cap ? o->cap : 16;
    while (ncap <= cap) {
        ncap *= 2;
    }
    char *d = o->data == o->inline_data || !o->data ? kr_alloc_atomic((size_t)ncap)
                                                     : kr_realloc(o->data, (size_t)ncap);
    if (!d) {
        return -1;
    }
    if (o->data == o->inline_data) {
        memcpy(d, o->data, (size_t)o->len + 1);
    }
    o->data = d;
    o->cap = ncap;
    return 0;
}

static kr_val bytearray_new_empty(const kr_type *type) {
    kr_bytes_obj *o = (kr_bytes_obj *)kr_obj_new(type, sizeof(kr_bytes_obj) + 1);
    if (!o) {
        return 0;
    }
    o->hash = -1;
    o->data = o->inline_data;
    o->data[0] = '\0';
    return KR_VAL(o);
}

kr_val kr_bytearray_from_data(const char *s, size_t n) {
    kr_val b = bytearray_new_empty(&kr_bytearray_type);
    if (b && n > 0) {
        if (bytearray_reserve(b, (intptr_t)n) < 0) {
            KR_DECREF(b);
            return 0;
        }
        memcpy(KR_BYTES(b)->data, s, n);
        KR_BYTES(b)->len = (intptr_t)n;
        KR_BYTES(b)->data[n] = '\0';
    }
    return b;
}

// A result of the same kind as 'like' (bytes or bytearray).
static kr_val same_kind(kr_val like, const char *s, size_t n) {
    return kr_bytearray_check(like) ? kr_bytearray_from_data(s, n) : kr_bytes_from_data(s, n);
}

static void bytes_dealloc(kr_obj *o) {
    kr_bytes_obj *b = (kr_bytes_obj *)o;
    if (b->data && b->data != b->inline_data) {
        kr_free(b->data);
    }
}

// An int argument that must be a byte value.
static int byte_value(kr_val v, int *out) {
    if (!kr_int_check(v)) {
        kr_err_set(&kr_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   kr_type_name(v));
        return -1;
    }
    int64_t i;
    if (kr_int_as_i64(v, &i) < 0 || i < 0 || i > 255) {
        kr_err_clear();
        kr_err_set(&kr_exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (int)i;
    return 0;
}

// Appends the ints of 'iterable' to 'b'.
static int collect_ints(kr_strbuf *b, kr_val iterable) {
    kr_val it = kr_iter(iterable);
    if (!it) {
        return -1;
    }
    kr_val item;
    while ((item = kr_next(it))) {
        int c;
        int rc = byte_value(item, &c);
        KR_DECREF(item);
        if (rc < 0) {
            if (kr_err_matches(&kr_exc_ValueError)) {
                kr_err_clear();
                kr_err_set(&kr_exc_ValueError, "bytes must be in range(0, 256)");
            }
            break;
        }
        if (kr_strbuf_append_char(b, (char)c) < 0) {
            break;
        }
    }
    KR_DECREF(it);
    return kr_err_occurred() ? -1 : 0;
}

static kr_val from_iterable(const kr_type *type, kr_val x) {
    kr_val it = kr_iter(x);
    if (!it) {
        if (kr_err_matches(&kr_exc_TypeError)) {
            kr_err_clear();
            kr_err_set(&kr_exc_TypeError, "cannot convert '%s' object to bytes", kr_type_name(x));
        }
        return 0;
    }
    kr_strbuf b;
    kr_strbuf_init(&b);
    int rc = collect_ints(&b, it);
    KR_DECREF(it);
    if (rc < 0) {
        kr_strbuf_free(&b);
        return 0;
    }
    kr_val r = type == &kr_bytes_type ? kr_bytes_from_data(b.data ? b.data : "", b.len)
                                      : kr_bytearray_from_data(b.data ? b.data : "", b.len);
    kr_strbuf_free(&b);
    return r;
}

kr_val kr_bytes_from_val(const kr_type *type, kr_val x, const char *encoding,
                         const char *errors) {
    bool ba = type != &kr_bytes_type;
    if (!x) {
        return ba ? kr_bytearray_from_data("", 0) : kr_bytes_from_data("", 0);
    }
    if (kr_str_check(x)) {
        if (!encoding) {
            return kr_err_set(&kr_exc_TypeError, "string argument without an encoding");
        }
        kr_val e = kr_str_encode(x, encoding, errors);
        if (!e || !ba) {
            return e;
        }
        kr_val r = kr_bytearray_from_data(kr_bytes_data(e), (size_t)kr_bytes_len(e));
        KR_DECREF(e);
        return r;
    }
    if (encoding || errors) {
        return kr_err_set(&kr_exc_TypeError, encoding ? "encoding without a string argument"
                                                      : "errors without a string argument");
    }
    if (kr_bytes_like_check(x)) {
        return ba ? kr_bytearray_from_data(kr_bytes_data(x), (size_t)kr_bytes_len(x))
                  : kr_bytes_from_data(kr_bytes_data(x), (size_t)kr_bytes_len(x));
    }
    if (kr_int_check(x)) {
        intptr_t n;
        if (kr_index_as_ssize(x, &n) < 0) {
            // A count, not an index: CPython raises OverflowError here.
            if (kr_err_matches(&kr_exc_IndexError)) {
                kr_err_clear();
                kr_err_set(&kr_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
            }
            return 0;
        }
        if (n < 0) {
            return kr_err_set(&kr_exc_ValueError, "negative count");
        }
        kr_val r = ba ? kr_bytearray_from_data("", 0) : bytes_alloc(&kr_bytes_type, n);
        if (r && ba && bytearray_reserve(r, n) < 0) {
            KR_CLEAR(r);
        }
        if (r) {
            memset(KR_BYTES(r)->data, 0, (size_t)n + 1);
            KR_BYTES(r)->len = n;
        }
        return r;
    }
    return from_iterable(type, x);
}

static kr_val bytes_new(const kr_type *type, const kr_val *args, size_t nargs, kr_val kwnames) {
    static const char *const names[] = { "source", "encoding", "errors" };
    kr_val a[3];
    const char *enc = NULL, *errors = NULL;
    if (kr_str_unpack_args(type->name, args, nargs, kwnames, names, 0, 3, a) < 0) {
        return 0;
    }
    for (int i = 1; i < 3; i++) {
        if (a[i] && !kr_str_check(a[i])) {
            return kr_err_set(&kr_exc_TypeError, "%s() argument '%s' must be str, not %s",
                              type->name, names[i], kr_type_name(a[i]));
        }
    }
    enc = a[1] ? kr_str_data(a[1]) : NULL;
    errors = a[2] ? kr_str_data(a[2]) : NULL;
    return kr_bytes_from_val(type, a[0], enc, errors);
}

// ---------------------------------------------------------------------------------------------
// repr, hash, comparison

static int repr_body(kr_strbuf *b, kr_val v) {
    const unsigned char *d = (const unsigned char *)kr_bytes_data(v);
    intptr_t n = kr_bytes_len(v);
    char quote = memchr(d, '\'', (size_t)n) && !memchr(d, '"', (size_t)n) ? '"' : '\'';
    int rc = kr_strbuf_append_char(b, 'b') | kr_strbuf_append_char(b, quote);
    for (intptr_t i = 0; i < n && rc == 0; i++) {
        unsigned char c = d[i];
        if (c == quote || c == '\\') {
            char e[2] = { '\\', (char)c };
            rc = kr_strbuf_append(b, e, 2);
        } else if (c == '\t' || c == '\n' || c == '\r') {
            rc = kr_strbuf_append(b, c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r", 2);
        } else if (c < ' ' || c >= 0x7f) {
            rc = kr_strbuf_printf(b, "\\x%02x", c);
        } else {
            rc = kr_strbuf_append_char(b, (char)c);
        }
    }
    return rc | kr_strbuf_append_char(b, quote);
}

kr_val kr_bytes_repr(kr_val v) {
    kr_strbuf b;
    kr_strbuf_init(&b);
    bool ba = kr_bytearray_check(v);
    int rc = ba ? kr_strbuf_printf(&b, "%s(", kr_type_name(v)) : 0;
    rc |= repr_body(&b, v);
    rc |= ba ? kr_strbuf_append_char(&b, ')') : 0;
    if (rc) {
        kr_strbuf_free(&b);
        return 0;
    }
    return kr_strbuf_finish(&b);
}

intptr_t kr_bytes_hash(kr_val v) {
    kr_bytes_obj *o = KR_BYTES(v);
    if (o->hash == -1) {
        o->hash = kr_hash_bytes(o->data, (size_t)o->len);
    }
    return o->hash;
}

static int bytes_compare(kr_val a, kr_val b) {
    intptr_t na = kr_bytes_len(a), nb = kr_bytes_len(b);
    int c = memcmp(kr_bytes_data(a), kr_bytes_data(b), (size_t)(na < nb ? na : nb));
    return c != 0 ? c : na < nb ? -1 : na > nb;
}

static kr_val bytes_richcompare(kr_val a, kr_val b, int op) {
    if (!kr_bytes_like_check(b)) {
        return KR_NOTIMPLEMENTED;
    }
    if ((op == KR_EQ || op == KR_NE) && kr_bytes_len(a) != kr_bytes_len(b)) {
        return kr_bool(op == KR_NE);
    }
    int c = bytes_compare(a, b);
    switch (op) {
    case KR_LT: return kr_bool(c < 0);
    case KR_LE: return kr_bool(c <= 0);
    case KR_EQ: return kr_bool(c == 0);
    case KR_NE: return kr_bool(c != 0);
    case KR_GT: return kr_bool(c > 0);
    default: return kr_bool(c >= 0);
    }
}

// ---------------------------------------------------------------------------------------------
// Sequence operations

kr_val kr_bytes_concat(kr_val a, kr_val b) {
    if (!kr_bytes_like_check(b)) {
        return kr_err_set(&kr_exc_TypeError, "can't concat %s to %s", kr_type_name(b),
                          kr_type_name(a));
    }
    kr_strbuf s;
    kr_strbuf_init(&s);
    if (kr_strbuf_append(&s, kr_bytes_data(a), (size_t)kr_bytes_len(a)) < 0
        || kr_strbuf_append(&s, kr_bytes_data(b), (size_t)kr_bytes_len(b)) < 0) {
        kr_strbuf_free(&s);
        return 0;
    }
    kr_val r = same_kind(a, s.data, s.len);
    kr_strbuf_free(&s);
    return r;
}

kr_val kr_bytes_repeat(kr_val v, intptr_t n) {
    if (kr_bytes_check(v) && n > 0 && kr_bytes_len(v) > INTPTR_MAX / n) {
        return kr_err_set(&kr_exc_OverflowError, "repeated bytes are too long");
    }
    kr_strbuf s;
    kr_strbuf_init(&s);
    if (kr_strbuf_append_repeat(&s, kr_bytes_data(v), (size_t)kr_bytes_len(v), n) < 0) {
        kr_strbuf_free(&s);
        return 0;
    }
    kr_val r = same_kind(v, s.data ? s.data : "", s.len);
    kr_strbuf_free(&s);
    return r;
}

static kr_val bytes_add(kr_val a, kr_val b) {
    if (!kr_bytes_like_check(a) || (!kr_bytes_like_check(b) && (KR_TYPE(b)->flags
                                                                 & KR_TF_HEAPTYPE))) {
        return KR_NOTIMPLEMENTED;
    }
    return kr_bytes_concat(a, b);
}

static kr_val bytes_mul(kr_val a, kr_val b) {
    kr_val s = kr_bytes_like_check(a) ? a : b, n = s == a ? b : a;
    if (!kr_int_check(n)) {
        if (KR_TYPE(n)->flags & KR_TF_HEAPTYPE) {
            return KR_NOTIMPLEMENTED;
        }
        return kr_err_set(&kr_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                          kr_type_name(n));
    }
    intptr_t count;
    if (kr_index_as_ssize(n, &count) < 0) {
        return 0;
    }
    return kr_bytes_repeat(s, count);
}

static kr_val bytes_mod_slot(kr_val a, kr_val b) {
    if (!kr_bytes_like_check(a)) {
        return KR_NOTIMPLEMENTED;
    }
    return kr_bytes_mod(a, b);
}

static kr_val bytes_slice(kr_val v, kr_val slice) {
    intptr_t start, step;
    intptr_t n = kr_str_slice_indices(KR_SLICE(slice)->start, KR_SLICE(slice)->stop,
                                      KR_SLICE(slice)->step, kr_bytes_len(v), &start, &step);
    if (n < 0) {
        return 0;
    }
    if (step == 1) {
        return same_kind(v, kr_bytes_data(v) + start, (size_t)n);
    }
    kr_strbuf b;
    kr_strbuf_init(&b);
    for (intptr_t i = 0; i < n; i++) {
        if (kr_strbuf_append_char(&b, kr_bytes_data(v)[start + i * step]) < 0) {
            kr_strbuf_free(&b);
            return 0;
        }
    }
    kr_val r = same_kind(v, b.data ? b.data : "", b.len);
    kr_strbuf_free(&b);
    return r;
}

// Index 'key' of 'v', adjusted; -1 with IndexError.
static int item_index(kr_val v, kr_val key, intptr_t *out) {
    if (kr_index_as_ssize(key, out) < 0) {
        return -1;
    }
    if (*out < 0) {
        *out += kr_bytes_len(v);
    }
    if (*out < 0 || *out >= kr_bytes_len(v)) {
        kr_err_set(&kr_exc_IndexError, kr_bytearray_check(v) ? "bytearray index out of range"
                                                              : "index out of range");
        return -1;
    }
    return 0;
}

kr_val kr_bytes_getitem(kr_val v, kr_val key) {
    if (kr_int_check(key)) {
        intptr_t i;
        if (item_index(v, key, &i) < 0) {
            return 0;
        }
        return KR_FROM_SMALL((unsigned char)kr_bytes_data(v)[i]);
    }
    if (kr_slice_check(key)) {
        return bytes_slice(v, key);
    }
    return kr_err_set(&kr_exc_TypeError, "%s indices must be integers or slices, not %s",
                      kr_bytearray_check(v) ? "bytearray" : "byte", kr_type_name(key));
}

int kr_bytes_contains(kr_val v, kr_val item) {
    if (kr_int_check(item)) {
        int c;
        if (byte_value(item, &c) < 0) {
            return -1;
        }
        return memchr(kr_bytes_data(v), c, (size_t)kr_bytes_len(v)) != NULL;
    }
    if (!kr_bytes_like_check(item)) {
        kr_err_set(&kr_exc_TypeError, "a bytes-like object is required, not '%s'",
                   kr_type_name(item));
        return -1;
    }
    return memmem(kr_bytes_data(v), (size_t)kr_bytes_len(v), kr_bytes_data(item),
                  (size_t)kr_bytes_len(item)) != NULL;
}

static intptr_t bytes_len_slot(kr_val v) { return kr_bytes_len(v); }

// ---------------------------------------------------------------------------------------------
// Iteration

typedef struct bytes_iter {
    kr_obj ob;
    kr_val seq;
    intptr_t i;
} bytes_iter;

static void bytes_iter_dealloc(kr_obj *o) { KR_DECREF(((bytes_iter *)o)->seq); }
static kr_val bytes_iter_self(kr_val it) { return kr_newref(it); }

static kr_val bytes_iter_next(kr_val v) {
    bytes_iter *it = (bytes_iter *)v;
    if (it->i >= kr_bytes_len(it->seq)) {
        return 0;
    }
    return KR_FROM_SMALL((unsigned char)kr_bytes_data(it->seq)[it->i++]);
}

static kr_type bytes_iter_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "bytes_iterator",
    .base = &kr_object_type,
    .basicsize = sizeof(bytes_iter),
    .dealloc = bytes_iter_dealloc,
    .iter = bytes_iter_self,
    .iternext = bytes_iter_next,
};

static kr_val bytes_iter_new(kr_val v) {
    bytes_iter *it = (bytes_iter *)kr_obj_new(&bytes_iter_type, sizeof(bytes_iter));
    if (!it) {
        return 0;
    }
    it->seq = kr_newref(v);
    it->i = 0;
    return KR_VAL(it);
}

// ---------------------------------------------------------------------------------------------
// Searching

#define UNPACK(fname, names, nmin, nmax, out) \
    if (kr_str_unpack_args(fname, args, nargs, kwnames, names, nmin, nmax, out) < 0) { \
        return 0;                                                                     \
    }

// The needle of find/count/...: bytes-like, or an int byte value (stored in 'one').
static int needle_arg(kr_val v, const char **s, intptr_t *n, char *one) {
    if (kr_bytes_like_check(v)) {
        *s = kr_bytes_data(v);
        *n = kr_bytes_len(v);
        return 0;
    }
    if (!kr_int_check(v)) {
        kr_err_set(&kr_exc_TypeError, "argument should be integer or bytes-like object, not "
                   "'%s'", kr_type_name(v));
        return -1;
    }
    int c;
    if (byte_value(v, &c) < 0) {
        return -1;
    }
    *one = (char)c;
    *s = one;
    *n = 1;
    return 0;
}

static int clamp_bound(kr_val v, intptr_t len, intptr_t dflt, intptr_t *out) {
    if (!v || v == KR_NONE) {
        *out = dflt;
        return 0;
    }
    if (kr_index_as_ssize(v, out) < 0) {
        return -1;
    }
    if (*out < 0) {
        *out = *out + len < 0 ? 0 : *out + len;
    }
    return 0;
}

// Shared front of find/rfind/index/rindex/count/startswith/endswith: needle and [from, to).
typedef struct search {
    const char *hay, *sub;
    intptr_t from, to, m;
    char one;
    bool ok;  // false when start lies past the end
} search;

static int search_setup(const char *fname, kr_val self, const kr_val *args, size_t nargs,
                        kr_val kwnames, search *sr, bool needle) {
    kr_val a[3];
    if (kr_str_unpack_args(fname, args, nargs, kwnames, NULL, 1, 3, a) < 0) {
        return -1;
    }
    intptr_t len = kr_bytes_len(self);
    if ((needle && needle_arg(a[0], &sr->sub, &sr->m, &sr->one) < 0)
        || clamp_bound(a[1], len, 0, &sr->from) < 0 || clamp_bound(a[2], len, len, &sr->to) < 0) {
        return -1;
    }
    sr->to = sr->to > len ? len : sr->to;
    sr->ok = sr->from <= len && sr->from <= sr->to;
    sr->hay = kr_bytes_data(self);
    return 0;
}

static intptr_t search_find(const search *sr, bool last) {
    if (!sr->ok || sr->m > sr->to - sr->from) {
        return -1;
    }
    if (!last) {
        const char *p = memmem(sr->hay + sr->from, (size_t)(sr->to - sr->from), sr->sub,
                               (size_t)sr->m);
        return p ? p - sr->hay : -1;
    }
    for (intptr_t i = sr->to - sr->m; i >= sr->from; i--) {
        if (memcmp(sr->hay + i, sr->sub, (size_t)sr->m) == 0) {
            return i;
        }
    }
    return -1;
}

static kr_val find_common(const char *fname, kr_val self, const kr_val *args, size_t nargs,
                          kr_val kwnames, bool last, bool raise) {
    search sr;
    if (search_setup(fname, self, args, nargs, kwnames, &sr, true) < 0) {
        return 0;
    }
    intptr_t r = search_find(&sr, last);
    if (r < 0 && raise) {
        return kr_err_set(&kr_exc_ValueError, "subsection not found");
    }
    return KR_FROM_SMALL(r);
}

kr_val kr_bytes_meth_find(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return find_common("find", self, args, nargs, kwnames, false, false);
}

kr_val kr_bytes_meth_rfind(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return find_common("rfind", self, args, nargs, kwnames, true, false);
}

kr_val kr_bytes_meth_index(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return find_common("index", self, args, nargs, kwnames, false, true);
}

kr_val kr_bytes_meth_rindex(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return find_common("rindex", self, args, nargs, kwnames, true, true);
}

kr_val kr_bytes_meth_count(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    search sr;
    if (search_setup("count", self, args, nargs, kwnames, &sr, true) < 0) {
        return 0;
    }
    if (!sr.ok) {
        return KR_FROM_SMALL(0);
    }
    if (sr.m == 0) {
        return KR_FROM_SMALL(sr.to - sr.from + 1);
    }
    intptr_t n = 0;
    for (intptr_t i; (i = search_find(&sr, false)) >= 0; n++) {
        sr.from = i + sr.m;
    }
    return KR_FROM_SMALL(n);
}

static bool edge_match(const search *sr, const char *p, intptr_t m, bool end) {
    if (!sr->ok || m > sr->to - sr->from) {
        return false;
    }
    return memcmp(sr->hay + (end ? sr->to - m : sr->from), p, (size_t)m) == 0;
}

static kr_val starts_ends(const char *fname, kr_val self, const kr_val *args, size_t nargs,
                          kr_val kwnames, bool end) {
    search sr;
    if (search_setup(fname, self, args, nargs, kwnames, &sr, false) < 0) {
        return 0;
    }
    kr_val p = args[0];
    if (kr_bytes_like_check(p)) {
        return kr_bool(edge_match(&sr, kr_bytes_data(p), kr_bytes_len(p), end));
    }
    if (!kr_tuple_check(p)) {
        return kr_err_set(&kr_exc_TypeError, "%s first arg must be bytes or a tuple of bytes, "
                          "not %s", fname, kr_type_name(p));
    }
    for (intptr_t i = 0; i < KR_TUPLE_LEN(p); i++) {
        kr_val x = KR_TUPLE_ITEMS(p)[i];
        if (!kr_bytes_like_check(x)) {
            return kr_err_set(&kr_exc_TypeError, "a bytes-like object is required, not '%s'",
                              kr_type_name(x));
        }
        if (edge_match(&sr, kr_bytes_data(x), kr_bytes_len(x), end)) {
            return KR_TRUE;
        }
    }
    return KR_FALSE;
}

kr_val kr_bytes_meth_startswith(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return starts_ends("startswith", self, args, nargs, kwnames, false);
}

kr_val kr_bytes_meth_endswith(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return starts_ends("endswith", self, args, nargs, kwnames, true);
}

// ---------------------------------------------------------------------------------------------
// split, join, strip, replace

static bool is_ascii_space(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13); }

static int push_part(kr_val list, kr_val self, intptr_t from, intptr_t to) {
    kr_val part = same_kind(self, kr_bytes_data(self) + from, (size_t)(to - from));
    int rc = part ? kr_list_append(list, part) : -1;
    KR_XDECREF(part);
    return rc;
}

static kr_val split_ws(kr_val self, intptr_t maxsplit) {
    const unsigned char *d = (const unsigned char *)kr_bytes_data(self);
    intptr_t n = kr_bytes_len(self), i = 0;
    kr_val list = kr_list_new(0);
    for (intptr_t splits = 0; list; splits++) {
        while (i < n && is_ascii_space(d[i])) {
            i++;
        }
        if (i == n) {
            break;
        }
        intptr_t start = i, end;
        if (splits == maxsplit) {
            end = i = n;  // the rest, trailing whitespace included
        } else {
            while (i < n && !is_ascii_space(d[i])) {
                i++;
            }
            end = i;
        }
        if (push_part(list, self, start, end) < 0) {
            KR_CLEAR(list);
        }
    }
    return list;
}

static kr_val split_on(kr_val self, kr_val sep, intptr_t maxsplit, bool right) {
    if (!kr_bytes_like_check(sep)) {
        return kr_err_set(&kr_exc_TypeError, "a bytes-like object is required, not '%s'",
                          kr_type_name(sep));
    }
    if (kr_bytes_len(sep) == 0) {
        return kr_err_set(&kr_exc_ValueError, "empty separator");
    }
    search sr = { kr_bytes_data(self), kr_bytes_data(sep), 0, kr_bytes_len(self),
                  kr_bytes_len(sep), 0, true };
    kr_val list = kr_list_new(0);
    for (intptr_t splits = 0; list && splits != maxsplit; splits++) {
        intptr_t i = search_find(&sr, right);
        if (i < 0) {
            break;
        }
        if (right ? push_part(list, self, i + sr.m, sr.to) < 0
                  : push_part(list, self, sr.from, i) < 0) {
            KR_CLEAR(list);
        }
        *(right ? &sr.to : &sr.from) = right ? i : i + sr.m;
    }
    if (list && push_part(list, self, sr.from, sr.to) < 0) {
        KR_CLEAR(list);
    }
    if (list && right) {
        kr_val rev = kr_list_new(0);
        for (intptr_t i = kr_len(list) - 1; rev && i >= 0; i--) {
            kr_val item = kr_getitem(list, KR_FROM_SMALL(i));
            if (!item || kr_list_append(rev, item) < 0) {
                KR_CLEAR(rev);
            }
            KR_XDECREF(item);
        }
        KR_DECREF(list);
        list = rev;
    }
    return list;
}

static kr_val split_common(const char *fname, kr_val self, const kr_val *args, size_t nargs,
                           kr_val kwnames, bool right) {
    static const char *const names[] = { "sep", "maxsplit" };
    kr_val a[2];
    intptr_t maxsplit = -1;
    UNPACK(fname, names, 0, 2, a);
    if (a[1] && kr_index_as_ssize(a[1], &maxsplit) < 0) {
        return 0;
    }
    if (!a[0] || a[0] == KR_NONE) {
        if (right) {
            // Whitespace rsplit: split from the left and rejoin the leftmost parts is not
            // equivalent, so scan from the right.
            kr_val rev = kr_list_new(0);
            const unsigned char *d = (const unsigned char *)kr_bytes_data(self);
            intptr_t end = kr_bytes_len(self);
            kr_val tmp = kr_list_new(0);
            for (intptr_t splits = 0; tmp && rev; splits++) {
                while (end > 0 && is_ascii_space(d[end - 1])) {
                    end--;
                }
                if (end == 0) {
                    break;
                }
                intptr_t start = end;
                if (splits == maxsplit) {
                    start = 0;
                } else {
                    while (start > 0 && !is_ascii_space(d[start - 1])) {
                        start--;
                    }
                }
                if (push_part(tmp, self, start, end) < 0) {
                    KR_CLEAR(tmp);
                }
                end = start;
            }
            for (intptr_t i = tmp ? kr_len(tmp) - 1 : -1; rev && i >= 0; i--) {
                kr_val item = kr_getitem(tmp, KR_FROM_SMALL(i));
                if (!item || kr_list_append(rev, item) < 0) {
                    KR_CLEAR(rev);
                }
                KR_XDECREF(item);
            }
            if (!tmp) {
                KR_CLEAR(rev);
            }
            KR_XDECREF(tmp);
            return rev;
        }
        return split_ws(self, maxsplit);
    }
    return split_on(self, a[0], maxsplit, right);
}

kr_val kr_bytes_meth_split(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return split_common("split", self, args, nargs, kwnames, false);
}

kr_val kr_bytes_meth_rsplit(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return split_common("rsplit", self, args, nargs, kwnames, true);
}

kr_val kr_bytes_join(kr_val sep, kr_val iterable) {
    kr_val it = kr_iter(iterable);
    if (!it) {
        return 0;
    }
    kr_strbuf b;
    kr_strbuf_init(&b);
    kr_val item;
    for (intptr_t i = 0; (item = kr_next(it)); i++) {
        int rc = -1;
        if (!kr_bytes_like_check(item)) {
            kr_err_set(&kr_exc_TypeError, "sequence item %zd: expected a bytes-like object, %s "
                       "found", i, kr_type_name(item));
        } else {
            rc = (i > 0 ? kr_strbuf_append(&b, kr_bytes_data(sep), (size_t)kr_bytes_len(sep)) : 0)
                 | kr_strbuf_append(&b, kr_bytes_data(item), (size_t)kr_bytes_len(item));
        }
        KR_DECREF(item);
        if (rc) {
            break;
        }
    }
    KR_DECREF(it);
    kr_val r = kr_err_occurred() ? 0 : same_kind(sep, b.data ? b.data : "", b.len);
    kr_strbuf_free(&b);
    return r;
}

kr_val kr_bytes_meth_join(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val a[1];
    UNPACK("join", NULL, 1, 1, a);
    return kr_bytes_join(self, a[0]);
}

static kr_val strip_common(const char *fname, kr_val self, const kr_val *args, size_t nargs,
                           kr_val kwnames, bool left, bool right) {
    kr_val a[1];
    UNPACK(fname, NULL, 0, 1, a);
    kr_val chars = a[0] == KR_NONE ? 0 : a[0];
    if (chars && !kr_bytes_like_check(chars)) {
        return kr_err_set(&kr_exc_TypeError, "a bytes-like object is required, not '%s'",
                          kr_type_name(chars));
    }
    const unsigned char *d = (const unsigned char *)kr_bytes_data(self);
    intptr_t from = 0, to = kr_bytes_len(self);
#define STRIPPED(c)                                                                   \
    (chars ? memchr(kr_bytes_data(chars), (c), (size_t)kr_bytes_len(chars)) != NULL \
           : is_ascii_space(c))
    while (left && from < to && STRIPPED(d[from])) {
        from++;
    }
    while (right && to > from && STRIPPED(d[to - 1])) {
        to--;
    }
#undef STRIPPED
    return same_kind(self, (const char *)d + from, (size_t)(to - from));
}

kr_val kr_bytes_meth_strip(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return strip_common("strip", self, args, nargs, kwnames, true, true);
}

kr_val kr_bytes_meth_lstrip(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return strip_common("lstrip", self, args, nargs, kwnames, true, false);
}

kr_val kr_bytes_meth_rstrip(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return strip_common("rstrip", self, args, nargs, kwnames, false, true);
}

kr_val kr_bytes_meth_replace(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val a[3];
    intptr_t count = -1;
    UNPACK("replace", NULL, 2, 3, a);
    for (int i = 0; i < 2; i++) {
        if (!kr_bytes_like_check(a[i])) {
            return kr_err_set(&kr_exc_TypeError, "a bytes-like object is required, not '%s'",
                              kr_type_name(a[i]));
        }
    }
    if (a[2] && kr_index_as_ssize(a[2], &count) < 0) {
        return 0;
    }
    const char *d = kr_bytes_data(self), *old = kr_bytes_data(a[0]);
    intptr_t n = kr_bytes_len(self), m = kr_bytes_len(a[0]), from = 0;
    kr_strbuf b;
    kr_strbuf_init(&b);
    int rc = 0;
    for (; count != 0 && rc == 0 && from <= n; count--) {
        const char *p = m == 0 ? d + from : memmem(d + from, (size_t)(n - from), old, (size_t)m);
        if (!p) {
            break;
        }
        intptr_t i = p - d;
        rc |= kr_strbuf_append(&b, d + from, (size_t)(i - from));
        rc |= kr_strbuf_append(&b, kr_bytes_data(a[1]), (size_t)kr_bytes_len(a[1]));
        if (m == 0 && i < n) {
            rc |= kr_strbuf_append_char(&b, d[i]);
        }
        from = i + (m == 0 ? 1 : m);
    }
    if (from < n) {
        rc |= kr_strbuf_append(&b, d + from, (size_t)(n - from));
    }
    kr_val r = rc ? 0 : same_kind(self, b.data ? b.data : "", b.len);
    kr_strbuf_free(&b);
    return r;
}

static kr_val affix(const char *fname, kr_val self, const kr_val *args, size_t nargs,
                    kr_val kwnames, bool suffix) {
    kr_val a[1];
    UNPACK(fname, NULL, 1, 1, a);
    if (!kr_bytes_like_check(a[0])) {
        return kr_err_set(&kr_exc_TypeError, "a bytes-like object is required, not '%s'",
                          kr_type_name(a[0]));
    }
    intptr_t n = kr_bytes_len(self), m = kr_bytes_len(a[0]);
    const char *d = kr_bytes_data(self);
    if (m <= n && memcmp(d + (suffix ? n - m : 0), kr_bytes_data(a[0]), (size_t)m) == 0) {
        return same_kind(self, d + (suffix ? 0 : m), (size_t)(n - m));
    }
    return same_kind(self, d, (size_t)n);
}

kr_val kr_bytes_meth_removeprefix(kr_val self, const kr_val *args, size_t nargs,
                                  kr_val kwnames) {
    return affix("removeprefix", self, args, nargs, kwnames, false);
}

kr_val kr_bytes_meth_removesuffix(kr_val self, const kr_val *args, size_t nargs,
                                  kr_val kwnames) {
    return affix("removesuffix", self, args, nargs, kwnames, true);
}

// ---------------------------------------------------------------------------------------------
// Case, predicates, hex, decode

static kr_val map_ascii(kr_val self, bool upper) {
    kr_val r = same_kind(self, kr_bytes_data(self), (size_t)kr_bytes_len(self));
    if (!r) {
        return 0;
    }
    char *d = KR_BYTES(r)->data;
    for (intptr_t i = 0; i < kr_bytes_len(r); i++) {
        if (upper && d[i] >= 'a' && d[i] <= 'z') {
            d[i] = (char)(d[i] - 32);
        } else if (!upper && d[i] >= 'A' && d[i] <= 'Z') {
            d[i] = (char)(d[i] + 32);
        }
    }
    return r;
}

kr_val kr_bytes_meth_upper(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val a[1];
    UNPACK("upper", NULL, 0, 0, a);
    return map_ascii(self, true);
}

kr_val kr_bytes_meth_lower(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val a[1];
    UNPACK("lower", NULL, 0, 0, a);
    return map_ascii(self, false);
}

static bool all_bytes(kr_val self, int (*pred)(int)) {
    const unsigned char *d = (const unsigned char *)kr_bytes_data(self);
    intptr_t n = kr_bytes_len(self);
    for (intptr_t i = 0; i < n; i++) {
        if (d[i] >= 128 || !pred(d[i])) {
            return false;
        }
    }
    return n > 0;
}

static bool cased_as(kr_val self, bool upper) {
    const unsigned char *d = (const unsigned char *)kr_bytes_data(self);
    bool cased = false;
    for (intptr_t i = 0; i < kr_bytes_len(self); i++) {
        if (upper ? (d[i] >= 'a' && d[i] <= 'z') : (d[i] >= 'A' && d[i] <= 'Z')) {
            return false;
        }
        cased |= upper ? (d[i] >= 'A' && d[i] <= 'Z') : (d[i] >= 'a' && d[i] <= 'z');
    }
    return cased;
}

static bool has_high_byte(kr_val self) {
    for (intptr_t i = 0; i < kr_bytes_len(self); i++) {
        if ((unsigned char)kr_bytes_data(self)[i] >= 128) {
            return true;
        }
    }
    return false;
}

static int ascii_isspace(int c) { return is_ascii_space((unsigned char)c); }

#define BYTES_PREDICATE(name, expr)                                                        \
    kr_val kr_bytes_meth_##name(kr_val self, const kr_val *args, size_t nargs,             \
                                kr_val kwnames) {                                          \
        kr_val a[1];                                                                       \
        UNPACK(#name, NULL, 0, 0, a);                                                      \
        return kr_bool(expr);                                                              \
    }

BYTES_PREDICATE(isdigit, all_bytes(self, isdigit))
BYTES_PREDICATE(isalpha, all_bytes(self, isalpha))
BYTES_PREDICATE(isalnum, all_bytes(self, isalnum))
BYTES_PREDICATE(isspace, all_bytes(self, ascii_isspace))
BYTES_PREDICATE(isupper, cased_as(self, true))
BYTES_PREDICATE(islower, cased_as(self, false))
BYTES_PREDICATE(isascii, !has_high_byte(self))

kr_val kr_bytes_meth_hex(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    static const char *const names[] = { "sep", "bytes_per_sep" };
    kr_val a[2];
    UNPACK("hex", names, 0, 2, a);
    const char *sep = NULL;
    if (a[0]) {
        if (!kr_str_check(a[0]) || kr_str_len(a[0]) != 1) {
            return kr_err_set(&kr_exc_ValueError, "sep must be length 1.");
        }
        sep = kr_str_data(a[0]);
    }
    intptr_t per = 1;
    if (a[1] && kr_index_as_ssize(a[1], &per) < 0) {
        return 0;
    }
    const unsigned char *d = (const unsigned char *)kr_bytes_data(self);
    intptr_t n = kr_bytes_len(self), group = per < 0 ? -per : per;
    kr_strbuf b;
    kr_strbuf_init(&b);
    int rc = 0;
    for (intptr_t i = 0; i < n && rc == 0; i++) {
        // Groups count from the right for a positive 'bytes_per_sep', from the left otherwise.
        bool boundary = sep && group > 0 && i > 0
                        && (per > 0 ? (n - i) % group == 0 : i % group == 0);
        if (boundary) {
            rc |= kr_strbuf_append_cstr(&b, sep);
        }
        rc |= kr_strbuf_printf(&b, "%02x", d[i]);
    }
    if (rc) {
        kr_strbuf_free(&b);
        return 0;
    }
    return kr_strbuf_finish(&b);
}

static int hex_digit(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

kr_val kr_bytes_meth_fromhex(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val a[1];
    UNPACK("fromhex", NULL, 1, 1, a);
    if (!kr_str_check(a[0])) {
        return kr_err_set(&kr_exc_TypeError, "fromhex() argument must be str, not %s",
                          kr_type_name(a[0]));
    }
    const char *s = kr_str_data(a[0]);
    intptr_t n = kr_str_nbytes(a[0]);
    kr_strbuf b;
    kr_strbuf_init(&b);
    for (intptr_t i = 0; i < n;) {
        if (is_ascii_space((unsigned char)s[i])) {
            i++;
            continue;
        }
        int hi = hex_digit(s[i]), lo = i + 1 < n ? hex_digit(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            kr_strbuf_free(&b);
            intptr_t at = hi < 0 ? i : i + 1;
            return kr_err_set(&kr_exc_ValueError, "non-hexadecimal number found in fromhex() "
                              "arg at position %zd", at);
        }
        if (kr_strbuf_append_char(&b, (char)(hi * 16 + lo)) < 0) {
            kr_strbuf_free(&b);
            return 0;
        }
        i += 2;
    }
    bool ba = self == KR_VAL(&kr_bytearray_type);
    kr_val r = ba ? kr_bytearray_from_data(b.data ? b.data : "", b.len)
                  : kr_bytes_from_data(b.data ? b.data : "", b.len);
    kr_strbuf_free(&b);
    return r;
}

kr_val kr_bytes_decode(kr_val v, const char *encoding, const char *errors) {
    return kr_str_decode(kr_bytes_data(v), (size_t)kr_bytes_len(v), encoding, errors);
}

kr_val kr_bytes_meth_decode(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    static const char *const names[] = { "encoding", "errors" };
    kr_val a[2];
    UNPACK("decode", names, 0, 2, a);
    for (int i = 0; i < 2; i++) {
        if (a[i] && !kr_str_check(a[i])) {
            return kr_err_set(&kr_exc_TypeError, "decode() argument '%s' must be str, not %s",
                              names[i], kr_type_name(a[i]));
        }
    }
    return kr_bytes_decode(self, a[0] ? kr_str_data(a[0]) : NULL,
                           a[1] ? kr_str_data(a[1]) : NULL);
}

// ---------------------------------------------------------------------------------------------
// bytearray mutation

static int ba_append_byte(kr_val ba, char c) {
    kr_bytes_obj *o = KR_BYTES(ba);
    if (bytearray_reserve(ba, o->len + 1) < 0) {
        return -1;
    }
    o->data[o->len++] = c;
    o->data[o->len] = '\0';
    return 0;
}

int kr_bytearray_append(kr_val ba, kr_val item) {
    int c;
    if (byte_value(item, &c) < 0) {
        return -1;
    }
    return ba_append_byte(ba, (char)c);
}

// Replaces bytes [lo, hi) of 'ba' with 'n' bytes of 's'.
static int ba_splice(kr_val ba, intptr_t lo, intptr_t hi, const char *s, intptr_t n) {
    kr_bytes_obj *o = KR_BYTES(ba);
    intptr_t newlen = o->len - (hi - lo) + n;
    if (bytearray_reserve(ba, newlen) < 0) {
        return -1;
    }
    memmove(o->data + lo + n, o->data + hi, (size_t)(o->len - hi));
    memmove(o->data + lo, s, (size_t)n);
    o->len = newlen;
    o->data[newlen] = '\0';
    return 0;
}

static int ba_set_slice(kr_val ba, kr_val slice, kr_val value) {
    intptr_t start, step;
    intptr_t n = kr_str_slice_indices(KR_SLICE(slice)->start, KR_SLICE(slice)->stop,
                                      KR_SLICE(slice)->step, kr_bytes_len(ba), &start, &step);
    if (n < 0) {
        return -1;
    }
    kr_val src = kr_bytes_like_check(value) ? kr_bytes_from_data(kr_bytes_data(value),
                                                                 (size_t)kr_bytes_len(value))
                                            : kr_bytes_from_val(&kr_bytes_type, value, NULL,
                                                                NULL);
    if (!src) {
        return -1;
    }
    int rc = 0;
    if (step == 1) {
        rc = ba_splice(ba, start, start + n, kr_bytes_data(src), kr_bytes_len(src));
    } else if (kr_bytes_len(src) != n) {
        kr_err_set(&kr_exc_ValueError, "attempt to assign bytes of size %zd to extended slice "
                   "of size %zd", kr_bytes_len(src), n);
        rc = -1;
    } else {
        for (intptr_t i = 0; i < n; i++) {
            KR_BYTES(ba)->data[start + i * step] = kr_bytes_data(src)[i];
        }
    }
    KR_DECREF(src);
    return rc;
}

int kr_bytearray_setitem(kr_val ba, kr_val key, kr_val value) {
    if (kr_slice_check(key)) {
        return ba_set_slice(ba, key, value);
    }
    if (!kr_int_check(key)) {
        kr_err_set(&kr_exc_TypeError, "bytearray indices must be integers or slices, not %s",
                   kr_type_name(key));
        return -1;
    }
    intptr_t i;
    int c;
    if (item_index(ba, key, &i) < 0 || byte_value(value, &c) < 0) {
        return -1;
    }
    KR_BYTES(ba)->data[i] = (char)c;
    return 0;
}

static int ba_delitem(kr_val ba, kr_val key) {
    if (kr_slice_check(key)) {
        intptr_t start, step;
        intptr_t n = kr_str_slice_indices(KR_SLICE(key)->start, KR_SLICE(key)->stop,
                                          KR_SLICE(key)->step, kr_bytes_len(ba), &start, &step);
        if (n < 0) {
            return -1;
        }
        if (step < 0) {
            start += (n - 1) * step;
            step = -step;
        }
        for (intptr_t k = n - 1; k >= 0; k--) {
            intptr_t i = start + k * step;
            if (ba_splice(ba, i, i + 1, "", 0) < 0) {
                return -1;
            }
        }
        return 0;
    }
    intptr_t i;
    if (item_index(ba, key, &i) < 0) {
        return -1;
    }
    return ba_splice(ba, i, i + 1, "", 0);
}

kr_val kr_bytearray_meth_append(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val a[1];
    UNPACK("append", NULL, 1, 1, a);
    return kr_bytearray_append(self, a[0]) < 0 ? 0 : KR_NONE;
}

kr_val kr_bytearray_meth_extend(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val a[1];
    UNPACK("extend", NULL, 1, 1, a);
    if (kr_str_check(a[0])) {
        return kr_err_set(&kr_exc_TypeError, "expected iterable of integers; got: 'str'");
    }
    kr_val src = kr_bytes_from_val(&kr_bytes_type, a[0], NULL, NULL);
    if (!src) {
        return 0;
    }
    int rc = ba_splice(self, kr_bytes_len(self), kr_bytes_len(self), kr_bytes_data(src),
                       kr_bytes_len(src));
    KR_DECREF(src);
    return rc < 0 ? 0 : KR_NONE;
}

kr_val kr_bytearray_meth_pop(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val a[1];
    intptr_t i = -1, n = kr_bytes_len(self);
    UNPACK("pop", NULL, 0, 1, a);
    if (a[0] && kr_index_as_ssize(a[0], &i) < 0) {
        return 0;
    }
    if (n == 0) {
        return kr_err_set(&kr_exc_IndexError, "pop from empty bytearray");
    }
    i = i < 0 ? i + n : i;
    if (i < 0 || i >= n) {
        return kr_err_set(&kr_exc_IndexError, "pop index out of range");
    }
    unsigned char c = (unsigned char)kr_bytes_data(self)[i];
    if (ba_splice(self, i, i + 1, "", 0) < 0) {
        return 0;
    }
    return KR_FROM_SMALL(c);
}

kr_val kr_bytearray_meth_insert(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val a[2];
    intptr_t i, n = kr_bytes_len(self);
    int c;
    UNPACK("insert", NULL, 2, 2, a);
    if (kr_index_as_ssize(a[0], &i) < 0 || byte_value(a[1], &c) < 0) {
        return 0;
    }
    i = i < 0 ? (i + n < 0 ? 0 : i + n) : i > n ? n : i;
    char ch = (char)c;
    return ba_splice(self, i, i, &ch, 1) < 0 ? 0 : KR_NONE;
}

kr_val kr_bytearray_meth_clear(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val a[1];
    UNPACK("clear", NULL, 0, 0, a);
    return ba_splice(self, 0, kr_bytes_len(self), "", 0) < 0 ? 0 : KR_NONE;
}

kr_val kr_bytearray_meth_copy(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val a[1];
    UNPACK("copy", NULL, 0, 0, a);
    return kr_bytearray_from_data(kr_bytes_data(self), (size_t)kr_bytes_len(self));
}

kr_val kr_bytearray_meth_reverse(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val a[1];
    UNPACK("reverse", NULL, 0, 0, a);
    char *d = KR_BYTES(self)->data;
    for (intptr_t i = 0, j = kr_bytes_len(self) - 1; i < j; i++, j--) {
        char t = d[i];
        d[i] = d[j];
        d[j] = t;
    }
    return KR_NONE;
}

// ---------------------------------------------------------------------------------------------
// Padding, case, lines, partition, translate (ASCII semantics: bytes >= 128 are neither
// letters nor spaces, and only \n, \r and \r\n end lines)

// A result of self's kind built from 'n' bytes that 'fill' writes into a scratch buffer.
static kr_val build_like(kr_val self, size_t n, void (*fill)(char *out, kr_val self, void *arg),
                         void *arg) {
    char *buf = kr_alloc_atomic(n + 1);
    if (!buf) {
        return 0;
    }
    fill(buf, self, arg);
    kr_val r = same_kind(self, buf, n);
    kr_free(buf);
    return r;
}

// The fill byte of center/ljust/rjust: a bytes-like object of length 1 (default space).
static int fill_byte(const char *fname, kr_val v, char *out) {
    *out = ' ';
    if (!v) {
        return 0;
    }
    if (kr_bytes_like_check(v) && kr_bytes_len(v) == 1) {
        *out = kr_bytes_data(v)[0];
        return 0;
    }
    kr_err_set(&kr_exc_TypeError, "%s() argument 2 must be a byte string of length 1, not %s",
               fname, kr_type_name(v));
    return -1;
}

typedef struct {
    intptr_t left, right;
    char fill;
} pad_spec;

static void fill_pad(char *out, kr_val self, void *arg) {
    const pad_spec *p = arg;
    intptr_t n = kr_bytes_len(self);
    memset(out, p->fill, (size_t)p->left);
    memcpy(out + p->left, kr_bytes_data(self), (size_t)n);
    memset(out + p->left + n, p->fill, (size_t)p->right);
}

// center, ljust, rjust: 'where' the text goes ('c', 'l', 'r'); the fill takes the rest.
static kr_val pad(const char *fname, kr_val self, const kr_val *args, size_t nargs,
                  kr_val kwnames, char where) {
    kr_val a[2];
    UNPACK(fname, NULL, 1, 2, a);
    intptr_t width, n = kr_bytes_len(self);
    pad_spec p;
    if (kr_index_as_ssize(a[0], &width) < 0 || fill_byte(fname, a[1], &p.fill) < 0) {
        return 0;
    }
    if (width <= n) {
        return kr_bytes_check(self) && KR_OBJ(self)->type == &kr_bytes_type
                   ? kr_newref(self)
                   : same_kind(self, kr_bytes_data(self), (size_t)n);
    }
    intptr_t marg = width - n;
    p.left = where == 'l' ? 0 : where == 'r' ? marg : marg / 2 + (marg & width & 1);
    p.right = marg - p.left;
    return build_like(self, (size_t)width, fill_pad, &p);
}

static kr_val bytes_meth_center(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    return pad("center", self, args, nargs, kw, 'c');
}

static kr_val bytes_meth_ljust(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    return pad("ljust", self, args, nargs, kw, 'l');
}

static kr_val bytes_meth_rjust(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    return pad("rjust", self, args, nargs, kw, 'r');
}

// zfill: zeros after a leading sign.
static void fill_zfill(char *out, kr_val self, void *arg) {
    intptr_t filln = *(intptr_t *)arg, n = kr_bytes_len(self);
    const char *d = kr_bytes_data(self);
    memset(out, '0', (size_t)filln);
    memcpy(out + filln, d, (size_t)n);
    if (n > 0 && (d[0] == '+' || d[0] == '-')) {
        out[0] = d[0];
        out[filln] = '0';
    }
}

static kr_val bytes_meth_zfill(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val a[1];
    UNPACK("zfill", NULL, 1, 1, a);
    intptr_t width, n = kr_bytes_len(self);
    if (kr_index_as_ssize(a[0], &width) < 0) {
        return 0;
    }
    if (width <= n) {
        return KR_OBJ(self)->type == &kr_bytes_type ? kr_newref(self)
                                                     : same_kind(self, kr_bytes_data(self),
                                                                 (size_t)n);
    }
    intptr_t filln = width - n;
    return build_like(self, (size_t)width, fill_zfill, &filln);
}

static bool a_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool a_lower(char c) { return c >= 'a' && c <= 'z'; }
static char to_upper(char c) { return a_lower(c) ? (char)(c - 32) : c; }
static char to_lower(char c) { return a_upper(c) ? (char)(c + 32) : c; }

static void fill_title(char *out, kr_val self, void *arg) {
    (void)arg;
    bool prev_cased = false;
    for (intptr_t i = 0; i < kr_bytes_len(self); i++) {
        char c = kr_bytes_data(self)[i];
        out[i] = prev_cased ? to_lower(c) : to_upper(c);
        prev_cased = a_upper(c) || a_lower(c);
    }
}

static void fill_capitalize(char *out, kr_val self, void *arg) {
    (void)arg;
    for (intptr_t i = 0; i < kr_bytes_len(self); i++) {
        char c = kr_bytes_data(self)[i];
        out[i] = i == 0 ? to_upper(c) : to_lower(c);
    }
}

static void fill_swapcase(char *out, kr_val self, void *arg) {
    (void)arg;
    for (intptr_t i = 0; i < kr_bytes_len(self); i++) {
        char c = kr_bytes_data(self)[i];
        out[i] = a_upper(c) ? to_lower(c) : to_upper(c);
    }
}

#define CASE_METHOD(name, fill)                                                        \
    static kr_val bytes_meth_##name(kr_val self, const kr_val *args, size_t nargs,     \
                                    kr_val kwnames) {                                  \
        kr_val a[1];                                                                   \
        UNPACK(#name, NULL, 0, 0, a);                                                  \
        return build_like(self, (size_t)kr_bytes_len(self), fill, NULL);              \
    }
CASE_METHOD(title, fill_title)
CASE_METHOD(capitalize, fill_capitalize)
CASE_METHOD(swapcase, fill_swapcase)
#undef CASE_METHOD

// expandtabs(tabsize=8): each tab becomes spaces up to the next multiple of 'tabsize'; the
// column restarts after \n and \r.
static kr_val bytes_meth_expandtabs(kr_val self, const kr_val *args, size_t nargs,
                                    kr_val kwnames) {
    static const char *const names[] = { "tabsize" };
    kr_val a[1];
    UNPACK("expandtabs", names, 0, 1, a);
    intptr_t tab = 8;
    if (a[0] && kr_index_as_ssize(a[0], &tab) < 0) {
        return 0;
    }
    kr_strbuf b;
    kr_strbuf_init(&b);
    intptr_t col = 0;
    int rc = 0;
    for (intptr_t i = 0; i < kr_bytes_len(self) && rc == 0; i++) {
        char c = kr_bytes_data(self)[i];
        if (c == '\t') {
            intptr_t k = tab > 0 ? tab - col % tab : 0;
            rc = kr_strbuf_append_repeat(&b, " ", 1, k);
            col += k;
        } else {
            rc = kr_strbuf_append_char(&b, c);
            col = c == '\n' || c == '\r' ? 0 : col + 1;
        }
    }
    kr_val r = rc < 0 ? 0 : same_kind(self, b.data ? b.data : "", b.len);
    kr_strbuf_free(&b);
    return r;
}

// splitlines(keepends=False): a list of self's kind.
static kr_val bytes_meth_splitlines(kr_val self, const kr_val *args, size_t nargs,
                                    kr_val kwnames) {
    static const char *const names[] = { "keepends" };
    kr_val a[1];
    UNPACK("splitlines", names, 0, 1, a);
    int keep = a[0] ? kr_is_true(a[0]) : 0;
    kr_val l = keep < 0 ? 0 : kr_list_new(0);
    const char *d = kr_bytes_data(self);
    intptr_t n = kr_bytes_len(self), i = 0;
    while (l && i < n) {
        intptr_t j = i;
        while (j < n && d[j] != '\n' && d[j] != '\r') {
            j++;
        }
        intptr_t eol = j;
        if (j < n) {
            j += d[j] == '\r' && j + 1 < n && d[j + 1] == '\n' ? 2 : 1;
        }
        kr_val line = same_kind(self, d + i, (size_t)((keep ? j : eol) - i));
        if (!line || kr_list_append(l, line) < 0) {
            KR_CLEAR(l);
        }
        KR_XDECREF(line);
        i = j;
    }
    return l;
}

// partition / rpartition: (head, sep, tail) of self's kind.
static kr_val partition_at(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames,
                           bool last) {
    kr_val a[1];
    UNPACK(last ? "rpartition" : "partition", NULL, 1, 1, a);
    if (!kr_bytes_like_check(a[0])) {
        return kr_err_set(&kr_exc_TypeError, "a bytes-like object is required, not '%s'",
                          kr_type_name(a[0]));
    }
    const char *d = kr_bytes_data(self), *sep = kr_bytes_data(a[0]);
    intptr_t n = kr_bytes_len(self), m = kr_bytes_len(a[0]), at = -1;
    if (m == 0) {
        return kr_err_set(&kr_exc_ValueError, "empty separator");
    }
    for (intptr_t i = last ? n - m : 0; i >= 0 && i + m <= n; i += last ? -1 : 1) {
        if (memcmp(d + i, sep, (size_t)m) == 0) {
            at = i;
            break;
        }
    }
    kr_val p[3];
    if (at < 0) {
        p[0] = same_kind(self, last ? "" : d, last ? 0 : (size_t)n);
        p[1] = same_kind(self, "", 0);
        p[2] = same_kind(self, last ? d : "", last ? (size_t)n : 0);
    } else {
        p[0] = same_kind(self, d, (size_t)at);
        p[1] = same_kind(self, sep, (size_t)m);
        p[2] = same_kind(self, d + at + m, (size_t)(n - at - m));
    }
    kr_val r = p[0] && p[1] && p[2] ? kr_tuple_pack(3, p[0], p[1], p[2]) : 0;
    for (int i = 0; i < 3; i++) {
        KR_XDECREF(p[i]);
    }
    return r;
}

static kr_val bytes_meth_partition(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    return partition_at(self, args, nargs, kw, false);
}

static kr_val bytes_meth_rpartition(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    return partition_at(self, args, nargs, kw, true);
}

// translate(table, /, delete=b''): 'table' None or 256 bytes.
static kr_val bytes_meth_translate(kr_val self, const kr_val *args, size_t nargs,
                                   kr_val kwnames) {
    static const char *const names[] = { "table", "delete" };
    kr_val a[2];
    UNPACK("translate", names, 1, 2, a);
    kr_val table = a[0], del = a[1];
    if (table != KR_NONE && !kr_bytes_like_check(table)) {
        return kr_err_set(&kr_exc_TypeError, "a bytes-like object is required, not '%s'",
                          kr_type_name(table));
    }
    if (table != KR_NONE && kr_bytes_len(table) != 256) {
        return kr_err_set(&kr_exc_ValueError, "translation table must be 256 characters long");
    }
    if (del && !kr_bytes_like_check(del)) {
        return kr_err_set(&kr_exc_TypeError, "a bytes-like object is required, not '%s'",
                          kr_type_name(del));
    }
    bool drop[256] = { false };
    for (intptr_t i = 0; del && i < kr_bytes_len(del); i++) {
        drop[(unsigned char)kr_bytes_data(del)[i]] = true;
    }
    char *buf = kr_alloc_atomic((size_t)kr_bytes_len(self) + 1);
    if (!buf) {
        return 0;
    }
    size_t k = 0;
    for (intptr_t i = 0; i < kr_bytes_len(self); i++) {
        unsigned char c = (unsigned char)kr_bytes_data(self)[i];
        if (!drop[c]) {
            buf[k++] = table == KR_NONE ? (char)c : kr_bytes_data(table)[c];
        }
    }
    kr_val r = same_kind(self, buf, k);
    kr_free(buf);
    return r;
}

// bytes.maketrans(from, to) (a static method): the identity table with from[i] -> to[i].
static kr_val bytes_meth_maketrans(kr_val self, const kr_val *args, size_t nargs,
                                   kr_val kwnames) {
    (void)self;
    kr_val a[2];
    UNPACK("maketrans", NULL, 2, 2, a);
    for (int i = 0; i < 2; i++) {
        if (!kr_bytes_like_check(a[i])) {
            return kr_err_set(&kr_exc_TypeError, "a bytes-like object is required, not '%s'",
                              kr_type_name(a[i]));
        }
    }
    if (kr_bytes_len(a[0]) != kr_bytes_len(a[1])) {
        return kr_err_set(&kr_exc_ValueError, "maketrans arguments must have same length");
    }
    char t[256];
    for (int i = 0; i < 256; i++) {
        t[i] = (char)i;
    }
    for (intptr_t i = 0; i < kr_bytes_len(a[0]); i++) {
        t[(unsigned char)kr_bytes_data(a[0])[i]] = kr_bytes_data(a[1])[i];
    }
    return kr_bytes_from_data(t, 256);
}

#define KR_BYTES_EXTRA_METHODS                                   \
    { "center", bytes_meth_center, 0 },                          \
    { "ljust", bytes_meth_ljust, 0 },                            \
    { "rjust", bytes_meth_rjust, 0 },                            \
    { "zfill", bytes_meth_zfill, 0 },                            \
    { "title", bytes_meth_title, 0 },                            \
    { "capitalize", bytes_meth_capitalize, 0 },                  \
    { "swapcase", bytes_meth_swapcase, 0 },                      \
    { "expandtabs", bytes_meth_expandtabs, 0 },                  \
    { "splitlines", bytes_meth_splitlines, 0 },                  \
    { "partition", bytes_meth_partition, 0 },                    \
    { "rpartition", bytes_meth_rpartition, 0 },                  \
    { "translate", bytes_meth_translate, 0 },                    \
    { "maketrans", bytes_meth_maketrans, KR_METH_STATIC },

// bytearray += other and *= n, in place (the object keeps its identity).
static kr_val bytearray_iadd(kr_val a, kr_val b) {
    if (!kr_bytearray_check(a)) {
        return KR_NOTIMPLEMENTED;
    }
    if (!kr_bytes_like_check(b)) {
        return kr_err_set(&kr_exc_TypeError, "can't concat %s to bytearray", kr_type_name(b));
    }
    // b may be a itself: splice from a copy of its bytes.
    kr_val src = b == a ? kr_bytes_from_data(kr_bytes_data(b), (size_t)kr_bytes_len(b))
                        : kr_newref(b);
    if (!src) {
        return 0;
    }
    int rc = ba_splice(a, kr_bytes_len(a), kr_bytes_len(a), kr_bytes_data(src),
                       kr_bytes_len(src));
    KR_DECREF(src);
    return rc < 0 ? 0 : kr_newref(a);
}

static kr_val bytearray_imul(kr_val a, kr_val b) {
    if (!kr_bytearray_check(a) || !kr_int_check(b)) {
        return KR_NOTIMPLEMENTED;
    }
    intptr_t count, n = kr_bytes_len(a);
    if (kr_index_as_ssize(b, &count) < 0) {
        return 0;
    }
    if (count <= 0 || n == 0) {
        return ba_splice(a, 0, n, "", 0) < 0 ? 0 : kr_newref(a);
    }
    if (count > INTPTR_MAX / n - 1) {
        return kr_err_no_memory();
    }
    if (bytearray_reserve(a, n * count) < 0) {
        return 0;
    }
    kr_bytes_obj *o = KR_BYTES(a);
    for (intptr_t i = 1; i < count; i++) {
        memcpy(o->data + i * n, o->data, (size_t)n);
    }
    o->len = n * count;
    o->data[o->len] = '\0';
    return kr_newref(a);
}

// ---------------------------------------------------------------------------------------------
// The types

static int bytes_contains_slot(kr_val v, kr_val item) { return kr_bytes_contains(v, item); }
static int bytes_is_true(kr_val v) { return kr_bytes_len(v) != 0; }

static const kr_number_methods bytes_number = {
    .binop = { [KR_OP_ADD] = bytes_add, [KR_OP_MUL] = bytes_mul, [KR_OP_MOD] = bytes_mod_slot },
    .is_true = bytes_is_true,
};

static const kr_number_methods bytearray_number = {
    .binop = { [KR_OP_ADD] = bytes_add, [KR_OP_MUL] = bytes_mul, [KR_OP_MOD] = bytes_mod_slot },
    .inplace = { [KR_OP_ADD] = bytearray_iadd, [KR_OP_MUL] = bytearray_imul },
    .is_true = bytes_is_true,
};

static const kr_mapping_methods bytes_mapping = {
    .len = bytes_len_slot,
    .getitem = kr_bytes_getitem,
    .contains = bytes_contains_slot,
};

static const kr_mapping_methods bytearray_mapping = {
    .len = bytes_len_slot,
    .getitem = kr_bytes_getitem,
    .setitem = kr_bytearray_setitem,
    .delitem = ba_delitem,
    .contains = bytes_contains_slot,
};

#define KR_X_(name) { #name, kr_bytes_meth_##name, 0 },
static const kr_method_def bytes_methods[] = {
    KR_BYTES_METHODS(KR_X_)
    KR_BYTES_EXTRA_METHODS
    { "fromhex", kr_bytes_meth_fromhex, KR_METH_CLASS },
    { NULL, NULL, 0 },
};
#undef KR_X_

#define KR_X_(name) { #name, kr_bytearray_meth_##name, 0 },
static const kr_method_def bytearray_methods[] = {
    KR_BYTEARRAY_METHODS(KR_X_)
#undef KR_X_
#define KR_X_(name) { #name, kr_bytes_meth_##name, 0 },
    KR_BYTES_METHODS(KR_X_)
    KR_BYTES_EXTRA_METHODS
    { "fromhex", kr_bytes_meth_fromhex, KR_METH_CLASS },
    { NULL, NULL, 0 },
};
#undef KR_X_

kr_type kr_bytes_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "bytes",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_bytes_obj),
    .flags = KR_TF_BYTES_SUB | KR_TF_BASETYPE,
    .dealloc = bytes_dealloc,
    .repr = kr_bytes_repr,
    .hash = kr_bytes_hash,
    .richcompare = bytes_richcompare,
    .iter = bytes_iter_new,
    .new = bytes_new,
    .number = &bytes_number,
    .mapping = &bytes_mapping,
    .methods = bytes_methods,
};

kr_type kr_bytearray_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "bytearray",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_bytes_obj),
    .flags = KR_TF_BASETYPE,
    .dealloc = bytes_dealloc,
    .repr = kr_bytes_repr,
    .hash = kr_hash_unhashable,
    .richcompare = bytes_richcompare,
    .iter = bytes_iter_new,
    .new = bytes_new,
    .number = &bytearray_number,
    .mapping = &bytearray_mapping,
    .methods = bytearray_methods,
};
