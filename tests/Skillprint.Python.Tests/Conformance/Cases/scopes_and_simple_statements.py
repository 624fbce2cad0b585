x = 0
def outer():
    y = 1
    def inner():
        global x
        nonlocal y
        x = y = 2
    del y
del a, b[0], c.d, (e, f), [g]
assert x, "message"
assert y
pass
import os, sys as system
import a.b.c as d
from os import path as p, sep
from . import sibling
from ..parent import (a, b as c,)
from .... import deep
from module import *
raise
raise E
raise E from None
x += 1; y -= 2; z *= 3; w @= m
a /= 1; b //= 2; c %= 3; d **= 4; e >>= 5; f <<= 6; g &= 7; h ^= 8; i |= 9
x: int = 5
self.attr: str
(paren): int = 3
lst[0]: float
for i in range(3):
    if i: continue
    else: break
else:
    pass
while False:
    pass
else:
    pass
with open(f) as a, open(g) as (b, c): pass
with (open(f) as a, open(g) as b,): pass
with (a, b): pass
with (yield): pass
if a: pass
elif b: pass
elif c: pass
else: pass
