// parse_internal.h: state and helpers shared by the parser's files (parse.c, parse_stmt.c,
// parse_expr.c, parse_pattern.c, parse_fstring.c). Not part of the front end's interface.
//
// The parser walks the token array with backtracking: 'pos' is saved and restored where the PEG
// grammar tries alternatives. A rule that does not match returns NULL without reporting; the first
// definite SyntaxError is recorded with parse_fail and stops the whole parse. When parsing fails
// with nothing recorded, the error is "invalid syntax" at the furthest token examined, as CPython
// reports it (its lazy tokenizer has fetched exactly that far).
#ifndef KRAIT_PARSE_INTERNAL_H
#define KRAIT_PARSE_INTERNAL_H

#include "frontend.h"

// Deepest nesting of recursive rules before "too complex" (CPython's parser allows 6000 frames).
#define PARSE_MAX_DEPTH 5900

typedef struct Parser {
    Arena *arena;
    Interner *in;
    const Source *src;
    Token *toks;
    size_t ntoks;      // the last token is ENDMARKER or TK_ERROR
    size_t pos;        // next token
    size_t max_pos;    // furthest token examined
    int depth;         // current recursion depth of the nesting rules
    bool failed;       // a SyntaxError has been recorded
    bool tok_error;    // it is the tokenizer's, or an indentation error: nothing overrides it
    const char *err_msg;
    SrcSpan err_span;
    Name n_match, n_case, n_type, n_underscore, n_print, n_exec;
} Parser;

// A growable node list; 'list' is what the AST stores.
typedef struct NodeBuf {
    AstList list;
    int cap;
} NodeBuf;

// parse.c
Token *parse_peek(Parser *p);
Token *parse_peek_at(Parser *p, size_t ahead);
bool parse_check(Parser *p, TokenKind kind);
bool parse_accept(Parser *p, TokenKind kind);
Token *parse_expect(Parser *p, TokenKind kind);
bool parse_check_name(Parser *p, Name soft);
void parse_fail(Parser *p, SrcSpan span, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void parse_fail_here(Parser *p, const char *msg);
bool parse_enter(Parser *p);
void parse_leave(Parser *p);
SrcSpan parse_span_from(Parser *p, size_t start);
SrcSpan parse_span_join(SrcSpan a, SrcSpan b);
AstNode *parse_node(Parser *p, AstKind kind, size_t start);
void parse_push(Parser *p, NodeBuf *b, AstNode *n);
AstList parse_list1(Parser *p, AstNode *n);
AstNode *parse_name_node(Parser *p, Token *t, AstOp ctx);
bool parse_block(Parser *p, const char *what, int line, AstList *out);
bool parse_expect_forced(Parser *p, TokenKind kind, const char *text);

// parse_stmt.c
AstNode *parse_compound_stmt(Parser *p);
bool parse_simple_stmts(Parser *p, NodeBuf *out);
AstNode *parse_params(Parser *p, bool lambda);
bool parse_type_params(Parser *p, AstList *out);

// parse_expr.c
AstNode *parse_expression(Parser *p);
AstNode *parse_named_expression(Parser *p);
AstNode *parse_star_expressions(Parser *p);
AstNode *parse_star_named_expression(Parser *p);
AstNode *parse_star_expression(Parser *p);
AstNode *parse_yield_expr(Parser *p);
AstNode *parse_annotated_rhs(Parser *p);
AstNode *parse_disjunction(Parser *p);
AstNode *parse_bitwise_or(Parser *p);
AstNode *parse_star_targets(Parser *p);
AstNode *parse_call_args(Parser *p, AstNode *func, size_t start);
void parse_check_missing_comma(Parser *p, AstNode *a, size_t a_start);
bool parse_set_context(Parser *p, AstNode *e, AstOp ctx, bool is_for);
const char *parse_expr_name(const AstNode *e);
const AstNode *parse_invalid_target(const AstNode *e, AstOp ctx, bool is_for);

// parse_pattern.c
AstNode *parse_match_stmt(Parser *p);

// parse_fstring.c
AstNode *parse_strings(Parser *p);
AstNode *parse_number(Parser *p, Token *t);

static inline bool tok_is(const Token *t, TokenKind kind) {
    return t->kind == kind;
}

#endif
