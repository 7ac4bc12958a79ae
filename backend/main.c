// main.c: the krait command line (docs/cli.md). Dispatches to one function per subcommand.
// Exit status: 0 success, 1 a program error (syntax error, failed check), 2 bad usage.
#include "backend.h"

#include <stdlib.h>
#include <string.h>

#ifndef KRAIT_VERSION
#define KRAIT_VERSION "0.0.0"
#endif

static const char usage_text[] =
    "usage: krait <command> [options] FILE...\n"
    "\n"
    "commands:\n"
    "  parse FILE...             check the syntax of each file\n"
    "  parse --dump-ast FILE     print ast.dump(ast.parse(source)) as CPython 3.13 does\n"
    "  check FILE...             run the whole front end and report every error\n"
    "  check --dump-symtable FILE...  also print the symbol tables\n"
    "  tokenize FILE             print the tokens, one a line: kind, span, repr of the text\n"
    "  build FILE [-o OUT] [-O0|-O2|-O3] [-g] [--cc CC] [--keep-c DIR] [-Werror]\n"
    "        [--check-c] [-MD] [-MF DEPFILE]\n"
    "                            compile FILE to a native executable (--check-c: libclang\n"
    "                            first checks the generated C; a warning fails the build)\n"
    "  run FILE [ARGS...]        build into the cache (~/.cache/krait), then run with ARGS\n"
    "  emit-c FILE [-o DIR] [--check-c] [--list]\n"
    "                            write the generated C (to DIR/<module>.c, or stdout), one\n"
    "                            file per module; --list: print each module's C file and\n"
    "                            source, tab-separated, one a line\n"
    "  emit-ir FILE [--after PASS]  print the IR after PASS (lower, bound, errors,\n"
    "                            refcount, share, small; default: all)\n"
    "\n"
    "options:\n"
    "  --version                 print krait's version\n"
    "  --help                    print this help\n";

static int usage_error(const char *fmt, const char *arg) {
    fputs("krait: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n", stderr);
    fputs(usage_text, stderr);
    return 2;
}

// Reads and parses one file; prints the dump when asked. Returns whether it parsed.
static bool parse_one(const char *path, bool dump) {
    Arena arena;
    arena_init(&arena);
    Diag diag;
    diag_init(&diag, path, stderr);
    Interner *in = intern_new(&arena);
    Source src;
    bool ok = source_read(&arena, &diag, path, &src);
    if (ok) {
        diag_set_source(&diag, src.text, src.len);
        AstNode *mod = parse_module(&arena, in, &diag, &src);
        ok = mod != NULL;
        if (ok && dump) {
            ast_dump(mod, stdout);
            fputc('\n', stdout);
        }
    }
    arena_free(&arena);
    return ok;
}

// Runs 'fn' on every file argument of 'cmd' in one process; 'flag' is the command's one option,
// passed to 'fn' (with 'flag_one_file', it takes exactly one file). Exit status 1 if any fails.
static int for_each_file(const char *cmd, const char *flag, bool flag_one_file,
                         bool (*fn)(const char *path, bool flag), int argc, char **argv) {
    bool on = false;
    int nfiles = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], flag) == 0) {
            on = true;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "krait: unknown option '%s' for '%s'\n%s", argv[i], cmd, usage_text);
            return 2;
        } else {
            nfiles++;
        }
    }
    if (nfiles == 0 || (on && flag_one_file && nfiles != 1)) {
        fprintf(stderr, nfiles == 0 ? "krait: '%s' needs at least one file\n%s"
                                    : "krait: '%s %s' takes exactly one file\n%s",
                cmd, nfiles == 0 ? usage_text : flag, usage_text);
        return 2;
    }
    bool all_ok = true;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], flag) != 0) {
            all_ok &= fn(argv[i], on);
        }
    }
    fflush(stdout);
    return all_ok ? 0 : 1;
}

// Runs the front end (read, parse, symbol tables and compile()'s checks) on one file and every
// module beside it that it imports (modules.c); with 'dump', prints the file's symbol tables
// (scope_dump) to stdout. Returns whether no module had an error.
static bool check_one(const char *path, bool dump) {
    Arena arena;
    arena_init(&arena);
    IrProgram *p = modules_load(&arena, path, "main");
    bool ok = p != NULL;
    if (ok && dump) {
        scope_dump(p->units[0]->top, stdout);
    }
    arena_free(&arena);
    return ok;
}

// Appends Python's repr() of the UTF-8 text 's' to 'b'.
static void repr_text(StrBuf *b, const char *s, size_t len) {
    char quote = memchr(s, '\'', len) && !memchr(s, '"', len) ? '"' : '\'';
    strbuf_putc(b, quote);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int n = uni_decode_utf8(s + i, len - i, &cp);
        if (n == 0) {
            strbuf_printf(b, "\\x%02x", (unsigned char)s[i++]);
            continue;
        }
        if (cp == '\\' || cp == (uint32_t)quote) {
            strbuf_printf(b, "\\%c", (char)cp);
        } else if (cp == '\n' || cp == '\r' || cp == '\t') {
            strbuf_printf(b, "\\%c", cp == '\n' ? 'n' : cp == '\r' ? 'r' : 't');
        } else if (uni_is_printable(cp)) {
            strbuf_append(b, s + i, (size_t)n);
        } else {
            strbuf_printf(b, cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x", cp);
        }
        i += (size_t)n;
    }
    strbuf_putc(b, quote);
}

// krait tokenize FILE: the token stream, to compare with CPython's tokenize module.
static int cmd_tokenize(int argc, char **argv) {
    if (argc != 1) {
        return usage_error("%s", "'tokenize' takes exactly one file");
    }
    Arena arena;
    arena_init(&arena);
    Diag diag;
    diag_init(&diag, argv[0], stderr);
    Source src;
    bool ok = source_read(&arena, &diag, argv[0], &src);
    if (ok) {
        TokenArray toks;
        lex_tokenize(&arena, intern_new(&arena), src.text, src.len, &toks);
        StrBuf out;
        strbuf_init(&out, &arena);
        for (size_t i = 0; i < toks.count; i++) {
            const Token *t = &toks.items[i];
            strbuf_printf(&out, "%s %d:%d-%d:%d ", lex_token_name(t->kind), t->span.line,
                          t->span.col, t->span.end_line, t->span.end_col);
            repr_text(&out, t->text, t->len);
            strbuf_putc(&out, '\n');
            ok &= t->kind != TK_ERROR;
        }
        fwrite(out.data, 1, out.len, stdout);
    }
    arena_free(&arena);
    return ok ? 0 : 1;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fputs(usage_text, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--version") == 0) {
        printf("krait %s\n", KRAIT_VERSION);
        return 0;
    }
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (strcmp(cmd, "parse") == 0) {
        return for_each_file("parse", "--dump-ast", true, parse_one, argc - 2, argv + 2);
    }
    if (strcmp(cmd, "check") == 0) {
        return for_each_file("check", "--dump-symtable", false, check_one, argc - 2, argv + 2);
    }
    if (strcmp(cmd, "tokenize") == 0) {
        return cmd_tokenize(argc - 2, argv + 2);
    }
    if (strcmp(cmd, "build") == 0) {
        return driver_build(argc - 2, argv + 2, usage_text);
    }
    if (strcmp(cmd, "run") == 0) {
        return driver_run(argc - 2, argv + 2, usage_text);
    }
    if (strcmp(cmd, "emit-c") == 0) {
        return driver_emit_c(argc - 2, argv + 2, usage_text);
    }
    if (strcmp(cmd, "emit-ir") == 0) {
        return driver_emit_ir(argc - 2, argv + 2, usage_text);
    }
    if (strcmp(cmd, "check-c") == 0) {  // a developer command (docs/cli.md), not in the usage
        return driver_check_c(argc - 2, argv + 2, usage_text);
    }
    return usage_error("unknown command '%s'", cmd);
}
