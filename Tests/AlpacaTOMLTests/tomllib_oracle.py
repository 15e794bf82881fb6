#!/usr/bin/env python3
"""Reference verdicts for the differential test (DifferentialTests.swift), from Python's tomllib.

Input (path in argv[1]): documents framed as a 4-byte big-endian length followed by the bytes.
Output: one line per document:
  A <canonical form>   accepted; the value in the canonical form CanonicalForm.swift also writes
  R <message>          rejected
  S <reason>           tomllib cannot answer for TOML 1.0 (the Swift side skips the document)
  X <reason>           tomllib accepts, but TOML 1.0 says the document must be rejected

Where tomllib departs from TOML 1.0, this script corrects for it, and only there:
  - integers beyond 64 bits: tomllib keeps them (Python ints are unbounded); TOML 1.0 says
    "if an integer cannot be represented losslessly, an error must be thrown"  -> X
  - year 0000: valid RFC 3339, but Python's datetime starts at year 1          -> S
  - a UTF-8 byte order mark at the very start: tomllib.load reads it as a character and
    rejects the document; it is only an encoding marker, so it is removed first
  - nesting deep enough to hit Python's recursion limit                        -> S
"""
import datetime
import math
import struct
import sys
import tomllib

INT64_MIN, INT64_MAX = -(2 ** 63), 2 ** 63 - 1


class OutOfRange(Exception):
    pass


def text(s):
    out = ['"']
    for ch in s:
        c = ord(ch)
        if 0x20 <= c < 0x7F and ch not in '"\\':
            out.append(ch)
        else:
            out.append("\\u{%X}" % c)
    out.append('"')
    return "".join(out)


def fraction(us):
    return "%06d" % us


def canonical(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        if v < INT64_MIN or v > INT64_MAX:
            raise OutOfRange()
        return "i%d" % v
    if isinstance(v, float):
        if math.isnan(v):
            return "fnan"
        return "f" + struct.pack(">d", v).hex()
    if isinstance(v, str):
        return text(v)
    if isinstance(v, datetime.datetime):
        body = "%04d-%02d-%02dT%02d:%02d:%02d.%s" % (
            v.year, v.month, v.day, v.hour, v.minute, v.second, fraction(v.microsecond))
        if v.tzinfo is None:
            return "ldt:" + body
        minutes = int(v.utcoffset().total_seconds()) // 60
        sign = "-" if minutes < 0 else "+"
        minutes = abs(minutes)
        return "odt:%s%s%02d:%02d" % (body, sign, minutes // 60, minutes % 60)
    if isinstance(v, datetime.date):
        return "ld:%04d-%02d-%02d" % (v.year, v.month, v.day)
    if isinstance(v, datetime.time):
        return "lt:%02d:%02d:%02d.%s" % (v.hour, v.minute, v.second, fraction(v.microsecond))
    if isinstance(v, list):
        return "[" + ",".join(canonical(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ",".join(text(k) + ":" + canonical(v[k]) for k in sorted(v)) + "}"
    raise TypeError(type(v))


def verdict(data):
    try:
        s = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return "R invalid UTF-8 (%s)" % e.reason
    if s.startswith("\ufeff"):
        s = s[1:]
    try:
        value = tomllib.loads(s)
    except tomllib.TOMLDecodeError as e:
        cause = e.__cause__
        if isinstance(cause, ValueError) and "year 0 is out of range" in str(cause):
            return "S year 0000 (Python's datetime starts at year 1)"
        return "R " + str(e).replace("\n", " ")
    except RecursionError:
        return "S Python recursion limit"
    try:
        return "A " + canonical(value)
    except OutOfRange:
        return "X integer outside the 64-bit range"
    except RecursionError:
        return "S Python recursion limit"


def main():
    with open(sys.argv[1], "rb") as f:
        blob = f.read()
    out = []
    pos = 0
    while pos < len(blob):
        (length,) = struct.unpack(">I", blob[pos:pos + 4])
        pos += 4
        out.append(verdict(blob[pos:pos + length]))
        pos += length
    sys.stdout.write("\n".join(out) + ("\n" if out else ""))


if __name__ == "__main__":
    main()
