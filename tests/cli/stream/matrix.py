#!/usr/bin/env python3
"""The bad-input matrix (issue 7), run for each of the four tools.

Plain text (empty, lone newline, no final newline, CRLF, the three BOMs,
invalid UTF-8, NUL bytes, binary garbage, a 100 MB single line, 1,000,000
NUL-separated documents) must give status 0, diagnostics only in the
"PROG: FILE:LINE: message" form, and valid UTF-8 JSON Lines.  JSON Lines
with bad records (truncated last line, non-object lines, text missing or
not a string, a record over --max-record) must follow --on-error: fail
writes the good records before the bad one once and nothing after, status
2; skip writes every good record exactly once, status 1; pass copies the
bad line unchanged.  Odd but valid JSON (duplicate keys, deep nesting,
huge numbers, escapes) is processed.

Environment: SC_BIN (the programs), SC_WRAP (valgrind or nothing),
SC_QUICK=1 skips the 100 MB and million-document cases (so does
SC_VALGRIND=1, which also runs only a subset).  Run by matrix.sh.
"""
import json
import os
import random
import shlex
import subprocess
import sys
import tempfile

BIN = os.environ["SC_BIN"]
WRAP = shlex.split(os.environ.get("SC_WRAP", ""))
VALGRIND = os.environ.get("SC_VALGRIND") == "1"
QUICK = os.environ.get("SC_QUICK") == "1" or VALGRIND
# Under the sanitizers the big cases shrink tenfold: they look for memory
# errors there, and the plain run already proves the sizes.
SCALE = 10 if os.environ.get("SC_SANITIZED") == "1" else 1
BIG = 100000000 // SCALE
NDOCS = 1000000 // SCALE
TOOLS = ["scsplit", "scmeta", "scstrip", "scdedup"]
# --keep-empty everywhere: a record whose text a tool empties (scstrip on a
# one-word text) still comes out, so every id can be counted.
COMMON = ["--keep-empty"]

failures = []
checks = 0


def fail(case, msg):
    failures.append(("%s: %s" % (case, msg))[:400])


def run(tool, args, path, wrap=True):
    cmd = (WRAP if wrap else []) + [os.path.join(BIN, tool)] + COMMON + args + [path]
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    return p.returncode, p.stdout, p.stderr


def records(case, out, allow=()):
    """Parse JSON Lines output strictly; lines in allow are taken as they are."""
    recs = []
    if out and not out.endswith(b"\n"):
        fail(case, "output does not end with a newline")
    for n, line in enumerate(out.split(b"\n")[:-1] if out else [], 1):
        if line in allow:
            recs.append(line)
            continue
        try:
            s = line.decode("utf-8")
            r = json.loads(s)
        except (UnicodeDecodeError, ValueError) as e:
            fail(case, "output line %d is not UTF-8 JSON: %s: %r" % (n, e, line[:80]))
            continue
        if not isinstance(r, dict) or not isinstance(r.get("text"), str):
            fail(case, "output line %d has no string text: %r" % (n, line[:80]))
            continue
        try:
            r["text"].encode("utf-8")
            if "id" in r:
                r["id"].encode("utf-8")
        except (UnicodeEncodeError, AttributeError) as e:
            fail(case, "output line %d: text or id is not Unicode: %s" % (n, e))
        recs.append(r)
    return recs


def diags(case, tool, err):
    """Every stderr line is a diagnostic of the tool."""
    lines = err.decode("utf-8", "replace").splitlines()
    for l in lines:
        if not l.startswith(tool + ": "):
            fail(case, "stderr line not in PROG: form: %r" % l[:120])
    return lines


def ids(recs):
    """Record ids; the units of a document (scsplit -b: "a/1", "a/2") count
    as the document, once."""
    out = []
    prev = None
    for r in recs:
        if isinstance(r, dict) and "/" in r["id"]:
            doc = r["id"].split("/")[0]
            if doc != prev:
                out.append(doc)
            prev = doc
        else:
            out.append(r["id"] if isinstance(r, dict) else r)
            prev = None
    return out


# Text that every tool keeps: article sentences, distinct enough that
# scdedup sees no near duplicate among them.
ART = [
    "The council met on Tuesday to discuss the new harbor bridge plans. "
    "Residents filled the public gallery and asked many questions about the traffic study.",
    "Fishermen reported a record mackerel season in the northern waters this spring. "
    "The cooperative asked the city for more cold storage near the fish market.",
    "The regional government has set aside part of the funding for the new tram line. "
    "Engineers expect the first trains to run between the station and the port in two years.",
    "A marine biologist at the university warned that one strong year says little about "
    "the health of the stock and asked for the agreed quotas to be kept.",
]

tmp = tempfile.mkdtemp(prefix="scmatrix.")


def write(name, data):
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def cleanup():
    for f in os.listdir(tmp):
        os.unlink(os.path.join(tmp, f))
    os.rmdir(tmp)


# ---------------------------------------------------------------- plain text
rng = random.Random(7)
art = ART[0].encode()
plain = {
    # name: (bytes, words that must survive in the text of some record or None)
    "empty": (b"", None),
    "lone-newline": (b"\n", None),
    "no-final-newline": (art, "harbor"),
    "crlf": (ART[0].replace(". ", ".\r\n").encode() + b"\r\n\r\n" +
             ART[1].replace(". ", ".\r\n").encode() + b"\r\n", "mackerel"),
    "bom-utf8": (b"\xef\xbb\xbf" + "Café au lait. ".encode() + art + b"\n", "Café"),
    "bom-utf16le": (("\ufeffCafé au lait. " + ART[0] + "\n").encode("utf-16-le"), "Café"),
    "bom-utf16be": (("\ufeffCafé au lait. " + ART[0] + "\n").encode("utf-16-be"), "Café"),
    "invalid-utf8": (b"Overlong \xc0\xaf slash, surrogate \xed\xa0\x80 half, cut \xe2\x82 short. " +
                     art + b" Truncated at the end \xf0\x9f\x98", "harbor"),
    "nul-bytes": (b"The council\x00 met\x00\x00 again. " + art + b"\n\x00", "harbor"),
    "garbage": (bytes(rng.getrandbits(8) for _ in range(65536)), None),
    "controls": (bytes(range(0, 32)) + b" " + art + b"\x7f\x1b[0m\n", "harbor"),
}


def check_plain(tool, name, data, want, extra=()):
    global checks
    case = "%s %s" % (tool, name)
    path = write(name, data)
    rc, out, err = run(tool, ["-J"] + list(extra), path)
    checks += 1
    if rc != 0:
        fail(case, "status %d: %s" % (rc, err[:300]))
    diags(case, tool, err)
    recs = records(case, out)
    if want is not None:
        texts = "".join(r["text"] for r in recs)
        # scstrip may judge a lone sentence boilerplate; the others keep it.
        if tool != "scstrip" and want not in texts:
            fail(case, "%r lost from the text: %r" % (want, texts[:200]))
        if "\r" in texts:
            fail(case, "CR left in the text")
        if "\ufeff" in texts:
            fail(case, "BOM left in the text")
    return recs


for tool in TOOLS:
    for name, (data, want) in plain.items():
        if VALGRIND and name not in ("invalid-utf8", "bom-utf16le"):
            continue
        check_plain(tool, name, data, want)
    # The same inputs as NUL-separated documents, where they hold NULs.
    if not VALGRIND:
        recs = check_plain(tool, "nul-bytes -z", plain["nul-bytes"][0], None, ["-z"])
        if len(recs) != 4 and tool != "scdedup":
            fail(tool + " nul-bytes -z", "%d documents, want 4" % len(recs))

# The unit splitters of scsplit see the same inputs.
if not VALGRIND:
    for unit in ("para", "sentence", "line"):
        for name, (data, want) in plain.items():
            check_plain("scsplit", "%s -b %s" % (name, unit), data, None, ["-b", unit])

if not QUICK:
    # A 100 MB single line: sentences without a newline.
    big = os.path.join(tmp, "big-line")
    subprocess.run("yes 'The harbor council met again on Tuesday.' | head -c %d "
                   "| tr '\\n' ' ' >%s" % (BIG, shlex.quote(big)), shell=True, check=True)
    for tool in TOOLS:
        case = "%s %d MB line" % (tool, BIG // 1000000)
        rc, out, err = run(tool, ["-J"], big)
        checks += 1
        if rc != 0:
            fail(case, "status %d: %s" % (rc, err[:300]))
        diags(case, tool, err)
        recs = records(case, out)
        if len(recs) != 1:
            fail(case, "%d records, want 1" % len(recs))
        elif tool != "scstrip" and len(recs[0]["text"]) < BIG - 100:
            fail(case, "text cut to %d characters" % len(recs[0]["text"]))
        del out, recs
    os.unlink(big)
    # 1,000,000 tiny documents, NUL-separated.
    tiny = write("tiny", b"".join(b"tiny document %d\0" % i for i in range(NDOCS)))
    for tool in TOOLS:
        case = "%s %d documents" % (tool, NDOCS)
        # scmeta: the page group (its per-document cost is the stream's);
        # scdedup: exact, unnormalised (digits fold under --normalize=full).
        extra = {"scmeta": ["-g", "page"], "scdedup": ["-e", "--normalize=none"]}.get(tool, [])
        rc, out, err = run(tool, ["-z", "-J"] + extra, tiny)
        checks += 1
        if rc != 0:
            fail(case, "status %d: %s" % (rc, err[:300]))
        diags(case, tool, err)
        lines = out.split(b"\n")
        if len(lines) != NDOCS + 1 or lines[-1] != b"":
            fail(case, "%d lines, want %d" % (len(lines) - 1, NDOCS))
            continue
        seen = set()
        for i, line in enumerate(lines[:-1]):
            r = json.loads(line)
            if r["id"] != "%s:%d" % (tiny, i + 1) or r["id"] in seen:
                fail(case, "record %d has id %r" % (i + 1, r["id"]))
                break
            seen.add(r["id"])
        del out, lines, seen
    os.unlink(tiny)

# ---------------------------------------------------------------- JSON Lines
good = [json.dumps({"id": k, "text": t}, ensure_ascii=False).encode()
        for k, t in zip("acd", [ART[0], ART[1], ART[2]])]
bad = {
    "truncated-last": b'{"id":"b","text":"The end of the dump was cut in the mid',
    "non-object": b'[1, 2, {"id": "b", "text": "in an array"}]',
    "string-line": b'"just a string"',
    "number-line": b"42",
    "garbage-line": b"}{ \x01\x02 not json",
    "text-missing": b'{"id":"b","title":"No text here"}',
    "text-number": b'{"id":"b","text":5}',
    "text-null": b'{"id":"b","text":null}',
    "text-array": b'{"id":"b","text":["a","b"]}',
    "text-object": b'{"id":"b","text":{"p":"x"}}',
    "empty-object": b"{}",
    "unterminated-object": b'{"id":"b","text":"no closing brace"',
    "trailing-junk": b'{"id":"b","text":"x"} trailing',
    "bad-escape": b'{"id":"b","text":"bad \\q escape"}',
    "raw-control": b'{"id":"b","text":"raw\x01control"}',
    "too-big": b'{"id":"b","text":"' + b"x" * 3000 + b'"}',
}


def check_bad(tool, name, line, opts=()):
    global checks
    last = name == "truncated-last"
    before = [good[0]]
    after = [] if last else [good[1], good[2]]
    data = b"\n".join(before + [line] + after) + (b"" if last else b"\n")
    path = write("bad-" + name + ".jsonl", data)
    extra = ["--max-record", "1K"] if name == "too-big" else []
    want_all = ["a"] if last else ["a", "c", "d"]
    for mode in ("fail", "skip", "pass"):
        if VALGRIND and mode == "pass":
            continue
        case = " ".join([tool] + list(opts) + [name, "--on-error=" + mode])
        rc, out, err = run(tool, list(opts) + ["--on-error=" + mode] + extra, path)
        checks += 1
        lines = diags(case, tool, err)
        where = "%s: %s:2: " % (tool, path)
        if not any(l.startswith(where) for l in lines):
            fail(case, "no diagnostic naming %s:2: %r" % (path, lines))
        if mode == "fail":
            if rc != 2:
                fail(case, "status %d, want 2" % rc)
            got = ids(records(case, out))
            if got != ["a"]:
                fail(case, "wrote %r, want only the record before the bad one" % got)
        elif mode == "skip":
            if rc != 1:
                fail(case, "status %d, want 1" % rc)
            got = ids(records(case, out))
            if got != want_all:
                fail(case, "wrote %r, want %r" % (got, want_all))
        else:
            if rc not in (0, 1):
                fail(case, "status %d" % rc)
            got = ids(records(case, out, allow=(line,)))
            want = ["a", line] + want_all[1:]
            if got != want:
                fail(case, "wrote %r, want the bad line copied: %r" % (got, want))


for tool in TOOLS:
    for name, line in bad.items():
        if VALGRIND and name not in ("truncated-last", "text-number"):
            continue
        check_bad(tool, name, line)

# Modes that hold or reread records must keep the same promises.
if not VALGRIND:
    for tool, opts in (("scstrip", ["--two-pass"]), ("scdedup", ["-u", "para"]),
                       ("scdedup", ["--mark"]), ("scsplit", ["-b", "para"]),
                       ("scsplit", ["-b", "sentence"]),
                       ("scmeta", ["-g", "page"])):
        for name in ("text-number", "truncated-last"):
            check_bad(tool, name, bad[name], opts)

# Valid JSON that looks odd: processed, every record out once, status 0.
deep = 100000
odd = {
    "duplicate-keys": (b'{"id":"b","text":"first","text":' +
                       json.dumps(ART[3]).encode() + b'}', "marine"),
    "nesting-500": (b'{"id":"b","text":' + json.dumps(ART[3]).encode() +
                    b',"deep":' + b"[" * 500 + b"]" * 500 + b"}", "marine"),
    "huge-numbers": (b'{"id":"b","text":' + json.dumps(ART[3]).encode() +
                     b',"n":1e999999,"big":123456789012345678901234567890123456789,'
                     b'"neg":-0.0e-99999,"frac":0.' + b"1" * 400 + b"}", "marine"),
    "escapes": (b'{"id":"b","text":"A\\u00e9\\n\\t\\"quoted\\" \\ud83d\\ude00 \\u0000 nul. ' +
                json.dumps(ART[3])[1:-1].encode() + b'"}', "marine"),
    "lone-surrogate": (b'{"id":"b","text":"lone \\ud800 and \\udc00 halves. ' +
                       json.dumps(ART[3])[1:-1].encode() + b'"}', "marine"),
    "crlf-lines": (None, "marine"),
    "bom-jsonl": (None, "marine"),
    "blank-lines": (None, "marine"),
    "invalid-utf8": (b'{"id":"b","text":"bad \xc0\xaf bytes \xed\xa0\x80. ' +
                     json.dumps(ART[3])[1:-1].encode() + b'"}', "marine"),
    "nested-text-field": (b'{"id":"b","meta":{"text":5},"text":' +
                          json.dumps(ART[3]).encode() + b'}', "marine"),
}


def check_odd(tool, name, line, want):
    global checks
    case = "%s %s" % (tool, name)
    body = [good[0], line, good[1]]
    if name == "crlf-lines":
        data = b"\r\n".join([good[0], b'{"id":"b","text":' + json.dumps(ART[3]).encode() + b"}",
                             good[1]]) + b"\r\n"
    elif name == "bom-jsonl":
        data = b"\xef\xbb\xbf" + b"\n".join([good[0], b'{"id":"b","text":' +
                                             json.dumps(ART[3]).encode() + b"}", good[1]]) + b"\n"
    elif name == "blank-lines":
        data = b"\n\n".join([good[0], b'{"id":"b","text":' + json.dumps(ART[3]).encode() + b"}",
                             good[1]]) + b"\n\n  \n"
    else:
        data = b"\n".join(body) + b"\n"
    path = write("odd-" + name + ".jsonl", data)
    rc, out, err = run(tool, [], path)
    checks += 1
    if rc != 0:
        fail(case, "status %d: %s" % (rc, err[:300]))
    lines = diags(case, tool, err)
    if name in ("invalid-utf8", "lone-surrogate"):
        # Repaired with one warning that names the line.
        if len(lines) != 1 or not lines[0].startswith("%s: %s:2: " % (tool, path)):
            fail(case, "want one warning naming line 2: %r" % lines)
    elif lines:
        fail(case, "unexpected diagnostics: %r" % lines)
    recs = records(case, out)
    got = ids(recs)
    if got != ["a", "b", "c"]:
        fail(case, "wrote %r, want a, b, c" % got)
        return
    if tool != "scstrip" and want not in recs[1]["text"]:
        fail(case, "%r lost from the text: %r" % (want, recs[1]["text"][:100]))
    if name == "huge-numbers":
        for tok in (b"1e999999", b"123456789012345678901234567890123456789", b"-0.0e-99999"):
            if tok not in out:
                fail(case, "number %s not passed through" % tok.decode())


for tool in TOOLS:
    for name, (line, want) in odd.items():
        if VALGRIND and name != "lone-surrogate":
            continue
        check_odd(tool, name, line, want)
    if VALGRIND:
        continue
    # Nesting far past any recursion: processed, or refused as a bad
    # record with a diagnostic naming the line; never a crash.
    case = tool + " nesting-%d" % deep
    path = write("deep.jsonl", b"\n".join([good[0], b'{"id":"b","text":"x","deep":' +
                                           b"[" * deep + b"]" * deep + b"}", good[1]]) + b"\n")
    rc, out, err = run(tool, ["--on-error=skip"], path)
    checks += 1
    lines = diags(case, tool, err)
    if rc == 0:
        got = [l[:9] for l in out.split(b"\n")[:-1]]
        if len(got) != 3:
            fail(case, "%d records out, want 3" % len(got))
    elif rc == 1:
        if not any(l.startswith("%s: %s:2: " % (tool, path)) for l in lines):
            fail(case, "refused without naming line 2: %r" % lines)
        if ids(records(case, out)) != ["a", "c"]:
            fail(case, "lost good records")
    else:
        fail(case, "status %d: %r" % (rc, lines))

cleanup()
for f in failures:
    print("FAIL: " + f, file=sys.stderr)
print("%d checks, %d failed" % (checks, len(failures)), file=sys.stderr)
sys.exit(1 if failures else 0)
