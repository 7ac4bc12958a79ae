import native_ext

print(native_ext.answer())
