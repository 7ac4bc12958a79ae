// test_lex.c: CUnit suite "lex". Checks the tokenizer, source decoding and the Unicode support
// through frontend.h: whole token streams (kind, span, text) of layout, names, numbers, strings,
// f-strings and operators; the message and position of every kind of tokenizer error; nesting
// limits; the decoding of declared encodings and its errors; NFKC normalization of identifiers.
// Every expectation was printed by CPython 3.13: token streams by the tokenize module (OP tokens
// by exact type, keywords as KW_*, columns in UTF-8 bytes), errors by compile() (SyntaxError.msg,
// lineno, offset as a byte column), decoded values by exec(), NFKC by unicodedata.normalize.
#include "frontend.h"

#include <CUnit/Basic.h>
#include <stdlib.h>
#include <string.h>

typedef struct LexCase {
    const char *src;
    const char *expected;
} LexCase;

// Appends the token text quoted with ', with \ ' and control characters escaped.
static void append_text(StrBuf *b, const char *s, size_t n) {
    strbuf_putc(b, '\'');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' || c == '\'') {
            strbuf_putc(b, '\\');
            strbuf_putc(b, (char)c);
        } else if (c == '\n' || c == '\t' || c == '\r') {
            strbuf_putc(b, '\\');
            strbuf_putc(b, c == '\n' ? 'n' : c == '\t' ? 't' : 'r');
        } else if (c < 0x20 || c == 0x7F) {
            strbuf_printf(b, "\\x%02x", c);
        } else {
            strbuf_putc(b, (char)c);
        }
    }
    strbuf_putc(b, '\'');
}

static TokenArray tokenize(Arena *a, const char *src, size_t len) {
    TokenArray toks;
    lex_tokenize(a, intern_new(a), src, len, &toks);
    return toks;
}

// "KIND line:col-end_line:end_col 'text'\n" for every token.
static const char *format_tokens(Arena *a, const char *src) {
    TokenArray toks = tokenize(a, src, strlen(src));
    StrBuf b;
    strbuf_init(&b, a);
    for (size_t i = 0; i < toks.count; i++) {
        const Token *t = &toks.items[i];
        strbuf_printf(&b, "%s %d:%d-%d:%d ", lex_token_name(t->kind), t->span.line, t->span.col,
                      t->span.end_line, t->span.end_col);
        append_text(&b, t->text, t->len);
        strbuf_putc(&b, '\n');
    }
    return strbuf_cstr(&b);
}

// "line:col message" of the TK_ERROR ending the stream, or "no error".
static const char *error_of(Arena *a, const char *src, size_t len) {
    TokenArray toks = tokenize(a, src, len);
    const Token *last = &toks.items[toks.count - 1];
    if (last->kind != TK_ERROR) {
        return "no error";
    }
    return arena_printf(a, "%d:%d %.*s", last->span.line, last->span.col, (int)last->len,
                        last->text);
}

static void check_streams(const LexCase *cases, size_t n) {
    for (size_t i = 0; i < n; i++) {
        Arena a;
        arena_init(&a);
        const char *got = format_tokens(&a, cases[i].src);
        if (strcmp(got, cases[i].expected) != 0) {
            printf("\nsource: %s\nexpected:\n%sgot:\n%s", cases[i].src, cases[i].expected, got);
        }
        CU_ASSERT_STRING_EQUAL(got, cases[i].expected);
        arena_free(&a);
    }
}

#define CHECK_STREAMS(cases) check_streams(cases, sizeof(cases) / sizeof(cases[0]))

static const LexCase layout_cases[] = {
    {"if x:\n    y = 1\n    if z:\n        pass\nw\n",
     "KW_IF 1:0-1:2 'if'\n"
     "NAME 1:3-1:4 'x'\n"
     "COLON 1:4-1:5 ':'\n"
     "NEWLINE 1:5-1:6 '\\n'\n"
     "INDENT 2:0-2:4 '    '\n"
     "NAME 2:4-2:5 'y'\n"
     "EQUAL 2:6-2:7 '='\n"
     "NUMBER 2:8-2:9 '1'\n"
     "NEWLINE 2:9-2:10 '\\n'\n"
     "KW_IF 3:4-3:6 'if'\n"
     "NAME 3:7-3:8 'z'\n"
     "COLON 3:8-3:9 ':'\n"
     "NEWLINE 3:9-3:10 '\\n'\n"
     "INDENT 4:0-4:8 '        '\n"
     "KW_PASS 4:8-4:12 'pass'\n"
     "NEWLINE 4:12-4:13 '\\n'\n"
     "DEDENT 5:0-5:0 ''\n"
     "DEDENT 5:0-5:0 ''\n"
     "NAME 5:0-5:1 'w'\n"
     "NEWLINE 5:1-5:2 '\\n'\n"
     "ENDMARKER 6:0-6:0 ''\n"},
    {"if a:\n  if b:\n    c\n",
     "KW_IF 1:0-1:2 'if'\n"
     "NAME 1:3-1:4 'a'\n"
     "COLON 1:4-1:5 ':'\n"
     "NEWLINE 1:5-1:6 '\\n'\n"
     "INDENT 2:0-2:2 '  '\n"
     "KW_IF 2:2-2:4 'if'\n"
     "NAME 2:5-2:6 'b'\n"
     "COLON 2:6-2:7 ':'\n"
     "NEWLINE 2:7-2:8 '\\n'\n"
     "INDENT 3:0-3:4 '    '\n"
     "NAME 3:4-3:5 'c'\n"
     "NEWLINE 3:5-3:6 '\\n'\n"
     "DEDENT 4:0-4:0 ''\n"
     "DEDENT 4:0-4:0 ''\n"
     "ENDMARKER 4:0-4:0 ''\n"},
    {"def f():\n    return 1\n\n\n\nx",
     "KW_DEF 1:0-1:3 'def'\n"
     "NAME 1:4-1:5 'f'\n"
     "LPAR 1:5-1:6 '('\n"
     "RPAR 1:6-1:7 ')'\n"
     "COLON 1:7-1:8 ':'\n"
     "NEWLINE 1:8-1:9 '\\n'\n"
     "INDENT 2:0-2:4 '    '\n"
     "KW_RETURN 2:4-2:10 'return'\n"
     "NUMBER 2:11-2:12 '1'\n"
     "NEWLINE 2:12-2:13 '\\n'\n"
     "DEDENT 6:0-6:0 ''\n"
     "NAME 6:0-6:1 'x'\n"
     "NEWLINE 6:1-6:2 ''\n"
     "ENDMARKER 7:0-7:0 ''\n"},
    {"if x:\n\ty\n\tif z:\n\t\tw\n",
     "KW_IF 1:0-1:2 'if'\n"
     "NAME 1:3-1:4 'x'\n"
     "COLON 1:4-1:5 ':'\n"
     "NEWLINE 1:5-1:6 '\\n'\n"
     "INDENT 2:0-2:1 '\\t'\n"
     "NAME 2:1-2:2 'y'\n"
     "NEWLINE 2:2-2:3 '\\n'\n"
     "KW_IF 3:1-3:3 'if'\n"
     "NAME 3:4-3:5 'z'\n"
     "COLON 3:5-3:6 ':'\n"
     "NEWLINE 3:6-3:7 '\\n'\n"
     "INDENT 4:0-4:2 '\\t\\t'\n"
     "NAME 4:2-4:3 'w'\n"
     "NEWLINE 4:3-4:4 '\\n'\n"
     "DEDENT 5:0-5:0 ''\n"
     "DEDENT 5:0-5:0 ''\n"
     "ENDMARKER 5:0-5:0 ''\n"},
    {"if x:\n        y\n        z\n",
     "KW_IF 1:0-1:2 'if'\n"
     "NAME 1:3-1:4 'x'\n"
     "COLON 1:4-1:5 ':'\n"
     "NEWLINE 1:5-1:6 '\\n'\n"
     "INDENT 2:0-2:8 '        '\n"
     "NAME 2:8-2:9 'y'\n"
     "NEWLINE 2:9-2:10 '\\n'\n"
     "NAME 3:8-3:9 'z'\n"
     "NEWLINE 3:9-3:10 '\\n'\n"
     "DEDENT 4:0-4:0 ''\n"
     "ENDMARKER 4:0-4:0 ''\n"},
    {"if x:\n  y\n# comment\n\n  \n  z\n",
     "KW_IF 1:0-1:2 'if'\n"
     "NAME 1:3-1:4 'x'\n"
     "COLON 1:4-1:5 ':'\n"
     "NEWLINE 1:5-1:6 '\\n'\n"
     "INDENT 2:0-2:2 '  '\n"
     "NAME 2:2-2:3 'y'\n"
     "NEWLINE 2:3-2:4 '\\n'\n"
     "NAME 6:2-6:3 'z'\n"
     "NEWLINE 6:3-6:4 '\\n'\n"
     "DEDENT 7:0-7:0 ''\n"
     "ENDMARKER 7:0-7:0 ''\n"},
    {"x = (1,\n  2)\n[\n# c\n]\n{a:\n b}\n",
     "NAME 1:0-1:1 'x'\n"
     "EQUAL 1:2-1:3 '='\n"
     "LPAR 1:4-1:5 '('\n"
     "NUMBER 1:5-1:6 '1'\n"
     "COMMA 1:6-1:7 ','\n"
     "NUMBER 2:2-2:3 '2'\n"
     "RPAR 2:3-2:4 ')'\n"
     "NEWLINE 2:4-2:5 '\\n'\n"
     "LSQB 3:0-3:1 '['\n"
     "RSQB 5:0-5:1 ']'\n"
     "NEWLINE 5:1-5:2 '\\n'\n"
     "LBRACE 6:0-6:1 '{'\n"
     "NAME 6:1-6:2 'a'\n"
     "COLON 6:2-6:3 ':'\n"
     "NAME 7:1-7:2 'b'\n"
     "RBRACE 7:2-7:3 '}'\n"
     "NEWLINE 7:3-7:4 '\\n'\n"
     "ENDMARKER 8:0-8:0 ''\n"},
    {"a = 1 \\\n  + 2\nif 1:\n  \\\n    x\n",
     "NAME 1:0-1:1 'a'\n"
     "EQUAL 1:2-1:3 '='\n"
     "NUMBER 1:4-1:5 '1'\n"
     "PLUS 2:2-2:3 '+'\n"
     "NUMBER 2:4-2:5 '2'\n"
     "NEWLINE 2:5-2:6 '\\n'\n"
     "KW_IF 3:0-3:2 'if'\n"
     "NUMBER 3:3-3:4 '1'\n"
     "COLON 3:4-3:5 ':'\n"
     "NEWLINE 3:5-3:6 '\\n'\n"
     "INDENT 5:0-5:4 '    '\n"
     "NAME 5:4-5:5 'x'\n"
     "NEWLINE 5:5-5:6 '\\n'\n"
     "DEDENT 6:0-6:0 ''\n"
     "ENDMARKER 6:0-6:0 ''\n"},
    {"\x0cx = 1\nif y:\n  \x0c  z\n",
     "NAME 1:1-1:2 'x'\n"
     "EQUAL 1:3-1:4 '='\n"
     "NUMBER 1:5-1:6 '1'\n"
     "NEWLINE 1:6-1:7 '\\n'\n"
     "KW_IF 2:0-2:2 'if'\n"
     "NAME 2:3-2:4 'y'\n"
     "COLON 2:4-2:5 ':'\n"
     "NEWLINE 2:5-2:6 '\\n'\n"
     "INDENT 3:0-3:5 '  \\x0c  '\n"
     "NAME 3:5-3:6 'z'\n"
     "NEWLINE 3:6-3:7 '\\n'\n"
     "DEDENT 4:0-4:0 ''\n"
     "ENDMARKER 4:0-4:0 ''\n"},
    {"x = 1\r\ny = 2\r\n",
     "NAME 1:0-1:1 'x'\n"
     "EQUAL 1:2-1:3 '='\n"
     "NUMBER 1:4-1:5 '1'\n"
     "NEWLINE 1:5-1:6 '\\n'\n"
     "NAME 2:0-2:1 'y'\n"
     "EQUAL 2:2-2:3 '='\n"
     "NUMBER 2:4-2:5 '2'\n"
     "NEWLINE 2:5-2:6 '\\n'\n"
     "ENDMARKER 3:0-3:0 ''\n"},
    {"x",
     "NAME 1:0-1:1 'x'\n"
     "NEWLINE 1:1-1:2 ''\n"
     "ENDMARKER 2:0-2:0 ''\n"},
    {"",
     "ENDMARKER 1:0-1:0 ''\n"},
    {"# only a comment",
     "ENDMARKER 2:0-2:0 ''\n"},
    {"\n\n",
     "ENDMARKER 3:0-3:0 ''\n"},
    {"x; y = 1; \\\n  z\n",
     "NAME 1:0-1:1 'x'\n"
     "SEMI 1:1-1:2 ';'\n"
     "NAME 1:3-1:4 'y'\n"
     "EQUAL 1:5-1:6 '='\n"
     "NUMBER 1:7-1:8 '1'\n"
     "SEMI 1:8-1:9 ';'\n"
     "NAME 2:2-2:3 'z'\n"
     "NEWLINE 2:3-2:4 '\\n'\n"
     "ENDMARKER 3:0-3:0 ''\n"},
};

static const LexCase name_cases[] = {
    {"async await match case type _ None True False\n",
     "KW_ASYNC 1:0-1:5 'async'\n"
     "KW_AWAIT 1:6-1:11 'await'\n"
     "NAME 1:12-1:17 'match'\n"
     "NAME 1:18-1:22 'case'\n"
     "NAME 1:23-1:27 'type'\n"
     "NAME 1:28-1:29 '_'\n"
     "KW_NONE 1:30-1:34 'None'\n"
     "KW_TRUE 1:35-1:39 'True'\n"
     "KW_FALSE 1:40-1:45 'False'\n"
     "NEWLINE 1:45-1:46 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
    {"and as assert break class continue def del elif else except finally for from global if i"
     "mport in is lambda nonlocal not or pass raise return try while with yield\n",
     "KW_AND 1:0-1:3 'and'\n"
     "KW_AS 1:4-1:6 'as'\n"
     "KW_ASSERT 1:7-1:13 'assert'\n"
     "KW_BREAK 1:14-1:19 'break'\n"
     "KW_CLASS 1:20-1:25 'class'\n"
     "KW_CONTINUE 1:26-1:34 'continue'\n"
     "KW_DEF 1:35-1:38 'def'\n"
     "KW_DEL 1:39-1:42 'del'\n"
     "KW_ELIF 1:43-1:47 'elif'\n"
     "KW_ELSE 1:48-1:52 'else'\n"
     "KW_EXCEPT 1:53-1:59 'except'\n"
     "KW_FINALLY 1:60-1:67 'finally'\n"
     "KW_FOR 1:68-1:71 'for'\n"
     "KW_FROM 1:72-1:76 'from'\n"
     "KW_GLOBAL 1:77-1:83 'global'\n"
     "KW_IF 1:84-1:86 'if'\n"
     "KW_IMPORT 1:87-1:93 'import'\n"
     "KW_IN 1:94-1:96 'in'\n"
     "KW_IS 1:97-1:99 'is'\n"
     "KW_LAMBDA 1:100-1:106 'lambda'\n"
     "KW_NONLOCAL 1:107-1:115 'nonlocal'\n"
     "KW_NOT 1:116-1:119 'not'\n"
     "KW_OR 1:120-1:122 'or'\n"
     "KW_PASS 1:123-1:127 'pass'\n"
     "KW_RAISE 1:128-1:133 'raise'\n"
     "KW_RETURN 1:134-1:140 'return'\n"
     "KW_TRY 1:141-1:144 'try'\n"
     "KW_WHILE 1:145-1:150 'while'\n"
     "KW_WITH 1:151-1:155 'with'\n"
     "KW_YIELD 1:156-1:161 'yield'\n"
     "NEWLINE 1:161-1:162 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
    {"éa = ｗｉｄｔｈ + µ + 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 + x_1 + _\n",
     "NAME 1:0-1:3 'éa'\n"
     "EQUAL 1:4-1:5 '='\n"
     "NAME 1:6-1:21 'ｗｉｄｔｈ'\n"
     "PLUS 1:22-1:23 '+'\n"
     "NAME 1:24-1:26 'µ'\n"
     "PLUS 1:27-1:28 '+'\n"
     "NAME 1:29-1:57 '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'\n"
     "PLUS 1:58-1:59 '+'\n"
     "NAME 1:60-1:63 'x_1'\n"
     "PLUS 1:64-1:65 '+'\n"
     "NAME 1:66-1:67 '_'\n"
     "NEWLINE 1:67-1:68 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
    {"ｉｆ = 1\n",
     "NAME 1:0-1:6 'ｉｆ'\n"
     "EQUAL 1:7-1:8 '='\n"
     "NUMBER 1:9-1:10 '1'\n"
     "NEWLINE 1:10-1:11 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
};

static const LexCase number_cases[] = {
    {"0 00 0_0 123 1_000_000 0x_fF 0XA 0o17 0O7_7 0b1 0B1_0\n",
     "NUMBER 1:0-1:1 '0'\n"
     "NUMBER 1:2-1:4 '00'\n"
     "NUMBER 1:5-1:8 '0_0'\n"
     "NUMBER 1:9-1:12 '123'\n"
     "NUMBER 1:13-1:22 '1_000_000'\n"
     "NUMBER 1:23-1:28 '0x_fF'\n"
     "NUMBER 1:29-1:32 '0XA'\n"
     "NUMBER 1:33-1:37 '0o17'\n"
     "NUMBER 1:38-1:43 '0O7_7'\n"
     "NUMBER 1:44-1:47 '0b1'\n"
     "NUMBER 1:48-1:53 '0B1_0'\n"
     "NEWLINE 1:53-1:54 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
    {"1.5 1. .5 1e10 1E-10 1e+5 1_0.0_1e1_0 0.0 00.5 09.5 0e0 1.e5\n",
     "NUMBER 1:0-1:3 '1.5'\n"
     "NUMBER 1:4-1:6 '1.'\n"
     "NUMBER 1:7-1:9 '.5'\n"
     "NUMBER 1:10-1:14 '1e10'\n"
     "NUMBER 1:15-1:20 '1E-10'\n"
     "NUMBER 1:21-1:25 '1e+5'\n"
     "NUMBER 1:26-1:37 '1_0.0_1e1_0'\n"
     "NUMBER 1:38-1:41 '0.0'\n"
     "NUMBER 1:42-1:46 '00.5'\n"
     "NUMBER 1:47-1:51 '09.5'\n"
     "NUMBER 1:52-1:55 '0e0'\n"
     "NUMBER 1:56-1:60 '1.e5'\n"
     "NEWLINE 1:60-1:61 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
    {"3j 1.5J 1e3j 0j 09j 1_0J\n",
     "NUMBER 1:0-1:2 '3j'\n"
     "NUMBER 1:3-1:7 '1.5J'\n"
     "NUMBER 1:8-1:12 '1e3j'\n"
     "NUMBER 1:13-1:15 '0j'\n"
     "NUMBER 1:16-1:19 '09j'\n"
     "NUMBER 1:20-1:24 '1_0J'\n"
     "NEWLINE 1:24-1:25 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
    {"1if x else 2\n1 if 1else 2\n[0x1for x in y]\n1or 2\n1and 2\n1in x\n1is x\n1not in x\n",
     "NUMBER 1:0-1:1 '1'\n"
     "KW_IF 1:1-1:3 'if'\n"
     "NAME 1:4-1:5 'x'\n"
     "KW_ELSE 1:6-1:10 'else'\n"
     "NUMBER 1:11-1:12 '2'\n"
     "NEWLINE 1:12-1:13 '\\n'\n"
     "NUMBER 2:0-2:1 '1'\n"
     "KW_IF 2:2-2:4 'if'\n"
     "NUMBER 2:5-2:6 '1'\n"
     "KW_ELSE 2:6-2:10 'else'\n"
     "NUMBER 2:11-2:12 '2'\n"
     "NEWLINE 2:12-2:13 '\\n'\n"
     "LSQB 3:0-3:1 '['\n"
     "NUMBER 3:1-3:5 '0x1f'\n"
     "KW_OR 3:5-3:7 'or'\n"
     "NAME 3:8-3:9 'x'\n"
     "KW_IN 3:10-3:12 'in'\n"
     "NAME 3:13-3:14 'y'\n"
     "RSQB 3:14-3:15 ']'\n"
     "NEWLINE 3:15-3:16 '\\n'\n"
     "NUMBER 4:0-4:1 '1'\n"
     "KW_OR 4:1-4:3 'or'\n"
     "NUMBER 4:4-4:5 '2'\n"
     "NEWLINE 4:5-4:6 '\\n'\n"
     "NUMBER 5:0-5:1 '1'\n"
     "KW_AND 5:1-5:4 'and'\n"
     "NUMBER 5:5-5:6 '2'\n"
     "NEWLINE 5:6-5:7 '\\n'\n"
     "NUMBER 6:0-6:1 '1'\n"
     "KW_IN 6:1-6:3 'in'\n"
     "NAME 6:4-6:5 'x'\n"
     "NEWLINE 6:5-6:6 '\\n'\n"
     "NUMBER 7:0-7:1 '1'\n"
     "KW_IS 7:1-7:3 'is'\n"
     "NAME 7:4-7:5 'x'\n"
     "NEWLINE 7:5-7:6 '\\n'\n"
     "NUMBER 8:0-8:1 '1'\n"
     "KW_NOT 8:1-8:4 'not'\n"
     "KW_IN 8:5-8:7 'in'\n"
     "NAME 8:8-8:9 'x'\n"
     "NEWLINE 8:9-8:10 '\\n'\n"
     "ENDMARKER 9:0-9:0 ''\n"},
    {"x.y ... 1..__class__ 1.0.real\n",
     "NAME 1:0-1:1 'x'\n"
     "DOT 1:1-1:2 '.'\n"
     "NAME 1:2-1:3 'y'\n"
     "ELLIPSIS 1:4-1:7 '...'\n"
     "NUMBER 1:8-1:10 '1.'\n"
     "DOT 1:10-1:11 '.'\n"
     "NAME 1:11-1:20 '__class__'\n"
     "NUMBER 1:21-1:24 '1.0'\n"
     "DOT 1:24-1:25 '.'\n"
     "NAME 1:25-1:29 'real'\n"
     "NEWLINE 1:29-1:30 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
};

static const LexCase string_cases[] = {
    {"'a' \"b\" '''c''' \"\"\"d\"\"\" '' \"\" '''''' \"\"\"\"\"\"\n",
     "STRING 1:0-1:3 '\\'a\\''\n"
     "STRING 1:4-1:7 '\"b\"'\n"
     "STRING 1:8-1:15 '\\'\\'\\'c\\'\\'\\''\n"
     "STRING 1:16-1:23 '\"\"\"d\"\"\"'\n"
     "STRING 1:24-1:26 '\\'\\''\n"
     "STRING 1:27-1:29 '\"\"'\n"
     "STRING 1:30-1:36 '\\'\\'\\'\\'\\'\\''\n"
     "STRING 1:37-1:43 '\"\"\"\"\"\"'\n"
     "NEWLINE 1:43-1:44 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
    {"b'a' B'b' r'c' R'd' u'e' U'f' br'g' Br'h' bR'i' BR'j' rb'k' rB'l' Rb'm' RB'n'\n",
     "STRING 1:0-1:4 'b\\'a\\''\n"
     "STRING 1:5-1:9 'B\\'b\\''\n"
     "STRING 1:10-1:14 'r\\'c\\''\n"
     "STRING 1:15-1:19 'R\\'d\\''\n"
     "STRING 1:20-1:24 'u\\'e\\''\n"
     "STRING 1:25-1:29 'U\\'f\\''\n"
     "STRING 1:30-1:35 'br\\'g\\''\n"
     "STRING 1:36-1:41 'Br\\'h\\''\n"
     "STRING 1:42-1:47 'bR\\'i\\''\n"
     "STRING 1:48-1:53 'BR\\'j\\''\n"
     "STRING 1:54-1:59 'rb\\'k\\''\n"
     "STRING 1:60-1:65 'rB\\'l\\''\n"
     "STRING 1:66-1:71 'Rb\\'m\\''\n"
     "STRING 1:72-1:77 'RB\\'n\\''\n"
     "NEWLINE 1:77-1:78 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
    {"'a\\'b' \"a\\\"b\" 'a\\\\' 'a\\\nb' '''a\nb''' '''a'b''c'''\n",
     "STRING 1:0-1:6 '\\'a\\\\\\'b\\''\n"
     "STRING 1:7-1:13 '\"a\\\\\"b\"'\n"
     "STRING 1:14-1:19 '\\'a\\\\\\\\\\''\n"
     "STRING 1:20-2:2 '\\'a\\\\\\nb\\''\n"
     "STRING 2:3-3:4 '\\'\\'\\'a\\nb\\'\\'\\''\n"
     "STRING 3:5-3:17 '\\'\\'\\'a\\'b\\'\\'c\\'\\'\\''\n"
     "NEWLINE 3:17-3:18 '\\n'\n"
     "ENDMARKER 4:0-4:0 ''\n"},
    {"x = \"\"\"first\nsecond\n  third\"\"\" + 'é€😀'\n",
     "NAME 1:0-1:1 'x'\n"
     "EQUAL 1:2-1:3 '='\n"
     "STRING 1:4-3:10 '\"\"\"first\\nsecond\\n  third\"\"\"'\n"
     "PLUS 3:11-3:12 '+'\n"
     "STRING 3:13-3:24 '\\'é€😀\\''\n"
     "NEWLINE 3:24-3:25 '\\n'\n"
     "ENDMARKER 4:0-4:0 ''\n"},
};

static const LexCase fstring_cases[] = {
    {"f\"a{{b}}c{x!r:>{w}}d\"\n",
     "FSTRING_START 1:0-1:2 'f\"'\n"
     "FSTRING_MIDDLE 1:2-1:4 'a{'\n"
     "FSTRING_MIDDLE 1:5-1:7 'b}'\n"
     "FSTRING_MIDDLE 1:8-1:9 'c'\n"
     "LBRACE 1:9-1:10 '{'\n"
     "NAME 1:10-1:11 'x'\n"
     "EXCLAMATION 1:11-1:12 '!'\n"
     "NAME 1:12-1:13 'r'\n"
     "COLON 1:13-1:14 ':'\n"
     "FSTRING_MIDDLE 1:14-1:15 '>'\n"
     "LBRACE 1:15-1:16 '{'\n"
     "NAME 1:16-1:17 'w'\n"
     "RBRACE 1:17-1:18 '}'\n"
     "FSTRING_MIDDLE 1:18-1:18 ''\n"
     "RBRACE 1:18-1:19 '}'\n"
     "FSTRING_MIDDLE 1:19-1:20 'd'\n"
     "FSTRING_END 1:20-1:21 '\"'\n"
     "NEWLINE 1:21-1:22 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
    {"f'{x}' F'{x}' rf'{x}' fR'\\n{x}' Rf'{x}' FR'{x}'\n",
     "FSTRING_START 1:0-1:2 'f\\''\n"
     "LBRACE 1:2-1:3 '{'\n"
     "NAME 1:3-1:4 'x'\n"
     "RBRACE 1:4-1:5 '}'\n"
     "FSTRING_END 1:5-1:6 '\\''\n"
     "FSTRING_START 1:7-1:9 'F\\''\n"
     "LBRACE 1:9-1:10 '{'\n"
     "NAME 1:10-1:11 'x'\n"
     "RBRACE 1:11-1:12 '}'\n"
     "FSTRING_END 1:12-1:13 '\\''\n"
     "FSTRING_START 1:14-1:17 'rf\\''\n"
     "LBRACE 1:17-1:18 '{'\n"
     "NAME 1:18-1:19 'x'\n"
     "RBRACE 1:19-1:20 '}'\n"
     "FSTRING_END 1:20-1:21 '\\''\n"
     "FSTRING_START 1:22-1:25 'fR\\''\n"
     "FSTRING_MIDDLE 1:25-1:27 '\\\\n'\n"
     "LBRACE 1:27-1:28 '{'\n"
     "NAME 1:28-1:29 'x'\n"
     "RBRACE 1:29-1:30 '}'\n"
     "FSTRING_END 1:30-1:31 '\\''\n"
     "FSTRING_START 1:32-1:35 'Rf\\''\n"
     "LBRACE 1:35-1:36 '{'\n"
     "NAME 1:36-1:37 'x'\n"
     "RBRACE 1:37-1:38 '}'\n"
     "FSTRING_END 1:38-1:39 '\\''\n"
     "FSTRING_START 1:40-1:43 'FR\\''\n"
     "LBRACE 1:43-1:44 '{'\n"
     "NAME 1:44-1:45 'x'\n"
     "RBRACE 1:45-1:46 '}'\n"
     "FSTRING_END 1:46-1:47 '\\''\n"
     "NEWLINE 1:47-1:48 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
    {"f\"{x=}\" f\"{x = !r:>10}\" f\"{x:=5}\" f\"{x!s}\" f\"{x!a:}\"\n",
     "FSTRING_START 1:0-1:2 'f\"'\n"
     "LBRACE 1:2-1:3 '{'\n"
     "NAME 1:3-1:4 'x'\n"
     "EQUAL 1:4-1:5 '='\n"
     "RBRACE 1:5-1:6 '}'\n"
     "FSTRING_END 1:6-1:7 '\"'\n"
     "FSTRING_START 1:8-1:10 'f\"'\n"
     "LBRACE 1:10-1:11 '{'\n"
     "NAME 1:11-1:12 'x'\n"
     "EQUAL 1:13-1:14 '='\n"
     "EXCLAMATION 1:15-1:16 '!'\n"
     "NAME 1:16-1:17 'r'\n"
     "COLON 1:17-1:18 ':'\n"
     "FSTRING_MIDDLE 1:18-1:21 '>10'\n"
     "RBRACE 1:21-1:22 '}'\n"
     "FSTRING_END 1:22-1:23 '\"'\n"
     "FSTRING_START 1:24-1:26 'f\"'\n"
     "LBRACE 1:26-1:27 '{'\n"
     "NAME 1:27-1:28 'x'\n"
     "COLON 1:28-1:29 ':'\n"
     "FSTRING_MIDDLE 1:29-1:31 '=5'\n"
     "RBRACE 1:31-1:32 '}'\n"
     "FSTRING_END 1:32-1:33 '\"'\n"
     "FSTRING_START 1:34-1:36 'f\"'\n"
     "LBRACE 1:36-1:37 '{'\n"
     "NAME 1:37-1:38 'x'\n"
     "EXCLAMATION 1:38-1:39 '!'\n"
     "NAME 1:39-1:40 's'\n"
     "RBRACE 1:40-1:41 '}'\n"
     "FSTRING_END 1:41-1:42 '\"'\n"
     "FSTRING_START 1:43-1:45 'f\"'\n"
     "LBRACE 1:45-1:46 '{'\n"
     "NAME 1:46-1:47 'x'\n"
     "EXCLAMATION 1:47-1:48 '!'\n"
     "NAME 1:48-1:49 'a'\n"
     "COLON 1:49-1:50 ':'\n"
     "FSTRING_MIDDLE 1:50-1:50 ''\n"
     "RBRACE 1:50-1:51 '}'\n"
     "FSTRING_END 1:51-1:52 '\"'\n"
     "NEWLINE 1:52-1:53 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
    {"f\"{f\"{f\"{x}\"}\"}\" f'{\"a\"}' f\"{'b'}\"\n",
     "FSTRING_START 1:0-1:2 'f\"'\n"
     "LBRACE 1:2-1:3 '{'\n"
     "FSTRING_START 1:3-1:5 'f\"'\n"
     "LBRACE 1:5-1:6 '{'\n"
     "FSTRING_START 1:6-1:8 'f\"'\n"
     "LBRACE 1:8-1:9 '{'\n"
     "NAME 1:9-1:10 'x'\n"
     "RBRACE 1:10-1:11 '}'\n"
     "FSTRING_END 1:11-1:12 '\"'\n"
     "RBRACE 1:12-1:13 '}'\n"
     "FSTRING_END 1:13-1:14 '\"'\n"
     "RBRACE 1:14-1:15 '}'\n"
     "FSTRING_END 1:15-1:16 '\"'\n"
     "FSTRING_START 1:17-1:19 'f\\''\n"
     "LBRACE 1:19-1:20 '{'\n"
     "STRING 1:20-1:23 '\"a\"'\n"
     "RBRACE 1:23-1:24 '}'\n"
     "FSTRING_END 1:24-1:25 '\\''\n"
     "FSTRING_START 1:26-1:28 'f\"'\n"
     "LBRACE 1:28-1:29 '{'\n"
     "STRING 1:29-1:32 '\\'b\\''\n"
     "RBRACE 1:32-1:33 '}'\n"
     "FSTRING_END 1:33-1:34 '\"'\n"
     "NEWLINE 1:34-1:35 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
    {"f\"{x:{y}.{z}}\" f\"{x:%H:%M}\" f\"{x:{{}}}\" f\"{x:}\"\n",
     "FSTRING_START 1:0-1:2 'f\"'\n"
     "LBRACE 1:2-1:3 '{'\n"
     "NAME 1:3-1:4 'x'\n"
     "COLON 1:4-1:5 ':'\n"
     "LBRACE 1:5-1:6 '{'\n"
     "NAME 1:6-1:7 'y'\n"
     "RBRACE 1:7-1:8 '}'\n"
     "FSTRING_MIDDLE 1:8-1:9 '.'\n"
     "LBRACE 1:9-1:10 '{'\n"
     "NAME 1:10-1:11 'z'\n"
     "RBRACE 1:11-1:12 '}'\n"
     "FSTRING_MIDDLE 1:12-1:12 ''\n"
     "RBRACE 1:12-1:13 '}'\n"
     "FSTRING_END 1:13-1:14 '\"'\n"
     "FSTRING_START 1:15-1:17 'f\"'\n"
     "LBRACE 1:17-1:18 '{'\n"
     "NAME 1:18-1:19 'x'\n"
     "COLON 1:19-1:20 ':'\n"
     "FSTRING_MIDDLE 1:20-1:25 '%H:%M'\n"
     "RBRACE 1:25-1:26 '}'\n"
     "FSTRING_END 1:26-1:27 '\"'\n"
     "FSTRING_START 1:28-1:30 'f\"'\n"
     "LBRACE 1:30-1:31 '{'\n"
     "NAME 1:31-1:32 'x'\n"
     "COLON 1:32-1:33 ':'\n"
     "FSTRING_MIDDLE 1:33-1:33 ''\n"
     "LBRACE 1:33-1:34 '{'\n"
     "LBRACE 1:34-1:35 '{'\n"
     "RBRACE 1:35-1:36 '}'\n"
     "RBRACE 1:36-1:37 '}'\n"
     "FSTRING_MIDDLE 1:37-1:37 ''\n"
     "RBRACE 1:37-1:38 '}'\n"
     "FSTRING_END 1:38-1:39 '\"'\n"
     "FSTRING_START 1:40-1:42 'f\"'\n"
     "LBRACE 1:42-1:43 '{'\n"
     "NAME 1:43-1:44 'x'\n"
     "COLON 1:44-1:45 ':'\n"
     "FSTRING_MIDDLE 1:45-1:45 ''\n"
     "RBRACE 1:45-1:46 '}'\n"
     "FSTRING_END 1:46-1:47 '\"'\n"
     "NEWLINE 1:47-1:48 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
    {"f\"\"\"a\nb{x}\nc\"\"\" f\"\"\"{\nx # comment\n}\"\"\"\n",
     "FSTRING_START 1:0-1:4 'f\"\"\"'\n"
     "FSTRING_MIDDLE 1:4-2:1 'a\\nb'\n"
     "LBRACE 2:1-2:2 '{'\n"
     "NAME 2:2-2:3 'x'\n"
     "RBRACE 2:3-2:4 '}'\n"
     "FSTRING_MIDDLE 2:4-3:1 '\\nc'\n"
     "FSTRING_END 3:1-3:4 '\"\"\"'\n"
     "FSTRING_START 3:5-3:9 'f\"\"\"'\n"
     "LBRACE 3:9-3:10 '{'\n"
     "NAME 4:0-4:1 'x'\n"
     "RBRACE 5:0-5:1 '}'\n"
     "FSTRING_END 5:1-5:4 '\"\"\"'\n"
     "NEWLINE 5:4-5:5 '\\n'\n"
     "ENDMARKER 6:0-6:0 ''\n"},
    {"f\"\\N{BULLET} {x}\" f\"\\{x}\" rf\"\\{x}\" f\"\\x41{x}\"\n",
     "FSTRING_START 1:0-1:2 'f\"'\n"
     "FSTRING_MIDDLE 1:2-1:12 '\\\\N{BULLET}'\n"
     "FSTRING_MIDDLE 1:12-1:13 ' '\n"
     "LBRACE 1:13-1:14 '{'\n"
     "NAME 1:14-1:15 'x'\n"
     "RBRACE 1:15-1:16 '}'\n"
     "FSTRING_END 1:16-1:17 '\"'\n"
     "FSTRING_START 1:18-1:20 'f\"'\n"
     "FSTRING_MIDDLE 1:20-1:21 '\\\\'\n"
     "LBRACE 1:21-1:22 '{'\n"
     "NAME 1:22-1:23 'x'\n"
     "RBRACE 1:23-1:24 '}'\n"
     "FSTRING_END 1:24-1:25 '\"'\n"
     "FSTRING_START 1:26-1:29 'rf\"'\n"
     "FSTRING_MIDDLE 1:29-1:30 '\\\\'\n"
     "LBRACE 1:30-1:31 '{'\n"
     "NAME 1:31-1:32 'x'\n"
     "RBRACE 1:32-1:33 '}'\n"
     "FSTRING_END 1:33-1:34 '\"'\n"
     "FSTRING_START 1:35-1:37 'f\"'\n"
     "FSTRING_MIDDLE 1:37-1:41 '\\\\x41'\n"
     "LBRACE 1:41-1:42 '{'\n"
     "NAME 1:42-1:43 'x'\n"
     "RBRACE 1:43-1:44 '}'\n"
     "FSTRING_END 1:44-1:45 '\"'\n"
     "NEWLINE 1:45-1:46 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
    {"f\"{x}\" \"s\" f\"{y}\"\n",
     "FSTRING_START 1:0-1:2 'f\"'\n"
     "LBRACE 1:2-1:3 '{'\n"
     "NAME 1:3-1:4 'x'\n"
     "RBRACE 1:4-1:5 '}'\n"
     "FSTRING_END 1:5-1:6 '\"'\n"
     "STRING 1:7-1:10 '\"s\"'\n"
     "FSTRING_START 1:11-1:13 'f\"'\n"
     "LBRACE 1:13-1:14 '{'\n"
     "NAME 1:14-1:15 'y'\n"
     "RBRACE 1:15-1:16 '}'\n"
     "FSTRING_END 1:16-1:17 '\"'\n"
     "NEWLINE 1:17-1:18 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
    {"f\"\" f\"{x}{y}\" f\"{{}}\" f\"{{{x}}}\"\n",
     "FSTRING_START 1:0-1:2 'f\"'\n"
     "FSTRING_END 1:2-1:3 '\"'\n"
     "FSTRING_START 1:4-1:6 'f\"'\n"
     "LBRACE 1:6-1:7 '{'\n"
     "NAME 1:7-1:8 'x'\n"
     "RBRACE 1:8-1:9 '}'\n"
     "LBRACE 1:9-1:10 '{'\n"
     "NAME 1:10-1:11 'y'\n"
     "RBRACE 1:11-1:12 '}'\n"
     "FSTRING_END 1:12-1:13 '\"'\n"
     "FSTRING_START 1:14-1:16 'f\"'\n"
     "FSTRING_MIDDLE 1:16-1:17 '{'\n"
     "FSTRING_MIDDLE 1:18-1:19 '}'\n"
     "FSTRING_END 1:20-1:21 '\"'\n"
     "FSTRING_START 1:22-1:24 'f\"'\n"
     "FSTRING_MIDDLE 1:24-1:25 '{'\n"
     "LBRACE 1:26-1:27 '{'\n"
     "NAME 1:27-1:28 'x'\n"
     "RBRACE 1:28-1:29 '}'\n"
     "FSTRING_MIDDLE 1:29-1:30 '}'\n"
     "FSTRING_END 1:31-1:32 '\"'\n"
     "NEWLINE 1:32-1:33 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
    {"f\"{x:abc\n}\"\n",
     "FSTRING_START 1:0-1:2 'f\"'\n"
     "LBRACE 1:2-1:3 '{'\n"
     "NAME 1:3-1:4 'x'\n"
     "COLON 1:4-1:5 ':'\n"
     "FSTRING_MIDDLE 1:5-1:8 'abc'\n"
     "RBRACE 2:0-2:1 '}'\n"
     "FSTRING_END 2:1-2:2 '\"'\n"
     "NEWLINE 2:2-2:3 '\\n'\n"
     "ENDMARKER 3:0-3:0 ''\n"},
    {"f\"{(lambda x: 1)}\" f\"{a[1:2]}\" f\"{ {1: 2}[1] }\"\n",
     "FSTRING_START 1:0-1:2 'f\"'\n"
     "LBRACE 1:2-1:3 '{'\n"
     "LPAR 1:3-1:4 '('\n"
     "KW_LAMBDA 1:4-1:10 'lambda'\n"
     "NAME 1:11-1:12 'x'\n"
     "COLON 1:12-1:13 ':'\n"
     "NUMBER 1:14-1:15 '1'\n"
     "RPAR 1:15-1:16 ')'\n"
     "RBRACE 1:16-1:17 '}'\n"
     "FSTRING_END 1:17-1:18 '\"'\n"
     "FSTRING_START 1:19-1:21 'f\"'\n"
     "LBRACE 1:21-1:22 '{'\n"
     "NAME 1:22-1:23 'a'\n"
     "LSQB 1:23-1:24 '['\n"
     "NUMBER 1:24-1:25 '1'\n"
     "COLON 1:25-1:26 ':'\n"
     "NUMBER 1:26-1:27 '2'\n"
     "RSQB 1:27-1:28 ']'\n"
     "RBRACE 1:28-1:29 '}'\n"
     "FSTRING_END 1:29-1:30 '\"'\n"
     "FSTRING_START 1:31-1:33 'f\"'\n"
     "LBRACE 1:33-1:34 '{'\n"
     "LBRACE 1:35-1:36 '{'\n"
     "NUMBER 1:36-1:37 '1'\n"
     "COLON 1:37-1:38 ':'\n"
     "NUMBER 1:39-1:40 '2'\n"
     "RBRACE 1:40-1:41 '}'\n"
     "LSQB 1:41-1:42 '['\n"
     "NUMBER 1:42-1:43 '1'\n"
     "RSQB 1:43-1:44 ']'\n"
     "RBRACE 1:45-1:46 '}'\n"
     "FSTRING_END 1:46-1:47 '\"'\n"
     "NEWLINE 1:47-1:48 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
};

static const LexCase operator_cases[] = {
    {"( ) [ ] { } : , ; + - * / | & < > = . % ~ ^ @ !\n",
     "LPAR 1:0-1:1 '('\n"
     "RPAR 1:2-1:3 ')'\n"
     "LSQB 1:4-1:5 '['\n"
     "RSQB 1:6-1:7 ']'\n"
     "LBRACE 1:8-1:9 '{'\n"
     "RBRACE 1:10-1:11 '}'\n"
     "COLON 1:12-1:13 ':'\n"
     "COMMA 1:14-1:15 ','\n"
     "SEMI 1:16-1:17 ';'\n"
     "PLUS 1:18-1:19 '+'\n"
     "MINUS 1:20-1:21 '-'\n"
     "STAR 1:22-1:23 '*'\n"
     "SLASH 1:24-1:25 '/'\n"
     "VBAR 1:26-1:27 '|'\n"
     "AMPER 1:28-1:29 '&'\n"
     "LESS 1:30-1:31 '<'\n"
     "GREATER 1:32-1:33 '>'\n"
     "EQUAL 1:34-1:35 '='\n"
     "DOT 1:36-1:37 '.'\n"
     "PERCENT 1:38-1:39 '%'\n"
     "TILDE 1:40-1:41 '~'\n"
     "CIRCUMFLEX 1:42-1:43 '^'\n"
     "AT 1:44-1:45 '@'\n"
     "EXCLAMATION 1:46-1:47 '!'\n"
     "NEWLINE 1:47-1:48 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
    {"== != <= >= << >> ** += -= *= /= %= &= |= ^= <<= >>= **= // //= @= -> ... :=\n",
     "EQEQUAL 1:0-1:2 '=='\n"
     "NOTEQUAL 1:3-1:5 '!='\n"
     "LESSEQUAL 1:6-1:8 '<='\n"
     "GREATEREQUAL 1:9-1:11 '>='\n"
     "LEFTSHIFT 1:12-1:14 '<<'\n"
     "RIGHTSHIFT 1:15-1:17 '>>'\n"
     "DOUBLESTAR 1:18-1:20 '**'\n"
     "PLUSEQUAL 1:21-1:23 '+='\n"
     "MINEQUAL 1:24-1:26 '-='\n"
     "STAREQUAL 1:27-1:29 '*='\n"
     "SLASHEQUAL 1:30-1:32 '/='\n"
     "PERCENTEQUAL 1:33-1:35 '%='\n"
     "AMPEREQUAL 1:36-1:38 '&='\n"
     "VBAREQUAL 1:39-1:41 '|='\n"
     "CIRCUMFLEXEQUAL 1:42-1:44 '^='\n"
     "LEFTSHIFTEQUAL 1:45-1:48 '<<='\n"
     "RIGHTSHIFTEQUAL 1:49-1:52 '>>='\n"
     "DOUBLESTAREQUAL 1:53-1:56 '**='\n"
     "DOUBLESLASH 1:57-1:59 '//'\n"
     "DOUBLESLASHEQUAL 1:60-1:63 '//='\n"
     "ATEQUAL 1:64-1:66 '@='\n"
     "RARROW 1:67-1:69 '->'\n"
     "ELLIPSIS 1:70-1:73 '...'\n"
     "COLONEQUAL 1:74-1:76 ':='\n"
     "NEWLINE 1:76-1:77 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
    {"a <= b>=c\n",
     "NAME 1:0-1:1 'a'\n"
     "LESSEQUAL 1:2-1:4 '<='\n"
     "NAME 1:5-1:6 'b'\n"
     "GREATEREQUAL 1:6-1:8 '>='\n"
     "NAME 1:8-1:9 'c'\n"
     "NEWLINE 1:9-1:10 '\\n'\n"
     "ENDMARKER 2:0-2:0 ''\n"},
};

static const LexCase error_cases[] = {
    {"if x:\n\ty\n        z\n",
     "3:0 inconsistent use of tabs and spaces in indentation"},
    {"if x:\n        y\n\tz\n",
     "3:0 inconsistent use of tabs and spaces in indentation"},
    {"if x:\n    y\n  z\n",
     "3:3 unindent does not match any outer indentation level"},
    {"x = 1 \\ y\n",
     "1:7 unexpected character after line continuation character"},
    {"x = 1 \\",
     "1:7 unexpected EOF while parsing"},
    {"\\\n",
     "1:1 unexpected EOF while parsing"},
    {"x = \"abc",
     "1:4 unterminated string literal (detected at line 1)"},
    {"x = 'a\\'",
     "1:4 unterminated string literal (detected at line 1); perhaps you escaped the end quote?"},
    {"x = \"\"\"abc\n\n",
     "1:4 unterminated triple-quoted string literal (detected at line 2)"},
    {"x = '''a",
     "1:4 unterminated triple-quoted string literal (detected at line 1)"},
    {"x = €",
     "1:4 invalid character '€' (U+20AC)"},
    {"x = a€",
     "1:5 invalid character '€' (U+20AC)"},
    {"x = \x01",
     "1:4 invalid non-printable character U+0001"},
    {"\x7f",
     "1:0 invalid non-printable character U+007F"},
    {"x = a​",
     "1:5 invalid non-printable character U+200B"},
    {"x =  ",
     "1:4 invalid non-printable character U+00A0"},
    {"x = 1\n\x0b",
     "2:0 invalid non-printable character U+000B"},
    {"x=1\n(\n",
     "2:0 '(' was never closed"},
    {"x = (]\n",
     "1:5 closing parenthesis ']' does not match opening parenthesis '('"},
    {"x=(\n]",
     "2:0 closing parenthesis ']' does not match opening parenthesis '(' on line 1"},
    {")",
     "1:0 unmatched ')'"},
    {"x = 0777",
     "1:4 leading zeros in decimal integer literals are not permitted; use an 0o prefix for oc"
     "tal integers"},
    {"0_7",
     "1:0 leading zeros in decimal integer literals are not permitted; use an 0o prefix for oc"
     "tal integers"},
    {"09",
     "1:0 leading zeros in decimal integer literals are not permitted; use an 0o prefix for oc"
     "tal integers"},
    {"x = 1_",
     "1:5 invalid decimal literal"},
    {"x=1__0",
     "1:3 invalid decimal literal"},
    {"0x",
     "1:1 invalid hexadecimal literal"},
    {"0xg",
     "1:1 invalid hexadecimal literal"},
    {"0xa_",
     "1:3 invalid hexadecimal literal"},
    {"0o8",
     "1:2 invalid digit '8' in octal literal"},
    {"0o",
     "1:1 invalid octal literal"},
    {"0o19",
     "1:3 invalid digit '9' in octal literal"},
    {"0b2",
     "1:2 invalid digit '2' in binary literal"},
    {"0b",
     "1:1 invalid binary literal"},
    {"0b12",
     "1:3 invalid digit '2' in binary literal"},
    {"1e",
     "1:0 invalid decimal literal"},
    {"1e+",
     "1:2 invalid decimal literal"},
    {"1ef",
     "1:0 invalid decimal literal"},
    {"1jx",
     "1:1 invalid imaginary literal"},
    {"12abc",
     "1:1 invalid decimal literal"},
    {"0_a",
     "1:1 invalid decimal literal"},
    {"f\"{x",
     "1:2 '{' was never closed"},
    {"f\"\"\"{x",
     "1:4 '{' was never closed"},
    {"f\"{x}",
     "1:0 unterminated f-string literal (detected at line 1)"},
    {"f\"\"\"abc",
     "1:0 unterminated triple-quoted f-string literal (detected at line 1)"},
    {"f\"abc",
     "1:0 unterminated f-string literal (detected at line 1)"},
    {"f\"{\"",
     "1:3 f-string: expecting '}'"},
    {"f\"}\"",
     "1:2 f-string: single '}' is not allowed"},
    {"f\"{x}}\"",
     "1:5 f-string: single '}' is not allowed"},
    {"f\"{{}\"",
     "1:4 f-string: single '}' is not allowed"},
    {"f\"{x:{y:{z:{w}}}}\"",
     "1:10 f-string: expressions nested too deeply"},
    {"f\"{)}\"",
     "1:3 f-string: unmatched ')'"},
    {"f\"{x)}\"",
     "1:4 f-string: unmatched ')'"},
    {"f\"{x]\"",
     "1:4 f-string: unmatched ']'"},
    {"f'{x:{'",
     "1:6 f-string: expecting '}'"},
    {"f\"{#}\"",
     "1:2 '{' was never closed"},
    {"f\"{x:}}\"",
     "1:6 f-string: single '}' is not allowed"},
    {"x = $\ny = 0777\n",
     "2:4 leading zeros in decimal integer literals are not permitted; use an 0o prefix for oc"
     "tal integers"},
    {"x = = 1\n\x01\n",
     "2:0 invalid non-printable character U+0001"},
};

static void test_layout(void) {
    CHECK_STREAMS(layout_cases);
}

static void test_names(void) {
    CHECK_STREAMS(name_cases);
}

static void test_numbers(void) {
    CHECK_STREAMS(number_cases);
}

static void test_strings(void) {
    CHECK_STREAMS(string_cases);
}

static void test_fstrings(void) {
    CHECK_STREAMS(fstring_cases);
}

static void test_operators(void) {
    CHECK_STREAMS(operator_cases);
    // CPython's tokenizer makes "<>" a NOTEQUAL and other printable characters generic OPs; its
    // parser then fails on them with "invalid syntax".
    Arena a;
    arena_init(&a);
    CU_ASSERT_STRING_EQUAL(format_tokens(&a, "a<>b a$b a?b a`b\n"),
                           "NAME 1:0-1:1 'a'\nNOTEQUAL 1:1-1:3 '<>'\nNAME 1:3-1:4 'b'\n"
                           "NAME 1:5-1:6 'a'\nOP 1:6-1:7 '$'\nNAME 1:7-1:8 'b'\n"
                           "NAME 1:9-1:10 'a'\nOP 1:10-1:11 '?'\nNAME 1:11-1:12 'b'\n"
                           "NAME 1:13-1:14 'a'\nOP 1:14-1:15 '`'\nNAME 1:15-1:16 'b'\n"
                           "NEWLINE 1:16-1:17 '\\n'\nENDMARKER 2:0-2:0 ''\n");
    arena_free(&a);
}

static void test_errors(void) {
    for (size_t i = 0; i < sizeof(error_cases) / sizeof(error_cases[0]); i++) {
        Arena a;
        arena_init(&a);
        const char *src = error_cases[i].src;
        const char *got = error_of(&a, src, strlen(src));
        if (strcmp(got, error_cases[i].expected) != 0) {
            printf("\nsource: %s\nexpected: %s\ngot: %s\n", src, error_cases[i].expected, got);
        }
        CU_ASSERT_STRING_EQUAL(got, error_cases[i].expected);
        arena_free(&a);
    }
}

// A NUL byte: CPython reports it on its line, after tokenizing the lines before it.
static void test_null_bytes(void) {
    static const char src[] = "x = 1\ny\0 = 2\n";
    Arena a;
    arena_init(&a);
    CU_ASSERT_STRING_EQUAL(error_of(&a, src, sizeof(src) - 1),
                           "2:0 source code cannot contain null bytes");
    static const char in_string[] = "x = \"\"\"\n\0\"\"\"\n";
    CU_ASSERT_STRING_EQUAL(error_of(&a, in_string, sizeof(in_string) - 1),
                           "2:0 source code cannot contain null bytes");
    arena_free(&a);
}

// 'count' copies of 'unit' between 'head' and 'tail'.
static char *repeat(Arena *a, const char *head, const char *unit, int count, const char *tail) {
    StrBuf b;
    strbuf_init(&b, a);
    strbuf_append(&b, head, strlen(head));
    for (int i = 0; i < count; i++) {
        strbuf_append(&b, unit, strlen(unit));
    }
    strbuf_append(&b, tail, strlen(tail));
    return (char *)strbuf_cstr(&b);
}

static void test_limits(void) {
    Arena a;
    arena_init(&a);
    char *parens = repeat(&a, "x = ", "(", 200, repeat(&a, "", ")", 200, "\n"));
    CU_ASSERT_STRING_EQUAL(error_of(&a, parens, strlen(parens)), "no error");
    parens = repeat(&a, "x = ", "(", 201, "");
    CU_ASSERT_STRING_EQUAL(error_of(&a, parens, strlen(parens)),
                           "1:204 too many nested parentheses");
    StrBuf b;
    strbuf_init(&b, &a);
    for (int depth = 0; depth <= 100; depth++) {
        strbuf_printf(&b, "%*s%s\n", depth, "", depth < 100 ? "if x:" : "pass");
    }
    const char *deep = strbuf_cstr(&b);
    CU_ASSERT_STRING_EQUAL(error_of(&a, deep, strlen(deep)),
                           "101:0 too many levels of indentation");
    char *fstrings = repeat(&a, "x = ", "f\"{", 149, repeat(&a, "x", "}\"", 149, ""));
    CU_ASSERT_STRING_EQUAL(error_of(&a, fstrings, strlen(fstrings)), "no error");
    fstrings = repeat(&a, "x = ", "f\"{", 150, repeat(&a, "x", "}\"", 150, ""));
    CU_ASSERT_STRING_EQUAL(error_of(&a, fstrings, strlen(fstrings)),
                           "1:452 too many nested f-strings");
    arena_free(&a);
}

// Which errors replace a syntax error the parser found earlier (CPython re-tokenizes the rest).
static void test_error_priority(void) {
    static const struct {
        const char *src;
        bool overrides, unclosed;
    } cases[] = {
        {"x = 0777\n", true, false},
        {"x = \"abc\n", true, false},
        {")\n", true, false},
        {"if x:\n    y\n  z\n", false, false},
        {"if x:\n\ty\n        z\n", false, false},
        {"x = 1 \\ y\n", false, false},
        {"x = (\n", false, true},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        Arena a;
        arena_init(&a);
        TokenArray toks = tokenize(&a, cases[i].src, strlen(cases[i].src));
        const Token *last = &toks.items[toks.count - 1];
        CU_ASSERT_EQUAL(last->kind, TK_ERROR);
        CU_ASSERT_EQUAL(lex_error_overrides(last), cases[i].overrides);
        CU_ASSERT_EQUAL(lex_error_is_unclosed(last), cases[i].unclosed);
        arena_free(&a);
    }
}

// Identifiers are NFKC-normalized into Token.name; keywords are recognized before that.
static void test_identifier_names(void) {
    Arena a;
    arena_init(&a);
    Interner *in = intern_new(&a);
    const char *src = "ｗｉｄｔｈ µ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ｉｆ ﬁ x\n";
    TokenArray toks;
    lex_tokenize(&a, in, src, strlen(src), &toks);
    const char *expected[] = {"width", "μ", "Unicode", "if", "fi", "x"};
    for (int i = 0; i < 6; i++) {
        CU_ASSERT_EQUAL(toks.items[i].kind, TK_NAME);
        CU_ASSERT_PTR_EQUAL(toks.items[i].name, intern_cstr(in, expected[i]));
    }
    lex_tokenize(&a, in, "if\n", 3, &toks);
    CU_ASSERT_EQUAL(toks.items[0].kind, TK_KW_IF);
    arena_free(&a);
}

static void test_nfkc(void) {
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"ｗｉｄｔｈ", "width"},
        {"µ", "μ"},
        {"𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "Unicode"},
        {"\u1100\u1161\u11a8", "\uac01"},  // Hangul jamo compose
        {"ﬁ", "fi"},
        {"\u212b", "\u00c5"},              // ANGSTROM SIGN
        {"a\u0307\u0323", "\u1ea1\u0307"},  // marks reordered, then composed
        {"\u00c5\u0301", "\u01fa"},
        {"ｶﾞ", "\u30ac"},
        {"①", "1"},
        {"\u1e9b\u0323", "\u1e69"},
        {"ſ", "s"},
        {"ℌ", "H"},
        {"\ufdfa", "\u0635\u0644\u0649 \u0627\u0644\u0644\u0647 \u0639\u0644\u064a\u0647 "
                   "\u0648\u0633\u0644\u0645"},
        {"x\u0301\u0327", "x\u0327\u0301"},
        {"ascii_name", "ascii_name"},
    };
    Arena a;
    arena_init(&a);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        size_t n;
        const char *got = uni_nfkc(&a, cases[i].in, strlen(cases[i].in), &n);
        CU_ASSERT_STRING_EQUAL(got, cases[i].out);
        CU_ASSERT_EQUAL(n, strlen(cases[i].out));
    }
    arena_free(&a);
}

// Decodes 'bytes'; the text, or "error: " and the diagnostic's first line.
static const char *decode(Arena *a, const char *bytes) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    Diag d;
    diag_init(&d, "t.py", f);
    d.color = false;
    Source src;
    bool ok = source_decode(a, &d, bytes, strlen(bytes), &src);
    fclose(f);
    const char *out;
    if (ok) {
        out = arena_strndup(a, src.text, src.len);
    } else {
        char *nl = strchr(buf, '\n');
        out = arena_printf(a, "error: %.*s", nl ? (int)(nl - buf) : (int)len, buf);
    }
    free(buf);
    return out;
}

static void test_encodings(void) {
    static const LexCase cases[] = {
        {"# coding: latin-1\nx = '\xe9'\n", "# coding: latin-1\nx = 'é'\n"},
        {"# -*- coding: cp1252 -*-\nx = '\x80\x93'\n", "# -*- coding: cp1252 -*-\nx = '€“'\n"},
        {"# coding=koi8-r\nx = '\xc1\xd7'\n", "# coding=koi8-r\nx = 'ав'\n"},
        {"\xef\xbb\xbfx = '\xc3\xa9'\n", "x = 'é'\n"},
        {"#!/usr/bin/env python\n# vim: set fileencoding=latin-1 :\nx = '\xe9'\n",
         "#!/usr/bin/env python\n# vim: set fileencoding=latin-1 :\nx = 'é'\n"},
        {"# coding: Latin_1\nx = '\xe9'\r\ny = 2\r\n", "# coding: Latin_1\nx = 'é'\ny = 2\n"},
        {"# coding: latin-1-unix\nx = '\xe9'\n", "# coding: latin-1-unix\nx = 'é'\n"},
        {"# coding: iso_8859_1\nx = '\xe9'\n", "# coding: iso_8859_1\nx = 'é'\n"},
        {"# coding: windows-1252\nx = '\x80'\n", "# coding: windows-1252\nx = '€'\n"},
        {"#coding:latin-1\nx = '\xe9'\n", "#coding:latin-1\nx = 'é'\n"},
        {"  # coding: latin-1\nx = '\xe9'\n", "  # coding: latin-1\nx = 'é'\n"},
        {"# coding: us-ascii\nx = 1\n", "# coding: us-ascii\nx = 1\n"},
        // Not decoded as latin-1: a coding line must come first or after a comment-only line.
        {"x = 1\n# coding: latin-1\nx = '\xe9'\n", "x = 1\n# coding: latin-1\nx = '\xe9'\n"},
        {"x = 1 # coding: latin-1\nx = '\xe9'\n", "x = 1 # coding: latin-1\nx = '\xe9'\n"},
        // UTF-8 is checked lazily: bytes in a comment are no error.
        {"x = 1 # \xff\n", "x = 1 # \xff\n"},
        {"x = 1\ry = 2\r", "x = 1\ny = 2\n"},
        {"\xef\xbb\xbf# coding: latin-1\nx = 1\n",
         "error: t.py:0:1: error: encoding problem: iso-8859-1 with BOM"},
        {"\xef\xbb\xbf# coding: UTF8\n", "error: t.py:0:1: error: encoding problem: UTF8 with BOM"},
        {"# coding: foo\nx = 1\n", "error: t.py:0:1: error: unknown encoding: foo"},
        {"# coding: ascii\nx = '\xe9'\n",
         "error: t.py:0:1: error: 'ascii' codec can't decode byte 0xe9 in position 21: ordinal "
         "not in range(128)"},
        {"# coding: cp1252\nx = '\x81'\n",
         "error: t.py:0:1: error: 'charmap' codec can't decode byte 0x81 in position 22: "
         "character maps to <undefined>"},
        {"# coding: utf8\nx = '\xff'\n",
         "error: t.py:0:1: error: 'utf-8' codec can't decode byte 0xff in position 20: invalid "
         "start byte"},
        {"# coding: cp437\nx = 1\n",
         "error: t.py:0:1: error: source encoding 'cp437' is not supported by krait"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        Arena a;
        arena_init(&a);
        CU_ASSERT_STRING_EQUAL(decode(&a, cases[i].src), cases[i].expected);
        arena_free(&a);
    }
}

// Invalid UTF-8 in an identifier, with the message of CPython's decoder.
static void test_invalid_utf8(void) {
    Arena a;
    arena_init(&a);
    const char *src = "x\xff = 1\n";
    CU_ASSERT_STRING_EQUAL(error_of(&a, src, strlen(src)),
                           "1:1 (unicode error) 'utf-8' codec can't decode byte 0xff in position "
                           "1: invalid start byte");
    src = "x = 1\n\xe4\xbd\n";
    CU_ASSERT_STRING_EQUAL(error_of(&a, src, strlen(src)),
                           "2:0 (unicode error) 'utf-8' codec can't decode bytes in position 0-1: "
                           "unexpected end of data");
    arena_free(&a);
}

int main(void) {
    if (CU_initialize_registry() != CUE_SUCCESS) {
        return 1;
    }
    CU_pSuite s = CU_add_suite("lex", NULL, NULL);
    CU_add_test(s, "layout", test_layout);
    CU_add_test(s, "names", test_names);
    CU_add_test(s, "numbers", test_numbers);
    CU_add_test(s, "strings", test_strings);
    CU_add_test(s, "f-strings", test_fstrings);
    CU_add_test(s, "operators", test_operators);
    CU_add_test(s, "errors", test_errors);
    CU_add_test(s, "null bytes", test_null_bytes);
    CU_add_test(s, "nesting limits", test_limits);
    CU_add_test(s, "error priority", test_error_priority);
    CU_add_test(s, "identifier names", test_identifier_names);
    CU_add_test(s, "NFKC", test_nfkc);
    CU_add_test(s, "encodings", test_encodings);
    CU_add_test(s, "invalid UTF-8", test_invalid_utf8);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
