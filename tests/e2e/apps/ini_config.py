# An INI configuration reader: sections, comments, continuation lines, ${section:key}
# interpolation with cycle detection, typed getters with defaults, and a validated report.

TEXT = """
; global defaults
[DEFAULT]
home = /srv/app
log_level = info

[server]
host = 0.0.0.0
port = 8080
workers = 4
debug = no
root = ${home}/www
banner = Welcome to the
    krait demo server
    (version 2)

[database]
url = postgres://${database:user}@${database:host}/${database:name}
user = app
host = db.local
name = production
pool = 12.5
timeout =

[paths]
logs = ${home}/logs
cache = ${paths:logs}/cache
loop_a = ${paths:loop_b}
loop_b = ${paths:loop_a}
"""


class ConfigError(Exception):
    pass


class Config:
    TRUE = {"1", "yes", "true", "on"}
    FALSE = {"0", "no", "false", "off"}

    def __init__(self, text: str):
        self.sections: dict[str, dict[str, str]] = {}
        current = None
        key = None
        for n, raw in enumerate(text.splitlines(), 1):
            line = raw.rstrip()
            if not line.strip() or line.lstrip().startswith((";", "#")):
                continue
            if raw[0] in " \t" and key is not None:
                current[key] += "\n" + line.strip()
                continue
            if line.startswith("[") and line.endswith("]"):
                name = line[1:-1].strip()
                current = self.sections.setdefault(name, {})
                key = None
            elif "=" in line and current is not None:
                key, _, value = line.partition("=")
                key = key.strip().lower()
                current[key] = value.strip()
            else:
                raise ConfigError(f"line {n}: cannot parse {line!r}")

    def raw(self, section, key):
        if key in self.sections.get(section, {}):
            return self.sections[section][key]
        if key in self.sections.get("DEFAULT", {}):
            return self.sections["DEFAULT"][key]
        raise ConfigError(f"no option {key!r} in section {section!r}")

    def get(self, section, key, _stack=()):
        if (section, key) in _stack:
            chain = " -> ".join(f"{s}:{k}" for s, k in _stack + ((section, key),))
            raise ConfigError(f"interpolation cycle: {chain}")
        value = self.raw(section, key)
        out = []
        i = 0
        while True:
            j = value.find("${", i)
            if j < 0:
                out.append(value[i:])
                break
            k = value.index("}", j)
            ref = value[j + 2:k]
            sec, _, name = ref.rpartition(":")
            out.append(value[i:j])
            out.append(self.get(sec or section, name, _stack + ((section, key),)))
            i = k + 1
        return "".join(out)

    def getint(self, section, key, default=None):
        try:
            return int(self.get(section, key))
        except ConfigError:
            if default is None:
                raise
            return default

    def getfloat(self, section, key):
        return float(self.get(section, key))

    def getbool(self, section, key):
        v = self.get(section, key).lower()
        if v in self.TRUE:
            return True
        if v in self.FALSE:
            return False
        raise ConfigError(f"{section}:{key} is not a boolean: {v!r}")


cfg = Config(TEXT)
print("sections:", list(cfg.sections))
for name, opts in cfg.sections.items():
    print(f"[{name}] {len(opts)} options: {', '.join(sorted(opts))}")
print("server:", cfg.get("server", "host"), cfg.getint("server", "port"), cfg.getbool("server", "debug"))
print("root:", cfg.get("server", "root"))
print("banner:", cfg.get("server", "banner").splitlines())
print("url:", cfg.get("database", "url"))
print("pool:", cfg.getfloat("database", "pool"), "timeout:", repr(cfg.get("database", "timeout")))
print("cache:", cfg.get("paths", "cache"), "| log level via DEFAULT:", cfg.get("paths", "log_level"))
print("retries:", cfg.getint("server", "retries", 3))
checks = [
    ("paths", "loop_a", cfg.get),
    ("server", "workers", cfg.getbool),
    ("server", "missing", cfg.get),
    ("database", "pool", cfg.getint),
    ("nosuch", "home", cfg.get),
]
for sec, key, getter in checks:
    try:
        print(f"{sec}:{key} = {getter(sec, key)!r}")
    except ConfigError as e:
        print(f"ConfigError: {e}")
    except ValueError as e:
        print(f"ValueError: {e}")
try:
    Config("[a]\nkey value\n")
except ConfigError as e:
    print("ConfigError:", e)
width = max(len(k) for s in cfg.sections.values() for k in s)
for key, value in sorted(cfg.sections["server"].items()):
    print(f"  {key:.<{width + 3}}{cfg.get('server', key).replace(chr(10), ' / ')}")
