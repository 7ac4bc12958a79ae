// functoolsmodule.c: the functools module, as much of it as compiled programs use: wraps
// (update_wrapper's copying of __module__, __name__, __qualname__, __doc__ and __dict__, and
// __wrapped__) and reduce, with CPython's behaviour and messages.
#include "krait.h"

static const char *const wrapper_assignments[] = {"__module__", "__name__", "__qualname__",
                                                  "__doc__"};

// wrapper.<name> = wrapped.<name>, skipped when 'wrapped' lacks it (as update_wrapper does).
static int copy_attr(kr_val wrapper, kr_val wrapped, const char *name) {
    kr_val v = kr_getattr_cstr(wrapped, name);
    if (!v) {
        if (!kr_err_matches(&kr_exc_AttributeError)) {
            return -1;
        }
        kr_err_clear();
        return 0;
    }
    kr_val key = kr_str_from_cstr(name);
    int r = key ? kr_setattr(wrapper, key, v) : -1;
    KR_XDECREF(key);
    KR_DECREF(v);
    return r;
}

static int update_dict(kr_val wrapper, kr_val wrapped) {
    kr_val src = kr_getattr_cstr(wrapped, "__dict__");
    if (!src) {
        if (!kr_err_matches(&kr_exc_AttributeError)) {
            return -1;
        }
        kr_err_clear();
        return 0;
    }
    kr_val dst = kr_getattr_cstr(wrapper, "__dict__");
    int r = dst ? kr_dict_update(dst, src) : -1;
    KR_XDECREF(dst);
    KR_DECREF(src);
    return r;
}

// functools.update_wrapper(wrapper, wrapped): returns 'wrapper' (new reference).
static kr_val update_wrapper(kr_val wrapper, kr_val wrapped) {
    size_t n = sizeof wrapper_assignments / sizeof wrapper_assignments[0];
    for (size_t i = 0; i < n; i++) {
        if (copy_attr(wrapper, wrapped, wrapper_assignments[i]) < 0) {
            return 0;
        }
    }
    kr_val key = kr_str_from_cstr("__wrapped__");
    int r = key && update_dict(wrapper, wrapped) == 0 ? kr_setattr(wrapper, key, wrapped) : -1;
    KR_XDECREF(key);
    return r < 0 ? 0 : kr_newref(wrapper);
}

// The decorator wraps(wrapped) returns: 'self' is 'wrapped'.
static kr_val decorating_function(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    if (nargs != 1 || (kw && KR_TUPLE_LEN(kw))) {
        return kr_err_set(&kr_exc_TypeError,
                          "update_wrapper() takes exactly one positional argument here");
    }
    return update_wrapper(args[0], self);
}

static kr_val fn_wraps(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    if (nargs != 1 || (kw && KR_TUPLE_LEN(kw))) {
        return kr_err_set(&kr_exc_TypeError, "wraps() takes exactly one argument (%zu given)",
                          nargs);
    }
    return kr_cfunction_new("decorating_function", decorating_function, args[0]);
}

// reduce(function, iterable[, initial]).
static kr_val fn_reduce(kr_val self, const kr_val *args, size_t nargs, kr_val kw) {
    (void)self;
    if (nargs < 2 || nargs > 3 || (kw && KR_TUPLE_LEN(kw))) {
        return kr_err_set(&kr_exc_TypeError, "reduce expected 2 or 3 arguments, got %zu", nargs);
    }
    kr_val it = kr_iter(args[1]);
    if (!it) {
        return 0;
    }
    kr_val acc = nargs == 3 ? kr_newref(args[2]) : 0, item;
    while ((item = kr_next(it)) != 0) {
        if (!acc) {
            acc = item;
            continue;
        }
        kr_val pair[2] = {acc, item};
        kr_val r = kr_call(args[0], pair, 2, 0);
        KR_DECREF(acc);
        KR_DECREF(item);
        if (!(acc = r)) {
            break;
        }
    }
    KR_DECREF(it);
    if (kr_err_occurred()) {
        KR_XDECREF(acc);
        return 0;
    }
    if (!acc) {
        return kr_err_set(&kr_exc_TypeError, "reduce() of empty iterable with no initial value");
    }
    return acc;
}

kr_val kr_functoolsmodule_init(void) {
    kr_val m = kr_module_new("functools");
    if (m && (kr_module_add_cfunc(m, "wraps", fn_wraps) < 0
              || kr_module_add_cfunc(m, "reduce", fn_reduce) < 0)) {
        KR_CLEAR(m);
    }
    return m;
}
