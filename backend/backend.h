// backend.h: the backend's interface — the C emitter, the driver behind the build, run, emit-c
// and emit-ir commands, and the libclang check of generated C. main.c includes this header; it
// includes only ir.h.
#ifndef KRAIT_BACKEND_H
#define KRAIT_BACKEND_H

#include "ir.h"

// emit.c -----------------------------------------------------------------------------------------
// Appends the C translation unit of 'm' (after all passes) to 'out'.

void emit_module(const IrModule *m, StrBuf *out);
// The same C as up to 'max_parts' translation units, so that they compile in parallel: as
// many as there are 'min_part' bytes of functions (at least one). The first part holds the
// module's data, its boxed entries and main() (the script) or its kr_module_def (another
// module); the functions are spread to even the sizes.
// Appends part i to 'parts[i]' (initialised by the caller); returns the number of parts.
int emit_module_parts(const IrModule *m, int max_parts, size_t min_part, StrBuf *parts);

// outline.c --------------------------------------------------------------------------------------
// The C text of a loop's cached version, read to move it into a function of its own (emit.c).
// Copies 'text' (NUL-terminated, 'len' bytes) to 'out', rewriting each `goto L;` whose label L
// the text does not define (an identifier at the start of a line, then ':') into
// `goto kxN_;`, N numbering those labels from 0 in order of first use; points
// '*exits' at them and returns their count, or -1 when the text has a `return`. Marks in
// 'used' each of the 'nnames' identifiers 'names' that the text uses.

int outline_text(Arena *a, const char *text, size_t len, const char *const *names, int nnames,
                 bool *used, StrBuf *out, const char ***exits);
// Marks target[N] for each `goto f<N>;` in 'text' (N below 'ntargets').
void outline_entries(const char *text, size_t len, bool *target, int ntargets);

// modules.c --------------------------------------------------------------------------------------
// The program of script 'script': it and every module beside it that it imports, directly or not,
// each read, parsed and checked (units[0] is the script, whose C name is 'cname'). NULL after
// reporting errors (every module is still checked, so one run reports them all).

IrProgram *modules_load(Arena *a, const char *script, const char *cname);

// driver.c ---------------------------------------------------------------------------------------
// The subcommands (docs/cli.md). Each takes the arguments after the command name and returns the
// process exit status: 0 success, 1 a program error, 2 bad usage. 'usage' is krait's usage text.

int driver_build(int argc, char **argv, const char *usage);
int driver_run(int argc, char **argv, const char *usage);
int driver_emit_c(int argc, char **argv, const char *usage);
int driver_emit_ir(int argc, char **argv, const char *usage);
// krait check-c FILE.c: a developer command, not in the usage text: only the libclang check.
int driver_check_c(int argc, char **argv, const char *usage);

// ccheck.c --------------------------------------------------------------------------------------
// Parses the C text 'c_text' (as file 'path', read from memory) with libclang and the flags of the
// real compile: -std=c11 -Wall -Wextra -I'include_dir' and 'extra_flags' (NULL or empty entries
// skipped). Prints every diagnostic of severity warning or above as
// "krait: error: generated C: file:line:col: message (a krait bug)"; returns whether there was none.

bool ccheck_source(const char *path, const char *c_text, size_t len, const char *include_dir,
                   const char *const *extra_flags, int nextra);

#endif
