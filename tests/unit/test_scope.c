// test_scope.c: CUnit suite "scope" — symbol classification (scope kinds, symbol flags and
// resolved scopes, free/cell variables through nested functions, class scopes, comprehensions,
// PEP 695 scopes, global/nonlocal, private name mangling) and the errors scope_build reports.
// Expected values are what CPython 3.13's _symtable module reports for the same source.
#include "frontend.h"

#include <CUnit/Basic.h>
#include <string.h>

typedef struct Fixture {
    Arena arena;
    Interner *in;
    Diag diag;
    Scope *top;
} Fixture;

// Parses 'src' and builds its symbol tables; diagnostics go to a scratch file.
static Scope *build(Fixture *f, const char *src) {
    arena_init(&f->arena);
    f->in = intern_new(&f->arena);
    diag_init(&f->diag, "t.py", tmpfile());
    Source s;
    if (!source_decode(&f->arena, &f->diag, src, strlen(src), &s)) {
        return NULL;
    }
    diag_set_source(&f->diag, s.text, s.len);
    AstNode *mod = parse_module(&f->arena, f->in, &f->diag, &s);
    f->top = mod ? scope_build(&f->arena, f->in, &f->diag, mod) : NULL;
    return f->top;
}

static void done(Fixture *f) {
    if (f->diag.out) {
        fclose(f->diag.out);
    }
    arena_free(&f->arena);
}

static Symbol *sym(Fixture *f, const Scope *s, const char *name) {
    return scope_lookup(s, intern_cstr(f->in, name));
}

// The symbol's flag word as CPython stores it: flags | scope << 12.
static unsigned word(Fixture *f, const Scope *s, const char *name) {
    Symbol *y = sym(f, s, name);
    return y ? y->flags | ((unsigned)y->scope << SYM_SCOPE_SHIFT) : 0;
}

static Scope *child(const Scope *s, int i) {
    return i < s->nchildren ? s->children[i] : NULL;
}

// The text of the first diagnostic.
static const char *first_error(Fixture *f, char *buf, size_t size) {
    buf[0] = '\0';
    rewind(f->diag.out);
    if (!fgets(buf, (int)size, f->diag.out)) {
        buf[0] = '\0';
    }
    buf[strcspn(buf, "\n")] = '\0';
    return buf;
}

static void test_function_locals_and_globals(void) {
    Fixture f;
    Scope *top = build(&f, "import os.path\ndef g(a, *args, b=1, **kw):\n    c = a + x\n    return c\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(top);
    CU_ASSERT_EQUAL(top->kind, SCOPE_MODULE);
    CU_ASSERT_EQUAL(word(&f, top, "os"), 0x1080);
    CU_ASSERT_EQUAL(word(&f, top, "g"), 0x1002);
    Scope *g = child(top, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->kind, SCOPE_FUNCTION);
    CU_ASSERT_STRING_EQUAL(g->name, "g");
    CU_ASSERT_EQUAL(word(&f, g, "a"), 0x1014);
    CU_ASSERT_EQUAL(word(&f, g, "c"), 0x1012);
    CU_ASSERT_EQUAL(word(&f, g, "x"), 0x3010);
    CU_ASSERT_EQUAL(g->nvarnames, 4);
    CU_ASSERT_STRING_EQUAL(g->varnames[2], "args");
    CU_ASSERT_TRUE(g->varargs && g->varkeywords);
    CU_ASSERT_EQUAL(scope_access(g, intern_cstr(f.in, "c")), ACCESS_FAST);
    CU_ASSERT_EQUAL(scope_access(g, intern_cstr(f.in, "x")), ACCESS_GLOBAL);
    CU_ASSERT_EQUAL(scope_access(top, intern_cstr(f.in, "g")), ACCESS_NAME);
    done(&f);
}

static void test_free_and_cell(void) {
    Fixture f;
    Scope *top = build(&f, "def outer():\n    v = 1\n    def mid():\n        def inner():\n"
                           "            return v\n        return inner\n    return mid\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(top);
    Scope *outer = child(top, 0), *mid = child(outer, 0), *inner = child(mid, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(inner);
    CU_ASSERT_EQUAL(word(&f, outer, "v"), 0x5002);  // CELL
    CU_ASSERT_EQUAL(word(&f, mid, "v"), 0x4000);    // FREE, passing through
    CU_ASSERT_EQUAL(word(&f, inner, "v"), 0x4010);  // FREE, used
    CU_ASSERT_TRUE(inner->nested);
    CU_ASSERT_FALSE(outer->nested);
    CU_ASSERT_EQUAL(scope_access(outer, intern_cstr(f.in, "v")), ACCESS_DEREF);
    done(&f);
}

static void test_class_scope(void) {
    Fixture f;
    Scope *top = build(&f, "def f():\n    x = 1\n    class C:\n        x = 2\n"
                           "        def m(self):\n            return x, super()\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(top);
    Scope *fn = child(top, 0), *c = child(fn, 0), *m = child(c, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT_EQUAL(c->kind, SCOPE_CLASS);
    CU_ASSERT_EQUAL(word(&f, fn, "x"), 0x5002);  // the method's x skips the class
    CU_ASSERT_EQUAL(word(&f, c, "x"), 0x1042);   // LOCAL | DEF_FREE_CLASS
    CU_ASSERT_EQUAL(word(&f, m, "x"), 0x4010);
    CU_ASSERT_EQUAL(word(&f, m, "__class__"), 0x4010);
    CU_ASSERT_TRUE(c->needs_class_closure);
    CU_ASSERT_EQUAL(scope_access(c, intern_cstr(f.in, "x")), ACCESS_NAME);
    done(&f);
}

static void test_comprehensions(void) {
    Fixture f;
    Scope *top = build(&f, "def f(ys):\n    a = [y * 2 for y in ys]\n    g = (z for z in ys)\n"
                           "    return a, g\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(top);
    Scope *fn = child(top, 0);
    CU_ASSERT_EQUAL_FATAL(fn->nchildren, 2);
    Scope *lc = child(fn, 0), *ge = child(fn, 1);
    CU_ASSERT_EQUAL(lc->comp, COMP_LIST);
    CU_ASSERT_TRUE(lc->comp_inlined);  // PEP 709
    CU_ASSERT_STRING_EQUAL(lc->name, "listcomp");
    CU_ASSERT_EQUAL(word(&f, fn, "y"), 0x1212);  // merged: LOCAL, DEF_COMP_ITER
    CU_ASSERT_EQUAL(ge->comp, COMP_GENEXP);
    CU_ASSERT_FALSE(ge->comp_inlined);
    CU_ASSERT_TRUE(ge->generator);
    CU_ASSERT_EQUAL(word(&f, ge, ".0"), 0x1004);
    CU_ASSERT_EQUAL(word(&f, ge, "z"), 0x1212);
    CU_ASSERT_PTR_NULL(sym(&f, fn, "z"));
    done(&f);
}

static void test_pep695_scopes(void) {
    Fixture f;
    Scope *top = build(&f, "class C[T: int](Base):\n    pass\ntype A[K] = list[K]\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(top);
    Scope *tp = child(top, 0);
    CU_ASSERT_EQUAL(tp->kind, SCOPE_TYPE_PARAMS);
    CU_ASSERT_STRING_EQUAL(tp->name, "C");
    CU_ASSERT_EQUAL(word(&f, tp, "T"), 0x1402);  // LOCAL, DEF_TYPE_PARAM | DEF_LOCAL
    CU_ASSERT_EQUAL(word(&f, tp, ".type_params"), 0x5012);
    Scope *bound = child(tp, 0), *cls = child(tp, 1);
    CU_ASSERT_EQUAL(bound->kind, SCOPE_TYPE_VAR);
    CU_ASSERT_EQUAL(word(&f, bound, "int"), 0x3010);
    CU_ASSERT_EQUAL(cls->kind, SCOPE_CLASS);
    CU_ASSERT_EQUAL(word(&f, cls, "__type_params__"), 0x1002);
    CU_ASSERT_PTR_EQUAL(scope_of(top, cls->node, true), tp);
    Scope *atp = child(top, 1), *alias = child(atp, 0);
    CU_ASSERT_EQUAL(atp->kind, SCOPE_TYPE_PARAMS);
    CU_ASSERT_EQUAL(alias->kind, SCOPE_TYPE_ALIAS);
    CU_ASSERT_EQUAL(word(&f, alias, "K"), 0x4010);
    CU_ASSERT_EQUAL(word(&f, atp, "K"), 0x5402);  // CELL: the alias value closes over it
    CU_ASSERT_EQUAL(word(&f, top, "A"), 0x1002);
    done(&f);
}

static void test_global_nonlocal(void) {
    Fixture f;
    Scope *top = build(&f, "def f():\n    global g\n    n = 0\n    def h():\n        nonlocal n\n"
                           "        n += 1\n        g = n\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(top);
    Scope *fn = child(top, 0), *h = child(fn, 0);
    CU_ASSERT_EQUAL(word(&f, top, "g"), 0x2001);  // the module sees the declaration
    CU_ASSERT_EQUAL(word(&f, fn, "g"), 0x2001);
    CU_ASSERT_EQUAL(word(&f, fn, "n"), 0x5002);
    CU_ASSERT_EQUAL(word(&f, h, "n"), 0x401a);  // FREE, DEF_NONLOCAL | USE | DEF_LOCAL
    CU_ASSERT_EQUAL(word(&f, h, "g"), 0x1002);  // h's own local g: the global is f's
    done(&f);
}

static void test_mangling(void) {
    Fixture f;
    Scope *top = build(&f, "class _Priv:\n    __a = 1\n    __b__ = 2\n    def m(self, __p):\n"
                           "        return self.__a, __p\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(top);
    Scope *c = child(top, 0), *m = child(c, 0);
    CU_ASSERT_PTR_NOT_NULL(sym(&f, c, "_Priv__a"));
    CU_ASSERT_PTR_NULL(sym(&f, c, "__a"));
    CU_ASSERT_PTR_NOT_NULL(sym(&f, c, "__b__"));
    CU_ASSERT_EQUAL(word(&f, m, "_Priv__p"), 0x1014);
    CU_ASSERT_STRING_EQUAL(scope_mangle(m, f.in, intern_cstr(f.in, "__q")), "_Priv__q");
    done(&f);
}

static void test_lambda_and_walrus(void) {
    Fixture f;
    Scope *top = build(&f, "def f(xs):\n    k = lambda v: v + 1\n    if any((w := x) for x in xs):\n"
                           "        return w\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(top);
    Scope *fn = child(top, 0), *lam = child(fn, 0), *ge = child(fn, 1);
    CU_ASSERT_STRING_EQUAL(lam->name, "lambda");
    CU_ASSERT_EQUAL(word(&f, lam, "v"), 0x1014);
    CU_ASSERT_EQUAL(word(&f, fn, "w"), 0x5012);  // bound by the walrus in the genexpr: a cell
    CU_ASSERT_EQUAL(word(&f, ge, "w"), 0x400a);  // FREE, DEF_NONLOCAL | DEF_LOCAL
    done(&f);
}

static void test_errors(void) {
    static const struct {
        const char *src, *first;
    } cases[] = {
        {"nonlocal x\n", "t.py:1:1: error: nonlocal declaration not allowed at module level"},
        {"def f(a, a): pass\n", "t.py:1:10: error: duplicate argument 'a' in function definition"},
        {"def f():\n    x = 1\n    global x\n",
         "t.py:3:5: error: name 'x' is assigned to before global declaration"},
        {"for x in y:\n    pass\nbreak\n", "t.py:3:1: error: 'break' outside loop"},
        {"return 1\nyield 2\n", "t.py:1:1: error: 'return' outside function"},
        {"yield 2\ndef f(b, b): pass\n",
         "t.py:2:10: error: duplicate argument 'b' in function definition"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Fixture f;
        char buf[256];
        CU_ASSERT_PTR_NULL(build(&f, cases[i].src));
        CU_ASSERT_STRING_EQUAL(first_error(&f, buf, sizeof buf), cases[i].first);
        done(&f);
    }
}

int main(void) {
    if (CU_initialize_registry() != CUE_SUCCESS) {
        return 1;
    }
    CU_pSuite s = CU_add_suite("scope", NULL, NULL);
    CU_add_test(s, "function locals and globals", test_function_locals_and_globals);
    CU_add_test(s, "free and cell", test_free_and_cell);
    CU_add_test(s, "class scope", test_class_scope);
    CU_add_test(s, "comprehensions", test_comprehensions);
    CU_add_test(s, "PEP 695 scopes", test_pep695_scopes);
    CU_add_test(s, "global and nonlocal", test_global_nonlocal);
    CU_add_test(s, "mangling", test_mangling);
    CU_add_test(s, "lambda and walrus", test_lambda_and_walrus);
    CU_add_test(s, "errors", test_errors);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
