# Escapes that make surrogates stay separate code points, in plain strings, concatenations and f-strings.
a = "\ud834\udd1e"
b = "x\ud800" "\udc00y"
c = "\U0001d11e" + "𝄞"
d = f"{a}\ud834\udd1e" "\ud800"
e = "\ud834" "\udd1e"
