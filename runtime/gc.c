// gc.c: memory for the runtime (DESIGN.md §3).
//
// Objects are reference counted; their memory comes from Boehm GC so that cycles, which counts
// cannot free, are reclaimed by Boehm's tracing collector. Objects whose type has a finalizer
// (__del__) register a Boehm finalizer, so cyclic garbage is finalized too; finalizers run only
// at safe points (allocation, kr_gc_collect), never inside the collector. GMP's limbs come from
// GC memory as well, so a bigint that dies in a cycle leaks nothing.
//
// With KRAIT_RT_MALLOC everything is plain malloc/free and there is no tracing collector:
// reference counting alone frees acyclic garbage, and ASan/LSan/valgrind see every block.
#include "krait.h"

#include <gmp.h>
#include <stdlib.h>
#include <string.h>

#ifndef KRAIT_RT_MALLOC
#include <gc/gc.h>
#include <gc/gc_mark.h>
#endif

// The largest block the runtime asks for: beyond it an allocation raises MemoryError without
// asking the allocator (a request for 2**62 bytes must not make ASan abort or Boehm try to
// grow its heap by that much). 1 TiB is ASan's own limit on x86-64.
#define MAX_ALLOC ((size_t)1 << 40)

static bool too_big(size_t size) {
    if (KR_UNLIKELY(size > MAX_ALLOC)) {
        kr_err_no_memory();
        return true;
    }
    return false;
}

// gc.isenabled(): process-wide, as CPython's.
static bool gc_enabled = true;

bool kr_gc_is_enabled(void) { return gc_enabled; }

// The kernel puts the argument and environment strings at the top of the main thread's stack,
// above every frame, so the end of the last environment string is (within the execfn string
// and a page) the stack's top. Asking glibc (pthread_getattr_np) or Boehm for it parses
// /proc/self/maps, which costs a hello world a fifth of its start-up. 0 when it cannot be
// trusted: no environment, or one moved elsewhere before main.
uintptr_t kr_main_stack_top(void) {
    extern char **environ;
    char **e = environ;
    if (!e || !*e) {
        return 0;
    }
    while (e[1]) {
        e++;
    }
    uintptr_t top = (uintptr_t)*e + strlen(*e) + 1;
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    return top > here && top - here < ((uintptr_t)1 << 20) ? top : 0;
}

#ifdef KRAIT_RT_MALLOC

void kr_gc_init(void) {}

void kr_gc_add_root(void *start, size_t size) {
    (void)start;
    (void)size;
}

void kr_gc_remove_root(void *start, size_t size) {
    (void)start;
    (void)size;
}

void *kr_alloc(size_t size) {
    if (too_big(size)) {
        return NULL;
    }
    void *p = calloc(1, size ? size : 1);
    if (!p) {
        kr_err_no_memory();
    }
    return p;
}

void *kr_alloc_atomic(size_t size) {
    if (too_big(size)) {
        return NULL;
    }
    void *p = malloc(size ? size : 1);
    if (!p) {
        kr_err_no_memory();
    }
    return p;
}

void *kr_realloc(void *p, size_t size) {
    if (too_big(size)) {
        return NULL;
    }
    void *q = realloc(p, size ? size : 1);
    if (!q) {
        kr_err_no_memory();
    }
    return q;
}

void kr_free(void *p) { free(p); }

static void register_finalizer(kr_obj *o) { (void)o; }

void kr_gc_forget_finalizer(kr_obj *o) { (void)o; }

static void run_pending_finalizers(void) {}

intptr_t kr_gc_collect(void) { return 0; }

void kr_gc_set_enabled(bool on) { gc_enabled = on; }

bool kr_gc_is_tracing(void) { return false; }

#else

static void *gmp_alloc(size_t n) {
    void *p = GC_MALLOC_ATOMIC(n);
    if (!p) {
        kr_fatal("out of memory in GMP");
    }
    return p;
}

static void *gmp_realloc(void *p, size_t old, size_t n) {
    (void)old;
    void *q = GC_REALLOC(p, n);
    if (!q) {
        kr_fatal("out of memory in GMP");
    }
    return q;
}

static void gmp_free(void *p, size_t n) {
    (void)n;
    GC_FREE(p);
}

// Collection policy. Reference counting frees acyclic garbage the moment it dies, so the
// collector only has cycles to find and can run rarely: a divisor of 1 lets the program
// allocate about as much as it holds before the next collection (Boehm's default 3 collects
// three times as often, each a full mark of every live object), and a first heap of 64 MiB
// (address space only, touched as it is used) skips the string of tiny collections a growing
// program starts with. Boehm's warnings ("repeated allocation of very large block") are
// advice for programs without explicit frees and must not reach a user's stderr.
#define GC_FREE_SPACE_DIVISOR 1
#define GC_INITIAL_HEAP (64u << 20)

void kr_gc_init(void) {
    uintptr_t top = kr_main_stack_top();
    if (top) {
        struct GC_stack_base sb = {0};
        sb.mem_base = (void *)top;
        GC_set_stackbottom(NULL, &sb);  // before GC_INIT: Boehm then need not look for it
    }
    GC_INIT();
    // Finalizers run at our safe points, not from inside an allocation in the collector.
    GC_set_finalize_on_demand(1);
    GC_set_warn_proc(GC_ignore_warn_proc);
    GC_set_free_space_divisor(GC_FREE_SPACE_DIVISOR);
    GC_expand_hp(GC_INITIAL_HEAP);
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
}

void kr_gc_add_root(void *start, size_t size) { GC_add_roots(start, (char *)start + size); }

void kr_gc_remove_root(void *start, size_t size) {
    GC_remove_roots(start, (char *)start + size);
}

// Small blocks freed at refcount zero are kept for reuse: a loop that makes and drops a few
// objects per iteration (a line, its fields, a float) then pops a pointer instead of calling
// GC_malloc and GC_free (14% of streaming a CSV through a generator). The cache holds up to
// CACHE_DEPTH blocks of each size (16-byte granules up to CACHE_MAX bytes) and kind (normal:
// scanned, handed out zeroed; atomic: neither). It is a static array, so Boehm scans it as a
// root and never reclaims a cached block; at most 2 * 17 * 32 blocks of 256 bytes are held.
// The runtime is single-threaded (there is no threads module yet); threads will need the
// cache per thread.
#define GRANULE 16
#define CACHE_MAX 256
#define CACHE_CLASSES (CACHE_MAX / GRANULE + 1)
#define CACHE_DEPTH 32
// Boehm's object kinds (PTRFREE and NORMAL of its gc_priv.h), as GC_get_kind_and_size says.
#define KIND_PTRFREE 0
#define KIND_NORMAL 1

static struct {
    void *blocks[CACHE_DEPTH];
    int count;
} free_cache[2][CACHE_CLASSES];  // [0] normal, [1] atomic

// The class of a request of 'size' bytes: Boehm adds one byte (interior pointers) and rounds up
// to a granule, and a cached block of class c has exactly c granules.
static inline size_t cache_class(size_t size) { return (size + GRANULE) / GRANULE; }

void *kr_alloc(size_t size) {
    if (size < CACHE_MAX) {
        size_t c = cache_class(size);
        if (free_cache[0][c].count > 0) {
            void *p = free_cache[0][c].blocks[--free_cache[0][c].count];
            free_cache[0][c].blocks[free_cache[0][c].count] = NULL;
            memset(p, 0, c * GRANULE);
            return p;
        }
    }
    if (too_big(size)) {
        return NULL;
    }
    void *p = GC_MALLOC(size);
    if (!p) {
        kr_err_no_memory();
    }
    return p;
}

void *kr_alloc_atomic(size_t size) {
    if (size < CACHE_MAX) {
        size_t c = cache_class(size);
        if (free_cache[1][c].count > 0) {
            void *p = free_cache[1][c].blocks[--free_cache[1][c].count];
            free_cache[1][c].blocks[free_cache[1][c].count] = NULL;
            return p;
        }
    }
    if (too_big(size)) {
        return NULL;
    }
    void *p = GC_MALLOC_ATOMIC(size);
    if (!p) {
        kr_err_no_memory();
    }
    return p;
}

// Boehm grows a block by allocating a new one and copying, and clears and faults in every
// fresh page: a list growing by CPython's 1/8 steps would copy itself eight times over. Large
// blocks therefore grow by at least half, and later growth fits in place (GC_REALLOC keeps
// a block that still holds the new size).
#define LARGE_BLOCK (128u << 10)

void *kr_realloc(void *p, size_t size) {
    if (too_big(size)) {
        return NULL;
    }
    if (p && size >= LARGE_BLOCK) {
        size_t have = GC_size(p);
        if (size > have && size - have < have / 2) {
            size = have + have / 2;
        }
    }
    void *q = GC_REALLOC(p, size);
    if (!q) {
        kr_err_no_memory();
    }
    return q;
}

void kr_free(void *p) {
    if (!p) {
        return;
    }
    size_t size;
    int kind = GC_get_kind_and_size(p, &size);
    if (size <= CACHE_MAX && (kind == KIND_NORMAL || kind == KIND_PTRFREE)) {
        size_t c = size / GRANULE;
        int k = kind == KIND_PTRFREE;
        if (free_cache[k][c].count < CACHE_DEPTH) {
            free_cache[k][c].blocks[free_cache[k][c].count++] = p;
            return;
        }
    }
    GC_FREE(p);
}

// Called by the collector (through GC_invoke_finalizers) for an unreachable object. Only the
// type's finalizer runs; the memory is reclaimed by a later collection. The pending exception
// is saved around it, as CPython does for __del__.
static void finalize_unreachable(void *obj, void *data) {
    (void)data;
    kr_obj *o = obj;
    kr_val saved = kr_err_fetch();
    o->type->finalize(o);
    kr_err_clear();
    kr_err_restore(saved);
}

static void register_finalizer(kr_obj *o) {
    GC_REGISTER_FINALIZER_NO_ORDER(o, finalize_unreachable, NULL, NULL, NULL);
}

void kr_gc_forget_finalizer(kr_obj *o) {
    GC_REGISTER_FINALIZER_NO_ORDER(o, NULL, NULL, NULL, NULL);
}

static _Thread_local bool in_finalizers;

static intptr_t invoke_finalizers(void) {
    if (in_finalizers) {
        return 0;
    }
    in_finalizers = true;
    intptr_t n = GC_invoke_finalizers();
    in_finalizers = false;
    return n;
}

static void run_pending_finalizers(void) {
    if (KR_UNLIKELY(GC_should_invoke_finalizers())) {
        invoke_finalizers();
    }
}

// gc.disable() stops Boehm's automatic collections (GC_disable counts, so only switch on a
// change); an explicit gc.collect() still collects, as CPython's does.
void kr_gc_set_enabled(bool on) {
    if (on && !gc_enabled) {
        GC_enable();
    } else if (!on && gc_enabled) {
        GC_disable();
    }
    gc_enabled = on;
}

intptr_t kr_gc_collect(void) {
    intptr_t total = 0;
    bool was_enabled = gc_enabled;
    kr_gc_set_enabled(true);
    // A finalizer may drop the last reference to more finalizable garbage: repeat until quiet.
    for (int round = 0; round < 4; round++) {
        GC_gcollect();
        intptr_t n = invoke_finalizers();
        total += n;
        if (n == 0) {
            break;
        }
    }
    kr_gc_set_enabled(was_enabled);
    return total;
}

bool kr_gc_is_tracing(void) { return true; }

#endif

kr_obj *kr_obj_new(const kr_type *type, size_t size) {
    run_pending_finalizers();
    kr_obj *o;
    if (type->flags & KR_TF_ATOMIC) {
        o = kr_alloc_atomic(size);
    } else {
        o = kr_alloc(size);
    }
    if (!o) {
        return NULL;
    }
    o->rc = 1;
    o->type = type;
    if (type->finalize) {
        register_finalizer(o);
    }
    return o;
}
