// fuzz_frontend.c: libFuzzer target for the whole front end. Each input is treated as the bytes
// of a source file: decoded (BOM, coding declarations, UTF-8 validation), tokenized, parsed, and
// when it parses, dumped (to a memory stream) so the dumper's reprs are exercised too. Nothing
// may crash, leak, hang or grow without bound; diagnostics go to a null stream.
#include "frontend.h"

#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static FILE *sink;
    if (!sink) {
        sink = fopen("/dev/null", "w");
    }
    Arena arena;
    arena_init(&arena);
    Diag diag;
    diag_init(&diag, "fuzz.py", sink);
    Interner *in = intern_new(&arena);
    Source src;
    if (source_decode(&arena, &diag, (const char *)data, size, &src)) {
        diag_set_source(&diag, src.text, src.len);
        AstNode *mod = parse_module(&arena, in, &diag, &src);
        if (mod) {
            ast_dump(mod, sink);
        }
    }
    arena_free(&arena);
    return 0;
}
