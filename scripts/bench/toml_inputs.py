#!/usr/bin/env python3
"""Writes hostile TOML inputs for scripts/bench/toml.sh (each about SIZE bytes, default 1 MB).

  toml_inputs.py DIR [SIZE]

Shapes: the 480 KB [[a]] file that took the old parser 22 s, then at SIZE: many tables, many
arrays of tables, deep dotted keys (past the depth limit: rejected), long strings, one huge
array, one long line (an inline table), many keys in one table, a mixed realistic file, and a
valid file whose last line is a duplicate key (the whole document is read before the error).
"""
import os
import sys

out = sys.argv[1]
size = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
os.makedirs(out, exist_ok=True)


def write(name, text):
    with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as f:
        f.write(text)


def fill(line_of, limit=size):
    parts, total, i = [], 0, 0
    while total < limit:
        line = line_of(i)
        parts.append(line)
        total += len(line.encode())
        i += 1
    return "".join(parts)


write("aot-480k.toml", "[[a]]\n" * (480_000 // 6))
write("tables.toml", fill(lambda i: "[t%d]\nk = %d\n" % (i, i)))
write("arrays-of-tables.toml", fill(lambda i: "[[rules]]\nid = \"r%d\"\n[rules.x]\ny = %d\n" % (i, i)))
write("deep-dotted.toml", fill(lambda i: ".".join(["k"] * 200) + ".v%d = 1\n" % i))
write("dotted-64.toml", fill(lambda i: "k%d." % i + ".".join(["a"] * 63) + " = %d\n" % i))
write("long-strings.toml", fill(lambda i: "s%d = \"%s\"\nm%d = '''\n%s\n'''\n" % (i, "x\\u00e9" * 2000, i, "line \\ \"q\"\n" * 300)))
write("huge-array.toml", "a = [" + fill(lambda i: "%d, " % i, size - 10) + "]\n")
write("long-line.toml", "t = { " + fill(lambda i: "k%d = %d, " % (i, i), size - 20) + "last = 0 }\n")
write("many-keys.toml", "[t]\n" + fill(lambda i: "key%d = \"v\"\n" % i))
mixed = fill(lambda i: (
    "[[rules]]\nid = \"rule-%d\"\npractice = %d\nseverity = \"warning\"\ntitle = \"Title %d\"\n"
    "tags = [\"a\", \"b\", 'c']\nregex = '''(?i)\\bPK[A-Z0-9]{18}\\b'''\nwhen = 1979-05-27T07:32:00Z\n"
    "ratio = 1.5e3\nmeta.owner.name = \"x\"\ninline = { a = 1, b = [1, 2, { c = 3 }] }\n"
    "[[rules.examples]]\ntext = \"\"\"\nfirst line\nsecond \\\n  line\"\"\"\nmatch = true\n"
) % (i, i % 8 + 1, i))
write("mixed.toml", mixed)
write("duplicate-at-end.toml", mixed + "[[rules]]\nid = 1\nid = 2\n")
