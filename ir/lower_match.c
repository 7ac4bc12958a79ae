// lower_match.c: match statements (PEP 634) as CPython 3.13 compiles them. Input: a Match node;
// output: IR that evaluates the subject once, then tries each case in order: its pattern, then
// the names it captured are assigned, then its guard, then its body.
//
// A pattern lowers to checks that branch to the case's failure block, leaving the current block
// at the point where it matched. Captures are collected while matching and only assigned once
// the whole pattern matched, as CPython does, so a failed case binds nothing (a failed guard
// leaves its pattern's names bound). The alternatives of an OR pattern each move their
// captures into registers they share. The runtime checks (sequence, mapping, class, keys) are
// the MATCH_* ops, one per CPython instruction of the same name.
#include "lower_internal.h"

#include <assert.h>
#include <string.h>

// The names a pattern captured so far and the registers holding their values.
typedef struct Captures {
    Name *names;
    int *regs;
    int count, cap;
} Captures;

static const Ty *dyn(void) { return ty_prim(TY_DYN); }

static void capture(Lower *l, Captures *c, Name name, int reg) {
    if (c->count == c->cap) {
        int cap = c->cap ? c->cap * 2 : 8;
        c->names = arena_realloc(l->arena, c->names, sizeof(Name) * (size_t)c->cap,
                                 sizeof(Name) * (size_t)cap);
        c->regs = arena_realloc(l->arena, c->regs, sizeof(int) * (size_t)c->cap,
                                sizeof(int) * (size_t)cap);
        c->cap = cap;
    }
    c->names[c->count] = name;
    c->regs[c->count++] = reg;
}

static void lower_pattern(Lower *l, Captures *c, const AstNode *p, int subj, IrBlock *fail);

// Continues where 'cond' (a bool) holds; fails otherwise.
static void require(Lower *l, int cond, IrBlock *fail, const AstNode *at) {
    IrBlock *ok = ir_block_new(l->fn);
    lower_branch(l, cond, ok, fail, at);
    lower_start(l, ok);
}

// Fails when 'r' is None (MATCH_KEYS and MATCH_CLASS found no match).
static void require_not_none(Lower *l, int r, IrBlock *fail, const AstNode *at) {
    int none = lower_const_none(l, at);
    require(l, lower_emit2(l, IR_IS, ty_prim(TY_BOOL), r, lower_box(l, none, at), 1, at), fail,
            at);
}

// 'items[i]' (a tuple) against each of 'pats'.
static void match_items(Lower *l, Captures *c, const AstList *pats, int from, int items,
                        IrBlock *fail) {
    for (int i = 0; i < pats->count; i++) {
        const AstNode *p = pats->items[i];
        int v = lower_emit1(l, IR_TUPLE_ITEM, dyn(), items, from + i, p);
        lower_pattern(l, c, p, v, fail);
    }
}

static bool is_const(const AstNode *e, AstConstKind k) {
    return e->kind == AST_Constant && e->u.Constant.value.kind == k;
}

// The value of an int or float literal, optionally negated, in '*v'.
static bool real_literal(const AstNode *e, double *v) {
    double sign = 1;
    if (e->kind == AST_UnaryOp && e->u.UnaryOp.op == AST_OP_USub) {
        sign = -1;
        e = e->u.UnaryOp.operand;
    }
    if (is_const(e, CONST_INT) && !e->u.Constant.value.u.i.digits) {
        *v = sign * (double)e->u.Constant.value.u.i.small;
        return true;
    }
    if (is_const(e, CONST_FLOAT)) {
        *v = sign * e->u.Constant.value.u.f;
        return true;
    }
    return false;
}

// The parts of a complex literal pattern: 2j, -2j, 1 + 2j, -1.5 - 2j.
static bool complex_literal(const AstNode *e, double *re, double *im) {
    *re = 0;
    if (e->kind == AST_UnaryOp && e->u.UnaryOp.op == AST_OP_USub
        && is_const(e->u.UnaryOp.operand, CONST_COMPLEX)) {
        *im = -e->u.UnaryOp.operand->u.Constant.value.u.f;
        return true;
    }
    if (e->kind == AST_BinOp && (e->u.BinOp.op == AST_OP_Add || e->u.BinOp.op == AST_OP_Sub)
        && is_const(e->u.BinOp.right, CONST_COMPLEX) && real_literal(e->u.BinOp.left, re)) {
        double f = e->u.BinOp.right->u.Constant.value.u.f;
        *im = e->u.BinOp.op == AST_OP_Add ? f : -f;
        return true;
    }
    *im = is_const(e, CONST_COMPLEX) ? e->u.Constant.value.u.f : 0;
    return is_const(e, CONST_COMPLEX);
}

static int float_reg(Lower *l, double v, const AstNode *at) {
    IrConst *c;
    int r = lower_const_reg(l, IRC_FLOAT, ty_prim(TY_FLOAT), at, &c);
    c->f = v;
    return r;
}

// bytes(<the bytes as code points>, "latin-1"): krait's expressions have no bytes constants.
static int bytes_literal(Lower *l, const AstNode *e) {
    const AstConst *c = &e->u.Constant.value;
    char *utf8 = arena_alloc(l->arena, c->u.s.len * 2 + 1);
    size_t n = 0;
    for (size_t i = 0; i < c->u.s.len; i++) {
        unsigned char b = (unsigned char)c->u.s.data[i];
        if (b < 0x80) {
            utf8[n++] = (char)b;
        } else {
            utf8[n++] = (char)(0xc0 | (b >> 6));
            utf8[n++] = (char)(0x80 | (b & 0x3f));
        }
    }
    int args[2] = {lower_const_str(l, utf8, n, e), lower_const_str(l, "latin-1", 7, e)};
    return lower_call_obj(l, lower_builtin(l, "bytes", e), args, 2, dyn(), e);
}

// A value pattern's value (complex and bytes literals are no expressions krait compiles).
static int pattern_value(Lower *l, const AstNode *e) {
    double re, im;
    if (complex_literal(e, &re, &im)) {
        return lower_emit2(l, IR_MATCH_COMPLEX, dyn(), float_reg(l, re, e), float_reg(l, im, e), 0,
                           e);
    }
    if (is_const(e, CONST_BYTES)) {
        return bytes_literal(l, e);
    }
    return lower_box(l, lower_expr(l, e), e);
}

// case 1 | "s" | -2 | 1+2j | b"x" | a.b: the subject == the value.
static void match_value(Lower *l, const AstNode *p, int subj, IrBlock *fail) {
    int v = pattern_value(l, p->u.MatchValue.value);
    int eq = lower_emit2(l, IR_OBJ_COMPARE, dyn(), subj, v, CMP_EQ, p);
    require(l, lower_truth(l, eq, p), fail, p);
}

// case None | True | False: compared by identity.
static void match_singleton(Lower *l, const AstNode *p, int subj, IrBlock *fail) {
    AstConstKind k = p->u.MatchSingleton.value.kind;
    int v;
    if (k == CONST_NONE) {
        v = lower_const_none(l, p);
    } else {
        IrConst *c;
        v = lower_const_reg(l, IRC_BOOL, ty_prim(TY_BOOL), p, &c);
        c->i = k == CONST_TRUE;
    }
    require(l, lower_emit2(l, IR_IS, ty_prim(TY_BOOL), subj, lower_box(l, v, p), 0, p), fail, p);
}

// The index of the star sub-pattern of a sequence pattern, or -1.
static int star_index(const AstList *pats) {
    for (int i = 0; i < pats->count; i++) {
        if (pats->items[i]->kind == AST_MatchStar) {
            return i;
        }
    }
    return -1;
}

// case [a, *rest, b]: a sequence of the right length, then its items (the star's as a list).
static void match_sequence(Lower *l, Captures *c, const AstNode *p, int subj, IrBlock *fail) {
    const AstList *pats = &p->u.MatchSequence.patterns;
    int star = star_index(pats);
    int n = pats->count - (star >= 0);
    require(l, lower_emit1(l, IR_MATCH_SEQUENCE, ty_prim(TY_BOOL), subj, 0, p), fail, p);
    if (star < 0 || n > 0) {
        int len_ok = lower_emit1(l, IR_MATCH_LEN, ty_prim(TY_BOOL), subj, n * 2 + (star >= 0), p);
        require(l, len_ok, fail, p);
    }
    if (pats->count == 0 || (star >= 0 && n == 0 && !pats->items[star]->u.MatchStar.name)) {
        return;  // [] and [*_] need no items
    }
    const Ty *tuple = ty_container(l->m->types, TY_TUPLE, NULL, NULL);
    int items = lower_emit1(l, IR_UNPACK, tuple, subj, pats->count | ((star + 1) << 16), p);
    for (int i = 0; i < pats->count; i++) {
        const AstNode *sp = pats->items[i];
        const Ty *ty = i == star ? ty_container(l->m->types, TY_LIST, NULL, NULL) : dyn();
        int v = lower_emit1(l, IR_TUPLE_ITEM, ty, items, i, sp);
        if (i == star) {
            if (sp->u.MatchStar.name) {
                capture(l, c, sp->u.MatchStar.name, lower_box(l, v, sp));
            }
        } else {
            lower_pattern(l, c, sp, v, fail);
        }
    }
}

// An instruction with operands 'first' then 'rest[0..n)'.
static IrInstr *emit_with_array(Lower *l, IrOp op, int dst, int first, const int *rest, int n,
                                const AstNode *at) {
    IrInstr *in = lower_emit(l, op, dst, n + 1, at);
    in->args[0] = first;
    memcpy(in->args + 1, rest, sizeof(int) * (size_t)n);
    return in;
}

// case {"k": v, **rest}: a mapping with at least these keys, their values, the rest as a dict.
static void match_mapping(Lower *l, Captures *c, const AstNode *p, int subj, IrBlock *fail) {
    const AstList *keys = &p->u.MatchMapping.keys;
    int n = keys->count;
    require(l, lower_emit1(l, IR_MATCH_MAPPING, ty_prim(TY_BOOL), subj, 0, p), fail, p);
    int *k = arena_alloc(l->arena, sizeof(int) * (size_t)(n + 1));
    if (n > 0) {
        require(l, lower_emit1(l, IR_MATCH_LEN, ty_prim(TY_BOOL), subj, n * 2 + 1, p), fail, p);
        for (int i = 0; i < n; i++) {
            k[i] = pattern_value(l, keys->items[i]);
        }
        int vals = lower_temp(l, dyn());
        emit_with_array(l, IR_MATCH_KEYS, vals, subj, k, n, p);
        require_not_none(l, vals, fail, p);
        match_items(l, c, &p->u.MatchMapping.patterns, 0, vals, fail);
    }
    if (p->u.MatchMapping.rest) {
        int rest = lower_temp(l, ty_container(l->m->types, TY_DICT, NULL, NULL));
        emit_with_array(l, IR_MATCH_REST, rest, subj, k, n, p);
        capture(l, c, p->u.MatchMapping.rest, lower_box(l, rest, p));
    }
}

// case Point(x, y=0): an instance of the class, then its attributes (__match_args__ for the
// positional sub-patterns).
static void match_class(Lower *l, Captures *c, const AstNode *p, int subj, IrBlock *fail) {
    const NameList *attrs = &p->u.MatchClass.kwd_attrs;
    int npos = p->u.MatchClass.patterns.count, nkw = attrs->count;
    int *args = arena_alloc(l->arena, sizeof(int) * (size_t)(nkw + 2));
    args[0] = lower_box(l, lower_expr(l, p->u.MatchClass.cls), p);
    for (int i = 0; i < nkw; i++) {
        args[i + 1] = lower_const_str(l, attrs->items[i], strlen(attrs->items[i]), p);
    }
    int vals = lower_temp(l, dyn());
    emit_with_array(l, IR_MATCH_CLASS, vals, subj, args, nkw + 1, p)->aux = npos;
    require_not_none(l, vals, fail, p);
    match_items(l, c, &p->u.MatchClass.patterns, 0, vals, fail);
    match_items(l, c, &p->u.MatchClass.kwd_patterns, npos, vals, fail);
}

// The register of capture 'name' in 'c'.
static int captured(const Captures *c, Name name) {
    for (int i = 0; i < c->count; i++) {
        if (c->names[i] == name) {
            return c->regs[i];
        }
    }
    assert(!"an OR pattern's alternatives bind different names");  // the front end checks
    return -1;
}

// case A | B: each alternative in turn; they bind the same names (checked by the front end),
// which they move into registers they share.
static void match_or(Lower *l, Captures *c, const AstNode *p, int subj, IrBlock *fail) {
    const AstList *alts = &p->u.MatchOr.patterns;
    IrBlock *ok = ir_block_new(l->fn);
    Captures shared = {0};
    for (int i = 0; i < alts->count; i++) {
        IrBlock *next = i + 1 < alts->count ? ir_block_new(l->fn) : fail;
        Captures alt = {0};
        lower_pattern(l, &alt, alts->items[i], subj, next);
        for (int k = 0; k < alt.count; k++) {
            if (i == 0) {
                capture(l, &shared, alt.names[k], lower_temp(l, dyn()));
            }
            int src = lower_box(l, alt.regs[k], alts->items[i]);
            lower_move(l, captured(&shared, alt.names[k]), src, alts->items[i]);
        }
        lower_jump(l, ok);
        lower_start(l, next);
    }
    lower_start(l, ok);
    for (int k = 0; k < shared.count; k++) {
        capture(l, c, shared.names[k], shared.regs[k]);
    }
}

static void lower_pattern(Lower *l, Captures *c, const AstNode *p, int subj, IrBlock *fail) {
    switch (p->kind) {
    case AST_MatchValue: match_value(l, p, subj, fail); break;
    case AST_MatchSingleton: match_singleton(l, p, subj, fail); break;
    case AST_MatchSequence: match_sequence(l, c, p, subj, fail); break;
    case AST_MatchMapping: match_mapping(l, c, p, subj, fail); break;
    case AST_MatchClass: match_class(l, c, p, subj, fail); break;
    case AST_MatchOr: match_or(l, c, p, subj, fail); break;
    case AST_MatchAs:
        if (p->u.MatchAs.pattern) {
            lower_pattern(l, c, p->u.MatchAs.pattern, subj, fail);
        }
        if (p->u.MatchAs.name) {
            capture(l, c, p->u.MatchAs.name, subj);
        }
        break;
    default:
        assert(!"a star pattern outside a sequence pattern");  // the parser rejects it
        break;
    }
}

// One case: its pattern, the names it captured, its guard, then its body, which ends in 'end'.
static void lower_case(Lower *l, const AstNode *mc, int subj, IrBlock *end) {
    IrBlock *next = ir_block_new(l->fn);
    Captures c = {0};
    lower_pattern(l, &c, mc->u.match_case.pattern, subj, next);
    for (int i = 0; i < c.count; i++) {
        lower_store_name(l, c.names[i], c.regs[i], mc);
    }
    if (mc->u.match_case.guard) {
        IrBlock *body = ir_block_new(l->fn);
        lower_cond(l, mc->u.match_case.guard, body, next);
        lower_start(l, body);
    }
    lower_stmts(l, &mc->u.match_case.body);
    lower_jump(l, end);
    lower_start(l, next);
}

// match_stmt: 'match' subject_expr ':' NEWLINE INDENT case_block+ DEDENT
void lower_match(Lower *l, const AstNode *s) {
    const AstNode *subject = s->u.Match.subject;
    int v = lower_box(l, lower_expr(l, subject), subject);
    int subj = lower_temp(l, dyn());
    lower_move(l, subj, v, subject);  // evaluated once, whatever the cases assign
    IrBlock *end = ir_block_new(l->fn);
    for (int i = 0; i < s->u.Match.cases.count; i++) {
        lower_case(l, s->u.Match.cases.items[i], subj, end);
    }
    lower_jump(l, end);
    lower_start(l, end);
}
