print(__spec__)
