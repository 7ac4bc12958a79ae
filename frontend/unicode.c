// unicode.c: the Unicode knowledge of the front end — identifier and printable classes, NFKC
// normalization of identifiers, \N{...} name lookup, and UTF-8 decoding with CPython's error
// messages. All data comes from unicode_data.inc, generated from CPython 3.13's unicodedata by
// scripts/gen_unicode.py, so every answer is the one CPython 3.13 gives.
#include "frontend.h"

#include <stdlib.h>
#include <string.h>

#include "unicode_data.inc"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

// Hangul syllables are composed and named algorithmically (Unicode ch. 3.12).
enum {
    HANGUL_SBASE = 0xAC00,
    HANGUL_LBASE = 0x1100,
    HANGUL_VBASE = 0x1161,
    HANGUL_TBASE = 0x11A7,
    HANGUL_LCOUNT = 19,
    HANGUL_VCOUNT = 21,
    HANGUL_TCOUNT = 28,
    HANGUL_NCOUNT = HANGUL_VCOUNT * HANGUL_TCOUNT,
    HANGUL_SCOUNT = HANGUL_LCOUNT * HANGUL_NCOUNT,
};

static bool in_ranges(const uint32_t (*r)[2], size_t n, uint32_t cp) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < r[mid][0]) {
            hi = mid;
        } else if (cp > r[mid][1]) {
            lo = mid + 1;
        } else {
            return true;
        }
    }
    return false;
}

static bool is_ascii_alpha(uint32_t cp) {
    return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
}

bool uni_is_xid_start(uint32_t cp) {
    if (cp < 0x80) {
        return is_ascii_alpha(cp) || cp == '_';
    }
    return in_ranges(xid_start_ranges, COUNT(xid_start_ranges), cp);
}

bool uni_is_xid_continue(uint32_t cp) {
    if (cp < 0x80) {
        return is_ascii_alpha(cp) || cp == '_' || (cp >= '0' && cp <= '9');
    }
    return in_ranges(xid_continue_ranges, COUNT(xid_continue_ranges), cp);
}

bool uni_is_printable(uint32_t cp) {
    if (cp < 0x80) {
        return cp >= 0x20 && cp < 0x7F;
    }
    return in_ranges(printable_ranges, COUNT(printable_ranges), cp);
}

// UTF-8 --------------------------------------------------------------------------------------

int uni_encode_utf8(uint32_t cp, char out[4]) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static bool is_cont(unsigned char b) {
    return (b & 0xC0) == 0x80;
}

// The outcome of decoding one sequence, as CPython's utf8_decode classifies it.
typedef enum Utf8Status {
    UTF8_OK,
    UTF8_END_OF_DATA,     // truncated by the end of the input
    UTF8_INVALID_START,   // the first byte can start no sequence
    UTF8_INVALID_CONT_1,  // the byte after the first is wrong
    UTF8_INVALID_CONT_2,
    UTF8_INVALID_CONT_3,
} Utf8Status;

// Decodes the sequence at 's' ('n' > 0 bytes available). On success '*len' and '*cp' are set.
static Utf8Status utf8_step(const unsigned char *s, size_t n, int *len, uint32_t *cp) {
    unsigned char b = s[0];
    if (b < 0x80) {
        *len = 1;
        *cp = b;
        return UTF8_OK;
    }
    if (b < 0xC2) {
        return UTF8_INVALID_START;
    }
    if (b < 0xE0) {
        if (n < 2) {
            return UTF8_END_OF_DATA;
        }
        if (!is_cont(s[1])) {
            return UTF8_INVALID_CONT_1;
        }
        *len = 2;
        *cp = ((uint32_t)(b & 0x1F) << 6) | (s[1] & 0x3F);
        return UTF8_OK;
    }
    if (b < 0xF0) {
        // E0 must be followed by A0..BF (no overlong forms), ED by 80..9F (no surrogates).
        bool bad1 = n >= 2 && (!is_cont(s[1]) || (b == 0xE0 && s[1] < 0xA0) ||
                               (b == 0xED && s[1] >= 0xA0));
        if (bad1) {
            return UTF8_INVALID_CONT_1;
        }
        if (n < 3) {
            return UTF8_END_OF_DATA;
        }
        if (!is_cont(s[2])) {
            return UTF8_INVALID_CONT_2;
        }
        *len = 3;
        *cp = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return UTF8_OK;
    }
    if (b < 0xF5) {
        // F0 must be followed by 90..BF (no overlong forms), F4 by 80..8F (nothing past U+10FFFF).
        bool bad1 = n >= 2 && (!is_cont(s[1]) || (b == 0xF0 && s[1] < 0x90) ||
                               (b == 0xF4 && s[1] >= 0x90));
        if (bad1) {
            return UTF8_INVALID_CONT_1;
        }
        if (n >= 3 && !is_cont(s[2])) {
            return UTF8_INVALID_CONT_2;
        }
        if (n < 4) {
            return UTF8_END_OF_DATA;
        }
        if (!is_cont(s[3])) {
            return UTF8_INVALID_CONT_3;
        }
        *len = 4;
        *cp = ((uint32_t)(b & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
              ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        return UTF8_OK;
    }
    return UTF8_INVALID_START;
}

int uni_decode_utf8(const char *s, size_t n, uint32_t *cp) {
    int len = 0;
    if (n == 0 || utf8_step((const unsigned char *)s, n, &len, cp) != UTF8_OK) {
        return 0;
    }
    return len;
}

int uni_utf8_skip(const char *s, size_t n) {
    int len = 1;
    uint32_t cp;
    switch (utf8_step((const unsigned char *)s, n, &len, &cp)) {
    case UTF8_OK:
        return len;
    case UTF8_END_OF_DATA:
        return (int)n;
    case UTF8_INVALID_START:
        return 1;
    case UTF8_INVALID_CONT_1:
        return 1;
    case UTF8_INVALID_CONT_2:
        return 2;
    default:
        return 3;
    }
}

const char *uni_utf8_error(Arena *a, const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        int len;
        uint32_t cp;
        Utf8Status st = utf8_step(p, (size_t)(end - p), &len, &cp);
        if (st == UTF8_OK) {
            p += len;
            continue;
        }
        size_t start = (size_t)(p - (const unsigned char *)s), stop;
        const char *reason;
        switch (st) {
        case UTF8_END_OF_DATA:
            reason = "unexpected end of data";
            stop = n;
            break;
        case UTF8_INVALID_START:
            reason = "invalid start byte";
            stop = start + 1;
            break;
        default:
            reason = "invalid continuation byte";
            stop = start + (size_t)(st - UTF8_INVALID_CONT_1) + 1;
            break;
        }
        if (stop - start == 1) {
            return arena_printf(a, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                                *p, start, reason);
        }
        return arena_printf(a, "'utf-8' codec can't decode bytes in position %zu-%zu: %s",
                            start, stop - 1, reason);
    }
    return NULL;
}

// NFKC ---------------------------------------------------------------------------------------

static int combining_class(uint32_t cp) {
    if (cp < 0x300) {
        return 0;
    }
    size_t lo = 0, hi = COUNT(ccc_ranges);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < ccc_ranges[mid].lo) {
            hi = mid;
        } else if (cp > ccc_ranges[mid].hi) {
            lo = mid + 1;
        } else {
            return ccc_ranges[mid].ccc;
        }
    }
    return 0;
}

static const struct Decomp *find_decomp(uint32_t cp) {
    size_t lo = 0, hi = COUNT(decomp_index);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < decomp_index[mid].cp) {
            hi = mid;
        } else if (cp > decomp_index[mid].cp) {
            lo = mid + 1;
        } else {
            return &decomp_index[mid];
        }
    }
    return NULL;
}

// A growable array of code points (malloc'ed: NFKC runs on short identifiers, and its scratch
// space need not outlive the call).
typedef struct CpBuf {
    uint32_t *v;
    size_t n, cap;
} CpBuf;

static void cp_push(CpBuf *b, uint32_t cp) {
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 64;
        b->v = realloc(b->v, b->cap * sizeof(uint32_t));
        if (!b->v) {
            fputs("krait: out of memory\n", stderr);
            exit(3);
        }
    }
    b->v[b->n++] = cp;
}

static void decompose(CpBuf *b, uint32_t cp) {
    if (cp >= HANGUL_SBASE && cp < HANGUL_SBASE + HANGUL_SCOUNT) {
        uint32_t s = cp - HANGUL_SBASE;
        cp_push(b, HANGUL_LBASE + s / HANGUL_NCOUNT);
        cp_push(b, HANGUL_VBASE + (s % HANGUL_NCOUNT) / HANGUL_TCOUNT);
        if (s % HANGUL_TCOUNT) {
            cp_push(b, HANGUL_TBASE + s % HANGUL_TCOUNT);
        }
        return;
    }
    const struct Decomp *d = cp < 0xA0 ? NULL : find_decomp(cp);
    if (!d) {
        cp_push(b, cp);
        return;
    }
    for (int i = 0; i < d->len; i++) {
        cp_push(b, decomp_pool[d->off + i]);
    }
}

// Canonical ordering: a stable sort of every run of non-starters by combining class.
static void canonical_order(uint32_t *v, size_t n) {
    for (size_t i = 1; i < n; i++) {
        uint32_t c = v[i];
        int cc = combining_class(c);
        if (cc == 0) {
            continue;
        }
        size_t j = i;
        while (j > 0 && combining_class(v[j - 1]) > cc) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = c;
    }
}

static bool compose_pair(uint32_t a, uint32_t b, uint32_t *out) {
    if (a >= HANGUL_LBASE && a < HANGUL_LBASE + HANGUL_LCOUNT && b >= HANGUL_VBASE &&
        b < HANGUL_VBASE + HANGUL_VCOUNT) {
        *out = HANGUL_SBASE + ((a - HANGUL_LBASE) * HANGUL_VCOUNT + (b - HANGUL_VBASE)) *
                                  HANGUL_TCOUNT;
        return true;
    }
    if (a >= HANGUL_SBASE && a < HANGUL_SBASE + HANGUL_SCOUNT &&
        (a - HANGUL_SBASE) % HANGUL_TCOUNT == 0 && b > HANGUL_TBASE &&
        b < HANGUL_TBASE + HANGUL_TCOUNT) {
        *out = a + (b - HANGUL_TBASE);
        return true;
    }
    size_t lo = 0, hi = COUNT(comp_pairs);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const struct CompPair *p = &comp_pairs[mid];
        if (a < p->first || (a == p->first && b < p->second)) {
            hi = mid;
        } else if (a > p->first || b > p->second) {
            lo = mid + 1;
        } else {
            *out = p->composite;
            return true;
        }
    }
    return false;
}

// Canonical composition in place; returns the new length. A character composes with the last
// starter unless a character between them has class 0 or a class not below its own.
static size_t compose(uint32_t *v, size_t n) {
    size_t out = 0, starter = SIZE_MAX;
    int last_cc = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = v[i], comp;
        int cc = combining_class(c);
        if (starter != SIZE_MAX) {
            bool unblocked = out - 1 == starter || (last_cc != 0 && last_cc < cc);
            if (unblocked && compose_pair(v[starter], c, &comp)) {
                v[starter] = comp;
                continue;
            }
        }
        if (cc == 0) {
            starter = out;
        }
        last_cc = cc;
        v[out++] = c;
    }
    return out;
}

const char *uni_nfkc(Arena *a, const char *s, size_t len, size_t *out_len) {
    CpBuf b = {0};
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        int n = uni_decode_utf8(s + i, len - i, &cp);
        if (n == 0) {  // not UTF-8: the caller validated it; keep the byte as it is
            cp = (unsigned char)s[i];
            n = 1;
        }
        decompose(&b, cp);
        i += (size_t)n;
    }
    canonical_order(b.v, b.n);
    b.n = compose(b.v, b.n);
    char *out = arena_alloc(a, b.n * 4 + 1);
    size_t o = 0;
    for (size_t k = 0; k < b.n; k++) {
        o += (size_t)uni_encode_utf8(b.v[k], out + o);
    }
    out[o] = '\0';
    free(b.v);
    *out_len = o;
    return out;
}

// Names --------------------------------------------------------------------------------------

// Short names of the Hangul jamo, by index, for "HANGUL SYLLABLE <L><V><T>".
static const char *const jamo_l[HANGUL_LCOUNT] = {"G", "GG", "N", "D",  "DD", "R", "M",
                                                  "B", "BB", "S", "SS", "",   "J", "JJ",
                                                  "C", "K",  "T", "P",  "H"};
static const char *const jamo_v[HANGUL_VCOUNT] = {"A",  "AE", "YA", "YAE", "EO", "E",  "YEO",
                                                  "YE", "O",  "WA", "WAE", "OE", "YO", "U",
                                                  "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
static const char *const jamo_t[HANGUL_TCOUNT] = {"",  "G",  "GG", "GS", "N",  "NJ", "NH",
                                                  "D", "L",  "LG", "LM", "LB", "LS", "LT",
                                                  "LP", "LH", "M", "B",  "BS", "S",  "SS",
                                                  "NG", "J", "C",  "K",  "T",  "P",  "H"};

// The longest jamo name that 's' starts with (the first of equal length); its index or -1.
static int match_jamo(const char *s, size_t n, const char *const *names, int count, size_t *len) {
    int best = -1;
    size_t best_len = 0;
    for (int i = 0; i < count; i++) {
        size_t l = strlen(names[i]);
        if ((best < 0 || l > best_len) && l <= n && memcmp(s, names[i], l) == 0) {
            best = i;
            best_len = l;
        }
    }
    *len = best_len;
    return best;
}

static int32_t hangul_syllable(const char *s, size_t n) {
    size_t l1, l2, l3;
    int l = match_jamo(s, n, jamo_l, HANGUL_LCOUNT, &l1);
    int v = match_jamo(s + l1, n - l1, jamo_v, HANGUL_VCOUNT, &l2);
    int t = match_jamo(s + l1 + l2, n - l1 - l2, jamo_t, HANGUL_TCOUNT, &l3);
    if (l < 0 || v < 0 || t < 0 || l1 + l2 + l3 != n) {
        return -1;
    }
    return HANGUL_SBASE + (l * HANGUL_VCOUNT + v) * HANGUL_TCOUNT + t;
}

// Four or five upper-case hex digits naming a unified ideograph.
static int32_t cjk_ideograph(const char *s, size_t n) {
    if (n != 4 && n != 5) {
        return -1;
    }
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            v = v * 16 + (uint32_t)(c - '0');
        } else if (c >= 'A' && c <= 'F') {
            v = v * 16 + (uint32_t)(c - 'A' + 10);
        } else {
            return -1;
        }
    }
    return in_ranges(cjk_unified_ranges, COUNT(cjk_unified_ranges), v) ? (int32_t)v : -1;
}

int32_t uni_lookup_name(const char *name, size_t len) {
    // As CPython: the two algorithmic prefixes are matched case-sensitively, and a name that
    // starts with one is never looked up in the table.
    static const char hangul[] = "HANGUL SYLLABLE ", cjk[] = "CJK UNIFIED IDEOGRAPH-";
    if (len >= sizeof(hangul) - 1 && memcmp(name, hangul, sizeof(hangul) - 1) == 0) {
        return hangul_syllable(name + sizeof(hangul) - 1, len - (sizeof(hangul) - 1));
    }
    if (len >= sizeof(cjk) - 1 && memcmp(name, cjk, sizeof(cjk) - 1) == 0) {
        return cjk_ideograph(name + sizeof(cjk) - 1, len - (sizeof(cjk) - 1));
    }
    if (len == 0 || len > UNI_NAME_MAX) {
        return -1;
    }
    char key[UNI_NAME_MAX + 1];
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        if (c == '\0') {
            return -1;
        }
        key[i] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
    }
    key[len] = '\0';
    size_t lo = 0, hi = UNI_NAME_COUNT;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int cmp = strcmp(key, name_blob + name_entries[mid].off);
        if (cmp < 0) {
            hi = mid;
        } else if (cmp > 0) {
            lo = mid + 1;
        } else {
            return (int32_t)name_entries[mid].cp;
        }
    }
    return -1;
}
