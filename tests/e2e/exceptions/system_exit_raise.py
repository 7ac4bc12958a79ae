# raise SystemExit: an int code is the exit status; other exceptions are not caught by
# 'except Exception'.
def run():
    try:
        raise SystemExit(4)
    except Exception:
        print("not caught by Exception")
    finally:
        print("finally before exit")


try:
    raise SystemExit
except SystemExit as e:
    print("code:", e.code)
try:
    raise SystemExit("message")
except BaseException as e:
    print("code:", e.code, type(e).__name__)
run()
