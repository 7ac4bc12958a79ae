// kr_csv_os.h: the csv module (csvmodule.c) and the os and os.path modules (osmodule.c).
//
// Each module function is exported with the builtin-function signature (kr_cfunc: self, args,
// nargs, kwnames; 'self' is ignored), so generated code can call it directly instead of through
// attribute lookup on the module. Same conventions as krait.h: kr_val results are new
// references or 0 with a pending exception, arguments are borrowed.
#ifndef KR_CSV_OS_H
#define KR_CSV_OS_H

// ---------------------------------------------------------------------------------------------
// csv (csvmodule.c)
//
// CPython's _csv semantics: the reader state machine of Modules/_csv.c (quoted fields spanning
// lines, line_num, field_size_limit), the writer's quoting rules, the dialect registry ('excel',
// 'excel-tab', 'unix') and csv.py's DictReader and DictWriter. A reader pulls one line at a
// time from its iterable; a writer calls the 'write' attribute of its file object.

kr_val kr_csvmodule_init(void);

// csv.Error (printed as _csv.Error), a subclass of Exception.
extern kr_type kr_csv_Error;
extern kr_type kr_csv_dialect_type;     // _csv.Dialect
extern kr_type kr_csv_reader_type;      // _csv.reader
extern kr_type kr_csv_writer_type;      // _csv.writer
extern kr_type kr_csv_dictreader_type;  // csv.DictReader (callable: DictReader(f, ...))
extern kr_type kr_csv_dictwriter_type;  // csv.DictWriter

enum {
    KR_CSV_QUOTE_MINIMAL = 0,
    KR_CSV_QUOTE_ALL = 1,
    KR_CSV_QUOTE_NONNUMERIC = 2,
    KR_CSV_QUOTE_NONE = 3,
    KR_CSV_QUOTE_STRINGS = 4,
    KR_CSV_QUOTE_NOTNULL = 5,
};

#define KR_CSV_FUNCTIONS(X) \
    X(reader) X(writer) X(register_dialect) X(unregister_dialect) X(get_dialect) \
    X(list_dialects) X(field_size_limit)
#define KR_X_(name)                                                                        \
    KR_MUST_CHECK kr_val kr_csv_##name(kr_val self, const kr_val *args, size_t nargs,   \
                                       kr_val kwnames);
KR_CSV_FUNCTIONS(KR_X_)
#undef KR_X_

// Methods of the reader, writer and dict objects for generated code that knows the type.
KR_MUST_CHECK kr_val kr_csv_writer_writerow(kr_val writer, kr_val row);
KR_MUST_CHECK kr_val kr_csv_writer_writerows(kr_val writer, kr_val rows);
KR_MUST_CHECK kr_val kr_csv_dictwriter_writeheader(kr_val dw);
KR_MUST_CHECK kr_val kr_csv_dictwriter_writerow(kr_val dw, kr_val rowdict);
KR_MUST_CHECK kr_val kr_csv_dictwriter_writerows(kr_val dw, kr_val rowdicts);

// ---------------------------------------------------------------------------------------------
// os and os.path (osmodule.c)
//
// POSIX only. Errors raise OSError subclasses through kr_err_set_errno with the path as
// filename ("[Errno 2] No such file or directory: 'x'"). os.path is the module 'posixpath';
// `import os` makes it os.path through kr_import_builtin("os.path"), so register both.

kr_val kr_osmodule_init(void);
kr_val kr_ospathmodule_init(void);

#define KR_OS_FUNCTIONS(X) \
    X(remove) X(unlink) X(rename) X(mkdir) X(makedirs) X(rmdir) X(listdir) X(getcwd) \
    X(getenv) X(getpid) X(cpu_count)
#define KR_OS_PATH_FUNCTIONS(X) \
    X(exists) X(isfile) X(isdir) X(join) X(basename) X(dirname) X(split) X(splitext) \
    X(abspath) X(normpath) X(getsize) X(isabs)
#define KR_X_(name)                                                                       \
    KR_MUST_CHECK kr_val kr_os_##name(kr_val self, const kr_val *args, size_t nargs,   \
                                      kr_val kwnames);
KR_OS_FUNCTIONS(KR_X_)
#undef KR_X_
#define KR_X_(name)                                                                            \
    KR_MUST_CHECK kr_val kr_os_path_##name(kr_val self, const kr_val *args, size_t nargs,   \
                                           kr_val kwnames);
KR_OS_PATH_FUNCTIONS(KR_X_)
#undef KR_X_

// Argument unpacking for module functions: 'names' are the parameter names (positional or
// keyword), the first 'nmin' required; 'out[i]' receives each argument (borrowed) or 0. The
// messages are those of CPython's builtin functions ('builtin', "remove() missing required
// argument 'path' (pos 1)") or of functions written in Python ("join() missing 1 required
// positional argument: 'a'"). 0, or -1 with TypeError.
KR_MUST_CHECK int kr_os_unpack_args(const char *fname, const kr_val *args, size_t nargs,
                                    kr_val kwnames, const char *const *names, size_t nmin,
                                    size_t nmax, bool builtin, kr_val *out);

// os.environ: a mapping object of str to str over the process environment, made on first use
// (borrowed reference; 0 with an exception only when it cannot be created). Setting and
// deleting items changes the environment too (putenv/unsetenv), as CPython's does.
extern kr_type kr_os_environ_type;
KR_MUST_CHECK kr_val kr_os_environ(void);

#endif
