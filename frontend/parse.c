// parse.c: the parser's entry point and its token, error and node helpers. parse_module tokenizes
// the source, parses 'file: [statements] ENDMARKER' and returns the Module node, or reports the one
// SyntaxError CPython 3.13 would raise for the same input and returns NULL. The grammar rules live
// in parse_stmt.c, parse_expr.c, parse_pattern.c and parse_fstring.c (see parse_internal.h).
//
// Positions follow CPython: a node spans from its first token to the last token it consumed that
// is not NEWLINE, INDENT, DEDENT or ENDMARKER.
#include "parse_internal.h"

#include <stdarg.h>
#include <string.h>

// Records a TK_ERROR token's message the first time the parser reaches it: CPython's tokenizer
// raises exactly when the parser asks for that token.
static void reach(Parser *p, size_t i) {
    if (i > p->max_pos) {
        p->max_pos = i;
    }
    Token *t = &p->toks[i];
    if (t->kind == TK_ERROR && !p->failed) {
        parse_fail(p, t->span, "%.*s", (int)t->len, t->text);
        p->tok_error = true;
    }
}

Token *parse_peek(Parser *p) {
    reach(p, p->pos);
    return &p->toks[p->pos];
}

Token *parse_peek_at(Parser *p, size_t ahead) {
    size_t i = p->pos;
    for (size_t k = 0; k < ahead && i + 1 < p->ntoks; k++) {
        i++;
        reach(p, i);
    }
    return &p->toks[i];
}

bool parse_check(Parser *p, TokenKind kind) {
    return parse_peek(p)->kind == kind;
}

bool parse_accept(Parser *p, TokenKind kind) {
    if (parse_peek(p)->kind == kind) {
        p->pos++;
        return true;
    }
    return false;
}

Token *parse_expect(Parser *p, TokenKind kind) {
    Token *t = parse_peek(p);
    if (t->kind != kind) {
        return NULL;
    }
    p->pos++;
    return t;
}

bool parse_check_name(Parser *p, Name soft) {
    Token *t = parse_peek(p);
    return t->kind == TK_NAME && t->name == soft;
}

void parse_fail(Parser *p, SrcSpan span, const char *fmt, ...) {
    if (p->failed) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = arena_alloc(p->arena, (size_t)n + 1);
    vsnprintf(msg, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    p->failed = true;
    p->err_msg = msg;
    p->err_span = span;
}

// Where CPython reports an error at token 'i': the DEDENTs and ENDMARKER that end the file sit
// where the last NEWLINE starts.
static SrcSpan error_span(Parser *p, size_t i) {
    size_t j = i;
    while (j > 0 && (p->toks[j].kind == TK_DEDENT || p->toks[j].kind == TK_ENDMARKER)) {
        j--;
    }
    if (j == i || p->toks[j].kind != TK_NEWLINE || p->toks[p->ntoks - 1].kind != TK_ENDMARKER) {
        return p->toks[i].span;
    }
    SrcSpan s = p->toks[j].span;
    s.end_line = s.line;
    s.end_col = s.col;
    return s;
}

// Reports at the furthest token examined, as CPython's RAISE_SYNTAX_ERROR without a location.
void parse_fail_here(Parser *p, const char *msg) {
    parse_fail(p, error_span(p, p->max_pos), "%s", msg);
}

bool parse_enter(Parser *p) {
    if (p->failed) {
        return false;
    }
    if (++p->depth > PARSE_MAX_DEPTH) {
        p->depth--;
        parse_fail(p, parse_peek(p)->span,
                   "too complex: parser stack overflowed (nesting too deep)");
        return false;
    }
    return true;
}

void parse_leave(Parser *p) {
    p->depth--;
}

static bool is_whitespace_token(TokenKind k) {
    return k == TK_NEWLINE || k == TK_INDENT || k == TK_DEDENT || k == TK_ENDMARKER;
}

SrcSpan parse_span_from(Parser *p, size_t start) {
    size_t last = p->pos > 0 ? p->pos - 1 : 0;
    while (last > start && is_whitespace_token(p->toks[last].kind)) {
        last--;
    }
    SrcSpan s = p->toks[start].span;
    s.end_line = p->toks[last].span.end_line;
    s.end_col = p->toks[last].span.end_col;
    return s;
}

SrcSpan parse_span_join(SrcSpan a, SrcSpan b) {
    a.end_line = b.end_line;
    a.end_col = b.end_col;
    return a;
}

AstNode *parse_node(Parser *p, AstKind kind, size_t start) {
    return ast_new(p->arena, kind, parse_span_from(p, start));
}

void parse_push(Parser *p, NodeBuf *b, AstNode *n) {
    if (b->list.count == b->cap) {
        int cap = b->cap ? b->cap * 2 : 4;
        b->list.items = arena_realloc(p->arena, b->list.items, sizeof(AstNode *) * (size_t)b->cap,
                                      sizeof(AstNode *) * (size_t)cap);
        b->cap = cap;
    }
    b->list.items[b->list.count++] = n;
}

AstList parse_list1(Parser *p, AstNode *n) {
    NodeBuf b = {0};
    parse_push(p, &b, n);
    return b.list;
}

AstNode *parse_name_node(Parser *p, Token *t, AstOp ctx) {
    AstNode *n = ast_new(p->arena, AST_Name, t->span);
    n->u.Name.id = t->name;
    n->u.Name.ctx = ctx;
    return n;
}

// statements: statement+   (stops before DEDENT or ENDMARKER)
static bool parse_statements(Parser *p, NodeBuf *out) {
    for (;;) {
        TokenKind k = parse_peek(p)->kind;
        if (k == TK_DEDENT || k == TK_ENDMARKER || p->failed) {
            return !p->failed && out->list.count > 0;
        }
        size_t start = p->pos;
        AstNode *s = parse_compound_stmt(p);
        if (s) {
            parse_push(p, out, s);
        } else if (p->failed || p->pos != start || !parse_simple_stmts(p, out)) {
            return false;
        }
    }
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts
// 'what' names the statement for CPython's "expected an indented block after ..." message.
bool parse_block(Parser *p, const char *what, int line, AstList *out) {
    NodeBuf b = {0};
    if (parse_accept(p, TK_NEWLINE)) {
        if (!parse_accept(p, TK_INDENT)) {
            if (!p->failed) {
                parse_fail_here(p, what ? arena_printf(p->arena,
                                                       "expected an indented block after %s on line %d",
                                                       what, line)
                                        : "expected an indented block");
            }
            return false;
        }
        if (!parse_statements(p, &b) || !parse_expect(p, TK_DEDENT)) {
            return false;
        }
    } else if (!parse_simple_stmts(p, &b)) {
        return false;
    }
    *out = b.list;
    return true;
}

// A token the grammar forces (&&'x'): its absence is "expected 'x'" at the current token.
bool parse_expect_forced(Parser *p, TokenKind kind, const char *text) {
    if (parse_accept(p, kind)) {
        return true;
    }
    parse_fail(p, parse_peek(p)->span, "expected '%s'", text);
    return false;
}

// file: [statements] ENDMARKER
static AstNode *parse_file(Parser *p) {
    NodeBuf body = {0};
    if (!parse_check(p, TK_ENDMARKER) && !parse_statements(p, &body)) {
        return NULL;
    }
    if (!parse_check(p, TK_ENDMARKER)) {
        return NULL;
    }
    AstNode *m = ast_new(p->arena, AST_Module, (SrcSpan){0, 0, 0, 0});
    m->u.Module.body = body.list;
    return m;
}

// The generic error when no rule reported one: CPython's _PyPegen_set_syntax_error.
static void report_generic(Parser *p) {
    Token *t = &p->toks[p->max_pos];
    if (t->kind == TK_INDENT || t->kind == TK_DEDENT) {
        parse_fail(p, t->span, t->kind == TK_INDENT ? "unexpected indent" : "unexpected unindent");
        p->tok_error = true;  // CPython reports these without looking further
    } else {
        parse_fail(p, error_span(p, p->max_pos), "invalid syntax");
    }
}

// After a parser error CPython tokenizes the rest of the file, and most tokenizer errors found
// there replace the parser's (see lex_error_overrides).
static void prefer_later_token_error(Parser *p) {
    Token *last = &p->toks[p->ntoks - 1];
    if (p->tok_error || last->kind != TK_ERROR) {
        return;
    }
    bool unclosed_before = lex_error_is_unclosed(last) &&
                           last->span.line < p->toks[p->max_pos].span.line;
    if (!lex_error_overrides(last) && !unclosed_before) {
        return;
    }
    p->err_msg = arena_strndup(p->arena, last->text, last->len);
    p->err_span = last->span;
}

static void init_parser(Parser *p, Arena *a, Interner *in, const Source *src, TokenArray *toks) {
    memset(p, 0, sizeof *p);
    p->arena = a;
    p->in = in;
    p->src = src;
    p->toks = toks->items;
    p->ntoks = toks->count;
    p->n_match = intern_cstr(in, "match");
    p->n_case = intern_cstr(in, "case");
    p->n_type = intern_cstr(in, "type");
    p->n_underscore = intern_cstr(in, "_");
    p->n_print = intern_cstr(in, "print");
    p->n_exec = intern_cstr(in, "exec");
}

AstNode *parse_module(Arena *a, Interner *in, Diag *d, const Source *src) {
    TokenArray toks;
    lex_tokenize(a, in, src->text, src->len, &toks);
    Parser p;
    init_parser(&p, a, in, src, &toks);
    AstNode *m = parse_file(&p);
    if (m && !p.failed) {
        return m;
    }
    if (!p.failed) {
        report_generic(&p);
    }
    prefer_later_token_error(&p);
    diag_error(d, p.err_span, "%s", p.err_msg);
    return NULL;
}
