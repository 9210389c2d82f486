#!/usr/bin/env python3
"""Formats every .rule file of the repository and checks the formatter's two promises on each:
fmt(fmt(x)) == fmt(x), and fmt(x) has the tokens of x (whitespace aside; strings and comments
compared by their text, up to the spaces that end a comment). The check of tokens here is
independent of the formatter's own. Files with syntax errors must be refused (exit 1) and left
alone; no file may give an internal error (exit 4). Works on a copy of the files, rewritten in
place, then checked with --check; a sample is also formatted through standard input, which must
give the same text.

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


def run(fundguard, args, cwd):
    done = subprocess.run([fundguard, "fmt", "--color", "never"] + args, cwd=cwd, capture_output=True)
    return done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")


def main():
    fundguard = os.path.abspath(sys.argv[1])
    paths = list(rule_files())
    failures = []
    with tempfile.TemporaryDirectory() as scratch:
        for path in paths:
            os.makedirs(os.path.join(scratch, os.path.dirname(path)), exist_ok=True)
            shutil.copyfile(os.path.join(ROOT, path), os.path.join(scratch, path))
        # Once, in place: files with syntax errors are refused and left as they are.
        code, _, err = run(fundguard, ["."], scratch)
        refused = set(re.findall(r"^fundguard fmt: \./(.+) has syntax errors", err, re.M))
        if code != (1 if refused else 0) or "internal error" in err:
            failures.append(f"first pass: exit {code}: {err[-2000:]}")
        # Twice: nothing changes.
        code, listed, err = run(fundguard, ["--check", "."], scratch)
        if code != (1 if refused else 0) or listed:
            failures.append(f"second pass: exit {code}: these change again: {listed} {err[-2000:]}")
        for path in paths:
            with open(os.path.join(ROOT, path), "rb") as f:
                original = f.read()
            with open(os.path.join(scratch, path), "rb") as f:
                formatted = f.read()
            if path in refused:
                if formatted != original:
                    failures.append(f"{path}: refused for syntax errors, yet changed")
                continue
            before = tokens(original.decode("utf-8", "replace"))
            after = tokens(formatted.decode("utf-8"))
            if before != after:
                at = next((i for i, (a, b) in enumerate(zip(before, after)) if a != b), min(len(before), len(after)))
                failures.append(f"{path}: tokens differ at {at}: {before[at:at + 1]} became {after[at:at + 1]}")
        # Standard input gives the same text as the rewrite in place.
        for path in paths[:: max(1, len(paths) // 10)]:
            if path in refused:
                continue
            with open(os.path.join(ROOT, path), "rb") as f:
                done = subprocess.run([fundguard, "fmt", "-"], input=f.read(), capture_output=True)
            with open(os.path.join(scratch, path), "rb") as f:
                if done.returncode != 0 or done.stdout != f.read():
                    failures.append(f"{path}: formatted through standard input it differs")

    print(f"{len(paths) - len(refused)} files formatted twice, {len(refused)} refused for syntax errors")
    for line in failures:
        print("FAIL", line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
