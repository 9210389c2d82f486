#!/usr/bin/env bash
# The checks a rules repository runs on every change (a pull request, a push): the steps of the
# example pipelines in this folder, as one script that any CI system (or a person) can run.
#
#   examples/ci/rules-ci.sh [--rules DIR] [--base REV] [--data DIR] [--out DIR]
#
#   --rules DIR   the rule directory to check (default: stdlib-rules)
#   --base REV    the git revision to compare with, e.g. origin/main (default: HEAD, the last
#                 commit: a clean tree then shows no change)
#   --data DIR    the reference dataset the change is measured on (default: examples/demo-data)
#   --out DIR     where the reports go (default: ci-out): check.sarif (code scanning),
#                 check.txt, test.txt, diff.md (a pull-request comment), diff.json
#
# Steps, each must pass:
#   1. fundguard check --deny-warnings   (errors and warnings, also as SARIF for annotations)
#   2. fundguard fmt --check             (the canonical layout)
#   3. fundguard test                    (every rule's test blocks, with the JIT engine)
#   4. fundguard diff --base REV         (hits and amounts added and removed on the reference data;
#                                         fails when a rule's logic changed without a version bump)
# Exit status: 0 all passed, 1 a step failed (the first failing step is named), 2 usage.
# FUNDGUARD names the fundguard binary (default: build/cli/fundguard, else fundguard on PATH).
set -u

rules=stdlib-rules base=HEAD data=examples/demo-data out=ci-out
while [ $# -gt 0 ]; do
  case "$1" in
    --rules) rules=$2; shift 2 ;;
    --base) base=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "rules-ci: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
fg=${FUNDGUARD:-}
if [ -z "$fg" ]; then
  if [ -x build/cli/fundguard ]; then fg=build/cli/fundguard; else fg=$(command -v fundguard || true); fi
fi
if [ -z "$fg" ] || [ ! -x "$fg" ]; then
  echo "rules-ci: no fundguard binary (build it with scripts/build, or set FUNDGUARD)" >&2
  exit 2
fi
mkdir -p "$out" || exit 2

step() {  # step NAME -- COMMAND...: runs it, prints PASS or FAIL, stops the pipeline on failure
  local name=$1; shift; [ "$1" = "--" ] && shift
  echo "== $name"
  if "$@"; then
    echo "PASS $name"
  else
    echo "FAIL $name (exit $?)"
    echo "rules-ci: stopped at '$name'; reports in $out/"
    exit 1
  fi
}

# 1. Check: text for the log, SARIF for code-scanning annotations (written even when it fails).
"$fg" check --format sarif "$rules" > "$out/check.sarif"
step "check" -- "$fg" check --deny-warnings "$rules"
# 2. Layout.
step "fmt --check" -- "$fg" fmt --check "$rules"
# 3. The rules' own tests.
step "test" -- "$fg" test --quiet "$rules"
# 4. What the change does on the reference data, against the base revision.
diff_report() {
  "$fg" diff --base "$base" --rules "$rules" --data "$data" --format json > "$out/diff.json" 2> /dev/null
  "$fg" diff --base "$base" --rules "$rules" --data "$data" --format markdown > "$out/diff.md"
  local status=$?
  cat "$out/diff.md"
  return $status
}
step "diff against $base" -- diff_report
echo "rules-ci: all steps passed; reports in $out/"
