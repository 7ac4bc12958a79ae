class Dog:
    species = "canis"

    def __init__(self, name, age):
        self.name = name
        self.age = age

    def bark(self):
        return f"{self.name} says woof"

    def birthday(self):
        self.age += 1
        return self.age


d = Dog("Rex", 3)
print(d.bark(), d.birthday(), d.age, d.species, Dog.species)
e = Dog("Fido", 1)
print(e.name, isinstance(e, Dog), type(e).__name__, Dog.__name__)
Dog.species = "wolf"
print(d.species, e.species)
e.species = "own"
print(e.species, d.species)
m = d.bark
print(m())
print(Dog.bark(e))
