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
#include "krait.h"

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
    return kr_module_add_steal(mod, name, kr_cfunction_new(name, fn, 0));
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
    return kr_err_set(&kr_exc_AttributeError, "module '%s' has no attribute '%s'",
                      kr_str_data(KR_MODULE(mod)->name), kr_str_data(name));
}

static kr_val module_getattr(kr_val mod, kr_val name) {
    kr_val v = kr_dict_lookup(KR_MODULE(mod)->dict, name);
    if (v) {
        return kr_newref(v);
    }
    if (kr_err_occurred()) {
        return 0;
    }
    if (kr_str_equal_cstr(name, "__dict__")) {
        kr_module_attrs_changed = true;  // whoever holds the dict may change it
        return kr_newref(KR_MODULE(mod)->dict);
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
