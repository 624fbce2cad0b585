f = lambda: None
g = lambda x, y=2, *args, z=3, **kw: (x, y, args, z, kw)
h = lambda *a: a
sorted(items, key=lambda item: item[1])
nested = lambda x: lambda y: x + y
cond = lambda x: x if x else (lambda: 0)
defaults = lambda a=lambda: 1: a()
