// fileio.c: file objects (open()) and the standard streams.
//
// A file object wraps a POSIX file descriptor and one 8 KiB buffer that holds either bytes
// read ahead (buf[rpos..rlen)) or bytes waiting to be written (buf[0..wlen)), never both:
// writing drops the read-ahead (a binary file seeks back over it, a text file does not, as
// CPython's TextIOWrapper), reading flushes pending writes. Text files decode line by line
// straight from that buffer: in UTF-8, latin-1 and ASCII a '\r' or '\n' byte is always a whole
// character, so newline translation works on bytes and each piece is decoded once it is
// complete. So tell() is always the exact byte offset of the next character. With
// errors='strict', bytes are validated as they enter the buffer ('checked'), so a decoding error
// is raised at the same read and position as CPython's chunked decoder.
//
// Every open file is on a list so that kr_io_flush_all can flush it at exit; a file closes
// itself (flushing) when its reference count reaches zero.
#include "krait.h"
#include "kr_io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BUF_SIZE 8192

enum { CODEC_UTF8, CODEC_LATIN1, CODEC_ASCII };
// newline=None, '', '\n', '\r', '\r\n'.
enum { NL_UNIVERSAL, NL_UNTRANSLATED, NL_LF, NL_CR, NL_CRLF };

typedef struct file_obj {
    kr_obj ob;
    struct file_obj *prev, *next;  // the list of open files
    int fd;
    bool readable, writable, appending, text, closefd, closed;
    bool line_buffering, write_through, at_eof;
    bool strict;                   // text files: errors is 'strict'
    int codec, newline;
    kr_val name, mode;             // as repr shows them
    kr_val encoding, errors;       // text files: str
    char *buf;                     // BUF_SIZE bytes
    size_t rpos, rlen, wlen, checked;
    size_t plain;                  // text files: buf[rpos, plain) holds only ASCII bytes but '\r'
} file_obj;

#define FILE_OBJ(v) ((file_obj *)(v))

static file_obj *open_files;
static kr_val std_streams[3];

bool kr_file_check(kr_val v) {
    if (!KR_IS_PTR(v)) {
        return false;
    }
    const kr_type *t = KR_OBJ(v)->type;
    return t == &kr_textio_type || t == &kr_bufreader_type || t == &kr_bufwriter_type
           || t == &kr_bufrandom_type;
}

// ---------------------------------------------------------------------------------------------
// Errors

// A closed file: text files and the IOBase-level methods say "I/O operation on closed file.";
// binary files name the operation ('what', e.g. "read of closed file") or, for 'what' "", use
// the raw file's message without the period.
static int closed_error(file_obj *f, const char *what) {
    if (f->text || !what) {
        kr_err_set(&kr_exc_ValueError, "I/O operation on closed file.");
    } else if (!*what) {
        kr_err_set(&kr_exc_ValueError, "I/O operation on closed file");
    } else {
        kr_err_set(&kr_exc_ValueError, "%s", what);
    }
    return -1;
}

static int check_open(file_obj *f, const char *what) {
    return f->closed ? closed_error(f, what) : 0;
}

static int check_readable(file_obj *f, const char *what) {
    // A binary file checks its mode before whether it is closed; a text file the reverse.
    if ((f->text || f->readable) && check_open(f, what) < 0) {
        return -1;
    }
    if (!f->readable) {
        kr_err_set(&kr_exc_UnsupportedOperation, f->text ? "not readable" : "read");
        return -1;
    }
    return 0;
}

static int check_writable(file_obj *f, const char *what) {
    // A binary file checks its mode before whether it is closed; a text file the reverse.
    if ((f->text || f->writable) && check_open(f, what) < 0) {
        return -1;
    }
    if (!f->writable) {
        kr_err_set(&kr_exc_UnsupportedOperation, f->text ? "not writable" : "write");
        return -1;
    }
    return 0;
}

static int errno_error(void) {
    kr_err_set_errno(errno, 0);
    return -1;
}

// ---------------------------------------------------------------------------------------------
// The buffer: writing

static int raw_write(int fd, const char *s, size_t n) {
    while (n > 0) {
        ssize_t k = write(fd, s, n);
        if (k < 0 && errno == EINTR) {
            continue;
        }
        if (k < 0) {
            return errno_error();
        }
        s += k;
        n -= (size_t)k;
    }
    return 0;
}

static int flush_buffer(file_obj *f) {
    size_t n = f->wlen;
    f->wlen = 0;
    return n ? raw_write(f->fd, f->buf, n) : 0;
}

// Drops the read-ahead before a write or seek; a binary file moves the descriptor back to
// the logical position first.
static void drop_read_ahead(file_obj *f, bool seek_back) {
    if (seek_back && f->rlen > f->rpos) {
        lseek(f->fd, -(off_t)(f->rlen - f->rpos), SEEK_CUR);
    }
    f->rpos = f->rlen = f->checked = f->plain = 0;
    f->at_eof = false;
}

static int buffer_write(file_obj *f, const char *s, size_t n) {
    if (f->rlen) {
        drop_read_ahead(f, !f->text);
    }
    if (f->wlen + n > BUF_SIZE && flush_buffer(f) < 0) {
        return -1;
    }
    if (n >= BUF_SIZE) {
        return raw_write(f->fd, s, n);
    }
    memcpy(f->buf + f->wlen, s, n);
    f->wlen += n;
    return 0;
}

// ---------------------------------------------------------------------------------------------
// The buffer: reading

// Length of the incomplete UTF-8 sequence that ends 's' (0 if the end is complete).
static size_t utf8_incomplete_tail(const unsigned char *s, size_t n) {
    for (size_t k = 1; k <= 3 && k <= n; k++) {
        unsigned char c = s[n - k];
        if ((c & 0xC0) != 0x80) {
            size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            return need > k ? k : 0;
        }
    }
    return 0;
}

// Validates buf[checked..rlen) for a strict text file; an incomplete sequence at the end waits
// for more bytes unless the file is at its end. Raises CPython's UnicodeDecodeError.
static int validate_text(file_obj *f) {
    if (f->codec == CODEC_LATIN1 || !f->strict) {
        f->checked = f->rlen;
        return 0;
    }
    const char *s = f->buf + f->checked;
    size_t n = f->rlen - f->checked, ok;
    if (f->codec == CODEC_ASCII) {
        for (ok = 0; ok < n && (unsigned char)s[ok] < 0x80; ok++) {
        }
    } else {
        ok = kr_utf8_valid_prefix(s, n);
        size_t tail = utf8_incomplete_tail((const unsigned char *)s, n);
        if (ok < n && ok + tail == n && !f->at_eof) {
            f->checked += ok;
            return 0;
        }
    }
    if (ok == n) {
        f->checked = f->rlen;
        return 0;
    }
    kr_val r = kr_str_decode(s, n, kr_str_data(f->encoding), "strict");
    KR_XDECREF(r);
    return r ? 0 : -1;
}

// Reads more bytes into the buffer. Returns the count read (0 at the end of the file) or -1.
static int fill(file_obj *f) {
    if (flush_buffer(f) < 0) {
        return -1;
    }
    if (f->rpos > 0) {
        memmove(f->buf, f->buf + f->rpos, f->rlen - f->rpos);
        f->rlen -= f->rpos;
        f->checked -= f->rpos < f->checked ? f->rpos : f->checked;
        f->plain -= f->rpos < f->plain ? f->rpos : f->plain;
        f->rpos = 0;
    }
    ssize_t k;
    do {
        k = read(f->fd, f->buf + f->rlen, BUF_SIZE - f->rlen);
    } while (k < 0 && errno == EINTR);
    if (k < 0) {
        return errno_error();
    }
    f->rlen += (size_t)k;
    f->at_eof = k == 0;
    if (f->text && validate_text(f) < 0) {
        return -1;
    }
    return (int)k;
}

// The next byte (not consumed), -1 at the end of the file, -2 on error.
static int peek(file_obj *f) {
    if (f->rpos == f->rlen) {
        int k = fill(f);
        if (k <= 0) {
            return k < 0 ? -2 : -1;
        }
    }
    return (unsigned char)f->buf[f->rpos];
}

// ---------------------------------------------------------------------------------------------
// Reading text

// Whether byte 'c' starts a character (counts toward a limit in characters).
static bool starts_char(const file_obj *f, unsigned char c) {
    return f->codec != CODEC_UTF8 || (c & 0xC0) != 0x80;
}

// Handles the '\r' or '\n' byte at the read position. Appends the translated text to 'out'
// and sets '*end_line' when it ends a line. Returns the characters appended, or -1.
static int text_newline(file_obj *f, kr_strbuf *out, bool *end_line) {
    char c = f->buf[f->rpos++];
    int nl = f->newline, next;
    *end_line = false;
    if (c == '\n') {
        *end_line = nl != NL_CR && nl != NL_CRLF;
        return kr_strbuf_append_char(out, '\n') < 0 ? -1 : 1;
    }
    if (nl == NL_LF) {
        return kr_strbuf_append_char(out, '\r') < 0 ? -1 : 1;
    }
    if (nl == NL_CR) {
        *end_line = true;
        return kr_strbuf_append_char(out, '\r') < 0 ? -1 : 1;
    }
    if ((next = peek(f)) == -2) {
        return -1;
    }
    if (nl == NL_CRLF && next != '\n') {
        return kr_strbuf_append_char(out, '\r') < 0 ? -1 : 1;
    }
    *end_line = true;
    if (next == '\n') {
        f->rpos++;
    }
    if (nl == NL_UNIVERSAL) {
        return kr_strbuf_append_char(out, '\n') < 0 ? -1 : 1;
    }
    return kr_strbuf_append(out, next == '\n' ? "\r\n" : "\r", next == '\n' ? 2 : 1) < 0
               ? -1
               : next == '\n' ? 2 : 1;
}

// Appends up to 'limit' characters (all when < 0) to 'out', stopping after a line end when
// 'line' is set. The bytes are still encoded; the caller decodes them.
static int text_collect(file_obj *f, intptr_t limit, bool line, kr_strbuf *out) {
    intptr_t chars = 0;
    for (;;) {
        int c = peek(f);
        if (c == -2) {
            return -1;
        }
        if (c == -1 || (limit >= 0 && chars >= limit && starts_char(f, (unsigned char)c))) {
            return 0;
        }
        size_t i = f->rpos;
        while (i < f->rlen && f->buf[i] != '\n' && f->buf[i] != '\r') {
            if (limit >= 0 && starts_char(f, (unsigned char)f->buf[i]) && chars++ >= limit) {
                chars--;
                break;
            }
            i++;
        }
        if (kr_strbuf_append(out, f->buf + f->rpos, i - f->rpos) < 0) {
            return -1;
        }
        f->rpos = i;
        if (i < f->rlen && (f->buf[i] == '\n' || f->buf[i] == '\r')
            && (limit < 0 || chars < limit)) {
            bool end_line;
            int k = text_newline(f, out, &end_line);
            if (k < 0) {
                return -1;
            }
            chars += k;
            if (line && end_line) {
                return 0;
            }
        }
    }
}

// The common case of readline() and iteration: a whole line ending in '\n' already in the
// buffer and validated (UTF-8 or ASCII, errors='strict': the buffer holds valid UTF-8 up to
// 'checked'), with no '\r' that newline translation would touch. The str is made straight
// from the buffer. Returns 0 (no exception) when the general path must read the line.
// The end of the run of ASCII bytes other than '\r' that starts at buf[from] (before 'to'),
// eight bytes at a time.
static size_t plain_end(const char *buf, size_t from, size_t to) {
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    const uint64_t cr = ones * '\r';
    size_t i = from;
    for (; i + 8 <= to; i += 8) {
        uint64_t w;
        memcpy(&w, buf + i, 8);
        uint64_t x = w ^ cr;
        uint64_t hit = (w | ((x - ones) & ~x)) & highs;
        if (hit) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            return i + (size_t)(__builtin_ctzll(hit) >> 3);  // the lowest flagged byte is exact
#else
            break;
#endif
        }
    }
    while (i < to && (unsigned char)buf[i] < 0x80 && buf[i] != '\r') {
        i++;
    }
    return i;
}

static kr_val text_line_fast(file_obj *f) {
    if (f->codec == CODEC_LATIN1 || f->rpos >= f->checked || f->newline == NL_CR
        || f->newline == NL_CRLF) {
        return 0;
    }
    const char *p = f->buf + f->rpos;
    size_t avail = f->checked - f->rpos;
    const char *nl = memchr(p, '\n', avail);
    if (!nl || !f->strict) {
        return 0;
    }
    size_t n = (size_t)(nl - p) + 1;
    if (f->rpos + n > f->plain) {
        f->plain = plain_end(f->buf, f->plain > f->rpos ? f->plain : f->rpos, f->checked);
    }
    bool plain = f->rpos + n <= f->plain;  // ASCII, and no '\r' to translate
    if (!plain && f->newline != NL_LF && memchr(p, '\r', n - 1)) {
        return 0;
    }
    kr_val s = plain ? kr_str_from_ascii(p, n) : kr_str_from_utf8(p, n);
    if (s) {
        f->rpos += n;
    }
    return s;
}

static kr_val text_read(file_obj *f, intptr_t limit, bool line) {
    if (line && limit < 0) {
        kr_val s = text_line_fast(f);
        if (s || kr_err_occurred()) {
            return s;
        }
    }
    kr_strbuf b;
    kr_strbuf_init(&b);
    if (text_collect(f, limit, line, &b) < 0) {
        kr_strbuf_free(&b);
        return 0;
    }
    kr_val s = kr_str_decode(b.data ? b.data : "", b.len, kr_str_data(f->encoding),
                             kr_str_data(f->errors));
    kr_strbuf_free(&b);
    return s;
}

// ---------------------------------------------------------------------------------------------
// Reading bytes

static kr_val bytes_from_buf(kr_strbuf *b) {
    kr_val r = kr_bytes_from_data(b->data ? b->data : "", b->len);
    kr_strbuf_free(b);
    return r;
}

static kr_val binary_read(file_obj *f, intptr_t limit, bool line) {
    kr_strbuf b;
    kr_strbuf_init(&b);
    for (;;) {
        int c = peek(f);
        if (c == -2) {
            kr_strbuf_free(&b);
            return 0;
        }
        if (c == -1 || (limit >= 0 && (intptr_t)b.len >= limit)) {
            return bytes_from_buf(&b);
        }
        size_t n = f->rlen - f->rpos;
        if (limit >= 0 && n > (size_t)limit - b.len) {
            n = (size_t)limit - b.len;
        }
        const char *nl = line ? memchr(f->buf + f->rpos, '\n', n) : NULL;
        if (nl) {
            n = (size_t)(nl - (f->buf + f->rpos)) + 1;
        }
        if (kr_strbuf_append(&b, f->buf + f->rpos, n) < 0) {
            kr_strbuf_free(&b);
            return 0;
        }
        f->rpos += n;
        if (nl) {
            return bytes_from_buf(&b);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The operations

kr_val kr_file_read(kr_val fv, intptr_t n) {
    file_obj *f = FILE_OBJ(fv);
    if (check_readable(f, "read of closed file") < 0) {
        return 0;
    }
    return f->text ? text_read(f, n, false) : binary_read(f, n, false);
}

kr_val kr_file_readline(kr_val fv, intptr_t limit) {
    file_obj *f = FILE_OBJ(fv);
    if (check_readable(f, "readline of closed file") < 0) {
        return 0;
    }
    return f->text ? text_read(f, limit, true) : binary_read(f, limit, true);
}

static intptr_t item_len(kr_val v) {
    return kr_str_check(v) ? kr_str_len(v) : kr_bytes_len(v);
}

kr_val kr_file_readlines(kr_val fv, intptr_t hint) {
    file_obj *f = FILE_OBJ(fv);
    if (check_readable(f, NULL) < 0) {
        return 0;
    }
    kr_val list = kr_list_new(0);
    intptr_t total = 0;
    while (list) {
        kr_val line = kr_file_readline(fv, -1);
        if (!line || item_len(line) == 0) {
            KR_XDECREF(line);
            if (!line) {
                KR_CLEAR(list);
            }
            break;
        }
        total += item_len(line);
        int r = kr_list_append(list, line);
        KR_DECREF(line);
        if (r < 0) {
            KR_CLEAR(list);
        } else if (hint > 0 && total >= hint) {
            break;
        }
    }
    return list;
}

// '\n' in 's' becomes the newline string of a file opened with newline='\r' or '\r\n'.
static kr_val translate_newlines(file_obj *f, kr_val s) {
    if ((f->newline != NL_CR && f->newline != NL_CRLF)
        || !memchr(kr_str_data(s), '\n', (size_t)kr_str_nbytes(s))) {
        return kr_newref(s);
    }
    kr_strbuf b;
    kr_strbuf_init(&b);
    const char *p = kr_str_data(s), *end = p + kr_str_nbytes(s);
    for (; p < end; p++) {
        int r = *p != '\n' ? kr_strbuf_append_char(&b, *p)
                : f->newline == NL_CR ? kr_strbuf_append_char(&b, '\r')
                                      : kr_strbuf_append(&b, "\r\n", 2);
        if (r < 0) {
            kr_strbuf_free(&b);
            return 0;
        }
    }
    return kr_strbuf_finish(&b);
}

// Encodes and buffers str 's'; flushes when line buffering sees a line end.
static int text_write(file_obj *f, kr_val s) {
    kr_val t = translate_newlines(f, s);
    if (!t) {
        return -1;
    }
    kr_val data = 0;
    const char *p = kr_str_data(t);
    size_t n = (size_t)kr_str_nbytes(t);
    if (f->codec != CODEC_UTF8 || kr_utf8_valid_prefix(p, n) != n) {
        data = kr_str_encode(t, kr_str_data(f->encoding), kr_str_data(f->errors));
        if (!data) {
            KR_DECREF(t);
            return -1;
        }
        p = kr_bytes_data(data);
        n = (size_t)kr_bytes_len(data);
    }
    int r = buffer_write(f, p, n);
    bool eol = memchr(kr_str_data(t), '\n', (size_t)kr_str_nbytes(t))
               || memchr(kr_str_data(t), '\r', (size_t)kr_str_nbytes(t));
    KR_XDECREF(data);
    KR_DECREF(t);
    if (r == 0 && (f->write_through || (f->line_buffering && eol))) {
        r = flush_buffer(f);
    }
    return r;
}

intptr_t kr_file_write(kr_val fv, kr_val data) {
    file_obj *f = FILE_OBJ(fv);
    if (check_writable(f, "write to closed file") < 0) {
        return -1;
    }
    if (f->text) {
        if (!kr_str_check(data)) {
            kr_err_set(&kr_exc_TypeError, "write() argument must be str, not %s",
                       kr_type_name(data));
            return -1;
        }
        return text_write(f, data) < 0 ? -1 : kr_str_len(data);
    }
    if (!kr_bytes_like_check(data)) {
        kr_err_set(&kr_exc_TypeError, "a bytes-like object is required, not '%s'",
                   kr_type_name(data));
        return -1;
    }
    intptr_t n = kr_bytes_len(data);
    if (buffer_write(f, kr_bytes_data(data), (size_t)n) < 0
        || (f->write_through && flush_buffer(f) < 0)) {
        return -1;
    }
    return n;
}

int kr_file_write_text(kr_val fv, const char *s, size_t n) {
    kr_val str = kr_str_from_utf8(s, n);
    if (!str) {
        return -1;
    }
    intptr_t r = kr_file_write(fv, str);
    KR_DECREF(str);
    return r < 0 ? -1 : 0;
}

int kr_file_writelines(kr_val fv, kr_val iterable) {
    if (check_open(FILE_OBJ(fv), NULL) < 0) {
        return -1;
    }
    kr_val it = kr_iter(iterable);
    if (!it) {
        return -1;
    }
    kr_val item;
    while ((item = kr_next(it))) {
        intptr_t r = kr_file_write(fv, item);
        KR_DECREF(item);
        if (r < 0) {
            KR_DECREF(it);
            return -1;
        }
    }
    KR_DECREF(it);
    return kr_err_occurred() ? -1 : 0;
}

int kr_file_flush(kr_val fv) {
    file_obj *f = FILE_OBJ(fv);
    if (check_open(f, "flush of closed file") < 0) {
        return -1;
    }
    return flush_buffer(f);
}

int64_t kr_file_tell(kr_val fv) {
    file_obj *f = FILE_OBJ(fv);
    if (check_open(f, "") < 0) {
        return -1;
    }
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0) {
        return errno_error();
    }
    return (int64_t)pos + (int64_t)f->wlen - (int64_t)(f->rlen - f->rpos);
}

// The restrictions of TextIOWrapper.seek, whose positions are only those tell() returns.
static int text_seek_check(int64_t offset, int whence) {
    if (whence == SEEK_CUR && offset != 0) {
        kr_err_set(&kr_exc_UnsupportedOperation, "can't do nonzero cur-relative seeks");
        return -1;
    }
    if (whence == SEEK_END && offset != 0) {
        kr_err_set(&kr_exc_UnsupportedOperation, "can't do nonzero end-relative seeks");
        return -1;
    }
    if (whence < 0 || whence > 2) {
        kr_err_set(&kr_exc_ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
        return -1;
    }
    if (offset < 0) {
        kr_err_set(&kr_exc_ValueError, "negative seek position %lld", (long long)offset);
        return -1;
    }
    return 0;
}

int64_t kr_file_seek(kr_val fv, int64_t offset, int whence) {
    file_obj *f = FILE_OBJ(fv);
    if (check_open(f, "seek of closed file") < 0) {
        return -1;
    }
    if (f->text && text_seek_check(offset, whence) < 0) {
        return -1;
    }
    if (f->text && whence == SEEK_CUR) {
        int64_t here = kr_file_tell(fv);
        if (here < 0) {
            return -1;
        }
        offset = here;
        whence = SEEK_SET;
    }
    if (flush_buffer(f) < 0) {
        return -1;
    }
    if (whence == SEEK_CUR) {
        offset -= (int64_t)(f->rlen - f->rpos);
    }
    drop_read_ahead(f, false);
    off_t pos = lseek(f->fd, (off_t)offset, whence);
    return pos < 0 ? errno_error() : (int64_t)pos;
}

static void unlink_open(file_obj *f) {
    if (f->prev) {
        f->prev->next = f->next;
    } else if (open_files == f) {
        open_files = f->next;
    }
    if (f->next) {
        f->next->prev = f->prev;
    }
    f->prev = f->next = NULL;
}

int kr_file_close(kr_val fv) {
    file_obj *f = FILE_OBJ(fv);
    if (f->closed) {
        return 0;
    }
    int r = flush_buffer(f);
    f->closed = true;
    unlink_open(f);
    if (f->closefd && close(f->fd) < 0 && r == 0) {
        r = errno_error();
    }
    return r;
}

bool kr_file_closed(kr_val fv) { return FILE_OBJ(fv)->closed; }

kr_val kr_file_enter(kr_val fv) {
    return check_open(FILE_OBJ(fv), NULL) < 0 ? 0 : kr_newref(fv);
}

kr_val kr_file_exit(kr_val fv, kr_val exc_type, kr_val exc, kr_val tb) {
    (void)exc_type, (void)exc, (void)tb;
    return kr_file_close(fv) < 0 ? 0 : KR_NONE;
}

// ---------------------------------------------------------------------------------------------
// Opening

typedef struct open_mode {
    bool reading, writing, appending, creating, updating, text, binary;
} open_mode;

// Parses open()'s mode string with CPython's checks and messages.
static int parse_mode(const char *m, open_mode *om) {
    memset(om, 0, sizeof *om);
    for (const char *p = m; *p; p++) {
        const char *at = strchr("rwxabt+", *p);
        if (!at || strchr(p + 1, *p)) {
            kr_err_set(&kr_exc_ValueError, "invalid mode: '%s'", m);
            return -1;
        }
        bool *flags[] = { &om->reading, &om->writing, &om->creating, &om->appending,
                          &om->binary, &om->text, &om->updating };
        *flags[at - "rwxabt+"] = true;
    }
    if (om->text && om->binary) {
        kr_err_set(&kr_exc_ValueError, "can't have text and binary mode at once");
        return -1;
    }
    if (om->reading + om->writing + om->creating + om->appending > 1) {
        kr_err_set(&kr_exc_ValueError, "must have exactly one of create/read/write/append mode");
        return -1;
    }
    return 0;
}

// No create/read/write/append letter at all: FileIO's check, after open()'s own.
static int check_mode_letter(const open_mode *om) {
    if (!om->reading && !om->writing && !om->creating && !om->appending) {
        kr_err_set(&kr_exc_ValueError, "Must have exactly one of create/read/write/append mode "
                                       "and at most one plus");
        return -1;
    }
    return 0;
}

static int open_flags(const open_mode *om) {
    int flags = om->updating ? O_RDWR : om->reading ? O_RDONLY : O_WRONLY;
    if (om->writing) {
        flags |= O_CREAT | O_TRUNC;
    } else if (om->appending) {
        flags |= O_CREAT | O_APPEND;
    } else if (om->creating) {
        flags |= O_CREAT | O_EXCL;
    }
    return flags | O_CLOEXEC;
}

// FileIO's mode string: "rb", "wb", "ab", "xb", with "+" for updating.
static const char *binary_mode(const open_mode *om) {
    if (om->creating) {
        return om->updating ? "xb+" : "xb";
    }
    if (om->appending) {
        return om->updating ? "ab+" : "ab";
    }
    if (om->updating) {
        return "rb+";
    }
    return om->reading ? "rb" : "wb";
}

// Which of the three codecs an encoding name denotes (LookupError for others): str.c owns
// the aliases, so ask it. latin-1 decodes b'\xe9' to 'é'; ASCII encodes 'é' as b'?'.
static int codec_of(const char *enc, int *codec) {
    kr_val s = kr_str_decode("\xe9", 1, enc, "replace");
    if (!s) {
        return -1;
    }
    bool latin1 = kr_str_equal_cstr(s, "\xc3\xa9");
    KR_DECREF(s);
    kr_val e = latin1 ? 0 : kr_str_from_cstr("\xc3\xa9");
    kr_val b = e ? kr_str_encode(e, enc, "replace") : 0;
    KR_XDECREF(e);
    if (!latin1 && !b) {
        return -1;
    }
    *codec = latin1 ? CODEC_LATIN1 : kr_bytes_len(b) == 1 ? CODEC_ASCII : CODEC_UTF8;
    KR_XDECREF(b);
    return 0;
}

static int parse_newline(kr_val newline, int *nl) {
    static const char *const names[] = { "", "\n", "\r", "\r\n" };
    if (!newline || newline == KR_NONE) {
        *nl = NL_UNIVERSAL;
        return 0;
    }
    if (!kr_str_check(newline)) {
        kr_err_set(&kr_exc_TypeError, "open() argument 'newline' must be str or None, not %s",
                   kr_type_name(newline));
        return -1;
    }
    for (int i = 0; i < 4; i++) {
        if (kr_str_equal_cstr(newline, names[i])) {
            *nl = NL_UNTRANSLATED + i;
            return 0;
        }
    }
    kr_err_set(&kr_exc_ValueError, "illegal newline value: %s", kr_str_data(newline));
    return -1;
}

static void file_dealloc(kr_obj *o) {
    file_obj *f = (file_obj *)o;
    if (!f->closed) {
        kr_val saved = kr_err_fetch();
        if (kr_file_close(KR_VAL(o)) < 0) {
            kr_err_clear();
        }
        kr_err_restore(saved);
    }
    unlink_open(f);
    KR_XDECREF(f->name);
    KR_XDECREF(f->mode);
    KR_XDECREF(f->encoding);
    KR_XDECREF(f->errors);
    kr_free(f->buf);
}

// A new file object of 'type' over 'fd' ('name' and 'mode' borrowed).
static kr_val file_new(const kr_type *type, int fd, kr_val name, kr_val mode) {
    file_obj *f = (file_obj *)kr_obj_new(type, sizeof(file_obj));
    if (!f) {
        return 0;
    }
    f->fd = fd;
    f->closefd = true;
    f->name = kr_newref(name);
    f->mode = kr_newref(mode);
    f->buf = kr_alloc_atomic(BUF_SIZE);
    if (!f->buf) {
        f->closed = true;
        KR_DECREF(KR_VAL(f));
        return 0;
    }
    f->next = open_files;
    if (open_files) {
        open_files->prev = f;
    }
    open_files = f;
    return KR_VAL(f);
}

// The text settings of open(): encoding (default UTF-8), errors (default strict), newline.
typedef struct text_opts {
    kr_val encoding, errors;  // str, new references
    int codec, newline;
} text_opts;

static int str_or_none(kr_val v, const char *what) {
    if (v && v != KR_NONE && !kr_str_check(v)) {
        kr_err_set(&kr_exc_TypeError, "open() argument '%s' must be str or None, not %s", what,
                   kr_type_name(v));
        return -1;
    }
    return 0;
}

static int parse_text_opts(kr_val encoding, kr_val errors, kr_val newline, text_opts *t) {
    if (str_or_none(encoding, "encoding") < 0 || str_or_none(errors, "errors") < 0
        || parse_newline(newline, &t->newline) < 0) {
        return -1;
    }
    bool has_enc = encoding && encoding != KR_NONE;
    t->encoding = has_enc ? kr_newref(encoding) : kr_str_from_cstr("UTF-8");
    t->errors = errors && errors != KR_NONE ? kr_newref(errors) : kr_str_from_cstr("strict");
    if (!t->encoding || !t->errors || codec_of(kr_str_data(t->encoding), &t->codec) < 0) {
        KR_XDECREF(t->encoding);
        KR_XDECREF(t->errors);
        return -1;
    }
    return 0;
}

static int check_binary_args(kr_val encoding, kr_val errors, kr_val newline) {
    const char *what = encoding && encoding != KR_NONE ? "an encoding"
                       : errors && errors != KR_NONE   ? "an errors"
                       : newline && newline != KR_NONE ? "a newline"
                                                       : NULL;
    if (what) {
        kr_err_set(&kr_exc_ValueError, "binary mode doesn't take %s argument", what);
        return -1;
    }
    return 0;
}

// Opens the descriptor for 'file' (a path or an fd). Returns the fd or -1.
static int open_fd(kr_val file, const open_mode *om, bool closefd) {
    if (kr_int_check(file)) {
        int64_t fd;
        if (kr_int_as_i64(file, &fd) < 0) {
            return -1;
        }
        if (fd < 0 || fd > INT32_MAX) {
            kr_err_set(&kr_exc_ValueError, "negative file descriptor");
            return -1;
        }
        return (int)fd;
    }
    if (!closefd) {
        kr_err_set(&kr_exc_ValueError, "Cannot use closefd=False with file name");
        return -1;
    }
    const char *path = kr_str_check(file) ? kr_str_data(file) : kr_bytes_data(file);
    int fd;
    do {
        fd = open(path, open_flags(om), 0666);
    } while (fd < 0 && errno == EINTR);
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        fd = -1;
        errno = EISDIR;
    }
    if (fd < 0) {
        kr_err_set_errno(errno, file);
    }
    return fd;
}

// Picks the object type and mode attribute, and applies the text options.
static kr_val make_file(int fd, kr_val file, const open_mode *om, const char *mode,
                        text_opts *t, bool closefd) {
    const kr_type *type = !om->binary                ? &kr_textio_type
                          : om->reading && !om->updating ? &kr_bufreader_type
                          : om->updating             ? &kr_bufrandom_type
                                                     : &kr_bufwriter_type;
    kr_val m = kr_str_from_cstr(om->binary ? binary_mode(om) : mode);
    kr_val fv = m ? file_new(type, fd, file, m) : 0;
    KR_XDECREF(m);
    if (!fv) {
        return 0;
    }
    file_obj *f = FILE_OBJ(fv);
    f->closefd = closefd;
    f->readable = om->reading || om->updating;
    f->writable = !om->reading || om->updating;
    f->appending = om->appending;
    f->text = !om->binary;
    if (f->text) {
        f->encoding = t->encoding;
        f->errors = t->errors;
        f->strict = strcmp(kr_str_data(t->errors), "strict") == 0;
        f->codec = t->codec;
        f->newline = t->newline;
        t->encoding = t->errors = 0;
    }
    if (om->appending) {
        lseek(fd, 0, SEEK_END);
    }
    return fv;
}

static int open_args_check(kr_val file, kr_val buffering, const open_mode *om, intptr_t *buf) {
    if (!kr_int_check(file) && !kr_str_check(file) && !kr_bytes_check(file)) {
        kr_err_set(&kr_exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                   kr_type_name(file));
        return -1;
    }
    *buf = -1;
    if (buffering && kr_index_as_ssize(buffering, buf) < 0) {
        return -1;
    }
    if (*buf == 0 && !om->binary) {
        kr_err_set(&kr_exc_ValueError, "can't have unbuffered text I/O");
        return -1;
    }
    return 0;
}

kr_val kr_builtin_open(kr_val file, kr_val mode, kr_val buffering, kr_val encoding,
                       kr_val errors, kr_val newline, kr_val closefd) {
    if (mode && !kr_str_check(mode)) {
        return kr_err_set(&kr_exc_TypeError, "open() argument 'mode' must be str, not %s",
                          kr_type_name(mode));
    }
    const char *m = mode ? kr_str_data(mode) : "r";
    open_mode om;
    intptr_t buf;
    text_opts t = { 0, 0, 0, 0 };
    int cfd = closefd ? kr_is_true(closefd) : 1;
    if (cfd < 0 || parse_mode(m, &om) < 0 || open_args_check(file, buffering, &om, &buf) < 0) {
        return 0;
    }
    if (om.binary ? check_binary_args(encoding, errors, newline) < 0
                  : parse_text_opts(encoding, errors, newline, &t) < 0) {
        return 0;
    }
    if (check_mode_letter(&om) < 0) {
        KR_XDECREF(t.encoding);
        KR_XDECREF(t.errors);
        return 0;
    }
    int fd = open_fd(file, &om, cfd);
    kr_val f = fd < 0 ? 0 : make_file(fd, file, &om, m, &t, cfd);
    if (f) {
        FILE_OBJ(f)->line_buffering = buf == 1 && !om.binary;
        FILE_OBJ(f)->write_through = buf == 0;
    } else if (fd >= 0 && cfd && !kr_int_check(file)) {
        close(fd);
    }
    KR_XDECREF(t.encoding);
    KR_XDECREF(t.errors);
    return f;
}

kr_val kr_file_open_cstr(const char *path, const char *mode) {
    kr_val p = kr_str_from_cstr(path), m = p ? kr_str_from_cstr(mode) : 0;
    kr_val f = m ? kr_builtin_open(p, m, 0, 0, 0, 0, 0) : 0;
    KR_XDECREF(p);
    KR_XDECREF(m);
    return f;
}

// ---------------------------------------------------------------------------------------------
// Standard streams

static kr_val make_std_stream(int which) {
    static const char *const names[] = { "<stdin>", "<stdout>", "<stderr>" };
    kr_val name = kr_str_from_cstr(names[which]);
    kr_val mode = name ? kr_str_from_cstr(which == KR_STDIN ? "r" : "w") : 0;
    kr_val fv = mode ? file_new(&kr_textio_type, which, name, mode) : 0;
    KR_XDECREF(name);
    KR_XDECREF(mode);
    if (!fv) {
        return 0;
    }
    file_obj *f = FILE_OBJ(fv);
    const char *unbuffered = getenv("PYTHONUNBUFFERED");
    f->text = true;
    f->closefd = false;
    f->readable = which == KR_STDIN;
    f->writable = which != KR_STDIN;
    f->newline = NL_LF;
    f->codec = CODEC_UTF8;
    f->line_buffering = which == KR_STDERR || (which == KR_STDOUT && isatty(which));
    f->write_through = which != KR_STDIN && unbuffered && *unbuffered;
    f->encoding = kr_str_from_cstr("utf-8");
    f->errors = kr_str_from_cstr(which == KR_STDERR ? "backslashreplace" : "strict");
    f->strict = which != KR_STDERR;
    if (!f->encoding || !f->errors) {
        KR_DECREF(fv);
        return 0;
    }
    return fv;
}

static void flush_at_exit(void) { kr_io_flush_all(); }

kr_val kr_sys_stream(int which) {
    static bool registered;
    if (!std_streams[which]) {
        std_streams[which] = make_std_stream(which);
        if (!registered && std_streams[which]) {
            registered = true;
            atexit(flush_at_exit);
        }
    }
    return std_streams[which];
}

void kr_sys_set_stream(int which, kr_val f) {
    KR_INCREF(f);
    KR_SETREF(std_streams[which], f);
}

static void flush_quietly(kr_val f) {
    if (f && kr_file_check(f) && !FILE_OBJ(f)->closed && flush_buffer(FILE_OBJ(f)) < 0) {
        kr_err_clear();
    }
}

void kr_io_flush_all(void) {
    kr_val saved = kr_err_fetch();
    flush_quietly(std_streams[KR_STDOUT]);
    flush_quietly(std_streams[KR_STDERR]);
    for (file_obj *f = open_files; f; f = f->next) {
        flush_quietly(KR_VAL(f));
    }
    kr_err_restore(saved);
}

// ---------------------------------------------------------------------------------------------
// Methods

static kr_val none_or_error(int r) { return r < 0 ? 0 : KR_NONE; }

// An optional size argument: None or absent is -1 (no limit).
static int size_arg(const char *fname, const kr_val *args, size_t nargs, kr_val kwnames,
                    intptr_t *out) {
    if (kr_args_check(fname, nargs, kwnames, 0, 1) < 0) {
        return -1;
    }
    *out = -1;
    if (nargs == 0 || args[0] == KR_NONE) {
        return 0;
    }
    if (!kr_int_check(args[0])) {
        kr_err_set(&kr_exc_TypeError, "argument should be integer or None, not '%s'",
                   kr_type_name(args[0]));
        return -1;
    }
    return kr_index_as_ssize(args[0], out);
}

static kr_val m_read(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    intptr_t n;
    return size_arg("read", args, nargs, kwnames, &n) < 0 ? 0 : kr_file_read(self, n);
}

static kr_val m_readline(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    intptr_t n;
    if (nargs == 1 && args[0] != KR_NONE && !kr_int_check(args[0])) {
        return kr_err_set(&kr_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          kr_type_name(args[0]));
    }
    return size_arg("readline", args, nargs, kwnames, &n) < 0 ? 0 : kr_file_readline(self, n);
}

static kr_val m_readlines(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    intptr_t n;
    return size_arg("readlines", args, nargs, kwnames, &n) < 0 ? 0 : kr_file_readlines(self, n);
}

static kr_val m_write(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    const char *fname = FILE_OBJ(self)->text ? "TextIOWrapper.write" : "write";
    if (kr_args_check(fname, nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    intptr_t n = kr_file_write(self, args[0]);
    return n < 0 ? 0 : kr_int_from_i64(n);
}

static kr_val m_writelines(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    if (kr_args_check("writelines", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return none_or_error(kr_file_writelines(self, args[0]));
}

static kr_val m_seek(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    int64_t off, whence = 0;
    if (kr_args_check("seek", nargs, kwnames, 1, 2) < 0 || kr_int_as_i64(args[0], &off) < 0
        || (nargs == 2 && kr_int_as_i64(args[1], &whence) < 0)) {
        return 0;
    }
    int64_t pos = kr_file_seek(self, off, (int)whence);
    return pos < 0 ? 0 : kr_int_from_i64(pos);
}

static kr_val m_tell(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kr_args_check("tell", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    int64_t pos = kr_file_tell(self);
    return pos < 0 ? 0 : kr_int_from_i64(pos);
}

static kr_val m_flush(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kr_args_check("flush", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return none_or_error(kr_file_flush(self));
}

static kr_val m_close(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kr_args_check("close", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return none_or_error(kr_file_close(self));
}

static kr_val m_fileno(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kr_args_check("fileno", nargs, kwnames, 0, 0) < 0
        || check_open(FILE_OBJ(self), "") < 0) {
        return 0;
    }
    return KR_FROM_SMALL(FILE_OBJ(self)->fd);
}

// isatty(), readable(), writable(), seekable(): 'what' selects the question.
static kr_val query(kr_val self, size_t nargs, kr_val kwnames, const char *fname, int what) {
    file_obj *f = FILE_OBJ(self);
    if (kr_args_check(fname, nargs, kwnames, 0, 0) < 0 || check_open(f, "") < 0) {
        return 0;
    }
    switch (what) {
    case 0: return kr_bool(isatty(f->fd));
    case 1: return kr_bool(f->readable);
    case 2: return kr_bool(f->writable);
    default: return kr_bool(lseek(f->fd, 0, SEEK_CUR) >= 0);
    }
}

static kr_val m_isatty(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    return query(self, nargs, kwnames, "isatty", 0);
}
static kr_val m_readable(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    return query(self, nargs, kwnames, "readable", 1);
}
static kr_val m_writable(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    return query(self, nargs, kwnames, "writable", 2);
}
static kr_val m_seekable(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    return query(self, nargs, kwnames, "seekable", 3);
}

static kr_val m_enter(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kr_args_check("__enter__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return kr_file_enter(self);
}

static kr_val m_exit(kr_val self, const kr_val *args, size_t nargs, kr_val kwnames) {
    (void)args;
    if (kwnames && KR_TUPLE_LEN(kwnames)) {
        return kr_err_set(&kr_exc_TypeError, "__exit__() takes no keyword arguments");
    }
    (void)nargs;
    return kr_file_exit(self, 0, 0, 0);
}

static const kr_method_def file_methods[] = {
    { "read", m_read, 0 },         { "readline", m_readline, 0 },
    { "readlines", m_readlines, 0 }, { "write", m_write, 0 },
    { "writelines", m_writelines, 0 }, { "seek", m_seek, 0 },
    { "tell", m_tell, 0 },         { "flush", m_flush, 0 },
    { "close", m_close, 0 },       { "fileno", m_fileno, 0 },
    { "isatty", m_isatty, 0 },     { "readable", m_readable, 0 },
    { "writable", m_writable, 0 }, { "seekable", m_seekable, 0 },
    { "__enter__", m_enter, 0 },   { "__exit__", m_exit, 0 },
    { NULL, NULL, 0 },
};

static kr_val get_closed(kr_val self) { return kr_bool(FILE_OBJ(self)->closed); }
static kr_val get_name(kr_val self) { return kr_newref(FILE_OBJ(self)->name); }
static kr_val get_mode(kr_val self) { return kr_newref(FILE_OBJ(self)->mode); }
static kr_val get_encoding(kr_val self) { return kr_newref(FILE_OBJ(self)->encoding); }
static kr_val get_errors(kr_val self) { return kr_newref(FILE_OBJ(self)->errors); }
static kr_val get_line_buffering(kr_val self) {
    return kr_bool(FILE_OBJ(self)->line_buffering);
}

static const kr_getset_def binary_getset[] = {
    { "closed", get_closed, NULL },
    { "name", get_name, NULL },
    { "mode", get_mode, NULL },
    { NULL, NULL, NULL },
};

static const kr_getset_def text_getset[] = {
    { "closed", get_closed, NULL },
    { "name", get_name, NULL },
    { "mode", get_mode, NULL },
    { "encoding", get_encoding, NULL },
    { "errors", get_errors, NULL },
    { "line_buffering", get_line_buffering, NULL },
    { NULL, NULL, NULL },
};

// <_io.TextIOWrapper name='x.txt' mode='r' encoding='UTF-8'>, <_io.BufferedReader name='x'>.
static kr_val file_repr(kr_val self) {
    file_obj *f = FILE_OBJ(self);
    kr_reprbuf b = { 0 };
    int r = kr_reprbuf_cstr(&b, "<") < 0 || kr_reprbuf_cstr(&b, kr_type_name(self)) < 0
            || kr_reprbuf_cstr(&b, " name=") < 0 || kr_reprbuf_repr(&b, f->name) < 0;
    if (!r && f->text) {
        r = kr_reprbuf_cstr(&b, " mode=") < 0 || kr_reprbuf_repr(&b, f->mode) < 0
            || kr_reprbuf_cstr(&b, " encoding=") < 0 || kr_reprbuf_repr(&b, f->encoding) < 0;
    }
    if (r || kr_reprbuf_cstr(&b, ">") < 0) {
        kr_reprbuf_free(&b);
        return 0;
    }
    return kr_reprbuf_finish(&b);
}

static kr_val file_iter(kr_val self) {
    return check_open(FILE_OBJ(self), NULL) < 0 ? 0 : kr_newref(self);
}

static kr_val file_iternext(kr_val self) {
    kr_val line = kr_file_readline(self, -1);
    if (line && item_len(line) == 0) {
        KR_DECREF(line);
        return 0;
    }
    return line;
}

#define FILE_TYPE(cname, pyname, gs)        \
    kr_type cname = {                       \
        .ob = KR_STATIC_HEADER(&kr_type_type), \
        .name = pyname,                     \
        .base = &kr_object_type,            \
        .basicsize = sizeof(file_obj),      \
        .dealloc = file_dealloc,            \
        .repr = file_repr,                  \
        .iter = file_iter,                  \
        .iternext = file_iternext,          \
        .methods = file_methods,            \
        .getset = gs,                       \
    }

FILE_TYPE(kr_textio_type, "_io.TextIOWrapper", text_getset);
FILE_TYPE(kr_bufreader_type, "_io.BufferedReader", binary_getset);
FILE_TYPE(kr_bufwriter_type, "_io.BufferedWriter", binary_getset);
FILE_TYPE(kr_bufrandom_type, "_io.BufferedRandom", binary_getset);

// io.UnsupportedOperation derives from OSError and ValueError in CPython; krait types have
// one base, so it is an OSError. Its slots are inherited from OSError.
kr_type kr_exc_UnsupportedOperation = {
    .ob = KR_STATIC_HEADER(&kr_type_type),
    .name = "UnsupportedOperation",
    .module = "io",
    .base = &kr_exc_OSError,
    .basicsize = sizeof(kr_exc_obj),
    .flags = KR_TF_EXC_SUB | KR_TF_BASETYPE,
};
