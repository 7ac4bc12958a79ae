// test_rt_str.c: CUnit suite "rt_str" for runtime/str.c: str operations and methods checked
// against CPython 3.13 (rt_str_cases.inc, written by scripts/gen_rt_str_cases.py), plus the C
// API the compiler and other runtime modules use directly.
#include "rt_str_harness.h"

static void test_str_table(void) {
#include "rt_str_cases.inc"
}

static void test_shared_small_strs(void) {
    kr_val a = kr_str_from_cstr("x"), b = kr_str_from_utf8("xyz", 1);
    CU_ASSERT(a == b);  // one-character ASCII strs are shared immortals
    CU_ASSERT(kr_str_from_cstr("") == kr_str_empty());
    kr_val s = kr_str_from_cstr("héllo");
    CU_ASSERT_EQUAL(kr_str_len(s), 5);
    CU_ASSERT(!KR_STR(s)->ascii);
    kr_val c = kr_str_index(s, 1);
    CU_ASSERT_STRING_EQUAL(kr_str_data(c), "é");
    KR_DECREF(c);
    kr_val h = kr_str_index(s, 0);
    CU_ASSERT(h == kr_str_from_cstr("h"));
    KR_DECREF(s);
}

static void test_build_and_join(void) {
    kr_val parts[3] = { kr_str_from_cstr("ab"), kr_str_from_cstr("é"), kr_str_from_cstr("") };
    kr_val r = kr_str_build(parts, 3);
    CU_ASSERT_STRING_EQUAL(kr_str_data(r), "abé");
    CU_ASSERT_EQUAL(kr_str_len(r), 3);
    kr_val t = kr_tuple_pack(3, parts[0], parts[1], parts[2]);
    kr_val sep = kr_str_from_cstr(", ");
    kr_val j = kr_str_join(sep, t);
    CU_ASSERT_STRING_EQUAL(kr_str_data(j), "ab, é, ");
    CU_ASSERT_EQUAL(kr_str_len(j), 7);
    kr_val one = kr_tuple_pack(1, parts[0]);
    kr_val j1 = kr_str_join(sep, one);
    CU_ASSERT(j1 == parts[0]);  // joining one exact str returns it
    KR_DECREF(j1);
    KR_DECREF(one);
    for (int i = 0; i < 3; i++) {
        KR_DECREF(parts[i]);
    }
    KR_DECREF(r);
    KR_DECREF(t);
    KR_DECREF(sep);
    KR_DECREF(j);
}

static void test_concat_and_compare(void) {
    kr_val a = kr_str_from_cstr("abc"), b = kr_str_from_cstr("abd");
    kr_val c = kr_str_concat(a, b);
    CU_ASSERT(kr_str_equal_cstr(c, "abcabd"));
    CU_ASSERT(kr_str_compare(a, b) < 0);
    CU_ASSERT(kr_str_compare(b, a) > 0);
    CU_ASSERT(kr_str_compare(a, a) == 0);
    CU_ASSERT(!kr_str_equal(a, b));
    CU_ASSERT_EQUAL(kr_str_hash(a), kr_hash_bytes("abc", 3));
    kr_val r = kr_str_repeat(a, 3);
    CU_ASSERT(kr_str_equal_cstr(r, "abcabcabc"));
    CU_ASSERT_EQUAL(kr_str_repeat(a, 0), kr_str_empty());
    KR_DECREF(a);
    KR_DECREF(b);
    KR_DECREF(c);
    KR_DECREF(r);
}

static void test_iteration(void) {
    kr_val s = kr_str_from_cstr("aé😀");
    kr_val it = kr_str_iter(s), x;
    const char *want[] = { "a", "é", "😀" };
    int n = 0;
    while ((x = kr_next(it))) {
        CU_ASSERT_STRING_EQUAL(kr_str_data(x), want[n]);
        n++;
        KR_DECREF(x);
    }
    CU_ASSERT_EQUAL(n, 3);
    CU_ASSERT(kr_err_occurred() == 0);
    KR_DECREF(it);
    KR_DECREF(s);
}

static void test_unicode_db(void) {
    CU_ASSERT_EQUAL(kr_unicode_decimal('7'), 7);
    CU_ASSERT_EQUAL(kr_unicode_decimal(0x0663), 3);   // ARABIC-INDIC DIGIT THREE
    CU_ASSERT_EQUAL(kr_unicode_decimal(0xFF19), 9);   // FULLWIDTH DIGIT NINE
    CU_ASSERT_EQUAL(kr_unicode_decimal(0x00B2), -1);  // superscript two: a digit, not decimal
    CU_ASSERT_EQUAL(kr_unicode_decimal('a'), -1);
    CU_ASSERT(kr_unicode_flags(0x3A3) & KR_UC_UPPER);
    CU_ASSERT(kr_unicode_flags(0x3000) & KR_UC_SPACE);
    CU_ASSERT(!(kr_unicode_flags(0x200B) & KR_UC_PRINTABLE));
    char buf[4];
    int n;
    CU_ASSERT_EQUAL(kr_utf8_encode(0x1F600, buf), 4);
    CU_ASSERT_EQUAL(kr_utf8_decode(buf, &n), 0x1F600);
    CU_ASSERT_EQUAL(n, 4);
    CU_ASSERT_EQUAL(kr_utf8_valid_prefix("ab\xc3\xa9\xff", 5), 4);
    CU_ASSERT_EQUAL(kr_utf8_valid_prefix("\xed\xa0\x80", 3), 0);  // surrogate
    CU_ASSERT_EQUAL(kr_utf8_valid_prefix("\xc0\x80", 2), 0);      // overlong
}

static void test_strbuf(void) {
    kr_strbuf b;
    kr_strbuf_init(&b);
    CU_ASSERT(kr_strbuf_append_cstr(&b, "x=") == 0);
    CU_ASSERT(kr_strbuf_printf(&b, "%d", 42) == 0);
    CU_ASSERT(kr_strbuf_append_codepoint(&b, 0xE9) == 0);
    CU_ASSERT(kr_strbuf_append_repeat(&b, "ab", 2, 1000) == 0);
    kr_val s = kr_strbuf_finish(&b);
    CU_ASSERT_EQUAL(kr_str_len(s), 2005);
    CU_ASSERT_EQUAL(kr_str_nbytes(s), 2006);
    CU_ASSERT(strncmp(kr_str_data(s), "x=42é", 6) == 0);
    KR_DECREF(s);
    kr_val f = kr_str_from_format("%s-%zd", "a", (intptr_t)-3);
    CU_ASSERT(kr_str_equal_cstr(f, "a--3"));
    KR_DECREF(f);
    CU_ASSERT(kr_str_from_utf8_checked("\xff", 1) == 0);
    CU_ASSERT(kr_err_matches(&kr_exc_ValueError));
    kr_err_clear();
    CU_ASSERT(kr_str_from_codepoint(0x110000) == 0);
    kr_err_clear();
}

static void test_decode_encode(void) {
    kr_val s = kr_str_decode("h\xc3\xa9", 3, NULL, NULL);
    CU_ASSERT(kr_str_equal_cstr(s, "hé"));
    kr_val b = kr_str_encode(s, "latin_1", NULL);
    CU_ASSERT_EQUAL(kr_bytes_len(b), 2);
    CU_ASSERT_EQUAL((unsigned char)kr_bytes_data(b)[1], 0xE9);
    KR_DECREF(s);
    KR_DECREF(b);
}

int main(void) {
    static const CU_TestInfo tests[] = {
        { "CPython table", test_str_table },
        { "shared small strs", test_shared_small_strs },
        { "build and join", test_build_and_join },
        { "concat and compare", test_concat_and_compare },
        { "iteration", test_iteration },
        { "unicode database", test_unicode_db },
        { "string builder", test_strbuf },
        { "decode and encode", test_decode_encode },
        CU_TEST_INFO_NULL,
    };
    return run_suite("rt_str", tests);
}
