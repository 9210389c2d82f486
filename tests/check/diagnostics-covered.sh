#!/usr/bin/env bash
# Every diagnostic code the checker can emit (compiler/diag/diagnostic_codes.def) must appear
# in at least one golden file, so that no message goes untested.
set -u
cd "$(dirname "$0")/../.."
missing=0
for code in $(sed -n 's/^DIAG(\(FG[0-9]*\),.*/\1/p' compiler/diag/diagnostic_codes.def); do
  if ! grep -q "\[$code\]\|\"$code\"" tests/check/*.expected; then
    echo "no golden test shows $code"
    missing=1
  fi
done
exit $missing
