#!/usr/bin/env bash
# Command-line behaviour of `fundguard`: help for every command, version, exit codes
# (0 clean, 1 errors in rules, 2 usage or I/O), and the machine-readable formats.
set -u
fg=$1
cd "$(dirname "$0")/../.."
failures=0
expect() {  # expect CODE DESCRIPTION -- COMMAND...
  local want=$1 what=$2; shift 3
  "$@" > /tmp/fg-cli-out.$$ 2>&1
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: $what: exit $got, expected $want"; sed 's/^/    /' /tmp/fg-cli-out.$$ | head -20
    failures=$((failures + 1))
  fi
}
contains() {  # contains TEXT DESCRIPTION: the last command's output contains TEXT
  if ! grep -qF -- "$1" /tmp/fg-cli-out.$$; then
    echo "FAIL: $2: output lacks '$1'"; sed 's/^/    /' /tmp/fg-cli-out.$$ | head -20
    failures=$((failures + 1))
  fi
}

expect 0 "--version" -- "$fg" --version;                 contains "fundguard " "--version"
expect 0 "--help" -- "$fg" --help;                       contains "check" "--help lists check"
expect 2 "no arguments" -- "$fg"
expect 2 "unknown command" -- "$fg" frobnicate;          contains "unknown command" "unknown command"
expect 0 "check --help" -- "$fg" check --help;           contains "Exit codes" "check --help"
expect 0 "help check" -- "$fg" help check;               contains "--format" "help check"
expect 2 "check without paths" -- "$fg" check
expect 2 "check bad option" -- "$fg" check --frobnicate stdlib-rules
expect 2 "check bad format" -- "$fg" check --format xml stdlib-rules
expect 2 "check missing path" -- "$fg" check no/such/dir;  contains "FG0001" "missing path is FG0001"
mkdir -p /tmp/fg-empty-dir.$$
expect 2 "check empty directory" -- "$fg" check /tmp/fg-empty-dir.$$; contains "no .rule files" "empty directory"
rmdir /tmp/fg-empty-dir.$$
expect 0 "check stdlib" -- "$fg" check stdlib-rules;      contains "0 errors" "stdlib clean"
expect 1 "check broken rule" -- "$fg" check tests/cli/broken.rule
contains "tests/cli/broken.rule:" "broken rule names its file"
contains "did you mean \`hifp_pay\`?" "broken rule suggests the column"
expect 1 "check broken rule json" -- "$fg" check --format json tests/cli/broken.rule
contains '"code": "FG1011"' "json names the code"
expect 1 "check broken rule sarif" -- "$fg" check --format sarif tests/cli/broken.rule
contains '"version": "2.1.0"' "sarif version"
contains '"ruleId": "FG1011"' "sarif result"

rm -f /tmp/fg-cli-out.$$
if [ $failures -ne 0 ]; then echo "$failures CLI check(s) failed"; exit 1; fi
echo "all CLI checks passed"
