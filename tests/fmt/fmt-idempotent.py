#!/usr/bin/env python3
"""Formats every .rule file of the repository and checks the formatter's two promises on each:
fmt(fmt(x)) == fmt(x), and fmt(x) has the tokens of x (whitespace aside; strings and comments
compared by their text, up to the spaces that end a comment). The check of tokens here is
independent of the formatter's own. Files with syntax errors must be refused (exit 1) and left
alone; no file may give an internal error (exit 4). The in-place rewrite of a folder copy must
give the same files as formatting each through standard input.

    tests/fmt/fmt-idempotent.py FUNDGUARD
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SKIP_DIRS = {".git", "build", "build-asan"}

# A string, a comment, a word (Chinese included), or one other character that is not a space.
TOKEN = re.compile(r'"(?:\\[^\r\n]|[^"\\\r\n])*"|(?:#|//)[^\r\n]*|\w+|\S')


def tokens(text):
    if text.startswith("\ufeff"):
        text = text[1:]
    out = []
    for match in TOKEN.finditer(text):
        piece = match.group(0)
        out.append(piece.rstrip(" \t") if piece.startswith("#") or piece.startswith("//") else piece)
    return out


def rule_files():
    for directory, subdirs, files in os.walk(ROOT):
        subdirs[:] = sorted(d for d in subdirs if d not in SKIP_DIRS and not d.startswith("build"))
        for name in sorted(files):
            if name.endswith(".rule"):
                yield os.path.relpath(os.path.join(directory, name), ROOT)


def fmt(fundguard, data):
    done = subprocess.run([fundguard, "fmt", "--color", "never", "-"], input=data, capture_output=True)
    return done.returncode, done.stdout, done.stderr.decode("utf-8", "replace")


def main():
    fundguard = os.path.abspath(sys.argv[1])
    failures, formatted, refused = [], {}, []
    for path in rule_files():
        with open(os.path.join(ROOT, path), "rb") as f:
            original = f.read()
        code, once, err = fmt(fundguard, original)
        if code == 1 and "has syntax errors" in err:
            refused.append(path)
            continue
        if code != 0:
            failures.append(f"{path}: exit {code}: {err.strip()}")
            continue
        formatted[path] = once
        code, twice, err = fmt(fundguard, once)
        if code != 0 or twice != once:
            failures.append(f"{path}: formatting the formatted text changes it again")
        before = tokens(original.decode("utf-8", "replace"))
        after = tokens(once.decode("utf-8"))
        if before != after:
            at = next((i for i, (a, b) in enumerate(zip(before, after)) if a != b), min(len(before), len(after)))
            failures.append(f"{path}: tokens differ at {at}: {before[at:at + 1]} became {after[at:at + 1]}")

    # The same files rewritten in place, in a copy of their folders.
    with tempfile.TemporaryDirectory() as scratch:
        for path in list(formatted) + refused:
            os.makedirs(os.path.join(scratch, os.path.dirname(path)), exist_ok=True)
            shutil.copyfile(os.path.join(ROOT, path), os.path.join(scratch, path))
        done = subprocess.run([fundguard, "fmt", "--color", "never", "."], cwd=scratch, capture_output=True)
        if done.returncode != (1 if refused else 0):
            failures.append(f"in place: exit {done.returncode}: {done.stderr.decode('utf-8', 'replace')[-500:]}")
        for path in list(formatted) + refused:
            with open(os.path.join(scratch, path), "rb") as f:
                now = f.read()
            with open(os.path.join(ROOT, path), "rb") as f:
                want = formatted.get(path, f.read())
            if now != want:
                failures.append(f"{path}: rewritten in place it differs from the formatted text")

    print(f"{len(formatted)} files formatted twice, {len(refused)} refused for syntax errors")
    for line in failures:
        print("FAIL", line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
