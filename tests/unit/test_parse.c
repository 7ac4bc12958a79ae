// test_parse.c: CUnit suite "parse". Checks the parser through frontend.h: the positions of every
// node of representative programs, a table of invalid programs with the line and message of the
// SyntaxError CPython 3.13 raises, and that deep nesting is reported instead of overflowing the
// stack. Every expected position, line and message below was printed by CPython 3.13
// (ast.parse with include_attributes, and SyntaxError.lineno / .msg).
#include "frontend.h"

#include <CUnit/Basic.h>
#include <stdlib.h>
#include <string.h>

// Parses 'text'; the module, or NULL with the diagnostic text in '*diag_out' (arena memory).
static AstNode *parse_text(Arena *a, const char *text, const char **diag_out) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    Diag d;
    diag_init(&d, "t.py", f);
    d.color = false;
    Source src = {"t.py", text, strlen(text)};
    diag_set_source(&d, src.text, src.len);
    AstNode *m = parse_module(a, intern_new(a), &d, &src);
    fclose(f);
    *diag_out = arena_strndup(a, buf, len);
    free(buf);
    return m;
}

// Appends "Kind line:col-end_line:end_col" for every located node, in _fields pre-order.
static void walk_positions(const AstNode *n, StrBuf *b) {
    if (!n) {
        return;
    }
    if (ast_has_location(n->kind)) {
        strbuf_printf(b, "%s%s %d:%d-%d:%d", b->len ? " " : "", ast_kind_name(n->kind),
                      n->span.line, n->span.col, n->span.end_line, n->span.end_col);
    }
    int count;
    const AstField *fields = ast_fields(n->kind, &count);
    for (int i = 0; i < count; i++) {
        const char *field = (const char *)n + fields[i].offset;
        if (fields[i].kind == FK_NODE || fields[i].kind == FK_NODE_OPT) {
            walk_positions(*(AstNode *const *)field, b);
        } else if (fields[i].kind == FK_LIST) {
            const AstList *l = (const AstList *)field;
            for (int j = 0; j < l->count; j++) {
                walk_positions(l->items[j], b);
            }
        }
    }
}

static const struct {
    const char *src;
    const char *positions;
} position_cases[] = {
    {"x = 1\n",
     "Assign 1:0-1:5 Name 1:0-1:1 Constant 1:4-1:5"},
    {"a, b = c, d\n",
     "Assign 1:0-1:11 Tuple 1:0-1:4 Name 1:0-1:1 Name 1:3-1:4 Tuple 1:7-1:11 Name 1:7-1:8 Name 1:10-1:11"},
    {"x: int = 5\n",
     "AnnAssign 1:0-1:10 Name 1:0-1:1 Name 1:3-1:6 Constant 1:9-1:10"},
    {"x += f(a, *b, k=1, **c)\n",
     "AugAssign 1:0-1:23 Name 1:0-1:1 Call 1:5-1:23 Name 1:5-1:6 Name 1:7-1:8 Starred 1:10-1:12 Name 1:11-1:12 keyword 1:14-1:17 Constant 1:16-1:17 keyword 1:19-1:22 Name 1:21-1:22"},
    {"y = a.b[c:d:e, ::2]\n",
     "Assign 1:0-1:19 Name 1:0-1:1 Subscript 1:4-1:19 Attribute 1:4-1:7 Name 1:4-1:5 Tuple 1:8-1:18 Slice 1:8-1:13 Name 1:8-1:9 Name 1:10-1:11 Name 1:12-1:13 Slice 1:15-1:18 Constant 1:17-1:18"},
    {"z = -x ** 2 + (y)\n",
     "Assign 1:0-1:17 Name 1:0-1:1 BinOp 1:4-1:17 UnaryOp 1:4-1:11 BinOp 1:5-1:11 Name 1:5-1:6 Constant 1:10-1:11 Name 1:15-1:16"},
    {"w = a if b else c\n",
     "Assign 1:0-1:17 Name 1:0-1:1 IfExp 1:4-1:17 Name 1:9-1:10 Name 1:4-1:5 Name 1:16-1:17"},
    {"v = [i for i in range(10) if i]\n",
     "Assign 1:0-1:31 Name 1:0-1:1 ListComp 1:4-1:31 Name 1:5-1:6 Name 1:11-1:12 Call 1:16-1:25 Name 1:16-1:21 Constant 1:22-1:24 Name 1:29-1:30"},
    {"u = {k: v for k, v in d}\n",
     "Assign 1:0-1:24 Name 1:0-1:1 DictComp 1:4-1:24 Name 1:5-1:6 Name 1:8-1:9 Tuple 1:14-1:18 Name 1:14-1:15 Name 1:17-1:18 Name 1:22-1:23"},
    {"t = (yield)\n",
     "Assign 1:0-1:11 Name 1:0-1:1 Yield 1:5-1:10"},
    {"s = lambda a, /, b=1, *c, d, **e: a\n",
     "Assign 1:0-1:35 Name 1:0-1:1 Lambda 1:4-1:35 arg 1:11-1:12 arg 1:17-1:18 arg 1:23-1:24 arg 1:26-1:27 arg 1:31-1:32 Constant 1:19-1:20 Name 1:34-1:35"},
    {"r = not a and b or c < d <= e\n",
     "Assign 1:0-1:29 Name 1:0-1:1 BoolOp 1:4-1:29 BoolOp 1:4-1:15 UnaryOp 1:4-1:9 Name 1:8-1:9 Name 1:14-1:15 Compare 1:19-1:29 Name 1:19-1:20 Name 1:23-1:24 Name 1:28-1:29"},
    {"q = \"a\" \"b\"\n",
     "Assign 1:0-1:11 Name 1:0-1:1 Constant 1:4-1:11"},
    {"p = f\"x{y!r:>{w}}z\"\n",
     "Assign 1:0-1:19 Name 1:0-1:1 JoinedStr 1:4-1:19 Constant 1:6-1:7 FormattedValue 1:7-1:17 Name 1:8-1:9 JoinedStr 1:11-1:16 Constant 1:12-1:13 FormattedValue 1:13-1:16 Name 1:14-1:15 Constant 1:17-1:18"},
    {"o = f\"{x=}\"\n",
     "Assign 1:0-1:11 Name 1:0-1:1 JoinedStr 1:4-1:11 Constant 1:7-1:9 FormattedValue 1:6-1:10 Name 1:7-1:8"},
    {"if a:\n    pass\nelif b:\n    x = 1\nelse:\n    y = 2\n",
     "If 1:0-6:9 Name 1:3-1:4 Pass 2:4-2:8 If 3:0-6:9 Name 3:5-3:6 Assign 4:4-4:9 Name 4:4-4:5 Constant 4:8-4:9 Assign 6:4-6:9 Name 6:4-6:5 Constant 6:8-6:9"},
    {"@dec\ndef f(a: int = 1, *args, **kw) -> int:\n    return a\n",
     "FunctionDef 2:0-3:12 arg 2:6-2:12 Name 2:9-2:12 arg 2:19-2:23 arg 2:27-2:29 Constant 2:15-2:16 Return 3:4-3:12 Name 3:11-3:12 Name 1:1-1:4 Name 2:34-2:37"},
    {"class C(B, metaclass=M):\n    x = 1\n\n    def m(self): ...\n",
     "ClassDef 1:0-4:20 Name 1:8-1:9 keyword 1:11-1:22 Name 1:21-1:22 Assign 2:4-2:9 Name 2:4-2:5 Constant 2:8-2:9 FunctionDef 4:4-4:20 arg 4:10-4:14 Expr 4:17-4:20 Constant 4:17-4:20"},
    {"async def f():\n    async with a as b, c:\n        await x\n    async for i in j:\n        pass\n",
     "AsyncFunctionDef 1:0-5:12 AsyncWith 2:4-3:15 Name 2:15-2:16 Name 2:20-2:21 Name 2:23-2:24 Expr 3:8-3:15 Await 3:8-3:15 Name 3:14-3:15 AsyncFor 4:4-5:12 Name 4:14-4:15 Name 4:19-4:20 Pass 5:8-5:12"},
    {"try:\n    pass\nexcept E as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
     "Try 1:0-8:8 Pass 2:4-2:8 ExceptHandler 3:0-4:8 Name 3:7-3:8 Pass 4:4-4:8 Pass 6:4-6:8 Pass 8:4-8:8"},
    {"with (a as b, c):\n    pass\n",
     "With 1:0-2:8 Name 1:6-1:7 Name 1:11-1:12 Name 1:14-1:15 Pass 2:4-2:8"},
    {"match x:\n    case [1, *r] | {'k': v, **kw} if v:\n        pass\n    case C(1, y=-2+3j) as z:\n        pass\n",
     "Match 1:0-5:12 Name 1:6-1:7 MatchOr 2:9-2:33 MatchSequence 2:9-2:16 MatchValue 2:10-2:11 Constant 2:10-2:11 MatchStar 2:13-2:15 MatchMapping 2:19-2:33 Constant 2:20-2:23 MatchAs 2:25-2:26 Name 2:37-2:38 Pass 3:8-3:12 MatchAs 4:9-4:27 MatchClass 4:9-4:22 Name 4:9-4:10 MatchValue 4:11-4:12 Constant 4:11-4:12 MatchValue 4:16-4:21 BinOp 4:16-4:21 UnaryOp 4:16-4:18 Constant 4:17-4:18 Constant 4:19-4:21 Pass 5:8-5:12"},
    {"type A[T: int, *Ts, **P] = list[T]\n",
     "TypeAlias 1:0-1:34 Name 1:5-1:6 TypeVar 1:7-1:13 Name 1:10-1:13 TypeVarTuple 1:15-1:18 ParamSpec 1:20-1:23 Subscript 1:27-1:34 Name 1:27-1:31 Name 1:32-1:33"},
    {"import a.b as c\nfrom ..x import (y as z, w)\n",
     "Import 1:0-1:15 alias 1:7-1:15 ImportFrom 2:0-2:27 alias 2:17-2:23 alias 2:25-2:26"},
    {"del a[0], b.c\nglobal g\nassert x, 'm'\nraise E from F\n",
     "Delete 1:0-1:13 Subscript 1:4-1:8 Name 1:4-1:5 Constant 1:6-1:7 Attribute 1:10-1:13 Name 1:10-1:11 Global 2:0-2:8 Assert 3:0-3:13 Name 3:7-3:8 Constant 3:10-3:13 Raise 4:0-4:14 Name 4:6-4:7 Name 4:13-4:14"},
    {"for x, *y in z:\n    break\nelse:\n    continue\n",
     "For 1:0-4:12 Tuple 1:4-1:9 Name 1:4-1:5 Starred 1:7-1:9 Name 1:8-1:9 Name 1:13-1:14 Break 2:4-2:9 Continue 4:4-4:12"},
    {"while (n := f()) > 0:\n    x = {*a, 1}\n",
     "While 1:0-2:15 Compare 1:6-1:20 NamedExpr 1:7-1:15 Name 1:7-1:8 Call 1:12-1:15 Name 1:12-1:13 Constant 1:19-1:20 Assign 2:4-2:15 Name 2:4-2:5 Set 2:8-2:15 Starred 2:9-2:11 Name 2:10-2:11 Constant 2:13-2:14"},
    {"f(x for x in y)\n",
     "Expr 1:0-1:15 Call 1:0-1:15 Name 1:0-1:1 GeneratorExp 1:1-1:15 Name 1:2-1:3 Name 1:8-1:9 Name 1:13-1:14"},
    {"x = (1,\n     2)\n",
     "Assign 1:0-2:7 Name 1:0-1:1 Tuple 1:4-2:7 Constant 1:5-1:6 Constant 2:5-2:6"},
    {"s = '''a\nb''' 'c'\n",
     "Assign 1:0-2:8 Name 1:0-1:1 Constant 1:4-2:8"},
    {"x = 'é' + f'{é}ü'\n",
     "Assign 1:0-1:20 Name 1:0-1:1 BinOp 1:4-1:20 Constant 1:4-1:8 JoinedStr 1:11-1:20 FormattedValue 1:13-1:17 Name 1:14-1:16 Constant 1:17-1:19"},
};

static void test_positions(void) {
    for (size_t i = 0; i < sizeof position_cases / sizeof position_cases[0]; i++) {
        Arena a;
        arena_init(&a);
        const char *diag;
        AstNode *m = parse_text(&a, position_cases[i].src, &diag);
        CU_ASSERT_PTR_NOT_NULL(m);
        if (m) {
            StrBuf b;
            strbuf_init(&b, &a);
            walk_positions(m, &b);
            const char *got = strbuf_cstr(&b);
            if (strcmp(got, position_cases[i].positions) != 0) {
                fprintf(stderr, "\n%s\n  got  %s\n  want %s\n", position_cases[i].src, got,
                        position_cases[i].positions);
            }
            CU_ASSERT_STRING_EQUAL(got, position_cases[i].positions);
        } else {
            fprintf(stderr, "\n%s\n  %s\n", position_cases[i].src, diag);
        }
        arena_free(&a);
    }
}

// Invalid programs: the line and message of CPython's SyntaxError.
static const struct {
    const char *src;
    int line;
    const char *message;
} error_cases[] = {
    {"f() = 1\n", 1, "cannot assign to function call here. Maybe you meant '==' instead of '='?"},
    {"a + 1 = 2\n", 1, "cannot assign to expression here. Maybe you meant '==' instead of '='?"},
    {"(yield) = 1\n", 1, "cannot assign to yield expression here. Maybe you meant '==' instead of '='?"},
    {"True = 1\n", 1, "cannot assign to True"},
    {"None += 1\n", 1, "'None' is an illegal expression for augmented assignment"},
    {"del f()\n", 1, "cannot delete function call"},
    {"del a + b\n", 1, "cannot delete expression"},
    {"del *a\n", 1, "cannot delete starred"},
    {"[x for x in y] = 1\n", 1, "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?"},
    {"x = 1\nf(a=1, b)\n", 2, "positional argument follows keyword argument"},
    {"f(**a, *b)\n", 1, "iterable argument unpacking follows keyword argument unpacking"},
    {"f(**a, b)\n", 1, "positional argument follows keyword argument unpacking"},
    {"f(a for a in b, c)\n", 1, "Generator expression must be parenthesized"},
    {"def f(a=1, b): pass\n", 1, "parameter without a default follows parameter with a default"},
    {"lambda a=1, b: 0\n", 1, "parameter without a default follows parameter with a default"},
    {"def f(*): pass\n", 1, "named arguments must follow bare *"},
    {"def f(**k, a): pass\n", 1, "arguments cannot follow var-keyword argument"},
    {"def f(a, /, /): pass\n", 1, "/ may appear only once"},
    {"def f(/): pass\n", 1, "invalid syntax"},
    {"def f(*a=1): pass\n", 1, "var-positional argument cannot have default value"},
    {"a, b += 1\n", 1, "'tuple' is an illegal expression for augmented assignment"},
    {"[a, b]: int\n", 1, "only single target (not list) can be annotated"},
    {"a, b: int\n", 1, "only single target (not tuple) can be annotated"},
    {"print 'hello'\n", 1, "Missing parentheses in call to 'print'. Did you mean print(...)?"},
    {"exec 'code'\n", 1, "Missing parentheses in call to 'exec'. Did you mean exec(...)?"},
    {"if x\n    pass\n", 1, "expected ':'"},
    {"if x:\npass\n", 2, "expected an indented block after 'if' statement on line 1"},
    {"x = 1\n  y = 2\n", 2, "unexpected indent"},
    {"while x:\n    pass\n  y\n", 3, "unindent does not match any outer indentation level"},
    {"for x in y:\n\npass\n", 3, "expected an indented block after 'for' statement on line 1"},
    {"def f():\nreturn\n", 2, "expected an indented block after function definition on line 1"},
    {"class C:\npass\n", 2, "expected an indented block after class definition on line 1"},
    {"try:\n    pass\n", 2, "expected 'except' or 'finally' block"},
    {"try:\n    pass\nexcept* :\n    pass\n", 3, "expected one or more exception types"},
    {"try:\n    pass\nexcept A:\n    pass\nexcept* B:\n    pass\n", 5, "cannot have both 'except' and 'except*' on the same 'try'"},
    {"x = (1, 2\n", 1, "'(' was never closed"},
    {"x = [1, 2\ny = 3\n", 1, "'[' was never closed"},
    {"x = )\n", 1, "unmatched ')'"},
    {"x = 1 +\n", 1, "invalid syntax"},
    {"f(a b)\n", 1, "invalid syntax. Perhaps you forgot a comma?"},
    {"[a b]\n", 1, "invalid syntax. Perhaps you forgot a comma?"},
    {"(a b c)\n", 1, "invalid syntax. Perhaps you forgot a comma?"},
    {"x = $\n", 1, "invalid syntax"},
    {"import\n", 1, "Expected one or more names after 'import'"},
    {"from x import a,\n", 1, "trailing comma not allowed without surrounding parentheses"},
    {"for f() in y: pass\n", 1, "cannot assign to function call"},
    {"with a as f(): pass\n", 1, "cannot assign to function call"},
    {"x = b'a' 'b'\n", 1, "cannot mix bytes and nonbytes literals"},
    {"x = 'a' b'b'\n", 1, "cannot mix bytes and nonbytes literals"},
    {"x = f'{a!x}'\n", 1, "f-string: invalid conversion character 'x': expected 's', 'r', or 'a'"},
    {"x = f'{}'\n", 1, "f-string: valid expression required before '}'"},
    {"x = f'{a b}'\n", 1, "invalid syntax. Perhaps you forgot a comma?"},
    {"(*a)\n", 1, "cannot use starred expression here"},
    {"a := 1\n", 1, "invalid syntax"},
    {"(a.b := 1)\n", 1, "cannot use assignment expressions with attribute"},
    {"def f[](): pass\n", 1, "Type parameter list cannot be empty"},
    {"class C[**P: int]: pass\n", 1, "cannot use bound with ParamSpec"},
    {"match x:\n    case _ as _: pass\n", 2, "cannot use '_' as a target"},
    {"match x:\n    case {**r, 'a': 1}: pass\n", 2, "invalid syntax"},
    {"match x:\n    case C(a=1, b): pass\n", 2, "positional patterns follow keyword patterns"},
    {"x = 1 if y\n", 1, "expected 'else' after 'if' expression"},
    {"f(True=1)\n", 1, "cannot assign to True"},
    {"f(a.b=1)\n", 1, "expression cannot contain assignment, perhaps you meant \"==\"?"},
    {"{1: }\n", 1, "expression expected after dictionary key and ':'"},
    {"x = 'unterminated\n", 1, "unterminated string literal (detected at line 1)"},
    {"x = '''never\nclosed\n", 1, "unterminated triple-quoted string literal (detected at line 2)"},
    {"def f():\n    x = 1\n   y = 2\n", 3, "unindent does not match any outer indentation level"},
    {"if x:\n    pass\nelse\n    pass\n", 3, "expected ':'"},
    {"def f()\n    pass\n", 1, "expected ':'"},
    {"x = [1, 2 for y in z]\n", 1, "did you forget parentheses around the comprehension target?"},
    {"nonlocal = 1\n", 1, "invalid syntax"},
    {"a.b: int, c\n", 1, "invalid syntax"},
    {"x = 0777\n", 1, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"},
    {"x = 1_\n", 1, "invalid decimal literal"},
    {"x = 5 6\n", 1, "invalid syntax"},
    {"foo(\n", 1, "'(' was never closed"},
    {"f(x for x in y)(1) = 2\n", 1, "cannot assign to function call here. Maybe you meant '==' instead of '='?"},
    {"a = b = f() = 3\n", 1, "cannot assign to function call"},
    {"for x in range(3)\n    pass\n", 1, "expected ':'"},
    {"class C(x for x in y): pass\n", 1, "invalid syntax"},
    {"print(f'{x!}')\n", 1, "f-string: missing conversion character"},
    {"import a.b as c.d\n", 1, "invalid syntax"},
    {"x = {**a: b}\n", 1, "invalid syntax"},
    {"(a, b) += 1\n", 1, "'tuple' is an illegal expression for augmented assignment"},
    {"with open(x) as f, :\n    pass\n", 1, "invalid syntax"},
    {"raise from e\n", 1, "invalid syntax"},
    {"def f(a, (b)): pass\n", 1, "Function parameters cannot be parenthesized"},
    {"x = [**a]\n", 1, "invalid syntax"},
    {"f(*)\n", 1, "Invalid star expression"},
    {"a = 1 = 2\n", 1, "cannot assign to literal"},
    {"x = {1: 2, 3}\n", 1, "':' expected after dictionary key"},
    {"with a as b c: pass\n", 1, "invalid syntax"},
    {"for x in y: pass\nelse pass\n", 2, "expected ':'"},
    {"if True:\n    x = (\n", 2, "'(' was never closed"},
    {"x = 1\n)\n", 2, "unmatched ')'"},
    {"async = 1\n", 1, "invalid syntax"},
    {"x = yield = 1\n", 1, "assignment to yield expression not possible"},
};

static void test_errors(void) {
    for (size_t i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++) {
        Arena a;
        arena_init(&a);
        const char *diag;
        AstNode *m = parse_text(&a, error_cases[i].src, &diag);
        CU_ASSERT_PTR_NULL(m);
        int line = 0, col = 0, n = 0;
        sscanf(diag, "t.py:%d:%d: error: %n", &line, &col, &n);
        const char *msg = n ? diag + n : "";
        size_t msg_len = strcspn(msg, "\n");
        bool ok = line == error_cases[i].line && strlen(error_cases[i].message) == msg_len &&
                  strncmp(msg, error_cases[i].message, msg_len) == 0;
        if (!ok) {
            fprintf(stderr, "\n%s  want line %d: %s\n  got  %s\n", error_cases[i].src,
                    error_cases[i].line, error_cases[i].message, diag);
        }
        CU_ASSERT(ok);
        arena_free(&a);
    }
}

// Builds 'count' copies of 'unit' around "1".
static char *repeat(const char *unit, int count) {
    size_t u = strlen(unit);
    char *s = malloc(u * (size_t)count + 3);
    for (int i = 0; i < count; i++) {
        memcpy(s + u * (size_t)i, unit, u);
    }
    strcpy(s + u * (size_t)count, "1\n");
    return s;
}

static void check_nesting(const char *unit, int count, bool ok) {
    Arena a;
    arena_init(&a);
    char *src = repeat(unit, count);
    const char *diag;
    AstNode *m = parse_text(&a, src, &diag);
    CU_ASSERT_EQUAL(m != NULL, ok);
    if (!ok) {
        CU_ASSERT_PTR_NOT_NULL(strstr(diag, "too complex"));
    }
    free(src);
    arena_free(&a);
}

// CPython accepts 5000 nested unary operators and reports 10000 as too complex.
static void test_deep_nesting(void) {
    check_nesting("-", 5000, true);
    check_nesting("-", 100000, false);
    check_nesting("not ", 5000, true);
    check_nesting("not ", 100000, false);
    check_nesting("lambda: ", 1000, true);
    check_nesting("~", 1000000, false);
}

int main(void) {
    if (CU_initialize_registry() != CUE_SUCCESS) {
        return 1;
    }
    CU_pSuite s = CU_add_suite("parse", NULL, NULL);
    CU_add_test(s, "node positions", test_positions);
    CU_add_test(s, "syntax errors", test_errors);
    CU_add_test(s, "deep nesting", test_deep_nesting);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
