// float.c: Python's float.
//
// A float is boxed in a kr_float_obj when its type is not known; the kr_float_* functions on
// doubles serve unboxed code. Semantics follow CPython 3.13's floatobject.c: repr is the
// shortest string that round-trips, formatted by Python's rules; // and % take the sign of the
// divisor; ** has CPython's special cases and errors; round() is correctly rounded (glibc's
// printf is exact, so "%.*f" rounds the exact binary value half-even, as CPython's dtoa); the
// hash equals the int hash for integral values; comparisons with ints are exact.
#include "krait.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <gmp.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

// A per-thread free list of dead floats (in kr_ts, where the collector sees it), as CPython
// keeps: boxed arithmetic allocates one float per operation. Disabled with KRAIT_RT_MALLOC so
// that ASan and valgrind see every use after free.
kr_val kr_float_new(double d) {
    kr_float_obj *f;
    if (kr_ts.float_free_count > 0) {
        f = kr_ts.float_free[--kr_ts.float_free_count];
        f->ob.rc = 1;
    } else {
        f = (kr_float_obj *)kr_obj_new(&kr_float_type, sizeof *f);
        if (!f) {
            return 0;
        }
    }
    f->value = d;
    return KR_VAL(f);
}

#ifdef KRAIT_RT_MALLOC
#define float_free NULL
#else
static void float_free(kr_obj *o) {
    if (o->type == &kr_float_type && kr_ts.float_free_count < KR_FLOAT_FREE_MAX) {
        kr_ts.float_free[kr_ts.float_free_count++] = o;
    } else {
        kr_free(o);
    }
}
#endif

// ---------------------------------------------------------------------------------------------
// repr

// Shortest digits: Schubfach (R. Giulietti, "The Schubfach way to render doubles", 2021).
// For d = c * 2^q, the decimals that read back as d are those in the rounding interval
// [(4c - 2 or 4c - 1) 2^(q-2), (4c + 2) 2^(q-2)], its ends included when c is even (ties go
// to the even mantissa). Scaling the ends and 4c by 10^-k, with k = floor(log10(2^q)) (of
// 3/4 2^q at a power of two, whose interval is lopsided), leaves at most one multiple of 10
// and at least one integer inside; 128-bit powers of ten rounded up and products rounded to
// odd decide every comparison exactly. The result is the shortest decimal in the interval,
// the one nearest d among those, ties to even: what CPython's dtoa mode 0 returns.
#include "float_pow10.inc"

typedef unsigned __int128 u128;

// floor(g * cp / 2^128), rounded to odd when bits are lost below.
static uint64_t round_to_odd(const uint64_t g[2], uint64_t cp) {
    u128 x = (u128)g[1] * cp, y = (u128)g[0] * cp + (uint64_t)(x >> 64);
    uint64_t y0 = (uint64_t)y, y1 = (uint64_t)(y >> 64);
    return y1 | (y0 > 1);
}

// floor(e * log2(10)), floor(e * log10(2)), floor(e * log10(3/4 * 2)) for |e| < 1700.
static int floor_log2_pow10(int e) { return (e * 1741647) >> 19; }

static int floor_log10_pow2(int e, bool three_quarters) {
    return (e * 1262611 - (three_quarters ? 524031 : 0)) >> 22;
}

// Digits 's' and exponent '*k' with d = s * 10^k, for 'c' and 'q' with d = c * 2^q.
static uint64_t schubfach(uint64_t c, int q, bool lower_closer, int *k_out) {
    bool even = (c & 1) == 0;
    int k = floor_log10_pow2(q, lower_closer);
    int h = q + floor_log2_pow10(-k) + 1;
    const uint64_t *g = pow10_g[-k - POW10_KMIN];
    uint64_t vbl = round_to_odd(g, (4 * c - 2 + lower_closer) << h);
    uint64_t vb = round_to_odd(g, (4 * c) << h);
    uint64_t vbr = round_to_odd(g, (4 * c + 2) << h);
    uint64_t lower = vbl + !even, upper = vbr - !even;
    uint64_t s = vb / 4;
    if (s >= 10) {
        // One digit fewer: the multiple of 10 inside the interval, if there is one.
        uint64_t sp = s / 10, sp40 = 40 * sp;
        bool up_in = lower <= sp40, wp_in = sp40 + 40 <= upper;
        if (up_in != wp_in) {
            *k_out = k + 1;
            return sp + wp_in;
        }
    }
    *k_out = k;
    bool u_in = lower <= 4 * s, w_in = 4 * s + 4 <= upper;
    if (u_in != w_in) {
        return s + w_in;
    }
    // Both s and s + 1 read back: the nearer one, ties to even.
    uint64_t mid = 4 * s + 2;
    return s + (vb > mid || (vb == mid && (s & 1) != 0));
}

// Finds the fewest significant digits that read back as 'd' (d finite, positive), as
// CPython's repr (dtoa mode 0): writes them to 'digits' (trailing zeros removed) and returns
// the decimal exponent of the first digit.
static int shortest_digits(double d, char *digits) {
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    uint64_t frac = bits & (((uint64_t)1 << 52) - 1);
    int bexp = (int)(bits >> 52) & 0x7FF, k = 0;
    uint64_t s;
    if (bexp == 0) {
        s = schubfach(frac, 1 - 1075, false, &k);
    } else {
        uint64_t c = frac | ((uint64_t)1 << 52);
        int q = bexp - 1075;
        if (q <= 0 && q > -53 && (c & (((uint64_t)1 << -q) - 1)) == 0) {
            s = c >> -q;  // an integer below 2^53 is its own shortest form
        } else {
            s = schubfach(c, q, frac == 0 && bexp > 1, &k);
        }
    }
    while (s % 10 == 0) {
        s /= 10;
        k++;
    }
    char tmp[24];
    int n = 0;
    for (; s; s /= 10) {
        tmp[n++] = (char)('0' + s % 10);
    }
    for (int i = 0; i < n; i++) {
        digits[i] = tmp[n - 1 - i];
    }
    digits[n] = '\0';
    return k + n - 1;
}

// Python's repr: fixed notation when -4 <= exponent < 16 (always with a fractional part),
// exponent notation otherwise ("1e+16", "1.5e-07").
char *kr_float_repr_cstr(double d, char *buf) {
    if (isnan(d)) {
        return strcpy(buf, "nan");
    }
    if (isinf(d)) {
        return strcpy(buf, d > 0 ? "inf" : "-inf");
    }
    if (d == 0) {
        return strcpy(buf, signbit(d) ? "-0.0" : "0.0");
    }
    char digits[24];
    int exp = shortest_digits(fabs(d), digits);
    int n = (int)strlen(digits);
    char *p = buf;
    if (d < 0) {
        *p++ = '-';
    }
    if (exp < -4 || exp >= 16) {
        *p++ = digits[0];
        if (n > 1) {
            *p++ = '.';
            memcpy(p, digits + 1, (size_t)n - 1);
            p += n - 1;
        }
        sprintf(p, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        return buf;
    }
    if (exp < 0) {
        p += sprintf(p, "0.");
        for (int i = 0; i < -exp - 1; i++) {
            *p++ = '0';
        }
        memcpy(p, digits, (size_t)n);
        p[n] = '\0';
        return buf;
    }
    // exp >= 0: the point goes after digit exp; pad with zeros when there are too few digits.
    for (int i = 0; i <= exp; i++) {
        *p++ = i < n ? digits[i] : '0';
    }
    *p++ = '.';
    if (n > exp + 1) {
        memcpy(p, digits + exp + 1, (size_t)(n - exp - 1));
        p += n - exp - 1;
    } else {
        *p++ = '0';
    }
    *p = '\0';
    return buf;
}

kr_val kr_float_repr(kr_val v) {
    char buf[40];
    return kr_str_from_cstr(kr_float_repr_cstr(KR_FLOAT_VALUE(v), buf));
}

// ---------------------------------------------------------------------------------------------
// Parsing

static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool ieq(const char *s, size_t n, const char *word) {
    return strlen(word) == n && strncasecmp(s, word, n) == 0;
}

// Copies digits from '*p', dropping underscores that sit between two digits. Returns the count
// of digits, or -1 for a misplaced underscore.
static int take_digits(const char **p, const char *end, char **out) {
    const char *s = *p;
    int n = 0;
    while (s < end && (is_digit(*s) || *s == '_')) {
        if (*s == '_') {
            if (n == 0 || !is_digit(s[-1]) || s + 1 >= end || !is_digit(s[1])) {
                return -1;
            }
        } else {
            *(*out)++ = *s;
            n++;
        }
        s++;
    }
    *p = s;
    return n;
}

// Checks Python's float literal grammar, copying it without underscores to 'out':
// [sign] (digits ['.' [digits]] | '.' digits) [('e'|'E') [sign] digits]
static bool clean_decimal(const char *s, const char *end, char *out) {
    if (s < end && (*s == '+' || *s == '-')) {
        *out++ = *s++;
    }
    int n = take_digits(&s, end, &out);
    if (n < 0) {
        return false;
    }
    if (s < end && *s == '.') {
        *out++ = *s++;
        int m = take_digits(&s, end, &out);
        if (m < 0 || n + m == 0) {
            return false;
        }
    } else if (n == 0) {
        return false;
    }
    if (s < end && (*s == 'e' || *s == 'E')) {
        *out++ = *s++;
        if (s < end && (*s == '+' || *s == '-')) {
            *out++ = *s++;
        }
        if (take_digits(&s, end, &out) <= 0) {
            return false;
        }
    }
    *out = '\0';
    return s == end;
}

static bool parse_special(const char *s, size_t n, double *out) {
    double sign = 1.0;
    if (n && (*s == '+' || *s == '-')) {
        sign = *s == '-' ? -1.0 : 1.0;
        s++;
        n--;
    }
    if (ieq(s, n, "inf") || ieq(s, n, "infinity")) {
        *out = sign * INFINITY;
        return true;
    }
    if (ieq(s, n, "nan")) {
        *out = copysign(NAN, sign);
        return true;
    }
    return false;
}

static int float_parse_error(const char *s, size_t n) {
    kr_val str = kr_str_from_utf8(s, n);
    kr_val r = str ? kr_repr(str) : 0;
    KR_XDECREF(str);
    if (r) {
        kr_err_set(&kr_exc_ValueError, "could not convert string to float: %s", kr_str_data(r));
        KR_DECREF(r);
    }
    return -1;
}

// Parses ASCII text 's'; 'orig' is the caller's text, for the error message.
static int float_parse_ascii(const char *s, size_t n, double *out, const char *orig,
                             size_t orig_n);

// float('12.34'): plain ASCII [sign] digits [. digits] with at most 19 digits whose value
// is at most 2**53 and at most 22 after the point is mant / 10**k with both exact, so the one
// division rounds correctly (Clinger's fast path). Returns false when the text needs strtod.
static bool float_parse_simple(const char *s, size_t n, double *out) {
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    size_t i = n > 0 && (s[0] == '-' || s[0] == '+');
    uint64_t mant = 0;
    int digits = 0, frac = -1;
    for (; i < n; i++) {
        unsigned d = (unsigned char)s[i] - '0';
        if (d <= 9) {
            mant = mant * 10 + d;
            digits++;
            frac += frac >= 0;
            if (digits > 19) {
                return false;
            }
        } else if (s[i] == '.' && frac < 0) {
            frac = 0;
        } else {
            return false;
        }
    }
    if (digits == 0 || mant > ((uint64_t)1 << 53) || frac > 22) {
        return false;
    }
    double v = frac > 0 ? (double)mant / pow10[frac] : (double)mant;
    *out = s[0] == '-' ? -v : v;
    return true;
}

int kr_float_parse(const char *s, size_t n, double *out) {
    if (float_parse_simple(s, n, out)) {
        return 0;
    }
    size_t an;
    char *ascii;
    int converted = kr_numeric_text_to_ascii(s, n, &ascii, &an);
    if (converted <= 0) {
        return converted < 0 ? -1 : float_parse_ascii(s, n, out, s, n);
    }
    int r = float_parse_ascii(ascii, an, out, s, n);
    kr_free(ascii);
    return r;
}

static int float_parse_ascii(const char *s, size_t n, double *out, const char *orig,
                             size_t orig_n) {
    const char *p = s, *end = s + n;
    while (p < end && is_space(*p)) {
        p++;
    }
    while (end > p && is_space(end[-1])) {
        end--;
    }
    if (parse_special(p, (size_t)(end - p), out)) {
        return 0;
    }
    char small[128];
    size_t len = (size_t)(end - p);
    char *clean = len < sizeof small ? small : malloc(len + 1);
    if (!clean) {
        kr_err_no_memory();
        return -1;
    }
    bool ok = clean_decimal(p, end, clean);
    if (ok) {
        *out = strtod(clean, NULL);
    }
    if (clean != small) {
        free(clean);
    }
    return ok ? 0 : float_parse_error(orig, orig_n);
}

// ---------------------------------------------------------------------------------------------
// Conversions

static double error_double(void) { return -1.0; }

double kr_float_as_double(kr_val v) {
    if (kr_float_check(v)) {
        return KR_FLOAT_VALUE(v);
    }
    if (kr_int_check(v)) {
        return kr_int_as_double(v);
    }
    for (const kr_type *t = KR_TYPE(v); t; t = t->base) {
        kr_unaryfunc f = t->number ? (t->number->to_float ? t->number->to_float
                                                           : t->number->index) : NULL;
        if (f) {
            kr_val r = f(v);
            if (!r) {
                return error_double();
            }
            double d = kr_float_as_double(r);
            KR_DECREF(r);
            return d;
        }
    }
    kr_err_set(&kr_exc_TypeError, "must be real number, not %s", kr_type_name(v));
    return error_double();
}

kr_val kr_float_from_val(kr_val v) {
    if (kr_float_check(v)) {
        return KR_OBJ(v)->type == &kr_float_type ? kr_newref(v) : kr_float_new(KR_FLOAT_VALUE(v));
    }
    if (kr_str_check(v)) {
        double d;
        if (kr_float_parse(kr_str_data(v), (size_t)kr_str_nbytes(v), &d) < 0) {
            return 0;
        }
        return kr_float_new(d);
    }
    bool numeric = kr_int_check(v);
    for (const kr_type *t = KR_TYPE(v); t && !numeric; t = t->base) {
        numeric = t->number && (t->number->to_float || t->number->index);
    }
    if (!numeric) {
        return kr_err_set(&kr_exc_TypeError,
                          "float() argument must be a string or a real number, not '%s'",
                          kr_type_name(v));
    }
    double d = kr_float_as_double(v);
    return d == -1.0 && kr_err_occurred() ? 0 : kr_float_new(d);
}

double kr_float_convert(kr_val v) {
    if (KR_IS_PTR(v) && KR_OBJ(v)->type == &kr_str_type) {
        double d;
        return kr_float_parse(kr_str_data(v), (size_t)kr_str_nbytes(v), &d) < 0 ? error_double()
                                                                               : d;
    }
    if (KR_IS_PTR(v) && KR_OBJ(v)->type == &kr_float_type) {
        return KR_FLOAT_VALUE(v);
    }
    kr_val r = kr_float_from_val(v);
    if (!r) {
        return error_double();
    }
    double d = KR_FLOAT_VALUE(r);
    KR_DECREF(r);
    return d;
}

// ---------------------------------------------------------------------------------------------
// Arithmetic on doubles

double kr_float_div(double a, double b) {
    if (b == 0.0) {
        kr_err_set(&kr_exc_ZeroDivisionError, "float division by zero");
        return error_double();
    }
    return a / b;
}

// CPython's float_divmod, without the zero check.
static void divmod_double(double vx, double wx, double *floordiv, double *mod) {
    double m = fmod(vx, wx);
    double div = (vx - m) / wx;
    if (m != 0.0) {
        if ((wx < 0) != (m < 0)) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, wx);
    }
    double fd;
    if (div != 0.0) {
        fd = floor(div);
        if (div - fd > 0.5) {
            fd += 1.0;
        }
    } else {
        fd = copysign(0.0, vx / wx);
    }
    *floordiv = fd;
    *mod = m;
}

double kr_float_floordiv(double a, double b) {
    if (b == 0.0) {
        kr_err_set(&kr_exc_ZeroDivisionError, "float floor division by zero");
        return error_double();
    }
    double q, m;
    divmod_double(a, b, &q, &m);
    return q;
}

double kr_float_mod(double a, double b) {
    if (b == 0.0) {
        kr_err_set(&kr_exc_ZeroDivisionError, "float modulo by zero");
        return error_double();
    }
    double m = fmod(a, b);
    if (m != 0.0) {
        if ((b < 0) != (m < 0)) {
            m += b;
        }
    } else {
        m = copysign(0.0, b);
    }
    return m;
}

static bool is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

// OverflowError(34, 'Numerical result out of range'), as CPython raises from errno.
static double range_error(void) {
    kr_val args[2] = { KR_FROM_SMALL(ERANGE), kr_str_from_cstr(strerror(ERANGE)) };
    if (args[1]) {
        kr_val e = kr_exc_new(&kr_exc_OverflowError, args, 2);
        KR_DECREF(args[1]);
        if (e) {
            kr_err_raise(e);
        }
    }
    return error_double();
}

// Special cases of CPython's float_pow with an infinite or nan operand.
static double pow_nonfinite(double iv, double iw) {
    if (isnan(iv)) {
        return iv;
    }
    if (isnan(iw)) {
        return iv == 1.0 ? 1.0 : iw;
    }
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0) {
            return 1.0;
        }
        return (iw > 0.0) == (iv > 1.0) ? fabs(iw) : 0.0;
    }
    // iv is infinite.
    bool odd = is_odd_integer(iw);
    if (iw > 0.0) {
        return odd ? iv : fabs(iv);
    }
    return odd ? copysign(0.0, iv) : 0.0;
}

double kr_float_pow(double iv, double iw) {
    if (iw == 0.0) {
        return 1.0;
    }
    if (!isfinite(iv) || !isfinite(iw)) {
        return pow_nonfinite(iv, iw);
    }
    if (iv == 0.0) {
        if (iw < 0.0) {
            kr_err_set(&kr_exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return error_double();
        }
        return is_odd_integer(iw) ? iv : 0.0;
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != floor(iw)) {
            // The result is complex: boxed operands go to kr_complex_pow_parts (float_pow2);
            // an unboxed double cannot hold it.
            kr_err_set(&kr_exc_ValueError,
                       "negative number cannot be raised to a fractional power (complex result "
                       "in a float context)");
            return error_double();
        }
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) {
        return negate ? -1.0 : 1.0;
    }
    errno = 0;
    double ix = pow(iv, iw);
    if (isinf(ix)) {
        return range_error();
    }
    return negate ? -ix : ix;
}

// ---------------------------------------------------------------------------------------------
// round()

#define NDIGITS_MAX ((int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103))
#define NDIGITS_MIN (-(int)((DBL_MAX_EXP + 1) * 0.30103))

// Rounds the exact integer 'digits' (decimal, optional '-') to a multiple of 10**'k' with
// round-half-even; 'sticky' says whether x had a nonzero fractional part. In place.
static void round_decimal_string(char *s, int k, bool sticky) {
    char *d = s[0] == '-' ? s + 1 : s;
    int n = (int)strlen(d);
    if (k > n) {
        strcpy(d, "0");
        return;
    }
    int cut = n - k;  // digits kept
    char first = d[cut];
    bool rest_nonzero = sticky || strspn(d + cut + 1, "0") != (size_t)(k - 1);
    bool last_odd = cut > 0 && (d[cut - 1] - '0') % 2 == 1;
    bool up = first > '5' || (first == '5' && (rest_nonzero || last_odd));
    memset(d + cut, '0', (size_t)k);
    for (int i = cut - 1; up && i >= 0; i--) {
        up = d[i] == '9';
        d[i] = up ? '0' : (char)(d[i] + 1);
    }
    if (up) {
        memmove(d + 1, d, (size_t)n + 1);
        d[0] = '1';
    }
}

static kr_val round_ndigits(double x, intptr_t nd) {
    if (!isfinite(x) || x == 0.0 || nd > NDIGITS_MAX) {
        return kr_float_new(x);
    }
    if (nd < NDIGITS_MIN) {
        return kr_float_new(0.0 * x);
    }
    char *buf = malloc(400 + (nd > 0 ? (size_t)nd : 0));
    if (!buf) {
        return kr_err_no_memory();
    }
    if (nd >= 0) {
        sprintf(buf, "%.*f", (int)nd, x);
    } else {
        double t = trunc(x);
        sprintf(buf, "%.0f", t);
        round_decimal_string(buf, (int)-nd, t != x);
    }
    errno = 0;
    double r = strtod(buf, NULL);
    free(buf);
    if (errno == ERANGE && fabs(r) >= 1.0) {
        return kr_err_set(&kr_exc_OverflowError, "rounded value too large to represent");
    }
    // Keep the sign of zero results, as CPython does ("%.0f" of -0.4 is "-0").
    return kr_float_new(r);
}

kr_val kr_float_round(double x, kr_val ndigits) {
    if (ndigits == KR_NONE) {
        double r = round(x);
        if (fabs(x - r) == 0.5) {
            r = 2.0 * round(x / 2.0);
        }
        return kr_int_from_double(r);
    }
    intptr_t nd;
    if (kr_index_as_ssize(ndigits, &nd) < 0) {
        if (!kr_err_matches(&kr_exc_IndexError)) {
            return 0;
        }
        // A huge ndigits: positive keeps x, negative gives a signed zero.
        kr_err_clear();
        nd = kr_int_sign(ndigits) > 0 ? INTPTR_MAX : INTPTR_MIN;
    }
    return round_ndigits(x, nd);
}

// ---------------------------------------------------------------------------------------------
// Hash and comparison

intptr_t kr_float_hash_double(double v, kr_val identity) {
    if (!isfinite(v)) {
        if (isinf(v)) {
            return v > 0 ? HASH_INF : -HASH_INF;
        }
        return kr_hash_pointer((void *)identity);
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS) {
            x -= HASH_MODULUS;
        }
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    intptr_t h = (intptr_t)x * sign;
    return h == -1 ? -2 : h;
}

static intptr_t float_hash(kr_val v) { return kr_float_hash_double(KR_FLOAT_VALUE(v), v); }

int kr_float_compare_int(double d, kr_val i) {
    if (isnan(d)) {
        return 2;
    }
    if (isinf(d)) {
        return d > 0 ? 1 : -1;
    }
    if (KR_IS_SMALL(i)) {
        intptr_t x = KR_SMALL_VALUE(i);
        if (x > -((intptr_t)1 << 53) && x < ((intptr_t)1 << 53)) {
            double y = (double)x;
            return (d > y) - (d < y);
        }
    }
    // Exact: compare trunc(d) as an integer, then the fractional part breaks ties.
    double t = trunc(d);
    kr_val ti = kr_int_from_double(t);
    if (!ti) {
        kr_err_clear();
        return 0;
    }
    int c = kr_int_compare(ti, i);
    KR_DECREF(ti);
    if (c != 0) {
        return c;
    }
    return (d > t) - (d < t);
}

static kr_val compare_result(int c, int op) {
    if (c == 2) {
        return kr_bool(op == KR_NE);
    }
    switch (op) {
    case KR_LT: return kr_bool(c < 0);
    case KR_LE: return kr_bool(c <= 0);
    case KR_EQ: return kr_bool(c == 0);
    case KR_NE: return kr_bool(c != 0);
    case KR_GT: return kr_bool(c > 0);
    default: return kr_bool(c >= 0);
    }
}

static kr_val float_richcompare(kr_val a, kr_val b, int op) {
    double x = KR_FLOAT_VALUE(a);
    if (kr_float_check(b)) {
        double y = KR_FLOAT_VALUE(b);
        return compare_result(isnan(x) || isnan(y) ? 2 : (x > y) - (x < y), op);
    }
    if (kr_int_check(b)) {
        return compare_result(kr_float_compare_int(x, b), op);
    }
    return KR_NOTIMPLEMENTED;
}

// ---------------------------------------------------------------------------------------------
// Number slots

// Reads an operand of a float operator: 1 = ok, 0 = not a number we handle, -1 = error.
static int operand(kr_val v, double *out) {
    if (kr_float_check(v)) {
        *out = KR_FLOAT_VALUE(v);
        return 1;
    }
    if (kr_int_check(v)) {
        *out = kr_int_as_double(v);
        return *out == -1.0 && kr_err_occurred() ? -1 : 1;
    }
    return 0;
}

static kr_val box(double d) { return d == -1.0 && kr_err_occurred() ? 0 : kr_float_new(d); }

#define FLOAT_BINOP(name, expr)                                \
    static kr_val name(kr_val va, kr_val vb) {                 \
        double a, b;                                           \
        int ra = operand(va, &a);                              \
        if (ra <= 0) {                                         \
            return ra < 0 ? 0 : KR_NOTIMPLEMENTED;             \
        }                                                      \
        int rb = operand(vb, &b);                              \
        if (rb <= 0) {                                         \
            return rb < 0 ? 0 : KR_NOTIMPLEMENTED;             \
        }                                                      \
        return expr;                                           \
    }

FLOAT_BINOP(float_add, kr_float_new(a + b))
FLOAT_BINOP(float_sub, kr_float_new(a - b))
FLOAT_BINOP(float_mul, kr_float_new(a * b))
FLOAT_BINOP(float_truediv, box(kr_float_div(a, b)))
FLOAT_BINOP(float_floordiv, box(kr_float_floordiv(a, b)))
FLOAT_BINOP(float_mod, box(kr_float_mod(a, b)))
// A negative base with a finite fractional exponent gives a complex, as in CPython.
static kr_val float_pow_val(double a, double b) {
    if (a < 0.0 && isfinite(a) && isfinite(b) && b != floor(b)) {
        return kr_complex_pow_parts(a, 0.0, b, 0.0);
    }
    return box(kr_float_pow(a, b));
}

FLOAT_BINOP(float_pow2, float_pow_val(a, b))

static kr_val float_divmod_pair(double a, double b) {
    if (b == 0.0) {
        return kr_err_set(&kr_exc_ZeroDivisionError, "float divmod()");
    }
    double q, m;
    divmod_double(a, b, &q, &m);
    kr_val fq = kr_float_new(q), fm = fq ? kr_float_new(m) : 0;
    kr_val t = fm ? kr_tuple_new(2) : 0;
    if (!t) {
        KR_XDECREF(fq);
        KR_XDECREF(fm);
        return 0;
    }
    KR_TUPLE_ITEMS(t)[0] = fq;
    KR_TUPLE_ITEMS(t)[1] = fm;
    return t;
}

FLOAT_BINOP(float_divmod, float_divmod_pair(a, b))

static kr_val float_pow3(kr_val a, kr_val b, kr_val m) {
    if (m != KR_NONE) {
        return kr_err_set(&kr_exc_TypeError,
                          "pow() 3rd argument not allowed unless all arguments are integers");
    }
    return float_pow2(a, b);
}

static kr_val float_neg(kr_val v) { return kr_float_new(-KR_FLOAT_VALUE(v)); }
static kr_val float_abs(kr_val v) { return kr_float_new(fabs(KR_FLOAT_VALUE(v))); }
static kr_val float_pos(kr_val v) { return kr_float_from_val(v); }
static int float_is_true(kr_val v) { return KR_FLOAT_VALUE(v) != 0.0; }
static kr_val float_to_int(kr_val v) { return kr_int_from_double(KR_FLOAT_VALUE(v)); }

static const kr_number_methods float_number = {
    .binop = {
        [KR_OP_ADD] = float_add, [KR_OP_SUB] = float_sub, [KR_OP_MUL] = float_mul,
        [KR_OP_TRUEDIV] = float_truediv, [KR_OP_FLOORDIV] = float_floordiv,
        [KR_OP_MOD] = float_mod, [KR_OP_DIVMOD] = float_divmod, [KR_OP_POW] = float_pow2,
    },
    .power = float_pow3,
    .neg = float_neg,
    .pos = float_pos,
    .abs = float_abs,
    .is_true = float_is_true,
    .to_int = float_to_int,
    .to_float = float_pos,
};

// ---------------------------------------------------------------------------------------------
// Methods and the type

static kr_val float_m_is_integer(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)args;
    (void)nargs;
    (void)kw;
    double d = KR_FLOAT_VALUE(self);
    return kr_bool(isfinite(d) && d == floor(d));
}

static kr_val float_m_conjugate(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)args;
    (void)nargs;
    (void)kw;
    return kr_float_from_val(self);
}

// x == n / d exactly, d a power of two: scale the mantissa until it is integral.
static kr_val float_m_as_integer_ratio(kr_val self, const kr_val *args, size_t nargs,
                                       kr_val kw) {
    (void)args;
    (void)nargs;
    (void)kw;
    double d = KR_FLOAT_VALUE(self);
    if (!isfinite(d)) {
        return kr_err_set(isnan(d) ? &kr_exc_ValueError : &kr_exc_OverflowError,
                          isnan(d) ? "cannot convert NaN to integer ratio"
                                   : "cannot convert Infinity to integer ratio");
    }
    int e;
    double m = frexp(d, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    kr_val num = kr_int_from_double(m), den = KR_FROM_SMALL(1);
    kr_val shift = KR_FROM_SMALL(e < 0 ? -e : e);
    kr_val t;
    if (num && e > 0) {
        t = kr_int_lshift(num, shift);
        KR_DECREF(num);
        num = t;
    } else if (num && e < 0) {
        den = kr_int_lshift(den, shift);
    }
    if (!num || !den) {
        KR_XDECREF(num);
        KR_XDECREF(den);
        return 0;
    }
    t = kr_tuple_new(2);
    if (!t) {
        KR_DECREF(num);
        KR_DECREF(den);
        return 0;
    }
    KR_TUPLE_ITEMS(t)[0] = num;
    KR_TUPLE_ITEMS(t)[1] = den;
    return t;
}

// float.hex(): "[-]0xh.hhhhhhhhhhhhhp[+-]e", 13 hex digits after the point (CPython's
// float_hex; subnormals keep a leading 0).
static kr_val float_m_hex(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)args;
    (void)nargs;
    (void)kw;
    double x = KR_FLOAT_VALUE(self);
    char buf[40];
    if (isnan(x) || isinf(x)) {
        return kr_float_repr(self);
    }
    if (x == 0.0) {
        return kr_str_from_cstr(signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    }
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char digits[16];
    digits[0] = "0123456789abcdef"[(int)m];
    m -= (int)m;
    for (int i = 1; i <= 13; i++) {
        m *= 16.0;
        digits[i] = "0123456789abcdef"[(int)m];
        m -= (int)m;
    }
    snprintf(buf, sizeof buf, "%s0x%c.%.13sp%c%d", x < 0 ? "-" : "", digits[0], digits + 1,
             e < 0 ? '-' : '+', e < 0 ? -e : e);
    return kr_str_from_cstr(buf);
}

static bool is_hex_digit(char c) { return isxdigit((unsigned char)c) != 0; }

// Checks float.fromhex syntax at 's' (after the sign): [0x] hex digits with an optional point
// (at least one digit), then an optional p[+-]decimal exponent. Returns the end, or NULL.
static const char *hex_float_end(const char *s) {
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        s += 2;
    }
    size_t digits = 0;
    for (; is_hex_digit(*s); s++) {
        digits++;
    }
    if (*s == '.') {
        for (s++; is_hex_digit(*s); s++) {
            digits++;
        }
    }
    if (digits == 0) {
        return NULL;
    }
    if (*s == 'p' || *s == 'P') {
        const char *e = s + 1 + (s[1] == '+' || s[1] == '-');
        if (!isdigit((unsigned char)*e)) {
            return NULL;
        }
        for (s = e; isdigit((unsigned char)*s); s++) {
        }
    }
    return s;
}

// float.fromhex(text) (a class method): the syntax is checked here, then glibc's strtod
// rounds the hexadecimal value correctly (half to even), as CPython's float_fromhex does.
static kr_val float_m_fromhex(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    kr_val a[1];
    if (kr_str_unpack_args("fromhex", args, nargs, kw, NULL, 1, 1, a) < 0) {
        return 0;
    }
    if (!kr_str_check(a[0])) {
        return kr_err_set(&kr_exc_TypeError, "fromhex() argument must be str, not %s",
                          kr_type_name(a[0]));
    }
    const char *s = kr_str_data(a[0]), *end = s + kr_str_nbytes(a[0]);
    while (is_space(*s)) {
        s++;
    }
    const char *body = s + (*s == '+' || *s == '-');
    const char *p = NULL;
    static const char *const words[] = { "infinity", "inf", "nan" };
    for (int w = 0; w < 3 && !p; w++) {
        if (strncasecmp(body, words[w], strlen(words[w])) == 0) {
            p = body + strlen(words[w]);
        }
    }
    p = p ? p : hex_float_end(body);
    const char *q = p;
    while (q && is_space(*q)) {
        q++;
    }
    if (!p || q != end) {
        return kr_err_set(&kr_exc_ValueError, "invalid hexadecimal floating-point string");
    }
    char *text = kr_alloc_atomic((size_t)(p - s) + 3);
    if (!text) {
        return 0;
    }
    // strtod needs the 0x that fromhex may omit: "[sign]0x" + the rest.
    size_t n = 0;
    if (body != s) {
        text[n++] = *s;
    }
    bool has_0x = body[0] == '0' && (body[1] == 'x' || body[1] == 'X');
    if (p == hex_float_end(body) && !has_0x) {
        text[n++] = '0';
        text[n++] = 'x';
    }
    memcpy(text + n, body, (size_t)(p - body));
    text[n + (size_t)(p - body)] = '\0';
    errno = 0;
    double d = strtod(text, NULL);
    kr_free(text);
    if (isinf(d) && errno == ERANGE) {
        return kr_err_set(&kr_exc_OverflowError,
                          "hexadecimal value too large to represent as a float");
    }
    return kr_float_new(d);
}

static const kr_method_def float_methods[] = {
    { "is_integer", float_m_is_integer, 0 },
    { "conjugate", float_m_conjugate, 0 },
    { "as_integer_ratio", float_m_as_integer_ratio, 0 },
    { "hex", float_m_hex, 0 },
    { "fromhex", float_m_fromhex, KR_METH_CLASS },
    { NULL, NULL, 0 },
};

static kr_val float_get_real(kr_val v) { return kr_float_from_val(v); }
static kr_val float_get_imag(kr_val v) {
    (void)v;
    return kr_float_new(0.0);
}

static const kr_getset_def float_getset[] = {
    { "real", float_get_real, NULL },
    { "imag", float_get_imag, NULL },
    { NULL, NULL, NULL },
};

static kr_val float_new_slot(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    if (kw) {
        return kr_err_set(&kr_exc_TypeError, "float() takes no keyword arguments");
    }
    if (nargs > 1) {
        return kr_err_set(&kr_exc_TypeError, "float expected at most 1 argument, got %zu",
                          nargs);
    }
    return kr_builtin_float(nargs ? args[0] : 0);
}

kr_type kr_float_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "float",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_float_obj),
    .flags = KR_TF_ATOMIC | KR_TF_FLOAT_SUB | KR_TF_BASETYPE,
    .free = float_free,
    .repr = kr_float_repr,
    .hash = float_hash,
    .richcompare = float_richcompare,
    .new = float_new_slot,
    .number = &float_number,
    .methods = float_methods,
    .getset = float_getset,
};
