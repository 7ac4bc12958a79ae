// arena.c: bump allocation for compiler memory. An arena is a list of chunks; allocations are
// 16-byte aligned, zeroed, and live until arena_free. Large requests get a chunk of their own, so
// a 100 MB source file costs one allocation, not a doubling series. Also StrBuf, a growable
// buffer whose storage comes from an arena.
#include "frontend.h"

#include <stdlib.h>
#include <string.h>

enum { CHUNK_SIZE = 64 * 1024, ALIGN = 16 };

struct ArenaChunk {
    ArenaChunk *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
};

static ArenaChunk *chunk_new(size_t size) {
    ArenaChunk *c = malloc(sizeof(ArenaChunk) + size);
    if (!c) {
        fprintf(stderr, "krait: out of memory (requested %zu bytes)\n", size);
        exit(3);
    }
    c->next = NULL;
    c->used = 0;
    c->size = size;
    return c;
}

void arena_init(Arena *a) {
    a->head = NULL;
    a->total = 0;
}

void arena_free(Arena *a) {
    ArenaChunk *c = a->head;
    while (c) {
        ArenaChunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
    a->total = 0;
}

void *arena_alloc(Arena *a, size_t size) {
    size = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    ArenaChunk *c = a->head;
    if (!c || c->size - c->used < size) {
        if (size > CHUNK_SIZE / 4) {
            // A big block gets its own chunk behind the current one, which stays in use.
            ArenaChunk *big = chunk_new(size);
            big->used = size;
            if (c) {
                big->next = c->next;
                c->next = big;
            } else {
                a->head = big;
            }
            a->total += size;
            memset(big->data, 0, size);
            return big->data;
        }
        c = chunk_new(CHUNK_SIZE);
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += size;
    a->total += size;
    memset(p, 0, size);
    return p;
}

void *arena_realloc(Arena *a, void *old, size_t old_size, size_t new_size) {
    if (new_size <= old_size) {
        return old;
    }
    void *p = arena_alloc(a, new_size);
    if (old_size) {
        memcpy(p, old, old_size);
    }
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t len) {
    char *p = arena_alloc(a, len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *arena_printf(Arena *a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = arena_alloc(a, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

void strbuf_init(StrBuf *b, Arena *a) {
    b->arena = a;
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

static void strbuf_reserve(StrBuf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) {
        return;
    }
    size_t cap = b->cap ? b->cap * 2 : 64;
    while (cap < b->len + extra + 1) {
        cap *= 2;
    }
    b->data = arena_realloc(b->arena, b->data, b->len, cap);
    b->cap = cap;
}

void strbuf_append(StrBuf *b, const char *s, size_t len) {
    strbuf_reserve(b, len);
    memcpy(b->data + b->len, s, len);
    b->len += len;
}

void strbuf_putc(StrBuf *b, char c) {
    strbuf_reserve(b, 1);
    b->data[b->len++] = c;
}

void strbuf_printf(StrBuf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    strbuf_reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    b->len += (size_t)n;
}

const char *strbuf_cstr(StrBuf *b) {
    strbuf_reserve(b, 0);
    b->data[b->len] = '\0';
    return b->data;
}
