// module.c: module objects and the registry of built-in modules.
//
// A module keeps its attributes in a dict (which always holds '__name__'); attribute reads look
// there first, then at the special name '__dict__', and raise AttributeError "module 'm' has no
// attribute 'x'" as CPython does. Attributes may be set and deleted freely.
//
// kr_import_builtin finds a module's init function in the registry (the static table below plus
// kr_module_register additions), runs it on the first import and caches the module: every
// later import returns the same object, as CPython executes a module once. The cache lives in
// static data, a root of the collector.
//
// The modules of the program (kr_modules.h: one generated C file each) are a second table,
// handed over by main(); kr_import looks there first. A program module's globals stay in its
// static slots: its module object reads and writes them by name (the slot table) and keeps
// everything else (__name__, __file__, attributes set from outside) in its dict.
#include "krait.h"

#include <stdio.h>
#include <string.h>

// ---------------------------------------------------------------------------------------------
// Module objects

kr_val kr_module_new(const char *name) {
    kr_val n = kr_str_from_cstr(name);
    kr_val d = n ? kr_dict_new() : 0;
    kr_module_obj *m = d ? (kr_module_obj *)kr_obj_new(&kr_module_type, sizeof *m) : NULL;
    if (!m) {
        KR_XDECREF(n);
        KR_XDECREF(d);
        return 0;
    }
    m->name = n;
    m->dict = d;
    if (kr_module_add(KR_VAL(m), "__name__", n) < 0) {
        KR_DECREF(m);
        return 0;
    }
    return KR_VAL(m);
}

int kr_module_add(kr_val mod, const char *name, kr_val value) {
    kr_val key = kr_str_from_cstr(name);
    int r = key ? kr_dict_setitem(KR_MODULE(mod)->dict, key, value) : -1;
    KR_XDECREF(key);
    return r;
}

int kr_module_add_steal(kr_val mod, const char *name, kr_val value) {
    if (!value) {
        return -1;
    }
    int r = kr_module_add(mod, name, value);
    KR_DECREF(value);
    return r;
}

int kr_module_add_cfunc(kr_val mod, const char *name, kr_cfunc fn) {
    kr_val f = kr_cfunction_new(name, fn, 0);
    if (f) {
        ((kr_cfunction_obj *)f)->module = kr_newref(((kr_module_obj *)mod)->name);
    }
    return kr_module_add_steal(mod, name, f);
}

int kr_module_add_int(kr_val mod, const char *name, int64_t value) {
    return kr_module_add_steal(mod, name, kr_int_from_i64(value));
}

int kr_module_add_float(kr_val mod, const char *name, double value) {
    return kr_module_add_steal(mod, name, kr_float_new(value));
}

int kr_module_add_str(kr_val mod, const char *name, const char *value) {
    return kr_module_add_steal(mod, name, kr_str_from_cstr(value));
}

kr_val kr_module_getattr_cstr(kr_val mod, const char *name) { return kr_getattr_cstr(mod, name); }

static kr_val no_attribute(kr_val mod, kr_val name) {
    const kr_module_def *def = KR_MODULE(mod)->def;
    if (KR_MODULE(mod)->initializing && def && !strchr(def->name, '.')) {
        // CPython 3.13 suspects a module beside the script of shadowing a third-party one
        return kr_err_set(&kr_exc_AttributeError,
                          "module '%s' has no attribute '%s' (consider renaming '%s' if it has "
                          "the same name as a third-party module you intended to import)",
                          def->name, kr_str_data(name), def->file);
    }
    if (KR_MODULE(mod)->initializing) {
        return kr_err_set(&kr_exc_AttributeError,
                          "partially initialized module '%s' has no attribute '%s' (most likely "
                          "due to a circular import)",
                          kr_str_data(KR_MODULE(mod)->name), kr_str_data(name));
    }
    return kr_err_set(&kr_exc_AttributeError, "module '%s' has no attribute '%s'",
                      kr_str_data(KR_MODULE(mod)->name), kr_str_data(name));
}

// The index of the global 'name' of a program module, or -1.
static int slot_index(kr_val mod, kr_val name) {
    const kr_module_def *def = KR_MODULE(mod)->def;
    const char *s = kr_str_data(name);
    for (int i = 0; def && i < def->nslots; i++) {
        if (strcmp(def->slots[i].name, s) == 0) {
            return i;
        }
    }
    return -1;
}

// The dict of a program module with its bound globals copied in (a snapshot: writing to it does
// not rebind the globals; docs/differences.md).
static kr_val module_dict(kr_val mod) {
    const kr_module_def *def = KR_MODULE(mod)->def;
    for (int i = 0; def && i < def->nslots; i++) {
        kr_val v = *def->slots[i].slot;
        if (v && kr_module_add(mod, def->slots[i].name, v) < 0) {
            return 0;
        }
    }
    return kr_newref(KR_MODULE(mod)->dict);
}

static kr_val module_getattr(kr_val mod, kr_val name) {
    int i = slot_index(mod, name);
    if (i >= 0 && *KR_MODULE(mod)->def->slots[i].slot) {
        return kr_newref(*KR_MODULE(mod)->def->slots[i].slot);
    }
    kr_val v = i >= 0 ? 0 : kr_dict_lookup(KR_MODULE(mod)->dict, name);
    if (v) {
        return kr_newref(v);
    }
    if (kr_err_occurred()) {
        return 0;
    }
    if (kr_str_equal_cstr(name, "__dict__")) {
        kr_module_attrs_changed = true;  // whoever holds the dict may change it
        return module_dict(mod);
    }
    if (kr_str_equal_cstr(name, "__class__")) {
        return kr_newref(KR_VAL(&kr_module_type));
    }
    return no_attribute(mod, name);
}

bool kr_module_attrs_changed;

static int module_setattr(kr_val mod, kr_val name, kr_val value) {
    kr_val d = KR_MODULE(mod)->dict;
    kr_module_attrs_changed = true;
    int i = slot_index(mod, name);
    if (i >= 0) {
        const kr_module_def *def = KR_MODULE(mod)->def;
        kr_val *slot = def->slots[i].slot;
        if (!value && !*slot) {
            kr_err_set(&kr_exc_AttributeError, "module '%s' has no attribute '%s'",
                       kr_str_data(KR_MODULE(mod)->name), kr_str_data(name));
            return -1;
        }
        if (value && def->check && !def->check(i, value)) {
            kr_err_set(&kr_exc_TypeError, "krait: module '%s' keeps '%s' as %s; cannot set it "
                       "to a '%s' from outside the module", def->name, def->slots[i].name,
                       kr_type_name(*slot ? *slot : value), kr_type_name(value));
            return -1;
        }
        kr_val old = *slot;
        *slot = value ? kr_newref(value) : 0;
        KR_XDECREF(old);
        return 0;
    }
    if (value) {
        return kr_dict_setitem(d, name, value);
    }
    int has = kr_dict_contains(d, name);
    if (has <= 0) {
        if (has == 0) {
            kr_err_set(&kr_exc_AttributeError, "'module' object has no attribute '%s'",
                       kr_str_data(name));
        }
        return -1;
    }
    return kr_dict_delitem(d, name);
}

static kr_val module_repr(kr_val mod) {
    kr_val key = kr_str_from_cstr("__file__");
    kr_val file = key ? kr_dict_lookup(KR_MODULE(mod)->dict, key) : 0;
    KR_XDECREF(key);
    if (!file && kr_err_occurred()) {
        return 0;
    }
    const char *name = kr_str_data(KR_MODULE(mod)->name);
    if (file && kr_str_check(file)) {
        return kr_str_from_format("<module '%s' from '%s'>", name, kr_str_data(file));
    }
    return kr_str_from_format("<module '%s' (built-in)>", name);
}

static void module_dealloc(kr_obj *o) {
    kr_module_obj *m = (kr_module_obj *)o;
    KR_DECREF(m->name);
    KR_DECREF(m->dict);
}

static void module_traverse(kr_obj *o, kr_visitfunc visit, void *arg) {
    // A program module's globals are static slots, roots of the collector already.
    visit(((kr_module_obj *)o)->dict, arg);
}

kr_type kr_module_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "module",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_module_obj),
    .dealloc = module_dealloc,
    .traverse = module_traverse,
    .repr = module_repr,
    .getattr = module_getattr,
    .setattr = module_setattr,
};

// ---------------------------------------------------------------------------------------------
// Registry of built-in modules

#define MAX_MODULES 64

typedef struct {
    const char *name;
    kr_module_init init;
    kr_val module;  // cached after the first import, 0 before
} registry_entry;

static registry_entry registry[MAX_MODULES] = {
    { "sys", kr_sysmodule_init, 0 },
    { "math", kr_mathmodule_init, 0 },
    { "itertools", kr_itertoolsmodule_init, 0 },
    { "csv", kr_csvmodule_init, 0 },
    { "os", kr_osmodule_init, 0 },
    { "os.path", kr_ospathmodule_init, 0 },
    { "gc", kr_gcmodule_init, 0 },
    { "functools", kr_functoolsmodule_init, 0 },
};

static registry_entry *registry_find(const char *name) {
    for (size_t i = 0; i < MAX_MODULES && registry[i].name; i++) {
        if (strcmp(registry[i].name, name) == 0) {
            return &registry[i];
        }
    }
    return NULL;
}

int kr_module_register(const char *name, kr_module_init init) {
    registry_entry *e = registry_find(name);
    if (e) {
        e->init = init;
        return 0;
    }
    for (size_t i = 0; i < MAX_MODULES; i++) {
        if (!registry[i].name) {
            registry[i] = (registry_entry){ name, init, 0 };
            return 0;
        }
    }
    kr_err_no_memory();
    return -1;
}

kr_val kr_import_builtin(const char *name) {
    registry_entry *e = registry_find(name);
    if (!e) {
        return kr_err_set(&kr_exc_ModuleNotFoundError, "No module named '%s'", name);
    }
    if (!e->module) {
        e->module = e->init();
        if (!e->module) {
            return 0;
        }
    }
    return kr_newref(e->module);
}

// ---------------------------------------------------------------------------------------------
// Modules of the program

typedef struct {
    const kr_module_def *def;
    kr_val module;  // while it is being imported and after, 0 before (and after a failure)
    size_t order;   // when its import started (sys.modules' order)
} program_entry;

static program_entry *program;
static size_t nprogram;
static size_t nimports;

void kr_program_modules(const kr_module_def *const *defs, size_t n) {
    program = kr_alloc(sizeof *program * (n ? n : 1));
    if (!program) {
        return;  // MemoryError pending: the script's first import of a module fails
    }
    for (size_t i = 0; i < n; i++) {
        program[i].def = defs[i];
    }
    nprogram = n;
}

static program_entry *program_find(const char *name) {
    for (size_t i = 0; i < nprogram; i++) {
        if (strcmp(program[i].def->name, name) == 0) {
            return &program[i];
        }
    }
    return NULL;
}

// The module object of program module 'def', before its body runs: __name__, __file__,
// __package__ (and __path__ for a package, as a list of its directory).
static kr_val program_module_new(const kr_module_def *def) {
    kr_val m = kr_module_new(def->name);
    if (!m) {
        return 0;
    }
    KR_MODULE(m)->def = def;
    const char *dot = strrchr(def->name, '.');
    int rc = kr_module_add_str(m, "__file__", def->file);
    if (rc == 0 && def->is_package) {
        rc = kr_module_add_str(m, "__package__", def->name);
    } else if (rc == 0) {
        kr_val pkg = dot ? kr_str_from_utf8(def->name, (size_t)(dot - def->name))
                         : kr_str_from_cstr("");
        rc = kr_module_add_steal(m, "__package__", pkg);
    }
    if (rc < 0) {
        KR_DECREF(m);
        return 0;
    }
    return m;
}

// Imports program module 'e' (its parent package already imported: 'parent', or 0).
static kr_val import_program(program_entry *e, kr_val parent) {
    kr_val m = program_module_new(e->def);
    if (!m) {
        return 0;
    }
    e->module = m;  // the registry's reference: visible to imports from its body
    e->order = ++nimports;
    KR_MODULE(m)->initializing = true;
    kr_val r = e->def->exec();
    KR_MODULE(m)->initializing = false;
    if (!r) {
        e->module = 0;  // CPython removes a failed module from sys.modules
        KR_DECREF(m);
        return 0;
    }
    KR_DECREF(r);
    if (parent) {
        const char *last = strrchr(e->def->name, '.') + 1;
        kr_val key = kr_str_from_cstr(last);
        int rc = key ? kr_setattr(parent, key, m) : -1;
        KR_XDECREF(key);
        if (rc < 0) {
            return 0;
        }
    }
    return kr_newref(m);
}

// `import a.b` of a name that is no module of the program nor a built-in one: the parent is
// imported first (its own error wins), then ModuleNotFoundError as CPython words it.
static kr_val import_missing_child(const char *name, const char *dot) {
    kr_val pname = kr_str_from_utf8(name, (size_t)(dot - name));
    kr_val parent = pname ? kr_import(kr_str_data(pname)) : 0;
    if (!parent) {
        KR_XDECREF(pname);
        return 0;
    }
    bool pkg = KR_MODULE(parent)->def && KR_MODULE(parent)->def->is_package;
    KR_DECREF(parent);
    kr_err_set(&kr_exc_ModuleNotFoundError, pkg ? "No module named '%s'"
                                                : "No module named '%s'; '%s' is not a package",
               name, kr_str_data(pname));
    KR_DECREF(pname);
    return 0;
}

kr_val kr_import(const char *name) {
    program_entry *e = program_find(name);
    const char *dot = strrchr(name, '.');
    if (!e && dot && !registry_find(name)) {
        return import_missing_child(name, dot);
    }
    if (!e) {
        return kr_import_builtin(name);
    }
    if (e->module) {
        return kr_newref(e->module);
    }
    kr_val parent = 0;
    if (dot) {
        kr_val pname = kr_str_from_utf8(name, (size_t)(dot - name));
        parent = pname ? kr_import(kr_str_data(pname)) : 0;
        KR_XDECREF(pname);
        if (!parent) {
            return 0;
        }
        if (e->module) {  // the parent's body imported it
            KR_DECREF(parent);
            return kr_newref(e->module);
        }
    }
    kr_val m = import_program(e, parent);
    KR_XDECREF(parent);
    return m;
}

kr_val kr_import_from(kr_val mod, const char *name) {
    kr_val v = kr_getattr_cstr(mod, name);
    if (v || !kr_err_matches(&kr_exc_AttributeError)) {
        return v;
    }
    kr_err_clear();
    const char *modname = kr_module_check(mod) ? kr_str_data(KR_MODULE(mod)->name) : "?";
    kr_val full = kr_str_from_format("%s.%s", modname, name);
    if (!full) {
        return 0;
    }
    program_entry *e = program_find(kr_str_data(full));
    KR_DECREF(full);
    bool pkg = kr_module_check(mod) && KR_MODULE(mod)->def && KR_MODULE(mod)->def->is_package;
    if (e && pkg) {
        return kr_import(e->def->name);  // a submodule: `from pkg import sub`
    }
    const char *file = kr_module_check(mod) && KR_MODULE(mod)->def ? KR_MODULE(mod)->def->file
                                                                    : NULL;
    char where[4096];
    snprintf(where, sizeof where, "%s", file ? file : "unknown location");
    if (kr_module_check(mod) && KR_MODULE(mod)->initializing) {
        return kr_err_set(&kr_exc_ImportError,
                          "cannot import name '%s' from partially initialized module '%s' "
                          "(most likely due to a circular import) (%s)", name, modname, where);
    }
    return kr_err_set(&kr_exc_ImportError, "cannot import name '%s' from '%s' (%s)", name,
                      modname, where);
}

int kr_module_unbound(kr_val mod, const char *name) {
    kr_val v = kr_getattr_cstr(mod, name);
    if (v) {  // not a global of 'mod' after all: a krait bug
        KR_DECREF(v);
        kr_err_set(&kr_exc_SystemError, "krait: module global '%s' is bound", name);
    }
    return -1;
}

// ---------------------------------------------------------------------------------------------
// Shutdown

// Objects whose __del__ kr_program_exit already ran: it does not run again when they die.
static kr_obj **finalized;
static size_t nfinalized, finalized_cap;

bool kr_exit_finalized(kr_obj *o) {
    for (size_t i = 0; i < nfinalized; i++) {
        if (finalized[i] == o) {
            finalized[i] = finalized[--nfinalized];
            return true;
        }
    }
    return false;
}

static void finalize_global(kr_val v) {
    if (!KR_IS_PTR(v) || !KR_OBJ(v)->type->finalize) {
        return;
    }
    kr_obj *o = KR_OBJ(v);
    for (size_t i = 0; i < nfinalized; i++) {
        if (finalized[i] == o) {
            return;  // bound to two globals: finalized once
        }
    }
    if (nfinalized == finalized_cap) {
        size_t cap = finalized_cap ? finalized_cap * 2 : 16;
        kr_obj **grown = kr_alloc(sizeof *grown * cap);
        if (!grown) {
            kr_err_clear();
            return;
        }
        if (nfinalized) {
            memcpy(grown, finalized, sizeof *grown * nfinalized);
        }
        finalized = grown;
        finalized_cap = cap;
    }
    finalized[nfinalized++] = o;
    kr_val saved = kr_err_fetch();
    KR_INCREF(v);
    o->type->finalize(o);
    kr_err_clear();
    kr_err_restore(saved);
    KR_DECREF(v);
}

// CPython's shutdown as observed: the module's globals whose objects have a finalizer have it
// run, in the order the globals were first bound; then every global is released in that order
// (a list releasing its items last first).
static void clear_globals(const kr_module_slot *slots) {
    for (const kr_module_slot *s = slots; s->name; s++) {
        if (*s->slot) {
            finalize_global(*s->slot);
        }
    }
    for (const kr_module_slot *s = slots; s->name; s++) {
        kr_val v = *s->slot;
        *s->slot = 0;
        KR_XDECREF(v);
        kr_err_clear();
    }
}

int kr_program_exit(int status, const kr_module_slot *main_slots) {
    if (!main_slots) {
        return status;  // no finalizer of the program can tell
    }
    fflush(stdout);
    clear_globals(main_slots);
    // Then the imported modules, the last imported first.
    for (size_t n = nimports; n > 0; n--) {
        for (size_t i = 0; i < nprogram; i++) {
            if (program[i].module && program[i].order == n) {
                clear_globals(program[i].def->slots);
            }
        }
    }
    return status;
}
