// test_rt_gen.c: CUnit suite "rt_gen" for runtime/gen.c. The generators are written by hand in
// the shape the compiler emits (a frame struct, clear/traverse functions, a resume function
// switching on g->label); each test's comment gives the Python it mirrors, and the expected
// values and messages are CPython 3.13's for that program.
#include "krait.h"

#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// What the generator bodies did, in order ("finally;caught;").
static char events[256];

static void event(const char *what) {
    strncat(events, what, sizeof events - strlen(events) - 2);
    strcat(events, ";");
}

static bool events_are(const char *want) {
    bool ok = strcmp(events, want) == 0;
    if (!ok) {
        printf("\n  events %s, want %s", events, want);
    }
    events[0] = '\0';
    return ok;
}

// Frames made only of kr_vals: clear and traverse walk them as an array.
#define FRAME_FUNCS(fr)                                                    \
    static void fr##_clear(void *p) {                                      \
        kr_val *v = p;                                                     \
        for (size_t i = 0; i < sizeof(fr) / sizeof(kr_val); i++) {        \
            KR_CLEAR(v[i]);                                                \
        }                                                                  \
    }                                                                      \
    static void fr##_traverse(void *p, kr_visitfunc visit, void *arg) {    \
        kr_val *v = p;                                                     \
        for (size_t i = 0; i < sizeof(fr) / sizeof(kr_val); i++) {        \
            if (v[i]) {                                                    \
                visit(v[i], arg);                                          \
            }                                                              \
        }                                                                  \
    }

#define CODE(fr, fn, kind) \
    { fn##_resume, sizeof(fr), fr##_clear, fr##_traverse, #fn, NULL, kind }

static kr_val str(const char *s) { return kr_str_from_cstr(s); }

// The pending exception is a 'type' whose str() is 'msg'; clears it.
static bool raised(const kr_type *type, const char *msg) {
    kr_val e = kr_err_fetch();
    if (!e) {
        printf("\n  no exception, want %s: %s", type->name, msg);
        return false;
    }
    kr_val s = kr_str(e);
    bool ok = KR_TYPE(e) == type && s && strcmp(kr_str_data(s), msg) == 0;
    if (!ok) {
        printf("\n  got %s: %s, want %s: %s", kr_type_name(e), s ? kr_str_data(s) : "?",
               type->name, msg);
    }
    KR_XDECREF(s);
    KR_DECREF(e);
    kr_err_clear();
    return ok;
}

// The result 'v' equals the small int 'i'.
static bool is_int(kr_val v, intptr_t i) {
    bool ok = v && KR_IS_SMALL(v) && KR_SMALL_VALUE(v) == i;
    if (!ok) {
        printf("\n  got %s, want %zd", v ? kr_type_name(v) : "error", i);
        if (!v && kr_err_occurred()) {
            kr_exc_print(kr_err_occurred());
        }
    }
    KR_XDECREF(v);
    return ok;
}

static bool is_str(kr_val v, const char *s) {
    bool ok = v && kr_str_check(v) && strcmp(kr_str_data(v), s) == 0;
    if (!ok) {
        printf("\n  got %s, want '%s'", v ? kr_type_name(v) : "error", s);
    }
    KR_XDECREF(v);
    return ok;
}

static bool is_none(kr_val v) {
    bool ok = v == KR_NONE;
    if (!ok) {
        printf("\n  got %s, want None", v ? kr_type_name(v) : "error");
    }
    KR_XDECREF(v);
    return ok;
}

// obj.<name> = value succeeded.
static bool set_attr(kr_val obj, const char *name, kr_val value) {
    kr_val n = kr_str_from_cstr(name);
    bool ok = n && kr_setattr(obj, n, value) == 0;
    KR_XDECREF(n);
    return ok;
}

// StopIteration is pending with 'value' (0: no arguments at all); clears it.
static bool stopped_with(kr_val result, kr_val value) {
    kr_val e = kr_err_fetch();
    bool ok = !result && e && KR_TYPE(e) == &kr_exc_StopIteration;
    if (ok) {
        kr_val args = ((kr_exc_obj *)e)->args;
        ok = value ? KR_TUPLE_LEN(args) == 1 && kr_eq(KR_TUPLE_ITEMS(args)[0], value) == 1
                   : KR_TUPLE_LEN(args) == 0;
    }
    if (!ok) {
        printf("\n  not the expected StopIteration");
    }
    KR_XDECREF(e);
    KR_XDECREF(result);
    return ok;
}

// obj.name(*args) through the method objects, as a dynamic call does.
static kr_val call(kr_val obj, const char *name, size_t nargs, ...) {
    kr_val args[4];
    va_list ap;
    va_start(ap, nargs);
    for (size_t i = 0; i < nargs; i++) {
        args[i] = va_arg(ap, kr_val);
    }
    va_end(ap);
    kr_val m = kr_getattr_cstr(obj, name);
    if (!m) {
        return 0;
    }
    kr_val r = kr_call(m, args, nargs, 0);
    KR_DECREF(m);
    return r;
}

static bool repr_starts(kr_val v, const char *prefix) {
    kr_val r = kr_repr(v);
    bool ok = r && strncmp(kr_str_data(r), prefix, strlen(prefix)) == 0;
    if (!ok) {
        printf("\n  repr %s, want %s...", r ? kr_str_data(r) : "?", prefix);
    }
    KR_XDECREF(r);
    return ok;
}

// ---------------------------------------------------------------------------------------------
// Generators

// def echo():
//     x = yield 1
//     return x
typedef struct {
    kr_val v_x;
} echo_frame;
FRAME_FUNCS(echo_frame)

static kr_val echo_resume(kr_gen *g, kr_val sent, int mode) {
    echo_frame *f = g->frame;
    if (g->label == 1) {
        goto resume1;
    }
    if (mode != KR_GEN_SEND) {
        goto error;
    }
    g->label = 1;
    return KR_FROM_SMALL(1);
resume1:
    if (mode != KR_GEN_SEND) {
        goto error;
    }
    f->v_x = kr_newref(sent);
    g->retval = kr_newref(f->v_x);
    return 0;
error:
    kr_traceback_add("t.py", 2, "echo");
    return 0;
}
static const kr_gen_code echo_code = CODE(echo_frame, echo, KR_GEN_GENERATOR);

// def count(n):
//     i = 0
//     while i < n:
//         yield i
//         i += 1
//     return "done"
typedef struct {
    kr_val v_n, v_i;
} count_frame;
FRAME_FUNCS(count_frame)

static kr_val count_resume(kr_gen *g, kr_val sent, int mode) {
    (void)sent;
    count_frame *f = g->frame;
    if (mode != KR_GEN_SEND) {
        return 0;
    }
    if (g->label == 1) {
        f->v_i = kr_int_add(f->v_i, KR_FROM_SMALL(1));
    } else {
        f->v_i = KR_FROM_SMALL(0);
    }
    if (KR_SMALL_VALUE(f->v_i) < KR_SMALL_VALUE(f->v_n)) {
        g->label = 1;
        return f->v_i;
    }
    g->retval = str("done");
    return 0;
}
static const kr_gen_code count_code = CODE(count_frame, count, KR_GEN_GENERATOR);

static kr_val make_count(intptr_t n) {
    kr_val g = kr_gen_new(&count_code, 0, 0);
    ((count_frame *)kr_gen_frame(g))->v_n = KR_FROM_SMALL(n);
    return g;
}

// def fin():
//     try:
//         yield 1
//         yield 2
//     finally:
//         event("finally")
typedef struct {
    kr_val unused;
} fin_frame;
FRAME_FUNCS(fin_frame)

static kr_val fin_resume(kr_gen *g, kr_val sent, int mode) {
    (void)sent;
    switch (g->label) {
    case 1: goto resume1;
    case 2: goto resume2;
    }
    if (mode != KR_GEN_SEND) {
        return 0;
    }
    g->label = 1;
    return KR_FROM_SMALL(1);
resume1:
    if (mode != KR_GEN_SEND) {
        goto finally_raise;
    }
    g->label = 2;
    return KR_FROM_SMALL(2);
resume2:
    if (mode != KR_GEN_SEND) {
        goto finally_raise;
    }
    event("finally");
    return 0;
finally_raise:
    kr_traceback_add("t.py", 3, "fin");
    kr_val exc = kr_err_fetch();
    event("finally");
    kr_err_restore(exc);
    return 0;
}
static const kr_gen_code fin_code = CODE(fin_frame, fin, KR_GEN_GENERATOR);

// def catcher():
//     try:
//         x = yield 1
//     except ValueError as e:
//         event("caught")
//         y = yield "caught"
//         return y
//     return x
typedef struct {
    kr_val v_x, v_e, t_prev;
} catcher_frame;
FRAME_FUNCS(catcher_frame)

static kr_val catcher_handler(kr_gen *g) {
    catcher_frame *f = g->frame;
    kr_traceback_add("t.py", 3, "catcher");
    kr_val exc = kr_err_fetch();
    if (!kr_isinstance_type(exc, &kr_exc_ValueError)) {
        kr_err_restore(exc);
        return 0;
    }
    f->v_e = exc;
    f->t_prev = kr_exc_enter_handler(exc);
    event("caught");
    g->label = 2;
    return str("caught");
}

static kr_val catcher_resume(kr_gen *g, kr_val sent, int mode) {
    catcher_frame *f = g->frame;
    switch (g->label) {
    case 1: goto resume1;
    case 2: goto resume2;
    }
    if (mode != KR_GEN_SEND) {
        return 0;
    }
    g->label = 1;
    return KR_FROM_SMALL(1);
resume1:
    if (mode != KR_GEN_SEND) {
        return catcher_handler(g);
    }
    f->v_x = kr_newref(sent);
    g->retval = kr_newref(f->v_x);
    return 0;
resume2:
    kr_exc_leave_handler(f->t_prev);
    f->t_prev = 0;
    if (mode != KR_GEN_SEND) {
        return 0;
    }
    g->retval = kr_newref(sent);
    return 0;
}
static const kr_gen_code catcher_code = CODE(catcher_frame, catcher, KR_GEN_GENERATOR);

// def ignorer():
//     while True:
//         try:
//             yield 1
//         except GeneratorExit:
//             event("ignored")
typedef struct {
    kr_val unused;
} ignorer_frame;
FRAME_FUNCS(ignorer_frame)

static kr_val ignorer_resume(kr_gen *g, kr_val sent, int mode) {
    (void)sent;
    if (g->label == 1 && mode != KR_GEN_SEND) {
        if (!kr_err_matches(&kr_exc_GeneratorExit)) {
            return 0;
        }
        kr_err_clear();
        event("ignored");
    } else if (mode != KR_GEN_SEND) {
        return 0;
    }
    g->label = 1;
    return KR_FROM_SMALL(1);
}
static const kr_gen_code ignorer_code = CODE(ignorer_frame, ignorer, KR_GEN_GENERATOR);

// def on_exit(value, exc):
//     try:
//         yield 1
//     except GeneratorExit:
//         if exc: raise exc
//         return value
typedef struct {
    kr_val v_value, v_exc;
} on_exit_frame;
FRAME_FUNCS(on_exit_frame)

static kr_val on_exit_resume(kr_gen *g, kr_val sent, int mode) {
    (void)sent;
    on_exit_frame *f = g->frame;
    if (g->label == 0) {
        if (mode != KR_GEN_SEND) {
            return 0;
        }
        g->label = 1;
        return KR_FROM_SMALL(1);
    }
    if (mode == KR_GEN_SEND || !kr_err_matches(&kr_exc_GeneratorExit)) {
        return 0;
    }
    kr_err_clear();
    if (f->v_exc) {
        kr_err_raise(kr_newref(f->v_exc));
        return 0;
    }
    g->retval = kr_newref(f->v_value);
    return 0;
}
static const kr_gen_code on_exit_code = CODE(on_exit_frame, on_exit, KR_GEN_GENERATOR);

static kr_val make_on_exit(kr_val value, kr_val exc) {
    kr_val g = kr_gen_new(&on_exit_code, 0, 0);
    on_exit_frame *f = kr_gen_frame(g);
    f->v_value = value;
    f->v_exc = exc;
    return g;
}

// def stopper():
//     yield 1
//     raise StopIteration(3)
typedef struct {
    kr_val unused;
} stopper_frame;
FRAME_FUNCS(stopper_frame)

static kr_val stopper_resume(kr_gen *g, kr_val sent, int mode) {
    (void)sent;
    if (mode != KR_GEN_SEND) {
        return 0;
    }
    if (g->label == 0) {
        g->label = 1;
        return KR_FROM_SMALL(1);
    }
    return kr_err_set_value(&kr_exc_StopIteration, KR_FROM_SMALL(3));
}
static const kr_gen_code stopper_code = CODE(stopper_frame, stopper, KR_GEN_GENERATOR);

// def reent():
//     yield next(h)      # h is this generator
static kr_val reent_self;
typedef struct {
    kr_val unused;
} reent_frame;
FRAME_FUNCS(reent_frame)

static kr_val reent_resume(kr_gen *g, kr_val sent, int mode) {
    (void)sent;
    if (mode != KR_GEN_SEND) {
        return 0;
    }
    kr_val v = kr_builtin_next(reent_self, 0);
    if (!v) {
        return 0;
    }
    g->label = 1;
    return v;
}
static const kr_gen_code reent_code = CODE(reent_frame, reent, KR_GEN_GENERATOR);

// def deleg(sub):          # also `async def deleg(x): return await x` as a coroutine
//     r = yield from sub
//     event("deleg got")
//     return r
typedef struct {
    kr_val v_sub;
} deleg_frame;
FRAME_FUNCS(deleg_frame)

static kr_val deleg_resume(kr_gen *g, kr_val sent, int mode) {
    deleg_frame *f = g->frame;
    if (g->label == 0) {
        if (mode != KR_GEN_SEND) {
            return 0;
        }
        sent = KR_NONE;
    }
    kr_val r;
    int st = kr_gen_yield_from(g, f->v_sub, sent, mode, &r);
    if (st > 0) {
        g->label = 1;
        return r;
    }
    if (st < 0) {
        kr_traceback_add("t.py", 2, "deleg");
        return 0;
    }
    event("deleg got");
    g->retval = r;
    return 0;
}
static const kr_gen_code deleg_code = CODE(deleg_frame, deleg, KR_GEN_GENERATOR);
static const kr_gen_code await_code = CODE(deleg_frame, deleg, KR_GEN_COROUTINE);

// deleg(sub) with 'sub' stolen as the iterator.
static kr_val make_deleg(kr_val sub) {
    kr_val g = kr_gen_new(&deleg_code, 0, 0);
    ((deleg_frame *)kr_gen_frame(g))->v_sub = sub;
    return g;
}

// async def answer(): return 1
typedef struct {
    kr_val unused;
} answer_frame;
FRAME_FUNCS(answer_frame)

static kr_val answer_resume(kr_gen *g, kr_val sent, int mode) {
    (void)sent;
    if (mode == KR_GEN_SEND) {
        g->retval = KR_FROM_SMALL(1);
    }
    return 0;
}
static const kr_gen_code answer_code = CODE(answer_frame, answer, KR_GEN_COROUTINE);

// ---------------------------------------------------------------------------------------------
// An iterator with send/throw/close, as the Python class
//     class It:
//         n = 0
//         def __next__(self):
//             self.n += 1
//             if self.n > 2: raise StopIteration(self.n)
//             return self.n
//         def send(self, v): event("It.send"); return self.__next__()
//         def throw(self, e): event("It.throw"); raise StopIteration("thrown-done")
//         def close(self): event("It.close")

typedef struct {
    kr_obj ob;
    intptr_t n;
} it_obj;

static kr_val it_next(kr_val self) {
    it_obj *it = (it_obj *)self;
    if (++it->n > 2) {
        return kr_err_set_value(&kr_exc_StopIteration, KR_FROM_SMALL(it->n));
    }
    return KR_FROM_SMALL(it->n);
}

static kr_val it_send(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)args, (void)nargs, (void)kw;
    event("It.send");
    return it_next(self);
}

static kr_val it_throw(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    event("It.throw");
    kr_val v = str("thrown-done");
    kr_err_set_value(&kr_exc_StopIteration, v);
    KR_DECREF(v);
    return 0;
}

static kr_val it_close(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    event("It.close");
    return KR_NONE;
}

static const kr_method_def it_methods[] = {
    { "send", it_send, 0 }, { "throw", it_throw, 0 }, { "close", it_close, 0 }, { NULL, NULL, 0 },
};

static kr_type it_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "It",
    .base = &kr_object_type,
    .basicsize = sizeof(it_obj),
    .flags = KR_TF_ATOMIC,
    .iternext = it_next,
    .methods = it_methods,
};

static kr_val new_it(void) {
    it_obj *it = (it_obj *)kr_obj_new(&it_type, sizeof(it_obj));
    it->n = 0;  // atomic objects are not zeroed
    return KR_VAL(it);
}

// ---------------------------------------------------------------------------------------------
// Tests

// g = echo(); g.send(5); next(g); g.send(7); next(g); g.send(3); g.throw(ValueError("v"))
static void test_send_next(void) {
    kr_val g = kr_gen_new(&echo_code, 0, 0);
    CU_ASSERT(kr_gen_send(g, KR_FROM_SMALL(5)) == 0);
    CU_ASSERT(raised(&kr_exc_TypeError, "can't send non-None value to a just-started generator"));
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    CU_ASSERT(stopped_with(kr_gen_send(g, KR_FROM_SMALL(7)), KR_FROM_SMALL(7)));
    CU_ASSERT(stopped_with(kr_gen_next(g), 0));
    CU_ASSERT(stopped_with(kr_gen_send(g, KR_FROM_SMALL(3)), 0));
    kr_val v = str("v");
    kr_val exc = kr_exc_new(&kr_exc_ValueError, &v, 1);
    CU_ASSERT(kr_gen_throw(g, exc) == 0);
    CU_ASSERT(kr_err_occurred() == exc);
    CU_ASSERT(raised(&kr_exc_ValueError, "v"));
    CU_ASSERT(is_none(kr_gen_close(g)));
    KR_DECREF(exc);
    KR_DECREF(v);
    KR_DECREF(g);
    // A generator's return value travels in StopIteration.value; None makes StopIteration().
    g = make_count(2);
    CU_ASSERT(is_int(kr_gen_next(g), 0));
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    kr_val done = str("done");
    CU_ASSERT(stopped_with(kr_gen_next(g), done));
    KR_DECREF(done);
    KR_DECREF(g);
}

// for i in count(3): ...   (the fast path: no StopIteration at the end)
static void test_for_fast_path(void) {
    kr_val g = make_count(3);
    intptr_t sum = 0, n = 0;
    for (kr_val v; (v = kr_gen_next_fast(g));) {
        sum += KR_SMALL_VALUE(v);
        n++;
    }
    CU_ASSERT(kr_err_occurred() == 0);
    CU_ASSERT_EQUAL(n, 3);
    CU_ASSERT_EQUAL(sum, 3);
    CU_ASSERT(kr_gen_next_fast(g) == 0 && kr_err_occurred() == 0);
    KR_DECREF(g);
    // The generic iteration protocol uses the same slot: list(count(4)), iter(g) is g.
    g = make_count(4);
    kr_val it = kr_iter(g);
    CU_ASSERT(it == g);
    KR_DECREF(it);
    kr_val l = kr_list_from_iterable(g);
    CU_ASSERT(l && kr_len(l) == 4);
    KR_XDECREF(l);
    KR_DECREF(g);
    // g.__next__() keeps StopIteration.value: count(0).__next__() -> StopIteration('done')
    g = make_count(0);
    kr_val m = kr_getattr_cstr(g, "__next__");
    kr_val done = str("done");
    CU_ASSERT(stopped_with(kr_call(m, NULL, 0, 0), done));
    KR_DECREF(m);
    KR_DECREF(g);
    // So does the builtin next(): next(count(0)) -> StopIteration('done'); with a default the
    // default is returned instead.
    g = make_count(0);
    CU_ASSERT(stopped_with(kr_builtin_next(g, 0), done));
    KR_DECREF(g);
    g = make_count(0);
    CU_ASSERT(is_int(kr_builtin_next(g, KR_FROM_SMALL(7)), 7));
    KR_DECREF(g);
    KR_DECREF(done);
}

// PEP 479: def stopper(): yield 1; raise StopIteration(3)
static void test_pep479(void) {
    kr_val g = kr_gen_new(&stopper_code, 0, 0);
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    CU_ASSERT(kr_gen_next(g) == 0);
    kr_val e = kr_err_fetch();
    CU_ASSERT(KR_TYPE(e) == &kr_exc_RuntimeError);
    kr_exc_obj *x = (kr_exc_obj *)e;
    CU_ASSERT(x->cause && KR_TYPE(x->cause) == &kr_exc_StopIteration);
    CU_ASSERT(x->context == x->cause);
    CU_ASSERT(x->suppress_context);
    kr_err_restore(e);
    CU_ASSERT(raised(&kr_exc_RuntimeError, "generator raised StopIteration"));
    CU_ASSERT(stopped_with(kr_gen_next(g), 0));
    KR_DECREF(g);
    // g.throw(StopIteration) before the start and at a yield: the same conversion.
    g = kr_gen_new(&echo_code, 0, 0);
    CU_ASSERT(kr_gen_throw(g, KR_VAL(&kr_exc_StopIteration)) == 0);
    CU_ASSERT(raised(&kr_exc_RuntimeError, "generator raised StopIteration"));
    CU_ASSERT(KR_GEN(g)->state == KR_GEN_FINISHED);
    KR_DECREF(g);
    g = kr_gen_new(&echo_code, 0, 0);
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    CU_ASSERT(call(g, "throw", 2, KR_VAL(&kr_exc_StopIteration), KR_FROM_SMALL(5)) == 0);
    CU_ASSERT(raised(&kr_exc_RuntimeError, "generator raised StopIteration"));
    KR_DECREF(g);
}

// throw()'s arguments, as CPython's _gen_throw checks them.
static void test_throw_arguments(void) {
    kr_val g = kr_gen_new(&echo_code, 0, 0);
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    kr_val t = KR_VAL(&kr_exc_ValueError);
    CU_ASSERT(call(g, "throw", 1, KR_FROM_SMALL(1)) == 0);
    CU_ASSERT(raised(&kr_exc_TypeError,
                     "exceptions must be classes or instances deriving from BaseException, "
                     "not int"));
    kr_val x = str("x");
    kr_val inst = kr_exc_new(&kr_exc_ValueError, &x, 1);
    CU_ASSERT(call(g, "throw", 2, inst, KR_FROM_SMALL(5)) == 0);
    CU_ASSERT(raised(&kr_exc_TypeError, "instance exception may not have a separate value"));
    CU_ASSERT(call(g, "throw", 3, t, inst, KR_FROM_SMALL(5)) == 0);
    CU_ASSERT(raised(&kr_exc_TypeError, "throw() third argument must be a traceback object"));
    CU_ASSERT(call(g, "throw", 0) == 0);
    CU_ASSERT(raised(&kr_exc_TypeError, "throw expected at least 1 argument, got 0"));
    CU_ASSERT(call(g, "throw", 4, t, KR_FROM_SMALL(1), KR_NONE, KR_FROM_SMALL(4)) == 0);
    CU_ASSERT(raised(&kr_exc_TypeError, "throw expected at most 3 arguments, got 4"));
    CU_ASSERT(call(g, "send", 0) == 0);
    CU_ASSERT(raised(&kr_exc_TypeError, "generator.send() takes exactly one argument (0 given)"));
    CU_ASSERT(call(g, "send", 2, KR_NONE, KR_NONE) == 0);
    CU_ASSERT(raised(&kr_exc_TypeError, "generator.send() takes exactly one argument (2 given)"));
    CU_ASSERT(call(g, "close", 1, KR_NONE) == 0);
    CU_ASSERT(raised(&kr_exc_TypeError, "generator.close() takes no arguments (1 given)"));
    // None of these touched the generator: it is still suspended at its yield.
    CU_ASSERT(KR_GEN(g)->state == KR_GEN_SUSPENDED);
    // throw(ValueError, 5) -> ValueError(5); the instance given as value is used as it is.
    CU_ASSERT(call(g, "throw", 2, t, KR_FROM_SMALL(5)) == 0);
    kr_val e = kr_err_fetch();
    CU_ASSERT(KR_TYPE(e) == &kr_exc_ValueError && KR_TUPLE_LEN(((kr_exc_obj *)e)->args) == 1);
    KR_DECREF(e);
    KR_DECREF(g);
    g = kr_gen_new(&echo_code, 0, 0);
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    CU_ASSERT(call(g, "throw", 2, t, inst) == 0);
    CU_ASSERT(kr_err_occurred() == inst);
    kr_err_clear();
    KR_DECREF(g);
    // throw(ValueError, (1, 2)) -> ValueError(1, 2)
    g = kr_gen_new(&echo_code, 0, 0);
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    kr_val pair = kr_tuple_pack(2, KR_FROM_SMALL(1), KR_FROM_SMALL(2));
    CU_ASSERT(call(g, "throw", 2, t, pair) == 0);
    CU_ASSERT(raised(&kr_exc_ValueError, "(1, 2)"));
    KR_DECREF(pair);
    KR_DECREF(g);
    KR_DECREF(inst);
    KR_DECREF(x);
}

// try/finally across a yield: close() and throw() run the finally block.
static void test_finally(void) {
    kr_val g = kr_gen_new(&fin_code, 0, 0);
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    CU_ASSERT(is_none(kr_gen_close(g)));
    CU_ASSERT(events_are("finally;"));
    CU_ASSERT(KR_GEN(g)->state == KR_GEN_FINISHED);
    CU_ASSERT(is_none(kr_gen_close(g)));
    CU_ASSERT(events_are(""));
    KR_DECREF(g);
    g = kr_gen_new(&fin_code, 0, 0);
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    CU_ASSERT(is_int(kr_gen_next(g), 2));
    CU_ASSERT(kr_gen_throw(g, KR_VAL(&kr_exc_KeyError)) == 0);
    CU_ASSERT(kr_err_matches(&kr_exc_KeyError));
    kr_err_clear();
    CU_ASSERT(events_are("finally;"));
    KR_DECREF(g);
    // Closing a generator that has not started runs nothing.
    g = kr_gen_new(&fin_code, 0, 0);
    CU_ASSERT(is_none(kr_gen_close(g)));
    CU_ASSERT(events_are(""));
    CU_ASSERT(stopped_with(kr_gen_next(g), 0));
    KR_DECREF(g);
    // A generator dropped while suspended in the try runs its finally (close() at finalization).
    g = kr_gen_new(&fin_code, 0, 0);
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    KR_DECREF(g);
    CU_ASSERT(events_are("finally;"));
    CU_ASSERT(kr_err_occurred() == 0);
}

// try/except around a yield catches what throw() raises there; the except block yields, and the
// exception it handles is the generator's own, not the caller's.
static void test_except(void) {
    kr_val g = kr_gen_new(&catcher_code, 0, 0);
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    kr_val t = str("t");
    kr_val exc = kr_exc_new(&kr_exc_ValueError, &t, 1);
    CU_ASSERT(is_str(kr_gen_throw(g, exc), "caught"));
    CU_ASSERT(events_are("caught;"));
    CU_ASSERT(kr_ts.handling == 0);
    CU_ASSERT(KR_GEN(g)->exc_state == exc);
    CU_ASSERT(stopped_with(kr_gen_send(g, KR_FROM_SMALL(7)), KR_FROM_SMALL(7)));
    CU_ASSERT(kr_ts.handling == 0);
    CU_ASSERT(KR_GEN(g)->exc_state == 0);
    KR_DECREF(g);
    // An exception thrown while the body handles another gets it as __context__.
    g = kr_gen_new(&catcher_code, 0, 0);
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    CU_ASSERT(is_str(kr_gen_throw(g, exc), "caught"));
    CU_ASSERT(events_are("caught;"));
    kr_val ke = kr_exc_new(&kr_exc_KeyError, &t, 1);
    CU_ASSERT(kr_gen_throw(g, ke) == 0);
    CU_ASSERT(kr_err_occurred() == ke && ((kr_exc_obj *)ke)->context == exc);
    kr_err_clear();
    CU_ASSERT(kr_ts.handling == 0);
    KR_DECREF(ke);
    KR_DECREF(g);
    // Other exceptions pass through the except clause.
    g = kr_gen_new(&catcher_code, 0, 0);
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    CU_ASSERT(kr_gen_throw(g, KR_VAL(&kr_exc_KeyError)) == 0);
    CU_ASSERT(kr_err_matches(&kr_exc_KeyError));
    kr_err_clear();
    CU_ASSERT(events_are(""));
    KR_DECREF(g);
    KR_DECREF(exc);
    KR_DECREF(t);
}

static char *captured;

// Runs 'fn' with stderr going to a temporary file; 'captured' gets what it printed.
static void capture_stderr(void (*fn)(void)) {
    fflush(stderr);
    int saved = dup(2);
    FILE *tmp = tmpfile();
    dup2(fileno(tmp), 2);
    fn();
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    long n = ftell(tmp);
    free(captured);
    captured = calloc(1, (size_t)n + 1);
    rewind(tmp);
    size_t got = fread(captured, 1, (size_t)n, tmp);
    captured[got] = '\0';
    fclose(tmp);
}

static kr_val to_drop;

static void drop(void) { KR_DECREF(to_drop); }

// close(): GeneratorExit at the yield; ignoring it is a RuntimeError; a return value is returned.
static void test_close(void) {
    kr_val g = kr_gen_new(&ignorer_code, 0, 0);
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    CU_ASSERT(kr_gen_close(g) == 0);
    CU_ASSERT(raised(&kr_exc_RuntimeError, "generator ignored GeneratorExit"));
    CU_ASSERT(call(g, "close", 0) == 0);
    CU_ASSERT(raised(&kr_exc_RuntimeError, "generator ignored GeneratorExit"));
    CU_ASSERT(events_are("ignored;ignored;"));
    CU_ASSERT(KR_GEN(g)->state == KR_GEN_SUSPENDED);
    // Finalizing a generator that ignores GeneratorExit reports it as CPython does.
    to_drop = g;
    capture_stderr(drop);
    CU_ASSERT(strncmp(captured, "Exception ignored in: <generator object ignorer at 0x", 53) == 0);
    CU_ASSERT(strstr(captured, "\nRuntimeError: generator ignored GeneratorExit\n") != NULL);
    CU_ASSERT(events_are("ignored;"));
    CU_ASSERT(kr_err_occurred() == 0);
    // def on_exit(): try: yield 1 except GeneratorExit: return 42
    g = make_on_exit(KR_FROM_SMALL(42), 0);
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    CU_ASSERT(is_int(kr_gen_close(g), 42));
    CU_ASSERT(is_none(kr_gen_close(g)));
    KR_DECREF(g);
    // An exception raised on GeneratorExit comes out of close().
    g = make_on_exit(KR_NONE, kr_exc_new(&kr_exc_KeyError, NULL, 0));
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    CU_ASSERT(kr_gen_close(g) == 0);
    CU_ASSERT(kr_err_matches(&kr_exc_KeyError));
    kr_err_clear();
    KR_DECREF(g);
}

// def reent(): yield next(h)
static void test_reentry(void) {
    reent_self = kr_gen_new(&reent_code, 0, 0);
    CU_ASSERT(kr_gen_next(reent_self) == 0);
    CU_ASSERT(raised(&kr_exc_ValueError, "generator already executing"));
    CU_ASSERT(stopped_with(kr_gen_next(reent_self), 0));
    CU_ASSERT(kr_ts.depth == 0);
    KR_DECREF(reent_self);
}

// Attributes and repr.
static void test_attributes(void) {
    kr_val g = kr_gen_new(&echo_code, 0, 0);
    CU_ASSERT(repr_starts(g, "<generator object echo at 0x"));
    CU_ASSERT(strcmp(kr_type_name(g), "generator") == 0);
    CU_ASSERT(is_str(kr_getattr_cstr(g, "__name__"), "echo"));
    CU_ASSERT(is_str(kr_getattr_cstr(g, "__qualname__"), "echo"));
    CU_ASSERT(kr_getattr_cstr(g, "gi_running") == KR_FALSE);
    CU_ASSERT(kr_getattr_cstr(g, "gi_suspended") == KR_FALSE);
    CU_ASSERT(is_none(kr_getattr_cstr(g, "gi_yieldfrom")));
    kr_val frame = kr_getattr_cstr(g, "gi_frame");
    CU_ASSERT(frame && frame != KR_NONE);
    KR_XDECREF(frame);
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    CU_ASSERT(kr_getattr_cstr(g, "gi_suspended") == KR_TRUE);
    kr_val q = str("Outer.echo");
    CU_ASSERT(set_attr(g, "__qualname__", q));
    CU_ASSERT(repr_starts(g, "<generator object Outer.echo at 0x"));
    KR_DECREF(q);
    kr_val name = kr_str_from_cstr("__name__");
    CU_ASSERT(kr_setattr(g, name, KR_FROM_SMALL(1)) == -1);
    CU_ASSERT(raised(&kr_exc_TypeError, "__name__ must be set to a string object"));
    KR_DECREF(name);
    CU_ASSERT(is_none(kr_gen_close(g)));
    CU_ASSERT(is_none(kr_getattr_cstr(g, "gi_frame")));
    CU_ASSERT(kr_getattr_cstr(g, "gi_suspended") == KR_FALSE);
    KR_DECREF(g);
    // Names from the function object win over the code's.
    kr_val n = str("renamed");
    g = kr_gen_new(&echo_code, n, n);
    CU_ASSERT(repr_starts(g, "<generator object renamed at 0x"));
    KR_DECREF(g);
    KR_DECREF(n);
}

// yield from a generator: values, send, throw, close and the return value pass through.
static void test_yield_from_generator(void) {
    kr_val sub = kr_gen_new(&echo_code, 0, 0);
    kr_val g = make_deleg(kr_newref(sub));
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    kr_val yf = kr_getattr_cstr(g, "gi_yieldfrom");
    CU_ASSERT(yf == sub);
    KR_XDECREF(yf);
    kr_val a = str("a");
    CU_ASSERT(stopped_with(kr_gen_send(g, a), a));
    CU_ASSERT(events_are("deleg got;"));
    CU_ASSERT(KR_GEN(g)->yieldfrom == 0 && KR_GEN(sub)->state == KR_GEN_FINISHED);
    KR_DECREF(a);
    KR_DECREF(g);
    KR_DECREF(sub);
    // throw() reaches the sub-generator's except clause; its yield comes out of the delegator.
    g = make_deleg(kr_gen_new(&catcher_code, 0, 0));
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    CU_ASSERT(is_str(kr_gen_throw(g, KR_VAL(&kr_exc_ValueError)), "caught"));
    CU_ASSERT(stopped_with(kr_gen_send(g, KR_FROM_SMALL(7)), KR_FROM_SMALL(7)));
    CU_ASSERT(events_are("caught;deleg got;"));
    KR_DECREF(g);
    // close() closes the sub-generator first: its finally runs.
    g = make_deleg(kr_gen_new(&fin_code, 0, 0));
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    CU_ASSERT(is_none(kr_gen_close(g)));
    CU_ASSERT(events_are("finally;"));
    KR_DECREF(g);
    // An exception the sub-generator raises on GeneratorExit replaces it in the delegator.
    g = make_deleg(make_on_exit(KR_NONE, kr_exc_new(&kr_exc_KeyError, NULL, 0)));
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    CU_ASSERT(kr_gen_close(g) == 0);
    CU_ASSERT(kr_err_matches(&kr_exc_KeyError));
    kr_err_clear();
    KR_DECREF(g);
    // The delegator's for loop sees every value of the sub-generator.
    g = make_deleg(make_count(3));
    intptr_t n = 0;
    for (kr_val v; (v = kr_gen_next_fast(g)); n++) {
        CU_ASSERT(is_int(v, n));
    }
    CU_ASSERT(n == 3 && kr_err_occurred() == 0);
    CU_ASSERT(events_are("deleg got;"));
    KR_DECREF(g);
}

// yield from iterators that are not generators: a list iterator, an object with send/throw/close.
static void test_yield_from_iterator(void) {
    kr_val l = kr_list_new(2);
    CU_ASSERT(kr_list_append(l, KR_FROM_SMALL(1)) == 0 && kr_list_append(l, KR_FROM_SMALL(2)) == 0);
    kr_val g = make_deleg(kr_iter(l));
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    CU_ASSERT(is_int(kr_gen_next(g), 2));
    CU_ASSERT(stopped_with(kr_gen_next(g), 0));
    CU_ASSERT(events_are("deleg got;"));
    KR_DECREF(g);
    // throw() into a list iterator: it has no throw(), so it is raised in the delegator.
    g = make_deleg(kr_iter(l));
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    kr_val k = kr_exc_new(&kr_exc_KeyError, (kr_val[]){ KR_FROM_SMALL(3) }, 1);
    CU_ASSERT(kr_gen_throw(g, k) == 0);
    CU_ASSERT(raised(&kr_exc_KeyError, "3"));
    KR_DECREF(k);
    KR_DECREF(g);
    g = make_deleg(kr_iter(l));
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    CU_ASSERT(kr_gen_send(g, KR_FROM_SMALL(3)) == 0);
    CU_ASSERT(raised(&kr_exc_AttributeError, "'list_iterator' object has no attribute 'send'"));
    KR_DECREF(g);
    KR_DECREF(l);
    // r = yield from It(): send() and throw() are forwarded; StopIteration.value is the result.
    g = make_deleg(new_it());
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    CU_ASSERT(is_int(kr_gen_send(g, KR_NONE), 2));
    CU_ASSERT(stopped_with(kr_gen_send(g, KR_FROM_SMALL(7)), KR_FROM_SMALL(3)));
    CU_ASSERT(events_are("It.send;deleg got;"));
    KR_DECREF(g);
    g = make_deleg(new_it());
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    kr_val done = str("thrown-done");
    CU_ASSERT(stopped_with(kr_gen_throw(g, KR_VAL(&kr_exc_ValueError)), done));
    CU_ASSERT(events_are("It.throw;deleg got;"));
    KR_DECREF(done);
    KR_DECREF(g);
    g = make_deleg(new_it());
    CU_ASSERT(is_int(kr_gen_next(g), 1));
    CU_ASSERT(is_none(kr_gen_close(g)));
    CU_ASSERT(events_are("It.close;"));
    KR_DECREF(g);
}

// Coroutines: async def answer(): return 1; async def deleg(x): return await x
static void test_coroutine(void) {
    kr_val c = kr_gen_new(&answer_code, 0, 0);
    CU_ASSERT(repr_starts(c, "<coroutine object answer at 0x"));
    CU_ASSERT(strcmp(kr_type_name(c), "coroutine") == 0);
    CU_ASSERT(kr_iter(c) == 0);
    CU_ASSERT(raised(&kr_exc_TypeError, "'coroutine' object is not iterable"));
    CU_ASSERT(kr_builtin_next(c, 0) == 0);
    CU_ASSERT(raised(&kr_exc_TypeError, "'coroutine' object is not an iterator"));
    CU_ASSERT(kr_gen_send(c, KR_FROM_SMALL(1)) == 0);
    CU_ASSERT(raised(&kr_exc_TypeError, "can't send non-None value to a just-started coroutine"));
    CU_ASSERT(stopped_with(call(c, "send", 1, KR_NONE), KR_FROM_SMALL(1)));
    CU_ASSERT(kr_gen_send(c, KR_NONE) == 0);
    CU_ASSERT(raised(&kr_exc_RuntimeError, "cannot reuse already awaited coroutine"));
    CU_ASSERT(is_none(kr_gen_close(c)));
    CU_ASSERT(kr_gen_throw(c, KR_VAL(&kr_exc_ValueError)) == 0);
    CU_ASSERT(raised(&kr_exc_RuntimeError, "cannot reuse already awaited coroutine"));
    KR_DECREF(c);
    // await: a coroutine is its own awaitable; an int cannot be awaited.
    c = kr_gen_new(&answer_code, 0, 0);
    kr_val w = kr_gen_new(&await_code, 0, 0);
    ((deleg_frame *)kr_gen_frame(w))->v_sub = kr_gen_get_awaitable(c);
    CU_ASSERT(stopped_with(kr_gen_send(w, KR_NONE), KR_FROM_SMALL(1)));
    CU_ASSERT(events_are("deleg got;"));
    KR_DECREF(w);
    CU_ASSERT(kr_gen_get_awaitable(KR_FROM_SMALL(5)) == 0);
    CU_ASSERT(raised(&kr_exc_TypeError, "object int can't be used in 'await' expression"));
    KR_DECREF(c);
    // coro.__await__() is a coroutine_wrapper iterator over it.
    c = kr_gen_new(&answer_code, 0, 0);
    kr_val aw = call(c, "__await__", 0);
    CU_ASSERT(aw && strcmp(kr_type_name(aw), "coroutine_wrapper") == 0);
    CU_ASSERT(stopped_with(call(aw, "__next__", 0), KR_FROM_SMALL(1)));
    CU_ASSERT(call(aw, "send", 1, KR_NONE) == 0);
    CU_ASSERT(raised(&kr_exc_RuntimeError, "cannot reuse already awaited coroutine"));
    KR_XDECREF(aw);
    KR_DECREF(c);
}

int main(void) {
    kr_runtime_init(0, NULL);
    CU_initialize_registry();
    CU_pSuite s = CU_add_suite("rt_gen", NULL, NULL);
    CU_add_test(s, "send and next", test_send_next);
    CU_add_test(s, "for loop fast path", test_for_fast_path);
    CU_add_test(s, "PEP 479", test_pep479);
    CU_add_test(s, "throw arguments", test_throw_arguments);
    CU_add_test(s, "try/finally across yield", test_finally);
    CU_add_test(s, "try/except around yield", test_except);
    CU_add_test(s, "close", test_close);
    CU_add_test(s, "re-entry", test_reentry);
    CU_add_test(s, "attributes", test_attributes);
    CU_add_test(s, "yield from a generator", test_yield_from_generator);
    CU_add_test(s, "yield from an iterator", test_yield_from_iterator);
    CU_add_test(s, "coroutines", test_coroutine);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    free(captured);
    return failed != 0;
}
