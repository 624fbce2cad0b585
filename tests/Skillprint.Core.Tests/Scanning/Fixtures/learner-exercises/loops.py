# Exercise 1: loops and functions
def count_down(start):
    number = start
    while number > 0:
        print(number)
        number = number - 1


def total(numbers):
    result = 0
    for n in numbers:
        result = result + n
    return result


count_down(3)
print(total([1, 2, 3]))
