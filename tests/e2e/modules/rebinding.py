# m.x reads the module's current global: rebinding by the module's own functions, by the
# importer (m.x = v), new attributes, and a name copied by from-import keeps its old value
import config
from config import level

print(config.level, level)
config.raise_level()
print(config.level, level, config.describe())
config.level = 10
print(config.level, config.describe())
config.name = "set from outside"
print(config.name, config.describe_name())
config.extra = [1, 2]
print(config.extra, hasattr(config, "extra"), hasattr(config, "nothing"))
delattr(config, "extra")
print(hasattr(config, "extra"))
config.handler = lambda: "replaced"
print(config.call_handler())
try:
    print(config.missing)
except AttributeError as e:
    print(e)
config.init_mode()
print(config.describe_mode())
config.mode = "fast"
print(config.describe_mode())
attr = "na" + "me"
setattr(config, attr, 12)
print(config.describe_name() if False else config.name)
