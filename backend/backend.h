// backend.h: the backend's interface — the C emitter and the driver behind the build, run,
// emit-c and emit-ir commands. main.c includes this header; it includes only ir.h.
#ifndef KRAIT_BACKEND_H
#define KRAIT_BACKEND_H

#include "ir.h"

// emit.c -----------------------------------------------------------------------------------------
// Appends the C translation unit of 'm' (after all passes) to 'out'.

void emit_module(const IrModule *m, StrBuf *out);

// driver.c ---------------------------------------------------------------------------------------
// The subcommands (docs/cli.md). Each takes the arguments after the command name and returns the
// process exit status: 0 success, 1 a program error, 2 bad usage. 'usage' is krait's usage text.

int driver_build(int argc, char **argv, const char *usage);
int driver_run(int argc, char **argv, const char *usage);
int driver_emit_c(int argc, char **argv, const char *usage);
int driver_emit_ir(int argc, char **argv, const char *usage);

#endif
