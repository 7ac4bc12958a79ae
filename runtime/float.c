// float.c: Python's float.
//
// A float is boxed in a kr_float_obj when its type is not known; the kr_float_* functions on
// doubles serve unboxed code. Semantics follow CPython 3.13's floatobject.c: repr is the
// shortest string that round-trips, formatted by Python's rules; // and % take the sign of the
// divisor; ** has CPython's special cases and errors; round() is correctly rounded (glibc's
// printf is exact, so "%.*f" rounds the exact binary value half-even, as CPython's dtoa); the
// hash equals the int hash for integral values; comparisons with ints are exact.
#include "krait.h"

#include <errno.h>
#include <float.h>
#include <gmp.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

// Splits "%.*e" output (optional '-', digits around a '.', 'e', exponent) into the digits as
// an integer and the decimal exponent of the first digit.
static uint64_t split_exp_format(const char *buf, int *exp) {
    uint64_t mant = 0;
    const char *p = buf[0] == '-' ? buf + 1 : buf;
    for (; *p != 'e'; p++) {
        if (*p != '.') {
            mant = mant * 10 + (uint64_t)(*p - '0');
        }
    }
    *exp = atoi(p + 1);
    return mant;
}

// At a power of two the gap to the next double below is half the gap above, so the nearest
// 'prec'-digit decimal may miss while the next one up still reads back as 'd'. Returns the
// digits of that one (0 if it does not round-trip either).
static uint64_t try_next_up(double d, uint64_t mant, int prec, int exp) {
    char buf[48];
    snprintf(buf, sizeof buf, "%llue%d", (unsigned long long)(mant + 1), exp - (prec - 1));
    return strtod(buf, NULL) == d ? mant + 1 : 0;
}

// Formats 'd' with 'prec' significant digits; true when that reads back as 'd'.
static bool round_trips(double d, int prec, char *buf, size_t size) {
    snprintf(buf, size, "%.*e", prec - 1, d);
    return strtod(buf, NULL) == d;
}

static const uint64_t pow10_table[18] = {
    1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u, 100000000u, 1000000000u,
    10000000000u, 100000000000u, 1000000000000u, 10000000000000u, 100000000000000u,
    1000000000000000u, 10000000000000000u, 100000000000000000u,
};

// The 'prec' digits of the decimal nearest to 'd', from 'd17', its 17 correctly rounded
// digits with first-digit exponent '*exp' (updated on a carry). Rounding the 17 digits again
// is exact unless the dropped digits read exactly 5000...: then the first rounding may have
// hidden which side of the tie 'd' lies on, and printf decides.
static uint64_t nearest_digits(double d, uint64_t d17, int prec, int *exp) {
    uint64_t div = pow10_table[17 - prec], q = d17 / div, r = d17 % div;
    if (prec < 17 && r == div / 2) {
        char buf[40];
        snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
        return split_exp_format(buf, exp);
    }
    if (prec < 17 && r > div / 2 && ++q == pow10_table[prec]) {
        q /= 10;
        (*exp)++;
    }
    return q;
}

static bool reads_back(double d, uint64_t mant, int prec, int exp) {
    char buf[48];
    snprintf(buf, sizeof buf, "%llue%d", (unsigned long long)mant, exp - (prec - 1));
    return strtod(buf, NULL) == d;
}

// Finds the fewest significant digits that read back as 'd' (d finite, positive), as
// CPython's repr (dtoa mode 0): writes them to 'digits' (trailing zeros removed) and returns
// the decimal exponent of the first digit.
//
// Away from powers of two the rounding interval of 'd' is symmetric, so if the nearest
// p-digit decimal reads back, so does the nearest (p+1)-digit one: a binary search over p
// finds the shortest. At a power of two the interval is lopsided, so p is searched linearly
// and the next decimal up is tried too.
static int shortest_digits(double d, char *digits) {
    char buf[40];
    uint64_t mant = 0;
    int exp = 0, prec, e2;
    if (frexp(d, &e2) != 0.5) {
        snprintf(buf, sizeof buf, "%.16e", d);
        int exp17;
        uint64_t d17 = split_exp_format(buf, &exp17);
        int lo = 1, hi = 17;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            exp = exp17;
            uint64_t m = nearest_digits(d, d17, mid, &exp);
            if (reads_back(d, m, mid, exp)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        prec = lo;
        exp = exp17;
        mant = nearest_digits(d, d17, prec, &exp);
    } else {
        for (prec = 1; prec < 17; prec++) {
            bool ok = round_trips(d, prec, buf, sizeof buf);
            mant = split_exp_format(buf, &exp);
            if (ok) {
                break;
            }
            uint64_t up = strtod(buf, NULL) < d ? try_next_up(d, mant, prec, exp) : 0;
            if (up) {
                mant = up;
                break;
            }
        }
        if (prec == 17) {
            round_trips(d, prec, buf, sizeof buf);
            mant = split_exp_format(buf, &exp);
        }
    }
    int n = snprintf(digits, 24, "%llu", (unsigned long long)mant);
    // A carry out of the top digit (9.99 -> 10.0) moves the exponent.
    exp += n - prec;
    while (n > 1 && digits[n - 1] == '0') {
        n--;
    }
    digits[n] = '\0';
    return exp;
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

int kr_float_parse(const char *s, size_t n, double *out) {
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
            // CPython returns a complex number here; krait has no complex type yet.
            kr_err_set(&kr_exc_ValueError,
                       "negative number cannot be raised to a fractional power (complex result "
                       "not supported by krait)");
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
FLOAT_BINOP(float_pow2, box(kr_float_pow(a, b)))

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

static const kr_method_def float_methods[] = {
    { "is_integer", float_m_is_integer, 0 },
    { "conjugate", float_m_conjugate, 0 },
    { "as_integer_ratio", float_m_as_integer_ratio, 0 },
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
