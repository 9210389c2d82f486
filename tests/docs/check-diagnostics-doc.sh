#!/usr/bin/env bash
# docs/diagnostics.md explains every diagnostic code of compiler/diag/diagnostic_codes.def, and its
# examples must still do what they claim.
#
#   tests/docs/check-diagnostics-doc.sh FUNDGUARD
#
# The page has one section per code, in code order, headed `## FGxxxx TITLE` with the title of
# diagnostic_codes.def, anchored by `<a id="FGxxxx"></a>` and stating `Severity: error` or
# `Severity: warning`. A section's fenced blocks:
#
#   ```rule-wrong FGxxxx [FGyyyy ...]  a whole rule file. `fundguard check --format json
#                                      --deny-warnings` must report every code listed (the section's
#                                      own first) and no other code.
#   ```rule-fixed FGxxxx               a whole rule file that checks clean: no error, no warning.
#   ```rule-file PATH                  another file (a module) that the wrong and fixed examples
#                                      after it in the section import; it is written at PATH beside
#                                      them. A later block with the same PATH replaces it.
#   ```text fg-output                  lines of what the checker prints for the wrong example just
#                                      above (message, note, hint); each line, leading spaces
#                                      removed, must be a line of its text output (in which the
#                                      example's files are named by their paths on the page).
#
# Every code has a section with at least one wrong and one fixed example, except the codes in
# EXCEPTIONS below, which no rule file written out on the page can produce; their sections explain
# how to reproduce them instead (a paragraph starting `**How to reproduce**`) and must have no wrong
# or fixed example. A section or block naming
# a code that diagnostic_codes.def lacks is an error. Each example is checked in its own temporary
# directory with FUNDGUARD_LIB=stdlib-rules, as the language guide's examples are
# (tests/docs/check-doc-examples.sh). Exit status: 0 all good, 1 something failed, 2 usage.
set -u

# Codes no example on the page can produce, with the reason.
declare -A EXCEPTIONS=(
  [FG0001]="an I/O problem: the file named on the command line cannot be read"
  [FG0002]="an encoding problem: the page is UTF-8, so it cannot hold a file that is not"
  [FG4015]="needs two versions of a rule and check --base"
  [FG5008]="needs check --require-tests"
)

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

doc=docs/diagnostics.md
def=compiler/diag/diagnostic_codes.def
if [ ! -f "$def" ]; then
  echo "$0: $def is missing" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/fundguard-diagnostics-doc.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

failed=0
fail() {
  echo "FAIL $*"
  failed=1
}

# The codes, their severity and title, in the order of the .def file.
declare -A severity_of=() title_of=()
codes=()
while IFS='|' read -r code severity title; do
  codes+=("$code")
  severity_of[$code]=$(printf '%s' "$severity" | tr '[:upper:]' '[:lower:]')
  title_of[$code]=$title
done < <(sed -n 's/^DIAG(\(FG[0-9]*\), *\([A-Za-z]*\), *"\(.*\)")[[:space:]]*$/\1|\2|\3/p' "$def")
if [ ${#codes[@]} -eq 0 ]; then
  echo "$0: no DIAG(...) line found in $def" >&2
  exit 2
fi
for code in "${!EXCEPTIONS[@]}"; do
  [ -n "${title_of[$code]+x}" ] || fail "$0: exception $code is not a code of $def"
done

if [ ! -f "$doc" ]; then
  fail "$doc is missing"
  exit 1
fi

# Split the page. One record a line on stdout, fields separated by tabs:
#   SECTION LINE CODE TITLE     a `## FGxxxx TITLE` heading
#   ANCHOR LINE CODE            an `<a id="FGxxxx"></a>`
#   SEVERITY LINE WORD          a `Severity: WORD` line
#   WRONG LINE FILE CODES       a ```rule-wrong block (CODES separated by spaces)
#   FIXED LINE FILE CODES       a ```rule-fixed block
#   MODULE LINE FILE PATH       a ```rule-file block
#   OUTPUT LINE FILE            a ```text fg-output block
#   OTHER LINE HEADING          a `## ` heading that does not name a code (ends the section)
#   REPRODUCE LINE              a paragraph starting `**How to reproduce**`
#   ERROR LINE MESSAGE
records=$(awk -v dir="$work" '
  BEGIN { OFS = "\t" }
  function fail(msg) { print "ERROR", NR, msg }
  inside && /^```[ \t]*$/ {
    inside = 0; close(file)
    print kind, start, file, args
    next
  }
  inside { print >> file; next }
  /^```/ {
    info = $0; sub(/^```[ \t]*/, "", info); sub(/[ \t]+$/, "", info)
    n = split(info, word, /[ \t]+/)
    kind = ""
    if (word[1] == "rule-wrong") kind = "WRONG"
    else if (word[1] == "rule-fixed") kind = "FIXED"
    else if (word[1] == "rule-file") kind = "MODULE"
    else if (word[1] == "text" && word[2] == "fg-output") kind = "OUTPUT"
    args = ""
    for (i = 2; i <= n; i++) args = args (i > 2 ? " " : "") word[i]
    if (kind == "OUTPUT") args = ""
    if (kind == "") {
      # Any other fenced block: skip to its end.
      other = 1; start = NR
      while ((getline line) > 0) { if (line ~ /^```[ \t]*$/) { other = 0; break } }
      if (other) print "ERROR", start, "the ``` block opened here is never closed"
      next
    }
    if ((kind == "WRONG" || kind == "FIXED") && args !~ /^FG[0-9]+( FG[0-9]+)*$/) {
      fail("```" word[1] " must be followed by one or more codes such as FG1011: `" $0 "`")
    }
    if (kind == "FIXED" && args ~ / /) fail("```rule-fixed names one code: `" $0 "`")
    if (kind == "MODULE" && (args !~ /^[^ \/.][^ ]*\.rule$/ || args ~ /\.\./)) {
      fail("```rule-file must be followed by a relative path ending in .rule: `" $0 "`")
    }
    inside = 1; start = NR; blocks++
    file = sprintf("%s/block-%03d.rule", dir, blocks)
    printf "" > file
    next
  }
  /^## / {
    if (match($0, /^## FG[0-9]+ /)) {
      code = substr($0, 4, RLENGTH - 4)
      print "SECTION", NR, code, substr($0, RLENGTH + 1)
    } else if ($0 ~ /^## FG[0-9]+[ \t]*$/) {
      fail("the heading `" $0 "` has no title")
    } else {
      print "OTHER", NR, $0
    }
    next
  }
  match($0, /<a id="FG[0-9]+"><\/a>/) { print "ANCHOR", NR, substr($0, RSTART + 7, RLENGTH - 13) }
  /^\*\*How to reproduce\*\*/ { print "REPRODUCE", NR }
  /^Severity: / { w = $0; sub(/^Severity: */, "", w); sub(/[ \t.]+$/, "", w); print "SEVERITY", NR, w }
  END { if (inside) fail("the ```" tolower(kind) " block opened on line " start " is never closed") }
' "$doc")

declare -A section_line=() anchored=() wrongs=() fixeds=() section_severity=() reproduced=()
section=""      # the code of the current section, "" outside one
previous=-1     # index in codes of the previous section
last_wrong=""   # text output of the last wrong example of the section
declare -A modules=()
checked=0

# Shows the checker's output with the example files' locations moved back into the page.
show() {
  awk -v map="$work/map" '
    BEGIN { while ((getline entry < map) > 0) { split(entry, f, "\t"); start[f[1]] = f[2] } }
    {
      for (path in start) {
        i = index($0, path ":")
        if (i > 0) {
          rest = substr($0, i + length(path) + 1)
          split(rest, pos, ":")
          if (pos[1] ~ /^[0-9]+$/) {
            $0 = substr($0, 1, i - 1) "'"$doc"'" ":" (start[path] + pos[1]) ":" substr(rest, length(pos[1]) + 2)
          }
        }
      }
      print "    " $0
    }' "$1"
}

# Checks one example: writes it and the section's rule-file blocks into a fresh directory.
# Sets $dir, $main and $json_status, and leaves the JSON output in $dir.json; text_output then
# writes the text output to $dir.txt.
run_example() {
  local file=$1 line=$2 name=$3
  checked=$((checked + 1))
  dir=$work/example-$checked
  mkdir -p "$dir"
  : > "$work/map"
  local path
  for path in "${!modules[@]}"; do
    mkdir -p "$(dirname "$dir/$path")"
    cp "${modules[$path]%%|*}" "$dir/$path"
    printf '%s\t%s\n' "$dir/$path" "${modules[$path]#*|}" >> "$work/map"
  done
  main=$dir/$name.rule
  cp "$file" "$main"
  printf '%s\t%s\n' "$main" "$line" >> "$work/map"
  FUNDGUARD_LIB=stdlib-rules "$fundguard" check --format json --deny-warnings "$main" > "$dir.json" 2>&1
  json_status=$?
}
text_output() {
  FUNDGUARD_LIB=stdlib-rules "$fundguard" check --color never --deny-warnings "$main" > "$dir.txt" 2>&1
}

while IFS=$'\t' read -r kind line a b; do
  [ -z "$kind" ] && continue
  case "$kind" in
    ERROR)
      fail "$doc:$line: $a"
      ;;
    OTHER)
      section=""
      ;;
    SECTION)
      section=$a
      modules=()
      last_wrong=""
      if [ -z "${title_of[$a]+x}" ]; then
        fail "$doc:$line: section $a names a code that $def does not have"
        section=""
        continue
      fi
      if [ -n "${section_line[$a]+x}" ]; then
        fail "$doc:$line: $a has a second section (the first is on line ${section_line[$a]})"
        continue
      fi
      section_line[$a]=$line
      if [ "$b" != "${title_of[$a]}" ]; then
        fail "$doc:$line: the heading of $a must read \`## $a ${title_of[$a]}\` (its title in $def)"
      fi
      index=-1
      for i in "${!codes[@]}"; do [ "${codes[$i]}" = "$a" ] && index=$i; done
      if [ "$index" -le "$previous" ]; then
        fail "$doc:$line: $a is out of order: sections follow the order of $def"
      fi
      previous=$index
      ;;
    ANCHOR)
      anchored[$a]=1
      ;;
    REPRODUCE)
      [ -n "$section" ] && reproduced[$section]=1
      ;;
    SEVERITY)
      if [ -z "$section" ]; then
        fail "$doc:$line: \`Severity:\` outside a code's section"
      elif [ -n "${section_severity[$section]+x}" ]; then
        fail "$doc:$line: $section states its severity twice"
      else
        section_severity[$section]=$a
        if [ "$a" != "${severity_of[$section]}" ]; then
          fail "$doc:$line: $section is an ${severity_of[$section]} in $def, not \`$a\`"
        fi
      fi
      ;;
    MODULE)
      if [ -z "$section" ]; then
        fail "$doc:$line: a \`\`\`rule-file block outside a code's section"
        continue
      fi
      modules[$b]="$a|$line"
      ;;
    WRONG|FIXED)
      read -r -a listed <<< "$b"
      first=${listed[0]:-}
      bad=0
      for code in "${listed[@]}"; do
        if [ -z "${title_of[$code]+x}" ]; then
          fail "$doc:$line: $code is not a code of $def"
          bad=1
        fi
      done
      if [ -z "$section" ]; then
        fail "$doc:$line: an example outside a code's section"
        continue
      fi
      if [ "$first" != "$section" ]; then
        fail "$doc:$line: an example in the section of $section must name $section first, not $first"
        continue
      fi
      [ $bad -ne 0 ] && continue
      if ! grep -q '[^[:space:]]' "$a"; then
        fail "$doc:$line: the example is empty"
        continue
      fi
      if [ "$kind" = WRONG ]; then
        wrongs[$section]=$((${wrongs[$section]:-0} + 1))
        run_example "$a" "$line" "$section-wrong"
        text_output
        reported=$(grep -o '"code": "FG[0-9]*"' "$dir.json" | sed 's/.*"\(FG[0-9]*\)"/\1/' | sort -u)
        problems=()
        for code in "${listed[@]}"; do
          grep -qx "$code" <<< "$reported" || problems+=("it does not report $code")
        done
        for code in $reported; do
          [[ " ${listed[*]} " == *" $code "* ]] || problems+=("it also reports $code, which the block does not list")
        done
        if [ $json_status -ne 1 ]; then
          problems+=("fundguard check --deny-warnings exits with $json_status, not 1")
        fi
        if [ ${#problems[@]} -gt 0 ]; then
          joined=$(printf '%s; ' "${problems[@]}")
          fail "$doc:$line: the wrong example of $section: ${joined%; }"
          show "$dir.txt"
        fi
        # The lines to compare name the example's files as the page does (shiyan/lists.rule).
        last_wrong=$dir.txt
        awk -v prefix="$dir/" '{ while ((i = index($0, prefix)) > 0) $0 = substr($0, 1, i - 1) substr($0, i + length(prefix)); sub(/^[[:space:]]+/, ""); print }' \
          "$dir.txt" > "$dir.lines"
      else
        fixeds[$section]=$((${fixeds[$section]:-0} + 1))
        run_example "$a" "$line" "$section-fixed"
        if [ $json_status -ne 0 ] || grep -q '"code": "FG' "$dir.json"; then
          fail "$doc:$line: the fixed example of $section does not check clean (exit code $json_status)"
          text_output
          show "$dir.txt"
        fi
      fi
      ;;
    OUTPUT)
      if [ -z "$last_wrong" ]; then
        fail "$doc:$line: a \`\`\`text fg-output block must follow a wrong example of its section"
        continue
      fi
      offset=0
      while IFS= read -r expected || [ -n "$expected" ]; do
        offset=$((offset + 1))
        expected=${expected#"${expected%%[![:space:]]*}"}
        [ -z "$expected" ] && continue
        if ! grep -qxF -- "$expected" "${last_wrong%.txt}.lines"; then
          fail "$doc:$((line + offset)): the checker does not print this line for the wrong example above: $expected"
          show "$last_wrong"
        fi
      done < "$a"
      ;;
  esac
done <<< "$records"

for code in "${codes[@]}"; do
  if [ -z "${section_line[$code]+x}" ]; then
    fail "$doc: no section for $code (${title_of[$code]}): add \`## $code ${title_of[$code]}\`"
    continue
  fi
  where="$doc:${section_line[$code]}"
  [ -n "${anchored[$code]+x}" ] || fail "$where: $code has no anchor <a id=\"$code\"></a>"
  [ -n "${section_severity[$code]+x}" ] || fail "$where: $code does not state \`Severity: ${severity_of[$code]}\`"
  if [ -n "${EXCEPTIONS[$code]+x}" ]; then
    if [ -n "${wrongs[$code]+x}" ] || [ -n "${fixeds[$code]+x}" ]; then
      fail "$where: $code has examples, so it is no longer an exception: remove it from EXCEPTIONS in $0"
    fi
    [ -n "${reproduced[$code]+x}" ] || fail "$where: $code has no example, so it needs a **How to reproduce** paragraph"
  else
    [ -n "${wrongs[$code]+x}" ] || fail "$where: $code has no \`\`\`rule-wrong $code example"
    [ -n "${fixeds[$code]+x}" ] || fail "$where: $code has no \`\`\`rule-fixed $code example"
  fi
done

if [ $failed -ne 0 ]; then
  echo "check-diagnostics-doc: $doc does not match the checker (see above)"
  exit 1
fi
echo "check-diagnostics-doc: ${#codes[@]} codes explained in $doc, $checked examples checked;" \
  "codes without examples:"
for code in "${codes[@]}"; do
  [ -n "${EXCEPTIONS[$code]+x}" ] && echo "  $code: ${EXCEPTIONS[$code]}"
done
exit 0
