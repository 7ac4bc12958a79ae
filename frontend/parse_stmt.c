// parse_stmt.c: statements — simple statements (assignments of every form, imports, del, raise,
// global, type aliases ...), compound statements (if, while, for, with, try, def, class and their
// async forms, decorators), function and lambda parameter lists and PEP 695 type parameters.
// Input is the token stream positioned at a statement; output is the statement node(s) with
// CPython 3.13's positions. Match statements are in parse_pattern.c.
#include "parse_internal.h"

#include <string.h>

typedef struct NameBuf {
    NameList list;
    int cap;
} NameBuf;

static void push_name(Parser *p, NameBuf *b, Name n) {
    if (b->list.count == b->cap) {
        int cap = b->cap ? b->cap * 2 : 4;
        b->list.items = arena_realloc(p->arena, b->list.items, sizeof(Name) * (size_t)b->cap,
                                      sizeof(Name) * (size_t)cap);
        b->cap = cap;
    }
    b->list.items[b->list.count++] = n;
}

// A ':' that starts a block; NEWLINE instead is CPython's "expected ':'".
static bool expect_colon(Parser *p) {
    if (parse_accept(p, TK_COLON)) {
        return true;
    }
    if (parse_check(p, TK_NEWLINE)) {
        parse_fail_here(p, "expected ':'");
    }
    return false;
}

// ---- simple statements ------------------------------------------------------------------------

static AstOp augassign_op(TokenKind k, bool *ok) {
    *ok = true;
    switch (k) {
    case TK_PLUSEQUAL: return AST_OP_Add;
    case TK_MINEQUAL: return AST_OP_Sub;
    case TK_STAREQUAL: return AST_OP_Mult;
    case TK_ATEQUAL: return AST_OP_MatMult;
    case TK_SLASHEQUAL: return AST_OP_Div;
    case TK_PERCENTEQUAL: return AST_OP_Mod;
    case TK_AMPEREQUAL: return AST_OP_BitAnd;
    case TK_VBAREQUAL: return AST_OP_BitOr;
    case TK_CIRCUMFLEXEQUAL: return AST_OP_BitXor;
    case TK_LEFTSHIFTEQUAL: return AST_OP_LShift;
    case TK_RIGHTSHIFTEQUAL: return AST_OP_RShift;
    case TK_DOUBLESTAREQUAL: return AST_OP_Pow;
    case TK_DOUBLESLASHEQUAL: return AST_OP_FloorDiv;
    default: *ok = false; return AST_OP_Add;
    }
}

static bool is_single_target(const AstNode *e) {
    return e->kind == AST_Name || e->kind == AST_Attribute || e->kind == AST_Subscript;
}

// assignment: NAME ':' expression ['=' annotated_rhs] | (single_target) ':' ...
static AstNode *ann_assign(Parser *p, AstNode *target, size_t start) {
    if (!is_single_target(target)) {
        if (target->kind == AST_Tuple || target->kind == AST_List) {
            parse_fail(p, target->span, "only single target (not %s) can be annotated",
                       target->kind == AST_Tuple ? "tuple" : "list");
        } else {
            parse_fail(p, target->span, "illegal target for annotation");
        }
        return NULL;
    }
    p->pos++;  // ':'
    AstNode *ann = parse_expression(p);
    if (!ann) {
        return NULL;
    }
    AstNode *value = NULL;
    if (parse_accept(p, TK_EQUAL) && !(value = parse_annotated_rhs(p))) {
        return NULL;
    }
    parse_set_context(p, target, AST_OP_Store, false);
    AstNode *s = parse_node(p, AST_AnnAssign, start);
    s->u.AnnAssign.target = target;
    s->u.AnnAssign.annotation = ann;
    s->u.AnnAssign.value = value;
    s->u.AnnAssign.simple = target->kind == AST_Name && p->toks[start].kind == TK_NAME;
    return s;
}

// assignment: single_target augassign ~ annotated_rhs
static AstNode *aug_assign(Parser *p, AstNode *target, AstOp op, size_t start) {
    if (!is_single_target(target)) {
        parse_fail(p, target->span, "'%s' is an illegal expression for augmented assignment",
                   parse_expr_name(target));
        return NULL;
    }
    p->pos++;
    AstNode *value = parse_annotated_rhs(p);
    if (!value) {
        return NULL;
    }
    parse_set_context(p, target, AST_OP_Store, false);
    AstNode *s = parse_node(p, AST_AugAssign, start);
    s->u.AugAssign.target = target;
    s->u.AugAssign.op = op;
    s->u.AugAssign.value = value;
    return s;
}

// The first token of 'e' opens a list, tuple or generator display, or is True/False/None: the
// cases CPython's invalid_named_expression leaves to the generic "cannot assign to" message.
static bool starts_with_display(Parser *p, const AstNode *e, size_t start) {
    TokenKind k = p->toks[start].kind;
    if (k == TK_KW_TRUE || k == TK_KW_FALSE || k == TK_KW_NONE) {
        return true;
    }
    const AstNode *l = e;
    for (;;) {
        if (l->kind == AST_BinOp) {
            l = l->u.BinOp.left;
        } else if (l->kind == AST_Call) {
            l = l->u.Call.func;
        } else if (l->kind == AST_Attribute) {
            l = l->u.Attribute.value;
        } else if (l->kind == AST_Subscript) {
            l = l->u.Subscript.value;
        } else {
            break;
        }
    }
    bool display = l->kind == AST_List || l->kind == AST_Tuple || l->kind == AST_GeneratorExp;
    return display && l->span.line == e->span.line && l->span.col == e->span.col;
}

static bool is_bitwise_or_level(const AstNode *e) {
    switch (e->kind) {
    case AST_Compare:
    case AST_BoolOp:
    case AST_IfExp:
    case AST_Lambda:
    case AST_NamedExpr:
    case AST_Starred:
        return false;
    case AST_UnaryOp:
        return e->u.UnaryOp.op != AST_OP_Not;
    default:
        return true;
    }
}

// Reports an invalid assignment target as CPython's invalid_named_expression/invalid_assignment.
static void bad_assign_target(Parser *p, AstNode *t, size_t start, bool first, size_t after_eq) {
    bool bare_yield = (t->kind == AST_Yield || t->kind == AST_YieldFrom) &&
                      p->toks[start].kind == TK_KW_YIELD;
    if (bare_yield) {
        parse_fail(p, t->span, "assignment to yield expression not possible");
        return;
    }
    if (first && is_bitwise_or_level(t) && !(t->kind == AST_Tuple && p->toks[start].kind != TK_LPAR) &&
        !starts_with_display(p, t, start)) {
        size_t save = p->pos;
        p->pos = after_eq;
        bool fired = false;
        if (parse_bitwise_or(p) && !parse_check(p, TK_EQUAL) && !parse_check(p, TK_COLONEQUAL)) {
            fired = true;
        }
        p->pos = save;
        if (fired && !p->failed) {
            parse_fail(p, t->span, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                       parse_expr_name(t));
            return;
        }
    }
    const AstNode *bad = parse_invalid_target(t, AST_OP_Store, false);
    parse_fail(p, (bad ? bad : t)->span, "cannot assign to %s", parse_expr_name(bad ? bad : t));
}

// assignment: (star_targets '=')+ annotated_rhs !'='
static AstNode *assign(Parser *p, AstNode *first, size_t start) {
    NodeBuf targets = {0};
    AstNode *value = first;
    size_t value_start = start;
    while (parse_check(p, TK_EQUAL)) {
        p->pos++;
        size_t after_eq = p->pos;
        if (!parse_set_context(p, value, AST_OP_Store, false)) {
            bad_assign_target(p, value, value_start, targets.list.count == 0, after_eq);
            return NULL;
        }
        parse_push(p, &targets, value);
        value_start = p->pos;
        value = parse_annotated_rhs(p);
        if (!value) {
            return NULL;
        }
    }
    AstNode *s = parse_node(p, AST_Assign, start);
    s->u.Assign.targets = targets.list;
    s->u.Assign.value = value;
    return s;
}

// invalid_legacy_expression: NAME !'(' star_expressions, for print and exec.
static void check_legacy(Parser *p, AstNode *e, size_t start) {
    if (e->kind != AST_Name || (e->u.Name.id != p->n_print && e->u.Name.id != p->n_exec)) {
        return;
    }
    size_t save = p->pos;
    AstNode *arg = parse_check(p, TK_LPAR) ? NULL : parse_star_expressions(p);
    p->pos = save;
    if (arg && !p->failed) {
        parse_fail(p, parse_span_join(p->toks[start].span, arg->span),
                   "Missing parentheses in call to '%s'. Did you mean %s(...)?", e->u.Name.id,
                   e->u.Name.id);
    }
}

// Statements that start with an expression: assignments, annotated and augmented assignments and
// expression statements.
static AstNode *expr_stmt(Parser *p) {
    size_t start = p->pos;
    AstNode *e = parse_check(p, TK_KW_YIELD) ? parse_yield_expr(p) : parse_star_expressions(p);
    if (!e) {
        return NULL;
    }
    Token *t = parse_peek(p);
    bool aug;
    AstOp op = augassign_op(t->kind, &aug);
    if (t->kind == TK_COLON) {
        return ann_assign(p, e, start);
    }
    if (aug) {
        return aug_assign(p, e, op, start);
    }
    if (t->kind == TK_EQUAL) {
        return assign(p, e, start);
    }
    if (t->kind != TK_NEWLINE && t->kind != TK_SEMI) {
        check_legacy(p, e, start);
        return NULL;
    }
    AstNode *s = parse_node(p, AST_Expr, start);
    s->u.Expr.value = e;
    return s;
}

// return_stmt: 'return' [star_expressions]
static AstNode *return_stmt(Parser *p, size_t start) {
    AstNode *v = NULL;
    if (!parse_check(p, TK_NEWLINE) && !parse_check(p, TK_SEMI) && !(v = parse_star_expressions(p))) {
        return NULL;
    }
    AstNode *s = parse_node(p, AST_Return, start);
    s->u.Return.value = v;
    return s;
}

// raise_stmt: 'raise' expression ['from' expression] | 'raise'
static AstNode *raise_stmt(Parser *p, size_t start) {
    AstNode *exc = NULL, *cause = NULL;
    if (!parse_check(p, TK_NEWLINE) && !parse_check(p, TK_SEMI)) {
        if (!(exc = parse_expression(p))) {
            return NULL;
        }
        if (parse_accept(p, TK_KW_FROM) && !(cause = parse_expression(p))) {
            return NULL;
        }
    }
    AstNode *s = parse_node(p, AST_Raise, start);
    s->u.Raise.exc = exc;
    s->u.Raise.cause = cause;
    return s;
}

// global_stmt: 'global' ','.NAME+   nonlocal_stmt: 'nonlocal' ','.NAME+
static AstNode *names_stmt(Parser *p, AstKind kind, size_t start) {
    NameBuf names = {0};
    do {
        Token *t = parse_expect(p, TK_NAME);
        if (!t) {
            return NULL;
        }
        push_name(p, &names, t->name);
    } while (parse_accept(p, TK_COMMA));
    AstNode *s = parse_node(p, kind, start);
    if (kind == AST_Global) {
        s->u.Global.names = names.list;
    } else {
        s->u.Nonlocal.names = names.list;
    }
    return s;
}

// del_stmt: 'del' del_targets &(';' | NEWLINE)
static AstNode *del_stmt(Parser *p, size_t start) {
    NodeBuf targets = {0};
    do {
        if (parse_check(p, TK_NEWLINE) || parse_check(p, TK_SEMI)) {
            break;
        }
        AstNode *e = parse_star_expression(p);
        if (!e) {
            return NULL;
        }
        if (!parse_set_context(p, e, AST_OP_Del, false)) {
            const AstNode *bad = parse_invalid_target(e, AST_OP_Del, false);
            parse_fail(p, (bad ? bad : e)->span, "cannot delete %s", parse_expr_name(bad ? bad : e));
            return NULL;
        }
        parse_push(p, &targets, e);
    } while (parse_accept(p, TK_COMMA));
    if (targets.list.count == 0 || (!parse_check(p, TK_NEWLINE) && !parse_check(p, TK_SEMI))) {
        return NULL;
    }
    AstNode *s = parse_node(p, AST_Delete, start);
    s->u.Delete.targets = targets.list;
    return s;
}

// assert_stmt: 'assert' expression [',' expression]
static AstNode *assert_stmt(Parser *p, size_t start) {
    AstNode *test = parse_expression(p), *msg = NULL;
    if (!test || (parse_accept(p, TK_COMMA) && !(msg = parse_expression(p)))) {
        return NULL;
    }
    AstNode *s = parse_node(p, AST_Assert, start);
    s->u.Assert.test = test;
    s->u.Assert.msg = msg;
    return s;
}

// dotted_name: dotted_name '.' NAME | NAME
static Name dotted_name(Parser *p) {
    Token *t = parse_expect(p, TK_NAME);
    if (!t) {
        return NULL;
    }
    if (!parse_check(p, TK_DOT)) {
        return t->name;
    }
    StrBuf b;
    strbuf_init(&b, p->arena);
    strbuf_append(&b, t->name, strlen(t->name));
    while (parse_check(p, TK_DOT) && parse_peek_at(p, 1)->kind == TK_NAME) {
        p->pos++;
        t = &p->toks[p->pos++];
        strbuf_putc(&b, '.');
        strbuf_append(&b, t->name, strlen(t->name));
    }
    return intern(p->in, b.data, b.len);
}

// dotted_as_name: dotted_name ['as' NAME]   import_from_as_name: NAME ['as' NAME]
static AstNode *alias(Parser *p, bool dotted) {
    size_t start = p->pos;
    Name name = dotted ? dotted_name(p) : (parse_check(p, TK_NAME) ? p->toks[p->pos++].name : NULL);
    if (!name) {
        return NULL;
    }
    Name asname = NULL;
    if (parse_accept(p, TK_KW_AS)) {
        Token *t = parse_expect(p, TK_NAME);
        if (!t) {
            return NULL;
        }
        asname = t->name;
    }
    AstNode *a = parse_node(p, AST_alias, start);
    a->u.alias.name = name;
    a->u.alias.asname = asname;
    return a;
}

// import_name: 'import' dotted_as_names
static AstNode *import_name(Parser *p, size_t start) {
    NodeBuf names = {0};
    if (parse_check(p, TK_NEWLINE)) {
        parse_fail(p, parse_peek(p)->span, "Expected one or more names after 'import'");
        return NULL;
    }
    do {
        AstNode *a = alias(p, true);
        if (!a) {
            return NULL;
        }
        parse_push(p, &names, a);
    } while (parse_accept(p, TK_COMMA));
    AstNode *s = parse_node(p, AST_Import, start);
    s->u.Import.names = names.list;
    return s;
}

// import_from_targets: '(' import_from_as_names [','] ')' | import_from_as_names !',' | '*'
static bool import_from_targets(Parser *p, NodeBuf *names) {
    if (parse_check(p, TK_STAR)) {
        size_t start = p->pos++;
        AstNode *a = parse_node(p, AST_alias, start);
        a->u.alias.name = intern_cstr(p->in, "*");
        parse_push(p, names, a);
        return true;
    }
    if (parse_check(p, TK_NEWLINE)) {
        parse_fail(p, parse_peek(p)->span, "Expected one or more names after 'import'");
        return false;
    }
    bool paren = parse_accept(p, TK_LPAR);
    do {
        if (paren && names->list.count > 0 && parse_check(p, TK_RPAR)) {
            break;
        }
        AstNode *a = alias(p, false);
        if (!a) {
            return false;
        }
        parse_push(p, names, a);
    } while (parse_accept(p, TK_COMMA) && !(!paren && parse_check(p, TK_NEWLINE)));
    if (paren) {
        return parse_accept(p, TK_RPAR);
    }
    if (p->toks[p->pos - 1].kind == TK_COMMA) {
        parse_fail_here(p, "trailing comma not allowed without surrounding parentheses");
        return false;
    }
    return true;
}

// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//            | 'from' ('.' | '...')+ 'import' import_from_targets
static AstNode *import_from(Parser *p, size_t start) {
    int level = 0;
    for (;;) {
        if (parse_accept(p, TK_DOT)) {
            level++;
        } else if (parse_accept(p, TK_ELLIPSIS)) {
            level += 3;
        } else {
            break;
        }
    }
    Name module = NULL;
    if (!(level > 0 && parse_check(p, TK_KW_IMPORT)) && !(module = dotted_name(p))) {
        return NULL;
    }
    NodeBuf names = {0};
    if (!parse_accept(p, TK_KW_IMPORT) || !import_from_targets(p, &names)) {
        return NULL;
    }
    AstNode *s = parse_node(p, AST_ImportFrom, start);
    s->u.ImportFrom.module = module;
    s->u.ImportFrom.names = names.list;
    s->u.ImportFrom.level = level;
    return s;
}

// type_alias: "type" NAME [type_params] '=' expression
static AstNode *type_alias(Parser *p) {
    size_t start = p->pos;
    Token *t = parse_peek_at(p, 1);
    TokenKind after = parse_peek_at(p, 2)->kind;
    if (t->kind != TK_NAME || (after != TK_LSQB && after != TK_EQUAL)) {
        return NULL;
    }
    p->pos += 2;
    AstNode *s = ast_new(p->arena, AST_TypeAlias, t->span);
    if (after == TK_LSQB && !parse_type_params(p, &s->u.TypeAlias.type_params)) {
        return NULL;
    }
    AstNode *v;
    if (!parse_accept(p, TK_EQUAL) || !(v = parse_expression(p))) {
        return NULL;
    }
    s->span = parse_span_from(p, start);
    s->u.TypeAlias.name = parse_name_node(p, t, AST_OP_Store);
    s->u.TypeAlias.value = v;
    return s;
}

// simple_stmt: assignment | type_alias | star_expressions | return_stmt | import_stmt | ...
static AstNode *simple_stmt(Parser *p) {
    size_t start = p->pos;
    Token *t = parse_peek(p);
    switch (t->kind) {
    case TK_KW_RETURN: p->pos++; return return_stmt(p, start);
    case TK_KW_RAISE: p->pos++; return raise_stmt(p, start);
    case TK_KW_PASS: p->pos++; return parse_node(p, AST_Pass, start);
    case TK_KW_BREAK: p->pos++; return parse_node(p, AST_Break, start);
    case TK_KW_CONTINUE: p->pos++; return parse_node(p, AST_Continue, start);
    case TK_KW_GLOBAL: p->pos++; return names_stmt(p, AST_Global, start);
    case TK_KW_NONLOCAL: p->pos++; return names_stmt(p, AST_Nonlocal, start);
    case TK_KW_DEL: p->pos++; return del_stmt(p, start);
    case TK_KW_ASSERT: p->pos++; return assert_stmt(p, start);
    case TK_KW_IMPORT: p->pos++; return import_name(p, start);
    case TK_KW_FROM: p->pos++; return import_from(p, start);
    default: break;
    }
    if (t->kind == TK_NAME && t->name == p->n_type) {
        AstNode *s = type_alias(p);
        if (s || p->failed) {
            return s;
        }
        p->pos = start;
    }
    return expr_stmt(p);
}

// simple_stmts: ';'.simple_stmt+ [';'] NEWLINE
bool parse_simple_stmts(Parser *p, NodeBuf *out) {
    do {
        if (parse_check(p, TK_NEWLINE) && out->list.count > 0) {
            break;
        }
        AstNode *s = simple_stmt(p);
        if (!s) {
            return false;
        }
        parse_push(p, out, s);
    } while (parse_accept(p, TK_SEMI));
    return parse_accept(p, TK_NEWLINE);
}

// ---- parameters -------------------------------------------------------------------------------

typedef struct Params {
    NodeBuf posonly, args, defaults, kwonly, kw_defaults;
    AstNode *vararg, *kwarg;
    bool slash, star;
} Params;

// param: NAME annotation?   (lambda_param: NAME)   'star' allows '*args: *Ts'
static AstNode *param(Parser *p, bool lambda, bool star) {
    size_t start = p->pos;
    Token *t = parse_expect(p, TK_NAME);
    if (!t) {
        return NULL;
    }
    AstNode *ann = NULL;
    if (!lambda && parse_accept(p, TK_COLON)) {
        ann = star && parse_check(p, TK_STAR) ? parse_star_expression(p) : parse_expression(p);
        if (!ann) {
            return NULL;
        }
    }
    AstNode *a = parse_node(p, AST_arg, start);
    a->u.arg.arg = t->name;
    a->u.arg.annotation = ann;
    return a;
}

static bool at_params_end(Parser *p, bool lambda) {
    return parse_check(p, lambda ? TK_COLON : TK_RPAR);
}

// '/' after the positional-only parameters.
static bool params_slash(Parser *p, Params *ps) {
    Token *t = &p->toks[p->pos++];
    if (ps->args.list.count == 0 && !ps->slash && !ps->star) {
        if (parse_check(p, TK_COMMA)) {
            parse_fail(p, t->span, "at least one argument must precede /");
        }
        return false;
    }
    if (ps->slash) {
        parse_fail(p, t->span, "/ may appear only once");
    } else if (ps->star) {
        parse_fail(p, t->span, "/ must be ahead of *");
    }
    if (p->failed) {
        return false;
    }
    ps->slash = true;
    ps->posonly = ps->args;
    ps->args = (NodeBuf){0};
    return true;
}

// '*' [param] : the var-positional parameter or a bare star.
static bool params_star(Parser *p, Params *ps, bool lambda) {
    Token *t = &p->toks[p->pos++];
    if (ps->star) {
        return false;
    }
    ps->star = true;
    if (parse_check(p, TK_COMMA)) {
        TokenKind next = parse_peek_at(p, 1)->kind;
        if (next == (lambda ? TK_COLON : TK_RPAR) || next == TK_DOUBLESTAR) {
            parse_fail(p, t->span, "named arguments must follow bare *");
            return false;
        }
        return true;
    }
    if (at_params_end(p, lambda)) {
        parse_fail(p, t->span, "named arguments must follow bare *");
        return false;
    }
    if (!(ps->vararg = param(p, lambda, true))) {
        return false;
    }
    if (parse_check(p, TK_EQUAL)) {
        parse_fail(p, parse_peek(p)->span, "var-positional argument cannot have default value");
        return false;
    }
    return true;
}

// '**' param : the var-keyword parameter, which must come last.
static bool params_kwarg(Parser *p, Params *ps, bool lambda) {
    p->pos++;
    if (!(ps->kwarg = param(p, lambda, false))) {
        return false;
    }
    if (parse_check(p, TK_EQUAL)) {
        parse_fail(p, parse_peek(p)->span, "var-keyword argument cannot have default value");
        return false;
    }
    if (parse_accept(p, TK_COMMA) && !at_params_end(p, lambda)) {
        Token *t = parse_peek(p);
        if (t->kind == TK_NAME || t->kind == TK_STAR || t->kind == TK_DOUBLESTAR || t->kind == TK_SLASH) {
            parse_fail(p, t->span, "arguments cannot follow var-keyword argument");
        }
        return false;
    }
    return true;
}

// A named parameter with an optional default.
static bool params_named(Parser *p, Params *ps, bool lambda) {
    AstNode *a = param(p, lambda, false);
    if (!a) {
        return false;
    }
    AstNode *def = NULL;
    if (parse_check(p, TK_EQUAL)) {
        Token *eq = &p->toks[p->pos++];
        TokenKind next = parse_peek(p)->kind;
        if (next == TK_COMMA || next == (lambda ? TK_COLON : TK_RPAR)) {
            parse_fail(p, eq->span, "expected default value expression");
            return false;
        }
        if (!(def = parse_expression(p))) {
            return false;
        }
    }
    if (ps->star) {
        parse_push(p, &ps->kwonly, a);
        parse_push(p, &ps->kw_defaults, def);
        return true;
    }
    if (!def && ps->defaults.list.count > 0) {
        parse_fail(p, a->span, "parameter without a default follows parameter with a default");
        return false;
    }
    parse_push(p, &ps->args, a);
    if (def) {
        parse_push(p, &ps->defaults, def);
    }
    return true;
}

// '(' NAME (',' NAME)* ','? ')' among plain parameters: CPython's dedicated error.
static bool params_parenthesized(Parser *p, Params *ps, bool lambda) {
    size_t start = p->pos++;
    if (ps->defaults.list.count || ps->star || ps->slash) {
        return false;
    }
    do {
        if (!parse_accept(p, TK_NAME)) {
            return false;
        }
    } while (parse_accept(p, TK_COMMA) && !parse_check(p, TK_RPAR));
    if (parse_check(p, TK_RPAR)) {
        parse_fail(p, parse_span_join(p->toks[start].span, parse_peek(p)->span),
                   lambda ? "Lambda expression parameters cannot be parenthesized"
                          : "Function parameters cannot be parenthesized");
    }
    return false;
}

static bool params_item(Parser *p, Params *ps, bool lambda) {
    switch (parse_peek(p)->kind) {
    case TK_SLASH: return params_slash(p, ps);
    case TK_STAR: return params_star(p, ps, lambda);
    case TK_DOUBLESTAR: return params_kwarg(p, ps, lambda);
    case TK_NAME: return params_named(p, ps, lambda);
    case TK_LPAR: return params_parenthesized(p, ps, lambda);
    default: return false;
    }
}

// params: parameters (def) or lambda_parameters; stops before ')' or ':'. The grammar's orderings
// are checked here with CPython's messages.
AstNode *parse_params(Parser *p, bool lambda) {
    Params ps = {0};
    while (!at_params_end(p, lambda)) {
        if (!params_item(p, &ps, lambda)) {
            return NULL;
        }
        if (ps.kwarg) {
            break;
        }
        if (!parse_accept(p, TK_COMMA)) {
            break;
        }
    }
    if (!at_params_end(p, lambda)) {
        return NULL;
    }
    if (ps.star && !ps.vararg && ps.kwonly.list.count == 0) {
        parse_fail(p, parse_peek(p)->span, "named arguments must follow bare *");
        return NULL;
    }
    AstNode *a = ast_new(p->arena, AST_arguments, (SrcSpan){0, 0, 0, 0});
    a->u.arguments.posonlyargs = ps.posonly.list;
    a->u.arguments.args = ps.args.list;
    a->u.arguments.vararg = ps.vararg;
    a->u.arguments.kwonlyargs = ps.kwonly.list;
    a->u.arguments.kw_defaults = ps.kw_defaults.list;
    a->u.arguments.kwarg = ps.kwarg;
    a->u.arguments.defaults = ps.defaults.list;
    return a;
}

// ---- type parameters --------------------------------------------------------------------------

// type_param: NAME [':' expression] ['=' expression] | '*' NAME ['=' star_expression]
//           | '**' NAME ['=' expression]
static AstNode *type_param(Parser *p) {
    size_t start = p->pos;
    TokenKind k = parse_peek(p)->kind;
    if (k == TK_STAR || k == TK_DOUBLESTAR) {
        p->pos++;
    }
    Token *t = parse_expect(p, TK_NAME);
    if (!t) {
        return NULL;
    }
    AstNode *bound = NULL, *def = NULL;
    if (parse_check(p, TK_COLON)) {
        Token *colon = &p->toks[p->pos++];
        if (!(bound = parse_expression(p))) {
            return NULL;
        }
        if (k != TK_NAME) {
            const char *what = k == TK_STAR ? "TypeVarTuple" : "ParamSpec";
            parse_fail(p, parse_span_join(colon->span, bound->span), "cannot use %s with %s",
                       bound->kind == AST_Tuple ? "constraints" : "bound", what);
            return NULL;
        }
    }
    if (parse_accept(p, TK_EQUAL)) {
        def = k == TK_STAR ? parse_star_expression(p) : parse_expression(p);
        if (!def) {
            return NULL;
        }
    }
    AstKind kind = k == TK_STAR ? AST_TypeVarTuple : k == TK_DOUBLESTAR ? AST_ParamSpec : AST_TypeVar;
    AstNode *n = parse_node(p, kind, start);
    if (kind == AST_TypeVar) {
        n->u.TypeVar.name = t->name;
        n->u.TypeVar.bound = bound;
        n->u.TypeVar.default_value = def;
    } else if (kind == AST_TypeVarTuple) {
        n->u.TypeVarTuple.name = t->name;
        n->u.TypeVarTuple.default_value = def;
    } else {
        n->u.ParamSpec.name = t->name;
        n->u.ParamSpec.default_value = def;
    }
    return n;
}

// type_params: '[' ','.type_param+ [','] ']'
bool parse_type_params(Parser *p, AstList *out) {
    if (!parse_accept(p, TK_LSQB)) {
        return false;
    }
    if (parse_check(p, TK_RSQB)) {
        parse_fail(p, parse_peek(p)->span, "Type parameter list cannot be empty");
        return false;
    }
    NodeBuf b = {0};
    do {
        if (b.list.count > 0 && parse_check(p, TK_RSQB)) {
            break;
        }
        AstNode *t = type_param(p);
        if (!t) {
            return false;
        }
        parse_push(p, &b, t);
    } while (parse_accept(p, TK_COMMA));
    *out = b.list;
    return parse_accept(p, TK_RSQB);
}

// ---- compound statements ----------------------------------------------------------------------

// else_block: 'else' &&':' block
static bool else_block(Parser *p, AstList *out) {
    if (!parse_check(p, TK_KW_ELSE)) {
        return true;
    }
    Token *t = &p->toks[p->pos++];
    return parse_expect_forced(p, TK_COLON, ":") && parse_block(p, "'else' statement", t->span.line, out);
}

// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
static AstNode *if_stmt(Parser *p) {
    size_t start = p->pos;
    Token *kw = &p->toks[p->pos++];
    const char *what = kw->kind == TK_KW_IF ? "'if' statement" : "'elif' statement";
    AstNode *test = parse_named_expression(p);
    AstNode *s = ast_new(p->arena, AST_If, kw->span);
    if (!test || !expect_colon(p) || !parse_block(p, what, kw->span.line, &s->u.If.body)) {
        return NULL;
    }
    s->u.If.test = test;
    if (parse_check(p, TK_KW_ELIF)) {
        AstNode *e = if_stmt(p);
        if (!e) {
            return NULL;
        }
        s->u.If.orelse = parse_list1(p, e);
    } else if (!else_block(p, &s->u.If.orelse)) {
        return NULL;
    }
    s->span = parse_span_from(p, start);
    return s;
}

// while_stmt: 'while' named_expression ':' block [else_block]
static AstNode *while_stmt(Parser *p) {
    size_t start = p->pos;
    Token *kw = &p->toks[p->pos++];
    AstNode *s = ast_new(p->arena, AST_While, kw->span);
    if (!(s->u.While.test = parse_named_expression(p)) || !expect_colon(p) ||
        !parse_block(p, "'while' statement", kw->span.line, &s->u.While.body) ||
        !else_block(p, &s->u.While.orelse)) {
        return NULL;
    }
    s->span = parse_span_from(p, start);
    return s;
}

// for_stmt: ['async'] 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
static AstNode *for_stmt(Parser *p, size_t start, bool is_async) {
    Token *kw = &p->toks[p->pos++];
    AstNode *target = parse_star_targets(p);
    if (!target || !parse_accept(p, TK_KW_IN)) {
        return NULL;
    }
    AstNode *iter = parse_star_expressions(p);
    AstNode *s = ast_new(p->arena, is_async ? AST_AsyncFor : AST_For, kw->span);
    if (!iter || !expect_colon(p) ||
        !parse_block(p, "'for' statement", kw->span.line, &s->u.For.body) ||
        !else_block(p, &s->u.For.orelse)) {
        return NULL;
    }
    s->u.For.target = target;
    s->u.For.iter = iter;
    s->span = parse_span_from(p, start);
    return s;
}

// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
static AstNode *with_item(Parser *p) {
    AstNode *e = parse_expression(p);
    if (!e) {
        return NULL;
    }
    AstNode *item = ast_new(p->arena, AST_withitem, e->span);
    item->u.withitem.context_expr = e;
    if (!parse_accept(p, TK_KW_AS)) {
        return item;
    }
    AstNode *t = parse_check(p, TK_STAR) ? parse_star_expression(p) : parse_expression(p);
    if (!t) {
        return NULL;
    }
    TokenKind k = parse_peek(p)->kind;
    if (k != TK_COMMA && k != TK_RPAR && k != TK_COLON) {
        return NULL;
    }
    if (!parse_set_context(p, t, AST_OP_Store, false)) {
        const AstNode *bad = parse_invalid_target(t, AST_OP_Store, false);
        parse_fail(p, (bad ? bad : t)->span, "cannot assign to %s", parse_expr_name(bad ? bad : t));
        return NULL;
    }
    item->u.withitem.optional_vars = t;
    return item;
}

// ','.with_item+ , in parentheses or not; 'paren' allows a trailing comma before ')'.
static bool with_items(Parser *p, NodeBuf *items, bool paren) {
    do {
        if (paren && items->list.count > 0 && parse_check(p, TK_RPAR)) {
            break;
        }
        AstNode *it = with_item(p);
        if (!it) {
            return false;
        }
        parse_push(p, items, it);
    } while (parse_accept(p, TK_COMMA));
    return true;
}

// with_stmt: ['async'] 'with' ( '(' ','.with_item+ ','? ')' | ','.with_item+ ) ':' block
static AstNode *with_stmt(Parser *p, size_t start, bool is_async) {
    Token *kw = &p->toks[p->pos++];
    NodeBuf items = {0};
    size_t save = p->pos;
    bool ok = false;
    if (parse_accept(p, TK_LPAR)) {
        ok = with_items(p, &items, true) && parse_accept(p, TK_RPAR) && parse_check(p, TK_COLON);
        if (!ok) {
            if (p->failed) {
                return NULL;
            }
            p->pos = save;
            items = (NodeBuf){0};
        }
    }
    if (!ok && !with_items(p, &items, false)) {
        return NULL;
    }
    AstNode *s = ast_new(p->arena, is_async ? AST_AsyncWith : AST_With, kw->span);
    if (!expect_colon(p) || !parse_block(p, "'with' statement", kw->span.line, &s->u.With.body)) {
        return NULL;
    }
    s->u.With.items = items.list;
    s->span = parse_span_from(p, start);
    return s;
}

// except_block: 'except' ['*'] expression ['as' NAME] ':' block | 'except' ':' block
static AstNode *except_block(Parser *p, bool star) {
    size_t start = p->pos;
    Token *kw = &p->toks[p->pos++];
    if (star) {
        p->pos++;
    }
    AstNode *h = ast_new(p->arena, AST_ExceptHandler, kw->span);
    if (!parse_check(p, TK_COLON)) {
        AstNode *type = parse_expression(p);
        if (!type) {
            return NULL;
        }
        if (parse_check(p, TK_COMMA)) {
            parse_fail(p, type->span, "multiple exception types must be parenthesized");
            return NULL;
        }
        h->u.ExceptHandler.type = type;
        if (parse_accept(p, TK_KW_AS)) {
            Token *n = parse_expect(p, TK_NAME);
            if (!n) {
                return NULL;
            }
            h->u.ExceptHandler.name = n->name;
        }
    } else if (star) {
        parse_fail_here(p, "expected one or more exception types");
        return NULL;
    }
    const char *what = star ? "'except*' statement" : "'except' statement";
    if (!expect_colon(p) || !parse_block(p, what, kw->span.line, &h->u.ExceptHandler.body)) {
        return NULL;
    }
    h->span = parse_span_from(p, start);
    return h;
}

static bool is_except_star(Parser *p) {
    return parse_check(p, TK_KW_EXCEPT) && parse_peek_at(p, 1)->kind == TK_STAR;
}

// try_stmt: 'try' &&':' block (finally_block | except_block+ [else] [finally]
//           | except_star_block+ [else] [finally])
static AstNode *try_stmt(Parser *p) {
    size_t start = p->pos;
    Token *kw = &p->toks[p->pos++];
    AstNode *s = ast_new(p->arena, AST_Try, kw->span);
    if (!parse_expect_forced(p, TK_COLON, ":") ||
        !parse_block(p, "'try' statement", kw->span.line, &s->u.Try.body)) {
        return NULL;
    }
    bool star = is_except_star(p);
    NodeBuf handlers = {0};
    while (parse_check(p, TK_KW_EXCEPT)) {
        if (is_except_star(p) != star) {
            Token *e = parse_peek(p);
            parse_fail(p, star ? e->span : parse_span_join(e->span, parse_peek_at(p, 1)->span),
                       "cannot have both 'except' and 'except*' on the same 'try'");
            return NULL;
        }
        AstNode *h = except_block(p, star);
        if (!h) {
            return NULL;
        }
        parse_push(p, &handlers, h);
    }
    if (handlers.list.count > 0 && !else_block(p, &s->u.Try.orelse)) {
        return NULL;
    }
    if (parse_check(p, TK_KW_FINALLY)) {
        Token *f = &p->toks[p->pos++];
        if (!parse_expect_forced(p, TK_COLON, ":") ||
            !parse_block(p, "'finally' statement", f->span.line, &s->u.Try.finalbody)) {
            return NULL;
        }
    } else if (handlers.list.count == 0) {
        parse_fail_here(p, "expected 'except' or 'finally' block");
        return NULL;
    }
    s->kind = star ? AST_TryStar : AST_Try;
    s->u.Try.handlers = handlers.list;
    s->span = parse_span_from(p, start);
    return s;
}

// function_def_raw: ['async'] 'def' NAME [type_params] &&'(' [params] ')' ['->' expression]
//                   &&':' block
static AstNode *function_def(Parser *p, size_t start, bool is_async) {
    Token *kw = &p->toks[p->pos++];
    Token *name = parse_expect(p, TK_NAME);
    if (!name) {
        return NULL;
    }
    AstNode *s = ast_new(p->arena, is_async ? AST_AsyncFunctionDef : AST_FunctionDef, kw->span);
    s->u.FunctionDef.name = name->name;
    if (parse_check(p, TK_LSQB) && !parse_type_params(p, &s->u.FunctionDef.type_params)) {
        return NULL;
    }
    if (!parse_expect_forced(p, TK_LPAR, "(") || !(s->u.FunctionDef.args = parse_params(p, false)) ||
        !parse_accept(p, TK_RPAR)) {
        return NULL;
    }
    if (parse_accept(p, TK_RARROW) && !(s->u.FunctionDef.returns = parse_expression(p))) {
        return NULL;
    }
    if (!parse_expect_forced(p, TK_COLON, ":") ||
        !parse_block(p, "function definition", kw->span.line, &s->u.FunctionDef.body)) {
        return NULL;
    }
    s->span = parse_span_from(p, start);
    return s;
}

// class_def_raw: 'class' NAME [type_params] ['(' [arguments] ')'] ':' block
static AstNode *class_def(Parser *p) {
    size_t start = p->pos;
    Token *kw = &p->toks[p->pos++];
    Token *name = parse_expect(p, TK_NAME);
    if (!name) {
        return NULL;
    }
    AstNode *s = ast_new(p->arena, AST_ClassDef, kw->span);
    s->u.ClassDef.name = name->name;
    if (parse_check(p, TK_LSQB) && !parse_type_params(p, &s->u.ClassDef.type_params)) {
        return NULL;
    }
    if (parse_check(p, TK_LPAR)) {
        AstNode *call = parse_call_args(p, NULL, p->pos);  // NULL: no bare generator
        if (!call) {
            return NULL;
        }
        s->u.ClassDef.bases = call->u.Call.args;
        s->u.ClassDef.keywords = call->u.Call.keywords;
    }
    if (!expect_colon(p) || !parse_block(p, "class definition", kw->span.line, &s->u.ClassDef.body)) {
        return NULL;
    }
    s->span = parse_span_from(p, start);
    return s;
}

// decorators: ('@' named_expression NEWLINE)+ , then a function or class definition
static AstNode *decorated(Parser *p) {
    NodeBuf decos = {0};
    while (parse_accept(p, TK_AT)) {
        AstNode *d = parse_named_expression(p);
        if (!d || !parse_accept(p, TK_NEWLINE)) {
            return NULL;
        }
        parse_push(p, &decos, d);
    }
    size_t start = p->pos;
    AstNode *s = NULL;
    if (parse_check(p, TK_KW_DEF)) {
        s = function_def(p, start, false);
    } else if (parse_check(p, TK_KW_ASYNC) && parse_peek_at(p, 1)->kind == TK_KW_DEF) {
        p->pos++;
        s = function_def(p, start, true);
    } else if (parse_check(p, TK_KW_CLASS)) {
        s = class_def(p);
    }
    if (!s) {
        return NULL;
    }
    if (s->kind == AST_ClassDef) {
        s->u.ClassDef.decorator_list = decos.list;
    } else {
        s->u.FunctionDef.decorator_list = decos.list;
    }
    return s;
}

static AstNode *async_stmt(Parser *p) {
    size_t start = p->pos;
    TokenKind next = parse_peek_at(p, 1)->kind;
    if (next != TK_KW_DEF && next != TK_KW_WITH && next != TK_KW_FOR) {
        return NULL;
    }
    p->pos++;
    if (next == TK_KW_DEF) {
        return function_def(p, start, true);
    }
    return next == TK_KW_WITH ? with_stmt(p, start, true) : for_stmt(p, start, true);
}

// compound_stmt: function_def | if_stmt | class_def | with_stmt | for_stmt | try_stmt
//              | while_stmt | match_stmt
// Returns NULL without consuming anything when the statement is not compound.
AstNode *parse_compound_stmt(Parser *p) {
    if (!parse_enter(p)) {
        return NULL;
    }
    AstNode *s = NULL;
    size_t start = p->pos;
    Token *t = parse_peek(p);
    switch (t->kind) {
    case TK_AT: s = decorated(p); break;
    case TK_KW_DEF: s = function_def(p, start, false); break;
    case TK_KW_ASYNC: s = async_stmt(p); break;
    case TK_KW_IF: s = if_stmt(p); break;
    case TK_KW_CLASS: s = class_def(p); break;
    case TK_KW_WITH: s = with_stmt(p, start, false); break;
    case TK_KW_FOR: s = for_stmt(p, start, false); break;
    case TK_KW_TRY: s = try_stmt(p); break;
    case TK_KW_WHILE: s = while_stmt(p); break;
    case TK_NAME:
        if (t->name == p->n_match) {
            s = parse_match_stmt(p);
            if (!s && !p->failed) {
                p->pos = start;
            }
        }
        break;
    default: break;
    }
    parse_leave(p);
    return s;
}
