0
123
1_000_000
0x_FF
0o777
0b1010_1010
0XAB
0O17
0B11
123456789012345678901234567890
0xFFFFFFFFFFFFFFFFFFFF
9223372036854775807
9223372036854775808
1.5
1.
.5
1e10
1E-10
1_0.0_1e+1_0
3.14j
10J
0j
1e400
1e-400
0.1 + 0.2
True, False, None, ...
"single" 'double' """triple""" '''triple2'''
b"bytes" B'BYTES' rb"\d" Rb'\d' br"\n" BR"x"
r"\n" R'\t'
u"unicode" U'UNI'
"a" "b" 'c'
"\n\t\r\\\'\"\a\b\f\v\0\x41\101\u00e9\U0001F600\N{BULLET}"
b"\x00\xff\n\\"
"\
continued"
"line1\
line2"
"é€😀"
"\ud800"
"it's"
'say "hi"'
"both ' and \""
"\x7f\x80\xa0"
"""
multi
line
"""
u"kind" "plain"
"plain" u"kind"
