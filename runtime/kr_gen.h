// kr_gen.h: generators and coroutines (gen.c). Same conventions as krait.h.
//
// How compiled code uses this (DESIGN.md §5). A generator function compiles to
//   * a frame struct holding the locals and temporaries that live across a yield,
//   * a static kr_gen_code describing it (resume function, frame size, clear/traverse),
//   * a resume function: a switch on g->label that jumps to the point after the last yield,
//   * the function itself, which calls kr_gen_new(&code, ...) and stores the arguments (new
//     references) in the zeroed frame (kr_gen_frame(g)); the body runs only on the first next().
//
// The resume function: kr_val resume(kr_gen *g, kr_val sent, int mode)
//   * 'sent' (borrowed) is the value of the yield expression the body is suspended at (None for
//     next() and the first run).
//   * mode KR_GEN_SEND: continue after the yield with 'sent'.
//     mode KR_GEN_THROW: an exception is pending; raise it at the suspension point (at the start
//     of the body when g->label is 0), so that try/except/finally around the yield see it: take
//     the error edge of the yield, adding its traceback entry. KR_GEN_CLOSE is the same with a
//     GeneratorExit pending (close(), or a suspended generator being collected); the body may
//     treat it exactly as THROW.
//   * To yield v: save the state in the frame, set g->label to the resume point, return v (a new
//     reference). To return r: store r (new reference) in g->retval (or leave it 0 for None),
//     return 0 with no exception. To raise: return 0 with the exception pending.
//   * On return or raise the runtime releases the frame (code->clear) and marks the generator
//     finished, so the body need not release the frame's values on those paths. The runtime also
//     turns a StopIteration escaping the body into RuntimeError (PEP 479), saves the exception the
//     body is handling across a yield, and guards against re-entry and deep recursion.
//   * `yield from it` / `await x`: store the iterator in the frame, then at each (re)entry call
//     kr_gen_yield_from(g, it, sent, mode, &r): 1 = yield r (set g->label to this point and
//     return r), 0 = done with r the value of the expression, -1 = error at this point. Pass
//     sent = None, mode = KR_GEN_SEND the first time.
//
// The frame is a block of code->frame_size zeroed bytes (suitably aligned) inside the generator
// object, so Boehm scans it; 'clear' must release (KR_CLEAR) every kr_val the frame holds and
// leave them 0, 'traverse' visit each non-0 one.
#ifndef KR_GEN_H
#define KR_GEN_H

typedef struct kr_gen kr_gen;

enum { KR_GEN_SEND = 0, KR_GEN_THROW = 1, KR_GEN_CLOSE = 2 };

// What the code object makes: the Python type of the object, its messages and protocol.
typedef enum {
    KR_GEN_GENERATOR,
    KR_GEN_COROUTINE,
    KR_GEN_ASYNC_GENERATOR,  // reserved: async generators (issue 5 follow-up)
} kr_gen_kind;

typedef kr_val (*kr_gen_resume)(kr_gen *g, kr_val sent, int mode);

// Static description of one generator function, emitted by the compiler.
typedef struct kr_gen_code {
    kr_gen_resume resume;
    size_t frame_size;
    void (*clear)(void *frame);
    void (*traverse)(void *frame, kr_visitfunc visit, void *arg);
    const char *name;      // __name__ of the function
    const char *qualname;  // __qualname__; NULL means 'name'
    kr_gen_kind kind;
} kr_gen_code;

// Life cycle of a generator (CPython's gi_frame_state).
typedef enum {
    KR_GEN_CREATED,    // the body has not started
    KR_GEN_SUSPENDED,  // stopped at a yield
    KR_GEN_RUNNING,    // inside the resume function (gi_running)
    KR_GEN_FINISHED,   // returned or raised; the frame is released
} kr_gen_state;

// A generator or coroutine object. The kr_val fields are owned (0 = none).
struct kr_gen {
    kr_obj ob;
    const kr_gen_code *code;
    void *frame;            // code->frame_size bytes inside this object
    int label;              // resume point, owned by the resume function; 0 = the start
    kr_gen_state state;
    kr_val retval;          // the return value, stored by the resume function
    kr_val yieldfrom;       // the iterator of the yield from / await it is suspended in
    kr_val exc_state;       // the exception the body handles while suspended (sys.exception())
    kr_val name, qualname;  // str, or 0 for the code's names
};

extern kr_type kr_gen_type;               // "generator"
extern kr_type kr_coro_type;              // "coroutine"
extern kr_type kr_coro_wrapper_type;      // "coroutine_wrapper", what coro.__await__() returns
#define KR_GEN(v) ((kr_gen *)(v))
static inline bool kr_gen_check(kr_val v) {
    return KR_IS_PTR(v) && KR_OBJ(v)->type == &kr_gen_type;
}
static inline bool kr_coro_check(kr_val v) {
    return KR_IS_PTR(v) && KR_OBJ(v)->type == &kr_coro_type;
}
static inline void *kr_gen_frame(kr_val g) { return KR_GEN(g)->frame; }

// New generator (or coroutine, by code->kind) with a zeroed frame. 'name' and 'qualname' (strs,
// borrowed, from the function object) may be 0 for the code's names.
KR_MUST_CHECK kr_val kr_gen_new(const kr_gen_code *code, kr_val name, kr_val qualname);
// next(g) / g.__next__(): the next value; at the end StopIteration carrying the return value.
KR_MUST_CHECK kr_val kr_gen_next(kr_val g);
// The `for` loop fast path (also the iternext slot): the next value, or 0 with NO exception
// when the generator returns (its return value is dropped, no StopIteration is made).
// Inline: a suspended generator with no exception being handled on either side is resumed
// directly; everything else goes through kr_gen_next_slow.
KR_MUST_CHECK kr_val kr_gen_next_slow(kr_val g);
// What kr_gen_next_fast does after its direct resume returned 'r', unless 'r' is a value and
// the body handles no exception: saves that exception, or finishes the generator.
KR_MUST_CHECK kr_val kr_gen_resumed(kr_gen *g, kr_val r);
static inline KR_MUST_CHECK kr_val kr_gen_next_fast(kr_val gv) {
    kr_gen *g = KR_GEN(gv);
    char here;  // the stack's depth (kr_enter_call)
    if (KR_LIKELY(g->state == KR_GEN_SUSPENDED && !g->exc_state && !kr_ts.handling
                  && kr_ts.depth < kr_recursion_limit
                  && (uintptr_t)&here >= kr_ts.stack_low)) {
        g->state = KR_GEN_RUNNING;
        kr_ts.depth++;
        kr_val r = g->code->resume(g, KR_NONE, KR_GEN_SEND);
        kr_ts.depth--;
        if (KR_LIKELY(r && !kr_ts.handling)) {
            g->state = KR_GEN_SUSPENDED;
            return r;
        }
        return kr_gen_resumed(g, r);
    }
    return kr_gen_next_slow(gv);
}

// next() of any iterator (krait.h): a generator is the common one of a `for` over a parameter.
static inline KR_MUST_CHECK kr_val kr_next(kr_val it) {
    return kr_gen_check(it) ? kr_gen_next_fast(it) : kr_next_slow(it);
}
// g.send(value).
KR_MUST_CHECK kr_val kr_gen_send(kr_val g, kr_val value);
// g.throw(exc): 'exc' is an exception instance or class (borrowed).
KR_MUST_CHECK kr_val kr_gen_throw(kr_val g, kr_val exc);
// g.close(): the return value of the body if it returned on GeneratorExit, else None.
KR_MUST_CHECK kr_val kr_gen_close(kr_val g);
// One step of `yield from sub` / `await` (PEP 380) inside a resume function; see above.
KR_MUST_CHECK int kr_gen_yield_from(kr_gen *g, kr_val sub, kr_val sent, int mode,
                                    kr_val *result);
// The iterator `await v` drives (new reference): a coroutine itself, or v.__await__().
// TypeError for objects that cannot be awaited, RuntimeError for a coroutine that is already
// being awaited.
KR_MUST_CHECK kr_val kr_gen_get_awaitable(kr_val v);

#endif
