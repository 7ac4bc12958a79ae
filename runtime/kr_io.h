// kr_io.h: file objects, open() and the standard streams (fileio.c).
//
// One object layout serves the four file types CPython's open() returns: _io.TextIOWrapper
// (text mode), _io.BufferedReader, _io.BufferedWriter and _io.BufferedRandom (binary modes).
// Each goes through one fixed 8 KiB buffer over a POSIX file descriptor. Same conventions as
// krait.h: kr_val results are new references or 0 with a pending exception, statuses 0 / -1,
// arguments borrowed.
#ifndef KR_IO_H
#define KR_IO_H

extern kr_type kr_textio_type;       // _io.TextIOWrapper
extern kr_type kr_bufreader_type;    // _io.BufferedReader
extern kr_type kr_bufwriter_type;    // _io.BufferedWriter
extern kr_type kr_bufrandom_type;    // _io.BufferedRandom
extern kr_type kr_exc_UnsupportedOperation;  // io.UnsupportedOperation (an OSError)

// Whether 'v' is one of the four file types.
bool kr_file_check(kr_val v);

// open(file, mode, buffering, encoding, errors, newline, closefd): each argument after 'file'
// is 0 when absent (None is accepted where Python accepts it). 'file' is a str or bytes path,
// or an int file descriptor.
KR_MUST_CHECK kr_val kr_builtin_open(kr_val file, kr_val mode, kr_val buffering, kr_val encoding,
                                     kr_val errors, kr_val newline, kr_val closefd);
// open(path, mode) with default arguments.
KR_MUST_CHECK kr_val kr_file_open_cstr(const char *path, const char *mode);

// The methods, for generated code that knows it holds a file. 'n' / 'limit' / 'hint' < 0
// mean "no limit". Text files read and write str, binary files bytes.
KR_MUST_CHECK kr_val kr_file_read(kr_val f, intptr_t n);
KR_MUST_CHECK kr_val kr_file_readline(kr_val f, intptr_t limit);
KR_MUST_CHECK kr_val kr_file_readlines(kr_val f, intptr_t hint);
// write(data): the number of characters (text) or bytes written, or -1.
KR_MUST_CHECK intptr_t kr_file_write(kr_val f, kr_val data);
KR_MUST_CHECK int kr_file_writelines(kr_val f, kr_val iterable);
// seek(offset, whence) and tell(): the new position, or -1.
KR_MUST_CHECK int64_t kr_file_seek(kr_val f, int64_t offset, int whence);
KR_MUST_CHECK int64_t kr_file_tell(kr_val f);
KR_MUST_CHECK int kr_file_flush(kr_val f);
KR_MUST_CHECK int kr_file_close(kr_val f);
bool kr_file_closed(kr_val f);
// `with f:` — __enter__ returns 'f' (new reference); __exit__ closes it and returns None
// (it never suppresses the exception).
KR_MUST_CHECK kr_val kr_file_enter(kr_val f);
KR_MUST_CHECK kr_val kr_file_exit(kr_val f, kr_val exc_type, kr_val exc, kr_val tb);

// Writes 'n' bytes of UTF-8 text to text file 'f' (print's fast path).
KR_MUST_CHECK int kr_file_write_text(kr_val f, const char *s, size_t n);

// sys.stdin, sys.stdout, sys.stderr: created on first use over fds 0, 1, 2 (stdout
// line-buffered on a terminal, block-buffered otherwise; stderr line-buffered; everything
// unbuffered when PYTHONUNBUFFERED is set, as CPython). Borrowed references; 0 with an
// exception only when the object cannot be created. kr_sys_set_stream rebinds one (new
// reference taken), as assigning sys.stdout does.
enum { KR_STDIN = 0, KR_STDOUT = 1, KR_STDERR = 2 };
KR_MUST_CHECK kr_val kr_sys_stream(int which);
void kr_sys_set_stream(int which, kr_val f);
static inline KR_MUST_CHECK kr_val kr_sys_stdout(void) { return kr_sys_stream(KR_STDOUT); }
static inline KR_MUST_CHECK kr_val kr_sys_stderr(void) { return kr_sys_stream(KR_STDERR); }
static inline KR_MUST_CHECK kr_val kr_sys_stdin(void) { return kr_sys_stream(KR_STDIN); }

// Flushes every open file, standard streams first (stdout, then stderr). The program's exit
// path calls it after the uncaught-exception traceback: CPython flushes a block-buffered
// stdout at finalization, after the traceback. Errors are ignored.
void kr_io_flush_all(void);

#endif
