// mathmodule.c: the math module, with CPython 3.13's results and errors.
//
// Float functions follow CPython's math_1 / math_2 rules on top of the C library: a NaN result
// from a non-NaN argument is ValueError "math domain error"; an infinite result from finite
// arguments is OverflowError "math range error" for functions that can overflow (exp, cosh,
// ...) and a domain error for the others (log(0), atanh(1)). Each has an unboxed entry point
// kr_math_<name>_f for typed code and a boxed function object in the module. Integer
// functions (factorial, gcd, lcm, isqrt, comb, perm) work on GMP numbers; log accepts ints
// too large for a double, as CPython does. fsum is Shewchuk's exact summation with CPython's
// final rounding; hypot and dist scale and sum squares with error compensation.
#include "krait.h"

#include <errno.h>
#include <float.h>
#include <gmp.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static kr_val domain_error(void) { return kr_err_set(&kr_exc_ValueError, "math domain error"); }
static kr_val range_error(void) { return kr_err_set(&kr_exc_OverflowError, "math range error"); }

// ---------------------------------------------------------------------------------------------
// GMP interop. int.c keeps its bigint layout private; this mirror of it (header + mpz_t) is the
// only place outside int.c that depends on it.

typedef struct {
    kr_obj ob;
    mpz_t z;
} bigint_mirror;

// Sets 'out' (initialized) to the value of int 'v'.
static void int_to_mpz(kr_val v, mpz_t out) {
    if (KR_IS_PTR(v) && KR_OBJ(v)->type == &kr_bool_type) {
        v = ((kr_bool_obj *)v)->ival;
    }
    if (KR_IS_SMALL(v)) {
        mpz_set_si(out, (long)KR_SMALL_VALUE(v));
    } else {
        mpz_set(out, ((bigint_mirror *)v)->z);
    }
}

static kr_val int_from_mpz(mpz_srcptr z) {
    if (mpz_fits_slong_p(z) && KR_FITS_SMALL(mpz_get_si(z))) {
        return KR_FROM_SMALL(mpz_get_si(z));
    }
    bigint_mirror *b = (bigint_mirror *)kr_obj_new(&kr_int_type, sizeof *b);
    if (!b) {
        return 0;
    }
    mpz_init_set(b->z, z);
    return KR_VAL(b);
}

// ---------------------------------------------------------------------------------------------
// Unboxed float functions

enum { DOMAIN_ONLY, CAN_OVERFLOW, UNCHECKED };

// CPython's math_1: 'r' = f(x) checked for domain and range errors ('kind' one of the above).
static double check_1(double x, double r, int kind) {
    bool can_overflow = kind == CAN_OVERFLOW;
    if (kind == UNCHECKED) {
        return r;
    }
    if (isnan(r) && !isnan(x)) {
        domain_error();
        return -1.0;
    }
    if (isinf(r) && isfinite(x)) {
        can_overflow ? range_error() : domain_error();
        return -1.0;
    }
    if (isfinite(r) && errno == ERANGE && fabs(r) >= 1.5) {
        range_error();
        return -1.0;
    }
    return r;
}

// CPython's math_2 (atan2, copysign, remainder).
static double check_2(double x, double y, double r) {
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        domain_error();
        return -1.0;
    }
    if (isinf(r) && isfinite(x) && isfinite(y)) {
        range_error();
        return -1.0;
    }
    return r;
}

static double degrees(double x) { return x * (180.0 / M_PI); }
static double radians(double x) { return x * (M_PI / 180.0); }

static bool is_pole(double x) { return x <= 0 && x == floor(x); }

static double gamma_checked(double x) {
    // glibc's tgamma; CPython's own Lanczos m_tgamma can differ in the last bits.
    if (is_pole(x) || (isinf(x) && x < 0)) {
        return NAN;
    }
    return tgamma(x);
}

static double lgamma_checked(double x) {
    if (isinf(x)) {
        return INFINITY;
    }
    if (is_pole(x)) {
        return NAN;
    }
    int sign;
    return lgamma_r(x, &sign);
}

static double ulp(double x) {
    if (isnan(x)) {
        return x;
    }
    x = fabs(x);
    if (isinf(x)) {
        return x;
    }
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) {
        return x - nextafter(x, -INFINITY);
    }
    return x2 - x;
}

// name, C function, error rule: is an infinite result from a finite argument an overflow?
#define UNARY_TABLE(X)                                                                           \
    X(sqrt, sqrt, DOMAIN_ONLY) X(exp, exp, CAN_OVERFLOW) X(exp2, exp2, CAN_OVERFLOW)             \
    X(expm1, expm1, CAN_OVERFLOW) X(log, log, DOMAIN_ONLY) X(log2, log2, DOMAIN_ONLY)            \
    X(log10, log10, DOMAIN_ONLY) X(log1p, log1p, DOMAIN_ONLY) X(fabs, fabs, DOMAIN_ONLY)         \
    X(sin, sin, DOMAIN_ONLY) X(cos, cos, DOMAIN_ONLY) X(tan, tan, DOMAIN_ONLY)                   \
    X(asin, asin, DOMAIN_ONLY) X(acos, acos, DOMAIN_ONLY) X(atan, atan, DOMAIN_ONLY)             \
    X(sinh, sinh, CAN_OVERFLOW) X(cosh, cosh, CAN_OVERFLOW) X(tanh, tanh, DOMAIN_ONLY)           \
    X(asinh, asinh, DOMAIN_ONLY) X(acosh, acosh, DOMAIN_ONLY) X(atanh, atanh, DOMAIN_ONLY)       \
    X(degrees, degrees, UNCHECKED) X(radians, radians, UNCHECKED) X(erf, erf, DOMAIN_ONLY)       \
    X(erfc, erfc, DOMAIN_ONLY) X(gamma, gamma_checked, CAN_OVERFLOW)                             \
    X(lgamma, lgamma_checked, CAN_OVERFLOW) X(cbrt, cbrt, DOMAIN_ONLY) X(ulp, ulp, DOMAIN_ONLY)

#define DEFINE_UNARY_F(name, cfn, ovf)       \
    double kr_math_##name##_f(double x) {    \
        errno = 0;                           \
        return check_1(x, cfn(x), ovf);      \
    }
UNARY_TABLE(DEFINE_UNARY_F)
#undef DEFINE_UNARY_F

double kr_math_pow_f(double x, double y) {
    double r = pow(x, y);
    if (!isfinite(x) || !isfinite(y) || isfinite(r)) {
        return r;
    }
    if (isnan(r) || x == 0) {
        domain_error();
    } else {
        range_error();
    }
    return -1.0;
}

double kr_math_fmod_f(double x, double y) {
    if (isinf(y) && isfinite(x)) {
        return x;
    }
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        domain_error();
        return -1.0;
    }
    return r;
}

double kr_math_atan2_f(double y, double x) { return check_2(y, x, atan2(y, x)); }
double kr_math_copysign_f(double x, double y) { return copysign(x, y); }
double kr_math_remainder_f(double x, double y) { return check_2(x, y, remainder(x, y)); }

double kr_math_fma_f(double x, double y, double z) {
    double r = fma(x, y, z);
    if (isfinite(r)) {
        return r;
    }
    if (isnan(r)) {
        if (!isnan(x) && !isnan(y) && !isnan(z)) {
            kr_err_set(&kr_exc_ValueError, "invalid operation in fma");
            return -1.0;
        }
    } else if (isfinite(x) && isfinite(y) && isfinite(z)) {
        kr_err_set(&kr_exc_OverflowError, "overflow in fma");
        return -1.0;
    }
    return r;
}

double kr_math_ldexp_f(double x, int64_t i) {
    if (x == 0 || !isfinite(x)) {
        return x;
    }
    int e = i > INT32_MAX ? INT32_MAX : i < INT32_MIN ? INT32_MIN : (int)i;
    double r = ldexp(x, e);
    if (isinf(r)) {
        range_error();
        return -1.0;
    }
    return r;
}

int kr_math_isclose_f(double a, double b, double rel_tol, double abs_tol) {
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        kr_err_set(&kr_exc_ValueError, "tolerances must be non-negative");
        return -1;
    }
    if (a == b) {
        return 1;
    }
    if (isinf(a) || isinf(b)) {
        return 0;
    }
    double diff = fabs(b - a);
    return diff <= fabs(rel_tol * b) || diff <= fabs(rel_tol * a) || diff <= abs_tol;
}

kr_val kr_math_floor_f(double x) { return kr_int_from_double(floor(x)); }
kr_val kr_math_ceil_f(double x) { return kr_int_from_double(ceil(x)); }

// ---------------------------------------------------------------------------------------------
// hypot and dist: the Euclidean norm of 'n' values (CPython's vector_norm contract: exact for
// exactly representable results, inf wins over nan).

static double vector_norm(double *v, intptr_t n, double max, bool found_nan) {
    if (isinf(max)) {
        return max;
    }
    if (found_nan) {
        return NAN;
    }
    if (max == 0 || n <= 1) {
        return max;
    }
    int e;
    frexp(max, &e);
    if (e < -1023) {
        // ldexp(1.0, -e) would overflow: make subnormals normal first.
        for (intptr_t i = 0; i < n; i++) {
            v[i] /= DBL_MIN;
        }
        return DBL_MIN * vector_norm(v, n, max / DBL_MIN, false);
    }
    double scale = ldexp(1.0, -e);
    // The squares go into 'csum' (starting at 1.0, so every addition is a fast two-sum with
    // the larger operand first); their rounding errors into two separate accumulators.
    double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (intptr_t i = 0; i < n; i++) {
        double x = v[i] * scale;  // exact: a power-of-two scaling
        double sq = x * x, sq_lo = fma(x, x, -sq);
        double hi = csum + sq;
        frac2 += (csum - hi) + sq;
        frac1 += sq_lo;
        csum = hi;
    }
    double h = sqrt(csum - 1.0 + (frac1 + frac2));
    // Differential correction: one Newton step with the residual computed in double length.
    double sq = -h * h, sq_lo = fma(-h, h, -sq);
    double hi = csum + sq;
    frac2 += (csum - hi) + sq;
    frac1 += sq_lo;
    double x = hi - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

// ---------------------------------------------------------------------------------------------
// Argument helpers

static int arg_double(kr_val v, double *out) {
    if (kr_float_check(v)) {
        *out = KR_FLOAT_VALUE(v);
        return 0;
    }
    *out = kr_float_as_double(v);
    return *out == -1.0 && kr_err_occurred() ? -1 : 0;
}

static kr_val box(double r) { return r == -1.0 && kr_err_occurred() ? 0 : kr_float_new(r); }

static kr_val unary(const char *fname, const kr_val *args, size_t nargs, kr_val kwnames,
                    double (*f)(double)) {
    double x;
    if (kr_args_check(fname, nargs, kwnames, 1, 1) < 0 || arg_double(args[0], &x) < 0) {
        return 0;
    }
    return box(f(x));
}

static kr_val binary(const char *fname, const kr_val *args, size_t nargs, kr_val kwnames,
                     double (*f)(double, double)) {
    double x, y;
    if (kr_args_check(fname, nargs, kwnames, 2, 2) < 0 || arg_double(args[0], &x) < 0
        || arg_double(args[1], &y) < 0) {
        return 0;
    }
    return box(f(x, y));
}

// The value of int argument 'v' (any size) in an mpz, or TypeError for non-integers.
static int arg_mpz(kr_val v, mpz_t out) {
    kr_val i = kr_index(v);
    if (!i) {
        return -1;
    }
    int_to_mpz(i, out);
    KR_DECREF(i);
    return 0;
}

// Keyword-only arguments 'names' of a call, stored into 'out' (0 when absent).
static int keywords(const char *fname, const kr_val *args, size_t nargs, kr_val kwnames,
                    const char *const *names, size_t n, kr_val *out) {
    for (size_t j = 0; j < n; j++) {
        out[j] = 0;
    }
    for (intptr_t i = 0; kwnames && i < KR_TUPLE_LEN(kwnames); i++) {
        const char *k = kr_str_data(KR_TUPLE_ITEMS(kwnames)[i]);
        size_t j = 0;
        while (j < n && strcmp(k, names[j]) != 0) {
            j++;
        }
        if (j == n) {
            kr_err_set(&kr_exc_TypeError, "%s() got an unexpected keyword argument '%s'", fname,
                       k);
            return -1;
        }
        out[j] = args[nargs + (size_t)i];
    }
    return 0;
}

// ---------------------------------------------------------------------------------------------
// Boxed functions: the simple float ones

#define DEFINE_UNARY(name, cfn, ovf)                                                      \
    static kr_val mu_##name(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {    \
        (void)self;                                                                       \
        return unary("math." #name, args, nargs, kw, kr_math_##name##_f);                 \
    }
UNARY_TABLE(DEFINE_UNARY)
#undef DEFINE_UNARY

#define BINARY_TABLE(X) X(pow) X(fmod) X(atan2) X(copysign) X(remainder)
#define DEFINE_BINARY(name)                                                               \
    static kr_val m_##name(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {    \
        (void)self;                                                                       \
        return binary(#name, args, nargs, kw, kr_math_##name##_f);                        \
    }
BINARY_TABLE(DEFINE_BINARY)
#undef DEFINE_BINARY

static kr_val predicate(const kr_val *args, size_t nargs, kr_val kw, const char *fname,
                        int (*test)(double)) {
    double x;
    if (kr_args_check(fname, nargs, kw, 1, 1) < 0 || arg_double(args[0], &x) < 0) {
        return 0;
    }
    return kr_bool(test(x));
}

static int test_finite(double x) { return isfinite(x); }
static int test_inf(double x) { return isinf(x); }
static int test_nan(double x) { return isnan(x); }

static kr_val m_isfinite(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    return predicate(args, nargs, kw, "math.isfinite", test_finite);
}
static kr_val m_isinf(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    return predicate(args, nargs, kw, "math.isinf", test_inf);
}
static kr_val m_isnan(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    return predicate(args, nargs, kw, "math.isnan", test_nan);
}

static kr_val m_fma(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    double x, y, z;
    if (kr_args_check("fma", nargs, kw, 3, 3) < 0 || arg_double(args[0], &x) < 0
        || arg_double(args[1], &y) < 0 || arg_double(args[2], &z) < 0) {
        return 0;
    }
    return box(kr_math_fma_f(x, y, z));
}

static kr_val m_ldexp(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    double x;
    if (kr_args_check("ldexp", nargs, kw, 2, 2) < 0 || arg_double(args[0], &x) < 0) {
        return 0;
    }
    if (!kr_int_check(args[1])) {
        return kr_err_set(&kr_exc_TypeError, "Expected an int as second argument to ldexp.");
    }
    int64_t i;
    if (kr_int_as_i64(args[1], &i) < 0) {
        kr_err_clear();
        i = kr_int_sign(args[1]) < 0 ? INT64_MIN : INT64_MAX;
    }
    return box(kr_math_ldexp_f(x, i));
}

static kr_val m_frexp(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    double x;
    if (kr_args_check("math.frexp", nargs, kw, 1, 1) < 0 || arg_double(args[0], &x) < 0) {
        return 0;
    }
    int e = 0;
    double m = isfinite(x) && x != 0 ? frexp(x, &e) : x;
    kr_val mv = kr_float_new(m);
    kr_val r = mv ? kr_tuple_pack(2, mv, KR_FROM_SMALL(e)) : 0;
    KR_XDECREF(mv);
    return r;
}

static kr_val m_modf(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    double x, ip;
    if (kr_args_check("math.modf", nargs, kw, 1, 1) < 0 || arg_double(args[0], &x) < 0) {
        return 0;
    }
    double fp = isinf(x) ? copysign(0.0, x) : modf(x, &ip);
    if (isinf(x)) {
        ip = x;
    }
    kr_val a = kr_float_new(fp), b = a ? kr_float_new(ip) : 0;
    kr_val r = b ? kr_tuple_pack(2, a, b) : 0;
    KR_XDECREF(a);
    KR_XDECREF(b);
    return r;
}

static kr_val m_isclose(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    static const char *const names[] = { "rel_tol", "abs_tol" };
    kr_val tol[2];
    double a, b, rel = 1e-09, abs_tol = 0.0;
    if (nargs > 2) {
        return kr_err_set(&kr_exc_TypeError,
                          "isclose() takes exactly 2 positional arguments (%zu given)", nargs);
    }
    if (nargs < 2) {
        return kr_err_set(&kr_exc_TypeError, "isclose() missing required argument '%s' (pos %zu)",
                          nargs ? "b" : "a", nargs + 1);
    }
    if (keywords("isclose", args, nargs, kw, names, 2, tol) < 0 || arg_double(args[0], &a) < 0
        || arg_double(args[1], &b) < 0 || (tol[0] && arg_double(tol[0], &rel) < 0)
        || (tol[1] && arg_double(tol[1], &abs_tol) < 0)) {
        return 0;
    }
    int r = kr_math_isclose_f(a, b, rel, abs_tol);
    return r < 0 ? 0 : kr_bool(r);
}

// ---------------------------------------------------------------------------------------------
// floor, ceil, trunc: ints pass through, floats round, other objects use their dunder.

static kr_val call_dunder(kr_val x, const char *name, bool *found) {
    kr_val m = kr_getattr_cstr(x, name);
    *found = m != 0;
    if (!m) {
        if (kr_err_matches(&kr_exc_AttributeError)) {
            kr_err_clear();
        }
        return 0;
    }
    kr_val r = kr_call(m, NULL, 0, 0);
    KR_DECREF(m);
    return r;
}

static kr_val round_with(kr_val x, const char *dunder, double (*f)(double)) {
    if (kr_int_check(x)) {
        return kr_index(x);
    }
    if (kr_float_check(x)) {
        return kr_int_from_double(f(KR_FLOAT_VALUE(x)));
    }
    bool found;
    kr_val r = call_dunder(x, dunder, &found);
    if (found || kr_err_occurred()) {
        return r;
    }
    double d;
    return arg_double(x, &d) < 0 ? 0 : kr_int_from_double(f(d));
}

kr_val kr_math_floor(kr_val x) { return round_with(x, "__floor__", floor); }
kr_val kr_math_ceil(kr_val x) { return round_with(x, "__ceil__", ceil); }

static kr_val m_floor(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    return kr_args_check("math.floor", nargs, kw, 1, 1) < 0 ? 0 : kr_math_floor(args[0]);
}

static kr_val m_ceil(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    return kr_args_check("math.ceil", nargs, kw, 1, 1) < 0 ? 0 : kr_math_ceil(args[0]);
}

static kr_val m_trunc(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    if (kr_args_check("math.trunc", nargs, kw, 1, 1) < 0) {
        return 0;
    }
    kr_val x = args[0];
    if (kr_int_check(x)) {
        return kr_index(x);
    }
    if (kr_float_check(x)) {
        return kr_int_from_double(trunc(KR_FLOAT_VALUE(x)));
    }
    bool found;
    kr_val r = call_dunder(x, "__trunc__", &found);
    if (found || kr_err_occurred()) {
        return r;
    }
    return kr_err_set(&kr_exc_TypeError, "type %s doesn't define __trunc__ method",
                      kr_type_name(x));
}

// ---------------------------------------------------------------------------------------------
// log, log2, log10 of floats and of ints of any size

// 'x' as m * 2**e with 0.5 <= m < 1, m correctly rounded (CPython's _PyLong_Frexp).
static double mpz_frexp(mpz_srcptr x, long *e) {
    size_t bits = mpz_sizeinbase(x, 2);
    mpz_t t;
    mpz_init(t);
    mpz_tdiv_q_2exp(t, x, bits - 55);
    uint64_t top = mpz_get_ui(t);
    if (mpz_scan1(x, 0) < bits - 55) {
        top |= 1;  // sticky bit: breaks ties the right way
    }
    mpz_clear(t);
    double m = ldexp((double)top, -55);
    *e = (long)bits;
    if (m == 1.0) {
        m = 0.5;
        ++*e;
    }
    return m;
}

// log of any number with 'f' (log, log2 or log10).
static int log_value(kr_val x, double (*f)(double), double *out) {
    if (!kr_int_check(x)) {
        double d;
        if (arg_double(x, &d) < 0) {
            return -1;
        }
        errno = 0;
        *out = check_1(d, f(d), DOMAIN_ONLY);
        return *out == -1.0 && kr_err_occurred() ? -1 : 0;
    }
    if (kr_int_sign(x) <= 0) {
        domain_error();
        return -1;
    }
    double d = kr_int_as_double(x);
    if (!(d == -1.0 && kr_err_occurred())) {
        *out = f(d);
        return 0;
    }
    kr_err_clear();
    mpz_t z;
    mpz_init(z);
    int_to_mpz(x, z);
    long e;
    double m = mpz_frexp(z, &e);
    mpz_clear(z);
    *out = f(m) + f(2.0) * (double)e;
    return 0;
}

kr_val kr_math_log(kr_val x, kr_val base) {
    double num, den;
    if (log_value(x, log, &num) < 0 || (base && log_value(base, log, &den) < 0)) {
        return 0;
    }
    return box(base ? kr_float_div(num, den) : num);
}

static kr_val m_log(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    if (kr_args_check("log", nargs, kw, 1, 2) < 0) {
        return 0;
    }
    return kr_math_log(args[0], nargs > 1 ? args[1] : 0);
}

static kr_val log_with(const char *fname, const kr_val *args, size_t nargs, kr_val kw,
                       double (*f)(double)) {
    double r;
    if (kr_args_check(fname, nargs, kw, 1, 1) < 0 || log_value(args[0], f, &r) < 0) {
        return 0;
    }
    return kr_float_new(r);
}

static kr_val m_log2(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    return log_with("math.log2", args, nargs, kw, log2);
}

static kr_val m_log10(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    return log_with("math.log10", args, nargs, kw, log10);
}

// ---------------------------------------------------------------------------------------------
// Integer functions

kr_val kr_math_factorial(kr_val n) {
    mpz_t z;
    mpz_init(z);
    if (arg_mpz(n, z) < 0) {
        mpz_clear(z);
        return 0;
    }
    if (mpz_sgn(z) < 0) {
        mpz_clear(z);
        return kr_err_set(&kr_exc_ValueError, "factorial() not defined for negative values");
    }
    if (!mpz_fits_slong_p(z)) {
        mpz_clear(z);
        return kr_err_set(&kr_exc_OverflowError, "factorial() argument should not exceed %ld",
                          (long)LONG_MAX);
    }
    mpz_fac_ui(z, mpz_get_ui(z));
    kr_val r = int_from_mpz(z);
    mpz_clear(z);
    return r;
}

static kr_val m_factorial(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    if (kr_args_check("math.factorial", nargs, kw, 1, 1) < 0) {
        return 0;
    }
    if (kr_float_check(args[0])) {
        return kr_err_set(&kr_exc_TypeError, "'float' object cannot be interpreted as an integer");
    }
    return kr_math_factorial(args[0]);
}

kr_val kr_math_isqrt(kr_val n) {
    mpz_t z;
    mpz_init(z);
    kr_val r = 0;
    if (arg_mpz(n, z) == 0) {
        if (mpz_sgn(z) < 0) {
            kr_err_set(&kr_exc_ValueError, "isqrt() argument must be nonnegative");
        } else {
            mpz_sqrt(z, z);
            r = int_from_mpz(z);
        }
    }
    mpz_clear(z);
    return r;
}

static kr_val m_isqrt(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    return kr_args_check("math.isqrt", nargs, kw, 1, 1) < 0 ? 0 : kr_math_isqrt(args[0]);
}

// gcd (lcm false) or lcm of all 'args'.
static kr_val gcd_or_lcm(const kr_val *args, size_t nargs, bool lcm) {
    mpz_t acc, z;
    mpz_init_set_ui(acc, lcm ? 1 : 0);
    mpz_init(z);
    kr_val r = 0;
    size_t i = 0;
    for (; i < nargs && arg_mpz(args[i], z) == 0; i++) {
        if (lcm) {
            mpz_lcm(acc, acc, z);
        } else {
            mpz_gcd(acc, acc, z);
        }
    }
    if (i == nargs) {
        mpz_abs(acc, acc);
        r = int_from_mpz(acc);
    }
    mpz_clear(acc);
    mpz_clear(z);
    return r;
}

kr_val kr_math_gcd(const kr_val *args, size_t nargs) { return gcd_or_lcm(args, nargs, false); }

static kr_val m_gcd(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    return kr_args_check("gcd", nargs, kw, 0, SIZE_MAX) < 0 ? 0 : gcd_or_lcm(args, nargs, false);
}

static kr_val m_lcm(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    return kr_args_check("lcm", nargs, kw, 0, SIZE_MAX) < 0 ? 0 : gcd_or_lcm(args, nargs, true);
}

// comb(n, k) (perm false) or perm(n, k) with n, k non-negative mpz values.
static kr_val comb_perm(mpz_t n, mpz_t k, bool perm) {
    if (mpz_sgn(n) < 0) {
        return kr_err_set(&kr_exc_ValueError, "n must be a non-negative integer");
    }
    if (mpz_sgn(k) < 0) {
        return kr_err_set(&kr_exc_ValueError, "k must be a non-negative integer");
    }
    if (mpz_cmp(k, n) > 0) {
        return KR_FROM_SMALL(0);
    }
    mpz_t r, m;
    mpz_init(r);
    mpz_init(m);
    mpz_sub(m, n, k);
    if (!perm && mpz_cmp(m, k) < 0) {
        mpz_swap(m, k);  // comb(n, k) == comb(n, n - k): use the smaller one
    }
    kr_val out = 0;
    if (!mpz_fits_ulong_p(k)) {
        kr_err_set(&kr_exc_OverflowError, "%s must not exceed %ld",
                   perm ? "k" : "min(n - k, k)", (long)LONG_MAX);
    } else {
        mpz_bin_ui(r, n, mpz_get_ui(k));
        if (perm) {
            mpz_fac_ui(m, mpz_get_ui(k));
            mpz_mul(r, r, m);
        }
        out = int_from_mpz(r);
    }
    mpz_clear(r);
    mpz_clear(m);
    return out;
}

static kr_val comb_perm_call(const char *fname, const kr_val *args, size_t nargs, kr_val kw,
                             bool perm) {
    if (kr_args_check(fname, nargs, kw, perm ? 1 : 2, 2) < 0) {
        return 0;
    }
    if (perm && (nargs == 1 || args[1] == KR_NONE)) {
        return kr_math_factorial(args[0]);
    }
    mpz_t n, k;
    mpz_init(n);
    mpz_init(k);
    kr_val r = arg_mpz(args[0], n) == 0 && arg_mpz(args[1], k) == 0 ? comb_perm(n, k, perm) : 0;
    mpz_clear(n);
    mpz_clear(k);
    return r;
}

static kr_val m_comb(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    return comb_perm_call("comb", args, nargs, kw, false);
}

static kr_val m_perm(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    return comb_perm_call("perm", args, nargs, kw, true);
}

// ---------------------------------------------------------------------------------------------
// fsum: Shewchuk's algorithm over a growing array of non-overlapping partials (CPython's msum).

typedef struct {
    double *p;
    intptr_t n, cap;
    double special, inf_sum;
} fsum_state;

static int fsum_add(fsum_state *s, double x) {
    double xsave = x;
    intptr_t i = 0;
    for (intptr_t j = 0; j < s->n; j++) {
        double y = s->p[j];
        if (fabs(x) < fabs(y)) {
            double t = x;
            x = y;
            y = t;
        }
        double hi = x + y, lo = y - (hi - x);
        if (lo != 0.0) {
            s->p[i++] = lo;
        }
        x = hi;
    }
    s->n = i;
    if (x == 0.0) {
        return 0;
    }
    if (!isfinite(x)) {
        if (isfinite(xsave)) {
            kr_err_set(&kr_exc_OverflowError, "intermediate overflow in fsum");
            return -1;
        }
        if (isinf(xsave)) {
            s->inf_sum += xsave;
        }
        s->special += xsave;
        s->n = 0;
        return 0;
    }
    if (s->n == s->cap) {
        intptr_t cap = s->cap ? s->cap * 2 : 32;
        double *p = realloc(s->p, (size_t)cap * sizeof *p);
        if (!p) {
            kr_err_no_memory();
            return -1;
        }
        s->p = p;
        s->cap = cap;
    }
    s->p[s->n++] = x;
    return 0;
}

// The correctly rounded sum of the partials.
static double fsum_result(fsum_state *s) {
    intptr_t n = s->n;
    double hi = 0.0, lo = 0.0;
    if (n == 0) {
        return hi;
    }
    hi = s->p[--n];
    while (n > 0) {
        double x = hi, y = s->p[--n];
        hi = x + y;
        lo = y - (hi - x);
        if (lo != 0.0) {
            break;
        }
    }
    // Half-way case: round away from the sign of the next partial.
    if (n > 0 && ((lo < 0.0 && s->p[n - 1] < 0.0) || (lo > 0.0 && s->p[n - 1] > 0.0))) {
        double y = lo * 2.0, x = hi + y;
        if (y == x - hi) {
            hi = x;
        }
    }
    return hi;
}

static kr_val m_fsum(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    if (kr_args_check("math.fsum", nargs, kw, 1, 1) < 0) {
        return 0;
    }
    kr_val it = kr_iter(args[0]);
    fsum_state s = { 0 };
    kr_val item;
    int ok = it ? 0 : -1;
    while (ok == 0 && (item = kr_next(it)) != 0) {
        double x;
        ok = arg_double(item, &x) < 0 ? -1 : fsum_add(&s, x);
        KR_DECREF(item);
    }
    KR_XDECREF(it);
    double r = fsum_result(&s);
    free(s.p);
    if (ok < 0 || kr_err_occurred()) {
        return 0;
    }
    if (s.special != 0.0) {
        if (isnan(s.inf_sum)) {
            return kr_err_set(&kr_exc_ValueError, "-inf + inf in fsum");
        }
        r = s.special;
    }
    return kr_float_new(r);
}

// ---------------------------------------------------------------------------------------------
// prod, sumprod

static kr_val m_prod(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    static const char *const names[] = { "start" };
    kr_val start;
    if (nargs != 1) {
        return kr_err_set(&kr_exc_TypeError,
                          "prod() takes exactly 1 positional argument (%zu given)", nargs);
    }
    if (keywords("prod", args, nargs, kw, names, 1, &start) < 0) {
        return 0;
    }
    kr_val it = kr_iter(args[0]);
    kr_val acc = it ? kr_newref(start ? start : KR_FROM_SMALL(1)) : 0;
    kr_val item;
    while (acc && (item = kr_next(it)) != 0) {
        KR_SETREF(acc, kr_mul(acc, item));
        KR_DECREF(item);
    }
    KR_XDECREF(it);
    if (acc && kr_err_occurred()) {
        KR_CLEAR(acc);
    }
    return acc;
}

// Whether a pair can take sumprod's exact float path: a float and a float or small int.
static bool float_pair(kr_val p, kr_val q, double *a, double *b) {
    bool pf = kr_float_check(p), qf = kr_float_check(q);
    bool pi = KR_IS_SMALL(p) && llabs(KR_SMALL_VALUE(p)) < (1LL << 53);
    bool qi = KR_IS_SMALL(q) && llabs(KR_SMALL_VALUE(q)) < (1LL << 53);
    if (!((pf && (qf || qi)) || (qf && pi))) {
        return false;
    }
    *a = pf ? KR_FLOAT_VALUE(p) : (double)KR_SMALL_VALUE(p);
    *b = qf ? KR_FLOAT_VALUE(q) : (double)KR_SMALL_VALUE(q);
    return true;
}

// Adds p * q to the float sum (exactly, as two partials) or to the generic total.
static int sumprod_add(fsum_state *fs, kr_val *total, kr_val p, kr_val q) {
    double a, b;
    if (float_pair(p, q, &a, &b)) {
        double hi = a * b;
        if (!isfinite(hi)) {
            return fsum_add(fs, hi);
        }
        return fsum_add(fs, hi) < 0 ? -1 : fsum_add(fs, fma(a, b, -hi));
    }
    kr_val m = kr_mul(p, q);
    kr_val t = m ? kr_add(*total, m) : 0;
    KR_XDECREF(m);
    if (!t) {
        return -1;
    }
    KR_SETREF(*total, t);
    return 0;
}

static kr_val sumprod_loop(kr_val pi, kr_val qi, fsum_state *fs) {
    kr_val total = KR_FROM_SMALL(0);
    for (;;) {
        kr_val p = kr_next(pi), q = p || !kr_err_occurred() ? kr_next(qi) : 0;
        if (kr_err_occurred() || (!p && !q)) {
            KR_XDECREF(p);
            KR_XDECREF(q);
            break;
        }
        int r = p && q ? sumprod_add(fs, &total, p, q) : -1;
        if (!p || !q) {
            kr_err_set(&kr_exc_ValueError, "Inputs are not the same length");
        }
        KR_XDECREF(p);
        KR_XDECREF(q);
        if (r < 0) {
            break;
        }
    }
    if (kr_err_occurred()) {
        KR_CLEAR(total);
    }
    return total;
}

static kr_val m_sumprod(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    if (kr_args_check("sumprod", nargs, kw, 2, 2) < 0) {
        return 0;
    }
    kr_val pi = kr_iter(args[0]), qi = pi ? kr_iter(args[1]) : 0;
    fsum_state fs = { 0 };
    kr_val total = qi ? sumprod_loop(pi, qi, &fs) : 0;
    KR_XDECREF(pi);
    KR_XDECREF(qi);
    bool used_float = fs.n > 0 || fs.special != 0.0 || fs.cap > 0;
    double f = fs.special != 0.0 ? fs.special : fsum_result(&fs);
    free(fs.p);
    if (!total || !used_float) {
        return total;
    }
    kr_val fv = kr_float_new(f);
    kr_val r = fv ? kr_add(total, fv) : 0;
    KR_DECREF(total);
    KR_XDECREF(fv);
    return r;
}

// ---------------------------------------------------------------------------------------------
// hypot, dist

// The absolute values of 'n' numbers into 'out', with their max and whether one is a NaN.
static int collect_abs(const kr_val *items, intptr_t n, double *out, double *max, bool *nan) {
    *max = 0.0;
    *nan = false;
    for (intptr_t i = 0; i < n; i++) {
        if (arg_double(items[i], &out[i]) < 0) {
            return -1;
        }
        out[i] = fabs(out[i]);
        *nan |= isnan(out[i]);
        if (out[i] > *max) {
            *max = out[i];
        }
    }
    return 0;
}

double kr_math_hypot2_f(double x, double y) {
    double v[2] = { fabs(x), fabs(y) };
    double max = v[0] > v[1] ? v[0] : v[1];
    return vector_norm(v, 2, max, isnan(x) || isnan(y));
}

static kr_val m_hypot(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    if (kr_args_check("hypot", nargs, kw, 0, SIZE_MAX) < 0) {
        return 0;
    }
    double *v = malloc((nargs + 1) * sizeof *v), max;
    bool nan;
    kr_val r = 0;
    if (!v) {
        return kr_err_no_memory();
    }
    if (collect_abs(args, (intptr_t)nargs, v, &max, &nan) == 0) {
        r = kr_float_new(vector_norm(v, (intptr_t)nargs, max, nan));
    }
    free(v);
    return r;
}

// The coordinates of point 'p' as a new tuple (dist accepts any iterable).
static kr_val point(kr_val p) { return kr_tuple_from_iterable(p); }

static kr_val dist_points(kr_val p, kr_val q) {
    intptr_t n = KR_TUPLE_LEN(p);
    if (n != KR_TUPLE_LEN(q)) {
        return kr_err_set(&kr_exc_ValueError,
                          "both points must have the same number of dimensions");
    }
    double *v = malloc(((size_t)n + 1) * sizeof *v), max = 0.0;
    bool nan = false;
    if (!v) {
        return kr_err_no_memory();
    }
    for (intptr_t i = 0; i < n; i++) {
        double a, b;
        if (arg_double(KR_TUPLE_ITEMS(p)[i], &a) < 0 || arg_double(KR_TUPLE_ITEMS(q)[i], &b) < 0) {
            free(v);
            return 0;
        }
        v[i] = fabs(a - b);
        nan |= isnan(v[i]);
        max = v[i] > max ? v[i] : max;
    }
    kr_val r = kr_float_new(vector_norm(v, n, max, nan));
    free(v);
    return r;
}

static kr_val m_dist(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    if (kr_args_check("dist", nargs, kw, 2, 2) < 0) {
        return 0;
    }
    kr_val p = point(args[0]), q = p ? point(args[1]) : 0;
    kr_val r = q ? dist_points(p, q) : 0;
    KR_XDECREF(p);
    KR_XDECREF(q);
    return r;
}

// ---------------------------------------------------------------------------------------------
// nextafter with steps

// Doubles as integers in the order of their values (-0.0 and 0.0 both map to 0).
static int64_t to_ordered(double d) {
    int64_t b;
    memcpy(&b, &d, sizeof b);
    return b < 0 ? INT64_MIN - b : b;
}

static double from_ordered(int64_t o) {
    int64_t b = o < 0 ? INT64_MIN - o : o;
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

static double nextafter_steps(double x, double y, uint64_t steps) {
    if (steps == 0 || isnan(x)) {
        return x;
    }
    if (isnan(y)) {
        return y;
    }
    int64_t ox = to_ordered(x), oy = to_ordered(y);
    uint64_t dist = oy > ox ? (uint64_t)oy - (uint64_t)ox : (uint64_t)ox - (uint64_t)oy;
    if (steps >= dist) {
        return y;
    }
    uint64_t o = oy > ox ? (uint64_t)ox + steps : (uint64_t)ox - steps;
    return from_ordered((int64_t)o);
}

static kr_val m_nextafter(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    static const char *const names[] = { "steps" };
    kr_val steps;
    double x, y;
    if (kr_args_check("nextafter", nargs, 0, 2, 2) < 0
        || keywords("nextafter", args, nargs, kw, names, 1, &steps) < 0
        || arg_double(args[0], &x) < 0 || arg_double(args[1], &y) < 0) {
        return 0;
    }
    if (!steps || steps == KR_NONE) {
        return kr_float_new(nextafter(x, y));
    }
    kr_val n = kr_index(steps);
    if (!n) {
        return 0;
    }
    int sign = kr_int_sign(n);
    int64_t s = INT64_MAX;
    if (sign >= 0 && kr_int_as_i64(n, &s) < 0) {
        kr_err_clear();
    }
    KR_DECREF(n);
    if (sign < 0) {
        return kr_err_set(&kr_exc_ValueError, "steps must be a non-negative integer");
    }
    return kr_float_new(nextafter_steps(x, y, (uint64_t)s));
}

// ---------------------------------------------------------------------------------------------
// The module

static const struct {
    const char *name;
    kr_cfunc fn;
} math_functions[] = {
#define ENTRY(name, cfn, ovf) { #name, mu_##name },
    UNARY_TABLE(ENTRY)
#undef ENTRY
#define ENTRY(name) { #name, m_##name },
    BINARY_TABLE(ENTRY)
#undef ENTRY
    { "isfinite", m_isfinite }, { "isinf", m_isinf },     { "isnan", m_isnan },
    { "fma", m_fma },           { "ldexp", m_ldexp },     { "frexp", m_frexp },
    { "modf", m_modf },         { "isclose", m_isclose }, { "floor", m_floor },
    { "ceil", m_ceil },         { "trunc", m_trunc },     { "factorial", m_factorial },
    { "isqrt", m_isqrt },       { "gcd", m_gcd },         { "lcm", m_lcm },
    { "comb", m_comb },         { "perm", m_perm },       { "fsum", m_fsum },
    { "prod", m_prod },         { "sumprod", m_sumprod }, { "hypot", m_hypot },
    { "dist", m_dist },         { "nextafter", m_nextafter },
};

static int math_fill(kr_val m) {
    for (size_t i = 0; i < sizeof math_functions / sizeof *math_functions; i++) {
        if (kr_module_add_cfunc(m, math_functions[i].name, math_functions[i].fn) < 0) {
            return -1;
        }
    }
    // log, log2 and log10 replace the float-only versions of the unary table: they accept
    // ints of any size.
    if (kr_module_add_cfunc(m, "log", m_log) < 0 || kr_module_add_cfunc(m, "log2", m_log2) < 0
        || kr_module_add_cfunc(m, "log10", m_log10) < 0) {
        return -1;
    }
    if (kr_module_add_float(m, "pi", M_PI) < 0 || kr_module_add_float(m, "e", M_E) < 0
        || kr_module_add_float(m, "tau", 2 * M_PI) < 0
        || kr_module_add_float(m, "inf", INFINITY) < 0 || kr_module_add_float(m, "nan", NAN) < 0) {
        return -1;
    }
    return 0;
}

kr_val kr_math_module;

kr_val kr_mathmodule_init(void) {
    kr_val m = kr_module_new("math");
    if (m && math_fill(m) < 0) {
        KR_CLEAR(m);
    }
    if (m && !kr_math_module) {
        kr_math_module = m;  // the registry caches it for good: never freed
    }
    return m;
}
