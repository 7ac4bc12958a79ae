from . import sibling

print(sibling)
