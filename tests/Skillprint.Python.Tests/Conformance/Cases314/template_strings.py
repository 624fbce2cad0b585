# PEP 750 (Python 3.14): template strings.
name = "World"
greeting = t"Hello {name}!"
formatted = t"{value:.2f} and {other!r}"
nested_spec = t"{x:{width}}"
plain = t"no interpolations"
empty = t""
concatenated = t"a{b}" t"c"
raw = rt"\d{n}"
expression = t"{a + b}"
nested = t"{t'{inner}'}"
query = sql(t"SELECT * FROM users WHERE id = {user_id}")
single = t'{items[0]!s}'
