// outline.c: moving the cached version of a loop into a function of its own, by its C text
// (emit.c, docs/design.md "Outlined cached loops"). The emitter writes a loop's cached version
// as ordinary statements of its function; these helpers read that text as C tokens (skipping
// literals, comments and preprocessor lines) to find the function's locals it uses and the
// labels it leaves for, and rewrite each such exit into a numbered return through one label.
#include "backend.h"

#include <string.h>

// A set of names (NUL-terminated, or spans of text) mapped to indices: open addressing.
typedef struct NameSet {
    const char **name;
    size_t *len;
    int *index;
    size_t cap;  // a power of two, at least twice the count
} NameSet;

static uint64_t hash_span(const char *s, size_t n) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
    }
    return h;
}

static void set_init(NameSet *s, Arena *a, int count) {
    s->cap = 16;
    while (s->cap < 2 * (size_t)count + 2) {
        s->cap *= 2;
    }
    s->name = arena_alloc(a, sizeof(char *) * s->cap);
    s->len = arena_alloc(a, sizeof(size_t) * s->cap);
    s->index = arena_alloc(a, sizeof(int) * s->cap);
}

// The slot of span 's' (its name, or the empty slot where it would go).
static size_t set_slot(const NameSet *s, const char *p, size_t n) {
    size_t i = hash_span(p, n) & (s->cap - 1);
    while (s->name[i] && (s->len[i] != n || memcmp(s->name[i], p, n) != 0)) {
        i = (i + 1) & (s->cap - 1);
    }
    return i;
}

static void set_add(NameSet *s, const char *p, size_t n, int index) {
    size_t i = set_slot(s, p, n);
    if (!s->name[i]) {
        s->name[i] = p;
        s->len[i] = n;
        s->index[i] = index;
    }
}

// The index of span 'p', or -1.
static int set_find(const NameSet *s, const char *p, size_t n) {
    size_t i = set_slot(s, p, n);
    return s->name[i] ? s->index[i] : -1;
}

static bool ident_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9'); }

// A cursor over C text, stepping over what holds no code.
typedef struct Scan {
    const char *start, *p, *end;
} Scan;

// Moves past one literal, comment or preprocessor line at the cursor, if one starts there;
// returns whether it did.
static bool skip_noncode(Scan *s) {
    const char *p = s->p;
    if (*p == '#' && (p == s->start || p[-1] == '\n')) {
        while (p < s->end && *p != '\n') {
            p++;
        }
    } else if (*p == '"' || *p == '\'') {
        char q = *p++;
        while (p < s->end && *p != q) {
            p += *p == '\\' ? 2 : 1;
        }
        p++;
    } else if (*p == '/' && p + 1 < s->end && p[1] == '/') {
        while (p < s->end && *p != '\n') {
            p++;
        }
    } else if (*p == '/' && p + 1 < s->end && p[1] == '*') {
        p += 2;
        while (p + 1 < s->end && !(p[0] == '*' && p[1] == '/')) {
            p++;
        }
        p += 2;
    } else {
        return false;
    }
    s->p = p < s->end ? p : s->end;
    return true;
}

// The labels 'text' defines: an identifier at the start of a line, then ':'.
static void defined_labels(const char *text, size_t len, NameSet *labels) {
    const char *end = text + len;
    for (const char *p = text; p < end; p++) {
        if ((p == text || p[-1] == '\n') && ident_start(*p)) {
            const char *q = p;
            while (q < end && ident_char(*q)) {
                q++;
            }
            if (q < end && *q == ':' && (q + 1 == end || q[1] != ':')) {
                set_add(labels, p, (size_t)(q - p), 0);
            }
        }
    }
}

static const char *skip_spaces(const char *p, const char *end) {
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\t')) {
        p++;
    }
    return p;
}

int outline_text(Arena *a, const char *text, size_t len, const char *const *names, int nnames,
                 bool *used, StrBuf *out, const char ***exits) {
    NameSet known;
    set_init(&known, a, nnames);
    for (int i = 0; i < nnames; i++) {
        set_add(&known, names[i], strlen(names[i]), i);
    }
    NameSet labels;
    int nlabels = 0;
    for (size_t i = 0; i < len; i++) {
        nlabels += text[i] == ':';
    }
    set_init(&labels, a, nlabels);
    defined_labels(text, len, &labels);
    NameSet left;  // the labels the text leaves for, numbered
    int gotos = 0;
    for (const char *p = strstr(text, "goto "); p && p < text + len; p = strstr(p + 1, "goto ")) {
        gotos++;
    }
    set_init(&left, a, gotos);
    const char **exit = arena_alloc(a, sizeof(char *) * (size_t)(gotos + 1));
    int nexits = 0;
    Scan s = {text, text, text + len};
    const char *copied = text;  // the text before this is in 'out'
    while (s.p < s.end) {
        if (skip_noncode(&s)) {
            continue;
        }
        if (!ident_start(*s.p) || (s.p > text && ident_char(s.p[-1]))) {
            s.p++;
            continue;
        }
        const char *w = s.p;
        while (s.p < s.end && ident_char(*s.p)) {
            s.p++;
        }
        size_t n = (size_t)(s.p - w);
        if (n == 6 && memcmp(w, "return", 6) == 0) {
            return -1;  // leaves the function: not an outlinable loop
        }
        if (n != 4 || memcmp(w, "goto", 4) != 0) {
            int k = set_find(&known, w, n);
            if (k >= 0) {
                used[k] = true;
            }
            continue;
        }
        const char *l = skip_spaces(s.p, s.end), *le = l;
        while (le < s.end && ident_char(*le)) {
            le++;
        }
        const char *semi = skip_spaces(le, s.end);
        size_t ln = (size_t)(le - l);
        if (ln == 0 || semi == s.end || *semi != ';' || set_find(&labels, l, ln) >= 0) {
            continue;
        }
        int k = set_find(&left, l, ln);
        if (k < 0) {
            k = nexits;
            exit[nexits++] = arena_printf(a, "%.*s", (int)ln, l);
            set_add(&left, l, ln, k);
        }
        strbuf_append(out, copied, (size_t)(w - copied));
        strbuf_printf(out, "goto kx%d_;", k);
        copied = s.p = semi + 1;
    }
    strbuf_append(out, copied, (size_t)(text + len - copied));
    *exits = exit;
    return nexits;
}

void outline_entries(const char *text, size_t len, bool *target, int ntargets) {
    const char *end = text + len;
    Scan s = {text, text, end};
    while (s.p < end) {
        if (skip_noncode(&s)) {
            continue;
        }
        if (!(s.p[0] == 'g' && end - s.p > 6 && memcmp(s.p, "goto f", 6) == 0
              && (s.p == text || !ident_char(s.p[-1])))) {
            s.p++;
            continue;
        }
        const char *d = s.p + 6;
        int n = 0;
        while (d < end && *d >= '0' && *d <= '9' && n < ntargets) {
            n = n * 10 + (*d++ - '0');
        }
        if (d > s.p + 6 && d < end && *d == ';' && n < ntargets) {
            target[n] = true;
        }
        s.p = d;
    }
}
