// parse_pattern.c: the match statement (PEP 634) and every pattern form — literals (signed and
// complex numbers, strings, None/True/False), captures, wildcards, dotted values, groups,
// sequences, mappings with **rest, class patterns, or-patterns and as-patterns. "match" and
// "case" are soft keywords: parse_match_stmt returns NULL without reporting when the statement
// does not have a match statement's shape, and the caller then parses it as a simple statement.
#include "parse_internal.h"

static AstNode *pattern(Parser *p);

static AstNode *pattern_node(Parser *p, AstKind kind, size_t start) {
    return parse_node(p, kind, start);
}

static AstNode *match_value(Parser *p, AstNode *value) {
    AstNode *m = ast_new(p->arena, AST_MatchValue, value->span);
    m->u.MatchValue.value = value;
    return m;
}

static bool is_imaginary(const AstNode *n) {
    return n->kind == AST_Constant && n->u.Constant.value.kind == CONST_COMPLEX;
}

// signed_number: NUMBER | '-' NUMBER   (and the complex_number forms that follow one)
static AstNode *signed_number(Parser *p) {
    size_t start = p->pos;
    bool neg = parse_accept(p, TK_MINUS);
    Token *t = parse_expect(p, TK_NUMBER);
    if (!t) {
        return NULL;
    }
    AstNode *n = parse_number(p, t);
    if (n && neg) {
        AstNode *u = parse_node(p, AST_UnaryOp, start);
        u->u.UnaryOp.op = AST_OP_USub;
        u->u.UnaryOp.operand = n;
        n = u;
    }
    TokenKind k = parse_peek(p)->kind;
    if (!n || (k != TK_PLUS && k != TK_MINUS)) {
        return n;
    }
    // complex_number: signed_real_number ('+' | '-') imaginary_number
    p->pos++;
    Token *it = parse_expect(p, TK_NUMBER);
    if (!it) {
        return NULL;
    }
    AstNode *imag = parse_number(p, it);
    const AstNode *real = neg ? n->u.UnaryOp.operand : n;
    if (is_imaginary(real)) {
        parse_fail(p, real->span, "real number required in complex literal");
        return NULL;
    }
    if (!imag || !is_imaginary(imag)) {
        parse_fail(p, it->span, "imaginary number required in complex literal");
        return NULL;
    }
    AstNode *b = parse_node(p, AST_BinOp, start);
    b->u.BinOp.left = n;
    b->u.BinOp.op = k == TK_PLUS ? AST_OP_Add : AST_OP_Sub;
    b->u.BinOp.right = imag;
    return b;
}

// name_or_attr: attr | NAME   (attr: name_or_attr '.' NAME)
static AstNode *name_or_attr(Parser *p) {
    size_t start = p->pos;
    Token *t = parse_expect(p, TK_NAME);
    if (!t) {
        return NULL;
    }
    AstNode *e = parse_name_node(p, t, AST_OP_Load);
    while (parse_check(p, TK_DOT)) {
        p->pos++;
        Token *n = parse_expect(p, TK_NAME);
        if (!n) {
            return NULL;
        }
        AstNode *a = parse_node(p, AST_Attribute, start);
        a->u.Attribute.value = e;
        a->u.Attribute.attr = n->name;
        e = a;
    }
    return e;
}

// pattern_capture_target: !"_" NAME !('.' | '(' | '=')
static Token *capture_target(Parser *p) {
    Token *t = parse_peek(p);
    if (t->kind != TK_NAME || t->name == p->n_underscore) {
        return NULL;
    }
    TokenKind k = parse_peek_at(p, 1)->kind;
    if (k == TK_DOT || k == TK_LPAR || k == TK_EQUAL) {
        return NULL;
    }
    p->pos++;
    return t;
}

// star_pattern: '*' (pattern_capture_target | wildcard_pattern)
static AstNode *star_pattern(Parser *p) {
    size_t start = p->pos++;
    Name name = NULL;
    if (parse_check_name(p, p->n_underscore)) {
        p->pos++;
    } else {
        Token *t = capture_target(p);
        if (!t) {
            return NULL;
        }
        name = t->name;
    }
    AstNode *m = pattern_node(p, AST_MatchStar, start);
    m->u.MatchStar.name = name;
    return m;
}

// maybe_star_pattern: star_pattern | pattern
static AstNode *maybe_star_pattern(Parser *p) {
    return parse_check(p, TK_STAR) ? star_pattern(p) : pattern(p);
}

// ','.maybe_star_pattern+ ','? up to 'close'; 'elts' may already hold a first pattern.
static bool sequence_items(Parser *p, NodeBuf *elts, TokenKind close) {
    while (!parse_check(p, close)) {
        AstNode *e = maybe_star_pattern(p);
        if (!e) {
            return false;
        }
        parse_push(p, elts, e);
        if (!parse_accept(p, TK_COMMA)) {
            break;
        }
    }
    return parse_accept(p, close);
}

// group_pattern: '(' pattern ')'   sequence_pattern: '(' open_sequence_pattern? ')'
static AstNode *paren_pattern(Parser *p) {
    size_t start = p->pos++;
    NodeBuf elts = {0};
    if (!parse_check(p, TK_RPAR)) {
        AstNode *first = maybe_star_pattern(p);
        if (!first) {
            return NULL;
        }
        if (first->kind != AST_MatchStar && parse_accept(p, TK_RPAR)) {
            return first;
        }
        if (!parse_accept(p, TK_COMMA)) {
            return NULL;
        }
        parse_push(p, &elts, first);
    }
    if (!sequence_items(p, &elts, TK_RPAR)) {
        return NULL;
    }
    AstNode *m = pattern_node(p, AST_MatchSequence, start);
    m->u.MatchSequence.patterns = elts.list;
    return m;
}

// sequence_pattern: '[' maybe_sequence_pattern? ']'
static AstNode *list_pattern(Parser *p) {
    size_t start = p->pos++;
    NodeBuf elts = {0};
    if (!sequence_items(p, &elts, TK_RSQB)) {
        return NULL;
    }
    AstNode *m = pattern_node(p, AST_MatchSequence, start);
    m->u.MatchSequence.patterns = elts.list;
    return m;
}

// literal_expr | attr: a mapping pattern's key
static AstNode *mapping_key(Parser *p) {
    Token *t = parse_peek(p);
    size_t start = p->pos;
    switch (t->kind) {
    case TK_NUMBER:
    case TK_MINUS: return signed_number(p);
    case TK_STRING:
    case TK_FSTRING_START: return parse_strings(p);
    case TK_KW_NONE:
    case TK_KW_TRUE:
    case TK_KW_FALSE: {
        p->pos++;
        AstNode *c = parse_node(p, AST_Constant, start);
        c->u.Constant.value.kind = t->kind == TK_KW_NONE   ? CONST_NONE
                                   : t->kind == TK_KW_TRUE ? CONST_TRUE
                                                           : CONST_FALSE;
        return c;
    }
    case TK_NAME: {
        AstNode *e = name_or_attr(p);
        return e && e->kind == AST_Attribute ? e : NULL;
    }
    default: return NULL;
    }
}

// mapping_pattern: '{' [items_pattern] [',' double_star_pattern] ','? '}'
static AstNode *mapping_pattern(Parser *p) {
    size_t start = p->pos++;
    NodeBuf keys = {0}, pats = {0};
    Name rest = NULL;
    while (!parse_check(p, TK_RBRACE)) {
        if (parse_check(p, TK_DOUBLESTAR)) {
            p->pos++;
            Token *t = capture_target(p);
            if (!t) {
                return NULL;
            }
            rest = t->name;
            parse_accept(p, TK_COMMA);
            break;
        }
        AstNode *k = mapping_key(p), *v;
        if (!k || !parse_accept(p, TK_COLON) || !(v = pattern(p))) {
            return NULL;
        }
        parse_push(p, &keys, k);
        parse_push(p, &pats, v);
        if (!parse_accept(p, TK_COMMA)) {
            break;
        }
    }
    if (!parse_accept(p, TK_RBRACE)) {
        return NULL;
    }
    AstNode *m = pattern_node(p, AST_MatchMapping, start);
    m->u.MatchMapping.keys = keys.list;
    m->u.MatchMapping.patterns = pats.list;
    m->u.MatchMapping.rest = rest;
    return m;
}

// class_pattern: name_or_attr '(' [positional_patterns ','] [keyword_patterns ','?] ')'
static AstNode *class_pattern(Parser *p, AstNode *cls, size_t start) {
    p->pos++;
    NodeBuf pos = {0}, kwd = {0}, late = {0};
    NameList attrs = {0};
    int cap = 0;
    while (!parse_check(p, TK_RPAR)) {
        if (parse_check(p, TK_NAME) && parse_peek_at(p, 1)->kind == TK_EQUAL) {
            Token *n = &p->toks[p->pos];
            p->pos += 2;
            AstNode *v = pattern(p);
            if (!v) {
                return NULL;
            }
            if (attrs.count == cap) {
                int ncap = cap ? cap * 2 : 4;
                attrs.items = arena_realloc(p->arena, attrs.items, sizeof(Name) * (size_t)cap,
                                            sizeof(Name) * (size_t)ncap);
                cap = ncap;
            }
            attrs.items[attrs.count++] = n->name;
            parse_push(p, &kwd, v);
        } else {
            AstNode *v = pattern(p);
            if (!v) {
                return NULL;
            }
            parse_push(p, kwd.list.count ? &late : &pos, v);
        }
        if (!parse_accept(p, TK_COMMA)) {
            break;
        }
    }
    if (!parse_check(p, TK_RPAR)) {
        return NULL;
    }
    if (late.list.count) {
        parse_fail(p, parse_span_join(late.list.items[0]->span,
                                      late.list.items[late.list.count - 1]->span),
                   "positional patterns follow keyword patterns");
        return NULL;
    }
    p->pos++;
    AstNode *m = pattern_node(p, AST_MatchClass, start);
    m->u.MatchClass.cls = cls;
    m->u.MatchClass.patterns = pos.list;
    m->u.MatchClass.kwd_attrs = attrs;
    m->u.MatchClass.kwd_patterns = kwd.list;
    return m;
}

// capture_pattern | wildcard_pattern | value_pattern | class_pattern, at a NAME
static AstNode *name_pattern(Parser *p) {
    size_t start = p->pos;
    Token *t = parse_peek(p);
    if (t->name == p->n_underscore) {
        p->pos++;
        return pattern_node(p, AST_MatchAs, start);
    }
    Token *c = capture_target(p);
    if (c) {
        AstNode *m = pattern_node(p, AST_MatchAs, start);
        m->u.MatchAs.name = c->name;
        return m;
    }
    AstNode *e = name_or_attr(p);
    if (!e) {
        return NULL;
    }
    if (parse_check(p, TK_LPAR)) {
        return class_pattern(p, e, start);
    }
    if (e->kind != AST_Attribute || parse_check(p, TK_EQUAL)) {
        return NULL;
    }
    return match_value(p, e);
}

static AstNode *singleton(Parser *p, AstConstKind kind) {
    size_t start = p->pos++;
    AstNode *m = pattern_node(p, AST_MatchSingleton, start);
    m->u.MatchSingleton.value.kind = kind;
    return m;
}

// closed_pattern: literal_pattern | capture_pattern | wildcard_pattern | value_pattern
//               | group_pattern | sequence_pattern | mapping_pattern | class_pattern
static AstNode *closed_pattern(Parser *p) {
    Token *t = parse_peek(p);
    switch (t->kind) {
    case TK_NUMBER:
    case TK_MINUS: {
        AstNode *v = signed_number(p);
        return v ? match_value(p, v) : NULL;
    }
    case TK_STRING:
    case TK_FSTRING_START: {
        AstNode *v = parse_strings(p);
        return v ? match_value(p, v) : NULL;
    }
    case TK_KW_NONE: return singleton(p, CONST_NONE);
    case TK_KW_TRUE: return singleton(p, CONST_TRUE);
    case TK_KW_FALSE: return singleton(p, CONST_FALSE);
    case TK_NAME: return name_pattern(p);
    case TK_LPAR: return paren_pattern(p);
    case TK_LSQB: return list_pattern(p);
    case TK_LBRACE: return mapping_pattern(p);
    default: return NULL;
    }
}

// or_pattern: '|'.closed_pattern+
static AstNode *or_pattern(Parser *p) {
    size_t start = p->pos;
    AstNode *first = closed_pattern(p);
    if (!first || !parse_check(p, TK_VBAR)) {
        return first;
    }
    NodeBuf alts = {0};
    parse_push(p, &alts, first);
    while (parse_accept(p, TK_VBAR)) {
        AstNode *a = closed_pattern(p);
        if (!a) {
            return NULL;
        }
        parse_push(p, &alts, a);
    }
    AstNode *m = pattern_node(p, AST_MatchOr, start);
    m->u.MatchOr.patterns = alts.list;
    return m;
}

// pattern: as_pattern | or_pattern   (as_pattern: or_pattern 'as' pattern_capture_target)
static AstNode *pattern(Parser *p) {
    if (!parse_enter(p)) {
        return NULL;
    }
    size_t start = p->pos;
    AstNode *o = or_pattern(p);
    if (o && parse_accept(p, TK_KW_AS)) {
        Token *t = parse_peek(p);
        if (t->kind == TK_NAME && t->name == p->n_underscore) {
            parse_fail(p, t->span, "cannot use '_' as a target");
            o = NULL;
        } else if (!(t = capture_target(p))) {
            o = NULL;
        } else {
            AstNode *m = pattern_node(p, AST_MatchAs, start);
            m->u.MatchAs.pattern = o;
            m->u.MatchAs.name = t->name;
            o = m;
        }
    }
    parse_leave(p);
    return o;
}

// patterns: open_sequence_pattern | pattern
static AstNode *patterns(Parser *p) {
    size_t start = p->pos;
    AstNode *first = maybe_star_pattern(p);
    if (!first || !parse_check(p, TK_COMMA)) {
        return first && first->kind != AST_MatchStar ? first : NULL;
    }
    NodeBuf elts = {0};
    parse_push(p, &elts, first);
    while (parse_accept(p, TK_COMMA)) {
        if (parse_check(p, TK_COLON) || parse_check(p, TK_KW_IF)) {
            break;
        }
        AstNode *e = maybe_star_pattern(p);
        if (!e) {
            return NULL;
        }
        parse_push(p, &elts, e);
    }
    AstNode *m = pattern_node(p, AST_MatchSequence, start);
    m->u.MatchSequence.patterns = elts.list;
    return m;
}

// case_block: "case" patterns guard? ':' block
static AstNode *case_block(Parser *p) {
    Token *kw = parse_peek(p);
    if (kw->kind != TK_NAME || kw->name != p->n_case) {
        return NULL;
    }
    p->pos++;
    AstNode *pat = patterns(p), *guard = NULL;
    if (!pat) {
        return NULL;
    }
    if (parse_accept(p, TK_KW_IF) && !(guard = parse_named_expression(p))) {
        return NULL;
    }
    if (!parse_accept(p, TK_COLON)) {
        if (parse_check(p, TK_NEWLINE)) {
            parse_fail_here(p, "expected ':'");
        }
        return NULL;
    }
    AstNode *c = ast_new(p->arena, AST_match_case, kw->span);
    if (!parse_block(p, "'case' statement", kw->span.line, &c->u.match_case.body)) {
        return NULL;
    }
    c->u.match_case.pattern = pat;
    c->u.match_case.guard = guard;
    return c;
}

// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
static AstNode *subject_expr(Parser *p) {
    size_t start = p->pos;
    AstNode *first = parse_star_named_expression(p);
    if (!first || !parse_check(p, TK_COMMA)) {
        return first && first->kind != AST_Starred ? first : NULL;
    }
    NodeBuf elts = {0};
    parse_push(p, &elts, first);
    while (parse_accept(p, TK_COMMA)) {
        if (parse_check(p, TK_COLON)) {
            break;
        }
        AstNode *e = parse_star_named_expression(p);
        if (!e) {
            return NULL;
        }
        parse_push(p, &elts, e);
    }
    AstNode *t = parse_node(p, AST_Tuple, start);
    t->u.Tuple.elts = elts.list;
    return t;
}

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
AstNode *parse_match_stmt(Parser *p) {
    size_t start = p->pos;
    Token *kw = &p->toks[p->pos++];
    AstNode *subject = subject_expr(p);
    if (!subject || !parse_accept(p, TK_COLON) || !parse_accept(p, TK_NEWLINE)) {
        return NULL;
    }
    if (!parse_accept(p, TK_INDENT)) {
        parse_fail_here(p, arena_printf(p->arena,
                                        "expected an indented block after 'match' statement on line %d",
                                        kw->span.line));
        return NULL;
    }
    NodeBuf cases = {0};
    while (!parse_check(p, TK_DEDENT)) {
        AstNode *c = case_block(p);
        if (!c) {
            return NULL;
        }
        parse_push(p, &cases, c);
    }
    p->pos++;
    AstNode *m = parse_node(p, AST_Match, start);
    m->u.Match.subject = subject;
    m->u.Match.cases = cases.list;
    return m;
}
