"hello"
'world'
"""triple"""
'''triple single'''
"a" "b"
"a" 'b' """c"""
u"unicode"
u"a" "b"
"a" u"b"
r"raw\n"
R"raw"
b"bytes"
b"a" b"b"
rb"raw bytes\x00"
Br"x"
"escape \n \t \\ \x41 \u0041 \N{LATIN SMALL LETTER A}"
b"\x00\xff"
"implicit" \
"continuation"
("paren"
 "concat")
""
b""
"" ""
"\
"
