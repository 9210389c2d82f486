#!/usr/bin/env bash
# Golden tests of the compiler: for each tests/check/NAME.rule, the expected output of
# `fundguard check` (diagnostics as text, then the exit code) is tests/check/NAME.expected; for
# each tests/ir/NAME.rule, the expected output of `fundguard ir` is tests/ir/NAME.expected.
#
#   tests/check/run-golden.sh FUNDGUARD [NAME.rule ...]           compare (the CTest tests)
#   tests/check/run-golden.sh --update FUNDGUARD [NAME.rule ...]  rewrite the .expected files
#
# A file may start with a line `// args: --format json` to pass options to check.
# Runs from the repository root so that paths in the output are relative and stable.
set -u
update=0
if [ "${1:-}" = "--update" ]; then update=1; shift; fi
fundguard=$(realpath "$1"); shift
cd "$(dirname "$0")/../.."
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(tests/check/*.rule tests/ir/*.rule)
failed=0
for f in "${files[@]}"; do
  f=${f#./}
  expected="${f%.rule}.expected"
  args=$(sed -n '1s|^// args: ||p' "$f")
  # shellcheck disable=SC2086
  case "$f" in
    tests/ir/*) command=(ir) ;;
    *) command=(check --color never) ;;
  esac
  actual=$(FUNDGUARD_LIB=stdlib-rules "$fundguard" "${command[@]}" $args "$f" 2>&1; echo "exit code: $?")
  if [ $update -eq 1 ]; then
    printf '%s\n' "$actual" > "$expected"
    echo "updated $expected"
  elif ! diff -u "$expected" <(printf '%s\n' "$actual") > /tmp/fundguard-golden-diff.$$ 2>&1; then
    echo "FAIL $f"
    cat /tmp/fundguard-golden-diff.$$
    failed=1
  fi
  rm -f /tmp/fundguard-golden-diff.$$
done
exit $failed
