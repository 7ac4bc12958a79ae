// parse_expr.c: expressions, from star_expressions down to atoms — lambdas, conditionals, boolean
// and comparison chains, binary and unary operators, await, attribute/call/subscript chains,
// slices, displays and comprehensions — plus assignment targets. Targets are parsed as
// expressions and then given the Store or Del context (parse_set_context), which also finds the
// invalid target CPython names in "cannot assign to ...". Every node gets CPython's span.
#include "parse_internal.h"

static AstNode *primary(Parser *p);

// A BinOp spanning from token 'start' to the last token consumed (parentheses included).
static AstNode *binop(Parser *p, size_t start, AstNode *l, AstOp op, AstNode *r) {
    AstNode *n = parse_node(p, AST_BinOp, start);
    n->u.BinOp.left = l;
    n->u.BinOp.op = op;
    n->u.BinOp.right = r;
    return n;
}

static AstNode *constant(Parser *p, AstConstKind kind, size_t start) {
    p->pos++;
    AstNode *n = parse_node(p, AST_Constant, start);
    n->u.Constant.value.kind = kind;
    return n;
}

static bool at_comprehension(Parser *p) {
    Token *t = parse_peek(p);
    return t->kind == TK_KW_FOR || (t->kind == TK_KW_ASYNC && parse_peek_at(p, 1)->kind == TK_KW_FOR);
}

// ---- expression names and targets -------------------------------------------------------------

// _PyPegen_get_expr_name: how CPython's messages name an expression.
const char *parse_expr_name(const AstNode *e) {
    switch (e->kind) {
    case AST_Attribute: return "attribute";
    case AST_Subscript: return "subscript";
    case AST_Starred: return "starred";
    case AST_Name: return "name";
    case AST_List: return "list";
    case AST_Tuple: return "tuple";
    case AST_Lambda: return "lambda";
    case AST_Call: return "function call";
    case AST_BoolOp:
    case AST_BinOp:
    case AST_UnaryOp: return "expression";
    case AST_GeneratorExp: return "generator expression";
    case AST_Yield:
    case AST_YieldFrom: return "yield expression";
    case AST_Await: return "await expression";
    case AST_ListComp: return "list comprehension";
    case AST_SetComp: return "set comprehension";
    case AST_DictComp: return "dict comprehension";
    case AST_Dict: return "dict literal";
    case AST_Set: return "set display";
    case AST_JoinedStr:
    case AST_FormattedValue: return "f-string expression";
    case AST_Compare: return "comparison";
    case AST_IfExp: return "conditional expression";
    case AST_NamedExpr: return "named expression";
    case AST_Constant:
        switch (e->u.Constant.value.kind) {
        case CONST_NONE: return "None";
        case CONST_TRUE: return "True";
        case CONST_FALSE: return "False";
        case CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    default: return "expression";
    }
}

// _PyPegen_get_invalid_target: the first sub-expression of 'e' that cannot be a target.
const AstNode *parse_invalid_target(const AstNode *e, AstOp ctx, bool is_for) {
    switch (e->kind) {
    case AST_List:
    case AST_Tuple: {
        const AstList *l = e->kind == AST_List ? &e->u.List.elts : &e->u.Tuple.elts;
        for (int i = 0; i < l->count; i++) {
            const AstNode *bad = parse_invalid_target(l->items[i], ctx, is_for);
            if (bad) {
                return bad;
            }
        }
        return NULL;
    }
    case AST_Starred:
        return ctx == AST_OP_Del ? e : parse_invalid_target(e->u.Starred.value, ctx, is_for);
    case AST_Compare:
        if (is_for) {
            return e->u.Compare.ops.items[0] == AST_OP_In
                       ? parse_invalid_target(e->u.Compare.left, ctx, is_for)
                       : NULL;
        }
        return e;
    case AST_Name:
    case AST_Subscript:
    case AST_Attribute: return NULL;
    default: return e;
    }
}

// Gives 'e' and its sub-targets the context 'ctx'; false when 'e' is not a valid target.
bool parse_set_context(Parser *p, AstNode *e, AstOp ctx, bool is_for) {
    switch (e->kind) {
    case AST_Name: e->u.Name.ctx = ctx; return true;
    case AST_Attribute: e->u.Attribute.ctx = ctx; return true;
    case AST_Subscript: e->u.Subscript.ctx = ctx; return true;
    case AST_Starred:
        if (ctx == AST_OP_Del || e->u.Starred.value->kind == AST_Starred) {
            return false;
        }
        e->u.Starred.ctx = ctx;
        return parse_set_context(p, e->u.Starred.value, ctx, is_for);
    case AST_List:
    case AST_Tuple: {
        AstList *l = e->kind == AST_List ? &e->u.List.elts : &e->u.Tuple.elts;
        for (int i = 0; i < l->count; i++) {
            if (!parse_set_context(p, l->items[i], ctx, is_for)) {
                return false;
            }
        }
        if (e->kind == AST_List) {
            e->u.List.ctx = ctx;
        } else {
            e->u.Tuple.ctx = ctx;
        }
        return true;
    }
    default: return false;
    }
}

// star_targets as used by 'for' and comprehensions: ','.('*' bitwise_or | bitwise_or)+ [','],
// stopping before 'in', then checked and given the Store context.
AstNode *parse_star_targets(Parser *p) {
    size_t start = p->pos;
    NodeBuf elts = {0};
    bool comma = false;
    do {
        if (comma && parse_check(p, TK_KW_IN)) {
            break;
        }
        size_t s = p->pos;
        AstNode *e;
        if (parse_accept(p, TK_STAR)) {
            AstNode *v = parse_bitwise_or(p);
            if (!v) {
                return NULL;
            }
            e = parse_node(p, AST_Starred, s);
            e->u.Starred.value = v;
        } else if (!(e = parse_bitwise_or(p))) {
            return NULL;
        }
        parse_push(p, &elts, e);
    } while ((comma = parse_accept(p, TK_COMMA)));
    AstNode *t = elts.list.items[0];
    if (elts.list.count > 1 || p->toks[p->pos - 1].kind == TK_COMMA) {
        t = parse_node(p, AST_Tuple, start);
        t->u.Tuple.elts = elts.list;
    }
    if (!parse_check(p, TK_KW_IN)) {
        if (parse_check(p, TK_NEWLINE) || parse_check(p, TK_COLON)) {
            parse_fail_here(p, "'in' expected after for-loop variables");
        }
        return NULL;
    }
    if (!parse_set_context(p, t, AST_OP_Store, true)) {
        const AstNode *bad = parse_invalid_target(t, AST_OP_Store, true);
        parse_fail(p, (bad ? bad : t)->span, "cannot assign to %s", parse_expr_name(bad ? bad : t));
        return NULL;
    }
    return t;
}

// ---- comprehensions ---------------------------------------------------------------------------

// for_if_clause: ['async'] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
static AstNode *for_if_clause(Parser *p) {
    bool is_async = parse_accept(p, TK_KW_ASYNC);
    p->pos++;  // 'for'
    AstNode *target = parse_star_targets(p);
    if (!target) {
        return NULL;
    }
    p->pos++;  // 'in'
    AstNode *iter = parse_disjunction(p);
    if (!iter) {
        return NULL;
    }
    NodeBuf ifs = {0};
    while (parse_accept(p, TK_KW_IF)) {
        AstNode *c = parse_disjunction(p);
        if (!c) {
            return NULL;
        }
        parse_push(p, &ifs, c);
    }
    AstNode *c = ast_new(p->arena, AST_comprehension, target->span);
    c->u.comprehension.target = target;
    c->u.comprehension.iter = iter;
    c->u.comprehension.ifs = ifs.list;
    c->u.comprehension.is_async = is_async;
    return c;
}

// for_if_clauses: for_if_clause+   Returns a non-NULL marker on success.
static AstNode *for_if_clauses_then(Parser *p, AstList *out) {
    NodeBuf b = {0};
    while (at_comprehension(p)) {
        AstNode *c = for_if_clause(p);
        if (!c) {
            return NULL;
        }
        parse_push(p, &b, c);
    }
    *out = b.list;
    return b.list.count ? b.list.items[0] : NULL;
}

// listcomp / setcomp / genexp: opener elt for_if_clauses closer
static AstNode *comprehension(Parser *p, AstKind kind, AstNode *elt, size_t start, TokenKind close) {
    AstList gens;
    if (elt->kind == AST_Starred) {
        const char *what = kind == AST_ListComp   ? "list comprehension"
                           : kind == AST_SetComp  ? "set comprehension"
                                                  : "generator expression";
        parse_fail(p, elt->span, "iterable unpacking cannot be used in %s", what);
        return NULL;
    }
    if (!for_if_clauses_then(p, &gens) || !parse_accept(p, close)) {
        return NULL;
    }
    AstNode *n = parse_node(p, kind, start);
    n->u.ListComp.elt = elt;
    n->u.ListComp.generators = gens;
    return n;
}

// ---- call arguments ---------------------------------------------------------------------------

typedef struct ArgState {
    AstNode *func;  // NULL for a class's bases, which take no bare generator expression
    NodeBuf args, keywords;
    bool seen_kw, seen_dstar;
    const char *order_error;  // reported once the whole argument list has been read
} ArgState;

// kwarg: NAME '=' expression   (invalid_kwarg for keywords and other expressions before '=')
static bool keyword_arg(Parser *p, ArgState *st) {
    size_t start = p->pos;
    Token *name = &p->toks[p->pos];
    p->pos += 2;
    AstNode *v = parse_expression(p);
    if (!v) {
        return false;
    }
    if (at_comprehension(p)) {
        parse_fail(p, parse_span_join(name->span, p->toks[start + 1].span),
                   "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return false;
    }
    AstNode *k = parse_node(p, AST_keyword, start);
    k->u.keyword.arg = name->name;
    k->u.keyword.value = v;
    parse_push(p, &st->keywords, k);
    st->seen_kw = true;
    return true;
}

static bool double_star_arg(Parser *p, ArgState *st) {
    size_t start = p->pos++;
    AstNode *v = parse_expression(p);
    if (!v) {
        return false;
    }
    if (parse_check(p, TK_EQUAL)) {
        parse_fail(p, parse_span_join(p->toks[start].span, v->span),
                   "cannot assign to keyword argument unpacking");
        return false;
    }
    AstNode *k = parse_node(p, AST_keyword, start);
    k->u.keyword.value = v;
    parse_push(p, &st->keywords, k);
    st->seen_dstar = true;
    return true;
}

static bool star_arg(Parser *p, ArgState *st) {
    size_t start = p->pos++;
    if (st->seen_dstar) {
        parse_fail(p, p->toks[start - 1].span,
                   "iterable argument unpacking follows keyword argument unpacking");
        return false;
    }
    AstNode *v = parse_expression(p);
    if (!v) {
        if (!p->failed) {
            parse_fail_here(p, "Invalid star expression");
        }
        return false;
    }
    AstNode *s = parse_node(p, AST_Starred, start);
    s->u.Starred.value = v;
    s->u.Starred.ctx = AST_OP_Load;
    parse_push(p, &st->args, s);
    return true;
}

// A positional argument, or a generator expression that is the only argument.
static bool positional_arg(Parser *p, ArgState *st, size_t lpar, bool first) {
    AstNode *e = parse_named_expression(p);
    if (!e) {
        return false;
    }
    if (parse_check(p, TK_EQUAL)) {
        TokenKind k = p->toks[p->pos - 1].kind;
        if (e->kind == AST_Constant && (k == TK_KW_TRUE || k == TK_KW_FALSE || k == TK_KW_NONE)) {
            parse_fail(p, parse_span_join(e->span, parse_peek(p)->span), "cannot assign to %s",
                       parse_expr_name(e));
        } else {
            parse_fail(p, parse_span_join(e->span, parse_peek(p)->span),
                       "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
        return false;
    }
    if (at_comprehension(p)) {
        AstList gens;
        if (!st->func || !for_if_clauses_then(p, &gens)) {
            return false;
        }
        if (!first || !parse_check(p, TK_RPAR)) {
            parse_fail(p, e->span, "Generator expression must be parenthesized");
            return false;
        }
        AstNode *g = ast_new(p->arena, AST_GeneratorExp, parse_span_join(p->toks[lpar].span,
                                                                          parse_peek(p)->span));
        g->u.GeneratorExp.elt = e;
        g->u.GeneratorExp.generators = gens;
        e = g;
    }
    if ((st->seen_kw || st->seen_dstar) && !st->order_error) {
        bool unpack = false;
        for (int i = 0; i < st->keywords.list.count; i++) {
            unpack |= st->keywords.list.items[i]->u.keyword.arg == NULL;
        }
        st->order_error = unpack ? "positional argument follows keyword argument unpacking"
                                 : "positional argument follows keyword argument";
    }
    parse_push(p, &st->args, e);
    return true;
}

static bool one_arg(Parser *p, ArgState *st, size_t lpar, bool first) {
    Token *t = parse_peek(p);
    if (t->kind == TK_STAR) {
        return star_arg(p, st);
    }
    if (t->kind == TK_DOUBLESTAR) {
        return double_star_arg(p, st);
    }
    TokenKind next = parse_peek_at(p, 1)->kind;
    if (next == TK_EQUAL && t->kind == TK_NAME) {
        return keyword_arg(p, st);
    }
    if (next == TK_EQUAL && (t->kind == TK_KW_TRUE || t->kind == TK_KW_FALSE || t->kind == TK_KW_NONE)) {
        parse_fail(p, parse_span_join(t->span, parse_peek_at(p, 1)->span), "cannot assign to %.*s",
                   (int)t->len, t->text);
        return false;
    }
    return positional_arg(p, st, lpar, first);
}

// '(' [arguments] ')' after 'func' (NULL for a class's bases): returns the Call node.
AstNode *parse_call_args(Parser *p, AstNode *func, size_t start) {
    size_t lpar = p->pos++;
    ArgState st = {.func = func};
    while (!parse_check(p, TK_RPAR)) {
        size_t arg_start = p->pos;
        int nargs = st.args.list.count;
        if (!one_arg(p, &st, lpar, st.args.list.count + st.keywords.list.count == 0)) {
            return NULL;
        }
        if (!parse_accept(p, TK_COMMA)) {
            if (!parse_check(p, TK_RPAR) && st.args.list.count > nargs) {
                parse_check_missing_comma(p, st.args.list.items[nargs], arg_start);
            }
            break;
        }
    }
    if (st.order_error) {
        parse_fail_here(p, st.order_error);
        return NULL;
    }
    if (!parse_accept(p, TK_RPAR)) {
        return NULL;
    }
    AstNode *c = parse_node(p, AST_Call, start);
    c->u.Call.func = func;
    c->u.Call.args = st.args.list;
    c->u.Call.keywords = st.keywords.list;
    return c;
}

// ---- slices -----------------------------------------------------------------------------------

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
static AstNode *slice(Parser *p) {
    size_t start = p->pos;
    AstNode *lower = NULL;
    if (!parse_check(p, TK_COLON)) {
        lower = parse_named_expression(p);
        if (!lower || !parse_check(p, TK_COLON)) {
            return lower;
        }
        if (lower->kind == AST_NamedExpr && p->toks[start].kind != TK_LPAR) {
            return NULL;
        }
    }
    p->pos++;
    AstNode *s = ast_new(p->arena, AST_Slice, p->toks[start].span);
    s->u.Slice.lower = lower;
    TokenKind k = parse_peek(p)->kind;
    if (k != TK_COLON && k != TK_COMMA && k != TK_RSQB && !(s->u.Slice.upper = parse_expression(p))) {
        return NULL;
    }
    if (parse_accept(p, TK_COLON)) {
        k = parse_peek(p)->kind;
        if (k != TK_COMMA && k != TK_RSQB && !(s->u.Slice.step = parse_expression(p))) {
            return NULL;
        }
    }
    s->span = parse_span_from(p, start);
    return s;
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
static AstNode *slices(Parser *p) {
    size_t start = p->pos;
    NodeBuf elts = {0};
    do {
        if (elts.list.count > 0 && parse_check(p, TK_RSQB)) {
            break;
        }
        AstNode *e;
        if (parse_check(p, TK_STAR)) {
            size_t s = p->pos++;
            AstNode *v = parse_expression(p);
            if (!v) {
                return NULL;
            }
            e = parse_node(p, AST_Starred, s);
            e->u.Starred.value = v;
        } else if (!(e = slice(p))) {
            return NULL;
        }
        parse_push(p, &elts, e);
    } while (parse_accept(p, TK_COMMA));
    if (elts.list.count == 1 && p->toks[p->pos - 1].kind != TK_COMMA &&
        elts.list.items[0]->kind != AST_Starred) {
        return elts.list.items[0];
    }
    AstNode *t = parse_node(p, AST_Tuple, start);
    t->u.Tuple.elts = elts.list;
    return t;
}

// ---- displays ---------------------------------------------------------------------------------

// Reports "invalid syntax. Perhaps you forgot a comma?" when an expression directly follows the
// element 'a' inside brackets (CPython's invalid_expression).
void parse_check_missing_comma(Parser *p, AstNode *a, size_t a_start) {
    Token *t0 = &p->toks[a_start];
    if (p->failed || (t0->kind == TK_NAME && p->toks[a_start + 1].kind == TK_STRING)) {
        return;
    }
    if (t0->kind == TK_NAME && (t0->name == p->n_match || t0->name == p->n_case ||
                                t0->name == p->n_type || t0->name == p->n_underscore)) {
        return;
    }
    AstKind k = a->kind;
    if (k == AST_IfExp || k == AST_Lambda || k == AST_NamedExpr || k == AST_Starred ||
        k == AST_Yield || k == AST_YieldFrom) {
        return;
    }
    size_t save = p->pos;
    AstNode *b = parse_expression(p);
    p->pos = save;
    if (b && !p->failed) {
        parse_fail(p, parse_span_join(a->span, b->span), "invalid syntax. Perhaps you forgot a comma?");
    }
}

// The elements of a list, tuple or set display up to 'close'; 'first' is already parsed.
static bool display_elements(Parser *p, NodeBuf *elts, TokenKind close) {
    while (parse_accept(p, TK_COMMA)) {
        if (parse_check(p, close)) {
            return true;
        }
        size_t s = p->pos;
        AstNode *e = parse_star_named_expression(p);
        if (!e) {
            return false;
        }
        parse_push(p, elts, e);
        if (close != TK_RPAR && at_comprehension(p)) {
            parse_fail(p, parse_span_join(elts->list.items[0]->span, e->span),
                       "did you forget parentheses around the comprehension target?");
            return false;
        }
        if (!parse_check(p, TK_COMMA) && !parse_check(p, close)) {
            parse_check_missing_comma(p, e, s);
            return false;
        }
    }
    return parse_check(p, close);
}

// tuple | group | genexp, at '('
static AstNode *paren(Parser *p) {
    size_t start = p->pos++;
    if (parse_accept(p, TK_RPAR)) {
        return parse_node(p, AST_Tuple, start);
    }
    if (parse_check(p, TK_KW_YIELD)) {
        AstNode *y = parse_yield_expr(p);
        return y && parse_accept(p, TK_RPAR) ? y : NULL;
    }
    if (parse_check(p, TK_DOUBLESTAR)) {
        Token *t = parse_peek(p);
        size_t save = p->pos++;
        if (parse_expression(p) && parse_check(p, TK_RPAR)) {
            parse_fail(p, t->span, "cannot use double starred expression here");
        }
        p->pos = save;
        return NULL;
    }
    size_t s = p->pos;
    AstNode *first = parse_star_named_expression(p);
    if (!first) {
        return NULL;
    }
    if (at_comprehension(p)) {
        return comprehension(p, AST_GeneratorExp, first, start, TK_RPAR);
    }
    if (parse_accept(p, TK_RPAR)) {
        if (first->kind == AST_Starred) {
            parse_fail(p, first->span, "cannot use starred expression here");
            return NULL;
        }
        return first;
    }
    if (!parse_check(p, TK_COMMA)) {
        parse_check_missing_comma(p, first, s);
        return NULL;
    }
    NodeBuf elts = {0};
    parse_push(p, &elts, first);
    if (!display_elements(p, &elts, TK_RPAR)) {
        return NULL;
    }
    p->pos++;
    AstNode *t = parse_node(p, AST_Tuple, start);
    t->u.Tuple.elts = elts.list;
    return t;
}

// list | listcomp, at '['
static AstNode *bracket(Parser *p) {
    size_t start = p->pos++;
    NodeBuf elts = {0};
    if (!parse_check(p, TK_RSQB)) {
        size_t s = p->pos;
        AstNode *first = parse_star_named_expression(p);
        if (!first) {
            return NULL;
        }
        if (at_comprehension(p)) {
            return comprehension(p, AST_ListComp, first, start, TK_RSQB);
        }
        if (!parse_check(p, TK_COMMA) && !parse_check(p, TK_RSQB)) {
            parse_check_missing_comma(p, first, s);
            return NULL;
        }
        parse_push(p, &elts, first);
        if (!display_elements(p, &elts, TK_RSQB)) {
            return NULL;
        }
    }
    p->pos++;
    AstNode *l = parse_node(p, AST_List, start);
    l->u.List.elts = elts.list;
    return l;
}

// double_starred_kvpair: '**' bitwise_or | expression ':' expression
// 'later': not the first item, so a key without ':' is CPython's "':' expected ...".
static bool kvpair(Parser *p, NodeBuf *keys, NodeBuf *values, bool later) {
    if (parse_accept(p, TK_DOUBLESTAR)) {
        AstNode *v = parse_bitwise_or(p);
        if (!v) {
            return false;
        }
        parse_push(p, keys, NULL);
        parse_push(p, values, v);
        return true;
    }
    AstNode *k = parse_expression(p);
    if (!k) {
        return false;
    }
    if (!parse_check(p, TK_COLON)) {
        if (later && (parse_check(p, TK_COMMA) || parse_check(p, TK_RBRACE))) {
            parse_fail(p, k->span, "':' expected after dictionary key");
        }
        return false;
    }
    Token *colon = &p->toks[p->pos++];
    if (parse_check(p, TK_RBRACE) || parse_check(p, TK_COMMA)) {
        parse_fail(p, colon->span, "expression expected after dictionary key and ':'");
        return false;
    }
    AstNode *v = parse_expression(p);
    if (!v) {
        return false;
    }
    parse_push(p, keys, k);
    parse_push(p, values, v);
    return true;
}

// dict | dictcomp after the first key/value pair
static AstNode *dict_rest(Parser *p, size_t start, NodeBuf *keys, NodeBuf *values) {
    if (keys->list.items[0] && at_comprehension(p)) {
        AstNode *d = ast_new(p->arena, AST_DictComp, p->toks[start].span);
        if (!for_if_clauses_then(p, &d->u.DictComp.generators) || !parse_accept(p, TK_RBRACE)) {
            return NULL;
        }
        d->u.DictComp.key = keys->list.items[0];
        d->u.DictComp.value = values->list.items[0];
        d->span = parse_span_from(p, start);
        return d;
    }
    while (parse_accept(p, TK_COMMA)) {
        if (parse_check(p, TK_RBRACE)) {
            break;
        }
        if (!kvpair(p, keys, values, true)) {
            return NULL;
        }
    }
    if (!parse_accept(p, TK_RBRACE)) {
        return NULL;
    }
    AstNode *d = parse_node(p, AST_Dict, start);
    d->u.Dict.keys = keys->list;
    d->u.Dict.values = values->list;
    return d;
}

// dict | set | dictcomp | setcomp, at '{'
static AstNode *brace(Parser *p) {
    size_t start = p->pos++;
    NodeBuf keys = {0}, values = {0};
    if (parse_accept(p, TK_RBRACE)) {
        return parse_node(p, AST_Dict, start);
    }
    if (parse_check(p, TK_DOUBLESTAR)) {
        return kvpair(p, &keys, &values, false) ? dict_rest(p, start, &keys, &values) : NULL;
    }
    size_t s = p->pos;
    AstNode *first = parse_star_named_expression(p);
    if (!first) {
        return NULL;
    }
    bool bare_walrus = first->kind == AST_NamedExpr && p->toks[s].kind == TK_NAME;
    if (parse_check(p, TK_COLON) && first->kind != AST_Starred && !bare_walrus) {
        p->pos = s;
        return kvpair(p, &keys, &values, false) ? dict_rest(p, start, &keys, &values) : NULL;
    }
    if (at_comprehension(p)) {
        return comprehension(p, AST_SetComp, first, start, TK_RBRACE);
    }
    NodeBuf elts = {0};
    parse_push(p, &elts, first);
    if (!parse_check(p, TK_COMMA) && !parse_check(p, TK_RBRACE)) {
        parse_check_missing_comma(p, first, s);
        return NULL;
    }
    if (!display_elements(p, &elts, TK_RBRACE)) {
        return NULL;
    }
    p->pos++;
    AstNode *set = parse_node(p, AST_Set, start);
    set->u.Set.elts = elts.list;
    return set;
}

// atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | tuple | group | genexp | list
//     | listcomp | dict | set | dictcomp | setcomp | '...'
static AstNode *atom(Parser *p) {
    size_t start = p->pos;
    Token *t = parse_peek(p);
    switch (t->kind) {
    case TK_NAME: p->pos++; return parse_name_node(p, t, AST_OP_Load);
    case TK_KW_TRUE: return constant(p, CONST_TRUE, start);
    case TK_KW_FALSE: return constant(p, CONST_FALSE, start);
    case TK_KW_NONE: return constant(p, CONST_NONE, start);
    case TK_ELLIPSIS: return constant(p, CONST_ELLIPSIS, start);
    case TK_NUMBER: p->pos++; return parse_number(p, t);
    case TK_STRING:
    case TK_FSTRING_START: return parse_strings(p);
    case TK_LPAR: return paren(p);
    case TK_LSQB: return bracket(p);
    case TK_LBRACE: return brace(p);
    default: return NULL;
    }
}

// primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
//        | primary '[' slices ']' | atom
static AstNode *primary(Parser *p) {
    size_t start = p->pos;
    AstNode *e = atom(p);
    while (e) {
        Token *t = parse_peek(p);
        if (t->kind == TK_DOT) {
            p->pos++;
            Token *n = parse_expect(p, TK_NAME);
            if (!n) {
                return NULL;
            }
            AstNode *a = parse_node(p, AST_Attribute, start);
            a->u.Attribute.value = e;
            a->u.Attribute.attr = n->name;
            e = a;
        } else if (t->kind == TK_LPAR) {
            e = parse_call_args(p, e, start);
        } else if (t->kind == TK_LSQB) {
            p->pos++;
            AstNode *s = slices(p);
            if (!s || !parse_accept(p, TK_RSQB)) {
                return NULL;
            }
            AstNode *sub = parse_node(p, AST_Subscript, start);
            sub->u.Subscript.value = e;
            sub->u.Subscript.slice = s;
            e = sub;
        } else {
            break;
        }
    }
    return e;
}

// ---- operators --------------------------------------------------------------------------------

// await_primary: 'await' primary | primary
static AstNode *await_primary(Parser *p) {
    if (!parse_check(p, TK_KW_AWAIT)) {
        return primary(p);
    }
    size_t start = p->pos++;
    AstNode *v = primary(p);
    if (!v) {
        return NULL;
    }
    AstNode *a = parse_node(p, AST_Await, start);
    a->u.Await.value = v;
    return a;
}

static AstNode *factor(Parser *p);

// power: await_primary '**' factor | await_primary
static AstNode *power(Parser *p) {
    size_t start = p->pos;
    AstNode *l = await_primary(p);
    if (!l || !parse_accept(p, TK_DOUBLESTAR)) {
        return l;
    }
    AstNode *r = factor(p);
    return r ? binop(p, start, l, AST_OP_Pow, r) : NULL;
}

// factor: '+' factor | '-' factor | '~' factor | power
static AstNode *factor(Parser *p) {
    TokenKind k = parse_peek(p)->kind;
    AstOp op;
    if (k == TK_PLUS) {
        op = AST_OP_UAdd;
    } else if (k == TK_MINUS) {
        op = AST_OP_USub;
    } else if (k == TK_TILDE) {
        op = AST_OP_Invert;
    } else {
        return power(p);
    }
    if (!parse_enter(p)) {
        return NULL;
    }
    size_t start = p->pos++;
    AstNode *v = factor(p);
    parse_leave(p);
    if (!v) {
        return NULL;
    }
    AstNode *u = parse_node(p, AST_UnaryOp, start);
    u->u.UnaryOp.op = op;
    u->u.UnaryOp.operand = v;
    return u;
}

typedef AstNode *(*Rule)(Parser *p);

static bool binop_for(TokenKind k, int level, AstOp *op) {
    static const struct { TokenKind k; int level; AstOp op; } table[] = {
        {TK_STAR, 0, AST_OP_Mult},       {TK_SLASH, 0, AST_OP_Div},
        {TK_DOUBLESLASH, 0, AST_OP_FloorDiv}, {TK_PERCENT, 0, AST_OP_Mod},
        {TK_AT, 0, AST_OP_MatMult},      {TK_PLUS, 1, AST_OP_Add},
        {TK_MINUS, 1, AST_OP_Sub},       {TK_LEFTSHIFT, 2, AST_OP_LShift},
        {TK_RIGHTSHIFT, 2, AST_OP_RShift}, {TK_AMPER, 3, AST_OP_BitAnd},
        {TK_CIRCUMFLEX, 4, AST_OP_BitXor}, {TK_VBAR, 5, AST_OP_BitOr},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (table[i].k == k && table[i].level == level) {
            *op = table[i].op;
            return true;
        }
    }
    return false;
}

// term, sum, shift_expr, bitwise_and, bitwise_xor, bitwise_or: left-associative levels 0..5.
static AstNode *binary_level(Parser *p, int level) {
    size_t start = p->pos;
    AstNode *l = level == 0 ? factor(p) : binary_level(p, level - 1);
    AstOp op;
    while (l && binop_for(parse_peek(p)->kind, level, &op)) {
        p->pos++;
        AstNode *r = level == 0 ? factor(p) : binary_level(p, level - 1);
        if (!r) {
            return NULL;
        }
        l = binop(p, start, l, op, r);
    }
    return l;
}

AstNode *parse_bitwise_or(Parser *p) {
    return binary_level(p, 5);
}

// compare_op: '==' | '!=' | '<=' | '<' | '>=' | '>' | 'not' 'in' | 'in' | 'is' 'not' | 'is'
static bool compare_op(Parser *p, AstOp *op) {
    Token *t = parse_peek(p);
    switch (t->kind) {
    case TK_EQEQUAL: *op = AST_OP_Eq; break;
    case TK_NOTEQUAL:
        if (t->len == 2 && t->text[0] == '<') {
            return false;  // "<>" is only for 'from __future__ import barry_as_FLUFL'
        }
        *op = AST_OP_NotEq;
        break;
    case TK_LESSEQUAL: *op = AST_OP_LtE; break;
    case TK_LESS: *op = AST_OP_Lt; break;
    case TK_GREATEREQUAL: *op = AST_OP_GtE; break;
    case TK_GREATER: *op = AST_OP_Gt; break;
    case TK_KW_IN: *op = AST_OP_In; break;
    case TK_KW_IS:
        if (parse_peek_at(p, 1)->kind == TK_KW_NOT) {
            p->pos++;
            *op = AST_OP_IsNot;
        } else {
            *op = AST_OP_Is;
        }
        break;
    case TK_KW_NOT:
        if (parse_peek_at(p, 1)->kind != TK_KW_IN) {
            return false;
        }
        p->pos++;
        *op = AST_OP_NotIn;
        break;
    default: return false;
    }
    p->pos++;
    return true;
}

typedef struct OpBuf {
    AstOpList list;
    int cap;
} OpBuf;

static void push_op(Parser *p, OpBuf *b, AstOp op) {
    if (b->list.count == b->cap) {
        int cap = b->cap ? b->cap * 2 : 4;
        b->list.items = arena_realloc(p->arena, b->list.items, sizeof(AstOp) * (size_t)b->cap,
                                      sizeof(AstOp) * (size_t)cap);
        b->cap = cap;
    }
    b->list.items[b->list.count++] = op;
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
static AstNode *comparison(Parser *p) {
    size_t start = p->pos;
    AstNode *l = parse_bitwise_or(p);
    if (!l) {
        return NULL;
    }
    OpBuf ops = {0};
    NodeBuf comps = {0};
    AstOp op;
    size_t save = p->pos;
    while (compare_op(p, &op)) {
        AstNode *r = parse_bitwise_or(p);
        if (!r) {
            if (p->failed) {
                return NULL;
            }
            p->pos = save;
            break;
        }
        push_op(p, &ops, op);
        parse_push(p, &comps, r);
        save = p->pos;
    }
    if (ops.list.count == 0) {
        return l;
    }
    AstNode *c = parse_node(p, AST_Compare, start);
    c->u.Compare.left = l;
    c->u.Compare.ops = ops.list;
    c->u.Compare.comparators = comps.list;
    return c;
}

// inversion: 'not' inversion | comparison
static AstNode *inversion(Parser *p) {
    if (!parse_check(p, TK_KW_NOT)) {
        return comparison(p);
    }
    if (!parse_enter(p)) {
        return NULL;
    }
    size_t start = p->pos++;
    AstNode *v = inversion(p);
    parse_leave(p);
    if (!v) {
        return NULL;
    }
    AstNode *u = parse_node(p, AST_UnaryOp, start);
    u->u.UnaryOp.op = AST_OP_Not;
    u->u.UnaryOp.operand = v;
    return u;
}

// conjunction: inversion ('and' inversion)+ | inversion   (disjunction likewise with 'or')
static AstNode *boolop(Parser *p, bool is_or) {
    size_t start = p->pos;
    AstNode *first = is_or ? boolop(p, false) : inversion(p);
    TokenKind kw = is_or ? TK_KW_OR : TK_KW_AND;
    if (!first || !parse_check(p, kw)) {
        return first;
    }
    NodeBuf values = {0};
    parse_push(p, &values, first);
    while (parse_accept(p, kw)) {
        AstNode *v = is_or ? boolop(p, false) : inversion(p);
        if (!v) {
            return NULL;
        }
        parse_push(p, &values, v);
    }
    AstNode *b = parse_node(p, AST_BoolOp, start);
    b->u.BoolOp.op = is_or ? AST_OP_Or : AST_OP_And;
    b->u.BoolOp.values = values.list;
    return b;
}

AstNode *parse_disjunction(Parser *p) {
    return boolop(p, true);
}

// lambdef: 'lambda' [lambda_params] ':' expression
static AstNode *lambdef(Parser *p) {
    size_t start = p->pos++;
    AstNode *args = parse_params(p, true);
    if (!args || !parse_accept(p, TK_COLON)) {
        return NULL;
    }
    AstNode *body = parse_expression(p);
    if (!body) {
        return NULL;
    }
    AstNode *l = parse_node(p, AST_Lambda, start);
    l->u.Lambda.args = args;
    l->u.Lambda.body = body;
    return l;
}

// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
AstNode *parse_expression(Parser *p) {
    if (!parse_enter(p)) {
        return NULL;
    }
    AstNode *e;
    size_t start = p->pos;
    if (parse_check(p, TK_KW_LAMBDA)) {
        e = lambdef(p);
    } else {
        e = parse_disjunction(p);
        if (e && parse_check(p, TK_KW_IF)) {
            size_t save = p->pos++;
            AstNode *test = parse_disjunction(p), *orelse = NULL;
            if (test && parse_accept(p, TK_KW_ELSE) && (orelse = parse_expression(p))) {
                AstNode *c = parse_node(p, AST_IfExp, start);
                c->u.IfExp.test = test;
                c->u.IfExp.body = e;
                c->u.IfExp.orelse = orelse;
                e = c;
            } else if (!p->failed) {
                TokenKind k = parse_peek(p)->kind;
                if (test && k != TK_KW_ELSE && k != TK_COLON) {
                    parse_fail(p, parse_span_join(e->span, test->span),
                               "expected 'else' after 'if' expression");
                } else {
                    p->pos = save;
                }
            }
        }
    }
    parse_leave(p);
    return p->failed ? NULL : e;
}

// named_expression: NAME ':=' ~ expression | expression !':='
AstNode *parse_named_expression(Parser *p) {
    Token *t = parse_peek(p);
    if (t->kind == TK_NAME && parse_peek_at(p, 1)->kind == TK_COLONEQUAL) {
        size_t start = p->pos;
        p->pos += 2;
        AstNode *v = parse_expression(p);
        if (!v) {
            return NULL;
        }
        AstNode *n = parse_node(p, AST_NamedExpr, start);
        n->u.NamedExpr.target = parse_name_node(p, t, AST_OP_Store);
        n->u.NamedExpr.value = v;
        return n;
    }
    AstNode *e = parse_expression(p);
    if (e && parse_check(p, TK_COLONEQUAL)) {
        parse_fail(p, e->span, "cannot use assignment expressions with %s", parse_expr_name(e));
        return NULL;
    }
    return e;
}

// star_expression: '*' bitwise_or | expression
AstNode *parse_star_expression(Parser *p) {
    if (!parse_check(p, TK_STAR)) {
        return parse_expression(p);
    }
    size_t start = p->pos++;
    AstNode *v = parse_bitwise_or(p);
    if (!v) {
        return NULL;
    }
    AstNode *s = parse_node(p, AST_Starred, start);
    s->u.Starred.value = v;
    return s;
}

// star_named_expression: '*' bitwise_or | named_expression
AstNode *parse_star_named_expression(Parser *p) {
    return parse_check(p, TK_STAR) ? parse_star_expression(p) : parse_named_expression(p);
}

// star_expressions: star_expression (',' star_expression)* [',']
AstNode *parse_star_expressions(Parser *p) {
    size_t start = p->pos;
    AstNode *first = parse_star_expression(p);
    if (!first || !parse_check(p, TK_COMMA)) {
        return first;
    }
    NodeBuf elts = {0};
    parse_push(p, &elts, first);
    while (parse_accept(p, TK_COMMA)) {
        size_t save = p->pos;
        AstNode *e = parse_star_expression(p);
        if (!e) {
            if (p->failed) {
                return NULL;
            }
            p->pos = save;
            break;
        }
        parse_push(p, &elts, e);
    }
    AstNode *t = parse_node(p, AST_Tuple, start);
    t->u.Tuple.elts = elts.list;
    return t;
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
AstNode *parse_yield_expr(Parser *p) {
    size_t start = p->pos++;
    if (parse_accept(p, TK_KW_FROM)) {
        AstNode *v = parse_expression(p);
        if (!v) {
            return NULL;
        }
        AstNode *y = parse_node(p, AST_YieldFrom, start);
        y->u.YieldFrom.value = v;
        return y;
    }
    size_t save = p->pos;
    AstNode *v = parse_star_expressions(p);
    if (!v) {
        if (p->failed) {
            return NULL;
        }
        p->pos = save;
    }
    AstNode *y = parse_node(p, AST_Yield, start);
    y->u.Yield.value = v;
    return y;
}

// annotated_rhs: yield_expr | star_expressions
AstNode *parse_annotated_rhs(Parser *p) {
    return parse_check(p, TK_KW_YIELD) ? parse_yield_expr(p) : parse_star_expressions(p);
}
