// diag.c: diagnostics in gcc's format — "path:line:col: error: message", then the source line
// and a caret under the column. Colour only when 'out' is a terminal and NO_COLOR is unset.
// Reporting stops after 'max_errors' errors; every error is still counted.
#include "frontend.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void diag_init(Diag *d, const char *path, FILE *out) {
    d->path = path;
    d->src = NULL;
    d->src_len = 0;
    d->out = out;
    d->color = isatty(fileno(out)) && !getenv("NO_COLOR");
    d->errors = 0;
    d->max_errors = 20;
}

void diag_set_source(Diag *d, const char *src, size_t len) {
    d->src = src;
    d->src_len = len;
}

bool diag_too_many(const Diag *d) {
    return d->errors >= d->max_errors;
}

// Finds line 'line' (1-based) of the source; returns its start and sets '*len' (no newline).
static const char *find_line(const Diag *d, int line, size_t *len) {
    if (!d->src || line < 1) {
        return NULL;
    }
    const char *p = d->src, *end = d->src + d->src_len;
    for (int l = 1; l < line; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) {
            return NULL;
        }
        p = nl + 1;
    }
    const char *e = p;
    while (e < end && *e != '\n' && *e != '\r') {
        e++;
    }
    *len = (size_t)(e - p);
    return p;
}

enum { LINE_WINDOW = 160 };  // longest source excerpt shown under a diagnostic, in bytes

// Moves 'p' back to the start of the UTF-8 sequence it points into (not before 'start').
static const char *utf8_start(const char *start, const char *p) {
    while (p > start && ((unsigned char)*p & 0xC0) == 0x80) {
        p--;
    }
    return p;
}

static void print_source_line(const Diag *d, SrcSpan span) {
    size_t len;
    const char *line = find_line(d, span.line, &len);
    if (!line) {
        return;
    }
    // A very long line (minified code, a fuzzer's input) is shown as a window around the column.
    size_t col = span.col < 0 ? 0 : (size_t)span.col > len ? len : (size_t)span.col;
    const char *from = line, *to = line + len;
    if (len > LINE_WINDOW) {
        from = utf8_start(line, line + (col > LINE_WINDOW / 2 ? col - LINE_WINDOW / 2 : 0));
        to = from + LINE_WINDOW < line + len ? utf8_start(line, from + LINE_WINDOW) : line + len;
    }
    fprintf(d->out, "    %s%.*s%s\n    ", from > line ? "..." : "", (int)(to - from), from,
            to < line + len ? "..." : "");
    if (from > line) {
        fputs("   ", d->out);
    }
    // The caret goes under column 'col'; tabs are copied so it lines up.
    for (const char *p = from; p < line + col && p < to; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '\t') {
            fputc('\t', d->out);
        } else if ((c & 0xC0) != 0x80) {
            fputc(' ', d->out);
        }
    }
    fputs(d->color ? "\033[1;32m^\033[0m\n" : "^\n", d->out);
}

void diag_verror(Diag *d, SrcSpan span, const char *fmt, va_list ap) {
    d->errors++;
    if (d->errors > d->max_errors) {
        return;
    }
    if (d->color) {
        fprintf(d->out, "\033[1m%s:%d:%d: \033[1;31merror:\033[0m\033[1m ", d->path, span.line,
                span.col + 1);
    } else {
        fprintf(d->out, "%s:%d:%d: error: ", d->path, span.line, span.col + 1);
    }
    vfprintf(d->out, fmt, ap);
    fputs(d->color ? "\033[0m\n" : "\n", d->out);
    print_source_line(d, span);
    if (d->errors == d->max_errors) {
        fprintf(d->out, "%s: too many errors; stopping\n", d->path);
    }
}

void diag_error(Diag *d, SrcSpan span, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_verror(d, span, fmt, ap);
    va_end(ap);
}
