"""A module docstring."""
print(__doc__)
