// kr_class.h: Python functions, closures, bound methods, descriptors (func.c) and user classes
// (class.c). Same conventions as krait.h: kr_val results are new references or 0 with a
// pending exception, statuses are 0 / -1, arguments are borrowed unless a comment says
// otherwise.
//
// How compiled code uses this (DESIGN.md §5):
//   * Every Python function has a native entry (a direct C call with typed arguments) and a
//     boxed entry of type kr_boxedfunc. The boxed entry binds its vector of arguments with
//     kr_bind_args against the function's static kr_sig, then calls the native entry.
//     kr_function_new wraps the boxed entry in a function object for first-class use.
//   * Closures: variables captured by inner functions live in cells (kr_cell_new); the
//     function object's 'closure' tuple holds the cells, in the order of co_freevars.
//   * `class` statements: the body fills a dict (from kr_class_prepare), then kr_class_new
//     makes the class, running the metaclass exactly as CPython does. Instances of user
//     classes have a compiled layout: kr_class_set_layout fixes the slots of the attributes
//     the compiler found, kr_instance_slot_get/set access them by index; other attributes go
//     to a __dict__ created on first use (none for classes with __slots__).
#ifndef KR_CLASS_H
#define KR_CLASS_H

// ---------------------------------------------------------------------------------------------
// Argument binding (func.c)

// A function's parameters, as CPython's code object describes them. 'names' lists every
// parameter in CPython's co_varnames order: the 'npos' positional ones (the first 'nposonly'
// of them positional-only), then the 'nkwonly' keyword-only ones, then the *args name (when
// 'varargs'), then the **kwargs name (when 'varkw'). 'qualname' names the function in error
// messages ("A.f", "outer.<locals>.inner"), as CPython uses co_qualname.
typedef struct kr_sig {
    const char *qualname;
    const char *const *names;
    uint16_t nposonly, npos, nkwonly;
    bool varargs, varkw;
} kr_sig;

// Number of slots kr_bind_args fills: one per name in 'names'.
static inline size_t kr_sig_nslots(const kr_sig *s) {
    return (size_t)s->npos + s->nkwonly + s->varargs + s->varkw;
}

// Binds a vector call ('nargs' positional values, then one value per name in 'kwnames') to
// 'sig' with CPython's rules and TypeError messages. 'defaults' is the tuple of defaults of the
// last positional parameters (0 or None when there are none); 'kwdefaults' a dict of defaults
// of keyword-only parameters (0 or None). 'out' receives kr_sig_nslots(sig) new references,
// in the order of sig->names (the *args tuple and **kwargs dict at their positions). On error
// 'out' is left all 0.
KR_MUST_CHECK int kr_bind_args(const kr_sig *sig, const kr_val *args, size_t nargs,
                               kr_val kwnames, kr_val defaults, kr_val kwdefaults, kr_val *out);
// Releases the references kr_bind_args stored in 'out' (0 entries are skipped).
void kr_bind_release(const kr_sig *sig, kr_val *out);

// ---------------------------------------------------------------------------------------------
// Function objects (func.c)

// A boxed entry: 'fn' is the function object being called (for its defaults and closure).
typedef kr_val (*kr_boxedfunc)(kr_val fn, const kr_val *args, size_t nargs, kr_val kwnames);

// A Python function. The kr_val fields are owned; 0 means None (or, for 'dict', not created).
typedef struct kr_function_obj {
    kr_obj ob;
    kr_boxedfunc boxed;
    void *native;       // the native entry, for callers that know the signature; may be NULL
    const kr_sig *sig;  // static
    kr_val name, qualname, module, doc;  // str, str, str or 0, str or 0
    kr_val defaults;     // tuple or 0
    kr_val kwdefaults;   // dict or 0
    kr_val closure;      // tuple of cells or 0
    kr_val annotations;  // dict or 0 (created when first read)
    kr_val dict;         // __dict__ or 0 (created when first needed)
} kr_function_obj;

extern kr_type kr_function_type;
#define KR_FUNCTION(v) ((kr_function_obj *)(v))
static inline bool kr_function_check(kr_val v) {
    return KR_IS_PTR(v) && KR_OBJ(v)->type == &kr_function_type;
}

// New function with the given names ('module' a str or 0 for None). Defaults, closure, doc and
// annotations are set afterwards with the setters below, before the function is used.
KR_MUST_CHECK kr_val kr_function_new(const kr_sig *sig, kr_boxedfunc boxed, const char *name,
                                     const char *qualname, kr_val module);
// Setters taking new references to their argument (0 or None clears).
void kr_function_set_defaults(kr_val fn, kr_val defaults);      // tuple
void kr_function_set_kwdefaults(kr_val fn, kr_val kwdefaults);  // dict
void kr_function_set_closure(kr_val fn, kr_val closure);        // tuple of cells
void kr_function_set_doc(kr_val fn, kr_val doc);
void kr_function_set_annotations(kr_val fn, kr_val annotations);  // dict
// The i-th cell of the closure (borrowed).
static inline kr_val kr_function_cell(kr_val fn, intptr_t i) {
    return KR_TUPLE_ITEMS(KR_FUNCTION(fn)->closure)[i];
}

// ---------------------------------------------------------------------------------------------
// Cells (func.c): a variable shared between a function and the functions nested in it.

typedef struct kr_cell_obj {
    kr_obj ob;
    kr_val ref;  // owned; 0 while the variable is unbound
} kr_cell_obj;

extern kr_type kr_cell_type;
#define KR_CELL(v) ((kr_cell_obj *)(v))

// New cell holding 'v' (0 for an empty cell).
KR_MUST_CHECK kr_val kr_cell_new(kr_val v);
// The value (new reference). An empty cell raises, as CPython does: for a free variable
// ('is_free', read from an inner function) NameError "cannot access free variable 'x' where it
// is not associated with a value in enclosing scope", otherwise (the owning function reads its
// cell variable) UnboundLocalError "cannot access local variable 'x' where it is not
// associated with a value".
KR_MUST_CHECK kr_val kr_cell_get(kr_val cell, const char *name, bool is_free);
// Stores 'v' (borrowed; 0 empties the cell without a check).
void kr_cell_set(kr_val cell, kr_val v);
// `del x` of a cell variable: the same errors as kr_cell_get when the cell is empty.
KR_MUST_CHECK int kr_cell_delete(kr_val cell, const char *name, bool is_free);

// ---------------------------------------------------------------------------------------------
// Bound methods, staticmethod, classmethod, property (func.c)

typedef struct kr_method_obj {
    kr_obj ob;
    kr_val func;  // __func__ (owned)
    kr_val self;  // __self__ (owned)
} kr_method_obj;

// Calls 'func' with 'self' before the arguments of a vector call (a method call without a
// bound-method object); a function is entered through its boxed entry directly.
KR_MUST_CHECK kr_val kr_call_with_self(kr_val func, kr_val self, const kr_val *args,
                                       size_t nargs, kr_val kwnames);

// staticmethod and classmethod: 'callable' is __func__; 'dict' their __dict__ (0 until used).
typedef struct kr_wrapper_obj {
    kr_obj ob;
    kr_val callable;
    kr_val dict;
} kr_wrapper_obj;

// property: the accessors are 0 when None; 'name' is set by __set_name__ (0 until then).
typedef struct kr_property_obj {
    kr_obj ob;
    kr_val fget, fset, fdel, doc, name;
} kr_property_obj;

extern kr_type kr_method_type, kr_staticmethod_type, kr_classmethod_type, kr_property_type;
#define KR_METHOD(v) ((kr_method_obj *)(v))

KR_MUST_CHECK kr_val kr_method_new(kr_val func, kr_val self);
KR_MUST_CHECK kr_val kr_staticmethod_new(kr_val callable);
KR_MUST_CHECK kr_val kr_classmethod_new(kr_val callable);
// property(fget, fset, fdel, doc): each 0 or None when absent.
KR_MUST_CHECK kr_val kr_property_new(kr_val fget, kr_val fset, kr_val fdel, kr_val doc);

// ---------------------------------------------------------------------------------------------
// Descriptors and attribute lookup (class.c)

// descr.__get__(obj, type): 'obj' 0 when the attribute is read from the class 'type'.
// Values that are not descriptors are returned as they are.
KR_MUST_CHECK kr_val kr_descr_get(kr_val descr, kr_val obj, kr_val type);
// Whether 'descr' is a data descriptor (its type has __set__ or __delete__).
bool kr_descr_is_data(kr_val descr);
// descr.__set__(obj, value), or descr.__delete__(obj) when 'value' is 0.
KR_MUST_CHECK int kr_descr_set(kr_val descr, kr_val obj, kr_val value);
// The attribute 'name' found along the MRO of 't' without binding (a new reference), or 0
// (no exception) when no class defines it. Builtin classes in the MRO contribute their
// special methods (object.__init__, type.__new__, BaseException.__init__, ...) and methods.
KR_MUST_CHECK kr_val kr_class_lookup(const kr_type *t, kr_val name);
KR_MUST_CHECK kr_val kr_class_lookup_cstr(const kr_type *t, const char *name);
// The same lookup restricted to the user classes of the MRO: a BORROWED reference or 0.
kr_val kr_class_lookup_user(const kr_type *t, kr_val name);
// A special method of 'obj' looked up on its type, bound to 'obj' (the `with` statement uses
// __enter__, __exit__): a new reference, or 0 with NO exception when the type lacks it.
KR_MUST_CHECK kr_val kr_special_method(kr_val obj, const char *name);
// obj.name(*args) with the method found on the type, bound or not: vector call.
KR_MUST_CHECK kr_val kr_call_method(kr_val obj, kr_val name, const kr_val *args, size_t nargs,
                                    kr_val kwnames);

// ---------------------------------------------------------------------------------------------
// Classes (class.c)

// A class created at run time. 'tp' comes first so that a kr_class_obj * is a kr_type *;
// tp.dict is the class namespace, tp.name/qualname/module point into the strs below. 'mro'
// is __mro__ without the class itself (so that the class is not in a cycle with it).
// Instances are laid out as: the builtin base's object ('builtin_base->basicsize' bytes), the
// __dict__ word at 'dict_offset', then 'nslots' kr_vals at 'slots_offset' whose names are
// 'slot_names'. A subclass extends its base's slots, so a class's slot indices hold in every
// instance of a subclass whose 'base' chain contains it (kr_class_layout_compatible).
typedef struct kr_class_obj {
    kr_type tp;
    kr_val name, qualname, module;  // str
    kr_val bases, mro;              // tuples
    kr_val slot_names;              // tuple of str
    const kr_type *builtin_base;    // nearest builtin type on the base chain
    size_t dict_offset, slots_offset, nslots;
    bool has_dict;      // instances may have a __dict__ (no __slots__ without '__dict__')
    bool strict_slots;  // the class declares __slots__ (its slots are a fixed layout)
    bool sealed;        // an instance exists: the layout can no longer change
    // The builtin base is variable-sized (str, bytes, tuple): the __dict__ word and the slots
    // follow each instance's own data, at kr_subtype_var_end (dict_offset and slots_offset
    // are relative to it), so kr_instance_slots does not apply.
    bool var_layout;
    // Per slot: 1 for a name the compiler found (kr_class_set_layout), 0 for a __slots__
    // name. Compiler-found slots hold attributes only while the instance has no __dict__:
    // when one is made, their values move into it (so __dict__ shows every attribute).
    unsigned char *slot_hint;
    // The order in which attributes are first set in the compiler-found slots, as the
    // instances so far set them: slot_rank[i] (0xffff: not yet). An instance keeps its
    // attributes in slots while its own insertion order agrees; __dict__ lists them by rank.
    uint16_t *slot_rank;
    uint16_t next_rank;
    bool rank_unordered;  // some slot was ranked before a slot with a lower index
    // The version tag: a number no other class state ever had, renewed whenever the
    // namespace or layout of the class or of a class in its MRO changes (as CPython's type
    // version tags). 0 while the class is being made. Caches keyed by it need no other check.
    uint64_t version;
    // Construction cache, valid while ctor_version == version: instances are plain objects
    // made directly and initialised by the function ctor_init (borrowed), or by nothing when
    // it is 0.
    uint64_t ctor_version;
    kr_val ctor_init;
    bool had_finalizer;  // __del__ was ever defined for instances (no instance free list)
    bool has_subclasses;  // some class made since has it in its MRO
    kr_number_methods number;
    kr_mapping_methods mapping;
} kr_class_obj;

#define KR_CLASS(v) ((kr_class_obj *)(v))
static inline bool kr_type_is_heap(const kr_type *t) { return t->flags & KR_TF_HEAPTYPE; }
static inline bool kr_type_check(kr_val v) {
    return KR_IS_PTR(v) && (KR_OBJ(v)->type->flags & KR_TF_TYPE_SUB);
}

// The namespace for a class body: metaclass.__prepare__(name, bases, **kwargs) when the
// metaclass defines it, else a new dict. 'metaclass' 0 means the one computed from 'bases';
// 'kwargs' a dict of the class keywords or 0.
KR_MUST_CHECK kr_val kr_class_prepare(kr_val name, kr_val bases, kr_val metaclass,
                                      kr_val kwargs);
// Executes the end of a `class` statement: metaclass(name, bases, ns, **kwargs), with the
// metaclass computed from the bases when 'metaclass' is 0. 'qualname' and 'module' (strs)
// become __qualname__ and __module__ unless the namespace sets them. A "__classcell__" cell in
// 'ns' receives the class (for zero-argument super()).
KR_MUST_CHECK kr_val kr_class_new(kr_val name, kr_val qualname, kr_val module, kr_val bases,
                                  kr_val ns, kr_val metaclass, kr_val kwargs);
// Gives the class instance slots for 'names' (a tuple of str: the attributes the compiler
// found), after those inherited from its base. Returns the index of the first of them in
// kr_instance_slot_get, or -1 with an error. Must be called before any instance exists;
// names the layout already has keep their slots. __slots__ classes get their layout from
// kr_class_new and take no more names.
KR_MUST_CHECK intptr_t kr_class_set_layout(kr_val cls, kr_val names);
// kr_class_set_layout for the attributes the compiler found assigned on instances of a class
// statement's result: does nothing unless 'cls' is a user class whose instances are plain
// objects with a __dict__ and none exists yet ('names' None: nothing to do).
KR_MUST_CHECK int kr_class_layout_hint(kr_val cls, kr_val names);
// kr_class_layout_hint('cls', 'names') for a class statement's result 'cls' (stolen): 'cls',
// or 0 when it is 0 or the hint fails.
KR_MUST_CHECK kr_val kr_class_with_layout(kr_val cls, kr_val names);
// The slot index of attribute 'name' in instances of 't', or -1 (no exception).
intptr_t kr_class_slot_index(const kr_type *t, kr_val name);
// Whether instances of 't' have the slot layout of 'cls' (cls is on t's base chain).
bool kr_class_layout_compatible(const kr_type *t, const kr_type *cls);

static inline kr_val *kr_instance_slots(kr_val obj) {
    return (kr_val *)((char *)KR_OBJ(obj) + KR_CLASS(KR_OBJ(obj)->type)->slots_offset);
}
// Slot 'i' of 'obj' (new reference); AttributeError "'A' object has no attribute 'x'" while
// unset.
KR_MUST_CHECK kr_val kr_instance_slot_get(kr_val obj, size_t i);
// Stores 'value' (borrowed) in slot 'i'; 0 deletes it (AttributeError when already unset).
KR_MUST_CHECK int kr_instance_slot_set(kr_val obj, size_t i, kr_val value);
// The instance's __dict__ (borrowed), created when absent; 0 with AttributeError when the
// class has no __dict__.
KR_MUST_CHECK kr_val kr_instance_dict(kr_val obj);

// ---------------------------------------------------------------------------------------------
// Inline caches of attribute sites (class.c). Generated code gives each `obj.x`, `obj.x = v`
// and `obj.m(...)` site a zero-initialised kr_attr_site: up to KR_SITE_WAYS instance types
// (a method of a base class sees its subclasses' instances), the newest first. A hit
// needs the exact type and its version tag as they were when the entry was filled; the slow
// path (the _miss functions) is the full attribute protocol, and fills an entry when the type
// qualifies: a user class with no __getattribute__ (loads, methods) or __setattr__ (stores)
// of its own and no data descriptor for the name along its MRO.
#define KR_SITE_WAYS 4

typedef struct kr_site_entry {
    const kr_type *type;   // compared, never followed unless it is the object's type
    uint64_t version;
    uint32_t offset;       // byte offset of the attribute's slot (methods: a slot that would
                           // shadow the method, or 0)
    uint32_t dict_offset;  // nonzero: the hit also needs the instance's __dict__ word here
                           // to be 0 (no __dict__ made)
    kr_val func;           // methods: the plain function the class defines (borrowed)
    int32_t ntail;         // stores: a first store into the empty slot keeps the insertion
                           // order when the 'ntail' words after it are 0; -1: ask
                           // kr_site_store_new
} kr_site_entry;

typedef struct kr_attr_site {
    kr_site_entry e[KR_SITE_WAYS];
} kr_attr_site;

KR_MUST_CHECK kr_val kr_getattr_miss(kr_val obj, kr_val name, kr_attr_site *s);
KR_MUST_CHECK int kr_setattr_miss(kr_val obj, kr_val name, kr_val value, kr_attr_site *s);
// 'args' holds the receiver then the 'nargs' - 1 positional arguments.
KR_MUST_CHECK kr_val kr_call_method_miss(kr_val obj, kr_val name, const kr_val *args,
                                         size_t nargs, kr_attr_site *s);

static inline bool kr_site_hit(const kr_site_entry *e, kr_val obj) {
    return KR_IS_PTR(obj) && KR_OBJ(obj)->type == e->type
           && ((const kr_class_obj *)e->type)->version == e->version;
}

static inline kr_val *kr_site_word(kr_val obj, uint32_t offset) {
    return (kr_val *)((char *)KR_OBJ(obj) + offset);
}

// obj.name
static inline kr_val kr_getattr_site(kr_val obj, kr_val name, kr_attr_site *s) {
    if (kr_site_hit(&s->e[0], obj)) {
        kr_val v = *kr_site_word(obj, s->e[0].offset);
        if (KR_LIKELY(v != 0)) {
            kr_incref(v);
            return v;
        }
    }
    return kr_getattr_miss(obj, name, s);
}

static inline bool kr_site_store_ok(const kr_site_entry *e, kr_val obj) {
    return e->dict_offset == 0 || *kr_site_word(obj, e->dict_offset) == 0;
}

// The store of a hit into an empty slot: checks the attributes' insertion order first.
KR_MUST_CHECK int kr_site_store_new(kr_val obj, kr_val name, kr_val value, uint32_t offset);

static inline int kr_site_store(kr_val obj, kr_val name, kr_val value,
                                const kr_site_entry *e) {
    kr_val *p = kr_site_word(obj, e->offset), old = *p;
    if (old == 0) {
        for (int32_t k = 1; k <= e->ntail; k++) {
            if (p[k]) {
                return kr_site_store_new(obj, name, value, e->offset);
            }
        }
        if (e->ntail < 0) {
            return kr_site_store_new(obj, name, value, e->offset);
        }
        kr_incref(value);
        *p = value;
        return 0;
    }
    kr_incref(value);
    *p = value;
    kr_decref(old);
    return 0;
}

// obj.name = value ('value' borrowed)
static inline int kr_setattr_site(kr_val obj, kr_val name, kr_val value, kr_attr_site *s) {
    if (kr_site_hit(&s->e[0], obj) && kr_site_store_ok(&s->e[0], obj)) {
        return kr_site_store(obj, name, value, &s->e[0]);
    }
    return kr_setattr_miss(obj, name, value, s);
}

static inline bool kr_site_method_ok(const kr_site_entry *e, kr_val obj) {
    return (e->offset == 0 || *kr_site_word(obj, e->offset) == 0)
           && (e->dict_offset == 0 || *kr_site_word(obj, e->dict_offset) == 0);
}

static inline kr_val kr_site_call(kr_val f, const kr_val *args, size_t nargs) {
    kr_incref(f);  // the call may replace the class attribute
    kr_val r = KR_FUNCTION(f)->boxed(f, args, nargs, 0);
    kr_decref(f);
    return r;
}

// obj.name(args[1], ..., args[nargs - 1]) where args[0] is obj: no bound method object.
static inline kr_val kr_call_method_site(kr_val obj, kr_val name, const kr_val *args,
                                         size_t nargs, kr_attr_site *s) {
    if (kr_site_hit(&s->e[0], obj) && kr_site_method_ok(&s->e[0], obj)) {
        return kr_site_call(s->e[0].func, args, nargs);
    }
    return kr_call_method_miss(obj, name, args, nargs, s);
}

// super(type, obj): attribute lookup along the MRO of obj's type (or of 'obj' itself when it
// is a subclass of 'type') after 'type'.
extern kr_type kr_super_type;
KR_MUST_CHECK kr_val kr_super_new(kr_val type, kr_val obj);

// The attribute slots every user class uses, exposed for types that forward to them.
KR_MUST_CHECK kr_val kr_instance_getattr(kr_val obj, kr_val name);
KR_MUST_CHECK int kr_instance_setattr(kr_val obj, kr_val name, kr_val value);

// Hooks object.c calls for heap types (not for generated code).
// cls(*args) for a user class whose metaclass is type itself (kr_call's shortcut).
KR_MUST_CHECK kr_val kr_class_call(kr_val cls, const kr_val *args, size_t nargs,
                                   kr_val kwnames);
bool kr_class_is_subtype(const kr_type *t, const kr_type *base);
void kr_class_dealloc(kr_obj *o);

// subtype.c: instances of user classes with a builtin base other than object, type and the
// exceptions. Whether instances of builtin 'b' are variable-sized (str, bytes, tuple):
bool kr_subtype_is_var(const kr_type *b);
// Where the builtin part of such an instance ends (rounded up to a word).
size_t kr_subtype_var_end(kr_val obj);
// b.__new__(type, *args) for the class 'type' whose builtin base is 'b': the builtin value
// made from the arguments (int, str, tuple, ...) or an empty list, dict or set.
KR_MUST_CHECK kr_val kr_subtype_new(const kr_type *type, const kr_val *args, size_t nargs,
                                    kr_val kwnames);
// Whether 'b' (list, dict, set) has an __init__ of its own, and that __init__ on 'self'.
bool kr_subtype_has_init(const kr_type *b);
KR_MUST_CHECK kr_val kr_subtype_init(const kr_type *b, kr_val self, const kr_val *args,
                                     size_t nargs, kr_val kwnames);
KR_MUST_CHECK kr_val kr_class_type_getattr(kr_val cls, kr_val name);
KR_MUST_CHECK int kr_class_type_setattr(kr_val cls, kr_val name, kr_val value);
KR_MUST_CHECK kr_val kr_class_repr(kr_val cls);
// type(name, bases, dict) and type.__new__(metatype, name, bases, dict).
KR_MUST_CHECK kr_val kr_type_new3(const kr_type *metatype, const kr_val *args, size_t nargs,
                                  kr_val kwnames);

#endif
