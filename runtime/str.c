// str.c: the str type (DESIGN.md §2), the Unicode database and the string builder.
//
// A str is immutable UTF-8 (NUL-terminated) with its length in code points, a cached hash and
// an "all ASCII" flag: for ASCII text a code point index is a byte offset, so indexing and
// slicing are O(1); other text is walked from the start. UTF-8 is self-synchronizing, so
// searching, splitting and replacing work on bytes and convert offsets only at the edges.
// Comparisons compare bytes, which orders UTF-8 exactly as code points. The hash is CPython's
// (SipHash-1-3 over the Latin-1/UCS-2/UCS-4 form) with the key of PYTHONHASHSEED=0.
// Character properties and case mappings come from unicode_db.inc, generated from CPython's
// own str methods by scripts/gen_rt_unicode.py. The empty str and the 128 one-character
// ASCII strs are immortal statics, shared by indexing and iteration.
#include "krait.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unicode_db.inc"

// ---------------------------------------------------------------------------------------------
// Unicode database

unsigned kr_unicode_flags(uint32_t c) {
    size_t lo = 0, hi = sizeof kr_ucd_ranges / sizeof kr_ucd_ranges[0];
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (kr_ucd_ranges[mid][0] <= c) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return kr_ucd_ranges[lo][1];
}

int kr_unicode_decimal(uint32_t c) {
    if (c >= '0' && c <= '9') {
        return (int)(c - '0');
    }
    size_t n = sizeof kr_ucd_decimal_zeros / sizeof kr_ucd_decimal_zeros[0];
    for (size_t i = 0; i < n && kr_ucd_decimal_zeros[i] <= c; i++) {
        if (c - kr_ucd_decimal_zeros[i] < 10) {
            return (int)(c - kr_ucd_decimal_zeros[i]);
        }
    }
    return -1;
}

static bool uc_has(uint32_t c, unsigned flag) { return (kr_unicode_flags(c) & flag) != 0; }

static bool uc_isspace(uint32_t c) {
    if (c < 128) {
        return c == ' ' || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
    }
    return uc_has(c, KR_UC_SPACE);
}

enum { CASE_LOWER = 1, CASE_UPPER = 2, CASE_TITLE = 3, CASE_FOLD = 4 };

// Full case mapping 'which' of 'c' into 'out' (up to 3 code points); returns the count.
static int case_map(uint32_t c, int which, uint32_t out[3]) {
    size_t lo = 0, hi = sizeof kr_ucd_cases / sizeof kr_ucd_cases[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (kr_ucd_cases[mid][0] < c) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo == sizeof kr_ucd_cases / sizeof kr_ucd_cases[0] || kr_ucd_cases[lo][0] != c) {
        out[0] = c;
        return 1;
    }
    uint32_t m = kr_ucd_cases[lo][which];
    if (!(m & KR_UCD_SEQ)) {
        out[0] = m;
        return 1;
    }
    int n = 0;
    for (const uint32_t *p = kr_ucd_seqs + (m & ~KR_UCD_SEQ); *p; p++) {
        out[n++] = *p;
    }
    return n;
}

// ---------------------------------------------------------------------------------------------
// UTF-8

uint32_t kr_utf8_decode(const char *p, int *n) {
    const unsigned char *s = (const unsigned char *)p;
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

int kr_utf8_encode(uint32_t c, char *out) {
    unsigned char *o = (unsigned char *)out;
    if (c < 0x80) {
        o[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (unsigned char)(0xC0 | (c >> 6));
        o[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (c >> 12));
        o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (c >> 18));
    o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

// Length of the valid sequence at 's' (at most 'n' bytes), or 0 if invalid.
static int utf8_seq_len(const unsigned char *s, size_t n) {
    if (s[0] < 0x80) {
        return 1;
    }
    int len = s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
              : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
    if (len == 0 || (size_t)len > n) {
        return 0;
    }
    unsigned char lo = 0x80, hi = 0xBF;
    if (s[0] == 0xE0) {
        lo = 0xA0;
    } else if (s[0] == 0xED) {
        hi = 0x9F;
    } else if (s[0] == 0xF0) {
        lo = 0x90;
    } else if (s[0] == 0xF4) {
        hi = 0x8F;
    }
    if (s[1] < lo || s[1] > hi) {
        return 0;
    }
    for (int i = 2; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
    }
    return len;
}

size_t kr_utf8_valid_prefix(const char *p, size_t n) {
    const unsigned char *s = (const unsigned char *)p;
    size_t i = 0;
    while (i < n) {
        // ASCII, eight bytes at a time.
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080u) {
                break;
            }
            i += 8;
        }
        if (i == n) {
            break;
        }
        int len = utf8_seq_len(s + i, n - i);
        if (len == 0) {
            break;
        }
        i += (size_t)len;
    }
    return i;
}

// ---------------------------------------------------------------------------------------------
// String builder

void kr_strbuf_init(kr_strbuf *b) {
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

int kr_strbuf_reserve(kr_strbuf *b, size_t extra) {
    if (extra > PTRDIFF_MAX - b->len - 1) {
        kr_err_no_memory();
        return -1;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap) {
        return 0;
    }
    size_t cap = b->cap ? b->cap * 2 : 64;
    cap = cap < need ? need : cap;
    char *d = b->data ? kr_realloc(b->data, cap) : kr_alloc_atomic(cap);
    if (!d) {
        return -1;
    }
    b->data = d;
    b->cap = cap;
    return 0;
}

int kr_strbuf_append(kr_strbuf *b, const char *s, size_t n) {
    if (n > PTRDIFF_MAX) {
        kr_err_no_memory();
        return -1;
    }
    if (kr_strbuf_reserve(b, n) < 0) {
        return -1;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    return 0;
}

int kr_strbuf_append_cstr(kr_strbuf *b, const char *s) { return kr_strbuf_append(b, s, strlen(s)); }

int kr_strbuf_append_char(kr_strbuf *b, char c) { return kr_strbuf_append(b, &c, 1); }

int kr_strbuf_append_repeat(kr_strbuf *b, const char *s, size_t n, intptr_t times) {
    if (times <= 0) {
        return 0;
    }
    if (n > 0 && (size_t)times > PTRDIFF_MAX / n) {
        kr_err_no_memory();
        return -1;
    }
    if (kr_strbuf_reserve(b, n * (size_t)times) < 0) {
        return -1;
    }
    for (intptr_t i = 0; i < times; i++) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
    }
    return 0;
}

int kr_strbuf_append_codepoint(kr_strbuf *b, uint32_t c) {
    char tmp[4];
    return kr_strbuf_append(b, tmp, (size_t)kr_utf8_encode(c, tmp));
}

int kr_strbuf_append_str(kr_strbuf *b, kr_val v) {
    return kr_strbuf_append(b, kr_str_data(v), (size_t)kr_str_nbytes(v));
}

int kr_strbuf_printf(kr_strbuf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (kr_strbuf_reserve(b, (size_t)n) < 0) {
        return -1;
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

kr_val kr_strbuf_finish(kr_strbuf *b) {
    kr_val r = kr_str_from_utf8(b->data ? b->data : "", b->len);
    kr_strbuf_free(b);
    return r;
}

void kr_strbuf_free(kr_strbuf *b) {
    if (b->data) {
        kr_free(b->data);
    }
    kr_strbuf_init(b);
}

// ---------------------------------------------------------------------------------------------
// Construction

// Same layout as kr_str_obj with room for one character and the NUL.
typedef struct small_str {
    kr_obj ob;
    intptr_t hash, len, nbytes;
    bool ascii;
    char data[2];
} small_str;

_Static_assert(offsetof(small_str, data) == offsetof(kr_str_obj, data), "small_str layout");

#define SMALL_STR(c) { KR_STATIC_HEADER(&kr_str_type), -1, 1, 1, true, { (char)(c), 0 } }
#define SMALL_STR8(c) SMALL_STR(c), SMALL_STR(c + 1), SMALL_STR(c + 2), SMALL_STR(c + 3), \
    SMALL_STR(c + 4), SMALL_STR(c + 5), SMALL_STR(c + 6), SMALL_STR(c + 7)
#define SMALL_STR32(c) SMALL_STR8(c), SMALL_STR8(c + 8), SMALL_STR8(c + 16), SMALL_STR8(c + 24)

static small_str ascii_chars[128] = { SMALL_STR32(0), SMALL_STR32(32), SMALL_STR32(64),
                                      SMALL_STR32(96) };
static small_str empty_str = { KR_STATIC_HEADER(&kr_str_type), 0, 0, 0, true, { 0, 0 } };

kr_val kr_str_empty(void) { return KR_VAL(&empty_str); }

// Short strs freed at refcount zero are kept for the next short str of their size class, as
// floats are (float.c): a loop that makes and drops a few strs per iteration (a line, its
// fields) then pops a pointer instead of going through kr_obj_new and kr_free. A block of
// class c holds c granules (gc.c's size classes: the request plus one byte, rounded up), so
// any str of that class fits. The cache is a static array: the collector sees the blocks as
// reachable. Not in the malloc runtime, where the sanitizers must see every block.
#ifndef KRAIT_RT_MALLOC
#define STR_GRANULE 16
#define STR_CACHE_CLASSES 9  // blocks of up to 128 bytes: strs of up to 87 bytes
#define STR_CACHE_DEPTH 64
static struct {
    kr_str_obj *blocks[STR_CACHE_DEPTH];
    int count;
} str_cache[STR_CACHE_CLASSES];

static inline size_t str_class(size_t nbytes) {
    return (sizeof(kr_str_obj) + nbytes + 1 + STR_GRANULE) / STR_GRANULE;
}

static void str_free(kr_obj *o) {
    if (o->type == &kr_str_type) {
        size_t c = str_class((size_t)((kr_str_obj *)o)->nbytes);
        if (c < STR_CACHE_CLASSES && str_cache[c].count < STR_CACHE_DEPTH) {
            str_cache[c].blocks[str_cache[c].count++] = (kr_str_obj *)o;
            return;
        }
    }
    kr_free(o);
}
#else
#define str_free NULL
#endif

// An uninitialized str of 'nbytes' bytes; the caller fills data and calls str_finish.
static kr_str_obj *str_alloc(size_t nbytes) {
    kr_str_obj *o;
#ifndef KRAIT_RT_MALLOC
    size_t c = str_class(nbytes);
    if (c < STR_CACHE_CLASSES && str_cache[c].count > 0) {
        o = str_cache[c].blocks[--str_cache[c].count];
        o->ob.rc = 1;
    } else
#endif
    {
        o = (kr_str_obj *)kr_obj_new(&kr_str_type, sizeof(kr_str_obj) + nbytes + 1);
    }
    if (!o) {
        return NULL;
    }
    o->hash = -1;
    o->nbytes = (intptr_t)nbytes;
    o->data[nbytes] = '\0';
    return o;
}

// Counts code points and sets the ASCII flag; returns the str, or a shared small one.
static kr_val str_finish(kr_str_obj *o) {
    intptr_t len = 0;
    bool ascii = true;
    intptr_t i = 0;
    // ASCII text, eight bytes at a time, before counting code points byte by byte.
    for (; i + 8 <= o->nbytes; i += 8) {
        uint64_t w;
        memcpy(&w, o->data + i, 8);
        if (w & 0x8080808080808080u) {
            break;
        }
    }
    len = i;
    for (; i < o->nbytes; i++) {
        unsigned char c = (unsigned char)o->data[i];
        len += (c & 0xC0) != 0x80;
        ascii &= c < 0x80;
    }
    o->len = len;
    o->ascii = ascii;
    if (o->nbytes <= 1) {
        kr_val r = o->nbytes == 0 ? KR_VAL(&empty_str) : KR_VAL(&ascii_chars[(int)o->data[0]]);
        KR_DECREF(KR_VAL(o));
        return r;
    }
    return KR_VAL(o);
}

kr_val kr_str_from_utf8(const char *s, size_t nbytes) {
    if (nbytes == 0) {
        return KR_VAL(&empty_str);
    }
    if (nbytes == 1 && (unsigned char)s[0] < 128) {
        return KR_VAL(&ascii_chars[(int)s[0]]);
    }
    kr_str_obj *o = str_alloc(nbytes);
    if (!o) {
        return 0;
    }
    memcpy(o->data, s, nbytes);
    return str_finish(o);
}

kr_val kr_str_from_ascii(const char *s, size_t nbytes) {
    if (nbytes <= 1) {
        return kr_str_from_utf8(s, nbytes);
    }
    kr_str_obj *o = str_alloc(nbytes);
    if (!o) {
        return 0;
    }
    memcpy(o->data, s, nbytes);
    o->len = (intptr_t)nbytes;
    o->ascii = true;
    return KR_VAL(o);
}

kr_val kr_str_from_cstr(const char *s) { return kr_str_from_utf8(s, strlen(s)); }

kr_val kr_str_from_utf8_checked(const char *s, size_t nbytes) {
    if (kr_utf8_valid_prefix(s, nbytes) != nbytes) {
        return kr_err_set(&kr_exc_ValueError, "invalid UTF-8 data");
    }
    return kr_str_from_utf8(s, nbytes);
}

kr_val kr_str_from_codepoint(uint32_t c) {
    if (c > 0x10FFFF) {
        return kr_err_set(&kr_exc_ValueError, "chr() arg not in range(0x110000)");
    }
    char tmp[4];
    return kr_str_from_utf8(tmp, (size_t)kr_utf8_encode(c, tmp));
}

kr_val kr_str_from_format(const char *fmt, ...) {
    kr_strbuf b;
    kr_strbuf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (kr_strbuf_reserve(&b, (size_t)n) < 0) {
        return 0;
    }
    va_start(ap, fmt);
    vsnprintf(b.data, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b.len = (size_t)n;
    return kr_strbuf_finish(&b);
}

// ---------------------------------------------------------------------------------------------
// Code point offsets

// Byte offset of code point 'i' (0 <= i <= len).
static intptr_t cp_offset(kr_val s, intptr_t i) {
    kr_str_obj *o = KR_STR(s);
    if (o->ascii || i == 0) {
        return i;
    }
    if (i >= o->len) {
        return o->nbytes;
    }
    const unsigned char *d = (const unsigned char *)o->data;
    intptr_t off = 0;
    for (intptr_t k = 0; k < i; k++) {
        off++;
        while ((d[off] & 0xC0) == 0x80) {
            off++;
        }
    }
    return off;
}

// Code point count of the first 'off' bytes.
static intptr_t cp_count(const char *s, intptr_t off) {
    intptr_t n = 0;
    for (intptr_t i = 0; i < off; i++) {
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return n;
}

static intptr_t str_cp_index(kr_val s, intptr_t off) {
    return KR_STR(s)->ascii ? off : cp_count(kr_str_data(s), off);
}

// A new str of bytes [from, to) of 's'.
static kr_val str_sub(kr_val s, intptr_t from, intptr_t to) {
    if (from == 0 && to == kr_str_nbytes(s) && KR_OBJ(s)->type == &kr_str_type) {
        return kr_newref(s);
    }
    size_t n = (size_t)(to - from);
    if (n > 1 && KR_STR(s)->ascii) {  // a piece of ASCII text: nothing to count
        kr_str_obj *o = str_alloc(n);
        if (!o) {
            return 0;
        }
        memcpy(o->data, kr_str_data(s) + from, n);
        o->len = (intptr_t)n;
        o->ascii = true;
        return KR_VAL(o);
    }
    return kr_str_from_utf8(kr_str_data(s) + from, n);
}

// ---------------------------------------------------------------------------------------------
// Hash: CPython's siphash13 with a zero key.

#define ROTATE(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define HALF_ROUND(a, b, c, d, s, t) \
    a += b;                          \
    c += d;                          \
    b = ROTATE(b, s) ^ a;            \
    d = ROTATE(d, t) ^ c;            \
    a = ROTATE(a, 32);
#define SINGLE_ROUND(v0, v1, v2, v3)    \
    HALF_ROUND(v0, v1, v2, v3, 13, 16); \
    HALF_ROUND(v2, v1, v0, v3, 17, 21);

static uint64_t siphash13(const void *src, size_t n) {
    uint64_t b = (uint64_t)n << 56;
    const uint8_t *in = src;
    uint64_t v0 = 0x736f6d6570736575ULL, v1 = 0x646f72616e646f6dULL;
    uint64_t v2 = 0x6c7967656e657261ULL, v3 = 0x7465646279746573ULL;
    while (n >= 8) {
        uint64_t mi;
        memcpy(&mi, in, 8);
        in += 8;
        n -= 8;
        v3 ^= mi;
        SINGLE_ROUND(v0, v1, v2, v3);
        v0 ^= mi;
    }
    uint64_t t = 0;
    for (size_t i = 0; i < n; i++) {
        t |= (uint64_t)in[i] << (8 * i);
    }
    b |= t;
    v3 ^= b;
    SINGLE_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

intptr_t kr_hash_bytes(const void *p, size_t n) {
    if (n == 0) {
        return 0;
    }
    intptr_t h = (intptr_t)siphash13(p, n);
    return h == -1 ? -2 : h;
}

// Hash of non-ASCII text: CPython hashes its 1-, 2- or 4-byte-per-character form.
static intptr_t hash_wide(kr_val s) {
    const char *d = kr_str_data(s);
    intptr_t n = kr_str_len(s), nb = kr_str_nbytes(s);
    uint32_t maxc = 0;
    for (intptr_t i = 0; i < nb;) {
        int k;
        uint32_t c = kr_utf8_decode(d + i, &k);
        maxc = c > maxc ? c : maxc;
        i += k;
    }
    size_t width = maxc < 0x100 ? 1 : maxc < 0x10000 ? 2 : 4;
    unsigned char *buf = malloc((size_t)n * width);
    if (!buf) {
        kr_fatal("out of memory hashing a str");
    }
    intptr_t j = 0;
    for (intptr_t i = 0; i < nb; j++) {
        int k;
        uint32_t c = kr_utf8_decode(d + i, &k);
        i += k;
        for (size_t w = 0; w < width; w++) {
            buf[(size_t)j * width + w] = (unsigned char)(c >> (8 * w));
        }
    }
    intptr_t h = kr_hash_bytes(buf, (size_t)n * width);
    free(buf);
    return h;
}

intptr_t kr_str_hash(kr_val s) {
    kr_str_obj *o = KR_STR(s);
    if (o->hash == -1) {
        o->hash = o->ascii ? kr_hash_bytes(o->data, (size_t)o->nbytes) : hash_wide(s);
    }
    return o->hash;
}

// ---------------------------------------------------------------------------------------------
// Comparison, concatenation, repetition

bool kr_str_equal(kr_val a, kr_val b) {
    if (a == b) {
        return true;
    }
    kr_str_obj *x = KR_STR(a), *y = KR_STR(b);
    if (x->nbytes != y->nbytes || (x->hash != -1 && y->hash != -1 && x->hash != y->hash)) {
        return false;
    }
    return memcmp(x->data, y->data, (size_t)x->nbytes) == 0;
}

bool kr_str_equal_cstr(kr_val a, const char *s) {
    size_t n = strlen(s);
    return (size_t)kr_str_nbytes(a) == n && memcmp(kr_str_data(a), s, n) == 0;
}

int kr_str_compare(kr_val a, kr_val b) {
    intptr_t na = kr_str_nbytes(a), nb = kr_str_nbytes(b);
    int c = memcmp(kr_str_data(a), kr_str_data(b), (size_t)(na < nb ? na : nb));
    if (c != 0) {
        return c;
    }
    return na < nb ? -1 : na > nb;
}

static kr_val str_richcompare(kr_val a, kr_val b, int op) {
    if (!kr_str_check(b)) {
        return KR_NOTIMPLEMENTED;
    }
    if (op == KR_EQ || op == KR_NE) {
        return kr_bool(kr_str_equal(a, b) == (op == KR_EQ));
    }
    int c = kr_str_compare(a, b);
    switch (op) {
    case KR_LT: return kr_bool(c < 0);
    case KR_LE: return kr_bool(c <= 0);
    case KR_GT: return kr_bool(c > 0);
    default: return kr_bool(c >= 0);
    }
}

kr_val kr_str_concat(kr_val a, kr_val b) {
    if (!kr_str_check(b)) {
        return kr_err_set(&kr_exc_TypeError, "can only concatenate str (not \"%s\") to str",
                          kr_type_name(b));
    }
    if (kr_str_nbytes(b) == 0 && KR_OBJ(a)->type == &kr_str_type) {
        return kr_newref(a);
    }
    if (kr_str_nbytes(a) == 0 && KR_OBJ(b)->type == &kr_str_type) {
        return kr_newref(b);
    }
    kr_val parts[2] = { a, b };
    return kr_str_build(parts, 2);
}

kr_val kr_str_build(const kr_val *parts, intptr_t n) {
    size_t total = 0;
    intptr_t len = 0;
    bool ascii = true;
    for (intptr_t i = 0; i < n; i++) {
        total += (size_t)kr_str_nbytes(parts[i]);
        len += kr_str_len(parts[i]);
        ascii &= KR_STR(parts[i])->ascii;
    }
    kr_str_obj *o = str_alloc(total);
    if (!o) {
        return 0;
    }
    char *p = o->data;
    for (intptr_t i = 0; i < n; i++) {
        memcpy(p, kr_str_data(parts[i]), (size_t)kr_str_nbytes(parts[i]));
        p += kr_str_nbytes(parts[i]);
    }
    if (total <= 1) {
        return str_finish(o);
    }
    o->len = len;
    o->ascii = ascii;
    return KR_VAL(o);
}

kr_val kr_str_repeat(kr_val s, intptr_t n) {
    intptr_t nb = kr_str_nbytes(s);
    if (n <= 0 || nb == 0) {
        return KR_VAL(&empty_str);
    }
    if (n == 1 && KR_OBJ(s)->type == &kr_str_type) {
        return kr_newref(s);
    }
    if (kr_str_len(s) > INTPTR_MAX / n) {
        return kr_err_set(&kr_exc_OverflowError, "repeated string is too long");
    }
    if (nb > INTPTR_MAX / n) {
        return kr_err_no_memory();
    }
    kr_str_obj *o = str_alloc((size_t)(nb * n));
    if (!o) {
        return 0;
    }
    memcpy(o->data, kr_str_data(s), (size_t)nb);
    intptr_t done = nb;
    while (done < nb * n) {
        intptr_t chunk = done < nb * n - done ? done : nb * n - done;
        memcpy(o->data + done, o->data, (size_t)chunk);
        done += chunk;
    }
    o->len = kr_str_len(s) * n;
    o->ascii = KR_STR(s)->ascii;
    return KR_VAL(o);
}

// Repetition count of `seq * n`: TypeError for non-ints.
static int repeat_count(kr_val n, intptr_t *out) {
    if (!kr_int_check(n)) {
        kr_err_set(&kr_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                   kr_type_name(n));
        return -1;
    }
    if (kr_index_as_ssize(n, out) < 0) {
        kr_err_clear();
        return kr_int_sign(n) < 0 ? (*out = 0, 0) : (kr_err_no_memory(), -1);
    }
    return 0;
}

static kr_val str_add(kr_val a, kr_val b) {
    if (!kr_str_check(a)) {
        return KR_NOTIMPLEMENTED;
    }
    if (!kr_str_check(b) && (KR_TYPE(b)->flags & KR_TF_HEAPTYPE)) {
        return KR_NOTIMPLEMENTED;
    }
    return kr_str_concat(a, b);
}

static kr_val str_mul(kr_val a, kr_val b) {
    kr_val s = kr_str_check(a) ? a : b, n = kr_str_check(a) ? b : a;
    if (KR_TYPE(n)->flags & KR_TF_HEAPTYPE && !kr_int_check(n)) {
        return KR_NOTIMPLEMENTED;
    }
    intptr_t count;
    if (repeat_count(n, &count) < 0) {
        return 0;
    }
    return kr_str_repeat(s, count);
}

static kr_val str_mod(kr_val a, kr_val b) {
    if (!kr_str_check(a)) {
        return KR_NOTIMPLEMENTED;
    }
    return kr_str_mod(a, b);
}

// ---------------------------------------------------------------------------------------------
// Indexing, slicing, containment

// A slice bound as CPython's _PyEval_SliceIndex: ints clamp to the intptr_t range.
static int slice_bound(kr_val v, intptr_t *out) {
    if (!kr_int_check(v)) {
        kr_val i = kr_index(v);
        if (!i) {
            kr_err_clear();
            kr_err_set(&kr_exc_TypeError, "slice indices must be integers or None or have an "
                                          "__index__ method");
            return -1;
        }
        int r = slice_bound(i, out);
        KR_DECREF(i);
        return r;
    }
    if (kr_index_as_ssize(v, out) < 0) {
        kr_err_clear();
        *out = kr_int_sign(v) < 0 ? INTPTR_MIN + 1 : INTPTR_MAX;
    }
    return 0;
}

intptr_t kr_str_slice_indices(kr_val start, kr_val stop, kr_val step, intptr_t len,
                              intptr_t *ostart, intptr_t *ostep) {
    intptr_t st = 1, a, b;
    if (step && step != KR_NONE) {
        if (slice_bound(step, &st) < 0) {
            return -1;
        }
        if (st == 0) {
            kr_err_set(&kr_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
    }
    bool neg = st < 0;
    if (!start || start == KR_NONE) {
        a = neg ? len - 1 : 0;
    } else if (slice_bound(start, &a) < 0) {
        return -1;
    } else if (a < 0) {
        a = a + len < 0 ? (neg ? -1 : 0) : a + len;
    } else if (a >= len) {
        a = neg ? len - 1 : len;
    }
    if (!stop || stop == KR_NONE) {
        b = neg ? -1 : len;
    } else if (slice_bound(stop, &b) < 0) {
        return -1;
    } else if (b < 0) {
        b = b + len < 0 ? (neg ? -1 : 0) : b + len;
    } else if (b >= len) {
        b = neg ? len - 1 : len;
    }
    *ostart = a;
    *ostep = st;
    if (neg) {
        return b < a ? (a - b - 1) / (-st) + 1 : 0;
    }
    return a < b ? (b - a - 1) / st + 1 : 0;
}

kr_val kr_str_index(kr_val s, intptr_t i) {
    intptr_t len = kr_str_len(s);
    if (i < 0) {
        i += len;
    }
    if (i < 0 || i >= len) {
        return kr_err_set(&kr_exc_IndexError, "string index out of range");
    }
    if (KR_STR(s)->ascii) {
        return KR_VAL(&ascii_chars[(int)kr_str_data(s)[i]]);
    }
    intptr_t off = cp_offset(s, i);
    int n;
    kr_utf8_decode(kr_str_data(s) + off, &n);
    return kr_str_from_utf8(kr_str_data(s) + off, (size_t)n);
}

kr_val kr_str_slice(kr_val s, kr_val start, kr_val stop, kr_val step) {
    intptr_t a, st;
    intptr_t n = kr_str_slice_indices(start, stop, step, kr_str_len(s), &a, &st);
    if (n < 0) {
        return 0;
    }
    if (st == 1) {
        intptr_t from = cp_offset(s, a), to = from + n;
        if (!KR_STR(s)->ascii) {
            const unsigned char *d = (const unsigned char *)kr_str_data(s);
            to = from;
            for (intptr_t k = 0; k < n; k++) {
                to++;
                while ((d[to] & 0xC0) == 0x80) {
                    to++;
                }
            }
        }
        return str_sub(s, from, to);
    }
    kr_strbuf b;
    kr_strbuf_init(&b);
    const char *d = kr_str_data(s);
    for (intptr_t k = 0, i = a; k < n; k++, i += st) {
        intptr_t off = cp_offset(s, i);
        int len;
        kr_utf8_decode(d + off, &len);
        if (kr_strbuf_append(&b, d + off, (size_t)len) < 0) {
            kr_strbuf_free(&b);
            return 0;
        }
    }
    return kr_strbuf_finish(&b);
}

kr_val kr_str_getitem(kr_val s, kr_val key) {
    if (kr_int_check(key)) {
        intptr_t i;
        if (kr_index_as_ssize(key, &i) < 0) {
            kr_err_clear();
            return kr_err_set(&kr_exc_IndexError, "cannot fit 'int' into an index-sized integer");
        }
        return kr_str_index(s, i);
    }
    if (kr_slice_check(key)) {
        return kr_str_slice(s, KR_SLICE(key)->start, KR_SLICE(key)->stop, KR_SLICE(key)->step);
    }
    return kr_err_set(&kr_exc_TypeError, "string indices must be integers, not '%s'",
                      kr_type_name(key));
}

int kr_str_contains(kr_val s, kr_val sub) {
    if (!kr_str_check(sub)) {
        kr_err_set(&kr_exc_TypeError, "'in <string>' requires string as left operand, not %s",
                   kr_type_name(sub));
        return -1;
    }
    return memmem(kr_str_data(s), (size_t)kr_str_nbytes(s), kr_str_data(sub),
                  (size_t)kr_str_nbytes(sub)) != NULL;
}

static intptr_t str_len_slot(kr_val s) { return kr_str_len(s); }

// ---------------------------------------------------------------------------------------------
// Iteration

typedef struct str_iter {
    kr_obj ob;
    kr_val str;
    intptr_t off;  // byte offset of the next code point
} str_iter;

static void str_iter_dealloc(kr_obj *o) { KR_DECREF(((str_iter *)o)->str); }

static kr_val str_iter_self(kr_val it) { return kr_newref(it); }

static kr_val str_iter_next(kr_val v) {
    str_iter *it = (str_iter *)v;
    if (it->off >= kr_str_nbytes(it->str)) {
        return 0;
    }
    const char *p = kr_str_data(it->str) + it->off;
    if ((unsigned char)*p < 0x80) {
        it->off++;
        return KR_VAL(&ascii_chars[(int)*p]);
    }
    int n;
    kr_utf8_decode(p, &n);
    it->off += n;
    return kr_str_from_utf8(p, (size_t)n);
}

static kr_type str_iter_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "str_ascii_iterator",
    .base = &kr_object_type,
    .basicsize = sizeof(str_iter),
    .dealloc = str_iter_dealloc,
    .iter = str_iter_self,
    .iternext = str_iter_next,
};

kr_val kr_str_iter(kr_val s) {
    str_iter *it = (str_iter *)kr_obj_new(&str_iter_type, sizeof(str_iter));
    if (!it) {
        return 0;
    }
    it->str = kr_newref(s);
    it->off = 0;
    return KR_VAL(it);
}

// ---------------------------------------------------------------------------------------------
// repr

static int repr_char(kr_strbuf *b, uint32_t c, char quote) {
    switch (c) {
    case '\\': return kr_strbuf_append(b, "\\\\", 2);
    case '\t': return kr_strbuf_append(b, "\\t", 2);
    case '\n': return kr_strbuf_append(b, "\\n", 2);
    case '\r': return kr_strbuf_append(b, "\\r", 2);
    default: break;
    }
    if (c == (uint32_t)quote) {
        char e[2] = { '\\', quote };
        return kr_strbuf_append(b, e, 2);
    }
    if (c < ' ' || c == 0x7f) {
        return kr_strbuf_printf(b, "\\x%02x", c);
    }
    if (c < 0x7f || uc_has(c, KR_UC_PRINTABLE)) {
        return kr_strbuf_append_codepoint(b, c);
    }
    return kr_strbuf_printf(b, c <= 0xff ? "\\x%02x" : c <= 0xffff ? "\\u%04x" : "\\U%08x", c);
}

kr_val kr_str_repr(kr_val s) {
    const char *d = kr_str_data(s);
    size_t n = (size_t)kr_str_nbytes(s);
    char quote = memchr(d, '\'', n) && !memchr(d, '"', n) ? '"' : '\'';
    kr_strbuf b;
    kr_strbuf_init(&b);
    if (kr_strbuf_reserve(&b, n + 2) < 0 || kr_strbuf_append_char(&b, quote) < 0) {
        goto fail;
    }
    for (size_t i = 0; i < n;) {
        int k;
        uint32_t c = kr_utf8_decode(d + i, &k);
        i += (size_t)k;
        if (repr_char(&b, c, quote) < 0) {
            goto fail;
        }
    }
    if (kr_strbuf_append_char(&b, quote) < 0) {
        goto fail;
    }
    return kr_strbuf_finish(&b);
fail:
    kr_strbuf_free(&b);
    return 0;
}

static kr_val str_str(kr_val s) {
    if (KR_OBJ(s)->type == &kr_str_type) {
        return kr_newref(s);
    }
    return kr_str_from_utf8(kr_str_data(s), (size_t)kr_str_nbytes(s));
}

// ---------------------------------------------------------------------------------------------
// Argument unpacking

static int too_many_args(const char *fname, const char *const *names, size_t nmax, size_t n) {
    if (!names) {
        kr_err_set(&kr_exc_TypeError, "%s expected at most %zu argument%s, got %zu", fname, nmax,
                   nmax == 1 ? "" : "s", n);
    } else {
        kr_err_set(&kr_exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", fname,
                   nmax, nmax == 1 ? "" : "s", n);
    }
    return -1;
}

static int store_keywords(const char *fname, const kr_val *kw, kr_val kwnames,
                          const char *const *names, size_t nmax, kr_val *out) {
    for (intptr_t k = 0; k < KR_TUPLE_LEN(kwnames); k++) {
        kr_val name = KR_TUPLE_ITEMS(kwnames)[k];
        size_t i = 0;
        while (i < nmax && !(names[i] && kr_str_equal_cstr(name, names[i]))) {
            i++;
        }
        if (i == nmax) {
            kr_err_set(&kr_exc_TypeError, "%s() got an unexpected keyword argument '%s'", fname,
                       kr_str_data(name));
            return -1;
        }
        if (out[i]) {
            kr_err_set(&kr_exc_TypeError, "argument for %s() given by name ('%s') and position "
                       "(%zu)", fname, names[i], i + 1);
            return -1;
        }
        out[i] = kw[k];
    }
    return 0;
}

int kr_str_unpack_args(const char *fname, const kr_val *args, size_t nargs, kr_val kwnames,
                       const char *const *names, size_t nmin, size_t nmax, kr_val *out) {
    size_t nkw = kwnames ? (size_t)KR_TUPLE_LEN(kwnames) : 0;
    if (nkw && !names) {
        kr_err_set(&kr_exc_TypeError, "str.%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs > nmax && nmax == 0) {
        kr_err_set(&kr_exc_TypeError, "str.%s() takes no arguments (%zu given)", fname, nargs);
        return -1;
    }
    if (nargs > nmax) {
        return too_many_args(fname, names, nmax, nargs);
    }
    for (size_t i = 0; i < nmax; i++) {
        out[i] = i < nargs ? args[i] : 0;
    }
    if (nkw && store_keywords(fname, args + nargs, kwnames, names, nmax, out) < 0) {
        return -1;
    }
    for (size_t i = 0; i < nmin; i++) {
        if (!out[i]) {
            if (!names) {
                kr_err_set(&kr_exc_TypeError, "%s expected at least %zu argument%s, got %zu",
                           fname, nmin, nmin == 1 ? "" : "s", nargs);
            } else {
                kr_err_set(&kr_exc_TypeError, "%s() missing required argument '%s' (pos %zu)",
                           fname, names[i] ? names[i] : "", i + 1);
            }
            return -1;
        }
    }
    return 0;
}

// An optional int argument ('v' 0 or None gives 'dflt').
static int int_arg(kr_val v, intptr_t dflt, intptr_t *out) {
    if (!v) {
        *out = dflt;
        return 0;
    }
    if (!kr_int_check(v)) {
        kr_err_set(&kr_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   kr_type_name(v));
        return -1;
    }
    return kr_index_as_ssize(v, out);
}

static int str_arg(const char *fname, kr_val v, const char *what) {
    if (!kr_str_check(v)) {
        kr_err_set(&kr_exc_TypeError, "%s%s must be str, not %s", fname, what, kr_type_name(v));
        return -1;
    }
    return 0;
}

#define UNPACK(fname, names, nmin, nmax, out) \
    if (kr_str_unpack_args(fname, args, nargs, kwnames, names, nmin, nmax, out) < 0) { \
        return 0;                                                                     \
    }

// ---------------------------------------------------------------------------------------------
// Searching: find, rfind, index, rindex, count, startswith, endswith

// Byte range [*from, *to) of the code point range 'start'/'end' (None, ints or 0) of 's'.
// Returns false when the adjusted start lies past the end (nothing can match there).
static int search_range(kr_val s, kr_val start, kr_val end, intptr_t *from, intptr_t *to,
                        bool *empty_ok) {
    intptr_t len = kr_str_len(s), a = 0, b = len;
    if (start && start != KR_NONE && slice_bound(start, &a) < 0) {
        return -1;
    }
    if (end && end != KR_NONE && slice_bound(end, &b) < 0) {
        return -1;
    }
    a = a < 0 ? (a + len < 0 ? 0 : a + len) : a;
    b = b < 0 ? (b + len < 0 ? 0 : b + len) : b > len ? len : b;
    *empty_ok = a <= len && a <= b;
    if (a > b) {
        a = b;
    }
    *from = cp_offset(s, a > len ? len : a);
    *to = cp_offset(s, b);
    return 0;
}

// Byte offset of the first (or last) 'sub' in [from, to), or -1.
static intptr_t find_bytes(const char *d, intptr_t from, intptr_t to, const char *sub,
                           intptr_t m, bool last) {
    if (m > to - from) {
        return -1;
    }
    if (!last) {
        const char *p = m == 1 ? memchr(d + from, sub[0], (size_t)(to - from))
                               : memmem(d + from, (size_t)(to - from), sub, (size_t)m);
        return p ? p - d : -1;
    }
    for (intptr_t i = to - m; i >= from; i--) {
        if (memcmp(d + i, sub, (size_t)m) == 0) {
            return i;
        }
    }
    return -1;
}

// find/rfind/index/rindex: code point index or -1 in '*out'.
static int str_find_impl(const char *fname, kr_val self, const kr_val *args, size_t nargs,
                         kr_val kwnames, bool last, intptr_t *out) {
    kr_val a[3];
    if (kr_str_unpack_args(fname, args, nargs, kwnames, NULL, 1, 3, a) < 0) {
        return -1;
    }
    if (!kr_str_check(a[0])) {
        kr_err_set(&kr_exc_TypeError, "%s() argument 1 must be str, not %s", fname,
                   kr_type_name(a[0]));
        return -1;
    }
    intptr_t from, to;
    bool ok;
    if (search_range(self, a[1], a[2], &from, &to, &ok) < 0) {
        return -1;
    }
    intptr_t r = ok ? find_bytes(kr_str_data(self), from, to, kr_str_data(a[0]),
                                 kr_str_nbytes(a[0]), last) : -1;
    *out = r < 0 ? -1 : str_cp_index(self, r);
    return 0;
}

kr_val kr_str_meth_find(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    intptr_t r;
    return str_find_impl("find", self, args, nargs, kwnames, false, &r) < 0 ? 0
                                                                             : KR_FROM_SMALL(r);
}

kr_val kr_str_meth_rfind(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    intptr_t r;
    return str_find_impl("rfind", self, args, nargs, kwnames, true, &r) < 0 ? 0
                                                                             : KR_FROM_SMALL(r);
}

kr_val kr_str_meth_index(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    intptr_t r;
    if (str_find_impl("index", self, args, nargs, kwnames, false, &r) < 0) {
        return 0;
    }
    return r < 0 ? kr_err_set(&kr_exc_ValueError, "substring not found") : KR_FROM_SMALL(r);
}

kr_val kr_str_meth_rindex(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    intptr_t r;
    if (str_find_impl("rindex", self, args, nargs, kwnames, true, &r) < 0) {
        return 0;
    }
    return r < 0 ? kr_err_set(&kr_exc_ValueError, "substring not found") : KR_FROM_SMALL(r);
}

// Non-overlapping occurrences of 'sub' in [from, to) (bytes).
static intptr_t count_bytes(const char *d, intptr_t from, intptr_t to, const char *sub,
                            intptr_t m, intptr_t limit) {
    intptr_t n = 0;
    while (n < limit) {
        intptr_t i = find_bytes(d, from, to, sub, m, false);
        if (i < 0) {
            break;
        }
        n++;
        from = i + m;
    }
    return n;
}

kr_val kr_str_meth_count(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val a[3];
    UNPACK("count", NULL, 1, 3, a);
    if (!kr_str_check(a[0])) {
        return kr_err_set(&kr_exc_TypeError, "count() argument 1 must be str, not %s",
                          kr_type_name(a[0]));
    }
    intptr_t from, to;
    bool ok;
    if (search_range(self, a[1], a[2], &from, &to, &ok) < 0) {
        return 0;
    }
    if (!ok) {
        return KR_FROM_SMALL(0);
    }
    if (kr_str_nbytes(a[0]) == 0) {
        return KR_FROM_SMALL(cp_count(kr_str_data(self) + from, to - from) + 1);
    }
    return KR_FROM_SMALL(count_bytes(kr_str_data(self), from, to, kr_str_data(a[0]),
                                     kr_str_nbytes(a[0]), INTPTR_MAX));
}

static int match_edge(kr_val self, kr_val sub, intptr_t from, intptr_t to, bool ok, bool end) {
    intptr_t m = kr_str_nbytes(sub);
    if (!ok || m > to - from) {
        return 0;
    }
    return memcmp(kr_str_data(self) + (end ? to - m : from), kr_str_data(sub), (size_t)m) == 0;
}

static kr_val starts_ends(const char *fname, kr_val self, const kr_val *args, size_t nargs,
                          kr_val kwnames, bool end) {
    kr_val a[3];
    UNPACK(fname, NULL, 1, 3, a);
    intptr_t from, to;
    bool ok;
    if (search_range(self, a[1], a[2], &from, &to, &ok) < 0) {
        return 0;
    }
    if (kr_str_check(a[0])) {
        return kr_bool(match_edge(self, a[0], from, to, ok, end));
    }
    if (kr_tuple_check(a[0])) {
        for (intptr_t i = 0; i < KR_TUPLE_LEN(a[0]); i++) {
            kr_val p = KR_TUPLE_ITEMS(a[0])[i];
            if (!kr_str_check(p)) {
                return kr_err_set(&kr_exc_TypeError, "tuple for %s must only contain str, not "
                                  "%s", fname, kr_type_name(p));
            }
            if (match_edge(self, p, from, to, ok, end)) {
                return KR_TRUE;
            }
        }
        return KR_FALSE;
    }
    return kr_err_set(&kr_exc_TypeError, "%s first arg must be str or a tuple of str, not %s",
                      fname, kr_type_name(a[0]));
}

kr_val kr_str_meth_startswith(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return starts_ends("startswith", self, args, nargs, kwnames, false);
}

kr_val kr_str_meth_endswith(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return starts_ends("endswith", self, args, nargs, kwnames, true);
}

// ---------------------------------------------------------------------------------------------
// Splitting and joining

// A growable array of owned values (join's items, rsplit's parts in reverse).
typedef struct valvec {
    kr_val *items;
    intptr_t n, cap;
} valvec;

// Appends 'v', STEALING it (0 is allowed and fails, so a failed constructor can be passed).
static int valvec_push(valvec *vv, kr_val v) {
    if (!v) {
        return -1;
    }
    if (vv->n == vv->cap) {
        intptr_t cap = vv->cap ? vv->cap * 2 : 16;
        kr_val *p = vv->items ? kr_realloc(vv->items, (size_t)cap * sizeof(kr_val))
                              : kr_alloc((size_t)cap * sizeof(kr_val));
        if (!p) {
            KR_DECREF(v);
            return -1;
        }
        vv->items = p;
        vv->cap = cap;
    }
    vv->items[vv->n++] = v;
    return 0;
}

static void valvec_free(valvec *vv) {
    for (intptr_t i = 0; i < vv->n; i++) {
        KR_DECREF(vv->items[i]);
    }
    if (vv->items) {
        kr_free(vv->items);
    }
}

// A list of the items of 'vv' in reverse order; releases 'vv'. 'ok' false: just release.
static kr_val valvec_to_list_reversed(valvec *vv, bool ok) {
    kr_val list = ok ? kr_list_new(0) : 0;
    for (intptr_t i = vv->n - 1; list && i >= 0; i--) {
        if (kr_list_append(list, vv->items[i]) < 0) {
            KR_CLEAR(list);
        }
    }
    valvec_free(vv);
    return list;
}

static int list_push(kr_val list, kr_val s, intptr_t from, intptr_t to) {
    kr_val item = str_sub(s, from, to);
    if (!item) {
        return -1;
    }
    int r = kr_list_append(list, item);
    KR_DECREF(item);
    return r;
}

// Next whitespace-delimited word at or after byte 'i': stores its bounds; false at the end.
static bool next_word(const char *d, intptr_t n, intptr_t *i, intptr_t *ws, intptr_t *we) {
    int k;
    while (*i < n && uc_isspace(kr_utf8_decode(d + *i, &k))) {
        *i += k;
    }
    if (*i >= n) {
        return false;
    }
    *ws = *i;
    while (*i < n && !uc_isspace(kr_utf8_decode(d + *i, &k))) {
        *i += k;
    }
    *we = *i;
    return true;
}

static kr_val split_whitespace(kr_val s, intptr_t maxsplit) {
    kr_val list = kr_list_new(0);
    const char *d = kr_str_data(s);
    intptr_t n = kr_str_nbytes(s), i = 0, ws, we;
    for (intptr_t splits = 0; list && next_word(d, n, &i, &ws, &we); splits++) {
        if (splits == maxsplit) {
            we = i = n;  // the rest, trailing whitespace included
        }
        if (list_push(list, s, ws, we) < 0) {
            KR_CLEAR(list);
        }
    }
    return list;
}

static kr_val split_sep(kr_val s, kr_val sep, intptr_t maxsplit) {
    intptr_t m = kr_str_nbytes(sep), n = kr_str_nbytes(s);
    if (m == 0) {
        return kr_err_set(&kr_exc_ValueError, "empty separator");
    }
    const char *d = kr_str_data(s), *sd = kr_str_data(sep);
    // Find the pieces first: the list is made at its final size and filled in place. A
    // one-byte separator in a short str is found by one pass over the bytes, whose ends are
    // kept (up to 'SPLIT_ENDS' of them); otherwise the pieces are counted.
    enum { SPLIT_ENDS = 32 };
    intptr_t ends[SPLIT_ENDS];
    intptr_t pieces = 1;
    bool have_ends = m == 1 && n <= 4096;
    if (have_ends) {
        char c = sd[0];
        for (intptr_t i = 0; i < n && pieces - 1 != maxsplit; i++) {
            if (d[i] == c) {
                if (pieces <= SPLIT_ENDS) {
                    ends[pieces - 1] = i;
                }
                pieces++;
            }
        }
        have_ends = pieces <= SPLIT_ENDS;
    } else {
        for (intptr_t from = 0, i; pieces - 1 != maxsplit; from = i + m, pieces++) {
            if ((i = find_bytes(d, from, n, sd, m, false)) < 0) {
                break;
            }
        }
    }
    kr_val list = kr_list_new(pieces);
    if (!list) {
        return 0;
    }
    kr_list_obj *l = KR_LIST(list);
    intptr_t from = 0;
    for (intptr_t k = 0; k < pieces; k++) {
        intptr_t i = k + 1 == pieces ? n
                     : have_ends     ? ends[k]
                                     : find_bytes(d, from, n, sd, m, false);
        kr_val item = str_sub(s, from, i);
        if (!item) {
            KR_DECREF(list);
            return 0;
        }
        l->items[l->len++] = item;
        from = i + m;
    }
    return list;
}

// ---------------------------------------------------------------------------------------------
// Split views (the compiler's ir/lower_str.c): a local `v = s.split(SEP)` that is only indexed
// holds 's' itself when it is an exact str, and each `v[K]` finds its piece. Any other 's'
// gives what its split method returns; an exact str among those is wrapped (split_result), so
// that it is never taken for a view.

typedef struct split_result {
    kr_obj ob;
    kr_val value;
} split_result;

static void split_result_dealloc(kr_obj *o) { KR_XDECREF(((split_result *)o)->value); }

static kr_type split_result_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "split_result",
    .base = &kr_object_type,
    .basicsize = sizeof(split_result),
    .dealloc = split_result_dealloc,
};

kr_val kr_str_split_view(kr_val s, kr_val sep) {
    if (kr_str_exact(s)) {
        return kr_newref(s);
    }
    kr_val name = kr_str_from_cstr("split");
    kr_val r = name ? kr_call_method(s, name, &sep, 1, 0) : 0;
    KR_XDECREF(name);
    if (!r || !kr_str_exact(r)) {
        return r;
    }
    split_result *w = (split_result *)kr_obj_new(&split_result_type, sizeof *w);
    if (!w) {
        KR_DECREF(r);
        return 0;
    }
    w->value = r;
    return KR_VAL(w);
}

// The first 'sd' (of 'm' bytes) in d[from, n), or -1. One byte is looked for eight bytes at a
// time: a word XOR the separator has a zero byte where it is, and the lowest byte the
// zero-byte test flags is the first such byte (x86 is little-endian).
static intptr_t find_sep(const char *d, intptr_t from, intptr_t n, const char *sd, intptr_t m) {
    if (m == 1) {
        const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
        const uint64_t pattern = ones * (unsigned char)sd[0];
        intptr_t i = from;
        for (; i + 8 <= n; i += 8) {
            uint64_t w;
            memcpy(&w, d + i, 8);
            w ^= pattern;
            uint64_t hit = (w - ones) & ~w & highs;
            if (hit) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
                return i + (__builtin_ctzll(hit) >> 3);
#else
                break;
#endif
            }
        }
        for (; i < n; i++) {
            if (d[i] == sd[0]) {
                return i;
            }
        }
        return -1;
    }
    return find_bytes(d, from, n, sd, m, false);
}

// The last piece found: v[2] then v[3] of one view goes on from v[2]'s piece. The cache holds
// a reference to its str (immutable, so the bounds stay true; a str has no finalizer or weak
// reference, so keeping it a little longer cannot be seen).
static struct {
    kr_val s, sep;
    intptr_t index, from, to;
} split_last;

// The byte bounds of item 'i' (negative: from the end) of s.split(sep) of an exact str 's'; 0,
// or -1 with CPython's IndexError when the list would have no such item.
static int split_piece(kr_val s, kr_val sep, intptr_t i, intptr_t *from, intptr_t *to) {
    const char *d = kr_str_data(s), *sd = kr_str_data(sep);
    intptr_t n = kr_str_nbytes(s), m = kr_str_nbytes(sep), f = 0, k = 0, at;
    if (i < 0) {
        intptr_t pieces = 1;
        for (intptr_t p = 0; (at = find_sep(d, p, n, sd, m)) >= 0; p = at + m) {
            pieces++;
        }
        i += pieces;
    }
    if (i >= 0 && split_last.s == s && split_last.sep == sep && i >= split_last.index) {
        k = split_last.index;  // piece k starts at 'from'
        f = split_last.from;
    }
    for (; k < i && i >= 0; k++) {
        if ((at = find_sep(d, f, n, sd, m)) < 0) {
            i = -1;
            break;
        }
        f = at + m;
    }
    if (i < 0) {
        kr_err_set(&kr_exc_IndexError, "list index out of range");
        return -1;
    }
    at = split_last.s == s && split_last.sep == sep && split_last.index == i
             ? split_last.to
             : find_sep(d, f, n, sd, m);
    *from = f;
    *to = at < 0 ? n : at;
    if (split_last.s != s) {
        kr_val old = split_last.s;
        split_last.s = kr_newref(s);
        KR_XDECREF(old);
    }
    split_last.sep = sep;
    split_last.index = i;
    split_last.from = *from;
    split_last.to = *to;
    return 0;
}

kr_val kr_str_split_item(kr_val v, kr_val sep, intptr_t i) {
    if (!kr_str_exact(v)) {
        kr_val list = KR_IS_PTR(v) && KR_OBJ(v)->type == &split_result_type
                          ? ((split_result *)v)->value
                          : v;
        kr_val key = kr_int_from_i64(i);
        kr_val r = key ? kr_getitem(list, key) : 0;
        KR_XDECREF(key);
        return r;
    }
    intptr_t from, to;
    return split_piece(v, sep, i, &from, &to) < 0 ? 0 : str_sub(v, from, to);
}

double kr_str_split_item_float(kr_val v, kr_val sep, intptr_t i) {
    double d = -1.0;
    if (kr_str_exact(v)) {
        intptr_t from, to;
        if (split_piece(v, sep, i, &from, &to) < 0
            || kr_float_parse(kr_str_data(v) + from, (size_t)(to - from), &d) < 0) {
            return -1.0;
        }
        return d;
    }
    kr_val item = kr_str_split_item(v, sep, i);
    if (item) {
        d = kr_float_convert(item);
        KR_DECREF(item);
    }
    return d;
}

kr_val kr_str_split_item_int(kr_val v, kr_val sep, intptr_t i) {
    if (kr_str_exact(v)) {
        intptr_t from, to;
        return split_piece(v, sep, i, &from, &to) < 0
                   ? 0
                   : kr_int_from_string(kr_str_data(v) + from, (size_t)(to - from), 10);
    }
    kr_val item = kr_str_split_item(v, sep, i);
    kr_val r = item ? kr_int_from_val(item) : 0;
    KR_XDECREF(item);
    return r;
}

static const char *const split_names[] = { "sep", "maxsplit" };

static int split_args(const char *fname, const kr_val *args, size_t nargs, kr_val kwnames,
                      kr_val *sep, intptr_t *maxsplit) {
    kr_val a[2];
    if (kr_str_unpack_args(fname, args, nargs, kwnames, split_names, 0, 2, a) < 0
        || int_arg(a[1], -1, maxsplit) < 0) {
        return -1;
    }
    *sep = a[0] == KR_NONE ? 0 : a[0];
    if (*sep && !kr_str_check(*sep)) {
        kr_err_set(&kr_exc_TypeError, "must be str or None, not %s", kr_type_name(*sep));
        return -1;
    }
    return 0;
}

kr_val kr_str_meth_split(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val sep;
    intptr_t maxsplit;
    if (split_args("split", args, nargs, kwnames, &sep, &maxsplit) < 0) {
        return 0;
    }
    return sep ? split_sep(self, sep, maxsplit) : split_whitespace(self, maxsplit);
}

static intptr_t prev_cp(const char *d, intptr_t i) {
    i--;
    while (i > 0 && ((unsigned char)d[i] & 0xC0) == 0x80) {
        i--;
    }
    return i;
}

static kr_val rsplit_whitespace(kr_val s, intptr_t maxsplit) {
    valvec parts = { NULL, 0, 0 };
    const char *d = kr_str_data(s);
    intptr_t end = kr_str_nbytes(s);
    int k;
    bool ok = true;
    for (intptr_t splits = 0; ok; splits++) {
        while (end > 0 && uc_isspace(kr_utf8_decode(d + prev_cp(d, end), &k))) {
            end = prev_cp(d, end);
        }
        if (end == 0) {
            break;
        }
        intptr_t start = end;
        if (splits == maxsplit) {
            start = 0;  // the rest, leading whitespace included
        } else {
            while (start > 0 && !uc_isspace(kr_utf8_decode(d + prev_cp(d, start), &k))) {
                start = prev_cp(d, start);
            }
        }
        ok = valvec_push(&parts, str_sub(s, start, end)) == 0;
        end = start;
    }
    return valvec_to_list_reversed(&parts, ok);
}

static kr_val rsplit_sep(kr_val s, kr_val sep, intptr_t maxsplit) {
    intptr_t m = kr_str_nbytes(sep), to = kr_str_nbytes(s);
    if (m == 0) {
        return kr_err_set(&kr_exc_ValueError, "empty separator");
    }
    valvec parts = { NULL, 0, 0 };
    const char *d = kr_str_data(s);
    bool ok = true;
    for (intptr_t splits = 0; ok && splits != maxsplit; splits++) {
        intptr_t i = find_bytes(d, 0, to, kr_str_data(sep), m, true);
        if (i < 0) {
            break;
        }
        ok = valvec_push(&parts, str_sub(s, i + m, to)) == 0;
        to = i;
    }
    ok = ok && valvec_push(&parts, str_sub(s, 0, to)) == 0;
    return valvec_to_list_reversed(&parts, ok);
}

kr_val kr_str_meth_rsplit(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val sep;
    intptr_t maxsplit;
    if (split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit) < 0) {
        return 0;
    }
    return sep ? rsplit_sep(self, sep, maxsplit) : rsplit_whitespace(self, maxsplit);
}

// Length of the line break at 'd[i]' (0 if none); \r\n counts as one.
static int line_break_len(const char *d, intptr_t i, intptr_t n) {
    unsigned char c = (unsigned char)d[i];
    if (c == '\r') {
        return i + 1 < n && d[i + 1] == '\n' ? 2 : 1;
    }
    if (c == '\n' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e)) {
        return 1;
    }
    if (c == 0xC2 && (unsigned char)d[i + 1] == 0x85) {
        return 2;
    }
    if (c == 0xE2 && (unsigned char)d[i + 1] == 0x80
        && ((unsigned char)d[i + 2] == 0xA8 || (unsigned char)d[i + 2] == 0xA9)) {
        return 3;
    }
    return 0;
}

kr_val kr_str_meth_splitlines(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    static const char *const names[] = { "keepends" };
    kr_val a[1];
    UNPACK("splitlines", names, 0, 1, a);
    int keep = a[0] ? kr_is_true(a[0]) : 0;
    if (keep < 0) {
        return 0;
    }
    kr_val list = kr_list_new(0);
    const char *d = kr_str_data(self);
    intptr_t n = kr_str_nbytes(self), start = 0, i = 0;
    while (list && i < n) {
        int br = line_break_len(d, i, n);
        if (br == 0) {
            i++;
            continue;
        }
        if (list_push(list, self, start, keep ? i + br : i) < 0) {
            KR_CLEAR(list);
        }
        i += br;
        start = i;
    }
    if (list && start < n && list_push(list, self, start, n) < 0) {
        KR_CLEAR(list);
    }
    return list;
}

// Collects the items of 'iterable' into 'vv' (new references).
static int collect_items(kr_val iterable, valvec *vv) {
    kr_val it = kr_iter(iterable);
    if (!it) {
        if (kr_err_matches(&kr_exc_TypeError)) {
            kr_err_clear();
            kr_err_set(&kr_exc_TypeError, "can only join an iterable");
        }
        return -1;
    }
    kr_val item;
    while ((item = kr_next(it))) {
        if (valvec_push(vv, item) < 0) {
            break;
        }
    }
    KR_DECREF(it);
    return kr_err_occurred() ? -1 : 0;
}

// How far ahead join fetches items: long lists hold strs scattered over a heap larger than
// the cache, and a join is bound by the time each first touch takes.
#define JOIN_PREFETCH 128

// A first guess of the bytes of a join: the separators plus 'n' times the mean size of a few
// sampled items. join_items grows its buffer if the guess is short.
static size_t join_estimate(size_t nsep, const kr_val *items, intptr_t n) {
    size_t sample = 0;
    intptr_t k = n < 8 ? n : 8;
    for (intptr_t j = 0; j < k; j++) {
        kr_val v = items[j * (n / k)];
        sample += kr_str_check(v) ? (size_t)kr_str_nbytes(v) : 0;
    }
    return (size_t)(n - 1) * nsep + (k ? sample * (size_t)n / (size_t)k : 0) + 16;
}

// Grows the join buffer '*o' to hold at least 'need' bytes. 0, or -1 with MemoryError.
static int join_grow(kr_str_obj **o, size_t *cap, size_t need) {
    size_t newcap = *cap * 2 > need ? *cap * 2 : need;
    kr_str_obj *p = kr_realloc(*o, sizeof(kr_str_obj) + newcap + 1);
    if (!p) {
        return -1;
    }
    *o = p;
    *cap = newcap;
    return 0;
}

// Joins 'n' strs with 'sep' in one pass over the items (each is touched once: they are the
// cost): the buffer starts at an estimate and grows; its length and ASCII flag follow from
// the parts.
static kr_val join_items(kr_val sep, const kr_val *items, intptr_t n) {
    if (n == 0) {
        return KR_VAL(&empty_str);
    }
    if (n == 1 && KR_OBJ(items[0])->type == &kr_str_type) {
        return kr_newref(items[0]);
    }
    size_t nsep = (size_t)kr_str_nbytes(sep), used = 0;
    size_t cap = join_estimate(nsep, items, n);
    kr_str_obj *o = str_alloc(cap);
    if (!o) {
        return 0;
    }
    intptr_t len = (n - 1) * kr_str_len(sep);
    bool ascii = KR_STR(sep)->ascii;
    for (intptr_t i = 0; i < n; i++) {
        if (i + JOIN_PREFETCH < n) {
            __builtin_prefetch(KR_OBJ(items[i + JOIN_PREFETCH]));
        }
        kr_val v = items[i];
        if (!kr_str_check(v)) {
            KR_DECREF(KR_VAL(o));
            return kr_err_set(&kr_exc_TypeError, "sequence item %zd: expected str instance, %s "
                              "found", i, kr_type_name(v));
        }
        size_t m = (size_t)kr_str_nbytes(v), need = used + m + (i > 0 ? nsep : 0);
        if (need > cap && join_grow(&o, &cap, need) < 0) {
            KR_DECREF(KR_VAL(o));
            return 0;
        }
        if (i > 0) {
            memcpy(o->data + used, kr_str_data(sep), nsep);
            used += nsep;
        }
        memcpy(o->data + used, kr_str_data(v), m);
        used += m;
        len += kr_str_len(v);
        ascii &= KR_STR(v)->ascii;
    }
    if (cap - used > used / 8 + 64) {
        // Give the slack back; if shrinking fails, the larger buffer serves as well.
        kr_str_obj *p = kr_realloc(o, sizeof(kr_str_obj) + used + 1);
        if (p) {
            o = p;
        } else {
            kr_err_clear();
        }
    }
    o->nbytes = (intptr_t)used;
    o->data[used] = '\0';
    if (used <= 1) {
        return str_finish(o);
    }
    o->len = len;
    o->ascii = ascii;
    return KR_VAL(o);
}

kr_val kr_str_join(kr_val sep, kr_val iterable) {
    // Exact types only: a subclass's __iter__ decides what it yields.
    const kr_type *t = KR_TYPE(iterable);
    if (t == &kr_tuple_type) {
        return join_items(sep, KR_TUPLE_ITEMS(iterable), KR_TUPLE_LEN(iterable));
    }
    if (t == &kr_list_type) {
        // join_items runs no Python code, so the list cannot change under it.
        kr_val *items = kr_list_vals(iterable);
        return items ? join_items(sep, items, KR_LIST_LEN(iterable)) : 0;
    }
    valvec items = { NULL, 0, 0 };
    kr_val r = collect_items(iterable, &items) < 0 ? 0 : join_items(sep, items.items, items.n);
    valvec_free(&items);
    return r;
}

kr_val kr_str_meth_join(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val a[1];
    UNPACK("join", NULL, 1, 1, a);
    return kr_str_join(self, a[0]);
}

static kr_val partition(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames,
                        bool last) {
    kr_val a[1];
    UNPACK(last ? "rpartition" : "partition", NULL, 1, 1, a);
    if (!kr_str_check(a[0])) {
        return kr_err_set(&kr_exc_TypeError, "must be str, not %s", kr_type_name(a[0]));
    }
    intptr_t m = kr_str_nbytes(a[0]), n = kr_str_nbytes(self);
    if (m == 0) {
        return kr_err_set(&kr_exc_ValueError, "empty separator");
    }
    intptr_t i = find_bytes(kr_str_data(self), 0, n, kr_str_data(a[0]), m, last);
    kr_val e = KR_VAL(&empty_str);
    if (i < 0) {
        return last ? kr_tuple_pack(3, e, e, self) : kr_tuple_pack(3, self, e, e);
    }
    kr_val head = str_sub(self, 0, i), tail = head ? str_sub(self, i + m, n) : 0;
    kr_val r = tail ? kr_tuple_pack(3, head, a[0], tail) : 0;
    KR_XDECREF(head);
    KR_XDECREF(tail);
    return r;
}

kr_val kr_str_meth_partition(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return partition(self, args, nargs, kwnames, false);
}

kr_val kr_str_meth_rpartition(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return partition(self, args, nargs, kwnames, true);
}

// ---------------------------------------------------------------------------------------------
// strip, replace, prefixes

static bool in_chars(uint32_t c, kr_val chars) {
    if (!chars) {
        return uc_isspace(c);
    }
    const char *d = kr_str_data(chars);
    for (intptr_t i = 0; i < kr_str_nbytes(chars);) {
        int k;
        if (kr_utf8_decode(d + i, &k) == c) {
            return true;
        }
        i += k;
    }
    return false;
}

static kr_val strip(const char *fname, kr_val self, const kr_val *args, size_t nargs,
                    kr_val kwnames, bool left, bool right) {
    kr_val a[1];
    UNPACK(fname, NULL, 0, 1, a);
    kr_val chars = a[0] == KR_NONE ? 0 : a[0];
    if (chars && !kr_str_check(chars)) {
        return kr_err_set(&kr_exc_TypeError, "%s arg must be None or str", fname);
    }
    const char *d = kr_str_data(self);
    intptr_t from = 0, to = kr_str_nbytes(self);
    int k;
    if (!chars) {  // ASCII bytes first: a non-ASCII one ends the fast loops
        while (left && from < to && (unsigned char)d[from] < 0x80
               && uc_isspace((unsigned char)d[from])) {
            from++;
        }
        while (right && to > from && (unsigned char)d[to - 1] < 0x80
               && uc_isspace((unsigned char)d[to - 1])) {
            to--;
        }
    }
    while (left && from < to && in_chars(kr_utf8_decode(d + from, &k), chars)) {
        from += k;
    }
    while (right && to > from && in_chars(kr_utf8_decode(d + prev_cp(d, to), &k), chars)) {
        to = prev_cp(d, to);
    }
    return str_sub(self, from, to);
}

kr_val kr_str_meth_strip(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return strip("strip", self, args, nargs, kwnames, true, true);
}

kr_val kr_str_meth_lstrip(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return strip("lstrip", self, args, nargs, kwnames, true, false);
}

kr_val kr_str_meth_rstrip(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return strip("rstrip", self, args, nargs, kwnames, false, true);
}

// Replacement with an empty 'old': 'new' goes before each code point and at the end.
static int replace_empty(kr_strbuf *b, kr_val self, kr_val new, intptr_t count) {
    const char *d = kr_str_data(self);
    intptr_t n = kr_str_nbytes(self), i = 0;
    for (; i <= n && count != 0; count--) {
        if (kr_strbuf_append_str(b, new) < 0) {
            return -1;
        }
        if (i == n) {
            return 0;
        }
        int k;
        kr_utf8_decode(d + i, &k);
        if (kr_strbuf_append(b, d + i, (size_t)k) < 0) {
            return -1;
        }
        i += k;
    }
    return kr_strbuf_append(b, d + i, (size_t)(n - i));
}

static int replace_into(kr_strbuf *b, kr_val self, kr_val old, kr_val new, intptr_t count) {
    const char *d = kr_str_data(self);
    intptr_t n = kr_str_nbytes(self), m = kr_str_nbytes(old), from = 0;
    for (; count != 0; count--) {
        intptr_t i = find_bytes(d, from, n, kr_str_data(old), m, false);
        if (i < 0) {
            break;
        }
        if (kr_strbuf_append(b, d + from, (size_t)(i - from)) < 0
            || kr_strbuf_append_str(b, new) < 0) {
            return -1;
        }
        from = i + m;
    }
    return kr_strbuf_append(b, d + from, (size_t)(n - from));
}

kr_val kr_str_meth_replace(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    static const char *const names[] = { NULL, NULL, "count" };
    kr_val a[3];
    intptr_t count;
    if (nargs < 2 && !kwnames) {
        return kr_err_set(&kr_exc_TypeError, "replace() takes at least 2 positional arguments "
                          "(%zu given)", nargs);
    }
    UNPACK("replace", names, 2, 3, a);
    if (str_arg("replace() argument 1", a[0], "") < 0
        || str_arg("replace() argument 2", a[1], "") < 0 || int_arg(a[2], -1, &count) < 0) {
        return 0;
    }
    kr_strbuf b;
    kr_strbuf_init(&b);
    int rc = kr_str_nbytes(a[0]) == 0 ? replace_empty(&b, self, a[1], count)
                                      : replace_into(&b, self, a[0], a[1], count);
    if (rc < 0) {
        kr_strbuf_free(&b);
        return 0;
    }
    return kr_strbuf_finish(&b);
}

static kr_val remove_affix(const char *fname, kr_val self, const kr_val *args, size_t nargs,
                           kr_val kwnames, bool suffix) {
    kr_val a[1];
    UNPACK(fname, NULL, 1, 1, a);
    if (!kr_str_check(a[0])) {
        return kr_err_set(&kr_exc_TypeError, "%s() argument must be str, not %s", fname,
                          kr_type_name(a[0]));
    }
    intptr_t n = kr_str_nbytes(self), m = kr_str_nbytes(a[0]);
    if (m <= n && memcmp(kr_str_data(self) + (suffix ? n - m : 0), kr_str_data(a[0]),
                         (size_t)m) == 0) {
        return suffix ? str_sub(self, 0, n - m) : str_sub(self, m, n);
    }
    return str_sub(self, 0, n);
}

kr_val kr_str_meth_removeprefix(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return remove_affix("removeprefix", self, args, nargs, kwnames, false);
}

kr_val kr_str_meth_removesuffix(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return remove_affix("removesuffix", self, args, nargs, kwnames, true);
}

// ---------------------------------------------------------------------------------------------
// Case mapping

// Lower case of the capital sigma at byte 'i': final form when it ends a cased word.
static uint32_t sigma_lower(const char *d, intptr_t n, intptr_t i) {
    int k;
    intptr_t j = i;
    uint32_t c = 0;
    bool found = false;
    while (j > 0) {
        j = prev_cp(d, j);
        c = kr_utf8_decode(d + j, &k);
        if (!uc_has(c, KR_UC_CASE_IGNORABLE)) {
            found = true;
            break;
        }
    }
    if (!found || !uc_has(c, KR_UC_CASED)) {
        return 0x3C3;
    }
    for (j = i + 2; j < n; j += k) {
        c = kr_utf8_decode(d + j, &k);
        if (!uc_has(c, KR_UC_CASE_IGNORABLE)) {
            return uc_has(c, KR_UC_CASED) ? 0x3C3 : 0x3C2;
        }
    }
    return 0x3C2;
}

static int append_mapped(kr_strbuf *b, const char *d, intptr_t n, intptr_t i, uint32_t c,
                         int which) {
    uint32_t out[3];
    int m;
    if (which == CASE_LOWER && c == 0x3A3) {
        out[0] = sigma_lower(d, n, i);
        m = 1;
    } else {
        m = case_map(c, which, out);
    }
    for (int k = 0; k < m; k++) {
        if (kr_strbuf_append_codepoint(b, out[k]) < 0) {
            return -1;
        }
    }
    return 0;
}

enum { MAP_LOWER, MAP_UPPER, MAP_FOLD, MAP_TITLE, MAP_CAPITALIZE, MAP_SWAPCASE };

static int mapping_for(int mode, uint32_t c, bool *prev_cased, bool first) {
    switch (mode) {
    case MAP_LOWER: return CASE_LOWER;
    case MAP_UPPER: return CASE_UPPER;
    case MAP_FOLD: return CASE_FOLD;
    case MAP_CAPITALIZE: return first ? CASE_TITLE : CASE_LOWER;
    case MAP_SWAPCASE:
        return uc_has(c, KR_UC_UPPER) ? CASE_LOWER : uc_has(c, KR_UC_LOWER) ? CASE_UPPER : 0;
    default: {
        int w = *prev_cased ? CASE_LOWER : CASE_TITLE;
        *prev_cased = uc_has(c, KR_UC_CASED);
        return w;
    }
    }
}

static kr_val ascii_map(kr_val s, int mode) {
    kr_str_obj *o = str_alloc((size_t)kr_str_nbytes(s));
    if (!o) {
        return 0;
    }
    const char *d = kr_str_data(s);
    bool prev = false;
    for (intptr_t i = 0; i < o->nbytes; i++) {
        unsigned char c = (unsigned char)d[i];
        bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        int w = mapping_for(mode, c, &prev, i == 0);
        if (mode == MAP_TITLE) {
            prev = up || lo;
        }
        o->data[i] = (char)(w == CASE_LOWER && up ? c + 32
                            : (w == CASE_UPPER || w == CASE_TITLE) && lo ? c - 32 : c);
    }
    return str_finish(o);
}

static kr_val case_convert(kr_val s, int mode) {
    if (KR_STR(s)->ascii) {
        return ascii_map(s, mode);
    }
    kr_strbuf b;
    kr_strbuf_init(&b);
    const char *d = kr_str_data(s);
    intptr_t n = kr_str_nbytes(s);
    bool prev = false;
    for (intptr_t i = 0; i < n;) {
        int k;
        uint32_t c = kr_utf8_decode(d + i, &k);
        int w = mapping_for(mode, c, &prev, i == 0);
        int rc = w ? append_mapped(&b, d, n, i, c, w) : kr_strbuf_append(&b, d + i, (size_t)k);
        if (rc < 0) {
            kr_strbuf_free(&b);
            return 0;
        }
        i += k;
    }
    return kr_strbuf_finish(&b);
}

#define CASE_METHOD(name, mode)                                                               \
    kr_val kr_str_meth_##name(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) { \
        kr_val a[1];                                                                          \
        UNPACK(#name, NULL, 0, 0, a);                                                         \
        return case_convert(self, mode);                                                      \
    }

CASE_METHOD(lower, MAP_LOWER)
CASE_METHOD(upper, MAP_UPPER)
CASE_METHOD(casefold, MAP_FOLD)
CASE_METHOD(title, MAP_TITLE)
CASE_METHOD(capitalize, MAP_CAPITALIZE)
CASE_METHOD(swapcase, MAP_SWAPCASE)

// ---------------------------------------------------------------------------------------------
// Predicates

// True when every code point has one of 'flags' (and the str is not empty).
static bool all_have(kr_val s, unsigned flags) {
    const char *d = kr_str_data(s);
    intptr_t n = kr_str_nbytes(s);
    if (n == 0) {
        return false;
    }
    for (intptr_t i = 0; i < n;) {
        int k;
        if (!(kr_unicode_flags(kr_utf8_decode(d + i, &k)) & flags)) {
            return false;
        }
        i += k;
    }
    return true;
}

// islower / isupper: no cased character of the other case, and at least one of this case.
static bool all_cased_as(kr_val s, unsigned want, unsigned other) {
    const char *d = kr_str_data(s);
    bool cased = false;
    for (intptr_t i = 0; i < kr_str_nbytes(s);) {
        int k;
        unsigned f = kr_unicode_flags(kr_utf8_decode(d + i, &k));
        if (f & (other | KR_UC_TITLE)) {
            return false;
        }
        cased |= (f & want) != 0;
        i += k;
    }
    return cased;
}

static bool str_istitle(kr_val s) {
    const char *d = kr_str_data(s);
    bool cased = false, prev = false;
    for (intptr_t i = 0; i < kr_str_nbytes(s);) {
        int k;
        unsigned f = kr_unicode_flags(kr_utf8_decode(d + i, &k));
        i += k;
        if (f & (KR_UC_UPPER | KR_UC_TITLE)) {
            if (prev) {
                return false;
            }
            prev = cased = true;
        } else if (f & KR_UC_LOWER) {
            if (!prev) {
                return false;
            }
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return cased;
}

static bool str_isidentifier(kr_val s) {
    const char *d = kr_str_data(s);
    intptr_t n = kr_str_nbytes(s);
    if (n == 0) {
        return false;
    }
    for (intptr_t i = 0; i < n;) {
        int k;
        uint32_t c = kr_utf8_decode(d + i, &k);
        if (!uc_has(c, i == 0 ? KR_UC_XID_START : KR_UC_XID_CONTINUE)) {
            return false;
        }
        i += k;
    }
    return true;
}

static bool str_isprintable(kr_val s) {
    const char *d = kr_str_data(s);
    for (intptr_t i = 0; i < kr_str_nbytes(s);) {
        int k;
        if (!uc_has(kr_utf8_decode(d + i, &k), KR_UC_PRINTABLE)) {
            return false;
        }
        i += k;
    }
    return true;
}

enum { P_ALNUM, P_ALPHA, P_ASCII, P_DECIMAL, P_DIGIT, P_IDENT, P_LOWER, P_NUMERIC, P_PRINT,
       P_SPACE, P_TITLE, P_UPPER };

static bool str_predicate(kr_val s, int which) {
    switch (which) {
    case P_ALNUM:
        return all_have(s, KR_UC_ALPHA | KR_UC_DECIMAL | KR_UC_DIGIT | KR_UC_NUMERIC);
    case P_ALPHA: return all_have(s, KR_UC_ALPHA);
    case P_ASCII: return KR_STR(s)->ascii;
    case P_DECIMAL: return all_have(s, KR_UC_DECIMAL);
    case P_DIGIT: return all_have(s, KR_UC_DIGIT);
    case P_IDENT: return str_isidentifier(s);
    case P_LOWER: return all_cased_as(s, KR_UC_LOWER, KR_UC_UPPER);
    case P_NUMERIC: return all_have(s, KR_UC_NUMERIC);
    case P_PRINT: return str_isprintable(s);
    case P_SPACE: return all_have(s, KR_UC_SPACE);
    case P_TITLE: return str_istitle(s);
    default: return all_cased_as(s, KR_UC_UPPER, KR_UC_LOWER);
    }
}

#define PREDICATE(name, which)                                                                \
    kr_val kr_str_meth_##name(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) { \
        kr_val a[1];                                                                          \
        UNPACK(#name, NULL, 0, 0, a);                                                         \
        return kr_bool(str_predicate(self, which));                                           \
    }

PREDICATE(isalnum, P_ALNUM)
PREDICATE(isalpha, P_ALPHA)
PREDICATE(isascii, P_ASCII)
PREDICATE(isdecimal, P_DECIMAL)
PREDICATE(isdigit, P_DIGIT)
PREDICATE(isidentifier, P_IDENT)
PREDICATE(islower, P_LOWER)
PREDICATE(isnumeric, P_NUMERIC)
PREDICATE(isprintable, P_PRINT)
PREDICATE(isspace, P_SPACE)
PREDICATE(istitle, P_TITLE)
PREDICATE(isupper, P_UPPER)

// ---------------------------------------------------------------------------------------------
// Padding: center, ljust, rjust, zfill, expandtabs

static kr_val pad(kr_val s, intptr_t left, intptr_t right, const char *fill, size_t fn) {
    if (left <= 0 && right <= 0) {
        return str_sub(s, 0, kr_str_nbytes(s));
    }
    kr_strbuf b;
    kr_strbuf_init(&b);
    left = left < 0 ? 0 : left;
    right = right < 0 ? 0 : right;
    if (kr_strbuf_append_repeat(&b, fill, fn, left) < 0 || kr_strbuf_append_str(&b, s) < 0
        || kr_strbuf_append_repeat(&b, fill, fn, right) < 0) {
        kr_strbuf_free(&b);
        return 0;
    }
    return kr_strbuf_finish(&b);
}

static kr_val justify(const char *fname, kr_val self, const kr_val *args, size_t nargs,
                      kr_val kwnames, int where) {
    kr_val a[2];
    intptr_t width;
    UNPACK(fname, NULL, 1, 2, a);
    if (int_arg(a[0], 0, &width) < 0) {
        return 0;
    }
    if (a[1] && (!kr_str_check(a[1]) || kr_str_len(a[1]) != 1)) {
        if (!kr_str_check(a[1])) {
            return kr_err_set(&kr_exc_TypeError, "%s() argument 2 must be str, not %s", fname,
                              kr_type_name(a[1]));
        }
        return kr_err_set(&kr_exc_TypeError, "The fill character must be exactly one "
                          "character long");
    }
    const char *fill = a[1] ? kr_str_data(a[1]) : " ";
    size_t fn = a[1] ? (size_t)kr_str_nbytes(a[1]) : 1;
    intptr_t marg = width - kr_str_len(self);
    if (where < 0) {
        return pad(self, 0, marg, fill, fn);
    }
    if (where > 0) {
        return pad(self, marg, 0, fill, fn);
    }
    intptr_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill, fn);
}

kr_val kr_str_meth_center(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return justify("center", self, args, nargs, kwnames, 0);
}

kr_val kr_str_meth_ljust(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return justify("ljust", self, args, nargs, kwnames, -1);
}

kr_val kr_str_meth_rjust(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return justify("rjust", self, args, nargs, kwnames, 1);
}

kr_val kr_str_meth_zfill(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val a[1];
    intptr_t width;
    if (nargs != 1 || kwnames) {
        return kr_err_set(&kr_exc_TypeError, "str.zfill() takes exactly one argument (%zu given)",
                          nargs);
    }
    UNPACK("zfill", NULL, 1, 1, a);
    if (int_arg(a[0], 0, &width) < 0) {
        return 0;
    }
    intptr_t fill = width - kr_str_len(self);
    kr_val padded = pad(self, fill, 0, "0", 1);
    if (!padded || fill <= 0 || kr_str_nbytes(self) == 0) {
        return padded;
    }
    char first = kr_str_data(self)[0];
    if (first == '+' || first == '-') {
        KR_STR(padded)->data[0] = first;
        KR_STR(padded)->data[fill] = '0';
    }
    return padded;
}

kr_val kr_str_meth_expandtabs(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    static const char *const names[] = { "tabsize" };
    kr_val a[1];
    intptr_t tabsize;
    UNPACK("expandtabs", names, 0, 1, a);
    if (int_arg(a[0], 8, &tabsize) < 0) {
        return 0;
    }
    kr_strbuf b;
    kr_strbuf_init(&b);
    const char *d = kr_str_data(self);
    intptr_t col = 0, n = kr_str_nbytes(self);
    for (intptr_t i = 0; i < n;) {
        int k;
        uint32_t c = kr_utf8_decode(d + i, &k);
        int rc;
        if (c == '\t') {
            intptr_t sp = tabsize > 0 ? tabsize - col % tabsize : 0;
            rc = kr_strbuf_append_repeat(&b, " ", 1, sp);
            col += sp;
        } else {
            rc = kr_strbuf_append(&b, d + i, (size_t)k);
            col = c == '\n' || c == '\r' ? 0 : col + 1;
        }
        if (rc < 0) {
            kr_strbuf_free(&b);
            return 0;
        }
        i += k;
    }
    return kr_strbuf_finish(&b);
}

// ---------------------------------------------------------------------------------------------
// encode and decode

// Canonical codec name of 'enc' ("utf-8", "ascii", "latin-1"), or NULL.
static const char *codec_name(const char *enc) {
    char norm[32];
    size_t n = 0;
    for (const char *p = enc; *p && n < sizeof norm - 1; p++) {
        char c = *p >= 'A' && *p <= 'Z' ? (char)(*p + 32) : *p;
        norm[n++] = c == '_' || c == ' ' ? '-' : c;
    }
    norm[n] = '\0';
    static const char *const names[][2] = {
        { "utf-8", "utf-8" }, { "utf8", "utf-8" }, { "u8", "utf-8" }, { "utf", "utf-8" },
        { "cp65001", "utf-8" }, { "ascii", "ascii" }, { "us-ascii", "ascii" },
        { "646", "ascii" }, { "latin-1", "latin-1" }, { "latin1", "latin-1" },
        { "iso-8859-1", "latin-1" }, { "iso8859-1", "latin-1" }, { "8859", "latin-1" },
        { "l1", "latin-1" }, { "latin", "latin-1" }, { "cp819", "latin-1" },
        { "iso-ir-100", "latin-1" },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(norm, names[i][0]) == 0) {
            return names[i][1];
        }
    }
    return NULL;
}

// ERR_UNKNOWN: a handler name CPython only looks up (and rejects) when an error occurs.
enum {
    ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_BACKSLASH, ERR_SURROGATEESCAPE, ERR_XMLCHARREF,
    ERR_NAMEREPLACE, ERR_UNKNOWN
};

static int error_mode(const char *errors) {
    static const char *const names[] = { "strict", "ignore", "replace", "backslashreplace",
                                         "surrogateescape", "xmlcharrefreplace", "namereplace" };
    if (!errors) {
        return ERR_STRICT;
    }
    for (int i = 0; i < (int)(sizeof names / sizeof names[0]); i++) {
        if (strcmp(errors, names[i]) == 0) {
            return i;
        }
    }
    return ERR_UNKNOWN;
}

static kr_val unknown_handler(const char *errors) {
    return kr_err_set(&kr_exc_LookupError, "unknown error handler name '%s'", errors);
}

// The name of code point 'c' (unicodedata.name), from runtime/unames.c: linked only into
// programs that mention 'namereplace' (the table is large), else this is NULL.
extern const char *kr_unicode_char_name(uint32_t c, char *buf, size_t size)
    __attribute__((weak));

static int append_escape(kr_strbuf *b, uint32_t c) {
    return kr_strbuf_printf(b, c <= 0xff ? "\\x%02x" : c <= 0xffff ? "\\u%04x" : "\\U%08x", c);
}

// Appends the replacement of unencodable character 'c' under handler 'mode' (not strict, nor
// surrogateescape, nor unknown).
static int encode_replacement(kr_strbuf *b, int mode, uint32_t c) {
    char name[128];
    const char *nm;
    switch (mode) {
    case ERR_REPLACE: return kr_strbuf_append_char(b, '?');
    case ERR_XMLCHARREF: return kr_strbuf_printf(b, "&#%u;", (unsigned)c);
    case ERR_NAMEREPLACE:
        if (!kr_unicode_char_name) {
            kr_err_set(&kr_exc_LookupError, "errors='namereplace' needs the Unicode name table, "
                       "which krait links only into programs whose source contains the string "
                       "'namereplace'");
            return -1;
        }
        nm = kr_unicode_char_name(c, name, sizeof name);
        return nm ? kr_strbuf_printf(b, "\\N{%s}", nm) : append_escape(b, c);
    case ERR_BACKSLASH: return append_escape(b, c);
    default: return 0;  // ignore
    }
}

// Encodes 's' to UTF-8 (limit 0: only lone surrogates are unencodable) or to a one-byte charset
// whose code points are below 'limit', handling each run of unencodable characters as CPython's
// encoders do (the error reports the whole run).
static kr_val encode_text(kr_val s, const char *codec, uint32_t limit, int mode,
                          const char *errors) {
    const char *d = kr_str_data(s);
    intptr_t n = kr_str_nbytes(s);
    bool utf8 = limit == 0;
    if (utf8 && !memchr(d, 0xED, (size_t)n)) {
        return kr_bytes_from_data(d, (size_t)n);
    }
    const char *reason = utf8 ? "surrogates not allowed" : limit == 128
                                                               ? "ordinal not in range(128)"
                                                               : "ordinal not in range(256)";
    kr_strbuf b;
    kr_strbuf_init(&b);
    intptr_t pos = 0;  // the code point index of byte i
    for (intptr_t i = 0; i < n;) {
        int k, rc = 0;
        uint32_t c = kr_utf8_decode(d + i, &k);
        bool bad = utf8 ? c >= 0xD800 && c < 0xE000 : c >= limit;
        if (!bad) {
            rc = utf8 ? kr_strbuf_append(&b, d + i, (size_t)k) : kr_strbuf_append_char(&b, (char)c);
            if (rc < 0) {
                goto fail;
            }
            i += k;
            pos++;
            continue;
        }
        intptr_t j = i, end = pos;  // the run of unencodable characters: [pos, end)
        while (j < n) {
            int kk;
            uint32_t x = kr_utf8_decode(d + j, &kk);
            if (!(utf8 ? x >= 0xD800 && x < 0xE000 : x >= limit)) {
                break;
            }
            j += kk;
            end++;
        }
        if (mode == ERR_UNKNOWN) {
            unknown_handler(errors);
            goto fail;
        }
        if (mode == ERR_STRICT) {
            kr_unicode_encode_error(codec, s, pos, end, reason);
            goto fail;
        }
        for (; i < j; i += k, pos++) {
            c = kr_utf8_decode(d + i, &k);
            if (mode == ERR_SURROGATEESCAPE) {
                if (c < 0xDC80 || c > 0xDCFF) {
                    kr_unicode_encode_error(codec, s, pos, end, reason);
                    goto fail;
                }
                rc = kr_strbuf_append_char(&b, (char)(c - 0xDC00));
            } else {
                rc = encode_replacement(&b, mode, c);
            }
            if (rc < 0) {
                goto fail;
            }
        }
    }
    kr_val r = kr_bytes_from_data(b.data ? b.data : "", b.len);
    kr_strbuf_free(&b);
    return r;
fail:
    kr_strbuf_free(&b);
    return 0;
}

kr_val kr_str_encode(kr_val s, const char *encoding, const char *errors) {
    const char *codec = codec_name(encoding ? encoding : "utf-8");
    int mode = error_mode(errors);
    if (!codec) {
        return kr_err_set(&kr_exc_LookupError, "unknown encoding: %s", encoding);
    }
    if (strcmp(codec, "utf-8") == 0) {
        return encode_text(s, codec, 0, mode, errors);
    }
    return encode_text(s, codec, codec[0] == 'a' ? 128 : 256, mode, errors);
}

static int cstr_arg(const char *fname, const char *what, kr_val v, const char **out) {
    if (!v) {
        return 0;
    }
    if (!kr_str_check(v)) {
        kr_err_set(&kr_exc_TypeError, "%s() argument '%s' must be str, not %s", fname, what,
                   kr_type_name(v));
        return -1;
    }
    *out = kr_str_data(v);
    return 0;
}

kr_val kr_str_meth_encode(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    static const char *const names[] = { "encoding", "errors" };
    kr_val a[2];
    const char *enc = NULL, *errors = NULL;
    UNPACK("encode", names, 0, 2, a);
    if (cstr_arg("encode", "encoding", a[0], &enc) < 0
        || cstr_arg("encode", "errors", a[1], &errors) < 0) {
        return 0;
    }
    return kr_str_encode(self, enc, errors);
}

// Invalid UTF-8 at 's[i]': the length of the maximal invalid prefix and CPython's reason.
static intptr_t utf8_invalid_len(const unsigned char *s, intptr_t n, const char **reason) {
    unsigned char c = s[0];
    int want = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
               : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (want == 0) {
        *reason = "invalid start byte";
        return 1;
    }
    unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    intptr_t k = 1;
    while (k < want && k < n) {
        unsigned char lo_k = k == 1 ? lo : 0x80, hi_k = k == 1 ? hi : 0xBF;
        if (s[k] < lo_k || s[k] > hi_k) {
            *reason = "invalid continuation byte";
            return k;
        }
        k++;
    }
    *reason = "unexpected end of data";
    return k;
}

// Raises UnicodeDecodeError for bytes [i, i + len) of the 'n' bytes at 's'.
static kr_val decode_error(const char *codec, const unsigned char *s, intptr_t n, intptr_t i,
                           intptr_t len, const char *reason) {
    return kr_unicode_decode_error(codec, (const char *)s, (size_t)n, i, i + len, reason);
}

// Appends the replacement of the undecodable bytes [i, i + len) under handler 'mode' (not
// strict nor unknown). 0, or -1 with an exception.
static int decode_bad(kr_strbuf *b, int mode, const unsigned char *s, intptr_t i, intptr_t len) {
    switch (mode) {
    case ERR_REPLACE: return kr_strbuf_append_codepoint(b, 0xFFFD);
    case ERR_XMLCHARREF:
    case ERR_NAMEREPLACE:
        kr_err_set(&kr_exc_TypeError, "don't know how to handle UnicodeDecodeError in error "
                   "callback");
        return -1;
    default: break;
    }
    for (intptr_t k = 0; k < len; k++) {
        // surrogateescape: every undecodable byte is >= 0x80 (ASCII always decodes)
        int rc = mode == ERR_BACKSLASH ? kr_strbuf_printf(b, "\\x%02x", s[i + k])
                 : mode == ERR_SURROGATEESCAPE ? kr_strbuf_append_codepoint(b, 0xDC00u + s[i + k])
                                               : 0;
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

static kr_val decode_utf8(const char *p, intptr_t n, int mode, const char *errors) {
    const unsigned char *s = (const unsigned char *)p;
    kr_strbuf b;
    kr_strbuf_init(&b);
    intptr_t i = 0;
    while (i < n) {
        intptr_t ok = (intptr_t)kr_utf8_valid_prefix(p + i, (size_t)(n - i));
        if (kr_strbuf_append(&b, p + i, (size_t)ok) < 0) {
            goto fail;
        }
        i += ok;
        if (i == n) {
            break;
        }
        const char *reason;
        intptr_t bad = utf8_invalid_len(s + i, n - i, &reason);
        if (mode == ERR_STRICT || mode == ERR_UNKNOWN) {
            if (mode == ERR_STRICT) {
                decode_error("utf-8", s, n, i, bad, reason);
            } else {
                unknown_handler(errors);
            }
            goto fail;
        }
        if (decode_bad(&b, mode, s, i, bad) < 0) {
            goto fail;
        }
        i += bad;
    }
    return kr_strbuf_finish(&b);
fail:
    kr_strbuf_free(&b);
    return 0;
}

static kr_val decode_narrow(const char *p, intptr_t n, bool ascii, int mode,
                            const char *errors) {
    const unsigned char *s = (const unsigned char *)p;
    kr_strbuf b;
    kr_strbuf_init(&b);
    for (intptr_t i = 0; i < n; i++) {
        int rc;
        if (s[i] < 128 || !ascii) {
            rc = kr_strbuf_append_codepoint(&b, s[i]);
        } else if (mode == ERR_STRICT || mode == ERR_UNKNOWN) {
            kr_strbuf_free(&b);
            return mode == ERR_STRICT
                       ? decode_error("ascii", s, n, i, 1, "ordinal not in range(128)")
                       : unknown_handler(errors);
        } else {
            rc = decode_bad(&b, mode, s, i, 1);
        }
        if (rc < 0) {
            kr_strbuf_free(&b);
            return 0;
        }
    }
    return kr_strbuf_finish(&b);
}

kr_val kr_str_decode(const char *s, size_t n, const char *encoding, const char *errors) {
    const char *codec = codec_name(encoding ? encoding : "utf-8");
    int mode = error_mode(errors);
    if (!codec) {
        return kr_err_set(&kr_exc_LookupError, "unknown encoding: %s", encoding);
    }
    if (strcmp(codec, "utf-8") == 0) {
        return decode_utf8(s, (intptr_t)n, mode, errors);
    }
    return decode_narrow(s, (intptr_t)n, codec[0] == 'a', mode, errors);
}

// ---------------------------------------------------------------------------------------------
// The type

// str(), str(object), str(bytes, encoding[, errors]).
static kr_val str_new(const kr_type *type, const kr_val *args, size_t nargs, kr_val kwnames) {
    static const char *const names[] = { "object", "encoding", "errors" };
    kr_val a[3];
    const char *enc = NULL, *errors = NULL;
    (void)type;
    if (kr_str_unpack_args("str", args, nargs, kwnames, names, 0, 3, a) < 0) {
        return 0;
    }
    if (!a[1] && !a[2]) {
        return a[0] ? kr_str(a[0]) : KR_VAL(&empty_str);
    }
    if (cstr_arg("str", "encoding", a[1], &enc) < 0
        || cstr_arg("str", "errors", a[2], &errors) < 0) {
        return 0;
    }
    if (!a[0]) {
        return KR_VAL(&empty_str);
    }
    if (!kr_bytes_like_check(a[0])) {
        return kr_err_set(&kr_exc_TypeError, "decoding to str: need a bytes-like object, %s "
                          "found", kr_type_name(a[0]));
    }
    return kr_str_decode(kr_bytes_data(a[0]), (size_t)kr_bytes_len(a[0]), enc, errors);
}

static int str_contains_slot(kr_val s, kr_val sub) { return kr_str_contains(s, sub); }

static const kr_mapping_methods str_mapping = {
    .len = str_len_slot,
    .getitem = kr_str_getitem,
    .contains = str_contains_slot,
};

// ---------------------------------------------------------------------------------------------
// translate, maketrans

// Appends what 'table' maps code point 'c' to: the character itself when the lookup raises
// LookupError, nothing for None, chr() of an int, a str as is. 0, or -1 with an error.
static int translate_one(kr_strbuf *b, kr_val table, uint32_t c) {
    kr_val key = KR_FROM_SMALL((intptr_t)c), v = kr_getitem(table, key);
    if (!v) {
        if (!kr_err_matches(&kr_exc_LookupError)) {
            return -1;
        }
        kr_err_clear();
        return kr_strbuf_append_codepoint(b, c);
    }
    int r = 0;
    if (kr_int_check(v)) {
        int64_t x;
        if (kr_int_as_i64(v, &x) < 0 || x < 0 || x > 0x10FFFF) {
            kr_err_clear();
            kr_err_set(&kr_exc_ValueError, "character mapping must be in range(0x110000)");
            r = -1;
        } else {
            r = kr_strbuf_append_codepoint(b, (uint32_t)x);
        }
    } else if (kr_str_check(v)) {
        r = kr_strbuf_append_str(b, v);
    } else if (v != KR_NONE) {
        kr_err_set(&kr_exc_TypeError, "character mapping must return integer, None or str");
        r = -1;
    }
    KR_DECREF(v);
    return r;
}

static kr_val str_meth_translate(kr_val self, const kr_val *args, size_t nargs,
                                 kr_val kwnames) {
    kr_val a[1];
    UNPACK("translate", NULL, 1, 1, a);
    kr_strbuf b;
    kr_strbuf_init(&b);
    const char *d = kr_str_data(self);
    for (intptr_t i = 0; i < kr_str_nbytes(self);) {
        int k;
        uint32_t c = kr_utf8_decode(d + i, &k);
        i += k;
        if (translate_one(&b, a[0], c) < 0) {
            kr_strbuf_free(&b);
            return 0;
        }
    }
    return kr_strbuf_finish(&b);
}

// Stores ord(key) -> value in 'd' for a one-argument maketrans: keys are ints or 1-char strs.
static int maketrans_key(kr_val d, kr_val key, kr_val value) {
    if (kr_str_check(key)) {
        if (kr_str_len(key) != 1) {
            kr_err_set(&kr_exc_ValueError, "string keys in translate table must be of length 1");
            return -1;
        }
        int k;
        key = KR_FROM_SMALL((intptr_t)kr_utf8_decode(kr_str_data(key), &k));
    } else if (!kr_int_check(key)) {
        kr_err_set(&kr_exc_TypeError, "keys in translate table must be strings or integers");
        return -1;
    }
    return kr_dict_setitem(d, key, value);
}

static kr_val maketrans_dict(kr_val x) {
    if (!kr_dict_check(x)) {
        return kr_err_set(&kr_exc_TypeError,
                          "if you give only one argument to maketrans it must be a dict");
    }
    kr_val d = kr_dict_new(), key, value;
    intptr_t pos = 0;
    while (d && kr_dict_next(x, &pos, &key, &value)) {
        if (maketrans_key(d, key, value) < 0) {
            KR_CLEAR(d);
        }
    }
    return d;
}

// Maps each code point of 'from' to the one at the same index of 'to' ('d' gets the pairs).
static int maketrans_pairs(kr_val d, kr_val from, kr_val to) {
    const char *f = kr_str_data(from), *t = kr_str_data(to);
    for (intptr_t i = 0, j = 0; i < kr_str_nbytes(from);) {
        int kf, kt;
        uint32_t cf = kr_utf8_decode(f + i, &kf), ct = kr_utf8_decode(t + j, &kt);
        i += kf;
        j += kt;
        if (kr_dict_setitem(d, KR_FROM_SMALL((intptr_t)cf), KR_FROM_SMALL((intptr_t)ct)) < 0) {
            return -1;
        }
    }
    return 0;
}

// str.maketrans(x[, y[, z]]) (a static method).
static kr_val str_meth_maketrans(kr_val self, const kr_val *args, size_t nargs,
                                 kr_val kwnames) {
    (void)self;
    kr_val a[3];
    UNPACK("maketrans", NULL, 1, 3, a);
    if (!a[1]) {
        return maketrans_dict(a[0]);
    }
    for (int i = 0; i < 3; i++) {
        if (a[i] && !kr_str_check(a[i])) {
            return kr_err_set(&kr_exc_TypeError, "maketrans() argument %d must be str, not %s",
                              i + 1, kr_type_name(a[i]));
        }
    }
    if (kr_str_len(a[0]) != kr_str_len(a[1])) {
        return kr_err_set(&kr_exc_ValueError,
                          "the first two maketrans arguments must have equal length");
    }
    kr_val d = kr_dict_new();
    if (!d || maketrans_pairs(d, a[0], a[1]) < 0) {
        KR_XDECREF(d);
        return 0;
    }
    const char *z = a[2] ? kr_str_data(a[2]) : "";
    for (intptr_t i = 0; z[i];) {
        int k;
        uint32_t c = kr_utf8_decode(z + i, &k);
        i += k;
        if (kr_dict_setitem(d, KR_FROM_SMALL((intptr_t)c), KR_NONE) < 0) {
            KR_DECREF(d);
            return 0;
        }
    }
    return d;
}

static const kr_method_def str_methods[] = {
#define KR_X_(name) { #name, kr_str_meth_##name, 0 },
    KR_STR_METHODS(KR_X_)
#undef KR_X_
    { "translate", str_meth_translate, 0 },
    { "maketrans", str_meth_maketrans, KR_METH_STATIC },
    { NULL, NULL, 0 },
};

static int str_is_true(kr_val s) { return kr_str_nbytes(s) != 0; }

static const kr_number_methods str_number_full = {
    .binop = { [KR_OP_ADD] = str_add, [KR_OP_MUL] = str_mul, [KR_OP_MOD] = str_mod },
    .is_true = str_is_true,
};

kr_type kr_str_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "str",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_str_obj),
    .flags = KR_TF_ATOMIC | KR_TF_STR_SUB | KR_TF_BASETYPE,
    .free = str_free,
    .repr = kr_str_repr,
    .str = str_str,
    .hash = kr_str_hash,
    .richcompare = str_richcompare,
    .iter = kr_str_iter,
    .new = str_new,
    .number = &str_number_full,
    .mapping = &str_mapping,
    .methods = str_methods,
};
