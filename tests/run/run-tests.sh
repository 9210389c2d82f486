#!/usr/bin/env bash
# End-to-end tests of `fundguard run`: the standard library over the bundled demo dataset
# (examples/demo-data) must write exactly the hits, summary and reports in tests/run/demo-data/,
# the same bytes with 1 and 4 threads, and find every case its truth file lists; the .xlsx
# workbook must hold the same 附表2 and institution tables as the CSV reports.
#
#   tests/run/run-tests.sh FUNDGUARD            compare (the CTest test)
#   tests/run/run-tests.sh --update FUNDGUARD   rewrite tests/run/demo-data/ after a reviewed change
set -u
update=0
if [ "${1:-}" = "--update" ]; then update=1; shift; fi
fundguard=$(realpath "$1")
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failed=0
for threads in 1 4; do
  if ! FUNDGUARD_LIB=stdlib-rules "$fundguard" run --rules stdlib-rules --data examples/demo-data \
      --out "$out/t$threads" --threads $threads > "$out/t$threads.stdout" 2> "$out/t$threads.stderr"; then
    echo "FAIL fundguard run exited non-zero with --threads $threads"
    cat "$out/t$threads.stderr"
    exit 1
  fi
done
reports="hits.csv summary.json rejects.csv table2.csv institutions.csv rules.csv national.jsonl manifest.json"
for f in $reports hits.jsonl; do
  if ! cmp -s "$out/t1/$f" "$out/t4/$f"; then
    echo "FAIL $f differs between --threads 1 and --threads 4"
    failed=1
  fi
done
expected=tests/run/demo-data
if [ $update -eq 1 ]; then
  mkdir -p $expected
  for f in $reports; do cp "$out/t1/$f" $expected/; done
  echo "updated $expected"
  exit 0
fi
for f in $reports; do
  if ! diff -u "$expected/$f" "$out/t1/$f" > "$out/diff" 2>&1; then
    echo "FAIL $f differs from $expected/$f"
    head -40 "$out/diff"
    failed=1
  fi
done
# Fee lines read in batches (as for a dataset larger than memory): the rules that run give the
# same hits; a fee-line file that does not keep each settlement's lines together is refused.
if ! FUNDGUARD_LIB=stdlib-rules "$fundguard" run --rules stdlib-rules --data examples/demo-data \
    --out "$out/streamed" --batch-lines 500 > /dev/null 2> "$out/streamed.stderr" ||
   ! python3 tests/run/compare-streamed.py "$out/t1" "$out/streamed"; then
  echo "FAIL the streamed run differs from the in-memory run"
  cat "$out/streamed.stderr"
  failed=1
fi
mkdir -p "$out/shuffled"
cp examples/demo-data/*.csv "$out/shuffled/"
{ head -1 examples/demo-data/fee_list_d.csv; tail -n +2 examples/demo-data/fee_list_d.csv | sort -t, -k8; } \
  > "$out/shuffled/fee_list_d.csv"
FUNDGUARD_LIB=stdlib-rules "$fundguard" run --rules stdlib-rules --data "$out/shuffled" --out "$out/s" \
  --batch-lines 500 > /dev/null 2> "$out/shuffled.stderr"
code=$?
if [ $code -ne 3 ] || ! grep -q "must list each settlement's lines together" "$out/shuffled.stderr"; then
  echo "FAIL a streamed fee-line file out of settlement order: exit $code, expected 3 and a message"
  cat "$out/shuffled.stderr"
  failed=1
fi

if ! python3 tests/run/check-xlsx.py "$out/t1"; then
  echo "FAIL report.xlsx does not match the CSV reports"
  failed=1
fi

# Every injected case of the demo dataset is found.
if ! python3 tests/run/check-truth.py examples/demo-data/truth.csv "$out/t1/hits.csv"; then
  echo "FAIL an injected case of examples/demo-data was not found"
  failed=1
fi
exit $failed
