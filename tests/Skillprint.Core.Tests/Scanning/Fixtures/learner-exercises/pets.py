# Exercise 4: a small class
class Dog:
    def __init__(self, name):
        self.name = name

    def bark(self):
        return self.name + " says woof"


rex = Dog("Rex")
print(rex.bark())
