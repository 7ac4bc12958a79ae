// gcmodule.c: the gc module — collect(), enable(), disable(), isenabled().
// Reference counting frees acyclic garbage at once; gc.collect() asks the tracing collector
// (Boehm) for a full collection plus the finalizers of unreachable objects, and returns what
// kr_gc_collect counts (finalized objects; docs/differences.md). enable()/disable() switch the
// collector's automatic collections, as CPython's switch its generational collector; an explicit
// collect() still runs while disabled, as in CPython.
#include "krait.h"

// collect(generation=2)
static kr_val gc_collect(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    static const char *const names[] = {"generation", NULL};
    kr_val gen = 0;
    if (kr_str_unpack_args("collect", args, nargs, kwnames, names, 0, 1, &gen) < 0) {
        return 0;
    }
    intptr_t g = 2;
    if (gen && kr_index_as_ssize(gen, &g) < 0) {
        return 0;
    }
    if (g < 0 || g > 2) {
        return kr_err_set(&kr_exc_ValueError, "invalid generation");
    }
    return kr_int_from_i64(kr_gc_collect());
}

static int no_arguments(const char *fname, size_t nargs, kr_val kwnames) {
    size_t given = nargs + (kwnames ? (size_t)KR_TUPLE_LEN(kwnames) : 0);
    if (given == 0) {
        return 0;
    }
    kr_err_set(&kr_exc_TypeError, "gc.%s() takes no arguments (%zu given)", fname, given);
    return -1;
}

static kr_val gc_enable(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    (void)args;
    if (no_arguments("enable", nargs, kwnames) < 0) {
        return 0;
    }
    kr_gc_set_enabled(true);
    return KR_NONE;
}

static kr_val gc_disable(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    (void)args;
    if (no_arguments("disable", nargs, kwnames) < 0) {
        return 0;
    }
    kr_gc_set_enabled(false);
    return KR_NONE;
}

static kr_val gc_isenabled(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    (void)args;
    if (no_arguments("isenabled", nargs, kwnames) < 0) {
        return 0;
    }
    return kr_bool(kr_gc_is_enabled());
}

kr_val kr_gcmodule_init(void) {
    kr_val m = kr_module_new("gc");
    if (m && (kr_module_add_cfunc(m, "collect", gc_collect) < 0
              || kr_module_add_cfunc(m, "enable", gc_enable) < 0
              || kr_module_add_cfunc(m, "disable", gc_disable) < 0
              || kr_module_add_cfunc(m, "isenabled", gc_isenabled) < 0)) {
        KR_CLEAR(m);
    }
    return m;
}
