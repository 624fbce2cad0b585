a < b < c
a == b != c >= d <= e > f
x is not None
y not in z
k in d is True
not a and b or c and not d
a or b or c
a and b and c
-x + +y - ~z
2 ** -1
-2 ** 2
a @ b
a // b % c * d / e
a << b >> c & d | e ^ f
x if y else z
a if b else c if d else e
(a if b else c)(d)
not not x
