// osmodule.c: the os module (files, directories, environment, process facts) and os.path, the
// module 'posixpath', for POSIX systems.
//
// Paths are str or bytes; a function's results have the type of its path arguments, as in
// CPython, and the pure os.path functions work on the bytes of either (UTF-8 for str, whose
// separators are ASCII, so byte-level splitting is exact). Failing system calls raise the
// OSError subclass of errno through kr_err_set_errno, with the path as filename. os.environ
// is a snapshot of the environment taken on first use, kept in a dict; assigning and deleting
// items also calls setenv/unsetenv. Argument errors use CPython's messages: those of builtin
// functions for the posix functions, those of Python functions for os.path and makedirs.
#include "krait.h"
#include "kr_csv_os.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

extern char **environ;

// ---------------------------------------------------------------------------------------------
// Argument unpacking

static int too_many_positional(const char *fname, size_t nargs, size_t nmin, size_t nmax,
                               bool builtin) {
    if (builtin) {
        kr_err_set(&kr_exc_TypeError, "%s() takes %s %zu positional argument%s (%zu given)",
                   fname, nmin == nmax ? "exactly" : "at most", nmax, nmax == 1 ? "" : "s",
                   nargs);
    } else if (nmin == nmax) {
        kr_err_set(&kr_exc_TypeError, "%s() takes %zu positional argument%s but %zu %s given",
                   fname, nmax, nmax == 1 ? "" : "s", nargs, nargs == 1 ? "was" : "were");
    } else {
        kr_err_set(&kr_exc_TypeError, "%s() takes from %zu to %zu positional arguments but %zu "
                   "were given", fname, nmin, nmax, nargs);
    }
    return -1;
}

// "missing 2 required positional arguments: 'a' and 'b'" (Python functions).
static int missing_positional(const char *fname, const char *const *names, size_t nmin,
                              const kr_val *out) {
    kr_strbuf b;
    kr_strbuf_init(&b);
    size_t missing = 0;
    for (size_t i = 0; i < nmin; i++) {
        missing += !out[i];
    }
    size_t seen = 0;
    int rc = 0;
    for (size_t i = 0; i < nmin && rc == 0; i++) {
        if (!out[i]) {
            seen++;
            const char *sep = seen == 1 ? "" : seen == missing ? (missing == 2 ? " and " : ", and ")
                                                                : ", ";
            rc = kr_strbuf_printf(&b, "%s'%s'", sep, names[i]);
        }
    }
    if (rc == 0) {
        kr_err_set(&kr_exc_TypeError, "%s() missing %zu required positional argument%s: %.*s",
                   fname, missing, missing == 1 ? "" : "s", (int)b.len, b.data ? b.data : "");
    }
    kr_strbuf_free(&b);
    return -1;
}

static int store_keyword(const char *fname, const char *k, kr_val v, const char *const *names,
                         size_t nmax, kr_val *out) {
    for (size_t j = 0; j < nmax; j++) {
        if (strcmp(names[j], k) == 0) {
            if (out[j]) {
                kr_err_set(&kr_exc_TypeError, "%s() got multiple values for argument '%s'",
                           fname, k);
                return -1;
            }
            out[j] = v;
            return 0;
        }
    }
    kr_err_set(&kr_exc_TypeError, "%s() got an unexpected keyword argument '%s'", fname, k);
    return -1;
}

int kr_os_unpack_args(const char *fname, const kr_val *args, size_t nargs, kr_val kwnames,
                      const char *const *names, size_t nmin, size_t nmax, bool builtin,
                      kr_val *out) {
    if (nargs > nmax) {
        return too_many_positional(fname, nargs, nmin, nmax, builtin);
    }
    for (size_t i = 0; i < nmax; i++) {
        out[i] = i < nargs ? args[i] : 0;
    }
    for (intptr_t i = 0; kwnames && i < KR_TUPLE_LEN(kwnames); i++) {
        const char *k = kr_str_data(KR_TUPLE_ITEMS(kwnames)[i]);
        if (store_keyword(fname, k, args[nargs + (size_t)i], names, nmax, out) < 0) {
            return -1;
        }
    }
    for (size_t i = 0; i < nmin; i++) {
        if (!out[i]) {
            if (!builtin) {
                return missing_positional(fname, names, nmin, out);
            }
            kr_err_set(&kr_exc_TypeError, "%s() missing required argument '%s' (pos %zu)", fname,
                       names[i], i + 1);
            return -1;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------------------------
// Paths: the bytes of a str or bytes argument

typedef struct {
    const char *s;
    size_t n;
    bool bytes;  // results are bytes
} path_t;

static bool path_from(kr_val v, path_t *p) {
    if (kr_str_check(v)) {
        *p = (path_t){ kr_str_data(v), (size_t)kr_str_nbytes(v), false };
        return true;
    }
    if (kr_bytes_check(v)) {
        *p = (path_t){ kr_bytes_data(v), (size_t)kr_bytes_len(v), true };
        return true;
    }
    return false;
}

// os.fspath(v) for the pure functions.
static int fspath(kr_val v, path_t *p) {
    if (path_from(v, p)) {
        return 0;
    }
    kr_err_set(&kr_exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
               kr_type_name(v));
    return -1;
}

// A path for a system call: 'what' completes "path should be string, bytes...".
static int syscall_path(const char *fname, kr_val v, const char *what, path_t *p) {
    if (!path_from(v, p)) {
        kr_err_set(&kr_exc_TypeError, "%s: path should be %s, not %s", fname, what,
                   kr_type_name(v));
        return -1;
    }
    if (strlen(p->s) != p->n) {
        kr_err_set(&kr_exc_ValueError, "%s: embedded null character in path", fname);
        return -1;
    }
    return 0;
}

static kr_val path_result(const path_t *like, const char *s, size_t n) {
    if (like->bytes) {
        return kr_bytes_from_data(s, n);
    }
    return n ? kr_str_from_utf8(s, n) : kr_newref(kr_str_empty());
}

static kr_val raise_errno(int err, kr_val filename) { return kr_err_set_errno(err, filename); }

// Text from the OS (file names, environment) as CPython decodes it: UTF-8 with surrogateescape.
// While str.c lacks that error handler, undecodable bytes become U+FFFD.
static kr_val os_decode(const char *s, size_t n) {
    kr_val r = kr_str_decode(s, n, "utf-8", "surrogateescape");
    if (!r && kr_err_matches(&kr_exc_LookupError)) {
        kr_err_clear();
        r = kr_str_decode(s, n, "utf-8", "replace");
    }
    return r;
}

// ---------------------------------------------------------------------------------------------
// os.path: pure functions

// Index of the last '/' in 'p', or -1.
static intptr_t last_sep(const path_t *p) {
    for (intptr_t i = (intptr_t)p->n - 1; i >= 0; i--) {
        if (p->s[i] == '/') {
            return i;
        }
    }
    return -1;
}

// The head of split(): p[:i] with trailing slashes removed unless it is all slashes.
static size_t head_len(const path_t *p, size_t i) {
    size_t h = i;
    while (h > 0 && p->s[h - 1] == '/') {
        h--;
    }
    return h == 0 ? i : h;
}

static int one_path(const char *fname, const char *pname, const kr_val *args, size_t nargs,
                    kr_val kwnames, kr_val *v, path_t *p) {
    const char *const names[] = { pname };
    if (kr_os_unpack_args(fname, args, nargs, kwnames, names, 1, 1, false, v) < 0) {
        return -1;
    }
    return fspath(*v, p);
}

kr_val kr_os_path_basename(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    kr_val v;
    path_t p;
    if (one_path("basename", "p", args, nargs, kwnames, &v, &p) < 0) {
        return 0;
    }
    size_t i = (size_t)(last_sep(&p) + 1);
    return path_result(&p, p.s + i, p.n - i);
}

kr_val kr_os_path_dirname(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    kr_val v;
    path_t p;
    if (one_path("dirname", "p", args, nargs, kwnames, &v, &p) < 0) {
        return 0;
    }
    size_t i = (size_t)(last_sep(&p) + 1);
    return path_result(&p, p.s, head_len(&p, i));
}

kr_val kr_os_path_split(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    kr_val v;
    path_t p;
    if (one_path("split", "p", args, nargs, kwnames, &v, &p) < 0) {
        return 0;
    }
    size_t i = (size_t)(last_sep(&p) + 1);
    kr_val head = path_result(&p, p.s, head_len(&p, i));
    kr_val tail = head ? path_result(&p, p.s + i, p.n - i) : 0;
    kr_val t = tail ? kr_tuple_pack(2, head, tail) : 0;
    KR_XDECREF(head);
    KR_XDECREF(tail);
    return t;
}

// genericpath._splitext: the extension starts at the last dot after the last slash, unless
// every character before it in the file name is a dot.
static size_t splitext_index(const path_t *p) {
    intptr_t sep = last_sep(p), dot = -1;
    for (intptr_t i = (intptr_t)p->n - 1; i >= 0 && dot < 0; i--) {
        dot = p->s[i] == '.' ? i : -1;
    }
    if (dot > sep) {
        for (intptr_t i = sep + 1; i < dot; i++) {
            if (p->s[i] != '.') {
                return (size_t)dot;
            }
        }
    }
    return p->n;
}

kr_val kr_os_path_splitext(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    kr_val v;
    path_t p;
    if (one_path("splitext", "p", args, nargs, kwnames, &v, &p) < 0) {
        return 0;
    }
    size_t i = splitext_index(&p);
    kr_val root = path_result(&p, p.s, i);
    kr_val ext = root ? path_result(&p, p.s + i, p.n - i) : 0;
    kr_val t = ext ? kr_tuple_pack(2, root, ext) : 0;
    KR_XDECREF(root);
    KR_XDECREF(ext);
    return t;
}

kr_val kr_os_path_isabs(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    kr_val v;
    path_t p;
    if (one_path("isabs", "s", args, nargs, kwnames, &v, &p) < 0) {
        return 0;
    }
    return kr_bool(p.n > 0 && p.s[0] == '/');
}

// genericpath._check_arg_types after a join() argument was not a path.
static kr_val join_type_error(const kr_val *args, size_t nargs) {
    bool has_str = false, has_bytes = false;
    for (size_t i = 0; i < nargs; i++) {
        if (kr_str_check(args[i])) {
            has_str = true;
        } else if (kr_bytes_check(args[i])) {
            has_bytes = true;
        } else {
            return kr_err_set(&kr_exc_TypeError, "join() argument must be str, bytes, or "
                              "os.PathLike object, not '%s'", kr_type_name(args[i]));
        }
    }
    (void)has_str;
    (void)has_bytes;
    return kr_err_set(&kr_exc_TypeError, "Can't mix strings and bytes in path components");
}

// posixpath.join(a, *p) into 'b'.
static int join_into(kr_strbuf *b, const path_t *first, const kr_val *args, size_t nargs) {
    if (kr_strbuf_append(b, first->s, first->n) < 0) {
        return -1;
    }
    for (size_t i = 1; i < nargs; i++) {
        path_t p;
        if (!path_from(args[i], &p) || p.bytes != first->bytes) {
            join_type_error(args, nargs);
            return -1;
        }
        if (p.n > 0 && p.s[0] == '/') {
            b->len = 0;
        } else if (b->len > 0 && b->data[b->len - 1] != '/' && kr_strbuf_append_char(b, '/') < 0) {
            return -1;
        }
        if (kr_strbuf_append(b, p.s, p.n) < 0) {
            return -1;
        }
    }
    return 0;
}

kr_val kr_os_path_join(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    if (kwnames && KR_TUPLE_LEN(kwnames) > 0) {
        return kr_err_set(&kr_exc_TypeError, "join() got an unexpected keyword argument '%s'",
                          kr_str_data(KR_TUPLE_ITEMS(kwnames)[0]));
    }
    if (nargs == 0) {
        return kr_err_set(&kr_exc_TypeError,
                          "join() missing 1 required positional argument: 'a'");
    }
    path_t first;
    if (fspath(args[0], &first) < 0) {
        return 0;
    }
    kr_strbuf b;
    kr_strbuf_init(&b);
    if (join_into(&b, &first, args, nargs) < 0) {
        kr_strbuf_free(&b);
        return 0;
    }
    kr_val r = path_result(&first, b.data ? b.data : "", b.len);
    kr_strbuf_free(&b);
    return r;
}

// posixpath.normpath of p[0..n) into 'b'.
static int normpath_into(kr_strbuf *b, const char *s, size_t n) {
    if (n == 0) {
        return kr_strbuf_append_char(b, '.');
    }
    size_t initial = s[0] == '/' ? (n >= 2 && s[1] == '/' && (n < 3 || s[2] != '/') ? 2 : 1) : 0;
    // 'stack' holds the start offsets in 'b' of the kept components, to pop on "..".
    size_t *stack = kr_alloc_atomic((n / 2 + 1) * sizeof *stack);
    if (!stack) {
        return -1;
    }
    size_t depth = 0, dotdots = 0;  // kept components; leading ".." among them
    int rc = kr_strbuf_append_repeat(b, "/", 1, (intptr_t)initial);
    for (size_t i = 0; i < n && rc == 0;) {
        size_t j = i;
        while (j < n && s[j] != '/') {
            j++;
        }
        size_t len = j - i;
        bool dot = len == 1 && s[i] == '.', dotdot = len == 2 && s[i] == '.' && s[i + 1] == '.';
        if (len == 0 || dot) {
            // skipped
        } else if (!dotdot || (!initial && depth == 0) || (depth > 0 && depth == dotdots)) {
            stack[depth++] = b->len;
            dotdots += dotdot;
            rc = (depth > 1 ? kr_strbuf_append_char(b, '/') : 0) < 0 ? -1
                 : kr_strbuf_append(b, s + i, len);
        } else if (depth > 0) {
            b->len = stack[--depth];
        }
        i = j + 1;
    }
    kr_free(stack);
    if (rc == 0 && b->len == 0) {
        rc = kr_strbuf_append_char(b, '.');
    }
    return rc;
}

static kr_val normpath_of(const path_t *p) {
    kr_strbuf b;
    kr_strbuf_init(&b);
    if (normpath_into(&b, p->s, p->n) < 0) {
        kr_strbuf_free(&b);
        return 0;
    }
    kr_val r = path_result(p, b.data, b.len);
    kr_strbuf_free(&b);
    return r;
}

kr_val kr_os_path_normpath(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    kr_val v;
    path_t p;
    if (one_path("normpath", "path", args, nargs, kwnames, &v, &p) < 0) {
        return 0;
    }
    return normpath_of(&p);
}

// The current directory as a kr_alloc_atomic string (release with kr_free), or NULL.
static char *cwd_cstr(void) {
    for (size_t size = 256;; size *= 2) {
        char *buf = kr_alloc_atomic(size);
        if (!buf) {
            return NULL;
        }
        if (getcwd(buf, size)) {
            return buf;
        }
        int err = errno;
        kr_free(buf);
        if (err != ERANGE) {
            raise_errno(err, 0);
            return NULL;
        }
    }
}

kr_val kr_os_path_abspath(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    kr_val v;
    path_t p;
    if (one_path("abspath", "path", args, nargs, kwnames, &v, &p) < 0) {
        return 0;
    }
    if (p.n > 0 && p.s[0] == '/') {
        return normpath_of(&p);
    }
    char *cwd = cwd_cstr();
    if (!cwd) {
        return 0;
    }
    kr_strbuf b;
    kr_strbuf_init(&b);
    int rc = kr_strbuf_append_cstr(&b, cwd);
    kr_free(cwd);
    if (rc == 0 && p.n > 0 && b.len > 0 && b.data[b.len - 1] != '/') {
        rc = kr_strbuf_append_char(&b, '/');
    }
    rc = rc < 0 ? rc : kr_strbuf_append(&b, p.s, p.n);
    kr_val r = 0;
    if (rc == 0) {
        path_t joined = { b.data, b.len, p.bytes };
        r = normpath_of(&joined);
    }
    kr_strbuf_free(&b);
    return r;
}

// ---------------------------------------------------------------------------------------------
// os.path: stat-based functions

// stat() of a path (str, bytes) or file descriptor (int): 0, 1 when it fails (errno set),
// or -1 with TypeError.
static int stat_arg(const char *fname, kr_val v, struct stat *st) {
    if (kr_int_check(v)) {
        int64_t fd;
        if (kr_int_as_i64(v, &fd) < 0) {
            return -1;
        }
        if (fd < INT32_MIN || fd > INT32_MAX) {
            errno = EBADF;
            return 1;
        }
        return fstat((int)fd, st) ? 1 : 0;
    }
    path_t p;
    if (!path_from(v, &p)) {
        kr_err_set(&kr_exc_TypeError,
                   "%s: path should be string, bytes, os.PathLike or integer, not %s", fname,
                   kr_type_name(v));
        return -1;
    }
    if (strlen(p.s) != p.n) {
        errno = EINVAL;  // CPython's ValueError, which os.path.exists turns into False
        return 1;
    }
    return stat(p.s, st) ? 1 : 0;
}

// exists/isfile/isdir: 'mask' 0 accepts any file type.
static kr_val stat_test(const char *fname, const kr_val *args, size_t nargs, kr_val kwnames,
                        mode_t mask) {
    const char *const names[] = { "path" };
    kr_val v;
    if (kr_os_unpack_args(fname, args, nargs, kwnames, names, 1, 1, false, &v) < 0) {
        return 0;
    }
    struct stat st;
    int r = stat_arg("stat", v, &st);
    if (r < 0) {
        return 0;
    }
    return kr_bool(r == 0 && (mask == 0 || (st.st_mode & S_IFMT) == mask));
}

kr_val kr_os_path_exists(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    return stat_test("exists", args, nargs, kwnames, 0);
}

kr_val kr_os_path_isfile(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    return stat_test("isfile", args, nargs, kwnames, S_IFREG);
}

kr_val kr_os_path_isdir(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    return stat_test("isdir", args, nargs, kwnames, S_IFDIR);
}

kr_val kr_os_path_getsize(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    const char *const names[] = { "filename" };
    kr_val v;
    if (kr_os_unpack_args("getsize", args, nargs, kwnames, names, 1, 1, false, &v) < 0) {
        return 0;
    }
    struct stat st;
    int r = stat_arg("stat", v, &st);
    if (r != 0) {
        return r < 0 ? 0 : raise_errno(errno, v);
    }
    return kr_int_from_i64((int64_t)st.st_size);
}

// ---------------------------------------------------------------------------------------------
// os: files and directories

static const char path_kinds[] = "string, bytes or os.PathLike";

// The one path argument of remove/unlink/rmdir ("fname(path)").
static int path_only(const char *fname, const kr_val *args, size_t nargs, kr_val kwnames,
                     kr_val *v, path_t *p) {
    const char *const names[] = { "path" };
    if (kr_os_unpack_args(fname, args, nargs, kwnames, names, 1, 1, true, v) < 0) {
        return -1;
    }
    return syscall_path(fname, *v, path_kinds, p);
}

static kr_val unlink_call(const char *fname, const kr_val *args, size_t nargs, kr_val kwnames) {
    kr_val v;
    path_t p;
    if (path_only(fname, args, nargs, kwnames, &v, &p) < 0) {
        return 0;
    }
    return unlink(p.s) ? raise_errno(errno, v) : KR_NONE;
}

kr_val kr_os_remove(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    return unlink_call("remove", args, nargs, kwnames);
}

kr_val kr_os_unlink(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    return unlink_call("unlink", args, nargs, kwnames);
}

kr_val kr_os_rmdir(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    kr_val v;
    path_t p;
    if (path_only("rmdir", args, nargs, kwnames, &v, &p) < 0) {
        return 0;
    }
    return rmdir(p.s) ? raise_errno(errno, v) : KR_NONE;
}

kr_val kr_os_rename(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    const char *const names[] = { "src", "dst" };
    kr_val v[2];
    path_t src, dst;
    if (kr_os_unpack_args("rename", args, nargs, kwnames, names, 2, 2, true, v) < 0
        || syscall_path("rename", v[0], path_kinds, &src) < 0
        || syscall_path("rename", v[1], path_kinds, &dst) < 0) {
        return 0;
    }
    if (rename(src.s, dst.s) == 0) {
        return KR_NONE;
    }
    int err = errno;
    kr_val eargs[5] = { KR_FROM_SMALL(err), kr_str_from_cstr(strerror(err)), v[0], KR_NONE, v[1] };
    kr_val e = eargs[1] ? kr_exc_new(&kr_exc_OSError, eargs, 5) : 0;
    KR_XDECREF(eargs[1]);
    return e ? kr_err_raise(e) : 0;
}

// mkdir(2) with 'mode': 0, or errno.
static int mkdir_path(const path_t *p, kr_val mode_v) {
    int64_t mode = 0777;
    if (mode_v && kr_int_as_i64(mode_v, &mode) < 0) {
        return -1;
    }
    return mkdir(p->s, (mode_t)mode) == 0 ? 0 : errno;
}

static int mode_arg(kr_val mode) {
    if (mode && !kr_int_check(mode)) {
        kr_err_set(&kr_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   kr_type_name(mode));
        return -1;
    }
    return 0;
}

kr_val kr_os_mkdir(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    const char *const names[] = { "path", "mode" };
    kr_val v[2];
    path_t p;
    if (kr_os_unpack_args("mkdir", args, nargs, kwnames, names, 1, 2, true, v) < 0
        || syscall_path("mkdir", v[0], path_kinds, &p) < 0 || mode_arg(v[1]) < 0) {
        return 0;
    }
    int err = mkdir_path(&p, v[1]);
    return err < 0 ? 0 : err ? raise_errno(err, v[0]) : KR_NONE;
}

static bool is_dir(const char *s) {
    struct stat st;
    return stat(s, &st) == 0 && S_ISDIR(st.st_mode);
}

// os.makedirs on the NUL-terminated path p[0..n): creates the missing parents, then 'p'.
static int makedirs_path(kr_val name, const path_t *p, kr_val mode, bool exist_ok);

// The parent part of makedirs: `head, tail = split(name)` (twice for a trailing slash).
// Returns 1 when 'p' ends in "." and its parent was just made (nothing more to do).
static int makedirs_parents(const path_t *p, bool exist_ok) {
    path_t q = *p;
    size_t i = (size_t)(last_sep(&q) + 1);
    if (i == q.n) {
        q.n = head_len(&q, i);
        i = (size_t)(last_sep(&q) + 1);
    }
    size_t hl = head_len(&q, i), tl = q.n - i;
    if (hl == 0 || tl == 0) {
        return 0;
    }
    char *head = kr_alloc_atomic(hl + 1);
    if (!head) {
        return -1;
    }
    memcpy(head, q.s, hl);
    head[hl] = '\0';
    int rc = 0;
    struct stat st;
    if (stat(head, &st) != 0) {
        path_t hp = { head, hl, p->bytes };
        kr_val hv = path_result(&hp, head, hl);
        rc = hv ? makedirs_path(hv, &hp, 0, exist_ok) : -1;
        KR_XDECREF(hv);
        if (rc < 0 && kr_err_matches(&kr_exc_FileExistsError)) {
            kr_err_clear();  // another process made it meanwhile
            rc = 0;
        }
        rc = rc == 0 && tl == 1 && q.s[i] == '.' ? 1 : rc;
    }
    kr_free(head);
    return rc;
}

static int makedirs_path(kr_val name, const path_t *p, kr_val mode, bool exist_ok) {
    int rc = makedirs_parents(p, exist_ok);
    if (rc != 0) {
        return rc < 0 ? -1 : 0;
    }
    int err = mkdir_path(p, mode);
    if (err < 0) {
        return -1;
    }
    if (err && !(exist_ok && is_dir(p->s))) {
        raise_errno(err, name);
        return -1;
    }
    return 0;
}

kr_val kr_os_makedirs(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    const char *const names[] = { "name", "mode", "exist_ok" };
    kr_val v[3];
    path_t p;
    if (kr_os_unpack_args("makedirs", args, nargs, kwnames, names, 1, 3, false, v) < 0
        || fspath(v[0], &p) < 0 || mode_arg(v[1]) < 0) {
        return 0;
    }
    if (strlen(p.s) != p.n) {
        return kr_err_set(&kr_exc_ValueError, "mkdir: embedded null character in path");
    }
    int exist_ok = v[2] ? kr_is_true(v[2]) : 0;
    if (exist_ok < 0 || makedirs_path(v[0], &p, v[1], exist_ok) < 0) {
        return 0;
    }
    return KR_NONE;
}

static int listdir_fill(kr_val list, DIR *d, bool bytes) {
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d))) {
        const char *n = e->d_name;
        if (n[0] == '.' && (n[1] == '\0' || (n[1] == '.' && n[2] == '\0'))) {
            continue;
        }
        path_t like = { n, strlen(n), bytes };
        kr_val item = bytes ? path_result(&like, n, like.n)
                            : os_decode(n, like.n);
        int rc = item ? kr_list_append(list, item) : -1;
        KR_XDECREF(item);
        if (rc < 0) {
            return -1;
        }
        errno = 0;
    }
    return errno ? raise_errno(errno, 0), -1 : 0;
}

kr_val kr_os_listdir(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    const char *const names[] = { "path" };
    kr_val v;
    if (kr_os_unpack_args("listdir", args, nargs, kwnames, names, 0, 1, true, &v) < 0) {
        return 0;
    }
    path_t p = { ".", 1, false };
    if (v && v != KR_NONE
        && syscall_path("listdir", v, "string, bytes, os.PathLike, integer or None", &p) < 0) {
        return 0;
    }
    DIR *d = opendir(p.s);
    if (!d) {
        return raise_errno(errno, v && v != KR_NONE ? v : 0);
    }
    kr_val list = kr_list_new(0);
    if (list && listdir_fill(list, d, p.bytes) < 0) {
        KR_CLEAR(list);
    }
    closedir(d);
    return list;
}

// ---------------------------------------------------------------------------------------------
// os: process facts

kr_val kr_os_getcwd(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    (void)args;
    if (kr_args_check("posix.getcwd", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    char *cwd = cwd_cstr();
    if (!cwd) {
        return 0;
    }
    kr_val r = os_decode(cwd, strlen(cwd));
    kr_free(cwd);
    return r;
}

kr_val kr_os_getpid(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    (void)args;
    if (kr_args_check("posix.getpid", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return kr_int_from_i64((int64_t)getpid());
}

kr_val kr_os_cpu_count(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    (void)args;
    if (kr_args_check("posix.cpu_count", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? KR_NONE : kr_int_from_i64(n);
}

// ---------------------------------------------------------------------------------------------
// os.environ

typedef struct {
    kr_obj ob;
    kr_val data;  // dict str -> str
} environ_obj;

#define ENVIRON_DATA(v) (((environ_obj *)(v))->data)

static kr_val environ_obj_v;  // the os.environ object, made on first use

static int check_str(kr_val v) {
    if (!kr_str_check(v)) {
        kr_err_set(&kr_exc_TypeError, "str expected, not %s", kr_type_name(v));
        return -1;
    }
    return 0;
}

// One "NAME=value" entry of the environment into 'd'.
static int environ_add(kr_val d, const char *entry) {
    const char *eq = strchr(entry, '=');
    if (!eq) {
        return 0;
    }
    kr_val k = os_decode(entry, (size_t)(eq - entry));
    kr_val v = k ? os_decode(eq + 1, strlen(eq + 1)) : 0;
    int rc = -1;
    if (v) {
        // As CPython's posix.environ, the first definition of a name wins.
        int has = kr_dict_contains(d, k);
        rc = has < 0 ? -1 : has ? 0 : kr_dict_setitem(d, k, v);
    }
    KR_XDECREF(k);
    KR_XDECREF(v);
    return rc;
}

kr_val kr_os_environ(void) {
    if (environ_obj_v) {
        return environ_obj_v;
    }
    environ_obj *e = (environ_obj *)kr_obj_new(&kr_os_environ_type, sizeof *e);
    if (!e || !(e->data = kr_dict_new())) {
        KR_XDECREF(e);
        return 0;
    }
    for (char **p = environ; p && *p; p++) {
        if (environ_add(e->data, *p) < 0) {
            KR_DECREF(e);
            return 0;
        }
    }
    environ_obj_v = KR_VAL(e);
    return environ_obj_v;
}

static intptr_t environ_len(kr_val e) { return kr_dict_len(ENVIRON_DATA(e)); }

static kr_val environ_getitem(kr_val e, kr_val key) {
    if (check_str(key) < 0) {
        return 0;
    }
    return kr_dict_getitem(ENVIRON_DATA(e), key);
}

static int environ_setitem(kr_val e, kr_val key, kr_val value) {
    if (check_str(key) < 0 || check_str(value) < 0) {
        return -1;
    }
    if (strlen(kr_str_data(key)) != (size_t)kr_str_nbytes(key)
        || strlen(kr_str_data(value)) != (size_t)kr_str_nbytes(value)) {
        kr_err_set(&kr_exc_ValueError, "embedded null byte");
        return -1;
    }
    if (kr_str_nbytes(key) == 0 || strchr(kr_str_data(key), '=')) {
        kr_err_set(&kr_exc_ValueError, "illegal environment variable name");
        return -1;
    }
    if (setenv(kr_str_data(key), kr_str_data(value), 1) != 0) {
        raise_errno(errno, 0);
        return -1;
    }
    return kr_dict_setitem(ENVIRON_DATA(e), key, value);
}

static int environ_delitem(kr_val e, kr_val key) {
    if (check_str(key) < 0) {
        return -1;
    }
    int has = kr_dict_contains(ENVIRON_DATA(e), key);
    if (has <= 0) {
        return has < 0 ? -1 : (kr_err_set_value(&kr_exc_KeyError, key), -1);
    }
    unsetenv(kr_str_data(key));
    return kr_dict_delitem(ENVIRON_DATA(e), key);
}

static int environ_contains(kr_val e, kr_val key) {
    return check_str(key) < 0 ? -1 : kr_dict_contains(ENVIRON_DATA(e), key);
}

static kr_val environ_meth_get(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    const char *const names[] = { "key", "default" };
    kr_val v[2];
    if (kr_os_unpack_args("get", args, nargs, kwnames, names, 1, 2, false, v) < 0
        || check_str(v[0]) < 0) {
        return 0;
    }
    return kr_dict_get(ENVIRON_DATA(self), v[0], v[1] ? v[1] : KR_NONE);
}

static kr_val environ_meth_keys(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    return kr_args_check("keys", nargs, kwnames, 0, 0) < 0 ? 0 : kr_dict_keys(ENVIRON_DATA(self));
}

static kr_val environ_meth_values(kr_val self, const kr_val *args, size_t nargs,
                                  kr_val kwnames) {
    (void)args;
    return kr_args_check("values", nargs, kwnames, 0, 0) < 0 ? 0
                                                              : kr_dict_values(ENVIRON_DATA(self));
}

static kr_val environ_meth_items(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    return kr_args_check("items", nargs, kwnames, 0, 0) < 0 ? 0 : kr_dict_items(ENVIRON_DATA(self));
}

static kr_val environ_meth_copy(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    return kr_args_check("copy", nargs, kwnames, 0, 0) < 0 ? 0 : kr_dict_copy(ENVIRON_DATA(self));
}

static const kr_method_def environ_methods[] = {
    { "get", environ_meth_get, 0 },
    { "keys", environ_meth_keys, 0 },
    { "values", environ_meth_values, 0 },
    { "items", environ_meth_items, 0 },
    { "copy", environ_meth_copy, 0 },
    { NULL, NULL, 0 },
};

static const kr_mapping_methods environ_mapping = {
    .len = environ_len,
    .getitem = environ_getitem,
    .setitem = environ_setitem,
    .delitem = environ_delitem,
    .contains = environ_contains,
};

static kr_val environ_iter(kr_val e) { return kr_iter(ENVIRON_DATA(e)); }

static kr_val environ_repr(kr_val e) {
    kr_val inner = kr_repr(ENVIRON_DATA(e));
    kr_val r = inner ? kr_str_from_format("environ(%s)", kr_str_data(inner)) : 0;
    KR_XDECREF(inner);
    return r;
}

static void environ_dealloc(kr_obj *o) { KR_XDECREF(((environ_obj *)o)->data); }

kr_type kr_os_environ_type = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "_Environ",
    .module = "os",
    .base = &kr_object_type,
    .basicsize = sizeof(environ_obj),
    .dealloc = environ_dealloc,
    .repr = environ_repr,
    .iter = environ_iter,
    .mapping = &environ_mapping,
    .methods = environ_methods,
};

kr_val kr_os_getenv(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)self;
    const char *const names[] = { "key", "default" };
    kr_val v[2];
    if (kr_os_unpack_args("getenv", args, nargs, kwnames, names, 1, 2, false, v) < 0
        || check_str(v[0]) < 0) {
        return 0;
    }
    kr_val env = kr_os_environ();
    return env ? kr_dict_get(ENVIRON_DATA(env), v[0], v[1] ? v[1] : KR_NONE) : 0;
}

// ---------------------------------------------------------------------------------------------
// The modules

// Constants shared by os and posixpath.
static int add_path_constants(kr_val m) {
    return kr_module_add_str(m, "sep", "/") < 0 || kr_module_add_str(m, "curdir", ".") < 0
                   || kr_module_add_str(m, "pardir", "..") < 0
                   || kr_module_add_str(m, "extsep", ".") < 0
                   || kr_module_add_str(m, "pathsep", ":") < 0
                   || kr_module_add(m, "altsep", KR_NONE) < 0
                   || kr_module_add_str(m, "devnull", "/dev/null") < 0
               ? -1
               : 0;
}

kr_val kr_ospathmodule_init(void) {
    kr_val m = kr_module_new("posixpath");
    int rc = m ? add_path_constants(m) : -1;
#define KR_X_(name) rc = rc < 0 ? rc : kr_module_add_cfunc(m, #name, kr_os_path_##name);
    KR_OS_PATH_FUNCTIONS(KR_X_)
#undef KR_X_
    if (rc < 0) {
        KR_XDECREF(m);
        return 0;
    }
    return m;
}

kr_val kr_osmodule_init(void) {
    kr_val m = kr_module_new("os");
    int rc = m ? add_path_constants(m) : -1;
#define KR_X_(name) rc = rc < 0 ? rc : kr_module_add_cfunc(m, #name, kr_os_##name);
    KR_OS_FUNCTIONS(KR_X_)
#undef KR_X_
    kr_val env = rc < 0 ? 0 : kr_os_environ();
    if (!env || kr_module_add_str(m, "linesep", "\n") < 0
        || kr_module_add_str(m, "name", "posix") < 0 || kr_module_add(m, "environ", env) < 0
        || kr_module_add_steal(m, "path", kr_import_builtin("os.path")) < 0) {
        KR_XDECREF(m);
        return 0;
    }
    return m;
}
