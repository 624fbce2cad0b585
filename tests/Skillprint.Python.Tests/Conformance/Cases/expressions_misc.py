x = a.b.c.d
y = f(1)(2)(3)
z = obj.method(arg, key=value)[0].attr
w = (1)
v = (1,)
u = ()
t = 1, 2
s = [1, 2, 3,]
r = {1: 2, **d}
q = {1, 2}
p = {}
o = print
n = a if b else c
m = not x
l = -x
k = x[1:2]
j = f(*a, **b)
i = f(a, b=1, *c, d=2, **e)
h = f(a for a in b)
g = ...
e = 'implicit' 'concat'
