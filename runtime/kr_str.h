// kr_str.h: str, bytes, bytearray and string formatting (str.c, bytes.c, format.c).
//
// The str object layout and the core constructors (kr_str_from_utf8, kr_str_from_cstr) are in
// krait.h. Conventions are krait.h's: kr_val results are new references or 0 with a pending
// exception, arguments are borrowed.
//
// Methods of str, bytes and bytearray are also exported with the builtin-method signature
// (kr_cfunc: self, args, nargs, kwnames) as kr_<type>_meth_<name>, so that generated code can
// call them directly instead of through attribute lookup.
#ifndef KR_STR_H
#define KR_STR_H

// ---------------------------------------------------------------------------------------------
// Unicode and UTF-8 (str.c)

// Property flags of code point 'c' (KR_UCD_* bits of unicode_db.inc, exported below).
enum {
    KR_UC_ALPHA = 1 << 0,
    KR_UC_DECIMAL = 1 << 1,
    KR_UC_DIGIT = 1 << 2,
    KR_UC_NUMERIC = 1 << 3,
    KR_UC_SPACE = 1 << 4,
    KR_UC_UPPER = 1 << 5,
    KR_UC_LOWER = 1 << 6,
    KR_UC_TITLE = 1 << 7,
    KR_UC_CASED = 1 << 8,
    KR_UC_CASE_IGNORABLE = 1 << 9,
    KR_UC_PRINTABLE = 1 << 10,
    KR_UC_XID_START = 1 << 11,
    KR_UC_XID_CONTINUE = 1 << 12,
};
unsigned kr_unicode_flags(uint32_t c);
// Decimal digit value of 'c' (any script), or -1 (for int() and float() of str).
int kr_unicode_decimal(uint32_t c);
// Decodes the code point at 's' (valid UTF-8); stores its byte length in '*n'.
uint32_t kr_utf8_decode(const char *s, int *n);
// Writes the UTF-8 form of 'c' (<= 0x10FFFF, surrogates allowed) to 'out'; returns its length.
int kr_utf8_encode(uint32_t c, char *out);
// Length of the valid UTF-8 prefix of 's' (strict: no surrogates, no overlong forms).
size_t kr_utf8_valid_prefix(const char *s, size_t n);

// ---------------------------------------------------------------------------------------------
// String builder (str.c): a growable byte buffer in kr_alloc_atomic memory.

typedef struct kr_strbuf {
    char *data;
    size_t len, cap;
} kr_strbuf;

void kr_strbuf_init(kr_strbuf *b);
KR_MUST_CHECK int kr_strbuf_reserve(kr_strbuf *b, size_t extra);
KR_MUST_CHECK int kr_strbuf_append(kr_strbuf *b, const char *s, size_t n);
KR_MUST_CHECK int kr_strbuf_append_cstr(kr_strbuf *b, const char *s);
KR_MUST_CHECK int kr_strbuf_append_char(kr_strbuf *b, char c);
KR_MUST_CHECK int kr_strbuf_append_repeat(kr_strbuf *b, const char *s, size_t n, intptr_t times);
KR_MUST_CHECK int kr_strbuf_append_codepoint(kr_strbuf *b, uint32_t c);
// Appends the text of str 'v'.
KR_MUST_CHECK int kr_strbuf_append_str(kr_strbuf *b, kr_val v);
// printf-style append.
KR_MUST_CHECK int kr_strbuf_printf(kr_strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
// A str made of the buffer's bytes (valid UTF-8); releases the buffer in all cases.
KR_MUST_CHECK kr_val kr_strbuf_finish(kr_strbuf *b);
void kr_strbuf_free(kr_strbuf *b);

// ---------------------------------------------------------------------------------------------
// str (str.c)

KR_MUST_CHECK kr_val kr_str_from_codepoint(uint32_t c);  // chr(): ValueError out of range
KR_MUST_CHECK kr_val kr_str_from_format(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
// A str of 'nbytes' bytes known to be ASCII (not checked: nothing to count).
KR_MUST_CHECK kr_val kr_str_from_ascii(const char *s, size_t nbytes);
// A str from arbitrary bytes that must be valid UTF-8: ValueError otherwise.
KR_MUST_CHECK kr_val kr_str_from_utf8_checked(const char *s, size_t nbytes);
// The empty str (immortal).
kr_val kr_str_empty(void);
static inline intptr_t kr_str_len(kr_val s) { return KR_STR(s)->len; }
// Whether 'v' is a str and not an instance of a subclass.
static inline bool kr_str_exact(kr_val v) {
    return KR_IS_PTR(v) && KR_OBJ(v)->type == &kr_str_type;
}

// CPython's _Py_HashBytes (SipHash-1-3, PYTHONHASHSEED=0): the hash of bytes.
intptr_t kr_hash_bytes(const void *p, size_t n);
intptr_t kr_str_hash(kr_val s);  // CPython's hash (SipHash-1-3) under PYTHONHASHSEED=0
bool kr_str_equal(kr_val a, kr_val b);  // both str
bool kr_str_equal_cstr(kr_val a, const char *s);
int kr_str_compare(kr_val a, kr_val b);  // code point order: <0, 0, >0
KR_MUST_CHECK kr_val kr_str_concat(kr_val a, kr_val b);  // TypeError unless 'b' is a str
// Concatenation of 'n' strs (f-strings, BUILD_STRING).
KR_MUST_CHECK kr_val kr_str_build(const kr_val *parts, intptr_t n);
KR_MUST_CHECK kr_val kr_str_repeat(kr_val s, intptr_t n);
// s[i] with a Python index (negative counts from the end); IndexError out of range.
KR_MUST_CHECK kr_val kr_str_index(kr_val s, intptr_t i);
// s[start:stop:step]; each bound is None, an int or 0 (absent).
KR_MUST_CHECK kr_val kr_str_slice(kr_val s, kr_val start, kr_val stop, kr_val step);
KR_MUST_CHECK kr_val kr_str_getitem(kr_val s, kr_val key);  // int or slice
KR_MUST_CHECK int kr_str_contains(kr_val s, kr_val sub);  // `sub in s`: 1/0/-1
KR_MUST_CHECK kr_val kr_str_iter(kr_val s);
KR_MUST_CHECK kr_val kr_str_repr(kr_val s);
// sep.join(iterable)
KR_MUST_CHECK kr_val kr_str_join(kr_val sep, kr_val iterable);
// str(x, encoding, errors) and bytes.decode: decode 'n' bytes; 'encoding'/'errors' may be NULL.
KR_MUST_CHECK kr_val kr_str_decode(const char *s, size_t n, const char *encoding,
                                   const char *errors);
// str.encode: a bytes object.
KR_MUST_CHECK kr_val kr_str_encode(kr_val s, const char *encoding, const char *errors);
// Raise UnicodeDecodeError(encoding, bytes of 'data', start, end, reason) /
// UnicodeEncodeError(encoding, str, start, end, reason) (exc.c); positions are byte / code point
// indexes. Return 0.
kr_val kr_unicode_decode_error(const char *encoding, const char *data, size_t n, intptr_t start,
                               intptr_t end, const char *reason);
kr_val kr_unicode_encode_error(const char *encoding, kr_val str, intptr_t start, intptr_t end,
                               const char *reason);

// Argument unpacking for builtin methods. 'names' gives the parameter names (NULL: the method
// takes no keyword arguments, and messages use the "expected at most" form of such methods).
// 'out[i]' receives each argument (borrowed) or 0 when absent. Returns 0 or -1 (TypeError).
KR_MUST_CHECK int kr_str_unpack_args(const char *fname, const kr_val *args, size_t nargs,
                                     kr_val kwnames, const char *const *names, size_t nmin,
                                     size_t nmax, kr_val *out);
// Python slice bounds of a sequence of 'len' items ('start', 'stop', 'step': None, int or 0).
// Stores the normalized start and step; returns the slice length, or -1 with an exception.
KR_MUST_CHECK intptr_t kr_str_slice_indices(kr_val start, kr_val stop, kr_val step,
                                            intptr_t len, intptr_t *ostart, intptr_t *ostep);

// Split views (the compiler's ir/lower_str.c): a local `v = s.split(sep)` that is only ever
// indexed by int literals. The view is 's' itself (a new reference) when it is an exact str,
// else what s.split(sep) returns; 'sep' is a non-empty str.
KR_MUST_CHECK kr_val kr_str_split_view(kr_val s, kr_val sep);
// v[i] of view 'v': the piece (IndexError "list index out of range" past the end), or float()
// or int() of it, parsed in place (-1.0 with an exception on error).
KR_MUST_CHECK kr_val kr_str_split_item(kr_val v, kr_val sep, intptr_t i);
KR_MUST_CHECK double kr_str_split_item_float(kr_val v, kr_val sep, intptr_t i);
KR_MUST_CHECK kr_val kr_str_split_item_int(kr_val v, kr_val sep, intptr_t i);

#define KR_STR_METHODS(X)                                                                   \
    X(capitalize) X(casefold) X(center) X(count) X(encode) X(endswith) X(expandtabs)       \
    X(find) X(format) X(format_map) X(index) X(isalnum) X(isalpha) X(isascii) X(isdecimal) \
    X(isdigit) X(isidentifier) X(islower) X(isnumeric) X(isprintable) X(isspace)           \
    X(istitle) X(isupper) X(join) X(ljust) X(lower) X(lstrip) X(partition)                 \
    X(removeprefix) X(removesuffix) X(replace) X(rfind) X(rindex) X(rjust) X(rpartition)   \
    X(rsplit) X(rstrip) X(split) X(splitlines) X(startswith) X(strip) X(swapcase) X(title) \
    X(upper) X(zfill) X(__format__)

#define KR_X_(name) \
    KR_MUST_CHECK kr_val kr_str_meth_##name(kr_val self, const kr_val *args, size_t nargs, \
                                            kr_val kwnames);
KR_STR_METHODS(KR_X_)
#undef KR_X_

// ---------------------------------------------------------------------------------------------
// bytes and bytearray (bytes.c). Both share one layout; a bytes object is immutable, a
// bytearray owns a growable buffer.

typedef struct kr_bytes_obj {
    kr_obj ob;
    intptr_t hash;  // bytes: -1 until computed; unused by bytearray
    intptr_t len;
    intptr_t cap;   // bytearray: allocated size of 'data'
    char *data;     // NUL-terminated; bytes: points at 'inline_data'
    char inline_data[];
} kr_bytes_obj;

extern kr_type kr_bytes_type;
extern kr_type kr_bytearray_type;
#define KR_BYTES(v) ((kr_bytes_obj *)(v))
static inline bool kr_bytes_check(kr_val v) {
    return KR_IS_PTR(v) && (KR_OBJ(v)->type->flags & KR_TF_BYTES_SUB);
}
static inline bool kr_bytearray_check(kr_val v) {
    return KR_IS_PTR(v) && kr_isinstance_type(v, &kr_bytearray_type);
}
// Either bytes or bytearray.
static inline bool kr_bytes_like_check(kr_val v) {
    return kr_bytes_check(v) || kr_bytearray_check(v);
}
static inline const char *kr_bytes_data(kr_val v) { return KR_BYTES(v)->data; }
static inline intptr_t kr_bytes_len(kr_val v) { return KR_BYTES(v)->len; }

KR_MUST_CHECK kr_val kr_bytes_from_data(const char *s, size_t n);
KR_MUST_CHECK kr_val kr_bytearray_from_data(const char *s, size_t n);
// bytes(x) / bytearray(x): from an int (zeros), an iterable of ints, bytes-like, or str with an
// encoding. 'x' may be 0 (empty).
KR_MUST_CHECK kr_val kr_bytes_from_val(const kr_type *type, kr_val x, const char *encoding,
                                       const char *errors);
KR_MUST_CHECK kr_val kr_bytes_repr(kr_val v);
intptr_t kr_bytes_hash(kr_val v);
KR_MUST_CHECK kr_val kr_bytes_concat(kr_val a, kr_val b);
KR_MUST_CHECK kr_val kr_bytes_repeat(kr_val v, intptr_t n);
KR_MUST_CHECK kr_val kr_bytes_getitem(kr_val v, kr_val key);
KR_MUST_CHECK int kr_bytes_contains(kr_val v, kr_val item);
KR_MUST_CHECK kr_val kr_bytes_join(kr_val sep, kr_val iterable);
KR_MUST_CHECK kr_val kr_bytes_decode(kr_val v, const char *encoding, const char *errors);
KR_MUST_CHECK int kr_bytearray_append(kr_val ba, kr_val item);
KR_MUST_CHECK int kr_bytearray_setitem(kr_val ba, kr_val key, kr_val value);

#define KR_BYTES_METHODS(X)                                                                \
    X(count) X(decode) X(endswith) X(find) X(hex) X(index) X(join) X(lower) X(lstrip)     \
    X(replace) X(rfind) X(rindex) X(rsplit) X(rstrip) X(split) X(startswith) X(strip)     \
    X(upper) X(isdigit) X(isalpha) X(isspace) X(isupper) X(islower) X(isalnum) X(isascii) \
    X(removeprefix) X(removesuffix)
#define KR_BYTEARRAY_METHODS(X) X(append) X(extend) X(pop) X(clear) X(copy) X(insert) X(reverse)

#define KR_X_(name) \
    KR_MUST_CHECK kr_val kr_bytes_meth_##name(kr_val self, const kr_val *args, size_t nargs, \
                                              kr_val kwnames);
KR_BYTES_METHODS(KR_X_)
#undef KR_X_
#define KR_X_(name)                                                                      \
    KR_MUST_CHECK kr_val kr_bytearray_meth_##name(kr_val self, const kr_val *args,      \
                                                  size_t nargs, kr_val kwnames);
KR_BYTEARRAY_METHODS(KR_X_)
#undef KR_X_
// bytes.fromhex / bytearray.fromhex ('self' is the type).
KR_MUST_CHECK kr_val kr_bytes_meth_fromhex(kr_val self, const kr_val *args, size_t nargs,
                                           kr_val kwnames);

// ---------------------------------------------------------------------------------------------
// Formatting (format.c)

// format(value, spec): the format-spec mini-language for str, int, bool and float, and
// __format__ for other objects. 'spec' is a str (or 0 for the empty spec).
KR_MUST_CHECK kr_val kr_format(kr_val value, kr_val spec);
KR_MUST_CHECK kr_val kr_format_cstr(kr_val value, const char *spec);
KR_MUST_CHECK kr_val kr_format_str(kr_val s, kr_val spec);
KR_MUST_CHECK kr_val kr_format_int(kr_val i, kr_val spec);
KR_MUST_CHECK kr_val kr_format_float(kr_val f, kr_val spec);
KR_MUST_CHECK kr_val kr_format_double(double d, kr_val spec);
// fmt % args (printf-style formatting of str).
KR_MUST_CHECK kr_val kr_str_mod(kr_val fmt, kr_val args);
// fmt % args for bytes and bytearray ('fmt' decides the result type).
KR_MUST_CHECK kr_val kr_bytes_mod(kr_val fmt, kr_val args);
// fmt.format(*args, **kwargs): 'kwargs' is a mapping (dict) or 0.
KR_MUST_CHECK kr_val kr_str_format(kr_val fmt, const kr_val *args, size_t nargs,
                                   kr_val kwnames);
// Shared float digit layout of repr, format() and %: 'type' is one of e f g r (lower case),
// 'prec' as CPython's PyOS_double_to_string, 'flags' the KR_DTSF_* bits. Appends to 'b'.
enum { KR_DTSF_SIGN = 1, KR_DTSF_ADD_DOT_0 = 2, KR_DTSF_ALT = 4, KR_DTSF_NO_NEG_0 = 8,
       KR_DTSF_UPPER = 16 };
KR_MUST_CHECK int kr_format_double_cstr(kr_strbuf *b, double d, char type, int prec,
                                        int flags);

#endif
