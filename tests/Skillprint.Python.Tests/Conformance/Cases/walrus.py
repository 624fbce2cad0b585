if (n := len(a)) > 10:
    print(f"{n} items")
while chunk := f.read(8192):
    process(chunk)
filtered = [y for x in data if (y := f(x)) is not None]
print(total := 1 + 2)
foo(x := 3, cat='vector')
a[b := 1]
{(c := 1): 2}
