// scope.c: symbol tables and the checks compile() makes beyond the grammar. Input: the Module
// node from parse_module. Output: a tree of Scopes classified exactly as CPython 3.13's symtable
// (Python/symtable.c) classifies them, and diagnostics for every SyntaxError that CPython raises
// after parsing. Four phases run in CPython's order, so the first error reported is CPython's:
// future-statement checks (future.c), symbol collection (symtable pass 1), analysis (pass 2: free,
// cell, global), then the code generator's checks (compile.c: 'return' outside function,
// break/continue, starred targets, __debug__, match patterns, ...). A phase that reported errors
// ends the run after it finishes. Invariants: every Symbol name is interned and mangled;
// inlined comprehensions stay in the tree (marked 'comp_inlined') with their symbols also merged
// into the enclosing scope, as CPython merges them.
#include "frontend.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

// ---- name sets ---------------------------------------------------------------------------------
// Small sets of interned names (bound, free, global names during analysis). Linear: they hold a
// scope's worth of names at most.

typedef struct NameSet {
    Name *items;
    int n, cap;
} NameSet;

static bool set_has(const NameSet *s, Name name) {
    for (int i = 0; s && i < s->n; i++) {
        if (s->items[i] == name) {
            return true;
        }
    }
    return false;
}

static void set_add(Arena *a, NameSet *s, Name name) {
    if (set_has(s, name)) {
        return;
    }
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 8;
        s->items = arena_realloc(a, s->items, (size_t)s->n * sizeof(Name), (size_t)cap * sizeof(Name));
        s->cap = cap;
    }
    s->items[s->n++] = name;
}

// Returns whether 'name' was in the set.
static bool set_discard(NameSet *s, Name name) {
    for (int i = 0; i < s->n; i++) {
        if (s->items[i] == name) {
            s->items[i] = s->items[--s->n];
            return true;
        }
    }
    return false;
}

static void set_union(Arena *a, NameSet *dst, const NameSet *src) {
    for (int i = 0; src && i < src->n; i++) {
        set_add(a, dst, src->items[i]);
    }
}

static NameSet *set_copy(Arena *a, const NameSet *src) {
    NameSet *s = arena_alloc(a, sizeof(NameSet));
    set_union(a, s, src);
    return s;
}

// ---- scopes and symbols ------------------------------------------------------------------------

typedef struct Directive {
    Name name;  // mangled
    SrcSpan span;
    struct Directive *next;
} Directive;

typedef struct MapEntry {
    const void *key;
    Scope *scope;
} MapEntry;

// Maps AST nodes to the scopes they open. Type-parameter scopes are keyed by node + 1 and
// type-variable default scopes by node + 2 (as CPython keys them by address + 1).
struct ScopeTable {
    Arena *arena;
    Interner *in;
    MapEntry *slots;
    int cap, count;
    Scope *top;
};

static size_t ptr_hash(const void *p) {
    uintptr_t v = (uintptr_t)p;
    v ^= v >> 17;
    v *= 0x9E3779B97F4A7C15ull;
    return (size_t)(v ^ (v >> 29));
}

static void map_put(ScopeTable *t, const void *key, Scope *s);

static void map_grow(ScopeTable *t) {
    MapEntry *old = t->slots;
    int old_cap = t->cap;
    t->cap = t->cap ? t->cap * 2 : 64;
    t->slots = arena_alloc(t->arena, (size_t)t->cap * sizeof(MapEntry));
    t->count = 0;
    for (int i = 0; i < old_cap; i++) {
        if (old[i].key) {
            map_put(t, old[i].key, old[i].scope);
        }
    }
}

static void map_put(ScopeTable *t, const void *key, Scope *s) {
    if ((t->count + 1) * 2 > t->cap) {
        map_grow(t);
    }
    size_t i = ptr_hash(key) & (size_t)(t->cap - 1);
    while (t->slots[i].key && t->slots[i].key != key) {
        i = (i + 1) & (size_t)(t->cap - 1);
    }
    if (!t->slots[i].key) {
        t->count++;
    }
    t->slots[i].key = key;
    t->slots[i].scope = s;
}

static Scope *map_get(const ScopeTable *t, const void *key) {
    if (!t->cap) {
        return NULL;
    }
    size_t i = ptr_hash(key) & (size_t)(t->cap - 1);
    while (t->slots[i].key) {
        if (t->slots[i].key == key) {
            return t->slots[i].scope;
        }
        i = (i + 1) & (size_t)(t->cap - 1);
    }
    return NULL;
}

Symbol *scope_lookup(const Scope *s, Name name) {
    if (!s->nslots) {
        return NULL;
    }
    size_t i = ptr_hash(name) & (size_t)(s->nslots - 1);
    while (s->slots[i]) {
        if (s->slots[i]->name == name) {
            return s->slots[i];
        }
        i = (i + 1) & (size_t)(s->nslots - 1);
    }
    return NULL;
}

static void slot_insert(Scope *s, Symbol *sym) {
    size_t i = ptr_hash(sym->name) & (size_t)(s->nslots - 1);
    while (s->slots[i]) {
        i = (i + 1) & (size_t)(s->nslots - 1);
    }
    s->slots[i] = sym;
}

static Symbol *symbol_new(Arena *a, Scope *s, Name name, unsigned flags) {
    if ((s->nsymbols + 1) * 2 > s->nslots) {
        int n = s->nslots ? s->nslots * 2 : 16;
        s->slots = arena_alloc(a, (size_t)n * sizeof(Symbol *));
        s->nslots = n;
        for (int i = 0; i < s->nsymbols; i++) {
            slot_insert(s, s->symbols[i]);
        }
    }
    if (s->nsymbols == s->symbols_cap) {
        int cap = s->symbols_cap ? s->symbols_cap * 2 : 16;
        s->symbols = arena_realloc(a, s->symbols, (size_t)s->nsymbols * sizeof(Symbol *),
                                   (size_t)cap * sizeof(Symbol *));
        s->symbols_cap = cap;
    }
    Symbol *sym = arena_alloc(a, sizeof(Symbol));
    sym->name = name;
    sym->flags = flags;
    s->symbols[s->nsymbols++] = sym;
    slot_insert(s, sym);
    return sym;
}

static unsigned symbol_flags(const Scope *s, Name name) {
    Symbol *sym = scope_lookup(s, name);
    return sym ? sym->flags : 0;
}

static void scope_add_child(Arena *a, Scope *parent, Scope *child) {
    if (parent->nchildren == parent->children_cap) {
        int cap = parent->children_cap ? parent->children_cap * 2 : 4;
        parent->children = arena_realloc(a, parent->children,
                                         (size_t)parent->nchildren * sizeof(Scope *),
                                         (size_t)cap * sizeof(Scope *));
        parent->children_cap = cap;
    }
    parent->children[parent->nchildren++] = child;
}

static void scope_add_varname(Arena *a, Scope *s, Name name) {
    if (s->nvarnames == s->varnames_cap) {
        int cap = s->varnames_cap ? s->varnames_cap * 2 : 4;
        s->varnames = arena_realloc(a, s->varnames, (size_t)s->nvarnames * sizeof(Name),
                                    (size_t)cap * sizeof(Name));
        s->varnames_cap = cap;
    }
    s->varnames[s->nvarnames++] = name;
}

static bool is_function_like(const Scope *s) {
    return s->kind == SCOPE_FUNCTION || s->kind == SCOPE_TYPE_VAR || s->kind == SCOPE_TYPE_ALIAS ||
           s->kind == SCOPE_TYPE_PARAMS;
}

const char *scope_kind_name(ScopeKind kind) {
    static const char *const names[] = {"function",   "class",           "module",
                                        "annotation", "type alias",      "type parameters",
                                        "type variable"};
    return names[kind];
}

// ---- mangling ----------------------------------------------------------------------------------

// _Py_Mangle: '__x' inside class 'private' becomes '_private__x' (leading underscores of the
// class name stripped); dunder names, dotted names and all-underscore classes are left alone.
static Name mangle(Interner *in, Name private_, Name name) {
    size_t n = strlen(name);
    if (!private_ || n < 2 || name[0] != '_' || name[1] != '_') {
        return name;
    }
    if ((name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.')) {
        return name;
    }
    while (*private_ == '_') {
        private_++;
    }
    if (!*private_) {
        return name;
    }
    size_t p = strlen(private_);
    char *buf = malloc(p + n + 2);
    if (!buf) {
        abort();
    }
    buf[0] = '_';
    memcpy(buf + 1, private_, p);
    memcpy(buf + 1 + p, name, n + 1);
    Name r = intern(in, buf, p + n + 1);
    free(buf);
    return r;
}

// The class whose body (or generic type-parameter list) encloses 's', for mangling.
static Name scope_private(const Scope *s) {
    for (const Scope *p = s; p; p = p->parent) {
        if (p->kind == SCOPE_CLASS) {
            return p->name;
        }
        if (p->kind == SCOPE_TYPE_PARAMS && p->mangled_names) {
            return p->name;
        }
    }
    return NULL;
}

Name scope_mangle(const Scope *s, Interner *in, Name name) {
    if (s->mangled_names && !set_has(s->mangled_names, name)) {
        return name;
    }
    return mangle(in, scope_private(s), name);
}

// ---- pass 1: collecting symbols ----------------------------------------------------------------

typedef struct Builder {
    Arena *arena;
    Interner *in;
    Diag *d;
    ScopeTable *table;
    Scope *cur, *top;
    Scope **stack;
    int depth, stack_cap;
    Name private_;  // the class name used for mangling, or NULL
    bool future_annotations;
    int errors;
    struct {
        Name top, lambda, genexpr, listcomp, setcomp, dictcomp, annotation, dot0, class_,
            classdict, type_params, generic_base, defaults, kwdefaults, dunder_type_params,
            super, debug, future;
    } n;
} Builder;

static void berror(Builder *b, SrcSpan span, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void berror(Builder *b, SrcSpan span, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_verror(b->d, span, fmt, ap);
    va_end(ap);
    b->errors++;
}

static Name maybe_mangle(Builder *b, Name name) {
    if (b->cur->mangled_names && !set_has(b->cur->mangled_names, name)) {
        return name;
    }
    return mangle(b->in, b->private_, name);
}

// symtable_add_def_helper: records 'flag' for 'name' in 'ste'. False after an error.
static bool add_def_in(Builder *b, Name name, unsigned flag, Scope *ste, SrcSpan span) {
    if ((flag & SYM_DEF_TYPE_PARAM) && b->cur->mangled_names) {
        set_add(b->arena, b->cur->mangled_names, name);
    }
    Name mangled = maybe_mangle(b, name);
    Symbol *sym = scope_lookup(ste, mangled);
    unsigned val = flag;
    if (sym) {
        if ((flag & SYM_DEF_PARAM) && (sym->flags & SYM_DEF_PARAM)) {
            berror(b, span, "duplicate argument '%s' in function definition", name);
            return false;
        }
        if ((flag & SYM_DEF_TYPE_PARAM) && (sym->flags & SYM_DEF_TYPE_PARAM)) {
            berror(b, span, "duplicate type parameter '%s'", name);
            return false;
        }
        val = sym->flags | flag;
    }
    if (ste->comp_iter_target) {
        if (val & (SYM_DEF_GLOBAL | SYM_DEF_NONLOCAL)) {
            berror(b, span,
                   "comprehension inner loop cannot rebind assignment expression target '%s'",
                   name);
            return false;
        }
        val |= SYM_DEF_COMP_ITER;
    }
    if (sym) {
        sym->flags = val;
    } else {
        symbol_new(b->arena, ste, mangled, val);
    }
    if (flag & SYM_DEF_PARAM) {
        scope_add_varname(b->arena, ste, mangled);
    } else if (flag & SYM_DEF_GLOBAL) {
        Symbol *g = scope_lookup(b->top, mangled);
        if (g) {
            g->flags |= flag;
        } else {
            symbol_new(b->arena, b->top, mangled, flag);
        }
    }
    return true;
}

static bool add_def(Builder *b, Name name, unsigned flag, SrcSpan span) {
    return add_def_in(b, name, flag, b->cur, span);
}

static void record_directive(Builder *b, Name name, SrcSpan span) {
    Directive *dir = arena_alloc(b->arena, sizeof(Directive));
    dir->name = maybe_mangle(b, name);
    dir->span = span;
    dir->next = b->cur->directives;  // newest first; error_at_directive takes the oldest
    b->cur->directives = dir;
}

static Scope *enter_block(Builder *b, Name name, ScopeKind kind, const void *key,
                          const AstNode *node, int lineno) {
    Scope *prev = b->cur;
    Scope *s = arena_alloc(b->arena, sizeof(Scope));
    s->kind = kind;
    s->name = name;
    s->node = node;
    s->lineno = lineno;
    s->table = b->table;
    s->parent = prev;
    if (prev) {
        s->nested = prev->nested || is_function_like(prev);
        s->comp_iter_expr = prev->comp_iter_expr;
        if (prev->mangled_names && kind != SCOPE_CLASS) {
            s->mangled_names = prev->mangled_names;
        }
    }
    if (key) {
        map_put(b->table, key, s);
    }
    if (b->depth == b->stack_cap) {
        int cap = b->stack_cap ? b->stack_cap * 2 : 16;
        b->stack = arena_realloc(b->arena, b->stack, (size_t)b->depth * sizeof(Scope *),
                                 (size_t)cap * sizeof(Scope *));
        b->stack_cap = cap;
    }
    b->stack[b->depth++] = s;
    b->cur = s;
    if (prev && kind != SCOPE_ANNOTATION) {
        scope_add_child(b->arena, prev, s);
    }
    return s;
}

static void exit_block(Builder *b) {
    b->depth--;
    b->cur = b->depth ? b->stack[b->depth - 1] : NULL;
}

static void visit_stmt(Builder *b, const AstNode *s);
static void visit_expr(Builder *b, const AstNode *e);
static void visit_pattern(Builder *b, const AstNode *p);

static void visit_stmts(Builder *b, AstList l) {
    for (int i = 0; i < l.count; i++) {
        visit_stmt(b, l.items[i]);
    }
}

static void visit_exprs(Builder *b, AstList l) {
    for (int i = 0; i < l.count; i++) {
        if (l.items[i]) {
            visit_expr(b, l.items[i]);
        }
    }
}

static void visit_patterns(Builder *b, AstList l) {
    for (int i = 0; i < l.count; i++) {
        visit_pattern(b, l.items[i]);
    }
}

// symtable_raise_if_annotation_block: 'what' may not appear in annotation-like scopes.
static bool forbid_in_annotation(Builder *b, const char *what, const AstNode *e) {
    switch (b->cur->kind) {
    case SCOPE_ANNOTATION:
        berror(b, e->span, "%s cannot be used within an annotation", what);
        return false;
    case SCOPE_TYPE_VAR:
        berror(b, e->span, "%s cannot be used within %s", what, b->cur->scope_info);
        return false;
    case SCOPE_TYPE_ALIAS:
        berror(b, e->span, "%s cannot be used within a type alias", what);
        return false;
    case SCOPE_TYPE_PARAMS:
        berror(b, e->span, "%s cannot be used within the definition of a generic", what);
        return false;
    default:
        return true;
    }
}

static void visit_params(Builder *b, AstList args) {
    for (int i = 0; i < args.count; i++) {
        const AstNode *arg = args.items[i];
        add_def(b, arg->u.arg.arg, SYM_DEF_PARAM, arg->span);
    }
}

// symtable_visit_arguments: parameters bind in the function's own scope.
static void visit_arguments(Builder *b, const AstNode *a) {
    visit_params(b, a->u.arguments.posonlyargs);
    visit_params(b, a->u.arguments.args);
    visit_params(b, a->u.arguments.kwonlyargs);
    if (a->u.arguments.vararg) {
        add_def(b, a->u.arguments.vararg->u.arg.arg, SYM_DEF_PARAM, a->u.arguments.vararg->span);
        b->cur->varargs = true;
    }
    if (a->u.arguments.kwarg) {
        add_def(b, a->u.arguments.kwarg->u.arg.arg, SYM_DEF_PARAM, a->u.arguments.kwarg->span);
        b->cur->varkeywords = true;
    }
}

static void visit_annotation(Builder *b, const AstNode *annotation) {
    if (b->future_annotations) {
        enter_block(b, b->n.annotation, SCOPE_ANNOTATION, NULL, annotation, annotation->span.line);
    }
    visit_expr(b, annotation);
    if (b->future_annotations) {
        exit_block(b);
    }
}

static void visit_arg_annotations(Builder *b, AstList args) {
    for (int i = 0; i < args.count; i++) {
        if (args.items[i]->u.arg.annotation) {
            visit_expr(b, args.items[i]->u.arg.annotation);
        }
    }
}

// symtable_visit_annotations: parameter annotations are evaluated where the def executes.
static void visit_annotations(Builder *b, const AstNode *s, const AstNode *a,
                              const AstNode *returns) {
    if (b->future_annotations) {
        enter_block(b, b->n.annotation, SCOPE_ANNOTATION, NULL, s, s->span.line);
    }
    visit_arg_annotations(b, a->u.arguments.posonlyargs);
    visit_arg_annotations(b, a->u.arguments.args);
    if (a->u.arguments.vararg && a->u.arguments.vararg->u.arg.annotation) {
        visit_expr(b, a->u.arguments.vararg->u.arg.annotation);
    }
    if (a->u.arguments.kwarg && a->u.arguments.kwarg->u.arg.annotation) {
        visit_expr(b, a->u.arguments.kwarg->u.arg.annotation);
    }
    visit_arg_annotations(b, a->u.arguments.kwonlyargs);
    if (b->future_annotations) {
        exit_block(b);
    }
    if (returns) {
        visit_annotation(b, returns);
    }
}

static bool has_kwonly_defaults(const AstNode *args) {
    for (int i = 0; i < args->u.arguments.kw_defaults.count; i++) {
        if (args->u.arguments.kw_defaults.items[i]) {
            return true;
        }
    }
    return false;
}

// symtable_enter_type_param_block: the scope holding a generic's type parameters.
static void enter_type_param_block(Builder *b, Name name, const AstNode *node, bool has_defaults,
                                   bool has_kwdefaults) {
    ScopeKind current = b->cur->kind;
    SrcSpan span = node->span;
    enter_block(b, name, SCOPE_TYPE_PARAMS, (const char *)node + 1, node, span.line);
    if (current == SCOPE_CLASS) {
        b->cur->can_see_class_scope = true;
        add_def(b, b->n.classdict, SYM_USE, span);
    }
    if (node->kind == AST_ClassDef) {
        add_def(b, b->n.type_params, SYM_DEF_LOCAL, span);
        add_def(b, b->n.type_params, SYM_USE, span);
        add_def(b, b->n.generic_base, SYM_DEF_LOCAL, span);
        add_def(b, b->n.generic_base, SYM_USE, span);
    }
    if (has_defaults) {
        add_def(b, b->n.defaults, SYM_DEF_PARAM, span);
    }
    if (has_kwdefaults) {
        add_def(b, b->n.kwdefaults, SYM_DEF_PARAM, span);
    }
}

// symtable_visit_type_param_bound_or_default: a lazily evaluated scope of its own.
static void visit_type_var_expr(Builder *b, const AstNode *e, Name name, const void *key,
                                const char *info) {
    if (!e) {
        return;
    }
    bool in_class = b->cur->can_see_class_scope;
    enter_block(b, name, SCOPE_TYPE_VAR, key, e, e->span.line);
    b->cur->can_see_class_scope = in_class;
    if (in_class) {
        add_def(b, b->n.classdict, SYM_USE, e->span);
    }
    b->cur->scope_info = info;
    visit_expr(b, e);
    exit_block(b);
}

static void visit_type_param(Builder *b, const AstNode *tp) {
    switch (tp->kind) {
    case AST_TypeVar: {
        Name name = tp->u.TypeVar.name;
        add_def(b, name, SYM_DEF_TYPE_PARAM | SYM_DEF_LOCAL, tp->span);
        const AstNode *bound = tp->u.TypeVar.bound;
        const char *info = NULL;
        if (bound) {
            info = bound->kind == AST_Tuple ? "a TypeVar constraint" : "a TypeVar bound";
        }
        visit_type_var_expr(b, bound, name, tp, info);
        visit_type_var_expr(b, tp->u.TypeVar.default_value, name, (const char *)tp + 2,
                            "a TypeVar default");
        break;
    }
    case AST_TypeVarTuple:
        add_def(b, tp->u.TypeVarTuple.name, SYM_DEF_TYPE_PARAM | SYM_DEF_LOCAL, tp->span);
        visit_type_var_expr(b, tp->u.TypeVarTuple.default_value, tp->u.TypeVarTuple.name,
                            (const char *)tp + 2, "a TypeVarTuple default");
        break;
    case AST_ParamSpec:
        add_def(b, tp->u.ParamSpec.name, SYM_DEF_TYPE_PARAM | SYM_DEF_LOCAL, tp->span);
        visit_type_var_expr(b, tp->u.ParamSpec.default_value, tp->u.ParamSpec.name,
                            (const char *)tp + 2, "a ParamSpec default");
        break;
    default:
        break;
    }
}

static void visit_type_params(Builder *b, AstList l) {
    for (int i = 0; i < l.count; i++) {
        visit_type_param(b, l.items[i]);
    }
}

static void visit_function(Builder *b, const AstNode *s, bool is_async) {
    const struct AstFields_FunctionDef *f = &s->u.FunctionDef;  // same layout for async
    add_def(b, f->name, SYM_DEF_LOCAL, s->span);
    visit_exprs(b, f->args->u.arguments.defaults);
    visit_exprs(b, f->args->u.arguments.kw_defaults);
    visit_exprs(b, f->decorator_list);
    if (f->type_params.count > 0) {
        enter_type_param_block(b, f->name, s, true, has_kwonly_defaults(f->args));
        visit_type_params(b, f->type_params);
    }
    visit_annotations(b, s, f->args, f->returns);
    Scope *fn = enter_block(b, f->name, SCOPE_FUNCTION, s, s, s->span.line);
    fn->is_async = is_async;
    fn->coroutine = is_async;
    visit_arguments(b, f->args);
    visit_stmts(b, f->body);
    exit_block(b);
    if (f->type_params.count > 0) {
        exit_block(b);
    }
}

static void visit_class(Builder *b, const AstNode *s) {
    const struct AstFields_ClassDef *c = &s->u.ClassDef;
    add_def(b, c->name, SYM_DEF_LOCAL, s->span);
    visit_exprs(b, c->decorator_list);
    Name saved = b->private_;
    if (c->type_params.count > 0) {
        enter_type_param_block(b, c->name, s, false, false);
        b->private_ = c->name;
        b->cur->mangled_names = arena_alloc(b->arena, sizeof(NameSet));
        visit_type_params(b, c->type_params);
    }
    visit_exprs(b, c->bases);
    for (int i = 0; i < c->keywords.count; i++) {
        visit_expr(b, c->keywords.items[i]->u.keyword.value);
    }
    enter_block(b, c->name, SCOPE_CLASS, s, s, s->span.line);
    b->private_ = c->name;
    if (c->type_params.count > 0) {
        add_def(b, b->n.dunder_type_params, SYM_DEF_LOCAL, s->span);
        add_def(b, b->n.type_params, SYM_USE, s->span);
    }
    visit_stmts(b, c->body);
    exit_block(b);
    if (c->type_params.count > 0) {
        exit_block(b);
    }
    b->private_ = saved;
}

static void visit_type_alias(Builder *b, const AstNode *s) {
    const struct AstFields_TypeAlias *t = &s->u.TypeAlias;
    visit_expr(b, t->name);
    Name name = t->name->u.Name.id;
    bool in_class = b->cur->kind == SCOPE_CLASS;
    if (t->type_params.count > 0) {
        enter_type_param_block(b, name, s, false, false);
        visit_type_params(b, t->type_params);
    }
    enter_block(b, name, SCOPE_TYPE_ALIAS, s, s, s->span.line);
    b->cur->can_see_class_scope = in_class;
    if (in_class) {
        add_def(b, b->n.classdict, SYM_USE, t->value->span);
    }
    visit_expr(b, t->value);
    exit_block(b);
    if (t->type_params.count > 0) {
        exit_block(b);
    }
}

static void visit_ann_assign(Builder *b, const AstNode *s) {
    const struct AstFields_AnnAssign *a = &s->u.AnnAssign;
    if (a->target->kind == AST_Name) {
        Name id = a->target->u.Name.id;
        unsigned cur = symbol_flags(b->cur, maybe_mangle(b, id));
        if ((cur & (SYM_DEF_GLOBAL | SYM_DEF_NONLOCAL)) && b->cur != b->top && a->simple) {
            berror(b, s->span, (cur & SYM_DEF_GLOBAL) ? "annotated name '%s' can't be global"
                                                      : "annotated name '%s' can't be nonlocal",
                   id);
            return;
        }
        if (a->simple) {
            add_def(b, id, SYM_DEF_ANNOT | SYM_DEF_LOCAL, a->target->span);
        } else if (a->value) {
            add_def(b, id, SYM_DEF_LOCAL, a->target->span);
        }
    } else {
        visit_expr(b, a->target);
    }
    visit_annotation(b, a->annotation);
    if (a->value) {
        visit_expr(b, a->value);
    }
}

// The 'global' and 'nonlocal' statements.
static void visit_directive(Builder *b, const AstNode *s, bool global) {
    NameList names = global ? s->u.Global.names : s->u.Nonlocal.names;
    const char *kw = global ? "global" : "nonlocal";
    for (int i = 0; i < names.count; i++) {
        Name name = names.items[i];
        unsigned cur = symbol_flags(b->cur, maybe_mangle(b, name));
        if (cur & (SYM_DEF_PARAM | SYM_DEF_LOCAL | SYM_USE | SYM_DEF_ANNOT)) {
            if (cur & SYM_DEF_PARAM) {
                berror(b, s->span, "name '%s' is parameter and %s", name, kw);
            } else if (cur & SYM_USE) {
                berror(b, s->span, "name '%s' is used prior to %s declaration", name, kw);
            } else if (cur & SYM_DEF_ANNOT) {
                berror(b, s->span, "annotated name '%s' can't be %s", name, kw);
            } else {
                berror(b, s->span, "name '%s' is assigned to before %s declaration", name, kw);
            }
            continue;
        }
        add_def(b, name, global ? SYM_DEF_GLOBAL : SYM_DEF_NONLOCAL, s->span);
        record_directive(b, name, s->span);
    }
}

static void visit_alias(Builder *b, const AstNode *a) {
    Name name = a->u.alias.asname ? a->u.alias.asname : a->u.alias.name;
    if (strcmp(name, "*") == 0) {
        if (b->cur->kind != SCOPE_MODULE) {
            berror(b, a->span, "import * only allowed at module level");
        }
        return;
    }
    const char *dot = strchr(name, '.');
    Name store = dot ? intern(b->in, name, (size_t)(dot - name)) : name;
    add_def(b, store, SYM_DEF_IMPORT, a->span);
}

static void visit_handlers(Builder *b, AstList handlers) {
    for (int i = 0; i < handlers.count; i++) {
        const AstNode *h = handlers.items[i];
        if (h->u.ExceptHandler.type) {
            visit_expr(b, h->u.ExceptHandler.type);
        }
        if (h->u.ExceptHandler.name) {
            add_def(b, h->u.ExceptHandler.name, SYM_DEF_LOCAL, h->span);
        }
        visit_stmts(b, h->u.ExceptHandler.body);
    }
}

static void visit_withitems(Builder *b, AstList items) {
    for (int i = 0; i < items.count; i++) {
        visit_expr(b, items.items[i]->u.withitem.context_expr);
        if (items.items[i]->u.withitem.optional_vars) {
            visit_expr(b, items.items[i]->u.withitem.optional_vars);
        }
    }
}

static void visit_match(Builder *b, const AstNode *s) {
    visit_expr(b, s->u.Match.subject);
    for (int i = 0; i < s->u.Match.cases.count; i++) {
        const AstNode *m = s->u.Match.cases.items[i];
        visit_pattern(b, m->u.match_case.pattern);
        if (m->u.match_case.guard) {
            visit_expr(b, m->u.match_case.guard);
        }
        visit_stmts(b, m->u.match_case.body);
    }
}

static void visit_loop(Builder *b, const AstNode *target, const AstNode *iter, AstList body,
                       AstList orelse) {
    visit_expr(b, target);
    visit_expr(b, iter);
    visit_stmts(b, body);
    visit_stmts(b, orelse);
}

static void visit_stmt(Builder *b, const AstNode *s) {
    switch (s->kind) {
    case AST_FunctionDef:
        visit_function(b, s, false);
        break;
    case AST_AsyncFunctionDef:
        visit_function(b, s, true);
        break;
    case AST_ClassDef:
        visit_class(b, s);
        break;
    case AST_TypeAlias:
        visit_type_alias(b, s);
        break;
    case AST_Return:
        if (s->u.Return.value) {
            visit_expr(b, s->u.Return.value);
            b->cur->returns_value = true;
        }
        break;
    case AST_Delete:
        visit_exprs(b, s->u.Delete.targets);
        break;
    case AST_Assign:
        visit_exprs(b, s->u.Assign.targets);
        visit_expr(b, s->u.Assign.value);
        break;
    case AST_AnnAssign:
        visit_ann_assign(b, s);
        break;
    case AST_AugAssign:
        visit_expr(b, s->u.AugAssign.target);
        visit_expr(b, s->u.AugAssign.value);
        break;
    case AST_For:
    case AST_AsyncFor:
        visit_loop(b, s->u.For.target, s->u.For.iter, s->u.For.body, s->u.For.orelse);
        break;
    case AST_While:
        visit_expr(b, s->u.While.test);
        visit_stmts(b, s->u.While.body);
        visit_stmts(b, s->u.While.orelse);
        break;
    case AST_If:
        visit_expr(b, s->u.If.test);
        visit_stmts(b, s->u.If.body);
        visit_stmts(b, s->u.If.orelse);
        break;
    case AST_Match:
        visit_match(b, s);
        break;
    case AST_Raise:
        if (s->u.Raise.exc) {
            visit_expr(b, s->u.Raise.exc);
            if (s->u.Raise.cause) {
                visit_expr(b, s->u.Raise.cause);
            }
        }
        break;
    case AST_Try:
    case AST_TryStar:
        visit_stmts(b, s->u.Try.body);
        visit_handlers(b, s->u.Try.handlers);
        visit_stmts(b, s->u.Try.orelse);
        visit_stmts(b, s->u.Try.finalbody);
        break;
    case AST_Assert:
        visit_expr(b, s->u.Assert.test);
        if (s->u.Assert.msg) {
            visit_expr(b, s->u.Assert.msg);
        }
        break;
    case AST_Import:
    case AST_ImportFrom: {
        AstList names = s->kind == AST_Import ? s->u.Import.names : s->u.ImportFrom.names;
        for (int i = 0; i < names.count; i++) {
            visit_alias(b, names.items[i]);
        }
        break;
    }
    case AST_Global:
        visit_directive(b, s, true);
        break;
    case AST_Nonlocal:
        visit_directive(b, s, false);
        break;
    case AST_Expr:
        visit_expr(b, s->u.Expr.value);
        break;
    case AST_With:
    case AST_AsyncWith:
        visit_withitems(b, s->u.With.items);
        visit_stmts(b, s->u.With.body);
        break;
    default:
        break;
    }
}

// symtable_extend_namedexpr_scope: a walrus in a comprehension binds in the nearest enclosing
// function or module scope.
static void extend_namedexpr_scope(Builder *b, const AstNode *e) {
    Name target = e->u.Name.id;
    Name mangled = maybe_mangle(b, target);
    for (int i = b->depth - 1; i >= 0; i--) {
        Scope *ste = b->stack[i];
        if (ste->comp) {
            unsigned f = symbol_flags(ste, mangled);
            if ((f & SYM_DEF_COMP_ITER) && (f & SYM_DEF_LOCAL)) {
                berror(b, e->span,
                       "assignment expression cannot rebind comprehension iteration variable '%s'",
                       target);
                return;
            }
            continue;
        }
        if (ste->kind == SCOPE_FUNCTION) {
            unsigned f = symbol_flags(ste, mangled);
            add_def(b, target, (f & SYM_DEF_GLOBAL) ? SYM_DEF_GLOBAL : SYM_DEF_NONLOCAL, e->span);
            record_directive(b, target, e->span);
            add_def_in(b, target, SYM_DEF_LOCAL, ste, e->span);
            return;
        }
        if (ste->kind == SCOPE_MODULE) {
            add_def(b, target, SYM_DEF_GLOBAL, e->span);
            record_directive(b, target, e->span);
            add_def_in(b, target, SYM_DEF_GLOBAL, ste, e->span);
            return;
        }
        const char *where = NULL;
        switch (ste->kind) {
        case SCOPE_CLASS:
            where = "in a class body";
            break;
        case SCOPE_TYPE_PARAMS:
            where = "within the definition of a generic";
            break;
        case SCOPE_TYPE_ALIAS:
            where = "in a type alias";
            break;
        case SCOPE_TYPE_VAR:
            where = "in a TypeVar bound";
            break;
        default:
            continue;
        }
        berror(b, e->span, "assignment expression within a comprehension cannot be used %s",
               where);
        return;
    }
}

static void visit_named_expr(Builder *b, const AstNode *e) {
    if (b->cur->comp_iter_expr > 0) {
        berror(b, e->span,
               "assignment expression cannot be used in a comprehension iterable expression");
        return;
    }
    if (b->cur->comp) {
        int before = b->errors;
        extend_namedexpr_scope(b, e->u.NamedExpr.target);
        if (b->errors != before) {
            return;
        }
    }
    visit_expr(b, e->u.NamedExpr.value);
    visit_expr(b, e->u.NamedExpr.target);
}

static void visit_comprehension(Builder *b, const AstNode *lc) {
    b->cur->comp_iter_target = true;
    visit_expr(b, lc->u.comprehension.target);
    b->cur->comp_iter_target = false;
    b->cur->comp_iter_expr++;
    visit_expr(b, lc->u.comprehension.iter);
    b->cur->comp_iter_expr--;
    visit_exprs(b, lc->u.comprehension.ifs);
    if (lc->u.comprehension.is_async) {
        b->cur->coroutine = true;
    }
}

// symtable_handle_comprehension: the outermost iterable is evaluated in the enclosing scope; the
// rest runs in a function scope whose parameter '.0' is that iterable.
static void visit_comp(Builder *b, const AstNode *e, Name name, ScopeComp comp, AstList gens,
                       const AstNode *elt, const AstNode *value) {
    const AstNode *outer = gens.items[0];
    b->cur->comp_iter_expr++;
    visit_expr(b, outer->u.comprehension.iter);
    b->cur->comp_iter_expr--;
    Scope *s = enter_block(b, name, SCOPE_FUNCTION, e, e, e->span.line);
    s->comp = comp;
    if (outer->u.comprehension.is_async) {
        s->coroutine = true;
    }
    add_def(b, b->n.dot0, SYM_DEF_PARAM, e->span);
    s->comp_iter_target = true;
    visit_expr(b, outer->u.comprehension.target);
    s->comp_iter_target = false;
    visit_exprs(b, outer->u.comprehension.ifs);
    for (int i = 1; i < gens.count; i++) {
        visit_comprehension(b, gens.items[i]);
    }
    if (value) {
        visit_expr(b, value);
    }
    visit_expr(b, elt);
    s->generator = comp == COMP_GENEXP;
    bool is_async = s->coroutine && comp != COMP_GENEXP;
    exit_block(b);
    if (is_async) {
        b->cur->coroutine = true;
    }
}

static void forbid_yield_in_comp(Builder *b, const AstNode *e) {
    static const char *const what[] = {"", "list comprehension", "dict comprehension",
                                       "set comprehension", "generator expression"};
    berror(b, e->span, "'yield' inside %s", what[b->cur->comp]);
}

static void visit_lambda(Builder *b, const AstNode *e) {
    const AstNode *args = e->u.Lambda.args;
    visit_exprs(b, args->u.arguments.defaults);
    visit_exprs(b, args->u.arguments.kw_defaults);
    enter_block(b, b->n.lambda, SCOPE_FUNCTION, e, e, e->span.line);
    visit_arguments(b, args);
    visit_expr(b, e->u.Lambda.body);
    exit_block(b);
}

static void visit_yield(Builder *b, const AstNode *e, const AstNode *value) {
    if (!forbid_in_annotation(b, "yield expression", e)) {
        return;
    }
    if (value) {
        visit_expr(b, value);
    }
    b->cur->generator = true;
    if (b->cur->comp) {
        forbid_yield_in_comp(b, e);
    }
}

static void visit_name(Builder *b, const AstNode *e) {
    add_def(b, e->u.Name.id, e->u.Name.ctx == AST_OP_Load ? SYM_USE : SYM_DEF_LOCAL, e->span);
    if (e->u.Name.ctx == AST_OP_Load && is_function_like(b->cur) && e->u.Name.id == b->n.super) {
        add_def(b, b->n.class_, SYM_USE, e->span);
    }
}

static void visit_expr(Builder *b, const AstNode *e) {
    switch (e->kind) {
    case AST_NamedExpr:
        if (forbid_in_annotation(b, "named expression", e)) {
            visit_named_expr(b, e);
        }
        break;
    case AST_BoolOp:
        visit_exprs(b, e->u.BoolOp.values);
        break;
    case AST_BinOp:
        visit_expr(b, e->u.BinOp.left);
        visit_expr(b, e->u.BinOp.right);
        break;
    case AST_UnaryOp:
        visit_expr(b, e->u.UnaryOp.operand);
        break;
    case AST_Lambda:
        visit_lambda(b, e);
        break;
    case AST_IfExp:
        visit_expr(b, e->u.IfExp.test);
        visit_expr(b, e->u.IfExp.body);
        visit_expr(b, e->u.IfExp.orelse);
        break;
    case AST_Dict:
        visit_exprs(b, e->u.Dict.keys);
        visit_exprs(b, e->u.Dict.values);
        break;
    case AST_Set:
        visit_exprs(b, e->u.Set.elts);
        break;
    case AST_GeneratorExp:
        visit_comp(b, e, b->n.genexpr, COMP_GENEXP, e->u.GeneratorExp.generators,
                   e->u.GeneratorExp.elt, NULL);
        break;
    case AST_ListComp:
        visit_comp(b, e, b->n.listcomp, COMP_LIST, e->u.ListComp.generators, e->u.ListComp.elt,
                   NULL);
        break;
    case AST_SetComp:
        visit_comp(b, e, b->n.setcomp, COMP_SET, e->u.SetComp.generators, e->u.SetComp.elt, NULL);
        break;
    case AST_DictComp:
        visit_comp(b, e, b->n.dictcomp, COMP_DICT, e->u.DictComp.generators, e->u.DictComp.key,
                   e->u.DictComp.value);
        break;
    case AST_Yield:
        visit_yield(b, e, e->u.Yield.value);
        break;
    case AST_YieldFrom:
        visit_yield(b, e, e->u.YieldFrom.value);
        break;
    case AST_Await:
        if (forbid_in_annotation(b, "await expression", e)) {
            visit_expr(b, e->u.Await.value);
            b->cur->coroutine = true;
        }
        break;
    case AST_Compare:
        visit_expr(b, e->u.Compare.left);
        visit_exprs(b, e->u.Compare.comparators);
        break;
    case AST_Call:
        visit_expr(b, e->u.Call.func);
        visit_exprs(b, e->u.Call.args);
        for (int i = 0; i < e->u.Call.keywords.count; i++) {
            visit_expr(b, e->u.Call.keywords.items[i]->u.keyword.value);
        }
        break;
    case AST_FormattedValue:
        visit_expr(b, e->u.FormattedValue.value);
        if (e->u.FormattedValue.format_spec) {
            visit_expr(b, e->u.FormattedValue.format_spec);
        }
        break;
    case AST_JoinedStr:
        visit_exprs(b, e->u.JoinedStr.values);
        break;
    case AST_Attribute:
        visit_expr(b, e->u.Attribute.value);
        break;
    case AST_Subscript:
        visit_expr(b, e->u.Subscript.value);
        visit_expr(b, e->u.Subscript.slice);
        break;
    case AST_Starred:
        visit_expr(b, e->u.Starred.value);
        break;
    case AST_Slice:
        if (e->u.Slice.lower) {
            visit_expr(b, e->u.Slice.lower);
        }
        if (e->u.Slice.upper) {
            visit_expr(b, e->u.Slice.upper);
        }
        if (e->u.Slice.step) {
            visit_expr(b, e->u.Slice.step);
        }
        break;
    case AST_Name:
        visit_name(b, e);
        break;
    case AST_List:
        visit_exprs(b, e->u.List.elts);
        break;
    case AST_Tuple:
        visit_exprs(b, e->u.Tuple.elts);
        break;
    default:
        break;
    }
}

static void visit_pattern(Builder *b, const AstNode *p) {
    switch (p->kind) {
    case AST_MatchValue:
        visit_expr(b, p->u.MatchValue.value);
        break;
    case AST_MatchSequence:
        visit_patterns(b, p->u.MatchSequence.patterns);
        break;
    case AST_MatchStar:
        if (p->u.MatchStar.name) {
            add_def(b, p->u.MatchStar.name, SYM_DEF_LOCAL, p->span);
        }
        break;
    case AST_MatchMapping:
        visit_exprs(b, p->u.MatchMapping.keys);
        visit_patterns(b, p->u.MatchMapping.patterns);
        if (p->u.MatchMapping.rest) {
            add_def(b, p->u.MatchMapping.rest, SYM_DEF_LOCAL, p->span);
        }
        break;
    case AST_MatchClass:
        visit_expr(b, p->u.MatchClass.cls);
        visit_patterns(b, p->u.MatchClass.patterns);
        visit_patterns(b, p->u.MatchClass.kwd_patterns);
        break;
    case AST_MatchAs:
        if (p->u.MatchAs.pattern) {
            visit_pattern(b, p->u.MatchAs.pattern);
        }
        if (p->u.MatchAs.name) {
            add_def(b, p->u.MatchAs.name, SYM_DEF_LOCAL, p->span);
        }
        break;
    case AST_MatchOr:
        visit_patterns(b, p->u.MatchOr.patterns);
        break;
    default:
        break;
    }
}

// ---- pass 2: analysis --------------------------------------------------------------------------
// symtable_analyze: decides each symbol's scope. 'bound' holds the names bound by enclosing
// function scopes (NULL at module level), 'free' collects names free in nested scopes, 'global'
// the names declared global in enclosing scopes.

typedef struct Analyzer {
    Builder *b;
    Arena *arena;
} Analyzer;

static void error_at_directive(Analyzer *an, const Scope *ste, Name name, const char *fmt) {
    const Directive *found = NULL;
    for (const Directive *d = ste->directives; d; d = d->next) {
        if (d->name == name) {
            found = d;
        }
    }
    SrcSpan span = found ? found->span : (SrcSpan){0, 0, 0, 0};
    berror(an->b, span, fmt, name);
}

static void analyze_nonlocal(Analyzer *an, Scope *ste, Symbol *sym, NameSet *bound, NameSet *free,
                             NameSet *type_params) {
    Name name = sym->name;
    if (!bound) {
        error_at_directive(an, ste, name, "nonlocal declaration not allowed at module level");
        return;
    }
    if (!set_has(bound, name)) {
        error_at_directive(an, ste, name, "no binding for nonlocal '%s' found");
        return;
    }
    if (set_has(type_params, name)) {
        error_at_directive(an, ste, name, "nonlocal binding not allowed for type parameter '%s'");
        return;
    }
    sym->scope = SYM_FREE;
    ste->free = true;
    set_add(an->arena, free, name);
}

// analyze_name: one symbol of 'ste'.
static void analyze_name(Analyzer *an, Scope *ste, Symbol *sym, NameSet *bound, NameSet *local,
                         NameSet *free, NameSet *global, NameSet *type_params,
                         const Scope *class_entry) {
    Name name = sym->name;
    unsigned flags = sym->flags;
    if (flags & SYM_DEF_GLOBAL) {
        if (flags & SYM_DEF_NONLOCAL) {
            error_at_directive(an, ste, name, "name '%s' is nonlocal and global");
            return;
        }
        sym->scope = SYM_GLOBAL_EXPLICIT;
        set_add(an->arena, global, name);
        if (bound) {
            set_discard(bound, name);
        }
        return;
    }
    if (flags & SYM_DEF_NONLOCAL) {
        analyze_nonlocal(an, ste, sym, bound, free, type_params);
        return;
    }
    if (flags & SYM_DEF_BOUND) {
        sym->scope = SYM_LOCAL;
        set_add(an->arena, local, name);
        set_discard(global, name);
        if (flags & SYM_DEF_TYPE_PARAM) {
            set_add(an->arena, type_params, name);
        } else {
            set_discard(type_params, name);
        }
        return;
    }
    if (class_entry) {
        unsigned cf = symbol_flags(class_entry, name);
        if (cf & SYM_DEF_GLOBAL) {
            sym->scope = SYM_GLOBAL_EXPLICIT;
            return;
        }
        if ((cf & SYM_DEF_BOUND) && !(cf & SYM_DEF_NONLOCAL)) {
            sym->scope = SYM_GLOBAL_IMPLICIT;
            return;
        }
    }
    if (bound && set_has(bound, name)) {
        sym->scope = SYM_FREE;
        ste->free = true;
        set_add(an->arena, free, name);
        return;
    }
    if (global && set_has(global, name)) {
        sym->scope = SYM_GLOBAL_IMPLICIT;
        return;
    }
    if (ste->nested) {
        ste->free = true;
    }
    sym->scope = SYM_GLOBAL_IMPLICIT;
}

// Whether 'key' is free in a child of 'entry' as the symtable module sees children (the children
// of inlined comprehensions in their place).
static bool is_free_in_any_child(const Scope *entry, Name key) {
    for (int i = 0; i < entry->nchildren; i++) {
        const Scope *c = entry->children[i];
        if (c->comp_inlined) {
            if (is_free_in_any_child(c, key)) {
                return true;
            }
            continue;
        }
        const Symbol *sym = scope_lookup(c, key);
        if (sym && sym->scope == SYM_FREE) {
            return true;
        }
    }
    return false;
}

// inline_comprehension: merges an inlined comprehension's symbols into 'ste' (PEP 709).
static void inline_comprehension(Analyzer *an, Scope *ste, Scope *comp, NameSet *comp_free,
                                 NameSet *inlined_cells) {
    bool remove_dunder_class = false;
    for (int i = 0; i < comp->nsymbols; i++) {
        Symbol *cs = comp->symbols[i];
        if (cs->flags & SYM_DEF_PARAM) {
            continue;  // the implicit '.0'
        }
        SymScope scope = cs->scope;
        if (scope == SYM_CELL || (cs->flags & SYM_DEF_COMP_CELL)) {
            set_add(an->arena, inlined_cells, cs->name);
        }
        Symbol *existing = scope_lookup(ste, cs->name);
        if (scope == SYM_FREE && ste->kind == SCOPE_CLASS && cs->name == an->b->n.class_) {
            scope = SYM_GLOBAL_IMPLICIT;
            set_discard(comp_free, cs->name);
            remove_dunder_class = true;
        }
        if (!existing) {
            Symbol *ns = symbol_new(an->arena, ste, cs->name, cs->flags);
            ns->scope = scope;
        } else if ((existing->flags & SYM_DEF_BOUND) && !is_free_in_any_child(comp, cs->name) &&
                   ste->kind != SCOPE_CLASS) {
            set_discard(comp_free, cs->name);
        }
    }
    comp->free = comp_free->n > 0;
    if (remove_dunder_class) {
        Symbol *dc = scope_lookup(comp, an->b->n.class_);
        if (dc) {
            dc->scope = SYM_UNRESOLVED;
            dc->flags = 0;  // deleted in CPython; scope_dump skips empty symbols
        }
    }
}

static void analyze_cells(Scope *ste, NameSet *free, const NameSet *inlined_cells) {
    for (int i = 0; i < ste->nsymbols; i++) {
        Symbol *sym = ste->symbols[i];
        if (sym->scope != SYM_LOCAL) {
            continue;
        }
        if (!set_has(free, sym->name) && !set_has(inlined_cells, sym->name)) {
            continue;
        }
        sym->scope = SYM_CELL;
        set_discard(free, sym->name);
    }
}

static void drop_class_free(Analyzer *an, Scope *ste, NameSet *free) {
    if (set_discard(free, an->b->n.class_)) {
        ste->needs_class_closure = true;
    }
    if (set_discard(free, an->b->n.classdict)) {
        ste->needs_classdict = true;
    }
}

// update_symbols: records free names of children that pass through this scope.
static void update_symbols(Analyzer *an, Scope *ste, const NameSet *bound, const NameSet *free,
                           const NameSet *inlined_cells, bool classflag) {
    for (int i = 0; i < ste->nsymbols; i++) {
        if (set_has(inlined_cells, ste->symbols[i]->name)) {
            ste->symbols[i]->flags |= SYM_DEF_COMP_CELL;
        }
    }
    for (int i = 0; i < free->n; i++) {
        Name name = free->items[i];
        Symbol *sym = scope_lookup(ste, name);
        if (sym) {
            if (classflag) {
                sym->flags |= SYM_DEF_FREE_CLASS;
            }
            continue;
        }
        if (bound && !set_has(bound, name)) {
            continue;  // a global
        }
        Symbol *ns = symbol_new(an->arena, ste, name, 0);
        ns->scope = SYM_FREE;
    }
}

static void analyze_block(Analyzer *an, Scope *ste, NameSet *bound, NameSet *free,
                          NameSet *global, NameSet *type_params, const Scope *class_entry);

static NameSet *analyze_child(Analyzer *an, Scope *entry, const NameSet *bound,
                              const NameSet *free, const NameSet *global,
                              const NameSet *type_params, const Scope *class_entry) {
    NameSet *tb = set_copy(an->arena, bound);
    NameSet *tf = set_copy(an->arena, free);
    NameSet *tg = set_copy(an->arena, global);
    NameSet *tt = set_copy(an->arena, type_params);
    analyze_block(an, entry, tb, tf, tg, tt, class_entry);
    return tf;
}

static void analyze_children(Analyzer *an, Scope *ste, NameSet *newbound, NameSet *newfree,
                             NameSet *newglobal, NameSet *type_params, const Scope *class_entry,
                             NameSet *inlined_cells) {
    for (int i = 0; i < ste->nchildren; i++) {
        Scope *entry = ste->children[i];
        const Scope *new_class_entry = NULL;
        if (entry->can_see_class_scope) {
            new_class_entry = ste->kind == SCOPE_CLASS ? ste : class_entry;
        }
        bool inline_comp = entry->comp && !entry->generator && !ste->can_see_class_scope;
        NameSet *child_free = analyze_child(an, entry, newbound, newfree, newglobal, type_params,
                                            new_class_entry);
        if (inline_comp) {
            inline_comprehension(an, ste, entry, child_free, inlined_cells);
            entry->comp_inlined = true;
        }
        set_union(an->arena, newfree, child_free);
        if (entry->free || entry->child_free) {
            ste->child_free = true;
        }
    }
}

static void analyze_block(Analyzer *an, Scope *ste, NameSet *bound, NameSet *free,
                          NameSet *global, NameSet *type_params, const Scope *class_entry) {
    Arena *a = an->arena;
    NameSet *local = arena_alloc(a, sizeof(NameSet));
    NameSet *newglobal = arena_alloc(a, sizeof(NameSet));
    NameSet *newfree = arena_alloc(a, sizeof(NameSet));
    NameSet *newbound = arena_alloc(a, sizeof(NameSet));
    NameSet *inlined_cells = arena_alloc(a, sizeof(NameSet));
    if (ste->kind == SCOPE_CLASS) {
        set_union(a, newglobal, global);
        set_union(a, newbound, bound);
    }
    for (int i = 0; i < ste->nsymbols; i++) {
        analyze_name(an, ste, ste->symbols[i], bound, local, free, global, type_params,
                     class_entry);
    }
    if (ste->kind != SCOPE_CLASS) {
        if (is_function_like(ste)) {
            set_union(a, newbound, local);
        }
        set_union(a, newbound, bound);
        set_union(a, newglobal, global);
    } else {
        set_add(a, newbound, an->b->n.class_);
        set_add(a, newbound, an->b->n.classdict);
    }
    analyze_children(an, ste, newbound, newfree, newglobal, type_params, class_entry,
                     inlined_cells);
    if (is_function_like(ste)) {
        analyze_cells(ste, newfree, inlined_cells);
    } else if (ste->kind == SCOPE_CLASS) {
        drop_class_free(an, ste, newfree);
    }
    update_symbols(an, ste, bound, newfree, inlined_cells,
                   ste->kind == SCOPE_CLASS || ste->can_see_class_scope);
    set_union(a, free, newfree);
}

// ---- future statements (future.c) ----------------------------------------------------------------

static bool is_docstring(const AstNode *s) {
    return s->kind == AST_Expr && s->u.Expr.value->kind == AST_Constant &&
           s->u.Expr.value->u.Constant.value.kind == CONST_STR;
}

static bool is_future_import(const Builder *b, const AstNode *s) {
    return s->kind == AST_ImportFrom && s->u.ImportFrom.level == 0 &&
           s->u.ImportFrom.module == b->n.future;
}

static void check_future_features(Builder *b, const AstNode *s) {
    static const char *const known[] = {"nested_scopes",   "generators",       "division",
                                        "absolute_import", "with_statement",   "print_function",
                                        "unicode_literals", "barry_as_FLUFL", "generator_stop",
                                        "annotations"};
    AstList names = s->u.ImportFrom.names;
    for (int i = 0; i < names.count; i++) {
        Name feature = names.items[i]->u.alias.name;
        bool ok = false;
        for (size_t k = 0; k < sizeof known / sizeof known[0]; k++) {
            ok |= strcmp(feature, known[k]) == 0;
        }
        if (strcmp(feature, "annotations") == 0) {
            b->future_annotations = true;
        }
        if (strcmp(feature, "braces") == 0) {
            berror(b, s->span, "not a chance");
            return;
        }
        if (!ok) {
            berror(b, s->span, "future feature %s is not defined", feature);
            return;
        }
    }
}

// future_parse: the leading 'from __future__ import' statements (after a docstring). Returns the
// position of the last one (line -1 when there is none).
static SrcSpan check_future(Builder *b, const AstNode *module) {
    SrcSpan last = {-1, -1, -1, -1};
    AstList body = module->u.Module.body;
    int i = body.count > 0 && is_docstring(body.items[0]) ? 1 : 0;
    for (; i < body.count && is_future_import(b, body.items[i]); i++) {
        check_future_features(b, body.items[i]);
        last = body.items[i]->span;
    }
    return last;
}

// ---- pass 3: the code generator's checks (compile.c) ---------------------------------------------

typedef enum UnitKind { UNIT_MODULE, UNIT_CLASS, UNIT_FUNCTION, UNIT_ASYNC_FUNCTION, UNIT_LAMBDA,
                        UNIT_COMPREHENSION, UNIT_OTHER } UnitKind;

typedef enum FBlock { FB_LOOP, FB_EXCEPT_STAR } FBlock;

enum { MAX_FBLOCKS = 64 };

// One compilation unit (function, class, module, ...): its scope and open loops/handlers.
typedef struct Unit {
    Scope *ste;
    UnitKind kind;
    FBlock fblocks[MAX_FBLOCKS];
    int nfblocks;
} Unit;

typedef struct Checker {
    Builder *b;
    Unit *u;
    SrcSpan future_loc;
} Checker;

static void check_stmt(Checker *c, const AstNode *s);
static void check_expr(Checker *c, const AstNode *e);

static void check_stmts(Checker *c, AstList l) {
    for (int i = 0; i < l.count; i++) {
        check_stmt(c, l.items[i]);
    }
}

static void check_exprs(Checker *c, AstList l) {
    for (int i = 0; i < l.count; i++) {
        if (l.items[i]) {
            check_expr(c, l.items[i]);
        }
    }
}

static void push_fblock(Checker *c, FBlock fb) {
    if (c->u->nfblocks < MAX_FBLOCKS) {
        c->u->fblocks[c->u->nfblocks] = fb;
    }
    c->u->nfblocks++;
}

static void pop_fblock(Checker *c) {
    c->u->nfblocks--;
}

static FBlock fblock_at(const Unit *u, int i) {
    return i < MAX_FBLOCKS ? u->fblocks[i] : FB_LOOP;
}

// forbidden_name: '__debug__' cannot be bound or deleted.
static bool forbidden_name(Checker *c, SrcSpan span, Name name, AstOp ctx) {
    if (name != c->b->n.debug) {
        return false;
    }
    if (ctx == AST_OP_Store) {
        berror(c->b, span, "cannot assign to __debug__");
        return true;
    }
    if (ctx == AST_OP_Del) {
        berror(c->b, span, "cannot delete __debug__");
        return true;
    }
    return false;
}

static void check_store(Checker *c, SrcSpan span, Name name) {
    forbidden_name(c, span, name, AST_OP_Store);
}

// Runs 'fn' for 'node' in a new compilation unit for 'ste'.
static void in_unit(Checker *c, Scope *ste, UnitKind kind, void (*fn)(Checker *, const AstNode *),
                    const AstNode *node) {
    Unit unit = {.ste = ste, .kind = kind};
    Unit *saved = c->u;
    c->u = &unit;
    fn(c, node);
    c->u = saved;
}

static void check_debug_params(Checker *c, AstList args) {
    for (int i = 0; i < args.count; i++) {
        check_store(c, args.items[i]->span, args.items[i]->u.arg.arg);
    }
}

// compiler_check_debug_args
static void check_debug_args(Checker *c, const AstNode *a) {
    check_debug_params(c, a->u.arguments.posonlyargs);
    check_debug_params(c, a->u.arguments.args);
    if (a->u.arguments.vararg) {
        check_store(c, a->u.arguments.vararg->span, a->u.arguments.vararg->u.arg.arg);
    }
    check_debug_params(c, a->u.arguments.kwonlyargs);
    if (a->u.arguments.kwarg) {
        check_store(c, a->u.arguments.kwarg->span, a->u.arguments.kwarg->u.arg.arg);
    }
}

// compiler_visit_argannotation: '*args: *Ts' unpacks its annotation.
static void check_arg_annotation(Checker *c, const AstNode *annotation) {
    if (annotation) {
        check_expr(c, annotation->kind == AST_Starred ? annotation->u.Starred.value : annotation);
    }
}

static void check_arg_annotations(Checker *c, AstList args) {
    for (int i = 0; i < args.count; i++) {
        check_arg_annotation(c, args.items[i]->u.arg.annotation);
    }
}

// compiler_visit_annotations: evaluated where the def runs, unless they are strings.
static void check_annotations(Checker *c, const AstNode *a, const AstNode *returns) {
    if (c->b->future_annotations) {
        return;
    }
    check_arg_annotations(c, a->u.arguments.args);
    check_arg_annotations(c, a->u.arguments.posonlyargs);
    if (a->u.arguments.vararg) {
        check_arg_annotation(c, a->u.arguments.vararg->u.arg.annotation);
    }
    check_arg_annotations(c, a->u.arguments.kwonlyargs);
    if (a->u.arguments.kwarg) {
        check_arg_annotation(c, a->u.arguments.kwarg->u.arg.annotation);
    }
    if (returns) {
        check_expr(c, returns);
    }
}

static void check_type_var_expr(Checker *c, const AstNode *e, const void *key) {
    if (e) {
        Scope *s = map_get(c->b->table, key);
        in_unit(c, s ? s : c->u->ste, UNIT_OTHER, check_expr, e);
    }
}

// compiler_type_params
static void check_type_params(Checker *c, AstList params) {
    bool seen_default = false;
    for (int i = 0; i < params.count; i++) {
        const AstNode *tp = params.items[i];
        const AstNode *def = tp->u.TypeVar.default_value;
        Name name = tp->u.TypeVar.name;
        if (tp->kind == AST_TypeVar) {
            check_type_var_expr(c, tp->u.TypeVar.bound, tp);
        } else if (tp->kind == AST_TypeVarTuple) {
            def = tp->u.TypeVarTuple.default_value;
            name = tp->u.TypeVarTuple.name;
        } else {
            def = tp->u.ParamSpec.default_value;
            name = tp->u.ParamSpec.name;
        }
        if (def) {
            seen_default = true;
            check_type_var_expr(c, def, (const char *)tp + 2);
        } else if (seen_default) {
            berror(c->b, tp->span,
                   "non-default type parameter '%s' follows default type parameter", name);
            return;
        }
        check_store(c, tp->span, name);
    }
}

static void check_function_body(Checker *c, const AstNode *s) {
    check_stmts(c, s->u.FunctionDef.body);
}

// compiler_function
static void check_function(Checker *c, const AstNode *s, bool is_async) {
    const struct AstFields_FunctionDef *f = &s->u.FunctionDef;
    check_debug_args(c, f->args);
    check_exprs(c, f->decorator_list);
    check_exprs(c, f->args->u.arguments.defaults);
    check_exprs(c, f->args->u.arguments.kw_defaults);
    Unit *saved = c->u;
    Unit tp_unit = {.ste = scope_of(c->b->top, s, true), .kind = UNIT_OTHER};
    if (f->type_params.count > 0 && tp_unit.ste) {
        c->u = &tp_unit;
        check_type_params(c, f->type_params);
    }
    check_annotations(c, f->args, f->returns);
    Scope *fn = map_get(c->b->table, s);
    in_unit(c, fn, is_async ? UNIT_ASYNC_FUNCTION : UNIT_FUNCTION, check_function_body, s);
    c->u = saved;
    check_store(c, s->span, f->name);
}

static void check_class_body(Checker *c, const AstNode *s) {
    check_stmts(c, s->u.ClassDef.body);
}

// validate_keywords: keyword names in a call or class statement.
static void check_keywords(Checker *c, AstList kws) {
    for (int i = 0; i < kws.count; i++) {
        Name arg = kws.items[i]->u.keyword.arg;
        if (!arg) {
            continue;
        }
        if (forbidden_name(c, kws.items[i]->span, arg, AST_OP_Store)) {
            return;
        }
        for (int j = i + 1; j < kws.count; j++) {
            if (kws.items[j]->u.keyword.arg == arg) {
                berror(c->b, kws.items[j]->span, "keyword argument repeated: %s", arg);
                return;
            }
        }
    }
}

// Call arguments and class bases: starred items are unpacked, not visited as Starred.
static void check_call_args(Checker *c, AstList args, AstList keywords) {
    int before = c->b->errors;
    check_keywords(c, keywords);
    if (c->b->errors != before) {
        return;
    }
    for (int i = 0; i < args.count; i++) {
        const AstNode *arg = args.items[i];
        check_expr(c, arg->kind == AST_Starred ? arg->u.Starred.value : arg);
    }
    for (int i = 0; i < keywords.count; i++) {
        check_expr(c, keywords.items[i]->u.keyword.value);
    }
}

// compiler_class: the body is compiled before the bases are evaluated.
static void check_class(Checker *c, const AstNode *s) {
    const struct AstFields_ClassDef *cd = &s->u.ClassDef;
    check_exprs(c, cd->decorator_list);
    Unit *saved = c->u;
    Unit tp_unit = {.ste = scope_of(c->b->top, s, true), .kind = UNIT_OTHER};
    if (cd->type_params.count > 0 && tp_unit.ste) {
        c->u = &tp_unit;
        check_type_params(c, cd->type_params);
    }
    in_unit(c, map_get(c->b->table, s), UNIT_CLASS, check_class_body, s);
    check_call_args(c, cd->bases, cd->keywords);
    c->u = saved;
    check_store(c, s->span, cd->name);
}

static void check_alias_value(Checker *c, const AstNode *s) {
    check_expr(c, s->u.TypeAlias.value);
}

static void check_type_alias(Checker *c, const AstNode *s) {
    Unit *saved = c->u;
    Unit tp_unit = {.ste = scope_of(c->b->top, s, true), .kind = UNIT_OTHER};
    if (s->u.TypeAlias.type_params.count > 0 && tp_unit.ste) {
        c->u = &tp_unit;
        check_type_params(c, s->u.TypeAlias.type_params);
    }
    in_unit(c, map_get(c->b->table, s), UNIT_OTHER, check_alias_value, s);
    c->u = saved;
    check_store(c, s->span, s->u.TypeAlias.name->u.Name.id);
}

// compiler_unwind_fblock_stack: 'loop' asks to stop at the innermost loop. Returns false after
// an error.
static bool unwind_fblocks(Checker *c, SrcSpan span, bool *found_loop) {
    for (int i = c->u->nfblocks - 1; i >= 0; i--) {
        FBlock fb = fblock_at(c->u, i);
        if (fb == FB_EXCEPT_STAR) {
            berror(c->b, span, "'break', 'continue' and 'return' cannot appear in an except* block");
            return false;
        }
        if (found_loop && fb == FB_LOOP) {
            *found_loop = true;
            return true;
        }
    }
    return true;
}

static void check_break(Checker *c, const AstNode *s, const char *msg) {
    bool loop = false;
    if (unwind_fblocks(c, s->span, &loop) && !loop) {
        berror(c->b, s->span, "%s", msg);
    }
}

static void check_return(Checker *c, const AstNode *s) {
    const AstNode *value = s->u.Return.value;
    if (!c->u->ste || !is_function_like(c->u->ste)) {
        berror(c->b, s->span, "'return' outside function");
        return;
    }
    if (value && c->u->ste->coroutine && c->u->ste->generator) {
        berror(c->b, s->span, "'return' with value in async generator");
        return;
    }
    if (value) {
        check_expr(c, value);
    }
    // CPython unwinds at the returned value's position when there is one.
    unwind_fblocks(c, value ? value->span : s->span, NULL);
}

static void check_loop_body(Checker *c, AstList body, AstList orelse) {
    push_fblock(c, FB_LOOP);
    check_stmts(c, body);
    pop_fblock(c);
    check_stmts(c, orelse);
}

static void check_for(Checker *c, const AstNode *s, bool is_async) {
    if (is_async && c->u->kind != UNIT_ASYNC_FUNCTION) {
        berror(c->b, s->span, "'async for' outside async function");
        return;
    }
    check_expr(c, s->u.For.iter);
    check_expr(c, s->u.For.target);
    check_loop_body(c, s->u.For.body, s->u.For.orelse);
}

static void check_with(Checker *c, const AstNode *s, bool is_async) {
    if (is_async && c->u->kind != UNIT_ASYNC_FUNCTION) {
        berror(c->b, s->span, "'async with' outside async function");
        return;
    }
    for (int i = 0; i < s->u.With.items.count; i++) {
        const AstNode *item = s->u.With.items.items[i];
        check_expr(c, item->u.withitem.context_expr);
        if (item->u.withitem.optional_vars) {
            check_expr(c, item->u.withitem.optional_vars);
        }
    }
    check_stmts(c, s->u.With.body);
}

static void check_try(Checker *c, const AstNode *s, bool star) {
    check_stmts(c, s->u.Try.body);
    AstList hs = s->u.Try.handlers;
    for (int i = 0; i < hs.count; i++) {
        const AstNode *h = hs.items[i];
        if (!h->u.ExceptHandler.type && i < hs.count - 1) {
            berror(c->b, h->span, "default 'except:' must be last");
            return;
        }
        if (h->u.ExceptHandler.type) {
            check_expr(c, h->u.ExceptHandler.type);
        }
        if (h->u.ExceptHandler.name) {
            check_store(c, h->span, h->u.ExceptHandler.name);
        }
        if (star) {
            push_fblock(c, FB_EXCEPT_STAR);
        }
        check_stmts(c, h->u.ExceptHandler.body);
        if (star) {
            pop_fblock(c);
        }
    }
    check_stmts(c, s->u.Try.orelse);
    check_stmts(c, s->u.Try.finalbody);
}

static void check_import_from(Checker *c, const AstNode *s) {
    SrcSpan f = c->future_loc;
    bool after = s->span.line > f.line || (s->span.line == f.line && s->span.col > f.col);
    if (after && is_future_import(c->b, s)) {
        berror(c->b, s->span, "from __future__ imports must occur at the beginning of the file");
        return;
    }
    AstList names = s->u.ImportFrom.names;
    for (int i = 0; i < names.count; i++) {
        const AstNode *a = names.items[i];
        if (strcmp(a->u.alias.name, "*") != 0) {
            check_store(c, s->span, a->u.alias.asname ? a->u.alias.asname : a->u.alias.name);
        }
    }
}

static void check_import(Checker *c, const AstNode *s) {
    AstList names = s->u.Import.names;
    for (int i = 0; i < names.count; i++) {
        const AstNode *a = names.items[i];
        Name name = a->u.alias.asname ? a->u.alias.asname : a->u.alias.name;
        const char *dot = strchr(name, '.');
        if (!a->u.alias.asname && dot) {
            name = intern(c->b->in, name, (size_t)(dot - name));
        }
        check_store(c, s->span, name);
    }
}

// compiler_annassign: annotations are evaluated only in modules and classes.
static void check_ann_assign(Checker *c, const AstNode *s) {
    const struct AstFields_AnnAssign *a = &s->u.AnnAssign;
    if (a->value) {
        int before = c->b->errors;
        check_expr(c, a->value);
        check_expr(c, a->target);
        if (c->b->errors != before) {
            return;
        }
    }
    bool evaluated = !c->b->future_annotations &&
                     (c->u->kind == UNIT_MODULE || c->u->kind == UNIT_CLASS);
    const AstNode *t = a->target;
    if (t->kind == AST_Name) {
        if (forbidden_name(c, s->span, t->u.Name.id, AST_OP_Store)) {
            return;
        }
        if (a->simple && evaluated) {
            check_expr(c, a->annotation);
        }
    } else if (t->kind == AST_Attribute) {
        if (forbidden_name(c, s->span, t->u.Attribute.attr, AST_OP_Store)) {
            return;
        }
        if (!a->value) {
            check_expr(c, t->u.Attribute.value);
        }
    } else if (t->kind == AST_Subscript && !a->value) {
        check_expr(c, t->u.Subscript.value);
        check_expr(c, t->u.Subscript.slice);
    }
    if (evaluated && !a->simple) {
        check_expr(c, a->annotation);
    }
}

static void check_match(Checker *c, const AstNode *s);

static void check_stmt(Checker *c, const AstNode *s) {
    switch (s->kind) {
    case AST_FunctionDef:
        check_function(c, s, false);
        break;
    case AST_AsyncFunctionDef:
        check_function(c, s, true);
        break;
    case AST_ClassDef:
        check_class(c, s);
        break;
    case AST_TypeAlias:
        check_type_alias(c, s);
        break;
    case AST_Return:
        check_return(c, s);
        break;
    case AST_Delete:
        check_exprs(c, s->u.Delete.targets);
        break;
    case AST_Assign:
        check_expr(c, s->u.Assign.value);
        check_exprs(c, s->u.Assign.targets);
        break;
    case AST_AugAssign:
        check_expr(c, s->u.AugAssign.value);
        check_expr(c, s->u.AugAssign.target);
        break;
    case AST_AnnAssign:
        check_ann_assign(c, s);
        break;
    case AST_For:
    case AST_AsyncFor:
        check_for(c, s, s->kind == AST_AsyncFor);
        break;
    case AST_While:
        check_expr(c, s->u.While.test);
        check_loop_body(c, s->u.While.body, s->u.While.orelse);
        break;
    case AST_If:
        check_expr(c, s->u.If.test);
        check_stmts(c, s->u.If.body);
        check_stmts(c, s->u.If.orelse);
        break;
    case AST_With:
    case AST_AsyncWith:
        check_with(c, s, s->kind == AST_AsyncWith);
        break;
    case AST_Match:
        check_match(c, s);
        break;
    case AST_Raise:
        if (s->u.Raise.exc) {
            check_expr(c, s->u.Raise.exc);
        }
        if (s->u.Raise.cause) {
            check_expr(c, s->u.Raise.cause);
        }
        break;
    case AST_Try:
    case AST_TryStar:
        check_try(c, s, s->kind == AST_TryStar);
        break;
    case AST_Assert:
        check_expr(c, s->u.Assert.test);
        if (s->u.Assert.msg) {
            check_expr(c, s->u.Assert.msg);
        }
        break;
    case AST_Import:
        check_import(c, s);
        break;
    case AST_ImportFrom:
        check_import_from(c, s);
        break;
    case AST_Expr:
        check_expr(c, s->u.Expr.value);
        break;
    case AST_Break:
        check_break(c, s, "'break' outside loop");
        break;
    case AST_Continue:
        check_break(c, s, "'continue' not properly in loop");
        break;
    default:
        break;
    }
}

// unpack_helper + assignment_helper: a list or tuple target.
static void check_unpack(Checker *c, const AstNode *e, AstList elts) {
    bool seen_star = false;
    for (int i = 0; i < elts.count; i++) {
        if (elts.items[i]->kind != AST_Starred) {
            continue;
        }
        if (seen_star) {
            berror(c->b, e->span, "multiple starred expressions in assignment");
            return;
        }
        if (i >= (1 << 8)) {
            berror(c->b, e->span, "too many expressions in star-unpacking assignment");
            return;
        }
        seen_star = true;
    }
    for (int i = 0; i < elts.count; i++) {
        const AstNode *elt = elts.items[i];
        check_expr(c, elt->kind == AST_Starred ? elt->u.Starred.value : elt);
    }
}

// starunpack_helper: starred items of a display are unpacked.
static void check_display(Checker *c, AstList elts) {
    for (int i = 0; i < elts.count; i++) {
        const AstNode *elt = elts.items[i];
        check_expr(c, elt->kind == AST_Starred ? elt->u.Starred.value : elt);
    }
}

static void check_sequence(Checker *c, const AstNode *e, AstList elts, AstOp ctx) {
    if (ctx == AST_OP_Store) {
        check_unpack(c, e, elts);
    } else if (ctx == AST_OP_Load) {
        check_display(c, elts);
    } else {
        check_exprs(c, elts);
    }
}

static void check_lambda_body(Checker *c, const AstNode *e) {
    check_expr(c, e->u.Lambda.body);
}

static void check_lambda(Checker *c, const AstNode *e) {
    const AstNode *args = e->u.Lambda.args;
    check_debug_args(c, args);
    check_exprs(c, args->u.arguments.defaults);
    check_exprs(c, args->u.arguments.kw_defaults);
    in_unit(c, map_get(c->b->table, e), UNIT_LAMBDA, check_lambda_body, e);
}

// The comprehension's generators (the first one's iterable excluded) and its element.
static void check_comp_body(Checker *c, const AstNode *e) {
    AstList gens = {0};
    const AstNode *elt = NULL, *value = NULL;
    switch (e->kind) {
    case AST_ListComp:
        gens = e->u.ListComp.generators;
        elt = e->u.ListComp.elt;
        break;
    case AST_SetComp:
        gens = e->u.SetComp.generators;
        elt = e->u.SetComp.elt;
        break;
    case AST_DictComp:
        gens = e->u.DictComp.generators;
        elt = e->u.DictComp.key;
        value = e->u.DictComp.value;
        break;
    default:
        gens = e->u.GeneratorExp.generators;
        elt = e->u.GeneratorExp.elt;
        break;
    }
    for (int i = 0; i < gens.count; i++) {
        const AstNode *g = gens.items[i];
        if (i > 0) {
            check_expr(c, g->u.comprehension.iter);
        }
        check_expr(c, g->u.comprehension.target);
        check_exprs(c, g->u.comprehension.ifs);
    }
    check_expr(c, elt);
    if (value) {
        check_expr(c, value);
    }
}

static const AstNode *comp_outer_iter(const AstNode *e) {
    AstList gens = e->kind == AST_ListComp  ? e->u.ListComp.generators
                   : e->kind == AST_SetComp ? e->u.SetComp.generators
                   : e->kind == AST_DictComp ? e->u.DictComp.generators
                                            : e->u.GeneratorExp.generators;
    return gens.items[0]->u.comprehension.iter;
}

// compiler_comprehension: inlined comprehensions evaluate the outermost iterable first;
// generator expressions build their function first.
static void check_comp(Checker *c, const AstNode *e) {
    Scope *s = map_get(c->b->table, e);
    if (e->kind == AST_GeneratorExp) {
        in_unit(c, s, UNIT_COMPREHENSION, check_comp_body, e);
        check_expr(c, comp_outer_iter(e));
        return;
    }
    check_expr(c, comp_outer_iter(e));
    if (s && s->coroutine && c->u->kind != UNIT_ASYNC_FUNCTION &&
        c->u->kind != UNIT_COMPREHENSION) {
        berror(c->b, e->span, "asynchronous comprehension outside of an asynchronous function");
        return;
    }
    check_comp_body(c, e);
}

static void check_await(Checker *c, const AstNode *e) {
    if (!c->u->ste || !is_function_like(c->u->ste)) {
        berror(c->b, e->span, "'await' outside function");
        return;
    }
    if (c->u->kind != UNIT_ASYNC_FUNCTION && c->u->kind != UNIT_COMPREHENSION) {
        berror(c->b, e->span, "'await' outside async function");
        return;
    }
    check_expr(c, e->u.Await.value);
}

static void check_yield(Checker *c, const AstNode *e) {
    if (!c->u->ste || !is_function_like(c->u->ste)) {
        berror(c->b, e->span, "'yield' outside function");
        return;
    }
    if (e->kind == AST_YieldFrom) {
        if (c->u->kind == UNIT_ASYNC_FUNCTION) {
            berror(c->b, e->span, "'yield from' inside async function");
            return;
        }
        check_expr(c, e->u.YieldFrom.value);
    } else if (e->u.Yield.value) {
        check_expr(c, e->u.Yield.value);
    }
}

// update_start_location_to_match_attr: a multi-line attribute reports at its attribute name.
static SrcSpan attr_span(const AstNode *e) {
    SrcSpan s = e->span;
    if (s.line != s.end_line) {
        int len = (int)strlen(e->u.Attribute.attr);
        s.line = s.end_line;
        s.col = s.end_col >= len ? s.end_col - len : 0;
    }
    return s;
}

static void check_call(Checker *c, const AstNode *e) {
    int before = c->b->errors;
    check_keywords(c, e->u.Call.keywords);
    if (c->b->errors != before) {
        return;
    }
    check_expr(c, e->u.Call.func);
    check_call_args(c, e->u.Call.args, e->u.Call.keywords);
}

static void check_dict(Checker *c, const AstNode *e) {
    for (int i = 0; i < e->u.Dict.values.count; i++) {
        if (e->u.Dict.keys.items[i]) {
            check_expr(c, e->u.Dict.keys.items[i]);
        }
        check_expr(c, e->u.Dict.values.items[i]);
    }
}

static void check_expr(Checker *c, const AstNode *e) {
    switch (e->kind) {
    case AST_NamedExpr:
        check_expr(c, e->u.NamedExpr.value);
        check_expr(c, e->u.NamedExpr.target);
        break;
    case AST_BoolOp:
        check_exprs(c, e->u.BoolOp.values);
        break;
    case AST_BinOp:
        check_expr(c, e->u.BinOp.left);
        check_expr(c, e->u.BinOp.right);
        break;
    case AST_UnaryOp:
        check_expr(c, e->u.UnaryOp.operand);
        break;
    case AST_Lambda:
        check_lambda(c, e);
        break;
    case AST_IfExp:
        check_expr(c, e->u.IfExp.test);
        check_expr(c, e->u.IfExp.body);
        check_expr(c, e->u.IfExp.orelse);
        break;
    case AST_Dict:
        check_dict(c, e);
        break;
    case AST_Set:
        check_display(c, e->u.Set.elts);
        break;
    case AST_ListComp:
    case AST_SetComp:
    case AST_DictComp:
    case AST_GeneratorExp:
        check_comp(c, e);
        break;
    case AST_Await:
        check_await(c, e);
        break;
    case AST_Yield:
    case AST_YieldFrom:
        check_yield(c, e);
        break;
    case AST_Compare:
        check_expr(c, e->u.Compare.left);
        check_exprs(c, e->u.Compare.comparators);
        break;
    case AST_Call:
        check_call(c, e);
        break;
    case AST_FormattedValue:
        check_expr(c, e->u.FormattedValue.value);
        if (e->u.FormattedValue.format_spec) {
            check_expr(c, e->u.FormattedValue.format_spec);
        }
        break;
    case AST_JoinedStr:
        check_exprs(c, e->u.JoinedStr.values);
        break;
    case AST_Attribute:
        check_expr(c, e->u.Attribute.value);
        if (e->u.Attribute.ctx == AST_OP_Store) {
            check_store(c, attr_span(e), e->u.Attribute.attr);
        }
        break;
    case AST_Subscript:
        check_expr(c, e->u.Subscript.value);
        check_expr(c, e->u.Subscript.slice);
        break;
    case AST_Starred:
        berror(c->b, e->span, e->u.Starred.ctx == AST_OP_Store
                                  ? "starred assignment target must be in a list or tuple"
                                  : "can't use starred expression here");
        break;
    case AST_Slice:
        if (e->u.Slice.lower) {
            check_expr(c, e->u.Slice.lower);
        }
        if (e->u.Slice.upper) {
            check_expr(c, e->u.Slice.upper);
        }
        if (e->u.Slice.step) {
            check_expr(c, e->u.Slice.step);
        }
        break;
    case AST_Name:
        forbidden_name(c, e->span, e->u.Name.id, e->u.Name.ctx);
        break;
    case AST_List:
        check_sequence(c, e, e->u.List.elts, e->u.List.ctx);
        break;
    case AST_Tuple:
        check_sequence(c, e, e->u.Tuple.elts, e->u.Tuple.ctx);
        break;
    default:
        break;
    }
}

// ---- match statements --------------------------------------------------------------------------
// compiler_pattern and helpers: names bound twice, irrefutable patterns that are not last,
// alternatives binding different names, duplicate mapping keys.

typedef struct PatternCtx {
    NameSet stores;  // in binding order
    bool allow_irrefutable;
} PatternCtx;

// A mapping-pattern key or value pattern after constant folding: a number, string, bytes or
// singleton. 'is_num' values compare by value (so 1, 1.0 and True are the same key).
typedef struct KeyValue {
    bool ok, is_num, is_bytes, is_str;
    double re, im;
    const char *digits;  // big integers
    const char *data;
    size_t len;
    AstConstKind singleton;
    char repr[80];
} KeyValue;

static void check_pattern(Checker *c, const AstNode *p, PatternCtx *pc);

static bool pattern_store(Checker *c, SrcSpan span, Name name, PatternCtx *pc) {
    if (!name) {
        return true;
    }
    if (forbidden_name(c, span, name, AST_OP_Store)) {
        return false;
    }
    if (set_has(&pc->stores, name)) {
        berror(c->b, span, "multiple assignments to name '%s' in pattern", name);
        return false;
    }
    set_add(c->b->arena, &pc->stores, name);
    return true;
}

// repr() of a float as complex's repr prints its parts: "2" for 2.0, "1.5" for 1.5.
static void repr_part(double d, char *out, size_t size) {
    StrBuf sb;
    Arena tmp;
    arena_init(&tmp);
    strbuf_init(&sb, &tmp);
    ast_repr_double(&sb, d);
    const char *r = strbuf_cstr(&sb);
    size_t n = strlen(r);
    if (n > 2 && strcmp(r + n - 2, ".0") == 0) {
        n -= 2;
    }
    snprintf(out, size, "%.*s", (int)n, r);
    arena_free(&tmp);
}

// repr(complex): "1j" when the real part is +0, else "(1+2j)".
static void repr_complex(KeyValue *k) {
    char re[32], im[32];
    repr_part(k->im, im, sizeof im);
    if (k->re == 0 && !signbit(k->re)) {
        snprintf(k->repr, sizeof k->repr, "%sj", im);
        return;
    }
    repr_part(k->re, re, sizeof re);
    snprintf(k->repr, sizeof k->repr, "(%s%s%sj)", re, im[0] == '-' ? "" : "+", im);
}

static void repr_number(KeyValue *k, const AstConst *v, bool negate) {
    switch (v->kind) {
    case CONST_INT:
        if (v->u.i.digits) {
            snprintf(k->repr, sizeof k->repr, "%s%s", negate ? "-" : "", v->u.i.digits);
        } else {
            snprintf(k->repr, sizeof k->repr, "%lld",
                     (long long)(negate ? -v->u.i.small : v->u.i.small));
        }
        return;
    case CONST_FLOAT: {
        StrBuf sb;
        Arena tmp;
        arena_init(&tmp);
        strbuf_init(&sb, &tmp);
        ast_repr_double(&sb, negate ? -v->u.f : v->u.f);
        snprintf(k->repr, sizeof k->repr, "%s", strbuf_cstr(&sb));
        arena_free(&tmp);
        return;
    }
    default: {
        char im[32];
        repr_part(negate ? -v->u.f : v->u.f, im, sizeof im);
        snprintf(k->repr, sizeof k->repr, "%sj", im);
        return;
    }
    }
}

static KeyValue number_value(const AstConst *v, bool negate) {
    KeyValue k = {.ok = true, .is_num = true};
    double sign = negate ? -1.0 : 1.0;
    if (v->kind == CONST_INT) {
        k.digits = v->u.i.digits;
        k.re = sign * (double)v->u.i.small;
    } else if (v->kind == CONST_FLOAT) {
        k.re = sign * v->u.f;
    } else {
        k.im = sign * v->u.f;
    }
    repr_number(&k, v, negate);
    return k;
}

static bool is_number(const AstNode *e) {
    if (e->kind != AST_Constant) {
        return false;
    }
    AstConstKind k = e->u.Constant.value.kind;
    return k == CONST_INT || k == CONST_FLOAT || k == CONST_COMPLEX;
}

// The folded value of a mapping-pattern key: a constant, -constant, or real +/- imaginary.
static KeyValue key_value(const AstNode *e) {
    KeyValue k = {0};
    if (e->kind == AST_UnaryOp && e->u.UnaryOp.op == AST_OP_USub && is_number(e->u.UnaryOp.operand)) {
        return number_value(&e->u.UnaryOp.operand->u.Constant.value, true);
    }
    if (e->kind == AST_BinOp && (e->u.BinOp.op == AST_OP_Add || e->u.BinOp.op == AST_OP_Sub)) {
        KeyValue l = key_value(e->u.BinOp.left), r = key_value(e->u.BinOp.right);
        if (!l.ok || !r.ok || !l.is_num || !r.is_num) {
            return k;
        }
        double s = e->u.BinOp.op == AST_OP_Add ? 1.0 : -1.0;
        k = (KeyValue){.ok = true, .is_num = true, .re = l.re + s * r.re, .im = l.im + s * r.im};
        repr_complex(&k);
        return k;
    }
    if (e->kind != AST_Constant) {
        return k;
    }
    const AstConst *v = &e->u.Constant.value;
    k.ok = true;
    switch (v->kind) {
    case CONST_INT:
    case CONST_FLOAT:
    case CONST_COMPLEX:
        return number_value(v, false);
    case CONST_TRUE:
    case CONST_FALSE:
        k.is_num = true;
        k.re = v->kind == CONST_TRUE;
        snprintf(k.repr, sizeof k.repr, "%s", v->kind == CONST_TRUE ? "True" : "False");
        return k;
    case CONST_STR:
    case CONST_BYTES:
        k.is_str = v->kind == CONST_STR;
        k.is_bytes = !k.is_str;
        k.data = v->u.s.data;
        k.len = v->u.s.len;
        return k;
    default:
        k.singleton = v->kind;
        snprintf(k.repr, sizeof k.repr, "%s", v->kind == CONST_NONE ? "None" : "Ellipsis");
        return k;
    }
}

static bool key_equal(const KeyValue *a, const KeyValue *b) {
    if (a->is_num || b->is_num) {
        if (!a->is_num || !b->is_num) {
            return false;
        }
        if (a->digits || b->digits) {
            return a->digits && b->digits && strcmp(a->digits, b->digits) == 0 && a->re == b->re;
        }
        return a->re == b->re && a->im == b->im;
    }
    if (a->is_str != b->is_str || a->is_bytes != b->is_bytes) {
        return false;
    }
    if (a->is_str || a->is_bytes) {
        return a->len == b->len && memcmp(a->data, b->data, a->len) == 0;
    }
    return a->singleton == b->singleton;
}

static void key_repr(Checker *c, const AstNode *key, const KeyValue *k, StrBuf *out) {
    (void)c;
    if (key->kind == AST_Constant && (k->is_str || k->is_bytes)) {
        ast_repr_const(out, &key->u.Constant.value);
    } else {
        strbuf_printf(out, "%s", k->repr);
    }
}

static bool check_mapping_keys(Checker *c, const AstNode *p) {
    AstList keys = p->u.MatchMapping.keys;
    KeyValue *seen = arena_alloc(c->b->arena, (size_t)(keys.count + 1) * sizeof(KeyValue));
    for (int i = 0; i < keys.count; i++) {
        const AstNode *key = keys.items[i];
        KeyValue k = key_value(key);
        if (k.ok) {
            for (int j = 0; j < i; j++) {
                if (seen[j].ok && key_equal(&seen[j], &k)) {
                    StrBuf sb;
                    strbuf_init(&sb, c->b->arena);
                    key_repr(c, key, &k, &sb);
                    berror(c->b, p->span, "mapping pattern checks duplicate key (%s)",
                           strbuf_cstr(&sb));
                    return false;
                }
            }
        } else if (key->kind != AST_Attribute) {
            berror(c->b, p->span,
                   "mapping pattern keys may only match literals and attribute lookups");
            return false;
        }
        seen[i] = k;
        check_expr(c, key);
    }
    return true;
}

static void check_subpatterns(Checker *c, AstList pats, PatternCtx *pc) {
    for (int i = 0; i < pats.count; i++) {
        bool saved = pc->allow_irrefutable;
        pc->allow_irrefutable = true;
        check_pattern(c, pats.items[i], pc);
        pc->allow_irrefutable = saved;
    }
}

static void check_pattern_mapping(Checker *c, const AstNode *p, PatternCtx *pc) {
    if (p->u.MatchMapping.keys.count == 0 && !p->u.MatchMapping.rest) {
        return;
    }
    if (!check_mapping_keys(c, p)) {
        return;
    }
    check_subpatterns(c, p->u.MatchMapping.patterns, pc);
    if (p->u.MatchMapping.rest) {
        pattern_store(c, p->span, p->u.MatchMapping.rest, pc);
    }
}

static void check_pattern_class(Checker *c, const AstNode *p, PatternCtx *pc) {
    NameList attrs = p->u.MatchClass.kwd_attrs;
    AstList kps = p->u.MatchClass.kwd_patterns;
    for (int i = 0; i < attrs.count && i < kps.count; i++) {
        if (forbidden_name(c, kps.items[i]->span, attrs.items[i], AST_OP_Store)) {
            return;
        }
        for (int j = i + 1; j < attrs.count && j < kps.count; j++) {
            if (attrs.items[j] == attrs.items[i]) {
                berror(c->b, kps.items[j]->span, "attribute name repeated in class pattern: %s",
                       attrs.items[i]);
                return;
            }
        }
    }
    check_expr(c, p->u.MatchClass.cls);
    check_subpatterns(c, p->u.MatchClass.patterns, pc);
    check_subpatterns(c, kps, pc);
}

static void check_pattern_sequence(Checker *c, const AstNode *p, PatternCtx *pc) {
    AstList pats = p->u.MatchSequence.patterns;
    bool star = false;
    for (int i = 0; i < pats.count; i++) {
        if (pats.items[i]->kind == AST_MatchStar) {
            if (star) {
                berror(c->b, p->span, "multiple starred names in sequence pattern");
                return;
            }
            star = true;
        }
    }
    check_subpatterns(c, pats, pc);
}

static void check_pattern_as(Checker *c, const AstNode *p, PatternCtx *pc) {
    if (!p->u.MatchAs.pattern) {
        if (!pc->allow_irrefutable) {
            if (p->u.MatchAs.name) {
                berror(c->b, p->span, "name capture '%s' makes remaining patterns unreachable",
                       p->u.MatchAs.name);
            } else {
                berror(c->b, p->span, "wildcard makes remaining patterns unreachable");
            }
            return;
        }
        pattern_store(c, p->span, p->u.MatchAs.name, pc);
        return;
    }
    int before = c->b->errors;
    check_pattern(c, p->u.MatchAs.pattern, pc);
    if (c->b->errors == before) {
        pattern_store(c, p->span, p->u.MatchAs.name, pc);
    }
}

static bool same_names(const NameSet *a, const NameSet *b) {
    if (a->n != b->n) {
        return false;
    }
    for (int i = 0; i < a->n; i++) {
        if (!set_has(b, a->items[i])) {
            return false;
        }
    }
    return true;
}

static void check_pattern_or(Checker *c, const AstNode *p, PatternCtx *pc) {
    AstList alts = p->u.MatchOr.patterns;
    NameSet control = {0};
    for (int i = 0; i < alts.count; i++) {
        PatternCtx sub = {.allow_irrefutable = i == alts.count - 1 && pc->allow_irrefutable};
        int before = c->b->errors;
        check_pattern(c, alts.items[i], &sub);
        if (c->b->errors != before) {
            return;
        }
        if (i == 0) {
            control = sub.stores;
        } else if (!same_names(&control, &sub.stores)) {
            berror(c->b, p->span, "alternative patterns bind different names");
            return;
        }
    }
    for (int i = 0; i < control.n; i++) {
        if (set_has(&pc->stores, control.items[i])) {
            berror(c->b, p->span, "multiple assignments to name '%s' in pattern",
                   control.items[i]);
            return;
        }
        set_add(c->b->arena, &pc->stores, control.items[i]);
    }
}

static void check_pattern_value(Checker *c, const AstNode *p) {
    const AstNode *v = p->u.MatchValue.value;
    if (!key_value(v).ok && v->kind != AST_Attribute) {
        berror(c->b, p->span, "patterns may only match literals and attribute lookups");
        return;
    }
    check_expr(c, v);
}

static void check_pattern(Checker *c, const AstNode *p, PatternCtx *pc) {
    switch (p->kind) {
    case AST_MatchValue:
        check_pattern_value(c, p);
        break;
    case AST_MatchSequence:
        check_pattern_sequence(c, p, pc);
        break;
    case AST_MatchMapping:
        check_pattern_mapping(c, p, pc);
        break;
    case AST_MatchClass:
        check_pattern_class(c, p, pc);
        break;
    case AST_MatchStar:
        pattern_store(c, p->span, p->u.MatchStar.name, pc);
        break;
    case AST_MatchAs:
        check_pattern_as(c, p, pc);
        break;
    case AST_MatchOr:
        check_pattern_or(c, p, pc);
        break;
    default:
        break;
    }
}

static bool is_wildcard(const AstNode *p) {
    return p->kind == AST_MatchAs && !p->u.MatchAs.name;
}

// compiler_match: irrefutable cases must be guarded, last, or both; a trailing 'case _' is
// not compiled as a pattern.
static void check_match(Checker *c, const AstNode *s) {
    check_expr(c, s->u.Match.subject);
    AstList cases = s->u.Match.cases;
    bool has_default = cases.count > 1 &&
                       is_wildcard(cases.items[cases.count - 1]->u.match_case.pattern);
    for (int i = 0; i < cases.count; i++) {
        const AstNode *m = cases.items[i];
        if (i < cases.count - has_default) {
            PatternCtx pc = {.allow_irrefutable = m->u.match_case.guard || i == cases.count - 1};
            int before = c->b->errors;
            check_pattern(c, m->u.match_case.pattern, &pc);
            if (c->b->errors != before) {
                return;
            }
        }
        if (m->u.match_case.guard) {
            check_expr(c, m->u.match_case.guard);
        }
        check_stmts(c, m->u.match_case.body);
    }
}

static void check_module_body(Checker *c, const AstNode *module) {
    check_stmts(c, module->u.Module.body);
}

// ---- entry points ------------------------------------------------------------------------------

static void builder_init(Builder *b, Arena *a, Interner *in, Diag *d) {
    memset(b, 0, sizeof *b);
    b->arena = a;
    b->in = in;
    b->d = d;
    b->table = arena_alloc(a, sizeof(ScopeTable));
    b->table->arena = a;
    b->table->in = in;
    b->n.top = intern_cstr(in, "top");
    b->n.lambda = intern_cstr(in, "lambda");
    b->n.genexpr = intern_cstr(in, "genexpr");
    b->n.listcomp = intern_cstr(in, "listcomp");
    b->n.setcomp = intern_cstr(in, "setcomp");
    b->n.dictcomp = intern_cstr(in, "dictcomp");
    b->n.annotation = intern_cstr(in, "_annotation");
    b->n.dot0 = intern_cstr(in, ".0");
    b->n.class_ = intern_cstr(in, "__class__");
    b->n.classdict = intern_cstr(in, "__classdict__");
    b->n.type_params = intern_cstr(in, ".type_params");
    b->n.generic_base = intern_cstr(in, ".generic_base");
    b->n.defaults = intern_cstr(in, ".defaults");
    b->n.kwdefaults = intern_cstr(in, ".kwdefaults");
    b->n.dunder_type_params = intern_cstr(in, "__type_params__");
    b->n.super = intern_cstr(in, "super");
    b->n.debug = intern_cstr(in, "__debug__");
    b->n.future = intern_cstr(in, "__future__");
}

Scope *scope_build(Arena *a, Interner *in, Diag *d, const AstNode *module) {
    Builder b;
    builder_init(&b, a, in, d);
    SrcSpan future_loc = check_future(&b, module);
    b.top = enter_block(&b, b.n.top, SCOPE_MODULE, module, module, 0);
    b.table->top = b.top;
    visit_stmts(&b, module->u.Module.body);
    if (b.errors) {
        return NULL;
    }
    Analyzer an = {.b = &b, .arena = a};
    NameSet *free = arena_alloc(a, sizeof(NameSet));
    NameSet *global = arena_alloc(a, sizeof(NameSet));
    NameSet *type_params = arena_alloc(a, sizeof(NameSet));
    analyze_block(&an, b.top, NULL, free, global, type_params, NULL);
    if (b.errors) {
        return NULL;
    }
    Checker c = {.b = &b, .future_loc = future_loc};
    in_unit(&c, b.top, UNIT_MODULE, check_module_body, module);
    return b.errors ? NULL : b.top;
}

Scope *scope_of(const Scope *module, const AstNode *node, bool type_params) {
    return map_get(module->table, type_params ? (const char *)node + 1 : (const void *)node);
}

// compiler_nameop's choice of opcode family.
ScopeAccess scope_access(const Scope *s, Name mangled) {
    const Symbol *sym = scope_lookup(s, mangled);
    SymScope scope = sym ? sym->scope : SYM_UNRESOLVED;
    switch (scope) {
    case SYM_FREE:
    case SYM_CELL:
        return ACCESS_DEREF;
    case SYM_LOCAL:
        return is_function_like(s) ? ACCESS_FAST : ACCESS_NAME;
    case SYM_GLOBAL_IMPLICIT:
        return is_function_like(s) ? ACCESS_GLOBAL : ACCESS_NAME;
    case SYM_GLOBAL_EXPLICIT:
        return ACCESS_GLOBAL;
    default:
        return ACCESS_NAME;
    }
}

static int compare_symbols(const void *x, const void *y) {
    const Symbol *a = *(const Symbol *const *)x, *b = *(const Symbol *const *)y;
    return strcmp(a->name, b->name);
}

static void dump_scope(const Scope *s, int depth, FILE *out);

// Children as the symtable module lists them: an inlined comprehension's children take its place.
static void dump_children(const Scope *s, int depth, FILE *out) {
    for (int i = 0; i < s->nchildren; i++) {
        if (s->children[i]->comp_inlined) {
            dump_children(s->children[i], depth, out);
        } else {
            dump_scope(s->children[i], depth, out);
        }
    }
}

static void dump_scope(const Scope *s, int depth, FILE *out) {
    fprintf(out, "%*s%s %s line %d%s\n", depth * 2, "", scope_kind_name(s->kind), s->name,
            s->lineno, s->nested ? " nested" : "");
    const Symbol **syms = malloc(((size_t)s->nsymbols + 1) * sizeof(Symbol *));
    if (!syms) {
        abort();
    }
    int n = 0;
    for (int i = 0; i < s->nsymbols; i++) {
        if (s->symbols[i]->flags || s->symbols[i]->scope) {
            syms[n++] = s->symbols[i];
        }
    }
    qsort(syms, (size_t)n, sizeof(Symbol *), compare_symbols);
    for (int i = 0; i < n; i++) {
        fprintf(out, "%*s  %s 0x%x\n", depth * 2, "", syms[i]->name,
                syms[i]->flags | ((unsigned)syms[i]->scope << SYM_SCOPE_SHIFT));
    }
    free(syms);
    if (s->nvarnames) {
        fprintf(out, "%*s  params:", depth * 2, "");
        for (int i = 0; i < s->nvarnames; i++) {
            fprintf(out, " %s", s->varnames[i]);
        }
        fputc('\n', out);
    }
    dump_children(s, depth + 1, out);
}

void scope_dump(const Scope *module, FILE *out) {
    dump_scope(module, 0, out);
}
