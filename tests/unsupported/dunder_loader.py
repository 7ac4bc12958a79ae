print(__loader__)
