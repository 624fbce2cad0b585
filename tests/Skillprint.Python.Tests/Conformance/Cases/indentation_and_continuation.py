x = 1 + \
    2
if (a and
        b):
    pass
items = [
    1,
    2,  # comment
]
def f(
    a,
    b,
):
    return (a +
            b)
s = """inside
   triple"""
    # comment at odd indentation
y = {
'k': 'v'}
