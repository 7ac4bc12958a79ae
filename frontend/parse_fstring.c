// parse_fstring.c: literals — numbers, and runs of adjacent string, bytes and f-string tokens,
// which become one Constant or one JoinedStr exactly as CPython 3.13's
// _PyPegen_concatenate_strings builds them: f-string parts are flattened, adjacent constant pieces
// merged, empty ones dropped, and 'kind' is 'u' only when the first piece has the u prefix.
// F-strings are parsed from the tokenizer's FSTRING_START / FSTRING_MIDDLE / FSTRING_END stream
// with the replacement fields' tokens in between (PEP 701).
#include "parse_internal.h"

#include <string.h>

static AstNode *fstring_replacement_field(Parser *p);

AstNode *parse_number(Parser *p, Token *t) {
    AstNode *n = ast_new(p->arena, AST_Constant, t->span);
    const char *err = NULL;
    if (!lex_number_value(p->arena, t, &n->u.Constant.value, &err)) {
        parse_fail(p, t->span, "%s", err ? err : "invalid number literal");
        return NULL;
    }
    return n;
}

static AstNode *str_constant(Parser *p, SrcSpan span, const char *data, size_t len) {
    AstNode *n = ast_new(p->arena, AST_Constant, span);
    n->u.Constant.value.kind = CONST_STR;
    n->u.Constant.value.u.s.data = data;
    n->u.Constant.value.u.s.len = len;
    return n;
}

static bool is_empty_str(const AstNode *n) {
    return n->kind == AST_Constant && n->u.Constant.value.kind == CONST_STR &&
           n->u.Constant.value.u.s.len == 0;
}

// string: STRING
static AstNode *string_token(Parser *p, Token *t) {
    StrLit lit;
    const char *err = NULL;
    if (!lex_string_value(p->arena, t, &lit, &err)) {
        parse_fail(p, t->span, "%s", err ? err : "invalid string literal");
        return NULL;
    }
    AstNode *n = str_constant(p, t->span, lit.data, lit.len);
    if (lit.is_bytes) {
        n->u.Constant.value.kind = CONST_BYTES;
    }
    if (lit.is_u) {
        n->u.Constant.kind = "u";
    }
    return n;
}

// An FSTRING_MIDDLE piece; 'raw' as the f-string's prefix (format specs are never raw).
static AstNode *fstring_middle(Parser *p, Token *t, bool raw) {
    StrLit lit;
    const char *err = NULL;
    if (!lex_fstring_middle_value(p->arena, t, raw, &lit, &err)) {
        parse_fail(p, t->span, "%s", err ? err : "invalid f-string literal");
        return NULL;
    }
    return str_constant(p, t->span, lit.data, lit.len);
}

// A cursor over the source that tracks line and column while it advances.
typedef struct SrcCursor {
    const char *s;
    size_t off, len;
    int line, col;
} SrcCursor;

static bool cursor_before(const SrcCursor *c, int line, int col) {
    return c->off < c->len && (c->line < line || (c->line == line && c->col < col));
}

static void cursor_step(SrcCursor *c) {
    if (c->s[c->off++] == '\n') {
        c->line++;
        c->col = 0;
    } else {
        c->col++;
    }
}

// Copies the source up to (line, col) into 'b'; in the gaps between tokens ('gap'), comments are
// left out, as CPython's tokenizer leaves them out of the debug text.
static void cursor_copy(SrcCursor *c, StrBuf *b, int line, int col, bool gap) {
    bool comment = false;
    while (cursor_before(c, line, col)) {
        char ch = c->s[c->off];
        comment = gap && (comment || ch == '#') && ch != '\n';
        if (!comment) {
            strbuf_putc(b, ch);
        }
        cursor_step(c);
    }
}

// The debug text of '{expr=}': the source from after '{' up to the token 'end' ('!', ':' or '}'),
// without comments.
static AstNode *debug_text(Parser *p, Token *lbrace, Token *end) {
    // Start right after the '{' (its text points into the source), not at the top of the file:
    // scanning from the start made files with many '{x=}' fields quadratic.
    SrcCursor c = {p->src->text, 0, p->src->len, 1, 0};
    if (lbrace->text >= p->src->text && lbrace->text + lbrace->len <= p->src->text + p->src->len) {
        c.off = (size_t)(lbrace->text - p->src->text) + lbrace->len;
        c.line = lbrace->span.end_line;
        c.col = lbrace->span.end_col;
    }
    while (cursor_before(&c, lbrace->span.end_line, lbrace->span.end_col)) {
        cursor_step(&c);
    }
    StrBuf b;
    strbuf_init(&b, p->arena);
    for (Token *t = lbrace + 1; t < end; t++) {
        cursor_copy(&c, &b, t->span.line, t->span.col, true);
        cursor_copy(&c, &b, t->span.end_line, t->span.end_col, false);
    }
    cursor_copy(&c, &b, end->span.line, end->span.col, true);
    SrcSpan span = {lbrace->span.end_line, lbrace->span.end_col, end->span.line, end->span.col};
    return str_constant(p, span, strbuf_cstr(&b), b.len);
}

// Merges adjacent constants and drops empty ones, as _PyPegen_concatenate_strings; 'fstring'
// says whether an f-string took part (else the single merged Constant is returned).
static AstList fold_constants(Parser *p, AstList flat, bool fstring) {
    NodeBuf out = {0};
    for (int i = 0; i < flat.count; i++) {
        AstNode *e = flat.items[i];
        if (e->kind == AST_Constant && i + 1 < flat.count && flat.items[i + 1]->kind == AST_Constant) {
            StrBuf b;
            strbuf_init(&b, p->arena);
            int j = i;
            for (; j < flat.count && flat.items[j]->kind == AST_Constant; j++) {
                const AstConst *c = &flat.items[j]->u.Constant.value;
                strbuf_append(&b, c->u.s.data, c->u.s.len);
            }
            AstNode *m = str_constant(p, parse_span_join(e->span, flat.items[j - 1]->span),
                                      strbuf_cstr(&b), b.len);
            m->u.Constant.kind = e->u.Constant.kind;
            e = m;
            i = j - 1;
        }
        if (fstring && is_empty_str(e)) {
            continue;
        }
        parse_push(p, &out, e);
    }
    return out.list;
}

// fstring_full_format_spec: ':' fstring_format_spec*
static AstNode *format_spec(Parser *p) {
    size_t start = p->pos++;
    NodeBuf spec = {0};
    bool has_field = false;
    for (;;) {
        Token *t = parse_peek(p);
        AstNode *e;
        if (t->kind == TK_FSTRING_MIDDLE) {
            p->pos++;
            e = fstring_middle(p, t, false);
        } else if (t->kind == TK_LBRACE) {
            e = fstring_replacement_field(p);
            has_field = true;
        } else {
            break;
        }
        if (!e) {
            return NULL;
        }
        if (e->kind == AST_JoinedStr) {
            for (int i = 0; i < e->u.JoinedStr.values.count; i++) {
                parse_push(p, &spec, e->u.JoinedStr.values.items[i]);
            }
        } else if (!is_empty_str(e)) {
            parse_push(p, &spec, e);
        }
    }
    AstNode *j = parse_node(p, AST_JoinedStr, start);
    j->u.JoinedStr.values = has_field ? fold_constants(p, spec.list, true) : spec.list;
    return j;
}

// fstring_conversion: '!' NAME
static bool conversion(Parser *p, int *out) {
    Token *bang = &p->toks[p->pos++];
    Token *n = parse_peek(p);
    if (n->kind != TK_NAME) {
        if (n->kind == TK_COLON || n->kind == TK_RBRACE) {
            parse_fail(p, n->span, "f-string: missing conversion character");
        } else {
            parse_fail(p, n->span, "f-string: invalid conversion character");
        }
        return false;
    }
    p->pos++;
    if (n->span.line != bang->span.end_line || n->span.col != bang->span.end_col) {
        parse_fail(p, parse_span_join(bang->span, n->span),
                   "f-string: conversion type must come right after the exclamanation mark");
        return false;
    }
    if (strlen(n->name) != 1 || !strchr("sra", n->name[0])) {
        parse_fail(p, n->span, "f-string: invalid conversion character '%s': expected 's', 'r', or 'a'",
                   n->name);
        return false;
    }
    *out = n->name[0];
    return true;
}

// The error for a malformed replacement field (CPython's invalid_fstring_replacement_field).
static void field_error(Parser *p, const char *msg) {
    if (!p->failed) {
        parse_fail(p, parse_peek(p)->span, "%s", msg);
    }
}

// fstring_replacement_field: '{' annotated_rhs ['='] [fstring_conversion]
//                            [fstring_full_format_spec] '}'
// Returns a FormattedValue, or a JoinedStr of the debug text and the FormattedValue for '='.
static AstNode *fstring_replacement_field(Parser *p) {
    size_t start = p->pos;
    Token *lbrace = &p->toks[p->pos++];
    TokenKind k = parse_peek(p)->kind;
    if (k == TK_EQUAL || k == TK_EXCLAMATION || k == TK_COLON || k == TK_RBRACE) {
        Token *t = parse_peek(p);
        parse_fail(p, t->span, "f-string: valid expression required before '%.*s'", (int)t->len,
                   t->text);
        return NULL;
    }
    AstNode *value = parse_annotated_rhs(p);
    if (!value) {
        field_error(p, "f-string: expecting a valid expression after '{'");
        return NULL;
    }
    k = parse_peek(p)->kind;
    if (k != TK_EQUAL && k != TK_EXCLAMATION && k != TK_COLON && k != TK_RBRACE) {
        parse_check_missing_comma(p, value, start + 1);
    }
    bool debug = parse_accept(p, TK_EQUAL);
    Token *after = parse_peek(p);
    int conv = -1;
    if (after->kind == TK_EXCLAMATION && !conversion(p, &conv)) {
        return NULL;
    }
    AstNode *spec = NULL;
    if (parse_check(p, TK_COLON) && !(spec = format_spec(p))) {
        return NULL;
    }
    if (!parse_check(p, TK_RBRACE)) {
        field_error(p, spec    ? "f-string: expecting '}'"
                       : conv >= 0 ? "f-string: expecting ':' or '}'"
                       : debug ? "f-string: expecting '!', or ':', or '}'"
                               : "f-string: expecting '=', or '!', or ':', or '}'");
        return NULL;
    }
    p->pos++;
    AstNode *fv = parse_node(p, AST_FormattedValue, start);
    fv->u.FormattedValue.value = value;
    fv->u.FormattedValue.conversion = debug && conv == -1 && !spec ? 'r' : conv;
    fv->u.FormattedValue.format_spec = spec;
    if (!debug) {
        return fv;
    }
    AstNode *j = ast_new(p->arena, AST_JoinedStr, fv->span);
    NodeBuf parts = {0};
    parse_push(p, &parts, debug_text(p, lbrace, after));
    parse_push(p, &parts, fv);
    j->u.JoinedStr.values = parts.list;
    return j;
}

// fstring: FSTRING_START fstring_middle* FSTRING_END
static AstNode *fstring(Parser *p) {
    size_t start = p->pos;
    Token *st = &p->toks[p->pos++];
    bool raw = memchr(st->text, 'r', st->len) || memchr(st->text, 'R', st->len);
    NodeBuf parts = {0};
    for (;;) {
        Token *t = parse_peek(p);
        AstNode *e;
        if (t->kind == TK_FSTRING_MIDDLE) {
            p->pos++;
            e = fstring_middle(p, t, raw);
        } else if (t->kind == TK_LBRACE) {
            if (!parse_enter(p)) {
                return NULL;
            }
            e = fstring_replacement_field(p);
            parse_leave(p);
        } else {
            break;
        }
        if (!e) {
            return NULL;
        }
        if (e->kind == AST_JoinedStr) {
            for (int i = 0; i < e->u.JoinedStr.values.count; i++) {
                parse_push(p, &parts, e->u.JoinedStr.values.items[i]);
            }
        } else if (!is_empty_str(e)) {
            parse_push(p, &parts, e);
        }
    }
    if (!parse_accept(p, TK_FSTRING_END)) {
        return NULL;
    }
    AstNode *j = parse_node(p, AST_JoinedStr, start);
    j->u.JoinedStr.values = parts.list;
    return j;
}

// strings: (fstring | string)+
AstNode *parse_strings(Parser *p) {
    size_t start = p->pos;
    NodeBuf flat = {0};
    bool has_f = false, has_bytes = false, has_str = false;
    for (;;) {
        Token *t = parse_peek(p);
        AstNode *e;
        if (t->kind == TK_STRING) {
            p->pos++;
            e = string_token(p, t);
        } else if (t->kind == TK_FSTRING_START) {
            e = fstring(p);
            has_f = true;
        } else {
            break;
        }
        if (!e) {
            return NULL;
        }
        if (e->kind == AST_JoinedStr) {
            for (int i = 0; i < e->u.JoinedStr.values.count; i++) {
                parse_push(p, &flat, e->u.JoinedStr.values.items[i]);
            }
        } else {
            bool b = e->u.Constant.value.kind == CONST_BYTES;
            has_bytes |= b;
            has_str |= !b;
            parse_push(p, &flat, e);
        }
    }
    SrcSpan span = parse_span_from(p, start);
    if (has_bytes && (has_str || has_f)) {
        parse_fail(p, span, "cannot mix bytes and nonbytes literals");
        return NULL;
    }
    if (has_bytes) {
        StrBuf b;
        strbuf_init(&b, p->arena);
        for (int i = 0; i < flat.list.count; i++) {
            const AstConst *c = &flat.list.items[i]->u.Constant.value;
            strbuf_append(&b, c->u.s.data, c->u.s.len);
        }
        AstNode *n = str_constant(p, span, strbuf_cstr(&b), b.len);
        n->u.Constant.value.kind = CONST_BYTES;
        n->u.Constant.kind = flat.list.items[0]->u.Constant.kind;
        return n;
    }
    if (!has_f && flat.list.count == 1) {
        return flat.list.items[0];
    }
    AstList values = fold_constants(p, flat.list, has_f);
    if (!has_f) {
        values.items[0]->span = span;
        return values.items[0];
    }
    AstNode *j = ast_new(p->arena, AST_JoinedStr, span);
    j->u.JoinedStr.values = values;
    return j;
}
