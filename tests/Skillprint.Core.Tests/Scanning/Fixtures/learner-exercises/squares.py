# Exercise 3: a list comprehension
def squares(limit):
    return [n * n for n in range(limit)]


print(squares(5))
