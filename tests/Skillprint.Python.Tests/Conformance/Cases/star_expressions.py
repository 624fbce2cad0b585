a, *b = range(3)
*c, d = x
first, *middle, last = items
print(*args, *more, sep='', **kw, **kw2)
x = [*a, *b]
y = {*a, 1}
z = {**a, 'k': 1, **b}
t = *a, *b
for p, *q in pairs: pass
return_values = (*a,)
def f():
    return 1, *rest
def g():
    yield *a, b
