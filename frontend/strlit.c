// strlit.c: the values of NUMBER, STRING and FSTRING_MIDDLE tokens, computed as CPython 3.13's
// parser computes them, with its error messages (the SyntaxError.msg it raises at the token).
//
// Numbers: integers of any size (GMP turns big hex, octal and binary literals into decimal
// digits), floats correctly rounded by strtod, imaginary literals. Decimal integers of more than
// 4300 digits are rejected, as CPython's int_max_str_digits default makes them.
//
// Strings: a non-raw str literal with a backslash is decoded as CPython does it: non-ASCII text
// first becomes \UXXXXXXXX escapes (a backslash before it \u005c), then the "unicodeescape" codec
// runs, so the positions in its error messages count in that rewritten text, as CPython's do.
// Lone surrogates (from escapes such as \ud800) are kept in the 3-byte UTF-8 form.
#include "frontend.h"

#include <gmp.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_STR_DIGITS = 4300 };

// Numbers ------------------------------------------------------------------------------------

// The token's text without underscores and without an imaginary suffix (then '*imaginary').
static char *number_text(Arena *a, const Token *tok, bool *imaginary) {
    char *buf = arena_alloc(a, tok->len + 1);
    size_t n = 0;
    for (uint32_t i = 0; i < tok->len; i++) {
        if (tok->text[i] != '_') {
            buf[n++] = tok->text[i];
        }
    }
    *imaginary = n > 0 && (buf[n - 1] == 'j' || buf[n - 1] == 'J');
    if (*imaginary) {
        n--;
    }
    buf[n] = '\0';
    return buf;
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return 99;
}

// Sets 'out' to the integer written with 'digits' in 'base'.
static bool int_value(Arena *a, const char *digits, int base, AstConst *out, const char **err) {
    out->kind = CONST_INT;
    out->u.i.small = 0;
    out->u.i.digits = NULL;
    uint64_t v = 0;
    const char *p = digits;
    for (; *p; p++) {
        uint64_t d = (uint64_t)digit_value(*p);
        if (v > (UINT64_MAX - d) / (uint64_t)base) {
            break;
        }
        v = v * (uint64_t)base + d;
    }
    if (!*p && v <= INT64_MAX) {
        out->u.i.small = (int64_t)v;
        return true;
    }
    if (base == 10) {
        size_t n = strlen(digits);
        if (n > MAX_STR_DIGITS) {
            *err = arena_printf(a,
                                "Exceeds the limit (%d digits) for integer string conversion: "
                                "value has %zu digits; use sys.set_int_max_str_digits() to "
                                "increase the limit - Consider hexadecimal for huge integer "
                                "literals to avoid decimal conversion limits.",
                                MAX_STR_DIGITS, n);
            return false;
        }
        out->u.i.digits = digits;
        return true;
    }
    mpz_t z;
    mpz_init_set_str(z, digits, base);
    char *dec = arena_alloc(a, mpz_sizeinbase(z, 10) + 2);
    mpz_get_str(dec, 10, z);
    mpz_clear(z);
    out->u.i.digits = dec;
    return true;
}

bool lex_number_value(Arena *a, const Token *tok, AstConst *out, const char **err) {
    bool imaginary;
    char *s = number_text(a, tok, &imaginary);
    *err = NULL;
    if (imaginary) {
        out->kind = CONST_COMPLEX;
        out->u.f = strtod(s, NULL);
        return true;
    }
    if (s[0] == '0' && s[1] != '\0' && strchr("xXoObB", s[1])) {
        int base = (s[1] | 0x20) == 'x' ? 16 : (s[1] | 0x20) == 'o' ? 8 : 2;
        return int_value(a, s + 2, base, out, err);
    }
    if (strpbrk(s, ".eE")) {
        out->kind = CONST_FLOAT;
        out->u.f = strtod(s, NULL);
        return true;
    }
    while (s[0] == '0' && s[1] != '\0') {
        s++;  // "000" is zero; any other leading zero the tokenizer rejected
    }
    return int_value(a, s, 10, out, err);
}

// Strings ------------------------------------------------------------------------------------

typedef struct Body {
    const char *s;
    size_t len;
} Body;

// Splits a STRING token into its prefix flags and the text between the quotes.
static Body string_body(const Token *tok, StrLit *out) {
    const char *t = tok->text;
    size_t i = 0;
    out->is_bytes = out->is_raw = out->is_u = false;
    for (; i < tok->len && t[i] != '\'' && t[i] != '"'; i++) {
        char c = (char)(t[i] | 0x20);
        out->is_bytes |= c == 'b';
        out->is_raw |= c == 'r';
        out->is_u |= c == 'u';
    }
    size_t rest = tok->len - i;
    size_t q = (rest >= 6 && t[i + 1] == t[i] && t[i + 2] == t[i]) ? 3 : 1;
    return (Body){t + i + q, rest - 2 * q};
}

static void set_result(StrLit *out, StrBuf *b) {
    out->data = strbuf_cstr(b);
    out->len = b->len;
}

// A str literal without escapes to process: its text must be UTF-8.
static bool plain_str(Arena *a, Body body, StrLit *out, const char **err) {
    const char *msg = uni_utf8_error(a, body.s, body.len);
    if (msg) {
        *err = arena_printf(a, "(unicode error) %s", msg);
        return false;
    }
    out->data = arena_strndup(a, body.s, body.len);
    out->len = body.len;
    return true;
}

static void put_cp(StrBuf *b, uint32_t cp) {
    char u[4];
    strbuf_append(b, u, (size_t)uni_encode_utf8(cp, u));
}

// CPython's first step: only ASCII is left, non-ASCII characters become \UXXXXXXXX escapes and a
// backslash before one becomes \u005c (so that it stays a backslash).
static bool escape_non_ascii(Arena *a, Body body, StrBuf *out, const char **err) {
    const char *s = body.s, *end = body.s + body.len;
    while (s < end) {
        if (*s == '\\') {
            strbuf_putc(out, *s++);
            if (s >= end || (*s & 0x80)) {
                strbuf_append(out, "u005c", 5);
                if (s >= end) {
                    break;
                }
            }
        }
        if (!(*s & 0x80)) {
            strbuf_putc(out, *s++);
            continue;
        }
        const char *run = s;
        while (s < end && (*s & 0x80)) {
            s++;
        }
        const char *msg = uni_utf8_error(a, run, (size_t)(s - run));
        if (msg) {
            *err = arena_printf(a, "(unicode error) %s", msg);
            return false;
        }
        for (const char *p = run; p < s;) {
            uint32_t cp;
            p += uni_decode_utf8(p, (size_t)(s - p), &cp);
            strbuf_printf(out, "\\U%08x", cp);
        }
    }
    return true;
}

// The "unicodeescape" codec's error for the escape at 'start' ending before 'stop'.
static const char *escape_error(Arena *a, const char *base, const char *start, const char *stop,
                                const char *reason) {
    size_t from = (size_t)(start - base), to = (size_t)(stop - base);
    if (to - from == 1) {
        return arena_printf(a,
                            "(unicode error) 'unicodeescape' codec can't decode byte 0x%02x in "
                            "position %zu: %s",
                            (unsigned char)*start, from, reason);
    }
    return arena_printf(a,
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                        "%zu-%zu: %s",
                        from, to - 1, reason);
}

static int simple_escape(char c) {
    switch (c) {
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    default: return -1;
    }
}

// Up to two more octal digits after 'first'; advances '*s'.
static uint32_t octal_escape(char first, const char **s, const char *end) {
    uint32_t v = (uint32_t)(first - '0');
    for (int i = 0; i < 2 && *s < end && **s >= '0' && **s <= '7'; i++) {
        v = v * 8 + (uint32_t)(*(*s)++ - '0');
    }
    return v;
}

// \xXX, \uXXXX, \UXXXXXXXX: 'count' hex digits at '*s'. Returns the reason of a failure or NULL.
static const char *hex_escape(const char **s, const char *end, int count, uint32_t *cp) {
    static const char *const truncated[] = {"truncated \\xXX escape", "truncated \\uXXXX escape",
                                            "truncated \\UXXXXXXXX escape"};
    const char *reason = truncated[count == 2 ? 0 : count == 4 ? 1 : 2];
    uint32_t v = 0;
    for (; count; count--, (*s)++) {
        if (*s >= end || digit_value(**s) > 15) {
            return reason;
        }
        v = v * 16 + (uint32_t)digit_value(**s);
    }
    if (v > 0x10FFFF) {
        return "illegal Unicode character";
    }
    *cp = v;
    return NULL;
}

// \N{name}: '*s' is after the N.
static const char *named_escape(const char **s, const char *end, uint32_t *cp) {
    if (*s >= end || **s != '{') {
        return "malformed \\N character escape";
    }
    const char *name = ++*s;
    while (*s < end && **s != '}') {
        (*s)++;
    }
    if (*s >= end || *s == name) {
        return "malformed \\N character escape";
    }
    int32_t v = uni_lookup_name(name, (size_t)(*s - name));
    (*s)++;
    if (v < 0) {
        return "unknown Unicode character name";
    }
    *cp = (uint32_t)v;
    return NULL;
}

// The escapes of the ASCII text 's' (after escape_non_ascii), into 'out' as UTF-8.
static bool unicode_escape(Arena *a, const char *s, size_t len, StrBuf *out, const char **err) {
    const char *base = s, *end = s + len;
    while (s < end) {
        if (*s != '\\') {
            strbuf_putc(out, *s++);
            continue;
        }
        const char *start = s++;
        char c = *s++;  // a backslash is never last: escape_non_ascii or the tokenizer saw to it
        int simple = simple_escape(c);
        uint32_t cp = 0;
        const char *reason = NULL;
        if (c == '\n') {
            continue;
        }
        if (simple >= 0) {
            cp = (uint32_t)simple;
        } else if (c >= '0' && c <= '7') {
            cp = octal_escape(c, &s, end);
        } else if (c == 'x' || c == 'u' || c == 'U') {
            reason = hex_escape(&s, end, c == 'x' ? 2 : c == 'u' ? 4 : 8, &cp);
        } else if (c == 'N') {
            reason = named_escape(&s, end, &cp);
        } else {
            strbuf_putc(out, '\\');  // not an escape: kept as written (CPython only warns)
            s--;
            continue;
        }
        if (reason) {
            *err = escape_error(a, base, start, s, reason);
            return false;
        }
        put_cp(out, cp);
    }
    return true;
}

static bool escaped_str(Arena *a, Body body, StrLit *out, const char **err) {
    StrBuf ascii, val;
    strbuf_init(&ascii, a);
    strbuf_init(&val, a);
    if (!escape_non_ascii(a, body, &ascii, err) ||
        !unicode_escape(a, ascii.data ? ascii.data : "", ascii.len, &val, err)) {
        return false;
    }
    set_result(out, &val);
    return true;
}

// A str body, raw or not.
static bool str_value(Arena *a, Body body, bool raw, StrLit *out, const char **err) {
    if (raw || !memchr(body.s, '\\', body.len)) {
        return plain_str(a, body, out, err);
    }
    return escaped_str(a, body, out, err);
}

// The escapes of a bytes literal, as CPython's _PyBytes_DecodeEscape.
static bool bytes_escapes(Arena *a, Body body, StrBuf *out, const char **err) {
    const char *s = body.s, *end = body.s + body.len;
    while (s < end) {
        if (*s != '\\') {
            strbuf_putc(out, *s++);
            continue;
        }
        const char *start = s++;
        char c = *s++;
        int simple = simple_escape(c);
        if (c == '\n') {
            continue;
        }
        if (simple >= 0) {
            strbuf_putc(out, (char)simple);
        } else if (c >= '0' && c <= '7') {
            strbuf_putc(out, (char)(octal_escape(c, &s, end) & 0xFF));
        } else if (c == 'x') {
            if (s + 1 >= end || digit_value(s[0]) > 15 || digit_value(s[1]) > 15) {
                *err = arena_printf(a, "(value error) invalid \\x escape at position %zu",
                                    (size_t)(start - body.s));
                return false;
            }
            strbuf_putc(out, (char)(digit_value(s[0]) * 16 + digit_value(s[1])));
            s += 2;
        } else {
            strbuf_putc(out, '\\');  // not an escape: kept as written
            s--;
        }
    }
    return true;
}

static bool bytes_value(Arena *a, Body body, bool raw, StrLit *out, const char **err) {
    for (size_t i = 0; i < body.len; i++) {
        if ((unsigned char)body.s[i] >= 0x80) {
            *err = "bytes can only contain ASCII literal characters";
            return false;
        }
    }
    StrBuf b;
    strbuf_init(&b, a);
    if (raw) {
        strbuf_append(&b, body.s, body.len);
    } else if (!bytes_escapes(a, body, &b, err)) {
        return false;
    }
    set_result(out, &b);
    return true;
}

bool lex_string_value(Arena *a, const Token *tok, StrLit *out, const char **err) {
    *err = NULL;
    Body body = string_body(tok, out);
    if (out->is_bytes) {
        return bytes_value(a, body, out->is_raw, out, err);
    }
    return str_value(a, body, out->is_raw, out, err);
}

bool lex_fstring_middle_value(Arena *a, const Token *tok, bool raw, StrLit *out, const char **err) {
    out->is_bytes = out->is_u = false;
    out->is_raw = raw;
    // CPython makes a str of the token's text before decoding escapes; invalid UTF-8 fails there,
    // with a UnicodeDecodeError rather than a SyntaxError.
    *err = uni_utf8_error(a, tok->text, tok->len);
    if (*err) {
        return false;
    }
    return str_value(a, (Body){tok->text, tok->len}, raw, out, err);
}
