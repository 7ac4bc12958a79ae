import import_script


def read():
    return import_script.VALUE
