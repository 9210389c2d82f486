#!/usr/bin/env bash
# Every diagnostic code the checker can emit (compiler/diag/diagnostic_codes.def) must appear
# in at least one golden file, so that no message goes untested, and be explained in both
# language guides.
set -u
cd "$(dirname "$0")/../.."
missing=0
for code in $(sed -n 's/^DIAG(\(FG[0-9]*\),.*/\1/p' compiler/diag/diagnostic_codes.def); do
  # As a diagnostic shown: `error[FG1011]` in text, `"code": "FG1011"` in JSON, `"ruleId": "FG1011"`
  # in SARIF (not the SARIF rule table, which lists every code).
  if ! grep -q "\[$code\]\|\"code\": \"$code\"\|\"ruleId\": \"$code\"" tests/check/*.expected; then
    echo "no golden test shows $code"
    missing=1
  fi
  # Every code is explained to rule writers in both guides.
  for guide in docs/language.md docs/language.en.md; do
    if ! grep -q "$code" "$guide"; then
      echo "$guide does not explain $code"
      missing=1
    fi
  done
done
exit $missing
