class Buffer(bytearray):
    def size(self):
        return len(self)


print(Buffer(b"ab").size())
