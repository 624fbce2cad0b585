# Exercise 2: f-strings
name = input("Your name? ")
age = 20
print(f"Hello {name}, you are {age} years old")
