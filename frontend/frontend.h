// frontend.h: the front end's interface — arenas, interned names, diagnostics, source decoding,
// the tokenizer, the AST, the parser, the AST dumper and symbol tables. Other stages include
// only this header. One section per source file; each section declares only what other files
// call.
#ifndef KRAIT_FRONTEND_H
#define KRAIT_FRONTEND_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

// arena.c ----------------------------------------------------------------------------------------
// Bump allocator: memory lives until arena_free. Never free a single allocation.

typedef struct ArenaChunk ArenaChunk;
typedef struct Arena {
    ArenaChunk *head;
    size_t total;
} Arena;

void arena_init(Arena *a);
void arena_free(Arena *a);
// Zeroed memory, 16-byte aligned. Aborts with a message if the system is out of memory.
void *arena_alloc(Arena *a, size_t size);
// Grow 'old' (of 'old_size' bytes) to 'new_size' bytes; the contents are copied.
void *arena_realloc(Arena *a, void *old, size_t old_size, size_t new_size);
char *arena_strndup(Arena *a, const char *s, size_t len);
char *arena_printf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

// A growable byte buffer in an arena.
typedef struct StrBuf {
    Arena *arena;
    char *data;
    size_t len, cap;
} StrBuf;

void strbuf_init(StrBuf *b, Arena *a);
void strbuf_append(StrBuf *b, const char *s, size_t len);
void strbuf_putc(StrBuf *b, char c);
void strbuf_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
// NUL-terminates the buffer and returns its data (the NUL is not counted in 'len').
const char *strbuf_cstr(StrBuf *b);

// intern.c ---------------------------------------------------------------------------------------
// Interned, NUL-terminated strings: equal names are the same pointer, so compare with ==.

typedef const char *Name;
typedef struct Interner Interner;

Interner *intern_new(Arena *a);
Name intern(Interner *in, const char *s, size_t len);
Name intern_cstr(Interner *in, const char *s);

// diag.c -----------------------------------------------------------------------------------------
// Positions are as CPython's ast: 'line' 1-based, 'col' a 0-based UTF-8 byte offset in the line.

typedef struct SrcSpan {
    int line, col, end_line, end_col;
} SrcSpan;

typedef struct Diag {
    const char *path;  // as the user named the file
    const char *src;   // decoded UTF-8 source, or NULL when not yet read
    size_t src_len;
    FILE *out;
    bool color;
    int errors;
    int max_errors;  // stop reporting after this many (20)
} Diag;

void diag_init(Diag *d, const char *path, FILE *out);
void diag_set_source(Diag *d, const char *src, size_t len);
// Prints "path:line:col: error: message", the source line and a caret (col printed 1-based).
void diag_error(Diag *d, SrcSpan span, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void diag_verror(Diag *d, SrcSpan span, const char *fmt, va_list ap);
bool diag_too_many(const Diag *d);

// source.c ---------------------------------------------------------------------------------------
// Reads a file and decodes it to UTF-8 as CPython's compile() decodes bytes: newlines translated
// ("\r\n" and "\r" become "\n"), a UTF-8 BOM dropped, a PEP 263 coding declaration on line 1 or 2
// (utf-8, latin-1/iso-8859-1, cp1252, koi8-r, ascii and their aliases) applied. Errors of the
// declaration and of a declared codec are reported at line 0, with CPython's messages. As in
// CPython, a UTF-8 source is not validated here: its invalid sequences are errors only where the
// lexer (identifiers) or strlit.c (literals) decodes them, and NUL bytes are the lexer's error.

typedef struct Source {
    const char *path;
    const char *text;  // UTF-8 (as far as the source is), NUL-terminated
    size_t len;
} Source;

// Reads 'path' (NULL or "-" is stdin). On failure reports through 'd' and returns false.
bool source_read(Arena *a, Diag *d, const char *path, Source *out);
// Decodes raw file bytes already in memory.
bool source_decode(Arena *a, Diag *d, const char *bytes, size_t len, Source *out);

// lex.c ------------------------------------------------------------------------------------------
// Tokenizes decoded source into an array, as CPython 3.13's tokenizer does (PEP 701 f-strings:
// FSTRING_START, FSTRING_MIDDLE, nested tokens, FSTRING_END). On a tokenizer error the array ends
// with one TK_ERROR token whose 'text' is CPython's message and whose span is where CPython
// reports it; the parser reports it only if it gets that far, as CPython's lazy tokenizer does.
//
// Spans are those of Python's tokenize module (in UTF-8 bytes): NEWLINE covers its newline (an
// implied last newline has empty text), INDENT covers the indentation, DEDENT is empty at the
// first token of its line, and DEDENTs and ENDMARKER at the end sit at column 0 of the line after
// the last. Comments and blank lines produce no token.
//
// F-strings: FSTRING_START's text is the prefix and quotes; each FSTRING_MIDDLE's text is a slice
// of the source. A doubled brace ends the FSTRING_MIDDLE after its first brace and the second is
// skipped (as CPython does), so the texts of consecutive FSTRING_MIDDLEs concatenate to the
// literal with "{{" and "}}" made single; a FSTRING_MIDDLE may be empty (in a format spec). The
// '=' of a self-documenting expression is an EQUAL token: its text is the source between '{'
// and the '=' (through the spans).
//
// Operators: "<>" is a TK_NOTEQUAL whose text is "<>" (CPython's parser rejects it); '$', '?'
// and '`' are TK_OP tokens, on which CPython's parser fails with "invalid syntax".

typedef enum TokenKind {
#define TOKEN(name, text) TK_##name,
#define KEYWORD(name, text) TK_KW_##name,
#include "tokens.def"
#undef TOKEN
#undef KEYWORD
    TK_OP,  // a printable character that is no operator: '$', '?', '`'
    TK_ERROR,
    TK__COUNT
} TokenKind;

typedef struct Token {
    TokenKind kind;
    uint32_t len;  // byte length of 'text'
    SrcSpan span;
    const char *text;  // raw source text of the token (the message for TK_ERROR)
    Name name;         // NAME and keyword tokens: interned (NFKC-normalized) identifier
} Token;

typedef struct TokenArray {
    Token *items;
    size_t count;
} TokenArray;

// 'src[len]' must be a NUL byte (Source.text has one).
void lex_tokenize(Arena *a, Interner *in, const char *src, size_t len, TokenArray *out);
// The kind's name: "NAME", "LPAR", "KW_IF", "OP", "ERROR"...
const char *lex_token_name(TokenKind kind);
// How CPython's parser treats the final TK_ERROR when it has already failed on an earlier token
// (with any SyntaxError, generic or specific): it tokenizes the rest of the file, and
//  - an error the tokenizer raises itself (bad literal or character, bracket mismatch,
//    unterminated string, NUL byte...: lex_error_overrides) replaces the parser's error;
//  - otherwise (indentation, tabs, a stray backslash, the end of input, and "'(' was never
//    closed", lex_error_is_unclosed, whose span is the bracket's) the parser's error stays,
//    unless a bracket is still open where the tokenizer stopped (lex_unclosed_bracket: the
//    innermost LPAR/LSQB/LBRACE not closed before the TK_ERROR) on a line before the line of the
//    parser's error: then the error is "'(' was never closed" at that bracket.
bool lex_error_overrides(const Token *tok);
bool lex_error_is_unclosed(const Token *tok);
const Token *lex_unclosed_bracket(const TokenArray *toks);

// strlit.c ---------------------------------------------------------------------------------------
// Values of literal tokens.

typedef enum AstConstKind {
    CONST_NONE,
    CONST_TRUE,
    CONST_FALSE,
    CONST_ELLIPSIS,
    CONST_INT,
    CONST_FLOAT,
    CONST_COMPLEX,  // 'u.f' is the imaginary part; the real part is 0
    CONST_STR,      // 'u.s' is UTF-8
    CONST_BYTES,
} AstConstKind;

typedef struct AstConst {
    AstConstKind kind;
    union {
        struct {
            int64_t small;       // the value when it fits
            const char *digits;  // decimal digits when it does not fit int64, else NULL
        } i;
        double f;
        struct {
            const char *data;
            size_t len;
        } s;
    } u;
} AstConst;

typedef struct StrLit {
    bool is_bytes, is_raw, is_u;
    const char *data;  // decoded value: UTF-8 for str (a lone surrogate from an escape such as
                       // \ud800 in its 3-byte form), raw bytes for bytes; NUL-terminated
    size_t len;
} StrLit;

// 'tok' is a NUMBER token. Returns false with '*err' set to CPython's message when invalid (a
// decimal integer of more than 4300 digits).
bool lex_number_value(Arena *a, const Token *tok, AstConst *out, const char **err);
// 'tok' is a STRING token (any prefix but f). Decodes escapes; false with '*err' on a bad one.
bool lex_string_value(Arena *a, const Token *tok, StrLit *out, const char **err);
// 'tok' is an FSTRING_MIDDLE token of an f-string whose prefix is raw or not; "{{" and "}}" are
// already single in the token's text. Text that is not UTF-8 gets the message of the
// UnicodeDecodeError CPython raises there (not a SyntaxError: it has no "(unicode error)" prefix).
bool lex_fstring_middle_value(Arena *a, const Token *tok, bool raw, StrLit *out, const char **err);

// unicode.c --------------------------------------------------------------------------------------
// Unicode properties the front end needs (tables generated from CPython 3.13's unicodedata by
// scripts/gen_unicode.py).

bool uni_is_xid_start(uint32_t cp);
bool uni_is_xid_continue(uint32_t cp);
bool uni_is_printable(uint32_t cp);  // str.isprintable() of the one-character string
// NFKC-normalizes the UTF-8 string 's' into the arena.
const char *uni_nfkc(Arena *a, const char *s, size_t len, size_t *out_len);
// Code point of a \N{name} escape (names and aliases, as unicodedata.lookup); -1 if unknown.
int32_t uni_lookup_name(const char *name, size_t len);
// Decodes one UTF-8 sequence at 's' (at most 'n' bytes); returns its length or 0 if invalid.
int uni_decode_utf8(const char *s, size_t n, uint32_t *cp);
int uni_encode_utf8(uint32_t cp, char out[4]);
// The length of the character at 's' (at most 'n' bytes), or of the invalid sequence there that
// CPython's "replace" error handler turns into one U+FFFD.
int uni_utf8_skip(const char *s, size_t n);
// NULL when the 'n' bytes at 's' are valid UTF-8; otherwise the message of the UnicodeDecodeError
// CPython's decoder raises for the first bad sequence ("'utf-8' codec can't decode byte 0xf6 in
// position 1: invalid start byte").
const char *uni_utf8_error(Arena *a, const char *s, size_t n);

// ast.c ------------------------------------------------------------------------------------------
// The AST: one node struct for every kind in ast.def, arena-allocated, each with its span.

typedef enum AstKind {
#define AST_NODE(K, cat, fields) AST_##K,
#define AST_NODE0(K, cat) AST_##K,
#define AST_OP(K, cat)
#include "ast.def"
#undef AST_OP
#undef AST_NODE
#undef AST_NODE0
    AST__COUNT
} AstKind;

typedef enum AstOp {
#define AST_OP(K, cat) AST_OP_##K,
#define AST_NODE(K, cat, fields)
#define AST_NODE0(K, cat)
#include "ast.def"
#undef AST_OP
#undef AST_NODE
#undef AST_NODE0
    AST_OP__COUNT
} AstOp;

typedef struct AstNode AstNode;
typedef struct AstList {
    AstNode **items;
    int count;
} AstList;
typedef struct NameList {
    Name *items;
    int count;
} NameList;
typedef struct AstOpList {
    AstOp *items;
    int count;
} AstOpList;

#define AST_FTYPE_NODE AstNode *
#define AST_FTYPE_NODE_OPT AstNode *
#define AST_FTYPE_LIST AstList
#define AST_FTYPE_IDENT Name
#define AST_FTYPE_IDENT_OPT Name
#define AST_FTYPE_IDENT_LIST NameList
#define AST_FTYPE_INT int
#define AST_FTYPE_CONST AstConst
#define AST_FTYPE_STR_OPT const char *
#define AST_FTYPE_OP AstOp
#define AST_FTYPE_OP_LIST AstOpList

struct Ty;

// A node's fields are 'n->u.<Kind>.<field>', named exactly as in Python's ast module.
struct AstNode {
    AstKind kind;
    SrcSpan span;
    struct Ty *ty;  // set by inference
    union {
#define F(k, n) AST_FTYPE_##k n;
#define AST_NODE(K, cat, fields) struct AstFields_##K { fields } K;
#define AST_NODE0(K, cat)
#define AST_OP(K, cat)
#include "ast.def"
#undef AST_OP
#undef F
#undef AST_NODE
#undef AST_NODE0
    } u;
};

typedef enum AstFieldKind {
    FK_NODE,
    FK_NODE_OPT,
    FK_LIST,
    FK_IDENT,
    FK_IDENT_OPT,
    FK_IDENT_LIST,
    FK_INT,
    FK_CONST,
    FK_STR_OPT,
    FK_OP,
    FK_OP_LIST,
} AstFieldKind;

typedef struct AstField {
    const char *name;
    AstFieldKind kind;
    size_t offset;  // offsetof(AstNode, u.<Kind>.<field>)
} AstField;

AstNode *ast_new(Arena *a, AstKind kind, SrcSpan span);
const char *ast_kind_name(AstKind kind);
const char *ast_op_name(AstOp op);
// The fields of 'kind' in _fields order; '*count' gets their number.
const AstField *ast_fields(AstKind kind, int *count);
// Calls 'visit' on each child of 'n' (node fields and list items, in _fields order, NULLs
// skipped) until one returns true; whether one did. A walk over every child returns false.
bool ast_any_child(const AstNode *n, bool (*visit)(const AstNode *child, void *ctx), void *ctx);
// Whether nodes of 'kind' carry lineno/col_offset/end_lineno/end_col_offset in Python.
bool ast_has_location(AstKind kind);

// ast_dump.c -------------------------------------------------------------------------------------
// Writes exactly what CPython 3.13's ast.dump(node) returns (no indent, no attributes).

void ast_dump(const AstNode *node, FILE *out);
// repr() of constants, as CPython prints them; appended to 'b'.
void ast_repr_const(StrBuf *b, const AstConst *c);
void ast_repr_double(StrBuf *b, double d);

// parse.c ----------------------------------------------------------------------------------------
// Recursive-descent parser for the full Python 3.13 grammar, as permissive as ast.parse and no
// more. Returns the Module node, or NULL after reporting the SyntaxError CPython would raise
// (same line) through 'd'.

AstNode *parse_module(Arena *a, Interner *in, Diag *d, const Source *src);

// scope.c ----------------------------------------------------------------------------------------
// Symbol tables, as CPython's symtable module classifies names, and the errors compile() raises
// beyond the grammar. Declared by scope.c's author below this line.

// A scope is a block of CPython's symtable: module, class, function (also lambdas and
// comprehensions), annotation (only under 'from __future__ import annotations'), and the PEP 695
// scopes: type parameters, type alias value, type variable bound/default. Kinds take the values of
// _symtable.TYPE_*; symbol flags and resolved scopes take the values of symtable.c's DEF_* and
// LOCAL..CELL, so a symbol's 'flags | scope << SYM_SCOPE_SHIFT' equals CPython's symbols[name].
typedef enum ScopeKind {
    SCOPE_FUNCTION,
    SCOPE_CLASS,
    SCOPE_MODULE,
    SCOPE_ANNOTATION,
    SCOPE_TYPE_ALIAS,
    SCOPE_TYPE_PARAMS,
    SCOPE_TYPE_VAR,
} ScopeKind;

typedef enum ScopeComp { COMP_NONE, COMP_LIST, COMP_DICT, COMP_SET, COMP_GENEXP } ScopeComp;

enum {
    SYM_DEF_GLOBAL = 1,        // 'global' statement
    SYM_DEF_LOCAL = 2,         // assigned in this scope
    SYM_DEF_PARAM = 4,         // parameter
    SYM_DEF_NONLOCAL = 8,      // 'nonlocal' statement
    SYM_USE = 16,              // read in this scope
    SYM_DEF_FREE_CLASS = 64,   // class scope: also free in a method
    SYM_DEF_IMPORT = 128,      // bound by import
    SYM_DEF_ANNOT = 256,       // annotated name
    SYM_DEF_COMP_ITER = 512,   // comprehension iteration variable
    SYM_DEF_TYPE_PARAM = 1024, // PEP 695 type parameter
    SYM_DEF_COMP_CELL = 2048,  // a cell inside an inlined comprehension
    SYM_DEF_BOUND = SYM_DEF_LOCAL | SYM_DEF_PARAM | SYM_DEF_IMPORT,
    SYM_SCOPE_SHIFT = 12,
};

typedef enum SymScope {
    SYM_UNRESOLVED,
    SYM_LOCAL,
    SYM_GLOBAL_EXPLICIT,
    SYM_GLOBAL_IMPLICIT,
    SYM_FREE,
    SYM_CELL,
} SymScope;

typedef struct Symbol {
    Name name;  // mangled ('__x' in class C is '_C__x'), as symtable reports it
    unsigned flags;
    SymScope scope;
} Symbol;

typedef struct ScopeTable ScopeTable;
typedef struct Scope Scope;

// 'children' are in source order and include comprehensions that CPython inlines into this scope
// (PEP 709; 'comp_inlined' set): the symtable module shows their children in their place, and their
// symbols merged into this scope. Annotation scopes are not children (as in CPython).
struct Scope {
    ScopeKind kind;
    ScopeComp comp;
    Name name;  // "top", the def/class name, "lambda", "listcomp", "genexpr", ...
    const AstNode *node;
    int lineno;
    Scope *parent;
    Scope **children;
    int nchildren, children_cap;
    Symbol **symbols;  // in order of first definition
    int nsymbols, symbols_cap;
    Symbol **slots;  // hash table over 'symbols', keyed by name pointer
    int nslots;
    Name *varnames;  // parameters in order
    int nvarnames, varnames_cap;
    bool nested, is_async, generator, coroutine, returns_value, varargs, varkeywords;
    bool free, child_free, needs_class_closure, needs_classdict, comp_inlined;
    bool can_see_class_scope;
    const char *scope_info;  // type variable scopes: "a TypeVar bound", ...
    ScopeTable *table;
    // Builder state.
    int comp_iter_expr;
    bool comp_iter_target;
    struct NameSet *mangled_names;
    struct Directive *directives;
};

// Where the code for scope 's' finds name 'name' (CPython's compiler_nameop).
typedef enum ScopeAccess {
    ACCESS_FAST,    // function local: a C local
    ACCESS_DEREF,   // cell or free variable
    ACCESS_GLOBAL,  // module dict, then builtins
    ACCESS_NAME,    // module or class namespace, then globals, then builtins
} ScopeAccess;

// Builds the symbol tables of 'module' and checks everything compile() checks beyond the grammar.
// Returns the module scope, or NULL after reporting errors through 'd' (the first one is the one
// CPython raises).
Scope *scope_build(Arena *a, Interner *in, Diag *d, const AstNode *module);
// The symbol 'name' (already mangled) of 's', or NULL.
Symbol *scope_lookup(const Scope *s, Name name);
// The scope a node opens: FunctionDef, AsyncFunctionDef, ClassDef, Lambda, comprehensions,
// TypeAlias. With 'type_params', the type-parameter scope of a generic def/class/alias instead.
Scope *scope_of(const Scope *module, const AstNode *node, bool type_params);
// 'name' as the scope mangles it ('__x' in a class C is '_C__x').
Name scope_mangle(const Scope *s, Interner *in, Name name);
ScopeAccess scope_access(const Scope *s, Name mangled);
const char *scope_kind_name(ScopeKind kind);
// Writes the tables as tests/tools/symcheck.py writes CPython's: one line per scope (kind, name,
// line, nested), one line per symbol sorted by name with CPython's flag word in hex, parameters.
void scope_dump(const Scope *module, FILE *out);

#endif
