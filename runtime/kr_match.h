// kr_match.h: the runtime half of match statements (match.c), as CPython's MATCH_SEQUENCE,
// MATCH_MAPPING, GET_LEN, MATCH_KEYS and MATCH_CLASS. Included by krait.h.
#ifndef KRAIT_KR_MATCH_H
#define KRAIT_KR_MATCH_H

// Whether a sequence pattern may match 'v': list, tuple, range and their subclasses (not str,
// bytes or bytearray).
bool kr_match_sequence(kr_val v);
// Whether a mapping pattern may match 'v': dict and its subclasses.
bool kr_match_mapping(kr_val v);
// len(v) == n, or len(v) >= n when 'at_least': 1/0/-1.
KR_MUST_CHECK int kr_match_len(kr_val v, intptr_t n, bool at_least);
// The values of keys[0..n) in mapping 'map' (looked up as map.get does) as a tuple, None when a
// key is missing; ValueError for a duplicate key.
KR_MUST_CHECK kr_val kr_match_keys(kr_val map, const kr_val *keys, int n);
// A new dict of the items of 'map' without keys[0..n) (a mapping pattern's **rest).
KR_MUST_CHECK kr_val kr_match_rest(kr_val map, const kr_val *keys, int n);
// A class pattern cls(<npos positional>, kwnames[0]=..., ...): a tuple of the attributes to
// match the sub-patterns against, None when 'subject' is no instance or lacks an attribute.
// TypeError when 'cls' is no class or takes fewer positional sub-patterns.
KR_MUST_CHECK kr_val kr_match_class(kr_val subject, kr_val cls, int npos, const kr_val *kwnames,
                                    int nkw);

#endif
