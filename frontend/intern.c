// intern.c: interned strings. An open-addressing hash table of NUL-terminated copies in the
// compilation arena; intern() of equal bytes returns the same pointer, so names compare with ==.
#include "frontend.h"

#include <string.h>

typedef struct Slot {
    const char *str;
    size_t len;
    uint64_t hash;
} Slot;

struct Interner {
    Arena *arena;
    Slot *slots;
    size_t cap, count;  // 'cap' is a power of two; the table is at most half full
};

static uint64_t hash_bytes(const char *s, size_t len) {
    uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (size_t i = 0; i < len; i++) {
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    }
    return h;
}

Interner *intern_new(Arena *a) {
    Interner *in = arena_alloc(a, sizeof(Interner));
    in->arena = a;
    in->cap = 1024;
    in->slots = arena_alloc(a, in->cap * sizeof(Slot));
    return in;
}

static void grow(Interner *in) {
    size_t cap = in->cap * 2;
    Slot *slots = arena_alloc(in->arena, cap * sizeof(Slot));
    for (size_t i = 0; i < in->cap; i++) {
        Slot s = in->slots[i];
        if (!s.str) {
            continue;
        }
        size_t j = s.hash & (cap - 1);
        while (slots[j].str) {
            j = (j + 1) & (cap - 1);
        }
        slots[j] = s;
    }
    in->slots = slots;
    in->cap = cap;
}

Name intern(Interner *in, const char *s, size_t len) {
    uint64_t h = hash_bytes(s, len);
    size_t i = h & (in->cap - 1);
    while (in->slots[i].str) {
        Slot *slot = &in->slots[i];
        if (slot->hash == h && slot->len == len && memcmp(slot->str, s, len) == 0) {
            return slot->str;
        }
        i = (i + 1) & (in->cap - 1);
    }
    Slot *slot = &in->slots[i];
    slot->str = arena_strndup(in->arena, s, len);
    slot->len = len;
    slot->hash = h;
    if (++in->count * 2 > in->cap) {
        const char *str = slot->str;
        grow(in);
        return str;
    }
    return slot->str;
}

Name intern_cstr(Interner *in, const char *s) {
    return intern(in, s, strlen(s));
}
