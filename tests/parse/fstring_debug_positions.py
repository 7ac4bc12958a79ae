# f-string '=' debug text taken from the source after the '{', on later lines and with
# multi-line expressions, comments and nested fields.
x = 1
y = [1, 2]
a = f"{x=}"
b = f"{ x = }"
c = f"""first line
{x
 + 1=}"""
d = f"{y[0]=!r:>{x}}" f"{x  =  :5}"
e = f"{  (x, # a comment
  x)=}"
g = f"{'é'=}{x=}"
h = rf"{x=!s}\n"
