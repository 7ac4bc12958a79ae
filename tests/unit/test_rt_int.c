// test_rt_int.c: CUnit suite "rt_int" for runtime/int.c (ints, bools) and the generic number
// dispatch in object.c. Expected values come from CPython 3.13: the operation table is
// rt_num_cases.inc (scripts/gen_rt_num_cases.py), the other tables were printed by CPython and
// pasted here.
#include "krait.h"

#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// ---------------------------------------------------------------------------------------------
// Helpers shared by the tables

#include "rt_num_harness.h"

static int compare_op(const char *op) {
    static const char *const ops[] = { "<", "<=", "==", "!=", ">", ">=" };
    for (int i = 0; i < 6; i++) {
        if (strcmp(op, ops[i]) == 0) {
            return i;
        }
    }
    return -1;
}

static kr_val apply(const char *op, kr_val a, kr_val b) {
    int cmp = compare_op(op);
    if (cmp >= 0) {
        return kr_richcompare(a, b, cmp);
    }
    if (strcmp(op, "divmod") == 0) {
        return kr_builtin_divmod(a, b);
    }
    for (int i = 0; i < KR_OP_COUNT; i++) {
        if (strcmp(op, kr_binop_symbols[i]) == 0 || (i == KR_OP_POW && strcmp(op, "**") == 0)) {
            return kr_binary_op((kr_binop)i, a, b);
        }
    }
    CU_FAIL_FATAL("unknown operator");
    return 0;
}

typedef struct {
    const char *a, *op, *b, *want;
} num_case;

static const num_case num_cases[] = {
#include "rt_num_cases.inc"
};

// Runs the table rows whose operands are both ints ('floats' false) or not.
static void run_num_cases(bool floats) {
    int n = 0;
    for (size_t i = 0; i < sizeof num_cases / sizeof num_cases[0]; i++) {
        const num_case *c = &num_cases[i];
        if ((is_float_lit(c->a) || is_float_lit(c->b)) != floats) {
            continue;
        }
        kr_val a = lit(c->a), b = lit(c->b);
        char what[1024];
        snprintf(what, sizeof what, "%.200s %s %.200s", c->a, c->op, c->b);
        expect(apply(c->op, a, b), c->want, what);
        KR_DECREF(a);
        KR_DECREF(b);
        n++;
    }
    CU_ASSERT(n > 1000);
}

static kr_val S(const char *s) { return kr_str_from_cstr(s); }

// ---------------------------------------------------------------------------------------------
// Tests

static void test_int_table(void) { run_num_cases(false); }

static void test_small_tagging(void) {
    CU_ASSERT(KR_IS_SMALL(KR_FROM_SMALL(5)));
    CU_ASSERT_EQUAL(KR_SMALL_VALUE(KR_FROM_SMALL(-5)), -5);
    CU_ASSERT_EQUAL(KR_SMALL_VALUE(KR_FROM_SMALL(KR_SMALL_MIN)), KR_SMALL_MIN);
    CU_ASSERT_EQUAL(KR_SMALL_VALUE(KR_FROM_SMALL(KR_SMALL_MAX)), KR_SMALL_MAX);
    // The inline fast paths and their overflow to bigints.
    kr_val big = kr_int_add(KR_FROM_SMALL(KR_SMALL_MAX), KR_FROM_SMALL(1));
    CU_ASSERT(KR_IS_PTR(big));
    expect(big, "4611686018427387904", "max+1");
    expect(kr_int_sub(KR_FROM_SMALL(KR_SMALL_MIN), KR_FROM_SMALL(1)), "-4611686018427387905",
           "min-1");
    expect(kr_int_mul(KR_FROM_SMALL(3037000499), KR_FROM_SMALL(3037000499)),
           "9223372030926249001", "mul overflow");
    expect(kr_int_mul(KR_FROM_SMALL(-7), KR_FROM_SMALL(6)), "-42", "mul");
    // Results that fit are small again.
    kr_val x = kr_int_sub(big = kr_int_add(KR_FROM_SMALL(KR_SMALL_MAX), KR_FROM_SMALL(1)),
                          KR_FROM_SMALL(1));
    CU_ASSERT(x == KR_FROM_SMALL(KR_SMALL_MAX));
    KR_DECREF(big);
    int64_t out;
    kr_val huge = lit("9223372036854775808");
    CU_ASSERT(kr_int_as_i64(huge, &out) == -1);
    expect(0, "!OverflowError: Python int too large to convert to C long", "as_i64");
    KR_DECREF(huge);
    huge = lit("-9223372036854775808");
    CU_ASSERT(kr_int_as_i64(huge, &out) == 0 && out == INT64_MIN);
    KR_DECREF(huge);
}

static const struct {
    const char *text;
    int base;
    const char *want;
} parse_cases[] = {
{ "0", 10, "0" },
{ "-0", 10, "0" },
{ "  42  ", 10, "42" },
{ "+7", 10, "7" },
{ "-7", 10, "-7" },
{ "1_000_000", 10, "1000000" },
{ "1__0", 10, "!ValueError: invalid literal for int() with base 10: '1__0'" },
{ "_1", 10, "!ValueError: invalid literal for int() with base 10: '_1'" },
{ "1_", 10, "!ValueError: invalid literal for int() with base 10: '1_'" },
{ "0x1F", 16, "31" },
{ "0X1f", 0, "31" },
{ "0o17", 0, "15" },
{ "0b1011", 0, "11" },
{ "0b_1011", 0, "11" },
{ "0_0", 0, "0" },
{ "00", 0, "0" },
{ "010", 0, "!ValueError: invalid literal for int() with base 0: '010'" },
{ "10", 0, "10" },
{ "z", 36, "35" },
{ "Z", 36, "35" },
{ "zz", 36, "1295" },
{ "12", 3, "5" },
{ "13", 3, "!ValueError: invalid literal for int() with base 3: '13'" },
{ "", 10, "!ValueError: invalid literal for int() with base 10: ''" },
{ "  ", 10, "!ValueError: invalid literal for int() with base 10: '  '" },
{ "-", 10, "!ValueError: invalid literal for int() with base 10: '-'" },
{ "+-1", 10, "!ValueError: invalid literal for int() with base 10: '+-1'" },
{ "1 2", 10, "!ValueError: invalid literal for int() with base 10: '1 2'" },
{ "\t\n 99 \r\f\v", 10, "99" },
{ "123456789012345678901234567890", 10, "123456789012345678901234567890" },
{ "-123456789012345678901234567890", 10, "-123456789012345678901234567890" },
{ "ffffffffffffffffffffffffffffffff", 16, "340282366920938463463374607431768211455" },
{ "0x", 16, "!ValueError: invalid literal for int() with base 16: '0x'" },
{ "0x", 0, "!ValueError: invalid literal for int() with base 0: '0x'" },
{ "1.5", 10, "!ValueError: invalid literal for int() with base 10: '1.5'" },
{ "0b1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111", 0, "1267650600228229401496703205375" },
{ "x", 2, "!ValueError: invalid literal for int() with base 2: 'x'" },
{ "2", 2, "!ValueError: invalid literal for int() with base 2: '2'" },
{ "4611686018427387904", 10, "4611686018427387904" },
{ "-4611686018427387904", 10, "-4611686018427387904" },
{ "-4611686018427387905", 10, "-4611686018427387905" },
{ "1", 1, "!ValueError: int() base must be >= 2 and <= 36, or 0" },
{ "1", 37, "!ValueError: int() base must be >= 2 and <= 36, or 0" },
{ "1", -1, "!ValueError: int() base must be >= 2 and <= 36, or 0" },
};

static void test_parse(void) {
    for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
        const char *t = parse_cases[i].text;
        expect(kr_int_from_string(t, strlen(t), parse_cases[i].base), parse_cases[i].want, t);
    }
    // Digits of any script and Unicode spaces ('\u0663', '\xa012\u2003', '\uff11\uff12\uff13').
    static const struct {
        const char *text, *want;
    } unicode_cases[] = {
        { "\xd9\xa3", "3" },
        { "\xc2\xa0" "12\xe2\x80\x83", "12" },
        { "\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93", "123" },
        { "1\xd9\xa3x", "!ValueError: invalid literal for int() with base 10: '1\xd9\xa3x'" },
        { "\xc3\xa9", "!ValueError: invalid literal for int() with base 10: '\xc3\xa9'" },
        { "\xc2\x85\x0b" "7\x0c", "7" },
        { "\x1c" "7", "!ValueError: invalid literal for int() with base 10: '\\x1c7'" },
    };
    for (size_t i = 0; i < sizeof unicode_cases / sizeof unicode_cases[0]; i++) {
        const char *t = unicode_cases[i].text;
        expect(kr_int_from_string(t, strlen(t), 10), unicode_cases[i].want, t);
    }
}

static char *repeat(char c, size_t n) {
    char *s = malloc(n + 1);
    memset(s, c, n);
    s[n] = '\0';
    return s;
}

static void test_str_digits_limit(void) {
    char *s = repeat('9', 4300);
    kr_val v = kr_int_from_string(s, 4300, 10);
    CU_ASSERT_FATAL(v != 0);
    kr_val r = kr_repr(v);
    CU_ASSERT(r && strcmp(kr_str_data(r), s) == 0);
    KR_XDECREF(r);
    KR_DECREF(v);
    free(s);
    s = repeat('9', 4301);
    expect(kr_int_from_string(s, 4301, 10),
           "!ValueError: Exceeds the limit (4300 digits) for integer string conversion: value "
           "has 4301 digits; use sys.set_int_max_str_digits() to increase the limit",
           "4301 digits");
    // Powers of two bases have no limit.
    free(s);
    s = repeat('1', 5000);
    v = kr_int_from_string(s, 5000, 2);
    CU_ASSERT(v != 0);
    expect(kr_int_bit_length(v), "5000", "bit_length");
    KR_DECREF(v);
    free(s);
    // 10**5000 cannot be printed under the default limit.
    kr_val p = kr_int_pow(KR_FROM_SMALL(10), KR_FROM_SMALL(5000), KR_NONE);
    expect(kr_repr(p),
           "!ValueError: Exceeds the limit (4300 digits) for integer string conversion; use "
           "sys.set_int_max_str_digits() to increase the limit",
           "str(10**5000)");
    KR_DECREF(p);
    CU_ASSERT(kr_int_set_max_str_digits(100) == -1);
    expect(0, "!ValueError: maxdigits must be >= 640 or 0 for unlimited", "set limit");
}

// str(2**100000) round-trips through int() with the limit disabled (as
// sys.set_int_max_str_digits(0) allows in CPython).
static void test_huge_roundtrip(void) {
    CU_ASSERT(kr_int_set_max_str_digits(0) == 0);
    kr_val p = kr_int_pow(KR_FROM_SMALL(2), KR_FROM_SMALL(100000), KR_NONE);
    kr_val s = kr_repr(p);
    CU_ASSERT_FATAL(s != 0);
    CU_ASSERT_EQUAL(kr_str_nbytes(s), 30103);
    const char *head = "9990020930143845079440327643300335909804291390541816917715";
    CU_ASSERT(strncmp(kr_str_data(s), head, strlen(head)) == 0);
    CU_ASSERT(strcmp(kr_str_data(s) + 30103 - 10, "9883109376") == 0);
    kr_val back = kr_int_from_string(kr_str_data(s), (size_t)kr_str_nbytes(s), 10);
    CU_ASSERT(back && kr_int_compare(back, p) == 0);
    CU_ASSERT(kr_eq(back, p) == 1);
    CU_ASSERT_EQUAL(kr_hash(back), kr_hash(p));
    KR_XDECREF(back);
    KR_DECREF(s);
    KR_DECREF(p);
    CU_ASSERT(kr_int_set_max_str_digits(4300) == 0);
}

static const struct {
    const char *value, *hash;
} hash_cases[] = {
{ "0", "0" },
{ "1", "1" },
{ "-1", "-2" },
{ "-2", "-2" },
{ "2305843009213693950", "2305843009213693950" },
{ "2305843009213693951", "0" },
{ "2305843009213693952", "1" },
{ "4611686018427387904", "2" },
{ "-2305843009213693952", "-2" },
{ "-2305843009213693951", "0" },
{ "18446744073709551616", "8" },
{ "-18446744073709551616", "-8" },
{ "1000000000000000000000000000000", "465258685558744706" },
{ "-1000000000000000000000000000000", "-465258685558744706" },
{ "4611686018427387903", "1" },
{ "-4611686018427387904", "-2" },
};

static void test_hash(void) {
    for (size_t i = 0; i < sizeof hash_cases / sizeof hash_cases[0]; i++) {
        kr_val v = lit(hash_cases[i].value);
        expect(kr_builtin_hash(v), hash_cases[i].hash, hash_cases[i].value);
        KR_DECREF(v);
    }
    CU_ASSERT_EQUAL(kr_hash(KR_TRUE), 1);
    CU_ASSERT_EQUAL(kr_hash(KR_FALSE), 0);
}

static const struct {
    const char *value, *want;
} to_float_cases[] = {
{ "9007199254740993", "9007199254740992.0" },
{ "9007199254740995", "9007199254740996.0" },
{ "18014398509481986", "1.8014398509481984e+16" },
{ "18014398509481990", "1.801439850948199e+16" },
{ "-9007199254740993", "-9007199254740992.0" },
{ "9223372036854775807", "9.223372036854776e+18" },
{ "18446744073709551615", "1.8446744073709552e+19" },
{ "89884656743115795386465259539451236680898848947115328636715040578866337902750481566354238661203768010560056939935696678829394884407208311246423715319737062188883946712432742638151109800623047059726541476042502884419075341171231440736956555270413618581675255342293149119973622969239858152417678164812112068608", "8.98846567431158e+307" },
{ "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792", "!OverflowError: int too large to convert to float" },
{ "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368", "1.7976931348623157e+308" },
{ "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791", "1.7976931348623157e+308" },
{ "36360291795869936842385267079543319118023385026001623040346035832580600191583895484198508262979388783308179702534403855752855931517013066142992430916562025780021771247847643450125342836565813209972590371590152578728008385990139795377610001", "3.6360291795869935e+238" },
{ "100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "1e+308" },
{ "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "!OverflowError: int too large to convert to float" },
{ "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "!OverflowError: int too large to convert to float" },
};

static void test_to_float(void) {
    for (size_t i = 0; i < sizeof to_float_cases / sizeof to_float_cases[0]; i++) {
        kr_val v = lit(to_float_cases[i].value);
        expect(kr_float_from_val(v), to_float_cases[i].want, "float(int)");
        KR_DECREF(v);
    }
    expect(kr_int_from_double(1e300),
           "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786"
           "3713750804478640437044438328838781769425232353604305756447921847867069828483872009265"
           "7580373783023379478809005936895323497079994508111903896764088007465274278014249457925"
           "8788820056842838115669472196386865459400540160",
           "int(1e300)");
    expect(kr_int_from_double(-2.5), "-2", "int(-2.5)");
    expect(kr_int_from_double(1.0 / 0.0),
           "!OverflowError: cannot convert float infinity to integer", "int(inf)");
    expect(kr_int_from_double(0.0 / 0.0), "!ValueError: cannot convert float NaN to integer",
           "int(nan)");
}

static const struct {
    const char *a, *b, *want;
} truediv_cases[] = {
{ "1", "3", "0.3333333333333333" },
{ "2", "3", "0.6666666666666666" },
{ "1000000000000000000000000000000", "7", "1.4285714285714285e+29" },
{ "-1000000000000000000000000000000", "7", "-1.4285714285714285e+29" },
{ "1", "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "0.0" },
{ "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "10.0" },
{ "13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376", "3", "!OverflowError: integer division result too large for a float" },
{ "100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "!OverflowError: integer division result too large for a float" },
{ "1", "202402253307310618352495346718917307049556649764142118356901358027430339567995346891960383701437124495187077864316811911389808737385793476867013399940738509921517424276566361364466907742093216341239767678472745068562007483424692698618103355649159556340810056512358769552333414615230502532186327508646006263307707741093494784", "5e-324" },
{ "1", "404804506614621236704990693437834614099113299528284236713802716054860679135990693783920767402874248990374155728633623822779617474771586953734026799881477019843034848553132722728933815484186432682479535356945490137124014966849385397236206711298319112681620113024717539104666829230461005064372655017292012526615415482186989568", "0.0" },
{ "3", "809609013229242473409981386875669228198226599056568473427605432109721358271981387567841534805748497980748311457267247645559234949543173907468053599762954039686069697106265445457867630968372865364959070713890980274248029933698770794472413422596638225363240226049435078209333658460922010128745310034584025053230830964373979136", "5e-324" },
{ "1", "-404804506614621236704990693437834614099113299528284236713802716054860679135990693783920767402874248990374155728633623822779617474771586953734026799881477019843034848553132722728933815484186432682479535356945490137124014966849385397236206711298319112681620113024717539104666829230461005064372655017292012526615415482186989568", "-0.0" },
{ "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792", "1", "!OverflowError: integer division result too large for a float" },
{ "7", "-1152921504606846976", "-6.071532165918825e-18" },
{ "0", "-5", "-0.0" },
{ "1152921504606846977", "1152921504606846976", "1.0" },
{ "123456789123456789123", "1000", "1.2345678912345678e+17" },
};

static void test_truediv(void) {
    for (size_t i = 0; i < sizeof truediv_cases / sizeof truediv_cases[0]; i++) {
        kr_val a = lit(truediv_cases[i].a), b = lit(truediv_cases[i].b);
        expect(kr_int_truediv(a, b), truediv_cases[i].want, "int / int");
        KR_DECREF(a);
        KR_DECREF(b);
    }
}

static const struct {
    const char *a, *b, *m, *want;
} powmod_cases[] = {
{ "2", "10", "1000", "24" },
{ "3", "-1", "7", "5" },
{ "2", "-1", "4", "!ValueError: base is not invertible for the given modulus" },
{ "-2", "3", "5", "2" },
{ "2", "3", "-5", "-2" },
{ "2", "-3", "-7", "-6" },
{ "5", "0", "1", "0" },
{ "5", "0", "-1", "0" },
{ "0", "0", "7", "1" },
{ "2", "100", "100000000000000000039", "28229401002319471298" },
{ "100000000000000000000", "100000000000000000000", "97", "61" },
{ "-100000000000000000000", "3", "10000000000000000007", "343000" },
{ "2", "3", "0", "!ValueError: pow() 3rd argument cannot be 0" },
{ "7", "-2", "1000000000000000000000000000001", "918367346938775510204081632654" },
{ "12", "-1", "18", "!ValueError: base is not invertible for the given modulus" },
};

static void test_pow_mod(void) {
    for (size_t i = 0; i < sizeof powmod_cases / sizeof powmod_cases[0]; i++) {
        kr_val a = lit(powmod_cases[i].a), b = lit(powmod_cases[i].b), m = lit(powmod_cases[i].m);
        expect(kr_builtin_pow(a, b, m), powmod_cases[i].want, "pow(a, b, m)");
        KR_DECREF(a);
        KR_DECREF(b);
        KR_DECREF(m);
    }
    kr_val f = kr_float_new(1.0);
    expect(kr_builtin_pow(KR_FROM_SMALL(2), KR_FROM_SMALL(3), f),
           "!TypeError: pow() 3rd argument not allowed unless all arguments are integers",
           "pow float mod");
    KR_DECREF(f);
    expect(kr_int_pow(KR_FROM_SMALL(0), KR_FROM_SMALL(-1), KR_NONE),
           "!ZeroDivisionError: 0.0 cannot be raised to a negative power", "0 ** -1");
    expect(kr_int_pow(KR_FROM_SMALL(2), KR_FROM_SMALL(-2), KR_NONE), "0.25", "2 ** -2");
    kr_val odd = lit("100000000000000000001"), even = lit("100000000000000000000");
    expect(kr_int_pow(KR_FROM_SMALL(-1), odd, KR_NONE), "-1", "(-1)**odd");
    expect(kr_int_pow(KR_FROM_SMALL(-1), even, KR_NONE), "1", "(-1)**even");
    KR_DECREF(odd);
    KR_DECREF(even);
}

static const struct {
    const char *a, *op, *b, *want;
} shift_cases[] = {
{ "1", "<<", "62", "4611686018427387904" },
{ "1", "<<", "61", "2305843009213693952" },
{ "-1", "<<", "62", "-4611686018427387904" },
{ "-1", "<<", "63", "-9223372036854775808" },
{ "3", "<<", "100", "3802951800684688204490109616128" },
{ "-1267650600228229401496703205376", ">>", "99", "-2" },
{ "-1267650600228229401496703205377", ">>", "100", "-2" },
{ "5", ">>", "100000000000000000000", "0" },
{ "-5", ">>", "100000000000000000000", "-1" },
{ "0", "<<", "100000000000000000000", "0" },
{ "1", "<<", "100000000000000000000", "!OverflowError: too many digits in integer" },
{ "4611686018427387904", ">>", "1", "2305843009213693952" },
{ "-7", ">>", "1", "-4" },
{ "-7", ">>", "64", "-1" },
{ "7", ">>", "64", "0" },
{ "1", "<<", "-1", "!ValueError: negative shift count" },
};

static void test_shifts(void) {
    for (size_t i = 0; i < sizeof shift_cases / sizeof shift_cases[0]; i++) {
        kr_val a = lit(shift_cases[i].a), b = lit(shift_cases[i].b);
        expect(apply(shift_cases[i].op, a, b), shift_cases[i].want, "shift");
        KR_DECREF(a);
        KR_DECREF(b);
    }
    kr_val b = lit("18446744073709551616");
    expect(kr_int_lshift(KR_FROM_SMALL(1), b), "!MemoryError: ", "1 << 2**64");
    KR_DECREF(b);
}

static void test_bool(void) {
    expect(kr_repr(KR_TRUE), "'True'", "repr(True)");
    expect(kr_str(KR_FALSE), "'False'", "str(False)");
    expect(kr_add(KR_TRUE, KR_TRUE), "2", "True + True");
    expect(kr_and(KR_TRUE, KR_FALSE), "False", "True & False");
    expect(kr_or(KR_TRUE, KR_FALSE), "True", "True | False");
    expect(kr_xor(KR_TRUE, KR_TRUE), "False", "True ^ True");
    expect(kr_and(KR_TRUE, KR_FROM_SMALL(3)), "1", "True & 3");
    expect(kr_neg(KR_TRUE), "-1", "-True");
    expect(kr_invert(KR_FALSE), "-1", "~False");
    expect(kr_truediv(KR_TRUE, KR_FROM_SMALL(4)), "0.25", "True / 4");
    expect(kr_richcompare(KR_TRUE, KR_FROM_SMALL(1), KR_EQ), "True", "True == 1");
    CU_ASSERT(kr_isinstance_type(KR_TRUE, &kr_int_type));
    CU_ASSERT(!kr_isinstance_type(KR_FROM_SMALL(1), &kr_bool_type));
    expect(kr_builtin_bool(KR_FROM_SMALL(0)), "False", "bool(0)");
    expect(kr_builtin_bool(KR_NONE), "False", "bool(None)");
    expect(kr_builtin_bool(0), "False", "bool()");
    kr_val f = kr_float_new(0.5);
    expect(kr_builtin_bool(f), "True", "bool(0.5)");
    KR_DECREF(f);
    expect(kr_builtin_int(KR_TRUE, 0), "1", "int(True)");
}

static void test_unary_and_misc(void) {
    kr_val big = lit("-4611686018427387904");
    expect(kr_neg(big), "4611686018427387904", "-min");
    expect(kr_abs(big), "4611686018427387904", "abs(min)");
    expect(kr_invert(big), "4611686018427387903", "~min");
    expect(kr_pos(big), "-4611686018427387904", "+min");
    KR_DECREF(big);
    big = lit("-123456789012345678901234567890");
    expect(kr_builtin_hex(big), "'-0x18ee90ff6c373e0ee4e3f0ad2'", "hex");
    expect(kr_builtin_oct(big), "'-0o143564417755415637016711617605322'", "oct");
    expect(kr_builtin_bin(KR_FROM_SMALL(-5)), "'-0b101'", "bin(-5)");
    expect(kr_builtin_hex(KR_FROM_SMALL(0)), "'0x0'", "hex(0)");
    expect(kr_builtin_hex(KR_TRUE), "'0x1'", "hex(True)");
    expect(kr_int_bit_length(big), "97", "bit_length");
    expect(kr_int_bit_length(KR_FROM_SMALL(0)), "0", "bit_length(0)");
    expect(kr_int_bit_length(KR_FROM_SMALL(-256)), "9", "bit_length(-256)");
    expect(kr_builtin_abs(big), "123456789012345678901234567890", "abs");
    KR_DECREF(big);
    kr_val s = S("3.5");
    expect(kr_builtin_hex(s), "!TypeError: 'str' object cannot be interpreted as an integer",
           "hex(str)");
    expect(kr_builtin_int(s, 0), "!ValueError: invalid literal for int() with base 10: '3.5'",
           "int('3.5')");
    expect(kr_builtin_int(KR_FROM_SMALL(5), KR_FROM_SMALL(10)),
           "!TypeError: int() can't convert non-string with explicit base", "int(5, 10)");
    expect(kr_builtin_int(KR_NONE, 0),
           "!TypeError: int() argument must be a string, a bytes-like object or a real number, "
           "not 'NoneType'",
           "int(None)");
    KR_DECREF(s);
    s = S("0x_ff");
    expect(kr_builtin_int(s, KR_FROM_SMALL(0)), "255", "int('0x_ff', 0)");
    KR_DECREF(s);
    expect(kr_add(KR_FROM_SMALL(1), KR_NONE),
           "!TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'", "1 + None");
    expect(kr_inplace_add(KR_FROM_SMALL(1), KR_NONE),
           "!TypeError: unsupported operand type(s) for +=: 'int' and 'NoneType'", "1 += None");
    expect(kr_richcompare(KR_FROM_SMALL(1), KR_NONE, KR_LT),
           "!TypeError: '<' not supported between instances of 'int' and 'NoneType'", "1 < None");
    expect(kr_richcompare(KR_FROM_SMALL(1), KR_NONE, KR_EQ), "False", "1 == None");
    expect(kr_neg(KR_NONE), "!TypeError: bad operand type for unary -: 'NoneType'", "-None");
    expect(kr_builtin_round(KR_FROM_SMALL(1250), KR_FROM_SMALL(-2)), "1200", "round(1250, -2)");
    expect(kr_builtin_round(KR_FROM_SMALL(1350), KR_FROM_SMALL(-2)), "1400", "round(1350, -2)");
    expect(kr_builtin_round(KR_FROM_SMALL(-1251), KR_FROM_SMALL(-2)), "-1300", "round(-1251, -2)");
    expect(kr_builtin_round(KR_FROM_SMALL(7), KR_NONE), "7", "round(7)");
}

static void test_methods(void) {
    kr_val f = kr_getattr_cstr(KR_FROM_SMALL(-37), "bit_length");
    CU_ASSERT_FATAL(f != 0);
    expect(kr_call(f, NULL, 0, 0), "6", "(-37).bit_length()");
    KR_DECREF(f);
    f = kr_getattr_cstr(KR_VAL(&kr_int_type), "bit_length");
    kr_val arg = KR_FROM_SMALL(255);
    expect(kr_call(f, &arg, 1, 0), "8", "int.bit_length(255)");
    KR_DECREF(f);
    expect(kr_getattr_cstr(KR_FROM_SMALL(5), "denominator"), "1", "denominator");
    expect(kr_getattr_cstr(KR_FROM_SMALL(5), "foo"),
           "!AttributeError: 'int' object has no attribute 'foo'", "(5).foo");
    kr_val name = S("real");
    CU_ASSERT(kr_setattr(KR_FROM_SMALL(5), name, KR_FROM_SMALL(1)) == -1);
    expect(0, "!AttributeError: attribute 'real' of 'int' objects is not writable", "set real");
    KR_DECREF(name);
    kr_val args[2] = { S(" 0b101 "), KR_FROM_SMALL(0) };
    expect(kr_call(KR_VAL(&kr_int_type), args, 2, 0), "5", "int(' 0b101 ', 0)");
    KR_DECREF(args[0]);
    expect(kr_call(KR_VAL(&kr_int_type), NULL, 0, 0), "0", "int()");
    expect(kr_call(KR_VAL(&kr_type_type), args + 1, 1, 0), "<class 'int'>", "type(0)");
    expect(kr_builtin_callable(KR_VAL(&kr_int_type)), "True", "callable(int)");
    expect(kr_builtin_callable(KR_FROM_SMALL(1)), "False", "callable(1)");
}

// Calls method 'name' of 'obj' with 'nargs' positional arguments and signed=<sgn>.
static kr_val call_signed(kr_val obj, const char *name, const kr_val *args, size_t nargs,
                          bool sgn) {
    kr_val m = kr_getattr_cstr(obj, name), kw = kr_str_from_cstr("signed");
    kr_val names = kr_tuple_pack(1, kw), argv[4];
    CU_ASSERT_FATAL(m && names);
    memcpy(argv, args, nargs * sizeof *args);
    argv[nargs] = kr_bool(sgn);
    kr_val r = kr_call(m, argv, nargs, names);
    KR_DECREF(m);
    KR_DECREF(kw);
    KR_DECREF(names);
    return r;
}

// int.to_bytes / int.from_bytes (expectations printed by CPython 3.13).
static void test_bytes_conversion(void) {
    static const struct {
        const char *v;
        int len;
        const char *order;
        bool sgn;
        const char *expect;
    } to[] = {
        { "0", 1, "big", 0, "b'\\x00'" },
        { "255", 1, "big", 0, "b'\\xff'" },
        { "256", 2, "little", 0, "b'\\x00\\x01'" },
        { "-1", 1, "big", 1, "b'\\xff'" },
        { "-128", 1, "big", 1, "b'\\x80'" },
        { "-129", 1, "big", 1, "!OverflowError: int too big to convert" },
        { "128", 1, "big", 1, "!OverflowError: int too big to convert" },
        { "-1", 2, "big", 0, "!OverflowError: can't convert negative int to unsigned" },
        { "18446744073709551621", 9, "little", 0,
          "b'\\x05\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x01'" },
        { "-9223372036854775808", 8, "big", 1, "b'\\x80\\x00\\x00\\x00\\x00\\x00\\x00\\x00'" },
        { "1", 0, "big", 0, "!OverflowError: int too big to convert" },
        { "0", 0, "big", 0, "b''" },
        { "1000", -1, "big", 0, "!ValueError: length argument must be non-negative" },
        { "5", 1, "middle", 0, "!ValueError: byteorder must be either 'little' or 'big'" },
        { "-1180591620717411303421", 10, "little", 1,
          "b'\\x03\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\xc0\\xff'" },
    };
    for (size_t i = 0; i < sizeof to / sizeof to[0]; i++) {
        kr_val v = lit(to[i].v), order = kr_str_from_cstr(to[i].order);
        kr_val args[2] = { KR_FROM_SMALL(to[i].len), order };
        expect(call_signed(v, "to_bytes", args, 2, to[i].sgn), to[i].expect, to[i].v);
        KR_DECREF(v);
        KR_DECREF(order);
    }
    static const struct {
        const char *data;
        int n;
        const char *order;
        bool sgn;
        const char *expect;
    } from[] = {
        { "\x00\x10", 2, "big", 0, "16" },
        { "\x00\x10", 2, "little", 0, "4096" },
        { "\xff", 1, "big", 1, "-1" },
        { "\xff", 1, "big", 0, "255" },
        { "", 0, "big", 1, "0" },
        { "\x80\x00", 2, "little", 1, "128" },
        { "\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01", 12, "big", 1,
          "310698676526526814092329217" },
        { "\xfe\xff\xff\xff\xff\xff\xff\xff\xff\xff", 10, "little", 1, "-2" },
    };
    for (size_t i = 0; i < sizeof from / sizeof from[0]; i++) {
        kr_val b = kr_bytes_from_data(from[i].data, (size_t)from[i].n);
        kr_val order = kr_str_from_cstr(from[i].order), args[2] = { b, order };
        expect(call_signed(KR_VAL(&kr_int_type), "from_bytes", args, 2, from[i].sgn),
               from[i].expect, "from_bytes");
        KR_DECREF(b);
        KR_DECREF(order);
    }
    // An iterable of ints converts as bytes() would; byteorder must be a str.
    kr_val l = kr_list_new(0);
    CU_ASSERT(kr_list_append(l, KR_FROM_SMALL(1)) == 0 && kr_list_append(l, KR_FROM_SMALL(2)) == 0);
    kr_val m = kr_getattr_cstr(KR_VAL(&kr_int_type), "from_bytes");
    expect(kr_call(m, &l, 1, 0), "258", "from_bytes([1, 2])");
    KR_DECREF(m);
    KR_DECREF(l);
    m = kr_getattr_cstr(KR_FROM_SMALL(1), "to_bytes");
    expect(kr_call(m, (kr_val[]){ KR_FROM_SMALL(1), KR_FROM_SMALL(5) }, 2, 0),
           "!TypeError: to_bytes() argument 'byteorder' must be str, not int", "byteorder 5");
    KR_DECREF(m);
}

int main(void) {
    kr_runtime_init(0, NULL);
    CU_initialize_registry();
    CU_pSuite s = CU_add_suite("rt_int", NULL, NULL);
    CU_add_test(s, "operation table", test_int_table);
    CU_add_test(s, "small tagging", test_small_tagging);
    CU_add_test(s, "int(text, base)", test_parse);
    CU_add_test(s, "str digits limit", test_str_digits_limit);
    CU_add_test(s, "str(2**100000) round trip", test_huge_roundtrip);
    CU_add_test(s, "hash", test_hash);
    CU_add_test(s, "int to float", test_to_float);
    CU_add_test(s, "true division", test_truediv);
    CU_add_test(s, "pow with modulus", test_pow_mod);
    CU_add_test(s, "shifts", test_shifts);
    CU_add_test(s, "bool", test_bool);
    CU_add_test(s, "unary and misc", test_unary_and_misc);
    CU_add_test(s, "methods", test_methods);
    CU_add_test(s, "to_bytes and from_bytes", test_bytes_conversion);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed != 0;
}
