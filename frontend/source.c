// source.c: reads a source file and decodes it to UTF-8 exactly as CPython 3.13 decodes the bytes
// given to compile(): newlines translated ("\r\n" and lone "\r" become "\n"), a UTF-8 byte order
// mark dropped, then a PEP 263 coding declaration on line 1 (or on line 2 when line 1 holds only a
// comment or blanks) chooses the codec. The result is NUL-terminated, in the arena.
//
// As in CPython, a UTF-8 source (the default) is not validated here: its invalid sequences are
// errors only where the tokenizer or a literal decodes them (identifiers, strings), which report
// them with CPython's messages; in comments they are harmless. A source in another declared codec
// is decoded whole up front, and a failure is reported at line 0, as CPython does.
#include "frontend.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define UNICODE_DATA_CODECS
#include "unicode_data.inc"

static const SrcSpan no_position = {0, 0, 0, 0};

// Translates newlines in place; returns the new length.
static size_t translate_newlines(char *s, size_t len) {
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '\r') {
            c = '\n';
            if (i + 1 < len && s[i + 1] == '\n') {
                i++;
            }
        }
        s[o++] = c;
    }
    s[o] = '\0';
    return o;
}

// CPython's get_normal_name: spellings of utf-8 and latin-1 (only the first 12 characters are
// looked at) become "utf-8" and "iso-8859-1"; any other name is kept as written.
static const char *normal_name(Arena *a, const char *name, size_t len) {
    char buf[13];
    size_t i;
    for (i = 0; i < 12 && i < len; i++) {
        char c = name[i];
        buf[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    buf[i] = '\0';
    if (strcmp(buf, "utf-8") == 0 || strncmp(buf, "utf-8-", 6) == 0) {
        return "utf-8";
    }
    if (strcmp(buf, "latin-1") == 0 || strcmp(buf, "iso-8859-1") == 0 ||
        strcmp(buf, "iso-latin-1") == 0 || strncmp(buf, "latin-1-", 8) == 0 ||
        strncmp(buf, "iso-8859-1-", 11) == 0 || strncmp(buf, "iso-latin-1-", 12) == 0) {
        return "iso-8859-1";
    }
    return arena_strndup(a, name, len);
}

static bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\f';
}

static bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == '.';
}

// CPython's get_coding_spec on one line: a comment holding "coding[:=]" and a name. 'size' is
// CPython's idea of the line's length ("coding" must start before size - 6); 'avail' bounds
// every read. Returns the normalized name or NULL.
static const char *coding_spec(Arena *a, const char *s, long size, long avail) {
    long i = 0;
    for (; i < size - 6; i++) {
        if (s[i] == '#') {
            break;
        }
        if (!is_blank(s[i])) {
            return NULL;
        }
    }
    for (; i < size - 6; i++) {
        if (i + 7 > avail || memcmp(s + i, "coding", 6) != 0 ||
            (s[i + 6] != ':' && s[i + 6] != '=')) {
            continue;
        }
        long t = i + 7;
        while (t < avail && (s[t] == ' ' || s[t] == '\t')) {
            t++;
        }
        long begin = t;
        while (t < avail && is_name_char(s[t])) {
            t++;
        }
        if (t > begin) {
            return normal_name(a, s + begin, (size_t)(t - begin));
        }
    }
    return NULL;
}

// Whether a line without a coding spec lets line 2 be looked at: only blanks, then a comment or
// the end of the line.
static bool line_is_comment_only(const char *s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '#') {
            return true;
        }
        if (!is_blank(s[i])) {
            return false;
        }
    }
    return true;
}

// The coding declaration of 'text' (after any BOM), as CPython's decode_str finds it.
static const char *find_coding(Arena *a, const char *text, size_t len) {
    if (len == 0) {
        return NULL;
    }
    const char *nl1 = memchr(text, '\n', len);
    size_t len1 = nl1 ? (size_t)(nl1 - text) : len;
    const char *spec = coding_spec(a, text, (long)len1, (long)len);
    if (spec || !line_is_comment_only(text, len1) || !nl1 || len1 + 1 == len) {
        return spec;
    }
    // Line 2's length counts its newline (CPython passes it so); one is implied at the end.
    const char *line2 = nl1 + 1;
    size_t rest = len - (len1 + 1);
    const char *nl2 = memchr(line2, '\n', rest);
    size_t len2 = nl2 ? (size_t)(nl2 - line2) : rest;
    return coding_spec(a, line2, (long)len2 + 1, (long)rest);
}

static int find_codec(const char *name) {
    // codecs.lookup's normalization: lower case; runs of other characters than letters, digits
    // and '.' become one '_' (none at the start or the end).
    char norm[128];
    size_t n = 0;
    bool punct = false;
    for (const char *p = name; *p && n + 2 < sizeof(norm); p++) {
        char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '.') {
            if (punct && n > 0) {
                norm[n++] = '_';
            }
            norm[n++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
            punct = false;
        } else {
            punct = true;
        }
    }
    norm[n] = '\0';
    size_t lo = 0, hi = sizeof(codec_names) / sizeof(codec_names[0]);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int cmp = strcmp(norm, codec_names[mid].name);
        if (cmp == 0) {
            return codec_names[mid].codec;
        }
        if (cmp < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return -1;
}

// Decodes a single-byte codec into UTF-8. 'table' maps 0x80..0xFF (0xFFFF: undefined), NULL for
// latin-1; 'ascii' rejects every byte above 0x7F.
static bool decode_single_byte(Arena *a, Diag *d, const char *s, size_t len,
                               const uint16_t *table, bool ascii, Source *out) {
    char *buf = arena_alloc(a, len * 3 + 1);
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)s[i];
        uint32_t cp = b;
        if (b >= 0x80 && ascii) {
            diag_error(d, no_position,
                       "'ascii' codec can't decode byte 0x%02x in position %zu: ordinal not in "
                       "range(128)",
                       b, i);
            return false;
        }
        if (b >= 0x80 && table) {
            cp = table[b - 0x80];
            if (cp == 0xFFFF) {
                diag_error(d, no_position,
                           "'charmap' codec can't decode byte 0x%02x in position %zu: character "
                           "maps to <undefined>",
                           b, i);
                return false;
            }
        }
        o += (size_t)uni_encode_utf8(cp, buf + o);
    }
    buf[o] = '\0';
    out->text = buf;
    out->len = o;
    return true;
}

static bool decode_with(Arena *a, Diag *d, const char *enc, const char *text, size_t len,
                        Source *out) {
    switch (find_codec(enc)) {
    case CODEC_UTF8: {
        // A utf-8 alias CPython does not normalize ("utf8"): decoded up front, strictly.
        const char *err = uni_utf8_error(a, text, len);
        if (err) {
            diag_error(d, no_position, "%s", err);
            return false;
        }
        out->text = text;
        out->len = len;
        return true;
    }
    case CODEC_LATIN1:
        return decode_single_byte(a, d, text, len, NULL, false, out);
    case CODEC_CP1252:
        return decode_single_byte(a, d, text, len, cp1252_table, false, out);
    case CODEC_KOI8_R:
        return decode_single_byte(a, d, text, len, koi8_r_table, false, out);
    case CODEC_ASCII:
        return decode_single_byte(a, d, text, len, NULL, true, out);
    case CODEC_UNSUPPORTED:
        diag_error(d, no_position, "source encoding '%s' is not supported by krait", enc);
        return false;
    default:
        diag_error(d, no_position, "unknown encoding: %s", enc);
        return false;
    }
}

// Decodes 'buf' (mutable, NUL-terminated, 'len' bytes) in place where it can.
static bool decode_buffer(Arena *a, Diag *d, char *buf, size_t len, Source *out) {
    if (memchr(buf, '\r', len)) {
        len = translate_newlines(buf, len);
    }
    const char *text = buf;
    bool bom = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0;
    if (bom) {
        text += 3;
        len -= 3;
    }
    const char *enc = find_coding(a, text, len);
    if (bom && enc && strcmp(enc, "utf-8") != 0) {
        diag_error(d, no_position, "encoding problem: %s with BOM", enc);
        return false;
    }
    if (!enc || strcmp(enc, "utf-8") == 0) {
        out->text = text;
        out->len = len;
        return true;
    }
    return decode_with(a, d, enc, text, len, out);
}

bool source_decode(Arena *a, Diag *d, const char *bytes, size_t len, Source *out) {
    out->path = d->path;
    char *buf = arena_alloc(a, len + 1);
    memcpy(buf, bytes, len);
    buf[len] = '\0';
    return decode_buffer(a, d, buf, len, out);
}

static void report_io_error(Diag *d, const char *what, int err) {
    d->errors++;
    fprintf(d->out, "krait: error: can't %s '%s': %s\n", what, d->path, strerror(err));
}

// Reads all of 'f' into the arena, NUL-terminated. A regular file is read straight into a buffer
// of its size; a pipe grows a malloc'ed buffer first.
static char *read_all(Arena *a, FILE *f, size_t *len) {
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode)) {
        size_t size = (size_t)st.st_size;
        char *out = arena_alloc(a, size + 1);
        *len = fread(out, 1, size, f);
        out[*len] = '\0';
        return ferror(f) ? NULL : out;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = NULL;
    for (;;) {
        buf = realloc(buf, cap);
        if (!buf) {
            fputs("krait: out of memory\n", stderr);
            exit(3);
        }
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) {
            break;
        }
        cap *= 2;
    }
    char *out = ferror(f) ? NULL : arena_strndup(a, buf, n);
    free(buf);
    *len = n;
    return out;
}

bool source_read(Arena *a, Diag *d, const char *path, Source *out) {
    bool use_stdin = path == NULL || strcmp(path, "-") == 0;
    if (use_stdin && !d->path) {
        d->path = "<stdin>";
    }
    FILE *f = use_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        report_io_error(d, "open file", errno);
        return false;
    }
    size_t len = 0;
    char *buf = read_all(a, f, &len);
    int err = errno;
    if (!use_stdin) {
        fclose(f);
    }
    if (!buf) {
        report_io_error(d, "read file", err);
        return false;
    }
    out->path = d->path;
    return decode_buffer(a, d, buf, len, out);
}
