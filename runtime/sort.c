// sort.c: list.sort() and sorted(): CPython 3.13's TimSort (Objects/listsort.txt).
//
// The algorithm is CPython's step for step: natural runs found by count_run (descending runs
// reversed in place, equal elements kept stable), short runs extended to minrun by binary
// insertion, runs merged by the powersort policy with galloping merge_lo / merge_hi and the
// same min_gallop adaptation. So the comparisons made, their order and the result are those of
// CPython, which user-defined __lt__ methods can observe. Only "<" is used. A pre-sort check
// picks a fast comparison when all keys are small ints, floats or strs, as CPython's does.
//
// While sorting, the list is emptied (items NULL, cap -1) so that comparison code changing it
// cannot touch the array being sorted; a change is reported as ValueError "list modified during
// sort". Keys and values move as 8-byte words: a float-strategy list sorts its raw doubles.
#include "krait.h"

#include <stdlib.h>
#include <string.h>

#define MAX_MERGE_PENDING 64
#define MIN_GALLOP 7
#define MERGESTATE_TEMP_SIZE 256
#define MAX_MINRUN 64

typedef struct MergeState MergeState;

// "keys[i] < keys[j]": 1, 0, or -1 with a pending exception.
typedef int (*lt_func)(kr_val a, kr_val b);

// A slice of keys, with the values permuted in lockstep (values NULL without a key function).
typedef struct {
    kr_val *keys;
    kr_val *values;
} sortslice;

typedef struct {
    sortslice base;
    intptr_t len;
    int power;
} run;

struct MergeState {
    intptr_t min_gallop;
    intptr_t listlen;
    kr_val *basekeys;
    sortslice a;  // temp storage for merges, 'alloced' slots
    intptr_t alloced;
    int n;
    run pending[MAX_MERGE_PENDING];
    kr_val temparray[MERGESTATE_TEMP_SIZE];
    lt_func lt;
};

#define ISLT(X, Y) (ms->lt((X), (Y)))
#define IFLT(X, Y)                   \
    if ((k = ISLT(X, Y)) < 0) {      \
        goto fail;                   \
    }                                \
    if (k)

// ---------------------------------------------------------------------------------------------
// Comparisons

static int lt_generic(kr_val a, kr_val b) { return kr_richcompare_bool(a, b, KR_LT); }

static int lt_small(kr_val a, kr_val b) { return (intptr_t)a < (intptr_t)b; }

static int lt_float(kr_val a, kr_val b) { return KR_FLOAT_VALUE(a) < KR_FLOAT_VALUE(b); }

static int lt_float_bits(kr_val a, kr_val b) {
    double x, y;
    memcpy(&x, &a, sizeof x);
    memcpy(&y, &b, sizeof y);
    return x < y;
}

// UTF-8 byte order is code point order.
static int lt_str(kr_val a, kr_val b) {
    intptr_t na = kr_str_nbytes(a), nb = kr_str_nbytes(b);
    int c = memcmp(kr_str_data(a), kr_str_data(b), (size_t)(na < nb ? na : nb));
    return c != 0 ? c < 0 : na < nb;
}

// The pre-sort check: one comparison for the whole sort when all keys share a simple type.
static lt_func choose_lt(const kr_val *keys, intptr_t n) {
    bool small = true, flt = true, str = true;
    for (intptr_t i = 0; i < n && (small || flt || str); i++) {
        kr_val k = keys[i];
        small = small && KR_IS_SMALL(k);
        flt = flt && KR_IS_PTR(k) && KR_OBJ(k)->type == &kr_float_type;
        str = str && KR_IS_PTR(k) && KR_OBJ(k)->type == &kr_str_type;
    }
    return small ? lt_small : flt ? lt_float : str ? lt_str : lt_generic;
}

// ---------------------------------------------------------------------------------------------
// Slices

static void reverse_words(kr_val *lo, kr_val *hi) {
    for (--hi; lo < hi; lo++, hi--) {
        kr_val t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

static void slice_reverse(sortslice *s, intptr_t n) {
    reverse_words(s->keys, s->keys + n);
    if (s->values) {
        reverse_words(s->values, s->values + n);
    }
}

static void slice_advance(sortslice *s, intptr_t n) {
    s->keys += n;
    if (s->values) {
        s->values += n;
    }
}

static void slice_copy(sortslice *d, intptr_t i, const sortslice *s, intptr_t j) {
    d->keys[i] = s->keys[j];
    if (d->values) {
        d->values[i] = s->values[j];
    }
}

static void slice_copy_incr(sortslice *d, sortslice *s) {
    *d->keys++ = *s->keys++;
    if (d->values) {
        *d->values++ = *s->values++;
    }
}

static void slice_copy_decr(sortslice *d, sortslice *s) {
    *d->keys-- = *s->keys--;
    if (d->values) {
        *d->values-- = *s->values--;
    }
}

static void slice_memcpy(sortslice *d, intptr_t i, const sortslice *s, intptr_t j, intptr_t n) {
    memcpy(&d->keys[i], &s->keys[j], (size_t)n * sizeof(kr_val));
    if (d->values) {
        memcpy(&d->values[i], &s->values[j], (size_t)n * sizeof(kr_val));
    }
}

static void slice_memmove(sortslice *d, intptr_t i, const sortslice *s, intptr_t j,
                          intptr_t n) {
    memmove(&d->keys[i], &s->keys[j], (size_t)n * sizeof(kr_val));
    if (d->values) {
        memmove(&d->values[i], &s->values[j], (size_t)n * sizeof(kr_val));
    }
}

// ---------------------------------------------------------------------------------------------
// Runs

// Stable binary insertion sort of ss[0:n], where ss[0:ok] is already sorted.
static int binarysort(MergeState *ms, const sortslice *ss, intptr_t n, intptr_t ok) {
    int k;
    kr_val *a = ss->keys, *v = ss->values;
    if (!ok) {
        ++ok;
    }
    for (; ok < n; ++ok) {
        intptr_t lo = 0, hi = ok;
        kr_val pivot = a[ok];
        do {
            intptr_t m = (lo + hi) >> 1;
            IFLT(pivot, a[m]) {
                hi = m;
            } else {
                lo = m + 1;
            }
        } while (lo < hi);
        memmove(&a[lo + 1], &a[lo], (size_t)(ok - lo) * sizeof(kr_val));
        a[lo] = pivot;
        if (v) {
            kr_val vp = v[ok];
            memmove(&v[lo + 1], &v[lo], (size_t)(ok - lo) * sizeof(kr_val));
            v[lo] = vp;
        }
    }
    return 0;
fail:
    return -1;
}

// Reverses the last 'neq' + 1 elements of slo[0:n] (a run of equal elements).
static void reverse_equal_tail(sortslice *slo, intptr_t n, intptr_t *neq) {
    if (*neq) {
        sortslice s = *slo;
        ++*neq;
        slice_advance(&s, n - *neq);
        slice_reverse(&s, *neq);
        *neq = 0;
    }
}

// Length of the run at slo (at most 'nremaining'), made ascending in place; -1 on error.
static intptr_t count_run(MergeState *ms, sortslice *slo, intptr_t nremaining) {
    int k;
    intptr_t n;
    kr_val *lo = slo->keys;
    for (n = 1; n < nremaining; ++n) {
        IFLT(lo[n], lo[n - 1]) {
            break;
        }
    }
    if (n == nremaining) {
        return n;
    }
    if (n > 1) {
        IFLT(lo[0], lo[n - 1]) {
            return n;
        }
        slice_reverse(slo, n);
    }
    ++n;
    intptr_t neq = 0;
    for (; n < nremaining; ++n) {
        IFLT(lo[n], lo[n - 1]) {
            reverse_equal_tail(slo, n, &neq);
        } else {
            IFLT(lo[n - 1], lo[n]) {
                break;
            } else {
                ++neq;
            }
        }
    }
    reverse_equal_tail(slo, n, &neq);
    slice_reverse(slo, n);
    for (; n < nremaining; ++n) {
        IFLT(lo[n], lo[n - 1]) {
            break;
        }
    }
    return n;
fail:
    return -1;
}

// ---------------------------------------------------------------------------------------------
// Galloping searches (listsort.txt)

// The k in 0..n with a[k-1] < key <= a[k], starting the search at 'hint'. -1 on error.
static intptr_t gallop_left(MergeState *ms, kr_val key, kr_val *a, intptr_t n, intptr_t hint) {
    int k;
    intptr_t ofs = 1, lastofs = 0;
    a += hint;
    IFLT(*a, key) {
        const intptr_t maxofs = n - hint;
        while (ofs < maxofs) {
            IFLT(a[ofs], key) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        lastofs += hint;
        ofs += hint;
    } else {
        const intptr_t maxofs = hint + 1;
        while (ofs < maxofs) {
            IFLT(*(a - ofs), key) {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        intptr_t t = lastofs;
        lastofs = hint - ofs;
        ofs = hint - t;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        intptr_t m = lastofs + ((ofs - lastofs) >> 1);
        IFLT(a[m], key) {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    return ofs;
fail:
    return -1;
}

// The k in 0..n with a[k-1] <= key < a[k], starting the search at 'hint'. -1 on error.
static intptr_t gallop_right(MergeState *ms, kr_val key, kr_val *a, intptr_t n,
                             intptr_t hint) {
    int k;
    intptr_t ofs = 1, lastofs = 0;
    a += hint;
    IFLT(key, *a) {
        const intptr_t maxofs = hint + 1;
        while (ofs < maxofs) {
            IFLT(key, *(a - ofs)) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        intptr_t t = lastofs;
        lastofs = hint - ofs;
        ofs = hint - t;
    } else {
        const intptr_t maxofs = n - hint;
        while (ofs < maxofs) {
            IFLT(key, a[ofs]) {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        lastofs += hint;
        ofs += hint;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        intptr_t m = lastofs + ((ofs - lastofs) >> 1);
        IFLT(key, a[m]) {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    return ofs;
fail:
    return -1;
}

// ---------------------------------------------------------------------------------------------
// Merge state

static void merge_init(MergeState *ms, intptr_t list_size, bool has_values, sortslice *lo,
                       lt_func lt) {
    if (has_values) {
        ms->alloced = MERGESTATE_TEMP_SIZE / 2;
        ms->a.values = &ms->temparray[ms->alloced];
    } else {
        ms->alloced = MERGESTATE_TEMP_SIZE;
        ms->a.values = NULL;
    }
    ms->a.keys = ms->temparray;
    ms->n = 0;
    ms->min_gallop = MIN_GALLOP;
    ms->listlen = list_size;
    ms->basekeys = lo->keys;
    ms->lt = lt;
}

static void merge_freemem(MergeState *ms) {
    if (ms->a.keys != ms->temparray) {
        free(ms->a.keys);
        ms->a.keys = NULL;
    }
}

static int merge_getmem(MergeState *ms, intptr_t need) {
    if (need <= ms->alloced) {
        return 0;
    }
    int multiplier = ms->a.values ? 2 : 1;
    merge_freemem(ms);
    ms->a.keys = malloc((size_t)multiplier * (size_t)need * sizeof(kr_val));
    if (!ms->a.keys) {
        kr_err_no_memory();
        return -1;
    }
    ms->alloced = need;
    if (ms->a.values) {
        ms->a.values = &ms->a.keys[need];
    }
    return 0;
}

// ---------------------------------------------------------------------------------------------
// Merging

// Merges ssa[0:na] with the following ssb[0:nb] in place (na <= nb, ssa[na-1] belongs last).
static int merge_lo(MergeState *ms, sortslice ssa, intptr_t na, sortslice ssb, intptr_t nb) {
    int k;
    intptr_t kk;
    sortslice dest;
    int result = -1;
    if (merge_getmem(ms, na) < 0) {
        return -1;
    }
    slice_memcpy(&ms->a, 0, &ssa, 0, na);
    dest = ssa;
    ssa = ms->a;
    slice_copy_incr(&dest, &ssb);
    --nb;
    if (nb == 0) {
        goto succeed;
    }
    if (na == 1) {
        goto copy_b;
    }
    intptr_t min_gallop = ms->min_gallop;
    for (;;) {
        intptr_t acount = 0, bcount = 0;
        for (;;) {
            k = ISLT(ssb.keys[0], ssa.keys[0]);
            if (k) {
                if (k < 0) {
                    goto fail;
                }
                slice_copy_incr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 0) {
                    goto succeed;
                }
                if (bcount >= min_gallop) {
                    break;
                }
            } else {
                slice_copy_incr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 1) {
                    goto copy_b;
                }
                if (acount >= min_gallop) {
                    break;
                }
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            kk = gallop_right(ms, ssb.keys[0], ssa.keys, na, 0);
            acount = kk;
            if (kk) {
                if (kk < 0) {
                    goto fail;
                }
                slice_memcpy(&dest, 0, &ssa, 0, kk);
                slice_advance(&dest, kk);
                slice_advance(&ssa, kk);
                na -= kk;
                if (na == 1) {
                    goto copy_b;
                }
                if (na == 0) {
                    goto succeed;
                }
            }
            slice_copy_incr(&dest, &ssb);
            --nb;
            if (nb == 0) {
                goto succeed;
            }
            kk = gallop_left(ms, ssa.keys[0], ssb.keys, nb, 0);
            bcount = kk;
            if (kk) {
                if (kk < 0) {
                    goto fail;
                }
                slice_memmove(&dest, 0, &ssb, 0, kk);
                slice_advance(&dest, kk);
                slice_advance(&ssb, kk);
                nb -= kk;
                if (nb == 0) {
                    goto succeed;
                }
            }
            slice_copy_incr(&dest, &ssa);
            --na;
            if (na == 1) {
                goto copy_b;
            }
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (na) {
        slice_memcpy(&dest, 0, &ssa, 0, na);
    }
    return result;
copy_b:
    slice_memmove(&dest, 0, &ssb, 0, nb);
    slice_copy(&dest, nb, &ssa, 0);
    return 0;
}

// Merges ssa[0:na] with the following ssb[0:nb] in place (na >= nb, ssa[na-1] belongs last).
static int merge_hi(MergeState *ms, sortslice ssa, intptr_t na, sortslice ssb, intptr_t nb) {
    int k;
    intptr_t kk;
    sortslice dest, basea, baseb;
    int result = -1;
    if (merge_getmem(ms, nb) < 0) {
        return -1;
    }
    dest = ssb;
    slice_advance(&dest, nb - 1);
    slice_memcpy(&ms->a, 0, &ssb, 0, nb);
    basea = ssa;
    baseb = ms->a;
    ssb.keys = ms->a.keys + nb - 1;
    if (ssb.values) {
        ssb.values = ms->a.values + nb - 1;
    }
    slice_advance(&ssa, na - 1);
    slice_copy_decr(&dest, &ssa);
    --na;
    if (na == 0) {
        goto succeed;
    }
    if (nb == 1) {
        goto copy_a;
    }
    intptr_t min_gallop = ms->min_gallop;
    for (;;) {
        intptr_t acount = 0, bcount = 0;
        for (;;) {
            k = ISLT(ssb.keys[0], ssa.keys[0]);
            if (k) {
                if (k < 0) {
                    goto fail;
                }
                slice_copy_decr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 0) {
                    goto succeed;
                }
                if (acount >= min_gallop) {
                    break;
                }
            } else {
                slice_copy_decr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 1) {
                    goto copy_a;
                }
                if (bcount >= min_gallop) {
                    break;
                }
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            kk = gallop_right(ms, ssb.keys[0], basea.keys, na, na - 1);
            if (kk < 0) {
                goto fail;
            }
            kk = na - kk;
            acount = kk;
            if (kk) {
                slice_advance(&dest, -kk);
                slice_advance(&ssa, -kk);
                slice_memmove(&dest, 1, &ssa, 1, kk);
                na -= kk;
                if (na == 0) {
                    goto succeed;
                }
            }
            slice_copy_decr(&dest, &ssb);
            --nb;
            if (nb == 1) {
                goto copy_a;
            }
            kk = gallop_left(ms, ssa.keys[0], baseb.keys, nb, nb - 1);
            if (kk < 0) {
                goto fail;
            }
            kk = nb - kk;
            bcount = kk;
            if (kk) {
                slice_advance(&dest, -kk);
                slice_advance(&ssb, -kk);
                slice_memcpy(&dest, 1, &ssb, 1, kk);
                nb -= kk;
                if (nb == 1) {
                    goto copy_a;
                }
                if (nb == 0) {
                    goto succeed;
                }
            }
            slice_copy_decr(&dest, &ssa);
            --na;
            if (na == 0) {
                goto succeed;
            }
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (nb) {
        slice_memcpy(&dest, -(nb - 1), &baseb, 0, nb);
    }
    return result;
copy_a:
    slice_memmove(&dest, 1 - na, &ssa, 1 - na, na);
    slice_advance(&dest, -na);
    slice_advance(&ssa, -na);
    slice_copy(&dest, 0, &ssb, 0);
    return 0;
}

// Merges the runs at stack indices i and i+1.
static int merge_at(MergeState *ms, intptr_t i) {
    sortslice ssa = ms->pending[i].base, ssb = ms->pending[i + 1].base;
    intptr_t na = ms->pending[i].len, nb = ms->pending[i + 1].len;
    ms->pending[i].len = na + nb;
    if (i == ms->n - 3) {
        ms->pending[i + 1] = ms->pending[i + 2];
    }
    --ms->n;
    intptr_t k = gallop_right(ms, *ssb.keys, ssa.keys, na, 0);
    if (k < 0) {
        return -1;
    }
    slice_advance(&ssa, k);
    na -= k;
    if (na == 0) {
        return 0;
    }
    nb = gallop_left(ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
    if (nb <= 0) {
        return (int)nb;
    }
    return na <= nb ? merge_lo(ms, ssa, na, ssb, nb) : merge_hi(ms, ssa, na, ssb, nb);
}

// The powersort "power" of the run boundary between s1[0:n1] and the next run of n2 items.
static int powerloop(intptr_t s1, intptr_t n1, intptr_t n2, intptr_t n) {
    int result = 0;
    intptr_t a = 2 * s1 + n1, b = a + n1 + n2;
    for (;;) {
        ++result;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n) {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

// Merges pending runs of greater power before the next run (of 'n2' items) is pushed.
static int found_new_run(MergeState *ms, intptr_t n2) {
    if (ms->n) {
        run *p = ms->pending;
        intptr_t s1 = p[ms->n - 1].base.keys - ms->basekeys;
        intptr_t n1 = p[ms->n - 1].len;
        int power = powerloop(s1, n1, n2, ms->listlen);
        while (ms->n > 1 && p[ms->n - 2].power > power) {
            if (merge_at(ms, ms->n - 2) < 0) {
                return -1;
            }
        }
        p[ms->n - 1].power = power;
    }
    return 0;
}

static int merge_force_collapse(MergeState *ms) {
    run *p = ms->pending;
    while (ms->n > 1) {
        intptr_t n = ms->n - 2;
        if (n > 0 && p[n - 1].len < p[n + 1].len) {
            --n;
        }
        if (merge_at(ms, n) < 0) {
            return -1;
        }
    }
    return 0;
}

static intptr_t merge_compute_minrun(intptr_t n) {
    intptr_t r = 0;
    while (n >= MAX_MINRUN) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

// ---------------------------------------------------------------------------------------------
// The sort

// Sorts lo.keys[0:n] (and lo.values in lockstep), n >= 2.
static int timsort(sortslice lo, intptr_t n, lt_func lt) {
    MergeState ms;
    merge_init(&ms, n, lo.values != NULL, &lo, lt);
    intptr_t nremaining = n, minrun = merge_compute_minrun(n);
    int r = 0;
    while (nremaining > 0) {
        intptr_t len = count_run(&ms, &lo, nremaining);
        if (len < 0) {
            r = -1;
            break;
        }
        if (len < minrun) {
            intptr_t force = nremaining <= minrun ? nremaining : minrun;
            if (binarysort(&ms, &lo, force, len) < 0) {
                r = -1;
                break;
            }
            len = force;
        }
        if (found_new_run(&ms, len) < 0) {
            r = -1;
            break;
        }
        ms.pending[ms.n].base = lo;
        ms.pending[ms.n].len = len;
        ++ms.n;
        slice_advance(&lo, len);
        nremaining -= len;
    }
    if (r == 0) {
        r = merge_force_collapse(&ms);
    }
    merge_freemem(&ms);
    return r;
}

// Computes key(item) for every item into 'keys'. -1 on error (nothing left to release).
static int compute_keys(kr_val key, const kr_val *items, kr_val *keys, intptr_t n) {
    for (intptr_t i = 0; i < n; i++) {
        keys[i] = kr_call(key, &items[i], 1, 0);
        if (!keys[i]) {
            for (intptr_t j = 0; j < i; j++) {
                KR_DECREF(keys[j]);
            }
            return -1;
        }
    }
    return 0;
}

// Sorts the saved items of a list (its words 'items[0:n]', strategy 'strategy').
static int sort_items(kr_val *items, intptr_t n, int strategy, kr_val key, bool reverse) {
    if (n < 2) {
        return 0;
    }
    sortslice lo = { items, NULL };
    kr_val *keys = NULL;
    if (key) {
        keys = malloc((size_t)n * sizeof(kr_val));
        if (!keys) {
            kr_err_no_memory();
            return -1;
        }
        if (compute_keys(key, items, keys, n) < 0) {
            free(keys);
            return -1;
        }
        lo.keys = keys;
        lo.values = items;
    }
    lt_func lt = strategy == KR_LIST_FLOATS ? lt_float_bits : choose_lt(lo.keys, n);
    if (reverse) {
        slice_reverse(&lo, n);
    }
    int r = timsort(lo, n, lt);
    if (reverse) {
        reverse_words(items, items + n);
    }
    if (keys) {
        for (intptr_t i = 0; i < n; i++) {
            KR_DECREF(keys[i]);
        }
        free(keys);
    }
    return r;
}

int kr_list_sort(kr_val list, kr_val key, bool reverse) {
    kr_list_obj *l = KR_LIST(list);
    if (key == KR_NONE) {
        key = 0;
    }
    if (key && l->strategy == KR_LIST_FLOATS && !kr_list_vals(list)) {
        return -1;
    }
    kr_val *items = l->items;
    intptr_t n = l->len, cap = l->cap;
    int strategy = l->strategy;
    l->items = NULL;
    l->len = 0;
    l->cap = -1;
    int r = sort_items(items, n, strategy, key, reverse);
    if (l->cap != -1 && r == 0) {
        kr_err_set(&kr_exc_ValueError, "list modified during sort");
        r = -1;
    }
    // Drop whatever comparison code stored meanwhile, then put the sorted items back.
    kr_list_clear(list);
    l->items = items;
    l->len = n;
    l->cap = cap;
    l->strategy = strategy;
    return r;
}

kr_val kr_sorted(kr_val iterable, kr_val key, bool reverse) {
    kr_val list = kr_list_from_iterable(iterable);
    if (list && kr_list_sort(list, key, reverse) < 0) {
        KR_CLEAR(list);
    }
    return list;
}
