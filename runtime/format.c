// format.c: string formatting — format() and the format-spec mini-language, str.format and
// str.format_map, printf-style `%` formatting of str and bytes, and the float digit layout
// they share with each other.
//
// Input: a value and a spec (or a template and arguments); output: a new str (bytes for
// bytes % args). Everything follows CPython 3.13's Objects/stringlib/unicode_format.h,
// Python/formatter_unicode.c and unicodeobject.c's printf formatting, including their error
// messages. Float digits come from glibc's correctly rounded printf ('e' and 'f' modes) and
// float.c's shortest repr ('r' mode), laid out by CPython's format_float_short rules.
#include "krait.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// ---------------------------------------------------------------------------------------------
// Float digits

// Decimal digits of |d| without leading or trailing zeros ("0" for zero) and the position of
// the decimal point relative to them, as _Py_dg_dtoa returns them. Mode 'r': shortest
// round-trip; 'e': 'prec' significant digits; 'f': 'prec' digits after the point.
typedef struct float_digits {
    char *digits;  // kr_alloc_atomic memory
    intptr_t n, decpt;
} float_digits;

// Parses printf/repr output ("123.45", "1.5e-07") of a finite non-negative value.
static void digits_from_text(float_digits *fd, char *text) {
    intptr_t n = 0, decpt = -1, exp = 0;
    for (char *p = text; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            text[n++] = *p;
        } else if (*p == '.') {
            decpt = n;
        } else if (*p == 'e' || *p == 'E') {
            exp = strtol(p + 1, NULL, 10);
            break;
        }
    }
    decpt = (decpt < 0 ? n : decpt) + exp;
    intptr_t lead = 0;
    while (lead < n && text[lead] == '0') {
        lead++;
    }
    while (n > lead && text[n - 1] == '0') {
        n--;
    }
    if (lead == n) {
        fd->digits[0] = '0';
        fd->n = 1;
        fd->decpt = 1;
        return;
    }
    memmove(fd->digits, text + lead, (size_t)(n - lead));
    fd->n = n - lead;
    fd->decpt = decpt - lead;
}

static int float_digits_get(float_digits *fd, double d, char mode, int prec) {
    char repr[32];
    char *text = repr;
    d = fabs(d);
    if (mode == 'r') {
        kr_float_repr_cstr(d, repr);
    } else {
        const char *f = mode == 'e' ? "%.*e" : "%.*f";
        int len = snprintf(NULL, 0, f, mode == 'e' ? prec - 1 : prec, d);
        text = kr_alloc_atomic((size_t)len + 1);
        if (!text) {
            return -1;
        }
        snprintf(text, (size_t)len + 1, f, mode == 'e' ? prec - 1 : prec, d);
    }
    fd->digits = kr_alloc_atomic(strlen(text) + 2);
    if (!fd->digits) {
        if (text != repr) {
            kr_free(text);
        }
        return -1;
    }
    digits_from_text(fd, text);
    if (text != repr) {
        kr_free(text);
    }
    return 0;
}

// Whether the laid-out number 's' (no sign) has only zero digits.
static bool all_zero_digits(const char *s, size_t n) {
    for (size_t i = 0; i < n && s[i] != 'e' && s[i] != 'E'; i++) {
        if (s[i] >= '1' && s[i] <= '9') {
            return false;
        }
    }
    return true;
}

// CPython's format_float_short layout of 'fd' into 'b' (without the sign).
static int layout_digits(kr_strbuf *b, const float_digits *fd, char type, int prec, int flags) {
    intptr_t decpt = fd->decpt, n = fd->n, vend = n, exp = 0;
    bool use_exp = false, dot0 = (flags & KR_DTSF_ADD_DOT_0) != 0;
    if (type == 'e') {
        use_exp = true;
        vend = prec;
    } else if (type == 'f') {
        vend = decpt + prec;
    } else if (type == 'g') {
        use_exp = decpt <= -4 || decpt > (dot0 ? prec - 1 : prec);
        vend = flags & KR_DTSF_ALT ? prec : vend;
    } else {
        use_exp = decpt <= -4 || decpt > 16;
    }
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    intptr_t vstart = decpt <= 0 ? decpt - 1 : 0;
    intptr_t minend = !use_exp && dot0 ? decpt + 1 : decpt;
    vend = vend > minend ? vend : minend;
    int rc = 0;
    if (decpt <= 0) {
        rc |= kr_strbuf_append_repeat(b, "0", 1, decpt - vstart);
        rc |= kr_strbuf_append_char(b, '.');
        rc |= kr_strbuf_append_repeat(b, "0", 1, -decpt);
    } else {
        rc |= kr_strbuf_append_repeat(b, "0", 1, -vstart);
    }
    if (decpt > 0 && decpt <= n) {
        rc |= kr_strbuf_append(b, fd->digits, (size_t)decpt);
        rc |= kr_strbuf_append_char(b, '.');
        rc |= kr_strbuf_append(b, fd->digits + decpt, (size_t)(n - decpt));
    } else {
        rc |= kr_strbuf_append(b, fd->digits, (size_t)n);
    }
    if (n < decpt) {
        rc |= kr_strbuf_append_repeat(b, "0", 1, decpt - n);
        rc |= kr_strbuf_append_char(b, '.');
        rc |= kr_strbuf_append_repeat(b, "0", 1, vend - decpt);
    } else {
        rc |= kr_strbuf_append_repeat(b, "0", 1, vend - n);
    }
    if (rc == 0 && b->data[b->len - 1] == '.' && !(flags & KR_DTSF_ALT)) {
        b->len--;
    }
    if (rc == 0 && use_exp) {
        rc = kr_strbuf_printf(b, "%c%+.02d", flags & KR_DTSF_UPPER ? 'E' : 'e', (int)exp);
    }
    return rc;
}

int kr_format_double_cstr(kr_strbuf *b, double d, char type, int prec, int flags) {
    bool neg = signbit(d) && !isnan(d);
    size_t sign_at = b->len;
    if (neg || (flags & KR_DTSF_SIGN)) {
        if (kr_strbuf_append_char(b, neg ? '-' : '+') < 0) {
            return -1;
        }
    }
    if (!isfinite(d)) {
        const char *t = isnan(d) ? (flags & KR_DTSF_UPPER ? "NAN" : "nan")
                                 : (flags & KR_DTSF_UPPER ? "INF" : "inf");
        return kr_strbuf_append_cstr(b, t);
    }
    if (type == 'g' && prec == 0) {
        prec = 1;
    }
    float_digits fd;
    char mode = type == 'f' ? 'f' : type == 'r' ? 'r' : 'e';
    if (float_digits_get(&fd, d, mode, type == 'e' ? prec + 1 : prec) < 0) {
        return -1;
    }
    size_t start = b->len;
    int rc = layout_digits(b, &fd, type, type == 'e' ? prec + 1 : prec, flags);
    kr_free(fd.digits);
    if (rc == 0 && neg && (flags & KR_DTSF_NO_NEG_0)
        && all_zero_digits(b->data + start, b->len - start)) {
        memmove(b->data + sign_at, b->data + sign_at + 1, b->len - sign_at - 1);
        b->len--;
        if (flags & KR_DTSF_SIGN) {
            memmove(b->data + sign_at + 1, b->data + sign_at, b->len - sign_at);
            b->data[sign_at] = '+';
            b->len++;
        }
    }
    return rc;
}

// ---------------------------------------------------------------------------------------------
// The format-spec mini-language

typedef struct spec {
    uint32_t fill;
    char align;  // 0 when not given
    char sign;   // 0, '+', '-', ' '
    bool z, alt;
    intptr_t width;      // -1 when not given
    char grouping;       // 0, ',', '_'
    intptr_t precision;  // -1 when not given
    char type;           // 0 when not given
    bool fill_given;
} spec;

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; }

// Decimal digits at 'p'; stores their value (-1 when none). -1 with ValueError on overflow.
static int parse_digits(const char *s, size_t n, size_t *p, intptr_t *out) {
    *out = -1;
    size_t start = *p;
    intptr_t v = 0;
    while (*p < n && s[*p] >= '0' && s[*p] <= '9') {
        if (v > (INTPTR_MAX - 9) / 10) {
            kr_err_set(&kr_exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (s[*p] - '0');
        (*p)++;
    }
    if (*p > start) {
        *out = v;
    }
    return 0;
}

static int grouping_error(char g, char type) {
    if (type > ' ' && type < 127) {
        kr_err_set(&kr_exc_ValueError, "Cannot specify '%c' with '%c'.", g, type);
    } else {
        kr_err_set(&kr_exc_ValueError, "Cannot specify '%c' with '\\x%x'.", g,
                   (unsigned)(unsigned char)type);
    }
    return -1;
}

static int parse_grouping(const char *s, size_t n, size_t *p, spec *sp) {
    if (*p < n && (s[*p] == ',' || s[*p] == '_')) {
        sp->grouping = s[(*p)++];
        if (*p < n && (s[*p] == ',' || s[*p] == '_')) {
            if (s[*p] == sp->grouping) {
                return grouping_error(sp->grouping, sp->grouping);
            }
            kr_err_set(&kr_exc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
    }
    return 0;
}

// ',' and '_' go with decimal and float types; '_' also with b, o, x and X.
static int check_grouping(const spec *sp, char default_type) {
    char type = sp->type ? sp->type : default_type;
    if (!sp->grouping || type == 0 || strchr("deEfFgG%", type)) {
        return 0;
    }
    if (strchr("boxX", type) && sp->grouping == '_') {
        return 0;
    }
    return grouping_error(sp->grouping, type);
}

// Parses 'fmt' into 'sp'; 'default_type' is 's' for str, 'd' for int, 0 for float.
static int parse_spec(kr_val fmt, const char *tname, char default_type, spec *sp) {
    char default_align = default_type == 's' ? '<' : '>';
    const char *s = fmt ? kr_str_data(fmt) : "";
    size_t n = fmt ? (size_t)kr_str_nbytes(fmt) : 0, p = 0;
    *sp = (spec){ ' ', 0, 0, false, false, -1, 0, -1, 0, false };
    int k0 = 0, k1 = 0;
    uint32_t c0 = n ? kr_utf8_decode(s, &k0) : 0;
    uint32_t c1 = n > (size_t)k0 ? kr_utf8_decode(s + k0, &k1) : 0;
    if (n > (size_t)k0 && is_align(c1)) {
        sp->fill = c0;
        sp->fill_given = true;
        sp->align = (char)c1;
        p = (size_t)(k0 + k1);
    } else if (n && is_align(c0)) {
        sp->align = (char)c0;
        p = 1;
    }
    if (p < n && (s[p] == '+' || s[p] == '-' || s[p] == ' ')) {
        sp->sign = s[p++];
    }
    if (p < n && s[p] == 'z') {
        sp->z = true;
        p++;
    }
    if (p < n && s[p] == '#') {
        sp->alt = true;
        p++;
    }
    if (!sp->fill_given && p < n && s[p] == '0') {
        sp->fill = '0';
        if (!sp->align && default_align == '>') {
            sp->align = '=';
        }
        p++;
    }
    if (parse_digits(s, n, &p, &sp->width) < 0 || parse_grouping(s, n, &p, sp) < 0) {
        return -1;
    }
    if (p < n && s[p] == '.') {
        p++;
        if (parse_digits(s, n, &p, &sp->precision) < 0) {
            return -1;
        }
        if (sp->precision < 0) {
            kr_err_set(&kr_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (n - p > 1) {
        kr_err_set(&kr_exc_ValueError, "Invalid format specifier '%.*s' for object of type '%s'",
                   (int)n, s, tname);
        return -1;
    }
    if (p < n) {
        sp->type = s[p];
    }
    if (!sp->align) {
        sp->align = default_align;
    }
    return check_grouping(sp, default_type);
}

static kr_val unknown_code(char type, const char *tname) {
    if (type > ' ' && type < 127) {
        return kr_err_set(&kr_exc_ValueError, "Unknown format code '%c' for object of type '%s'",
                          type, tname);
    }
    return kr_err_set(&kr_exc_ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                      (unsigned)(unsigned char)type, tname);
}

static int append_fill(kr_strbuf *b, uint32_t fill, intptr_t count) {
    char tmp[4];
    int k = kr_utf8_encode(fill, tmp);
    return kr_strbuf_append_repeat(b, tmp, (size_t)k, count);
}

// Pads 'len' code points of text 'body' to the spec's width and alignment.
static kr_val pad_text(const spec *sp, const char *body, size_t nbytes, intptr_t len) {
    intptr_t total = sp->width > len ? sp->width - len : 0, left = 0;
    if (sp->align == '>') {
        left = total;
    } else if (sp->align == '^') {
        left = total / 2;
    }
    kr_strbuf b;
    kr_strbuf_init(&b);
    if (append_fill(&b, sp->fill, left) < 0 || kr_strbuf_append(&b, body, nbytes) < 0
        || append_fill(&b, sp->fill, total - left) < 0) {
        kr_strbuf_free(&b);
        return 0;
    }
    return kr_strbuf_finish(&b);
}

kr_val kr_format_str(kr_val s, kr_val fmt) {
    spec sp;
    if (!fmt || kr_str_nbytes(fmt) == 0) {
        return kr_str(s);
    }
    if (parse_spec(fmt, "str", 's', &sp) < 0) {
        return 0;
    }
    if (sp.type && sp.type != 's') {
        return unknown_code(sp.type, "str");
    }
    if (sp.sign) {
        return kr_err_set(&kr_exc_ValueError, "Sign not allowed in string format specifier");
    }
    if (sp.z) {
        return kr_err_set(&kr_exc_ValueError, "Negative zero coercion (z) not allowed in string "
                          "format specifier");
    }
    if (sp.alt) {
        return kr_err_set(&kr_exc_ValueError, "Alternate form (#) not allowed in string format "
                          "specifier");
    }
    if (sp.align == '=') {
        return kr_err_set(&kr_exc_ValueError, "'=' alignment not allowed in string format "
                          "specifier");
    }
    intptr_t len = kr_str_len(s);
    if (sp.precision >= 0 && sp.precision < len) {
        len = sp.precision;
    }
    const char *d = kr_str_data(s);
    size_t nbytes = 0;
    for (intptr_t i = 0; i < len; i++) {
        int k;
        kr_utf8_decode(d + nbytes, &k);
        nbytes += (size_t)k;
    }
    return pad_text(&sp, d, nbytes, len);
}

// ---------------------------------------------------------------------------------------------
// Numbers

// A number split for layout: sign, prefix ("0x"), integer digits, and the rest (".5e+10", "%",
// "inf").
typedef struct number_parts {
    char sign;
    const char *prefix;
    const char *digits;
    size_t ndigits;
    const char *rest;
    size_t nrest;
} number_parts;

// Groups 'digits' right to left into 'b' (CPython's InsertThousandsGrouping), zero-padding to
// 'min_width'. 'sep' 0 means no separators.
static int group_digits(kr_strbuf *b, const char *digits, intptr_t n, intptr_t min_width,
                        char sep, intptr_t group) {
    if (n == 0) {
        return 0;  // 'c', inf and nan: padding alone fills the width
    }
    if (!sep) {
        group = INTPTR_MAX / 4;
    }
    kr_strbuf rev;
    kr_strbuf_init(&rev);
    intptr_t remaining = n;
    bool use_sep = false;
    int rc = 0;
    for (;;) {
        intptr_t l = remaining > min_width ? remaining : min_width;
        l = group < (l > 1 ? l : 1) ? group : (l > 1 ? l : 1);
        intptr_t zeros = l - remaining > 0 ? l - remaining : 0;
        intptr_t chars = remaining < l ? remaining : l;
        chars = chars > 0 ? chars : 0;
        if (use_sep) {
            rc |= kr_strbuf_append_char(&rev, sep);
        }
        for (intptr_t i = 0; i < chars; i++) {
            rc |= kr_strbuf_append_char(&rev, digits[remaining - 1 - i]);
        }
        rc |= kr_strbuf_append_repeat(&rev, "0", 1, zeros);
        use_sep = true;
        remaining -= chars;
        min_width -= group;
        if (rc || (remaining <= 0 && min_width <= 0)) {
            break;
        }
        min_width -= 1;
    }
    if (rc == 0 && kr_strbuf_reserve(b, rev.len) == 0) {
        for (size_t i = 0; i < rev.len; i++) {
            b->data[b->len++] = rev.data[rev.len - 1 - i];
        }
    } else {
        rc = -1;
    }
    kr_strbuf_free(&rev);
    return rc;
}

// Lays out 'np' by 'sp' (calc_number_widths and fill_number of CPython).
static kr_val layout_number(const spec *sp, const number_parts *np) {
    intptr_t nsign = np->sign ? 1 : 0, nprefix = (intptr_t)strlen(np->prefix);
    intptr_t fixed = nsign + nprefix + (intptr_t)np->nrest;
    intptr_t min_width = sp->fill == '0' && sp->align == '=' && sp->width > fixed
                         ? sp->width - fixed : 0;
    intptr_t group = sp->type == 'b' || sp->type == 'o' || sp->type == 'x' || sp->type == 'X'
                     ? 4 : 3;
    kr_strbuf digits;
    kr_strbuf_init(&digits);
    if (group_digits(&digits, np->digits, (intptr_t)np->ndigits, min_width, sp->grouping,
                     group) < 0) {
        kr_strbuf_free(&digits);
        return 0;
    }
    intptr_t len = fixed + (intptr_t)digits.len;
    intptr_t pad = sp->width > len ? sp->width - len : 0, left = 0, mid = 0;
    if (sp->align == '>') {
        left = pad;
    } else if (sp->align == '^') {
        left = pad / 2;
    } else if (sp->align == '=') {
        mid = pad;
    }
    kr_strbuf b;
    kr_strbuf_init(&b);
    int rc = append_fill(&b, sp->fill, left);
    if (np->sign) {
        rc |= kr_strbuf_append_char(&b, np->sign);
    }
    rc |= kr_strbuf_append_cstr(&b, np->prefix);
    rc |= append_fill(&b, sp->fill, mid);
    rc |= kr_strbuf_append(&b, digits.data ? digits.data : "", digits.len);
    rc |= kr_strbuf_append(&b, np->rest, np->nrest);
    rc |= append_fill(&b, sp->fill, pad - left - mid);
    kr_strbuf_free(&digits);
    if (rc) {
        kr_strbuf_free(&b);
        return 0;
    }
    return kr_strbuf_finish(&b);
}

static char sign_char(const spec *sp, bool neg) {
    return neg ? '-' : sp->sign == '+' ? '+' : sp->sign == ' ' ? ' ' : 0;
}

// Formats 'text' (a float's digits as laid out, with its sign) by 'sp'.
static kr_val layout_float_text(const spec *sp, const char *text, size_t n, bool pct) {
    number_parts np = { 0, "", text, 0, NULL, 0 };
    if (n && (text[0] == '-' || text[0] == '+')) {
        np.sign = text[0] == '-' ? '-' : sign_char(sp, false);
        np.digits = ++text;
        n--;
    } else {
        np.sign = sign_char(sp, false);
    }
    while (np.ndigits < n && text[np.ndigits] >= '0' && text[np.ndigits] <= '9') {
        np.ndigits++;
    }
    kr_strbuf rest;
    kr_strbuf_init(&rest);
    if (kr_strbuf_append(&rest, text + np.ndigits, n - np.ndigits) < 0
        || (pct && kr_strbuf_append_char(&rest, '%') < 0)) {
        kr_strbuf_free(&rest);
        return 0;
    }
    np.rest = rest.data ? rest.data : "";
    np.nrest = rest.len;
    kr_val r = layout_number(sp, &np);
    kr_strbuf_free(&rest);
    return r;
}

static kr_val format_double_spec(double d, const spec *sp, const char *tname) {
    char type = sp->type;
    int flags = (sp->alt ? KR_DTSF_ALT : 0) | (sp->z ? KR_DTSF_NO_NEG_0 : 0);
    intptr_t prec = sp->precision;
    if (type == 0) {
        flags |= KR_DTSF_ADD_DOT_0;
        type = prec < 0 ? 'r' : 'g';
    } else if (!strchr("eEfFgGn%", type)) {
        return unknown_code(type, tname);
    }
    if (type == 'n') {
        type = 'g';
    }
    bool pct = type == '%';
    if (pct) {
        d *= 100;
        type = 'f';
    }
    if (type == 'E' || type == 'F' || type == 'G') {
        flags |= KR_DTSF_UPPER;
        type = (char)(type + 32);
    }
    if (prec < 0) {
        prec = type == 'r' ? 0 : 6;
    }
    if (prec > INT32_MAX) {
        return kr_err_set(&kr_exc_ValueError, "precision too big");
    }
    kr_strbuf b;
    kr_strbuf_init(&b);
    if (kr_format_double_cstr(&b, d, type, (int)prec, flags) < 0) {
        kr_strbuf_free(&b);
        return 0;
    }
    kr_val r = layout_float_text(sp, b.data, b.len, pct);
    kr_strbuf_free(&b);
    return r;
}

kr_val kr_format_double(double d, kr_val fmt) {
    spec sp;
    if (parse_spec(fmt, "float", 0, &sp) < 0) {
        return 0;
    }
    return format_double_spec(d, &sp, "float");
}

kr_val kr_format_float(kr_val f, kr_val fmt) {
    if (!fmt || kr_str_nbytes(fmt) == 0) {
        return kr_str(f);
    }
    return kr_format_double(KR_FLOAT_VALUE(f), fmt);
}

// Format code 'c' of an int.
static kr_val format_int_char(kr_val v, const spec *sp) {
    if (sp->sign) {
        return kr_err_set(&kr_exc_ValueError, "Sign not allowed with integer format specifier "
                          "'c'");
    }
    if (sp->alt) {
        return kr_err_set(&kr_exc_ValueError, "Alternate form (#) not allowed with integer "
                          "format specifier 'c'");
    }
    int64_t c;
    if (kr_int_as_i64(v, &c) < 0 || c < 0 || c > 0x10FFFF) {
        kr_err_clear();
        return kr_err_set(&kr_exc_OverflowError, "%%c arg not in range(0x110000)");
    }
    char tmp[4];
    int k = kr_utf8_encode((uint32_t)c, tmp);
    number_parts np = { 0, "", "", 0, tmp, (size_t)k };
    spec s2 = *sp;
    if (s2.fill == '0' && s2.align == '=') {
        s2.align = '>';
    }
    return layout_number(&s2, &np);
}

static kr_val format_int_spec(kr_val v, const spec *sp, const char *tname) {
    char type = sp->type ? sp->type : 'd';
    if (strchr("eEfFgG%", type)) {
        double d = kr_int_as_double(v);
        if (d == -1.0 && kr_err_occurred()) {
            return 0;
        }
        return format_double_spec(d, sp, tname);
    }
    if (!strchr("bcdnoxX", type)) {
        return unknown_code(type, tname);
    }
    if (sp->precision >= 0) {
        return kr_err_set(&kr_exc_ValueError, "Precision not allowed in integer format "
                          "specifier");
    }
    if (sp->z) {
        return kr_err_set(&kr_exc_ValueError, "Negative zero coercion (z) not allowed in integer "
                          "format specifier");
    }
    if (type == 'c') {
        return format_int_char(v, sp);
    }
    int base = type == 'b' ? 2 : type == 'o' ? 8 : type == 'x' || type == 'X' ? 16 : 10;
    char *text = kr_int_to_cstr(v, base, NULL);
    if (!text) {
        return 0;
    }
    bool neg = text[0] == '-';
    if (type == 'X') {
        for (char *p = text; *p; p++) {
            *p = *p >= 'a' && *p <= 'f' ? (char)(*p - 32) : *p;
        }
    }
    static const char *const prefixes[] = { "0b", "0o", "0x", "0X" };
    const char *prefix = !sp->alt || base == 10 ? ""
                         : prefixes[base == 2 ? 0 : base == 8 ? 1 : type == 'x' ? 2 : 3];
    number_parts np = { sign_char(sp, neg), prefix, text + neg, strlen(text + neg), "", 0 };
    kr_val r = layout_number(sp, &np);
    kr_free(text);
    return r;
}

kr_val kr_format_int(kr_val v, kr_val fmt) {
    spec sp;
    if (!fmt || kr_str_nbytes(fmt) == 0) {
        return kr_str(v);
    }
    if (parse_spec(fmt, kr_type_name(v), 'd', &sp) < 0) {
        return 0;
    }
    return format_int_spec(v, &sp, kr_type_name(v));
}

kr_val kr_format(kr_val v, kr_val fmt) {
    if (kr_str_check(v) && !(KR_TYPE(v)->flags & KR_TF_HEAPTYPE)) {
        return kr_format_str(v, fmt);
    }
    if (kr_int_check(v) && !(KR_TYPE(v)->flags & KR_TF_HEAPTYPE)) {
        return kr_format_int(v, fmt);
    }
    if (kr_float_check(v) && !(KR_TYPE(v)->flags & KR_TF_HEAPTYPE)) {
        return kr_format_float(v, fmt);
    }
    kr_val meth = kr_getattr_cstr(v, "__format__");
    if (!meth) {
        if (!kr_err_matches(&kr_exc_AttributeError)) {
            return 0;
        }
        kr_err_clear();
        if (fmt && kr_str_nbytes(fmt) > 0) {
            return kr_err_set(&kr_exc_TypeError, "unsupported format string passed to "
                              "%s.__format__", kr_type_name(v));
        }
        return kr_str(v);
    }
    kr_val arg = fmt ? fmt : kr_str_empty();
    kr_val r = kr_call(meth, &arg, 1, 0);
    KR_DECREF(meth);
    if (r && !kr_str_check(r)) {
        kr_err_set(&kr_exc_TypeError, "__format__ must return a str, not %s", kr_type_name(r));
        KR_CLEAR(r);
    }
    return r;
}

kr_val kr_format_cstr(kr_val v, const char *fmt) {
    kr_val f = kr_str_from_cstr(fmt);
    if (!f) {
        return 0;
    }
    kr_val r = kr_format(v, f);
    KR_DECREF(f);
    return r;
}

kr_val kr_str_meth___format__(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val a[1];
    if (kr_str_unpack_args("__format__", args, nargs, kwnames, NULL, 1, 1, a) < 0) {
        return 0;
    }
    if (!kr_str_check(a[0])) {
        return kr_err_set(&kr_exc_TypeError, "__format__() argument must be str, not %s",
                          kr_type_name(a[0]));
    }
    return kr_format_str(self, a[0]);
}

// ---------------------------------------------------------------------------------------------
// str.format and str.format_map

// Where the replacement fields of a template find their values.
typedef struct fmt_args {
    const kr_val *args;
    size_t nargs;
    const kr_val *kwvals;
    kr_val kwnames;  // tuple or 0
    kr_val mapping;  // format_map's mapping, or 0
    intptr_t auto_index;  // next automatic field number; -1 after a manual one
    bool manual;
} fmt_args;

static int render(kr_strbuf *b, const char *s, size_t n, fmt_args *fa, int depth);

static kr_val lookup_keyword(fmt_args *fa, const char *name, size_t n) {
    kr_val key = kr_str_from_utf8(name, n);
    if (!key) {
        return 0;
    }
    kr_val r = 0;
    if (fa->mapping) {
        r = kr_getitem(fa->mapping, key);
    } else {
        for (intptr_t i = 0; fa->kwnames && i < KR_TUPLE_LEN(fa->kwnames); i++) {
            if (kr_str_equal(KR_TUPLE_ITEMS(fa->kwnames)[i], key)) {
                r = kr_newref(fa->kwvals[i]);
                break;
            }
        }
        if (!r) {
            kr_err_set_value(&kr_exc_KeyError, key);
        }
    }
    KR_DECREF(key);
    return r;
}

static kr_val lookup_index(fmt_args *fa, intptr_t i) {
    if (fa->mapping || i < 0 || (size_t)i >= fa->nargs) {
        if (fa->mapping) {
            return kr_err_set(&kr_exc_ValueError, "Format string contains positional fields");
        }
        return kr_err_set(&kr_exc_IndexError, "Replacement index %zd out of range for "
                          "positional args tuple", i);
    }
    return kr_newref(fa->args[i]);
}

static bool all_digits(const char *s, size_t n) {
    if (n == 0) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
    }
    return true;
}

static kr_val first_object(fmt_args *fa, const char *s, size_t n) {
    if (n == 0) {
        if (fa->manual) {
            return kr_err_set(&kr_exc_ValueError, "cannot switch from manual field specification "
                              "to automatic field numbering");
        }
        return lookup_index(fa, fa->auto_index++);
    }
    if (all_digits(s, n)) {
        if (fa->auto_index > 0) {
            return kr_err_set(&kr_exc_ValueError, "cannot switch from automatic field numbering "
                              "to manual field specification");
        }
        fa->manual = true;
        kr_val iv = kr_int_from_string(s, n, 10);
        intptr_t i;
        int rc = iv ? kr_index_as_ssize(iv, &i) : -1;
        KR_XDECREF(iv);
        return rc < 0 ? 0 : lookup_index(fa, i);
    }
    return lookup_keyword(fa, s, n);
}

// Applies ".attr" and "[key]" accessors of 'field' (after the first name) to 'obj' (stolen).
static kr_val apply_accessors(kr_val obj, const char *s, size_t n) {
    size_t p = 0;
    while (obj && p < n) {
        char kind = s[p++];
        size_t start = p;
        if (kind == '.') {
            while (p < n && s[p] != '.' && s[p] != '[') {
                p++;
            }
            if (p == start) {
                KR_DECREF(obj);
                return kr_err_set(&kr_exc_ValueError, "Empty attribute in format string");
            }
        } else if (kind == '[') {
            while (p < n && s[p] != ']') {
                p++;
            }
            if (p == n) {
                KR_DECREF(obj);
                return kr_err_set(&kr_exc_ValueError, "Missing ']' in format string");
            }
        } else {
            KR_DECREF(obj);
            return kr_err_set(&kr_exc_ValueError, "Only '.' or '[' may follow ']' in format "
                              "field specifier");
        }
        kr_val key = all_digits(s + start, p - start) && kind == '['
                     ? kr_int_from_string(s + start, p - start, 10)
                     : kr_str_from_utf8(s + start, p - start);
        kr_val next = !key ? 0 : kind == '.' ? kr_getattr(obj, key) : kr_getitem(obj, key);
        KR_XDECREF(key);
        KR_DECREF(obj);
        obj = next;
        p += kind == '[';
    }
    return obj;
}

static kr_val get_field(fmt_args *fa, const char *s, size_t n) {
    size_t first = 0;
    while (first < n && s[first] != '.' && s[first] != '[') {
        first++;
    }
    kr_val obj = first_object(fa, s, first);
    return obj ? apply_accessors(obj, s + first, n - first) : 0;
}

static kr_val convert_field(kr_val obj, char conv) {
    switch (conv) {
    case 0: return kr_newref(obj);
    case 'r': return kr_repr(obj);
    case 's': return kr_str(obj);
    case 'a': return kr_ascii(obj);
    default:
        if (conv > ' ' && conv < 127) {
            return kr_err_set(&kr_exc_ValueError, "Unknown conversion specifier %c", conv);
        }
        return kr_err_set(&kr_exc_ValueError, "Unknown conversion specifier \\x%x",
                          (unsigned)(unsigned char)conv);
    }
}

// A parsed replacement field: name, conversion (0 if none) and spec (NULL if none).
typedef struct field {
    const char *name, *spec;
    size_t nname, nspec;
    char conv;
} field;

static int render_field(kr_strbuf *b, const field *f, fmt_args *fa, int depth) {
    // The object comes first, so that automatic numbering counts it before nested fields.
    kr_val obj = get_field(fa, f->name, f->nname);
    kr_val conv_obj = obj ? convert_field(obj, f->conv) : 0;
    KR_XDECREF(obj);
    if (!conv_obj) {
        return -1;
    }
    kr_strbuf specbuf;
    kr_strbuf_init(&specbuf);
    if (f->spec && render(&specbuf, f->spec, f->nspec, fa, depth - 1) < 0) {
        kr_strbuf_free(&specbuf);
        KR_DECREF(conv_obj);
        return -1;
    }
    kr_val fmt = kr_strbuf_finish(&specbuf);
    kr_val r = fmt ? kr_format(conv_obj, fmt) : 0;
    KR_DECREF(conv_obj);
    KR_XDECREF(fmt);
    int rc = r ? kr_strbuf_append_str(b, r) : -1;
    KR_XDECREF(r);
    return rc;
}

static int field_error(const char *msg) {
    kr_err_set(&kr_exc_ValueError, "%s", msg);
    return -1;
}

// Parses the field after the '{' at 's[*p - 1]' into 'f'; leaves '*p' after its '}'.
static int parse_field(const char *s, size_t n, size_t *p, field *f) {
    size_t q = *p;
    bool bracket = false;
    while (q < n && (bracket || !strchr("!:}", s[q]))) {
        bracket = s[q] == '[' ? true : s[q] == ']' ? false : bracket;
        q++;
    }
    *f = (field){ s + *p, NULL, q - *p, 0, 0 };
    if (q == n) {
        return field_error("expected '}' before end of string");
    }
    if (s[q] == '!') {
        if (q + 1 >= n) {
            return field_error("end of string while looking for conversion specifier");
        }
        f->conv = s[q + 1];
        q += 2;
        if (q < n && s[q] != ':' && s[q] != '}') {
            return field_error("expected ':' after conversion specifier");
        }
    }
    if (q < n && s[q] == ':') {
        size_t start = ++q;
        int level = 1;
        for (; q < n; q++) {
            level += s[q] == '{' ? 1 : s[q] == '}' ? -1 : 0;
            if (level == 0) {
                break;
            }
        }
        f->spec = s + start;
        f->nspec = q - start;
    }
    if (q >= n) {
        return field_error("unmatched '{' in format spec");
    }
    *p = q + 1;
    return 0;
}

static int render(kr_strbuf *b, const char *s, size_t n, fmt_args *fa, int depth) {
    if (depth <= 0) {
        return field_error("Max string recursion exceeded");
    }
    for (size_t p = 0; p < n;) {
        const char *q = memchr(s + p, '{', n - p), *r = memchr(s + p, '}', n - p);
        size_t stop = q && (!r || q < r) ? (size_t)(q - s) : r ? (size_t)(r - s) : n;
        if (kr_strbuf_append(b, s + p, stop - p) < 0) {
            return -1;
        }
        p = stop;
        if (p == n) {
            break;
        }
        if (p + 1 < n && s[p + 1] == s[p]) {
            if (kr_strbuf_append_char(b, s[p]) < 0) {
                return -1;
            }
            p += 2;
            continue;
        }
        if (s[p] == '}') {
            return field_error("Single '}' encountered in format string");
        }
        if (p + 1 == n) {
            return field_error("Single '{' encountered in format string");
        }
        field f;
        p++;
        if (parse_field(s, n, &p, &f) < 0 || render_field(b, &f, fa, depth) < 0) {
            return -1;
        }
    }
    return 0;
}

static kr_val format_with(kr_val fmt, fmt_args *fa) {
    kr_strbuf b;
    kr_strbuf_init(&b);
    if (render(&b, kr_str_data(fmt), (size_t)kr_str_nbytes(fmt), fa, 2) < 0) {
        kr_strbuf_free(&b);
        return 0;
    }
    return kr_strbuf_finish(&b);
}

kr_val kr_str_format(kr_val fmt, const kr_val *args, size_t nargs, kr_val kwnames) {
    fmt_args fa = { args, nargs, args + nargs, kwnames, 0, 0, false };
    return format_with(fmt, &fa);
}

kr_val kr_str_meth_format(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return kr_str_format(self, args, nargs, kwnames);
}

kr_val kr_str_meth_format_map(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val a[1];
    if (kr_str_unpack_args("format_map", args, nargs, kwnames, NULL, 1, 1, a) < 0) {
        return 0;
    }
    fmt_args fa = { NULL, 0, NULL, 0, a[0], 0, false };
    return format_with(self, &fa);
}

// ---------------------------------------------------------------------------------------------
// printf-style formatting: fmt % args

// One conversion: %[(key)][flags][width][.prec]type
typedef struct pct_spec {
    bool left, plus, space, alt, zero;
    intptr_t width, prec;  // -1 when not given
    char type;
} pct_spec;

typedef struct pct_state {
    const kr_val *items;
    intptr_t n, next;
    kr_val dict;  // mapping argument, or 0
    kr_val single;  // args when it is not a tuple
    bool bytes;   // bytes % args
} pct_state;

static kr_val next_arg(pct_state *st) {
    if (st->next >= st->n) {
        return kr_err_set(&kr_exc_TypeError, "not enough arguments for format string");
    }
    return st->items[st->next++];
}

static int star_arg(pct_state *st, intptr_t *out) {
    kr_val v = next_arg(st);
    if (!v) {
        return -1;
    }
    if (!kr_int_check(v)) {
        kr_err_set(&kr_exc_TypeError, "* wants int");
        return -1;
    }
    return kr_index_as_ssize(v, out);
}

// Pads 'body' per a printf spec; 'numeric' bodies zero-pad after their sign and prefix.
static int pct_pad(kr_strbuf *b, const pct_spec *ps, const char *body, size_t n, intptr_t len,
                   size_t lead) {
    intptr_t pad = ps->width > len ? ps->width - len : 0;
    if (ps->left) {
        return kr_strbuf_append(b, body, n) | kr_strbuf_append_repeat(b, " ", 1, pad);
    }
    if (ps->zero && lead != (size_t)-1) {
        return kr_strbuf_append(b, body, lead) | kr_strbuf_append_repeat(b, "0", 1, pad)
               | kr_strbuf_append(b, body + lead, n - lead);
    }
    return kr_strbuf_append_repeat(b, " ", 1, pad) | kr_strbuf_append(b, body, n);
}

static int pct_text(kr_strbuf *b, const pct_spec *ps, kr_val s) {
    intptr_t len = kr_str_len(s);
    size_t nbytes = (size_t)kr_str_nbytes(s);
    if (ps->prec >= 0 && ps->prec < len) {
        len = ps->prec;
        nbytes = 0;
        for (intptr_t i = 0; i < len; i++) {
            int k;
            kr_utf8_decode(kr_str_data(s) + nbytes, &k);
            nbytes += (size_t)k;
        }
    }
    return pct_pad(b, ps, kr_str_data(s), nbytes, len, (size_t)-1);
}

// %d %i %u %x %X %o of an int 'v'.
static int pct_int(kr_strbuf *b, const pct_spec *ps, kr_val v) {
    char type = ps->type == 'i' || ps->type == 'u' ? 'd' : ps->type;
    int base = type == 'd' ? 10 : type == 'o' ? 8 : 16;
    char *text = kr_int_to_cstr(v, base, NULL);
    if (!text) {
        return -1;
    }
    bool neg = text[0] == '-';
    char *digits = text + neg;
    if (type == 'X') {
        for (char *p = digits; *p; p++) {
            *p = *p >= 'a' && *p <= 'f' ? (char)(*p - 32) : *p;
        }
    }
    kr_strbuf body;
    kr_strbuf_init(&body);
    int rc = 0;
    if (neg || ps->plus || ps->space) {
        rc |= kr_strbuf_append_char(&body, neg ? '-' : ps->plus ? '+' : ' ');
    }
    if (ps->alt && base != 10) {
        rc |= kr_strbuf_append(&body, type == 'o' ? "0o" : type == 'x' ? "0x" : "0X", 2);
    }
    size_t lead = body.len;
    intptr_t nd = (intptr_t)strlen(digits);
    rc |= kr_strbuf_append_repeat(&body, "0", 1, ps->prec > nd ? ps->prec - nd : 0);
    rc |= kr_strbuf_append(&body, digits, (size_t)nd);
    kr_free(text);
    if (rc == 0) {
        rc = pct_pad(b, ps, body.data, body.len, (intptr_t)body.len, lead);
    }
    kr_strbuf_free(&body);
    return rc;
}

static int pct_float(kr_strbuf *b, const pct_spec *ps, double d) {
    char type = ps->type;
    int flags = (ps->alt ? KR_DTSF_ALT : 0) | (ps->plus ? KR_DTSF_SIGN : 0);
    if (type == 'E' || type == 'F' || type == 'G') {
        flags |= KR_DTSF_UPPER;
        type = (char)(type + 32);
    }
    kr_strbuf body;
    kr_strbuf_init(&body);
    int rc = 0;
    if (ps->space && !signbit(d) && !isnan(d)) {
        rc = kr_strbuf_append_char(&body, ' ');
    }
    intptr_t prec = ps->prec < 0 ? 6 : ps->prec;
    rc |= kr_format_double_cstr(&body, d, type, (int)prec, flags);
    if (rc == 0) {
        size_t lead = body.len && strchr("+- ", body.data[0]) ? 1 : 0;
        rc = pct_pad(b, ps, body.data, body.len, (intptr_t)body.len, isfinite(d) ? lead
                                                                                : (size_t)-1);
    }
    kr_strbuf_free(&body);
    return rc;
}

static int pct_char(kr_strbuf *b, const pct_spec *ps, kr_val v) {
    char tmp[4];
    int k;
    if (kr_str_check(v) && kr_str_len(v) == 1) {
        return pct_pad(b, ps, kr_str_data(v), (size_t)kr_str_nbytes(v), 1, (size_t)-1);
    }
    if (!kr_int_check(v)) {
        kr_err_set(&kr_exc_TypeError, "%%c requires int or char");
        return -1;
    }
    int64_t c;
    if (kr_int_as_i64(v, &c) < 0 || c < 0 || c > 0x10FFFF) {
        kr_err_clear();
        kr_err_set(&kr_exc_OverflowError, "%%c arg not in range(0x110000)");
        return -1;
    }
    k = kr_utf8_encode((uint32_t)c, tmp);
    return pct_pad(b, ps, tmp, (size_t)k, 1, (size_t)-1);
}

static int pct_number(kr_strbuf *b, const pct_spec *ps, kr_val v) {
    bool integer = strchr("diuxXo", ps->type) != NULL;
    if (integer && kr_int_check(v)) {
        return pct_int(b, ps, v);
    }
    if (integer && ps->type != 'd' && ps->type != 'i' && ps->type != 'u') {
        kr_err_set(&kr_exc_TypeError, "%%%c format: an integer is required, not %s", ps->type,
                   kr_type_name(v));
        return -1;
    }
    if (integer) {
        if (!kr_float_check(v)) {
            kr_err_set(&kr_exc_TypeError, "%%%c format: a real number is required, not %s",
                       ps->type, kr_type_name(v));
            return -1;
        }
        kr_val i = kr_int_from_val(v);
        int rc = i ? pct_int(b, ps, i) : -1;
        KR_XDECREF(i);
        return rc;
    }
    if (!kr_float_check(v) && !kr_int_check(v)) {
        kr_err_set(&kr_exc_TypeError, "must be real number, not %s", kr_type_name(v));
        return -1;
    }
    double d = kr_float_as_double(v);
    if (d == -1.0 && kr_err_occurred()) {
        return -1;
    }
    return pct_float(b, ps, d);
}

static int pct_object_text(kr_strbuf *b, const pct_spec *ps, kr_val v) {
    kr_val s = ps->type == 'r' ? kr_repr(v) : ps->type == 'a' ? kr_ascii(v) : kr_str(v);
    if (!s) {
        return -1;
    }
    int rc = pct_text(b, ps, s);
    KR_DECREF(s);
    return rc;
}

// bytes % args: %s takes bytes-like objects, %r/%a use ascii().
static int pct_bytes_text(kr_strbuf *b, const pct_spec *ps, kr_val v) {
    if (ps->type == 'r' || ps->type == 'a') {
        return pct_object_text(b, ps, v);
    }
    if (!kr_bytes_like_check(v)) {
        kr_err_set(&kr_exc_TypeError, "%%b requires a bytes-like object, or an object that "
                   "implements __bytes__, not '%s'", kr_type_name(v));
        return -1;
    }
    intptr_t n = kr_bytes_len(v);
    if (ps->prec >= 0 && ps->prec < n) {
        n = ps->prec;
    }
    return pct_pad(b, ps, kr_bytes_data(v), (size_t)n, n, (size_t)-1);
}

static int pct_convert(kr_strbuf *b, const pct_spec *ps, kr_val v, pct_state *st) {
    switch (ps->type) {
    case 's':
    case 'r':
    case 'a':
    case 'b':
        return st->bytes ? pct_bytes_text(b, ps, v) : pct_object_text(b, ps, v);
    case 'c': return pct_char(b, ps, v);
    default: return pct_number(b, ps, v);
    }
}

// Parses "(key)" after a '%'; stores the value looked up in the mapping.
static int pct_key(const char *s, size_t n, size_t *p, pct_state *st, kr_val *out) {
    if (!st->dict) {
        kr_err_set(&kr_exc_TypeError, "format requires a mapping");
        return -1;
    }
    int level = 1;
    size_t start = ++*p;
    while (*p < n && level > 0) {
        level += s[*p] == '(' ? 1 : s[*p] == ')' ? -1 : 0;
        (*p)++;
    }
    if (level > 0) {
        kr_err_set(&kr_exc_ValueError, "incomplete format key");
        return -1;
    }
    kr_val key = st->bytes ? kr_bytes_from_data(s + start, *p - start - 1)
                           : kr_str_from_utf8(s + start, *p - start - 1);
    *out = key ? kr_getitem(st->dict, key) : 0;
    KR_XDECREF(key);
    return *out ? 0 : -1;
}

static int pct_flags_width(const char *s, size_t n, size_t *p, pct_spec *ps, pct_state *st) {
    for (; *p < n && strchr("-+ #0", s[*p]) && s[*p]; (*p)++) {
        ps->left |= s[*p] == '-';
        ps->plus |= s[*p] == '+';
        ps->space |= s[*p] == ' ';
        ps->alt |= s[*p] == '#';
        ps->zero |= s[*p] == '0';
    }
    for (int part = 0; part < 2; part++) {
        intptr_t *dst = part == 0 ? &ps->width : &ps->prec;
        if (part == 1) {
            if (*p >= n || s[*p] != '.') {
                break;
            }
            (*p)++;
            *dst = 0;
        }
        if (*p < n && s[*p] == '*') {
            (*p)++;
            if (star_arg(st, dst) < 0) {
                return -1;
            }
            if (part == 0 && *dst < 0) {
                ps->left = true;
                *dst = -*dst;
            }
            continue;
        }
        for (; *p < n && s[*p] >= '0' && s[*p] <= '9'; (*p)++) {
            *dst = (*dst < 0 ? 0 : *dst) * 10 + (s[*p] - '0');
        }
    }
    while (*p < n && strchr("hlL", s[*p]) && s[*p]) {
        (*p)++;
    }
    return 0;
}

static int pct_unsupported(const char *s, size_t n, size_t p) {
    if (p >= n) {
        kr_err_set(&kr_exc_ValueError, "incomplete format");
        return -1;
    }
    int k;
    uint32_t c = kr_utf8_decode(s + p, &k);
    intptr_t index = 0;
    for (size_t i = 0; i < p; i++) {
        index += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    char tmp[5] = { 0 };
    kr_utf8_encode(c, tmp);
    kr_err_set(&kr_exc_ValueError, "unsupported format character '%s' (0x%x) at index %zd",
               c < 32 || c == 127 ? "?" : tmp, c, index);
    return -1;
}

// One conversion starting after its '%' at 's[*p]'.
static int pct_one(kr_strbuf *b, const char *s, size_t n, size_t *p, pct_state *st) {
    kr_val keyed = 0;
    pct_spec ps = { false, false, false, false, false, -1, -1, 0 };
    if (*p < n && s[*p] == '(') {
        if (pct_key(s, n, p, st, &keyed) < 0) {
            return -1;
        }
        st->next = st->n;  // as CPython, positional conversions after a keyed one fail
    }
    int rc = pct_flags_width(s, n, p, &ps, st);
    const char *types = st->bytes ? "srabcdiuxXoeEfFgG%" : "sracdiuxXoeEfFgG%";
    if (rc == 0 && (*p >= n || !strchr(types, s[*p]))) {
        rc = pct_unsupported(s, n, *p);
    }
    if (rc == 0) {
        ps.type = s[(*p)++];
        if (ps.type == '%') {
            rc = kr_strbuf_append_char(b, '%');
        } else {
            kr_val v = keyed ? keyed : next_arg(st);
            rc = v ? pct_convert(b, &ps, v, st) : -1;
        }
    }
    KR_XDECREF(keyed);
    return rc;
}

static int pct_render(kr_strbuf *b, const char *s, size_t n, pct_state *st) {
    for (size_t p = 0; p < n;) {
        const char *q = memchr(s + p, '%', n - p);
        size_t stop = q ? (size_t)(q - s) : n;
        if (kr_strbuf_append(b, s + p, stop - p) < 0) {
            return -1;
        }
        if (!q) {
            break;
        }
        p = stop + 1;
        if (pct_one(b, s, n, &p, st) < 0) {
            return -1;
        }
    }
    if (st->next < st->n && !st->dict) {
        kr_err_set(&kr_exc_TypeError, st->bytes ? "not all arguments converted during bytes "
                   "formatting" : "not all arguments converted during string formatting");
        return -1;
    }
    return 0;
}

static void pct_state_init(pct_state *st, kr_val args, bool bytes) {
    st->bytes = bytes;
    st->next = 0;
    st->dict = 0;
    st->single = args;
    if (kr_tuple_check(args)) {
        st->items = KR_TUPLE_ITEMS(args);
        st->n = KR_TUPLE_LEN(args);
        return;
    }
    st->items = &st->single;
    st->n = 1;
    const kr_type *t = KR_TYPE(args);
    bool mapping = false;
    for (; t; t = t->base) {
        mapping |= t->mapping && t->mapping->getitem;
    }
    if (mapping && !kr_str_check(args) && !kr_bytes_like_check(args)) {
        st->dict = args;
    }
}

kr_val kr_str_mod(kr_val fmt, kr_val args) {
    pct_state st;
    pct_state_init(&st, args, false);
    kr_strbuf b;
    kr_strbuf_init(&b);
    if (pct_render(&b, kr_str_data(fmt), (size_t)kr_str_nbytes(fmt), &st) < 0) {
        kr_strbuf_free(&b);
        return 0;
    }
    return kr_strbuf_finish(&b);
}

kr_val kr_bytes_mod(kr_val fmt, kr_val args) {
    pct_state st;
    pct_state_init(&st, args, true);
    kr_strbuf b;
    kr_strbuf_init(&b);
    if (pct_render(&b, kr_bytes_data(fmt), (size_t)kr_bytes_len(fmt), &st) < 0) {
        kr_strbuf_free(&b);
        return 0;
    }
    kr_val r = kr_bytearray_check(fmt) ? kr_bytearray_from_data(b.data ? b.data : "", b.len)
                                       : kr_bytes_from_data(b.data ? b.data : "", b.len);
    kr_strbuf_free(&b);
    return r;
}
