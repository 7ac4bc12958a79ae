// unames.c: unicodedata.name() for errors='namereplace' (str.c). The table is the one the front
// end uses for \N{...} escapes (frontend/unicode_data.inc, about 1 MB), so this file is linked
// only into programs that need it: str.c refers to kr_unicode_char_name weakly, and the driver
// asks the linker for it (-u) when the generated C mentions "namereplace".
#include "krait.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../frontend/unicode_data.inc"
#include "unames_aliases.inc"

enum { SBASE = 0xAC00, LCOUNT = 19, VCOUNT = 21, TCOUNT = 28 };

static const char *const jamo_l[LCOUNT] = { "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S",
                                            "SS", "", "J", "JJ", "C", "K", "T", "P", "H" };
static const char *const jamo_v[VCOUNT] = { "A", "AE", "YA", "YAE", "EO", "E", "YEO",
                                            "YE", "O", "WA", "WAE", "OE", "YO", "U",
                                            "WEO", "WE", "WI", "YU", "EU", "YI", "I" };
static const char *const jamo_t[TCOUNT] = { "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG",
                                            "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS",
                                            "S", "SS", "NG", "J", "C", "K", "T", "P", "H" };

static int cmp_name(const void *key, const void *item) {
    return strcmp((const char *)key, *(const char *const *)item);
}

static bool is_alias(const char *name) {
    return bsearch(name, alias_names, sizeof alias_names / sizeof alias_names[0],
                   sizeof alias_names[0], cmp_name) != NULL;
}

const char *kr_unicode_char_name(uint32_t c, char *buf, size_t size) {
    if (c >= SBASE && c < SBASE + LCOUNT * VCOUNT * TCOUNT) {
        uint32_t s = c - SBASE;
        snprintf(buf, size, "HANGUL SYLLABLE %s%s%s", jamo_l[s / (VCOUNT * TCOUNT)],
                 jamo_v[s % (VCOUNT * TCOUNT) / TCOUNT], jamo_t[s % TCOUNT]);
        return buf;
    }
    for (size_t i = 0; i < sizeof cjk_unified_ranges / sizeof cjk_unified_ranges[0]; i++) {
        if (c >= cjk_unified_ranges[i][0] && c <= cjk_unified_ranges[i][1]) {
            snprintf(buf, size, "CJK UNIFIED IDEOGRAPH-%X", (unsigned)c);
            return buf;
        }
    }
    for (size_t i = 0; i < UNI_NAME_COUNT; i++) {
        const char *name = name_blob + name_entries[i].off;
        if (name_entries[i].cp == c && !is_alias(name)) {
            return name;
        }
    }
    return NULL;
}
