# A pipe on standard output is widened to 1 MB (F_SETPIPE_SZ): each tool
# writes into a pipe whose size is read back after it ends.  Skipped
# where the system caps pipes below 1 MB or Python has no F_GETPIPE_SZ.
set -e
python3 - "$SC_BIN" <<'PY'
import fcntl, os, subprocess, sys
b = sys.argv[1]
if not hasattr(fcntl, "F_GETPIPE_SZ"):
    sys.exit(0)
try:
    if int(open("/proc/sys/fs/pipe-max-size").read()) < 1 << 20:
        sys.exit(0)
except OSError:
    sys.exit(0)
doc = b'{"id":"a","text":"The council approved the budget on Tuesday."}\n'
for tool, args in (("scsplit", []), ("scmeta", ["-g", "page"]), ("scstrip", []),
                   ("scdedup", [])):
    r, w = os.pipe()
    before = fcntl.fcntl(r, fcntl.F_GETPIPE_SZ)
    p = subprocess.Popen([os.path.join(b, tool)] + args, stdin=subprocess.PIPE,
                         stdout=w)
    os.close(w)
    p.communicate(doc)
    size = fcntl.fcntl(r, fcntl.F_GETPIPE_SZ)
    out = b""
    while True:
        c = os.read(r, 65536)
        if not c:
            break
        out += c
    os.close(r)
    if p.returncode != 0 or not out:
        print("%s: status %d, %d bytes" % (tool, p.returncode, len(out)))
        sys.exit(1)
    if size != 1 << 20:
        print("%s: pipe of %d bytes (was %d), want 1 MB" % (tool, size, before))
        sys.exit(1)
PY
