// test_ast_dump.c: CUnit suite "ast_dump". Checks ast_repr_const/ast_repr_double against the
// repr() CPython 3.13 prints, and ast_dump against ast.dump() of hand-built trees. Every expected
// string below was printed by CPython 3.13 and pasted here.
#include "frontend.h"

#include <CUnit/Basic.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const SrcSpan no_span = {1, 0, 1, 0};

// A string literal and its length, embedded NULs included.
#define LIT(s) s, sizeof(s) - 1

// Test helpers ------------------------------------------------------------------------------------

static void check_repr(const AstConst *c, const char *expected) {
    Arena a;
    arena_init(&a);
    StrBuf b;
    strbuf_init(&b, &a);
    ast_repr_const(&b, c);
    const char *got = strbuf_cstr(&b);
    if (strcmp(got, expected) != 0) {
        fprintf(stderr, "\nrepr: got   %s\n      want  %s\n", got, expected);
    }
    CU_ASSERT_STRING_EQUAL(got, expected);
    arena_free(&a);
}

static void check_float(double d, const char *expected) {
    AstConst c = {.kind = CONST_FLOAT, .u.f = d};
    check_repr(&c, expected);
}

static void check_complex(double imag, const char *expected) {
    AstConst c = {.kind = CONST_COMPLEX, .u.f = imag};
    check_repr(&c, expected);
}

static void check_str(const char *s, size_t len, const char *expected) {
    AstConst c = {.kind = CONST_STR, .u.s = {s, len}};
    check_repr(&c, expected);
}

static void check_bytes(const char *s, size_t len, const char *expected) {
    AstConst c = {.kind = CONST_BYTES, .u.s = {s, len}};
    check_repr(&c, expected);
}

static void check_dump(const AstNode *n, const char *expected) {
    char *got = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&got, &len);
    ast_dump(n, f);
    fclose(f);
    if (strcmp(got, expected) != 0) {
        fprintf(stderr, "\ndump: got   %s\n      want  %s\n", got, expected);
    }
    CU_ASSERT_STRING_EQUAL(got, expected);
    free(got);
}

// Tree builders -----------------------------------------------------------------------------------

static AstList list_of(Arena *a, int count, AstNode **items) {
    AstList l = {arena_alloc(a, sizeof(AstNode *) * (size_t)count), count};
    memcpy(l.items, items, sizeof(AstNode *) * (size_t)count);
    return l;
}

static AstNode *name_node(Arena *a, const char *id, AstOp ctx) {
    AstNode *n = ast_new(a, AST_Name, no_span);
    n->u.Name.id = id;
    n->u.Name.ctx = ctx;
    return n;
}

static AstNode *int_node(Arena *a, int64_t v) {
    AstNode *n = ast_new(a, AST_Constant, no_span);
    n->u.Constant.value = (AstConst){.kind = CONST_INT, .u.i = {v, NULL}};
    return n;
}

static AstNode *expr_stmt(Arena *a, AstNode *value) {
    AstNode *n = ast_new(a, AST_Expr, no_span);
    n->u.Expr.value = value;
    return n;
}

static AstNode *module_of(Arena *a, int count, AstNode **body) {
    AstNode *m = ast_new(a, AST_Module, no_span);
    m->u.Module.body = list_of(a, count, body);
    return m;
}

// Constants ---------------------------------------------------------------------------------------

static void test_repr_singletons_and_ints(void) {
    check_repr(&(AstConst){.kind = CONST_NONE}, "None");
    check_repr(&(AstConst){.kind = CONST_TRUE}, "True");
    check_repr(&(AstConst){.kind = CONST_FALSE}, "False");
    check_repr(&(AstConst){.kind = CONST_ELLIPSIS}, "Ellipsis");
    check_repr(&(AstConst){.kind = CONST_INT, .u.i = {0, NULL}}, "0");
    check_repr(&(AstConst){.kind = CONST_INT, .u.i = {INT64_MAX, NULL}}, "9223372036854775807");
    check_repr(
        &(AstConst){.kind = CONST_INT, .u.i = {0, "340282366920938463463374607431768211456"}},
        "340282366920938463463374607431768211456");
}

static void test_repr_float(void) {
    check_float(0.1, "0.1");
    check_float(1e16, "1e+16");
    check_float(1e-5, "1e-05");
    check_float(2.5e-5, "2.5e-05");
    check_float(5e-324, "5e-324");
    check_float(1.7976931348623157e308, "1.7976931348623157e+308");
    check_float(1e22, "1e+22");
    check_float(123456789012345678.0, "1.2345678901234568e+17");
    check_float(0.0001, "0.0001");
    check_float(1.5e300, "1.5e+300");
    check_float(-0.0, "-0.0");
    check_float(0.0, "0.0");
    check_float(123.0, "123.0");
    check_float(1e15, "1000000000000000.0");
    check_float(9999999999999998.0, "9999999999999998.0");
    check_float(1.0 / 3.0, "0.3333333333333333");
    check_float(INFINITY, "inf");
    check_float(-INFINITY, "-inf");
    check_float(NAN, "nan");
    // 2**-1017: next to a power of two, the shortest digits are not the correctly rounded ones.
    check_float(0x1p-1017, "7.120236347223045e-307");
}

static void test_repr_complex(void) {
    check_complex(1.0, "1j");
    check_complex(1.5e300, "1.5e+300j");
    check_complex(INFINITY, "infj");
    check_complex(NAN, "nanj");
    check_complex(0.0, "0j");
    check_complex(1e16, "1e+16j");
    check_complex(1e-5, "1e-05j");
    check_complex(0.5, "0.5j");
    check_complex(123.0, "123j");
}

static void test_repr_str(void) {
    check_str(LIT("a'b\"c"), "'a\\'b\"c'");
    check_str(LIT("it's"), "\"it's\"");
    check_str(LIT("say \"hi\""), "'say \"hi\"'");
    check_str(LIT("\x00\x1f\x7f\t\n\r\\"), "'\\x00\\x1f\\x7f\\t\\n\\r\\\\'");
    // U+200B, U+0085, U+00A0 are not printable; U+00E9 is.
    check_str(LIT("\xe2\x80\x8b\xc2\x85\xc2\xa0\xc3\xa9"), "'\\u200b\\x85\\xa0\xc3\xa9'");
    // Lone surrogates U+D800 and U+DFFF, stored as their 3-byte encodings.
    check_str(LIT("\xed\xa0\x80x\xed\xbf\xbf"), "'\\ud800x\\udfff'");
    check_str(LIT("\xf0\x9f\x98\x80"), "'\xf0\x9f\x98\x80'");  // U+1F600
    // U+E0001 (a format character) and U+0378 (unassigned).
    check_str(LIT("\xf3\xa0\x80\x81\xcd\xb8"), "'\\U000e0001\\u0378'");
    check_str(LIT("plain"), "'plain'");
    check_str(LIT(""), "''");
}

static void test_repr_bytes(void) {
    check_bytes(LIT("\x00'\"\\\x7f\x80\xff abc\t\n\r"),
                "b'\\x00\\'\"\\\\\\x7f\\x80\\xff abc\\t\\n\\r'");
    check_bytes(LIT("it's"), "b\"it's\"");
    check_bytes(LIT(""), "b''");
}

// Trees -------------------------------------------------------------------------------------------

// from . import (a as b)
// global x, y
static void test_dump_omits_none_and_empty(void) {
    Arena a;
    arena_init(&a);
    AstNode *alias = ast_new(&a, AST_alias, no_span);
    alias->u.alias.name = "a";
    alias->u.alias.asname = "b";
    AstNode *imp = ast_new(&a, AST_ImportFrom, no_span);
    imp->u.ImportFrom.names = list_of(&a, 1, &alias);
    imp->u.ImportFrom.level = 1;
    AstNode *glob = ast_new(&a, AST_Global, no_span);
    Name names[] = {"x", "y"};
    glob->u.Global.names = (NameList){names, 2};
    check_dump(module_of(&a, 2, (AstNode *[]){imp, glob}),
               "Module(body=[ImportFrom(names=[alias(name='a', asname='b')], level=1), "
               "Global(names=['x', 'y'])])");
    arena_free(&a);
}

// x < y is not z
// {**m, 1: 2}
static void test_dump_ops_and_none_items(void) {
    Arena a;
    arena_init(&a);
    AstNode *cmp = ast_new(&a, AST_Compare, no_span);
    cmp->u.Compare.left = name_node(&a, "x", AST_OP_Load);
    AstOp ops[] = {AST_OP_Lt, AST_OP_IsNot};
    cmp->u.Compare.ops = (AstOpList){ops, 2};
    cmp->u.Compare.comparators = list_of(
        &a, 2, (AstNode *[]){name_node(&a, "y", AST_OP_Load), name_node(&a, "z", AST_OP_Load)});
    AstNode *dict = ast_new(&a, AST_Dict, no_span);
    dict->u.Dict.keys = list_of(&a, 2, (AstNode *[]){NULL, int_node(&a, 1)});
    dict->u.Dict.values =
        list_of(&a, 2, (AstNode *[]){name_node(&a, "m", AST_OP_Load), int_node(&a, 2)});
    check_dump(
        module_of(&a, 2, (AstNode *[]){expr_stmt(&a, cmp), expr_stmt(&a, dict)}),
        "Module(body=[Expr(value=Compare(left=Name(id='x', ctx=Load()), ops=[Lt(), IsNot()], "
        "comparators=[Name(id='y', ctx=Load()), Name(id='z', ctx=Load())])), "
        "Expr(value=Dict(keys=[None, Constant(value=1)], values=[Name(id='m', ctx=Load()), "
        "Constant(value=2)]))])");
    arena_free(&a);
}

// match v:
//   case None: pass
// u'é'
// None
static void test_dump_constant_and_singleton_none(void) {
    Arena a;
    arena_init(&a);
    AstNode *single = ast_new(&a, AST_MatchSingleton, no_span);
    single->u.MatchSingleton.value.kind = CONST_NONE;
    AstNode *mc = ast_new(&a, AST_match_case, no_span);
    mc->u.match_case.pattern = single;
    mc->u.match_case.body = list_of(&a, 1, (AstNode *[]){ast_new(&a, AST_Pass, no_span)});
    AstNode *match = ast_new(&a, AST_Match, no_span);
    match->u.Match.subject = name_node(&a, "v", AST_OP_Load);
    match->u.Match.cases = list_of(&a, 1, &mc);
    AstNode *u = ast_new(&a, AST_Constant, no_span);
    u->u.Constant.value = (AstConst){.kind = CONST_STR, .u.s = {"\xc3\xa9", 2}};
    u->u.Constant.kind = "u";
    AstNode *none = ast_new(&a, AST_Constant, no_span);
    none->u.Constant.value.kind = CONST_NONE;
    check_dump(
        module_of(&a, 3, (AstNode *[]){match, expr_stmt(&a, u), expr_stmt(&a, none)}),
        "Module(body=[Match(subject=Name(id='v', ctx=Load()), "
        "cases=[match_case(pattern=MatchSingleton(value=None), body=[Pass()])]), "
        "Expr(value=Constant(value='\xc3\xa9', kind='u')), Expr(value=Constant(value=None))])");
    arena_free(&a);
}

static AstNode *arg_node(Arena *a, const char *name) {
    AstNode *n = ast_new(a, AST_arg, no_span);
    n->u.arg.arg = name;
    return n;
}

// def f(a, /, *, d, e=2): pass
// lambda: 0
static void test_dump_arguments(void) {
    Arena a;
    arena_init(&a);
    AstNode *args = ast_new(&a, AST_arguments, no_span);
    args->u.arguments.posonlyargs = list_of(&a, 1, (AstNode *[]){arg_node(&a, "a")});
    args->u.arguments.kwonlyargs =
        list_of(&a, 2, (AstNode *[]){arg_node(&a, "d"), arg_node(&a, "e")});
    args->u.arguments.kw_defaults = list_of(&a, 2, (AstNode *[]){NULL, int_node(&a, 2)});
    AstNode *def = ast_new(&a, AST_FunctionDef, no_span);
    def->u.FunctionDef.name = "f";
    def->u.FunctionDef.args = args;
    def->u.FunctionDef.body = list_of(&a, 1, (AstNode *[]){ast_new(&a, AST_Pass, no_span)});
    AstNode *lam = ast_new(&a, AST_Lambda, no_span);
    lam->u.Lambda.args = ast_new(&a, AST_arguments, no_span);
    lam->u.Lambda.body = int_node(&a, 0);
    check_dump(module_of(&a, 2, (AstNode *[]){def, expr_stmt(&a, lam)}),
               "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], "
               "kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=2)]), "
               "body=[Pass()]), Expr(value=Lambda(args=arguments(), body=Constant(value=0)))])");
    arena_free(&a);
}

// A dump larger than the dumper's flush threshold comes out whole and in order.
static void test_dump_large(void) {
    Arena a;
    arena_init(&a);
    enum { N = 20000 };
    AstNode **body = arena_alloc(&a, sizeof(AstNode *) * N);
    for (int i = 0; i < N; i++) {
        body[i] = expr_stmt(&a, int_node(&a, i));
    }
    StrBuf want;
    strbuf_init(&want, &a);
    strbuf_append(&want, "Module(body=[", 13);
    for (int i = 0; i < N; i++) {
        strbuf_printf(&want, "%sExpr(value=Constant(value=%d))", i ? ", " : "", i);
    }
    strbuf_append(&want, "])", 2);
    check_dump(module_of(&a, N, body), strbuf_cstr(&want));
    arena_free(&a);
}

int main(void) {
    if (CU_initialize_registry() != CUE_SUCCESS) {
        return 1;
    }
    CU_pSuite s = CU_add_suite("ast_dump", NULL, NULL);
    CU_add_test(s, "repr of singletons and ints", test_repr_singletons_and_ints);
    CU_add_test(s, "repr of floats", test_repr_float);
    CU_add_test(s, "repr of imaginary numbers", test_repr_complex);
    CU_add_test(s, "repr of str", test_repr_str);
    CU_add_test(s, "repr of bytes", test_repr_bytes);
    CU_add_test(s, "None and [] fields are omitted", test_dump_omits_none_and_empty);
    CU_add_test(s, "operators and None list items", test_dump_ops_and_none_items);
    CU_add_test(s, "Constant and MatchSingleton show None", test_dump_constant_and_singleton_none);
    CU_add_test(s, "arguments", test_dump_arguments);
    CU_add_test(s, "large dumps are flushed in order", test_dump_large);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
