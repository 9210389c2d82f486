#!/usr/bin/env bash
# Every ```rule block of the language guide (docs/language.md, and docs/language.en.md when it
# exists) is a whole rule file that must check clean, warnings included.
#
#   tests/docs/check-doc-examples.sh FUNDGUARD
#
# Each block is written to its own temporary file, named after the guide and the block's number
# (language-07.rule, language.en-07.rule), and checked with
# `FUNDGUARD_LIB=stdlib-rules fundguard check --deny-warnings`. A block that does not check clean
# is reported with the guide's file and line, and the checker's messages are shown with their
# locations moved back into the guide. Fragments that are not whole files belong in ```text
# blocks, which this script ignores. Exit status: 0 all blocks clean, 1 a block failed (or a guide
# is missing, has no ```rule block, or leaves a block open), 2 usage.
set -u

if [ $# -ne 1 ]; then
  echo "usage: $0 PATH-TO-fundguard" >&2
  exit 2
fi
if [ ! -x "$1" ]; then
  echo "$0: '$1' is not an executable fundguard binary" >&2
  exit 2
fi
fundguard=$(realpath "$1")
cd "$(dirname "$0")/../.." || exit 2

docs=(docs/language.md)
[ -f docs/language.en.md ] && docs+=(docs/language.en.md)

work=$(mktemp -d "${TMPDIR:-/tmp}/fundguard-doc-examples.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

failed=0
total=0
for doc in "${docs[@]}"; do
  if [ ! -f "$doc" ]; then
    echo "FAIL $doc: the guide is missing"
    failed=1
    continue
  fi
  base=$(basename "$doc" .md)
  # Split the guide: one file per ```rule block; a list "NUMBER START-LINE FILE" on stdout.
  # A fence may be indented by up to three spaces; that indentation is removed from its lines.
  index=$(awk -v dir="$work" -v base="$base" -v doc="$doc" '
    function fail(msg) { print "ERROR " msg; bad = 1 }
    !inside && /^ ? ? ?```rule[ \t]*$/ {
      inside = 1; n++; start = NR
      match($0, /^ */); indent = RLENGTH
      file = sprintf("%s/%s-%02d.rule", dir, base, n)
      printf "" > file
      next
    }
    inside && /^ ? ? ?```[ \t]*$/ {
      inside = 0; close(file)
      print n, start, file
      next
    }
    inside {
      line = $0
      if (indent > 0 && substr(line, 1, indent) ~ /^ *$/) line = substr(line, indent + 1)
      print line >> file
    }
    END {
      if (inside) fail(doc ":" start ": ```rule block " n " is never closed")
      if (n == 0 && !bad) fail(doc ": no ```rule block found")
    }
  ' "$doc")
  while read -r n start file; do
    [ -z "$n" ] && continue
    if [ "$n" = "ERROR" ]; then
      echo "FAIL $start $file"
      failed=1
      continue
    fi
    total=$((total + 1))
    if [ ! -s "$file" ] || ! grep -q '[^[:space:]]' "$file"; then
      echo "FAIL $doc:$start: \`\`\`rule block $n is empty"
      failed=1
      continue
    fi
    output=$(FUNDGUARD_LIB=stdlib-rules "$fundguard" check --deny-warnings --color never "$file" 2>&1)
    status=$?
    if [ $status -ne 0 ]; then
      echo "FAIL $doc:$start: \`\`\`rule block $n does not check clean (fundguard check exit code $status)"
      # Point the messages at the guide: line L of the block is line START + L of the guide.
      printf '%s\n' "$output" | awk -v file="$file" -v doc="$doc" -v start="$start" '
        {
          prefix = file ":"
          i = index($0, prefix)
          if (i > 0) {
            rest = substr($0, i + length(prefix))
            split(rest, pos, ":")
            $0 = substr($0, 1, i - 1) doc ":" (start + pos[1]) ":" substr(rest, length(pos[1]) + 2)
          }
          print "    " $0
        }'
      failed=1
    fi
  done <<< "$index"
done

if [ $failed -ne 0 ]; then
  echo "check-doc-examples: some \`\`\`rule blocks of the guide do not check clean (see above)"
  exit 1
fi
echo "check-doc-examples: all $total \`\`\`rule blocks of ${docs[*]} check clean"
exit 0
