from . import mypkg
