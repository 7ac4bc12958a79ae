// driver.c: the commands that compile Python (docs/cli.md): build, run, emit-c, emit-ir.
// Input: a .py file and options. It runs the front end, the middle (ir_compile) and the emitter,
// writes the C, and runs the C compiler with posix_spawn and an argument vector (never a shell),
// linking the runtime (libkrait_rt.a, Boehm GC, GMP, libm). A module with much C is written as
// several translation units (emit_module_parts) that up to one cc per online CPU compile at once
// before one link; the modules of a program go through the same step.
//
// The runtime is found, in order: $KRAIT_RUNTIME_LIB / $KRAIT_RUNTIME_INCLUDE; the install
// layout next to the krait executable (../lib/libkrait_rt.a, ../include/krait/krait.h); the
// build tree krait was built in (compile definitions from backend/CMakeLists.txt).
// With --check-c, the C is first parsed in process by libclang with the same flags (ccheck.c), and
// any warning fails the build. `krait check-c FILE.c` (a developer command) runs only that check.
// `krait run` caches executables under $XDG_CACHE_HOME/krait (or ~/.cache/krait), keyed by a
// hash of the source, krait's version, the options, the C compiler and the runtime library.
// `krait build -MD` also writes a make dependency file (docs/integration.md).
#include "backend.h"

#include <errno.h>
#include <limits.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#ifndef KRAIT_VERSION
#define KRAIT_VERSION "0.0.0"
#endif
#ifndef KRAIT_BUILD_RUNTIME_LIB
#define KRAIT_BUILD_RUNTIME_LIB ""
#endif
#ifndef KRAIT_BUILD_RUNTIME_INCLUDE
#define KRAIT_BUILD_RUNTIME_INCLUDE ""
#endif
// Flags the build-tree runtime needs in every program it links into (sanitizer builds).
#ifndef KRAIT_BUILD_RUNTIME_CFLAGS
#define KRAIT_BUILD_RUNTIME_CFLAGS ""
#endif
#ifndef KRAIT_DEFAULT_CC
#define KRAIT_DEFAULT_CC "cc"
#endif

typedef struct Options {
    const char *input;
    const char *output;   // -o
    const char *opt;      // -O0 .. -O3, -Os
    const char *cc;       // --cc, $CC, or "cc"
    const char *keep_c;   // --keep-c DIR
    const char *after;    // emit-ir --after PASS
    const char *depfile;  // -MF FILE (implies -MD)
    bool md;              // -MD: build also writes a make dependency file
    bool debug;           // -g
    bool werror;          // -Werror: warnings in the generated C fail the build
    bool check_c;         // --check-c: libclang checks the generated C before cc runs
    bool list;            // emit-c --list: only the C files and sources of the program
    int rest;             // run: index of the program's first argument
} Options;

typedef struct RuntimePaths {
    const char *lib;
    const char *include;
} RuntimePaths;

static int usage_error(const char *usage, const char *fmt, const char *arg) {
    fputs("krait: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n", stderr);
    fputs(usage, stderr);
    return 2;
}

static void error(const char *fmt, const char *arg) {
    fputs("krait: error: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n", stderr);
}

// ---------------------------------------------------------------------------------------------
// Options

static bool takes_value(const char *a) {
    return strcmp(a, "-o") == 0 || strcmp(a, "--cc") == 0 || strcmp(a, "--keep-c") == 0
           || strcmp(a, "--after") == 0 || strcmp(a, "-MF") == 0;
}

static void set_value(Options *o, const char *flag, const char *v) {
    if (strcmp(flag, "-o") == 0) {
        o->output = v;
    } else if (strcmp(flag, "--cc") == 0) {
        o->cc = v;
    } else if (strcmp(flag, "--keep-c") == 0) {
        o->keep_c = v;
    } else if (strcmp(flag, "-MF") == 0) {
        o->depfile = v;
    } else {
        o->after = v;
    }
}

static bool is_opt_level(const char *a) {
    return strcmp(a, "-O0") == 0 || strcmp(a, "-O1") == 0 || strcmp(a, "-O2") == 0
           || strcmp(a, "-O3") == 0 || strcmp(a, "-Os") == 0;
}

// Parses options and one input file. With 'stop_at_input' (run), the arguments after the file
// belong to the program. Returns false after printing a usage error ('*status' = 2).
static bool parse_options(int argc, char **argv, bool stop_at_input, const char *usage,
                          Options *o, int *status) {
    memset(o, 0, sizeof *o);
    o->opt = "-O2";
    o->cc = getenv("CC") && *getenv("CC") ? getenv("CC") : KRAIT_DEFAULT_CC;
    o->rest = argc;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (takes_value(a) && i + 1 < argc) {
            set_value(o, a, argv[++i]);
        } else if (is_opt_level(a)) {
            o->opt = a;
        } else if (strcmp(a, "-g") == 0) {
            o->debug = true;
        } else if (strcmp(a, "-MD") == 0) {
            o->md = true;
        } else if (strcmp(a, "-Werror") == 0) {
            o->werror = true;
        } else if (strcmp(a, "--check-c") == 0) {
            o->check_c = true;
        } else if (strcmp(a, "--list") == 0) {
            o->list = true;
        } else if (a[0] == '-' && a[1] != '\0') {
            *status = usage_error(usage, "unknown or incomplete option '%s'", a);
            return false;
        } else if (o->input) {
            *status = usage_error(usage, "unexpected argument '%s'", a);
            return false;
        } else {
            o->input = a;
            if (stop_at_input) {
                o->rest = i + 1;
                break;
            }
        }
    }
    if (!o->input) {
        *status = usage_error(usage, "%s", "a Python file is required");
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Compiling Python to C

// The module name: the file's base name without ".py", as a C identifier.
static const char *module_name(Arena *a, const char *path) {
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t n = strlen(base);
    if (n > 3 && strcmp(base + n - 3, ".py") == 0) {
        n -= 3;
    }
    char *s = arena_strndup(a, base, n);
    for (char *p = s; *p; p++) {
        bool ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9');
        *p = ok ? *p : '_';
    }
    return (*s >= '0' && *s <= '9') || !*s ? arena_printf(a, "m_%s", s) : s;
}

// Front end and middle: the program of 'path' (its modules, modules.c) and the IR of each
// module after the passes up to 'after' (NULL: all), in the order of p->units. Every module is
// compiled even after one fails, so that one run reports every error.
static IrModule **compile_ir(Arena *a, const char *path, const char *after, IrProgram **prog) {
    IrProgram *p = modules_load(a, path, module_name(a, path));
    if (!p) {
        return NULL;
    }
    IrModule **mods = arena_alloc(a, sizeof(IrModule *) * (size_t)p->nunits);
    bool ok = true;
    for (int i = 0; i < p->nunits; i++) {
        mods[i] = ir_compile(p, p->units[i], after);
        ok &= mods[i] != NULL;
    }
    *prog = p;
    return ok ? mods : NULL;
}

// The C files of a program: one per module (DESIGN §6), named <cname>.c.
typedef struct CFiles {
    IrProgram *p;
    StrBuf *text;  // per unit
} CFiles;

static bool compile_c(Arena *a, const char *path, CFiles *out) {
    IrModule **mods = compile_ir(a, path, NULL, &out->p);
    if (!mods) {
        return false;
    }
    out->text = arena_alloc(a, sizeof(StrBuf) * (size_t)out->p->nunits);
    for (int i = 0; i < out->p->nunits; i++) {
        strbuf_init(&out->text[i], a);
        emit_module(mods[i], &out->text[i]);
    }
    return true;
}

static bool write_file(const char *path, const char *data, size_t len) {
    FILE *f = fopen(path, "wb");
    bool ok = f && fwrite(data, 1, len, f) == len;
    ok = f && fclose(f) == 0 && ok;
    if (!ok) {
        error("cannot write '%s'", path);
    }
    return ok;
}

// ---------------------------------------------------------------------------------------------
// The runtime and the C compiler

static bool file_exists(const char *path) {
    struct stat st;
    return stat(path, &st) == 0;
}

static RuntimePaths runtime_paths(Arena *a) {
    RuntimePaths rt = {getenv("KRAIT_RUNTIME_LIB"), getenv("KRAIT_RUNTIME_INCLUDE")};
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        *slash = '\0';
        const char *lib = arena_printf(a, "%s/../lib/libkrait_rt.a", exe);
        const char *inc = arena_printf(a, "%s/../include/krait", exe);
        if (file_exists(lib) && file_exists(arena_printf(a, "%s/krait.h", inc))) {
            rt.lib = rt.lib ? rt.lib : lib;
            rt.include = rt.include ? rt.include : inc;
        }
    }
    rt.lib = rt.lib ? rt.lib : KRAIT_BUILD_RUNTIME_LIB;
    rt.include = rt.include ? rt.include : KRAIT_BUILD_RUNTIME_INCLUDE;
    return rt;
}

// Runs 'argv' and waits; returns its exit status (-1 when it could not start).
static int spawn_wait(char **argv) {
    pid_t pid;
    int err = posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ);
    if (err != 0) {
        fprintf(stderr, "krait: error: cannot run '%s': %s\n", argv[0], strerror(err));
        return -1;
    }
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            return -1;
        }
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The flags the runtime needs in every program it links into (sanitizer builds), or NULL.
static const char *runtime_cflags(RuntimePaths rt) {
    const char *rt_cflags = KRAIT_BUILD_RUNTIME_CFLAGS;
    bool build_tree = strcmp(rt.lib, KRAIT_BUILD_RUNTIME_LIB) == 0;
    return rt_cflags[0] != '\0' && build_tree ? rt_cflags : NULL;
}

// The generated code's own consistency checks (a reference count falling below zero stops the
// program) are on exactly when the runtime's are: in a Debug build of krait and its runtime,
// which the sanitizer tests use. Otherwise they cost every release a branch and gcc about a
// tenth of its time on a program (bench/build).
#ifdef NDEBUG
static const char *const checks_flag = "-DNDEBUG";
#else
static const char *const checks_flag = NULL;
#endif

// The libclang check of the C text of 'cfile', with the flags cc_flags passes that change what is
// parsed: the optimisation level (__OPTIMIZE__) and the runtime's flags.
static bool check_c(Arena *a, const Options *o, const char *cfile, const char *text, size_t len) {
    RuntimePaths rt = runtime_paths(a);
    const char *extra[] = {o->opt, runtime_cflags(rt), checks_flag};
    return ccheck_source(cfile, text, len, rt.include, extra, 3);
}

// Appends the compile flags to 'argv' at 'n' (the C compiler first); returns the new count.
static int cc_flags(Arena *a, const Options *o, RuntimePaths rt, const char **argv, int n) {
    argv[n++] = o->cc;
    argv[n++] = "-std=c11";
    argv[n++] = o->opt;
    // The generated code never reads errno (math errors are raised by the runtime's
    // functions): sqrt is then the bare instruction, without gcc's test and call for errno.
    argv[n++] = "-fno-math-errno";
    if (o->debug) {
        argv[n++] = "-g";
    }
    argv[n++] = "-Wall";
    argv[n++] = "-Wextra";
    if (o->werror) {
        argv[n++] = "-Werror";
    }
    argv[n++] = arena_printf(a, "-I%s", rt.include);
    if (checks_flag) {
        argv[n++] = checks_flag;
    }
    if (strcmp(o->opt, "-O3") == 0) {
        argv[n++] = "-DKR_OPT_FULL";  // every function with all of -O3 (KGM_LITE is empty)
    }
    if (runtime_cflags(rt)) {
        argv[n++] = runtime_cflags(rt);
    }
    return n;
}

// Whether gold (ld.gold, part of binutils) is on PATH: it links a program about a third
// faster than the default ld.bfd (0.07 against 0.10 s for bench/build's program).
static bool has_gold(void) {
    const char *path = getenv("PATH");
    while (path && *path) {
        const char *end = strchr(path, ':');
        size_t len = end ? (size_t)(end - path) : strlen(path);
        char file[PATH_MAX];
        if (len > 0 && len + sizeof "/ld.gold" <= sizeof file) {
            memcpy(file, path, len);
            memcpy(file + len, "/ld.gold", sizeof "/ld.gold");
            if (access(file, X_OK) == 0) {
                return true;
            }
        }
        path = end ? end + 1 : NULL;
    }
    return false;
}

// Appends what links a program with the runtime to 'argv' at 'n' (after the inputs), and the
// terminating NULL; returns the new count. 'unames': the program's C mentions "namereplace", so
// the runtime's Unicode name table (runtime/unames.c, weakly referenced) is linked in.
static int link_flags(const Options *o, RuntimePaths rt, bool unames, const char **argv, int n) {
    // A position-dependent executable: the dynamic loader has no relocations to apply to it,
    // which makes start-up shorter and the file smaller.
    argv[n++] = "-no-pie";
    if (has_gold()) {
        argv[n++] = "-fuse-ld=gold";
    }
    if (unames) {
        argv[n++] = "-Wl,-u,kr_unicode_char_name";
    }
    argv[n++] = rt.lib;
    if (!o->debug) {
        // Unused runtime code and the runtime's debug information stay out of the executable.
        argv[n++] = "-s";
        argv[n++] = "-Wl,--gc-sections";
    }
    argv[n++] = "-lgc";
    argv[n++] = "-lgmp";
    argv[n++] = "-lm";
    argv[n++] = "-pthread";
    argv[n] = NULL;
    return n;
}

static void cc_failed(const Options *o) {
    error("the C compiler failed on the code krait generated for '%s' (a krait bug)", o->input);
}

// How many C compilers run at once, and so how many parts a large module is split into at
// most: $KRAIT_JOBS, else the number of online processors.
static int cc_jobs(void) {
    const char *env = getenv("KRAIT_JOBS");
    long n = env && *env ? strtol(env, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

// Runs `cc -c` on each of 'cfiles' (into 'ofiles'), up to cc_jobs() at once, starting the next
// as soon as any finishes; waits for all. After a failure no more are started.
static bool compile_objects(Arena *a, const Options *o, const char *const *cfiles,
                            const char *const *ofiles, int n) {
    RuntimePaths rt = runtime_paths(a);
    int running = 0, next = 0, jobs = cc_jobs();
    bool ok = true;
    while (next < n || running > 0) {
        if (next < n && running < jobs && ok) {
            const char *argv[32];
            int k = cc_flags(a, o, rt, argv, 0);
            argv[k++] = "-c";
            argv[k++] = cfiles[next];
            argv[k++] = "-o";
            argv[k++] = ofiles[next++];
            argv[k] = NULL;
            pid_t pid;
            int err = posix_spawnp(&pid, argv[0], NULL, NULL, (char **)argv, environ);
            if (err != 0) {
                fprintf(stderr, "krait: error: cannot run '%s': %s\n", argv[0], strerror(err));
                ok = false;
            } else {
                running++;
            }
            continue;
        }
        if (running == 0) {
            break;  // a start failed: nothing left to wait for
        }
        int status;
        if (waitpid(-1, &status, 0) < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        running--;
        ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    return ok;
}

// The one compile step of `build`: compiles the C files 'cfiles' (every part of every module of
// the program) and links them with the runtime into 'output'. One file is compiled and linked
// by one cc process; several are compiled to object files beside them by up to cc_jobs() cc
// processes at once, then linked; the object files are removed.
static bool compile_and_link(Arena *a, const Options *o, const char *const *cfiles, int n,
                             bool unames, const char *output) {
    RuntimePaths rt = runtime_paths(a);
    const char **argv = arena_alloc(a, sizeof(char *) * (size_t)(n + 32));
    int k = cc_flags(a, o, rt, argv, 0);
    if (n == 1) {
        argv[k++] = cfiles[0];
        argv[k++] = "-o";
        argv[k++] = output;
        link_flags(o, rt, unames, argv, k);
        if (spawn_wait((char **)argv) != 0) {
            cc_failed(o);
            return false;
        }
        return true;
    }
    const char **ofiles = arena_alloc(a, sizeof(char *) * (size_t)n);
    for (int i = 0; i < n; i++) {
        size_t len = strlen(cfiles[i]);
        ofiles[i] = arena_printf(a, "%.*s.o", (int)(len - 2), cfiles[i]);
    }
    bool ok = compile_objects(a, o, cfiles, ofiles, n);
    if (ok) {
        k = 0;
        argv[k++] = o->cc;
        if (o->debug) {
            argv[k++] = "-g";
        }
        for (int i = 0; i < n; i++) {
            argv[k++] = ofiles[i];
        }
        argv[k++] = "-o";
        argv[k++] = output;
        if (runtime_cflags(rt)) {
            argv[k++] = runtime_cflags(rt);
        }
        link_flags(o, rt, unames, argv, k);
        ok = spawn_wait((char **)argv) == 0;
    }
    for (int i = 0; i < n; i++) {
        unlink(ofiles[i]);
    }
    if (!ok) {
        cc_failed(o);
    }
    return ok;
}

// A module's C is split into parts of at least this many bytes of functions, compiled in
// parallel: below it, one cc process compiles and links faster than several plus a link.
enum { PART_MIN_BYTES = 256 * 1024 };

// The C files of one module of a program being built.
typedef struct ModuleFiles {
    const char **names;  // DIR/<cname>.c, then DIR/<cname>.1.c ... for the other parts
    StrBuf *text;
    int n;
} ModuleFiles;

// The C of 'm' as up to 'max_parts' translation units (emit_module_parts), named after the
// module's C name 'cname' in 'dir'.
static ModuleFiles module_files(Arena *a, const IrModule *m, const char *dir, const char *cname,
                                int max_parts) {
    ModuleFiles f;
    f.text = arena_alloc(a, sizeof(StrBuf) * (size_t)max_parts);
    for (int i = 0; i < max_parts; i++) {
        strbuf_init(&f.text[i], a);
    }
    f.n = emit_module_parts(m, max_parts, PART_MIN_BYTES, f.text);
    f.names = arena_alloc(a, sizeof(char *) * (size_t)f.n);
    for (int i = 0; i < f.n; i++) {
        f.names[i] = i == 0 ? arena_printf(a, "%s/%s.c", dir, cname)
                            : arena_printf(a, "%s/%s.%d.c", dir, cname, i);
    }
    return f;
}

// Compiles 'o->input' to an executable at 'output': every module's C (a large module's in
// parts) is written to --keep-c DIR, or to a temporary directory removed afterwards, checked
// (--check-c), then all the files go through one compile step.
static bool build_to(Arena *a, const Options *o, const char *output) {
    IrProgram *p;
    IrModule **mods = compile_ir(a, o->input, NULL, &p);
    if (!mods) {
        return false;
    }
    const char *dir = o->keep_c;
    if (!dir) {
        const char *tmp = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
        char *templ = arena_printf(a, "%s/krait-XXXXXX", tmp);
        if (!mkdtemp(templ)) {
            error("cannot create a temporary directory in '%s'", tmp);
            return false;
        }
        dir = templ;
    } else {
        mkdir(dir, 0777);
    }
    int jobs = cc_jobs();
    ModuleFiles *files = arena_alloc(a, sizeof(ModuleFiles) * (size_t)p->nunits);
    int nfiles = 0;
    for (int i = 0; i < p->nunits; i++) {
        files[i] = module_files(a, mods[i], dir, p->units[i]->cname, jobs);
        nfiles += files[i].n;
    }
    const char **cfiles = arena_alloc(a, sizeof(char *) * (size_t)nfiles);
    bool ok = true, unames = false;
    int k = 0;
    for (int i = 0; i < p->nunits; i++) {
        for (int j = 0; j < files[i].n; j++, k++) {
            const StrBuf *t = &files[i].text[j];
            unames = unames || memmem(t->data, t->len, "namereplace", 11);
            cfiles[k] = files[i].names[j];
            ok = ok && write_file(cfiles[k], t->data, t->len)
                 && (!o->check_c || check_c(a, o, cfiles[k], t->data, t->len));
        }
    }
    ok = ok && compile_and_link(a, o, cfiles, nfiles, unames, output);
    if (!o->keep_c) {
        for (int i = 0; i < nfiles; i++) {
            unlink(cfiles[i]);
        }
        rmdir(dir);
    }
    return ok;
}

// ---------------------------------------------------------------------------------------------
// Commands

static const char *default_output(Arena *a, const char *input) {
    return module_name(a, input);
}

// Appends 'path' escaped for make: a space or '#' behind a backslash, '$' doubled.
static void put_make_path(StrBuf *out, const char *path) {
    for (const char *p = path; *p; p++) {
        if (*p == ' ' || *p == '#') {
            strbuf_putc(out, '\\');
        } else if (*p == '$') {
            strbuf_putc(out, '$');
        }
        strbuf_putc(out, *p);
    }
}

// -MD: a make rule saying 'target' depends on the script and every module of the program, then
// an empty rule for each so make goes on when one is deleted or renamed (as gcc's -MP). Written
// to -MF FILE, else 'target'.d.
static bool write_depfile(Arena *a, const Options *o, const char *target) {
    IrProgram *p = modules_load(a, o->input, module_name(a, o->input));
    if (!p) {
        return false;
    }
    StrBuf d;
    strbuf_init(&d, a);
    put_make_path(&d, target);
    strbuf_append(&d, ":", 1);
    for (int i = 0; i < p->nunits; i++) {
        strbuf_append(&d, " ", 1);
        put_make_path(&d, p->units[i]->given);
    }
    strbuf_append(&d, "\n", 1);
    for (int i = 0; i < p->nunits; i++) {
        strbuf_append(&d, "\n", 1);
        put_make_path(&d, p->units[i]->given);
        strbuf_append(&d, ":\n", 2);
    }
    const char *path = o->depfile ? o->depfile : arena_printf(a, "%s.d", target);
    return write_file(path, d.data, d.len);
}

int driver_build(int argc, char **argv, const char *usage) {
    Options o;
    int status;
    if (!parse_options(argc, argv, false, usage, &o, &status)) {
        return status;
    }
    Arena a;
    arena_init(&a);
    const char *output = o.output ? o.output : default_output(&a, o.input);
    bool ok = build_to(&a, &o, output) && (!(o.md || o.depfile) || write_depfile(&a, &o, output));
    arena_free(&a);
    return ok ? 0 : 1;
}

// krait emit-c: the C files of the program to DIR/<module>.c (-o DIR), or to stdout, one after
// another, each after a line "// krait: <module>.c" when the program has several modules.
// With --list, only the list of the program's modules (for build systems).
int driver_emit_c(int argc, char **argv, const char *usage) {
    Options o;
    int status;
    if (!parse_options(argc, argv, false, usage, &o, &status)) {
        return status;
    }
    Arena a;
    arena_init(&a);
    if (o.list) {  // one line per module: its C file's name, a tab, its source (as found)
        IrProgram *p = modules_load(&a, o.input, module_name(&a, o.input));
        for (int i = 0; p && i < p->nunits; i++) {
            printf("%s.c\t%s\n", p->units[i]->cname, p->units[i]->given);
        }
        arena_free(&a);
        return p ? 0 : 1;
    }
    CFiles c;
    bool ok = compile_c(&a, o.input, &c);
    if (ok && o.output) {
        mkdir(o.output, 0777);
    }
    for (int i = 0; ok && i < c.p->nunits; i++) {
        const StrBuf *t = &c.text[i];
        const char *cfile = arena_printf(&a, "%s/%s.c", o.output ? o.output : ".",
                                         c.p->units[i]->cname);
        ok = !o.check_c || check_c(&a, &o, cfile, t->data, t->len);
        if (ok && o.output) {
            ok = write_file(cfile, t->data, t->len);
        } else if (ok) {
            if (c.p->nunits > 1) {
                printf("// krait: %s.c\n", c.p->units[i]->cname);
            }
            fwrite(t->data, 1, t->len, stdout);
        }
    }
    arena_free(&a);
    return ok ? 0 : 1;
}

int driver_emit_ir(int argc, char **argv, const char *usage) {
    Options o;
    int status;
    if (!parse_options(argc, argv, false, usage, &o, &status)) {
        return status;
    }
    if (o.after && !ir_pass_known(o.after)) {
        return usage_error(usage,
                           "unknown pass '%s' (lower, bound, errors, refcount, share, small)",
                           o.after);
    }
    Arena a;
    arena_init(&a);
    IrProgram *p;
    IrModule **mods = compile_ir(&a, o.input, o.after, &p);
    for (int i = 0; mods && i < p->nunits; i++) {
        if (i > 0) {
            printf("\n; module %s (%s)\n", p->units[i]->name, p->units[i]->given);
        }
        ir_print_module(mods[i], stdout);
    }
    arena_free(&a);
    return mods ? 0 : 1;
}

// Reads the whole file 'path' into 'out'; false after reporting an error.
static bool read_file(const char *path, StrBuf *out) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        error("cannot read '%s'", path);
        return false;
    }
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        strbuf_append(out, buf, n);
    }
    bool ok = !ferror(f);
    fclose(f);
    if (!ok) {
        error("cannot read '%s'", path);
    }
    return ok;
}

// krait check-c FILE.c (a developer command, docs/cli.md): only the libclang check, on an existing
// C file, with the flags of `krait build --check-c`. Tests use it to see the check catch warnings.
int driver_check_c(int argc, char **argv, const char *usage) {
    if (argc != 1 || (argv[0][0] == '-' && argv[0][1] != '\0')) {
        return usage_error(usage, "%s", "'check-c' takes exactly one C file");
    }
    Options o;
    memset(&o, 0, sizeof o);
    o.opt = "-O2";
    Arena a;
    arena_init(&a);
    StrBuf c;
    strbuf_init(&c, &a);
    bool ok = read_file(argv[0], &c) && check_c(&a, &o, argv[0], c.data, c.len);
    arena_free(&a);
    return ok ? 0 : 1;
}

// FNV-1a, 64 bits, continued from 'h'.
static uint64_t fnv(uint64_t h, const void *data, size_t n) {
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ p[i]) * 0x100000001b3ULL;
    }
    return h;
}

// The cache key: everything the executable depends on, hashed twice with different seeds. 'src'
// holds every module's name, path and source text.
static const char *cache_key(Arena *a, const Options *o, const char *src, size_t len) {
    RuntimePaths rt = runtime_paths(a);
    struct stat st = {0};
    stat(rt.lib, &st);
    // The compiler itself is part of the key: a rebuilt krait must not reuse old executables.
    struct stat self = {0};
    stat("/proc/self/exe", &self);
    const char *parts = arena_printf(
        a, "%s|%s|%s|%d|%d|%s|%lld|%lld|%lld|%lld", KRAIT_VERSION, o->opt, o->cc, o->debug,
        o->check_c, rt.lib,
        (long long)st.st_size, (long long)st.st_mtime, (long long)self.st_size,
        (long long)self.st_mtime);
    uint64_t h1 = fnv(fnv(0xcbf29ce484222325ULL, src, len), parts, strlen(parts));
    uint64_t h2 = fnv(fnv(0x84222325cbf29ce4ULL, parts, strlen(parts)), src, len);
    return arena_printf(a, "%016llx%016llx", (unsigned long long)h1, (unsigned long long)h2);
}

static const char *cache_dir(Arena *a) {
    const char *xdg = getenv("XDG_CACHE_HOME");
    if (xdg && *xdg) {
        return arena_printf(a, "%s/krait", xdg);
    }
    const char *home = getenv("HOME");
    return arena_printf(a, "%s/.cache/krait", home && *home ? home : "/tmp");
}

static void mkdirs(char *path) {
    for (char *p = path + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(path, 0777);
            *p = '/';
        }
    }
    mkdir(path, 0777);
}

// The cached executable for 'o->input', built first if needed; NULL after reporting errors.
static const char *cached_build(Arena *a, const Options *o) {
    IrProgram *p = modules_load(a, o->input, module_name(a, o->input));
    if (!p) {
        return NULL;
    }
    StrBuf src;  // every module of the program: the key covers them all
    strbuf_init(&src, a);
    for (int i = 0; i < p->nunits; i++) {
        strbuf_printf(&src, "%s|%s|%zu|", p->units[i]->name, p->units[i]->path, (size_t)i);
        size_t before = src.len;
        if (!read_file(p->units[i]->given, &src)) {
            return NULL;
        }
        strbuf_printf(&src, "|%zu|", src.len - before);
    }
    char *dir = arena_printf(a, "%s/%s", cache_dir(a), cache_key(a, o, src.data, src.len));
    const char *exe = arena_printf(a, "%s/%s", dir, module_name(a, o->input));
    if (access(exe, X_OK) == 0) {
        return exe;
    }
    mkdirs(dir);
    const char *tmp = arena_printf(a, "%s.tmp%ld", exe, (long)getpid());
    if (!build_to(a, o, tmp)) {
        return NULL;
    }
    if (rename(tmp, exe) != 0) {
        error("cannot write the cache entry '%s'", exe);
        return NULL;
    }
    return exe;
}

int driver_run(int argc, char **argv, const char *usage) {
    Options o;
    int status;
    if (!parse_options(argc, argv, true, usage, &o, &status)) {
        return status;
    }
    Arena a;
    arena_init(&a);
    const char *exe = cached_build(&a, &o);
    if (!exe) {
        arena_free(&a);
        return 1;
    }
    // The program sees the script's path as argv[0], as sys.argv[0] is under CPython.
    char **args = arena_alloc(&a, sizeof(char *) * (size_t)(argc - o.rest + 2));
    args[0] = (char *)o.input;
    for (int i = o.rest; i < argc; i++) {
        args[i - o.rest + 1] = argv[i];
    }
    fflush(stdout);
    execv(exe, args);
    error("cannot run '%s'", exe);
    arena_free(&a);
    return 1;
}
