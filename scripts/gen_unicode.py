#!/usr/bin/env python3.13
"""Generates frontend/unicode_data.inc from CPython 3.13's own Unicode database and codecs.

Run with CPython 3.13 (PYENV_VERSION=3.13.0 python3.13 scripts/gen_unicode.py): the tables must
be the ones CPython 3.13 uses, so every property is derived by asking this interpreter, never
from a data file.

Tables:
  identifier start/continue  chr(c).isidentifier() and ('a' + chr(c)).isidentifier()
  printable                  chr(c).isprintable()
  NFKC                       canonical combining classes, full compatibility decompositions
                             (Hangul syllables are algorithmic), primary composition pairs
  names for \\N{...}         unicodedata names and formal aliases (CJK unified ideographs and
                             Hangul syllables are algorithmic; named sequences are excluded)
  codecs                     the source encodings krait decodes (cp1252 and koi8-r tables) and
                             every codec name CPython knows, so an unsupported one is told apart
                             from an unknown one

Alias candidates come from Perl's unicore/Name.pl when present (CPython offers no way to list
aliases); each candidate is kept only if unicodedata.lookup() accepts it as a single character.
"""
import codecs
import encodings
import encodings.aliases
import os
import pkgutil
import sys
import unicodedata

MAX = 0x110000
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "frontend", "unicode_data.inc")
PERL_NAMES = ["/usr/share/perl/5.36.0/unicore/Name.pl"]


def ranges(pred):
    out = []
    start = None
    for c in range(MAX):
        if pred(c):
            if start is None:
                start = c
        elif start is not None:
            out.append((start, c - 1))
            start = None
    if start is not None:
        out.append((start, MAX - 1))
    return out


def is_surrogate(c):
    return 0xD800 <= c <= 0xDFFF


def emit_ranges(w, name, rs):
    w(f"static const uint32_t {name}[][2] = {{\n")
    for i in range(0, len(rs), 4):
        w("    " + " ".join(f"{{0x{a:X}, 0x{b:X}}}," for a, b in rs[i:i + 4]) + "\n")
    w("};\n\n")


def gen_properties(w):
    start = ranges(lambda c: not is_surrogate(c) and chr(c).isidentifier())
    cont = ranges(lambda c: not is_surrogate(c) and ("a" + chr(c)).isidentifier())
    printable = ranges(lambda c: chr(c).isprintable())
    emit_ranges(w, "xid_start_ranges", start)
    emit_ranges(w, "xid_continue_ranges", cont)
    emit_ranges(w, "printable_ranges", printable)


def is_hangul_syllable(c):
    return 0xAC00 <= c <= 0xD7A3


def gen_nfkc(w):
    ccc = []
    cur = None
    for c in range(MAX):
        k = unicodedata.combining(chr(c)) if not is_surrogate(c) else 0
        if cur and k == cur[2] and c == cur[1] + 1:
            cur[1] = c
            continue
        if cur:
            ccc.append(tuple(cur))
            cur = None
        if k:
            cur = [c, c, k]
    if cur:
        ccc.append(tuple(cur))
    w("static const struct CccRange { uint32_t lo, hi; uint8_t ccc; } ccc_ranges[] = {\n")
    for i in range(0, len(ccc), 4):
        w("    " + " ".join(f"{{0x{a:X}, 0x{b:X}, {k}}}," for a, b, k in ccc[i:i + 4]) + "\n")
    w("};\n\n")

    # Full compatibility decomposition of each character (unicodedata.normalize of one character
    # already applies the mappings recursively and orders the marks).
    pool = []
    index = []
    for c in range(MAX):
        if is_surrogate(c) or is_hangul_syllable(c):
            continue
        d = unicodedata.normalize("NFKD", chr(c))
        if d != chr(c):
            index.append((c, len(pool), len(d)))
            pool.extend(ord(x) for x in d)
    assert len(pool) < 65536 and max(n for _, _, n in index) < 256
    w("static const struct Decomp { uint32_t cp; uint16_t off; uint8_t len; } decomp_index[] = {\n")
    for i in range(0, len(index), 4):
        w("    " + " ".join(f"{{0x{c:X}, {o}, {n}}}," for c, o, n in index[i:i + 4]) + "\n")
    w("};\n\n")
    w("static const uint32_t decomp_pool[] = {\n")
    for i in range(0, len(pool), 10):
        w("    " + " ".join(f"0x{x:X}," for x in pool[i:i + 10]) + "\n")
    w("};\n\n")

    # Primary composites: canonical pairs that NFC recomposes.
    pairs = []
    for c in range(MAX):
        if is_surrogate(c) or is_hangul_syllable(c):
            continue
        dec = unicodedata.decomposition(chr(c))
        if not dec or dec.startswith("<"):
            continue
        parts = [int(x, 16) for x in dec.split()]
        if len(parts) != 2:
            continue
        if unicodedata.normalize("NFC", chr(parts[0]) + chr(parts[1])) == chr(c):
            pairs.append((parts[0], parts[1], c))
    pairs.sort()
    w("static const struct CompPair { uint32_t first, second, composite; } comp_pairs[] = {\n")
    for i in range(0, len(pairs), 3):
        w("    " + " ".join(f"{{0x{a:X}, 0x{b:X}, 0x{c:X}}}," for a, b, c in pairs[i:i + 3]) + "\n")
    w("};\n\n")


def alias_candidates():
    paths = [p for p in PERL_NAMES if os.path.exists(p)]
    if not paths:
        sys.exit("gen_unicode.py: no list of alias candidates (" + ", ".join(PERL_NAMES) + ")")
    names = set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f.read().split("\n"):
                # Name.pl alternates code point lines ("0000A") with name lines.
                is_code = all(c in "0123456789ABCDEF " for c in line)
                if line and not line.startswith("#") and not is_code:
                    names.add(line.strip().upper())
    return names


def is_alias(name, entries):
    """Whether \\N{name} gives one character that the name table does not already give."""
    if name in entries or name.startswith(("CJK UNIFIED IDEOGRAPH-", "HANGUL SYLLABLE ")):
        return False
    try:
        return len(unicodedata.lookup(name)) == 1 and len(eval('"\\N{' + name + '}"')) == 1
    except (KeyError, SyntaxError):
        return False


def emit_blob(w, names):
    """The names, sorted, in one string separated by NULs; returns their offsets."""
    offsets = []
    pos = 0
    line = ""
    w("static const char name_blob[] =\n")
    for n in names:
        # After a "\0" escape, a name must not start with an octal digit.
        assert n[0].isalpha() and all(ch.isalnum() or ch in " -()" for ch in n), n
        offsets.append(pos)
        pos += len(n) + 1
        if len(line) + len(n) + 2 > 92:
            w(f'    "{line}"\n')
            line = ""
        line += n + "\\0"
    w(f'    "{line}";\n\n')
    return offsets


def gen_names(w):
    entries = {}
    cjk = []
    for c in range(MAX):
        n = unicodedata.name(chr(c), None)
        if n is None or n.startswith("HANGUL SYLLABLE "):
            continue
        if n.startswith("CJK UNIFIED IDEOGRAPH-"):
            cjk.append(c)
        else:
            entries[n] = c
    aliases = [n for n in sorted(alias_candidates()) if is_alias(n, entries)]
    for n in aliases:
        entries[n] = ord(unicodedata.lookup(n))
    names = sorted(entries)
    maxlen = max(len(n) for n in names)
    w(f"// {len(names)} names, {len(aliases)} of them formal aliases; the longest has {maxlen} "
      "characters.\n")
    w(f"enum {{ UNI_NAME_COUNT = {len(names)}, UNI_NAME_MAX = {maxlen} }};\n")
    offsets = emit_blob(w, names)
    w("static const struct NameEntry { uint32_t off, cp; } name_entries[] = {\n")
    for i in range(0, len(names), 5):
        row = names[i:i + 5]
        w("    " + " ".join(f"{{{offsets[i + k]}, 0x{entries[n]:X}}}," for k, n in enumerate(row)))
        w("\n")
    w("};\n\n")
    emit_ranges(w, "cjk_unified_ranges", ranges_of(cjk))


def ranges_of(cps):
    out = []
    for c in cps:
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return [tuple(r) for r in out]


def normalize_codec_name(name):
    # What codecs.lookup does to a name before finding the codec: lower case, spaces and hyphens
    # to underscores, then encodings.normalize_encoding.
    return encodings.normalize_encoding(name.lower().replace(" ", "_").replace("-", "_"))


SUPPORTED = {"utf_8": "CODEC_UTF8", "latin_1": "CODEC_LATIN1", "cp1252": "CODEC_CP1252",
             "koi8_r": "CODEC_KOI8_R", "ascii": "CODEC_ASCII"}


def gen_codecs(w):
    w("#ifdef UNICODE_DATA_CODECS\n")
    for mod, table in (("cp1252", "cp1252_table"), ("koi8_r", "koi8_r_table")):
        vals = []
        for b in range(128, 256):
            try:
                vals.append(ord(bytes([b]).decode(mod)))
            except UnicodeDecodeError:
                vals.append(0xFFFF)
        w(f"static const uint16_t {table}[128] = {{\n")
        for i in range(0, 128, 8):
            w("    " + " ".join(f"0x{v:04X}," for v in vals[i:i + 8]) + "\n")
        w("};\n\n")

    known = {}
    modules = {m.name for m in pkgutil.iter_modules(encodings.__path__)}
    for mod in sorted(modules):
        try:
            info = codecs.lookup(mod)
        except LookupError:
            continue
        if not getattr(info, "_is_text_encoding", True):
            continue
        known[mod] = mod
    for alias, mod in encodings.aliases.aliases.items():
        # A mixed-case alias can never match a normalized name, so it is left out.
        if mod in known and normalize_codec_name(alias) == alias:
            known[alias] = mod
    w("enum { CODEC_UNSUPPORTED, CODEC_UTF8, CODEC_LATIN1, CODEC_CP1252, CODEC_KOI8_R, "
      "CODEC_ASCII };\n\n")
    w("// Every codec name CPython 3.13 resolves (after codecs.lookup's normalization), with the\n")
    w("// codec krait decodes it with, or CODEC_UNSUPPORTED.\n")
    w("static const struct CodecName { const char *name; int codec; } codec_names[] = {\n")
    for name in sorted(known):
        assert normalize_codec_name(name) == name, name
        w(f'    {{"{name}", {SUPPORTED.get(known[name], "CODEC_UNSUPPORTED")}}},\n')
    w("};\n")
    w("#endif\n")


def main():
    if sys.version_info[:2] != (3, 13):
        sys.exit("gen_unicode.py must run under CPython 3.13")
    chunks = []
    w = chunks.append
    w("// unicode_data.inc: generated by scripts/gen_unicode.py from CPython "
      f"{sys.version.split()[0]}'s unicodedata\n// (Unicode {unicodedata.unidata_version}). "
      "Do not edit.\n\n")
    w("#ifndef UNICODE_DATA_CODECS\n")
    gen_properties(w)
    gen_nfkc(w)
    gen_names(w)
    w("#endif\n\n")
    gen_codecs(w)
    with open(OUT, "w", encoding="ascii") as f:
        f.write("".join(chunks))


if __name__ == "__main__":
    main()
