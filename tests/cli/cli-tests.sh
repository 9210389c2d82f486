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

# run, test, ir
out=/tmp/fg-cli-run.$$
expect 0 "run --help" -- "$fg" run --help;               contains "Exit codes" "run --help"
expect 2 "run without data" -- "$fg" run --rules stdlib-rules
expect 2 "run with a missing data dir" -- "$fg" run --rules stdlib-rules --data no/such/dir
mkdir -p $out.empty
expect 3 "run without setl_d.csv" -- "$fg" run --rules stdlib-rules --data $out.empty --out $out
contains "has no setl_d.csv" "missing settlement file named"
expect 2 "run with an unknown parameter" -- "$fg" run --rules stdlib-rules --data tests/run/gbk-data --out $out --param CH-01.nope=1
contains "no rule CH-01 with a parameter nope" "unknown parameter named"
expect 3 "run past --max-rejects" -- "$fg" run --rules stdlib-rules --data tests/run/gbk-data --out $out --max-rejects 1
expect 0 "run over GBK data with bad rows" -- "$fg" run --rules stdlib-rules --data tests/run/gbk-data --out $out
if ! grep -q "2024-02-30" $out/rejects.csv || ! grep -q "100.005" $out/rejects.csv; then
  echo "FAIL: rejects.csv lacks the bad date or the 3-decimal money"; cat $out/rejects.csv; failures=$((failures + 1))
fi
expect 0 "test --help" -- "$fg" test --help;             contains "Exit codes" "test --help"
expect 1 "test of a broken rule" -- "$fg" test tests/cli/broken.rule
expect 0 "ir of a rule" -- "$fg" ir stdlib-rules/persons/PS-01.rule; contains "field date? psn_info_b.death_date" "ir prints fields"
expect 0 "ir --llvm" -- "$fg" ir --llvm stdlib-rules/persons/PS-01.rule; contains "define void @kernel_line" "ir --llvm prints the kernel"
expect 0 "ir --llvm --opt 0" -- "$fg" ir --llvm --opt 0 stdlib-rules/charging/CH-01.rule; contains "@kernel_line" "ir --llvm at -O0"
expect 2 "ir --llvm --opt 7" -- "$fg" ir --llvm --opt 7 stdlib-rules/charging/CH-01.rule
expect 2 "run with an unknown engine" -- "$fg" run --engine llvm --rules stdlib-rules --data tests/run/gbk-data --out $out
contains "--engine takes jit or interp" "unknown engine named"
expect 2 "test with an unknown engine" -- "$fg" test --engine fast stdlib-rules/charging/CH-01.rule
# The JIT cache: a cold compile writes an object file, the next run loads it; off means none.
cache=/tmp/fg-cli-cache.$$
FUNDGUARD_JIT_CACHE=$cache expect 0 "run with a fresh JIT cache" -- "$fg" run --rules stdlib-rules --data tests/run/gbk-data --out $out
if ! grep -q '"compile_cache_hit": false' $out/timings.json || [ -z "$(ls $cache/*.o 2>/dev/null)" ]; then
  echo "FAIL: a cold compile did not fill the JIT cache"; failures=$((failures + 1))
fi
FUNDGUARD_JIT_CACHE=$cache expect 0 "run with a warm JIT cache" -- "$fg" run --rules stdlib-rules --data tests/run/gbk-data --out $out
if ! grep -q '"compile_cache_hit": true' $out/timings.json; then
  echo "FAIL: the second run did not load the cached object code"; failures=$((failures + 1))
fi
printf 'not an object file' > "$(ls $cache/*.o | head -1)"
FUNDGUARD_JIT_CACHE=$cache expect 0 "run with a corrupt JIT cache file" -- "$fg" run --rules stdlib-rules --data tests/run/gbk-data --out $out
FUNDGUARD_JIT_CACHE=off expect 0 "run with the JIT cache off" -- "$fg" run --rules stdlib-rules --data tests/run/gbk-data --out $out
rm -rf $out $out.empty $cache
expect 0 "explain --help" -- "$fg" explain --help;       contains "Exit codes" "explain --help"
expect 2 "explain without a key" -- "$fg" explain --rules stdlib-rules --data examples/demo-data --rule CH-01
expect 2 "explain with a bad format" -- "$fg" explain --rules stdlib-rules --data examples/demo-data --rule CH-01 --key X --format xml
expect 3 "explain an unknown rule" -- "$fg" explain --rules stdlib-rules --data examples/demo-data --rule XX-99 --key X
contains "no rule XX-99" "unknown rule named"
expect 3 "explain an unknown record" -- "$fg" explain --rules stdlib-rules --data examples/demo-data --rule CH-01 --key NO-SUCH
contains "has no record with key NO-SUCH" "unknown record named"
expect 0 "explain a record in English" -- "$fg" explain --lang en --rules stdlib-rules --data examples/demo-data --rule CH-01 --key F000000000095
contains "result: HIT" "explain says HIT"
contains "reference rows looked up" "explain shows the rows looked up"

# diff: the same data screened by two versions of a rule set; exit 1 when a rule's logic changed
# without a version bump; the base as a directory, a git revision or REV:PATH.
d=/tmp/fg-cli-diff.$$
mkdir -p $d/old $d/new
cp stdlib-rules/charging/CH-01.rule $d/old/
# A higher price tolerance (参数默认值) with a version bump: CH-01's small overcharges go away.
sed -e 's/^  version:   2$/  version:   3/' -e 's/容差 money = 0.00/容差 money = 50.00/' $d/old/CH-01.rule > $d/new/CH-01.rule
lib="--lib stdlib-rules"
expect 0 "diff --help" -- "$fg" diff --help;              contains "Exit codes" "diff --help"
expect 2 "diff without --base" -- "$fg" diff --rules $d/new --data examples/demo-data $lib
expect 2 "diff with a bad format" -- "$fg" diff --base $d/old --rules $d/new --data examples/demo-data --format xml $lib
expect 0 "diff of a parameter change with a version bump" -- "$fg" diff --base $d/old --rules $d/new --data examples/demo-data $lib
contains "CH-01  changed  2 -> 3" "diff names the change and the versions"
contains "  - setl_id=" "diff lists the removed hits"
expect 0 "diff as JSON" -- "$fg" diff --base $d/old --rules $d/new --data examples/demo-data $lib --format json
contains '"change": "changed"' "diff json change"
contains '"unbumped": []' "diff json: nothing unbumped"
expect 0 "diff as Markdown" -- "$fg" diff --base $d/old --rules $d/new --data examples/demo-data $lib --format markdown
contains "| 规则 Rule |" "diff markdown table"
expect 0 "diff of a rule set with itself" -- "$fg" diff --base $d/old --rules $d/old --data examples/demo-data $lib
contains "1 other rule unchanged" "diff of identical rules"
# The same logic change without the bump: exit 1, the rule named.
sed -e 's/容差 money = 0.00/容差 money = 50.00/' $d/old/CH-01.rule > $d/new/CH-01.rule
expect 1 "diff of a logic change without a version bump" -- "$fg" diff --base $d/old --rules $d/new --data examples/demo-data $lib
contains "error: CH-01: the logic changed" "diff names the unbumped rule"
expect 1 "check --base: changed without a version bump" -- "$fg" check --deny-warnings --base $d/old $d/new $lib
contains "warning[FG4015]" "check --base warns"
# Reformatted and commented only: the same content hash.
{ echo "# 只加了注释。 A comment only."; sed -e 's/^  when /  when  /' $d/old/CH-01.rule; } > $d/new/CH-01.rule
expect 0 "diff of a reformatted rule" -- "$fg" diff --base $d/old --rules $d/new --data examples/demo-data $lib
contains "1 other rule unchanged" "reformatting is no change"
expect 2 "diff against a revision outside git" -- bash -c "cd $d && exec $(realpath "$fg") diff --base no-such-rev --rules new --data $(pwd)/examples/demo-data --lib $(pwd)/stdlib-rules"
# A git revision as the base: the same paths at HEAD, and REV:PATH.
(cd $d && git init -q repo && mkdir repo/rules && cp old/CH-01.rule repo/rules/ && cd repo && git add rules &&
  git -c user.name=test -c user.email=test@example.com commit -qm base) > /dev/null 2>&1
sed -e 's/^  version:   2$/  version:   3/' -e 's/容差 money = 0.00/容差 money = 50.00/' $d/old/CH-01.rule > $d/repo/rules/CH-01.rule
in_repo="cd $d/repo && exec $(realpath "$fg") diff --rules rules --data $(pwd)/examples/demo-data --lib $(pwd)/stdlib-rules"
expect 0 "diff --base HEAD (a git revision)" -- bash -c "$in_repo --base HEAD"
contains "Rules: HEAD:rules (base) -> rules (new)" "diff names the revision"
contains "CH-01  changed  2 -> 3" "diff against a revision"
expect 0 "diff --base HEAD:rules" -- bash -c "$in_repo --base HEAD:rules --format markdown"
contains "2 -> 3" "diff against REV:PATH"
expect 2 "diff --base of an unknown revision" -- bash -c "$in_repo --base no-such-branch"
contains "git knows no revision" "unknown revision named"
rm -rf $d

# fmt: in place (names the files it changed, keeps their mode), --check and --diff (write
# nothing, exit 1), standard input, a file with syntax errors left alone, usage errors.
fmtdir=$(mktemp -d)
printf 'rule "X" "t" {\n    when  true\n}\n' > $fmtdir/a.rule
cp tests/fmt/alignment.expected $fmtdir/tidy.rule && sed -i '$d' $fmtdir/tidy.rule
cp tests/cli/broken.rule $fmtdir/broken.rule
printf 'rule "E" "t" {\n  when (a\n}\n' > $fmtdir/syntax.rule
chmod 640 $fmtdir/a.rule
expect 0 "fmt help" -- "$fg" fmt --help;                 contains "--check" "fmt --help"
expect 2 "fmt without paths" -- "$fg" fmt
expect 2 "fmt missing path" -- "$fg" fmt no/such.rule;   contains "no such file" "fmt missing path"
expect 2 "fmt stdin and a file" -- "$fg" fmt - $fmtdir/a.rule
expect 1 "fmt --check lists unformatted files" -- "$fg" fmt --check $fmtdir/a.rule $fmtdir/tidy.rule
contains "a.rule" "fmt --check names the file"
if grep -q "tidy.rule" /tmp/fg-cli-out.$$; then echo "FAIL: fmt --check names a formatted file"; failures=$((failures + 1)); fi
expect 1 "fmt --diff" -- "$fg" fmt --diff $fmtdir/a.rule; contains "+  when true" "fmt --diff shows the change"
grep -q "    when  true" $fmtdir/a.rule || { echo "FAIL: fmt --check/--diff wrote a file"; failures=$((failures + 1)); }
expect 1 "fmt refuses a file with syntax errors" -- "$fg" fmt --color never $fmtdir/syntax.rule
contains "error[FG0010]" "fmt prints the syntax errors"
cmp -s $fmtdir/syntax.rule <(printf 'rule "E" "t" {\n  when (a\n}\n') || { echo "FAIL: fmt changed a file with syntax errors"; failures=$((failures + 1)); }
expect 0 "fmt in place" -- "$fg" fmt $fmtdir/a.rule $fmtdir/tidy.rule; contains "a.rule" "fmt names the file it changed"
grep -q "^  when true$" $fmtdir/a.rule || { echo "FAIL: fmt did not rewrite the file"; failures=$((failures + 1)); }
[ "$(stat -c %a $fmtdir/a.rule)" = 640 ] || { echo "FAIL: fmt changed the file's mode"; failures=$((failures + 1)); }
[ -z "$(ls -A $fmtdir | grep fmt-)" ] || { echo "FAIL: fmt left a temporary file"; failures=$((failures + 1)); }
expect 0 "fmt a formatted file" -- "$fg" fmt --check $fmtdir/a.rule
expect 0 "fmt stdin" -- sh -c "printf 'import   std.schema\n' | '$fg' fmt -"; contains "import std.schema" "fmt - prints the text"
rm -rf $fmtdir

rm -f /tmp/fg-cli-out.$$
if [ $failures -ne 0 ]; then echo "$failures CLI check(s) failed"; exit 1; fi
echo "all CLI checks passed"
