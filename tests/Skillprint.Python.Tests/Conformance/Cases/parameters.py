def f(a, b, /, c, d=1, *, e, f=2, **kwargs): pass
def g(a, /): pass
def h(*, kw): pass
def i(*args, **kwargs): pass
def j(a: int = 1, *args: str, b: "x" = None, **kw: dict) -> None: pass
def k(a=1, /, b=2, *, c): pass
lambda: 0
lambda a, /, b=1, *c, d, e=2, **f: a
lambda *, k=3: k
