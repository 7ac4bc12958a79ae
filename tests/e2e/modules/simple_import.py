# import of a module beside the script: attributes, functions, module repr-free checks
import greet

print(greet.hello("world"))
print(greet.TIMES, type(greet).__name__, greet.__name__)
print(greet.shout("hey", greet.TIMES))
