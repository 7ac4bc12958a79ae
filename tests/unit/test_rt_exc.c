// test_rt_exc.c: CUnit suite "rt_exc" for runtime/exc.c: the exception hierarchy, str() and
// repr() of exceptions, the pending-exception protocol, chaining, the uncaught-exception
// printer (compared with CPython 3.13's output for the same program run from a file it cannot
// read back, so no source lines), SystemExit and the recursion guard.
#include "krait.h"
#include "rt_expect_harness.h"

#include <CUnit/Basic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct {
    const char *name;
    kr_type *type;
} all_types[] = {
#define KR_X_(cls, parent) { #cls, &kr_exc_##cls },
    KR_EXCEPTIONS(KR_X_)
#undef KR_X_
};

static kr_type *type_named(const char *name) {
    for (size_t i = 0; i < sizeof all_types / sizeof all_types[0]; i++) {
        if (strcmp(all_types[i].name, name) == 0) {
            return all_types[i].type;
        }
    }
    return strcmp(name, "object") == 0 ? &kr_object_type : NULL;
}

// Runs 'fn' with stderr redirected and returns what it printed (malloc'd).
static char *capture_stderr(int (*fn)(void), int *status) {
    fflush(stderr);
    int saved = dup(2);
    FILE *tmp = tmpfile();
    dup2(fileno(tmp), 2);
    *status = fn();
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    long n = ftell(tmp);
    char *out = calloc(1, (size_t)n + 1);
    rewind(tmp);
    size_t got = fread(out, 1, (size_t)n, tmp);
    out[got] = '\0';
    fclose(tmp);
    return out;
}

// ---------------------------------------------------------------------------------------------

static const struct {
    const char *name, *base;
} hierarchy[] = {
{ "BaseException", "object" },
{ "BaseExceptionGroup", "BaseException" },
{ "GeneratorExit", "BaseException" },
{ "KeyboardInterrupt", "BaseException" },
{ "SystemExit", "BaseException" },
{ "Exception", "BaseException" },
{ "ArithmeticError", "Exception" },
{ "FloatingPointError", "ArithmeticError" },
{ "OverflowError", "ArithmeticError" },
{ "ZeroDivisionError", "ArithmeticError" },
{ "AssertionError", "Exception" },
{ "AttributeError", "Exception" },
{ "BufferError", "Exception" },
{ "EOFError", "Exception" },
{ "ImportError", "Exception" },
{ "ModuleNotFoundError", "ImportError" },
{ "LookupError", "Exception" },
{ "IndexError", "LookupError" },
{ "KeyError", "LookupError" },
{ "MemoryError", "Exception" },
{ "NameError", "Exception" },
{ "UnboundLocalError", "NameError" },
{ "OSError", "Exception" },
{ "BlockingIOError", "OSError" },
{ "ChildProcessError", "OSError" },
{ "ConnectionError", "OSError" },
{ "BrokenPipeError", "ConnectionError" },
{ "ConnectionAbortedError", "ConnectionError" },
{ "ConnectionRefusedError", "ConnectionError" },
{ "ConnectionResetError", "ConnectionError" },
{ "FileExistsError", "OSError" },
{ "FileNotFoundError", "OSError" },
{ "InterruptedError", "OSError" },
{ "IsADirectoryError", "OSError" },
{ "NotADirectoryError", "OSError" },
{ "PermissionError", "OSError" },
{ "ProcessLookupError", "OSError" },
{ "TimeoutError", "OSError" },
{ "ReferenceError", "Exception" },
{ "RuntimeError", "Exception" },
{ "NotImplementedError", "RuntimeError" },
{ "PythonFinalizationError", "RuntimeError" },
{ "RecursionError", "RuntimeError" },
{ "StopAsyncIteration", "Exception" },
{ "StopIteration", "Exception" },
{ "SyntaxError", "Exception" },
{ "IndentationError", "SyntaxError" },
{ "TabError", "IndentationError" },
{ "SystemError", "Exception" },
{ "TypeError", "Exception" },
{ "ValueError", "Exception" },
{ "UnicodeError", "ValueError" },
{ "UnicodeDecodeError", "UnicodeError" },
{ "UnicodeEncodeError", "UnicodeError" },
{ "UnicodeTranslateError", "UnicodeError" },
{ "Warning", "Exception" },
{ "BytesWarning", "Warning" },
{ "DeprecationWarning", "Warning" },
{ "EncodingWarning", "Warning" },
{ "FutureWarning", "Warning" },
{ "ImportWarning", "Warning" },
{ "PendingDeprecationWarning", "Warning" },
{ "ResourceWarning", "Warning" },
{ "RuntimeWarning", "Warning" },
{ "SyntaxWarning", "Warning" },
{ "UnicodeWarning", "Warning" },
{ "UserWarning", "Warning" },
};

static void test_hierarchy(void) {
    for (size_t i = 0; i < sizeof hierarchy / sizeof hierarchy[0]; i++) {
        kr_type *t = type_named(hierarchy[i].name);
        CU_ASSERT_FATAL(t != NULL);
        CU_ASSERT_STRING_EQUAL(t->name, hierarchy[i].name);
        CU_ASSERT_STRING_EQUAL(t->base->name, hierarchy[i].base);
        CU_ASSERT(t->flags & KR_TF_EXC_SUB);
    }
    CU_ASSERT(kr_type_is_subtype(&kr_exc_FileNotFoundError, &kr_exc_Exception));
    CU_ASSERT(!kr_type_is_subtype(&kr_exc_SystemExit, &kr_exc_Exception));
    expect_str(kr_repr(KR_VAL(&kr_exc_ValueError)), "<class 'ValueError'>");
}

static kr_val arg_value(const char *spec) {
    switch (spec[0]) {
    case 's': return kr_str_from_cstr(spec + 2);
    case 'i': return KR_FROM_SMALL(atoi(spec + 2));
    default: return KR_NONE;
    }
}

static const struct {
    const char *type;
    int nargs;
    const char *args[5];
    const char *result_type, *str, *repr;
} str_cases[] = {
{ "ValueError", 0, { 0 }, "ValueError", "", "ValueError()" },
{ "ValueError", 1, { "s:x" }, "ValueError", "x", "ValueError('x')" },
{ "ValueError", 2, { "i:1", "i:2" }, "ValueError", "(1, 2)", "ValueError(1, 2)" },
{ "KeyError", 1, { "s:k" }, "KeyError", "'k'", "KeyError('k')" },
{ "KeyError", 0, { 0 }, "KeyError", "", "KeyError()" },
{ "KeyError", 2, { "i:1", "i:2" }, "KeyError", "(1, 2)", "KeyError(1, 2)" },
{ "IndexError", 1, { "s:list index out of range" }, "IndexError", "list index out of range", "IndexError('list index out of range')" },
{ "OSError", 2, { "i:2", "s:No such file or directory" }, "FileNotFoundError", "[Errno 2] No such file or directory", "FileNotFoundError(2, 'No such file or directory')" },
{ "OSError", 3, { "i:2", "s:No such file or directory", "s:a.txt" }, "FileNotFoundError", "[Errno 2] No such file or directory: 'a.txt'", "FileNotFoundError(2, 'No such file or directory')" },
{ "OSError", 5, { "i:13", "s:Permission denied", "s:a", "n:", "s:b" }, "PermissionError", "[Errno 13] Permission denied: 'a' -> 'b'", "PermissionError(13, 'Permission denied')" },
{ "OSError", 1, { "s:just text" }, "OSError", "just text", "OSError('just text')" },
{ "StopIteration", 1, { "i:5" }, "StopIteration", "5", "StopIteration(5)" },
{ "SystemExit", 1, { "i:3" }, "SystemExit", "3", "SystemExit(3)" },
{ "Exception", 2, { "s:a", "s:b'c" }, "Exception", "('a', \"b'c\")", "Exception('a', \"b'c\")" },
{ "BaseException", 1, { "n:" }, "BaseException", "None", "BaseException(None)" },
{ "KeyError", 1, { "s:" }, "KeyError", "''", "KeyError('')" },
};

static void test_str_repr(void) {
    for (size_t i = 0; i < sizeof str_cases / sizeof str_cases[0]; i++) {
        kr_val args[5];
        for (int k = 0; k < str_cases[i].nargs; k++) {
            args[k] = arg_value(str_cases[i].args[k]);
        }
        kr_val cls = KR_VAL(type_named(str_cases[i].type));
        kr_val e = kr_call(cls, args, (size_t)str_cases[i].nargs, 0);
        CU_ASSERT_FATAL(e != 0);
        CU_ASSERT_STRING_EQUAL(kr_type_name(e), str_cases[i].result_type);
        expect_str(kr_str(e), str_cases[i].str);
        expect_str(kr_repr(e), str_cases[i].repr);
        for (int k = 0; k < str_cases[i].nargs; k++) {
            KR_DECREF(args[k]);
        }
        KR_DECREF(e);
    }
}

static void test_attributes(void) {
    kr_val v = KR_FROM_SMALL(5);
    kr_val e = kr_exc_new(&kr_exc_StopIteration, &v, 1);
    kr_val value = kr_getattr_cstr(e, "value");
    CU_ASSERT(value == KR_FROM_SMALL(5));
    kr_val args = kr_getattr_cstr(e, "args");
    CU_ASSERT(args && kr_tuple_check(args) && KR_TUPLE_LEN(args) == 1);
    KR_XDECREF(args);
    CU_ASSERT(kr_getattr_cstr(e, "code") == 0);
    kr_val err = kr_err_fetch();
    expect_str(kr_str(err), "'StopIteration' object has no attribute 'code'");
    KR_DECREF(err);
    KR_DECREF(e);
    e = kr_exc_new(&kr_exc_StopIteration, NULL, 0);
    CU_ASSERT(kr_getattr_cstr(e, "value") == KR_NONE);
    CU_ASSERT(kr_getattr_cstr(e, "__cause__") == KR_NONE);
    CU_ASSERT(kr_getattr_cstr(e, "__suppress_context__") == KR_FALSE);
    KR_DECREF(e);
    kr_val s = kr_str_from_cstr("x");
    kr_val kw = kr_tuple_pack(1, s);
    kr_val one = KR_FROM_SMALL(1);
    CU_ASSERT(kr_call(KR_VAL(&kr_exc_ValueError), &one, 0, kw) == 0);
    err = kr_err_fetch();
    expect_str(kr_str(err), "ValueError() takes no keyword arguments");
    KR_DECREF(err);
    KR_DECREF(kw);
    KR_DECREF(s);
}

static void test_protocol(void) {
    CU_ASSERT(kr_err_occurred() == 0);
    CU_ASSERT(kr_err_set(&kr_exc_IndexError, "list index %s of range", "out") == 0);
    CU_ASSERT(kr_err_occurred() != 0);
    CU_ASSERT(kr_err_matches(&kr_exc_LookupError));
    CU_ASSERT(kr_err_matches(&kr_exc_BaseException));
    CU_ASSERT(!kr_err_matches(&kr_exc_KeyError));
    kr_val e = kr_err_fetch();
    CU_ASSERT(kr_err_occurred() == 0);
    CU_ASSERT(kr_exc_matches(e, KR_VAL(&kr_exc_IndexError)) == 1);
    kr_val tup = kr_tuple_pack(2, KR_VAL(&kr_exc_KeyError), KR_VAL(&kr_exc_Exception));
    CU_ASSERT(kr_exc_matches(e, tup) == 1);
    KR_DECREF(tup);
    CU_ASSERT(kr_exc_matches(e, KR_VAL(&kr_int_type)) == -1);
    kr_val te = kr_err_fetch();
    expect_str(kr_str(te),
               "catching classes that do not inherit from BaseException is not allowed");
    KR_DECREF(te);
    kr_err_restore(e);
    CU_ASSERT(kr_err_occurred() == e);
    kr_err_clear();
    // raise of a class instantiates it; raise of a non-exception is a TypeError.
    CU_ASSERT(kr_err_raise(KR_VAL(&kr_exc_KeyboardInterrupt)) == 0);
    CU_ASSERT(kr_err_matches(&kr_exc_KeyboardInterrupt));
    kr_err_clear();
    CU_ASSERT(kr_err_raise(KR_FROM_SMALL(3)) == 0);
    e = kr_err_fetch();
    expect_str(kr_str(e), "exceptions must derive from BaseException");
    KR_DECREF(e);
    // Long messages are not truncated.
    char long_text[2000];
    memset(long_text, 'a', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    kr_err_set(&kr_exc_ValueError, "%s!", long_text);
    e = kr_err_fetch();
    kr_val s = kr_str(e);
    CU_ASSERT(kr_str_nbytes(s) == 2000);
    KR_DECREF(s);
    KR_DECREF(e);
    kr_err_no_memory();
    CU_ASSERT(kr_err_matches(&kr_exc_MemoryError));
    kr_err_clear();
}

// ---------------------------------------------------------------------------------------------
// The uncaught-exception printer

// def g(): 1/0 / def f(): g() / f()
static int raise_nested(void) {
    kr_err_set(&kr_exc_ZeroDivisionError, "division by zero");
    kr_traceback_add("prog.py", 3, "g");
    kr_traceback_add("prog.py", 5, "f");
    kr_traceback_add("prog.py", 6, "<module>");
    return kr_exc_handle_uncaught();
}

// try: {}['k'] / except KeyError: raise ValueError("bad value")
static int raise_during_handling(void) {
    kr_val k = kr_str_from_cstr("k");
    kr_err_set_value(&kr_exc_KeyError, k);
    KR_DECREF(k);
    kr_traceback_add("prog.py", 4, "f");
    kr_val caught = kr_err_fetch();
    kr_val prev = kr_exc_enter_handler(caught);
    kr_err_set(&kr_exc_ValueError, "bad value");
    kr_traceback_add("prog.py", 6, "f");
    kr_exc_leave_handler(prev);
    KR_DECREF(caught);
    kr_traceback_add("prog.py", 7, "<module>");
    return kr_exc_handle_uncaught();
}

// try: int('x') / except ValueError as e: raise RuntimeError("wrapped") from e
static int raise_from(void) {
    CU_ASSERT(kr_int_from_string("x", 1, 10) == 0);
    kr_traceback_add("prog.py", 4, "f");
    kr_val caught = kr_err_fetch();
    kr_val prev = kr_exc_enter_handler(caught);
    kr_val msg = kr_str_from_cstr("wrapped");
    kr_val exc = kr_exc_new(&kr_exc_RuntimeError, &msg, 1);
    KR_DECREF(msg);
    kr_err_raise_from(exc, kr_newref(caught));
    kr_traceback_add("prog.py", 6, "f");
    kr_exc_leave_handler(prev);
    KR_DECREF(caught);
    kr_traceback_add("prog.py", 7, "<module>");
    return kr_exc_handle_uncaught();
}

// try: raise TypeError / except TypeError: raise OSError(2, '...', 'f.txt') from None
static int raise_from_none(void) {
    kr_err_raise(KR_VAL(&kr_exc_TypeError));
    kr_traceback_add("prog.py", 3, "<module>");
    kr_val caught = kr_err_fetch();
    kr_val prev = kr_exc_enter_handler(caught);
    kr_val args[3] = { KR_FROM_SMALL(2), kr_str_from_cstr("No such file or directory"),
                       kr_str_from_cstr("f.txt") };
    kr_val exc = kr_call(KR_VAL(&kr_exc_OSError), args, 3, 0);
    KR_DECREF(args[1]);
    KR_DECREF(args[2]);
    kr_err_raise_from(exc, KR_NONE);
    kr_traceback_add("prog.py", 5, "<module>");
    kr_exc_leave_handler(prev);
    KR_DECREF(caught);
    return kr_exc_handle_uncaught();
}

static int raise_without_traceback(void) {
    kr_val args[2] = { kr_str_from_cstr("a"), KR_FROM_SMALL(2) };
    kr_val e = kr_exc_new(&kr_exc_KeyError, args, 2);
    KR_DECREF(args[0]);
    kr_err_raise(e);
    return kr_exc_handle_uncaught();
}

// A user class: class Outer: class Err(Exception) in module 'mymod' (or __main__).
static kr_type user_error = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "Err",
    .qualname = "Outer.Err",
    .module = "mymod",
    .base = &kr_exc_Exception,
    .basicsize = sizeof(kr_exc_obj),
    .flags = KR_TF_EXC_SUB | KR_TF_BASETYPE,
};

static int raise_user_error(void) {
    kr_val msg = kr_str_from_cstr("boom");
    kr_val e = kr_call(KR_VAL(&user_error), &msg, 1, 0);
    KR_DECREF(msg);
    kr_err_raise(e);
    kr_traceback_add("mymod.py", 9, "<module>");
    return kr_exc_handle_uncaught();
}

static void expect_output(int (*fn)(void), const char *want, int want_status) {
    int status;
    char *got = capture_stderr(fn, &status);
    if (strcmp(got, want) != 0) {
        printf("\n--- got:\n%s--- want:\n%s", got, want);
    }
    CU_ASSERT_STRING_EQUAL(got, want);
    CU_ASSERT_EQUAL(status, want_status);
    CU_ASSERT(kr_err_occurred() == 0);
    free(got);
}

static void test_printer(void) {
    expect_output(raise_nested,
                  "Traceback (most recent call last):\n"
                  "  File \"prog.py\", line 6, in <module>\n"
                  "  File \"prog.py\", line 5, in f\n"
                  "  File \"prog.py\", line 3, in g\n"
                  "ZeroDivisionError: division by zero\n",
                  1);
    expect_output(raise_during_handling,
                  "Traceback (most recent call last):\n"
                  "  File \"prog.py\", line 4, in f\n"
                  "KeyError: 'k'\n"
                  "\n"
                  "During handling of the above exception, another exception occurred:\n"
                  "\n"
                  "Traceback (most recent call last):\n"
                  "  File \"prog.py\", line 7, in <module>\n"
                  "  File \"prog.py\", line 6, in f\n"
                  "ValueError: bad value\n",
                  1);
    expect_output(raise_from,
                  "Traceback (most recent call last):\n"
                  "  File \"prog.py\", line 4, in f\n"
                  "ValueError: invalid literal for int() with base 10: 'x'\n"
                  "\n"
                  "The above exception was the direct cause of the following exception:\n"
                  "\n"
                  "Traceback (most recent call last):\n"
                  "  File \"prog.py\", line 7, in <module>\n"
                  "  File \"prog.py\", line 6, in f\n"
                  "RuntimeError: wrapped\n",
                  1);
    expect_output(raise_from_none,
                  "Traceback (most recent call last):\n"
                  "  File \"prog.py\", line 5, in <module>\n"
                  "FileNotFoundError: [Errno 2] No such file or directory: 'f.txt'\n",
                  1);
    expect_output(raise_without_traceback, "KeyError: ('a', 2)\n", 1);
    expect_output(raise_user_error,
                  "Traceback (most recent call last):\n"
                  "  File \"mymod.py\", line 9, in <module>\n"
                  "mymod.Outer.Err: boom\n",
                  1);
    user_error.module = "__main__";
    expect_output(raise_user_error,
                  "Traceback (most recent call last):\n"
                  "  File \"mymod.py\", line 9, in <module>\n"
                  "Outer.Err: boom\n",
                  1);
}

// ---------------------------------------------------------------------------------------------
// Exception groups and notes (expectations printed by CPython 3.13)

static kr_val str_of(const char *s) { return kr_str_from_cstr(s); }

static kr_val call_meth(kr_val obj, const char *name, kr_val arg) {
    kr_val m = kr_getattr_cstr(obj, name);
    CU_ASSERT_FATAL(m != 0);
    kr_val r = kr_call(m, &arg, 1, 0);
    KR_DECREF(m);
    return r;
}

static void add_note(kr_val e, const char *note) {
    kr_val n = str_of(note), r = call_meth(e, "add_note", n);
    CU_ASSERT(r == KR_NONE);
    KR_DECREF(n);
}

// A new group of class 'type' from message 'msg' and the 'n' exceptions that follow (stolen).
static kr_val group(const kr_type *type, const char *msg, int n, ...) {
    kr_val l = kr_list_new(0), m = str_of(msg);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        kr_val e = va_arg(ap, kr_val);
        CU_ASSERT(kr_list_append(l, e) == 0);
        KR_DECREF(e);
    }
    va_end(ap);
    kr_val g = kr_exc_new(type, (kr_val[]){ m, l }, 2);
    KR_DECREF(l);
    KR_DECREF(m);
    return g;
}

static kr_val new_exc(const kr_type *t, kr_val arg) {
    kr_val e = kr_exc_new(t, &arg, 1);
    KR_DECREF(arg);
    return e;
}

// repr(v) or "!Type: message"; consumes v.
static void expect_repr(kr_val v, const char *want) {
    char got[512];
    if (!v) {
        kr_val e = kr_err_fetch(), s = kr_str(e);
        snprintf(got, sizeof got, "!%s: %s", kr_type_name(e), kr_str_data(s));
        KR_DECREF(s);
        KR_DECREF(e);
    } else {
        kr_val r = kr_repr(v);
        snprintf(got, sizeof got, "%s", kr_str_data(r));
        KR_DECREF(r);
        KR_DECREF(v);
    }
    if (strcmp(got, want) != 0) {
        printf("\n  got %s, want %s", got, want);
    }
    CU_ASSERT_STRING_EQUAL(got, want);
}

static void test_groups(void) {
    kr_val v = new_exc(&kr_exc_ValueError, KR_FROM_SMALL(1));
    kr_val t = new_exc(&kr_exc_TypeError, KR_FROM_SMALL(2));
    kr_val eg = group(&kr_exc_ExceptionGroup, "eg", 2, kr_newref(v), kr_newref(t));
    expect_repr(kr_newref(eg), "ExceptionGroup('eg', [ValueError(1), TypeError(2)])");
    expect_str(kr_str(eg), "eg (2 sub-exceptions)");
    kr_val one = group(&kr_exc_BaseExceptionGroup, "one", 1, kr_newref(v));
    CU_ASSERT(KR_TYPE(one) == &kr_exc_ExceptionGroup);  // only Exceptions: an ExceptionGroup
    expect_str(kr_str(one), "one (1 sub-exception)");
    CU_ASSERT(kr_exc_matches(one, KR_VAL(&kr_exc_BaseExceptionGroup)) == 1);
    CU_ASSERT(kr_exc_matches(one, KR_VAL(&kr_exc_Exception)) == 1);
    kr_val base = group(&kr_exc_BaseExceptionGroup, "b", 1,
                        kr_exc_new(&kr_exc_KeyboardInterrupt, NULL, 0));
    CU_ASSERT(KR_TYPE(base) == &kr_exc_BaseExceptionGroup);
    CU_ASSERT(kr_exc_matches(base, KR_VAL(&kr_exc_Exception)) == 0);
    expect_repr(group(&kr_exc_ExceptionGroup, "x", 1, kr_exc_new(&kr_exc_KeyboardInterrupt,
                                                                  NULL, 0)),
                "!TypeError: Cannot nest BaseExceptions in an ExceptionGroup");
    kr_val x = str_of("x");
    expect_repr(kr_exc_new(&kr_exc_ExceptionGroup, &x, 1),
                "!TypeError: BaseExceptionGroup.__new__() takes exactly 2 arguments (1 given)");
    expect_repr(kr_exc_new(&kr_exc_ExceptionGroup, (kr_val[]){ KR_FROM_SMALL(1), x }, 2),
                "!TypeError: BaseExceptionGroup.__new__() argument 1 must be str, not int");
    expect_repr(kr_exc_new(&kr_exc_ExceptionGroup, (kr_val[]){ x, KR_FROM_SMALL(5) }, 2),
                "!TypeError: second argument (exceptions) must be a sequence");
    expect_repr(group(&kr_exc_ExceptionGroup, "x", 0),
                "!ValueError: second argument (exceptions) must be a non-empty sequence");
    expect_repr(group(&kr_exc_ExceptionGroup, "x", 2, kr_newref(v), KR_FROM_SMALL(3)),
                "!ValueError: Item 1 of second argument (exceptions) is not an exception");
    KR_DECREF(x);
    // .exceptions, subgroup, split
    expect_repr(kr_getattr_cstr(eg, "exceptions"), "(ValueError(1), TypeError(2))");
    expect_repr(call_meth(eg, "subgroup", KR_VAL(&kr_exc_ValueError)),
                "ExceptionGroup('eg', [ValueError(1)])");
    kr_val sub = call_meth(eg, "subgroup", KR_VAL(&kr_exc_Exception));
    CU_ASSERT(sub == eg);
    KR_DECREF(sub);
    expect_repr(call_meth(eg, "subgroup", KR_VAL(&kr_exc_OSError)), "None");
    expect_repr(call_meth(eg, "split", KR_VAL(&kr_exc_ValueError)),
                "(ExceptionGroup('eg', [ValueError(1)]), ExceptionGroup('eg', [TypeError(2)]))");
    kr_val nested = group(&kr_exc_ExceptionGroup, "outer", 2, kr_newref(v),
                          group(&kr_exc_ExceptionGroup, "inner", 2, kr_newref(t),
                                new_exc(&kr_exc_KeyError, str_of("k"))));
    expect_repr(call_meth(nested, "split", KR_VAL(&kr_exc_TypeError)),
                "(ExceptionGroup('outer', [ExceptionGroup('inner', [TypeError(2)])]), "
                "ExceptionGroup('outer', [ValueError(1), ExceptionGroup('inner', "
                "[KeyError('k')])]))");
    expect_repr(call_meth(nested, "subgroup", KR_FROM_SMALL(1)),
                "!TypeError: expected an exception type, a tuple of exception types, or a "
                "callable (other than a class)");
    // Notes are copied to derived groups.
    add_note(eg, "gnote");
    kr_val sg = call_meth(eg, "subgroup", KR_VAL(&kr_exc_ValueError));
    expect_repr(kr_getattr_cstr(sg, "__notes__"), "['gnote']");
    KR_DECREF(sg);
    expect_repr(call_meth(v, "add_note", KR_FROM_SMALL(3)),
                "!TypeError: note must be a str, not 'int'");
    kr_val same = call_meth(v, "with_traceback", KR_NONE);
    CU_ASSERT(same == v);
    KR_DECREF(same);
    KR_DECREF(nested);
    KR_DECREF(base);
    KR_DECREF(one);
    KR_DECREF(eg);
    KR_DECREF(v);
    KR_DECREF(t);
}

// The boxed traceback of prog.py (see test_group_printer), raised from f() at line 19.
static int raise_group(void) {
    kr_err_set(&kr_exc_ValueError, "1");
    kr_traceback_add("prog.py", 3, "f");
    kr_val v = kr_err_fetch();
    kr_val t = new_exc(&kr_exc_TypeError, KR_FROM_SMALL(2));
    add_note(t, "note on t");
    add_note(t, "two\nlines");
    kr_err_set_value(&kr_exc_KeyError, str_of("k"));
    kr_traceback_add("prog.py", 11, "f");
    kr_val k = kr_err_fetch(), prev = kr_exc_enter_handler(k);
    kr_err_set(&kr_exc_RuntimeError, "r");
    kr_traceback_add("prog.py", 13, "f");
    kr_exc_leave_handler(prev);
    KR_DECREF(k);
    kr_val r = kr_err_fetch();
    kr_val inner = group(&kr_exc_ExceptionGroup, "inner", 2,
                         new_exc(&kr_exc_OSError, str_of("o")), r);
    kr_val eg = group(&kr_exc_ExceptionGroup, "outer", 3, v, t, inner);
    add_note(eg, "group note");
    kr_err_raise(eg);
    kr_traceback_add("prog.py", 19, "f");
    kr_traceback_add("prog.py", 20, "<module>");
    return kr_exc_handle_uncaught();
}

// raise ExceptionGroup('many', [ValueError(i) for i in range(17)])
static int raise_wide_group(void) {
    kr_val l = kr_list_new(0), m = str_of("many");
    for (int i = 0; i < 17; i++) {
        kr_val e = new_exc(&kr_exc_ValueError, KR_FROM_SMALL(i));
        CU_ASSERT(kr_list_append(l, e) == 0);
        KR_DECREF(e);
    }
    kr_err_raise(kr_exc_new(&kr_exc_ExceptionGroup, (kr_val[]){ m, l }, 2));
    KR_DECREF(l);
    KR_DECREF(m);
    kr_traceback_add("prog.py", 1, "<module>");
    return kr_exc_handle_uncaught();
}

static void test_group_printer(void) {
    expect_output(raise_group,
                  "  + Exception Group Traceback (most recent call last):\n"
                  "  |   File \"prog.py\", line 20, in <module>\n"
                  "  |   File \"prog.py\", line 19, in f\n"
                  "  | ExceptionGroup: outer (3 sub-exceptions)\n"
                  "  | group note\n"
                  "  +-+---------------- 1 ----------------\n"
                  "    | Traceback (most recent call last):\n"
                  "    |   File \"prog.py\", line 3, in f\n"
                  "    | ValueError: 1\n"
                  "    +---------------- 2 ----------------\n"
                  "    | TypeError: 2\n"
                  "    | note on t\n"
                  "    | two\n"
                  "    | lines\n"
                  "    +---------------- 3 ----------------\n"
                  "    | ExceptionGroup: inner (2 sub-exceptions)\n"
                  "    +-+---------------- 1 ----------------\n"
                  "      | OSError: o\n"
                  "      +---------------- 2 ----------------\n"
                  "      | Traceback (most recent call last):\n"
                  "      |   File \"prog.py\", line 11, in f\n"
                  "      | KeyError: 'k'\n"
                  "      | \n"
                  "      | During handling of the above exception, another exception occurred:\n"
                  "      | \n"
                  "      | Traceback (most recent call last):\n"
                  "      |   File \"prog.py\", line 13, in f\n"
                  "      | RuntimeError: r\n"
                  "      +------------------------------------\n",
                  1);
    char want[4096] = "  + Exception Group Traceback (most recent call last):\n"
                      "  |   File \"prog.py\", line 1, in <module>\n"
                      "  | ExceptionGroup: many (17 sub-exceptions)\n";
    for (int i = 0; i < 15; i++) {
        snprintf(want + strlen(want), sizeof want - strlen(want),
                 "  %s+---------------- %d ----------------\n    | ValueError: %d\n",
                 i ? "  " : "+-", i + 1, i);
    }
    strcat(want, "    +---------------- ... ----------------\n"
                 "    | and 2 more exceptions\n"
                 "    +------------------------------------\n");
    expect_output(raise_wide_group, want, 1);
}

// ---------------------------------------------------------------------------------------------
// SystemExit

static kr_val exit_code;

static int raise_system_exit(void) {
    if (exit_code) {
        kr_val e = kr_exc_new(&kr_exc_SystemExit, &exit_code, 1);
        kr_err_raise(e);
    } else {
        kr_err_raise(KR_VAL(&kr_exc_SystemExit));
    }
    return kr_exc_handle_uncaught();
}

static void test_system_exit(void) {
    exit_code = 0;
    expect_output(raise_system_exit, "", 0);
    exit_code = KR_NONE;
    expect_output(raise_system_exit, "", 0);
    exit_code = KR_FROM_SMALL(3);
    expect_output(raise_system_exit, "", 3);
    exit_code = KR_TRUE;
    expect_output(raise_system_exit, "", 1);
    exit_code = kr_str_from_cstr("fatal: bad input");
    expect_output(raise_system_exit, "fatal: bad input\n", 1);
    KR_DECREF(exit_code);
    CU_ASSERT(kr_exc_handle_uncaught() == 0);
}

// ---------------------------------------------------------------------------------------------
// Recursion guard

static int depth_reached;

static int recurse(void) {
    if (kr_enter_call() < 0) {
        return -1;
    }
    depth_reached++;
    int r = recurse();
    kr_leave_call();
    return r;
}

static void test_recursion(void) {
    depth_reached = 0;
    CU_ASSERT(recurse() == -1);
    CU_ASSERT_EQUAL(depth_reached, kr_recursion_limit);
    CU_ASSERT_EQUAL(kr_ts.depth, 0);
    kr_val e = kr_err_fetch();
    CU_ASSERT(kr_isinstance_type(e, &kr_exc_RecursionError));
    expect_str(kr_str(e), "maximum recursion depth exceeded");
    KR_DECREF(e);
    // A deep limit trips the C stack guard instead of crashing.
    int saved = kr_recursion_limit;
    kr_recursion_limit = 100000000;
    depth_reached = 0;
    CU_ASSERT(recurse() == -1);
    CU_ASSERT(depth_reached > 1000);
    CU_ASSERT(kr_err_matches(&kr_exc_RecursionError));
    kr_err_clear();
    kr_recursion_limit = saved;
}

int main(void) {
    kr_runtime_init(0, NULL);
    CU_initialize_registry();
    CU_pSuite s = CU_add_suite("rt_exc", NULL, NULL);
    CU_add_test(s, "hierarchy", test_hierarchy);
    CU_add_test(s, "str and repr", test_str_repr);
    CU_add_test(s, "attributes", test_attributes);
    CU_add_test(s, "pending exception protocol", test_protocol);
    CU_add_test(s, "uncaught exception printer", test_printer);
    CU_add_test(s, "exception groups and notes", test_groups);
    CU_add_test(s, "exception group printer", test_group_printer);
    CU_add_test(s, "SystemExit", test_system_exit);
    CU_add_test(s, "recursion guard", test_recursion);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed != 0;
}
