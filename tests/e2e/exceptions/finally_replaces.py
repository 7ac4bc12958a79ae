# An exception raised in a finally body replaces the one in flight (which becomes its context);
# uncaught, both tracebacks are printed.
def cleanup_fails():
    try:
        return 1 // 0
    finally:
        print("cleaning up")
        int("cleanup")


try:
    cleanup_fails()
except ValueError as e:
    print("got", type(e).__name__, "with context", type(e.__context__).__name__)
cleanup_fails()
