# a circular import that works: each module uses the other only inside functions, or names it
# defined before the cycle closes
import ping

print(ping.ping(3))
print(ping.pong_mod.pong(2))
