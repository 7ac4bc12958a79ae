print(dir([]))
