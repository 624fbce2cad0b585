def f(*args: *Ts) -> tuple[*Ts]: pass
x: Array[*Shape]
y = a[*b]
z = a[1, *b, 2]
w = a[*b, *c]
v = a[()]
u = a[:, *b]
