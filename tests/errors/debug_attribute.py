import os
os.__debug__ = 1
