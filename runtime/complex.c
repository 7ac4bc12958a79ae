// complex.c: Python's complex.
//
// A complex is a pair of doubles. Semantics follow CPython 3.13's complexobject.c: repr writes
// each part with float's shortest repr minus a trailing ".0" ("(1+2j)", "-0j", "(nan+infj)"),
// the parentheses dropped when the real part is +0; division scales by the larger part of the
// divisor (Smith's method, without 3.14's recovery of infinities from nan); ** uses repeated
// squaring for integral exponents up to 100 and polar form otherwise; the hash combines the
// parts' hashes as CPython does, so equal ints, floats and complexes hash alike. Operands of
// other numeric types (int, bool, float) convert to complex; ordering comparisons and //, %
// are not defined.
#include "krait.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    double re, im;
} cpx;

kr_val kr_complex_new(double re, double im) {
    kr_complex_obj *c = (kr_complex_obj *)kr_obj_new(&kr_complex_type, sizeof *c);
    if (!c) {
        return 0;
    }
    c->real = re;
    c->imag = im;
    return KR_VAL(c);
}

static kr_val box(cpx c) { return kr_complex_new(c.re, c.im); }

// Reads an operand: 1 = ok, 0 = not a number complex handles, -1 = error (int too large).
static int operand(kr_val v, cpx *out) {
    out->im = 0.0;
    if (kr_complex_check(v)) {
        out->re = KR_COMPLEX(v)->real;
        out->im = KR_COMPLEX(v)->imag;
        return 1;
    }
    if (kr_float_check(v)) {
        out->re = KR_FLOAT_VALUE(v);
        return 1;
    }
    if (kr_int_check(v)) {
        out->re = kr_int_as_double(v);
        return out->re == -1.0 && kr_err_occurred() ? -1 : 1;
    }
    return 0;
}

// ---------------------------------------------------------------------------------------------
// Arithmetic (CPython's _Py_c_* functions; errno reports EDOM and ERANGE)

static cpx c_sum(cpx a, cpx b) { return (cpx){ a.re + b.re, a.im + b.im }; }
static cpx c_diff(cpx a, cpx b) { return (cpx){ a.re - b.re, a.im - b.im }; }
static cpx c_prod(cpx a, cpx b) {
    return (cpx){ a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re };
}

static cpx c_quot(cpx a, cpx b) {
    double abs_re = fabs(b.re), abs_im = fabs(b.im);
    cpx r;
    if (abs_re >= abs_im) {
        if (abs_re == 0.0) {
            errno = EDOM;
            return (cpx){ 0.0, 0.0 };
        }
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        r = (cpx){ (a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom };
    } else if (abs_im >= abs_re) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        r = (cpx){ (a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom };
    } else {
        r = (cpx){ NAN, NAN };  // a part of b is nan
    }
    return r;
}

static cpx c_pow(cpx a, cpx b) {
    if (b.re == 0.0 && b.im == 0.0) {
        return (cpx){ 1.0, 0.0 };
    }
    if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0) {
            errno = EDOM;
        }
        return (cpx){ 0.0, 0.0 };
    }
    double vabs = hypot(a.re, a.im), len = pow(vabs, b.re), at = atan2(a.im, a.re);
    double phase = at * b.re;
    if (b.im != 0.0) {
        len /= exp(at * b.im);
        phase += b.im * log(vabs);
    }
    return (cpx){ len * cos(phase), len * sin(phase) };
}

static cpx c_powu(cpx x, long n) {
    cpx r = { 1.0, 0.0 }, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask) {
            r = c_prod(r, p);
        }
        p = c_prod(p, p);
    }
    return r;
}

static cpx c_powi(cpx x, long n) {
    return n > 0 ? c_powu(x, n) : c_quot((cpx){ 1.0, 0.0 }, c_powu(x, -n));
}

// CPython's _Py_ADJUST_ERANGE2: an infinite part means overflow, unless errno says otherwise.
static void adjust_erange(cpx r) {
    if (isinf(r.re) || isinf(r.im)) {
        if (errno == 0) {
            errno = ERANGE;
        }
    } else if (errno == ERANGE) {
        errno = 0;
    }
}

kr_val kr_complex_pow_parts(double are, double aim, double bre, double bim) {
    cpx a = { are, aim }, b = { bre, bim };
    errno = 0;
    cpx p = b.im == 0.0 && b.re == floor(b.re) && fabs(b.re) <= 100.0 ? c_powi(a, (long)b.re)
                                                                    : c_pow(a, b);
    adjust_erange(p);
    if (errno == EDOM) {
        return kr_err_set(&kr_exc_ZeroDivisionError, "0.0 to a negative or complex power");
    }
    if (errno == ERANGE) {
        return kr_err_set(&kr_exc_OverflowError, "complex exponentiation");
    }
    return box(p);
}

#define COMPLEX_BINOP(name, expr)                  \
    static kr_val name(kr_val va, kr_val vb) {     \
        cpx a, b;                                  \
        int ra = operand(va, &a);                  \
        if (ra <= 0) {                             \
            return ra < 0 ? 0 : KR_NOTIMPLEMENTED; \
        }                                          \
        int rb = operand(vb, &b);                  \
        if (rb <= 0) {                             \
            return rb < 0 ? 0 : KR_NOTIMPLEMENTED; \
        }                                          \
        return expr;                               \
    }

static kr_val complex_div(cpx a, cpx b) {
    errno = 0;
    cpx q = c_quot(a, b);
    if (errno == EDOM) {
        return kr_err_set(&kr_exc_ZeroDivisionError, "complex division by zero");
    }
    return box(q);
}

COMPLEX_BINOP(complex_add, box(c_sum(a, b)))
COMPLEX_BINOP(complex_sub, box(c_diff(a, b)))
COMPLEX_BINOP(complex_mul, box(c_prod(a, b)))
COMPLEX_BINOP(complex_truediv, complex_div(a, b))
COMPLEX_BINOP(complex_pow2, kr_complex_pow_parts(a.re, a.im, b.re, b.im))

static kr_val complex_pow3(kr_val a, kr_val b, kr_val m) {
    if (m != KR_NONE) {
        cpx x;
        if (operand(a, &x) == 0 || operand(b, &x) == 0) {
            return KR_NOTIMPLEMENTED;
        }
        kr_err_clear();
        return kr_err_set(&kr_exc_ValueError, "complex modulo");
    }
    return complex_pow2(a, b);
}

static kr_val complex_neg(kr_val v) {
    return kr_complex_new(-KR_COMPLEX(v)->real, -KR_COMPLEX(v)->imag);
}

static kr_val complex_pos(kr_val v) {
    if (KR_OBJ(v)->type == &kr_complex_type) {
        return kr_newref(v);
    }
    return kr_complex_new(KR_COMPLEX(v)->real, KR_COMPLEX(v)->imag);
}

// abs(): hypot, with CPython's special values (an infinite part wins over nan).
static kr_val complex_abs(kr_val v) {
    double re = KR_COMPLEX(v)->real, im = KR_COMPLEX(v)->imag, r;
    if (isinf(re) || isinf(im)) {
        r = INFINITY;
    } else if (isnan(re) || isnan(im)) {
        r = NAN;
    } else {
        r = hypot(re, im);
        if (isinf(r)) {
            return kr_err_set(&kr_exc_OverflowError, "absolute value too large");
        }
    }
    return kr_float_new(r);
}

static int complex_is_true(kr_val v) {
    return KR_COMPLEX(v)->real != 0.0 || KR_COMPLEX(v)->imag != 0.0;
}

static const kr_number_methods complex_number = {
    .binop = {
        [KR_OP_ADD] = complex_add, [KR_OP_SUB] = complex_sub, [KR_OP_MUL] = complex_mul,
        [KR_OP_TRUEDIV] = complex_truediv, [KR_OP_POW] = complex_pow2,
    },
    .power = complex_pow3,
    .neg = complex_neg,
    .pos = complex_pos,
    .abs = complex_abs,
    .is_true = complex_is_true,
};

// ---------------------------------------------------------------------------------------------
// repr, hash, comparison

// One part as repr() writes it: float's repr without a trailing ".0"; 'sign' forces a '+'.
static char *part_repr(double d, bool sign, char *out) {
    char buf[40];
    kr_float_repr_cstr(d, buf);
    size_t n = strlen(buf);
    if (n > 2 && strcmp(buf + n - 2, ".0") == 0) {
        buf[n - 2] = '\0';
    }
    sprintf(out, "%s%s", sign && buf[0] != '-' ? "+" : "", buf);
    return out;
}

static kr_val complex_repr(kr_val v) {
    double re = KR_COMPLEX(v)->real, im = KR_COMPLEX(v)->imag;
    char a[48], b[48], out[128];
    if (re == 0.0 && !signbit(re)) {
        snprintf(out, sizeof out, "%sj", part_repr(im, false, b));
    } else {
        snprintf(out, sizeof out, "(%s%sj)", part_repr(re, false, a), part_repr(im, true, b));
    }
    return kr_str_from_cstr(out);
}

static intptr_t complex_hash(kr_val v) {
    uintptr_t hre = (uintptr_t)kr_float_hash_double(KR_COMPLEX(v)->real, v);
    uintptr_t him = (uintptr_t)kr_float_hash_double(KR_COMPLEX(v)->imag, v);
    intptr_t h = (intptr_t)(hre + 1000003u * him);
    return h == -1 ? -2 : h;
}

// == and != only; a complex with no imaginary part compares with an int exactly.
static kr_val complex_richcompare(kr_val a, kr_val b, int op) {
    if (op != KR_EQ && op != KR_NE) {
        return KR_NOTIMPLEMENTED;
    }
    double re = KR_COMPLEX(a)->real, im = KR_COMPLEX(a)->imag;
    bool eq;
    if (kr_int_check(b)) {
        eq = im == 0.0 && kr_float_compare_int(re, b) == 0;
    } else if (kr_float_check(b)) {
        eq = im == 0.0 && re == KR_FLOAT_VALUE(b);
    } else if (kr_complex_check(b)) {
        eq = re == KR_COMPLEX(b)->real && im == KR_COMPLEX(b)->imag;
    } else {
        return KR_NOTIMPLEMENTED;
    }
    return kr_bool(eq == (op == KR_EQ));
}

// ---------------------------------------------------------------------------------------------
// complex(text)

static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Length of the float at 's' (sign, digits with a point and an exponent, or inf, infinity,
// nan), 0 when there is none: the prefix CPython's PyOS_string_to_double accepts.
static size_t float_prefix(const char *s) {
    size_t i = *s == '+' || *s == '-';
    static const char *const words[] = { "infinity", "inf", "nan" };
    for (int w = 0; w < 3; w++) {
        size_t n = strlen(words[w]);
        if (strncasecmp(s + i, words[w], n) == 0) {
            return i + n;
        }
    }
    size_t digits = 0;
    for (; is_digit(s[i]); i++) {
        digits++;
    }
    if (s[i] == '.') {
        for (i++; is_digit(s[i]); i++) {
            digits++;
        }
    }
    if (digits == 0) {
        return 0;
    }
    if (s[i] == 'e' || s[i] == 'E') {
        size_t j = i + 1 + (s[i + 1] == '+' || s[i + 1] == '-');
        if (is_digit(s[j])) {
            for (i = j; is_digit(s[i]); i++) {
            }
        }
    }
    return i;
}

// Parses a float prefix at '*s' into '*out', advancing '*s'; false when there is none.
static bool parse_part(const char **s, double *out) {
    size_t n = float_prefix(*s);
    if (n == 0) {
        return false;
    }
    char buf[512];
    if (n >= sizeof buf) {
        return false;
    }
    memcpy(buf, *s, n);
    buf[n] = '\0';
    *out = strtod(buf, NULL);
    *s += n;
    return true;
}

// CPython's complex_from_string_inner on NUL-terminated text without underscores.
static int parse_complex(const char *s, cpx *out) {
    double x = 0.0, y = 0.0, z;
    while (is_space(*s)) {
        s++;
    }
    bool bracket = *s == '(';
    if (bracket) {
        for (s++; is_space(*s); s++) {
        }
    }
    if (parse_part(&s, &z)) {
        if (*s == '+' || *s == '-') {
            x = z;
            if (!parse_part(&s, &y)) {
                y = *s++ == '+' ? 1.0 : -1.0;
            }
            if (*s != 'j' && *s != 'J') {
                return -1;
            }
            s++;
        } else if (*s == 'j' || *s == 'J') {
            s++;
            y = z;
        } else {
            x = z;
        }
    } else {
        y = *s == '-' ? -1.0 : 1.0;
        s += *s == '+' || *s == '-';
        if (*s != 'j' && *s != 'J') {
            return -1;
        }
        s++;
    }
    while (is_space(*s)) {
        s++;
    }
    if (bracket) {
        if (*s++ != ')') {
            return -1;
        }
        while (is_space(*s)) {
            s++;
        }
    }
    *out = (cpx){ x, y };
    return *s == '\0' ? 0 : -1;
}

// Copies 's' without its underscores, each of which must sit between two digits (as
// CPython's _Py_string_to_number_with_underscores). NULL when one does not, or on no memory.
static char *drop_underscores(const char *s, size_t n) {
    char *t = kr_alloc_atomic(n + 1);
    if (!t) {
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '_') {
            t[k++] = s[i];
        } else if (i == 0 || !is_digit(s[i - 1]) || i + 1 == n || !is_digit(s[i + 1])) {
            kr_free(t);
            return NULL;
        }
    }
    t[k] = '\0';
    return t;
}

// ValueError "could not convert string to complex: '1__0j'" (misplaced underscores).
static kr_val convert_error(const char *s, size_t n) {
    kr_val str = kr_str_from_utf8(s, n);
    kr_val r = str ? kr_repr(str) : 0;
    KR_XDECREF(str);
    if (r) {
        kr_err_set(&kr_exc_ValueError, "could not convert string to complex: %s", kr_str_data(r));
        KR_DECREF(r);
    }
    return 0;
}

kr_val kr_complex_from_string(const char *s, size_t n) {
    if (memchr(s, '\0', n)) {
        return kr_err_set(&kr_exc_ValueError, "complex() arg is a malformed string");
    }
    char *ascii = NULL;
    size_t an = n;
    int conv = kr_numeric_text_to_ascii(s, n, &ascii, &an);
    if (conv < 0) {
        return 0;
    }
    char *t = drop_underscores(conv ? ascii : s, conv ? an : n);
    if (conv) {
        kr_free(ascii);
    }
    if (!t) {
        return kr_err_occurred() ? 0 : convert_error(s, n);
    }
    cpx c;
    int ok = t ? parse_complex(t, &c) : -1;
    kr_free(t);
    if (ok < 0) {
        return kr_err_set(&kr_exc_ValueError, "complex() arg is a malformed string");
    }
    return box(c);
}

// ---------------------------------------------------------------------------------------------
// Methods and the type

static kr_val complex_m_conjugate(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)args;
    (void)nargs;
    (void)kw;
    return kr_complex_new(KR_COMPLEX(self)->real, -KR_COMPLEX(self)->imag);
}

static const kr_method_def complex_methods[] = {
    { "conjugate", complex_m_conjugate, 0 },
    { NULL, NULL, 0 },
};

static kr_val complex_get_real(kr_val v) { return kr_float_new(KR_COMPLEX(v)->real); }
static kr_val complex_get_imag(kr_val v) { return kr_float_new(KR_COMPLEX(v)->imag); }

static const kr_getset_def complex_getset[] = {
    { "real", complex_get_real, NULL },
    { "imag", complex_get_imag, NULL },
    { NULL, NULL, NULL },
};

// complex(real=0, imag=0): numbers, or one str.
static kr_val complex_new_slot(const kr_type *t, const kr_val *args, size_t nargs, kr_val kw) {
    (void)t;
    static const char *const names[] = { "real", "imag" };
    kr_val a[2];
    if (kr_str_unpack_args("complex", args, nargs, kw, names, 0, 2, a) < 0) {
        return 0;
    }
    if (a[0] && kr_str_check(a[0])) {
        if (a[1]) {
            return kr_err_set(&kr_exc_TypeError,
                              "complex() can't take second arg if first is a string");
        }
        return kr_complex_from_string(kr_str_data(a[0]), (size_t)kr_str_nbytes(a[0]));
    }
    if (a[1] && kr_str_check(a[1])) {
        return kr_err_set(&kr_exc_TypeError, "complex() second arg can't be a string");
    }
    cpx r = { 0.0, 0.0 }, i = { 0.0, 0.0 };
    int ok = a[0] ? operand(a[0], &r) : 1;
    if (ok == 0) {
        return kr_err_set(&kr_exc_TypeError,
                          "complex() first argument must be a string or a number, not '%s'",
                          kr_type_name(a[0]));
    }
    int ok2 = ok > 0 && a[1] ? operand(a[1], &i) : 1;
    if (ok2 == 0) {
        return kr_err_set(&kr_exc_TypeError, "complex() second argument must be a number, not '%s'",
                          kr_type_name(a[1]));
    }
    if (ok < 0 || ok2 < 0) {
        return 0;
    }
    if (a[0] && !a[1] && KR_TYPE(a[0]) == &kr_complex_type) {
        return kr_newref(a[0]);
    }
    return kr_complex_new(r.re - i.im, r.im + i.re);
}

kr_type kr_complex_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "complex",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_complex_obj),
    .flags = KR_TF_ATOMIC | KR_TF_BASETYPE,
    .repr = complex_repr,
    .hash = complex_hash,
    .richcompare = complex_richcompare,
    .new = complex_new_slot,
    .number = &complex_number,
    .methods = complex_methods,
    .getset = complex_getset,
};
