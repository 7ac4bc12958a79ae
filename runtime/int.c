// int.c: Python's int and bool.
//
// An int is a tagged small int (63 bits, in the word) or a GMP bigint object. Invariant: a
// bigint object never holds a value that fits a small int, so every result is normalized
// (big_finish) and equal values have equal representations. bool is a subclass of int whose
// two instances carry their small-int value; every int operation accepts bools by unboxing
// them first. Semantics follow CPython 3.13's longobject.c: floor division and modulo, exact
// hashing modulo 2**61 - 1, correctly rounded int -> float and int / int, the limit on
// conversions of more than int_max_str_digits decimal digits, and CPython's error messages.
#include "krait.h"

#include <ctype.h>
#include <float.h>
#include <gmp.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct kr_bigint {
    kr_obj ob;
    mpz_t z;
} kr_bigint;

#define BIG(v) ((kr_bigint *)(v))
#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define DEFAULT_MAX_STR_DIGITS 4300
#define MAX_STR_DIGITS_THRESHOLD 640

static intptr_t max_str_digits = DEFAULT_MAX_STR_DIGITS;

// ---------------------------------------------------------------------------------------------
// Representation helpers

// The value of a bool or of an instance of a user subclass of int (subtype.c), which hold it
// in the same word, or 'v' itself.
static inline kr_val unbool(kr_val v) {
    if (KR_IS_PTR(v) && KR_OBJ(v)->type != &kr_int_type) {
        return ((kr_bool_obj *)v)->ival;
    }
    return v;
}

// A read-only mpz view of any int, allocating nothing: small values borrow 'w->limb'.
typedef struct {
    mpz_t z;
    mp_limb_t limb;
} zview;

static mpz_srcptr zv(kr_val v, zview *w) {
    v = unbool(v);
    if (!KR_IS_SMALL(v)) {
        return BIG(v)->z;
    }
    intptr_t x = KR_SMALL_VALUE(v);
    w->limb = x < 0 ? -(mp_limb_t)x : (mp_limb_t)x;
    return mpz_roinit_n(w->z, &w->limb, x < 0 ? -1 : x > 0);
}

static kr_bigint *big_new(void) {
    kr_bigint *b = (kr_bigint *)kr_obj_new(&kr_int_type, sizeof *b);
    if (b) {
        mpz_init(b->z);
    }
    return b;
}

// Normalizes a freshly computed bigint: a small value becomes a tagged int.
static kr_val big_finish(kr_bigint *b) {
    if (mpz_fits_slong_p(b->z)) {
        long x = mpz_get_si(b->z);
        if (KR_FITS_SMALL(x)) {
            KR_DECREF(b);
            return KR_FROM_SMALL(x);
        }
    }
    return KR_VAL(b);
}

static void int_dealloc(kr_obj *o) {
    if (o->type == &kr_int_type) {
        mpz_clear(((kr_bigint *)o)->z);
    } else {  // a subclass instance (bools are immortal)
        KR_DECREF(((kr_bool_obj *)o)->ival);
    }
}

kr_val kr_int_from_i64(int64_t i) {
    if (KR_FITS_SMALL(i)) {
        return KR_FROM_SMALL(i);
    }
    kr_bigint *b = big_new();
    if (!b) {
        return 0;
    }
    mpz_set_si(b->z, (long)i);
    return KR_VAL(b);
}

kr_val kr_int_from_u64(uint64_t u) {
    if (u <= (uint64_t)KR_SMALL_MAX) {
        return KR_FROM_SMALL((intptr_t)u);
    }
    kr_bigint *b = big_new();
    if (!b) {
        return 0;
    }
    mpz_set_ui(b->z, (unsigned long)u);
    return KR_VAL(b);
}

static kr_val from_i128(__int128 v) {
    if (v >= KR_SMALL_MIN && v <= KR_SMALL_MAX) {
        return KR_FROM_SMALL((intptr_t)v);
    }
    kr_bigint *b = big_new();
    if (!b) {
        return 0;
    }
    unsigned __int128 m = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
    mpz_set_ui(b->z, (unsigned long)(m >> 64));
    mpz_mul_2exp(b->z, b->z, 64);
    mpz_add_ui(b->z, b->z, (unsigned long)m);
    if (v < 0) {
        mpz_neg(b->z, b->z);
    }
    return big_finish(b);
}

int kr_int_as_i64(kr_val v, int64_t *out) {
    v = unbool(v);
    if (KR_IS_SMALL(v)) {
        *out = KR_SMALL_VALUE(v);
        return 0;
    }
    if (!mpz_fits_slong_p(BIG(v)->z)) {
        kr_err_set(&kr_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    *out = mpz_get_si(BIG(v)->z);
    return 0;
}

int kr_int_sign(kr_val v) {
    v = unbool(v);
    if (KR_IS_SMALL(v)) {
        intptr_t x = KR_SMALL_VALUE(v);
        return (x > 0) - (x < 0);
    }
    return mpz_sgn(BIG(v)->z);
}

int kr_int_compare(kr_val a, kr_val b) {
    a = unbool(a);
    b = unbool(b);
    if (KR_IS_SMALL(a & b)) {
        return ((intptr_t)a > (intptr_t)b) - ((intptr_t)a < (intptr_t)b);
    }
    zview wa, wb;
    int c = mpz_cmp(zv(a, &wa), zv(b, &wb));
    return (c > 0) - (c < 0);
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

kr_val kr_int_add_slow(kr_val a, kr_val b) {
    a = unbool(a);
    b = unbool(b);
    if (KR_IS_SMALL(a & b)) {
        return from_i128((__int128)KR_SMALL_VALUE(a) + KR_SMALL_VALUE(b));
    }
    kr_bigint *r = big_new();
    if (!r) {
        return 0;
    }
    zview wa, wb;
    mpz_add(r->z, zv(a, &wa), zv(b, &wb));
    return big_finish(r);
}

kr_val kr_int_sub_slow(kr_val a, kr_val b) {
    a = unbool(a);
    b = unbool(b);
    if (KR_IS_SMALL(a & b)) {
        return from_i128((__int128)KR_SMALL_VALUE(a) - KR_SMALL_VALUE(b));
    }
    kr_bigint *r = big_new();
    if (!r) {
        return 0;
    }
    zview wa, wb;
    mpz_sub(r->z, zv(a, &wa), zv(b, &wb));
    return big_finish(r);
}

kr_val kr_int_mul_slow(kr_val a, kr_val b) {
    a = unbool(a);
    b = unbool(b);
    if (KR_IS_SMALL(a & b)) {
        return from_i128((__int128)KR_SMALL_VALUE(a) * KR_SMALL_VALUE(b));
    }
    kr_bigint *r = big_new();
    if (!r) {
        return 0;
    }
    zview wa, wb;
    mpz_mul(r->z, zv(a, &wa), zv(b, &wb));
    return big_finish(r);
}

static bool is_zero(kr_val v) { return unbool(v) == KR_FROM_SMALL(0); }

static intptr_t floor_div_small(intptr_t x, intptr_t y) {
    intptr_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) {
        q--;
    }
    return q;
}

static intptr_t floor_mod_small(intptr_t x, intptr_t y) {
    intptr_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) {
        r += y;
    }
    return r;
}

kr_val kr_int_floordiv(kr_val a, kr_val b) {
    a = unbool(a);
    b = unbool(b);
    if (is_zero(b)) {
        return kr_err_set(&kr_exc_ZeroDivisionError, "integer division or modulo by zero");
    }
    if (KR_IS_SMALL(a & b)) {
        // Small ints have 63 bits, so MIN // -1 cannot overflow intptr_t.
        return kr_int_from_i64(floor_div_small(KR_SMALL_VALUE(a), KR_SMALL_VALUE(b)));
    }
    kr_bigint *r = big_new();
    if (!r) {
        return 0;
    }
    zview wa, wb;
    mpz_fdiv_q(r->z, zv(a, &wa), zv(b, &wb));
    return big_finish(r);
}

kr_val kr_int_mod(kr_val a, kr_val b) {
    a = unbool(a);
    b = unbool(b);
    if (is_zero(b)) {
        return kr_err_set(&kr_exc_ZeroDivisionError, "integer modulo by zero");
    }
    if (KR_IS_SMALL(a & b)) {
        return KR_FROM_SMALL(floor_mod_small(KR_SMALL_VALUE(a), KR_SMALL_VALUE(b)));
    }
    kr_bigint *r = big_new();
    if (!r) {
        return 0;
    }
    zview wa, wb;
    mpz_fdiv_r(r->z, zv(a, &wa), zv(b, &wb));
    return big_finish(r);
}

static kr_val pair(kr_val x, kr_val y) {
    if (!x || !y) {
        KR_XDECREF(x);
        KR_XDECREF(y);
        return 0;
    }
    kr_val t = kr_tuple_new(2);
    if (!t) {
        KR_DECREF(x);
        KR_DECREF(y);
        return 0;
    }
    KR_TUPLE_ITEMS(t)[0] = x;
    KR_TUPLE_ITEMS(t)[1] = y;
    return t;
}

kr_val kr_int_divmod(kr_val a, kr_val b) {
    if (is_zero(b)) {
        return kr_err_set(&kr_exc_ZeroDivisionError, "integer division or modulo by zero");
    }
    return pair(kr_int_floordiv(a, b), kr_int_mod(a, b));
}

kr_val kr_int_neg(kr_val a) {
    a = unbool(a);
    if (KR_IS_SMALL(a)) {
        return kr_int_from_i64(-(int64_t)KR_SMALL_VALUE(a));
    }
    kr_bigint *r = big_new();
    if (!r) {
        return 0;
    }
    mpz_neg(r->z, BIG(a)->z);
    return big_finish(r);
}

kr_val kr_int_abs(kr_val a) { return kr_int_sign(a) < 0 ? kr_int_neg(a) : kr_newref(unbool(a)); }

kr_val kr_int_invert(kr_val a) {
    a = unbool(a);
    if (KR_IS_SMALL(a)) {
        return ~a | 1;
    }
    kr_bigint *r = big_new();
    if (!r) {
        return 0;
    }
    mpz_com(r->z, BIG(a)->z);
    return big_finish(r);
}

// ---------------------------------------------------------------------------------------------
// Bitwise operators and shifts (two's complement semantics, as GMP's and CPython's)

typedef void (*mpz_binop)(mpz_ptr, mpz_srcptr, mpz_srcptr);

static kr_val bitwise(kr_val a, kr_val b, mpz_binop op) {
    kr_bigint *r = big_new();
    if (!r) {
        return 0;
    }
    zview wa, wb;
    op(r->z, zv(a, &wa), zv(b, &wb));
    return big_finish(r);
}

kr_val kr_int_and(kr_val a, kr_val b) {
    a = unbool(a);
    b = unbool(b);
    return KR_IS_SMALL(a & b) ? (a & b) : bitwise(a, b, mpz_and);
}

kr_val kr_int_or(kr_val a, kr_val b) {
    a = unbool(a);
    b = unbool(b);
    return KR_IS_SMALL(a & b) ? (a | b) : bitwise(a, b, mpz_ior);
}

kr_val kr_int_xor(kr_val a, kr_val b) {
    a = unbool(a);
    b = unbool(b);
    return KR_IS_SMALL(a & b) ? ((a ^ b) | 1) : bitwise(a, b, mpz_xor);
}

// Shift counts past this many bits would need more memory than any machine has; CPython
// raises MemoryError for them too.
#define MAX_SHIFT ((intptr_t)1 << 40)

// Past this shift count CPython cannot even size the result (its digit count would overflow
// Py_ssize_t): OverflowError instead of MemoryError.
#define SHIFT_OVERFLOW 6.917529027641081e19

// Reads a shift count: 1 with '*count' set, 0 when it is huge (past MAX_SHIFT), -1 on error.
static int shift_count(kr_val b, intptr_t *count) {
    if (kr_int_sign(b) < 0) {
        kr_err_set(&kr_exc_ValueError, "negative shift count");
        return -1;
    }
    b = unbool(b);
    if (!KR_IS_SMALL(b) || KR_SMALL_VALUE(b) > MAX_SHIFT) {
        return 0;
    }
    *count = KR_SMALL_VALUE(b);
    return 1;
}

static kr_val shift_too_big(kr_val b) {
    double d = kr_int_as_double(b);
    if (d >= SHIFT_OVERFLOW) {
        kr_err_clear();
        return kr_err_set(&kr_exc_OverflowError, "too many digits in integer");
    }
    return kr_err_no_memory();
}

kr_val kr_int_lshift(kr_val a, kr_val b) {
    intptr_t n;
    int ok = shift_count(b, &n);
    if (ok < 0) {
        return 0;
    }
    a = unbool(a);
    if (is_zero(a)) {
        return KR_FROM_SMALL(0);
    }
    if (ok == 0) {
        return shift_too_big(b);
    }
    if (KR_IS_SMALL(a) && n < 62) {
        intptr_t x = KR_SMALL_VALUE(a);
        intptr_t r = (intptr_t)((uintptr_t)x << n);
        if ((r >> n) == x && KR_FITS_SMALL(r)) {
            return KR_FROM_SMALL(r);
        }
    }
    kr_bigint *r = big_new();
    if (!r) {
        return 0;
    }
    zview wa;
    mpz_mul_2exp(r->z, zv(a, &wa), (mp_bitcnt_t)n);
    return big_finish(r);
}

kr_val kr_int_rshift(kr_val a, kr_val b) {
    intptr_t n;
    int ok = shift_count(b, &n);
    if (ok < 0) {
        return 0;
    }
    a = unbool(a);
    if (ok == 0) {
        return KR_FROM_SMALL(kr_int_sign(a) < 0 ? -1 : 0);
    }
    if (KR_IS_SMALL(a)) {
        return KR_FROM_SMALL(KR_SMALL_VALUE(a) >> (n > 63 ? 63 : n));
    }
    kr_bigint *r = big_new();
    if (!r) {
        return 0;
    }
    mpz_fdiv_q_2exp(r->z, BIG(a)->z, (mp_bitcnt_t)n);
    return big_finish(r);
}

// ---------------------------------------------------------------------------------------------
// Conversions to and from double

// Rounds the magnitude 'm' (> 0, exact) to a double with round-half-even, scaled by 2**'exp2'
// more. Returns -1 on overflow. The low 'extra' bits are rounded away with a sticky bit, as in
// CPython's long_true_divide.
static int round_mpz_to_double(mpz_t x, bool inexact, long shift, int min_exp_bits,
                               double *out) {
    long x_size = (long)mpz_sizeinbase(x, 2);
    long extra = (x_size > min_exp_bits - shift ? x_size : min_exp_bits - shift) - DBL_MANT_DIG;
    if (extra > 0) {
        mp_limb_t mask = (mp_limb_t)1 << (extra - 1);
        mp_limb_t low = mpz_getlimbn(x, 0) | (inexact ? 1 : 0);
        bool round_up = (low & mask) && (low & (3 * mask - 1));
        mpz_fdiv_q_2exp(x, x, (mp_bitcnt_t)extra);
        if (round_up) {
            mpz_add_ui(x, x, 1);
        }
        mpz_mul_2exp(x, x, (mp_bitcnt_t)extra);
    }
    double dx = mpz_get_d(x);
    if (shift + x_size >= DBL_MAX_EXP
        && (shift + x_size > DBL_MAX_EXP || dx == ldexp(1.0, (int)x_size))) {
        return -1;
    }
    *out = ldexp(dx, (int)shift);
    return 0;
}

// Correctly rounded |a| / |b| for b != 0 (CPython's long_true_divide). -1 on overflow.
static int true_divide_magnitude(mpz_srcptr a, mpz_srcptr b, double *out) {
    long a_bits = (long)mpz_sizeinbase(a, 2), b_bits = (long)mpz_sizeinbase(b, 2);
    long diff = a_bits - b_bits;
    if (diff > DBL_MAX_EXP) {
        return -1;
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
        *out = 0.0;
        return 0;
    }
    long shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    mpz_t x, rem;
    mpz_inits(x, rem, NULL);
    bool inexact = false;
    if (shift <= 0) {
        mpz_mul_2exp(x, a, (mp_bitcnt_t)-shift);
    } else {
        mpz_fdiv_q_2exp(x, a, (mp_bitcnt_t)shift);
        inexact = mpz_scan1(a, 0) < (mp_bitcnt_t)shift;
    }
    mpz_tdiv_qr(x, rem, x, b);
    mpz_abs(x, x);
    inexact |= mpz_sgn(rem) != 0;
    int r = round_mpz_to_double(x, inexact, shift, DBL_MIN_EXP, out);
    mpz_clears(x, rem, NULL);
    return r;
}

kr_val kr_int_truediv(kr_val a, kr_val b) {
    a = unbool(a);
    b = unbool(b);
    if (is_zero(b)) {
        return kr_err_set(&kr_exc_ZeroDivisionError, "division by zero");
    }
    const intptr_t exact = (intptr_t)1 << DBL_MANT_DIG;
    if (KR_IS_SMALL(a & b)) {
        intptr_t x = KR_SMALL_VALUE(a), y = KR_SMALL_VALUE(b);
        if (x >= -exact && x <= exact && y >= -exact && y <= exact) {
            return kr_float_new((double)x / (double)y);
        }
    }
    zview wa, wb;
    mpz_srcptr za = zv(a, &wa), zb = zv(b, &wb);
    double d;
    if (true_divide_magnitude(za, zb, &d) < 0) {
        return kr_err_set(&kr_exc_OverflowError, "integer division result too large for a float");
    }
    bool negative = (mpz_sgn(za) < 0) != (mpz_sgn(zb) < 0);
    return kr_float_new(negative ? -d : d);
}

double kr_int_as_double(kr_val v) {
    v = unbool(v);
    if (KR_IS_SMALL(v)) {
        return (double)KR_SMALL_VALUE(v);
    }
    mpz_srcptr z = BIG(v)->z;
    mpz_t x;
    mpz_init(x);
    mpz_abs(x, z);
    // Scale to 55 significant bits with a sticky bit, then round as true division does.
    long bits = (long)mpz_sizeinbase(x, 2);
    long shift = bits - (DBL_MANT_DIG + 2);
    bool inexact = mpz_scan1(x, 0) < (mp_bitcnt_t)shift;
    mpz_fdiv_q_2exp(x, x, (mp_bitcnt_t)shift);
    double d;
    int r = round_mpz_to_double(x, inexact, shift, DBL_MIN_EXP, &d);
    mpz_clear(x);
    if (r < 0) {
        kr_err_set(&kr_exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return mpz_sgn(z) < 0 ? -d : d;
}

kr_val kr_int_from_double(double d) {
    if (isnan(d)) {
        return kr_err_set(&kr_exc_ValueError, "cannot convert float NaN to integer");
    }
    if (isinf(d)) {
        return kr_err_set(&kr_exc_OverflowError, "cannot convert float infinity to integer");
    }
    d = trunc(d);
    if (d >= -4611686018427387904.0 && d < 4611686018427387904.0) {
        return KR_FROM_SMALL((intptr_t)d);
    }
    kr_bigint *r = big_new();
    if (!r) {
        return 0;
    }
    mpz_set_d(r->z, d);
    return big_finish(r);
}

// ---------------------------------------------------------------------------------------------
// Power

static kr_val pow_modular(kr_val a, kr_val b, kr_val m) {
    if (is_zero(m)) {
        return kr_err_set(&kr_exc_ValueError, "pow() 3rd argument cannot be 0");
    }
    zview wa, wb, wm;
    mpz_srcptr za = zv(a, &wa), zb = zv(b, &wb), zm = zv(m, &wm);
    kr_bigint *r = big_new();
    if (!r) {
        return 0;
    }
    mpz_t mod_abs, base;
    mpz_init(mod_abs);
    mpz_init_set(base, za);
    mpz_abs(mod_abs, zm);
    if (mpz_sgn(zb) < 0 && mpz_cmp_ui(mod_abs, 1) != 0 && !mpz_invert(base, base, mod_abs)) {
        mpz_clears(mod_abs, base, NULL);
        KR_DECREF(r);
        return kr_err_set(&kr_exc_ValueError, "base is not invertible for the given modulus");
    }
    if (mpz_cmp_ui(mod_abs, 1) == 0) {
        mpz_set_ui(r->z, 0);
    } else {
        mpz_t e;
        mpz_init(e);
        mpz_abs(e, zb);
        mpz_powm(r->z, base, e, mod_abs);
        mpz_clear(e);
    }
    // The result takes the sign of the modulus, as Python's % does.
    if (mpz_sgn(zm) < 0 && mpz_sgn(r->z) != 0) {
        mpz_add(r->z, r->z, zm);
    }
    mpz_clears(mod_abs, base, NULL);
    return big_finish(r);
}

static kr_val pow_small_fast(intptr_t x, intptr_t n) {
    __int128 result = 1, base = x;
    const __int128 limit = (__int128)1 << 62;
    while (n > 0) {
        if (n & 1) {
            result *= base;
            if (result >= limit || result <= -limit) {
                return 0;
            }
        }
        n >>= 1;
        if (n > 0) {
            base *= base;
            if (base >= limit) {
                return 0;
            }
        }
    }
    return KR_FROM_SMALL((intptr_t)result);
}

kr_val kr_int_pow(kr_val a, kr_val b, kr_val mod) {
    a = unbool(a);
    b = unbool(b);
    if (mod != KR_NONE) {
        return pow_modular(a, b, unbool(mod));
    }
    if (kr_int_sign(b) < 0) {
        double x = kr_int_as_double(a), y;
        if (x == -1.0 && kr_err_occurred()) {
            return 0;
        }
        y = kr_int_as_double(b);
        if (y == -1.0 && kr_err_occurred()) {
            return 0;
        }
        double r = kr_float_pow(x, y);
        return r == -1.0 && kr_err_occurred() ? 0 : kr_float_new(r);
    }
    if (KR_IS_SMALL(a & b)) {
        kr_val r = pow_small_fast(KR_SMALL_VALUE(a), KR_SMALL_VALUE(b));
        if (r) {
            return r;
        }
    }
    zview wa;
    mpz_srcptr za = zv(a, &wa);
    if (mpz_cmpabs_ui(za, 1) <= 0) {
        // 0, 1 and -1 to any power.
        bool odd = KR_IS_SMALL(b) ? (KR_SMALL_VALUE(b) & 1) : mpz_odd_p(BIG(b)->z);
        bool zero_exp = is_zero(b);
        intptr_t x = KR_SMALL_VALUE(a);
        return KR_FROM_SMALL(zero_exp ? 1 : x == -1 && !odd ? 1 : x);
    }
    if (!KR_IS_SMALL(b) || KR_SMALL_VALUE(b) > ((intptr_t)1 << 40)) {
        return kr_err_no_memory();
    }
    kr_bigint *r = big_new();
    if (!r) {
        return 0;
    }
    mpz_pow_ui(r->z, za, (unsigned long)KR_SMALL_VALUE(b));
    return big_finish(r);
}

// ---------------------------------------------------------------------------------------------
// Hash, bit_length

intptr_t kr_int_hash(kr_val v) {
    v = unbool(v);
    intptr_t h;
    if (KR_IS_SMALL(v)) {
        intptr_t x = KR_SMALL_VALUE(v);
        uint64_t m = x < 0 ? -(uint64_t)x : (uint64_t)x;
        h = (intptr_t)(m % HASH_MODULUS);
        h = x < 0 ? -h : h;
    } else {
        mpz_srcptr z = BIG(v)->z;
        h = (intptr_t)mpz_tdiv_ui(z, HASH_MODULUS);
        h = mpz_sgn(z) < 0 ? -h : h;
    }
    return h == -1 ? -2 : h;
}

static intptr_t bit_length(kr_val v) {
    v = unbool(v);
    if (KR_IS_SMALL(v)) {
        intptr_t x = KR_SMALL_VALUE(v);
        uint64_t m = x < 0 ? -(uint64_t)x : (uint64_t)x;
        return m ? 64 - __builtin_clzll(m) : 0;
    }
    return (intptr_t)mpz_sizeinbase(BIG(v)->z, 2);
}

kr_val kr_int_bit_length(kr_val v) { return KR_FROM_SMALL(bit_length(v)); }

// ---------------------------------------------------------------------------------------------
// Text conversions

int kr_int_set_max_str_digits(intptr_t n) {
    if (n != 0 && n < MAX_STR_DIGITS_THRESHOLD) {
        kr_err_set(&kr_exc_ValueError, "maxdigits must be >= %d or 0 for unlimited",
                   MAX_STR_DIGITS_THRESHOLD);
        return -1;
    }
    max_str_digits = n;
    return 0;
}

intptr_t kr_int_get_max_str_digits(void) { return max_str_digits; }

static bool is_power_of_two_base(int base) { return (base & (base - 1)) == 0; }

char *kr_int_to_cstr(kr_val v, int base, const char *prefix) {
    v = unbool(v);
    size_t plen = prefix ? strlen(prefix) : 0;
    zview w;
    mpz_srcptr z = zv(v, &w);
    size_t cap = mpz_sizeinbase(z, base) + plen + 3;
    char *buf = kr_alloc_atomic(cap);
    if (!buf) {
        return NULL;
    }
    char *p = buf;
    if (mpz_sgn(z) < 0) {
        *p++ = '-';
    }
    if (plen) {
        memcpy(p, prefix, plen);
        p += plen;
    }
    mpz_get_str(p, base, z);
    if (*p == '-') {
        memmove(p, p + 1, strlen(p));
    }
    return buf;
}

static kr_val str_limit_error(void) {
    return kr_err_set(&kr_exc_ValueError,
                      "Exceeds the limit (%ld digits) for integer string conversion; use "
                      "sys.set_int_max_str_digits() to increase the limit",
                      (long)max_str_digits);
}

kr_val kr_int_repr(kr_val v) {
    v = unbool(v);
    if (KR_IS_SMALL(v)) {
        char buf[24];
        int n = snprintf(buf, sizeof buf, "%ld", (long)KR_SMALL_VALUE(v));
        return kr_str_from_utf8(buf, (size_t)n);
    }
    // sizeinbase is exact or one too big: only the borderline case needs the digits counted.
    size_t approx = mpz_sizeinbase(BIG(v)->z, 10);
    if (max_str_digits && approx > (size_t)max_str_digits + 1) {
        return str_limit_error();
    }
    char *s = kr_int_to_cstr(v, 10, NULL);
    if (!s) {
        return 0;
    }
    size_t n = strlen(s);
    if (max_str_digits && n - (s[0] == '-') > (size_t)max_str_digits) {
        kr_free(s);
        return str_limit_error();
    }
    kr_val r = kr_str_from_utf8(s, n);
    kr_free(s);
    return r;
}

kr_val kr_int_format_base(kr_val v, int base) {
    const char *prefix = base == 16 ? "0x" : base == 8 ? "0o" : "0b";
    char *s = kr_int_to_cstr(v, base, prefix);
    if (!s) {
        return 0;
    }
    kr_val r = kr_str_from_cstr(s);
    kr_free(s);
    return r;
}

// ValueError "invalid literal for int() with base 10: 'x'", with the repr cut at 200 chars.
static kr_val invalid_literal(const char *s, size_t n, int base) {
    kr_val str = kr_str_from_utf8(s, n);
    if (!str) {
        return 0;
    }
    kr_val r = kr_repr(str);
    KR_DECREF(str);
    if (!r) {
        return 0;
    }
    const char *p = kr_str_data(r);
    intptr_t bytes = 0, chars = 0;
    while (bytes < kr_str_nbytes(r) && chars < 200) {
        bytes++;
        while (bytes < kr_str_nbytes(r) && ((unsigned char)p[bytes] & 0xC0) == 0x80) {
            bytes++;
        }
        chars++;
    }
    kr_err_set(&kr_exc_ValueError, "invalid literal for int() with base %d: %.*s", base,
               (int)bytes, p);
    KR_DECREF(r);
    return 0;
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 99;
}

// C-locale isspace, as CPython's PyLong_FromString (Unicode spaces became ' ' before).
static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Resolves the base and skips a matching prefix ("0x", "0o", "0b"). Returns the new base, or
// -1 for a base-0 decimal with leading zeros (invalid unless it is all zeros).
static int take_prefix(const char **p, const char *end, int base) {
    const char *s = *p;
    if (end - s >= 2 && s[0] == '0') {
        char c = (char)tolower((unsigned char)s[1]);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            *p = s + 2;
            // An underscore may follow the prefix: 0x_ff.
            if (*p < end && **p == '_') {
                (*p)++;
            }
            return pb;
        }
    }
    return base == 0 ? 10 : base;
}

// Copies the digits of s[0..n) into 'out' without underscores, checking each digit and that
// every underscore sits between digits. Returns the digit count, or -1 when invalid.
static intptr_t collect_digits(const char *s, const char *end, int base, char *out) {
    intptr_t k = 0;
    bool prev_digit = false;
    for (; s < end; s++) {
        if (*s == '_') {
            if (!prev_digit || s + 1 >= end) {
                return -1;
            }
            prev_digit = false;
            continue;
        }
        if (digit_value(*s) >= base) {
            return -1;
        }
        out[k++] = *s;
        prev_digit = true;
    }
    return k ? k : -1;
}

static kr_val parse_digits(const char *digits, intptr_t n, int base, bool negative) {
    if (n <= 18 && base <= 10) {
        char buf[20];
        memcpy(buf, digits, (size_t)n);
        buf[n] = '\0';
        long long x = strtoll(buf, NULL, base);
        return kr_int_from_i64(negative ? -x : x);
    }
    kr_bigint *r = big_new();
    if (!r) {
        return 0;
    }
    mpz_set_str(r->z, digits, base);
    if (negative) {
        mpz_neg(r->z, r->z);
    }
    return big_finish(r);
}

int kr_numeric_text_to_ascii(const char *s, size_t n, char **res, size_t *n_out) {
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0x80) {
        i++;
    }
    if (i == n) {
        return 0;
    }
    char *out = kr_alloc_atomic(n + 1);
    if (!out) {
        return -1;
    }
    memcpy(out, s, i);
    size_t k = i;
    while (i < n) {
        int len = 1;
        uint32_t c = (unsigned char)s[i] < 0x80 ? (unsigned char)s[i] : kr_utf8_decode(s + i, &len);
        int digit = c < 0x80 ? -1 : kr_unicode_decimal(c);
        out[k++] = c < 0x80 ? (char)c
                   : digit >= 0 ? (char)('0' + digit)
                   : (kr_unicode_flags(c) & KR_UC_SPACE) ? ' ' : '?';
        i += (size_t)len;
    }
    out[k] = '\0';
    *n_out = k;
    *res = out;
    return 1;
}

// Parses ASCII text 's'; 'orig' is the caller's text, for the error message.
static kr_val int_from_ascii(const char *s, size_t n, int base, const char *orig,
                             size_t orig_n);

// int('123') in base 10 (or 0) of plain ASCII digits with an optional sign and at most 18
// digits: no copy, no GMP. Returns 0 when the text needs the general path.
static kr_val int_from_short_decimal(const char *s, size_t n, int base) {
    if ((base != 10 && base != 0) || n == 0 || n > 19) {
        return 0;
    }
    size_t i = s[0] == '-' || s[0] == '+';
    if (i == n || n - i > 18 || (base == 0 && s[i] == '0' && n - i > 1)) {
        return 0;
    }
    int64_t v = 0;
    for (; i < n; i++) {
        unsigned d = (unsigned char)s[i] - '0';
        if (d > 9) {
            return 0;
        }
        v = v * 10 + (int64_t)d;
    }
    return kr_int_from_i64(s[0] == '-' ? -v : v);
}

kr_val kr_int_from_string(const char *s, size_t n, int base) {
    kr_val fast = int_from_short_decimal(s, n, base);
    if (fast) {
        return fast;
    }
    if (base != 0 && (base < 2 || base > 36)) {
        return kr_err_set(&kr_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    size_t an;
    char *ascii;
    int converted = kr_numeric_text_to_ascii(s, n, &ascii, &an);
    if (converted <= 0) {
        return converted < 0 ? 0 : int_from_ascii(s, n, base, s, n);
    }
    kr_val r = int_from_ascii(ascii, an, base, s, n);
    kr_free(ascii);
    return r;
}

static kr_val int_from_ascii(const char *s, size_t n, int base, const char *orig,
                             size_t orig_n) {
    const char *p = s, *end = s + n;
    while (p < end && is_space(*p)) {
        p++;
    }
    while (end > p && is_space(end[-1])) {
        end--;
    }
    bool negative = false;
    if (p < end && (*p == '+' || *p == '-')) {
        negative = *p++ == '-';
    }
    const char *digits_start = p;
    int b = take_prefix(&p, end, base);
    bool had_prefix = p != digits_start;
    char *digits = malloc((size_t)(end - p) + 1);
    if (!digits) {
        return kr_err_no_memory();
    }
    intptr_t k = collect_digits(p, end, b, digits);
    if (k >= 0) {
        digits[k] = '\0';
    }
    // Base 0 rejects decimal literals with leading zeros, such as '010' (but not '0_0').
    bool leading_zero = base == 0 && !had_prefix && k > 1 && digits[0] == '0'
                        && strspn(digits, "0") != (size_t)k;
    if (k < 0 || leading_zero) {
        free(digits);
        return invalid_literal(orig, orig_n, base);
    }
    if (max_str_digits && !is_power_of_two_base(b) && k > max_str_digits) {
        free(digits);
        return kr_err_set(&kr_exc_ValueError,
                          "Exceeds the limit (%ld digits) for integer string conversion: value "
                          "has %ld digits; use sys.set_int_max_str_digits() to increase the limit",
                          (long)max_str_digits, (long)k);
    }
    kr_val r = parse_digits(digits, k, b, negative);
    free(digits);
    return r;
}

// ---------------------------------------------------------------------------------------------
// Conversions from other objects

kr_val kr_index(kr_val v) {
    if (kr_int_check(v)) {
        return kr_newref(unbool(v));
    }
    kr_unaryfunc f = NULL;
    for (const kr_type *t = KR_TYPE(v); t && !f; t = t->base) {
        f = t->number ? t->number->index : NULL;
    }
    if (!f) {
        return kr_err_set(&kr_exc_TypeError,
                          "'%s' object cannot be interpreted as an integer", kr_type_name(v));
    }
    return f(v);
}

int kr_index_as_ssize(kr_val v, intptr_t *out) {
    kr_val i = kr_index(v);
    if (!i) {
        return -1;
    }
    if (KR_IS_SMALL(i)) {
        *out = KR_SMALL_VALUE(i);
        return 0;
    }
    bool fits = mpz_fits_slong_p(BIG(i)->z);
    *out = fits ? mpz_get_si(BIG(i)->z) : 0;
    KR_DECREF(i);
    if (!fits) {
        kr_err_set(&kr_exc_IndexError, "cannot fit '%s' into an index-sized integer",
                   kr_type_name(v));
        return -1;
    }
    return 0;
}

kr_val kr_int_from_val(kr_val v) {
    if (kr_int_check(v)) {
        return kr_newref(unbool(v));
    }
    if (kr_float_check(v)) {
        return kr_int_from_double(KR_FLOAT_VALUE(v));
    }
    if (kr_str_check(v)) {
        return kr_int_from_string(kr_str_data(v), (size_t)kr_str_nbytes(v), 10);
    }
    for (const kr_type *t = KR_TYPE(v); t; t = t->base) {
        if (t->number && t->number->to_int) {
            return t->number->to_int(v);
        }
        if (t->number && t->number->index) {
            return t->number->index(v);
        }
    }
    return kr_err_set(&kr_exc_TypeError,
                      "int() argument must be a string, a bytes-like object or a real number, "
                      "not '%s'",
                      kr_type_name(v));
}

// ---------------------------------------------------------------------------------------------
// The int type

static kr_val int_richcompare(kr_val a, kr_val b, int op) {
    if (!kr_int_check(b)) {
        return KR_NOTIMPLEMENTED;
    }
    int c = kr_int_compare(a, b);
    switch (op) {
    case KR_LT: return kr_bool(c < 0);
    case KR_LE: return kr_bool(c <= 0);
    case KR_EQ: return kr_bool(c == 0);
    case KR_NE: return kr_bool(c != 0);
    case KR_GT: return kr_bool(c > 0);
    default: return kr_bool(c >= 0);
    }
}

#define INT_BINOP(name, expr)                              \
    static kr_val name(kr_val a, kr_val b) {               \
        if (!kr_int_check(a) || !kr_int_check(b)) {        \
            return KR_NOTIMPLEMENTED;                      \
        }                                                  \
        return expr;                                       \
    }

INT_BINOP(int_add, kr_int_add(unbool(a), unbool(b)))
INT_BINOP(int_sub, kr_int_sub(unbool(a), unbool(b)))
INT_BINOP(int_mul, kr_int_mul(unbool(a), unbool(b)))
INT_BINOP(int_truediv, kr_int_truediv(a, b))
INT_BINOP(int_floordiv, kr_int_floordiv(a, b))
INT_BINOP(int_mod, kr_int_mod(a, b))
INT_BINOP(int_divmod, kr_int_divmod(a, b))
INT_BINOP(int_pow2, kr_int_pow(a, b, KR_NONE))
INT_BINOP(int_lshift, kr_int_lshift(a, b))
INT_BINOP(int_rshift, kr_int_rshift(a, b))
INT_BINOP(int_and, kr_int_and(a, b))
INT_BINOP(int_xor, kr_int_xor(a, b))
INT_BINOP(int_or, kr_int_or(a, b))

static kr_val int_pow3(kr_val a, kr_val b, kr_val m) {
    if (!kr_int_check(a) || !kr_int_check(b)) {
        return KR_NOTIMPLEMENTED;
    }
    if (m != KR_NONE && !kr_int_check(m)) {
        return kr_err_set(&kr_exc_TypeError,
                          "pow() 3rd argument not allowed unless all arguments are integers");
    }
    return kr_int_pow(a, b, m);
}

static kr_val int_pos(kr_val a) { return kr_newref(unbool(a)); }
static int int_is_true(kr_val a) { return !is_zero(a); }
static kr_val int_to_float(kr_val a) {
    double d = kr_int_as_double(a);
    return d == -1.0 && kr_err_occurred() ? 0 : kr_float_new(d);
}

static const kr_number_methods int_number = {
    .binop = {
        [KR_OP_ADD] = int_add, [KR_OP_SUB] = int_sub, [KR_OP_MUL] = int_mul,
        [KR_OP_TRUEDIV] = int_truediv, [KR_OP_FLOORDIV] = int_floordiv, [KR_OP_MOD] = int_mod,
        [KR_OP_DIVMOD] = int_divmod, [KR_OP_POW] = int_pow2, [KR_OP_LSHIFT] = int_lshift,
        [KR_OP_RSHIFT] = int_rshift, [KR_OP_AND] = int_and, [KR_OP_XOR] = int_xor,
        [KR_OP_OR] = int_or,
    },
    .power = int_pow3,
    .neg = kr_int_neg,
    .pos = int_pos,
    .abs = kr_int_abs,
    .invert = kr_int_invert,
    .is_true = int_is_true,
    .to_int = int_pos,
    .to_float = int_to_float,
    .index = int_pos,
};

static kr_val int_m_bit_length(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)args;
    if (nargs || kw) {
        return kr_err_set(&kr_exc_TypeError, "int.bit_length() takes no arguments (%zu given)",
                          nargs);
    }
    return kr_int_bit_length(self);
}

static kr_val int_m_bit_count(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)args;
    if (nargs || kw) {
        return kr_err_set(&kr_exc_TypeError, "int.bit_count() takes no arguments (%zu given)",
                          nargs);
    }
    zview w;
    mpz_t m;
    mpz_init(m);
    mpz_abs(m, zv(self, &w));
    kr_val r = kr_int_from_u64(mpz_popcount(m));
    mpz_clear(m);
    return r;
}

static kr_val int_m_self(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)args;
    (void)nargs;
    (void)kw;
    return kr_newref(unbool(self));
}

static kr_val int_m_is_integer(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    (void)args;
    (void)nargs;
    (void)kw;
    return KR_TRUE;
}

static kr_val int_m_as_integer_ratio(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)args;
    (void)nargs;
    (void)kw;
    return pair(kr_newref(unbool(self)), KR_FROM_SMALL(1));
}

// ---------------------------------------------------------------------------------------------
// to_bytes / from_bytes

// The 'byteorder' argument: "big" (also when absent) or "little". 0, or -1 with an error.
static int byteorder_arg(const char *fname, kr_val v, bool *little) {
    *little = false;
    if (!v) {
        return 0;
    }
    if (!kr_str_check(v)) {
        kr_err_set(&kr_exc_TypeError, "%s() argument 'byteorder' must be str, not %s", fname,
                   kr_type_name(v));
        return -1;
    }
    if (strcmp(kr_str_data(v), "little") == 0 || strcmp(kr_str_data(v), "big") == 0) {
        *little = kr_str_data(v)[0] == 'l';
        return 0;
    }
    kr_err_set(&kr_exc_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

// Writes the 'len' bytes of two's complement 'x' (which must fit) big-endian into 'out'.
static void export_bytes(mpz_srcptr x, size_t len, unsigned char *out) {
    mpz_t y;
    mpz_init_set(y, x);
    if (mpz_sgn(y) < 0) {
        mpz_t m;
        mpz_init(m);
        mpz_ui_pow_ui(m, 2, 8 * len);
        mpz_add(y, y, m);
        mpz_clear(m);
    }
    size_t n = (mpz_sizeinbase(y, 2) + 7) / 8;
    memset(out, 0, len);
    if (mpz_sgn(y) != 0) {
        mpz_export(out + (len - n), NULL, 1, 1, 1, 0, y);
    }
    mpz_clear(y);
}

// int.to_bytes(length=1, byteorder='big', *, signed=False)
static kr_val int_m_to_bytes(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    static const char *const names[] = { "length", "byteorder", "signed" };
    kr_val a[3];
    intptr_t len = 1;
    bool little;
    if (kr_str_unpack_args("to_bytes", args, nargs, kw, names, 0, 3, a) < 0
        || (a[0] && kr_index_as_ssize(a[0], &len) < 0)
        || byteorder_arg("to_bytes", a[1], &little) < 0) {
        return 0;
    }
    int sgn = a[2] ? kr_is_true(a[2]) : 0;
    if (sgn < 0) {
        return 0;
    }
    if (len < 0) {
        return kr_err_set(&kr_exc_ValueError, "length argument must be non-negative");
    }
    zview w;
    mpz_srcptr x = zv(self, &w);
    if (!sgn && mpz_sgn(x) < 0) {
        return kr_err_set(&kr_exc_OverflowError, "can't convert negative int to unsigned");
    }
    // Bits needed: unsigned, bit_length; signed, one more (the sign), except for -2^k.
    size_t bits = mpz_sgn(x) == 0 ? 0 : mpz_sizeinbase(x, 2);
    if (sgn && mpz_sgn(x) != 0) {
        bits += !(mpz_sgn(x) < 0 && mpz_scan1(x, 0) == bits - 1);
    }
    if (bits > 8 * (uint64_t)len) {
        return kr_err_set(&kr_exc_OverflowError, "int too big to convert");
    }
    unsigned char *buf = kr_alloc_atomic((size_t)len + 1);
    if (!buf) {
        return 0;
    }
    export_bytes(x, (size_t)len, buf);
    for (intptr_t i = 0; little && i < len / 2; i++) {
        unsigned char t = buf[i];
        buf[i] = buf[len - 1 - i];
        buf[len - 1 - i] = t;
    }
    kr_val r = kr_bytes_from_data((const char *)buf, (size_t)len);
    kr_free(buf);
    return r;
}

// int.from_bytes(bytes, byteorder='big', *, signed=False) (a class method: 'self' is the type)
static kr_val int_m_from_bytes(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    static const char *const names[] = { "bytes", "byteorder", "signed" };
    kr_val a[3];
    bool little;
    if (kr_str_unpack_args("from_bytes", args, nargs, kw, names, 1, 3, a) < 0
        || byteorder_arg("from_bytes", a[1], &little) < 0) {
        return 0;
    }
    int sgn = a[2] ? kr_is_true(a[2]) : 0;
    if (sgn < 0) {
        return 0;
    }
    kr_val b = kr_bytes_like_check(a[0]) ? kr_newref(a[0])
                                          : kr_bytes_from_val(&kr_bytes_type, a[0], NULL, NULL);
    if (!b) {
        return 0;
    }
    kr_bigint *r = big_new();
    if (!r) {
        KR_DECREF(b);
        return 0;
    }
    size_t n = (size_t)kr_bytes_len(b);
    const unsigned char *d = (const unsigned char *)kr_bytes_data(b);
    mpz_import(r->z, n, little ? -1 : 1, 1, 1, 0, d);
    if (sgn && n > 0 && (d[little ? n - 1 : 0] & 0x80)) {
        mpz_t m;
        mpz_init(m);
        mpz_ui_pow_ui(m, 2, 8 * n);
        mpz_sub(r->z, r->z, m);
        mpz_clear(m);
    }
    KR_DECREF(b);
    return big_finish(r);
}

static const kr_method_def int_methods[] = {
    { "bit_length", int_m_bit_length, 0 },
    { "bit_count", int_m_bit_count, 0 },
    { "conjugate", int_m_self, 0 },
    { "is_integer", int_m_is_integer, 0 },
    { "as_integer_ratio", int_m_as_integer_ratio, 0 },
    { "to_bytes", int_m_to_bytes, 0 },
    { "from_bytes", int_m_from_bytes, KR_METH_CLASS },
    { "__index__", int_m_self, 0 },
    { NULL, NULL, 0 },
};

static kr_val int_get_self(kr_val v) { return kr_newref(unbool(v)); }
static kr_val int_get_zero(kr_val v) {
    (void)v;
    return KR_FROM_SMALL(0);
}
static kr_val int_get_one(kr_val v) {
    (void)v;
    return KR_FROM_SMALL(1);
}

static const kr_getset_def int_getset[] = {
    { "real", int_get_self, NULL },
    { "imag", int_get_zero, NULL },
    { "numerator", int_get_self, NULL },
    { "denominator", int_get_one, NULL },
    { NULL, NULL, NULL },
};

// int(), int(x), int(x, base) with base also accepted as a keyword.
static kr_val int_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)t;
    size_t nkw = kwnames ? (size_t)KR_TUPLE_LEN(kwnames) : 0;
    kr_val base = 0;
    if (nkw == 1 && strcmp(kr_str_data(KR_TUPLE_ITEMS(kwnames)[0]), "base") == 0 && nargs <= 1) {
        base = args[nargs];
    } else if (nkw > 0) {
        return kr_err_set(&kr_exc_TypeError, "int() got an unexpected keyword argument '%s'",
                          kr_str_data(KR_TUPLE_ITEMS(kwnames)[0]));
    } else if (nargs > 2) {
        return kr_err_set(&kr_exc_TypeError, "int() takes at most 2 arguments (%zu given)",
                          nargs);
    } else if (nargs == 2) {
        base = args[1];
    }
    if (nargs == 0) {
        if (base) {
            return kr_err_set(&kr_exc_TypeError, "int() missing string argument");
        }
        return KR_FROM_SMALL(0);
    }
    return kr_builtin_int(args[0], base);
}

kr_type kr_int_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "int",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_bigint),
    .flags = KR_TF_INT_SUB | KR_TF_BASETYPE,
    .dealloc = int_dealloc,
    .repr = kr_int_repr,
    .hash = kr_int_hash,
    .richcompare = int_richcompare,
    .new = int_new,
    .number = &int_number,
    .methods = int_methods,
    .getset = int_getset,
};

// ---------------------------------------------------------------------------------------------
// bool

static kr_val bool_repr(kr_val v) { return kr_str_from_cstr(v == KR_TRUE ? "True" : "False"); }

#define BOOL_BINOP(name, op, intfn)                                   \
    static kr_val name(kr_val a, kr_val b) {                          \
        if (KR_TYPE(a) == &kr_bool_type && KR_TYPE(b) == &kr_bool_type) { \
            return kr_bool((a == KR_TRUE) op(b == KR_TRUE));          \
        }                                                             \
        return intfn(a, b);                                           \
    }

BOOL_BINOP(bool_and, &, int_and)
BOOL_BINOP(bool_or, |, int_or)
BOOL_BINOP(bool_xor, ^, int_xor)

static const kr_number_methods bool_number = {
    .binop = { [KR_OP_AND] = bool_and, [KR_OP_OR] = bool_or, [KR_OP_XOR] = bool_xor },
};

static kr_val bool_new(const kr_type *t, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)t;
    if (kwnames) {
        return kr_err_set(&kr_exc_TypeError, "bool() takes no keyword arguments");
    }
    if (nargs > 1) {
        return kr_err_set(&kr_exc_TypeError, "bool expected at most 1 argument, got %zu",
                          nargs);
    }
    return kr_builtin_bool(nargs ? args[0] : 0);
}

kr_type kr_bool_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "bool",
    .base = &kr_int_type,
    .basicsize = sizeof(kr_bool_obj),
    .flags = KR_TF_INT_SUB,
    .repr = bool_repr,
    .new = bool_new,
    .number = &bool_number,
};

kr_bool_obj kr_true_obj = { KR_STATIC_HEADER(&kr_bool_type), KR_FROM_SMALL(1) };
kr_bool_obj kr_false_obj = { KR_STATIC_HEADER(&kr_bool_type), KR_FROM_SMALL(0) };

void kr_int_release(kr_val v) { KR_DECREF(v); }
