// program.c: the modules of a program (ir.h). The driver adds the script and every module beside
// it that the program imports, each with its AST and symbol table; lowering asks here which
// dotted names are modules of the program, what a relative import names, which names
// `from m import *` binds, and which globals other modules may rebind through `m.x = v`.
#include "ir.h"

#include <string.h>

// The modules krait's runtime provides (runtime/module.c's registry). 'typing' is read by the
// compiler itself.
static const char *const runtime_modules[] = {"sys", "math",    "itertools", "csv",
                                              "os",  "os.path", "gc",        "functools"};

static const char *const stdlib_modules[] = {
#define STDLIB_MODULE(name) name,
#include "stdlib_modules.inc"
#undef STDLIB_MODULE
};

static bool in_list(const char *const *list, size_t n, const char *name) {
    for (size_t i = 0; i < n; i++) {
        if (strcmp(list[i], name) == 0) {
            return true;
        }
    }
    return false;
}

bool ir_is_runtime_module(const char *name) {
    return in_list(runtime_modules, sizeof runtime_modules / sizeof runtime_modules[0], name);
}

bool ir_is_stdlib_module(const char *name) {
    return in_list(stdlib_modules, sizeof stdlib_modules / sizeof stdlib_modules[0], name);
}

IrProgram *ir_program_new(Arena *a, Interner *in) {
    IrProgram *p = arena_alloc(a, sizeof *p);
    p->arena = a;
    p->in = in;
    return p;
}

IrUnit *ir_program_add(IrProgram *p, const char *name, const char *path, bool is_package) {
    if (p->nunits == p->units_cap) {
        int cap = p->units_cap ? p->units_cap * 2 : 8;
        p->units = arena_realloc(p->arena, p->units, sizeof(IrUnit *) * (size_t)p->units_cap,
                                 sizeof(IrUnit *) * (size_t)cap);
        p->units_cap = cap;
    }
    IrUnit *u = arena_alloc(p->arena, sizeof *u);
    u->name = name;
    u->path = path;
    u->given = path;
    u->is_package = is_package;
    p->units[p->nunits++] = u;
    return u;
}

IrUnit *ir_program_find(const IrProgram *p, const char *name) {
    for (int i = 0; i < p->nunits; i++) {
        if (strcmp(p->units[i]->name, name) == 0) {
            return p->units[i];
        }
    }
    return NULL;
}

// ---------------------------------------------------------------------------------------------
// Attribute stores

static bool is_str_const(const AstNode *e) {
    return e->kind == AST_Constant && e->u.Constant.value.kind == CONST_STR;
}

bool ir_program_stores_attr(const IrProgram *p, Name name) {
    if (p->stores_any) {
        return true;
    }
    for (int i = 0; i < p->nstored; i++) {
        if (p->stored_attrs[i] == name) {
            return true;
        }
    }
    return false;
}

bool ir_program_sets_defaults(const IrProgram *p) {
    for (int i = 0; i < p->nstored; i++) {
        if (strcmp(p->stored_attrs[i], "__defaults__") == 0
            || strcmp(p->stored_attrs[i], "__kwdefaults__") == 0) {
            return true;
        }
    }
    return false;
}

static void note_store(IrProgram *p, Name name) {
    if (ir_program_stores_attr(p, name)) {
        return;
    }
    if (p->nstored == p->stored_cap) {
        int cap = p->stored_cap ? p->stored_cap * 2 : 16;
        p->stored_attrs = arena_realloc(p->arena, p->stored_attrs,
                                        sizeof(Name) * (size_t)p->stored_cap,
                                        sizeof(Name) * (size_t)cap);
        p->stored_cap = cap;
    }
    p->stored_attrs[p->nstored++] = name;
}

static bool walk_stores_child(const AstNode *n, void *p);

static void walk_stores(IrProgram *p, const AstNode *n) {
    if (!n) {
        return;
    }
    if (n->kind == AST_Attribute && n->u.Attribute.ctx != AST_OP_Load) {
        note_store(p, n->u.Attribute.attr);
    }
    const AstNode *fn = n->kind == AST_Call ? n->u.Call.func : NULL;
    if (fn && fn->kind == AST_Name
        && (strcmp(fn->u.Name.id, "setattr") == 0 || strcmp(fn->u.Name.id, "delattr") == 0)) {
        const AstList *args = &n->u.Call.args;
        if (args->count >= 2 && is_str_const(args->items[1])) {
            const AstConst *c = &args->items[1]->u.Constant.value;
            note_store(p, intern_cstr(p->in, arena_strndup(p->arena, c->u.s.data, c->u.s.len)));
        } else {
            p->stores_any = true;  // any global of any module may be rebound
        }
    }
    ast_any_child(n, walk_stores_child, p);
}

static bool walk_stores_child(const AstNode *n, void *p) {
    walk_stores(p, n);
    return false;
}

void ir_program_note_stores(IrProgram *p, const IrUnit *u) { walk_stores(p, u->ast); }

// ---------------------------------------------------------------------------------------------
// Relative imports

const char *ir_import_base(Arena *a, const IrUnit *u, int level, const char *module,
                           const char **why) {
    if (level == 0) {
        return module;
    }
    const char *dot = strrchr(u->name, '.');
    size_t len = u->is_package ? strlen(u->name) : dot ? (size_t)(dot - u->name) : 0;
    if (strcmp(u->name, "__main__") == 0 || len == 0) {
        *why = "attempted relative import with no known parent package";
        return NULL;
    }
    for (int i = 1; i < level; i++) {
        const char *p = u->name + len - 1;
        while (p > u->name && *p != '.') {
            p--;
        }
        if (p == u->name) {
            *why = "attempted relative import beyond top-level package";
            return NULL;
        }
        len = (size_t)(p - u->name);
    }
    return module ? arena_printf(a, "%.*s.%s", (int)len, u->name, module)
                  : arena_strndup(a, u->name, len);
}

// ---------------------------------------------------------------------------------------------
// `from m import *`

typedef struct Names {
    Name *items;
    int count, cap;
} Names;

static void names_add(Arena *a, Names *ns, Name n) {
    for (int i = 0; i < ns->count; i++) {
        if (ns->items[i] == n) {
            return;
        }
    }
    if (ns->count == ns->cap) {
        int cap = ns->cap ? ns->cap * 2 : 16;
        ns->items = arena_realloc(a, ns->items, sizeof(Name) * (size_t)ns->cap,
                                  sizeof(Name) * (size_t)cap);
        ns->cap = cap;
    }
    ns->items[ns->count++] = n;
}

// The units whose exports are being computed (a cycle of star imports ends there).
typedef struct Visiting {
    const IrUnit *u;
    const struct Visiting *outer;
} Visiting;

static void star_names(IrProgram *p, const IrUnit *u, const AstList *body, Names *out,
                       const Visiting *v);

static bool visiting(const Visiting *v, const IrUnit *u) {
    for (; v; v = v->outer) {
        if (v->u == u) {
            return true;
        }
    }
    return false;
}

// The module-level `__all__ = [...]` of 'u': 1 when it is a literal list or tuple of strs (its
// names added to 'out'), 0 when there is none, -1 when it is something else.
static int literal_all(IrProgram *p, const IrUnit *u, Names *out) {
    Name all = intern_cstr(p->in, "__all__");
    const AstList *body = &u->ast->u.Module.body;
    const AstNode *found = NULL;
    Symbol *sym = scope_lookup(u->top, all);
    if (!sym || !(sym->flags & SYM_DEF_BOUND)) {
        return 0;
    }
    for (int i = 0; i < body->count; i++) {
        const AstNode *s = body->items[i];
        if (s->kind == AST_Assign && s->u.Assign.targets.count == 1
            && s->u.Assign.targets.items[0]->kind == AST_Name
            && s->u.Assign.targets.items[0]->u.Name.id == all && !found) {
            found = s->u.Assign.value;
        } else if (s->kind == AST_Assign || s->kind == AST_AugAssign || s->kind == AST_AnnAssign) {
            // any other module-level assignment may change __all__: not a literal
            for (int k = 0; s->kind == AST_Assign && k < s->u.Assign.targets.count; k++) {
                const AstNode *t = s->u.Assign.targets.items[k];
                if (t->kind == AST_Name && t->u.Name.id == all) {
                    return -1;
                }
            }
            const AstNode *t = s->kind == AST_AugAssign   ? s->u.AugAssign.target
                               : s->kind == AST_AnnAssign ? s->u.AnnAssign.target
                                                          : NULL;
            if (t && t->kind == AST_Name && t->u.Name.id == all) {
                return -1;
            }
        }
    }
    if (!found || (found->kind != AST_List && found->kind != AST_Tuple)) {
        return -1;
    }
    const AstList *elts = found->kind == AST_List ? &found->u.List.elts : &found->u.Tuple.elts;
    for (int i = 0; i < elts->count; i++) {
        if (!is_str_const(elts->items[i])) {
            return -1;
        }
    }
    for (int i = 0; i < elts->count; i++) {
        const AstConst *c = &elts->items[i]->u.Constant.value;
        names_add(p->arena, out, intern_cstr(p->in, arena_strndup(p->arena, c->u.s.data,
                                                                   c->u.s.len)));
    }
    return 1;
}

static int exports(IrProgram *p, const IrUnit *u, Names *out, const Visiting *outer) {
    int lit = literal_all(p, u, out);
    if (lit != 0) {
        return lit;
    }
    for (int i = 0; i < u->top->nsymbols; i++) {
        const Symbol *s = u->top->symbols[i];
        if ((s->flags & SYM_DEF_BOUND) && s->name[0] != '_') {
            names_add(p->arena, out, s->name);
        }
    }
    Visiting v = {u, outer};
    Names stars = {0};
    star_names(p, u, &u->ast->u.Module.body, &stars, &v);
    for (int i = 0; i < stars.count; i++) {
        if (stars.items[i][0] != '_') {
            names_add(p->arena, out, stars.items[i]);
        }
    }
    return 0;
}

Name *ir_unit_exports(IrProgram *p, const IrUnit *u, int *n, bool *has_all) {
    Names out = {0};
    int r = exports(p, u, &out, NULL);
    *has_all = r == 1;
    *n = r < 0 ? -1 : out.count;
    return r < 0 ? NULL : out.items;
}

// The statements a module body runs at module level: its own and those nested in if, try,
// for, while and with (a `from m import *` may only be at module level).
static void star_names(IrProgram *p, const IrUnit *u, const AstList *body, Names *out,
                       const Visiting *v) {
    for (int i = 0; i < body->count; i++) {
        const AstNode *s = body->items[i];
        int count;
        const AstField *fields = ast_fields(s->kind, &count);
        if (s->kind == AST_ImportFrom && s->u.ImportFrom.names.count == 1
            && strcmp(s->u.ImportFrom.names.items[0]->u.alias.name, "*") == 0) {
            const char *why;
            const char *base = ir_import_base(p->arena, u, s->u.ImportFrom.level,
                                              s->u.ImportFrom.module, &why);
            IrUnit *m = base ? ir_program_find(p, base) : NULL;
            if (m && m->ast && !visiting(v, m)) {
                exports(p, m, out, v);
            }
            continue;
        }
        if (s->kind == AST_FunctionDef || s->kind == AST_AsyncFunctionDef
            || s->kind == AST_ClassDef) {
            continue;
        }
        for (int k = 0; k < count; k++) {
            if (fields[k].kind == FK_LIST) {
                const AstList *l = (const AstList *)((const char *)s + fields[k].offset);
                star_names(p, u, l, out, v);
            }
        }
    }
}

Name *ir_unit_star_names(IrProgram *p, const IrUnit *u, int *n) {
    Names out = {0};
    Visiting v = {u, NULL};
    star_names(p, u, &u->ast->u.Module.body, &out, &v);
    *n = out.count;
    return out.items;
}

// ---------------------------------------------------------------------------------------------
// Names bound only by `from m import x`

typedef struct Origin {
    IrProgram *p;
    const IrUnit *u;
    Name name;
    IrUnit *from;  // the module every binding imports from, so far
    Name orig;     // and the name there
    bool module;   // looking for `import m` bindings (else `from m import x`)
    bool bad;      // some other binding (or a possible one)
} Origin;

// Notes a binding of the name to module 'name' (`import name`), or to something else.
static void bind_module(Origin *s, const char *name) {
    IrUnit *m = s->module ? ir_program_find(s->p, name) : NULL;
    if (!m || (s->from && s->from != m)) {
        s->bad = true;
    }
    s->from = m;
}

static void find_source(Origin *s, const AstNode *n) {
    if (!n || s->bad) {
        return;
    }
    switch (n->kind) {
    case AST_Name:
        s->bad |= n->u.Name.id == s->name && n->u.Name.ctx != AST_OP_Load;
        return;
    case AST_Attribute:
        find_source(s, n->u.Attribute.value);
        return;
    case AST_keyword:
        find_source(s, n->u.keyword.value);
        return;
    case AST_Import:
        for (int i = 0; i < n->u.Import.names.count; i++) {
            const AstNode *a = n->u.Import.names.items[i];
            Name bound = a->u.alias.asname ? a->u.alias.asname : a->u.alias.name;
            size_t len = strlen(s->name);
            if (strncmp(bound, s->name, len) != 0 || (bound[len] != '.' && bound[len])) {
                continue;
            }
            if (a->u.alias.asname && strchr(a->u.alias.name, '.')) {
                s->bad = true;  // import a.b as name: a.b through attributes
            } else {
                // import m / import m as name / import name.b (binds the package 'name')
                bind_module(s, a->u.alias.asname ? a->u.alias.name : s->name);
            }
        }
        return;
    case AST_ImportFrom:
        for (int i = 0; i < n->u.ImportFrom.names.count; i++) {
            const AstNode *a = n->u.ImportFrom.names.items[i];
            Name bound = a->u.alias.asname ? a->u.alias.asname : a->u.alias.name;
            if (strcmp(a->u.alias.name, "*") == 0) {
                s->bad = true;  // may bind it
            } else if (bound == s->name && s->module) {
                s->bad = true;
            } else if (bound == s->name) {
                const char *why;
                const char *base = ir_import_base(s->p->arena, s->u, n->u.ImportFrom.level,
                                                  n->u.ImportFrom.module, &why);
                IrUnit *m = base ? ir_program_find(s->p, base) : NULL;
                if (!m || (s->from && (s->from != m || s->orig != a->u.alias.name))) {
                    s->bad = true;
                }
                s->from = m;
                s->orig = a->u.alias.name;
            }
        }
        return;
    default:
        break;
    }
    int count;
    const AstField *fields = ast_fields(n->kind, &count);
    for (int i = 0; i < count; i++) {
        const char *at = (const char *)n + fields[i].offset;
        switch (fields[i].kind) {
        case FK_NODE:
        case FK_NODE_OPT:
            find_source(s, *(AstNode *const *)at);
            break;
        case FK_LIST: {
            const AstList *l = (const AstList *)at;
            for (int k = 0; k < l->count; k++) {
                find_source(s, l->items[k]);
            }
            break;
        }
        case FK_IDENT:
        case FK_IDENT_OPT:
            s->bad |= *(const Name *)at == s->name;
            break;
        case FK_IDENT_LIST: {
            const NameList *l = (const NameList *)at;
            for (int k = 0; k < l->count; k++) {
                s->bad |= l->items[k] == s->name;
            }
            break;
        }
        default:
            break;
        }
    }
}

// The answers for 'u' so far (each is a walk over its whole AST, asked again and again while
// inference iterates).
typedef struct OriginCache {
    const IrUnit *u;
    Name name;
    bool module;
    IrUnit *from;
    Name orig;
    struct OriginCache *next;
} OriginCache;

static IrUnit *origin(IrProgram *p, const IrUnit *u, Name name, bool module, Name *orig) {
    for (OriginCache *c = p->origins; c; c = c->next) {
        if (c->u == u && c->name == name && c->module == module) {
            *orig = c->orig;
            return c->from;
        }
    }
    Origin s = {.p = p, .u = u, .name = name, .module = module};
    bool is_main = strcmp(u->name, "__main__") == 0;
    if (!is_main && ir_program_stores_attr(p, name)) {
        s.bad = true;  // another module may rebind it
    } else {
        find_source(&s, u->ast);
    }
    OriginCache *c = arena_alloc(p->arena, sizeof *c);
    *c = (OriginCache){u, name, module, s.bad ? NULL : s.from, s.orig, p->origins};
    p->origins = c;
    *orig = c->orig;
    return c->from;
}

IrUnit *ir_unit_import_source(IrProgram *p, const IrUnit *u, Name name, Name *orig) {
    return origin(p, u, name, false, orig);
}

IrUnit *ir_unit_module_source(IrProgram *p, const IrUnit *u, Name name) {
    Name orig;
    return origin(p, u, name, true, &orig);
}
