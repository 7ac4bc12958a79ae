# Generates tests/unit/test_rt_csv cases from CPython 3.13 (pasted into the test file).
import csv, io

def cstr(s):
    out = '"'
    for ch in s:
        o = ord(ch)
        if ch == '"': out += '\\"'
        elif ch == '\\': out += '\\\\'
        elif ch == '\n': out += '\\n'
        elif ch == '\r': out += '\\r'
        elif ch == '\t': out += '\\t'
        elif o < 32 or o == 127: out += '\\x%02x""' % o
        else: out += ch
    return out + '"'

def spec(params):
    # name:kind value, kinds s (str), i (int), b (bool), N (None)
    parts = []
    for k, v in params.items():
        if v is None: parts.append(k + ':N')
        elif isinstance(v, bool): parts.append(k + ':b' + ('1' if v else '0'))
        elif isinstance(v, int): parts.append(k + ':i' + str(v))
        elif isinstance(v, list): parts.append(k + ':L' + ','.join(v))
        else: parts.append(k + ':s' + v)
    return '\x1f'.join(parts)

import re
def split_lines(text):
    return re.findall(r'[^\n]*\n|[^\n]+', text)

def outcome(f):
    try:
        return repr(f())
    except Exception as e:
        return '!%s: %s' % (type(e).__name__, e)

reader_cases = [
    ('a,b,c\r\n1,2,3\r\n', {}),
    ('a,"b,c",d\n', {}),
    ('"a""b",c\n', {}),
    ('"multi\nline",x\nnext,row\n', {}),
    ('a,b,\n', {}),
    (',\n', {}),
    ('\n\na\n', {}),
    ('a,"b\n', {}),
    ('a,"b\n', {'strict': True}),
    ('a\rb\n', {}),
    ('a\\,b,c\n', {'escapechar': '\\'}),
    ('"a",b\n', {'quoting': csv.QUOTE_NONE}),
    ('1,"2",3.5\n', {'quoting': csv.QUOTE_NONNUMERIC}),
    ('a,1\n', {'quoting': csv.QUOTE_NONNUMERIC}),
    ('1,"x",,""\n', {'quoting': csv.QUOTE_STRINGS}),
    ('a,,""\n', {'quoting': csv.QUOTE_NOTNULL}),
    ('a, b,  "c"\n', {'skipinitialspace': True}),
    ('a, b,  "c"\n', {}),
    ('a;b;"c;d"\n', {'delimiter': ';'}),
    ('a\tb\t"c\td"\n', {'dialect': 'excel-tab'}),
    ('"a","b"\n', {'dialect': 'unix'}),
    ('"a\\"b",c\n', {'doublequote': False, 'escapechar': '\\'}),
    ('"a"b,c\n', {'strict': True}),
    ('"a"b,c\n', {}),
    ('a,b\r\n', {}),
    ('"a\r\nb",c\r\n', {}),
    ('a,"",b\n', {}),
    (' "a",b\n', {}),
    ('\u00e9,\u00fc\u20ac\n', {}),
    ('x\u00e9y\n', {'delimiter': '\u00e9'}),
    ('a\\\nb\n', {'escapechar': '\\'}),
    ("'a,b',c\n", {'quotechar': "'"}),
    ('a,b', {}),
    ('"abc', {}),
    ('\r\n', {}),
    ('a,b\n\nc,d\n', {}),
    ('"a"\n', {'quotechar': None}),
    ('a\\"b\n', {'escapechar': '\\', 'quoting': csv.QUOTE_NONE}),
    ('"a\\\nb"\n', {'escapechar': '\\'}),
    ('1,2\n', {'quoting': csv.QUOTE_STRINGS}),
    ('"",\n', {'quoting': csv.QUOTE_NOTNULL}),
    ('a|b|c\n', {'delimiter': '|', 'quotechar': '|'}),
    ('', {'delimiter': 'ab'}),
    ('', {'delimiter': 5}),
    ('', {'delimiter': None}),
    ('', {'delimiter': ''}),
    ('', {'quotechar': 'ab'}),
    ('', {'quotechar': 5}),
    ('', {'escapechar': 5}),
    ('', {'quoting': 9}),
    ('', {'quoting': 'a'}),
    ('', {'quoting': True}),
    ('', {'lineterminator': 5}),
    ('', {'delimiter': '\n'}),
    ('', {'delimiter': ' '}),
    ('', {'quotechar': ' ', 'skipinitialspace': True}),
    ('', {'escapechar': ' ', 'skipinitialspace': True}),
    ('', {'delimiter': 'x', 'quotechar': 'x'}),
    ('', {'escapechar': 'x', 'quotechar': 'x'}),
    ('', {'escapechar': 'x', 'delimiter': 'x'}),
    ('', {'delimiter': 'x', 'lineterminator': 'xy'}),
    ('', {'quoting': csv.QUOTE_MINIMAL, 'quotechar': None}),
    ('', {'dialect': 'nope'}),
    ('', {'foo': 1}),
]

def run_reader(text, params):
    lines = split_lines(text)
    return outcome(lambda: list(csv.reader(lines, **params)))

print('// ---- reader cases')
for text, params in reader_cases:
    print('    { %s, %s,\n      %s },' % (cstr(text), cstr(spec(params)), cstr(run_reader(text, params))))

# rows: fields typed with s/i/f/N/b prefix
def rowspec(rows):
    out = []
    for r in rows:
        fs = []
        for f in r:
            if f is None: fs.append('N')
            elif isinstance(f, bool): fs.append('b' + ('1' if f else '0'))
            elif isinstance(f, int): fs.append('i' + str(f))
            elif isinstance(f, float): fs.append('f' + repr(f))
            else: fs.append('s' + f)
        out.append('\x1f'.join(fs))
    return '\x1e'.join(out)

writer_cases = [
    ([['a', 'b'], ['1', '2']], {}),
    ([['a,b', 'c"d', 'e\nf', 'g\rh', 'plain']], {}),
    ([['a', 1, 2.5, None, True]], {'quoting': csv.QUOTE_ALL}),
    ([['a', 1, 2.5, None, True, 1e20]], {'quoting': csv.QUOTE_NONNUMERIC}),
    ([['a,b', 'c']], {'quoting': csv.QUOTE_NONE, 'escapechar': '\\'}),
    ([['a,b', 'c']], {'quoting': csv.QUOTE_NONE}),
    ([['a', 1, None, '']], {'quoting': csv.QUOTE_STRINGS}),
    ([['a', 1, None, '']], {'quoting': csv.QUOTE_NOTNULL}),
    ([['']], {}),
    ([[None]], {}),
    ([[]], {}),
    ([['']], {'quoting': csv.QUOTE_NONE}),
    ([[None]], {'quoting': csv.QUOTE_NOTNULL}),
    ([['a', 'b"c']], {'dialect': 'unix'}),
    ([['a\tb', 'c']], {'dialect': 'excel-tab'}),
    ([['a"b', 'c']], {'doublequote': False, 'escapechar': '\\'}),
    ([['a"b']], {'doublequote': False}),
    ([['a\\b', 'c']], {'escapechar': '\\'}),
    ([['a\nb']], {'lineterminator': '\n'}),
    ([['a;b', 'c']], {'delimiter': ';', 'lineterminator': '|'}),
    ([['x|y']], {'lineterminator': '|'}),
    ([['', 'b']], {'delimiter': ' ', 'skipinitialspace': True}),
    ([['', 'b']], {'delimiter': ' ', 'skipinitialspace': True, 'quoting': csv.QUOTE_NONE}),
    ([[' a', 'b ']], {'skipinitialspace': True}),
    ([['\u00e9\u20ac', 'x\u00e9y']], {'delimiter': '\u00e9'}),
    ([[1.5, 1e20, -0.0, 10**20, False]], {}),
    ([['a', 'b'], [], ['c']], {}),
    ([["it's", 'q']], {'quotechar': "'"}),
]

def run_writer(rows, params):
    buf = io.StringIO()
    w = csv.writer(buf, **params)
    rets = []
    try:
        for r in rows:
            rets.append(w.writerow(r))
    except Exception as e:
        return repr(buf.getvalue()), '!%s: %s' % (type(e).__name__, e)
    return repr(buf.getvalue()), repr(rets)

print('// ---- writer cases')
for rows, params in writer_cases:
    out, rets = run_writer(rows, params)
    print('    { %s, %s,\n      %s, %s },' % (cstr(rowspec(rows)), cstr(spec(params)), cstr(out), cstr(rets)))

# round trips: write rows with params, read them back
print('// ---- round trips')
rt_rows = [['a', 'b,c', 'd"e', 'f\ng', '', ' h '], ['1', '2.5', 'x\r\ny', '"', ',', '\\']]
for params in [{}, {'quoting': csv.QUOTE_ALL}, {'quoting': csv.QUOTE_NONE, 'escapechar': '\\'},
               {'dialect': 'unix'}, {'dialect': 'excel-tab'}, {'quoting': csv.QUOTE_NOTNULL},
               {'quoting': csv.QUOTE_STRINGS}, {'doublequote': False, 'escapechar': '\\'},
               {'delimiter': ';', 'quotechar': "'"}]:
    buf = io.StringIO()
    csv.writer(buf, **params).writerows(rt_rows)
    text = buf.getvalue()
    back = list(csv.reader(split_lines(text), **params))
    print('    { %s, %s, %s },' % (cstr(spec(params)), cstr(text), cstr(repr(back))))

# DictReader
print('// ---- dictreader')
dr_cases = [
    ('a,b,c\r\n1,2,3\r\n4,5\r\n6,7,8,9\r\n', {}),
    ('a,b\n\n1,2\n\n\n3,4\n', {}),
    ('1,2,3\n4\n', {'fieldnames': ['x', 'y']}),
    ('1,2,3\n4\n', {'fieldnames': ['x', 'y'], 'restkey': 'rest', 'restval': '?'}),
    ('', {}),
    ('a;b\n1;2\n', {'delimiter': ';'}),
    ('a,a\n1,2\n', {}),
]
for text, params in dr_cases:
    def f():
        r = csv.DictReader(split_lines(text), **params)
        rows = list(r)
        return (r.fieldnames, rows, r.line_num)
    print('    { %s, %s,\n      %s },' % (cstr(text), cstr(spec(params)), cstr(outcome(f))))

print('// ---- dictwriter')
dw_cases = [
    (['a', 'b'], [{'a': 1, 'b': 2}, {'a': 3}], {}),
    (['a', 'b'], [{'a': 1, 'c': 2}], {}),
    (['a', 'b'], [{'a': 1, 'c': 2, 'd': 3, 'e': 4}], {}),
    (['a', 'b'], [{'a': 1, 'c': 2}], {'extrasaction': 'ignore'}),
    (['a', 'b'], [{'b': 'x,y'}], {'restval': 'NA'}),
    (['a', 'b'], [{'a': None}], {'extrasaction': 'IGNORE'}),
    (['a', 'b'], [], {'extrasaction': 'bad'}),
]
for names, rows, params in dw_cases:
    def f():
        buf = io.StringIO()
        w = csv.DictWriter(buf, names, **params)
        rets = [w.writeheader()]
        for r in rows:
            rets.append(w.writerow(r))
        return (buf.getvalue(), rets)
    rs = '\x1e'.join('\x1f'.join(k + '=' + rowspec([[v]]) for k, v in r.items()) for r in rows)
    print('    { %s, %s, %s,\n      %s },' % (cstr(','.join(names)), cstr(rs), cstr(spec(params)), cstr(outcome(f))))
