// test_rt_module.c: CUnit suite "rt_module" for runtime/module.c and runtime/sysmodule.c:
// module objects (repr, attribute get/set/delete and their errors), the built-in module
// registry (caching, ModuleNotFoundError, run-time registration) and the sys module. Expected
// strings are what CPython 3.13 prints for the same operations.
#include "krait.h"
#include "kr_io.h"

#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// repr(v) of a result, or "!Type: message" for the pending exception; releases 'v'.
static char *show(kr_val v) {
    char *out;
    kr_val r = v ? kr_repr(v) : 0;
    if (r) {
        out = strdup(kr_str_data(r));
    } else {
        kr_val exc = kr_err_fetch();
        kr_val msg = exc ? kr_str(exc) : 0;
        size_t n = 64 + (msg ? (size_t)kr_str_nbytes(msg) : 0);
        out = malloc(n);
        snprintf(out, n, "!%s: %s", exc ? kr_type_name(exc) : "?", msg ? kr_str_data(msg) : "");
        KR_XDECREF(msg);
        KR_XDECREF(exc);
    }
    KR_XDECREF(r);
    KR_XDECREF(v);
    return out;
}

static void check(kr_val v, const char *want) {
    char *got = show(v);
    if (strcmp(got, want) != 0) {
        printf("\n    got  %s\n    want %s", got, want);
    }
    CU_ASSERT_STRING_EQUAL(got, want);
    free(got);
}

static kr_val attr(kr_val obj, const char *name) { return kr_getattr_cstr(obj, name); }

// Calls obj.name(*args).
static kr_val call_method(kr_val obj, const char *name, size_t nargs, const kr_val *args) {
    kr_val f = attr(obj, name);
    kr_val r = f ? kr_call(f, args, nargs, 0) : 0;
    KR_XDECREF(f);
    return r;
}

static void test_module_object(void) {
    kr_val m = kr_module_new("mymod");
    CU_ASSERT_FATAL(m != 0);
    check(kr_newref(m), "<module 'mymod' (built-in)>");
    check(attr(m, "__name__"), "'mymod'");
    check(attr(m, "x"), "!AttributeError: module 'mymod' has no attribute 'x'");
    CU_ASSERT(kr_module_add_int(m, "x", 5) == 0);
    check(attr(m, "x"), "5");
    kr_val name = kr_str_from_cstr("x");
    CU_ASSERT(kr_setattr(m, name, KR_NONE) == 0);
    check(attr(m, "x"), "None");
    CU_ASSERT(kr_setattr(m, name, 0) == 0);
    check(attr(m, "x"), "!AttributeError: module 'mymod' has no attribute 'x'");
    CU_ASSERT(kr_setattr(m, name, 0) == -1);
    check(0, "!AttributeError: 'module' object has no attribute 'x'");
    KR_DECREF(name);
    CU_ASSERT(kr_module_add_str(m, "__file__", "/tmp/mymod.py") == 0);
    check(kr_newref(m), "<module 'mymod' from '/tmp/mymod.py'>");
    check(attr(m, "__dict__"), "{'__name__': 'mymod', '__file__': '/tmp/mymod.py'}");
    check(kr_newref(KR_VAL(KR_TYPE(m))), "<class 'module'>");
    KR_DECREF(m);
}

static void test_registry(void) {
    kr_val a = kr_import_builtin("math");
    kr_val b = kr_import_builtin("math");
    CU_ASSERT(a != 0 && a == b);
    check(a, "<module 'math' (built-in)>");
    KR_DECREF(b);
    check(kr_import_builtin("nosuchmod"), "!ModuleNotFoundError: No module named 'nosuchmod'");
    kr_val it = kr_import_builtin("itertools");
    CU_ASSERT(kr_module_check(it));
    check(it, "<module 'itertools' (built-in)>");
    // Types of built-in modules print with their module, as CPython's do.
    check(attr(it, "count"), "<class 'itertools.count'>");
    // csv, os and os.path live in their own files and are registered in the table too.
    const char *names[] = {"csv", "os", "os.path"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        kr_val m = kr_import_builtin(names[i]);
        kr_val again = kr_import_builtin(names[i]);
        CU_ASSERT_FATAL(m != 0 && again != 0);
        CU_ASSERT(kr_module_check(m) && m == again);
        KR_DECREF(m);
        KR_DECREF(again);
    }
}

// Modules of a program (kr_modules.h): two fake compiled modules, "pkg" (a package) and
// "pkg.mod", whose bodies record that they ran.
static kr_val pkg_x, mod_n, mod_f;
static int pkg_runs, mod_runs;
static bool mod_fails;

static kr_val pkg_exec(void) {
    pkg_runs++;
    kr_val x = kr_str_from_cstr("package x");
    if (!x) {
        return 0;
    }
    KR_SETREF(pkg_x, x);
    return kr_none();
}

static kr_val mod_exec(void) {
    mod_runs++;
    if (mod_fails) {
        return kr_err_set(&kr_exc_ValueError, "body failed");
    }
    KR_SETREF(mod_n, kr_int_from_i64(7));
    // while the body runs the module is registered and partially initialised
    kr_val self = kr_import("pkg.mod");
    check(kr_import_from(self, "f"), "!ImportError: cannot import name 'f' from partially "
                                     "initialized module 'pkg.mod' (most likely due to a "
                                     "circular import) (/src/pkg/mod.py)");
    check(attr(self, "f"), "!AttributeError: partially initialized module 'pkg.mod' has no "
                           "attribute 'f' (most likely due to a circular import)");
    KR_DECREF(self);
    return kr_none();
}

static bool mod_check(int i, kr_val v) { return i != 0 || kr_int_check(v); }

static const kr_module_slot pkg_slots[] = {{"x", &pkg_x}};
static const kr_module_slot mod_slots[] = {{"n", &mod_n}, {"f", &mod_f}};
static const kr_module_def pkg_def = {"pkg", "/src/pkg/__init__.py", true, pkg_exec, pkg_slots,
                                      1, NULL};
static const kr_module_def mod_def = {"pkg.mod", "/src/pkg/mod.py", false, mod_exec, mod_slots,
                                      2, mod_check};

static void test_program_modules(void) {
    static const kr_module_def *const defs[] = {&pkg_def, &mod_def};
    kr_program_modules(defs, 2);
    mod_fails = true;
    check(kr_import("pkg.mod"), "!ValueError: body failed");
    CU_ASSERT(pkg_runs == 1 && mod_runs == 1);
    mod_fails = false;
    kr_val m = kr_import("pkg.mod");  // a failed import is forgotten: the body runs again
    CU_ASSERT_FATAL(m != 0);
    CU_ASSERT(pkg_runs == 1 && mod_runs == 2);
    check(kr_import("pkg.mod"), "<module 'pkg.mod' from '/src/pkg/mod.py'>");
    CU_ASSERT(mod_runs == 2);
    kr_val pkg = kr_import("pkg");
    check(attr(pkg, "x"), "'package x'");
    check(attr(pkg, "mod"), "<module 'pkg.mod' from '/src/pkg/mod.py'>");
    check(attr(pkg, "__package__"), "'pkg'");
    check(attr(m, "__package__"), "'pkg'");
    check(kr_import_from(pkg, "mod"), "<module 'pkg.mod' from '/src/pkg/mod.py'>");
    check(kr_import_from(pkg, "nope"),
          "!ImportError: cannot import name 'nope' from 'pkg' (/src/pkg/__init__.py)");
    check(kr_import("pkg.nope"), "!ModuleNotFoundError: No module named 'pkg.nope'");
    check(kr_import("pkg.mod.deeper"),
          "!ModuleNotFoundError: No module named 'pkg.mod.deeper'; 'pkg.mod' is not a package");
    check(kr_import("nosuch.sub"), "!ModuleNotFoundError: No module named 'nosuch'");
    // globals through the slots: reads see the module's rebinding, writes rebind it
    check(attr(m, "n"), "7");
    KR_SETREF(mod_n, kr_int_from_i64(8));
    check(attr(m, "n"), "8");
    check(attr(m, "f"), "!AttributeError: module 'pkg.mod' has no attribute 'f'");
    kr_val key = kr_str_from_cstr("n");
    kr_val s = kr_str_from_cstr("text");
    CU_ASSERT(kr_setattr(m, key, s) == -1);  // a slot inference typed as int
    check(0, "!TypeError: krait: module 'pkg.mod' keeps 'n' as int; cannot set it to a 'str' "
             "from outside the module");
    CU_ASSERT(kr_setattr(m, key, KR_FROM_SMALL(9)) == 0);
    CU_ASSERT(mod_n == KR_FROM_SMALL(9));
    CU_ASSERT(kr_setattr(m, key, 0) == 0);  // del m.n
    CU_ASSERT(mod_n == 0);
    check(attr(m, "n"), "!AttributeError: module 'pkg.mod' has no attribute 'n'");
    check(attr(m, "__dict__"), "{'__name__': 'pkg.mod', '__file__': '/src/pkg/mod.py', "
                               "'__package__': 'pkg'}");
    CU_ASSERT(kr_module_unbound(m, "f") == -1);
    check(0, "!AttributeError: module 'pkg.mod' has no attribute 'f'");
    KR_DECREF(key);
    KR_DECREF(s);
    KR_DECREF(pkg);
    KR_DECREF(m);
    KR_CLEAR(pkg_x);
}

// import gc: values and messages from CPython 3.13.
static void test_gc_module(void) {
    kr_val gc = kr_import_builtin("gc");
    CU_ASSERT_FATAL(gc != 0);
    check(kr_newref(gc), "<module 'gc' (built-in)>");
    check(call_method(gc, "isenabled", 0, NULL), "True");
    check(call_method(gc, "disable", 0, NULL), "None");
    check(call_method(gc, "isenabled", 0, NULL), "False");
    kr_val n = call_method(gc, "collect", 0, NULL);  // collects even while disabled
    CU_ASSERT(n && KR_IS_SMALL(n) && KR_SMALL_VALUE(n) >= 0);
    KR_XDECREF(n);
    check(call_method(gc, "enable", 0, NULL), "None");
    check(call_method(gc, "isenabled", 0, NULL), "True");
    kr_val three = KR_FROM_SMALL(3), one_two[2] = {KR_FROM_SMALL(1), KR_FROM_SMALL(2)};
    check(call_method(gc, "collect", 1, &three), "!ValueError: invalid generation");
    check(call_method(gc, "collect", 2, one_two),
          "!TypeError: collect() takes at most 1 argument (2 given)");
    check(call_method(gc, "enable", 1, one_two),
          "!TypeError: gc.enable() takes no arguments (1 given)");
    KR_DECREF(gc);
}

static int fail_count;

static kr_val failing_init(void) {
    fail_count++;
    return kr_err_set(&kr_exc_ValueError, "init failed");
}

static kr_val custom_init(void) {
    kr_val m = kr_module_new("custom");
    if (m && kr_module_add_int(m, "answer", 42) < 0) {
        KR_CLEAR(m);
    }
    return m;
}

static void test_register(void) {
    CU_ASSERT(kr_module_register("broken", failing_init) == 0);
    check(kr_import_builtin("broken"), "!ValueError: init failed");
    check(kr_import_builtin("broken"), "!ValueError: init failed");
    CU_ASSERT(fail_count == 2);
    CU_ASSERT(kr_module_register("custom", custom_init) == 0);
    kr_val m = kr_import_builtin("custom");
    check(attr(m, "answer"), "42");
    KR_DECREF(m);
}

static void test_sys_values(void) {
    kr_val sys = kr_import_builtin("sys");
    check(kr_newref(sys), "<module 'sys' (built-in)>");
    check(attr(sys, "maxsize"), "9223372036854775807");
    check(attr(sys, "version_info"),
          "sys.version_info(major=3, minor=13, micro=0, releaselevel='final', serial=0)");
    kr_val vi = attr(sys, "version_info");
    kr_val final = kr_str_from_cstr("final");
    kr_val t = kr_tuple_pack(5, KR_FROM_SMALL(3), KR_FROM_SMALL(13), KR_FROM_SMALL(0), final,
                             KR_FROM_SMALL(0));
    KR_DECREF(final);
    CU_ASSERT(kr_eq(vi, t) == 1);
    check(kr_getitem(vi, KR_FROM_SMALL(1)), "13");
    check(attr(vi, "minor"), "13");
    check(attr(vi, "releaselevel"), "'final'");
    kr_val t2 = kr_tuple_pack(2, KR_FROM_SMALL(3), KR_FROM_SMALL(12));
    check(kr_richcompare(vi, t2, KR_GE), "True");
    KR_DECREF(t2);
    KR_DECREF(t);
    KR_DECREF(vi);
    check(attr(sys, "platform"), "'linux'");
    check(attr(sys, "byteorder"), "'little'");
    check(attr(sys, "hexversion"), "51183856");
    check(attr(sys, "float_info"),
          "sys.float_info(max=1.7976931348623157e+308, max_exp=1024, max_10_exp=308, "
          "min=2.2250738585072014e-308, min_exp=-1021, min_10_exp=-307, dig=15, mant_dig=53, "
          "epsilon=2.220446049250313e-16, radix=2, rounds=1)");
    kr_val fi = attr(sys, "float_info");
    check(attr(fi, "epsilon"), "2.220446049250313e-16");
    check(attr(fi, "nope"), "!AttributeError: 'float_info' object has no attribute 'nope'");
    KR_DECREF(fi);
    check(attr(sys, "argv"), "['prog', 'a b', '\xc3\xa9']");
    kr_val v = attr(sys, "version");
    CU_ASSERT(strncmp(kr_str_data(v), "3.13.0 ", 7) == 0);
    KR_DECREF(v);
    check(call_method(sys, "getdefaultencoding", 0, NULL), "'utf-8'");
    KR_DECREF(sys);
}

static void test_sys_functions(void) {
    kr_val sys = kr_import_builtin("sys");
    check(call_method(sys, "getrecursionlimit", 0, NULL), "1000");
    kr_val n = KR_FROM_SMALL(50);
    check(call_method(sys, "setrecursionlimit", 1, &n), "None");
    CU_ASSERT(kr_recursion_limit == 50);
    check(call_method(sys, "getrecursionlimit", 0, NULL), "50");
    n = KR_FROM_SMALL(0);
    check(call_method(sys, "setrecursionlimit", 1, &n),
          "!ValueError: recursion limit must be greater or equal than 1");
    kr_val f = kr_float_new(1.5);
    check(call_method(sys, "setrecursionlimit", 1, &f),
          "!TypeError: 'float' object cannot be interpreted as an integer");
    n = KR_FROM_SMALL(1000);
    check(call_method(sys, "setrecursionlimit", 1, &n), "None");
    check(call_method(sys, "get_int_max_str_digits", 0, NULL), "4300");
    n = KR_FROM_SMALL(100);
    check(call_method(sys, "set_int_max_str_digits", 1, &n),
          "!ValueError: maxdigits must be >= 640 or 0 for unlimited");
    n = KR_FROM_SMALL(0);
    check(call_method(sys, "set_int_max_str_digits", 1, &n), "None");
    check(call_method(sys, "get_int_max_str_digits", 0, NULL), "0");
    n = KR_FROM_SMALL(4300);
    check(call_method(sys, "set_int_max_str_digits", 1, &n), "None");
    kr_val s = kr_str_from_cstr("abc");
    check(call_method(sys, "intern", 1, &s), "'abc'");
    KR_DECREF(s);
    check(call_method(sys, "intern", 1, &f),
          "!TypeError: intern() argument must be str, not float");
    KR_DECREF(f);
    check(call_method(sys, "exception", 0, NULL), "None");
    KR_DECREF(sys);
}

static void test_sys_exit(void) {
    kr_val sys = kr_import_builtin("sys");
    CU_ASSERT(call_method(sys, "exit", 0, NULL) == 0);
    kr_val exc = kr_err_fetch();
    CU_ASSERT(kr_isinstance_type(exc, &kr_exc_SystemExit));
    check(kr_getattr_cstr(exc, "code"), "None");
    KR_DECREF(exc);
    kr_val code = KR_FROM_SMALL(3);
    CU_ASSERT(call_method(sys, "exit", 1, &code) == 0);
    CU_ASSERT(kr_exc_handle_uncaught() == 3);
    kr_val args[2] = { KR_FROM_SMALL(1), KR_FROM_SMALL(2) };
    check(call_method(sys, "exit", 2, args), "!TypeError: exit expected at most 1 argument, got 2");
    KR_DECREF(sys);
}

static void test_sys_streams(void) {
    kr_val sys = kr_import_builtin("sys");
    kr_val out = attr(sys, "stdout");
    CU_ASSERT(out != 0 && out == kr_sys_stdout());
    kr_val err = attr(sys, "stderr");
    CU_ASSERT(err != 0 && err == kr_sys_stderr());
    kr_val name = kr_str_from_cstr("stdout");
    CU_ASSERT(kr_setattr(sys, name, err) == 0);
    CU_ASSERT(kr_sys_stdout() == err);
    CU_ASSERT(kr_setattr(sys, name, out) == 0);
    CU_ASSERT(kr_sys_stdout() == out);
    CU_ASSERT(kr_setattr(sys, name, 0) == -1);
    check(0, "!AttributeError: cannot delete sys.stdout");
    KR_DECREF(name);
    KR_DECREF(out);
    KR_DECREF(err);
    KR_DECREF(sys);
}

int main(void) {
    static char *argv[] = { "prog", "a b", "\xc3\xa9", NULL };
    kr_runtime_init(3, argv);
    kr_sys_set_argv(3, argv);
    CU_initialize_registry();
    CU_pSuite s = CU_add_suite("rt_module", NULL, NULL);
    CU_add_test(s, "module object", test_module_object);
    CU_add_test(s, "registry", test_registry);
    CU_add_test(s, "register", test_register);
    CU_add_test(s, "program modules", test_program_modules);
    CU_add_test(s, "gc", test_gc_module);
    CU_add_test(s, "sys values", test_sys_values);
    CU_add_test(s, "sys functions", test_sys_functions);
    CU_add_test(s, "sys.exit", test_sys_exit);
    CU_add_test(s, "sys streams", test_sys_streams);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed != 0;
}
