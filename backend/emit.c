// emit.c: IR → C (DESIGN §6). Input: an IrModule after every pass (error edges and reference
// counts explicit). Output: one C translation unit that includes only krait.h and holds the
// module's constants, its globals, two C functions per Python function (the native entry,
// kgf_<module>__<name>, with unboxed typed parameters, and the boxed entry) and main().
//
// Layout of the generated file: a prelude of small inline helpers (kgh_*, the fast paths the
// runtime does not provide inline), constants (kc_<N>: static immortal str objects, big ints
// made at start-up), globals (kg_<module>__<name>: kr_val slots, 0 while unbound), prototypes,
// boxed entries, functions, main. Names: the native entry of a Python function is
// kgf_<module>__<name> (nested functions add their qualname and a number); it takes the function
// object first ('kfn') when it reads closure cells. Its boxed entry (a kr_boxedfunc: vector
// call, for dynamic calls and first-class use) binds the arguments against the kr_sig in
// kgs_<module>__<name> (a kgh_entry; parameter names kgn_<module>__<name>), converts them and
// calls the native entry that kgh_entry holds. Functions whose boxed entries would be the same
// code share one, kgb_<module>__<name of the first>. Module machinery (body, constants) uses
// kgm_<module>__*, so no Python name can clash with it. Locals are v_<name>, temporaries t<N>,
// blocks b<N>; #line directives map each statement back to the .py file. A raising instruction
// tests its result against its representation's error value and, on failure, adds the
// traceback entry for its line and jumps to its error target. The emitted C must compile
// without a warning under -Wall -Wextra.
#include "backend.h"

#include <math.h>
#include <string.h>

// A loop's cached version moved into a function of its own (plan_outlines).
typedef struct Outline {
    bool on;
    StrBuf text;         // its C, each exit rewritten into a numbered return
    const char **exits;  // the labels the caller goes on at, by number
    int nexits;
    bool *used;          // per local of the function (Emitter.local_names): used by the loop
    bool *in;            // per local: copied in (used, and live where the loop is entered)
    bool **out;          // per exit, per local: copied back (used, and live at the exit)
} Outline;

typedef struct Emitter {
    StrBuf *out;
    const IrModule *m;
    const IrFunc *fn;
    const IrInstr *fast_in;  // the instruction a cached loop version is emitting, and its
    unsigned fast_small;     // small bits there (IrLoopCaches.small)
    bool *needed;    // per register of 'fn': read by some emitted instruction
    bool *labelled;  // per block of 'fn': target of a goto
    const IrConst **konst;  // per register of 'fn': the constant it always holds, written
                            // in its place (mark_consts), or NULL
    bool *in_frame;  // per register of a resume function: kept in the frame (else a C local)
    bool *cleanup;   // per block: only releases then a jump, entered only on error edges
    bool *landing;   // per block: where an error path leaves its cleanup (handler, unwind)
    bool *ke_used;   // per landing block: its ke<N> stub is the target of a goto
    int **hoist;     // per block, per instruction: releases after it run before its error
                     // check, which then skips their cleanup block (plan_hoists)
    const IrBlock *defer_err;  // while such an instruction is emitted: its error target
    StrBuf *pending;           // ... and its error check, put after the releases
    bool *in_loop;   // per block: on a cycle of the control flow (mark_loops)
    bool *hot;       // per function of the module: may run often (hot_functions)
    bool *kernel;    // per function: computes with machine numbers in a loop (hot_functions)
    bool fn_hot;     // 'fn' may run often: all its code counts as hot
    const IrBlock *block;  // the block being emitted
    bool split;      // the module is split into parts (emit_module_parts)
    bool decls;      // a part after the first: declare what the first part defines
    bool body_once;  // the module body is large: compiled as code run once (KGM_ONCE)
    int line;        // last #line emitted
    int nyield;      // suspension points of a resume function emitted so far
    bool leaf;       // 'fn' runs no Python code besides its own (is_leaf)
    IrLoopCaches *lc;  // the loop caches of 'fn' (ir/pass_hoist.c), or NULL
    bool **left;       // per block, per instruction: a cached version leaves for the plain
                       // one before it (label s<block>_<instr> needed)
    bool *checked;     // per register, in a block of a cached version: a small index below
                       // every cached list's length (tested where the block starts)
    Outline *outline;    // per loop with caches: its cached version moved out, or not
    const char **local_names, **local_types;  // the C locals of 'fn' (list_locals)
    int *local_regs;     // per local: its register, or -1
    uint64_t **live;     // the liveness of 'fn' (ir_liveness) once an outlined loop needs it
    int *idom;           // the immediate dominators of 'fn' (ir_dominators) when it has caches
    int nlocals;
    int fn_index;        // of 'fn' in the module
    const char **boxed;  // per function of the module: its boxed entry (shared by a shape)
    bool *boxed_def;     // per function: the first of its shape, which defines the entry
    bool *boxed_shared;  // per function defining an entry: others share it
} Emitter;

// Helpers every generated file carries. Kept small; each is a fast path with a runtime fallback.
static const char prelude[] =
    "#define KGH static inline __attribute__((unused))\n"
    "// A large module body runs once: gcc spends a quarter of its time on it at -O2 otherwise.\n"
    "#if defined(__OPTIMIZE__) && !defined(__OPTIMIZE_SIZE__) && !defined(__clang__)\n"
    "#define KGM_ONCE __attribute__((cold, optimize(\"O0\")))\n"
    "#else\n"
    "#define KGM_ONCE\n"
    "#endif\n"
    "// A function that does not compute on machine numbers in a loop: without gcc's costliest\n"
    "// -O2 passes, which find next to nothing in calls to the runtime (docs/design.md).\n"
    "#if defined(__OPTIMIZE__) && !defined(__OPTIMIZE_SIZE__) && !defined(__clang__) \\\n"
    "    && !defined(KR_OPT_FULL)\n"
    "#define KGM_LITE_FLAGS \"no-gcse\", \"no-tree-pre\", \"no-tree-vrp\", \\\n"
    "    \"no-schedule-insns2\", \"no-code-hoisting\", \\\n"
    "    \"no-peephole2\", \"no-cse-follow-jumps\", \"no-ipa-icf\", \\\n"
    "    \"no-store-merging\", \"no-tree-switch-conversion\", \"no-tree-tail-merge\", \\\n"
    "    \"no-crossjumping\", \"no-align-functions\", \"no-align-jumps\", \"no-align-labels\", \\\n"
    "    \"no-align-loops\", \"no-hoist-adjacent-loads\", \\\n"
    "    \"no-isolate-erroneous-paths-dereference\", \"no-ipa-ra\", \"no-lra-remat\", \\\n"
    "    \"no-reorder-functions\", \"no-rerun-cse-after-loop\", \\\n"
    "    \"no-tree-loop-distribute-patterns\", \"no-tree-loop-vectorize\", \\\n"
    "    \"no-tree-slp-vectorize\", \"no-finite-loops\", \"no-ipa-bit-cp\", \"no-ipa-vrp\", \\\n"
    "    \"no-if-conversion\", \"no-if-conversion2\", \"no-move-loop-invariants\", \\\n"
    "    \"no-tree-loop-im\", \\\n"
    "    \"no-ipa-sra\", \"no-early-inlining\", \"no-tree-pta\"\n"
    "#define KGM_LITE __attribute__((optimize(KGM_LITE_FLAGS, \"no-expensive-optimizations\")))\n"
    "// A generator's resume function: the same, keeping gcc's \"expensive optimizations\" (its\n"
    "// frame and dispatch: a generator pipeline 13% slower without them).\n"
    "#define KGM_GEN __attribute__((optimize(KGM_LITE_FLAGS)))\n"
    "#else\n"
    "#define KGM_LITE\n"
    "#define KGM_GEN\n"
    "#endif\n"
    "\n"
    "// Releases on error paths: out of line, so each is a call. Not 'cold': gcc then lays out\n"
    "// the hot paths of some functions worse (nbody 15% slower).\n"
    "__attribute__((unused, noinline)) static void kgh_release(kr_val v) {\n"
    "    KR_XDECREF(v);\n"
    "}\n"
    "// Loop caches (ir/pass_hoist.c): whether 'list' is an exact list of raw doubles (its items\n"
    "// and length are then read into locals whose address is never taken, so that gcc keeps\n"
    "// them in registers: stores of doubles into a list may alias anything in memory).\n"
    "KGH bool kgh_list_floats(kr_val list) {\n"
    "    return list && kr_list_is_floats(list);\n"
    "}\n"
    "// The same for a list of ints: an exact list holding kr_vals.\n"
    "KGH bool kgh_list_ints(kr_val list) {\n"
    "    return list && KR_OBJ(list)->type == &kr_list_type\n"
    "        && KR_LIST(list)->strategy == KR_LIST_VALS;\n"
    "}\n"
    "// Whether the cache of 'list' still describes it.\n"
    "KGH bool kgh_list_valid(kr_val list, const kr_val *items, intptr_t len) {\n"
    "    return kr_list_is_floats(list) && KR_LIST(list)->items == items\n"
    "        && KR_LIST(list)->len == len;\n"
    "}\n"
    "KGH bool kgh_list_valid_ints(kr_val list, const kr_val *items, intptr_t len) {\n"
    "    return KR_OBJ(list)->type == &kr_list_type && KR_LIST(list)->strategy == KR_LIST_VALS\n"
    "        && KR_LIST(list)->items == items && KR_LIST(list)->len == len;\n"
    "}\n"
    "// The item of a cached list at small int 'x', checked below its length: (x - 1) * 4 is\n"
    "// x's value times 8, the item's byte offset. The empty asm makes the offset of a variable\n"
    "// index one opaque value: else gcc keeps x - 1 for scaled addressing and (x - 1) * 4 for\n"
    "// each read-modify-write, two registers per index, and spills the loop's counters.\n"
    "KGH __attribute__((always_inline)) uintptr_t kgh_off(kr_val x) {\n"
    "    uintptr_t o = ((uintptr_t)x - 1) * 4;\n"
    "    if (!__builtin_constant_p(x)) {\n"
    "        __asm__(\"\" : \"+r\"(o));\n"
    "    }\n"
    "    return o;\n"
    "}\n"
    "#define KGH_AT(items, x) ((kr_val *)((char *)(items) + kgh_off(x)))\n"
    "// A raw double of a cached list (any item's storage may hold one).\n"
    "typedef double kgh_f64 __attribute__((may_alias));\n"
    "#define KGH_F64(at) (*(kgh_f64 *)(at))\n"
    "// The position of int 'index' in a cached list of length 'len', or -1 (a miss).\n"
    "// The common case first: the same test of 'index' serves every list.\n"
    "KGH __attribute__((always_inline)) intptr_t kgh_cache_pos(kr_val index, intptr_t len) {\n"
    "    intptr_t i = KR_SMALL_VALUE(index);\n"
    "    if (KR_LIKELY(KR_IS_SMALL(index) && (uintptr_t)i < (uintptr_t)len)) {\n"
    "        return i;\n"
    "    }\n"
    "    return KR_IS_SMALL(index) && i < 0 && i + len >= 0 ? i + len : -1;\n"
    "}\n"
    "// A function's kr_sig and native entry: functions whose boxed entries would be the same\n"
    "// code but for these two share one, which finds them through the function object.\n"
    "typedef struct kgh_entry {\n"
    "    kr_sig sig;\n"
    "    void (*native)(void);\n"
    "} kgh_entry;\n"
    "// An unbound global is the builtin of that name, as in CPython, where its slot is untyped.\n"
    "KGH kr_val kgh_load_global(kr_val v, const char *name, bool or_builtin) {\n"
    "    if (KR_UNLIKELY(v == 0)) {\n"
    "        v = or_builtin ? kr_builtins_lookup(name) : 0;\n"
    "        if (v == 0) {\n"
    "            return kr_err_set(&kr_exc_NameError, \"name '%s' is not defined\", name);\n"
    "        }\n"
    "    }\n"
    "    return kr_newref(v);\n"
    "}\n"
    "KGH int kgh_unbind_global(kr_val *slot, const char *name) {\n"
    "    if (KR_UNLIKELY(*slot == 0)) {\n"
    "        kr_err_set(&kr_exc_NameError, \"name '%s' is not defined\", name);\n"
    "        return -1;\n"
    "    }\n"
    "    KR_CLEAR(*slot);\n"
    "    return 0;\n"
    "}\n"
    "KGH kr_val kgh_check_type(kr_val v, bool ok, const char *expected) {\n"
    "    if (KR_UNLIKELY(!ok)) {\n"
    "        return kr_err_set(&kr_exc_TypeError, \"%s object expected; got %s\", expected,\n"
    "                          kr_type_name(v));\n"
    "    }\n"
    "    return kr_newref(v);\n"
    "}\n"
    "KGH double kgh_int_to_double(kr_val a) {\n"
    "    return KR_IS_SMALL(a) ? (double)KR_SMALL_VALUE(a) : kr_int_as_double(a);\n"
    "}\n"
    "KGH double kgh_unbox_float(kr_val v) {\n"
    "    if (kr_float_check(v)) {\n"
    "        return KR_FLOAT_VALUE(v);\n"
    "    }\n"
    "    if (kr_int_check(v)) {\n"
    "        return kgh_int_to_double(v);\n"
    "    }\n"
    "    kr_err_set(&kr_exc_TypeError, \"float object expected; got %s\", kr_type_name(v));\n"
    "    return -1.0;\n"
    "}\n"
    "KGH int kgh_unbox_bool(kr_val v) {\n"
    "    if (v == KR_TRUE || v == KR_FALSE) {\n"
    "        return v == KR_TRUE;\n"
    "    }\n"
    "    kr_err_set(&kr_exc_TypeError, \"bool object expected; got %s\", kr_type_name(v));\n"
    "    return -1;\n"
    "}\n"
    "KGH bool kgh_int_truth(kr_val a) {\n"
    "    return KR_IS_SMALL(a) ? a != KR_FROM_SMALL(0) : kr_int_sign(a) != 0;\n"
    "}\n"
    "KGH int kgh_int_cmp(kr_val a, kr_val b) {\n"
    "    if (KR_LIKELY(a & b & 1)) {\n"
    "        return ((intptr_t)a > (intptr_t)b) - ((intptr_t)a < (intptr_t)b);\n"
    "    }\n"
    "    return kr_int_compare(a, b);\n"
    "}\n"
    "KGH bool kgh_cmp_result(int c, int op) {\n"
    "    switch (op) {\n"
    "    case KR_LT: return c < 0;\n"
    "    case KR_LE: return c <= 0;\n"
    "    case KR_EQ: return c == 0;\n"
    "    case KR_NE: return c != 0;\n"
    "    case KR_GT: return c > 0 && c != 2;\n"
    "    default: return c >= 0 && c != 2;\n"
    "    }\n"
    "}\n"
    "KGH bool kgh_float_int_cmp(double a, kr_val b, int op) {\n"
    "    return kgh_cmp_result(kr_float_compare_int(a, b), op);\n"
    "}\n"
    "KGH kr_val kgh_int_floordiv(kr_val a, kr_val b) {\n"
    "    if (KR_LIKELY((a & b & 1) && b != KR_FROM_SMALL(0))) {\n"
    "        intptr_t x = KR_SMALL_VALUE(a), y = KR_SMALL_VALUE(b), q = x / y;\n"
    "        if ((x % y != 0) && ((x < 0) != (y < 0))) {\n"
    "            q--;\n"
    "        }\n"
    "        if (KR_FITS_SMALL(q)) {\n"
    "            return KR_FROM_SMALL(q);\n"
    "        }\n"
    "    }\n"
    "    return kr_int_floordiv(a, b);\n"
    "}\n"
    "KGH kr_val kgh_int_mod(kr_val a, kr_val b) {\n"
    "    if (KR_LIKELY((a & b & 1) && b != KR_FROM_SMALL(0))) {\n"
    "        intptr_t x = KR_SMALL_VALUE(a), y = KR_SMALL_VALUE(b), r = x % y;\n"
    "        if (r != 0 && ((r < 0) != (y < 0))) {\n"
    "            r += y;\n"
    "        }\n"
    "        return KR_FROM_SMALL(r);\n"
    "    }\n"
    "    return kr_int_mod(a, b);\n"
    "}\n"
    "KGH kr_val kgh_int_bitop(kr_val a, kr_val b, int op) {\n"
    "    if (KR_LIKELY(a & b & 1)) {\n"
    "        return op == 0 ? (a & b) : op == 1 ? (a | b) : ((a ^ b) | 1);\n"
    "    }\n"
    "    return op == 0 ? kr_int_and(a, b) : op == 1 ? kr_int_or(a, b) : kr_int_xor(a, b);\n"
    "}\n"
    "KGH kr_val kgh_int_neg(kr_val a) {\n"
    "    if (KR_LIKELY(KR_IS_SMALL(a) && KR_SMALL_VALUE(a) != KR_SMALL_MIN)) {\n"
    "        return KR_FROM_SMALL(-KR_SMALL_VALUE(a));\n"
    "    }\n"
    "    return kr_int_neg(a);\n"
    "}\n"
    "KGH kr_val kgh_int_invert(kr_val a) {\n"
    "    return KR_IS_SMALL(a) ? KR_FROM_SMALL(~KR_SMALL_VALUE(a)) : kr_int_invert(a);\n"
    "}\n"
    "KGH double kgh_int_truediv(kr_val a, kr_val b) {\n"
    "    const intptr_t exact = (intptr_t)1 << 53;\n"
    "    if ((a & b & 1) && b != KR_FROM_SMALL(0)) {\n"
    "        intptr_t x = KR_SMALL_VALUE(a), y = KR_SMALL_VALUE(b);\n"
    "        if (x > -exact && x < exact && y > -exact && y < exact) {\n"
    "            return (double)x / (double)y;\n"
    "        }\n"
    "    }\n"
    "    kr_val f = kr_int_truediv(a, b);\n"
    "    if (!f) {\n"
    "        return -1.0;\n"
    "    }\n"
    "    double d = KR_FLOAT_VALUE(f);\n"
    "    KR_DECREF(f);\n"
    "    return d;\n"
    "}\n"
    "KGH int kgh_print(const kr_val *args, size_t n, kr_val sep, kr_val end) {\n"
    "    return kr_builtin_print(args, n, sep, end, 0, 0) ? 0 : -1;  // None is immortal\n"
    "}\n"
    "KGH kr_val kgh_format(kr_val v, int conversion, kr_val spec) {\n"
    "    kr_val c = conversion == 's' ? kr_str(v) : conversion == 'r' ? kr_repr(v)\n"
    "             : conversion == 'a' ? kr_ascii(v) : kr_newref(v);\n"
    "    if (!c) {\n"
    "        return 0;\n"
    "    }\n"
    "    kr_val r = kr_format(c, spec);\n"
    "    KR_DECREF(c);\n"
    "    return r;\n"
    "}\n"
    "KGH kr_val kgh_dyn_add(kr_val a, kr_val b) {\n"
    "    return (a & b & 1) ? kr_int_add(a, b) : kr_add(a, b);\n"
    "}\n"
    "KGH kr_val kgh_dyn_sub(kr_val a, kr_val b) {\n"
    "    return (a & b & 1) ? kr_int_sub(a, b) : kr_sub(a, b);\n"
    "}\n"
    "KGH kr_val kgh_dyn_mul(kr_val a, kr_val b) {\n"
    "    return (a & b & 1) ? kr_int_mul(a, b) : kr_mul(a, b);\n"
    "}\n"
    "KGH kr_val kgh_dyn_floordiv(kr_val a, kr_val b) {\n"
    "    return (a & b & 1) ? kgh_int_floordiv(a, b) : kr_floordiv(a, b);\n"
    "}\n"
    "KGH kr_val kgh_dyn_mod(kr_val a, kr_val b) {\n"
    "    return (a & b & 1) ? kgh_int_mod(a, b) : kr_mod(a, b);\n"
    "}\n"
    "KGH kr_val kgh_dyn_compare(kr_val a, kr_val b, int op) {\n"
    "    if (a & b & 1) {\n"
    "        return kr_bool(kgh_cmp_result(kgh_int_cmp(a, b), op));\n"
    "    }\n"
    "    return kr_richcompare(a, b, op);\n"
    "}\n"
    "KGH int kgh_is_true(kr_val v) {\n"
    "    if (KR_IS_SMALL(v)) {\n"
    "        return v != KR_FROM_SMALL(0);\n"
    "    }\n"
    "    if (v == KR_TRUE || v == KR_FALSE || v == KR_NONE) {\n"
    "        return v == KR_TRUE;\n"
    "    }\n"
    "    return kr_is_true(v);\n"
    "}\n"
    "KGH int kgh_check_bound(bool bound, const char *name) {\n"
    "    if (KR_UNLIKELY(!bound)) {\n"
    "        kr_err_set(&kr_exc_UnboundLocalError,\n"
    "                   \"cannot access local variable '%s' where it is not associated \"\n"
    "                   \"with a value\", name);\n"
    "        return -1;\n"
    "    }\n"
    "    return 0;\n"
    "}\n"
    "KGH kr_val kgh_builtin(const char *name) {\n"
    "    kr_val v = kr_builtins_lookup(name);\n"
    "    if (KR_UNLIKELY(v == 0)) {\n"
    "        return kr_err_set(&kr_exc_NameError, \"name '%s' is not defined\", name);\n"
    "    }\n"
    "    return kr_newref(v);\n"
    "}\n"
    "KGH kr_val kgh_call(kr_val f, const kr_val *args, size_t npos, const kr_val *names,\n"
    "                    size_t nkw) {\n"
    "    if (nkw == 0) {\n"
    "        return kr_call(f, args, npos, 0);\n"
    "    }\n"
    "    kr_val kw = kr_tuple_from_array(names, (intptr_t)nkw);\n"
    "    if (!kw) {\n"
    "        return 0;\n"
    "    }\n"
    "    kr_val r = kr_call(f, args, npos, kw);\n"
    "    KR_DECREF(kw);\n"
    "    return r;\n"
    "}\n"
    "KGH kr_val kgh_call_method(kr_val obj, kr_val name, const kr_val *args, size_t npos,\n"
    "                           const kr_val *names, size_t nkw) {\n"
    "    if (nkw == 0) {\n"
    "        return kr_call_method(obj, name, args, npos, 0);\n"
    "    }\n"
    "    kr_val kw = kr_tuple_from_array(names, (intptr_t)nkw);\n"
    "    if (!kw) {\n"
    "        return 0;\n"
    "    }\n"
    "    kr_val r = kr_call_method(obj, name, args, npos, kw);\n"
    "    KR_DECREF(kw);\n"
    "    return r;\n"
    "}\n"
    "KGH kr_val kgh_call_ex(kr_val f, kr_val pos, kr_val kw) {\n"
    "    kr_val t = kr_list_as_tuple(pos);\n"
    "    if (!t) {\n"
    "        return 0;\n"
    "    }\n"
    "    intptr_t np = KR_TUPLE_LEN(t), nk = kr_dict_len(kw), i = 0, k = 0;\n"
    "    kr_val all = kr_tuple_new(np + nk), names = nk ? kr_tuple_new(nk) : 0;\n"
    "    kr_val key, value, r = 0;\n"
    "    if (all && (names || !nk)) {\n"
    "        for (intptr_t j = 0; j < np; j++) {\n"
    "            KR_TUPLE_ITEMS(all)[j] = kr_newref(KR_TUPLE_ITEMS(t)[j]);\n"
    "        }\n"
    "        while (kr_dict_next(kw, &i, &key, &value)) {\n"
    "            KR_TUPLE_ITEMS(names)[k] = kr_newref(key);\n"
    "            KR_TUPLE_ITEMS(all)[np + k++] = kr_newref(value);\n"
    "        }\n"
    "        r = kr_call(f, KR_TUPLE_ITEMS(all), (size_t)np, names);\n"
    "    }\n"
    "    KR_DECREF(t);\n"
    "    KR_XDECREF(all);\n"
    "    KR_XDECREF(names);\n"
    "    return r;\n"
    "}\n"
    "KGH kr_val kgh_load_name(kr_val ns, kr_val name, kr_val global) {\n"
    "    kr_val v = kr_dict_check(ns) ? kr_dict_lookup(ns, name) : 0;\n"
    "    if (v || kr_err_occurred()) {\n"
    "        return v ? kr_newref(v) : 0;\n"
    "    }\n"
    "    return global ? kr_newref(global) : kgh_builtin(kr_str_data(name));\n"
    "}\n"
    "KGH kr_val kgh_make_function(kr_val f, kr_val defaults, kr_val kwdefaults, kr_val closure,\n"
    "                             kr_val doc) {\n"
    "    if (f) {\n"
    "        kr_function_set_defaults(f, defaults);\n"
    "        kr_function_set_kwdefaults(f, kwdefaults);\n"
    "        kr_function_set_closure(f, closure);\n"
    "        kr_function_set_doc(f, doc);\n"
    "    }\n"
    "    return f;\n"
    "}\n"
    "KGH kr_val kgh_build_set(const kr_val *items, intptr_t n) {\n"
    "    kr_val s = kr_set_new(0);\n"
    "    for (intptr_t i = 0; s && i < n; i++) {\n"
    "        if (kr_set_add(s, items[i]) < 0) {\n"
    "            KR_DECREF(s);\n"
    "            return 0;\n"
    "        }\n"
    "    }\n"
    "    return s;\n"
    "}\n"
    "KGH kr_val kgh_build_dict(const kr_val *items, intptr_t n) {\n"
    "    kr_val d = kr_dict_new_presized(n / 2);\n"
    "    for (intptr_t i = 0; d && i < n; i += 2) {\n"
    "        if (kr_dict_setitem(d, items[i], items[i + 1]) < 0) {\n"
    "            KR_DECREF(d);\n"
    "            return 0;\n"
    "        }\n"
    "    }\n"
    "    return d;\n"
    "}\n"
    "KGH kr_val kgh_build(int kind, const kr_val *items, intptr_t n) {\n"
    "    switch (kind) {\n"
    "    case 0: return kr_list_from_array(items, n);\n"
    "    case 1: return kr_tuple_from_array(items, n);\n"
    "    case 2: return kgh_build_set(items, n);\n"
    "    default: return kgh_build_dict(items, n);\n"
    "    }\n"
    "}\n"
    "KGH int kgh_container_add(kr_val c, kr_val v, int how) {\n"
    "    switch (how) {\n"
    "    case 0: return kr_list_append(c, v);\n"
    "    case 1: return kr_list_extend(c, v);\n"
    "    case 2: return kr_set_add(c, v);\n"
    "    case 3: return kr_set_update(c, v);\n"
    "    default: return kr_dict_update(c, v);\n"
    "    }\n"
    "}\n"
    "KGH kr_val kgh_getitem(kr_val a, kr_val k) {\n"
    "    if (KR_IS_SMALL(k) && KR_IS_PTR(a) && KR_OBJ(a)->type == &kr_list_type) {\n"
    "        return kr_list_getindex(a, KR_SMALL_VALUE(k));\n"
    "    }\n"
    "    return kr_getitem(a, k);\n"
    "}\n"
    "KGH kr_val kgh_next(kr_val it) {\n"
    "    return kr_next(it);\n"
    "}\n"
    "KGH kr_val kgh_unpack_fail(const char *fmt, intptr_t a, intptr_t b, kr_val items) {\n"
    "    KR_DECREF(items);\n"
    "    return kr_err_set(&kr_exc_ValueError, fmt, a, b);\n"
    "}\n"
    "// The items of 'v', at most 'limit' of them (-1: all), in a new list.\n"
    "KGH kr_val kgh_unpack_items(kr_val v, intptr_t limit) {\n"
    "    kr_val it = kr_iter(v);\n"
    "    if (!it) {\n"
    "        if (!kr_err_matches(&kr_exc_TypeError)) {\n"
    "            return 0;\n"
    "        }\n"
    "        kr_err_clear();\n"
    "        return kr_err_set(&kr_exc_TypeError, \"cannot unpack non-iterable %s object\",\n"
    "                          kr_type_name(v));\n"
    "    }\n"
    "    kr_val list = kr_list_new(0);\n"
    "    while (list && (limit < 0 || KR_LIST_LEN(list) < limit)) {\n"
    "        kr_val x = kr_next(it);\n"
    "        if (!x || kr_list_append(list, x) < 0) {\n"
    "            KR_XDECREF(x);\n"
    "            if (kr_err_occurred()) {\n"
    "                KR_DECREF(list);\n"
    "                list = 0;\n"
    "            }\n"
    "            break;\n"
    "        }\n"
    "        KR_DECREF(x);\n"
    "    }\n"
    "    KR_DECREF(it);\n"
    "    return list;\n"
    "}\n"
    "// A tuple of 'n' values for unpacking targets; target 'star' (or -1) takes a list.\n"
    "KGH kr_val kgh_unpack(kr_val v, intptr_t n, intptr_t star) {\n"
    "    kr_val items = kgh_unpack_items(v, star < 0 ? n + 1 : -1);\n"
    "    if (!items) {\n"
    "        return 0;\n"
    "    }\n"
    "    intptr_t got = KR_LIST_LEN(items);\n"
    "    if (star < 0 && got > n) {\n"
    "        return kgh_unpack_fail(\"too many values to unpack (expected %zd)\", n, 0, items);\n"
    "    }\n"
    "    if (star < 0 && got < n) {\n"
    "        return kgh_unpack_fail(\"not enough values to unpack (expected %zd, got %zd)\",\n"
    "                               n, got, items);\n"
    "    }\n"
    "    if (star >= 0 && got < n - 1) {\n"
    "        return kgh_unpack_fail(\"not enough values to unpack (expected at least %zd, got \"\n"
    "                               \"%zd)\", n - 1, got, items);\n"
    "    }\n"
    "    kr_val *vals = kr_list_vals(items);\n"
    "    kr_val t = vals ? kr_tuple_new(n) : 0;\n"
    "    for (intptr_t i = 0, k = 0; t && i < n; i++) {\n"
    "        if (i == star) {\n"
    "            intptr_t rest = got - (n - 1);\n"
    "            KR_TUPLE_ITEMS(t)[i] = kr_list_getslice(items, k, k + rest);\n"
    "            k += rest;\n"
    "            if (!KR_TUPLE_ITEMS(t)[i]) {\n"
    "                KR_TUPLE_ITEMS(t)[i] = kr_newref(KR_NONE);\n"
    "                KR_DECREF(t);\n"
    "                t = 0;\n"
    "            }\n"
    "        } else {\n"
    "            KR_TUPLE_ITEMS(t)[i] = kr_newref(vals[k++]);\n"
    "        }\n"
    "    }\n"
    "    KR_DECREF(items);\n"
    "    return t;\n"
    "}\n"
    "KGH kr_val kgh_exc_enter(kr_val exc) {\n"
    "    kr_val prev = kr_exc_enter_handler(exc);\n"
    "    return prev ? prev : KR_NONE;\n"
    "}\n"
    "KGH void kgh_exc_leave(kr_val prev) {\n"
    "    kr_exc_leave_handler(prev == KR_NONE ? 0 : prev);\n"
    "}\n"
    "KGH void kgh_reraise(const char *file, int line, const char *func) {\n"
    "    kr_val h = kr_ts.handling;\n"
    "    if (!h || h == KR_NONE) {\n"
    "        kr_err_set(&kr_exc_RuntimeError, \"No active exception to reraise\");\n"
    "        kr_traceback_add(file, line, func);\n"
    "        return;\n"
    "    }\n"
    "    kr_err_restore(kr_newref(h));\n"
    "}\n"
    "KGH kr_val kgh_with_method(kr_val mgr, const char *name, const char *missed) {\n"
    "    kr_val m = kr_getattr_cstr(mgr, name);\n"
    "    if (!m && kr_err_matches(&kr_exc_AttributeError)) {\n"
    "        kr_err_clear();\n"
    "        kr_err_set(&kr_exc_TypeError,\n"
    "                   \"'%s' object does not support the context manager protocol%s\",\n"
    "                   kr_type_name(mgr), missed);\n"
    "    }\n"
    "    return m;\n"
    "}\n"
    "KGH kr_val kgh_with_enter(kr_val mgr) {\n"
    "    kr_val enter = kgh_with_method(mgr, \"__enter__\", \"\");\n"
    "    kr_val exit =\n"
    "        enter ? kgh_with_method(mgr, \"__exit__\", \" (missed __exit__ method)\") : 0;\n"
    "    if (!exit) {\n"
    "        KR_XDECREF(enter);\n"
    "        return 0;\n"
    "    }\n"
    "    KR_DECREF(exit);\n"
    "    kr_val r = kr_call(enter, NULL, 0, 0);\n"
    "    KR_DECREF(enter);\n"
    "    return r;\n"
    "}\n"
    "KGH int kgh_with_exit(kr_val mgr, kr_val exc) {\n"
    "    kr_val exit = kr_getattr_cstr(mgr, \"__exit__\");\n"
    "    if (!exit) {\n"
    "        return -1;\n"
    "    }\n"
    "    kr_val args[3] = {KR_NONE, KR_NONE, KR_NONE};  // no traceback objects: None\n"
    "    if (exc) {\n"
    "        args[0] = (kr_val)KR_TYPE(exc);\n"
    "        args[1] = exc;\n"
    "    }\n"
    "    kr_val r = kr_call(exit, args, 3, 0);\n"
    "    KR_DECREF(exit);\n"
    "    if (!r) {\n"
    "        return -1;\n"
    "    }\n"
    "    int t = exc ? kgh_is_true(r) : 0;\n"
    "    KR_DECREF(r);\n"
    "    return t;\n"
    "}\n"
    "KGH int kgh_check_range_step(kr_val step) {\n"
    "    if (KR_UNLIKELY(step == KR_FROM_SMALL(0))) {\n"
    "        kr_err_set(&kr_exc_ValueError, \"range() arg 3 must not be zero\");\n"
    "        return -1;\n"
    "    }\n"
    "    return 0;\n"
    "}\n"
    // Int fast paths (emit_fast): Python's // % << >> on int64_t; what the clone cannot
    // finish exactly (a zero divisor, an overflow, a negative shift count) bails out.
    "KGH int64_t kgh_fast_floordiv(int64_t a, int64_t b) {\n"
    "    if (KR_UNLIKELY(b == 0 || (b == -1 && a == INT64_MIN))) {\n"
    "        kr_fast_bail();\n"
    "    }\n"
    "    int64_t q = a / b;\n"
    "    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;\n"
    "}\n"
    "KGH int64_t kgh_fast_mod(int64_t a, int64_t b) {\n"
    "    if (KR_UNLIKELY(b == 0 || b == -1)) {\n"
    "        if (b == 0) {\n"
    "            kr_fast_bail();\n"
    "        }\n"
    "        return 0;\n"
    "    }\n"
    "    int64_t r = a % b;\n"
    "    return (r != 0 && (r < 0) != (b < 0)) ? r + b : r;\n"
    "}\n"
    "KGH int64_t kgh_fast_lshift(int64_t a, int64_t b) {\n"
    "    if (KR_UNLIKELY(b < 0 || b > 62)) {\n"
    "        if (a != 0 || b < 0) {\n"
    "            kr_fast_bail();\n"
    "        }\n"
    "        return 0;\n"
    "    }\n"
    "    int64_t r = (int64_t)((uint64_t)a << b);\n"
    "    if (KR_UNLIKELY((r >> b) != a)) {\n"
    "        kr_fast_bail();\n"
    "    }\n"
    "    return r;\n"
    "}\n"
    "KGH int64_t kgh_fast_rshift(int64_t a, int64_t b) {\n"
    "    if (KR_UNLIKELY(b < 0)) {\n"
    "        kr_fast_bail();\n"
    "    }\n"
    "    return b > 63 ? (a < 0 ? -1 : 0) : a >> b;\n"
    "}\n";

// ---------------------------------------------------------------------------------------------
// Names and small pieces

static void put(Emitter *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(Emitter *e, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char buf[512];
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof buf) {
        va_start(ap, fmt);
        char *big = arena_alloc(e->out->arena, (size_t)n + 1);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        strbuf_append(e->out, big, (size_t)n);
        return;
    }
    strbuf_append(e->out, buf, (size_t)n);
}

// Appends 's' as the contents of a C string literal (octal escapes for everything unusual, so
// that a following digit is never taken into the escape).
static void put_c_string(Emitter *e, const char *s, size_t len) {
    strbuf_putc(e->out, '"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            put(e, "\\%c", c);
        } else if (c >= 0x20 && c < 0x7f && c != '?') {
            strbuf_putc(e->out, (char)c);
        } else {
            put(e, "\\%03o", c);
        }
    }
    strbuf_putc(e->out, '"');
}

// A Python identifier in a C name: bytes outside [A-Za-z0-9_] are spelled _xHH.
static void put_ident(Emitter *e, Name n) {
    for (const unsigned char *p = (const unsigned char *)n; *p; p++) {
        bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')
                     || (*p >= '0' && *p <= '9') || *p == '_';
        put(e, plain ? "%c" : "_x%02x", *p);
    }
}

static void put_const(Emitter *e, const IrConst *c);

// The C name of register 'r': v_<name> for locals, t<N> for temporaries; in a generator's
// resume function, that field of its frame; the constant a temporary always holds (mark_consts).
static void put_reg(Emitter *e, int r) {
    if (e->konst && e->konst[r]) {
        put_const(e, e->konst[r]);
        return;
    }
    Name n = e->fn->regs[r].name;
    if (e->fn->is_gen_resume && e->in_frame[r]) {
        put(e, "f->");
    }
    if (!n) {
        put(e, "t%d", r);
        return;
    }
    put(e, "v_");
    put_ident(e, n);
}

static const char *rep_ctype(IrRep r) {
    return r == REP_FLOAT ? "double" : r == REP_BOOL ? "bool" : "kr_val";
}

// Native entries return bool as int, so that -1 can be the error value.
static const char *ret_ctype(IrRep r) { return r == REP_BOOL ? "int" : rep_ctype(r); }

static const char *err_value(IrRep r) {
    return r == REP_FLOAT ? "-1.0" : r == REP_BOOL ? "-1" : "0";
}

static const char *global_cname(Emitter *e, int g) {
    StrBuf *saved = e->out;
    StrBuf b;
    strbuf_init(&b, saved->arena);
    e->out = &b;
    put(e, "kg_%s__", e->m->name);
    put_ident(e, e->m->globals[g].name);
    e->out = saved;
    return strbuf_cstr(&b);
}

static void put_line(Emitter *e, int line) {
    if (line != e->line && line > 0) {
        put(e, "#line %d ", line);
        put_c_string(e, e->m->path, strlen(e->m->path));
        put(e, "\n");
        e->line = line;
    }
}

// Error paths. A raising instruction's error branch only records its line in 'kl_' and jumps
// to its error target: the cleanup chain that releases what is live there (pass_share), then
// the landing block (a handler, or the unwind block). Each landing has one stub, ke<N>, that
// adds the traceback entry for line 'kl_' (when set: RERAISE and PROPAGATE edges carry an
// exception that has its entry already, and leave 'kl_' 0) and clears it. So an error site
// costs one assignment and a goto, and the function one kr_traceback_add per landing. Adding
// the entry after the releases is not observable: finalizers save the pending exception.

// The label an error edge or a cleanup block's jump to 'b' goes to.
static void put_err_label(Emitter *e, const IrBlock *b) {
    put(e, e->landing[b->id] ? "ke%d" : "b%d", b->id);
}

// The error branch of a raising instruction.
static void put_error_branch(Emitter *e, const IrInstr *in) {
    put(e, " {\n        kl_ = %d;\n        goto ", in->line);
    put_err_label(e, e->defer_err ? e->defer_err : in->err);
    put(e, ";\n    }\n");
}

static void put_func_name(Emitter *e) { put_c_string(e, e->fn->name, strlen(e->fn->name)); }

// "    if (KR_UNLIKELY(<dst is its error value>))" + branch.
static void put_check(Emitter *e, const IrInstr *in, IrRep rep) {
    StrBuf *out = e->out;
    if (e->defer_err) {
        e->out = e->pending;  // after the releases (plan_hoists)
    }
    put(e, "    if (KR_UNLIKELY(");
    put_reg(e, in->dst);
    if (rep == REP_FLOAT) {
        put(e, " == -1.0 && kr_err_occurred()");
    } else {
        put(e, " == 0");
    }
    put(e, "))");
    put_error_branch(e, in);
    e->out = out;
}

// ---------------------------------------------------------------------------------------------
// Instructions

static void put_const(Emitter *e, const IrConst *c) {
    switch (c->kind) {
    case IRC_INT:
        put(e, "KR_FROM_SMALL(%lld)", (long long)c->i);
        break;
    case IRC_FLOAT:
        if (isinf(c->f)) {
            put(e, "%s__builtin_inf()", c->f < 0 ? "-" : "");
        } else {
            put(e, "%.17g", c->f);
            double ip;
            if (modf(c->f, &ip) == 0.0 && fabs(c->f) < 1e16) {
                put(e, ".0");
            }
        }
        break;
    case IRC_BOOL:
        put(e, c->i ? "true" : "false");
        break;
    case IRC_NONE:
        put(e, "KR_NONE");
        break;
    case IRC_ELLIPSIS:
        put(e, "KR_ELLIPSIS");
        break;
    case IRC_STR:
    case IRC_BIGINT:
    case IRC_BYTES:
    case IRC_COMPLEX:
        put(e, "kc_%d", c->id);
        break;
    }
}

// "dst = " for instructions with a destination.
static void put_assign(Emitter *e, const IrInstr *in) {
    put(e, "    ");
    put_reg(e, in->dst);
    put(e, " = ");
}

static void put_args(Emitter *e, const IrInstr *in, int from, int to) {
    for (int i = from; i < to; i++) {
        put(e, i > from ? ", " : "");
        put_reg(e, in->args[i]);
    }
}

// A call expression 'fname(args)' assigned to dst, then the error check.
static void put_call(Emitter *e, const IrInstr *in, const char *fname) {
    put_assign(e, in);
    put(e, "%s(", fname);
    put_args(e, in, 0, in->nargs);
    put(e, ");\n");
    if (in->err) {
        put_check(e, in, e->fn->regs[in->dst].rep);
    }
}

// A call of a function returning a status (int, -1 on error) into a bool or nothing.
static void put_status_call(Emitter *e, const IrInstr *in, const char *call) {
    put(e, "    {\n        int r_ = %s;\n", call);
    StrBuf *out = e->out;
    if (e->defer_err) {
        e->out = e->pending;  // after the releases (plan_hoists), still in the block
    }
    put(e, "        if (KR_UNLIKELY(r_ < 0))");
    put_error_branch(e, in);
    if (in->dst >= 0) {
        put(e, "        ");
        put_reg(e, in->dst);
        put(e, " = r_;\n");
    }
    put(e, "    }\n");
    e->out = out;
}

static const char *reg_text(Emitter *e, int r) {
    StrBuf *saved = e->out;
    StrBuf b;
    strbuf_init(&b, saved->arena);
    e->out = &b;
    put_reg(e, r);
    e->out = saved;
    return strbuf_cstr(&b);
}

static void emit_box(Emitter *e, const IrInstr *in) {
    int a = in->args[0];
    switch (e->fn->regs[a].rep) {
    case REP_FLOAT:
        put_call(e, in, "kr_float_new");
        break;
    case REP_BOOL:
        put_call(e, in, "kr_bool");
        break;
    default:
        put_call(e, in, "kr_newref");
        break;
    }
}

static const char *type_check(Emitter *e, const Ty *t, const char *v) {
    switch (t->kind) {
    case TY_INT:
        return arena_printf(e->out->arena, "kr_int_check(%s)", v);
    case TY_FLOAT:
    case TY_NUM:
        return arena_printf(e->out->arena, "(kr_float_check(%s) || kr_int_check(%s))", v, v);
    case TY_STR:
        return arena_printf(e->out->arena, "kr_str_check(%s)", v);
    case TY_BOOL:
        return arena_printf(e->out->arena, "(%s == KR_TRUE || %s == KR_FALSE)", v, v);
    case TY_NONE:
        return arena_printf(e->out->arena, "%s == KR_NONE", v);
    case TY_OPTIONAL:
        return arena_printf(e->out->arena, "(%s == KR_NONE || %s)", v, type_check(e, t->arg, v));
    case TY_LIST:
        return arena_printf(e->out->arena, "kr_list_check(%s)", v);
    case TY_DICT:
        return arena_printf(e->out->arena, "kr_dict_check(%s)", v);
    case TY_TUPLE:
        return arena_printf(e->out->arena, "kr_tuple_check(%s)", v);
    case TY_SET:
        return arena_printf(e->out->arena,
                            "(KR_IS_PTR(%s) && kr_type_is_subtype(KR_OBJ(%s)->type, &kr_set_type))",
                            v, v);
    default:
        return "true";
    }
}

// The type a failed check names: num is what a `float` annotation admits, named so.
static void put_expected(StrBuf *name, const Ty *t) {
    if (t->kind == TY_NUM || (t->kind == TY_OPTIONAL && t->arg->kind == TY_NUM)) {
        strbuf_printf(name, t->kind == TY_NUM ? "float" : "Optional[float]");
    } else {
        ty_format(name, t);
    }
}

static void emit_unbox(Emitter *e, const IrInstr *in) {
    const Ty *t = e->fn->regs[in->dst].ty;
    const char *a = reg_text(e, in->args[0]);
    if (t->kind == TY_FLOAT) {
        put_call(e, in, "kgh_unbox_float");
    } else if (t->kind == TY_BOOL) {
        put_status_call(e, in, arena_printf(e->out->arena, "kgh_unbox_bool(%s)", a));
    } else if (t->kind == TY_DYN) {
        put_call(e, in, "kr_newref");
    } else {
        StrBuf name;
        strbuf_init(&name, e->out->arena);
        put_expected(&name, t);
        put_assign(e, in);
        put(e, "kgh_check_type(%s, %s, \"%s\");\n", a, type_check(e, t, a), strbuf_cstr(&name));
        put_check(e, in, REP_OBJ);
    }
}

static void emit_truth(Emitter *e, const IrInstr *in) {
    const char *a = reg_text(e, in->args[0]);
    switch (e->fn->regs[in->args[0]].rep) {
    case REP_INT:
        put_assign(e, in);
        put(e, "kgh_int_truth(%s);\n", a);
        break;
    case REP_FLOAT:
        put_assign(e, in);
        put(e, "%s != 0.0;\n", a);
        break;
    default:
        put_status_call(e, in, arena_printf(e->out->arena, "kgh_is_true(%s)", a));
        break;
    }
}

// The small-int bits of 'in' (pass_small) where it is being emitted: a cached loop version
// knows more (its lists are exact lists).
static unsigned small_of(const Emitter *e, const IrInstr *in) {
    return in == e->fast_in ? e->fast_small : in->small;
}

static void emit_int_binary(Emitter *e, const IrInstr *in) {
    const char *a = reg_text(e, in->args[0]), *b = reg_text(e, in->args[1]);
    if (small_of(e, in) & IR_SMALL_RESULT) {  // pass_small: tagged words add and subtract
        put_assign(e, in);
        put(e, in->aux == BIN_ADD ? "%s + %s - 1;\n" : "%s - %s + 1;\n", a, b);
        return;
    }
    static const char *const direct[] = {
        [BIN_ADD] = "kr_int_add", [BIN_SUB] = "kr_int_sub", [BIN_MUL] = "kr_int_mul",
        [BIN_FLOORDIV] = "kgh_int_floordiv", [BIN_MOD] = "kgh_int_mod",
        [BIN_LSHIFT] = "kr_int_lshift", [BIN_RSHIFT] = "kr_int_rshift",
    };
    put_assign(e, in);
    if (in->aux == BIN_POW) {
        put(e, "kr_int_pow(%s, %s, KR_NONE);\n", a, b);
    } else if (in->aux == BIN_AND || in->aux == BIN_OR || in->aux == BIN_XOR) {
        put(e, "kgh_int_bitop(%s, %s, %d);\n", a, b, in->aux - BIN_AND);
    } else {
        put(e, "%s(%s, %s);\n", direct[in->aux], a, b);
    }
    put_check(e, in, REP_INT);
}

static void emit_float_binary(Emitter *e, const IrInstr *in) {
    const char *a = reg_text(e, in->args[0]), *b = reg_text(e, in->args[1]);
    static const char *const ops[] = {[BIN_ADD] = "+", [BIN_SUB] = "-", [BIN_MUL] = "*"};
    static const char *const calls[] = {[BIN_TRUEDIV] = "kr_float_div",
                                        [BIN_FLOORDIV] = "kr_float_floordiv",
                                        [BIN_MOD] = "kr_float_mod", [BIN_POW] = "kr_float_pow"};
    put_assign(e, in);
    if (in->aux <= BIN_MUL) {
        put(e, "%s %s %s;\n", a, ops[in->aux], b);
        return;
    }
    if (in->aux == BIN_TRUEDIV) {  // only a zero divisor fails: kr_float_div raises for it
        put(e, "%s / %s;\n    if (KR_UNLIKELY(%s == 0.0 && kr_float_div(%s, %s) == -1.0))", a, b,
            b, a, b);
        put_error_branch(e, in);
        return;
    }
    put(e, "%s(%s, %s);\n", calls[in->aux], a, b);
    put_check(e, in, REP_FLOAT);
}

static void emit_obj_binary(Emitter *e, const IrInstr *in) {
    // Small-int fast paths first for the common arithmetic; the rest dispatch on type.
    static const char *const fns[] = {"kgh_dyn_add", "kgh_dyn_sub", "kgh_dyn_mul", "kr_truediv",
                                      "kgh_dyn_floordiv", "kgh_dyn_mod", "kr_pow", "kr_lshift",
                                      "kr_rshift", "kr_and", "kr_or", "kr_xor", "kr_matmul"};
    put_call(e, in, fns[in->aux]);
}

static void emit_unary(Emitter *e, const IrInstr *in) {
    const char *a = reg_text(e, in->args[0]);
    if (in->op == IR_FLOAT_UNARY) {
        put_assign(e, in);
        put(e, "%s%s;\n", in->aux == UN_NEG ? "-" : "", a);
        return;
    }
    if (in->op == IR_INT_UNARY && (small_of(e, in) & IR_SMALL_RESULT)) {  // -(2x+1) + 2
        put_assign(e, in);
        put(e, "2 - %s;\n", a);
        return;
    }
    if (in->op == IR_INT_UNARY) {
        put_call(e, in, in->aux == UN_NEG ? "kgh_int_neg" : "kgh_int_invert");
        return;
    }
    put_call(e, in, in->aux == UN_NEG ? "kr_neg" : in->aux == UN_POS ? "kr_pos" : "kr_invert");
}

static void emit_compare(Emitter *e, const IrInstr *in) {
    static const char *const c_ops[] = {"<", "<=", "==", "!=", ">", ">="};
    static const char *const kr_ops[] = {"KR_LT", "KR_LE", "KR_EQ", "KR_NE", "KR_GT", "KR_GE"};
    const char *a = reg_text(e, in->args[0]), *b = reg_text(e, in->args[1]);
    if (in->op == IR_OBJ_COMPARE) {
        put_assign(e, in);
        put(e, "kgh_dyn_compare(%s, %s, %s);\n", a, b, kr_ops[in->aux]);
        put_check(e, in, REP_OBJ);
        return;
    }
    put_assign(e, in);
    switch (in->op) {
    case IR_INT_COMPARE:  // tagged small ints compare as words
        if ((small_of(e, in) & 3) == 3) {  // pass_small: both are
            put(e, "(intptr_t)%s %s (intptr_t)%s;\n", a, c_ops[in->aux], b);
            break;
        }
        put(e, "KR_LIKELY(%s & %s & 1) ? (intptr_t)%s %s (intptr_t)%s\n", a, b, a,
            c_ops[in->aux], b);
        put(e, "        : kr_int_compare(%s, %s) %s 0;\n", a, b, c_ops[in->aux]);
        break;
    case IR_FLOAT_COMPARE:
        put(e, "%s %s %s;\n", a, c_ops[in->aux], b);
        break;
    case IR_FLOAT_INT_COMPARE:
        put(e, "kgh_float_int_cmp(%s, %s, %s);\n", a, b, kr_ops[in->aux]);
        break;
    default:
        put(e, "%s %s %s;\n", a, in->aux ? "!=" : "==", b);
        break;
    }
}

// Variadic operands go through a local array.
static void put_array(Emitter *e, const IrInstr *in, int n) {
    put(e, "    {\n        kr_val args_[] = {");
    if (n == 0) {
        put(e, "0");
    }
    put_args(e, in, 0, n);
    put(e, "};\n");
}

static void emit_build_string(Emitter *e, const IrInstr *in) {
    put_array(e, in, in->nargs);
    put(e, "    ");
    put_assign(e, in);
    put(e, "kr_str_build(args_, %d);\n    }\n", in->nargs);
    put_check(e, in, REP_OBJ);
}

static void emit_print(Emitter *e, const IrInstr *in) {
    int n = in->nargs - ((in->aux & 1) != 0) - ((in->aux & 2) != 0);
    const char *sep = in->aux & 1 ? reg_text(e, in->args[n]) : "0";
    const char *end = in->aux & 2 ? reg_text(e, in->args[in->nargs - 1]) : "0";
    put_array(e, in, n);
    put(e, "    ");
    const char *call =
        arena_printf(e->out->arena, "kgh_print(args_, %d, %s, %s)", n, sep, end);
    put_status_call(e, in, call);
    put(e, "    }\n");
}

static void emit_format(Emitter *e, const IrInstr *in) {
    put_assign(e, in);
    put(e, "kgh_format(%s, %d, %s);\n", reg_text(e, in->args[0]), in->aux,
        in->nargs > 1 ? reg_text(e, in->args[1]) : "0");
    put_check(e, in, REP_OBJ);
}

static void emit_call(Emitter *e, const IrInstr *in) {
    const char *cname = in->op == IR_CALL_EXT ? e->m->externs[in->aux].cname
                                              : e->m->funcs[in->aux]->cname;
    IrRep ret = in->op == IR_CALL_EXT ? ty_rep(e->m->externs[in->aux].ret_ty)
                                      : e->m->funcs[in->aux]->ret_rep;
    if (in->op == IR_CALL && e->m->funcs[in->aux]->fast_entry) {
        cname = arena_printf(e->out->arena, "kgw_%s", cname + 4);  // its int fast path first
    }
    if (ret != REP_BOOL) {
        put_call(e, in, cname);
        return;
    }
    StrBuf call;
    strbuf_init(&call, e->out->arena);
    strbuf_printf(&call, "%s(", cname);
    for (int i = 0; i < in->nargs; i++) {
        strbuf_printf(&call, "%s%s", i ? ", " : "", reg_text(e, in->args[i]));
    }
    strbuf_putc(&call, ')');
    put_status_call(e, in, strbuf_cstr(&call));
}

// A call through the object protocol: operands callee, positional values, keyword values,
// keyword names (aux of them).
static const char *const_text(Emitter *e, const IrConst *c);

// Attribute sites (GETATTR, SETATTR, CALL_METHOD) each get an inline cache, a static
// kr_attr_site in a block around the operation (kr_class.h).
// Whether method call 'in' (no keywords) may have a str receiver and names a method of str
// (kr_str.h's KR_STR_METHODS): its C function is then called directly when the receiver is an
// exact str (whose methods cannot be replaced), with no attribute lookup.
static bool str_method_call(Emitter *e, const IrInstr *in) {
    static const char *const names[] = {
        "capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find",
        "format", "format_map", "index", "isalnum", "isalpha", "isascii", "isdecimal",
        "isdigit", "isidentifier", "islower", "isnumeric", "isprintable", "isspace", "istitle",
        "isupper", "join", "ljust", "lower", "lstrip", "partition", "removeprefix",
        "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip",
        "split", "splitlines", "startswith", "strip", "swapcase", "title", "upper", "zfill"};
    const Ty *t = e->fn->regs[in->args[0]].ty;
    if (!t || (t->kind != TY_STR && t->kind != TY_DYN)) {
        return false;
    }
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(names[i], in->cst->s) == 0) {
            return true;
        }
    }
    return false;
}

static void emit_attr_site(Emitter *e, const IrInstr *in) {
    const char *a = reg_text(e, in->args[0]), *name = const_text(e, in->cst);
    if (in->op == IR_DELATTR) {  // rare: no cache
        put_status_call(e, in, arena_printf(e->out->arena, "kr_setattr(%s, %s, 0)", a, name));
        return;
    }
    put(e, "    {\n    static kr_attr_site site_;\n");
    if (in->op == IR_SETATTR) {
        put_status_call(e, in, arena_printf(e->out->arena, "kr_setattr_site(%s, %s, %s, &site_)",
                                            a, name, reg_text(e, in->args[1])));
        put(e, "    }\n");
        return;
    }
    if (in->op == IR_GETATTR) {
        put_assign(e, in);
        put(e, "kr_getattr_site(%s, %s, &site_);\n    }\n", a, name);
    } else {  // a method call without keywords: the receiver is the first argument
        put(e, "    kr_val args_[] = {");
        put_args(e, in, 0, in->nargs);
        put(e, "};\n");
        put_assign(e, in);
        if (str_method_call(e, in)) {  // an exact str's method: its C function
            put(e, "kr_str_exact(%s) ? kr_str_meth_%s(%s, args_ + 1, %d, 0)\n        : ", a,
                in->cst->s, a, in->nargs - 1);
        }
        put(e, "kr_call_method_site(%s, %s, args_, %d, &site_);\n    }\n", a, name, in->nargs);
    }
    put_check(e, in, REP_OBJ);
}

static void emit_call_obj(Emitter *e, const IrInstr *in) {
    int nkw = in->aux, npos = in->nargs - 1 - 2 * nkw;
    if (in->op == IR_CALL_METHOD && nkw == 0) {
        emit_attr_site(e, in);
        return;
    }
    put(e, "    {\n        kr_val args_[] = {");
    put_args(e, in, 1, 1 + npos + nkw);
    put(e, npos + nkw ? "};\n        kr_val names_[] = {" : "0};\n        kr_val names_[] = {");
    put_args(e, in, 1 + npos + nkw, in->nargs);
    put(e, nkw ? "};\n    " : "0};\n    ");
    put_assign(e, in);
    if (in->op == IR_CALL_METHOD) {
        put(e, "kgh_call_method(%s, %s, args_, %d, names_, %d);\n    }\n",
            reg_text(e, in->args[0]), const_text(e, in->cst), npos, nkw);
    } else {
        put(e, "kgh_call(%s, args_, %d, names_, %d);\n    }\n", reg_text(e, in->args[0]), npos,
            nkw);
    }
    put_check(e, in, REP_OBJ);
}

static void emit_build(Emitter *e, const IrInstr *in) {
    put_array(e, in, in->nargs);
    put(e, "    ");
    put_assign(e, in);
    put(e, "kgh_build(%d, args_, %d);\n    }\n", in->aux, in->nargs);
    put_check(e, in, REP_OBJ);
}

// The C string of a str constant operand (builtin and attribute names).
static const char *const_text(Emitter *e, const IrConst *c) {
    return arena_printf(e->out->arena, "kc_%d", c->id);
}

static void emit_container_status(Emitter *e, const IrInstr *in) {
    const char *a = reg_text(e, in->args[0]);
    const char *b = in->nargs > 1 ? reg_text(e, in->args[1]) : "";
    const char *c = in->nargs > 2 ? reg_text(e, in->args[2]) : "";
    Arena *ar = e->out->arena;
    switch (in->op) {
    case IR_CONTAINER_ADD:
        put_status_call(e, in, arena_printf(ar, "kgh_container_add(%s, %s, %d)", a, b, in->aux));
        break;
    case IR_DICT_SET:
        put_status_call(e, in, arena_printf(ar, "kr_dict_setitem(%s, %s, %s)", a, b, c));
        break;
    case IR_SETITEM:
        put_status_call(e, in, arena_printf(ar, "kr_setitem(%s, %s, %s)", a, b, c));
        break;
    case IR_DELITEM:
        put_status_call(e, in, arena_printf(ar, "kr_delitem(%s, %s)", a, b));
        break;
    default:  // IR_CONTAINS
        put_status_call(e, in, arena_printf(ar, "kr_contains(%s, %s)", b, a));
        break;
    }
}

// Typed list indexing (kr_containers.h): inline for an exact list and a small index.
static void emit_list_item(Emitter *e, const IrInstr *in) {
    const char *a = reg_text(e, in->args[0]);
    const char *b = in->nargs > 1 ? reg_text(e, in->args[1]) : "";
    Arena *ar = e->out->arena;
    if (in->op == IR_LIST_LEN) {
        put_call(e, in, "kr_list_len_int");
    } else if (in->op == IR_LIST_IS_FLOATS) {
        put_assign(e, in);
        put(e, "kr_list_is_floats(%s);\n", a);
    } else if (in->op == IR_LIST_AUG) {
        static const char *const ops[] = {[BIN_ADD] = "ADD", [BIN_SUB] = "SUB",
                                          [BIN_MUL] = "MUL", [BIN_TRUEDIV] = "TRUEDIV"};
        put_status_call(e, in, arena_printf(ar, "kr_list_aug_float(%s, %s, KR_OP_%s, %s)", a, b,
                                            ops[in->aux], reg_text(e, in->args[2])));
    } else if (in->op == IR_LIST_SET) {
        const char *c = reg_text(e, in->args[2]);
        IrRep rep = e->fn->regs[in->args[2]].rep;
        put_status_call(e, in, arena_printf(ar, "%s(%s, %s, %s)",
                                            rep == REP_FLOAT ? "kr_list_store_float"
                                            : rep == REP_INT ? "kr_list_store_int"
                                                             : "kr_list_store", a, b, c));
    } else if (e->fn->regs[in->dst].rep == REP_FLOAT) {
        // Through a temporary: a register whose address is taken lives in memory.
        put(e, "    {\n    double o_;\n    if (KR_UNLIKELY(kr_list_load_float(%s, %s, &o_) < 0))",
            a, b);
        put_error_branch(e, in);
        put(e, "    %s = o_;\n    }\n", reg_text(e, in->dst));
    } else {
        put_call(e, in, "kr_list_load_int");
    }
}

// Loop caches (ir/pass_hoist.c). Each loop with caches is emitted twice: the plain version
// (labels b<N>) and the cached version (labels f<N>). Jumps into the loop from outside, and
// the plain version's jumps back to a loop header (a block that dominates the jumping one),
// fill the caches and go to the cached version when every cached list is an exact list of raw
// doubles; the cached version leaves for the plain one (labels s<N>_<K>, before instruction K
// of block N) after anything that may run code or change a list. The plain version comes back
// at the next header, not at any earlier block: entered only at loop headers, the cached
// version's loops stay natural loops for gcc (an entry into a loop's latch or exit block
// makes the loop irreducible, and gcc then neither hoists nor allocates registers by loop).
static void emit_instr(Emitter *e, const IrInstr *in);
static bool instr_emitted(const Emitter *e, const IrInstr *in);

static void put_enter(Emitter *e, int r, int block) {
    const IrLoopCaches *lc = e->lc;
    put(e, "    if (KR_LIKELY(");  // else gcc takes the cached version for cold
    for (int i = 0; i < lc->nregs[r]; i++) {
        int reg = lc->regs[r][i];
        const char *v = reg_text(e, reg);
        put(e, "%s(kgh_list_%s(%s)", i ? "\n        && " : "", lc->ints[r][i] ? "ints" : "floats",
            v);
        put(e, " && (kcd%d = KR_LIST(%s)->items, kcn%d = KR_LIST(%s)->len, true))", reg, v, reg, v);
    }
    for (int i = 0; i < lc->nmaths[r]; i++) {  // then MATH_INTACT is true in the loop
        put(e, "\n        && kr_math_intact(%s)", global_cname(e, lc->maths[r][i]));
    }
    put(e, ")) {\n");
    for (int i = 0; i < lc->nregs[r]; i++) {  // the shortest: one test serves every list
        int reg = lc->regs[r][i];
        if (i == 0) {
            put(e, "        intptr_t n_ = kcn%d;\n", reg);
        } else {
            put(e, "        n_ = kcn%d < n_ ? kcn%d : n_;\n", reg, reg);
        }
    }
    put(e, "        kcl%d = KR_FROM_SMALL(n_);  // tagged: compared with tagged indices\n", r);
    put(e, "        goto f%d;\n    }\n", block);
}

// A jump from the block being emitted to 't'; 'fast': the loop whose cached version this is,
// or -1.
static void put_goto(Emitter *e, const IrBlock *t, int fast) {
    const IrLoopCaches *lc = e->lc;
    int tr = lc ? lc->region[t->id] : -1;
    if (tr >= 0 && tr == fast) {
        put(e, "    goto f%d;\n", t->id);
        return;
    }
    if (tr >= 0
        && (tr != lc->region[e->block->id] || ir_dominates(e->idom, t->id, e->block->id))) {
        put_enter(e, tr, t->id);
    }
    put(e, "    goto b%d;\n", t->id);
}

static void put_leave(Emitter *e, int k) {
    e->left[e->block->id][k + 1] = true;
    put(e, "    goto s%d_%d;\n", e->block->id, k + 1);
}

// "KR_IS_SMALL(x) && " for operand 'i' of 'in', or "" when pass_small knows it is one.
static const char *small_test(Emitter *e, const IrInstr *in, int i) {
    if (small_of(e, in) & (1u << i)) {
        return "";
    }
    return arena_printf(e->out->arena, "KR_IS_SMALL(%s) && ", reg_text(e, in->args[i]));
}

// The position of a cached access to list l by index register x (in loop r): for an index
// checked below every cached list's length, none: the item's address is KGH_AT(kcd<l>, x);
// else p_, the index or -1 (a miss). Opens a block; returns the item's address.
static const char *put_item_pos(Emitter *e, const IrInstr *in, int l, int r) {
    const char *x = reg_text(e, in->args[1]);
    if (e->checked[in->args[1]]) {
        put(e, "    {\n");
        return arena_printf(e->out->arena, "KGH_AT(kcd%d, %s)", l, x);
    }
    put(e, "    {\n    intptr_t p_ = KR_LIKELY(%s(uintptr_t)%s < (uintptr_t)kcl%d)\n"
           "        ? KR_SMALL_VALUE(%s) : kgh_cache_pos(%s, kcn%d);\n",
        small_test(e, in, 1), x, r, x, x, l);
    return arena_printf(e->out->arena, "&kcd%d[p_]", l);
}

// A cached access to a list of ints: a small int item read, or a small int stored over one
// (nothing to count or release); anything else takes the generic access and leaves.
static void emit_cached_int(Emitter *e, const IrInstr *in, int k, int r) {
    int l = in->args[0];
    const char *at = put_item_pos(e, in, l, r);
    const char *hit = e->checked[in->args[1]] ? "" : "p_ >= 0 && ";
    if (in->op == IR_LIST_GET) {
        put(e, "    if (KR_LIKELY(%sKR_IS_SMALL(*%s))) {\n    ", hit, at);
        put_assign(e, in);
        put(e, "*%s;\n    } else {\n", at);
    } else {
        const char *c = reg_text(e, in->args[2]);
        put(e, "    if (KR_LIKELY(%s%sKR_IS_SMALL(*%s))) {\n"
               "        *%s = %s;\n    } else {\n", hit, small_test(e, in, 2), at, at, c);
    }
    emit_list_item(e, in);
    put_leave(e, k);
    put(e, "    }\n    }\n");
}

// An instruction of the cached version reading the caches: the cached access; on a miss the
// generic one, which can only raise here (an exact list of raw doubles, an index out of range
// or too big, a division by zero), then the plain version, to be safe.
static void emit_cached(Emitter *e, const IrInstr *in, int k) {
    if (in->op == IR_MATH_INTACT) {
        put_assign(e, in);
        put(e, "true;\n");  // checked on entry, and after every call
        return;
    }
    int l = in->args[0];
    int r = e->lc->region[e->block->id];
    bool ints = false;
    for (int i = 0; i < e->lc->nregs[r]; i++) {
        ints |= e->lc->regs[r][i] == l && e->lc->ints[r][i];
    }
    if (in->op == IR_LIST_IS_FLOATS) {
        put_assign(e, in);
        put(e, "%s;\n", ints ? "false" : "true");
        return;
    }
    if (in->op == IR_LIST_LEN) {
        put_assign(e, in);
        put(e, "KR_FROM_SMALL(kcn%d);\n", l);
        return;
    }
    const char *b = reg_text(e, in->args[1]);
    if (ints) {
        emit_cached_int(e, in, k, r);
        return;
    }
    if (e->checked[in->args[1]] && in->op != IR_LIST_AUG) {
        const char *at = arena_printf(e->out->arena, "KGH_AT(kcd%d, %s)", l, b);
        if (in->op == IR_LIST_GET) {
            put(e, "    %s = KGH_F64(%s);\n", reg_text(e, in->dst), at);
        } else {
            put(e, "    KGH_F64(%s) = %s;\n", at, reg_text(e, in->args[2]));
        }
        return;
    }
    // An AUG by a checked index: only a division by zero misses.
    const char *at = put_item_pos(e, in, l, r);
    const char *hit = e->checked[in->args[1]] ? "true" : "p_ >= 0";
    if (in->op == IR_LIST_GET) {
        put(e, "    if (KR_LIKELY(%s)) {\n        %s = KGH_F64(%s);\n    } else {\n", hit,
            reg_text(e, in->dst), at);
    } else if (in->op == IR_LIST_SET) {
        put(e, "    if (KR_LIKELY(%s)) {\n        KGH_F64(%s) = %s;\n    } else {\n", hit, at,
            reg_text(e, in->args[2]));
    } else {
        static const char *const ops[] = {[BIN_ADD] = "+", [BIN_SUB] = "-", [BIN_MUL] = "*",
                                          [BIN_TRUEDIV] = "/"};
        const char *c = reg_text(e, in->args[2]);
        put(e, "    if (KR_LIKELY(%s%s)) {\n        KGH_F64(%s) = KGH_F64(%s) %s %s;\n"
               "    } else {\n",
            hit, in->aux == BIN_TRUEDIV ? arena_printf(e->out->arena, " && %s != 0.0", c) : "",
            at, at, ops[in->aux], c);
    }
    emit_list_item(e, in);
    put_leave(e, k);
    put(e, "    }\n    }\n");
}

// Instruction k of the cached version of a loop.
static void emit_fast_instr(Emitter *e, const IrInstr *in, int k, int r) {
    IrCacheUse use = e->lc->use[e->block->id][k];
    if (in->op == IR_JUMP && !e->cleanup[e->block->id]) {
        put_goto(e, in->target[0], r);
        return;
    }
    if (in->op == IR_BRANCH) {
        put(e, "    if (%s) {\n    ", reg_text(e, in->args[0]));
        put_goto(e, in->target[0], r);
        put(e, "    }\n");
        put_goto(e, in->target[1], r);
        return;
    }
    if (use == CACHE_HIT) {
        emit_cached(e, in, k);
        return;
    }
    emit_instr(e, in);
    if (use == CACHE_REFRESH && in->op != IR_CALL) {
        put_leave(e, k);
    } else if (use == CACHE_REFRESH) {
        // Still valid when every list still has the same storage, length and strategy (the
        // items themselves are read where they are), and math is as it was.
        const IrLoopCaches *lc = e->lc;
        put(e, "    if (KR_UNLIKELY(");
        for (int i = 0; i < lc->nregs[r]; i++) {
            int reg = lc->regs[r][i];
            put(e, "%s!kgh_list_valid%s(%s, kcd%d, kcn%d)", i ? "\n        || " : "",
                lc->ints[r][i] ? "_ints" : "", reg_text(e, reg), reg, reg);
        }
        for (int i = 0; i < lc->nmaths[r]; i++) {
            int g = lc->maths[r][i];
            put(e, "\n        || !kr_math_intact(%s)", global_cname(e, g));
        }
        put(e, ")) {\n    ");
        put_leave(e, k);
        put(e, "    }\n");
    } else if (use == CACHE_REFRESH_BIG) {
        put(e, "    if (KR_UNLIKELY(!(%s", reg_text(e, in->dst));
        for (int i = 0; i < in->nargs; i++) {
            put(e, " & %s", reg_text(e, in->args[i]));
        }
        put(e, " & 1))) {\n    ");
        put_leave(e, k);
        put(e, "    }\n");
    } else if (use == CACHE_REFRESH_SUBCLASS) {
        put(e, "    if (KR_UNLIKELY(KR_OBJ(%s)->type != &kr_list_type)) {\n    ",
            reg_text(e, in->args[0]));
        put_leave(e, k);
        put(e, "    }\n");
    }
}

// Before the first cached access of block 'b' (instruction k) by an index the loop computes
// (its counters): a test that the index is a small int below the shortest cached list, which
// then serves every access by it up to the index's next assignment; when it fails, the block
// goes on in the plain version.
static void put_index_check(Emitter *e, const IrInstr *in, int k, const bool *assigned, int r) {
    bool access = in->op == IR_LIST_GET || in->op == IR_LIST_SET || in->op == IR_LIST_AUG;
    if (!access || e->lc->use[e->block->id][k] != CACHE_HIT || !assigned[in->args[1]]
        || e->checked[in->args[1]]) {
        return;
    }
    const char *x = reg_text(e, in->args[1]);
    put(e, "    if (KR_UNLIKELY(!(%s(uintptr_t)%s < (uintptr_t)kcl%d))) {\n    ",
        small_test(e, in, 1), x, r);
    put_leave(e, k - 1);
    put(e, "    }\n");
    e->checked[in->args[1]] = true;
}

// The cached version of each loop r, into texts[r].
static void emit_fast_versions(Emitter *e, StrBuf *texts) {
    const IrFunc *fn = e->fn;
    e->checked = arena_alloc(e->out->arena, (size_t)fn->nregs + 1);
    for (int r = 0; r < e->lc->nregions; r++) {
        e->out = &texts[r];
        bool *assigned = arena_alloc(e->out->arena, (size_t)fn->nregs + 1);
        for (int i = 0; i < fn->nblocks; i++) {
            for (int k = 0; e->lc->region[i] == r && k < fn->blocks[i]->count; k++) {
                if (fn->blocks[i]->instrs[k]->dst >= 0) {
                    assigned[fn->blocks[i]->instrs[k]->dst] = true;
                }
            }
        }
        for (int i = 0; i < fn->nblocks; i++) {
            const IrBlock *b = fn->blocks[i];
            if (e->lc->region[i] != r) {
                continue;
            }
            e->block = b;
            put(e, "f%d:;\n", b->id);
            e->line = -1;
            memset(e->checked, 0, (size_t)fn->nregs + 1);
            for (int k = 0; k < b->count; k++) {
                const IrInstr *in = b->instrs[k];
                if (instr_emitted(e, in)) {
                    put_line(e, in->line);
                    e->fast_in = in;
                    e->fast_small = e->lc->small[i][k];
                    put_index_check(e, in, k, assigned, r);
                    emit_fast_instr(e, in, k, r);
                    e->fast_in = NULL;
                }
                if (in->dst >= 0) {
                    e->checked[in->dst] = false;
                }
            }
        }
    }
}

static void emit_math(Emitter *e, const IrInstr *in) {
    put_assign(e, in);
    if (in->op == IR_MATH_INTACT) {
        put(e, "kr_math_intact(%s);\n", global_cname(e, in->aux));
        return;
    }
    const char *x = reg_text(e, in->args[0]);
    if (strcmp(in->cst->s, "sqrt") == 0 && !e->defer_err) {
        // Only a negative argument can fail: no test of the result on the common path.
        put(e, "kr_math_sqrt_inline(%s);\n    if (KR_UNLIKELY(!(%s >= 0.0)) && ", x, x);
        put_reg(e, in->dst);
        put(e, " == -1.0 && kr_err_occurred())");
        put_error_branch(e, in);
        return;
    }
    put(e, "kr_math_%s_%s(%s);\n", in->cst->s, strcmp(in->cst->s, "sqrt") == 0 ? "inline" : "f", x);
    put_check(e, in, REP_FLOAT);
}

// A direct call of a builtin's C entry (ir_builtins, IR_CALL_BUILTIN).
static void emit_call_builtin(Emitter *e, const IrInstr *in) {
    const IrBuiltin *b = &ir_builtins[in->aux];
    Arena *a = e->out->arena;
    if (b->shape == IRB_STATUS) {
        put_status_call(e, in, arena_printf(a, "%s(%s, %s)", b->c, reg_text(e, in->args[0]),
                                            reg_text(e, in->args[1])));
        return;
    }
    bool vector = b->shape == IRB_VECTOR || b->shape == IRB_TYPE;
    if (vector) {
        put(e, "    {\n        kr_val args_[] = {");
        put_args(e, in, 0, in->nargs);
        put(e, "%s};\n    ", in->nargs ? "" : "0");
    }
    put_assign(e, in);
    switch (b->shape) {
    case IRB_VECTOR:
        put(e, "%s(args_, %d, 0, 0);\n    }\n", b->c, in->nargs);
        break;
    case IRB_TYPE:
        put(e, "kr_call((kr_val)&kr_%s_type, args_, %d, 0);\n    }\n", b->c, in->nargs);
        break;
    case IRB_SORTED:
        put(e, "%s(%s, 0, false);\n", b->c, reg_text(e, in->args[0]));
        break;
    default:
        put(e, "%s(", b->c);
        put_args(e, in, 0, in->nargs);
        for (int i = in->nargs; i < b->max; i++) {
            put(e, "%s%s", i ? ", " : "", b->pad);
        }
        put(e, ");\n");
        break;
    }
    put_check(e, in, e->fn->regs[in->dst].rep);
}

// float(x) / int(x) of the builtins, called directly: a double, or an int object.
static void emit_num_convert(Emitter *e, const IrInstr *in) {
    put_call(e, in, in->aux ? "kr_int_from_val" : "kr_float_convert");
}

// Split views (ir/lower_str.c): the view, and an item of it as a str, a double or an int.
static void emit_split(Emitter *e, const IrInstr *in) {
    const char *a = reg_text(e, in->args[0]), *sep = const_text(e, in->cst);
    put_assign(e, in);
    if (in->op == IR_SPLIT_VIEW) {
        put(e, "kr_str_split_view(%s, %s);\n", a, sep);
        put_check(e, in, REP_OBJ);
        return;
    }
    IrRep rep = e->fn->regs[in->dst].rep;
    put(e, "kr_str_split_item%s(%s, %s, %d);\n",
        rep == REP_FLOAT ? "_float" : rep == REP_INT ? "_int" : "", a, sep, in->aux);
    put_check(e, in, rep);
}

static void emit_object_op(Emitter *e, const IrInstr *in) {
    static const char *const inplace[] = {"ADD", "SUB", "MUL", "TRUEDIV", "FLOORDIV", "MOD",
                                          "POW", "LSHIFT", "RSHIFT", "AND", "OR", "XOR",
                                          "MATMUL"};
    const char *a = in->nargs ? reg_text(e, in->args[0]) : "";
    put_assign(e, in);
    switch (in->op) {
    case IR_LOAD_BUILTIN:
        put(e, "kgh_builtin(kr_str_data(%s));\n", const_text(e, in->cst));
        break;
    case IR_GETITEM:
        put(e, "kgh_getitem(%s, %s);\n", a, reg_text(e, in->args[1]));
        break;
    case IR_SLICE:
        put(e, "kr_slice_new(%s, %s, %s);\n", a, reg_text(e, in->args[1]),
            reg_text(e, in->args[2]));
        break;
    case IR_INPLACE:
        if (in->aux <= 2) {  // += -= *= of two small ints: the int operation, inline
            const char *b = reg_text(e, in->args[1]);
            static const char *const fns[] = {"kr_int_add", "kr_int_sub", "kr_int_mul"};
            put(e, "(%s & %s & 1) ? %s(%s, %s) : ", a, b, fns[in->aux], a, b);
        }
        put(e, "kr_inplace_op(KR_OP_%s, %s, %s);\n", inplace[in->aux], a,
            reg_text(e, in->args[1]));
        break;
    case IR_ITER:
        put(e, "kr_iter(%s);\n", a);
        break;
    default:
        put(e, "kgh_unpack(%s, %d, %d);\n", a, in->aux & 0xffff, (in->aux >> 16) - 1);
        break;
    }
    put_check(e, in, REP_OBJ);
}

static void emit_next(Emitter *e, const IrInstr *in) {
    put_assign(e, in);
    put(e, "%s(%s);", in->aux ? "kr_gen_next_fast" : "kgh_next", reg_text(e, in->args[0]));
    put(e, "\n    if (KR_UNLIKELY(");
    put_reg(e, in->dst);
    put(e, " == 0 && kr_err_occurred()))");
    put_error_branch(e, in);
}

static void emit_global(Emitter *e, const IrInstr *in) {
    const char *g = global_cname(e, in->aux);
    if (in->op == IR_STORE_GLOBAL) {
        put(e, "    KR_SETREF(%s, %s);\n", g, reg_text(e, in->args[0]));
        return;
    }
    put_assign(e, in);
    put(e, "kgh_load_global(%s, \"%s\", %s);\n", g, e->m->globals[in->aux].name,
        e->m->globals[in->aux].ty->kind == TY_DYN ? "true" : "false");
    put_check(e, in, REP_OBJ);
}

static void emit_terminator(Emitter *e, const IrInstr *in) {
    switch (in->op) {
    case IR_JUMP:
        if (e->cleanup[e->block->id]) {
            put(e, "    goto ");
            put_err_label(e, in->target[0]);
            put(e, ";\n");
            break;
        }
        put(e, "    goto b%d;\n", in->target[0]->id);
        break;
    case IR_BRANCH:
        put(e, "    if (%s) {\n        goto b%d;\n    }\n    goto b%d;\n",
            reg_text(e, in->args[0]), in->target[0]->id, in->target[1]->id);
        break;
    case IR_RETURN:
        if (e->fn->is_gen_resume) {
            put(e, "    g->retval = %s;\n    return 0;\n", reg_text(e, in->args[0]));
            break;
        }
        put(e, "%s    return %s;\n", e->leaf ? "" : "    kr_leave_call();\n",
            reg_text(e, in->args[0]));
        break;
    default:
        if (e->fn->is_gen_resume) {
            put(e, "    return 0;\n");
            break;
        }
        put(e, "%s    return %s;\n", e->leaf ? "" : "    kr_leave_call();\n",
            err_value(e->fn->ret_rep));
        break;
    }
}

static void emit_simple(Emitter *e, const IrInstr *in) {
    const char *a = in->nargs ? reg_text(e, in->args[0]) : "";
    switch (in->op) {
    case IR_CONST:
        put_assign(e, in);
        put_const(e, in->cst);
        put(e, ";\n");
        break;
    case IR_MOVE:
        put_assign(e, in);
        put(e, "%s;\n", a);
        break;
    case IR_BOOL_TO_INT:
        put_assign(e, in);
        put(e, "KR_FROM_SMALL(%s);\n", a);
        break;
    case IR_NOT:
        put_assign(e, in);
        put(e, "!%s;\n", a);
        break;
    case IR_INT_TO_FLOAT:
        put_call(e, in, "kgh_int_to_double");
        break;
    case IR_INT_TRUEDIV:
        put_call(e, in, "kgh_int_truediv");
        break;
    case IR_CHECK_BOUND:
        put_status_call(e, in,
                        arena_printf(e->out->arena, "kgh_check_bound(%s != %s, \"%s\")", a,
                                     e->fn->regs[in->args[0]].rep == REP_BOOL ? "false" : "0",
                                     e->fn->regs[in->aux].name));
        break;
    case IR_IS_SET:
        put_assign(e, in);
        put(e, "%s != 0;\n", a);
        break;
    case IR_TUPLE_ITEM:
        put_assign(e, in);
        put(e, "kr_newref(KR_TUPLE_ITEMS(%s)[%d]);\n", a, in->aux);
        break;
    case IR_CHECK_RANGE_STEP:
        put_status_call(e, in, arena_printf(e->out->arena, "kgh_check_range_step(%s)", a));
        break;
    default: {
        bool i = e->fn->regs[in->args[0]].rep == REP_INT;
        bool cold = !e->fn_hot && !e->in_loop[e->block->id];
        if (small_of(e, in) & 1) {
            break;  // a small int (known in a cached loop version): nothing to count
        }
        if (e->cleanup[e->block->id] || (!i && in->op != IR_INCREF && cold)) {
            // Error paths, and cold code (hot_functions): out of line, much less code for
            // the C compiler (an inline release is four branches).
            put(e, "    kgh_release(%s);\n", a);
            break;
        }
        put(e, "    %s%s(%s);\n", in->op == IR_INCREF   ? "KR_INCREF"
                                  : in->op == IR_DECREF ? "KR_DECREF"
                                                        : "KR_XDECREF",
            i && in->op != IR_INCREF ? "_INT" : "", a);
        break;
    }
    }
}


// ---------------------------------------------------------------------------------------------
// Generators (kr_gen.h). A resume function keeps the registers live across a suspension point in
// its frame (f->...), after the arguments a<N> that GEN_NEW stores and GEN_ARG takes over; the
// others are C locals. Only the arguments are released by the frame's clear function: the body
// releases everything else itself before it returns or raises (pass_refcount), and a suspended
// generator is closed (its body unwinds) before it dies.

// live := live before 'in', from live after it ('live' is updated in place); 'err_in' is the
// live-in set of each block, for the error edge.
static void live_step(const IrFunc *fn, const IrInstr *in, bool *live, bool *const *err_in) {
    if (in->dst >= 0) {
        live[in->dst] = false;
    }
    for (int r = 0; in->err && r < fn->nregs; r++) {
        live[r] |= err_in[in->err->id][r];
    }
    for (int i = 0; i < in->nargs; i++) {
        live[in->args[i]] = true;
    }
}

// Backward liveness over every register to a fixpoint: 'live_in' per block. Then 'in_frame'
// gets what is live on resumption at each suspension point (after it on either edge, and the
// iterator a `yield from` resumes).
static void block_live(const IrFunc *fn, const IrBlock *b, bool *live, bool *const *live_in,
                       bool *in_frame) {
    memset(live, 0, (size_t)fn->nregs + 1);
    const IrInstr *t = ir_terminator(b);
    for (int k = 0; k < 2; k++) {
        for (int r = 0; t->target[k] && r < fn->nregs; r++) {
            live[r] |= live_in[t->target[k]->id][r];
        }
    }
    for (int k = b->count - 1; k >= 0; k--) {
        const IrInstr *in = b->instrs[k];
        bool suspends = in->op == IR_YIELD || in->op == IR_YIELD_FROM;
        for (int r = 0; suspends && in_frame && r < fn->nregs; r++) {
            bool on_err = in->err && live_in[in->err->id][r];
            in_frame[r] |= (live[r] || on_err) && r != in->dst;
        }
        if (suspends && in_frame && in->op == IR_YIELD_FROM) {
            in_frame[in->args[0]] = true;  // the iterator it resumes
        }
        live_step(fn, in, live, live_in);
    }
}

static bool *frame_regs(Emitter *e, const IrFunc *fn) {
    Arena *a = e->out->arena;
    bool **live_in = arena_alloc(a, sizeof(bool *) * (size_t)(fn->nblocks + 1));
    for (int i = 0; i < fn->nblocks; i++) {
        live_in[i] = arena_alloc(a, (size_t)fn->nregs + 1);
    }
    bool *live = arena_alloc(a, (size_t)fn->nregs + 1);
    bool changed = true;
    while (changed) {
        changed = false;
        for (int i = fn->nblocks - 1; i >= 0; i--) {
            block_live(fn, fn->blocks[i], live, live_in, NULL);
            changed |= memcmp(live, live_in[i], (size_t)fn->nregs) != 0;
            memcpy(live_in[i], live, (size_t)fn->nregs);
        }
    }
    bool *in_frame = arena_alloc(a, (size_t)fn->nregs + 1);
    for (int i = 0; i < fn->nblocks; i++) {
        block_live(fn, fn->blocks[i], live, live_in, in_frame);
    }
    return in_frame;
}

static const char *resume_name(const IrFunc *fn) { return fn->cname; }

static void emit_gen_new(Emitter *e, const IrInstr *in) {
    const IrFunc *r = e->m->funcs[in->aux];
    put_assign(e, in);
    put(e, "kr_gen_new(&%s_code, 0, 0);\n", resume_name(r));
    put_check(e, in, REP_OBJ);
    if (in->nargs == 0) {
        return;
    }
    put(e, "    {\n        %s_frame *f_ = kr_gen_frame(%s);\n", resume_name(r),
        reg_text(e, in->dst));
    for (int i = 0; i < in->nargs; i++) {
        const char *a = reg_text(e, in->args[i]);
        bool word = rep_is_refcounted(e->fn->regs[in->args[i]].rep);
        put(e, "        f_->a%d = %s%s%s;\n", i, word ? "kr_newref(" : "", a, word ? ")" : "");
    }
    put(e, "    }\n");
}

static void emit_gen_arg(Emitter *e, const IrInstr *in) {
    put_assign(e, in);
    put(e, "f->a%d;\n    f->a%d = 0;\n", in->aux, in->aux);
}

// A suspension point: label N, then on resumption throw()/close() raise here.
static void emit_yield(Emitter *e, const IrInstr *in) {
    int n = ++e->nyield;
    const char *a = reg_text(e, in->args[0]);
    if (in->op == IR_YIELD) {
        // The yielded value is stolen (pass_refcount); a sent value nothing uses has no dst.
        put(e, "    g->label = %d;\n    return %s;\nkgy%d:\n", n, a, n);
        put(e, "    if (KR_UNLIKELY(mode != KR_GEN_SEND))");
        put_error_branch(e, in);
        if (in->dst >= 0) {
            put_assign(e, in);
            put(e, "kr_newref(sent);\n");
        }
        return;
    }
    put(e, "    kgs = kr_gen_yield_from(g, %s, KR_NONE, KR_GEN_SEND, &kgv);\n    goto kgyf%d;\n"
           "kgy%d:\n    kgs = kr_gen_yield_from(g, %s, sent, mode, &kgv);\nkgyf%d:\n"
           "    if (kgs == 1) {\n        g->label = %d;\n        return kgv;\n    }\n"
           "    if (KR_UNLIKELY(kgs < 0))", a, n, n, a, n, n);
    put_error_branch(e, in);
    put_assign(e, in);
    put(e, "kgv;\n");
}

static int count_yields(const IrFunc *fn) {
    int n = 0;
    for (int i = 0; i < fn->nblocks; i++) {
        for (int k = 0; k < fn->blocks[i]->count; k++) {
            IrOp op = fn->blocks[i]->instrs[k]->op;
            n += op == IR_YIELD || op == IR_YIELD_FROM;
        }
    }
    return n;
}

// The start of a resume function: the jump to the suspension point, and throw() or close()
// into a generator that has not started.
static void put_resume_head(Emitter *e) {
    const IrFunc *fn = e->fn;
    put(e, "    %s_frame *f = g->frame;\n    int kgs = 0;\n    kr_val kgv = 0;\n"
           "    (void)f;\n    (void)kgs;\n    (void)kgv;\n    (void)sent;\n"
           "    switch (g->label) {\n",
        resume_name(fn));
    for (int i = 1; i <= count_yields(fn); i++) {
        put(e, "    case %d:\n        goto kgy%d;\n", i, i);
    }
    put(e, "    default:\n        break;\n    }\n    if (mode != KR_GEN_SEND) {\n"
           "        kr_traceback_add(kgm_file, %d, ", fn->line);
    put_func_name(e);
    put(e, ");\n        return 0;\n    }\n");
    e->nyield = 0;
}

// The frame struct, clear and traverse functions and code object of resume function 'fn'.
static void emit_gen_frame(Emitter *e, const IrFunc *fn, int nargs) {
    e->fn = fn;
    const char *c = resume_name(fn);
    put(e, "\ntypedef struct %s_frame {\n", c);
    for (int i = 0; i < nargs; i++) {
        put(e, "    %s a%d;\n", rep_ctype(fn->regs[i].rep), i);
    }
    bool *in_frame = frame_regs(e, fn);
    bool empty = nargs == 0;
    for (int r = 0; r < fn->nregs; r++) {
        empty = empty && !in_frame[r];
    }
    if (empty) {
        put(e, "    char unused_;  // C has no empty structs\n");
    }
    for (int r = 0; r < fn->nregs; r++) {
        if (!in_frame[r]) {
            continue;
        }
        put(e, "    %s ", rep_ctype(fn->regs[r].rep));
        e->fn = NULL;
        put(e, fn->regs[r].name ? "v_" : "t%d", r);
        if (fn->regs[r].name) {
            put_ident(e, fn->regs[r].name);
        }
        e->fn = fn;
        put(e, ";\n");
    }
    put(e, "} %s_frame;\n", c);
    if (e->decls) {
        put(e, "KGX const kr_gen_code %s_code;\n", c);
        return;
    }
    put(e, "\nstatic void %s_clear(void *p) {\n    %s_frame *f = p;\n    (void)f;\n", c, c);
    for (int i = 0; i < nargs; i++) {
        if (rep_is_refcounted(fn->regs[i].rep)) {
            put(e, "    KR_CLEAR(f->a%d);\n", i);
        }
    }
    put(e, "}\n\nstatic void %s_traverse(void *p, kr_visitfunc visit, void *arg) {\n"
           "    %s_frame *f = p;\n    (void)f;\n    (void)visit;\n    (void)arg;\n", c, c);
    for (int i = 0; i < nargs; i++) {
        if (rep_is_refcounted(fn->regs[i].rep)) {
            put(e, "    if (f->a%d) {\n        visit(f->a%d, arg);\n    }\n", i, i);
        }
    }
    put(e, "}\n\nKGS const kr_gen_code %s_code = {%s, sizeof(%s_frame), %s_clear, "
           "%s_traverse, ", c, c, c, c, c);
    put_func_name(e);
    put(e, ", ");
    put_c_string(e, fn->qualname, strlen(fn->qualname));
    put(e, ", KR_GEN_GENERATOR};\n");
}

// ---------------------------------------------------------------------------------------------
// Functions, closures and classes

// "kgb_<module>__<name>" and friends from the native entry's "kgf_<module>__<name>".
static const char *entry_name(Emitter *e, const IrFunc *fn, const char *prefix) {
    return arena_printf(e->out->arena, "%s%s", prefix, fn->cname + 4);
}

// An optional operand of CLASS_PREPARE / CLASS_NEW: 0 when absent (aux bit 'bit' clear; the
// operand is then None).
static const char *opt_arg(Emitter *e, const IrInstr *in, int i, int bit) {
    const char *r = reg_text(e, in->args[i]);
    return (in->aux & bit) ? r : arena_printf(e->out->arena, "(%s == KR_NONE ? 0 : %s)", r, r);
}

static void emit_class_op(Emitter *e, const IrInstr *in) {
    put_assign(e, in);
    if (in->op == IR_CLASS_PREPARE) {
        put(e, "kr_class_prepare(%s, %s, %s, %s);\n", reg_text(e, in->args[0]),
            reg_text(e, in->args[1]), opt_arg(e, in, 2, 1), opt_arg(e, in, 3, 2));
    } else {
        const char *call = arena_printf(e->out->arena, "kr_class_new(%s, %s, 0, %s, %s, %s, %s)",
            reg_text(e, in->args[0]), reg_text(e, in->args[1]), reg_text(e, in->args[2]),
            reg_text(e, in->args[3]), opt_arg(e, in, 4, 1), opt_arg(e, in, 5, 2));
        put(e, "kr_class_with_layout(%s, %s);\n", call, reg_text(e, in->args[6]));
    }
    put_check(e, in, REP_OBJ);
}

static void emit_make_function(Emitter *e, const IrInstr *in) {
    const IrFunc *fn = e->m->funcs[in->aux];
    put_assign(e, in);
    put(e, "kgh_make_function(kr_function_new(&%s.sig, %s, ", entry_name(e, fn, "kgs_"),
        e->boxed[in->aux]);
    put_c_string(e, fn->name, strlen(fn->name));
    put(e, ", ");
    put_c_string(e, fn->qualname, strlen(fn->qualname));
    put(e, ", %s), ", reg_text(e, in->args[4]));
    put_args(e, in, 0, 4);
    put(e, ");\n");
    put_check(e, in, REP_OBJ);
}

static void emit_func_op(Emitter *e, const IrInstr *in) {
    const char *a = in->nargs ? reg_text(e, in->args[0]) : "";
    const char *b = in->nargs > 1 ? reg_text(e, in->args[1]) : "";
    switch (in->op) {
    case IR_MAKE_FUNCTION: emit_make_function(e, in); return;
    case IR_CLASS_PREPARE:
    case IR_CLASS_NEW: emit_class_op(e, in); return;
    case IR_CELL_SET: put(e, "    kr_cell_set(%s, %s);\n", a, b); return;
    case IR_CELL_DELETE:
        put_status_call(e, in,
                        arena_printf(e->out->arena, "kr_cell_delete(%s, kr_str_data(%s), %s)", a,
                                     const_text(e, in->cst), in->aux ? "true" : "false"));
        return;
    case IR_LOAD_CLOSURE:
        put_assign(e, in);
        put(e, "kr_newref(kr_function_cell(kfn, %d));\n", in->aux);
        return;
    default: break;
    }
    put_assign(e, in);
    switch (in->op) {
    case IR_CELL_NEW: put(e, "kr_cell_new(%s);\n", in->nargs ? a : "0"); break;
    case IR_CELL_GET:
        put(e, "kr_cell_get(%s, kr_str_data(%s), %s);\n", a, const_text(e, in->cst),
            in->aux ? "true" : "false");
        break;
    case IR_CALL_EX:
        put(e, "kgh_call_ex(%s, %s, %s);\n", a, b, reg_text(e, in->args[2]));
        break;
    case IR_LOAD_NAME:
        put(e, "kgh_load_name(%s, %s, %s);\n", a, const_text(e, in->cst),
            in->aux >= 0 ? global_cname(e, in->aux) : "0");
        break;
    default: put(e, "kr_super_new(%s, %s);\n", a, b); break;
    }
    put_check(e, in, REP_OBJ);
}

// The boxed entry's conversion of bound argument 'i' to the native parameter's representation.
static void put_boxed_param(Emitter *e, const IrFunc *fn, int i) {
    const IrReg *r = &fn->regs[fn->params[i]];
    const char *v = arena_printf(e->out->arena, "av_[%d]", i);
    if (r->rep == REP_FLOAT) {
        put(e, "    double p%d = kgh_unbox_float(%s);\n    if (p%d == -1.0 && kr_err_occurred()) {"
               "\n        goto done;\n    }\n", i, v, i);
    } else if (r->rep == REP_BOOL) {
        put(e, "    int p%d = kgh_unbox_bool(%s);\n    if (p%d < 0) {\n        goto done;\n    }\n",
            i, v, i);
    } else if (r->ty->kind != TY_DYN) {
        StrBuf name;
        strbuf_init(&name, e->out->arena);
        put_expected(&name, r->ty);
        put(e, "    kr_val p%d = %s;\n    if (!(%s)) {\n        kr_err_set(&kr_exc_TypeError, "
               "\"%s object expected; got %%s\", kr_type_name(p%d));\n        goto done;\n    }\n",
            i, v, type_check(e, r->ty, v), strbuf_cstr(&name), i);
    } else {
        put(e, "    kr_val p%d = %s;\n", i, v);
    }
}

// The body of the boxed entry (kr_boxedfunc) of 'fn', after its opening line: binds,
// converts, calls the native entry, boxes its result. It names nothing of 'fn' but its shape
// (parameter conversions, result): the kr_sig and the native entry come from the function
// object's kgh_entry, so that functions of one shape share one boxed entry (boxed_shapes).
// With 'direct' (a function alone in its shape), the entry is its own and the native entry is
// called directly, which gcc may inline.
static void put_boxed_body(Emitter *e, const IrFunc *fn, bool direct) {
    e->fn = fn;
    if (direct) {
        put(e, "    const kgh_entry *en_ = &%s;\n", entry_name(e, fn, "kgs_"));
    } else {
        put(e, "    const kgh_entry *en_ = (const kgh_entry *)KR_FUNCTION(fn)->sig;\n");
    }
    put(e, "    kr_val a_[%d] = {0};\n    kr_val r_ = 0;\n    const kr_val *av_ = a_;\n",
        fn->nparams + 1);
    // A call passing exactly the positional parameters uses the caller's vector as it is
    // (the caller holds the references); any other is bound by kr_bind_args.
    bool simple = !fn->varargs && !fn->varkw && fn->nkwonly == 0;
    if (simple) {
        put(e, "    if (!kwnames && nargs == %d) {\n        av_ = args;\n    } else ", fn->npos);
    } else {
        put(e, "    ");
    }
    put(e, "if (kr_bind_args(&en_->sig, args, nargs, kwnames, KR_FUNCTION(fn)->defaults,\n"
           "                     KR_FUNCTION(fn)->kwdefaults, a_) < 0) {\n"
           "        return 0;\n    }\n");
    for (int i = 0; i < fn->nparams; i++) {
        put_boxed_param(e, fn, i);
    }
    if (direct) {
        put(e, "    {\n        %s res_ = %s(%s", ret_ctype(fn->ret_rep),
            fn->fast_entry ? entry_name(e, fn, "kgw_") : fn->cname,
            fn->has_closure ? "fn" : "");
    } else {
        const char *ret = ret_ctype(fn->ret_rep);
        put(e, "    {\n        %s res_ = ((%s (*)(", ret, ret);
        if (fn->has_closure) {
            put(e, "kr_val");
        }
        for (int i = 0; i < fn->nparams; i++) {
            put(e, "%s%s", i || fn->has_closure ? ", " : "",
                rep_ctype(fn->regs[fn->params[i]].rep));
        }
        put(e, "%s))en_->native)(%s", fn->nparams + fn->has_closure > 0 ? "" : "void",
            fn->has_closure ? "fn" : "");
    }
    for (int i = 0; i < fn->nparams; i++) {
        put(e, "%sp%d", i || fn->has_closure ? ", " : "", i);
    }
    put(e, ");\n");
    switch (fn->ret_rep) {
    case REP_FLOAT:
        put(e, "        r_ = res_ == -1.0 && kr_err_occurred() ? 0 : kr_float_new(res_);\n");
        break;
    case REP_BOOL: put(e, "        r_ = res_ < 0 ? 0 : kr_bool(res_);\n"); break;
    default: put(e, "        r_ = res_;\n"); break;
    }
    put(e, "    }\n    goto done;\ndone:\n    if (av_ == a_) {\n"
           "        kr_bind_release(&en_->sig, a_);\n    }\n    return r_;\n}\n");
}

// The boxed entry of each function of the module ('e->boxed', 'e->boxed_def'): functions whose
// boxed entries have the same body share the first one's, kgb_<module>__<its name>. A module's
// boxed entries are then a few shapes (gcc spends about 5 ms on each C function at -O2).
static void boxed_shapes(Emitter *e) {
    const IrModule *m = e->m;
    Arena *a = e->out->arena;
    e->boxed = arena_alloc(a, sizeof(char *) * (size_t)(m->nfuncs + 1));
    e->boxed_def = arena_alloc(a, (size_t)m->nfuncs + 1);
    e->boxed_shared = arena_alloc(a, (size_t)m->nfuncs + 1);
    enum { NBUCKETS = 256 };
    int bucket[NBUCKETS], *chain = arena_alloc(a, sizeof(int) * (size_t)(m->nfuncs + 1));
    StrBuf *text = arena_alloc(a, sizeof(StrBuf) * (size_t)(m->nfuncs + 1));
    uint32_t *hash = arena_alloc(a, sizeof(uint32_t) * (size_t)(m->nfuncs + 1));
    for (int i = 0; i < NBUCKETS; i++) {
        bucket[i] = -1;
    }
    StrBuf *out = e->out;
    for (int i = 1; i < m->nfuncs; i++) {
        const IrFunc *fn = m->funcs[i];
        if (fn->is_gen_resume) {
            continue;
        }
        strbuf_init(&text[i], a);
        e->out = &text[i];
        put_boxed_body(e, fn, false);
        uint32_t h = 2166136261u;
        for (size_t k = 0; k < text[i].len; k++) {
            h = (h ^ (unsigned char)text[i].data[k]) * 16777619u;
        }
        hash[i] = h;
        int same = bucket[h % NBUCKETS];
        while (same >= 0 && !(hash[same] == h && text[same].len == text[i].len
                              && memcmp(text[same].data, text[i].data, text[i].len) == 0)) {
            same = chain[same];
        }
        if (same < 0) {
            e->boxed[i] = entry_name(e, fn, "kgb_");
            e->boxed_def[i] = true;
            chain[i] = bucket[h % NBUCKETS];
            bucket[h % NBUCKETS] = i;
        } else {
            e->boxed[i] = e->boxed[same];
            e->boxed_shared[same] = true;
        }
    }
    e->out = out;
}

// The kr_sig and native entry of 'fn' (its kgh_entry), and the boxed entry of its shape when
// 'fn' is the first of it.
static void emit_boxed(Emitter *e, const IrFunc *fn, int index) {
    e->fn = fn;
    const char *sig = entry_name(e, fn, "kgs_"), *names = entry_name(e, fn, "kgn_");
    if (e->decls) {
        put(e, "KGX const kgh_entry %s;\n", sig);
        if (e->boxed_def[index]) {
            put(e, "KGX kr_val %s(kr_val fn, const kr_val *args, size_t nargs, kr_val kwnames);\n",
                e->boxed[index]);
        }
        return;
    }
    put(e, "\nstatic const char *const %s[] = {", names);
    for (int i = 0; i < fn->nparams; i++) {
        put_c_string(e, fn->regs[fn->params[i]].name, strlen(fn->regs[fn->params[i]].name));
        put(e, ", ");
    }
    put(e, "0};\nKGS const kgh_entry %s = {{", sig);
    put_c_string(e, fn->qualname, strlen(fn->qualname));
    put(e, ", %s, %d, %d, %d, %s, %s}, (void (*)(void))%s};\n", names, fn->nposonly, fn->npos,
        fn->nkwonly, fn->varargs ? "true" : "false", fn->varkw ? "true" : "false", fn->cname);
    if (e->boxed_def[index]) {
        put(e, "KGS kr_val %s(kr_val fn, const kr_val *args, size_t nargs, kr_val kwnames) {\n",
            e->boxed[index]);
        put_boxed_body(e, fn, !e->boxed_shared[index]);
    }
}

// ---------------------------------------------------------------------------------------------
// Exceptions

// The always-failing terminators.
static void emit_raise(Emitter *e, const IrInstr *in) {
    if (in->op == IR_RAISE) {
        const char *a = reg_text(e, in->args[0]);
        if (in->nargs == 2) {
            put(e, "    kr_err_raise_from(kr_newref(%s), kr_newref(%s));\n", a,
                reg_text(e, in->args[1]));
        } else {
            put(e, "    kr_err_raise(kr_newref(%s));\n", a);
        }
        put(e, "    kl_ = %d;\n", in->line);
    } else if (in->op == IR_RERAISE) {
        put(e, "    kgh_reraise(kgm_file, %d, ", in->line);
        put_func_name(e);
        put(e, ");\n");
    }
    put(e, "    goto ");
    put_err_label(e, in->err);
    put(e, ";\n");
}

static void emit_exc(Emitter *e, const IrInstr *in) {
    const char *a = in->nargs ? reg_text(e, in->args[0]) : "";
    const char *b = in->nargs > 1 ? reg_text(e, in->args[1]) : "0";
    switch (in->op) {
    case IR_IMPORT:
        put_assign(e, in);
        put(e, "kr_import(kr_str_data(%s));\n", const_text(e, in->cst));
        put_check(e, in, REP_OBJ);
        break;
    case IR_IMPORT_FROM:
        put_assign(e, in);
        put(e, "kr_import_from(%s, kr_str_data(%s));\n", a, const_text(e, in->cst));
        put_check(e, in, REP_OBJ);
        break;
    case IR_EXC_FETCH:
        put_assign(e, in);
        put(e, "kr_err_fetch();\n");
        break;
    case IR_EXC_RESTORE:
        put(e, "    kr_err_restore(kr_newref(%s));\n", a);
        break;
    case IR_EXC_MATCH:
        put_status_call(e, in, arena_printf(e->out->arena, "kr_exc_matches(%s, %s)", a, b));
        break;
    case IR_EXC_ENTER:
        put_assign(e, in);
        put(e, "kgh_exc_enter(%s);\n", a);
        break;
    case IR_EXC_LEAVE:
        put(e, "    kgh_exc_leave(%s);\n", a);
        break;
    case IR_CLEAR:
        put_assign(e, in);
        put(e, "0;\n");
        break;
    case IR_DEL_GLOBAL:
        put(e, "    KR_CLEAR(%s);\n", global_cname(e, in->aux));
        break;
    case IR_UNBIND_GLOBAL:
        put_status_call(e, in, arena_printf(e->out->arena, "kgh_unbind_global(&%s, \"%s\")",
                                            global_cname(e, in->aux),
                                            e->m->globals[in->aux].name));
        break;
    case IR_WITH_ENTER:
        put_call(e, in, "kgh_with_enter");
        break;
    case IR_WITH_EXIT:
        put_status_call(e, in, arena_printf(e->out->arena, "kgh_with_exit(%s, %s)", a, b));
        break;
    default:
        emit_raise(e, in);
        break;
    }
}

// Pattern matching: the runtime's kr_match_* on the operands.
static void emit_match(Emitter *e, const IrInstr *in) {
    const char *a = reg_text(e, in->args[0]);
    Arena *ar = e->out->arena;
    switch (in->op) {
    case IR_MATCH_SEQUENCE:
    case IR_MATCH_MAPPING:
        put_assign(e, in);
        put(e, "kr_match_%s(%s);\n", in->op == IR_MATCH_SEQUENCE ? "sequence" : "mapping", a);
        break;
    case IR_MATCH_LEN:
        put_status_call(e, in, arena_printf(ar, "kr_match_len(%s, %d, %s)", a, in->aux >> 1,
                                            in->aux & 1 ? "true" : "false"));
        break;
    case IR_MATCH_COMPLEX:
        put_call(e, in, "kr_complex_new");
        break;
    case IR_MATCH_CLASS:
        put_array(e, in, in->nargs);
        put(e, "    ");
        put_assign(e, in);
        put(e, "kr_match_class(args_[0], args_[1], %d, args_ + 2, %d);\n    }\n", in->aux,
            in->nargs - 2);
        put_check(e, in, REP_OBJ);
        break;
    default:
        put_array(e, in, in->nargs);
        put(e, "    ");
        put_assign(e, in);
        put(e, "kr_match_%s(args_[0], args_ + 1, %d);\n    }\n",
            in->op == IR_MATCH_KEYS ? "keys" : "rest", in->nargs - 1);
        put_check(e, in, REP_OBJ);
        break;
    }
}

static void emit_instr(Emitter *e, const IrInstr *in) {
    switch (in->op) {
    case IR_LOAD_GLOBAL:
    case IR_STORE_GLOBAL: emit_global(e, in); break;
    case IR_BOX: emit_box(e, in); break;
    case IR_UNBOX: emit_unbox(e, in); break;
    case IR_TRUTH: emit_truth(e, in); break;
    case IR_INT_BINARY: emit_int_binary(e, in); break;
    case IR_FLOAT_BINARY: emit_float_binary(e, in); break;
    case IR_OBJ_BINARY: emit_obj_binary(e, in); break;
    case IR_INT_UNARY:
    case IR_FLOAT_UNARY:
    case IR_OBJ_UNARY: emit_unary(e, in); break;
    case IR_INT_COMPARE:
    case IR_FLOAT_COMPARE:
    case IR_FLOAT_INT_COMPARE:
    case IR_OBJ_COMPARE:
    case IR_IS: emit_compare(e, in); break;
    case IR_FORMAT: emit_format(e, in); break;
    case IR_BUILD_STRING: emit_build_string(e, in); break;
    case IR_CALL:
    case IR_CALL_EXT: emit_call(e, in); break;
    case IR_CHECK_EXT:
        put_status_call(e, in, arena_printf(e->out->arena, "(%s ? 0 : kr_module_unbound(%s, \"%s\"))",
                                            e->m->externs[in->aux].slot, reg_text(e, in->args[0]),
                                            e->m->externs[in->aux].name));
        break;
    case IR_PRINT: emit_print(e, in); break;
    case IR_CALL_OBJ:
    case IR_CALL_METHOD: emit_call_obj(e, in); break;
    case IR_BUILD: emit_build(e, in); break;
    case IR_CONTAINER_ADD:
    case IR_DICT_SET:
    case IR_SETITEM:
    case IR_DELITEM:
    case IR_CONTAINS: emit_container_status(e, in); break;
    case IR_SETATTR:
    case IR_DELATTR:
    case IR_GETATTR: emit_attr_site(e, in); break;
    case IR_MATH_INTACT:
    case IR_MATH_CALL: emit_math(e, in); break;
    case IR_NUM_CONVERT: emit_num_convert(e, in); break;
    case IR_CALL_BUILTIN: emit_call_builtin(e, in); break;
    case IR_SPLIT_VIEW:
    case IR_SPLIT_ITEM: emit_split(e, in); break;
    case IR_FUNC_IS: {  // the global still holds the function's own object (its own kgh_entry;
        // functions of one shape share their boxed entry)
        const char *a = reg_text(e, in->args[0]);
        put_assign(e, in);
        put(e, "kr_function_check(%s) && KR_FUNCTION(%s)->sig == &%s.sig;\n", a, a,
            entry_name(e, e->m->funcs[in->aux], "kgs_"));
        break;
    }
    case IR_LIST_GET:
    case IR_LIST_SET:
    case IR_LIST_IS_FLOATS:
    case IR_LIST_LEN:
    case IR_LIST_AUG: emit_list_item(e, in); break;
    case IR_LOAD_BUILTIN:
    case IR_GETITEM:
    case IR_SLICE:
    case IR_INPLACE:
    case IR_ITER:
    case IR_UNPACK: emit_object_op(e, in); break;
    case IR_NEXT: emit_next(e, in); break;
    case IR_GEN_NEW: emit_gen_new(e, in); break;
    case IR_GEN_ARG: emit_gen_arg(e, in); break;
    case IR_YIELD:
    case IR_YIELD_FROM: emit_yield(e, in); break;
    case IR_MAKE_FUNCTION:
    case IR_CELL_NEW:
    case IR_CELL_GET:
    case IR_CELL_SET:
    case IR_CELL_DELETE:
    case IR_LOAD_CLOSURE:
    case IR_CALL_EX:
    case IR_LOAD_NAME:
    case IR_CLASS_PREPARE:
    case IR_CLASS_NEW:
    case IR_SUPER: emit_func_op(e, in); break;
    case IR_JUMP:
    case IR_BRANCH:
    case IR_RETURN:
    case IR_UNWIND: emit_terminator(e, in); break;
    case IR_IMPORT:
    case IR_IMPORT_FROM:
    case IR_EXC_FETCH:
    case IR_EXC_RESTORE:
    case IR_EXC_MATCH:
    case IR_EXC_ENTER:
    case IR_EXC_LEAVE:
    case IR_CLEAR:
    case IR_DEL_GLOBAL:
    case IR_UNBIND_GLOBAL:
    case IR_WITH_ENTER:
    case IR_WITH_EXIT:
    case IR_RAISE:
    case IR_RERAISE:
    case IR_PROPAGATE: emit_exc(e, in); break;
    case IR_MATCH_SEQUENCE:
    case IR_MATCH_MAPPING:
    case IR_MATCH_LEN:
    case IR_MATCH_KEYS:
    case IR_MATCH_REST:
    case IR_MATCH_CLASS:
    case IR_MATCH_COMPLEX: emit_match(e, in); break;
    default: emit_simple(e, in); break;
    }
}

// ---------------------------------------------------------------------------------------------
// Functions

// Instructions whose only effect is their result: skipped when nothing reads it, so that the C
// has no variable that is set but never used.
static bool is_pure(const IrFunc *fn, const IrInstr *in) {
    switch (in->op) {
    case IR_CONST:
    case IR_MOVE:
    case IR_BOOL_TO_INT:
    case IR_NOT:
    case IR_IS:
    case IR_INT_COMPARE:
    case IR_FLOAT_COMPARE:
    case IR_FLOAT_INT_COMPARE:
    case IR_FLOAT_UNARY:
    case IR_IS_SET:
    case IR_MATH_INTACT:
    case IR_FUNC_IS:
    case IR_LIST_IS_FLOATS:
        return true;
    case IR_FLOAT_BINARY:
    case IR_TRUTH:
        return !ir_instr_raises(fn, in);
    default:
        return false;
    }
}

static bool is_release(const IrInstr *in);

static bool instr_emitted(const Emitter *e, const IrInstr *in) {
    if (e->konst && (in->op == IR_CONST || in->op == IR_BOX) && e->konst[in->dst]) {
        return false;  // its uses name the constant
    }
    if (e->konst && (is_release(in) || in->op == IR_INCREF) && e->konst[in->args[0]]) {
        return false;  // a small int, None or a str constant: immortal
    }
    return in->dst < 0 || e->needed[in->dst] || !is_pure(e->fn, in);
}

// The temporaries that only ever hold one constant (one definition, a CONST of None, a bool,
// a small int, Ellipsis or a str, or the BOX of such a small int: immortal values, no address
// taken): their uses name the constant, and they are neither declared, assigned nor released
// (less C for every call's arguments).
static bool const_temp(const Emitter *e, int r, const int *defs) {
    const IrReg *g = &e->fn->regs[r];
    return defs[r] == 1 && !g->name && !g->is_param && g->rep != REP_FLOAT
           && !(e->fn->is_gen_resume && e->in_frame[r]) && !(e->lc && e->lc->cached[r]);
}

static void mark_consts(Emitter *e) {
    const IrFunc *fn = e->fn;
    Arena *a = e->out->arena;
    const IrConst **k = arena_alloc(a, sizeof(IrConst *) * (size_t)(fn->nregs + 1));
    int *defs = arena_alloc(a, sizeof(int) * (size_t)(fn->nregs + 1));
    for (int i = 0; i < fn->nblocks; i++) {
        for (int j = 0; j < fn->blocks[i]->count; j++) {
            const IrInstr *in = fn->blocks[i]->instrs[j];
            if (in->dst < 0) {
                continue;
            }
            defs[in->dst]++;
            IrConstKind c = in->op == IR_CONST ? in->cst->kind : IRC_BYTES;
            if (c == IRC_INT || c == IRC_BOOL || c == IRC_NONE || c == IRC_ELLIPSIS
                || c == IRC_STR) {
                k[in->dst] = in->cst;
            }
        }
    }
    for (int r = 0; r < fn->nregs; r++) {
        if (!const_temp(e, r, defs)) {
            k[r] = NULL;
        }
    }
    for (int i = 0; i < fn->nblocks; i++) {  // then the boxes of those small ints
        for (int j = 0; j < fn->blocks[i]->count; j++) {
            const IrInstr *in = fn->blocks[i]->instrs[j];
            const IrConst *c = in->op == IR_BOX ? k[in->args[0]] : NULL;
            if (c && c->kind == IRC_INT && const_temp(e, in->dst, defs)) {
                k[in->dst] = c;
            }
        }
    }
    e->konst = k;
}

// Marks the registers some emitted instruction reads, to a fixpoint.
static void mark_needed(Emitter *e) {
    const IrFunc *fn = e->fn;
    bool changed = true;
    while (changed) {
        changed = false;
        for (int i = 0; i < fn->nblocks; i++) {
            for (int k = 0; k < fn->blocks[i]->count; k++) {
                const IrInstr *in = fn->blocks[i]->instrs[k];
                for (int a = 0; instr_emitted(e, in) && a < in->nargs; a++) {
                    changed |= !e->needed[in->args[a]];
                    e->needed[in->args[a]] = true;
                }
            }
        }
    }
}

static const IrBlock *hoisted_err(const Emitter *e, int b, int k);

// Marks 't' as the target of a goto on an error path (an error edge or a cleanup block's jump).
static void mark_err_target(Emitter *e, const IrBlock *t) {
    e->labelled[t->id] = true;
    e->ke_used[t->id] |= e->landing[t->id];
}

static void mark_labels(Emitter *e) {
    const IrFunc *fn = e->fn;
    for (int i = 0; i < fn->nblocks; i++) {
        for (int k = 0; k < fn->blocks[i]->count && !e->cleanup[i]; k++) {
            const IrInstr *in = fn->blocks[i]->instrs[k];
            for (int t = 0; t < 2; t++) {
                if (in->target[t]) {
                    e->labelled[in->target[t]->id] = true;
                }
            }
            if (in->err) {
                mark_err_target(e, hoisted_err(e, i, k));
            }
        }
    }
    // A cleanup block is entered only from error edges and other cleanup blocks: it is put
    // (and labelled) only when one that is put goes to it.
    bool changed = true;
    while (changed) {
        changed = false;
        for (int i = 0; i < fn->nblocks; i++) {
            const IrBlock *t = e->cleanup[i] && e->labelled[i]
                                   ? ir_terminator(fn->blocks[i])->target[0] : NULL;
            if (t) {
                changed |= !e->labelled[t->id];
                mark_err_target(e, t);
            }
        }
    }
}

// Whether the emitter of 'op' ends with its one error check (put_check or put_status_call)
// and reads no operand after it.
static bool check_is_last(IrOp op) {
    switch (op) {
    case IR_CALL_BUILTIN:
    case IR_CALL_OBJ:
    case IR_CALL_METHOD:
    case IR_GETATTR:
    case IR_BUILD:
    case IR_GETITEM:
    case IR_SLICE:
    case IR_ITER:
    case IR_UNBOX:
    case IR_CALL:
    case IR_CALL_EXT:
    case IR_CONTAINER_ADD:
    case IR_DICT_SET:
    case IR_SETITEM:
    case IR_DELITEM:
    case IR_CONTAINS:
    case IR_TRUTH:
        return true;
    default:
        return false;
    }
}

// Where the releases right after a raising instruction are those its error target (a cleanup
// block) makes, in the same order, they run before its error check instead, whose branch then
// goes where that cleanup block goes: each path releases the same values in the same order,
// and the error path needs no block of its own (gcc takes time per block). hoist[b][k]: how
// many releases follow instruction k of block b so.
static void plan_hoists(Emitter *e) {
    const IrFunc *fn = e->fn;
    Arena *a = e->out->arena;
    e->hoist = arena_alloc(a, sizeof(int *) * (size_t)(fn->nblocks + 1));
    for (int i = 0; i < fn->nblocks; i++) {
        const IrBlock *b = fn->blocks[i];
        e->hoist[i] = arena_alloc(a, sizeof(int) * (size_t)(b->count + 1));
        for (int k = 0; !e->lc && !e->cleanup[i] && k < b->count; k++) {
            const IrInstr *in = b->instrs[k];
            if (!in->err || !e->cleanup[in->err->id] || !check_is_last(in->op)
                || !instr_emitted(e, in)) {
                continue;
            }
            const IrBlock *c = in->err;
            int n = c->count - 1;  // its releases, then the jump
            bool same = n > 0 && k + n < b->count;
            for (int j = 0; same && j < n; j++) {
                const IrInstr *r = b->instrs[k + 1 + j];
                same = is_release(r) && r->args[0] == c->instrs[j]->args[0]
                       && r->args[0] != in->dst;
            }
            e->hoist[i][k] = same ? n : 0;
        }
    }
}

// The error target of instruction k of block b, after plan_hoists.
static const IrBlock *hoisted_err(const Emitter *e, int b, int k) {
    const IrInstr *in = e->fn->blocks[b]->instrs[k];
    return e->hoist[b][k] ? ir_terminator(in->err)->target[0] : in->err;
}

// Nodes 0..n-1 of a graph (the successors of node v: succ[start[v]] .. succ[start[v + 1] - 1])
// that are on a cycle: Tarjan's strongly connected components, iteratively. A node is on a
// cycle when its component has another node or it is its own successor.
static void mark_cyclic(Arena *a, int n, const int *start, const int *succ, bool *cyclic) {
    int *index = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    int *low = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    int *stack = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    bool *on_stack = arena_alloc(a, (size_t)n + 1);
    int *work = arena_alloc(a, sizeof(int) * (size_t)(n + 1));  // the DFS path
    int *next = arena_alloc(a, sizeof(int) * (size_t)(n + 1));  // its next successor
    int counter = 0, sp = 0;
    for (int i = 0; i < n; i++) {
        index[i] = -1;
    }
    for (int root = 0; root < n; root++) {
        if (index[root] >= 0) {
            continue;
        }
        int wp = 0;
        work[wp] = root;
        next[wp++] = start[root];
        index[root] = low[root] = counter++;
        stack[sp++] = root;
        on_stack[root] = true;
        while (wp > 0) {
            int v = work[wp - 1];
            if (next[wp - 1] < start[v + 1]) {
                int w = succ[next[wp - 1]++];
                cyclic[v] |= w == v;
                if (index[w] < 0) {
                    index[w] = low[w] = counter++;
                    stack[sp++] = w;
                    on_stack[w] = true;
                    work[wp] = w;
                    next[wp++] = start[w];
                } else if (on_stack[w] && index[w] < low[v]) {
                    low[v] = index[w];
                }
                continue;
            }
            wp--;  // all successors done
            if (wp > 0 && low[v] < low[work[wp - 1]]) {
                low[work[wp - 1]] = low[v];
            }
            if (low[v] == index[v]) {
                bool cycle = stack[sp - 1] != v;
                int x;
                do {
                    x = stack[--sp];
                    on_stack[x] = false;
                    cyclic[x] |= cycle;
                } while (x != v);
            }
        }
    }
}

// The blocks of 'fn' on a cycle of its control flow (error edges included): its loops.
static void mark_loops(Emitter *e) {
    const IrFunc *fn = e->fn;
    Arena *a = e->out->arena;
    int n = fn->nblocks, m = 0;
    for (int i = 0; i < n; i++) {
        m += fn->blocks[i]->count + 2;
    }
    int *start = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    int *succ = arena_alloc(a, sizeof(int) * (size_t)(m + 1));
    m = 0;
    for (int i = 0; i < n; i++) {
        const IrBlock *b = fn->blocks[i];
        start[i] = m;
        for (int k = 0; k < b->count; k++) {
            if (b->instrs[k]->err) {
                succ[m++] = b->instrs[k]->err->id;
            }
        }
        for (int t = 0; t < 2; t++) {
            if (ir_terminator(b)->target[t]) {
                succ[m++] = ir_terminator(b)->target[t]->id;
            }
        }
    }
    start[n] = m;
    e->in_loop = arena_alloc(a, (size_t)n + 1);
    mark_cyclic(a, n, start, succ, e->in_loop);
}

// An instruction that computes on floats (or makes one).
static bool is_float_op(IrOp op) {
    switch (op) {
    case IR_INT_TRUEDIV:
    case IR_INT_TO_FLOAT:
    case IR_FLOAT_BINARY:
    case IR_FLOAT_UNARY:
    case IR_FLOAT_COMPARE:
    case IR_FLOAT_INT_COMPARE:
    case IR_MATH_CALL:
        return true;
    default:
        return false;
    }
}

// An instruction that computes on machine numbers (or indexes a list in place), where the
// scalar optimisations of the C compiler's -O2 pay (hot_functions: 'e->kernel').
static bool is_scalar_op(IrOp op) {
    if (is_float_op(op)) {
        return true;
    }
    switch (op) {
    case IR_LIST_GET:
    case IR_LIST_SET:
    case IR_LIST_AUG:
    case IR_LIST_LEN:
    case IR_CHECK_BOUND:
        return true;
    default:
        return false;
    }
}

// The functions of the module that may run often ('e->hot'), whose code outside loops keeps
// the inline fast paths; the rest of the code outside loops releases references out of line
// (kgh_release), which is much less C to compile. Hot: a function that runs as an object
// (a method, a nested function, a lambda, a generator's resume function, one read from its
// global or called from other modules: anything may call it any number of times), one on a
// cycle of direct calls (recursion), and one called from hot code (a loop, a hot function).
// Only a function of the script's module called directly from its body, outside loops, or
// from other such functions, is cold. A guess for speed only: any answer is correct code.
// Also the functions that get all of the C compiler's -O2 ('e->kernel'): generators' resume
// functions, those that compute on floats or index lists in place inside a loop, and those
// computing on floats that a kernel calls in a loop. (A
// function with an int fast path (pass_pure) runs its int64 clone, which has no attribute;
// the function itself is then only the fallback for big ints.) The others are mostly runtime
// calls (attribute and item access, calls, containers, strings), where gcc's costliest -O2
// passes (global CSE and PRE, scheduling, VRP, ...) find next to nothing to improve: they
// carry KGM_LITE, which turns those passes off for them (docs/design.md, Backend). A guess
// for build time only.
static void hot_functions(Emitter *e) {
    const IrModule *m = e->m;
    Arena *a = e->out->arena;
    int n = m->nfuncs;
    bool *hot = e->hot = arena_alloc(a, (size_t)n + 1);
    bool *kernel = e->kernel = arena_alloc(a, (size_t)n + 1);
    bool *global_read = arena_alloc(a, (size_t)m->nglobals + 1);
    int *stored_to = arena_alloc(a, sizeof(int) * (size_t)(n + 1));  // its global, or -1
    bool script = m->unit == m->prog->units[0];
    int ncalls = 0;
    for (int f = 0; f < n; f++) {
        const IrFunc *fn = m->funcs[f];
        hot[f] = !script || fn->is_gen_resume || fn->exported || fn->has_closure;
        stored_to[f] = -1;
    }
    // Where each function object goes: only into a global by the module body, else it is
    // used as an object.
    for (int f = 0; f < n; f++) {
        const IrFunc *fn = m->funcs[f];
        for (int i = 0; i < fn->nblocks; i++) {
            const IrBlock *b = fn->blocks[i];
            for (int k = 0; k < b->count; k++) {
                const IrInstr *in = b->instrs[k];
                const IrInstr *st = k + 1 < b->count ? b->instrs[k + 1] : NULL;
                if (in->op == IR_LOAD_GLOBAL || (in->op == IR_LOAD_NAME && in->aux >= 0)) {
                    global_read[in->aux] = true;
                } else if (in->op == IR_CALL) {
                    ncalls++;
                } else if (in->op == IR_MAKE_FUNCTION && f == 0 && st
                           && st->op == IR_STORE_GLOBAL && st->args[0] == in->dst) {
                    stored_to[in->aux] = st->aux;
                } else if (in->op == IR_MAKE_FUNCTION) {
                    hot[in->aux] = true;
                }
            }
        }
    }
    for (int f = 1; f < n; f++) {
        hot[f] |= stored_to[f] < 0 || global_read[stored_to[f]];
    }
    // The direct call graph: function f calls succ[start[f]] ..; from hot code, mark hot.
    int *start = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    int *succ = arena_alloc(a, sizeof(int) * (size_t)(ncalls + 1));
    bool *cyclic = arena_alloc(a, (size_t)n + 1);
    ncalls = 0;
    for (int f = 0; f < n; f++) {
        const IrFunc *fn = m->funcs[f];
        start[f] = ncalls;
        for (int i = 0; i < fn->nblocks; i++) {
            for (int k = 0; k < fn->blocks[i]->count; k++) {
                if (fn->blocks[i]->instrs[k]->op == IR_CALL) {
                    succ[ncalls++] = fn->blocks[i]->instrs[k]->aux;
                }
            }
        }
    }
    start[n] = ncalls;
    mark_cyclic(a, n, start, succ, cyclic);
    for (int f = 0; f < n; f++) {
        hot[f] |= cyclic[f];
    }
    // Calls from loops, then from hot functions, to a fixpoint; kernels by their loops, and
    // the functions kernels call in loops that compute on floats themselves (a small
    // arithmetic function without a loop, like spectral_norm's eval_a, is the hot code).
    const IrFunc *saved = e->fn;
    bool *floats = arena_alloc(a, (size_t)n + 1);
    int *loop_from = arena_alloc(a, sizeof(int) * (size_t)(ncalls + 1));
    int *loop_to = arena_alloc(a, sizeof(int) * (size_t)(ncalls + 1));
    int nloop_calls = 0;
    for (int f = 0; f < n; f++) {
        const IrFunc *fn = e->fn = m->funcs[f];
        kernel[f] = false;
        mark_loops(e);
        for (int i = 0; i < fn->nblocks; i++) {
            for (int k = 0; k < fn->blocks[i]->count; k++) {
                const IrInstr *in = fn->blocks[i]->instrs[k];
                floats[f] |= is_float_op(in->op);
                if (!e->in_loop[i]) {
                    continue;
                }
                if (in->op == IR_CALL) {
                    hot[in->aux] = true;
                    loop_from[nloop_calls] = f;
                    loop_to[nloop_calls++] = in->aux;
                }
                kernel[f] |= is_scalar_op(in->op);
            }
        }
    }
    e->fn = saved;
    for (bool grew = true; grew;) {
        grew = false;
        for (int c = 0; c < nloop_calls; c++) {
            int to = loop_to[c];
            if (kernel[loop_from[c]] && !kernel[to] && floats[to] && !m->funcs[to]->fast_int) {
                kernel[to] = grew = true;
            }
        }
    }
    bool changed = true;
    while (changed) {
        changed = false;
        for (int f = 0; f < n; f++) {
            for (int c = start[f]; hot[f] && c < start[f + 1]; c++) {
                changed |= !hot[succ[c]];
                hot[succ[c]] = true;
            }
        }
    }
}

static bool is_release(const IrInstr *in) {
    return in->op == IR_XDECREF || in->op == IR_DECREF;
}

// Finds the cleanup blocks (only releases and a jump, entered only from error edges and other
// cleanup blocks: a greatest fixpoint) and the landing blocks their chains end in.
static void mark_error_paths(Emitter *e) {
    const IrFunc *fn = e->fn;
    for (int i = 1; i < fn->nblocks; i++) {
        const IrBlock *b = fn->blocks[i];
        bool shape = ir_terminator(b)->op == IR_JUMP;
        for (int k = 0; shape && k < b->count - 1; k++) {
            shape = is_release(b->instrs[k]);
        }
        e->cleanup[i] = shape;
    }
    bool changed = true;
    while (changed) {
        changed = false;
        for (int i = 0; i < fn->nblocks; i++) {
            const IrInstr *t = ir_terminator(fn->blocks[i]);
            for (int k = 0; k < 2 && !e->cleanup[i]; k++) {
                if (t->target[k] && e->cleanup[t->target[k]->id]) {
                    e->cleanup[t->target[k]->id] = false;
                    changed = true;
                }
            }
        }
    }
    for (int i = 0; i < fn->nblocks; i++) {
        const IrBlock *b = fn->blocks[i];
        for (int k = 0; k < b->count; k++) {
            const IrInstr *in = b->instrs[k];
            if (in->err && !e->cleanup[in->err->id]) {
                e->landing[in->err->id] = true;
            }
        }
        const IrInstr *t = ir_terminator(b);
        if (e->cleanup[i] && !e->cleanup[t->target[0]->id]) {
            e->landing[t->target[0]->id] = true;
        }
    }
}

// The stubs that add the traceback entry on the way into each landing block.
static void put_landing_stubs(Emitter *e) {
    for (int i = 0; i < e->fn->nblocks; i++) {
        if (e->landing[i] && e->ke_used[i]) {
            put(e, "ke%d:\n    if (kl_ != 0) {\n        kr_traceback_add(kgm_file, kl_, ", i);
            put_func_name(e);
            put(e, ");\n        kl_ = 0;\n    }\n    goto b%d;\n", i);
        }
    }
}

static bool has_landing(const Emitter *e) {
    for (int i = 0; i < e->fn->nblocks; i++) {
        if (e->landing[i]) {
            return true;
        }
    }
    return false;
}

static void put_signature(Emitter *e, const IrFunc *fn) {
    e->fn = fn;
    if (fn->is_gen_resume) {
        put(e, "KGS kr_val %s(kr_gen *g, kr_val sent, int mode)", fn->cname);
        return;
    }
    // An exported native entry is called from other modules: external linkage, default
    // visibility, whether or not its module is split.
    put(e, "%s%s %s(", fn->exported ? "" : "KGS ", ret_ctype(fn->ret_rep), fn->cname);
    if (fn->has_closure) {
        put(e, "kr_val kfn");
    }
    for (int i = 0; i < fn->nparams; i++) {
        put(e, "%s%s ", i || fn->has_closure ? ", " : "", rep_ctype(fn->regs[fn->params[i]].rep));
        put_reg(e, fn->params[i]);
    }
    put(e, fn->nparams || fn->has_closure ? ")" : "void)");
}

// Per register of 'fn': declared as a C local (not a parameter, a frame field or a constant).
static bool *declared_regs(Emitter *e) {
    const IrFunc *fn = e->fn;
    bool *assigned_at = arena_alloc(e->out->arena, (size_t)fn->nregs + 1);
    for (int i = 0; i < fn->nblocks; i++) {
        for (int k = 0; k < fn->blocks[i]->count; k++) {
            const IrInstr *in = fn->blocks[i]->instrs[k];
            if (in->dst >= 0 && !assigned_at[in->dst] && instr_emitted(e, in)) {
                assigned_at[in->dst] = true;
            }
        }
    }
    bool *declared = assigned_at;
    for (int r = 0; r < fn->nregs; r++) {
        bool frame = fn->is_gen_resume && e->in_frame[r];
        bool konst = e->konst && e->konst[r];
        declared[r] = !fn->regs[r].is_param && !frame && !konst && (assigned_at[r] || e->needed[r]);
    }
    return declared;
}

static void put_locals(Emitter *e) {
    const IrFunc *fn = e->fn;
    for (int r = 0; r < fn->nregs; r++) {
        if (fn->regs[r].is_param) {
            put(e, "    (void)");
            put_reg(e, r);
            put(e, ";\n");
        }
    }
    const bool *declared = declared_regs(e);
    for (int r = 0; r < fn->nregs; r++) {
        if (declared[r]) {
            IrRep rep = fn->regs[r].rep;
            put(e, "    %s ", rep_ctype(rep));
            put_reg(e, r);
            put(e, " = %s;\n", rep == REP_FLOAT ? "0.0" : rep == REP_BOOL ? "false" : "0");
            if (!e->needed[r]) {
                put(e, "    (void)");
                put_reg(e, r);
                put(e, ";\n");
            }
        }
        if (e->lc && e->lc->cached[r]) {
            put(e, "    kr_val *kcd%d = 0;\n    intptr_t kcn%d = 0;\n", r, r);
            put(e, "    (void)kcd%d;\n    (void)kcn%d;\n", r, r);
        }
    }
    for (int r = 0; e->lc && r < e->lc->nregions; r++) {
        put(e, "    kr_val kcl%d = 0;  // the length of the shortest list loop %d caches, tagged\n", r, r);
        if (e->outline[r].on) {
            put(e, "    int kin%d_ = 0;  // where its outlined cached version starts\n", r);
            put(e, "    (void)kin%d_;\n", r);
        }
    }
}

// Whether 'fn' can run no Python code but its own: arithmetic, comparisons, typed list reads
// and math calls, releasing only ints (no __del__ can run). Its frame still counts for the
// recursion limit, but no frame can start above it, so it checks the depth without counting.
static bool is_leaf(const IrFunc *fn) {
    for (int i = 0; i < fn->nblocks; i++) {
        for (int k = 0; k < fn->blocks[i]->count; k++) {
            const IrInstr *in = fn->blocks[i]->instrs[k];
            switch (in->op) {
            case IR_CONST:
            case IR_MOVE:
            case IR_INT_TO_FLOAT:
            case IR_BOOL_TO_INT:
            case IR_NOT:
            case IR_INT_BINARY:
            case IR_INT_UNARY:
            case IR_INT_TRUEDIV:
            case IR_FLOAT_BINARY:
            case IR_FLOAT_UNARY:
            case IR_INT_COMPARE:
            case IR_FLOAT_COMPARE:
            case IR_FLOAT_INT_COMPARE:
            case IR_IS:
            case IR_CHECK_BOUND:
            case IR_LIST_GET:
            case IR_LIST_LEN:
            case IR_LIST_IS_FLOATS:
            case IR_MATH_INTACT:
            case IR_MATH_CALL:
            case IR_JUMP:
            case IR_BRANCH:
            case IR_RETURN:
            case IR_UNWIND:
                break;
            case IR_BOX:
            case IR_TRUTH:
                if (fn->regs[in->args[0]].rep == REP_OBJ) {
                    return false;
                }
                break;
            case IR_INCREF:
            case IR_DECREF:
            case IR_XDECREF:
                if (fn->regs[in->args[0]].rep != REP_INT) {
                    return false;
                }
                break;
            default:
                return false;
            }
        }
    }
    return true;
}

// Instruction k of block 'b', the releases after it (plan_hoists), then its error check.
static void emit_hoisted(Emitter *e, const IrBlock *b, int k) {
    StrBuf pending;
    strbuf_init(&pending, e->out->arena);
    e->pending = &pending;
    e->defer_err = ir_terminator(b->instrs[k]->err)->target[0];
    emit_instr(e, b->instrs[k]);
    e->defer_err = NULL;
    for (int j = 1; j <= e->hoist[b->id][k]; j++) {
        if (instr_emitted(e, b->instrs[k + j])) {
            put_line(e, b->instrs[k + j]->line);
            emit_instr(e, b->instrs[k + j]);
        }
    }
    strbuf_append(e->out, pending.data, pending.len);
}

// Outlined cached loops (docs/design.md): the cached version of a loop moves into a function
// of its own, kgl_<cname>_<r>, so that gcc allocates its registers apart from the plain
// version's (which keeps every parameter and list alive across calls: in one function, the
// loop's counters and list items lived on the stack). The function copies the locals the loop
// uses in from a struct and back on leaving, and returns which label its caller goes on at;
// the caller enters it at its label f<N>, which records N and jumps to the call.

// The C locals of 'fn': names and types (parameters, registers, caches, kl_).
static int list_locals(Emitter *e, const char ***names, const char ***ctypes) {
    const IrFunc *fn = e->fn;
    const IrLoopCaches *lc = e->lc;
    Arena *a = e->out->arena;
    const bool *declared = declared_regs(e);
    size_t cap = 3 * (size_t)fn->nregs + (size_t)lc->nregions + 2;  // kcd, kcn per register
    const char **n = arena_alloc(a, sizeof(char *) * cap);
    const char **t = arena_alloc(a, sizeof(char *) * cap);
    e->local_regs = arena_alloc(a, sizeof(int) * cap);
    for (size_t i = 0; i < cap; i++) {
        e->local_regs[i] = -1;
    }
    int k = 0;
    if (fn->has_closure) {
        n[k] = "kfn";
        t[k++] = "kr_val";
    }
    if (has_landing(e)) {
        n[k] = "kl_";
        t[k++] = "int";
    }
    for (int r = 0; r < fn->nregs; r++) {
        if (fn->regs[r].is_param || declared[r]) {
            e->local_regs[k] = r;
            n[k] = reg_text(e, r);
            t[k++] = rep_ctype(fn->regs[r].rep);
        }
        if (lc->cached[r]) {
            n[k] = arena_printf(a, "kcd%d", r);
            t[k++] = "kr_val *";
            n[k] = arena_printf(a, "kcn%d", r);
            t[k++] = "intptr_t";
        }
    }
    for (int r = 0; r < lc->nregions; r++) {
        n[k] = arena_printf(a, "kcl%d", r);
        t[k++] = "kr_val";
    }
    *names = n;
    *ctypes = t;
    return k;
}

// Whether the cached version of loop r never takes edge k of the branch ending block b: the
// edge a cached list's LIST_IS_FLOATS rules out, or the generic call of a math function after
// math changed (which leaves the cached version, but does not happen).
static bool edge_skipped(const Emitter *e, int r, const IrBlock *b, int k) {
    const IrInstr *t = b->instrs[b->count - 1];
    const IrInstr *def = NULL;
    for (int j = 0; j < b->count; j++) {
        if (b->instrs[j]->dst == t->args[0]) {
            def = b->instrs[j];
        }
    }
    if (!def || (def->op == IR_MATH_INTACT && k == 1)) {
        return def != NULL;
    }
    for (int i = 0; def->op == IR_LIST_IS_FLOATS && i < e->lc->nregs[r]; i++) {
        if (e->lc->regs[r][i] == def->args[0]) {
            return k == (e->lc->ints[r][i] ? 0 : 1);
        }
    }
    return false;
}

// Whether the cached version of loop r stays in it (so that a call out is not paid per
// iteration): no instruction it runs leaves it for the plain version every time, only after
// what should not happen (an index out of range, math changed, ...). What it runs: the
// blocks reached from where it may be entered (a block with a predecessor outside the loop,
// the target of a jump back) along the edges it takes.
static bool stays_cached(const Emitter *e, int r) {
    const IrFunc *fn = e->fn;
    const IrLoopCaches *lc = e->lc;
    bool *seen = arena_alloc(e->out->arena, (size_t)fn->nblocks + 1);
    int *work = arena_alloc(e->out->arena, sizeof(int) * (size_t)(fn->nblocks + 1));
    int n = 0;
    for (int i = 0; i < fn->nblocks; i++) {
        const IrInstr *t = ir_terminator(fn->blocks[i]);
        for (int k = 0; k < 2 && t && (t->op == IR_JUMP || t->op == IR_BRANCH); k++) {
            int to = t->target[k] ? t->target[k]->id : -1;
            if (to >= 0 && lc->region[to] == r && (lc->region[i] != r || to <= i) && !seen[to]) {
                seen[to] = true;
                work[n++] = to;
            }
        }
    }
    if (lc->region[0] == r && !seen[0]) {
        seen[0] = true;
        work[n++] = 0;
    }
    while (n > 0) {
        const IrBlock *b = fn->blocks[work[--n]];
        for (int k = 0; k < b->count; k++) {
            if (lc->use[b->id][k] == CACHE_REFRESH && b->instrs[k]->op != IR_CALL) {
                return false;
            }
        }
        const IrInstr *t = ir_terminator(b);
        for (int k = 0; k < 2 && t && (t->op == IR_JUMP || t->op == IR_BRANCH); k++) {
            int to = t->target[k] ? t->target[k]->id : -1;
            if (to >= 0 && lc->region[to] == r && !seen[to]
                && !(t->op == IR_BRANCH && edge_skipped(e, r, b, k))) {
                seen[to] = true;
                work[n++] = to;
            }
        }
    }
    return true;
}

// Decides which loops' cached versions (texts) move out, and rewrites their texts.
static void plan_outlines(Emitter *e, StrBuf *texts) {
    Arena *a = e->out->arena;
    int nr = e->lc->nregions;
    e->outline = arena_alloc(a, sizeof(Outline) * (size_t)nr);
    e->nlocals = list_locals(e, &e->local_names, &e->local_types);
    for (int r = 0; r < nr; r++) {
        Outline *o = &e->outline[r];
        if (!stays_cached(e, r)) {
            continue;
        }
        strbuf_init(&o->text, a);
        o->used = arena_alloc(a, (size_t)e->nlocals + 1);
        const char *text = strbuf_cstr(&texts[r]);
        o->nexits = outline_text(a, text, texts[r].len, e->local_names, e->nlocals, o->used,
                                 &o->text, &o->exits);
        o->on = o->nexits > 0;
    }
}

// Which locals the loop uses ('used') are live before instruction k of block b (k < 0: where
// it starts; b < 0: unknown, all of them), into 'out'.
static void live_at(Emitter *e, const bool *used, int b, int k, bool *out) {
    const IrFunc *fn = e->fn;
    const uint64_t *set = b >= 0 ? e->live[b] : NULL;
    if (b >= 0 && k >= 0) {
        size_t words = (size_t)IR_LIVE_WORDS(fn) + 1;
        uint64_t *at = arena_alloc(e->out->arena, sizeof(uint64_t) * words);
        ir_live_at(fn, e->live, fn->blocks[b], k, at);
        set = at;
    }
    for (int i = 0; i < e->nlocals; i++) {
        int r = e->local_regs[i];
        out[i] = used[i] && (!set || r < 0 || (set[r / 64] >> (r % 64) & 1));
    }
}

// The block (and instruction, or -1) that label 'label' of the plain version or of a cached
// version stands before: s<b>_<k>, b<b>, ke<b> (then b<b>), f<b>; -1 for anything else.
static int label_block(const Emitter *e, const char *label, int *k) {
    int b = -1, len = 0;
    *k = -1;
    if (sscanf(label, "s%d_%d%n", &b, k, &len) == 2 || sscanf(label, "b%d%n", &b, &len) == 1
        || sscanf(label, "ke%d%n", &b, &len) == 1 || sscanf(label, "f%d%n", &b, &len) == 1) {
        return label[len] == '\0' && b >= 0 && b < e->fn->nblocks ? b : -1;
    }
    return -1;
}

// The copies in and out of loop r's outlined cached version, now that its entries are known.
static void plan_copies(Emitter *e, int r, const bool *entry) {
    Outline *o = &e->outline[r];
    Arena *a = e->out->arena;
    if (!e->live) {
        e->live = ir_liveness(e->fn, a);
    }
    o->in = arena_alloc(a, (size_t)e->nlocals + 1);
    bool *at = arena_alloc(a, (size_t)e->nlocals + 1);
    for (int i = 0; i < e->fn->nblocks; i++) {
        if (entry[i] && e->lc->region[i] == r) {
            live_at(e, o->used, i, -1, at);
            for (int j = 0; j < e->nlocals; j++) {
                o->in[j] |= at[j];
            }
        }
    }
    o->out = arena_alloc(a, sizeof(bool *) * (size_t)o->nexits);
    for (int k = 0; k < o->nexits; k++) {
        o->out[k] = arena_alloc(a, (size_t)e->nlocals + 1);
        int at_k;
        int b = label_block(e, o->exits[k], &at_k);
        live_at(e, o->used, b, b >= 0 ? at_k : -1, o->out[k]);
    }
}

static void put_copies(Emitter *e, const bool *which, const char *to, const char *from) {
    for (int i = 0; i < e->nlocals; i++) {
        if (which[i]) {
            put(e, "    %s%s = %s%s;\n", to, e->local_names[i], from, e->local_names[i]);
        }
    }
}

// The function of loop r's cached version ('entry': its entry labels), its struct before it.
static void put_outlined(Emitter *e, int r, const bool *entry) {
    const Outline *o = &e->outline[r];
    const char *name = arena_printf(e->out->arena, "kgl_%s_%d", e->fn->cname, r);
    put(e, "\ntypedef struct %s_st {\n", name);
    for (int i = 0; i < e->nlocals; i++) {
        if (o->used[i]) {
            put(e, "    %s %s;\n", e->local_types[i], e->local_names[i]);
        }
    }
    put(e, "} %s_st;\n", name);
    put(e, "// %s, line %d: the cached version of a loop, apart\n", e->fn->name, e->fn->line);
    put(e, "%s__attribute__((noinline)) static int %s(%s_st *st_, int kin_);\n",
        e->kernel[e->fn_index] ? "" : "KGM_LITE ", name, name);
    put(e, "static int %s(%s_st *st_, int kin_) {\n", name, name);
    for (int i = 0; i < e->nlocals; i++) {
        if (o->in[i]) {
            put(e, "    %s %s = st_->%s;\n", e->local_types[i], e->local_names[i],
                e->local_names[i]);
        } else if (o->used[i]) {  // only assigned (and maybe only read after that)
            put(e, "    %s %s = 0;\n    (void)%s;\n", e->local_types[i], e->local_names[i],
                e->local_names[i]);
        }
    }
    put(e, "    switch (kin_) {\n");
    int last = -1;
    for (int i = 0; i < e->fn->nblocks; i++) {
        if (entry[i] && e->lc->region[i] == r) {
            if (last >= 0) {
                put(e, "    case %d:\n        goto f%d;\n", last, last);
            }
            last = i;
        }
    }
    put(e, "    default:\n        goto f%d;\n    }\n", last);
    strbuf_append(e->out, o->text.data, o->text.len);
    for (int k = 0; k < o->nexits; k++) {
        put(e, "kx%d_:;\n", k);
        put_copies(e, o->out[k], "st_->", "");
        put(e, "    return %d;\n", k);
    }
    put(e, "}\n");
}

static bool has_entry(const Emitter *e, int r, const bool *entry) {
    for (int i = 0; i < e->fn->nblocks; i++) {
        if (entry[i] && e->lc->region[i] == r) {
            return true;
        }
    }
    return false;
}

// In the caller: the entry labels of loop r's outlined cached version, and its call.
static void put_outline_call(Emitter *e, int r, const bool *entry) {
    const Outline *o = &e->outline[r];
    for (int i = 0; i < e->fn->nblocks; i++) {
        if (entry[i] && e->lc->region[i] == r) {
            put(e, "f%d:;\n    kin%d_ = %d;\n    goto kgo%d_;\n", i, r, i, r);
        }
    }
    put(e, "kgo%d_:;\n    {\n    kgl_%s_%d_st st_;\n", r, e->fn->cname, r);
    put_copies(e, o->in, "st_.", "");
    put(e, "    switch (kgl_%s_%d(&st_, kin%d_)) {\n", e->fn->cname, r, r);
    for (int k = 0; k < o->nexits; k++) {
        put(e, k + 1 < o->nexits ? "    case %d:\n" : "    default:  // %d\n", k);
        put_copies(e, o->out[k], "", "st_.");
        put(e, "        goto %s;\n", o->exits[k]);
    }
    put(e, "    }\n    }\n");
}

static void emit_func(Emitter *e, const IrFunc *fn, bool hot) {
    e->fn = fn;
    e->fn_hot = hot;
    e->needed = arena_alloc(e->out->arena, (size_t)fn->nregs + 1);
    e->labelled = arena_alloc(e->out->arena, (size_t)fn->nblocks + 1);
    e->in_frame = fn->is_gen_resume ? frame_regs(e, fn) : NULL;
    e->line = -1;
    e->leaf = false;
    e->cleanup = arena_alloc(e->out->arena, (size_t)fn->nblocks + 1);
    e->landing = arena_alloc(e->out->arena, (size_t)fn->nblocks + 1);
    e->ke_used = arena_alloc(e->out->arena, (size_t)fn->nblocks + 1);
    e->lc = ir_loop_caches(fn, e->out->arena);
    e->idom = e->lc ? ir_dominators(fn, e->out->arena) : NULL;
    mark_needed(e);
    mark_consts(e);
    mark_error_paths(e);
    plan_hoists(e);
    mark_labels(e);
    mark_loops(e);
    e->outline = NULL;
    e->live = NULL;
    for (e->fn_index = 0; e->m->funcs[e->fn_index] != fn; e->fn_index++) {
    }
    StrBuf *out = e->out;
    StrBuf *fast = NULL;  // per loop, its cached version, made first: they tell which s labels
    if (e->lc) {          // to put
        fast = arena_alloc(out->arena, sizeof(StrBuf) * (size_t)e->lc->nregions);
        for (int r = 0; r < e->lc->nregions; r++) {
            strbuf_init(&fast[r], out->arena);
        }
        e->left = arena_alloc(out->arena, sizeof(bool *) * (size_t)fn->nblocks);
        for (int i = 0; i < fn->nblocks; i++) {
            e->left[i] = arena_alloc(out->arena, (size_t)fn->blocks[i]->count + 1);
        }
        emit_fast_versions(e, fast);
        e->out = out;
        e->line = -1;
        plan_outlines(e, fast);
    }
    StrBuf body;  // the function; the outlined loops go before it
    strbuf_init(&body, out->arena);
    e->out = &body;
    put(e, "\n// %s, line %d\n", fn->name, fn->line);
    put_signature(e, fn);
    put(e, " {\n");
    if (has_landing(e)) {
        put(e, "    int kl_ = 0;  // the line of the traceback entry an error path owes\n");
    }
    if (fn->is_gen_resume) {
        put_locals(e);
        put_resume_head(e);  // the runtime guards a generator's recursion depth itself
    } else {
        put_locals(e);
        e->leaf = is_leaf(fn);
        put(e, "    if (KR_UNLIKELY(%s() < 0)) {\n        return %s;\n    }\n",
            e->leaf ? "kr_enter_leaf_call" : "kr_enter_call", err_value(fn->ret_rep));
    }
    for (int i = 0; i < fn->nblocks; i++) {
        const IrBlock *b = fn->blocks[i];
        e->block = b;
        if (e->cleanup[i] && !e->labelled[i]) {
            continue;  // every error path that went through it releases before its check
        }
        if (e->labelled[i]) {
            put(e, "b%d:;\n", b->id);
        }
        const IrLoopCaches *lc = e->lc;
        if (lc && i == 0 && lc->region[0] >= 0) {
            put_enter(e, lc->region[0], 0);
        }
        for (int k = 0; k < b->count; k++) {
            const IrInstr *in = b->instrs[k];
            if (lc && e->left[i][k]) {
                put(e, "s%d_%d:;\n", i, k);
            }
            if (!instr_emitted(e, in)) {
                continue;
            }
            put_line(e, in->line);
            if (lc && in->op == IR_JUMP && !e->cleanup[i]) {
                put_goto(e, in->target[0], -1);
            } else if (lc && in->op == IR_BRANCH) {
                put(e, "    if (%s) {\n    ", reg_text(e, in->args[0]));
                put_goto(e, in->target[0], -1);
                put(e, "    }\n");
                put_goto(e, in->target[1], -1);
            } else if (e->hoist[i][k]) {
                emit_hoisted(e, b, k);
                k += e->hoist[i][k];
            } else {
                emit_instr(e, in);
            }
        }
    }
    bool *entry = NULL;  // per block: an f label jumped to from outside its loop's version
    if (e->lc) {
        for (int r = 0; r < e->lc->nregions; r++) {
            if (!e->outline[r].on) {
                strbuf_append(e->out, fast[r].data, fast[r].len);
            }
        }
        entry = arena_alloc(out->arena, (size_t)fn->nblocks + 1);
        outline_entries(body.data, body.len, entry, fn->nblocks);
        for (int r = 0; r < e->lc->nregions; r++) {  // exits to another loop's cached version
            for (int k = 0; e->outline[r].on && k < e->outline[r].nexits; k++) {
                int at_k;
                int b = label_block(e, e->outline[r].exits[k], &at_k);
                entry[b >= 0 ? b : fn->nblocks] |= e->outline[r].exits[k][0] == 'f';
            }
        }
        for (int r = 0; r < e->lc->nregions; r++) {
            if (e->outline[r].on && has_entry(e, r, entry)) {
                plan_copies(e, r, entry);
                put_outline_call(e, r, entry);
            }
        }
    }
    put_landing_stubs(e);
    put(e, "}\n");
    e->out = out;
    for (int r = 0; e->lc && r < e->lc->nregions; r++) {
        if (e->outline[r].on && has_entry(e, r, entry)) {
            put_outlined(e, r, entry);
        }
    }
    strbuf_append(out, body.data, body.len);
    e->konst = NULL;
}

// ---------------------------------------------------------------------------------------------
// The module

static int utf8_codepoints(const char *s, size_t len, bool *ascii) {
    int n = 0;
    *ascii = true;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        *ascii &= c < 0x80;
        n += (c & 0xC0) != 0x80;
    }
    return n;
}

// The symbol holding constant 'c': kc_<N> (kc_<N>_obj for a str), or, in a split module,
// where the parts share it with external linkage, kgc_<module>__<N>, which no other module's
// constant can clash with at the link.
static const char *const_symbol(Emitter *e, const IrConst *c) {
    if (e->split) {
        return arena_printf(e->out->arena, "kgc_%s__%d", e->m->name, c->id);
    }
    return arena_printf(e->out->arena, c->kind == IRC_STR ? "kc_%d_obj" : "kc_%d", c->id);
}

// A str constant is a static immortal object laid out as kr_str_obj.
static void emit_str_const(Emitter *e, const IrConst *c) {
    bool ascii;
    int cps = utf8_codepoints(c->s, c->len, &ascii);
    const char *sym = const_symbol(e, c);
    put(e, "%s struct {\n    kr_obj ob;\n    intptr_t hash, len, nbytes;\n    bool ascii;\n"
           "    char data[%zu];\n} %s __attribute__((unused))", e->decls ? "KGX" : "KGS",
        c->len + 1, sym);
    if (!e->decls) {
        put(e, " = {KR_STATIC_HEADER(&kr_str_type), -1, %d, %zu, %s, ", cps, c->len,
            ascii ? "true" : "false");
        put_c_string(e, c->s, c->len);
        put(e, "}");
    }
    put(e, ";\n#define kc_%d ((kr_val)&%s)\n", c->id, sym);
}

// Marks the constants some instruction uses ('used', per constant id): a str constant only
// in code that was removed (after a return, in a handler nothing raises into) is left out, as
// an unused static would be a warning.
static bool *used_consts(Emitter *e) {
    bool *used = arena_alloc(e->out->arena, (size_t)e->m->nconsts + 1);
    for (int f = 0; f < e->m->nfuncs; f++) {
        const IrFunc *fn = e->fn = e->m->funcs[f];
        e->needed = arena_alloc(e->out->arena, (size_t)fn->nregs + 1);
        mark_needed(e);
        for (int i = 0; i < fn->nblocks; i++) {
            for (int k = 0; k < fn->blocks[i]->count; k++) {
                const IrInstr *in = fn->blocks[i]->instrs[k];
                if (in->cst && in->cst->id >= 0 && instr_emitted(e, in)) {
                    used[in->cst->id] = true;
                }
            }
        }
    }
    return used;
}

// The id of an earlier emitted str constant equal to constant 'i', or -1: equal strs share one
// object, so that dict lookups of attribute and method names find their keys by identity.
static int same_str_const(Emitter *e, const bool *used, int i) {
    const IrConst *c = e->m->consts[i];
    for (int j = 0; j < i; j++) {
        const IrConst *o = e->m->consts[j];
        // the first equal constant has no earlier equal one: it is emitted
        if (used[j] && o->kind == IRC_STR && o->len == c->len && memcmp(o->s, c->s, c->len) == 0) {
            return o->id;
        }
    }
    return -1;
}

static void emit_consts(Emitter *e) {
    bool *used = used_consts(e);
    for (int i = 0; i < e->m->nconsts; i++) {
        const IrConst *c = e->m->consts[i];
        if (c->kind == IRC_STR && !used[i]) {
            continue;
        }
        int same = c->kind == IRC_STR ? same_str_const(e, used, i) : -1;
        if (same >= 0) {
            put(e, "#define kc_%d kc_%d\n", c->id, same);
        } else if (c->kind == IRC_STR) {
            emit_str_const(e, c);
        } else {
            const char *sym = const_symbol(e, c);
            if (c->kind == IRC_BIGINT) {
                put(e, "%s kr_val %s;  // %s\n", e->decls ? "KGX" : "KGS", sym, c->s);
            } else {
                put(e, "%s kr_val %s;\n", e->decls ? "KGX" : "KGS", sym);
            }
            if (e->split) {
                put(e, "#define kc_%d %s\n", c->id, sym);
            }
        }
    }
    if (e->decls) {
        return;
    }
    put(e, "\nstatic int kgm_%s__consts(void) {\n", e->m->name);
    for (int i = 0; i < e->m->nconsts; i++) {
        const IrConst *c = e->m->consts[i];
        if (c->kind == IRC_BIGINT) {
            put(e, "    if (!(kc_%d = kr_int_from_string(\"%s\", %zu, 10))) {\n        return -1;\n"
                   "    }\n", c->id, c->s, c->len);
        } else if (c->kind == IRC_BYTES) {
            put(e, "    if (!(kc_%d = kr_bytes_from_data(", c->id);
            put_c_string(e, c->s, c->len);
            put(e, ", %zu))) {\n        return -1;\n    }\n", c->len);
        } else if (c->kind == IRC_COMPLEX) {
            put(e, "    if (!(kc_%d = kr_complex_new(0.0, ", c->id);
            put_const(e, &(IrConst){.kind = IRC_FLOAT, .f = c->f});
            put(e, "))) {\n        return -1;\n    }\n");
        }
    }
    put(e, "    return 0;\n}\n");
}

static void emit_header(Emitter *e, bool split) {
    put(e, "// Generated by krait from ");
    strbuf_append(e->out, e->m->path, strlen(e->m->path));
    put(e, ". Do not edit: edit the Python source.\n#include \"krait.h\"\n\n%s\n", prelude);
    if (split) {
        // The module's parts share its definitions, which the first part holds.
        put(e, "#define KGS __attribute__((visibility(\"hidden\")))\n#define KGX extern KGS\n");
    } else {
        put(e, "#define KGS static\n");
    }
    put(e, "static const char kgm_file[] __attribute__((unused)) = ");
    put_c_string(e, e->m->path, strlen(e->m->path));
    put(e, ";\n\n");
}

// Whether global 'g' holds a function other modules call directly (they check it is bound).
static bool global_exported(Emitter *e, int g) {
    for (int i = 1; i < e->m->nfuncs; i++) {
        const IrFunc *fn = e->m->funcs[i];
        if (fn->exported && fn->name == e->m->globals[g].name) {
            return true;
        }
    }
    return false;
}

static void emit_globals(Emitter *e) {
    for (int g = 0; g < e->m->nglobals; g++) {
        // An exported global is read by other modules (extern declarations of theirs); the
        // others are the module's own, shared by its parts only (KGS/KGX).
        const char *storage = global_exported(e, g) ? (e->decls ? "extern " : "")
                                                    : (e->decls ? "KGX " : "KGS ");
        put(e, "%skr_val %s;\n", storage, global_cname(e, g));
    }
}

// ---------------------------------------------------------------------------------------------
// The modules of the program (runtime/kr_modules.h)

// The script's main(): hands the runtime the table of the program's other modules (each defined
// in its own C file as kgm_<module>__def), then runs the script's body.
static void emit_main(Emitter *e) {
    const IrProgram *p = e->m->prog;
    for (int i = 1; i < p->nunits; i++) {
        put(e, "extern const kr_module_def kgm_%s__def;\n", p->units[i]->cname);
    }
    if (ir_deaths_observable(e->m->prog)) {  // the script's globals, for kr_program_exit
        put(e, "\nstatic const kr_module_slot kgm_%s__main_slots[] = {\n", e->m->name);
        for (int g = 0; g < e->m->nglobals; g++) {
            put(e, "    {");
            put_c_string(e, e->m->globals[g].name, strlen(e->m->globals[g].name));
            put(e, ", &%s},\n", global_cname(e, g));
        }
        put(e, "    {0, 0},\n};\n");
    }
    put(e, "\nint main(int argc, char **argv) {\n    kr_runtime_init(argc, argv);\n");
    if (p->nunits > 1) {
        put(e, "    static const kr_module_def *const modules[] = {\n");
        for (int i = 1; i < p->nunits; i++) {
            put(e, "        &kgm_%s__def,\n", p->units[i]->cname);
        }
        put(e, "    };\n    kr_program_modules(modules, %d);\n", p->nunits - 1);
    }
    bool finish = ir_deaths_observable(e->m->prog);  // pass_refcount.c
    put(e, "    int status = kgm_%s__consts() < 0 || %s() == 0 ? kr_exc_handle_uncaught() : 0;\n"
           "    return kr_program_exit(status, %s%s%s);\n}\n",
        e->m->name, e->m->funcs[0]->cname, finish ? "kgm_" : "", finish ? e->m->name : "NULL",
        finish ? "__main_slots" : "");
}

// An imported module: its globals by name (the slot table), the check of the slots whose type
// inference proved (an outside 'm.x = v' must keep it), and its kr_module_def, whose exec runs
// the body (the constants are made once, before the first run).
static void emit_module_def(Emitter *e) {
    const IrModule *m = e->m;
    const IrUnit *u = m->unit;
    put(e, "\nstatic const kr_module_slot kgm_%s__slots[] = {\n", m->name);
    for (int g = 0; g < m->nglobals; g++) {
        put(e, "    {");
        put_c_string(e, m->globals[g].name, strlen(m->globals[g].name));
        put(e, ", &%s},\n", global_cname(e, g));
    }
    put(e, "    {0, 0},\n};\n");
    bool typed = false;
    for (int g = 0; g < m->nglobals; g++) {
        typed |= m->globals[g].ty->kind != TY_DYN;
    }
    if (typed) {
        put(e, "\nstatic bool kgm_%s__check(int i, kr_val v) {\n    switch (i) {\n", m->name);
        for (int g = 0; g < m->nglobals; g++) {
            if (m->globals[g].ty->kind != TY_DYN) {
                put(e, "    case %d: return %s;\n", g, type_check(e, m->globals[g].ty, "v"));
            }
        }
        put(e, "    default: return true;\n    }\n}\n");
    }
    put(e, "\nstatic kr_val kgm_%s__exec(void) {\n    static bool consts_made;\n"
           "    if (!consts_made && kgm_%s__consts() < 0) {\n        return 0;\n    }\n"
           "    consts_made = true;\n    return %s();\n}\n",
        m->name, m->name, m->funcs[0]->cname);
    put(e, "\nconst kr_module_def kgm_%s__def = {", m->name);
    put_c_string(e, u->name, strlen(u->name));
    put(e, ", kgm_file, %s, kgm_%s__exec, kgm_%s__slots, %d, %s%s%s};\n",
        u->is_package ? "true" : "false", m->name, m->name, m->nglobals,
        typed ? "kgm_" : "NULL", typed ? m->name : "", typed ? "__check" : "");
}

// The declarations and definitions a part starts with: the first part (or the only one)
// defines the constants, globals, generator code objects and boxed entries; the others declare
// them.
// ---------------------------------------------------------------------------------------------
// Int fast paths (pass_pure, docs/design.md): for each fast_int function, in every part's head,
// kgq_<module>__<name>, its clone on int64_t values, whose last parameter kd_ is the number of
// frames it may still open; kgt_..., the clone called with an array of arguments (for
// kr_fast_run); kgw_..., the wrapper that direct calls and the boxed entry call (of functions
// that call or loop, fast_entry; the others are as fast in the generic code): it runs
// the clone when the arguments are small ints and fast paths are on, else (or when the clone
// bailed out) the generic native entry kgf_..., with fast paths off while a rerun goes on. The
// clones are static inline, so that gcc inlines a recursive one into itself.

// Marks the blocks of 'fn' reachable on normal edges ('reach') and the targets of gotos among
// them ('labelled').
static void fast_blocks(const IrFunc *fn, bool *reach, bool *labelled, const IrBlock **work) {
    int n = 0;
    work[n++] = fn->blocks[0];
    reach[fn->blocks[0]->id] = true;
    while (n > 0) {
        const IrInstr *t = ir_terminator(work[--n]);
        for (int k = 0; k < 2 && t->op != IR_RETURN; k++) {
            const IrBlock *s = t->target[k];
            if (s) {
                labelled[s->id] = true;
                if (!reach[s->id]) {
                    reach[s->id] = true;
                    work[n++] = s;
                }
            }
        }
    }
}

static void put_fast_bail_if(Emitter *e, const char *cond) {
    put(e, "    if (KR_UNLIKELY(%s)) {\n        kr_fast_bail();\n    }\n", cond);
}

static void emit_fastint_instr(Emitter *e, const IrInstr *in) {
    static const char *const c_ops[] = {"<", "<=", "==", "!=", ">", ">="};
    const char *d = in->dst >= 0 ? reg_text(e, in->dst) : NULL;
    const char *a = in->nargs > 0 ? reg_text(e, in->args[0]) : NULL;
    const char *b = in->nargs > 1 ? reg_text(e, in->args[1]) : NULL;
    switch (in->op) {
    case IR_CONST:
        if (in->cst->kind == IRC_BOOL) {
            put(e, "    %s = %s;\n", d, in->cst->i ? "true" : "false");
        } else if (in->cst->i == INT64_MIN) {
            put(e, "    %s = INT64_MIN;\n", d);
        } else {
            put(e, "    %s = INT64_C(%lld);\n", d, (long long)in->cst->i);
        }
        break;
    case IR_MOVE: put(e, "    %s = %s;\n", d, a); break;
    case IR_NOT: put(e, "    %s = !%s;\n", d, a); break;
    case IR_INT_COMPARE: put(e, "    %s = %s %s %s;\n", d, a, c_ops[in->aux], b); break;
    case IR_INT_UNARY:
        if (in->aux == UN_NEG && (in->small & IR_SMALL_RESULT)) {
            put(e, "    %s = -%s;\n", d, a);
        } else if (in->aux == UN_NEG) {
            put_fast_bail_if(e, arena_printf(e->out->arena, "__builtin_sub_overflow((int64_t)0, "
                                             "%s, &%s)", a, d));
        } else {
            put(e, "    %s = %s%s;\n", d, in->aux == UN_INVERT ? "~" : "", a);
        }
        break;
    case IR_INT_BINARY: {
        static const char *const builtin[] = {
            [BIN_ADD] = "add", [BIN_SUB] = "sub", [BIN_MUL] = "mul"};
        static const char *const helper[] = {
            [BIN_FLOORDIV] = "floordiv", [BIN_MOD] = "mod", [BIN_LSHIFT] = "lshift",
            [BIN_RSHIFT] = "rshift"};
        static const char *const bit_ops[] = {[BIN_AND] = "&", [BIN_OR] = "|", [BIN_XOR] = "^"};
        if (in->small & IR_SMALL_RESULT) {  // pass_small: it cannot overflow
            put(e, "    %s = %s %s %s;\n", d, a, in->aux == BIN_ADD ? "+" : "-", b);
        } else if (in->aux <= BIN_MUL) {
            put_fast_bail_if(e, arena_printf(e->out->arena, "__builtin_%s_overflow(%s, %s, &%s)",
                                             builtin[in->aux], a, b, d));
        } else if (in->aux >= BIN_AND) {
            put(e, "    %s = %s %s %s;\n", d, a, bit_ops[in->aux], b);
        } else {
            put(e, "    %s = kgh_fast_%s(%s, %s);\n", d, helper[in->aux], a, b);
        }
        break;
    }
    case IR_CALL:
        put(e, "    %s = kgq_%s(", d, e->m->funcs[in->aux]->cname + 4);
        put_args(e, in, 0, in->nargs);
        put(e, "%skd_ - 1);\n", in->nargs ? ", " : "");
        break;
    case IR_RETURN: put(e, "    return %s;\n", a); break;
    case IR_JUMP: put(e, "    goto b%d;\n", in->target[0]->id); break;
    case IR_BRANCH:
        put(e, "    if (%s) {\n        goto b%d;\n    }\n    goto b%d;\n", a, in->target[0]->id,
            in->target[1]->id);
        break;
    default:  // reference counting: ints need none here
        break;
    }
}

static void put_fast_signature(Emitter *e, const IrFunc *fn) {
    put(e, "KGH int64_t %s(", entry_name(e, fn, "kgq_"));
    for (int i = 0; i < fn->nparams; i++) {
        put(e, "int64_t ");
        put_reg(e, fn->params[i]);
        put(e, ", ");
    }
    put(e, "int64_t kd_)");
}

static void emit_fast_clone(Emitter *e, const IrFunc *fn) {
    e->fn = fn;
    Arena *a = e->out->arena;
    bool *reach = arena_alloc(a, (size_t)fn->nblocks + 1);
    bool *labelled = arena_alloc(a, (size_t)fn->nblocks + 1);
    const IrBlock **work = arena_alloc(a, sizeof(IrBlock *) * ((size_t)fn->nblocks + 1));
    fast_blocks(fn, reach, labelled, work);
    put(e, "\n// %s, line %d: int fast path\n", fn->name, fn->line);
    put_fast_signature(e, fn);
    put(e, " {\n");
    for (int r = 0; r < fn->nregs; r++) {
        if (!fn->regs[r].is_param) {
            bool flag = fn->regs[r].rep == REP_BOOL;
            put(e, "    %s %s = %s;\n    (void)%s;\n", flag ? "bool" : "int64_t", reg_text(e, r),
                flag ? "false" : "0", reg_text(e, r));
        }
    }
    put_fast_bail_if(e, "kd_ <= 0");
    for (int i = 0; i < fn->nblocks; i++) {
        const IrBlock *b = fn->blocks[i];
        if (!reach[b->id]) {
            continue;
        }
        if (labelled[b->id]) {
            put(e, "b%d:;\n", b->id);
        }
        for (int k = 0; k < b->count; k++) {
            emit_fastint_instr(e, b->instrs[k]);
        }
    }
    put(e, "}\n");
}

static void emit_fast_entries(Emitter *e, const IrFunc *fn) {
    e->fn = fn;
    put(e, "KGH int64_t %s(const int64_t *a_, int64_t kd_) {\n    (void)a_;\n    return %s(",
        entry_name(e, fn, "kgt_"), entry_name(e, fn, "kgq_"));
    for (int i = 0; i < fn->nparams; i++) {
        put(e, "a_[%d], ", i);
    }
    put(e, "kd_);\n}\n");
    put(e, "KGH kr_val %s(", entry_name(e, fn, "kgw_"));
    StrBuf args, small;
    strbuf_init(&args, e->out->arena);
    strbuf_init(&small, e->out->arena);
    for (int i = 0; i < fn->nparams; i++) {
        const char *p = reg_text(e, fn->params[i]);
        put(e, "%skr_val %s", i ? ", " : "", p);
        strbuf_printf(&args, "%s%s", i ? ", " : "", p);
        strbuf_printf(&small, "KR_IS_SMALL(%s) && ", p);
    }
    put(e, "%s) {\n", fn->nparams ? "" : "void");
    put(e, "    if (%skr_ts.fast_off == 0) {\n        int64_t a_[%d] = {", strbuf_cstr(&small),
        fn->nparams + 1);
    for (int i = 0; i < fn->nparams; i++) {
        put(e, "%sKR_SMALL_VALUE(%s)", i ? ", " : "", reg_text(e, fn->params[i]));
    }
    put(e, "%s};\n        int64_t r_ = 0;\n", fn->nparams ? "" : "0");
    put(e, "        if (kr_fast_run(%s, a_, &r_) == 0) {\n            return kr_int_from_i64(r_);\n"
           "        }\n        kr_ts.fast_off++;\n        kr_val res_ = %s(%s);\n"
           "        kr_ts.fast_off--;\n        return res_;\n    }\n    return %s(%s);\n}\n",
        entry_name(e, fn, "kgt_"), fn->cname, strbuf_cstr(&args), fn->cname, strbuf_cstr(&args));
}

static void emit_fast(Emitter *e) {
    const IrModule *m = e->m;
    bool any = false;
    for (int i = 0; i < m->nfuncs; i++) {
        if (m->funcs[i]->fast_int) {
            e->fn = m->funcs[i];
            put_fast_signature(e, m->funcs[i]);
            put(e, ";\n");
            any = true;
        }
    }
    if (!any) {
        return;
    }
    // A clone that recurses on every path that does not bail out is finite (kd_ falls at each
    // call), but gcc and clang see only that the bail-out does not return: they would warn.
    // Giving the bail-out a way to return instead costs gcc its recursive inlining (fib 2x).
    put(e, "#if defined(__clang__) || __GNUC__ >= 12\n#pragma GCC diagnostic push\n"
           "#pragma GCC diagnostic ignored \"-Winfinite-recursion\"\n#endif\n");
    for (int i = 0; i < m->nfuncs; i++) {
        if (m->funcs[i]->fast_int) {
            emit_fast_clone(e, m->funcs[i]);
        }
    }
    put(e, "#if defined(__clang__) || __GNUC__ >= 12\n#pragma GCC diagnostic pop\n#endif\n");
    for (int i = 0; i < m->nfuncs; i++) {
        if (m->funcs[i]->fast_entry) {
            emit_fast_entries(e, m->funcs[i]);
        }
    }
}

static void emit_module_head(Emitter *e, bool split) {
    const IrModule *m = e->m;
    emit_header(e, split);
    emit_consts(e);
    emit_globals(e);
    put(e, "\n");
    for (int i = 0; i < m->nfuncs; i++) {
        if (i == 0 && e->body_once) {
            put(e, "KGM_ONCE ");  // on the prototype: its definition inherits it
        } else if (!e->kernel[i]) {
            put(e, m->funcs[i]->is_gen_resume ? "KGM_GEN " : "KGM_LITE ");
        }
        put_signature(e, m->funcs[i]);
        put(e, ";\n");
    }
    for (int i = 0; i < m->nexterns; i++) {  // native entries of other modules' functions
        const IrExtern *x = &m->externs[i];
        put(e, "extern %s %s(", ret_ctype(ty_rep(x->ret_ty)), x->cname);
        for (int k = 0; k < x->nparams; k++) {
            put(e, "%s%s", k ? ", " : "", rep_ctype(ty_rep(x->param_tys[k])));
        }
        put(e, x->nparams ? ");\n" : "void);\n");
        put(e, "extern kr_val %s;\n", x->slot);
    }
    for (int i = 0; i < m->nfuncs; i++) {
        if (m->funcs[i]->is_gen_resume) {
            emit_gen_frame(e, m->funcs[i], m->funcs[i]->gen_nargs);
        }
    }
    emit_fast(e);
    for (int i = 1; i < m->nfuncs; i++) {
        if (!m->funcs[i]->is_gen_resume) {
            emit_boxed(e, m->funcs[i], i);
        }
    }
}

// The part of the least size so far.
static int smallest_part(const size_t *size, int nparts) {
    int best = 0;
    for (int p = 1; p < nparts; p++) {
        best = size[p] < size[best] ? p : best;
    }
    return best;
}

// Which part each function goes to: the costliest function first into the cheapest part, so
// the parts take about the same time to compile. 'size' starts as each part's head.
static int *assign_parts(Arena *a, const size_t *cost, int nfuncs, int nparts, size_t *size) {
    int *part = arena_alloc(a, sizeof(int) * (size_t)(nfuncs + 1));
    bool *done = arena_alloc(a, (size_t)nfuncs + 1);
    for (int n = 0; n < nfuncs; n++) {
        int big = -1;
        for (int i = 0; i < nfuncs; i++) {
            if (!done[i] && (big < 0 || cost[i] > cost[big])) {
                big = i;
            }
        }
        done[big] = true;
        part[big] = smallest_part(size, nparts);
        size[part[big]] += cost[big];
    }
    return part;
}

// A module body of more C than this is compiled as code run once (KGM_ONCE: cold, -O0), and
// counts for half its size when the parts are balanced (gcc takes about that much less time
// per byte on it then than on KGM_LITE functions). Smaller bodies, where a
// script's hot top-level loop may be, keep the command line's optimisation.
enum { BODY_ONCE_BYTES = 64 * 1024 };

int emit_module_parts(const IrModule *m, int max_parts, size_t min_part, StrBuf *parts) {
    Arena *a = parts[0].arena;
    Emitter e = {.m = m, .out = &parts[0]};
    boxed_shapes(&e);
    hot_functions(&e);
    StrBuf *bodies = arena_alloc(a, sizeof(StrBuf) * (size_t)m->nfuncs);
    size_t *cost = arena_alloc(a, sizeof(size_t) * (size_t)m->nfuncs);
    size_t total = 0;
    for (int i = 0; i < m->nfuncs; i++) {
        strbuf_init(&bodies[i], a);
        e.out = &bodies[i];
        emit_func(&e, m->funcs[i], e.hot[i]);
        // gcc's time per byte, in quarters of a KGM_LITE function's (bench/build, callgrind):
        // a kernel twice as much, a generator's resume function (KGM_GEN) 1.5 times.
        int weight = e.kernel[i] ? 8 : m->funcs[i]->is_gen_resume ? 6 : 4;
        if (i == 0 && bodies[i].len > BODY_ONCE_BYTES) {
            e.body_once = true;
            weight = 2;
        }
        cost[i] = bodies[i].len * (size_t)weight / 4;
        total += cost[i];
    }
    int nparts = (int)(total / (min_part ? min_part : 1));
    nparts = nparts < 1 ? 1 : nparts > max_parts ? max_parts : nparts;
    size_t *size = arena_alloc(a, sizeof(size_t) * (size_t)nparts);
    e.split = nparts > 1;
    for (int p = 0; p < nparts; p++) {
        e.out = &parts[p];
        e.decls = p > 0;
        emit_module_head(&e, nparts > 1);
        // Declarations and data: gcc takes about a sixth of the time on them (or less) that
        // it takes on as much code.
        size[p] = parts[p].len / 6;
    }
    int *part = assign_parts(a, cost, m->nfuncs, nparts, size);
    for (int i = 1; i <= m->nfuncs; i++) {
        int f = i % m->nfuncs;  // the module body last, before main
        strbuf_append(&parts[part[f]], bodies[f].data, bodies[f].len);
    }
    e.out = &parts[0];
    if (m->unit == m->prog->units[0]) {
        emit_main(&e);
    } else {
        emit_module_def(&e);
    }
    return nparts;
}

void emit_module(const IrModule *m, StrBuf *out) {
    emit_module_parts(m, 1, 0, out);
}
