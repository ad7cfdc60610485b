"""Mutators for the fuzz target: each takes bytes (or a parsed value) and a ``random.Random``
and returns a damaged copy plus a short name of what it did, so a failure can be read.

PDF mutators work on the file's syntax — objects, streams, the cross-reference table —
and, inside Flate-compressed content streams, on the drawing operators, where an absurd
font size or coordinate is what makes an extractor loop or allocate without bound. The
others damage our JSON, TOML and text inputs the ways a user or another tool does.
"""

from __future__ import annotations

import json
import random
import re
import zlib
from typing import Any, Callable

Mutation = tuple[bytes, str]

# -- PDF ----------------------------------------------------------------------------------------
OBJ = re.compile(rb"(\d+) (\d+) obj\b(.*?)\bendobj", re.S)
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
#: Operators whose operands are sizes, positions or counts: where absurd numbers bite.
NUMERIC_OPS = (rb"Tf", rb"Td", rb"TD", rb"Tm", rb"cm", rb"re", rb"Tc", rb"Tw", rb"Tz", rb"TL",
               rb"Ts", rb"w", rb"m", rb"l", rb"c")
ABSURD = (b"10000000000", b"-10000000000", b"1e308", b"-1e308", b"0", b"0.0000000001",
          b"99999999999999999999999999999", b"4294967296", b"-0", b"NaN", b"1.#INF", b"3.4e38")
DICT_KEYS = (rb"/Count", rb"/Length", rb"/Size", rb"/MediaBox", rb"/W", rb"/FirstChar",
             rb"/LastChar", rb"/Rotate", rb"/N", rb"/First", rb"/Index")


def bit_flips(data: bytes, rng: random.Random) -> Mutation:
    b = bytearray(data)
    n = rng.choice((1, 2, 8, 64))
    for _ in range(n):
        i = rng.randrange(len(b))
        b[i] ^= 1 << rng.randrange(8)
    return bytes(b), f"bit_flips({n})"


def truncate(data: bytes, rng: random.Random) -> Mutation:
    cut = rng.randrange(1, max(2, len(data)))
    return data[:cut], f"truncate({cut}/{len(data)})"


def corrupt_xref(data: bytes, rng: random.Random) -> Mutation:
    b = bytearray(data)
    m = list(re.finditer(rb"startxref\s+(\d+)", data))
    choice = rng.randrange(3)
    if m and choice == 0:
        s, e = m[-1].span(1)
        b[s:e] = str(rng.choice((0, len(data) * 7, rng.randrange(len(data))))).encode()
        return bytes(b), "startxref_offset"
    entries = list(re.finditer(rb"(\d{10}) (\d{5}) ([nf])", data))
    if entries and choice == 1:
        for mm in rng.sample(entries, min(len(entries), rng.choice((1, 5, 50)))):
            s, e = mm.span(1)
            b[s:e] = f"{rng.randrange(10**10):010d}".encode()
        return bytes(b), "xref_entries"
    x = data.rfind(b"xref")
    if x >= 0:
        for i in range(x, min(len(b), x + 200)):
            if rng.random() < 0.2:
                b[i] = rng.randrange(256)
        return bytes(b), "xref_garbage"
    return bit_flips(data, rng)


def _streams(data: bytes) -> list[re.Match[bytes]]:
    return list(STREAM.finditer(data))


def _replace_stream(data: bytes, m: re.Match[bytes], body: bytes) -> bytes:
    """Put ``body`` in place of the stream ``m`` and fix its /Length when it is direct."""
    head = data[:m.start(1)]
    d = head.rfind(b"<<")
    if d >= 0:
        fixed = re.sub(rb"/Length\s+\d+(?!\s+\d+\s+R)", b"/Length %d" % len(body), head[d:], count=1)
        head = head[:d] + fixed
    return head + body + data[m.end(1):]


def corrupt_stream(data: bytes, rng: random.Random) -> Mutation:
    streams = _streams(data)
    if not streams:
        return bit_flips(data, rng)
    m = rng.choice(streams)
    raw = bytearray(m.group(1))
    if not raw:
        return bit_flips(data, rng)
    how = rng.randrange(3)
    if how == 0:  # damage the compressed bytes
        for _ in range(rng.choice((1, 4, 32))):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return data[:m.start(1)] + bytes(raw) + data[m.end(1):], "stream_bytes"
    if how == 1:  # cut the stream short but keep its /Length
        return data[:m.start(1)] + bytes(raw[: rng.randrange(len(raw))]) + data[m.end(1):], "stream_short"
    try:  # damage the decompressed content and compress it again
        plain = bytearray(zlib.decompress(bytes(raw)))
    except zlib.error:
        return data[:m.start(1)] + bytes(raw[::-1]) + data[m.end(1):], "stream_reversed"
    if plain:
        for _ in range(rng.choice((1, 8))):
            plain[rng.randrange(len(plain))] = rng.randrange(32, 127)
    return _replace_stream(data, m, zlib.compress(bytes(plain))), "content_bytes"


def absurd_numbers(data: bytes, rng: random.Random) -> Mutation:
    """Absurd operands for drawing operators inside content streams (font sizes,
    coordinates, matrices), or absurd values for counts and lengths in dictionaries."""
    if rng.random() < 0.3:
        keys = [m for k in DICT_KEYS for m in re.finditer(k + rb"\s*\[?\s*(-?[\d.]+)", data)]
        if keys:
            b = bytearray(data)
            for m in sorted(rng.sample(keys, min(len(keys), rng.choice((1, 3)))),
                            key=lambda m: -m.start(1)):
                b[m.start(1):m.end(1)] = rng.choice(ABSURD)
            return bytes(b), "absurd_dict_value"
    done = 0
    for m in sorted(_streams(data), key=lambda m: -m.start(1)):
        raw = m.group(1)
        try:
            plain, packed = zlib.decompress(raw), True
        except zlib.error:
            plain, packed = raw, False
        ops = [x for x in re.finditer(rb"(-?\d*\.?\d+)(\s+)(" + b"|".join(NUMERIC_OPS) + rb")\b", plain)]
        if not ops:
            continue
        pb = bytearray(plain)
        for x in sorted(rng.sample(ops, min(len(ops), rng.choice((1, 3, 20)))), key=lambda x: -x.start(1)):
            pb[x.start(1):x.end(1)] = rng.choice(ABSURD)
        body = zlib.compress(bytes(pb)) if packed else bytes(pb)
        data = _replace_stream(data, m, body)
        done += 1
        if rng.random() < 0.5:
            break
    return data, f"absurd_operands({done} streams)"


def swap_objects(data: bytes, rng: random.Random) -> Mutation:
    objs = list(OBJ.finditer(data))
    if len(objs) < 2:
        return bit_flips(data, rng)
    a, b = sorted(rng.sample(objs, 2), key=lambda m: m.start())
    out = (data[:a.start(3)] + b.group(3) + data[a.end(3):b.start(3)] + a.group(3) + data[b.end(3):])
    return out, f"swap_objects({a.group(1).decode()},{b.group(1).decode()})"


def duplicate_object(data: bytes, rng: random.Random) -> Mutation:
    objs = list(OBJ.finditer(data))
    if not objs:
        return bit_flips(data, rng)
    m = rng.choice(objs)
    at = rng.choice(objs).end()
    return data[:at] + b"\n" + m.group(0) * rng.choice((1, 50)) + data[at:], "duplicate_object"


PDF_MUTATORS: tuple[Callable[[bytes, random.Random], Mutation], ...] = (
    bit_flips, truncate, corrupt_xref, corrupt_stream, absurd_numbers, swap_objects,
    duplicate_object)


def mutate_pdf(data: bytes, rng: random.Random) -> Mutation:
    """One to three mutations in a row."""
    names = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        data, name = rng.choice(PDF_MUTATORS)(data, rng)
        names.append(name)
    return data, "+".join(names)


# -- JSON ---------------------------------------------------------------------------------------
def _paths(v: Any, here: tuple = ()) -> list[tuple]:
    out = [here]
    if isinstance(v, dict):
        for k, x in v.items():
            out += _paths(x, here + (k,))
    elif isinstance(v, list):
        for i, x in enumerate(v[:30]):
            out += _paths(x, here + (i,))
    return out


def _get(v: Any, path: tuple) -> Any:
    for p in path:
        v = v[p]
    return v


def _set(v: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    _get(v, path[:-1])[path[-1]] = value
    return v


WRONG = (None, 0, -1, 2**40, 1.5, -1e300, "", "x" * 70000, "zh.nowhere", [], {}, [None], True,
         {"id": []}, "\x00\x01\x02", "\ud7ff\ue000", "\ud800", "a\udfffb")


def mutate_json_value(value: Any, rng: random.Random) -> tuple[Any, str]:
    v = json.loads(json.dumps(value))
    paths = _paths(v)
    path = rng.choice(paths)
    target = _get(v, path)
    how = rng.randrange(7)
    if how == 0 and path:
        parent = _get(v, path[:-1])
        del parent[path[-1]]
        return v, f"delete {path}"
    if how == 1 and isinstance(target, list) and target:
        target.append(json.loads(json.dumps(rng.choice(target))))
        return v, f"duplicate item in {path}"
    if how == 2:
        return _set(v, path, rng.choice(WRONG)), f"wrong value at {path}"
    if how == 3 and isinstance(target, str):
        return _set(v, path, rng.choice(("zh.s99", "en.p1", "", target + "x", target * 2))), f"reference at {path}"
    if how == 4 and isinstance(target, int) and not isinstance(target, bool):
        return _set(v, path, rng.choice((-1, 0, 10**9, -(10**9), target + 1))), f"number at {path}"
    if how == 5 and isinstance(target, dict):
        target["unexpected"] = 1
        return v, f"extra key in {path}"
    if how == 6 and len(paths) > 2:
        p2 = rng.choice(paths)
        try:
            a, b = _get(v, path), _get(v, p2)
            _set(v, path, b)
            _set(v, p2, a)
        except (KeyError, IndexError, TypeError):
            pass
        return v, f"swap {path} {p2}"
    return _set(v, path, rng.choice(WRONG)), f"wrong value at {path}"


def mutate_json(data: bytes, rng: random.Random) -> Mutation:
    """A structural change of the parsed value, or damage to the bytes themselves."""
    how = rng.randrange(10)
    if how == 0:
        depth = rng.choice((100, 5000, 200_000))
        return b"[" * depth + b"]" * depth, f"nested({depth})"
    if how == 1:
        return b'{"id": ' + b"9" * rng.choice((19, 5000)) + b"}", "big_int"
    if how == 2:
        return b"\xef\xbb\xbf" + data, "bom"
    if how == 3:
        return data[: rng.randrange(len(data) or 1)], "truncate"
    if how == 4:
        return data.decode("utf-8").encode("utf-16"), "utf16"
    if how == 5:
        return rng.choice((b"", b"null", b"[]", b"\"text\"", b"NaN", b"{\"x\": Infinity}")), "not_an_object"
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except ValueError:
        return bit_flips(data, rng)
    for _ in range(rng.choice((1, 1, 3))):
        value, name = mutate_json_value(value, rng)
    try:
        return json.dumps(value, ensure_ascii=False).encode(), name
    except UnicodeEncodeError:  # a lone surrogate: JSON spells it as an escape
        return json.dumps(value).encode(), name


# -- TOML (the manifest) -------------------------------------------------------------------------
def mutate_toml(data: bytes, rng: random.Random) -> Mutation:
    text = data.decode("utf-8")
    lines = text.splitlines()
    how = rng.randrange(9)
    if how == 0:
        return text.encode("latin-1", errors="replace").replace(b"?", b"\xe9"), "latin1"
    if how == 1 and lines:
        del lines[rng.randrange(len(lines))]
        return "\n".join(lines).encode(), "delete_line"
    if how == 2:
        return re.sub(r'pdf = "[^"]*"', lambda m: rng.choice(('pdf = 2', 'pdf = ""', 'pdf = "."',
                      'pdf = "manifest.toml"', 'pdf = "/dev/zero"', 'pdf = "nowhere.pdf"')),
                      text, count=1).encode(), "pdf_value"
    if how == 3:
        return re.sub(r'id = "[^"]*"', lambda m: rng.choice(('id = 7', 'id = ""', 'id = "../../x"',
                      'id = "a/b"', f'id = "{"x" * 300}"', 'id = "报告"')), text, count=1).encode(), "id_value"
    if how == 4:
        return (text + rng.choice(("\n[[pair]]\nid = \"p\"\n", "\nunknown = 1\n", "\n[[document]]\n",
                                   "\n[[pair]]\nid = \"q\"\nsource = { document = \"zz\" }\ntarget = 3\n"))).encode(), "append"
    if how == 5:
        return text.replace("[[", "[", 1).encode(), "table_syntax"
    if how == 6:
        return (text * 2).encode(), "duplicate_all"
    if how == 7:
        return bit_flips(data, rng)
    return text.replace('"', "", 2).encode(), "unquote"


# -- text (align-text inputs, bead files) ---------------------------------------------------------
def mutate_text(data: bytes, rng: random.Random) -> Mutation:
    lines = data.decode("utf-8").splitlines()
    how = rng.randrange(9)
    if how == 0:
        return "\n".join("".join(chr(rng.randrange(1, 32)) for _ in range(20)) for _ in lines).encode(), "control_chars"
    if how == 1:
        i = rng.randrange(len(lines) or 1)
        lines[i:i] = ["x" * rng.choice((5000, 100_000))]
        return "\n".join(lines).encode(), "long_line"
    if how == 2:
        return b"", "empty"
    if how == 3:
        return "\n".join(lines).encode("latin-1", errors="replace").replace(b"?", b"\xff"), "latin1"
    if how == 4:
        return b"\n\n\n", "blank_lines"
    if how == 5:
        return "\r".join(lines).encode(), "cr_only"
    if how == 6:
        return b"\x00" * 100 + data, "nul_bytes"
    if how == 7:
        return "\n".join(rng.sample(lines, len(lines))).encode(), "shuffled"
    return bit_flips(data, rng)


def mutate_beads(data: bytes, rng: random.Random) -> Mutation:
    lines = data.decode("utf-8").splitlines()
    how = rng.randrange(6)
    if how == 0:
        return b"[" * 100_000 + b"]" * 100_000 + b":[0]\n", "nested_bead"
    if how == 1:
        return b"[" + b"9" * 5000 + b"]:[0]\n", "big_index"
    if how == 2:
        return b"[-1]:[0]\n[0]:[-5]\n", "negative"
    if how == 3:
        return b"[0]:[0]\n[0]:[0]\n", "repeated"
    if how == 4:
        return ("\n".join(l.replace(":", "", 1) for l in lines)).encode(), "no_colon"
    return mutate_text(data, rng)
