// func.c: Python function objects, argument binding, cells, bound methods and the descriptor
// types staticmethod, classmethod and property, plus the descriptor protocol (__get__,
// __set__, __delete__) that attribute lookup applies to them.
//
// Compiled code calls a function's native entry directly when it knows the callee; everything
// else goes through the function object's boxed entry, which binds its vector of arguments
// with kr_bind_args. kr_bind_args follows CPython 3.13's initialize_locals step by step
// (positional copy, *args, keywords, too many positionals, missing positionals and defaults,
// keyword-only defaults), so the TypeErrors come in the same order with the same text.
#include "krait.h"

#include <stdio.h>
#include <string.h>

// ---------------------------------------------------------------------------------------------
// Argument binding

static bool str_equals_cstr(kr_val s, const char *c) {
    size_t n = strlen(c);
    return (size_t)kr_str_nbytes(s) == n && memcmp(kr_str_data(s), c, n) == 0;
}

void kr_bind_release(const kr_sig *sig, kr_val *out) {
    size_t n = kr_sig_nslots(sig);
    for (size_t i = 0; i < n; i++) {
        KR_CLEAR(out[i]);
    }
}

// "'a'", "'a' and 'b'", "'a', 'b', and 'c'", as CPython's format_missing joins names.
static void join_missing(char *buf, size_t size, const char *const *names, size_t n) {
    size_t k = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && k < size; i++) {
        const char *sep = i == 0 ? "" : n == 2 ? " and " : i + 1 == n ? ", and " : ", ";
        k += (size_t)snprintf(buf + k, size - k, "%s'%s'", sep, names[i]);
    }
}

// "f() missing 2 required positional arguments: 'a' and 'b'" for the empty slots of
// 'out[start..end)'.
static int missing_arguments(const kr_sig *sig, const kr_val *out, size_t start, size_t end,
                             const char *kind) {
    const char *missing[64];
    size_t n = 0;
    for (size_t i = start; i < end && n < 64; i++) {
        if (!out[i]) {
            missing[n++] = sig->names[i];
        }
    }
    char names[1024];
    join_missing(names, sizeof names, missing, n);
    kr_err_set(&kr_exc_TypeError, "%s() missing %zu required %s argument%s: %s", sig->qualname,
               n, kind, n == 1 ? "" : "s", names);
    return -1;
}

static int too_many_positional(const kr_sig *sig, const kr_val *out, size_t given,
                               size_t ndefaults) {
    size_t kwonly_given = 0;
    for (size_t i = sig->npos; i < (size_t)sig->npos + sig->nkwonly; i++) {
        kwonly_given += out[i] != 0;
    }
    char count[64], kwonly[128] = "";
    bool plural = ndefaults > 0 || sig->npos != 1;
    if (ndefaults > 0) {
        snprintf(count, sizeof count, "from %zu to %u", sig->npos - ndefaults, sig->npos);
    } else {
        snprintf(count, sizeof count, "%u", sig->npos);
    }
    if (kwonly_given) {
        snprintf(kwonly, sizeof kwonly, " positional argument%s (and %zu keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    }
    kr_err_set(&kr_exc_TypeError, "%s() takes %s positional argument%s but %zu%s %s given",
               sig->qualname, count, plural ? "s" : "", given, kwonly,
               given == 1 && !kwonly_given ? "was" : "were");
    return -1;
}

// A keyword that matches no parameter: positional-only names passed by keyword get their own
// message (CPython's positional_only_passed_as_keyword), any other the "unexpected" one.
static int unexpected_keyword(const kr_sig *sig, kr_val kwnames, kr_val keyword) {
    char names[1024] = "";
    size_t k = 0;
    for (size_t i = 0; i < sig->nposonly; i++) {
        for (intptr_t j = 0; j < KR_TUPLE_LEN(kwnames); j++) {
            if (str_equals_cstr(KR_TUPLE_ITEMS(kwnames)[j], sig->names[i]) && k < sizeof names) {
                k += (size_t)snprintf(names + k, sizeof names - k, "%s%s", k ? ", " : "",
                                      sig->names[i]);
                break;
            }
        }
    }
    if (k > 0) {
        kr_err_set(&kr_exc_TypeError, "%s() got some positional-only arguments passed as "
                   "keyword arguments: '%s'", sig->qualname, names);
    } else {
        kr_err_set(&kr_exc_TypeError, "%s() got an unexpected keyword argument '%s'",
                   sig->qualname, kr_str_data(keyword));
    }
    return -1;
}

static int find_keyword(const kr_sig *sig, kr_val keyword) {
    size_t total = (size_t)sig->npos + sig->nkwonly;
    for (size_t j = sig->nposonly; j < total; j++) {
        if (str_equals_cstr(keyword, sig->names[j])) {
            return (int)j;
        }
    }
    return -1;
}

static int bind_keywords(const kr_sig *sig, const kr_val *values, kr_val kwnames, kr_val *out,
                         kr_val kwdict) {
    for (intptr_t k = 0; kwnames && k < KR_TUPLE_LEN(kwnames); k++) {
        kr_val keyword = KR_TUPLE_ITEMS(kwnames)[k];
        int j = find_keyword(sig, keyword);
        if (j < 0) {
            if (!kwdict) {
                return unexpected_keyword(sig, kwnames, keyword);
            }
            if (kr_dict_setitem(kwdict, keyword, values[k]) < 0) {
                return -1;
            }
            continue;
        }
        if (out[j]) {
            kr_err_set(&kr_exc_TypeError, "%s() got multiple values for argument '%s'",
                       sig->qualname, kr_str_data(keyword));
            return -1;
        }
        out[j] = kr_newref(values[k]);
    }
    return 0;
}

static int fill_positional_defaults(const kr_sig *sig, size_t nargs, kr_val defaults,
                                    kr_val *out) {
    size_t ndef = defaults ? (size_t)KR_TUPLE_LEN(defaults) : 0;
    size_t m = sig->npos - ndef;
    for (size_t i = nargs; i < m; i++) {
        if (!out[i]) {
            return missing_arguments(sig, out, 0, m, "positional");
        }
    }
    for (size_t i = m; i < sig->npos; i++) {
        if (!out[i]) {
            out[i] = kr_newref(KR_TUPLE_ITEMS(defaults)[i - m]);
        }
    }
    return 0;
}

static int fill_kwonly_defaults(const kr_sig *sig, kr_val kwdefaults, kr_val *out) {
    size_t start = sig->npos, end = start + sig->nkwonly;
    bool missing = false;
    for (size_t i = start; i < end; i++) {
        if (out[i]) {
            continue;
        }
        kr_val d = 0;
        if (kwdefaults) {
            kr_val name = kr_str_from_cstr(sig->names[i]);
            if (!name) {
                return -1;
            }
            d = kr_dict_lookup(kwdefaults, name);
            KR_DECREF(name);
            if (!d && kr_err_occurred()) {
                return -1;
            }
        }
        if (d) {
            out[i] = kr_newref(d);
        } else {
            missing = true;
        }
    }
    return missing ? missing_arguments(sig, out, start, end, "keyword-only") : 0;
}

int kr_bind_args(const kr_sig *sig, const kr_val *args, size_t nargs, kr_val kwnames,
                 kr_val defaults, kr_val kwdefaults, kr_val *out) {
    if (!kwnames && nargs == sig->npos && !sig->nkwonly && !sig->varargs && !sig->varkw) {
        for (size_t i = 0; i < nargs; i++) {  // the common call: exactly the parameters
            out[i] = kr_newref(args[i]);
        }
        return 0;
    }
    size_t total = (size_t)sig->npos + sig->nkwonly;
    memset(out, 0, kr_sig_nslots(sig) * sizeof *out);
    defaults = defaults == KR_NONE ? 0 : defaults;
    kwdefaults = kwdefaults == KR_NONE ? 0 : kwdefaults;
    kr_val *kwdict = sig->varkw ? &out[total + sig->varargs] : NULL;
    if (kwdict && !(*kwdict = kr_dict_new())) {
        return -1;
    }
    size_t n = nargs < sig->npos ? nargs : sig->npos;
    for (size_t i = 0; i < n; i++) {
        out[i] = kr_newref(args[i]);
    }
    if (sig->varargs && !(out[total] = nargs > n ? kr_tuple_from_array(args + n,
                                                                        (intptr_t)(nargs - n))
                                                  : kr_tuple_new(0))) {
        goto fail;
    }
    const kr_val *kwvalues = kwnames ? args + nargs : NULL;
    if (bind_keywords(sig, kwvalues, kwnames, out, kwdict ? *kwdict : 0) < 0) {
        goto fail;
    }
    if (nargs > sig->npos && !sig->varargs) {
        too_many_positional(sig, out, nargs, defaults ? (size_t)KR_TUPLE_LEN(defaults) : 0);
        goto fail;
    }
    if (fill_positional_defaults(sig, nargs, defaults, out) < 0
        || fill_kwonly_defaults(sig, kwdefaults, out) < 0) {
        goto fail;
    }
    return 0;
fail:
    kr_bind_release(sig, out);
    return -1;
}

// ---------------------------------------------------------------------------------------------
// Shared helpers for the attribute slots of this file's types

static kr_val or_none(kr_val v) { return kr_newref(v ? v : KR_NONE); }

static kr_val lazy_dict(kr_val *slot) {
    if (!*slot && !(*slot = kr_dict_new())) {
        return 0;
    }
    return *slot;
}

// Looks 'name' up in an object's own __dict__ ('dict' may be 0): a new reference or 0.
static kr_val dict_get(kr_val dict, kr_val name) {
    kr_val v = dict ? kr_dict_lookup(dict, name) : 0;
    return v ? kr_newref(v) : 0;
}

static int dict_set(kr_val *slot, kr_val obj, kr_val name, kr_val value) {
    if (!value) {
        if (*slot) {
            int has = kr_dict_contains(*slot, name);
            if (has > 0) {
                return kr_dict_delitem(*slot, name);
            }
            if (has < 0) {
                return -1;
            }
        }
        kr_err_set(&kr_exc_AttributeError, "'%s' object has no attribute '%s'",
                   kr_type_name(obj), kr_str_data(name));
        return -1;
    }
    kr_val d = lazy_dict(slot);
    return d ? kr_dict_setitem(d, name, value) : -1;
}

static kr_val set_type_error(const char *what, const char *type) {
    return kr_err_set(&kr_exc_TypeError, "%s must be set to a %s object", what, type);
}

// ---------------------------------------------------------------------------------------------
// function

kr_val kr_function_new(const kr_sig *sig, kr_boxedfunc boxed, const char *name,
                       const char *qualname, kr_val module) {
    kr_function_obj *f = (kr_function_obj *)kr_obj_new(&kr_function_type, sizeof *f);
    if (!f) {
        return 0;
    }
    f->sig = sig;
    f->boxed = boxed;
    f->module = module && module != KR_NONE ? kr_newref(module) : 0;
    if (!(f->name = kr_str_from_cstr(name)) || !(f->qualname = kr_str_from_cstr(qualname))) {
        KR_DECREF(f);
        return 0;
    }
    return KR_VAL(f);
}

static void set_optional(kr_val *slot, kr_val v) {
    KR_SETREF(*slot, v && v != KR_NONE ? kr_newref(v) : 0);
}

void kr_function_set_defaults(kr_val fn, kr_val v) { set_optional(&KR_FUNCTION(fn)->defaults, v); }
void kr_function_set_kwdefaults(kr_val fn, kr_val v) {
    set_optional(&KR_FUNCTION(fn)->kwdefaults, v);
}
void kr_function_set_closure(kr_val fn, kr_val v) { set_optional(&KR_FUNCTION(fn)->closure, v); }
void kr_function_set_doc(kr_val fn, kr_val v) { set_optional(&KR_FUNCTION(fn)->doc, v); }
void kr_function_set_annotations(kr_val fn, kr_val v) {
    set_optional(&KR_FUNCTION(fn)->annotations, v);
}

static void function_dealloc(kr_obj *o) {
    kr_function_obj *f = (kr_function_obj *)o;
    KR_XDECREF(f->name);
    KR_XDECREF(f->qualname);
    KR_XDECREF(f->module);
    KR_XDECREF(f->doc);
    KR_XDECREF(f->defaults);
    KR_XDECREF(f->kwdefaults);
    KR_XDECREF(f->closure);
    KR_XDECREF(f->annotations);
    KR_XDECREF(f->dict);
}

static void function_traverse(kr_obj *o, kr_visitfunc visit, void *arg) {
    kr_function_obj *f = (kr_function_obj *)o;
    kr_val fields[] = { f->defaults, f->kwdefaults, f->closure, f->annotations, f->dict };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (fields[i]) {
            visit(fields[i], arg);
        }
    }
}

static kr_val function_call(kr_val fn, const kr_val *args, size_t nargs, kr_val kwnames) {
    return KR_FUNCTION(fn)->boxed(fn, args, nargs, kwnames);
}

static kr_val function_repr(kr_val fn) {
    char buf[512];
    snprintf(buf, sizeof buf, "<function %s at %p>", kr_str_data(KR_FUNCTION(fn)->qualname),
             (void *)fn);
    return kr_str_from_cstr(buf);
}

static kr_val function_getattr(kr_val fn, kr_val name) {
    kr_function_obj *f = KR_FUNCTION(fn);
    const char *s = kr_str_data(name);
    kr_val *plain[] = { &f->name, &f->qualname, &f->module, &f->doc, &f->defaults,
                        &f->kwdefaults, &f->closure };
    static const char *const names[] = { "__name__", "__qualname__", "__module__", "__doc__",
                                         "__defaults__", "__kwdefaults__", "__closure__" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(s, names[i]) == 0) {
            return or_none(*plain[i]);
        }
    }
    if (strcmp(s, "__annotations__") == 0 || strcmp(s, "__dict__") == 0) {
        kr_val d = lazy_dict(s[2] == 'a' ? &f->annotations : &f->dict);
        return d ? kr_newref(d) : 0;
    }
    if (strcmp(s, "__class__") == 0) {
        return kr_newref(KR_VAL(&kr_function_type));
    }
    kr_val v = dict_get(f->dict, name);
    return v ? v : kr_generic_getattr(fn, name);
}

static int set_str_field(kr_val *slot, kr_val value, const char *what) {
    if (!value || !kr_str_check(value)) {
        set_type_error(what, "string");
        return -1;
    }
    KR_SETREF(*slot, kr_newref(value));
    return 0;
}

static int set_typed_field(kr_val *slot, kr_val value, const kr_type *type, const char *what) {
    if (value && value != KR_NONE && !kr_isinstance_type(value, type)) {
        set_type_error(what, type == &kr_dict_type ? "dict" : type->name);
        return -1;
    }
    set_optional(slot, value);
    return 0;
}

static int function_set_dict(kr_function_obj *f, kr_val value) {
    if (!value || !kr_dict_check(value)) {
        kr_err_set(&kr_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                   value ? kr_type_name(value) : "NoneType");
        return -1;
    }
    KR_SETREF(f->dict, kr_newref(value));
    return 0;
}

static int function_setattr(kr_val fn, kr_val name, kr_val value) {
    kr_function_obj *f = KR_FUNCTION(fn);
    const char *s = kr_str_data(name);
    if (strcmp(s, "__name__") == 0) {
        return set_str_field(&f->name, value, "__name__");
    }
    if (strcmp(s, "__qualname__") == 0) {
        return set_str_field(&f->qualname, value, "__qualname__");
    }
    if (strcmp(s, "__doc__") == 0 || strcmp(s, "__module__") == 0) {
        set_optional(s[2] == 'd' ? &f->doc : &f->module, value);
        return 0;
    }
    if (strcmp(s, "__defaults__") == 0) {
        return set_typed_field(&f->defaults, value, &kr_tuple_type, "__defaults__");
    }
    if (strcmp(s, "__kwdefaults__") == 0) {
        return set_typed_field(&f->kwdefaults, value, &kr_dict_type, "__kwdefaults__");
    }
    if (strcmp(s, "__annotations__") == 0) {
        return set_typed_field(&f->annotations, value, &kr_dict_type, "__annotations__");
    }
    if (strcmp(s, "__dict__") == 0) {
        return function_set_dict(f, value);
    }
    if (strcmp(s, "__closure__") == 0 || strcmp(s, "__class__") == 0) {
        kr_err_set(&kr_exc_AttributeError, "readonly attribute");
        return -1;
    }
    return dict_set(&f->dict, fn, name, value);
}

kr_type kr_function_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "function",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_function_obj),
    .dealloc = function_dealloc,
    .traverse = function_traverse,
    .repr = function_repr,
    .call = function_call,
    .getattr = function_getattr,
    .setattr = function_setattr,
};

// ---------------------------------------------------------------------------------------------
// cell

kr_val kr_cell_new(kr_val v) {
    kr_cell_obj *c = (kr_cell_obj *)kr_obj_new(&kr_cell_type, sizeof *c);
    if (!c) {
        return 0;
    }
    c->ref = v ? kr_newref(v) : 0;
    return KR_VAL(c);
}

static kr_val cell_unbound(const char *name, bool is_free) {
    if (is_free) {
        return kr_err_set(&kr_exc_NameError, "cannot access free variable '%s' where it is not "
                          "associated with a value in enclosing scope", name);
    }
    return kr_err_set(&kr_exc_UnboundLocalError, "cannot access local variable '%s' where it "
                      "is not associated with a value", name);
}

kr_val kr_cell_get(kr_val cell, const char *name, bool is_free) {
    kr_val v = KR_CELL(cell)->ref;
    return v ? kr_newref(v) : cell_unbound(name, is_free);
}

void kr_cell_set(kr_val cell, kr_val v) {
    KR_SETREF(KR_CELL(cell)->ref, v ? kr_newref(v) : 0);
}

int kr_cell_delete(kr_val cell, const char *name, bool is_free) {
    if (!KR_CELL(cell)->ref) {
        cell_unbound(name, is_free);
        return -1;
    }
    KR_CLEAR(KR_CELL(cell)->ref);
    return 0;
}

static void cell_dealloc(kr_obj *o) { KR_XDECREF(((kr_cell_obj *)o)->ref); }

static kr_val cell_repr(kr_val cell) {
    char buf[256];
    kr_val v = KR_CELL(cell)->ref;
    if (v) {
        snprintf(buf, sizeof buf, "<cell at %p: %s object at %p>", (void *)cell,
                 kr_type_name(v), (void *)v);
    } else {
        snprintf(buf, sizeof buf, "<cell at %p: empty>", (void *)cell);
    }
    return kr_str_from_cstr(buf);
}

static kr_val cell_getattr(kr_val cell, kr_val name) {
    if (strcmp(kr_str_data(name), "cell_contents") == 0) {
        kr_val v = KR_CELL(cell)->ref;
        return v ? kr_newref(v) : kr_err_set(&kr_exc_ValueError, "Cell is empty");
    }
    return kr_generic_getattr(cell, name);
}

static int cell_setattr(kr_val cell, kr_val name, kr_val value) {
    if (strcmp(kr_str_data(name), "cell_contents") == 0) {
        kr_cell_set(cell, value);
        return 0;
    }
    kr_err_set(&kr_exc_AttributeError, "'cell' object has no attribute '%s'", kr_str_data(name));
    return -1;
}

kr_type kr_cell_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "cell",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_cell_obj),
    .dealloc = cell_dealloc,
    .repr = cell_repr,
    .getattr = cell_getattr,
    .setattr = cell_setattr,
};

// ---------------------------------------------------------------------------------------------
// Bound methods

kr_val kr_method_new(kr_val func, kr_val self) {
    kr_method_obj *m = (kr_method_obj *)kr_obj_new(&kr_method_type, sizeof *m);
    if (!m) {
        return 0;
    }
    m->func = kr_newref(func);
    m->self = kr_newref(self);
    return KR_VAL(m);
}

static void method_dealloc(kr_obj *o) {
    KR_DECREF(((kr_method_obj *)o)->func);
    KR_DECREF(((kr_method_obj *)o)->self);
}

kr_val kr_call_with_self(kr_val func, kr_val self, const kr_val *args, size_t nargs,
                         kr_val kwnames) {
    size_t total = nargs + (kwnames ? (size_t)KR_TUPLE_LEN(kwnames) : 0);
    kr_val small[8];
    kr_val *vec = total < 8 ? small : kr_alloc((total + 1) * sizeof(kr_val));
    if (!vec) {
        return 0;
    }
    vec[0] = self;
    if (total) {
        memcpy(vec + 1, args, total * sizeof(kr_val));
    }
    kr_val r = kr_function_check(func) ? KR_FUNCTION(func)->boxed(func, vec, nargs + 1, kwnames)
                                       : kr_call(func, vec, nargs + 1, kwnames);
    if (vec != small) {
        kr_free(vec);
    }
    return r;
}

static kr_val method_call(kr_val m, const kr_val *args, size_t nargs, kr_val kwnames) {
    return kr_call_with_self(KR_METHOD(m)->func, KR_METHOD(m)->self, args, nargs, kwnames);
}

// The function's __qualname__ (else __name__, else "?") as a new str.
static kr_val func_display_name(kr_val func) {
    static const char *const attrs[] = { "__qualname__", "__name__" };
    for (int i = 0; i < 2; i++) {
        kr_val n = kr_getattr_cstr(func, attrs[i]);
        if (n && kr_str_check(n)) {
            return n;
        }
        KR_XDECREF(n);
        if (!kr_err_matches(&kr_exc_AttributeError)) {
            return 0;
        }
        kr_err_clear();
    }
    return kr_str_from_cstr("?");
}

static kr_val method_repr(kr_val m) {
    kr_val name = func_display_name(KR_METHOD(m)->func);
    if (!name) {
        return 0;
    }
    kr_reprbuf b = { 0 };
    int rc = kr_reprbuf_cstr(&b, "<bound method ");
    rc = rc ? rc : kr_reprbuf_cstr(&b, kr_str_data(name));
    rc = rc ? rc : kr_reprbuf_cstr(&b, " of ");
    rc = rc ? rc : kr_reprbuf_repr(&b, KR_METHOD(m)->self);
    rc = rc ? rc : kr_reprbuf_cstr(&b, ">");
    KR_DECREF(name);
    if (rc) {
        kr_reprbuf_free(&b);
        return 0;
    }
    return kr_reprbuf_finish(&b);
}

static kr_val method_richcompare(kr_val a, kr_val b, int op) {
    if ((op != KR_EQ && op != KR_NE) || KR_TYPE(b) != &kr_method_type) {
        return KR_NOTIMPLEMENTED;
    }
    int eq = KR_METHOD(a)->self == KR_METHOD(b)->self;
    if (eq) {
        eq = kr_eq(KR_METHOD(a)->func, KR_METHOD(b)->func);
        if (eq < 0) {
            return 0;
        }
    }
    return kr_bool((eq != 0) == (op == KR_EQ));
}

static intptr_t method_hash(kr_val m) {
    intptr_t y = kr_hash(KR_METHOD(m)->func);
    if (y == -1) {
        return -1;
    }
    intptr_t x = kr_hash_pointer((void *)KR_METHOD(m)->self) ^ y;
    return x == -1 ? -2 : x;
}

static kr_val method_getattr(kr_val m, kr_val name) {
    const char *s = kr_str_data(name);
    if (strcmp(s, "__self__") == 0) {
        return kr_newref(KR_METHOD(m)->self);
    }
    if (strcmp(s, "__func__") == 0) {
        return kr_newref(KR_METHOD(m)->func);
    }
    if (strcmp(s, "__class__") == 0) {
        return kr_newref(KR_VAL(&kr_method_type));
    }
    kr_val r = kr_getattr(KR_METHOD(m)->func, name);
    if (!r && kr_err_matches(&kr_exc_AttributeError)) {
        kr_err_clear();
        return kr_err_set(&kr_exc_AttributeError, "'method' object has no attribute '%s'", s);
    }
    return r;
}

kr_type kr_method_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "method",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_method_obj),
    .dealloc = method_dealloc,
    .repr = method_repr,
    .hash = method_hash,
    .richcompare = method_richcompare,
    .call = method_call,
    .getattr = method_getattr,
};

// ---------------------------------------------------------------------------------------------
// staticmethod and classmethod

static kr_val wrapper_new(kr_type *type, kr_val callable) {
    kr_wrapper_obj *w = (kr_wrapper_obj *)kr_obj_new(type, sizeof *w);
    if (!w) {
        return 0;
    }
    w->callable = kr_newref(callable);
    return KR_VAL(w);
}

kr_val kr_staticmethod_new(kr_val callable) { return wrapper_new(&kr_staticmethod_type, callable); }
kr_val kr_classmethod_new(kr_val callable) { return wrapper_new(&kr_classmethod_type, callable); }

static void wrapper_dealloc(kr_obj *o) {
    KR_DECREF(((kr_wrapper_obj *)o)->callable);
    KR_XDECREF(((kr_wrapper_obj *)o)->dict);
}

static kr_val wrapper_repr(kr_val w) {
    kr_reprbuf b = { 0 };
    int rc = kr_reprbuf_cstr(&b, "<");
    rc = rc ? rc : kr_reprbuf_cstr(&b, kr_type_name(w));
    rc = rc ? rc : kr_reprbuf_cstr(&b, "(");
    rc = rc ? rc : kr_reprbuf_repr(&b, ((kr_wrapper_obj *)w)->callable);
    rc = rc ? rc : kr_reprbuf_cstr(&b, ")>");
    if (rc) {
        kr_reprbuf_free(&b);
        return 0;
    }
    return kr_reprbuf_finish(&b);
}

// __func__ and __wrapped__, the own __dict__, then the wrapped callable's attributes (as
// staticmethod and classmethod copy __name__, __doc__, ... with functools' rules).
static kr_val wrapper_getattr(kr_val w, kr_val name) {
    kr_wrapper_obj *x = (kr_wrapper_obj *)w;
    const char *s = kr_str_data(name);
    if (strcmp(s, "__func__") == 0 || strcmp(s, "__wrapped__") == 0) {
        return kr_newref(x->callable);
    }
    if (strcmp(s, "__dict__") == 0) {
        kr_val d = lazy_dict(&x->dict);
        return d ? kr_newref(d) : 0;
    }
    kr_val v = dict_get(x->dict, name);
    if (v) {
        return v;
    }
    static const char *const copied[] = { "__name__", "__qualname__", "__doc__", "__module__",
                                          "__annotations__", "__isabstractmethod__" };
    for (size_t i = 0; i < sizeof copied / sizeof copied[0]; i++) {
        if (strcmp(s, copied[i]) == 0) {
            v = kr_getattr(x->callable, name);
            if (v || !kr_err_matches(&kr_exc_AttributeError)) {
                return v;
            }
            kr_err_clear();
            break;
        }
    }
    return kr_err_set(&kr_exc_AttributeError, "'%s' object has no attribute '%s'",
                      kr_type_name(w), s);
}

static int wrapper_setattr(kr_val w, kr_val name, kr_val value) {
    return dict_set(&((kr_wrapper_obj *)w)->dict, w, name, value);
}

static kr_val staticmethod_call(kr_val w, const kr_val *args, size_t nargs, kr_val kwnames) {
    return kr_call(((kr_wrapper_obj *)w)->callable, args, nargs, kwnames);
}

static kr_val wrapper_type_new(const kr_type *t, const kr_val *args, size_t nargs,
                               kr_val kwnames) {
    if (kwnames && KR_TUPLE_LEN(kwnames) > 0) {
        return kr_err_set(&kr_exc_TypeError, "%s() takes no keyword arguments", t->name);
    }
    if (nargs != 1) {
        return kr_err_set(&kr_exc_TypeError, "%s expected 1 argument, got %zu", t->name, nargs);
    }
    return wrapper_new((kr_type *)t, args[0]);
}

kr_type kr_staticmethod_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "staticmethod",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_wrapper_obj),
    .dealloc = wrapper_dealloc,
    .repr = wrapper_repr,
    .call = staticmethod_call,
    .getattr = wrapper_getattr,
    .setattr = wrapper_setattr,
    .new = wrapper_type_new,
};

kr_type kr_classmethod_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "classmethod",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_wrapper_obj),
    .dealloc = wrapper_dealloc,
    .repr = wrapper_repr,
    .getattr = wrapper_getattr,
    .setattr = wrapper_setattr,
    .new = wrapper_type_new,
};

// ---------------------------------------------------------------------------------------------
// property

#define PROP(v) ((kr_property_obj *)(v))

static kr_val opt(kr_val v) { return v && v != KR_NONE ? kr_newref(v) : 0; }

// The docstring of a property without an explicit one is its getter's __doc__.
static kr_val getter_doc(kr_val fget) {
    kr_val d = kr_getattr_cstr(fget, "__doc__");
    if (!d) {
        kr_err_clear();
        return 0;
    }
    if (d == KR_NONE) {
        return 0;
    }
    return d;
}

kr_val kr_property_new(kr_val fget, kr_val fset, kr_val fdel, kr_val doc) {
    kr_property_obj *p = (kr_property_obj *)kr_obj_new(&kr_property_type, sizeof *p);
    if (!p) {
        return 0;
    }
    p->fget = opt(fget);
    p->fset = opt(fset);
    p->fdel = opt(fdel);
    p->doc = opt(doc);
    if (!p->doc && p->fget) {
        p->doc = getter_doc(p->fget);
    }
    return KR_VAL(p);
}

static void property_dealloc(kr_obj *o) {
    kr_property_obj *p = (kr_property_obj *)o;
    KR_XDECREF(p->fget);
    KR_XDECREF(p->fset);
    KR_XDECREF(p->fdel);
    KR_XDECREF(p->doc);
    KR_XDECREF(p->name);
}

// "property 'x' of 'A' object has no setter": the name __set_name__ gave, else the getter's
// __name__ (as CPython's property takes it), else none.
static kr_val property_error(kr_val prop, kr_val obj, const char *what) {
    const kr_type *t = KR_TYPE(obj);
    const char *qual = t->qualname ? t->qualname : t->name;
    kr_val name = PROP(prop)->name ? kr_newref(PROP(prop)->name) : 0;
    if (!name && PROP(prop)->fget) {
        name = kr_getattr_cstr(PROP(prop)->fget, "__name__");
        if (name && !kr_str_check(name)) {
            KR_CLEAR(name);
        }
        kr_err_clear();
    }
    if (name) {
        kr_err_set(&kr_exc_AttributeError, "property '%s' of '%s' object has no %s",
                   kr_str_data(name), qual, what);
        KR_DECREF(name);
        return 0;
    }
    return kr_err_set(&kr_exc_AttributeError, "property of '%s' object has no %s", qual, what);
}

static kr_val property_get(kr_val prop, kr_val obj) {
    if (!PROP(prop)->fget) {
        return property_error(prop, obj, "getter");
    }
    return kr_call(PROP(prop)->fget, &obj, 1, 0);
}

static int property_set(kr_val prop, kr_val obj, kr_val value) {
    kr_val f = value ? PROP(prop)->fset : PROP(prop)->fdel;
    if (!f) {
        property_error(prop, obj, value ? "setter" : "deleter");
        return -1;
    }
    kr_val args[2] = { obj, value };
    kr_val r = kr_call(f, args, value ? 2 : 1, 0);
    if (!r) {
        return -1;
    }
    KR_DECREF(r);
    return 0;
}

// prop.getter(f) / setter(f) / deleter(f): a copy with one accessor replaced ('which' 0..2).
static kr_val property_copy(kr_val prop, int which, const kr_val *args, size_t nargs,
                            kr_val kwnames) {
    static const char *const names[] = { "getter", "setter", "deleter" };
    if (kr_args_check(names[which], nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    kr_property_obj *p = PROP(prop);
    kr_val acc[3] = { p->fget, p->fset, p->fdel };
    acc[which] = args[0];
    // A doc taken from the old getter follows the new getter.
    kr_val doc = which == 0 && p->fget && p->doc ? 0 : p->doc;
    kr_val r = kr_property_new(acc[0], acc[1], acc[2], doc);
    if (r && p->name) {
        PROP(r)->name = kr_newref(p->name);
    }
    return r;
}

static kr_val property_getter(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return property_copy(self, 0, args, nargs, kwnames);
}
static kr_val property_setter(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return property_copy(self, 1, args, nargs, kwnames);
}
static kr_val property_deleter(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    return property_copy(self, 2, args, nargs, kwnames);
}

static kr_val property_set_name(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("__set_name__", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    KR_SETREF(PROP(self)->name, kr_newref(args[1]));
    return kr_none();
}

static kr_val property_dunder_get(kr_val self, const kr_val *args, size_t nargs,
                                  kr_val kwnames) {
    if (kr_args_check("__get__", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    return args[0] == KR_NONE ? kr_newref(self) : property_get(self, args[0]);
}

static kr_val property_dunder_set(kr_val self, const kr_val *args, size_t nargs,
                                  kr_val kwnames) {
    if (kr_args_check("__set__", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    return property_set(self, args[0], args[1]) < 0 ? 0 : kr_none();
}

static const kr_method_def property_methods[] = {
    { "getter", property_getter, 0 },
    { "setter", property_setter, 0 },
    { "deleter", property_deleter, 0 },
    { "__set_name__", property_set_name, 0 },
    { "__get__", property_dunder_get, 0 },
    { "__set__", property_dunder_set, 0 },
    { NULL, NULL, 0 },
};

static kr_val property_getattr(kr_val prop, kr_val name) {
    kr_property_obj *p = PROP(prop);
    const char *s = kr_str_data(name);
    kr_val *fields[] = { &p->fget, &p->fset, &p->fdel, &p->doc };
    static const char *const names[] = { "fget", "fset", "fdel", "__doc__" };
    for (int i = 0; i < 4; i++) {
        if (strcmp(s, names[i]) == 0) {
            return or_none(*fields[i]);
        }
    }
    if (strcmp(s, "__name__") == 0) {
        if (p->name) {
            return kr_newref(p->name);
        }
        if (p->fget) {
            return kr_getattr(p->fget, name);
        }
        return kr_err_set(&kr_exc_AttributeError, "'property' object has no attribute "
                          "'__name__'");
    }
    return kr_generic_getattr(prop, name);
}

static kr_val property_type_new(const kr_type *t, const kr_val *args, size_t nargs,
                                kr_val kwnames) {
    static const char *const names[] = { "fget", "fset", "fdel", "doc" };
    static const kr_sig sig = { "property", names, 0, 4, 0, false, false };
    kr_val defaults = kr_tuple_pack(4, KR_NONE, KR_NONE, KR_NONE, KR_NONE);
    kr_val a[4];
    (void)t;
    if (!defaults) {
        return 0;
    }
    int rc = kr_bind_args(&sig, args, nargs, kwnames, defaults, 0, a);
    KR_DECREF(defaults);
    if (rc < 0) {
        return 0;
    }
    kr_val r = kr_property_new(a[0], a[1], a[2], a[3]);
    kr_bind_release(&sig, a);
    return r;
}

kr_type kr_property_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "property",
    .base = &kr_object_type,
    .basicsize = sizeof(kr_property_obj),
    .flags = KR_TF_BASETYPE,
    .dealloc = property_dealloc,
    .getattr = property_getattr,
    .methods = property_methods,
    .new = property_type_new,
};

// ---------------------------------------------------------------------------------------------
// The descriptor protocol

// The __get__ / __set__ / __delete__ a user class defines for its instances (borrowed), or 0.
static kr_val user_descr_method(kr_val descr, const char *name) {
    const kr_type *t = KR_TYPE(descr);
    if (!kr_type_is_heap(t)) {
        return 0;
    }
    // Immortal names made once, so that the class attribute cache knows them.
    static const char *const texts[] = {"__get__", "__set__", "__delete__"};
    static kr_val names[3];
    int i = name[2] == 'g' ? 0 : name[2] == 's' ? 1 : 2;
    if (!names[i]) {
        kr_val n = kr_str_from_cstr(texts[i]);
        if (!n) {
            kr_err_clear();
            return 0;
        }
        KR_OBJ(n)->rc = KR_RC_IMMORTAL;
        names[i] = n;
    }
    return kr_class_lookup_user(t, names[i]);
}

static kr_val bind_cfunction(kr_val descr, kr_val obj, kr_val type) {
    kr_cfunction_obj *c = (kr_cfunction_obj *)descr;
    if (!c->unbound || !obj) {
        return kr_newref(descr);
    }
    (void)type;
    return kr_cfunction_new(c->name, c->fn, obj);
}

static kr_val user_descr_get(kr_val descr, kr_val get, kr_val obj, kr_val type) {
    kr_val args[3] = { descr, obj ? obj : KR_NONE, type };
    return kr_call(get, args, 3, 0);
}

kr_val kr_descr_get(kr_val descr, kr_val obj, kr_val type) {
    const kr_type *t = KR_TYPE(descr);
    if (t == &kr_function_type) {
        return obj ? kr_method_new(descr, obj) : kr_newref(descr);
    }
    if (t == &kr_staticmethod_type) {
        return kr_newref(((kr_wrapper_obj *)descr)->callable);
    }
    if (t == &kr_classmethod_type) {
        return kr_method_new(((kr_wrapper_obj *)descr)->callable, type);
    }
    if (t == &kr_property_type) {
        return obj ? property_get(descr, obj) : kr_newref(descr);
    }
    if (t == &kr_cfunction_type) {
        return bind_cfunction(descr, obj, type);
    }
    kr_val get = user_descr_method(descr, "__get__");
    return get ? user_descr_get(descr, get, obj, type) : kr_newref(descr);
}

bool kr_descr_is_data(kr_val descr) {
    const kr_type *t = KR_TYPE(descr);
    if (t == &kr_property_type) {
        return true;
    }
    return user_descr_method(descr, "__set__") || user_descr_method(descr, "__delete__");
}

int kr_descr_set(kr_val descr, kr_val obj, kr_val value) {
    if (KR_TYPE(descr) == &kr_property_type) {
        return property_set(descr, obj, value);
    }
    const char *name = value ? "__set__" : "__delete__";
    kr_val f = user_descr_method(descr, name);
    if (!f) {
        kr_err_set(&kr_exc_AttributeError, "'%s' object has no attribute '%s'",
                   kr_type_name(descr), name);
        return -1;
    }
    kr_val args[3] = { descr, obj, value };
    kr_val r = kr_call(f, args, value ? 3 : 2, 0);
    if (!r) {
        return -1;
    }
    KR_DECREF(r);
    return 0;
}
