#!/usr/bin/env python3
"""Veil self-check: starts the installed host the way Chrome does and speaks the real
native-messaging protocol to it (docs/protocol.md): hello, anonymize a sample customer email,
restore the masked text, forget the scope. Prints PASS or FAIL; exit code 0 only on PASS.

Uses a throw-away VEIL_HOME unless --keep-home is given, so no sample data lands in the
user's vault."""
import argparse
import json
import os
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import time

SAMPLE = (
    "Beste klantenservice,\n\n"
    "Mijn naam is Sanne de Vries en ik wacht nog steeds op mijn bestelling. "
    "U kunt mij bereiken op 06 12345678 of via sanne.devries@example.nl. "
    "Mijn IBAN is NL91ABNA0417164300.\n\n"
    "Met vriendelijke groet,\nSanne de Vries"
)
# Values whose detection is exact (checksums, syntax); the masked text must not contain them.
MUST_VANISH = ["sanne.devries@example.nl", "NL91ABNA0417164300", "06 12345678"]


class Host:
    def __init__(self, path, origin, env, timeout):
        self.timeout = timeout
        # stderr goes to a file: a chatty host must never block on a full pipe.
        self.stderr = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [path, origin], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr,
            cwd=os.path.dirname(os.path.abspath(path)), env=env)
        self.next_id = 1

    def _read_exact(self, n):
        buf = b""
        deadline = time.monotonic() + self.timeout
        fd = self.proc.stdout.fileno()
        while len(buf) < n:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no reply from the host within %.0f s" % self.timeout)
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(fd, n - len(buf))
            if not chunk:
                raise EOFError("the host closed its output (exit code %s)" % self.proc.poll())
            buf += chunk
        return buf

    def _read_frame(self):
        (length,) = struct.unpack("<I", self._read_exact(4))
        return json.loads(self._read_exact(length).decode("utf-8"))

    def call(self, op, **fields):
        req = {"v": 1, "id": self.next_id, "op": op}
        req.update(fields)
        self.next_id += 1
        data = json.dumps(req, ensure_ascii=False).encode("utf-8")
        self.proc.stdin.write(struct.pack("<I", len(data)) + data)
        self.proc.stdin.flush()
        parts = {}
        while True:
            msg = self._read_frame()
            if msg.get("id") != req["id"]:
                continue
            if "chunk" in msg:
                parts[msg["chunk"]["seq"]] = msg["chunk"]["data"]
                if msg["chunk"].get("last"):
                    msg = json.loads("".join(parts[i] for i in sorted(parts)))
                else:
                    continue
            if not msg.get("ok"):
                err = msg.get("error", {})
                raise RuntimeError("%s failed: %s (%s)" % (op, err.get("message"), err.get("name")))
            return msg["result"]

    def close(self):
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=5)
        except Exception:  # noqa: BLE001 - best effort shutdown
            self.proc.kill()
        self.stderr.seek(0)
        return self.proc.returncode, self.stderr.read().decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--host", required=True, help="the veil binary")
    ap.add_argument("--extension-id", default="a" * 32)
    ap.add_argument("--keep-home", action="store_true", help="use the real VEIL_HOME")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    env = dict(os.environ)
    tmp = None
    if not args.keep_home:
        tmp = tempfile.mkdtemp(prefix="veil-selfcheck-")
        env["VEIL_HOME"] = os.path.join(tmp, "home")
    ok = True
    host = Host(os.path.abspath(args.host), "chrome-extension://%s/" % args.extension_id, env, args.timeout)
    try:
        started = time.monotonic()
        hello = host.call("hello")
        print("    host: veil %s, protocol %s, rules %s, vault %s (%.0f ms)" % (
            hello.get("version"), hello.get("protocol"), hello.get("rules_version"),
            (hello.get("vault") or {}).get("state"), (time.monotonic() - started) * 1000))
        scope = "selfcheck-%d" % os.getpid()
        masked = host.call("anonymize", text=SAMPLE, scope=scope, site="selfcheck")
        print("    masked text:")
        for line in masked["text"].splitlines():
            print("      | " + line)
        leaked = [v for v in MUST_VANISH if v in masked["text"]]
        if leaked:
            ok = False
            print("    FAIL: %d value(s) were not masked" % len(leaked))
        if not masked.get("entities"):
            ok = False
            print("    FAIL: nothing was detected")
        restored = host.call("restore", text=masked["text"], scope=scope)
        if restored["text"] == SAMPLE:
            print("    restored text equals the original: PASS")
        else:
            ok = False
            print("    restored text differs from the original: FAIL")
            if args.verbose:
                print(restored["text"])
        host.call("forget", scope=scope)
    except Exception as exc:  # noqa: BLE001 - report every failure as FAIL
        ok = False
        print("    FAIL: %s" % exc)
    finally:
        code, stderr = host.close()
        if args.verbose and stderr:
            print("    host stderr:\n" + stderr)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    print("    self-check: %s" % ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
