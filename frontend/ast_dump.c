// ast_dump.c: prints an AST exactly as CPython 3.13's ast.dump(node) returns it with the default
// arguments (annotate_fields=True, include_attributes=False, indent=None, show_empty=False), and
// the repr() of constants that it needs. The walk is generic over ast_fields(): a field is printed
// as 'name=value' in _fields order unless it is None or an empty list. ast.dump's special case for
// Constant and MatchSingleton needs no code here: their 'value' is a CONST field, which is never
// None-as-absent nor a list, so it is always printed. Output accumulates in one arena buffer that
// is flushed to the FILE every 64 KiB, so dumping allocates nothing per node.
#include "frontend.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { FLUSH_AT = 64 * 1024 };

typedef struct Dumper {
    StrBuf buf;
    FILE *out;
} Dumper;

static void put(StrBuf *b, const char *s) {
    strbuf_append(b, s, strlen(s));
}

// Floats ------------------------------------------------------------------------------------------

// Splits snprintf's "D[.DDD]e[+-]XX" into its digits (NUL-terminated) and returns the exponent.
static int split_sci(const char *sci, char *digits, int *ndigits) {
    int n = 0;
    const char *p = sci;
    for (; *p != 'e'; p++) {
        if (*p != '.') {
            digits[n++] = *p;
        }
    }
    digits[n] = '\0';
    *ndigits = n;
    return atoi(p + 1);
}

static bool digits_round_trip(const char *digits, int exp, double d) {
    char tmp[48];
    snprintf(tmp, sizeof tmp, "0.%se%d", digits, exp + 1);
    return strtod(tmp, NULL) == d;
}

// Adds one unit in the last place of 'digits' (all 9s become 10...0 with one more exponent).
static int increment_digits(char *digits, int n, int exp) {
    int i = n - 1;
    while (i >= 0 && digits[i] == '9') {
        digits[i--] = '0';
    }
    if (i >= 0) {
        digits[i]++;
        return exp;
    }
    digits[0] = '1';
    return exp + 1;
}

// Shortest decimal digits (no trailing zeros) that strtod reads back as the finite, nonzero,
// positive 'd'; returns the decimal exponent of the first digit (d = D.DDD * 10^exp). Tries each
// precision in turn. At each, the correctly rounded digits are the closest candidate, but next to
// a power of two the rounding interval is lopsided, so the digit string one unit up may round-trip
// when the closest does not; David Gay's shortest mode (Python's repr) then picks it.
static int shortest_digits(double d, char *digits, int *ndigits) {
    char tmp[40];
    int exp = 0;
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, d);
        exp = split_sci(tmp, digits, ndigits);
        if (strtod(tmp, NULL) == d) {
            break;
        }
        int up = increment_digits(digits, *ndigits, exp);
        if (digits_round_trip(digits, up, d)) {
            exp = up;
            break;
        }
    }
    while (*ndigits > 1 && digits[*ndigits - 1] == '0') {
        digits[--*ndigits] = '\0';
    }
    return exp;
}

// Python's float_repr_style 'short' layout of 'digits' with decimal exponent 'exp': scientific
// when exp < -4 or exp >= 16, else positional; 'add_dot_0' appends ".0" to integral values.
static void format_digits(StrBuf *b, const char *digits, int n, int exp, bool add_dot_0) {
    if (exp < -4 || exp >= 16) {
        strbuf_putc(b, digits[0]);
        if (n > 1) {
            strbuf_putc(b, '.');
            strbuf_append(b, digits + 1, (size_t)n - 1);
        }
        strbuf_printf(b, "e%c%02d", exp < 0 ? '-' : '+', abs(exp));
        return;
    }
    int decpt = exp + 1;  // digits before the decimal point
    if (decpt <= 0) {
        put(b, "0.");
        for (int i = 0; i < -decpt; i++) {
            strbuf_putc(b, '0');
        }
        strbuf_append(b, digits, (size_t)n);
    } else if (decpt >= n) {
        strbuf_append(b, digits, (size_t)n);
        for (int i = n; i < decpt; i++) {
            strbuf_putc(b, '0');
        }
        if (add_dot_0) {
            put(b, ".0");
        }
    } else {
        strbuf_append(b, digits, (size_t)decpt);
        strbuf_putc(b, '.');
        strbuf_append(b, digits + decpt, (size_t)(n - decpt));
    }
}

// repr(float) when 'add_dot_0', else the imaginary part of repr(complex(0, d)) without its 'j'.
static void format_double(StrBuf *b, double d, bool add_dot_0) {
    if (isnan(d)) {
        put(b, "nan");
        return;
    }
    if (signbit(d)) {
        strbuf_putc(b, '-');
        d = -d;
    }
    if (isinf(d)) {
        put(b, "inf");
    } else if (d == 0) {
        put(b, add_dot_0 ? "0.0" : "0");
    } else {
        char digits[24];
        int n;
        int exp = shortest_digits(d, digits, &n);
        format_digits(b, digits, n, exp, add_dot_0);
    }
}

void ast_repr_double(StrBuf *b, double d) {
    format_double(b, d, true);
}

// Strings and bytes -------------------------------------------------------------------------------

// Python's quote choice: double quotes only when the text has a ' and no ".
static char pick_quote(const char *s, size_t len) {
    bool single = memchr(s, '\'', len) != NULL;
    bool dbl = memchr(s, '"', len) != NULL;
    return single && !dbl ? '"' : '\'';
}

// Escape for an ASCII byte, or NULL when it prints as itself; 'tmp' holds \xNN escapes.
static const char *ascii_escape(unsigned char c, char quote, char tmp[5]) {
    switch (c) {
    case '\\':
        return "\\\\";
    case '\n':
        return "\\n";
    case '\r':
        return "\\r";
    case '\t':
        return "\\t";
    default:
        break;
    }
    if (c == (unsigned char)quote) {
        return quote == '\'' ? "\\'" : "\\\"";
    }
    if (c < 0x20 || c >= 0x7f) {
        snprintf(tmp, 5, "\\x%02x", c);
        return tmp;
    }
    return NULL;
}

// Decodes one code point of 's' as uni_decode_utf8 does, also accepting the 3-byte encodings of
// lone surrogates (a str value made from "\ud800" holds one). Returns the length, 0 if invalid.
static int decode_wtf8(const char *s, size_t n, uint32_t *cp) {
    int len = uni_decode_utf8(s, n, cp);
    if (len > 0) {
        return len;
    }
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 3 && u[0] == 0xed && (u[1] & 0xe0) == 0xa0 && (u[2] & 0xc0) == 0x80) {
        *cp = 0xd000u | ((uint32_t)(u[1] & 0x3f) << 6) | (u[2] & 0x3f);
        return 3;
    }
    return 0;
}

// Appends one non-ASCII code point (bytes 's', 'len' long) as repr(str) shows it.
static void repr_non_ascii(StrBuf *b, const char *s, int len, uint32_t cp) {
    if (uni_is_printable(cp)) {
        strbuf_append(b, s, (size_t)len);
    } else if (cp <= 0xff) {
        strbuf_printf(b, "\\x%02x", cp);
    } else if (cp <= 0xffff) {
        strbuf_printf(b, "\\u%04x", cp);
    } else {
        strbuf_printf(b, "\\U%08x", cp);
    }
}

// repr() of the str whose UTF-8 (WTF-8 for lone surrogates) is 's'. Runs of plain ASCII are
// copied in one append.
static void repr_str(StrBuf *b, const char *s, size_t len) {
    char quote = pick_quote(s, len);
    char tmp[5];
    strbuf_putc(b, quote);
    size_t i = 0, run = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = c < 0x80 ? ascii_escape(c, quote, tmp) : NULL;
        if (c < 0x80 && !esc) {
            i++;
            continue;
        }
        strbuf_append(b, s + run, i - run);
        if (esc) {
            put(b, esc);
            i++;
        } else {
            uint32_t cp;
            int n = decode_wtf8(s + i, len - i, &cp);
            if (n == 0) {  // not produced by the front end; show the byte rather than crash
                strbuf_printf(b, "\\x%02x", c);
                n = 1;
            } else {
                repr_non_ascii(b, s + i, n, cp);
            }
            i += (size_t)n;
        }
        run = i;
    }
    strbuf_append(b, s + run, len - run);
    strbuf_putc(b, quote);
}

// repr() of a bytes value: b'...' with \xNN for every byte outside printable ASCII.
static void repr_bytes(StrBuf *b, const char *s, size_t len) {
    char quote = pick_quote(s, len);
    char tmp[5];
    strbuf_putc(b, 'b');
    strbuf_putc(b, quote);
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        const char *esc = ascii_escape((unsigned char)s[i], quote, tmp);
        if (esc) {
            strbuf_append(b, s + run, i - run);
            put(b, esc);
            run = i + 1;
        }
    }
    strbuf_append(b, s + run, len - run);
    strbuf_putc(b, quote);
}

void ast_repr_const(StrBuf *b, const AstConst *c) {
    switch (c->kind) {
    case CONST_NONE:
        put(b, "None");
        break;
    case CONST_TRUE:
        put(b, "True");
        break;
    case CONST_FALSE:
        put(b, "False");
        break;
    case CONST_ELLIPSIS:
        put(b, "Ellipsis");
        break;
    case CONST_INT:
        if (c->u.i.digits) {
            put(b, c->u.i.digits);
        } else {
            strbuf_printf(b, "%lld", (long long)c->u.i.small);
        }
        break;
    case CONST_FLOAT:
        format_double(b, c->u.f, true);
        break;
    case CONST_COMPLEX:
        format_double(b, c->u.f, false);
        strbuf_putc(b, 'j');
        break;
    case CONST_STR:
        repr_str(b, c->u.s.data, c->u.s.len);
        break;
    case CONST_BYTES:
        repr_bytes(b, c->u.s.data, c->u.s.len);
        break;
    }
}

// Nodes -------------------------------------------------------------------------------------------

static void flush_if_full(Dumper *d) {
    if (d->buf.len >= FLUSH_AT) {
        fwrite(d->buf.data, 1, d->buf.len, d->out);
        d->buf.len = 0;
    }
}

static void dump_ident(Dumper *d, Name name) {
    if (name) {
        repr_str(&d->buf, name, strlen(name));
    } else {
        put(&d->buf, "None");
    }
}

static void dump_node(Dumper *d, const AstNode *n);

static void dump_node_list(Dumper *d, const AstList *list) {
    strbuf_putc(&d->buf, '[');
    for (int i = 0; i < list->count; i++) {
        if (i > 0) {
            put(&d->buf, ", ");
        }
        dump_node(d, list->items[i]);  // NULL (a Dict's '**' key) prints None
    }
    strbuf_putc(&d->buf, ']');
}

static void dump_ident_list(Dumper *d, const NameList *list) {
    strbuf_putc(&d->buf, '[');
    for (int i = 0; i < list->count; i++) {
        if (i > 0) {
            put(&d->buf, ", ");
        }
        dump_ident(d, list->items[i]);
    }
    strbuf_putc(&d->buf, ']');
}

static void dump_op(Dumper *d, AstOp op) {
    put(&d->buf, ast_op_name(op));
    put(&d->buf, "()");
}

static void dump_op_list(Dumper *d, const AstOpList *list) {
    strbuf_putc(&d->buf, '[');
    for (int i = 0; i < list->count; i++) {
        if (i > 0) {
            put(&d->buf, ", ");
        }
        dump_op(d, list->items[i]);
    }
    strbuf_putc(&d->buf, ']');
}

// Whether ast.dump leaves the field out: its value is None or [].
static bool field_is_empty(const AstField *f, const void *p) {
    switch (f->kind) {
    case FK_NODE:
    case FK_NODE_OPT:
        return *(AstNode *const *)p == NULL;
    case FK_IDENT:
    case FK_IDENT_OPT:
        return *(const Name *)p == NULL;
    case FK_STR_OPT:
        return *(const char *const *)p == NULL;
    case FK_LIST:
        return ((const AstList *)p)->count == 0;
    case FK_IDENT_LIST:
        return ((const NameList *)p)->count == 0;
    case FK_OP_LIST:
        return ((const AstOpList *)p)->count == 0;
    case FK_INT:
    case FK_CONST:
    case FK_OP:
        return false;
    }
    return false;
}

// 'p' points at the field's storage inside the node.
static void dump_field_value(Dumper *d, const AstField *f, const void *p) {
    switch (f->kind) {
    case FK_NODE:
    case FK_NODE_OPT:
        dump_node(d, *(AstNode *const *)p);
        break;
    case FK_IDENT:
    case FK_IDENT_OPT:
        dump_ident(d, *(const Name *)p);
        break;
    case FK_STR_OPT:
        dump_ident(d, *(const char *const *)p);
        break;
    case FK_LIST:
        dump_node_list(d, p);
        break;
    case FK_IDENT_LIST:
        dump_ident_list(d, p);
        break;
    case FK_INT:
        strbuf_printf(&d->buf, "%d", *(const int *)p);
        break;
    case FK_CONST:
        ast_repr_const(&d->buf, p);
        break;
    case FK_OP:
        dump_op(d, *(const AstOp *)p);
        break;
    case FK_OP_LIST:
        dump_op_list(d, p);
        break;
    }
}

static void dump_node(Dumper *d, const AstNode *n) {
    if (!n) {
        put(&d->buf, "None");
        return;
    }
    int count;
    const AstField *fields = ast_fields(n->kind, &count);
    put(&d->buf, ast_kind_name(n->kind));
    strbuf_putc(&d->buf, '(');
    bool first = true;
    for (int i = 0; i < count; i++) {
        const void *p = (const char *)n + fields[i].offset;
        if (field_is_empty(&fields[i], p)) {
            continue;
        }
        if (!first) {
            put(&d->buf, ", ");
        }
        first = false;
        put(&d->buf, fields[i].name);
        strbuf_putc(&d->buf, '=');
        dump_field_value(d, &fields[i], p);
    }
    strbuf_putc(&d->buf, ')');
    flush_if_full(d);
}

void ast_dump(const AstNode *node, FILE *out) {
    Arena arena;
    arena_init(&arena);
    Dumper d = {.out = out};
    strbuf_init(&d.buf, &arena);
    dump_node(&d, node);
    fwrite(d.buf.data, 1, d.buf.len, out);
    arena_free(&arena);
}
