// test_rt_io.c: CUnit suite "rt_io": open() and the file objects of runtime/fileio.c — text
// and binary modes, encodings, errors handlers, newline translation, buffering across the
// 8 KiB buffer, seek/tell, iteration, context management, closing at refcount zero and
// CPython's error messages. Files live in a mkdtemp directory. Each expectation was printed by
// CPython 3.13 running the Python shown in the comment above it.
#include "krait.h"

#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmpdir[] = "/tmp/krait_io_XXXXXX";

// Files are named relative to the temporary directory (the working directory), so that reprs
// match CPython's.
static const char *tmp(const char *name) { return name; }

static kr_val S(const char *s) { return kr_str_from_cstr(s); }

// open(tmp/name, mode, encoding=enc, errors=err, newline=nl); NULL means absent, "None" None.
static kr_val open_with(const char *name, const char *mode, const char *enc, const char *err,
                        const char *nl) {
    kr_val a[5] = { S(tmp(name)), S(mode), enc ? S(enc) : 0, err ? S(err) : 0,
                    !nl ? 0 : strcmp(nl, "None") == 0 ? KR_NONE : S(nl) };
    kr_val f = kr_builtin_open(a[0], a[1], 0, a[2], a[3], a[4], 0);
    for (int i = 0; i < 5; i++) {
        KR_XDECREF(a[i]);
    }
    return f;
}

// Checks that 'v' (stolen) has repr 'want', or that the pending exception reads 'want' as
// "!Type: message".
static void check(kr_val v, const char *want, int line) {
    char got[512];
    if (v) {
        kr_val r = kr_repr(v);
        snprintf(got, sizeof got, "%s", r ? kr_str_data(r) : "?");
        KR_XDECREF(r);
        KR_DECREF(v);
    } else {
        kr_val e = kr_err_fetch(), m = e ? kr_str(e) : 0;
        snprintf(got, sizeof got, "!%s: %s", e ? kr_type_name(e) : "?", m ? kr_str_data(m) : "");
        KR_XDECREF(m);
        KR_XDECREF(e);
    }
    if (strcmp(got, want) != 0) {
        printf("\n  line %d\n    got  %s\n    want %s", line, got, want);
    }
    CU_ASSERT_STRING_EQUAL(got, want);
}
#define CHECK(v, want) check((v), (want), __LINE__)

// Method call f.name(args...) through the attribute protocol, as generated dynamic code does.
static kr_val call(kr_val f, const char *name, size_t nargs, const kr_val *args) {
    kr_val m = kr_getattr_cstr(f, name);
    kr_val r = m ? kr_call(m, args, nargs, 0) : 0;
    KR_XDECREF(m);
    return r;
}
#define CALL0(f, name) call((f), (name), 0, NULL)
#define CALL1(f, name, a) call((f), (name), 1, (kr_val[]){ (a) })
#define CALL2(f, name, a, b) call((f), (name), 2, (kr_val[]){ (a), (b) })
#define I(n) KR_FROM_SMALL(n)

static kr_val B(const char *s, size_t n) { return kr_bytes_from_data(s, n); }

// Writes raw bytes to tmp/name.
static void put(const char *name, const char *data, size_t n) {
    FILE *fp = fopen(tmp(name), "wb");
    fwrite(data, 1, n, fp);
    fclose(fp);
}

// Reads tmp/name as bytes repr.
static kr_val get(const char *name) {
    kr_val f = open_with(name, "rb", NULL, NULL, NULL);
    kr_val r = f ? kr_file_read(f, -1) : 0;
    KR_XDECREF(f);
    return r;
}

// with open('a.txt','w', newline='') as f: f.write('x\r\ny\rz\n\r')  -> 8
// for nl in [None, '', '\n', '\r', '\r\n']: open('a.txt', newline=nl).readlines()
static void test_newlines(void) {
    kr_val f = open_with("a.txt", "w", NULL, NULL, "");
    kr_val s = S("x\r\ny\rz\n\r");
    CHECK(CALL1(f, "write", s), "8");
    KR_DECREF(s);
    KR_DECREF(f);
    static const struct {
        const char *nl, *want;
    } cases[] = {
        { "None", "['x\\n', 'y\\n', 'z\\n', '\\n']" },
        { "", "['x\\r\\n', 'y\\r', 'z\\n', '\\r']" },
        { "\n", "['x\\r\\n', 'y\\rz\\n', '\\r']" },
        { "\r", "['x\\r', '\\ny\\r', 'z\\n\\r']" },
        { "\r\n", "['x\\r\\n', 'y\\rz\\n\\r']" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        f = open_with("a.txt", "r", NULL, NULL, cases[i].nl);
        CHECK(kr_file_readlines(f, -1), cases[i].want);
        KR_DECREF(f);
    }
    f = open_with("a.txt", "r", NULL, NULL, NULL);
    CHECK(kr_file_read(f, -1), "'x\\ny\\nz\\n\\n'");
    KR_DECREF(f);
    // open('b.txt','w', newline='\r\n').write('a\nb\n') -> b'a\r\nb\r\n'; newline='\r': b'a\rb\r'
    f = open_with("b.txt", "w", NULL, NULL, "\r\n");
    s = S("a\nb\n");
    CU_ASSERT_EQUAL(kr_file_write(f, s), 4);
    KR_DECREF(f);
    CHECK(get("b.txt"), "b'a\\r\\nb\\r\\n'");
    f = open_with("b.txt", "w", NULL, NULL, "\r");
    CU_ASSERT_EQUAL(kr_file_write(f, s), 4);
    KR_DECREF(f);
    CHECK(get("b.txt"), "b'a\\rb\\r'");
    KR_DECREF(s);
}

// open('u.txt','w').write('héllo wörld €\nzweite\n') -> 21; then reads with tell().
static void test_utf8(void) {
    kr_val f = kr_file_open_cstr(tmp("u.txt"), "w");
    kr_val s = S("héllo wörld €\nzweite\n");
    CHECK(kr_int_from_i64(kr_file_write(f, s)), "21");
    KR_DECREF(s);
    KR_DECREF(f);
    f = kr_file_open_cstr(tmp("u.txt"), "r");
    CHECK(kr_file_read(f, 3), "'hél'");
    CU_ASSERT_EQUAL(kr_file_tell(f), 4);
    CHECK(kr_file_read(f, 4), "'lo w'");
    CU_ASSERT_EQUAL(kr_file_tell(f), 8);
    CHECK(kr_file_readline(f, 5), "'örld '");
    CU_ASSERT_EQUAL(kr_file_tell(f), 14);
    CHECK(kr_file_readline(f, -1), "'€\\n'");
    CU_ASSERT_EQUAL(kr_file_tell(f), 18);
    CHECK(kr_file_readline(f, -1), "'zweite\\n'");
    CHECK(kr_file_readline(f, -1), "''");
    CU_ASSERT_EQUAL(kr_file_tell(f), 25);
    KR_DECREF(f);
    // encoding='latin-1', 'ascii', ascii + errors='replace' / 'ignore'
    f = open_with("u.txt", "r", "latin-1", NULL, NULL);
    CHECK(kr_file_read(f, -1), "'hÃ©llo wÃ¶rld â\\x82¬\\nzweite\\n'");
    KR_DECREF(f);
    f = open_with("u.txt", "r", "ascii", NULL, NULL);
    CHECK(kr_file_read(f, -1), "!UnicodeDecodeError: 'ascii' codec can't decode byte 0xc3 in "
                               "position 1: ordinal not in range(128)");
    KR_DECREF(f);
    f = open_with("u.txt", "r", "ascii", "replace", NULL);
    CHECK(kr_file_read(f, -1), "'h��llo w��rld ���\\nzweite\\n'");
    KR_DECREF(f);
    f = open_with("u.txt", "r", "ascii", "ignore", NULL);
    CHECK(kr_file_read(f, -1), "'hllo wrld \\nzweite\\n'");
    KR_DECREF(f);
}

// Encoding on write: latin-1 'é' -> b'\xe9'; ascii 'aé' -> UnicodeEncodeError; ascii+replace
// 'aé€' -> 3, b'a??'; latin-1 'a€' -> UnicodeEncodeError and nothing written (b'').
static void test_encode(void) {
    kr_val f = open_with("l.txt", "w", "latin-1", NULL, NULL);
    kr_val s = S("é");
    CU_ASSERT_EQUAL(kr_file_write(f, s), 1);
    KR_DECREF(s);
    CHECK(kr_getattr_cstr(f, "encoding"), "'latin-1'");
    KR_DECREF(f);
    CHECK(get("l.txt"), "b'\\xe9'");
    f = open_with("l.txt", "w", "ascii", NULL, NULL);
    s = S("aé");
    CHECK(CALL1(f, "write", s), "!UnicodeEncodeError: 'ascii' codec can't encode character "
                                "'\\xe9' in position 1: ordinal not in range(128)");
    KR_DECREF(s);
    KR_DECREF(f);
    f = open_with("l.txt", "w", "ascii", "replace", NULL);
    s = S("aé€");
    CHECK(CALL1(f, "write", s), "3");
    KR_DECREF(s);
    KR_DECREF(f);
    CHECK(get("l.txt"), "b'a?\?'");
    f = open_with("l.txt", "w", "latin-1", NULL, NULL);
    s = S("a€");
    CHECK(CALL1(f, "write", s), "!UnicodeEncodeError: 'latin-1' codec can't encode character "
                                "'\\u20ac' in position 1: ordinal not in range(256)");
    KR_DECREF(s);
    KR_DECREF(f);
    CHECK(get("l.txt"), "b''");
}

// b'abc\n\xff\ndef\n': readline() raises at once (the chunk is decoded as a whole);
// errors='replace' reads ['abc\n', '\ufffd\n', 'def\n'].
static void test_decode_errors(void) {
    put("bad.txt", "abc\n\xff\ndef\n", 10);
    kr_val f = kr_file_open_cstr(tmp("bad.txt"), "r");
    CHECK(kr_file_readline(f, -1), "!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff "
                                   "in position 4: invalid start byte");
    KR_DECREF(f);
    f = open_with("bad.txt", "r", NULL, "replace", NULL);
    CHECK(kr_file_readlines(f, -1), "['abc\\n', '�\\n', 'def\\n']");
    KR_DECREF(f);
}

// with open('bin','wb') as f: f.write(b'line1\nline2\nlast'), f.tell()  -> 16 16
// then read(3), tell, readline, readline(2), ... as in the probe printed by CPython:
// b'lin' 3 b'e1\n' b'li' b'ne2\n' b'last' b'' b'' 2 b'ne' 14 b'st' 1 3 b'e' 4
static void test_binary(void) {
    kr_val f = kr_file_open_cstr(tmp("bin"), "wb");
    kr_val d = B("line1\nline2\nlast", 16);
    CU_ASSERT_EQUAL(kr_file_write(f, d), 16);
    CU_ASSERT_EQUAL(kr_file_tell(f), 16);
    KR_DECREF(d);
    KR_DECREF(f);
    f = kr_file_open_cstr(tmp("bin"), "rb");
    CHECK(kr_file_read(f, 3), "b'lin'");
    CU_ASSERT_EQUAL(kr_file_tell(f), 3);
    CHECK(kr_file_readline(f, -1), "b'e1\\n'");
    CHECK(kr_file_readline(f, 2), "b'li'");
    CHECK(kr_file_readline(f, -1), "b'ne2\\n'");
    CHECK(kr_file_readline(f, -1), "b'last'");
    CHECK(kr_file_read(f, -1), "b''");
    CHECK(kr_file_read(f, 5), "b''");
    CHECK(CALL1(f, "seek", I(2)), "2");
    CHECK(kr_file_read(f, 2), "b'ne'");
    CHECK(CALL2(f, "seek", I(-2), I(2)), "14");
    CHECK(kr_file_read(f, -1), "b'st'");
    CU_ASSERT_EQUAL(kr_file_seek(f, 1, 0), 1);
    CU_ASSERT_EQUAL(kr_file_seek(f, 2, 1), 3);
    CHECK(kr_file_read(f, 1), "b'e'");
    CHECK(CALL0(f, "tell"), "4");
    KR_DECREF(f);
    // list(f), f.readlines() twice, readlines(7) binary and text
    f = kr_file_open_cstr(tmp("bin"), "rb");
    CHECK(kr_list_from_iterable(f), "[b'line1\\n', b'line2\\n', b'last']");
    KR_DECREF(f);
    f = kr_file_open_cstr(tmp("bin"), "rb");
    CHECK(CALL0(f, "readlines"), "[b'line1\\n', b'line2\\n', b'last']");
    CHECK(CALL0(f, "readlines"), "[]");
    KR_DECREF(f);
    f = kr_file_open_cstr(tmp("bin"), "rb");
    CHECK(CALL1(f, "readlines", I(7)), "[b'line1\\n', b'line2\\n']");
    KR_DECREF(f);
    f = kr_file_open_cstr(tmp("bin"), "r");
    CHECK(CALL1(f, "readlines", I(7)), "['line1\\n', 'line2\\n']");
    KR_DECREF(f);
}

// 'ab': tell 16, write(bytearray(b'++')) 2, tell 18. 'r+b': read(2) b'li', write(b'XY') 2,
// tell 4, seek(0) 0, read() b'liXY1\nline2\nlast++'. 'r+' text: read(2) 'li', write('ZZ') 2,
// tell 20 (TextIOWrapper read ahead), content 'liXY1\nline2\nlast++ZZ'. 'a+': tell 20, read
// '', seek(0) 0, read(3) 'liX', write('!') 1, tell 21. 'w+': write 8, tell 8, seek 0, read
// 'new\ntext', readline ''.
static void test_update_modes(void) {
    kr_val f = kr_file_open_cstr(tmp("bin"), "ab");
    CU_ASSERT_EQUAL(kr_file_tell(f), 16);
    kr_val ba = kr_bytearray_from_data("++", 2);
    CU_ASSERT_EQUAL(kr_file_write(f, ba), 2);
    CU_ASSERT_EQUAL(kr_file_tell(f), 18);
    KR_DECREF(ba);
    KR_DECREF(f);
    f = kr_file_open_cstr(tmp("bin"), "r+b");
    CHECK(kr_file_read(f, 2), "b'li'");
    kr_val xy = B("XY", 2);
    CU_ASSERT_EQUAL(kr_file_write(f, xy), 2);
    KR_DECREF(xy);
    CU_ASSERT_EQUAL(kr_file_tell(f), 4);
    CU_ASSERT_EQUAL(kr_file_seek(f, 0, 0), 0);
    CHECK(kr_file_read(f, -1), "b'liXY1\\nline2\\nlast++'");
    KR_DECREF(f);
    f = kr_file_open_cstr(tmp("bin"), "r+");
    CHECK(kr_file_read(f, 2), "'li'");
    kr_val s = S("ZZ");
    CU_ASSERT_EQUAL(kr_file_write(f, s), 2);
    KR_DECREF(s);
    CU_ASSERT_EQUAL(kr_file_tell(f), 20);
    CU_ASSERT_EQUAL(kr_file_seek(f, 0, 0), 0);
    CHECK(kr_file_read(f, -1), "'liXY1\\nline2\\nlast++ZZ'");
    KR_DECREF(f);
    f = kr_file_open_cstr(tmp("bin"), "a+");
    CU_ASSERT_EQUAL(kr_file_tell(f), 20);
    CHECK(kr_file_read(f, -1), "''");
    CU_ASSERT_EQUAL(kr_file_seek(f, 0, 0), 0);
    CHECK(kr_file_read(f, 3), "'liX'");
    s = S("!");
    CU_ASSERT_EQUAL(kr_file_write(f, s), 1);
    KR_DECREF(s);
    CU_ASSERT_EQUAL(kr_file_tell(f), 21);
    KR_DECREF(f);
    CHECK(get("bin"), "b'liXY1\\nline2\\nlast++ZZ!'");
    f = kr_file_open_cstr(tmp("bin"), "w+");
    s = S("new\ntext");
    CU_ASSERT_EQUAL(kr_file_write(f, s), 8);
    KR_DECREF(s);
    CU_ASSERT_EQUAL(kr_file_tell(f), 8);
    CU_ASSERT_EQUAL(kr_file_seek(f, 0, 0), 0);
    CHECK(kr_file_read(f, -1), "'new\\ntext'");
    CHECK(kr_file_readline(f, -1), "''");
    KR_DECREF(f);
}

// f = open('bin', 'w'); f.write('data'); del f  -> the file holds 'data'.
static void test_close_at_zero(void) {
    kr_val f = kr_file_open_cstr(tmp("bin"), "w");
    kr_val s = S("data");
    CU_ASSERT_EQUAL(kr_file_write(f, s), 4);
    KR_DECREF(s);
    KR_DECREF(f);
    CHECK(get("bin"), "b'data'");
}

// 3000 lines 'line %d\r\n' (28890 chars after translation, 31890 bytes): iteration crosses the
// 8 KiB buffer; CPython: 3000 28890 'line 2999\n'; newline='' readlines: 3000 'line 1234\r\n'
// 31890; binary read(10000): 10000, tell 10000, readline b'line 1010\r\n'; text read(9000):
// tell 10011, read(5) 'line '.
static void test_big(void) {
    kr_val f = kr_file_open_cstr(tmp("big.txt"), "w");
    char line[32];
    for (int i = 0; i < 3000; i++) {
        snprintf(line, sizeof line, "line %d\r\n", i);
        CU_ASSERT(kr_file_write_text(f, line, strlen(line)) == 0);
    }
    KR_DECREF(f);
    f = kr_file_open_cstr(tmp("big.txt"), "r");
    kr_val it = kr_iter(f), x, last = 0;
    intptr_t n = 0, total = 0;
    while ((x = kr_next(it))) {
        n++;
        total += kr_str_len(x);
        KR_XDECREF(last);
        last = x;
    }
    CU_ASSERT_EQUAL(n, 3000);
    CU_ASSERT_EQUAL(total, 28890);
    CHECK(last, "'line 2999\\n'");
    KR_DECREF(it);
    KR_DECREF(f);
    f = open_with("big.txt", "r", NULL, NULL, "");
    kr_val l = kr_file_readlines(f, -1);
    CU_ASSERT_EQUAL(KR_LIST_LEN(l), 3000);
    CHECK(kr_list_getindex(l, 1234), "'line 1234\\r\\n'");
    kr_val lens = kr_map_new((kr_val)&kr_builtin_fn_len, &l, 1);
    CHECK(kr_builtin_sum(lens, 0), "31890");
    KR_DECREF(lens);
    KR_DECREF(l);
    KR_DECREF(f);
    f = kr_file_open_cstr(tmp("big.txt"), "rb");
    kr_val d = kr_file_read(f, 10000);
    CU_ASSERT_EQUAL(kr_bytes_len(d), 10000);
    KR_DECREF(d);
    CU_ASSERT_EQUAL(kr_file_tell(f), 10000);
    CHECK(kr_file_readline(f, -1), "b'line 1010\\r\\n'");
    KR_DECREF(f);
    f = kr_file_open_cstr(tmp("big.txt"), "r");
    d = kr_file_read(f, 9000);
    CU_ASSERT_EQUAL(kr_str_len(d), 9000);
    KR_DECREF(d);
    CU_ASSERT_EQUAL(kr_file_tell(f), 10011);
    CHECK(kr_file_read(f, 5), "'line '");
    KR_DECREF(f);
}

// Empty files; __enter__/__exit__; writelines; attributes; read(-1), read(0), read(None).
static void test_misc(void) {
    kr_val f = kr_file_open_cstr(tmp("e.txt"), "w");
    KR_DECREF(f);
    f = kr_file_open_cstr(tmp("e.txt"), "r");
    CHECK(kr_file_read(f, -1), "''");
    CHECK(kr_file_readline(f, -1), "''");
    CHECK(kr_file_readlines(f, -1), "[]");
    CU_ASSERT_EQUAL(kr_file_tell(f), 0);
    kr_val e = kr_file_enter(f);
    CU_ASSERT_EQUAL(e, f);
    KR_DECREF(e);
    CHECK(CALL0(f, "__enter__"), "<_io.TextIOWrapper name='e.txt' mode='r' encoding='UTF-8'>");
    CHECK(call(f, "__exit__", 3, (kr_val[]){ KR_NONE, KR_NONE, KR_NONE }), "None");
    CHECK(kr_getattr_cstr(f, "closed"), "True");
    KR_DECREF(f);
    f = kr_file_open_cstr(tmp("e.txt"), "rb");
    CHECK(kr_file_read(f, -1), "b''");
    CHECK(kr_file_readline(f, -1), "b''");
    CHECK(kr_file_readlines(f, -1), "[]");
    KR_DECREF(f);
    // with open('e.txt','w') as f: f.writelines(['a', 'b\n', 'c']); f.writelines([1])
    f = kr_file_open_cstr(tmp("e.txt"), "w");
    kr_val parts = kr_list_from_array((kr_val[]){ S("a"), S("b\n"), S("c") }, 3);
    for (int i = 0; i < 3; i++) {
        KR_DECREF(kr_list_vals(parts)[i]);
    }
    CHECK(CALL1(f, "writelines", parts), "None");
    kr_val bad = kr_list_from_array((kr_val[]){ I(1) }, 1);
    CHECK(CALL1(f, "writelines", bad), "!TypeError: write() argument must be str, not int");
    KR_DECREF(bad);
    CHECK(kr_file_exit(f, KR_NONE, KR_NONE, KR_NONE), "None");
    KR_DECREF(f);
    KR_DECREF(parts);
    // 'ab\nc' e.txt r False True False True True False
    f = kr_file_open_cstr(tmp("e.txt"), "r");
    CHECK(kr_file_read(f, -1), "'ab\\nc'");
    CHECK(kr_getattr_cstr(f, "name"), "'e.txt'");
    CHECK(kr_getattr_cstr(f, "mode"), "'r'");
    CHECK(kr_getattr_cstr(f, "closed"), "False");
    CHECK(CALL0(f, "readable"), "True");
    CHECK(CALL0(f, "writable"), "False");
    CHECK(CALL0(f, "seekable"), "True");
    CHECK(CALL0(f, "isatty"), "False");
    CHECK(CALL0(f, "flush"), "None");
    CHECK(CALL1(f, "seek", I(0)), "0");
    CHECK(CALL1(f, "read", I(-1)), "'ab\\nc'");
    CHECK(CALL1(f, "read", I(0)), "''");
    CHECK(CALL1(f, "read", KR_NONE), "''");
    kr_val x = S("x");
    CHECK(CALL1(f, "read", x), "!TypeError: argument should be integer or None, not 'str'");
    CHECK(CALL1(f, "readline", x),
          "!TypeError: 'str' object cannot be interpreted as an integer");
    KR_DECREF(x);
    KR_DECREF(f);
    f = kr_file_open_cstr(tmp("e.txt"), "rb");
    CHECK(CALL1(f, "read", I(-1)), "b'ab\\nc'");
    CHECK(CALL1(f, "read", I(0)), "b''");
    CHECK(CALL1(f, "read", KR_NONE), "b''");
    KR_DECREF(f);
}

// Reprs and mode attributes of every mode (CPython: w+ r+ a a+ x keep the mode; rb+ and w+b
// are BufferedRandom with mode 'rb+'; ab BufferedWriter; br BufferedReader 'rb').
static void test_modes(void) {
    static const struct {
        const char *mode, *repr, *attr;
    } cases[] = {
        { "r", "<_io.TextIOWrapper name='a.txt' mode='r' encoding='UTF-8'>", "'r'" },
        { "w+", "<_io.TextIOWrapper name='a.txt' mode='w+' encoding='UTF-8'>", "'w+'" },
        { "r+", "<_io.TextIOWrapper name='a.txt' mode='r+' encoding='UTF-8'>", "'r+'" },
        { "a", "<_io.TextIOWrapper name='a.txt' mode='a' encoding='UTF-8'>", "'a'" },
        { "a+", "<_io.TextIOWrapper name='a.txt' mode='a+' encoding='UTF-8'>", "'a+'" },
        { "rt", "<_io.TextIOWrapper name='a.txt' mode='rt' encoding='UTF-8'>", "'rt'" },
        { "wt", "<_io.TextIOWrapper name='a.txt' mode='wt' encoding='UTF-8'>", "'wt'" },
        { "r+t", "<_io.TextIOWrapper name='a.txt' mode='r+t' encoding='UTF-8'>", "'r+t'" },
        { "rb", "<_io.BufferedReader name='a.txt'>", "'rb'" },
        { "br", "<_io.BufferedReader name='a.txt'>", "'rb'" },
        { "wb", "<_io.BufferedWriter name='a.txt'>", "'wb'" },
        { "ab", "<_io.BufferedWriter name='a.txt'>", "'ab'" },
        { "rb+", "<_io.BufferedRandom name='a.txt'>", "'rb+'" },
        { "w+b", "<_io.BufferedRandom name='a.txt'>", "'rb+'" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        kr_val f = kr_file_open_cstr("a.txt", cases[i].mode);
        CHECK(f ? kr_newref(f) : 0, cases[i].repr);
        CHECK(f ? kr_getattr_cstr(f, "mode") : 0, cases[i].attr);
        KR_XDECREF(f);
    }
    remove("n.txt");
    kr_val f = kr_file_open_cstr("n.txt", "x");
    CHECK(f ? kr_newref(f) : 0, "<_io.TextIOWrapper name='n.txt' mode='x' encoding='UTF-8'>");
    KR_XDECREF(f);
    CHECK(kr_file_open_cstr("n.txt", "x"), "!FileExistsError: [Errno 17] File exists: 'n.txt'");
    f = open_with("a.txt", "r", "utf8", NULL, NULL);
    CHECK(f ? kr_newref(f) : 0, "<_io.TextIOWrapper name='a.txt' mode='r' encoding='utf8'>");
    CHECK(f ? kr_getattr_cstr(f, "errors") : 0, "'strict'");
    KR_XDECREF(f);
    kr_val fd = kr_builtin_open(I(1), S("w"), 0, 0, 0, 0, KR_FALSE);
    CHECK(fd ? kr_newref(fd) : 0, "<_io.TextIOWrapper name=1 mode='w' encoding='UTF-8'>");
    KR_XDECREF(fd);
}

// open()'s argument errors.
static void test_open_errors(void) {
    CHECK(kr_file_open_cstr("nope.txt", "r"),
          "!FileNotFoundError: [Errno 2] No such file or directory: 'nope.txt'");
    CHECK(kr_file_open_cstr(".", "r"), "!IsADirectoryError: [Errno 21] Is a directory: '.'");
    CHECK(kr_file_open_cstr(".", "w"), "!IsADirectoryError: [Errno 21] Is a directory: '.'");
    CHECK(kr_file_open_cstr("a.txt", "q"), "!ValueError: invalid mode: 'q'");
    CHECK(kr_file_open_cstr("a.txt", "rr"), "!ValueError: invalid mode: 'rr'");
    CHECK(kr_file_open_cstr("a.txt", "U"), "!ValueError: invalid mode: 'U'");
    CHECK(kr_file_open_cstr("a.txt", "rw"),
          "!ValueError: must have exactly one of create/read/write/append mode");
    CHECK(kr_file_open_cstr("a.txt", "rtb"),
          "!ValueError: can't have text and binary mode at once");
    CHECK(open_with("a.txt", "r", "nope", NULL, NULL), "!LookupError: unknown encoding: nope");
    CHECK(open_with("a.txt", "rb", "utf-8", NULL, NULL),
          "!ValueError: binary mode doesn't take an encoding argument");
    CHECK(open_with("a.txt", "rb", NULL, "strict", NULL),
          "!ValueError: binary mode doesn't take an errors argument");
    CHECK(open_with("a.txt", "rb", NULL, NULL, ""),
          "!ValueError: binary mode doesn't take a newline argument");
    CHECK(open_with("a.txt", "r", NULL, NULL, "x"), "!ValueError: illegal newline value: x");
    kr_val name = S("a.txt"), mode = S("r");
    CHECK(kr_builtin_open(name, mode, I(0), 0, 0, 0, 0),
          "!ValueError: can't have unbuffered text I/O");
    CHECK(kr_builtin_open(name, mode, name, 0, 0, 0, 0),
          "!TypeError: 'str' object cannot be interpreted as an integer");
    kr_val fl = kr_float_new(1.5);
    CHECK(kr_builtin_open(fl, 0, 0, 0, 0, 0, 0),
          "!TypeError: expected str, bytes or os.PathLike object, not float");
    // Through the function object, with keywords.
    kr_val kw = kr_tuple_pack(1, S("encoding"));
    KR_DECREF(KR_TUPLE_ITEMS(kw)[0]);
    kr_val enc = S("latin-1");
    kr_val f = kr_call((kr_val)&kr_builtin_fn_open, (kr_val[]){ name, enc }, 1, kw);
    CHECK(f, "<_io.TextIOWrapper name='a.txt' mode='r' encoding='latin-1'>");
    KR_DECREF(kw);
    KR_DECREF(enc);
    KR_DECREF(fl);
    KR_DECREF(name);
    KR_DECREF(mode);
}

// Operations on closed files and in the wrong mode.
static void test_closed_and_unsupported(void) {
    kr_val f = kr_file_open_cstr("a.txt", "r");
    CU_ASSERT_EQUAL(kr_file_close(f), 0);
    CU_ASSERT_EQUAL(kr_file_close(f), 0);
    const char *closed_text = "!ValueError: I/O operation on closed file.";
    kr_val x = S("x");
    CHECK(kr_file_read(f, -1), closed_text);
    CHECK(kr_file_readline(f, -1), closed_text);
    CHECK(CALL1(f, "write", x), closed_text);
    CHECK(CALL0(f, "tell"), closed_text);
    CHECK(CALL0(f, "flush"), closed_text);
    CHECK(kr_iter(f), closed_text);
    CHECK(CALL0(f, "readlines"), closed_text);
    CHECK(CALL0(f, "__enter__"), closed_text);
    CHECK(kr_repr(f), "\"<_io.TextIOWrapper name='a.txt' mode='r' encoding='UTF-8'>\"");
    CHECK(kr_getattr_cstr(f, "name"), "'a.txt'");
    CHECK(CALL0(f, "write"), "!TypeError: TextIOWrapper.write() takes exactly one argument "
                             "(0 given)");
    CHECK(CALL0(f, "seek"), "!TypeError: seek expected at least 1 argument, got 0");
    KR_DECREF(f);
    f = kr_file_open_cstr("a.txt", "rb");
    CU_ASSERT_EQUAL(kr_file_close(f), 0);
    CHECK(kr_file_read(f, -1), "!ValueError: read of closed file");
    kr_val e = B("", 0);
    CHECK(CALL1(f, "write", e), "!UnsupportedOperation: write");
    CHECK(CALL0(f, "tell"), "!ValueError: I/O operation on closed file");
    CHECK(CALL1(f, "seek", I(0)), "!ValueError: seek of closed file");
    CHECK(kr_file_readline(f, -1), "!ValueError: readline of closed file");
    CHECK(CALL0(f, "flush"), "!ValueError: flush of closed file");
    CHECK(CALL0(f, "readlines"), closed_text);
    CHECK(kr_iter(f), closed_text);
    CHECK(CALL0(f, "fileno"), "!ValueError: I/O operation on closed file");
    CHECK(CALL0(f, "readable"), "!ValueError: I/O operation on closed file");
    KR_DECREF(f);
    f = kr_file_open_cstr("a.txt", "wb");
    CHECK(kr_file_read(f, -1), "!UnsupportedOperation: read");
    CHECK(kr_file_readline(f, -1), "!UnsupportedOperation: read");
    CHECK(kr_next(f), "!UnsupportedOperation: read");
    CHECK(CALL1(f, "write", x), "!TypeError: a bytes-like object is required, not 'str'");
    CU_ASSERT_EQUAL(kr_file_close(f), 0);
    CHECK(CALL1(f, "write", e), "!ValueError: write to closed file");
    KR_DECREF(f);
    f = kr_file_open_cstr("a.txt", "w");
    CHECK(kr_file_read(f, -1), "!UnsupportedOperation: not readable");
    CHECK(kr_file_readline(f, -1), "!UnsupportedOperation: not readable");
    CHECK(CALL1(f, "write", e), "!TypeError: write() argument must be str, not bytes");
    CHECK(CALL1(f, "write", I(1)), "!TypeError: write() argument must be str, not int");
    KR_DECREF(f);
    f = kr_file_open_cstr("a.txt", "r");
    CHECK(CALL1(f, "write", x), "!UnsupportedOperation: not writable");
    CHECK(CALL2(f, "seek", I(1), I(1)),
          "!UnsupportedOperation: can't do nonzero cur-relative seeks");
    CHECK(CALL2(f, "seek", I(1), I(2)),
          "!UnsupportedOperation: can't do nonzero end-relative seeks");
    CHECK(CALL1(f, "seek", I(-1)), "!ValueError: negative seek position -1");
    CHECK(CALL2(f, "seek", I(0), I(3)), "!ValueError: invalid whence (3, should be 0, 1 or 2)");
    KR_DECREF(f);
    f = kr_file_open_cstr("a.txt", "rb");
    CHECK(CALL1(f, "seek", I(-1)), "!OSError: [Errno 22] Invalid argument");
    CHECK(CALL2(f, "seek", I(-1), I(2)), "!OSError: [Errno 22] Invalid argument");
    CHECK(CALL0(f, "tell"), "0");
    KR_DECREF(f);
    KR_DECREF(x);
    KR_DECREF(e);
    CU_ASSERT(kr_exc_UnsupportedOperation.base == &kr_exc_OSError);
}

// sys.stdout / sys.stderr / sys.stdin.
static void test_std_streams(void) {
    CHECK(kr_newref(kr_sys_stdout()), "<_io.TextIOWrapper name='<stdout>' mode='w' "
                                      "encoding='utf-8'>");
    CHECK(kr_newref(kr_sys_stderr()), "<_io.TextIOWrapper name='<stderr>' mode='w' "
                                      "encoding='utf-8'>");
    CHECK(kr_newref(kr_sys_stdin()), "<_io.TextIOWrapper name='<stdin>' mode='r' "
                                     "encoding='utf-8'>");
    CHECK(kr_getattr_cstr(kr_sys_stderr(), "errors"), "'backslashreplace'");
    CHECK(CALL0(kr_sys_stdin(), "fileno"), "0");
}

int main(void) {
    kr_runtime_init(0, NULL);
    if (!mkdtemp(tmpdir) || chdir(tmpdir) != 0) {
        return 1;
    }
    CU_initialize_registry();
    CU_pSuite s = CU_add_suite("rt_io", NULL, NULL);
    CU_add_test(s, "newline translation", test_newlines);
    CU_add_test(s, "utf-8 text", test_utf8);
    CU_add_test(s, "encoding on write", test_encode);
    CU_add_test(s, "decoding errors", test_decode_errors);
    CU_add_test(s, "binary", test_binary);
    CU_add_test(s, "update and append modes", test_update_modes);
    CU_add_test(s, "close at refcount zero", test_close_at_zero);
    CU_add_test(s, "files bigger than the buffer", test_big);
    CU_add_test(s, "misc", test_misc);
    CU_add_test(s, "modes", test_modes);
    CU_add_test(s, "open errors", test_open_errors);
    CU_add_test(s, "closed files, unsupported operations", test_closed_and_unsupported);
    CU_add_test(s, "standard streams", test_std_streams);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    if (chdir("/") != 0 || system(cmd) != 0) {
        failed++;
    }
    return failed != 0;
}
