import imports_script_back

VALUE = 1
print(imports_script_back.read())
