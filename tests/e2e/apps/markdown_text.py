# A markdown-to-plain-text formatter: headings underlined, paragraphs re-wrapped to a width,
# bullet and numbered lists, block quotes, code blocks kept verbatim, inline emphasis and links
# rewritten, and a table of contents.

DOC = """# Krait user guide

Krait compiles *Python* programs to **native** executables. See [the docs](https://example.org/docs)
for details, or read `krait --help` for the command line.

## Installing

1. Install the dependencies.
2. Run the build script; it takes a couple of minutes on a small machine with two cores.
3. Try an example.

> Note: the first build downloads nothing; every dependency is a Debian package.
> Quotes may span lines.

## Using it

- `krait build app.py` writes an executable
- `krait run app.py` builds and runs, caching the result between runs so that the second run is fast
- `krait check app.py` only checks

```
$ krait run examples/tour.py
hello from krait
```

### Limits

Some constructs are *not* supported yet; they are reported with a **clear** diagnostic.
"""

WIDTH = 48


def inline(text: str) -> str:
    out = []
    i = 0
    links = []
    while i < len(text):
        if text.startswith("**", i):
            j = text.index("**", i + 2)
            out.append(text[i + 2:j].upper())
            i = j + 2
        elif text[i] == "*":
            j = text.index("*", i + 1)
            out.append("_" + text[i + 1:j] + "_")
            i = j + 1
        elif text[i] == "`":
            j = text.index("`", i + 1)
            out.append("'" + text[i + 1:j] + "'")
            i = j + 1
        elif text[i] == "[":
            j = text.index("]", i)
            k = text.index(")", j)
            links.append(text[j + 2:k])
            out.append(f"{text[i + 1:j]}[{len(links)}]")
            i = k + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out) + "".join(f" <{u}>" for u in links)


def wrap(text, width, first="", rest=""):
    words = text.split()
    lines = []
    cur = first
    for w in words:
        prefix_only = cur == first if not lines else cur == rest
        if len(cur) + len(w) + (0 if prefix_only else 1) > width and not prefix_only:
            lines.append(cur)
            cur = rest + w
        else:
            cur = cur + ("" if prefix_only else " ") + w
    lines.append(cur)
    return lines


def render(doc: str) -> list[str]:
    out: list[str] = []
    toc: list[tuple[int, str]] = []
    para: list[str] = []
    in_code = False

    def flush():
        if para:
            out.extend(wrap(inline(" ".join(para)), WIDTH))
            out.append("")
            para.clear()

    for line in doc.splitlines():
        if line.startswith("```"):
            flush()
            in_code = not in_code
            continue
        if in_code:
            out.append("    | " + line)
            continue
        stripped = line.strip()
        if not stripped:
            flush()
        elif stripped.startswith("#"):
            flush()
            level = len(stripped) - len(stripped.lstrip("#"))
            title = stripped[level:].strip()
            toc.append((level, title))
            out.append(title.upper() if level == 1 else title)
            out.append("=#-~"[level] * len(title) if level < 4 else "")
        elif stripped.startswith(("- ", "* ")):
            flush()
            out.extend(wrap(inline(stripped[2:]), WIDTH, "  * ", "    "))
        elif stripped[0].isdigit() and ". " in stripped:
            flush()
            num, _, body = stripped.partition(". ")
            out.extend(wrap(inline(body), WIDTH, f" {num:>2}. ", "     "))
        elif stripped.startswith(">"):
            flush()
            out.extend(wrap(inline(stripped[1:].strip()), WIDTH, "  > ", "  > "))
        else:
            para.append(stripped)
    flush()
    contents = ["Contents:"] + [f"{'  ' * (lv - 1)}- {t}" for lv, t in toc] + [""]
    return contents + out


lines = render(DOC)
for ln in lines:
    print(ln.rstrip())
print("-" * WIDTH)
print(f"{len(lines)} lines, longest {max(len(l) for l in lines)}, "
      f"{sum(1 for l in lines if not l.strip())} blank")
words = [w.strip(".,;:*`()[]").lower() for w in DOC.split()]
print("most common long words:",
      sorted({w for w in words if len(w) > 6}, key=lambda w: (-words.count(w), w))[:5])
