café = 1
naïve = café + 1
π = 3.14
变量 = "中文"
x = "ünïcödé"
f"{café}"
def 函数(参数): return 参数
