[x for x in range(10)]
[x * y for x in a for y in b if x if y]
{x for x in s}
{k: v for k, v in items.items() if v}
(x for x in y)
sum(x for x in y)
f(x for x in y)
[[i for i in row] for row in matrix]
[(a, b) for a, b in pairs]
[x for x in (yield_ for yield_ in z)]
[lambda: x for x in range(3)]
[x for x in a if not x in b]
