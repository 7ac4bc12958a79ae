print(__package__)
