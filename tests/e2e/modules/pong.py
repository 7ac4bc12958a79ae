print("pong starts")
import ping

print("pong sees", [k for k in ["ping", "LEVEL"] if hasattr(ping, k)])


def pong(n):
    if n == 0:
        return "pong done"
    return ping.ping(n - 1)
