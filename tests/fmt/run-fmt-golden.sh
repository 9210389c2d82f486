#!/usr/bin/env bash
# Golden tests of `fundguard fmt`: for each tests/fmt/NAME.rule, tests/fmt/NAME.expected is what
# `fundguard fmt -` prints for it (the formatted text; for a file it refuses, its diagnostics),
# then the exit code. A formatted expectation must also be a fixed point: formatting it again
# changes nothing.
#
#   tests/fmt/run-fmt-golden.sh FUNDGUARD [NAME.rule ...]           compare (the CTest tests)
#   tests/fmt/run-fmt-golden.sh --update FUNDGUARD [NAME.rule ...]  rewrite the .expected files
set -u
update=0
if [ "${1:-}" = "--update" ]; then update=1; shift; fi
fundguard=$(realpath "$1"); shift
cd "$(dirname "$0")/../.."
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(tests/fmt/*.rule)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=0
for f in "${files[@]}"; do
  f=${f#./}
  expected="${f%.rule}.expected"
  "$fundguard" fmt --color never - < "$f" > "$scratch/out" 2> "$scratch/err"
  code=$?
  if [ $code -eq 0 ]; then cat "$scratch/out"; else cat "$scratch/err"; fi > "$scratch/actual"
  echo "exit code: $code" >> "$scratch/actual"
  if [ $update -eq 1 ]; then
    cp "$scratch/actual" "$expected"
    echo "updated $expected"
    continue
  fi
  if ! diff -u "$expected" "$scratch/actual"; then
    echo "FAIL $f"
    failed=1
    continue
  fi
  if [ $code -eq 0 ] && ! "$fundguard" fmt --check - < "$scratch/out" > /dev/null; then
    echo "FAIL $f: formatting the formatted text changes it again"
    "$fundguard" fmt --diff - < "$scratch/out"
    failed=1
  fi
done
exit $failed
