options = {"metaclass": type}


class A(**options):
    pass
