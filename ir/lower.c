// lower.c: AST → IR for the subset krait compiles today (docs/supported.md). Input: the AST, its
// symbol tables and the types from infer.c. Output: one IrFunc per function plus one for the
// module body, in an IrModule. This file holds the shared helpers (lower_internal.h), the two
// dispatch switches over expression and statement kinds, and functions and the module; the
// constructs themselves live in lower_expr.c, lower_stmt.c and one file per feature area, each
// adding one line per AST kind to the switches below.
//
// Invariants of the IR it produces: every expression result lands in a fresh temporary (locals
// are only written by MOVE), so no instruction overwrites one of its operands; every register's
// representation follows from its type (ty_rep); error edges and reference counts are left to
// the passes. Any construct outside the subset is reported once as "<construct> is not
// supported by krait yet" and lowering goes on with a placeholder value, so that one run
// reports every unsupported construct.
#include "lower_internal.h"

#include <string.h>

// ---------------------------------------------------------------------------------------------
// Helpers

void lower_unsupported(Lower *l, const AstNode *at, const char *what) {
    diag_error(l->d, at->span, "%s is not supported by krait yet", what);
}

IrInstr *lower_emit(Lower *l, IrOp op, int dst, int nargs, const AstNode *at) {
    IrInstr *in = ir_instr_new(l->fn, op, dst, nargs, at ? at->span.line : l->fn->line);
    in->handler = l->handler;
    ir_append(l->fn, l->cur, in);
    return in;
}

int lower_temp(Lower *l, const Ty *ty) { return ir_reg_new(l->fn, ty, NULL); }

const Ty *lower_reg_ty(Lower *l, int r) { return l->fn->regs[r].ty; }

int lower_emit1(Lower *l, IrOp op, const Ty *ty, int a, int aux, const AstNode *at) {
    int dst = lower_temp(l, ty);
    IrInstr *in = lower_emit(l, op, dst, 1, at);
    in->args[0] = a;
    in->aux = aux;
    return dst;
}

int lower_emit2(Lower *l, IrOp op, const Ty *ty, int a, int b, int aux, const AstNode *at) {
    int dst = lower_temp(l, ty);
    IrInstr *in = lower_emit(l, op, dst, 2, at);
    in->args[0] = a;
    in->args[1] = b;
    in->aux = aux;
    return dst;
}

void lower_move(Lower *l, int dst, int src, const AstNode *at) {
    lower_emit(l, IR_MOVE, dst, 1, at)->args[0] = src;
}

// A jump from the current block, unless it already ended (return, break, continue).
void lower_jump(Lower *l, IrBlock *to) {
    if (ir_terminator(l->cur)) {
        return;
    }
    lower_emit(l, IR_JUMP, -1, 0, NULL)->target[0] = to;
}

void lower_branch(Lower *l, int cond, IrBlock *t, IrBlock *f, const AstNode *at) {
    IrInstr *in = lower_emit(l, IR_BRANCH, -1, 1, at);
    in->args[0] = cond;
    in->target[0] = t;
    in->target[1] = f;
}

// Continues in 'b'. Code after a terminator goes to a fresh block nothing jumps to
// (ir_compile removes unreachable blocks).
void lower_start(Lower *l, IrBlock *b) { l->cur = b; }

bool lower_terminated(Lower *l) { return ir_terminator(l->cur) != NULL; }

void lower_after_terminator(Lower *l) { lower_start(l, ir_block_new(l->fn)); }

int lower_const_reg(Lower *l, IrConstKind kind, const Ty *ty, const AstNode *at, IrConst **out) {
    int dst = lower_temp(l, ty);
    IrInstr *in = lower_emit(l, IR_CONST, dst, 0, at);
    in->cst = ir_const_new(l->m, kind);
    *out = in->cst;
    return dst;
}

int lower_const_none(Lower *l, const AstNode *at) {
    IrConst *c;
    return lower_const_reg(l, IRC_NONE, ty_prim(TY_NONE), at, &c);
}

int lower_const_int(Lower *l, int64_t v, const AstNode *at) {
    IrConst *c;
    int r = lower_const_reg(l, IRC_INT, ty_prim(TY_INT), at, &c);
    c->i = v;
    return r;
}

int lower_const_str(Lower *l, const char *s, size_t len, const AstNode *at) {
    IrConst *c;
    int r = lower_const_reg(l, IRC_STR, ty_prim(TY_STR), at, &c);
    c->s = s;
    c->len = len;
    return r;
}

// ---------------------------------------------------------------------------------------------
// Conversions between types (DESIGN §4: a value crossing from dyn into a typed slot is checked)

static bool needs_check(const Ty *to) { return to->kind != TY_DYN; }

int lower_coerce(Lower *l, int r, const Ty *to, const AstNode *at) {
    const Ty *from = lower_reg_ty(l, r);
    if (from == to || from->kind == TY_BOTTOM) {
        return r;
    }
    IrRep fr = ty_rep(from), tr = ty_rep(to);
    if (from->kind == TY_INT && to->kind == TY_FLOAT) {
        return lower_emit1(l, IR_INT_TO_FLOAT, to, r, 0, at);
    }
    if (from->kind == TY_BOOL && to->kind == TY_FLOAT) {
        return lower_coerce(l, lower_emit1(l, IR_BOOL_TO_INT, ty_prim(TY_INT), r, 0, at), to, at);
    }
    if (fr != REP_OBJ && tr != REP_FLOAT && tr != REP_BOOL) {
        // int/float/bool into a word: a bool stays True/False, as CPython keeps it.
        bool exact = to->kind == TY_DYN || to->kind == TY_NUM
                     || (to->kind == TY_OPTIONAL && to->arg == from)
                     || (from->kind == TY_BOOL && to->kind == TY_INT);
        if (exact) {
            return lower_emit1(l, IR_BOX, to, r, 0, at);
        }
        return lower_coerce(l, lower_emit1(l, IR_BOX, ty_prim(TY_DYN), r, 0, at), to, at);
    }
    if (fr != REP_OBJ) {
        bool exact = to->kind == TY_NUM && from->kind == TY_FLOAT;
        return exact ? lower_emit1(l, IR_BOX, to, r, 0, at)
                     : lower_coerce(l, lower_emit1(l, IR_BOX, ty_prim(TY_DYN), r, 0, at), to, at);
    }
    if (!needs_check(to) || ty_join(l->m->types, from, to) == to) {
        return r;  // the same word, already of a type 'to' admits
    }
    if (from->kind == to->kind
        && (to->kind == TY_LIST || to->kind == TY_DICT || to->kind == TY_SET)) {
        // The check would only test the kind again (items are checked where they are read).
        int d = lower_temp(l, to);
        lower_move(l, d, r, at);
        return d;
    }
    return lower_emit1(l, IR_UNBOX, to, r, 0, at);
}

int lower_box(Lower *l, int r, const AstNode *at) {
    return ty_rep(lower_reg_ty(l, r)) == REP_OBJ ? r : lower_coerce(l, r, ty_prim(TY_DYN), at);
}

// A bool operand used as an int.
int lower_as_int(Lower *l, int r, const AstNode *at) {
    if (lower_reg_ty(l, r)->kind == TY_BOOL) {
        return lower_emit1(l, IR_BOOL_TO_INT, ty_prim(TY_INT), r, 0, at);
    }
    return r;
}

int lower_as_float(Lower *l, int r, const AstNode *at) {
    return lower_coerce(l, r, ty_prim(TY_FLOAT), at);
}

int lower_truth(Lower *l, int r, const AstNode *at) {
    if (lower_reg_ty(l, r)->kind == TY_BOOL) {
        return r;
    }
    return lower_emit1(l, IR_TRUTH, ty_prim(TY_BOOL), r, 0, at);
}

// ---------------------------------------------------------------------------------------------
// Names

int lower_local_reg(Lower *l, Name id) {
    int c = lower_comp_reg(l, id);
    if (c >= 0 || c == LOWER_COMP_CELL) {
        return c >= 0 ? c : -1;
    }
    if (l->fn->node->kind == AST_Module || scope_access(l->ifn->scope, id) != ACCESS_FAST) {
        return -1;
    }
    for (int i = 0; i < l->ifn->nvars; i++) {
        if (l->ifn->vars[i] == id) {
            return i;  // registers of locals come first, in InferFunc order
        }
    }
    return -1;
}

int lower_global_index(Lower *l, Name id) {
    int g = ir_global_find(l->m, id);
    if (g < 0) {
        const Ty *t = infer_global_type(l->inf, id);
        g = t ? ir_global_add(l->m, id, t) : -1;
    }
    return g;
}

int lower_func_index(Lower *l, Name id) {
    for (int i = 1; i < l->m->nfuncs; i++) {
        if (l->m->funcs[i]->name == id && !l->m->funcs[i]->ifn->nested) {
            return i;
        }
    }
    return -1;
}

// The type a global's slot holds: ints and objects as they are, floats and bools boxed.
static const Ty *slot_type(const Ty *t) {
    return ty_rep(t) == REP_FLOAT || ty_rep(t) == REP_BOOL ? ty_prim(TY_DYN) : t;
}

static int load_global(Lower *l, int g, const AstNode *at) {
    const Ty *t = l->m->globals[g].ty;
    int dst = lower_temp(l, slot_type(t));
    lower_emit(l, IR_LOAD_GLOBAL, dst, 0, at)->aux = g;
    return lower_coerce(l, dst, t, at);
}

// Where the code being lowered finds 'id' (the module body and class bodies: ACCESS_NAME).
static ScopeAccess name_access(Lower *l, Name id) {
    if (l->fn->node->kind == AST_Module && !l->cls) {
        return ACCESS_NAME;
    }
    return scope_access(l->ifn->scope, id);
}

int lower_name(Lower *l, const AstNode *e) {
    Name id = e->u.Name.id;
    int r = lower_local_reg(l, id);
    if (r >= 0) {
        return r;
    }
    if (lower_comp_reg(l, id) == LOWER_COMP_CELL) {
        return lower_cell_load(l, id, e);
    }
    ScopeAccess access = name_access(l, id);
    if (access == ACCESS_DEREF && lower_cell_index(l, id) >= 0) {
        return lower_cell_load(l, id, e);
    }
    if (access == ACCESS_NAME && l->cls) {
        return lower_class_load(l, id, e);
    }
    if (access == ACCESS_FAST && l->d->errors == 0) {
        // Only read, never assigned in a way lowering supports: CPython raises
        // UnboundLocalError here; nothing to compile it to yet.
        lower_unsupported(l, e, "a local variable that is never assigned");
    } else if (access == ACCESS_DEREF) {
        lower_unsupported(l, e, "a closure variable");
    }
    if (access == ACCESS_FAST || access == ACCESS_DEREF) {
        return lower_const_none(l, e);
    }
    int g = lower_global_index(l, id);
    if (g >= 0) {
        return load_global(l, g, e);
    }
    if (id == l->n_dunder_name) {
        const char *name = l->m->unit->name;
        return lower_const_str(l, name, strlen(name), e);
    }
    if (strcmp(id, "__file__") == 0) {  // absolute, as CPython 3.13 gives it
        return lower_const_str(l, l->m->unit->path, strlen(l->m->unit->path), e);
    }
    if (infer_is_typing_name(id)) {
        diag_error(l->d, e->span, "'%s' from typing is supported by krait in annotations only",
                   id);
        return lower_const_none(l, e);
    }
    // Any other name is a builtin, looked up when it runs (NameError when there is none).
    return lower_coerce(l, lower_builtin(l, id, e), e->ty, e);
}

void lower_store_name(Lower *l, Name id, int value, const AstNode *at) {
    int r = lower_local_reg(l, id);
    if (r >= 0) {
        lower_move(l, r, lower_coerce(l, value, lower_reg_ty(l, r), at), at);
        return;
    }
    if (lower_comp_reg(l, id) == LOWER_COMP_CELL) {
        lower_cell_store(l, id, value, at);
        return;
    }
    ScopeAccess access = name_access(l, id);
    if (access == ACCESS_DEREF && lower_cell_index(l, id) >= 0) {
        lower_cell_store(l, id, value, at);
        return;
    }
    if (access == ACCESS_NAME && l->cls) {
        lower_class_store(l, id, value, at);
        return;
    }
    int g = lower_global_index(l, id);
    InferFunc *f = infer_func_of(l->inf, id);
    if (g < 0 || (f && f->direct && !f->rebindable)) {
        lower_unsupported(l, at, "rebinding a function's name");
        return;
    }
    int v = lower_coerce(l, value, slot_type(l->m->globals[g].ty), at);
    IrInstr *in = lower_emit(l, IR_STORE_GLOBAL, -1, 1, at);
    in->args[0] = v;
    in->aux = g;
}

// `del id` in a class body: the name leaves the namespace; NameError when it is not there
// (CPython's DELETE_NAME looks nowhere else).
static void delete_class_name(Lower *l, Name id, const AstNode *at) {
    int key = lower_const_str(l, id, strlen(id), at);
    int has = lower_contains(l, key, l->cls->ns, false, at);
    IrBlock *yes = ir_block_new(l->fn), *no = ir_block_new(l->fn), *done = ir_block_new(l->fn);
    lower_branch(l, has, yes, no, at);
    lower_start(l, yes);
    IrInstr *in = lower_emit(l, IR_DELITEM, -1, 2, at);
    in->args[0] = l->cls->ns;
    in->args[1] = key;
    lower_jump(l, done);
    lower_start(l, no);
    const char *text = arena_printf(l->arena, "name '%s' is not defined", id);
    int msg = lower_const_str(l, text, strlen(text), at);
    int exc = lower_call_obj(l, lower_builtin(l, "NameError", at), &msg, 1, ty_prim(TY_DYN), at);
    lower_emit(l, IR_RAISE, -1, 1, at)->args[0] = exc;
    lower_start(l, done);
}

// `del id`: CPython's errors when 'id' is unbound (UnboundLocalError for a local or the
// function's own cell, NameError for a free variable or a global), else it is unbound and
// its value released at once.
void lower_delete_name(Lower *l, Name id, const AstNode *at) {
    int r = lower_local_reg(l, id);
    if (r >= 0) {
        // The read keeps the value alive until here (where it dies, as in CPython) and gets
        // pass_bound's UnboundLocalError check when the local may be unassigned.
        lower_move(l, lower_temp(l, lower_reg_ty(l, r)), r, at);
        lower_emit(l, IR_CLEAR, r, 0, at);
        return;
    }
    ScopeAccess access = name_access(l, id);
    int cell = access == ACCESS_DEREF ? lower_cell_index(l, id) : -1;
    if (cell >= 0) {
        IrInstr *in = lower_emit(l, IR_CELL_DELETE, -1, 1, at);
        in->args[0] = l->cell_regs[cell];
        in->aux = l->cell_free[cell];
        in->cst = ir_const_new(l->m, IRC_STR);
        in->cst->s = id;
        in->cst->len = strlen(id);
        return;
    }
    if (access == ACCESS_NAME && l->cls) {
        delete_class_name(l, id, at);
        return;
    }
    InferFunc *f = infer_func_of(l->inf, id);
    if (access == ACCESS_FAST || access == ACCESS_DEREF || (f && f->direct && !f->rebindable)) {
        lower_unsupported(l, at, access == ACCESS_FAST || access == ACCESS_DEREF
                                     ? "'del' of this variable" : "rebinding a function's name");
        return;
    }
    int g = lower_global_index(l, id);
    if (g < 0) {
        g = ir_global_add(l->m, id, ty_prim(TY_DYN));  // never assigned: always NameError
    }
    lower_emit(l, IR_UNBIND_GLOBAL, -1, 0, at)->aux = g;
}

// ---------------------------------------------------------------------------------------------
// Dispatch

const char *lower_expr_construct(AstKind k) {
    switch (k) {
    case AST_Lambda: return "lambda";
    case AST_List: return "a list display";
    case AST_Tuple: return "a tuple";
    case AST_Dict: return "a dict display";
    case AST_Set: return "a set display";
    case AST_ListComp: return "a list comprehension";
    case AST_SetComp: return "a set comprehension";
    case AST_DictComp: return "a dict comprehension";
    case AST_GeneratorExp: return "a generator expression";
    case AST_Attribute: return "attribute access";
    case AST_Subscript: return "subscription";
    case AST_Await: return "'await'";
    case AST_Yield:
    case AST_YieldFrom: return "'yield'";
    case AST_Starred: return "'*' unpacking";
    default: return ast_kind_name(k);
    }
}

static int lower_expr_kind(Lower *l, const AstNode *e) {
    switch (e->kind) {
    case AST_Constant: return lower_constant(l, e);
    case AST_Name: return lower_name(l, e);
    case AST_BinOp: return lower_binop(l, e);
    case AST_UnaryOp: return lower_unary(l, e);
    case AST_Compare: return lower_compare(l, e);
    case AST_BoolOp: return lower_boolop(l, e);
    case AST_IfExp: return lower_ifexp(l, e);
    case AST_Call: return lower_call(l, e);
    case AST_JoinedStr: return lower_joined(l, e);
    case AST_FormattedValue: return lower_formatted(l, e);
    case AST_Tuple: return lower_tuple(l, e);
    case AST_List: return lower_list(l, e);
    case AST_Set: return lower_set(l, e);
    case AST_Dict: return lower_dict(l, e);
    case AST_Subscript: return lower_subscript(l, e);
    case AST_Attribute: return lower_attribute(l, e);
    case AST_ListComp:
    case AST_SetComp:
    case AST_DictComp: return lower_comprehension(l, e);
    case AST_Yield: return lower_yield(l, e);
    case AST_YieldFrom: return lower_yield_from(l, e);
    case AST_GeneratorExp: return lower_genexp(l, e);
    case AST_Lambda: return lower_lambda(l, e);
    case AST_NamedExpr: return lower_namedexpr(l, e);
    default:
        lower_unsupported(l, e, lower_expr_construct(e->kind));
        return lower_const_none(l, e);
    }
}

int lower_expr(Lower *l, const AstNode *e) {
    if (!e->ty) {
        infer_expr_type(l->inf, l->ifn, e);  // a node inference did not reach
    }
    return lower_expr_kind(l, e);
}

const char *lower_stmt_construct(AstKind k) {
    switch (k) {
    case AST_ClassDef: return "a 'class' statement";
    case AST_AsyncFunctionDef: return "'async def'";
    case AST_Delete: return "'del'";
    case AST_TypeAlias: return "a 'type' statement";
    case AST_AsyncFor: return "'async for'";
    case AST_With:
    case AST_AsyncWith: return "a 'with' statement";
    case AST_Match: return "a 'match' statement";
    case AST_Raise: return "a 'raise' statement";
    case AST_Try: return "a 'try' statement";
    case AST_TryStar: return "'except*'";
    case AST_Assert: return "an 'assert' statement";
    case AST_Import:
    case AST_ImportFrom: return "'import'";
    case AST_Nonlocal: return "'nonlocal'";
    case AST_FunctionDef: return "a nested function";
    default: return ast_kind_name(k);
    }
}

static void lower_stmt_kind(Lower *l, const AstNode *s) {
    switch (s->kind) {
    case AST_Expr: {
        int r = lower_expr(l, s->u.Expr.value);
        if (s->u.Expr.value->kind == AST_Name) {
            // A local is read by no instruction of its own: this read gets pass_bound's
            // UnboundLocalError check when the local may be unassigned.
            lower_move(l, lower_temp(l, lower_reg_ty(l, r)), r, s);
        }
        break;
    }
    case AST_Assign: lower_assign(l, s); break;
    case AST_AugAssign: lower_augassign(l, s); break;
    case AST_AnnAssign: lower_annassign(l, s); break;
    case AST_If: lower_if(l, s); break;
    case AST_While: lower_while(l, s); break;
    case AST_For: lower_for(l, s); break;
    case AST_Return: lower_return(l, s); break;
    case AST_Delete: lower_delete(l, s); break;
    case AST_Break: lower_break(l, false); break;
    case AST_Continue: lower_break(l, true); break;
    case AST_Try: lower_try(l, s); break;
    case AST_Raise: lower_raise(l, s); break;
    case AST_Assert: lower_assert(l, s); break;
    case AST_With: lower_with(l, s); break;
    case AST_Match: lower_match(l, s); break;
    case AST_Import:
    case AST_ImportFrom: lower_import(l, s); break;
    case AST_Pass:
    case AST_Global:
    case AST_Nonlocal:
        break;
    case AST_FunctionDef: lower_funcdef(l, s); break;
    case AST_ClassDef: lower_classdef(l, s); break;
    default:
        lower_unsupported(l, s, lower_stmt_construct(s->kind));
        break;
    }
}

void lower_stmts(Lower *l, const AstList *body) {
    for (int i = 0; i < body->count; i++) {
        if (lower_terminated(l)) {
            lower_after_terminator(l);
        }
        lower_stmt_kind(l, body->items[i]);
        if (diag_too_many(l->d)) {
            return;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Functions and the module

// "<prefix><module>__<name>", with bytes outside [A-Za-z0-9_] spelled _xHH.
static const char *symbol(Arena *a, const char *prefix, const char *modc, Name name) {
    StrBuf b;
    strbuf_init(&b, a);
    strbuf_printf(&b, "%s%s__", prefix, modc);
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')
            || *p == '_') {
            strbuf_putc(&b, (char)*p);
        } else {
            strbuf_printf(&b, "_x%02x", *p);
        }
    }
    return strbuf_cstr(&b);
}

static const char *c_symbol(Lower *l, const char *prefix, Name name) {
    return symbol(l->arena, prefix, l->m->name, name);
}

const char *ir_func_cname(Arena *a, const char *modc, Name name) {
    return symbol(a, "kgf_", modc, name);
}

const char *ir_global_cname(Arena *a, const char *modc, Name name) {
    return symbol(a, "kg_", modc, name);
}

static bool simple_type(const Ty *t) {
    return t->kind == TY_DYN || t->kind == TY_INT || t->kind == TY_FLOAT || t->kind == TY_NUM
           || t->kind == TY_BOOL
           || t->kind == TY_STR || t->kind == TY_NONE;
}

bool ir_func_exportable(const InferFunc *f) {
    if (!f->direct || f->rebindable || f->nested || !simple_type(f->ret_ty)
        || f->scope->generator) {
        return false;
    }
    for (int i = 0; i < f->nparams; i++) {
        if (!simple_type(f->var_tys[i])) {
            return false;
        }
    }
    return true;
}

// The registers of a function's locals (parameters first, in InferFunc order).
static void make_locals(IrFunc *fn, InferFunc *ifn) {
    for (int i = 0; i < ifn->nvars; i++) {
        int r = ir_reg_new(fn, ifn->var_tys[i], ifn->vars[i]);
        fn->regs[r].is_param = i < ifn->nparams;
    }
    fn->nparams = ifn->nparams;
    fn->params = arena_alloc(fn->mod->arena, sizeof(int) * (size_t)(ifn->nparams + 1));
    for (int i = 0; i < ifn->nparams; i++) {
        fn->params[i] = i;
    }
}

// The shape of a function's signature and its defaults (for direct calls).
static void make_signature(IrFunc *fn, const AstNode *node) {
    const AstNode *a = node->kind == AST_Lambda ? node->u.Lambda.args : node->u.FunctionDef.args;
    fn->nposonly = a->u.arguments.posonlyargs.count;
    fn->npos = fn->nposonly + a->u.arguments.args.count;
    fn->nkwonly = a->u.arguments.kwonlyargs.count;
    fn->varargs = a->u.arguments.vararg != NULL;
    fn->varkw = a->u.arguments.kwarg != NULL;
    fn->defaults = arena_alloc(fn->mod->arena, sizeof(AstNode *) * (size_t)(fn->nparams + 1));
    const AstList *defs = &a->u.arguments.defaults;
    for (int i = 0; i < defs->count; i++) {
        fn->defaults[fn->npos - defs->count + i] = defs->items[i];
    }
}

IrFunc *lower_declare_func(Lower *l, const AstNode *node, InferFunc *ifn, const char *qualname) {
    const char *cname = ifn->nested ? arena_printf(l->arena, "%s_%d", qualname, l->m->nfuncs)
                                    : qualname;
    IrFunc *fn = ir_func_new(l->m, ifn->name, c_symbol(l, "kgf_", cname));
    fn->node = node;
    fn->ifn = ifn;
    fn->qualname = qualname;
    fn->line = node->span.line;
    fn->ret_ty = ifn->ret_ty;
    fn->ret_rep = ty_rep(ifn->ret_ty);
    make_locals(fn, ifn);
    make_signature(fn, node);
    Scope *sc = ifn->scope;
    for (int i = 0; i < sc->nsymbols; i++) {
        fn->has_closure |= sc->symbols[i]->scope == SYM_FREE;
    }
    if (ifn->scope->generator) {
        lower_gen_declare(l, fn, ifn);
    }
    return fn;
}

// Lowers a body into 'fn'; falling off the end returns None.
static void lower_body(Lower *l, IrFunc *fn, InferFunc *ifn, const AstList *body) {
    l->fn = fn;
    l->ifn = ifn;
    l->loop = NULL;
    l->ncells = 0;
    l->cls = NULL;
    l->handler = NULL;
    l->cleanup = NULL;
    lower_start(l, ir_block_new(fn));
    lower_func_prologue(l);
    if (fn->node->kind == AST_Lambda) {
        const AstNode *e = fn->node->u.Lambda.body;
        int v = lower_coerce(l, lower_expr(l, e), fn->ret_ty, e);
        lower_emit(l, IR_RETURN, -1, 1, e)->args[0] = v;
        return;
    }
    lower_stmts(l, body);
    if (!lower_terminated(l)) {
        int none = lower_const_none(l, NULL);
        IrInstr *ret = ir_instr_new(fn, IR_RETURN, -1, 1, fn->line);
        ret->args[0] = lower_coerce(l, none, fn->ret_ty, NULL);
        ir_append(fn, l->cur, ret);
    }
}

static void init_lower(Lower *l, Arena *a, Interner *in, Diag *d, IrModule *m) {
    memset(l, 0, sizeof *l);
    l->arena = a;
    l->d = d;
    l->m = m;
    l->n_print = intern_cstr(in, "print");
    l->n_range = intern_cstr(in, "range");
    l->n_sep = intern_cstr(in, "sep");
    l->n_end = intern_cstr(in, "end");
    l->n_dunder_name = intern_cstr(in, "__name__");
}

typedef struct NameVec {
    Name *items;
    int count, cap;
} NameVec;

static void name_push(Arena *a, NameVec *v, Name n) {
    if (v->count == v->cap) {
        int cap = v->cap ? v->cap * 2 : 16;
        v->items = arena_realloc(a, v->items, sizeof(Name) * (size_t)v->cap,
                                 sizeof(Name) * (size_t)cap);
        v->cap = cap;
    }
    v->items[v->count++] = n;
}

typedef struct GlobalDecls {
    Arena *a;
    NameVec *out;
} GlobalDecls;

static bool global_decls_child(const AstNode *n, void *ctx);

// The names of every `global` statement in 'n' (globals a function may assign).
static void global_decls(Arena *a, const AstNode *n, NameVec *out) {
    if (!n) {
        return;
    }
    if (n->kind == AST_Global) {
        for (int i = 0; i < n->u.Global.names.count; i++) {
            name_push(a, out, n->u.Global.names.items[i]);
        }
        return;
    }
    GlobalDecls q = {a, out};
    ast_any_child(n, global_decls_child, &q);
}

static bool global_decls_child(const AstNode *n, void *ctx) {
    const GlobalDecls *q = ctx;
    global_decls(q->a, n, q->out);
    return false;
}

// The globals other modules may rebind: those some module of the program assigns as an
// attribute ('m.x = v'), and those `from m import *` binds (not known to the symbol table);
// and every module-level function when the program assigns some function's defaults.
static Name *external_globals(IrProgram *p, IrUnit *u, int *n) {
    int nstar;
    Name *star = ir_unit_star_names(p, u, &nstar);
    NameVec ext = {0};
    for (int i = 0; i < nstar; i++) {
        name_push(p->arena, &ext, star[i]);
    }
    if (ir_program_sets_defaults(p)) {  // no call may inline a default
        const AstList *body = &u->ast->u.Module.body;
        for (int i = 0; i < body->count; i++) {
            if (body->items[i]->kind == AST_FunctionDef) {
                name_push(p->arena, &ext, body->items[i]->u.FunctionDef.name);
            }
        }
    }
    if (strcmp(u->name, "__main__") != 0) {  // nothing can import the script
        NameVec globals = {0};
        for (int i = 0; i < u->top->nsymbols; i++) {
            if (u->top->symbols[i]->flags & SYM_DEF_BOUND) {
                name_push(p->arena, &globals, u->top->symbols[i]->name);
            }
        }
        global_decls(p->arena, u->ast, &globals);
        for (int i = 0; i < globals.count; i++) {
            if (ir_program_stores_attr(p, globals.items[i])) {
                name_push(p->arena, &ext, globals.items[i]);
            }
        }
    }
    *n = ext.count;
    return ext.items;
}

InferFunc *ir_extern_callee(IrProgram *p, const IrUnit *u, IrUnit *from, Name name,
                            const AstNode *e) {
    if (!from || from == u || from->inferring || strcmp(from->name, "__main__") == 0
        || e->u.Call.keywords.count) {
        return NULL;
    }
    for (int i = 0; i < e->u.Call.args.count; i++) {
        if (e->u.Call.args.items[i]->kind == AST_Starred) {
            return NULL;
        }
    }
    if (ir_program_find(p, arena_printf(p->arena, "%s.%s", from->name, name))) {
        return NULL;  // importing submodule m.f would rebind m's global f
    }
    InferFunc *fn = infer_func_of(ir_unit_infer(p, from), name);
    return fn && ir_func_exportable(fn) && fn->nparams == e->u.Call.args.count ? fn : NULL;
}

typedef struct HookCtx {
    IrProgram *p;
    IrUnit *u;
} HookCtx;

// InferCallHook: f(...) after `from m import f`, m.f(...) after `import m` (lower_expr.c
// calls them directly; the result has the type m's inference gives f).
static const Ty *imported_call_type(void *ctx, const AstNode *e) {
    HookCtx *h = ctx;
    const AstNode *f = e->u.Call.func;
    InferFunc *fn = NULL;
    if (f->kind == AST_Name) {
        Name orig;
        IrUnit *from = ir_unit_import_source(h->p, h->u, f->u.Name.id, &orig);
        fn = from ? ir_extern_callee(h->p, h->u, from, orig, e) : NULL;
    } else if (f->kind == AST_Attribute && f->u.Attribute.value->kind == AST_Name) {
        IrUnit *from = ir_unit_module_source(h->p, h->u, f->u.Attribute.value->u.Name.id);
        fn = ir_extern_callee(h->p, h->u, from, f->u.Attribute.attr, e);
    }
    return fn ? fn->ret_ty : NULL;
}

Infer *ir_unit_infer(IrProgram *p, IrUnit *u) {
    if (!u->inf) {
        int next;
        Name *ext = external_globals(p, u, &next);
        u->types = ty_ctx_new(p->arena);
        HookCtx *h = arena_alloc(p->arena, sizeof *h);
        h->p = p;
        h->u = u;
        u->inferring = true;
        u->inf = infer_module(p->arena, p->in, u->types, u->top, u->ast, ext, next,
                              p->nunits > 1 ? imported_call_type : NULL, h,
                              strcmp(u->name, "__main__") != 0);
        u->inferring = false;
    }
    return u->inf;
}

IrModule *ir_lower_module(IrProgram *p, IrUnit *u) {
    Arena *a = p->arena;
    Interner *in = p->in;
    Diag *d = u->d;
    IrModule *m = ir_module_new(a, in, u->path, u->cname);
    m->prog = p;
    m->unit = u;
    Lower l;
    init_lower(&l, a, in, d, m);
    const AstNode *mod = u->ast;
    l.inf = ir_unit_infer(p, u);
    m->types = u->types;
    IrFunc *body = ir_func_new(m, intern_cstr(in, "<module>"), c_symbol(&l, "kgm_", "body"));
    body->node = mod;
    body->line = 1;
    const AstList *stmts = &mod->u.Module.body;
    for (int i = 0; i < stmts->count; i++) {
        const AstNode *s = stmts->items[i];
        if (s->kind != AST_FunctionDef) {
            continue;
        }
        if (lower_func_index(&l, s->u.FunctionDef.name) >= 0) {
            continue;  // a redefinition: declared as its def runs, typed on its own
        }
        IrFunc *fn = lower_declare_func(&l, s, infer_func_of(l.inf, s->u.FunctionDef.name),
                                        s->u.FunctionDef.name);
        fn->exported = strcmp(u->name, "__main__") != 0 && ir_func_exportable(fn->ifn);
    }
    lower_body(&l, body, infer_module_body(l.inf), stmts);
    // Bodies of nested functions are declared while lowering their parents: the loop sees them.
    for (int i = 1; i < m->nfuncs; i++) {
        IrFunc *fn = m->funcs[i];
        if (fn->nblocks > 0) {
            continue;  // a generator expression's body, lowered with the expression
        }
        if (fn->gen_resume) {
            lower_gen_entry(&l, fn);
            continue;
        }
        lower_body(&l, fn, fn->ifn, &fn->node->u.FunctionDef.body);
    }
    // Every global has its slot, so that the module object finds it by name (runtime/module.c).
    InferFunc *globals = infer_module_body(l.inf);
    for (int i = 0; i < globals->nvars; i++) {
        lower_global_index(&l, globals->vars[i]);
    }
    return d->errors ? NULL : m;
}
