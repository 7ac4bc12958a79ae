// ccheck.c: the libclang check of generated C (`krait build --check-c`, docs/cli.md).
// Input: the C text krait generated, its file name and the flags of the real compile. It parses
// the text in process with libclang, from memory (an unsaved file, so nothing is read back from
// disk), with -std=c11 -Wall -Wextra and the runtime's include directory, and prints every
// diagnostic of severity warning or above as a krait bug. Generated C must compile without a
// single warning (docs/design.md §6), so any diagnostic fails the check.
// Locations are presumed locations: through the emitter's #line directives they name the .py
// file and line, as the C compiler's own messages do.
#include "backend.h"

#include <clang-c/Index.h>

#include <stdlib.h>
#include <string.h>

enum { CCHECK_MAX_ARGS = 32 };

// The compile flags: the fixed ones, 'include_arg' (-I...; NULL: none), then 'extra' (NULL and
// empty entries are skipped).
static int build_args(const char **args, const char *include_arg, const char *const *extra,
                      int nextra) {
    int n = 0;
    args[n++] = "-std=c11";
    args[n++] = "-Wall";
    args[n++] = "-Wextra";
    if (include_arg) {
        args[n++] = include_arg;
    }
    for (int i = 0; i < nextra && n < CCHECK_MAX_ARGS; i++) {
        if (extra[i] && extra[i][0] != '\0') {
            args[n++] = extra[i];
        }
    }
    return n;
}

// Prints one diagnostic as "krait: error: generated C: file:line:col: message [-Wflag] (a krait
// bug)".
static void report(CXDiagnostic diag) {
    CXString file;
    unsigned line = 0, col = 0;
    clang_getPresumedLocation(clang_getDiagnosticLocation(diag), &file, &line, &col);
    CXString msg = clang_getDiagnosticSpelling(diag);
    CXString flag = clang_getDiagnosticOption(diag, NULL);
    const char *f = clang_getCString(flag);
    fprintf(stderr, "krait: error: generated C: %s:%u:%u: %s%s%s%s (a krait bug)\n",
            clang_getCString(file), line, col, clang_getCString(msg), f && *f ? " [" : "",
            f && *f ? f : "", f && *f ? "]" : "");
    clang_disposeString(flag);
    clang_disposeString(msg);
    clang_disposeString(file);
}

// Reports the diagnostics of 'tu' of severity warning or above; returns how many there were.
static unsigned report_all(CXTranslationUnit tu) {
    unsigned bad = 0;
    unsigned n = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic diag = clang_getDiagnostic(tu, i);
        if (clang_getDiagnosticSeverity(diag) >= CXDiagnostic_Warning) {
            report(diag);
            bad++;
        }
        clang_disposeDiagnostic(diag);
    }
    return bad;
}

bool ccheck_source(const char *path, const char *c_text, size_t len, const char *include_dir,
                   const char *const *extra_flags, int nextra) {
    char *include_arg = NULL;
    if (include_dir && include_dir[0] != '\0') {
        size_t size = strlen(include_dir) + 3;
        include_arg = malloc(size);
        if (!include_arg) {
            fputs("krait: error: out of memory\n", stderr);
            return false;
        }
        snprintf(include_arg, size, "-I%s", include_dir);
    }
    const char *args[CCHECK_MAX_ARGS];
    int nargs = build_args(args, include_arg, extra_flags, nextra);
    struct CXUnsavedFile unsaved = {path, c_text, (unsigned long)len};
    CXIndex index = clang_createIndex(0, 0);
    CXTranslationUnit tu = NULL;
    enum CXErrorCode err = clang_parseTranslationUnit2(index, path, args, nargs, &unsaved, 1,
                                                       CXTranslationUnit_None, &tu);
    bool ok = err == CXError_Success && tu;
    if (!ok) {
        fprintf(stderr, "krait: error: generated C: libclang could not parse '%s' (error %d)\n",
                path, (int)err);
    } else {
        ok = report_all(tu) == 0;
    }
    if (tu) {
        clang_disposeTranslationUnit(tu);
    }
    clang_disposeIndex(index);
    free(include_arg);
    return ok;
}
