// lex.c: the tokenizer. Turns decoded source into the token stream CPython 3.13's tokenizer
// (Parser/lexer) gives its parser, with the positions Python's tokenize module reports: NEWLINE,
// INDENT and DEDENT from the layout, f-strings split into FSTRING_START, FSTRING_MIDDLE, the
// tokens of each replacement field and FSTRING_END (PEP 701), keywords as their own kinds.
// Comments and blank lines produce nothing.
//
// The scanner mirrors CPython's state machine decision for decision, because its errors are part
// of the language: the first error appends one TK_ERROR token carrying CPython's message at
// CPython's position, and tokenizing stops there.
//
// Input: 'src[len]' must be a NUL byte (Source.text is NUL-terminated). When the source lacks a
// final newline, holds a carriage return or a NUL byte, the lexer works on a copy with newlines
// translated, one appended, and the text cut before the line holding the NUL, as CPython sees it.
//
// Positions: 'lineno' and 'line_start' advance as soon as a newline is consumed; CPython moves to
// the next line only when it reads a character of it, which 'cpython_lineno' accounts for in the
// messages that quote a line number.
#include "frontend.h"

#include <stdlib.h>
#include <string.h>

enum {
    TABSIZE = 8,
    MAX_INDENT = 100,
    MAX_LEVEL = 200,
    MAX_FSTRING_LEVEL = 150,
    MAX_EXPR_NESTING = 3,
};

// One open f-string (CPython's tokenizer_mode); modes[0] of the lexer is the plain source.
typedef struct FMode {
    bool in_literal;  // scanning the literal part (FSTRING_MIDDLE); else an expression
    char quote;
    int quote_size;  // 1 or 3
    bool raw;
    const char *start;  // the prefix's first character
    const char *start_line_start;
    int start_line;
    int curly_depth;       // brackets open inside this f-string
    int expr_start_depth;  // nesting of replacement fields: -1 outside any
    bool in_format_spec;
} FMode;

typedef struct Lexer {
    Arena *arena;
    Interner *in;
    const char *buf, *end;  // *end is a NUL byte
    const char *cur;
    const char *line_start, *prev_line_start;
    int lineno;
    bool implicit_newline;  // the source's last newline was added
    int nul_line;           // > 0: the source held a NUL byte on this line and ends before it
    Token *toks;
    size_t count, cap;
    bool done;  // ENDMARKER or TK_ERROR appended
    // layout
    bool atbol;
    int pendin;  // > 0: INDENTs to emit, < 0: DEDENTs
    int indent;
    int indstack[MAX_INDENT], altindstack[MAX_INDENT];
    // brackets
    int level;
    char parenstack[MAX_LEVEL];
    int parenline[MAX_LEVEL], parencol[MAX_LEVEL];
    // f-strings
    int mode;
    FMode modes[MAX_FSTRING_LEVEL];
    // keywords: open addressing on (first char, length, last char); 0 is empty, else index + 1
    uint8_t kw_slots[128];
} Lexer;

static const struct Keyword {
    const char *text;
    uint32_t len;
    TokenKind kind;
} keywords[] = {
#define TOKEN(name, text)
#define KEYWORD(name, text) {text, sizeof(text) - 1, TK_KW_##name},
#include "tokens.def"
#undef TOKEN
#undef KEYWORD
};

static unsigned keyword_hash(const char *s, size_t n) {
    return ((unsigned)(unsigned char)s[0] * 7u + (unsigned)n * 13u +
            (unsigned)(unsigned char)s[n - 1]) &
           127u;
}

static void keywords_init(Lexer *L) {
    for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++) {
        unsigned h = keyword_hash(keywords[i].text, keywords[i].len);
        while (L->kw_slots[h]) {
            h = (h + 1) & 127u;
        }
        L->kw_slots[h] = (uint8_t)(i + 1);
    }
}

static TokenKind name_kind(const Lexer *L, const char *s, size_t n) {
    if (n < 2 || n > 8) {
        return TK_NAME;
    }
    for (unsigned h = keyword_hash(s, n); L->kw_slots[h]; h = (h + 1) & 127u) {
        const struct Keyword *k = &keywords[L->kw_slots[h] - 1];
        if (k->len == n && memcmp(k->text, s, n) == 0) {
            return k->kind;
        }
    }
    return TK_NAME;
}

// Character access ---------------------------------------------------------------------------

// Consumes one character; EOF (-1) at the end. Consuming a newline starts the next line.
static int nextc(Lexer *L) {
    if (L->cur >= L->end) {
        return EOF;
    }
    unsigned char c = (unsigned char)*L->cur++;
    if (c == '\n') {
        L->prev_line_start = L->line_start;
        L->line_start = L->cur;
        L->lineno++;
    }
    return c;
}

// Steps back over 'c', the character just consumed.
static void backup(Lexer *L, int c) {
    if (c == EOF) {
        return;
    }
    L->cur--;
    if (c == '\n') {
        L->line_start = L->prev_line_start;
        L->lineno--;
    }
}

// The line CPython's tokenizer is on: it moves past a newline only when it reads further.
static int cpython_lineno(const Lexer *L) {
    return (L->cur > L->buf && L->cur[-1] == '\n') ? L->lineno - 1 : L->lineno;
}

static bool is_potential_identifier_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static bool is_potential_identifier_char(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c >= 128;
}

static bool is_digit(int c) {
    return c >= '0' && c <= '9';
}

static bool is_xdigit(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Tokens -------------------------------------------------------------------------------------

// Grows the token array to what the rest of the source will need at the rate of tokens seen so
// far (at least doubling it): every size is memory the arena zeroes, so overshooting costs.
static void grow_tokens(Lexer *L) {
    size_t done = (size_t)(L->cur - L->buf) + 1, total = (size_t)(L->end - L->buf) + 1;
    size_t cap = (size_t)((double)L->count * ((double)total / (double)done) * 1.125) + 64;
    if (cap < 2 * L->cap) {
        cap = 2 * L->cap;
    }
    L->toks = arena_realloc(L->arena, L->toks, L->cap * sizeof(Token), cap * sizeof(Token));
    L->cap = cap;
}

static Token *push(Lexer *L, TokenKind kind) {
    if (L->count == L->cap) {
        grow_tokens(L);
    }
    Token *t = &L->toks[L->count++];
    t->kind = kind;
    t->name = NULL;
    return t;
}

// Appends a token from 'start' (on line 'line', which starts at 'line_start') to the current
// position.
static Token *emit(Lexer *L, TokenKind kind, const char *start, int line, const char *line_start) {
    Token *t = push(L, kind);
    t->span.line = line;
    t->span.col = (int)(start - line_start);
    t->span.end_line = L->lineno;
    t->span.end_col = (int)(L->cur - L->line_start);
    t->text = start;
    t->len = (uint32_t)(L->cur - start);
    return t;
}

// A token that starts and ends on the current line.
static Token *emit_here(Lexer *L, TokenKind kind, const char *start) {
    return emit(L, kind, start, L->lineno, L->line_start);
}

// Errors -------------------------------------------------------------------------------------

// The byte column of the last character before 'cursor' on the line at 'line_start': where
// CPython's 1-based offset, which counts the characters up to 'cursor', points. An invalid UTF-8
// sequence counts as one character, as CPython's "replace" decoding makes it.
static int column_before(const char *line_start, const char *cursor) {
    const char *p = line_start, *last = line_start;
    while (p < cursor) {
        last = p;
        p += uni_utf8_skip(p, (size_t)(cursor - p));
    }
    return (int)(last - line_start);
}

static const char nul_message[] = "source code cannot contain null bytes";

// Appends TK_ERROR with 'msg' at ('line', 'col'). Once the lexer has run into the line with a
// NUL byte, that is the error CPython reports, whatever else went wrong there.
static bool fail_col(Lexer *L, int line, int col, const char *msg) {
    if (L->nul_line && L->cur >= L->end) {
        line = L->nul_line;
        col = 0;
        msg = nul_message;
    }
    Token *t = push(L, TK_ERROR);
    t->span = (SrcSpan){line, col, line, col};
    t->text = msg;
    t->len = (uint32_t)strlen(msg);
    L->done = true;
    return false;
}

static bool failv(Lexer *L, int line, const char *line_start, const char *cursor, const char *fmt,
                  va_list ap) {
    char buf[256];
    vsnprintf(buf, sizeof(buf), fmt, ap);
    const char *msg = arena_strndup(L->arena, buf, strlen(buf));
    return fail_col(L, line, column_before(line_start, cursor), msg);
}

// An error CPython raises with the tokenizer at 'cursor' on line 'line'.
__attribute__((format(printf, 5, 6))) static bool fail_at(Lexer *L, int line,
                                                          const char *line_start,
                                                          const char *cursor, const char *fmt,
                                                          ...) {
    va_list ap;
    va_start(ap, fmt);
    failv(L, line, line_start, cursor, fmt, ap);
    va_end(ap);
    return false;
}

// An error at the current position.
__attribute__((format(printf, 2, 3))) static bool fail(Lexer *L, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    failv(L, L->lineno, L->line_start, L->cur, fmt, ap);
    va_end(ap);
    return false;
}

// The end of the current line, past its newline: where CPython leaves its cursor after an
// indentation error.
static const char *line_end(const Lexer *L) {
    const char *nl = memchr(L->cur, '\n', (size_t)(L->end - L->cur));
    return nl ? nl + 1 : L->end;
}

static bool fail_tabs(Lexer *L) {
    return fail_col(L, L->lineno, 0, "inconsistent use of tabs and spaces in indentation");
}

// Layout -------------------------------------------------------------------------------------

// The source ends where a token must follow. Inside brackets CPython reports the innermost one
// as never closed.
static bool fail_eof(Lexer *L) {
    if (L->level > 0) {
        int i = L->level - 1;
        char msg[32];
        snprintf(msg, sizeof(msg), "'%c' was never closed", L->parenstack[i]);
        return fail_col(L, L->parenline[i], L->parencol[i],
                        arena_strndup(L->arena, msg, strlen(msg)));
    }
    return fail_at(L, L->lineno - 1, L->prev_line_start, L->cur, "unexpected EOF while parsing");
}

// After a backslash: a newline must follow, and more source after it.
static bool continuation_line(Lexer *L) {
    int c = nextc(L);
    if (c != '\n') {
        return fail(L, "unexpected character after line continuation character");
    }
    if (L->cur >= L->end) {
        return fail_eof(L);
    }
    return true;
}

// Skips the indentation of a new line and measures it: 'col' with tabs to multiples of 8,
// 'altcol' with tabs of width 1 (CPython's check for inconsistent tabs). A backslash there joins
// the next line, and the first one fixes the level.
static bool measure_indentation(Lexer *L, int *col, int *altcol) {
    int cont_line_col = 0;
    *col = *altcol = 0;
    for (;;) {
        char c = *L->cur;
        if (c == ' ') {
            ++*col, ++*altcol;
        } else if (c == '\t') {
            *col = (*col / TABSIZE + 1) * TABSIZE;
            ++*altcol;
        } else if (c == '\f') {
            *col = *altcol = 0;
        } else if (c == '\\') {
            cont_line_col = cont_line_col ? cont_line_col : *col;
            L->cur++;
            if (!continuation_line(L)) {
                return false;
            }
            continue;
        } else {
            break;
        }
        L->cur++;
    }
    if (cont_line_col) {
        *col = *altcol = cont_line_col;
    }
    return true;
}

// Pops indentation levels down to 'col', which must be one of them.
static bool dedent(Lexer *L, int col, int altcol) {
    while (L->indent > 0 && col < L->indstack[L->indent]) {
        L->pendin--;
        L->indent--;
    }
    if (col != L->indstack[L->indent]) {
        return fail_at(L, L->lineno, L->line_start, line_end(L),
                       "unindent does not match any outer indentation level");
    }
    if (altcol != L->altindstack[L->indent]) {
        return fail_tabs(L);
    }
    return true;
}

// Measures the indentation of a new line and queues INDENT or DEDENTs ('pendin'). Sets
// '*blankline' for a line with nothing but blanks and a comment.
static bool read_indentation(Lexer *L, bool *blankline) {
    int col, altcol;
    L->atbol = false;
    if (!measure_indentation(L, &col, &altcol)) {
        return false;
    }
    char c = *L->cur;
    *blankline = L->cur < L->end && (c == '#' || c == '\n');
    if (*blankline || L->level > 0) {
        return true;
    }
    if (col < L->indstack[L->indent]) {
        return dedent(L, col, altcol);
    }
    if (col == L->indstack[L->indent]) {
        return altcol == L->altindstack[L->indent] || fail_tabs(L);
    }
    if (L->indent + 1 >= MAX_INDENT) {
        return fail_col(L, L->lineno, 0, "too many levels of indentation");
    }
    if (altcol <= L->altindstack[L->indent]) {
        return fail_tabs(L);
    }
    L->pendin++;
    L->indent++;
    L->indstack[L->indent] = col;
    L->altindstack[L->indent] = altcol;
    return true;
}

static bool emit_pending_indent(Lexer *L) {
    if (L->pendin < 0) {
        L->pendin++;
        emit_here(L, TK_DEDENT, L->cur);
    } else {
        L->pendin--;
        emit(L, TK_INDENT, L->line_start, L->lineno, L->line_start);
    }
    return true;
}

// Names --------------------------------------------------------------------------------------

// CPython's verify_identifier: the name must decode and be an identifier (PEP 3131).
static bool verify_identifier(Lexer *L, const char *start) {
    size_t n = (size_t)(L->cur - start);
    const char *err = uni_utf8_error(L->arena, start, n);
    if (err) {
        return fail(L, "(unicode error) %s", err);
    }
    const char *p = start;
    bool first = true;
    while (p < L->cur) {
        uint32_t cp;
        int len = uni_decode_utf8(p, (size_t)(L->cur - p), &cp);
        bool ok = first ? (uni_is_xid_start(cp) || cp == '_') : uni_is_xid_continue(cp);
        first = false;
        if (!ok) {
            L->cur = p + len;
            if (uni_is_printable(cp)) {
                char utf8[5] = {0};
                uni_encode_utf8(cp, utf8);
                return fail(L, "invalid character '%s' (U+%04X)", utf8, cp);
            }
            return fail(L, "invalid non-printable character U+%04X", cp);
        }
        p += len;
    }
    return true;
}

static bool name_token(Lexer *L, const char *start) {
    const char *p = L->cur;
    bool nonascii = false;
    while (is_potential_identifier_char((unsigned char)*p)) {
        nonascii |= (unsigned char)*p >= 128;
        p++;
    }
    L->cur = p;
    if (nonascii && !verify_identifier(L, start)) {
        return false;
    }
    size_t n = (size_t)(p - start);
    Token *t = emit_here(L, name_kind(L, start, n), start);
    if (nonascii) {
        size_t nlen;
        const char *norm = uni_nfkc(L->arena, start, n, &nlen);
        t->name = intern(L->in, norm, nlen);
    } else {
        t->name = intern(L->in, start, n);
    }
    return true;
}

// Numbers ------------------------------------------------------------------------------------

// Whether the identifier character 'c' after a number starts one of the keywords that may
// follow a number in valid code (CPython only warns there); reads ahead without consuming.
static bool keyword_follows(const Lexer *L, int c) {
    const char *p = L->cur;  // just after 'c'
    const char *rest;
    switch (c) {
    case 'a': rest = "nd"; break;
    case 'e': rest = "lse"; break;
    case 'f': rest = "or"; break;
    case 'o': rest = "r"; break;
    case 'n': rest = "ot"; break;
    case 'i': return *p == 'f' || *p == 'n' || *p == 's';  // if, in, is: no more is checked
    default: return false;
    }
    size_t n = strlen(rest);
    return strncmp(p, rest, n) == 0 && !is_potential_identifier_char((unsigned char)p[n]);
}

// CPython's verify_end_of_number: 'c' was just consumed after the number.
static bool verify_end_of_number(Lexer *L, int c, const char *kind) {
    if (c != EOF && keyword_follows(L, c)) {
        return true;
    }
    if (c < 128 && c != EOF && is_potential_identifier_char(c)) {
        backup(L, c);
        return fail(L, "invalid %s literal", kind);
    }
    return true;
}

// Digits and single underscores between them; returns the first character after, or 0 after
// an error.
static int decimal_tail(Lexer *L) {
    int c;
    for (;;) {
        do {
            c = nextc(L);
        } while (is_digit(c));
        if (c != '_') {
            return c;
        }
        c = nextc(L);
        if (!is_digit(c)) {
            backup(L, c);
            fail(L, "invalid decimal literal");
            return 0;
        }
    }
}

// Hex, octal or binary digits after the prefix; 'digit' tells which are allowed, 'decimal_err'
// whether a decimal digit beyond them has its own message. '*cp' gets the character after.
static bool radix_digits(Lexer *L, int *cp, bool (*digit)(int), const char *kind,
                         bool decimal_err) {
    int c = nextc(L);
    do {
        if (c == '_') {
            c = nextc(L);
        }
        if (!digit(c)) {
            if (decimal_err && is_digit(c)) {
                return fail(L, "invalid digit '%c' in %s literal", c, kind);
            }
            backup(L, c);
            return fail(L, "invalid %s literal", kind);
        }
        do {
            c = nextc(L);
        } while (digit(c));
    } while (c == '_');
    if (decimal_err && is_digit(c)) {
        return fail(L, "invalid digit '%c' in %s literal", c, kind);
    }
    *cp = c;
    return verify_end_of_number(L, c, kind);
}

static bool is_octal(int c) {
    return c >= '0' && c <= '7';
}

static bool is_binary(int c) {
    return c == '0' || c == '1';
}

static bool finish_number(Lexer *L, const char *start, int c) {
    backup(L, c);
    emit_here(L, TK_NUMBER, start);
    return true;
}

// The fraction, exponent and imaginary suffix of a decimal number; 'c' is the character after
// the digits read so far, and 'stage' says where CPython's goto would land.
enum { AT_DOT, AT_FRACTION, AT_EXPONENT, AT_IMAGINARY };

static bool number_rest(Lexer *L, const char *start, int c, int stage) {
    if (stage == AT_DOT && c == '.') {
        c = nextc(L);
        stage = AT_FRACTION;
    }
    if (stage == AT_FRACTION && is_digit(c)) {
        if (!(c = decimal_tail(L))) {
            return false;
        }
    }
    if (stage != AT_IMAGINARY && (c == 'e' || c == 'E')) {
        int e = c;
        c = nextc(L);
        if (c == '+' || c == '-') {
            c = nextc(L);
            if (!is_digit(c)) {
                backup(L, c);
                return fail(L, "invalid decimal literal");
            }
        } else if (!is_digit(c)) {
            backup(L, c);
            if (!verify_end_of_number(L, e, "decimal")) {
                return false;
            }
            return finish_number(L, start, e);
        }
        if (!(c = decimal_tail(L))) {
            return false;
        }
    }
    if (c == 'j' || c == 'J') {
        c = nextc(L);
        if (!verify_end_of_number(L, c, "imaginary")) {
            return false;
        }
    } else if (!verify_end_of_number(L, c, "decimal")) {
        return false;
    }
    return finish_number(L, start, c);
}

// A number starting with '0': hex, octal, binary, or zeros (leading zeros are an error for a
// nonzero integer).
static bool zero_number(Lexer *L, const char *start) {
    int c = nextc(L);
    if (c == 'x' || c == 'X') {
        return radix_digits(L, &c, is_xdigit, "hexadecimal", false) && finish_number(L, start, c);
    }
    if (c == 'o' || c == 'O') {
        return radix_digits(L, &c, is_octal, "octal", true) && finish_number(L, start, c);
    }
    if (c == 'b' || c == 'B') {
        return radix_digits(L, &c, is_binary, "binary", true) && finish_number(L, start, c);
    }
    bool nonzero = false;
    for (;;) {
        if (c == '_') {
            c = nextc(L);
            if (!is_digit(c)) {
                backup(L, c);
                return fail(L, "invalid decimal literal");
            }
        }
        if (c != '0') {
            break;
        }
        c = nextc(L);
    }
    const char *zeros_end = L->cur;
    if (is_digit(c)) {
        nonzero = true;
        if (!(c = decimal_tail(L))) {
            return false;
        }
    }
    if (c == '.') {
        return number_rest(L, start, nextc(L), AT_FRACTION);
    }
    if (c == 'e' || c == 'E') {
        return number_rest(L, start, c, AT_EXPONENT);
    }
    if (c == 'j' || c == 'J') {
        return number_rest(L, start, c, AT_IMAGINARY);
    }
    if (nonzero) {
        // CPython marks the digits up to the first nonzero one.
        backup(L, c);
        fail_col(L, L->lineno, (int)(start - L->line_start),
                 "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
                 "for octal integers");
        L->toks[L->count - 1].span.end_col = (int)(zeros_end - L->line_start);
        return false;
    }
    if (!verify_end_of_number(L, c, "decimal")) {
        return false;
    }
    return finish_number(L, start, c);
}

// 'c' (consumed) is the first character of the number: a digit, or '.' before a digit.
static bool number_token(Lexer *L, const char *start, int c) {
    if (c == '.') {
        return number_rest(L, start, nextc(L), AT_FRACTION);
    }
    if (c == '0') {
        return zero_number(L, start);
    }
    if (!(c = decimal_tail(L))) {
        return false;
    }
    return number_rest(L, start, c, AT_DOT);
}

// Strings ------------------------------------------------------------------------------------

// The error for a string that runs into the end of its line (or of the source), reported at its
// start. Inside an f-string, a string with the f-string's own quotes means a missing '}'.
static bool unterminated_string(Lexer *L, const char *start, int line, const char *line_start,
                                int quote, int quote_size, bool escaped_quote) {
    int detected = cpython_lineno(L);
    const char *at = start + 1;
    const FMode *m = &L->modes[L->mode];
    if (L->mode > 0 && m->quote == quote && m->quote_size == quote_size) {
        return fail_at(L, line, line_start, at, "f-string: expecting '}'");
    }
    if (quote_size == 3) {
        return fail_at(L, line, line_start, at,
                       "unterminated triple-quoted string literal (detected at line %d)",
                       detected);
    }
    if (escaped_quote) {
        return fail_at(L, line, line_start, at,
                       "unterminated string literal (detected at line %d); perhaps you escaped "
                       "the end quote?",
                       detected);
    }
    return fail_at(L, line, line_start, at, "unterminated string literal (detected at line %d)",
                   detected);
}

// A string literal; the current character is its opening quote, 'start' its prefix.
static bool string_token(Lexer *L, const char *start) {
    int line = L->lineno;
    const char *line_start = L->line_start;
    int quote = nextc(L);
    int quote_size = 1, end_quote_size = 0;
    bool escaped_quote = false;
    int c = nextc(L);
    if (c == quote) {
        c = nextc(L);
        if (c == quote) {
            quote_size = 3;
        } else {
            end_quote_size = 1;  // the empty string
        }
    }
    if (c != quote) {
        backup(L, c);
    }
    while (end_quote_size != quote_size) {
        c = nextc(L);
        if (c == EOF || (quote_size == 1 && c == '\n')) {
            return unterminated_string(L, start, line, line_start, quote, quote_size,
                                       escaped_quote);
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\') {
                c = nextc(L);
                escaped_quote |= c == quote;
            }
        }
    }
    emit(L, TK_STRING, start, line, line_start);
    return true;
}

static bool fstring_start(Lexer *L, const char *start) {
    int quote = nextc(L);
    int quote_size = 1;
    int after = nextc(L);
    if (after == quote) {
        int after2 = nextc(L);
        if (after2 == quote) {
            quote_size = 3;
        } else {
            backup(L, after2);
            backup(L, after);
        }
    } else {
        backup(L, after);
    }
    if (L->mode + 1 >= MAX_FSTRING_LEVEL) {
        return fail(L, "too many nested f-strings");
    }
    FMode *m = &L->modes[++L->mode];
    *m = (FMode){
        .in_literal = true,
        .quote = (char)quote,
        .quote_size = quote_size,
        .raw = (start[0] | 0x20) == 'r' || (start[1] | 0x20) == 'r',
        .start = start,
        .start_line_start = L->line_start,
        .start_line = L->lineno,
        .curly_depth = 0,
        .expr_start_depth = -1,
        .in_format_spec = false,
    };
    emit_here(L, TK_FSTRING_START, start);
    return true;
}

// A name, or the prefix of a string: the prefix letters CPython accepts (b, r, u, f, in the
// combinations it allows) followed by a quote.
static bool name_or_string(Lexer *L, const char *start) {
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    const char *p = L->cur;
    for (;;) {
        char c = *p;
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
            saw_b = true;
        } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
            saw_u = true;
        } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
            saw_r = true;
        } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
            saw_f = true;
        } else {
            break;
        }
        p++;
        if (*p == '"' || *p == '\'') {
            L->cur = p;
            if (saw_f) {
                return fstring_start(L, start);
            }
            return string_token(L, start);
        }
    }
    return name_token(L, start);
}

// Operators ----------------------------------------------------------------------------------

static TokenKind one_char(int c) {
    switch (c) {
    case '!': return TK_EXCLAMATION;
    case '%': return TK_PERCENT;
    case '&': return TK_AMPER;
    case '(': return TK_LPAR;
    case ')': return TK_RPAR;
    case '*': return TK_STAR;
    case '+': return TK_PLUS;
    case ',': return TK_COMMA;
    case '-': return TK_MINUS;
    case '.': return TK_DOT;
    case '/': return TK_SLASH;
    case ':': return TK_COLON;
    case ';': return TK_SEMI;
    case '<': return TK_LESS;
    case '=': return TK_EQUAL;
    case '>': return TK_GREATER;
    case '@': return TK_AT;
    case '[': return TK_LSQB;
    case ']': return TK_RSQB;
    case '^': return TK_CIRCUMFLEX;
    case '{': return TK_LBRACE;
    case '|': return TK_VBAR;
    case '}': return TK_RBRACE;
    case '~': return TK_TILDE;
    default: return TK_OP;
    }
}

// The two-character operator 'c1 c2', or TK_OP.
static TokenKind two_chars(int c1, int c2) {
    switch (c1) {
    case '!': return c2 == '=' ? TK_NOTEQUAL : TK_OP;
    case '%': return c2 == '=' ? TK_PERCENTEQUAL : TK_OP;
    case '&': return c2 == '=' ? TK_AMPEREQUAL : TK_OP;
    case '*': return c2 == '*' ? TK_DOUBLESTAR : c2 == '=' ? TK_STAREQUAL : TK_OP;
    case '+': return c2 == '=' ? TK_PLUSEQUAL : TK_OP;
    case '-': return c2 == '=' ? TK_MINEQUAL : c2 == '>' ? TK_RARROW : TK_OP;
    case '/': return c2 == '/' ? TK_DOUBLESLASH : c2 == '=' ? TK_SLASHEQUAL : TK_OP;
    case ':': return c2 == '=' ? TK_COLONEQUAL : TK_OP;
    case '<':
        return c2 == '<' ? TK_LEFTSHIFT : c2 == '=' ? TK_LESSEQUAL : c2 == '>' ? TK_NOTEQUAL
                                                                              : TK_OP;
    case '=': return c2 == '=' ? TK_EQEQUAL : TK_OP;
    case '>': return c2 == '=' ? TK_GREATEREQUAL : c2 == '>' ? TK_RIGHTSHIFT : TK_OP;
    case '@': return c2 == '=' ? TK_ATEQUAL : TK_OP;
    case '^': return c2 == '=' ? TK_CIRCUMFLEXEQUAL : TK_OP;
    case '|': return c2 == '=' ? TK_VBAREQUAL : TK_OP;
    default: return TK_OP;
    }
}

// The three-character operator that extends 'two' with 'c3', or TK_OP.
static TokenKind three_chars(TokenKind two, int c3) {
    if (c3 != '=') {
        return TK_OP;
    }
    switch (two) {
    case TK_DOUBLESTAR: return TK_DOUBLESTAREQUAL;
    case TK_DOUBLESLASH: return TK_DOUBLESLASHEQUAL;
    case TK_LEFTSHIFT: return TK_LEFTSHIFTEQUAL;
    case TK_RIGHTSHIFT: return TK_RIGHTSHIFTEQUAL;
    default: return TK_OP;
    }
}

static bool open_bracket(Lexer *L, int c, const char *start) {
    if (L->level >= MAX_LEVEL) {
        return fail(L, "too many nested parentheses");
    }
    L->parenstack[L->level] = (char)c;
    L->parenline[L->level] = L->lineno;
    L->parencol[L->level] = (int)(start - L->line_start);
    L->level++;
    if (L->mode > 0) {
        L->modes[L->mode].curly_depth++;
    }
    return true;
}

static bool close_bracket(Lexer *L, int c) {
    FMode *m = &L->modes[L->mode];
    bool in_fstring = L->mode > 0;
    if (in_fstring && m->curly_depth == 0 && c == '}') {
        return fail(L, "f-string: single '}' is not allowed");
    }
    if (L->level == 0) {
        return fail(L, "unmatched '%c'", c);
    }
    L->level--;
    int open = L->parenstack[L->level];
    if (!((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))) {
        if (in_fstring && open == '{' && m->curly_depth - 1 == m->expr_start_depth) {
            return fail(L, "f-string: unmatched '%c'", c);
        }
        if (L->parenline[L->level] != L->lineno) {
            return fail(L,
                        "closing parenthesis '%c' does not match opening parenthesis '%c' on "
                        "line %d",
                        c, open, L->parenline[L->level]);
        }
        return fail(L, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open);
    }
    if (in_fstring) {
        m->curly_depth--;
        if (m->curly_depth < 0) {
            return fail(L, "f-string: unmatched '%c'", c);
        }
        if (c == '}' && m->curly_depth == m->expr_start_depth) {
            m->expr_start_depth--;
            m->in_literal = true;
            m->in_format_spec = false;
        }
    }
    return true;
}

// An operator or bracket; 'c' (consumed) is its first character.
static bool operator_token(Lexer *L, const char *start, int c) {
    FMode *m = &L->modes[L->mode];
    if (c == ':' && L->mode > 0 && m->expr_start_depth >= 0 &&
        m->curly_depth - 1 == m->expr_start_depth) {
        // The ':' that starts a replacement field's format spec.
        m->in_literal = true;
        m->in_format_spec = true;
        emit_here(L, TK_COLON, start);
        return true;
    }
    int c2 = nextc(L);
    TokenKind kind = two_chars(c, c2);
    if (kind != TK_OP) {
        int c3 = nextc(L);
        TokenKind kind3 = three_chars(kind, c3);
        if (kind3 != TK_OP) {
            kind = kind3;
        } else {
            backup(L, c3);
        }
        emit_here(L, kind, start);
        return true;
    }
    backup(L, c2);
    if (c == '(' || c == '[' || c == '{') {
        if (!open_bracket(L, c, start)) {
            return false;
        }
    } else if ((c == ')' || c == ']' || c == '}') && !close_bracket(L, c)) {
        return false;
    }
    if (c < 0x20 || c == 0x7F) {
        return fail(L, "invalid non-printable character U+%04X", c);
    }
    emit_here(L, one_char(c), start);
    return true;
}

// Normal mode --------------------------------------------------------------------------------

// The end of the source.
static bool end_of_source(Lexer *L) {
    if (L->nul_line || L->level > 0) {
        return fail_eof(L);
    }
    emit_here(L, TK_ENDMARKER, L->cur);
    L->done = true;
    return true;
}

static bool newline_token(Lexer *L, const char *at) {
    Token *t = push(L, TK_NEWLINE);
    int line = L->lineno - 1;
    int col = (int)(at - L->prev_line_start);
    t->span = (SrcSpan){line, col, line, col + 1};
    t->text = at;
    t->len = (L->implicit_newline && L->cur == L->end) ? 0 : 1;
    return true;
}

static bool dot_token(Lexer *L, const char *start) {
    if (is_digit((unsigned char)*L->cur)) {
        return number_token(L, start, '.');
    }
    if (L->cur[0] == '.' && L->cur[1] == '.') {
        L->cur += 2;
        emit_here(L, TK_ELLIPSIS, start);
        return true;
    }
    emit_here(L, TK_DOT, start);
    return true;
}

// A token that starts with 'c', the current character (no blank, newline or backslash).
static bool token_at(Lexer *L, const char *start, int c) {
    if (is_potential_identifier_start(c)) {
        return name_or_string(L, start);
    }
    if (c == '"' || c == '\'') {
        return string_token(L, start);
    }
    L->cur++;
    if (c == '.') {
        return dot_token(L, start);
    }
    if (is_digit(c)) {
        return number_token(L, start, c);
    }
    return operator_token(L, start, c);
}

// Skips blanks, a comment and backslash continuations; false after an error.
static bool skip_blanks(Lexer *L) {
    for (;;) {
        while (*L->cur == ' ' || *L->cur == '\t' || *L->cur == '\f') {
            L->cur++;
        }
        if (*L->cur == '#') {
            const char *nl = memchr(L->cur, '\n', (size_t)(L->end - L->cur));
            L->cur = nl ? nl : L->end;
        }
        if (*L->cur != '\\' || L->cur >= L->end) {
            return true;
        }
        L->cur++;
        if (!continuation_line(L)) {
            return false;
        }
    }
}

// The next token outside f-string literals: layout first (INDENT, DEDENT, NEWLINE; blank and
// comment lines and, inside brackets, newlines are skipped), then a token.
static bool normal_token(Lexer *L) {
    for (;;) {
        bool blankline = false;
        if (L->atbol && !read_indentation(L, &blankline)) {
            return false;
        }
        if (L->pendin != 0) {
            return emit_pending_indent(L);
        }
        if (!skip_blanks(L)) {
            return false;
        }
        if (L->cur >= L->end) {
            return end_of_source(L);
        }
        const char *start = L->cur;
        if (*start != '\n') {
            return token_at(L, start, (unsigned char)*start);
        }
        nextc(L);
        L->atbol = true;
        if (!blankline && L->level == 0) {
            return newline_token(L, start);
        }
    }
}

// F-string literal mode ----------------------------------------------------------------------

// Opens a replacement field at the current '{' (not consumed): the expression is scanned in
// normal mode.
static bool enter_expression(Lexer *L, FMode *m) {
    m->expr_start_depth++;
    if (m->expr_start_depth >= MAX_EXPR_NESTING) {
        return fail(L, "f-string: expressions nested too deeply");
    }
    m->in_literal = false;
    return true;
}

static bool unterminated_fstring(Lexer *L, FMode *m) {
    int detected = cpython_lineno(L);
    if (m->quote_size == 3) {
        return fail_at(L, m->start_line, m->start_line_start, m->start + 1,
                       "unterminated triple-quoted f-string literal (detected at line %d)",
                       detected);
    }
    return fail_at(L, m->start_line, m->start_line_start, m->start + 1,
                   "unterminated f-string literal (detected at line %d)", detected);
}

// Where an FSTRING_MIDDLE starts.
typedef struct Mark {
    const char *at;
    int line;
    const char *line_start;
} Mark;

static Token *emit_middle(Lexer *L, Mark mk) {
    return emit(L, TK_FSTRING_MIDDLE, mk.at, mk.line, mk.line_start);
}

// "{{" or "}}" was just consumed: the literal ends after the first brace (so that its text has
// the brace single); the second is skipped.
static bool emit_doubled_brace(Lexer *L, Mark mk) {
    Token *t = emit_middle(L, mk);
    t->len--;
    t->span.end_col--;
    return true;
}

// A '{' was consumed in the literal: a replacement field starts, unless the brace is doubled
// (which it cannot be in a format spec).
static bool literal_open_brace(Lexer *L, FMode *m, Mark mk, bool in_format_spec) {
    int peek = nextc(L);
    if (peek == '{' && !in_format_spec) {
        return emit_doubled_brace(L, mk);
    }
    backup(L, peek);
    backup(L, '{');
    if (!enter_expression(L, m)) {
        return false;
    }
    m->in_format_spec = false;
    emit_middle(L, mk);
    return true;
}

// A '}' was consumed in the literal: it ends a format spec, or is doubled, or is an error the
// normal mode reports.
static bool literal_close_brace(Lexer *L, FMode *m, Mark mk, bool in_format_spec) {
    int peek = nextc(L);
    if (peek == '}' && !in_format_spec && m->curly_depth == 0) {
        return emit_doubled_brace(L, mk);
    }
    backup(L, peek);
    backup(L, '}');
    m->in_literal = false;
    m->in_format_spec = false;
    emit_middle(L, mk);
    return true;
}

// After a backslash in the literal: an escaped brace is still a brace; "\N{" starts a named
// escape, whose '}' is part of the literal (and ends the token).
static void literal_backslash(Lexer *L, const FMode *m, bool *unicode_escape) {
    int peek = nextc(L);
    if (peek == '{' || peek == '}') {
        backup(L, peek);
        return;
    }
    if (!m->raw && peek == 'N') {
        peek = nextc(L);
        if (peek == '{') {
            *unicode_escape = true;
        } else {
            backup(L, peek);
        }
    }
}

// Scans FSTRING_MIDDLE text up to a replacement field, the closing quotes or the end of a format
// spec.
static bool fstring_literal(Lexer *L, FMode *m, Mark mk) {
    int end_quote_size = 0;
    bool unicode_escape = false;
    while (end_quote_size != m->quote_size) {
        int c = nextc(L);
        bool in_format_spec = m->in_format_spec && m->expr_start_depth >= 0;
        if (c == EOF || (m->quote_size == 1 && c == '\n')) {
            if (!in_format_spec || c != '\n') {
                return unterminated_fstring(L, m);
            }
            // A newline ends a format spec; the expression goes on in normal mode.
            backup(L, c);
            m->in_literal = false;
            m->in_format_spec = false;
            emit_middle(L, mk);
            return true;
        }
        end_quote_size = c == m->quote ? end_quote_size + 1 : 0;
        if (c == '{') {
            return literal_open_brace(L, m, mk, in_format_spec);
        }
        if (c == '}' && unicode_escape) {
            emit_middle(L, mk);
            return true;
        }
        if (c == '}') {
            return literal_close_brace(L, m, mk, in_format_spec);
        }
        if (c == '\\') {
            literal_backslash(L, m, &unicode_escape);
        }
    }
    // The closing quotes end the literal; they become FSTRING_END next.
    for (int i = 0; i < m->quote_size; i++) {
        backup(L, m->quote);
    }
    emit_middle(L, mk);
    return true;
}

// The next token inside an f-string's literal part: FSTRING_END, FSTRING_MIDDLE, or the first
// token of a replacement field.
static bool fstring_token(Lexer *L) {
    FMode *m = &L->modes[L->mode];
    Mark mk = {L->cur, L->lineno, L->line_start};
    if (*L->cur == '{' && L->cur[1] != '{') {
        if (!enter_expression(L, m)) {
            return false;
        }
        return normal_token(L);
    }
    int i;
    for (i = 0; i < m->quote_size; i++) {
        int q = nextc(L);
        if (q != m->quote) {
            backup(L, q);
            break;
        }
    }
    if (i == m->quote_size) {
        emit_here(L, TK_FSTRING_END, mk.at);
        L->mode--;
        return true;
    }
    return fstring_literal(L, m, mk);
}

// Driver -------------------------------------------------------------------------------------

// Prepares the text CPython's tokenizer would see. Returns the buffer to scan, which is 'src'
// itself for a source that ends with a newline and holds no "\r" and no NUL.
static const char *prepare(Lexer *L, const char *src, size_t len, size_t *out_len) {
    bool has_nul = memchr(src, '\0', len) != NULL;
    bool has_cr = memchr(src, '\r', len) != NULL;
    if (len == 0 || (src[len - 1] == '\n' && !has_nul && !has_cr)) {
        *out_len = len;
        return src;
    }
    char *buf = arena_alloc(L->arena, len + 2);
    size_t o = 0, line_begin = 0;
    int line = 1;
    for (size_t i = 0; i < len; i++) {
        char c = src[i];
        if (c == '\0') {
            L->nul_line = line;
            o = line_begin;
            break;
        }
        if (c == '\r') {
            c = '\n';
            if (i + 1 < len && src[i + 1] == '\n') {
                i++;
            }
        }
        buf[o++] = c;
        if (c == '\n') {
            line++;
            line_begin = o;
        }
    }
    if (!L->nul_line && o > 0 && buf[o - 1] != '\n') {
        buf[o++] = '\n';
        L->implicit_newline = true;
    }
    buf[o] = '\0';
    *out_len = o;
    return buf;
}

// The token array grows in the arena, where it stays, so its first size should be right: the
// standard library averages a token per 6 bytes and 7 per line; a long string or comment has
// fewer.
static size_t initial_capacity(const char *s, size_t n) {
    size_t lines = 0;
    for (const char *p = s, *end = s + n; (p = memchr(p, '\n', (size_t)(end - p))); p++) {
        lines++;
    }
    size_t by_size = n / 6, by_lines = lines * 7;
    return (by_size < by_lines ? by_size : by_lines) + 64;
}

static bool next_token(Lexer *L) {
    if (L->modes[L->mode].in_literal) {
        return fstring_token(L);
    }
    return normal_token(L);
}

void lex_tokenize(Arena *a, Interner *in, const char *src, size_t len, TokenArray *out) {
    Lexer *L = calloc(1, sizeof(Lexer));
    if (!L) {
        fputs("krait: out of memory\n", stderr);
        exit(3);
    }
    L->arena = a;
    L->in = in;
    size_t n;
    L->buf = prepare(L, src, len, &n);
    L->end = L->buf + n;
    L->cur = L->line_start = L->prev_line_start = L->buf;
    L->lineno = 1;
    L->atbol = true;
    L->modes[0].expr_start_depth = -1;
    L->cap = initial_capacity(L->buf, n);
    L->toks = arena_alloc(a, L->cap * sizeof(Token));
    keywords_init(L);
    while (!L->done) {
        next_token(L);
    }
    out->count = L->count;
    out->items = L->toks;
    free(L);
}

// The TK_ERRORs CPython raises only when its parser asks for the token; the others replace a
// syntax error the parser found earlier in the file.
static const char *const deferred_errors[] = {
    "inconsistent use of tabs and spaces in indentation",
    "unindent does not match any outer indentation level",
    "too many levels of indentation",
    "unexpected character after line continuation character",
    "unexpected EOF while parsing",
};

bool lex_error_overrides(const Token *tok) {
    for (size_t i = 0; i < sizeof(deferred_errors) / sizeof(deferred_errors[0]); i++) {
        if (strcmp(tok->text, deferred_errors[i]) == 0) {
            return false;
        }
    }
    return !lex_error_is_unclosed(tok);
}

bool lex_error_is_unclosed(const Token *tok) {
    size_t n = tok->len;
    return n >= 20 && strcmp(tok->text + n - 17, " was never closed") == 0;
}

const Token *lex_unclosed_bracket(const TokenArray *toks) {
    size_t n = toks->count;
    if (n > 0 && toks->items[n - 1].kind == TK_ERROR) {
        n--;
    }
    const Token **stack = malloc((n + 1) * sizeof(Token *));
    size_t depth = 0;
    for (size_t i = 0; i < n; i++) {
        TokenKind k = toks->items[i].kind;
        if (k == TK_LPAR || k == TK_LSQB || k == TK_LBRACE) {
            stack[depth++] = &toks->items[i];
        } else if ((k == TK_RPAR || k == TK_RSQB || k == TK_RBRACE) && depth > 0) {
            depth--;
        }
    }
    const Token *open = depth > 0 ? stack[depth - 1] : NULL;
    free(stack);
    return open;
}

static const char *const token_names[TK__COUNT] = {
#define TOKEN(name, text) #name,
#define KEYWORD(name, text) "KW_" #name,
#include "tokens.def"
#undef TOKEN
#undef KEYWORD
    "OP",
    "ERROR",
};

const char *lex_token_name(TokenKind kind) {
    return (unsigned)kind < TK__COUNT ? token_names[kind] : "?";
}
