// modules.c: finds the modules of a program (docs/supported.md, "Modules"). Starting from the
// script, it follows every import statement of every module (at any depth: in functions too) to
// the modules and packages beside the script, as CPython's sys.path[0] finds them: 'a' is
// a/__init__.py (a package) or a.py; 'a.b' is b inside package a. Each module is read, parsed and
// checked once. Names of the standard library are never looked up beside the script (krait
// rejects a module of the program that shadows one), and a name found nowhere is left to fail at
// run time with ModuleNotFoundError, as under CPython.
//
// Paths: a module's __file__ and its traceback entries are sys.path[0] (the real path of the
// script's directory) joined with its path inside it, as CPython prints them.
#include "backend.h"

#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct Finder {
    IrProgram *p;
    const char *dir;      // the script's directory, as given (for reading files)
    bool dir_given;       // the script was named with a directory (else: ".")
    const char *absdir;   // sys.path[0]: the real path of that directory
    const char *script;   // the real path of the script
    bool ok;
} Finder;

static bool is_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

// Whether CPython would import 'entry' (a path without suffix) as an extension module
// (entry.so, entry.cpython-313-....so, entry.abi3.so) or from bytecode alone (entry.pyc).
static bool is_compiled_module(Arena *a, const char *entry) {
    if (is_file(arena_printf(a, "%s.so", entry)) || is_file(arena_printf(a, "%s.pyc", entry))) {
        return true;
    }
    glob_t g;
    bool found = false;
    const char *pats[] = {"%s.cpython-*.so", "%s.abi3.so"};
    for (size_t i = 0; i < 2 && !found; i++) {
        if (glob(arena_printf(a, pats[i], entry), 0, NULL, &g) == 0) {
            found = g.gl_pathc > 0;
            globfree(&g);
        }
    }
    return found;
}

// A C identifier for module 'name', unique in the program.
static const char *unit_cname(IrProgram *p, const char *name) {
    // No "__" inside and no '_' at the end, so that "kgf_<cname>__<name>" (an exported native
    // entry) names one function of one module.
    StrBuf b;
    strbuf_init(&b, p->arena);
    if (*name >= '0' && *name <= '9') {
        strbuf_append(&b, "m_", 2);
    }
    for (const char *c = name; *c; c++) {
        bool ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9');
        if (!ok && b.len > 0 && b.data[b.len - 1] == '_') {
            strbuf_putc(&b, '0');
        }
        strbuf_putc(&b, ok ? *c : '_');
    }
    if (b.len > 0 && b.data[b.len - 1] == '_') {
        strbuf_putc(&b, '0');
    }
    const char *s = strbuf_cstr(&b);
    const char *cname = s;
    for (int n = 2;; n++) {
        bool taken = false;
        for (int i = 0; i < p->nunits && !taken; i++) {
            taken = strcmp(p->units[i]->cname, cname) == 0;
        }
        if (!taken) {
            return cname;
        }
        cname = arena_printf(p->arena, "%s_%d", s, n);
    }
}

// Reads, parses and checks unit 'u' (u->given), noting its attribute stores.
static void load_unit(Finder *f, IrUnit *u) {
    Arena *a = f->p->arena;
    u->d = arena_alloc(a, sizeof *u->d);
    diag_init(u->d, u->given, stderr);
    Source src;
    if (!source_read(a, u->d, u->given, &src)) {
        f->ok = false;
        return;
    }
    diag_set_source(u->d, src.text, src.len);
    u->ast = parse_module(a, f->p->in, u->d, &src);
    u->top = u->ast ? scope_build(a, f->p->in, u->d, u->ast) : NULL;
    if (!u->top) {
        f->ok = false;
        u->ast = NULL;
        return;
    }
    ir_program_note_stores(f->p, u);
}

// The module 'name' (absolute, dotted) if it is a module of the program, found and added now if
// needed; NULL for any other module. 'from'/'at' locate the import for diagnostics.
static IrUnit *find_module(Finder *f, const char *name, IrUnit *from, const AstNode *at) {
    IrProgram *p = f->p;
    IrUnit *u = ir_program_find(p, name);
    if (u) {
        return u;
    }
    Arena *a = p->arena;
    const char *dot = strrchr(name, '.');
    const char *rel;  // the path of the module's directory entry inside sys.path[0]
    if (dot) {
        IrUnit *parent = find_module(f, arena_strndup(a, name, (size_t)(dot - name)), from, at);
        if (!parent || !parent->is_package) {
            return NULL;
        }
        const char *pdir = arena_strndup(a, parent->path + strlen(f->absdir) + 1,
                                         strlen(parent->path) - strlen(f->absdir) - 1
                                             - strlen("/__init__.py"));
        rel = arena_printf(a, "%s/%s", pdir, dot + 1);
    } else {
        if (ir_is_stdlib_module(name)) {
            const char *d = arena_printf(a, "%s/%s", f->dir, name);
            if (is_file(arena_printf(a, "%s.py", d)) || is_dir(d)) {
                diag_error(from->d, at->span, "the module '%s' of this program has the name of a "
                           "standard-library module: krait does not support shadowing it", name);
                f->ok = false;
            }
            return NULL;
        }
        rel = name;
    }
    const char *entry = arena_printf(a, "%s/%s", f->dir, rel);
    bool pkg = is_file(arena_printf(a, "%s/__init__.py", entry));
    const char *file = pkg ? arena_printf(a, "%s/__init__.py", rel) : arena_printf(a, "%s.py", rel);
    if (!pkg && !is_file(arena_printf(a, "%s/%s", f->dir, file))) {
        if (is_compiled_module(a, entry)) {
            diag_error(from->d, at->span, "the module '%s' is an extension module or bytecode "
                       "without its .py source: krait compiles only Python source", name);
            f->ok = false;
        } else if (is_dir(entry)) {
            diag_error(from->d, at->span, "'%s' is a namespace package (a directory without "
                       "__init__.py): not supported by krait", name);
            f->ok = false;
        }
        return NULL;  // ModuleNotFoundError at run time, as in CPython
    }
    const char *abs = arena_printf(a, "%s/%s", f->absdir, file);
    char *real = realpath(arena_printf(a, "%s/%s", f->dir, file), NULL);
    bool is_script = real && strcmp(real, f->script) == 0;
    free(real);
    if (is_script) {
        diag_error(from->d, at->span, "importing the program's own script as module '%s' is not "
                   "supported by krait (CPython would run it a second time)", name);
        f->ok = false;
        return NULL;
    }
    const char *cname = unit_cname(p, name);
    u = ir_program_add(p, name, abs, pkg);
    u->given = f->dir_given ? arena_printf(a, "%s/%s", f->dir, file) : file;
    u->cname = cname;
    return u;
}

typedef struct FindImports {
    Finder *f;
    IrUnit *u;
} FindImports;

static bool find_imports_child(const AstNode *n, void *ctx);

static void find_imports(Finder *f, IrUnit *u, const AstNode *n) {
    if (!n) {
        return;
    }
    Arena *a = f->p->arena;
    if (n->kind == AST_Import) {
        for (int i = 0; i < n->u.Import.names.count; i++) {
            const AstNode *al = n->u.Import.names.items[i];
            find_module(f, al->u.alias.name, u, al);
        }
        return;
    }
    if (n->kind == AST_ImportFrom) {
        const char *why;
        const char *base = ir_import_base(a, u, n->u.ImportFrom.level, n->u.ImportFrom.module,
                                          &why);
        IrUnit *m = base ? find_module(f, base, u, n) : NULL;
        for (int i = 0; m && m->is_package && i < n->u.ImportFrom.names.count; i++) {
            const char *x = n->u.ImportFrom.names.items[i]->u.alias.name;
            if (strcmp(x, "*") != 0) {
                find_module(f, arena_printf(a, "%s.%s", base, x), u,
                            n->u.ImportFrom.names.items[i]);
            }
        }
        return;
    }
    FindImports q = {f, u};
    ast_any_child(n, find_imports_child, &q);
}

static bool find_imports_child(const AstNode *n, void *ctx) {
    const FindImports *q = ctx;
    find_imports(q->f, q->u, n);
    return false;
}

IrProgram *modules_load(Arena *a, const char *script, const char *cname) {
    IrProgram *p = ir_program_new(a, intern_new(a));
    Finder f = {.p = p, .ok = true};
    const char *slash = strrchr(script, '/');
    f.dir = slash ? arena_strndup(a, script, (size_t)(slash - script)) : ".";
    f.dir_given = slash != NULL;
    // Tracebacks name the script by its absolute path, as CPython 3.13 does.
    char *real = realpath(script, NULL);
    f.script = real ? arena_strndup(a, real, strlen(real)) : script;
    free(real);
    const char *rslash = strrchr(f.script, '/');
    f.absdir = rslash ? arena_strndup(a, f.script, (size_t)(rslash - f.script)) : ".";
    IrUnit *main = ir_program_add(p, "__main__", f.script, false);
    main->given = script;
    main->cname = cname;
    for (int i = 0; i < p->nunits; i++) {  // the loop sees the modules found on the way
        load_unit(&f, p->units[i]);
        if (p->units[i]->ast) {
            find_imports(&f, p->units[i], p->units[i]->ast);
        }
    }
    return f.ok ? p : NULL;
}
