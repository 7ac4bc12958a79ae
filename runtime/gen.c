// gen.c: generator and coroutine objects, driving the state machines the compiler emits
// (DESIGN.md §5; the contract of the resume function is in kr_gen.h).
//
// The protocol is CPython 3.13's (Objects/genobject.c): next/send/throw/close with the same
// messages, StopIteration carrying the return value, PEP 479 (a StopIteration escaping the body
// becomes RuntimeError), "already executing" on re-entry, close() at finalization, and PEP 380
// delegation in kr_gen_yield_from. Invariants: the frame holds live values only while the state
// is CREATED or SUSPENDED (it is cleared once, when the body returns or raises, or at dealloc);
// 'yieldfrom' is set only while SUSPENDED inside a yield from; 'exc_state' only while SUSPENDED.
#include "krait.h"

#include <stdio.h>
#include <string.h>

// The frame starts at this offset in the object, aligned for any field type.
#define FRAME_ALIGN 16
#define FRAME_OFFSET ((sizeof(kr_gen) + FRAME_ALIGN - 1) & ~(size_t)(FRAME_ALIGN - 1))

typedef enum { RUN_YIELD, RUN_RETURN, RUN_ERROR } run_result;

static const char *kind_noun(const kr_gen *g) {
    switch (g->code->kind) {
    case KR_GEN_COROUTINE: return "coroutine";
    case KR_GEN_ASYNC_GENERATOR: return "async generator";
    default: return "generator";
    }
}

static bool is_coro(const kr_gen *g) { return g->code->kind == KR_GEN_COROUTINE; }

// Whether 'v' is a generator or coroutine driven by this runtime.
static bool is_native_gen(kr_val v) { return kr_gen_check(v) || kr_coro_check(v); }

// ---------------------------------------------------------------------------------------------
// Creation and destruction

kr_val kr_gen_new(const kr_gen_code *code, kr_val name, kr_val qualname) {
    const kr_type *t = code->kind == KR_GEN_COROUTINE ? &kr_coro_type : &kr_gen_type;
    kr_gen *g = (kr_gen *)kr_obj_new(t, FRAME_OFFSET + code->frame_size);
    if (!g) {
        return 0;
    }
    g->code = code;
    g->frame = (char *)g + FRAME_OFFSET;
    g->state = KR_GEN_CREATED;
    g->name = name ? kr_newref(name) : 0;
    g->qualname = qualname ? kr_newref(qualname) : 0;
    return KR_VAL(g);
}

// Releases what only a live body needs: the frame's values, the delegate, the handled exception.
static void gen_finish(kr_gen *g) {
    g->state = KR_GEN_FINISHED;
    g->code->clear(g->frame);
    KR_CLEAR(g->yieldfrom);
    KR_CLEAR(g->exc_state);
    KR_CLEAR(g->retval);
}

static void gen_dealloc(kr_obj *o) {
    kr_gen *g = (kr_gen *)o;
    if (g->state != KR_GEN_FINISHED) {
        gen_finish(g);
    }
    KR_CLEAR(g->name);
    KR_CLEAR(g->qualname);
}

static void gen_traverse(kr_obj *o, kr_visitfunc visit, void *arg) {
    kr_gen *g = (kr_gen *)o;
    kr_val owned[] = { g->retval, g->yieldfrom, g->exc_state, g->name, g->qualname };
    for (size_t i = 0; i < sizeof owned / sizeof owned[0]; i++) {
        if (owned[i]) {
            visit(owned[i], arg);
        }
    }
    if (g->state != KR_GEN_FINISHED) {
        g->code->traverse(g->frame, visit, arg);
    }
}

// ---------------------------------------------------------------------------------------------
// Running the body

// Makes 'cause' (borrowed) the __cause__ and __context__ of 'exc' (stolen) and raises it.
static void raise_with_cause(kr_val exc, kr_val cause) {
    kr_exc_obj *e = (kr_exc_obj *)exc;
    KR_SETREF(e->cause, kr_newref(cause));
    KR_SETREF(e->context, kr_newref(cause));
    e->suppress_context = true;
    kr_err_restore(exc);
}

// PEP 479: a StopIteration (or, in an async generator, StopAsyncIteration) leaving the body
// becomes RuntimeError("generator raised StopIteration") chained to it.
static void convert_stop_iteration(const kr_gen *g) {
    const char *what = NULL;
    if (kr_err_matches(&kr_exc_StopIteration)) {
        what = "StopIteration";
    } else if (g->code->kind == KR_GEN_ASYNC_GENERATOR
               && kr_err_matches(&kr_exc_StopAsyncIteration)) {
        what = "StopAsyncIteration";
    }
    if (!what) {
        return;
    }
    kr_val stop = kr_err_fetch();
    char msg[64];
    snprintf(msg, sizeof msg, "%s raised %s", kind_noun(g), what);
    kr_val text = kr_str_from_cstr(msg);
    kr_val err = text ? kr_exc_new(&kr_exc_RuntimeError, &text, 1) : 0;
    KR_XDECREF(text);
    if (err) {
        raise_with_cause(err, stop);
    }
    KR_DECREF(stop);
}

// The thrown exception gets the exception the suspended body was handling as __context__, as
// CPython's _PyErr_ChainStackItem.
static void chain_thrown(const kr_gen *g) {
    kr_val exc = kr_err_occurred();
    kr_val handled = g->exc_state;
    if (!exc || !handled || exc == handled || !kr_exc_check(exc)) {
        return;
    }
    KR_SETREF(((kr_exc_obj *)exc)->context, kr_newref(handled));
}

// Calls the resume function with the generator's own handled exception installed: the body
// sees the caller's (as sys.exception()) until it enters an except block of its own, and an
// except block it suspends in is saved in 'exc_state' until the next resume.
static kr_val call_resume(kr_gen *g, kr_val sent, int mode) {
    kr_val caller = kr_ts.handling;
    kr_ts.handling = g->exc_state ? g->exc_state : caller ? kr_newref(caller) : 0;
    g->exc_state = 0;
    g->state = KR_GEN_RUNNING;
    kr_val r = 0;
    if (kr_enter_call() == 0) {
        r = g->code->resume(g, sent, mode);
        kr_leave_call();
    }
    kr_val now = kr_ts.handling;
    kr_ts.handling = caller;
    if (now == caller || !r) {
        KR_XDECREF(now);
    } else {
        g->exc_state = now;
    }
    return r;
}

// Runs the body from its suspension point: the yielded value, the return value, or an error.
static run_result run_body(kr_gen *g, kr_val sent, int mode, kr_val *out) {
    if (mode != KR_GEN_SEND) {
        chain_thrown(g);
    }
    kr_val r = call_resume(g, sent, mode);
    if (r) {
        g->state = KR_GEN_SUSPENDED;
        *out = r;
        return RUN_YIELD;
    }
    if (!kr_err_occurred()) {
        *out = g->retval ? g->retval : KR_NONE;
        g->retval = 0;
        gen_finish(g);
        return RUN_RETURN;
    }
    convert_stop_iteration(g);
    gen_finish(g);
    return RUN_ERROR;
}

// CPython's gen_send_ex2. 'sent' is 0 for next() (a finished generator then ends with no
// exception), the value for send(); with mode THROW/CLOSE the exception is pending. 'closing'
// marks close(), which a finished coroutine accepts silently.
static run_result gen_run(kr_gen *g, kr_val sent, int mode, bool closing, kr_val *out) {
    *out = 0;
    if (g->state == KR_GEN_CREATED && sent && sent != KR_NONE) {
        kr_err_set(&kr_exc_TypeError, "can't send non-None value to a just-started %s",
                   kind_noun(g));
        return RUN_ERROR;
    }
    if (g->state == KR_GEN_RUNNING) {
        kr_err_set(&kr_exc_ValueError, "%s already executing", kind_noun(g));
        return RUN_ERROR;
    }
    if (g->state == KR_GEN_FINISHED) {
        if (is_coro(g) && !closing) {
            kr_err_set(&kr_exc_RuntimeError, "cannot reuse already awaited coroutine");
        } else if (sent && mode == KR_GEN_SEND) {
            *out = KR_NONE;
            return RUN_RETURN;
        }
        return RUN_ERROR;
    }
    return run_body(g, sent ? sent : KR_NONE, mode, out);
}

// Raises StopIteration for a return value (stolen): no arguments for None, as CPython.
static kr_val stop_iteration(kr_val value) {
    if (value == KR_NONE) {
        return kr_err_set_none(&kr_exc_StopIteration);
    }
    kr_err_set_value(&kr_exc_StopIteration, value);
    KR_DECREF(value);
    return 0;
}

// The result of send/next/throw as a Python call sees it (CPython's gen_send_ex).
static kr_val send_result(run_result rr, kr_val out) {
    switch (rr) {
    case RUN_YIELD: return out;
    case RUN_RETURN: return stop_iteration(out);
    default: return 0;
    }
}

// ---------------------------------------------------------------------------------------------
// The protocol

kr_val kr_gen_send(kr_val g, kr_val value) {
    kr_val out = 0;
    run_result rr = gen_run(KR_GEN(g), value, KR_GEN_SEND, false, &out);
    return send_result(rr, out);
}

kr_val kr_gen_next(kr_val g) {
    kr_val out = 0;
    run_result rr = gen_run(KR_GEN(g), 0, KR_GEN_SEND, false, &out);
    if (rr == RUN_ERROR && !kr_err_occurred()) {
        return kr_err_set_none(&kr_exc_StopIteration);
    }
    return send_result(rr, out);
}

kr_val kr_gen_resumed(kr_gen *g, kr_val r) {
    kr_val now = kr_ts.handling;  // the caller handled none: kr_gen_next_fast checked
    kr_ts.handling = 0;
    if (r) {
        g->state = KR_GEN_SUSPENDED;
        g->exc_state = now;
        return r;
    }
    KR_XDECREF(now);
    if (kr_err_occurred()) {
        convert_stop_iteration(g);
    } else {
        KR_CLEAR(g->retval);
    }
    gen_finish(g);
    return 0;
}

static kr_val gen_iternext(kr_val g) { return kr_gen_next_fast(g); }

kr_val kr_gen_next_slow(kr_val g) {
    kr_gen *gen = KR_GEN(g);
    kr_val out = 0;
    if (KR_LIKELY(gen->state == KR_GEN_SUSPENDED)) {
        if (run_body(gen, KR_NONE, KR_GEN_SEND, &out) == RUN_YIELD) {
            return out;
        }
    } else if (gen_run(gen, 0, KR_GEN_SEND, false, &out) == RUN_YIELD) {
        return out;
    }
    KR_XDECREF(out);
    return 0;
}

// Throws the pending exception into 'g' (CPython's gen_send_ex with exc = 1).
static run_result throw_pending(kr_gen *g, int mode, kr_val *out) {
    return gen_run(g, KR_NONE, mode, false, out);
}

// Turns the arguments of throw(type[, value[, tb]]) into an exception instance (new reference),
// as CPython's _gen_throw: 'value' and 'tb' may be 0.
static kr_val throw_operand(kr_val type, kr_val value, kr_val tb) {
    if (tb && tb != KR_NONE) {
        return kr_err_set(&kr_exc_TypeError, "throw() third argument must be a traceback object");
    }
    if (kr_exc_check(type)) {
        if (value && value != KR_NONE) {
            return kr_err_set(&kr_exc_TypeError,
                              "instance exception may not have a separate value");
        }
        return kr_newref(type);
    }
    if (!kr_type_check(type) || !(((const kr_type *)type)->flags & KR_TF_EXC_SUB)) {
        return kr_err_set(&kr_exc_TypeError,
                          "exceptions must be classes or instances deriving from BaseException, "
                          "not %s", kr_type_name(type));
    }
    if (value && kr_isinstance_type(value, (const kr_type *)type)) {
        return kr_newref(value);
    }
    if (!value || value == KR_NONE) {
        return kr_call(type, NULL, 0, 0);
    }
    if (kr_tuple_check(value)) {
        return kr_call(type, KR_TUPLE_ITEMS(value), (size_t)KR_TUPLE_LEN(value), 0);
    }
    return kr_call(type, &value, 1, 0);
}

// throw() with the exception instance 'exc' (stolen).
static kr_val gen_throw(kr_gen *g, kr_val exc) {
    kr_err_restore(exc);
    kr_val out = 0;
    run_result rr = throw_pending(g, KR_GEN_THROW, &out);
    return send_result(rr, out);
}

kr_val kr_gen_throw(kr_val g, kr_val exc) {
    kr_val inst = throw_operand(exc, 0, 0);
    return inst ? gen_throw(KR_GEN(g), inst) : 0;
}

kr_val kr_gen_close(kr_val self) {
    kr_gen *g = KR_GEN(self);
    if (g->state == KR_GEN_CREATED) {
        gen_finish(g);
        return KR_NONE;
    }
    if (g->state == KR_GEN_FINISHED) {
        return KR_NONE;
    }
    kr_err_set_none(&kr_exc_GeneratorExit);
    if (!kr_err_matches(&kr_exc_GeneratorExit)) {
        return 0;  // MemoryError
    }
    kr_val out = 0;
    run_result rr = gen_run(g, KR_NONE, KR_GEN_CLOSE, true, &out);
    if (rr == RUN_YIELD) {
        KR_DECREF(out);
        return kr_err_set(&kr_exc_RuntimeError, "%s ignored GeneratorExit", kind_noun(g));
    }
    if (rr == RUN_RETURN) {
        return out;
    }
    if (kr_err_matches(&kr_exc_GeneratorExit)) {
        kr_err_clear();
        return KR_NONE;
    }
    return 0;
}

// ---------------------------------------------------------------------------------------------
// yield from (PEP 380)

// The value of the pending StopIteration, taken with the exception (CPython's
// _PyGen_FetchStopIterationValue): 0 when another exception is pending.
static int fetch_stop_value(kr_val *result) {
    if (!kr_err_occurred()) {
        *result = KR_NONE;
        return 0;
    }
    if (!kr_err_matches(&kr_exc_StopIteration)) {
        return -1;
    }
    kr_val stop = kr_err_fetch();
    *result = kr_getattr_cstr(stop, "value");
    KR_DECREF(stop);
    return *result ? 0 : -1;
}

// The outcome of one call into a sub-iterator that returned 'v' (0 on error).
static int sub_outcome(kr_val v, kr_val *result) {
    if (v) {
        *result = v;
        return 1;
    }
    return fetch_stop_value(result);
}

// The result of running a native sub-generator, as a kr_gen_yield_from status.
static int native_outcome(run_result rr, kr_val out, kr_val *result) {
    switch (rr) {
    case RUN_YIELD: *result = out; return 1;
    case RUN_RETURN: *result = out; return 0;
    default: return fetch_stop_value(result);
    }
}

// The method 'name' of 'obj' (new reference), or 0: with no exception when it has none.
static kr_val optional_method(kr_val obj, const char *name) {
    kr_val m = kr_getattr_cstr(obj, name);
    if (!m && kr_err_matches(&kr_exc_AttributeError)) {
        kr_err_clear();
    }
    return m;
}

// send(sent) to a sub-iterator that is not a native generator; next() when 'sent' is None.
static kr_val send_to_iterator(kr_val sub, kr_val sent) {
    const kr_type *t = KR_TYPE(sub);
    if (sent == KR_NONE && !kr_type_is_heap(t) && t->iternext) {
        return t->iternext(sub);
    }
    const char *name = sent == KR_NONE ? "__next__" : "send";
    kr_val m = kr_getattr_cstr(sub, name);
    if (!m) {
        return 0;
    }
    kr_val v = kr_call(m, &sent, sent == KR_NONE ? 0 : 1, 0);
    KR_DECREF(m);
    return v;
}

// Closes the sub-iterator of a generator being closed (CPython's gen_close_iter): -1 with the
// exception its close() raised.
static int close_iter(kr_val sub) {
    kr_val r;
    if (is_native_gen(sub)) {
        r = kr_gen_close(sub);
    } else {
        kr_val m = optional_method(sub, "close");
        if (!m) {
            return kr_err_occurred() ? -1 : 0;
        }
        r = kr_call(m, NULL, 0, 0);
        KR_DECREF(m);
    }
    if (!r) {
        return -1;
    }
    KR_DECREF(r);
    return 0;
}

// Forwards the pending exception to 'sub' (the yield-from part of CPython's _gen_throw).
static int throw_to_sub(kr_val sub, kr_val *result) {
    if (kr_err_matches(&kr_exc_GeneratorExit)) {
        kr_val exc = kr_err_fetch();
        if (close_iter(sub) < 0) {
            KR_DECREF(exc);
        } else {
            kr_err_restore(exc);
        }
        return -1;
    }
    if (is_native_gen(sub)) {
        kr_val out = 0;
        run_result rr = throw_pending(KR_GEN(sub), KR_GEN_THROW, &out);
        return native_outcome(rr, out, result);
    }
    kr_val exc = kr_err_fetch();
    kr_val m = optional_method(sub, "throw");
    if (!m) {
        if (kr_err_occurred()) {
            KR_DECREF(exc);  // the error of the attribute lookup replaces it
        } else {
            kr_err_restore(exc);
        }
        return -1;
    }
    kr_val v = kr_call(m, &exc, 1, 0);
    KR_DECREF(m);
    KR_DECREF(exc);
    return sub_outcome(v, result);
}

int kr_gen_yield_from(kr_gen *g, kr_val sub, kr_val sent, int mode, kr_val *result) {
    *result = 0;
    int r;
    if (mode != KR_GEN_SEND) {
        r = throw_to_sub(sub, result);
    } else if (is_native_gen(sub)) {
        kr_val out = 0;
        run_result rr = gen_run(KR_GEN(sub), sent, KR_GEN_SEND, false, &out);
        r = native_outcome(rr, out, result);
    } else {
        r = sub_outcome(send_to_iterator(sub, sent), result);
    }
    KR_SETREF(g->yieldfrom, r > 0 ? kr_newref(sub) : 0);
    return r;
}

// ---------------------------------------------------------------------------------------------
// await

static bool has_iternext(const kr_type *t) {
    for (; t; t = t->base) {
        if (t->iternext) {
            return true;
        }
    }
    return false;
}

// The iterator v.__await__() returns (new reference), checked as CPython's
// _PyCoro_GetAwaitableIter.
static kr_val call_await(kr_val v) {
    kr_val m = kr_special_method(v, "__await__");
    if (!m) {
        return kr_err_occurred() ? 0
                                 : kr_err_set(&kr_exc_TypeError,
                                              "object %s can't be used in 'await' expression",
                                              kr_type_name(v));
    }
    kr_val it = kr_call(m, NULL, 0, 0);
    KR_DECREF(m);
    if (it && kr_coro_check(it)) {
        KR_CLEAR(it);
        kr_err_set(&kr_exc_TypeError, "__await__() returned a coroutine");
    } else if (it && !has_iternext(KR_TYPE(it))) {
        kr_err_set(&kr_exc_TypeError, "__await__() returned non-iterator of type '%s'",
                   kr_type_name(it));
        KR_CLEAR(it);
    }
    return it;
}

kr_val kr_gen_get_awaitable(kr_val v) {
    if (!kr_coro_check(v)) {
        return call_await(v);
    }
    if (KR_GEN(v)->yieldfrom) {
        return kr_err_set(&kr_exc_RuntimeError, "coroutine is being awaited already");
    }
    return kr_newref(v);
}

// ---------------------------------------------------------------------------------------------
// Finalization

// CPython's PyErr_WriteUnraisable for an error of close() at finalization.
static void write_unraisable(kr_val obj) {
    kr_val exc = kr_err_fetch();
    kr_val text = kr_repr(obj);
    fflush(stdout);
    fprintf(stderr, "Exception ignored in: %s\n", text ? kr_str_data(text) : "<object>");
    KR_XDECREF(text);
    kr_err_clear();
    kr_exc_print(exc);
    KR_DECREF(exc);
}

// A generator collected while suspended is closed, so its finally blocks run (CPython's
// _PyGen_Finalize). An unawaited coroutine would warn; krait prints no warnings.
static void gen_finalize(kr_obj *o) {
    if (((kr_gen *)o)->state != KR_GEN_SUSPENDED) {
        return;
    }
    kr_val saved = kr_err_fetch();
    kr_val r = kr_gen_close(KR_VAL(o));
    if (r) {
        KR_DECREF(r);
    } else if (kr_err_occurred()) {
        write_unraisable(KR_VAL(o));
    }
    kr_err_restore(saved);
}

// ---------------------------------------------------------------------------------------------
// Methods

// Checks the arguments of method 'meth' of 'self' ("generator.send", "coroutine.close").
static int check_args(kr_val self, const char *meth, size_t nargs, kr_val kwnames, size_t min,
                      size_t max) {
    char fname[48];
    snprintf(fname, sizeof fname, "%s.%s", kind_noun(KR_GEN(self)), meth);
    return kr_args_check(fname, nargs, kwnames, min, max);
}

static kr_val m_next(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    return check_args(self, "__next__", nargs, kwnames, 0, 0) < 0 ? 0 : kr_gen_next(self);
}

static kr_val m_send(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return check_args(self, "send", nargs, kwnames, 1, 1) < 0 ? 0 : kr_gen_send(self, args[0]);
}

// throw(value) or the deprecated throw(type[, value[, traceback]]).
static kr_val m_throw(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("throw", nargs, kwnames, 1, 3) < 0) {
        return 0;
    }
    kr_val exc = throw_operand(args[0], nargs > 1 ? args[1] : 0, nargs > 2 ? args[2] : 0);
    return exc ? gen_throw(KR_GEN(self), exc) : 0;
}

static kr_val m_close(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    return check_args(self, "close", nargs, kwnames, 0, 0) < 0 ? 0 : kr_gen_close(self);
}

static kr_val coro_wrapper_new(kr_val coro);

static kr_val m_await(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    return check_args(self, "__await__", nargs, kwnames, 0, 0) < 0 ? 0 : coro_wrapper_new(self);
}

static const kr_method_def gen_methods[] = {
    { "__next__", m_next, 0 }, { "send", m_send, 0 },   { "throw", m_throw, 0 },
    { "close", m_close, 0 },   { NULL, NULL, 0 },
};

static const kr_method_def coro_methods[] = {
    { "send", m_send, 0 },   { "throw", m_throw, 0 },      { "close", m_close, 0 },
    { "__await__", m_await, 0 }, { NULL, NULL, 0 },
};

// ---------------------------------------------------------------------------------------------
// Attributes

// gi_frame: krait keeps no frame objects; a live generator shows a placeholder "frame" object so
// that `g.gi_frame is None` tells whether it has finished.
static kr_type gen_frame_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "frame",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_obj),
    .flags = KR_TF_ATOMIC,
};

static kr_val get_frame(kr_val self) {
    if (KR_GEN(self)->state == KR_GEN_FINISHED) {
        return KR_NONE;
    }
    kr_obj *f = kr_obj_new(&gen_frame_type, sizeof(kr_obj));
    return f ? KR_VAL(f) : 0;
}

static kr_val get_running(kr_val self) { return kr_bool(KR_GEN(self)->state == KR_GEN_RUNNING); }

static kr_val get_suspended(kr_val self) {
    return kr_bool(KR_GEN(self)->state == KR_GEN_SUSPENDED);
}

static kr_val get_yieldfrom(kr_val self) {
    kr_val yf = KR_GEN(self)->yieldfrom;
    return kr_newref(yf ? yf : KR_NONE);
}

static kr_val get_name(kr_val self) {
    kr_gen *g = KR_GEN(self);
    if (!g->name) {
        g->name = kr_str_from_cstr(g->code->name);
    }
    return g->name ? kr_newref(g->name) : 0;
}

static kr_val get_qualname(kr_val self) {
    kr_gen *g = KR_GEN(self);
    if (!g->qualname) {
        g->qualname = kr_str_from_cstr(g->code->qualname ? g->code->qualname : g->code->name);
    }
    return g->qualname ? kr_newref(g->qualname) : 0;
}

static int set_str_attr(kr_val *slot, kr_val value, const char *attr) {
    if (!value || !kr_str_check(value)) {
        kr_err_set(&kr_exc_TypeError, "%s must be set to a string object", attr);
        return -1;
    }
    KR_SETREF(*slot, kr_newref(value));
    return 0;
}

static int set_name(kr_val self, kr_val value) {
    return set_str_attr(&KR_GEN(self)->name, value, "__name__");
}

static int set_qualname(kr_val self, kr_val value) {
    return set_str_attr(&KR_GEN(self)->qualname, value, "__qualname__");
}

static kr_val get_none(kr_val self) {
    (void)self;
    return KR_NONE;
}

static const kr_getset_def gen_getset[] = {
    { "__name__", get_name, set_name },
    { "__qualname__", get_qualname, set_qualname },
    { "gi_running", get_running, NULL },
    { "gi_frame", get_frame, NULL },
    { "gi_suspended", get_suspended, NULL },
    { "gi_yieldfrom", get_yieldfrom, NULL },
    { NULL, NULL, NULL },
};

static const kr_getset_def coro_getset[] = {
    { "__name__", get_name, set_name },
    { "__qualname__", get_qualname, set_qualname },
    { "cr_running", get_running, NULL },
    { "cr_frame", get_frame, NULL },
    { "cr_suspended", get_suspended, NULL },
    { "cr_await", get_yieldfrom, NULL },
    { "cr_origin", get_none, NULL },
    { NULL, NULL, NULL },
};

static kr_val gen_repr(kr_val self) {
    kr_val q = get_qualname(self);
    if (!q) {
        return 0;
    }
    char buf[512];
    snprintf(buf, sizeof buf, "<%s object %s at %p>", kind_noun(KR_GEN(self)), kr_str_data(q),
             (void *)KR_OBJ(self));
    KR_DECREF(q);
    return kr_str_from_cstr(buf);
}

static kr_val self_iter(kr_val self) { return kr_newref(self); }

kr_type kr_gen_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "generator",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_gen),
    .dealloc = gen_dealloc,
    .traverse = gen_traverse,
    .finalize = gen_finalize,
    .repr = gen_repr,
    .iter = self_iter,
    .iternext = gen_iternext,
    .methods = gen_methods,
    .getset = gen_getset,
};

kr_type kr_coro_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "coroutine",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_gen),
    .dealloc = gen_dealloc,
    .traverse = gen_traverse,
    .finalize = gen_finalize,
    .repr = gen_repr,
    .methods = coro_methods,
    .getset = coro_getset,
};

// ---------------------------------------------------------------------------------------------
// coroutine_wrapper: the iterator coro.__await__() returns, forwarding to the coroutine.

typedef struct {
    kr_obj ob;
    kr_val coro;
} coro_wrapper;

#define WRAPPED(v) (((coro_wrapper *)(v))->coro)

static kr_val coro_wrapper_new(kr_val coro) {
    coro_wrapper *w = (coro_wrapper *)kr_obj_new(&kr_coro_wrapper_type, sizeof *w);
    if (!w) {
        return 0;
    }
    w->coro = kr_newref(coro);
    return KR_VAL(w);
}

static void wrapper_dealloc(kr_obj *o) { KR_CLEAR(((coro_wrapper *)o)->coro); }

static void wrapper_traverse(kr_obj *o, kr_visitfunc visit, void *arg) {
    visit(((coro_wrapper *)o)->coro, arg);
}

static kr_val wrapper_iternext(kr_val self) { return kr_gen_next_fast(WRAPPED(self)); }

static kr_val w_next(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return m_next(WRAPPED(self), args, nargs, kwnames);
}
static kr_val w_send(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return m_send(WRAPPED(self), args, nargs, kwnames);
}
static kr_val w_throw(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return m_throw(WRAPPED(self), args, nargs, kwnames);
}
static kr_val w_close(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return m_close(WRAPPED(self), args, nargs, kwnames);
}

static const kr_method_def wrapper_methods[] = {
    { "__next__", w_next, 0 }, { "send", w_send, 0 }, { "throw", w_throw, 0 },
    { "close", w_close, 0 },   { NULL, NULL, 0 },
};

kr_type kr_coro_wrapper_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "coroutine_wrapper",
    .base = &kr_object_type,
    .basicsize = sizeof(coro_wrapper),
    .dealloc = wrapper_dealloc,
    .traverse = wrapper_traverse,
    .iter = self_iter,
    .iternext = wrapper_iternext,
    .methods = wrapper_methods,
};
