// csvmodule.c: the csv module, CPython's Modules/_csv.c plus csv.py's DictReader and DictWriter.
//
// A dialect is an immutable record of parsing and writing options, built by dialect_new from a
// base dialect (a registered name or any object with the attributes) and keyword overrides,
// validated with CPython's messages. The reader runs _csv.c's state machine one code point at a
// time over the lines it pulls one by one from its iterator (a record may span lines); between
// records it holds only the current field's text, so input of any size streams. The writer
// builds one record in a buffer and hands it to the file object's 'write' attribute, whose
// result writerow returns. Field text is UTF-8 throughout; field_size_limit counts code points.
//
// Module state (the dialect registry and the field size limit) is process-wide, as CPython's
// module state is per interpreter; the registry lives in static data, a root of the collector.
#include "krait.h"
#include "kr_csv_os.h"

#include <string.h>

#define NOT_SET ((uint32_t)-1)
#define EOL ((uint32_t)-2)

// ---------------------------------------------------------------------------------------------
// csv.Error

kr_type kr_csv_Error = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "Error",
    .module = "_csv",
    .base = &kr_exc_Exception,
    .basicsize = sizeof(kr_exc_obj),
    .flags = KR_TF_EXC_SUB | KR_TF_BASETYPE,
};

// ---------------------------------------------------------------------------------------------
// Small helpers

// The code point of a one-character str.
static uint32_t first_codepoint(kr_val s) {
    int n;
    return kr_utf8_decode(kr_str_data(s), &n);
}

static bool str_has_codepoint(kr_val s, uint32_t c) {
    const char *p = kr_str_data(s), *end = p + kr_str_nbytes(s);
    while (p < end) {
        int n;
        if (kr_utf8_decode(p, &n) == c) {
            return true;
        }
        p += n;
    }
    return false;
}

static kr_val str_from_buf(const kr_strbuf *b) {
    return b->len ? kr_str_from_utf8(b->data, b->len) : kr_newref(kr_str_empty());
}

static kr_val char_or_none(uint32_t c) {
    return c == NOT_SET ? KR_NONE : kr_str_from_codepoint(c);
}

// ---------------------------------------------------------------------------------------------
// Dialects

typedef struct {
    kr_obj ob;
    bool doublequote;       // is " represented by ""?
    bool skipinitialspace;  // ignore spaces following the delimiter?
    bool strict;            // raise on bad CSV
    int quoting;            // KR_CSV_QUOTE_*
    uint32_t delimiter;
    uint32_t quotechar;   // NOT_SET for None
    uint32_t escapechar;  // NOT_SET for None
    kr_val lineterminator;  // str
} dialect_obj;

#define DIALECT(v) ((dialect_obj *)(v))

// Parameters of Dialect(), in CPython's order; 'dialect' is the base dialect.
enum {
    P_DIALECT,
    P_DELIMITER,
    P_DOUBLEQUOTE,
    P_ESCAPECHAR,
    P_LINETERMINATOR,
    P_QUOTECHAR,
    P_QUOTING,
    P_SKIPINITIALSPACE,
    P_STRICT,
    P_COUNT
};
static const char *const param_names[P_COUNT] = {
    "dialect", "delimiter", "doublequote", "escapechar", "lineterminator",
    "quotechar", "quoting", "skipinitialspace", "strict",
};

static kr_val dialect_alloc(uint32_t delimiter, const char *lineterminator, int quoting) {
    dialect_obj *d = (dialect_obj *)kr_obj_new(&kr_csv_dialect_type, sizeof *d);
    if (!d) {
        return 0;
    }
    d->doublequote = true;
    d->quoting = quoting;
    d->delimiter = delimiter;
    d->quotechar = '"';
    d->escapechar = NOT_SET;
    d->lineterminator = kr_str_from_cstr(lineterminator);
    if (!d->lineterminator) {
        KR_DECREF(d);
        return 0;
    }
    return KR_VAL(d);
}

static int set_bool(bool *target, kr_val src, bool dflt) {
    int b = src ? kr_is_true(src) : dflt;
    if (b < 0) {
        return -1;
    }
    *target = b;
    return 0;
}

static int set_int(const char *name, int *target, kr_val src, int dflt) {
    if (!src) {
        *target = dflt;
        return 0;
    }
    if (!kr_int_check_exact(src)) {
        kr_err_set(&kr_exc_TypeError, "\"%s\" must be an integer", name);
        return -1;
    }
    int64_t v;
    if (kr_int_as_i64(src, &v) < 0 || v < INT32_MIN || v > INT32_MAX) {
        kr_err_clear();
        kr_err_set(&kr_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *target = (int)v;
    return 0;
}

// A one-character str ('or_none': None gives NOT_SET).
static int set_char(const char *name, uint32_t *target, kr_val src, uint32_t dflt,
                    bool or_none) {
    if (!src) {
        *target = dflt;
        return 0;
    }
    if (or_none && src == KR_NONE) {
        *target = NOT_SET;
        return 0;
    }
    if (!kr_str_check(src)) {
        kr_err_set(&kr_exc_TypeError, "\"%s\" must be string%s, not %s", name,
                   or_none ? " or None" : "", kr_type_name(src));
        return -1;
    }
    if (kr_str_len(src) != 1) {
        kr_err_set(&kr_exc_TypeError, "\"%s\" must be a 1-character string", name);
        return -1;
    }
    *target = first_codepoint(src);
    return 0;
}

static int set_lineterminator(dialect_obj *d, kr_val src) {
    if (!src) {
        d->lineterminator = kr_str_from_cstr("\r\n");
        return d->lineterminator ? 0 : -1;
    }
    if (src == KR_NONE) {
        kr_err_set(&kr_exc_TypeError, "lineterminator must be set");
        return -1;
    }
    if (!kr_str_check(src)) {
        kr_err_set(&kr_exc_TypeError, "\"lineterminator\" must be a string");
        return -1;
    }
    d->lineterminator = kr_newref(src);
    return 0;
}

static int check_char(const char *name, uint32_t c, dialect_obj *d, bool allowspace) {
    if (c == '\r' || c == '\n' || (c == ' ' && !allowspace)) {
        kr_err_set(&kr_exc_ValueError, "bad %s value", name);
        return -1;
    }
    if (c != NOT_SET && str_has_codepoint(d->lineterminator, c)) {
        kr_err_set(&kr_exc_ValueError, "bad %s or lineterminator value", name);
        return -1;
    }
    return 0;
}

static int check_chars(const char *name1, const char *name2, uint32_t c1, uint32_t c2) {
    if (c1 == c2 && c1 != NOT_SET) {
        kr_err_set(&kr_exc_ValueError, "bad %s or %s value", name1, name2);
        return -1;
    }
    return 0;
}

// Converts the parameter values 'src' (0 = absent) into 'd' and validates them.
static int dialect_fill(dialect_obj *d, const kr_val *src) {
    if (set_char("delimiter", &d->delimiter, src[P_DELIMITER], ',', false) < 0
        || set_bool(&d->doublequote, src[P_DOUBLEQUOTE], true) < 0
        || set_char("escapechar", &d->escapechar, src[P_ESCAPECHAR], NOT_SET, true) < 0
        || set_lineterminator(d, src[P_LINETERMINATOR]) < 0
        || set_char("quotechar", &d->quotechar, src[P_QUOTECHAR], '"', true) < 0
        || set_int("quoting", &d->quoting, src[P_QUOTING], KR_CSV_QUOTE_MINIMAL) < 0
        || set_bool(&d->skipinitialspace, src[P_SKIPINITIALSPACE], false) < 0
        || set_bool(&d->strict, src[P_STRICT], false) < 0) {
        return -1;
    }
    if (d->quoting < KR_CSV_QUOTE_MINIMAL || d->quoting > KR_CSV_QUOTE_NOTNULL) {
        kr_err_set(&kr_exc_TypeError, "bad \"quoting\" value");
        return -1;
    }
    if (src[P_QUOTECHAR] == KR_NONE && !src[P_QUOTING]) {
        d->quoting = KR_CSV_QUOTE_NONE;
    }
    if (d->quoting != KR_CSV_QUOTE_NONE && d->quotechar == NOT_SET) {
        kr_err_set(&kr_exc_TypeError, "quotechar must be set if quoting enabled");
        return -1;
    }
    if (check_char("delimiter", d->delimiter, d, true) < 0
        || check_char("escapechar", d->escapechar, d, !d->skipinitialspace) < 0
        || check_char("quotechar", d->quotechar, d, !d->skipinitialspace) < 0
        || check_chars("delimiter", "escapechar", d->delimiter, d->escapechar) < 0
        || check_chars("delimiter", "quotechar", d->delimiter, d->quotechar) < 0
        || check_chars("escapechar", "quotechar", d->escapechar, d->quotechar) < 0) {
        return -1;
    }
    return 0;
}

static kr_val registry;  // dict: name -> Dialect; made on first use

static int registry_init(void) {
    if (registry) {
        return 0;
    }
    kr_val reg = kr_dict_new();
    kr_val excel = reg ? dialect_alloc(',', "\r\n", KR_CSV_QUOTE_MINIMAL) : 0;
    kr_val tab = excel ? dialect_alloc('\t', "\r\n", KR_CSV_QUOTE_MINIMAL) : 0;
    kr_val unix_d = tab ? dialect_alloc(',', "\n", KR_CSV_QUOTE_ALL) : 0;
    int r = unix_d ? 0 : -1;
    kr_val names[3] = { excel, tab, unix_d };
    const char *keys[3] = { "excel", "excel-tab", "unix" };
    for (int i = 0; i < 3 && r == 0; i++) {
        kr_val k = kr_str_from_cstr(keys[i]);
        r = k ? kr_dict_setitem(reg, k, names[i]) : -1;
        KR_XDECREF(k);
    }
    for (int i = 0; i < 3; i++) {
        KR_XDECREF(names[i]);
    }
    if (r < 0) {
        KR_XDECREF(reg);
        return -1;
    }
    registry = reg;
    return 0;
}

// The registered dialect 'name' (new reference), or csv.Error "unknown dialect".
static kr_val registry_get(kr_val name) {
    if (registry_init() < 0) {
        return 0;
    }
    kr_val d = kr_dict_lookup(registry, name);
    if (!d) {
        return kr_err_occurred() ? 0 : kr_err_set(&kr_csv_Error, "unknown dialect");
    }
    return kr_newref(d);
}

// Dialect(dialect, **params): 'params' holds the keyword values (0 = absent); 'dialect' is
// the base (0 = none). Returns the base itself when it is a Dialect and nothing overrides it.
static kr_val dialect_new(kr_val dialect, const kr_val *params) {
    kr_val base = 0;
    if (dialect) {
        base = kr_str_check(dialect) ? registry_get(dialect) : kr_newref(dialect);
        if (!base) {
            return 0;
        }
    }
    bool any = false;
    for (int i = P_DELIMITER; i < P_COUNT; i++) {
        any = any || params[i];
    }
    if (base && !any && kr_isinstance_type(base, &kr_csv_dialect_type)) {
        return base;
    }
    kr_val src[P_COUNT] = { 0 };
    for (int i = P_DELIMITER; i < P_COUNT; i++) {
        src[i] = params[i] ? kr_newref(params[i]) : 0;
        if (!src[i] && base) {
            src[i] = kr_getattr_cstr(base, param_names[i]);
            if (!src[i]) {
                kr_err_clear();
            }
        }
    }
    dialect_obj *d = (dialect_obj *)kr_obj_new(&kr_csv_dialect_type, sizeof *d);
    if (d && dialect_fill(d, src) < 0) {
        KR_DECREF(d);
        d = NULL;
    }
    for (int i = 0; i < P_COUNT; i++) {
        KR_XDECREF(src[i]);
    }
    KR_XDECREF(base);
    return KR_VAL(d);
}

// Sorts the keyword arguments of a call: names in 'own' (the function's own parameters) go to
// 'own_out' (TypeError when a positional argument already filled one), dialect parameters to
// 'params'; anything else is CPython's "unexpected keyword argument" TypeError.
static int sort_kwargs(const char *fname, const kr_val *args, size_t nargs, kr_val kwnames,
                       const char *const *own, size_t nown, kr_val *own_out, kr_val *params) {
    for (intptr_t i = 0; kwnames && i < KR_TUPLE_LEN(kwnames); i++) {
        const char *k = kr_str_data(KR_TUPLE_ITEMS(kwnames)[i]);
        kr_val v = args[nargs + (size_t)i];
        size_t j = 0;
        while (j < nown && strcmp(own[j], k) != 0) {
            j++;
        }
        if (j < nown) {
            if (own_out[j]) {
                kr_err_set(&kr_exc_TypeError, "%s() got multiple values for argument '%s'",
                           fname, k);
                return -1;
            }
            own_out[j] = v;
            continue;
        }
        int p = 0;
        while (p < P_COUNT && strcmp(param_names[p], k) != 0) {
            p++;
        }
        if (p == P_COUNT) {
            kr_err_set(&kr_exc_TypeError,
                       "this function got an unexpected keyword argument '%s'", k);
            return -1;
        }
        params[p] = v;
    }
    return 0;
}

// The dialect of reader() and writer(): positional 'dialect' (or 0) and the keyword params.
static kr_val dialect_from_call(kr_val dialect, kr_val *params) {
    if (dialect && params[P_DIALECT]) {
        return kr_err_set(&kr_exc_TypeError,
                          "argument for function given by name ('dialect') and position (1)");
    }
    return dialect_new(dialect ? dialect : params[P_DIALECT], params);
}

// Positional arguments of reader() and writer(), as PyArg_UnpackTuple with an empty name.
static int unpack_two(size_t nargs) {
    if (nargs < 1) {
        kr_err_set(&kr_exc_TypeError, " expected at least 1 argument, got %zu", nargs);
        return -1;
    }
    if (nargs > 2) {
        kr_err_set(&kr_exc_TypeError, " expected at most 2 arguments, got %zu", nargs);
        return -1;
    }
    return 0;
}

static kr_val dialect_get_delimiter(kr_val v) { return char_or_none(DIALECT(v)->delimiter); }
static kr_val dialect_get_quotechar(kr_val v) { return char_or_none(DIALECT(v)->quotechar); }
static kr_val dialect_get_escapechar(kr_val v) { return char_or_none(DIALECT(v)->escapechar); }
static kr_val dialect_get_lineterminator(kr_val v) {
    return kr_newref(DIALECT(v)->lineterminator);
}
static kr_val dialect_get_quoting(kr_val v) { return KR_FROM_SMALL(DIALECT(v)->quoting); }
static kr_val dialect_get_doublequote(kr_val v) { return kr_bool(DIALECT(v)->doublequote); }
static kr_val dialect_get_skipinitialspace(kr_val v) {
    return kr_bool(DIALECT(v)->skipinitialspace);
}
static kr_val dialect_get_strict(kr_val v) { return kr_bool(DIALECT(v)->strict); }

static const kr_getset_def dialect_getset[] = {
    { "delimiter", dialect_get_delimiter, NULL },
    { "doublequote", dialect_get_doublequote, NULL },
    { "escapechar", dialect_get_escapechar, NULL },
    { "lineterminator", dialect_get_lineterminator, NULL },
    { "quotechar", dialect_get_quotechar, NULL },
    { "quoting", dialect_get_quoting, NULL },
    { "skipinitialspace", dialect_get_skipinitialspace, NULL },
    { "strict", dialect_get_strict, NULL },
    { NULL, NULL, NULL },
};

// _csv.Dialect(dialect, delimiter, ...): every parameter may also be given by position.
static kr_val dialect_type_new(const kr_type *type, const kr_val *args, size_t nargs,
                               kr_val kwnames) {
    (void)type;
    if (nargs > P_COUNT) {
        return kr_err_set(&kr_exc_TypeError,
                          "function takes at most %d arguments (%zu given)", P_COUNT, nargs);
    }
    kr_val params[P_COUNT] = { 0 };
    for (size_t i = 0; i < nargs; i++) {
        params[i] = args[i];
    }
    if (sort_kwargs("Dialect", args, nargs, kwnames, NULL, 0, NULL, params) < 0) {
        return 0;
    }
    return dialect_new(params[P_DIALECT], params);
}

static void dialect_dealloc(kr_obj *o) { KR_XDECREF(((dialect_obj *)o)->lineterminator); }

kr_type kr_csv_dialect_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "Dialect",
    .module = "_csv",
    .base = &kr_object_type,
    .basicsize = sizeof(dialect_obj),
    .dealloc = dialect_dealloc,
    .new = dialect_type_new,
    .getset = dialect_getset,
};

// ---------------------------------------------------------------------------------------------
// Reader

static intptr_t field_limit = 128 * 1024;  // csv.field_size_limit(), in code points

typedef enum {
    START_RECORD,
    START_FIELD,
    ESCAPED_CHAR,
    IN_FIELD,
    IN_QUOTED_FIELD,
    ESCAPE_IN_QUOTED_FIELD,
    QUOTE_IN_QUOTED_FIELD,
    EAT_CRNL,
    AFTER_ESCAPED_CRNL
} parser_state;

typedef struct {
    kr_obj ob;
    kr_val input_iter;
    kr_val dialect;
    kr_val fields;        // list: the record being parsed
    parser_state state;
    kr_strbuf field;      // UTF-8 text of the current field
    intptr_t field_len;   // its length in code points
    bool unquoted_field;  // no quotes around the current field
    intptr_t line_num;    // lines read from the input
} reader_obj;

#define READER(v) ((reader_obj *)(v))

static int parse_save_field(reader_obj *r) {
    int quoting = DIALECT(r->dialect)->quoting;
    kr_val field;
    if (r->unquoted_field && r->field_len == 0
        && (quoting == KR_CSV_QUOTE_NOTNULL || quoting == KR_CSV_QUOTE_STRINGS)) {
        field = KR_NONE;
    } else {
        field = str_from_buf(&r->field);
        if (field && r->unquoted_field && r->field_len != 0
            && (quoting == KR_CSV_QUOTE_NONNUMERIC || quoting == KR_CSV_QUOTE_STRINGS)) {
            kr_val f = kr_float_from_val(field);
            KR_DECREF(field);
            field = f;
        }
        r->field.len = 0;
        r->field_len = 0;
    }
    if (!field) {
        return -1;
    }
    int rc = kr_list_append(r->fields, field);
    KR_DECREF(field);
    return rc;
}

static int parse_add_char(reader_obj *r, uint32_t c) {
    if (r->field_len >= field_limit) {
        kr_err_set(&kr_csv_Error, "field larger than field limit (%ld)", (long)field_limit);
        return -1;
    }
    r->field_len++;
    return kr_strbuf_append_codepoint(&r->field, c);
}

// End of line or of the input line ('c' is '\n', '\r' or EOL) after a field.
static int parse_end_line(reader_obj *r, uint32_t c) {
    if (parse_save_field(r) < 0) {
        return -1;
    }
    r->state = c == EOL ? START_RECORD : EAT_CRNL;
    return 0;
}

static bool is_eol(uint32_t c) { return c == '\n' || c == '\r' || c == EOL; }

static int parse_start_field(reader_obj *r, const dialect_obj *d, uint32_t c) {
    r->unquoted_field = true;
    if (is_eol(c)) {
        return parse_end_line(r, c);
    }
    if (c == d->quotechar && d->quoting != KR_CSV_QUOTE_NONE) {
        r->unquoted_field = false;
        r->state = IN_QUOTED_FIELD;
    } else if (c == d->escapechar) {
        r->state = ESCAPED_CHAR;
    } else if (c == ' ' && d->skipinitialspace) {
        // Spaces at the start of a field are skipped.
    } else if (c == d->delimiter) {
        return parse_save_field(r);
    } else {
        r->state = IN_FIELD;
        return parse_add_char(r, c);
    }
    return 0;
}

static int parse_in_field(reader_obj *r, const dialect_obj *d, uint32_t c) {
    if (is_eol(c)) {
        return parse_end_line(r, c);
    }
    if (c == d->escapechar) {
        r->state = ESCAPED_CHAR;
    } else if (c == d->delimiter) {
        r->state = START_FIELD;
        return parse_save_field(r);
    } else {
        return parse_add_char(r, c);
    }
    return 0;
}

static int parse_in_quoted_field(reader_obj *r, const dialect_obj *d, uint32_t c) {
    if (c == EOL) {
        // A quoted field goes on on the next line.
    } else if (c == d->escapechar) {
        r->state = ESCAPE_IN_QUOTED_FIELD;
    } else if (c == d->quotechar && d->quoting != KR_CSV_QUOTE_NONE) {
        r->state = d->doublequote ? QUOTE_IN_QUOTED_FIELD : IN_FIELD;
    } else {
        return parse_add_char(r, c);
    }
    return 0;
}

static int parse_quote_in_quoted_field(reader_obj *r, const dialect_obj *d, uint32_t c) {
    if (d->quoting != KR_CSV_QUOTE_NONE && c == d->quotechar) {
        r->state = IN_QUOTED_FIELD;  // "" is one "
        return parse_add_char(r, c);
    }
    if (c == d->delimiter) {
        r->state = START_FIELD;
        return parse_save_field(r);
    }
    if (is_eol(c)) {
        return parse_end_line(r, c);
    }
    if (!d->strict) {
        r->state = IN_FIELD;
        return parse_add_char(r, c);
    }
    kr_strbuf b;
    kr_strbuf_init(&b);
    if (kr_strbuf_append_char(&b, '\'') < 0 || kr_strbuf_append_codepoint(&b, d->delimiter) < 0
        || kr_strbuf_append_cstr(&b, "' expected after '") < 0
        || kr_strbuf_append_codepoint(&b, d->quotechar) < 0
        || kr_strbuf_append_char(&b, '\'') < 0) {
        kr_strbuf_free(&b);
        return -1;
    }
    kr_val msg = kr_strbuf_finish(&b);
    if (msg) {
        kr_err_set_value(&kr_csv_Error, msg);
        KR_DECREF(msg);
    }
    return -1;
}

static int parse_escaped_char(reader_obj *r, uint32_t c) {
    if (c == '\n' || c == '\r') {
        r->state = AFTER_ESCAPED_CRNL;
        return parse_add_char(r, c);
    }
    r->state = IN_FIELD;
    return parse_add_char(r, c == EOL ? '\n' : c);
}

static int parse_eat_crnl(reader_obj *r, uint32_t c) {
    if (c == EOL) {
        r->state = START_RECORD;
    } else if (c != '\n' && c != '\r') {
        kr_err_set(&kr_csv_Error, "new-line character seen in unquoted field - do you need to "
                                  "open the file with newline=''?");
        return -1;
    }
    return 0;
}

// One step of _csv.c's parse_process_char. 'c' is a code point or EOL (end of an input line).
static int parse_process_char(reader_obj *r, uint32_t c) {
    const dialect_obj *d = DIALECT(r->dialect);
    switch (r->state) {
    case START_RECORD:
        if (c == EOL) {
            return 0;  // an empty line is the record []
        }
        if (c == '\n' || c == '\r') {
            r->state = EAT_CRNL;
            return 0;
        }
        r->state = START_FIELD;
        return parse_start_field(r, d, c);
    case START_FIELD:
        return parse_start_field(r, d, c);
    case ESCAPED_CHAR:
        return parse_escaped_char(r, c);
    case AFTER_ESCAPED_CRNL:
        return c == EOL ? 0 : parse_in_field(r, d, c);
    case IN_FIELD:
        return parse_in_field(r, d, c);
    case IN_QUOTED_FIELD:
        return parse_in_quoted_field(r, d, c);
    case ESCAPE_IN_QUOTED_FIELD:
        r->state = IN_QUOTED_FIELD;
        return parse_add_char(r, c == EOL ? '\n' : c);
    case QUOTE_IN_QUOTED_FIELD:
        return parse_quote_in_quoted_field(r, d, c);
    case EAT_CRNL:
        return parse_eat_crnl(r, c);
    }
    kr_fatal("csv reader: bad parser state %d", (int)r->state);
}

static int parse_reset(reader_obj *r) {
    KR_SETREF(r->fields, kr_list_new(0));
    if (!r->fields) {
        return -1;
    }
    r->field.len = 0;
    r->field_len = 0;
    r->state = START_RECORD;
    r->unquoted_field = false;
    return 0;
}

static int parse_line(reader_obj *r, kr_val line) {
    if (!kr_str_check(line)) {
        kr_err_set(&kr_csv_Error,
                   "iterator should return strings, not %s (the file should be opened in text "
                   "mode)",
                   kr_type_name(line));
        return -1;
    }
    r->line_num++;
    const char *p = kr_str_data(line), *end = p + kr_str_nbytes(line);
    while (p < end) {
        int n;
        uint32_t c = kr_utf8_decode(p, &n);
        p += n;
        if (parse_process_char(r, c) < 0) {
            return -1;
        }
    }
    return parse_process_char(r, EOL);
}

// The input ended inside a record: the last field ends there, or strict mode complains.
static kr_val reader_at_end(reader_obj *r) {
    if (kr_err_occurred() || (r->field_len == 0 && r->state != IN_QUOTED_FIELD)) {
        return 0;
    }
    if (DIALECT(r->dialect)->strict) {
        return kr_err_set(&kr_csv_Error, "unexpected end of data");
    }
    if (parse_save_field(r) < 0) {
        return 0;
    }
    kr_val fields = r->fields;
    r->fields = 0;
    return fields;
}

static kr_val reader_next(kr_val v) {
    reader_obj *r = READER(v);
    if (parse_reset(r) < 0) {
        return 0;
    }
    do {
        kr_val line = kr_next(r->input_iter);
        if (!line) {
            return reader_at_end(r);
        }
        int rc = parse_line(r, line);
        KR_DECREF(line);
        if (rc < 0) {
            return 0;
        }
    } while (r->state != START_RECORD);
    kr_val fields = r->fields;
    r->fields = 0;
    return fields;
}

static kr_val self_iter(kr_val v) { return kr_newref(v); }

static kr_val reader_get_dialect(kr_val v) { return kr_newref(READER(v)->dialect); }
static kr_val reader_get_line_num(kr_val v) { return kr_int_from_i64(READER(v)->line_num); }

static const kr_getset_def reader_getset[] = {
    { "dialect", reader_get_dialect, NULL },
    { "line_num", reader_get_line_num, NULL },
    { NULL, NULL, NULL },
};

static void reader_dealloc(kr_obj *o) {
    reader_obj *r = (reader_obj *)o;
    KR_XDECREF(r->input_iter);
    KR_XDECREF(r->dialect);
    KR_XDECREF(r->fields);
    kr_strbuf_free(&r->field);
}

kr_type kr_csv_reader_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "reader",
    .module = "_csv",
    .base = &kr_object_type,
    .basicsize = sizeof(reader_obj),
    .dealloc = reader_dealloc,
    .iter = self_iter,
    .iternext = reader_next,
    .getset = reader_getset,
};

// reader(iterable, dialect) with the keyword parameters in 'params'.
static kr_val reader_new(kr_val iterable, kr_val dialect, kr_val *params) {
    reader_obj *r = (reader_obj *)kr_obj_new(&kr_csv_reader_type, sizeof *r);
    if (!r) {
        return 0;
    }
    kr_strbuf_init(&r->field);
    if (parse_reset(r) < 0 || !(r->input_iter = kr_iter(iterable))
        || !(r->dialect = dialect_from_call(dialect, params))) {
        KR_DECREF(r);
        return 0;
    }
    return KR_VAL(r);
}

kr_val kr_csv_reader(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    kr_val params[P_COUNT] = { 0 };
    if (unpack_two(nargs) < 0
        || sort_kwargs("reader", args, nargs, kwnames, NULL, 0, NULL, params) < 0) {
        return 0;
    }
    return reader_new(args[0], nargs > 1 ? args[1] : 0, params);
}

// ---------------------------------------------------------------------------------------------
// Writer

typedef struct {
    kr_obj ob;
    kr_val write;  // the file's bound write method
    kr_val dialect;
    kr_strbuf rec;       // the record being built
    kr_strbuf field;     // one field's text with its escapes, before the quotes go around it
    intptr_t num_fields;
} writer_obj;

#define WRITER(v) ((writer_obj *)(v))

static bool needs_care(const dialect_obj *d, uint32_t c) {
    return c == d->delimiter || c == d->escapechar || c == d->quotechar || c == '\n'
           || c == '\r' || str_has_codepoint(d->lineterminator, c);
}

// Appends 'c' to the field buffer, escaped or doubled as the dialect says; sets '*quoted' when
// the field must be quoted.
static int escape_char(writer_obj *w, uint32_t c, bool *quoted) {
    const dialect_obj *d = DIALECT(w->dialect);
    if (needs_care(d, c)) {
        bool want_escape = false;
        if (d->quoting == KR_CSV_QUOTE_NONE) {
            want_escape = true;
        } else {
            if (c == d->quotechar) {
                if (d->doublequote) {
                    if (kr_strbuf_append_codepoint(&w->field, d->quotechar) < 0) {
                        return -1;
                    }
                } else {
                    want_escape = true;
                }
            } else if (c == d->escapechar) {
                want_escape = true;
            }
            *quoted = *quoted || !want_escape;
        }
        if (want_escape) {
            if (d->escapechar == NOT_SET) {
                kr_err_set(&kr_csv_Error, "need to escape, but no escapechar set");
                return -1;
            }
            if (kr_strbuf_append_codepoint(&w->field, d->escapechar) < 0) {
                return -1;
            }
        }
    }
    return kr_strbuf_append_codepoint(&w->field, c);
}

// _csv.c's join_append: adds 'field' (a str, or 0 for None) to the record.
static int join_append(writer_obj *w, kr_val field, bool quoted) {
    const dialect_obj *d = DIALECT(w->dialect);
    intptr_t flen = field ? kr_str_len(field) : 0;
    if (flen == 0 && d->delimiter == ' ' && d->skipinitialspace) {
        if (d->quoting == KR_CSV_QUOTE_NONE
            || (!field
                && (d->quoting == KR_CSV_QUOTE_STRINGS || d->quoting == KR_CSV_QUOTE_NOTNULL))) {
            kr_err_set(&kr_csv_Error, "empty field must be quoted if delimiter is a space and "
                                      "skipinitialspace is true");
            return -1;
        }
        quoted = true;
    }
    w->field.len = 0;
    const char *p = field ? kr_str_data(field) : "", *end = p + (field ? kr_str_nbytes(field) : 0);
    while (p < end) {
        int n;
        uint32_t c = kr_utf8_decode(p, &n);
        p += n;
        if (escape_char(w, c, &quoted) < 0) {
            return -1;
        }
    }
    if ((w->num_fields > 0 && kr_strbuf_append_codepoint(&w->rec, d->delimiter) < 0)
        || (quoted && kr_strbuf_append_codepoint(&w->rec, d->quotechar) < 0)
        || kr_strbuf_append(&w->rec, w->field.data ? w->field.data : "", w->field.len) < 0
        || (quoted && kr_strbuf_append_codepoint(&w->rec, d->quotechar) < 0)) {
        return -1;
    }
    w->num_fields++;
    return 0;
}

// PyNumber_Check: ints, floats, complex numbers and objects convertible to them.
static bool is_number(kr_val v) {
    if (kr_int_check(v) || kr_float_check(v)) {
        return true;
    }
    for (const kr_type *t = KR_TYPE(v); t; t = t->base) {
        const kr_number_methods *nm = t->number;
        // complex defines none of the conversions, so it is recognized by name.
        if ((nm && (nm->index || nm->to_int || nm->to_float)) || strcmp(t->name, "complex") == 0) {
            return true;
        }
    }
    return false;
}

static bool field_quoted(int quoting, kr_val field) {
    switch (quoting) {
    case KR_CSV_QUOTE_NONNUMERIC:
        return !is_number(field);
    case KR_CSV_QUOTE_ALL:
        return true;
    case KR_CSV_QUOTE_STRINGS:
        return kr_str_check(field);
    case KR_CSV_QUOTE_NOTNULL:
        return field != KR_NONE;
    default:
        return false;
    }
}

static int append_field(writer_obj *w, kr_val field) {
    bool quoted = field_quoted(DIALECT(w->dialect)->quoting, field);
    if (kr_str_check(field) || field == KR_NONE) {
        return join_append(w, field == KR_NONE ? 0 : field, quoted);
    }
    kr_val s = kr_str(field);
    int rc = s ? join_append(w, s, quoted) : -1;
    KR_XDECREF(s);
    return rc;
}

// Joins the fields of 'row' into w->rec; '*null_field' tells whether the last was None.
static int join_row(writer_obj *w, kr_val row, bool *null_field) {
    kr_val it = kr_iter(row);
    if (!it) {
        if (kr_err_matches(&kr_exc_TypeError)) {
            kr_err_clear();
            kr_err_set(&kr_csv_Error, "iterable expected, not %s", kr_type_name(row));
        }
        return -1;
    }
    w->rec.len = 0;
    w->num_fields = 0;
    kr_val field;
    int rc = 0;
    while (rc == 0 && (field = kr_next(it))) {
        *null_field = field == KR_NONE;
        rc = append_field(w, field);
        KR_DECREF(field);
    }
    KR_DECREF(it);
    return rc < 0 || kr_err_occurred() ? -1 : 0;
}

kr_val kr_csv_writer_writerow(kr_val writer, kr_val row) {
    writer_obj *w = WRITER(writer);
    const dialect_obj *d = DIALECT(w->dialect);
    bool null_field = false;
    if (join_row(w, row, &null_field) < 0) {
        return 0;
    }
    if (w->num_fields > 0 && w->rec.len == 0) {
        if (d->quoting == KR_CSV_QUOTE_NONE
            || (null_field
                && (d->quoting == KR_CSV_QUOTE_STRINGS || d->quoting == KR_CSV_QUOTE_NOTNULL))) {
            return kr_err_set(&kr_csv_Error, "single empty field record must be quoted");
        }
        w->num_fields--;
        if (join_append(w, 0, true) < 0) {
            return 0;
        }
    }
    if (kr_strbuf_append_str(&w->rec, d->lineterminator) < 0) {
        return 0;
    }
    kr_val line = str_from_buf(&w->rec);
    kr_val result = line ? kr_call(w->write, &line, 1, 0) : 0;
    KR_XDECREF(line);
    return result;
}

kr_val kr_csv_writer_writerows(kr_val writer, kr_val rows) {
    kr_val it = kr_iter(rows);
    if (!it) {
        return 0;
    }
    kr_val row;
    while ((row = kr_next(it))) {
        kr_val r = kr_csv_writer_writerow(writer, row);
        KR_DECREF(row);
        if (!r) {
            KR_DECREF(it);
            return 0;
        }
        KR_DECREF(r);
    }
    KR_DECREF(it);
    return kr_err_occurred() ? 0 : KR_NONE;
}

static kr_val writer_meth_writerow(kr_val self, const kr_val *args, size_t nargs,
                                   kr_val kwnames) {
    if (kr_args_check("writer.writerow", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return kr_csv_writer_writerow(self, args[0]);
}

static kr_val writer_meth_writerows(kr_val self, const kr_val *args, size_t nargs,
                                    kr_val kwnames) {
    if (kr_args_check("writer.writerows", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return kr_csv_writer_writerows(self, args[0]);
}

static const kr_method_def writer_methods[] = {
    { "writerow", writer_meth_writerow, 0 },
    { "writerows", writer_meth_writerows, 0 },
    { NULL, NULL, 0 },
};

static kr_val writer_get_dialect(kr_val v) { return kr_newref(WRITER(v)->dialect); }

static const kr_getset_def writer_getset[] = {
    { "dialect", writer_get_dialect, NULL },
    { NULL, NULL, NULL },
};

static void writer_dealloc(kr_obj *o) {
    writer_obj *w = (writer_obj *)o;
    KR_XDECREF(w->write);
    KR_XDECREF(w->dialect);
    kr_strbuf_free(&w->rec);
    kr_strbuf_free(&w->field);
}

kr_type kr_csv_writer_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "writer",
    .module = "_csv",
    .base = &kr_object_type,
    .basicsize = sizeof(writer_obj),
    .dealloc = writer_dealloc,
    .methods = writer_methods,
    .getset = writer_getset,
};

// The bound write method of 'file', or TypeError.
static kr_val get_write(kr_val file) {
    kr_val write = kr_getattr_cstr(file, "write");
    if (!write && !kr_err_matches(&kr_exc_AttributeError)) {
        return 0;
    }
    if (!write || kr_builtin_callable(write) != KR_TRUE) {
        KR_XDECREF(write);
        kr_err_clear();
        return kr_err_set(&kr_exc_TypeError, "argument 1 must have a \"write\" method");
    }
    return write;
}

static kr_val writer_new(kr_val file, kr_val dialect, kr_val *params) {
    writer_obj *w = (writer_obj *)kr_obj_new(&kr_csv_writer_type, sizeof *w);
    if (!w) {
        return 0;
    }
    kr_strbuf_init(&w->rec);
    kr_strbuf_init(&w->field);
    if (!(w->write = get_write(file)) || !(w->dialect = dialect_from_call(dialect, params))) {
        KR_DECREF(w);
        return 0;
    }
    return KR_VAL(w);
}

kr_val kr_csv_writer(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    kr_val params[P_COUNT] = { 0 };
    if (unpack_two(nargs) < 0
        || sort_kwargs("writer", args, nargs, kwnames, NULL, 0, NULL, params) < 0) {
        return 0;
    }
    return writer_new(args[0], nargs > 1 ? args[1] : 0, params);
}

// ---------------------------------------------------------------------------------------------
// Registry functions and field_size_limit

kr_val kr_csv_register_dialect(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    kr_val params[P_COUNT] = { 0 };
    if (unpack_two(nargs) < 0
        || sort_kwargs("register_dialect", args, nargs, kwnames, NULL, 0, NULL, params) < 0) {
        return 0;
    }
    if (!kr_str_check(args[0])) {
        return kr_err_set(&kr_exc_TypeError, "dialect name must be a string");
    }
    kr_val d = registry_init() == 0 ? dialect_from_call(nargs > 1 ? args[1] : 0, params) : 0;
    int rc = d ? kr_dict_setitem(registry, args[0], d) : -1;
    KR_XDECREF(d);
    return rc < 0 ? 0 : KR_NONE;
}

// Reads the one argument 'name' of a function ("fname(name)"), positional or keyword.
static kr_val one_arg(const char *fname, const char *name, const kr_val *args, size_t nargs,
                      kr_val kwnames) {
    const char *const names[] = { name };
    kr_val out[1] = { 0 };
    if (kr_os_unpack_args(fname, args, nargs, kwnames, names, 1, 1, true, out) < 0) {
        return 0;
    }
    return out[0];
}

kr_val kr_csv_unregister_dialect(kr_val self, const kr_val *args, size_t nargs,
                                 kr_val kwnames) {
    (void)self;
    kr_val name = one_arg("unregister_dialect", "name", args, nargs, kwnames);
    if (!name || registry_init() < 0) {
        return 0;
    }
    int has = kr_dict_contains(registry, name);
    if (has <= 0) {
        return has < 0 ? 0 : kr_err_set(&kr_csv_Error, "unknown dialect");
    }
    return kr_dict_delitem(registry, name) < 0 ? 0 : KR_NONE;
}

kr_val kr_csv_get_dialect(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    kr_val name = one_arg("get_dialect", "name", args, nargs, kwnames);
    return name ? registry_get(name) : 0;
}

kr_val kr_csv_list_dialects(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    (void)args;
    if (kr_args_check("list_dialects", nargs, kwnames, 0, 0) < 0 || registry_init() < 0) {
        return 0;
    }
    kr_val keys = kr_list_new(kr_dict_len(registry));
    intptr_t pos = 0;
    kr_val k;
    while (keys && kr_dict_next(registry, &pos, &k, NULL)) {
        if (kr_list_append(keys, k) < 0) {
            KR_CLEAR(keys);
        }
    }
    return keys;
}

kr_val kr_csv_field_size_limit(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    const char *const names[] = { "new_limit" };
    kr_val limit = 0;
    if (kr_os_unpack_args("field_size_limit", args, nargs, kwnames, names, 0, 1, true, &limit)
        < 0) {
        return 0;
    }
    intptr_t old = field_limit;
    if (limit) {
        if (!kr_int_check_exact(limit)) {
            return kr_err_set(&kr_exc_TypeError, "limit must be an integer");
        }
        int64_t v;
        if (kr_int_as_i64(limit, &v) < 0) {
            return 0;
        }
        field_limit = (intptr_t)v;
    }
    return kr_int_from_i64(old);
}

// ---------------------------------------------------------------------------------------------
// DictReader (csv.py)

typedef struct {
    kr_obj ob;
    kr_val fieldnames;  // None until read from the first row (or given)
    kr_val restkey, restval, reader, dialect;
    intptr_t line_num;
} dictreader_obj;

#define DICTREADER(v) ((dictreader_obj *)(v))

// `list(x)` when x is its own iterator (a generator of names), else x itself (new reference).
static kr_val materialize(kr_val names) {
    if (names == KR_NONE) {
        return KR_NONE;
    }
    kr_val it = kr_iter(names);
    if (!it) {
        return 0;
    }
    bool same = it == names;
    KR_DECREF(it);
    return same ? kr_list_from_iterable(names) : kr_newref(names);
}

// The fieldnames property: reads the first row when they are not known yet.
static kr_val dictreader_fieldnames(dictreader_obj *dr) {
    if (dr->fieldnames == KR_NONE) {
        kr_val row = kr_next(dr->reader);
        if (!row && kr_err_occurred()) {
            return 0;
        }
        if (row) {
            dr->fieldnames = row;
        }
    }
    dr->line_num = READER(dr->reader)->line_num;
    return kr_newref(dr->fieldnames);
}

// Puts the values of 'row' under the field names (restval for missing ones, restkey for extras).
static int dictreader_fill(dictreader_obj *dr, kr_val d, kr_val names, kr_val row) {
    intptr_t lr = KR_LIST_LEN(row), lf = 0;
    kr_val it = kr_iter(names), key;
    if (!it) {
        return -1;
    }
    kr_val *items = kr_list_vals(row);
    int rc = items ? 0 : -1;
    while (rc == 0 && (key = kr_next(it))) {
        rc = kr_dict_setitem(d, key, lf < lr ? items[lf] : dr->restval);
        KR_DECREF(key);
        lf++;
    }
    KR_DECREF(it);
    if (rc < 0 || kr_err_occurred()) {
        return -1;
    }
    if (lf < lr) {
        kr_val rest = kr_list_getslice(row, lf, lr);
        rc = rest ? kr_dict_setitem(d, dr->restkey, rest) : -1;
        KR_XDECREF(rest);
    }
    return rc;
}

static kr_val dictreader_next(kr_val v) {
    dictreader_obj *dr = DICTREADER(v);
    if (dr->line_num == 0) {
        kr_val names = dictreader_fieldnames(dr);
        if (!names) {
            return 0;
        }
        KR_DECREF(names);
    }
    kr_val row = kr_next(dr->reader);
    if (row) {
        dr->line_num = READER(dr->reader)->line_num;
    }
    while (row && KR_LIST_LEN(row) == 0) {
        KR_DECREF(row);
        row = kr_next(dr->reader);
    }
    kr_val names = row ? dictreader_fieldnames(dr) : 0;
    kr_val d = names ? kr_dict_new() : 0;
    if (d && dictreader_fill(dr, d, names, row) < 0) {
        KR_CLEAR(d);
    }
    KR_XDECREF(names);
    KR_XDECREF(row);
    return d;
}

static kr_val dictreader_new(const kr_type *type, const kr_val *args, size_t nargs,
                             kr_val kwnames) {
    (void)type;
    static const char *const own[] = { "f", "fieldnames", "restkey", "restval", "dialect" };
    kr_val a[5] = { 0 }, params[P_COUNT] = { 0 };
    for (size_t i = 0; i < nargs && i < 5; i++) {
        a[i] = args[i];
    }
    if (sort_kwargs("DictReader.__init__", args, nargs, kwnames, own, 5, a, params) < 0) {
        return 0;
    }
    if (!a[0]) {
        return kr_err_set(&kr_exc_TypeError,
                          "DictReader.__init__() missing 1 required positional argument: 'f'");
    }
    if (nargs > 5) {
        return kr_err_set(&kr_exc_TypeError, " expected at most 2 arguments, got %zu", nargs - 3);
    }
    dictreader_obj *dr = (dictreader_obj *)kr_obj_new(&kr_csv_dictreader_type, sizeof *dr);
    if (!dr) {
        return 0;
    }
    dr->restkey = kr_newref(a[2] ? a[2] : KR_NONE);
    dr->restval = kr_newref(a[3] ? a[3] : KR_NONE);
    dr->dialect = a[4] ? kr_newref(a[4]) : kr_str_from_cstr("excel");
    dr->fieldnames = materialize(a[1] ? a[1] : KR_NONE);
    if (!dr->fieldnames || !dr->dialect || !(dr->reader = reader_new(a[0], dr->dialect, params))) {
        KR_DECREF(dr);
        return 0;
    }
    return KR_VAL(dr);
}

static kr_val dictreader_get_fieldnames(kr_val v) { return dictreader_fieldnames(DICTREADER(v)); }

static int dictreader_set_fieldnames(kr_val v, kr_val value) {
    if (!value) {
        kr_err_set(&kr_exc_AttributeError, "can't delete attribute");
        return -1;
    }
    KR_SETREF(DICTREADER(v)->fieldnames, kr_newref(value));
    return 0;
}

static kr_val dictreader_get_restkey(kr_val v) { return kr_newref(DICTREADER(v)->restkey); }
static kr_val dictreader_get_restval(kr_val v) { return kr_newref(DICTREADER(v)->restval); }
static kr_val dictreader_get_reader(kr_val v) { return kr_newref(DICTREADER(v)->reader); }
static kr_val dictreader_get_dialect(kr_val v) { return kr_newref(DICTREADER(v)->dialect); }
static kr_val dictreader_get_line_num(kr_val v) {
    return kr_int_from_i64(DICTREADER(v)->line_num);
}

static const kr_getset_def dictreader_getset[] = {
    { "fieldnames", dictreader_get_fieldnames, dictreader_set_fieldnames },
    { "restkey", dictreader_get_restkey, NULL },
    { "restval", dictreader_get_restval, NULL },
    { "reader", dictreader_get_reader, NULL },
    { "dialect", dictreader_get_dialect, NULL },
    { "line_num", dictreader_get_line_num, NULL },
    { NULL, NULL, NULL },
};

static void dictreader_dealloc(kr_obj *o) {
    dictreader_obj *dr = (dictreader_obj *)o;
    KR_XDECREF(dr->fieldnames);
    KR_XDECREF(dr->restkey);
    KR_XDECREF(dr->restval);
    KR_XDECREF(dr->reader);
    KR_XDECREF(dr->dialect);
}

// Attribute assignment through the getset table (for 'fieldnames').
static int getset_setattr(kr_val obj, kr_val name, kr_val value) {
    const kr_getset_def *g = kr_type_find_getset(KR_TYPE(obj), kr_str_data(name));
    if (!g || !g->set) {
        kr_err_set(&kr_exc_AttributeError, "'%s' object attribute '%s' is read-only",
                   kr_type_name(obj), kr_str_data(name));
        return -1;
    }
    return g->set(obj, value);
}

kr_type kr_csv_dictreader_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "DictReader",
    .module = "csv",
    .base = &kr_object_type,
    .basicsize = sizeof(dictreader_obj),
    .dealloc = dictreader_dealloc,
    .iter = self_iter,
    .iternext = dictreader_next,
    .setattr = getset_setattr,
    .new = dictreader_new,
    .getset = dictreader_getset,
};

// ---------------------------------------------------------------------------------------------
// DictWriter (csv.py)

typedef struct {
    kr_obj ob;
    kr_val fieldnames, restval, extrasaction, writer;
} dictwriter_obj;

#define DICTWRITER(v) ((dictwriter_obj *)(v))

// ValueError "dict contains fields not in fieldnames: 'b', 'c'" when 'rowdict' has keys
// outside the field names (listed in the order of `rowdict.keys() - fieldnames`, a set).
static int check_extras(dictwriter_obj *dw, kr_val rowdict) {
    kr_val keys = kr_dict_check(rowdict) ? kr_newref(rowdict) : 0;
    if (!keys) {
        kr_val m = kr_getattr_cstr(rowdict, "keys");
        keys = m ? kr_call(m, NULL, 0, 0) : 0;
        KR_XDECREF(m);
    }
    kr_val wrong = keys ? kr_set_new(keys) : 0;
    KR_XDECREF(keys);
    kr_val it = wrong ? kr_iter(dw->fieldnames) : 0, name;
    int rc = it ? 0 : -1;
    while (rc == 0 && (name = kr_next(it))) {
        rc = kr_set_discard(wrong, name) < 0 ? -1 : 0;
        KR_DECREF(name);
    }
    KR_XDECREF(it);
    if (rc == 0 && !kr_err_occurred() && kr_set_len(wrong) > 0) {
        kr_reprbuf b = { 0 };
        intptr_t pos = 0;
        kr_val k;
        rc = kr_reprbuf_cstr(&b, "dict contains fields not in fieldnames: ");
        for (bool first = true; rc == 0 && kr_set_next(wrong, &pos, &k); first = false) {
            rc = (first ? 0 : kr_reprbuf_cstr(&b, ", ")) < 0 ? -1 : kr_reprbuf_repr(&b, k);
        }
        kr_val msg = rc == 0 ? kr_reprbuf_finish(&b) : 0;
        kr_reprbuf_free(&b);
        if (msg) {
            kr_err_set_value(&kr_exc_ValueError, msg);
            KR_DECREF(msg);
        }
        rc = -1;
    }
    KR_XDECREF(wrong);
    return rc < 0 || kr_err_occurred() ? -1 : 0;
}

// rowdict.get(key, restval)
static kr_val row_get(kr_val rowdict, kr_val key, kr_val dflt) {
    if (kr_dict_check(rowdict)) {
        return kr_dict_get(rowdict, key, dflt);
    }
    kr_val get = kr_getattr_cstr(rowdict, "get");
    kr_val args[2] = { key, dflt };
    kr_val r = get ? kr_call(get, args, 2, 0) : 0;
    KR_XDECREF(get);
    return r;
}

// csv.py's _dict_to_list.
static kr_val dict_to_list(dictwriter_obj *dw, kr_val rowdict) {
    if (kr_str_equal_cstr(dw->extrasaction, "raise") && check_extras(dw, rowdict) < 0) {
        return 0;
    }
    kr_val it = kr_iter(dw->fieldnames), key;
    kr_val out = it ? kr_list_new(0) : 0;
    while (out && (key = kr_next(it))) {
        kr_val v = row_get(rowdict, key, dw->restval);
        if (!v || kr_list_append(out, v) < 0) {
            KR_CLEAR(out);
        }
        KR_XDECREF(v);
        KR_DECREF(key);
    }
    KR_XDECREF(it);
    if (out && kr_err_occurred()) {
        KR_CLEAR(out);
    }
    return out;
}

kr_val kr_csv_dictwriter_writerow(kr_val dwv, kr_val rowdict) {
    dictwriter_obj *dw = DICTWRITER(dwv);
    kr_val row = dict_to_list(dw, rowdict);
    kr_val r = row ? kr_csv_writer_writerow(dw->writer, row) : 0;
    KR_XDECREF(row);
    return r;
}

kr_val kr_csv_dictwriter_writeheader(kr_val dwv) {
    dictwriter_obj *dw = DICTWRITER(dwv);
    kr_val header = kr_dict_new();
    kr_val it = header ? kr_iter(dw->fieldnames) : 0, name;
    int rc = it ? 0 : -1;
    while (rc == 0 && (name = kr_next(it))) {
        rc = kr_dict_setitem(header, name, name);
        KR_DECREF(name);
    }
    KR_XDECREF(it);
    kr_val r = rc == 0 && !kr_err_occurred() ? kr_csv_dictwriter_writerow(dwv, header) : 0;
    KR_XDECREF(header);
    return r;
}

kr_val kr_csv_dictwriter_writerows(kr_val dwv, kr_val rowdicts) {
    kr_val it = kr_iter(rowdicts), rowdict;
    if (!it) {
        return 0;
    }
    while ((rowdict = kr_next(it))) {
        kr_val row = dict_to_list(DICTWRITER(dwv), rowdict);
        KR_DECREF(rowdict);
        kr_val r = row ? kr_csv_writer_writerow(DICTWRITER(dwv)->writer, row) : 0;
        KR_XDECREF(row);
        if (!r) {
            KR_DECREF(it);
            return 0;
        }
        KR_DECREF(r);
    }
    KR_DECREF(it);
    return kr_err_occurred() ? 0 : KR_NONE;
}

static kr_val dictwriter_meth_writeheader(kr_val self, const kr_val *args, size_t nargs,
                                          kr_val kwnames) {
    (void)args;
    if (kr_args_check("DictWriter.writeheader", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return kr_csv_dictwriter_writeheader(self);
}

static kr_val dictwriter_meth_writerow(kr_val self, const kr_val *args, size_t nargs,
                                       kr_val kwnames) {
    const char *const names[] = { "rowdict" };
    kr_val row = 0;
    if (kr_os_unpack_args("DictWriter.writerow", args, nargs, kwnames, names, 1, 1, true, &row)
        < 0) {
        return 0;
    }
    return kr_csv_dictwriter_writerow(self, row);
}

static kr_val dictwriter_meth_writerows(kr_val self, const kr_val *args, size_t nargs,
                                        kr_val kwnames) {
    const char *const names[] = { "rowdicts" };
    kr_val rows = 0;
    if (kr_os_unpack_args("DictWriter.writerows", args, nargs, kwnames, names, 1, 1, true,
                          &rows) < 0) {
        return 0;
    }
    return kr_csv_dictwriter_writerows(self, rows);
}

static const kr_method_def dictwriter_methods[] = {
    { "writeheader", dictwriter_meth_writeheader, 0 },
    { "writerow", dictwriter_meth_writerow, 0 },
    { "writerows", dictwriter_meth_writerows, 0 },
    { NULL, NULL, 0 },
};

static kr_val dictwriter_get_fieldnames(kr_val v) { return kr_newref(DICTWRITER(v)->fieldnames); }
static kr_val dictwriter_get_restval(kr_val v) { return kr_newref(DICTWRITER(v)->restval); }
static kr_val dictwriter_get_extrasaction(kr_val v) {
    return kr_newref(DICTWRITER(v)->extrasaction);
}
static kr_val dictwriter_get_writer(kr_val v) { return kr_newref(DICTWRITER(v)->writer); }

static const kr_getset_def dictwriter_getset[] = {
    { "fieldnames", dictwriter_get_fieldnames, NULL },
    { "restval", dictwriter_get_restval, NULL },
    { "extrasaction", dictwriter_get_extrasaction, NULL },
    { "writer", dictwriter_get_writer, NULL },
    { NULL, NULL, NULL },
};

// extrasaction.lower(), which must be 'raise' or 'ignore'.
static kr_val extrasaction_arg(kr_val v) {
    kr_val lower = kr_getattr_cstr(v, "lower");
    kr_val s = lower ? kr_call(lower, NULL, 0, 0) : 0;
    KR_XDECREF(lower);
    if (s && !(kr_str_check(s)
               && (kr_str_equal_cstr(s, "raise") || kr_str_equal_cstr(s, "ignore")))) {
        kr_val r = kr_str(s);
        if (r) {
            kr_err_set(&kr_exc_ValueError, "extrasaction (%s) must be 'raise' or 'ignore'",
                       kr_str_data(r));
            KR_DECREF(r);
        }
        KR_CLEAR(s);
    }
    return s;
}

static kr_val dictwriter_new(const kr_type *type, const kr_val *args, size_t nargs,
                             kr_val kwnames) {
    (void)type;
    static const char *const own[] = { "f", "fieldnames", "restval", "extrasaction", "dialect" };
    kr_val a[5] = { 0 }, params[P_COUNT] = { 0 };
    for (size_t i = 0; i < nargs && i < 5; i++) {
        a[i] = args[i];
    }
    if (sort_kwargs("DictWriter.__init__", args, nargs, kwnames, own, 5, a, params) < 0) {
        return 0;
    }
    if (!a[0] || !a[1]) {
        return kr_err_set(&kr_exc_TypeError,
                          "DictWriter.__init__() missing %s required positional argument%s: %s",
                          a[0] ? "1" : "2", a[0] ? "" : "s",
                          a[0] ? "'fieldnames'" : "'f' and 'fieldnames'");
    }
    if (nargs > 5) {
        return kr_err_set(&kr_exc_TypeError, " expected at most 2 arguments, got %zu", nargs - 3);
    }
    dictwriter_obj *dw = (dictwriter_obj *)kr_obj_new(&kr_csv_dictwriter_type, sizeof *dw);
    if (!dw) {
        return 0;
    }
    dw->restval = a[2] ? kr_newref(a[2]) : kr_newref(kr_str_empty());
    kr_val dialect = a[4] ? kr_newref(a[4]) : kr_str_from_cstr("excel");
    if (!(dw->fieldnames = materialize(a[1]))
        || !(dw->extrasaction = a[3] ? extrasaction_arg(a[3]) : kr_str_from_cstr("raise"))
        || !dialect || !(dw->writer = writer_new(a[0], dialect, params))) {
        KR_XDECREF(dialect);
        KR_DECREF(dw);
        return 0;
    }
    KR_DECREF(dialect);
    return KR_VAL(dw);
}

static void dictwriter_dealloc(kr_obj *o) {
    dictwriter_obj *dw = (dictwriter_obj *)o;
    KR_XDECREF(dw->fieldnames);
    KR_XDECREF(dw->restval);
    KR_XDECREF(dw->extrasaction);
    KR_XDECREF(dw->writer);
}

kr_type kr_csv_dictwriter_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "DictWriter",
    .module = "csv",
    .base = &kr_object_type,
    .basicsize = sizeof(dictwriter_obj),
    .dealloc = dictwriter_dealloc,
    .new = dictwriter_new,
    .methods = dictwriter_methods,
    .getset = dictwriter_getset,
};

// ---------------------------------------------------------------------------------------------
// The module

static int add_dialect_attr(kr_val m, const char *attr, const char *name) {
    kr_val n = kr_str_from_cstr(name);
    kr_val d = n ? registry_get(n) : 0;
    KR_XDECREF(n);
    return kr_module_add_steal(m, attr, d);
}

static int add_quote_constants(kr_val m) {
    static const char *const names[] = { "QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC",
                                         "QUOTE_NONE", "QUOTE_STRINGS", "QUOTE_NOTNULL" };
    for (int i = 0; i < 6; i++) {
        if (kr_module_add_int(m, names[i], i) < 0) {
            return -1;
        }
    }
    return 0;
}

kr_val kr_csvmodule_init(void) {
    kr_val m = kr_module_new("csv");
    if (!m) {
        return 0;
    }
    int rc = add_quote_constants(m);
#define KR_X_(name) rc = rc < 0 ? rc : kr_module_add_cfunc(m, #name, kr_csv_##name);
    KR_CSV_FUNCTIONS(KR_X_)
#undef KR_X_
    if (rc < 0 || kr_module_add(m, "Error", KR_VAL(&kr_csv_Error)) < 0
        || kr_module_add(m, "DictReader", KR_VAL(&kr_csv_dictreader_type)) < 0
        || kr_module_add(m, "DictWriter", KR_VAL(&kr_csv_dictwriter_type)) < 0
        || kr_module_add_str(m, "__version__", "1.0") < 0
        || add_dialect_attr(m, "excel", "excel") < 0
        || add_dialect_attr(m, "excel_tab", "excel-tab") < 0
        || add_dialect_attr(m, "unix_dialect", "unix") < 0) {
        KR_DECREF(m);
        return 0;
    }
    return m;
}
