#!/usr/bin/env bash
# Runs every command of the policy staff's guide (docs/guide.zh.md and docs/guide.en.md), so that
# the guide cannot rot: a command that no longer works, or that no longer fails the way the guide
# says, fails this test with the guide's file and line and the command's output.
#
#   tests/docs/check-guide.sh FUNDGUARD [GUIDE.md...]
#
# Each guide runs in its own scratch workspace: a copy of stdlib-rules/, examples/, docs/ and
# README.md that is a git repository with one commit (so `--base HEAD` works), with a `fundguard`
# on PATH that runs FUNDGUARD with the workspace's standard library (FUNDGUARD_LIB). Git sees no
# global or system configuration there, as on a fresh machine. The commands of every ```sh block
# run in order in one bash shell (so `cd` and `export` carry over), each with -e semantics: it
# must exit 0, or with the status its marker names, else the test stops there.
#
# What the test reads in a guide (the markers are HTML comments, invisible when rendered):
#
#   ```sh ... ```          a block of commands, all run. A command is one line, or several when
#                          the shell needs them (a trailing `\`, a here-doc, an open quote).
#                          Lines that hold only a comment are not commands.
#   CMD   # exit N ...     on the command's last line: the command must exit with status N
#                          (an expected failure); text may follow the number, e.g. `# exit 1 (…)`.
#                          The same `# exit N` alone on the line after a command works too.
#   <!-- guide-test: skip REASON -->
#                          on the line(s) just before a ```sh block: the block is shown to the
#                          reader but not run (setting up a fresh machine: clone, apt, build;
#                          the test's workspace stands for that). Reported as skipped.
#   <!-- guide-test: needs WORD... -->
#                          the block needs subcommands that may not be in every build yet
#                          (e.g. `needs fmt diff`). It runs, unless GUIDE_TEST_SKIP_NEEDS is 1
#                          (skip every such block) or a list of words that includes one of the
#                          block's words (GUIDE_TEST_SKIP_NEEDS="fmt diff"). Such a block must not
#                          leave anything that a later block relies on.
#   ```text ... ```        program output shown to the reader; not run, not compared.
#
# The two guides must hold the same commands, block by block (comments and the prose around them
# aside), so that the English twin cannot drift from the Chinese guide. GUIDE_TEST_VERBOSE=1 prints
# every command and its output. GUIDE_TEST_KEEP=1 keeps the workspaces.
# Exit status: 0 every command behaved as the guide says, 1 one did not (or a guide is missing or
# malformed), 2 usage.
set -u

if [ $# -lt 1 ]; then
  echo "usage: $0 PATH-TO-fundguard [GUIDE.md...]" >&2
  exit 2
fi
if [ ! -x "$1" ]; then
  echo "$0: '$1' is not an executable fundguard binary" >&2
  exit 2
fi
fundguard=$(realpath "$1")
shift
root=$(cd "$(dirname "$0")/../.." && pwd) || exit 2
cd "$root" || exit 2
if [ $# -gt 0 ]; then guides=("$@"); else guides=(docs/guide.zh.md docs/guide.en.md); fi
for g in "${guides[@]}"; do
  if [ ! -f "$g" ]; then
    echo "FAIL $g: the guide is missing"
    exit 1
  fi
done
command -v python3 >/dev/null || { echo "$0: needs python3" >&2; exit 2; }
command -v git >/dev/null || { echo "$0: needs git" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/fundguard-guide.XXXXXX") || exit 2
if [ "${GUIDE_TEST_KEEP:-0}" = 1 ]; then
  echo "check-guide: workspaces kept in $work"
else
  trap 'rm -rf "$work"' EXIT
fi

# Split every guide into commands (python3: the shell decides where a command ends, `bash -n`).
# Writes WORK/N/cmd-K.sh and WORK/N/plan (one line per command or skipped block), and compares
# the guides' commands block by block.
python3 - "$work" "${GUIDE_TEST_SKIP_NEEDS:-}" "${guides[@]}" <<'PY' || exit 1
import os, re, subprocess, sys

work, skip_needs, guides = sys.argv[1], sys.argv[2].split(), sys.argv[3:]
skip_all_needs = skip_needs == ["1"]
marker_re = re.compile(r"^\s*<!--\s*guide-test:\s*(skip|needs)\b(.*?)-->\s*$")
exit_re = re.compile(r"(?:^|\s)#\s*exit\s+(\d+)(?!\d)")
only_exit_re = re.compile(r"^\s*#\s*exit\s+(\d+)(?!\d)")

def parses(text):
    # complete when bash can parse it; an open here-doc only warns, so that counts as incomplete
    r = subprocess.run(["bash", "-n"], input=text, text=True, capture_output=True)
    return r.returncode == 0 and "here-document" not in r.stderr

def split_commands(lines, start):
    """lines of one ```sh block (start = guide line of the first) -> [(line, text, expected)]"""
    cmds, cur, cur_line = [], [], None
    for i, line in enumerate(lines):
        n = start + i
        if not cur:
            if not line.strip():
                continue
            m = only_exit_re.match(line)
            if m and line.strip().startswith("#"):
                if not cmds:
                    raise SystemExit(f"FAIL line {n}: `# exit` with no command before it")
                ln, text, _ = cmds[-1]
                cmds[-1] = (ln, text, int(m.group(1)))
                continue
            if line.lstrip().startswith("#"):
                continue  # a comment line, for the reader
            cur_line = n
        cur.append(line)
        text = "\n".join(cur) + "\n"
        if line.rstrip().endswith("\\") or not parses(text):
            continue
        m = exit_re.search(cur[-1])
        cmds.append((cur_line, text, int(m.group(1)) if m else 0))
        cur = []
    if cur:
        cmds.append((cur_line, "\n".join(cur) + "\n", 0))  # does not parse: let bash say why
    return cmds

def blocks_of(path):
    """-> [(kind, words, fence_line, commands)] for every ```sh block"""
    lines = open(path, encoding="utf-8").read().split("\n")
    out, pending, i = [], [], 0
    while i < len(lines):
        line = lines[i]
        m = marker_re.match(line)
        if m:
            pending.append((m.group(1), m.group(2).split()))
            i += 1
            continue
        fence = re.match(r"^(\s{0,3})(```+|~~~+)\s*(\S*)", line)
        if fence:
            indent, ticks, lang = fence.groups()
            j = i + 1
            while j < len(lines) and not re.match(r"^\s{0,3}" + re.escape(ticks) + r"\s*$", lines[j]):
                j += 1
            if j == len(lines):
                raise SystemExit(f"FAIL {path}:{i + 1}: a code block is never closed")
            if lang == "sh":
                body = [l[len(indent):] if l.startswith(indent) else l for l in lines[i + 1:j]]
                kind, words = "run", []
                for k, w in pending:
                    if k == "skip":
                        kind, words = "skip", w
                    elif kind != "skip":
                        kind, words = "needs", words + w
                out.append((kind, words, i + 1, split_commands(body, i + 2)))
            elif pending:
                raise SystemExit(f"FAIL {path}:{i + 1}: a guide-test marker stands before a ```{lang} block, not a ```sh block")
            pending = []
            i = j + 1
            continue
        if line.strip() and pending:
            raise SystemExit(f"FAIL {path}:{i + 1}: a guide-test marker must stand right before a ```sh block")
        i += 1
    return out

def strip_comments(text):
    # For comparing the twins: drop comment lines and trailing `  # ...` comments (the reader's
    # language), keep everything else (here-doc contents included) as is.
    keep = []
    for l in text.split("\n"):
        if l.lstrip().startswith("#") and not l.lstrip().startswith("#!"):
            continue
        keep.append(re.sub(r"\s{2,}#.*$", "", l).rstrip())
    return "\n".join(keep).strip()

parsed = []
for gi, path in enumerate(guides):
    blocks = blocks_of(path)
    if not blocks:
        raise SystemExit(f"FAIL {path}: no ```sh block found")
    parsed.append(blocks)
    d = os.path.join(work, str(gi))
    os.makedirs(d)
    k = 0
    with open(os.path.join(d, "plan"), "w", encoding="utf-8") as plan:
        for kind, words, fence, cmds in blocks:
            skip = kind == "skip" or (kind == "needs" and (skip_all_needs or set(words) & set(skip_needs)))
            why = ("skip " + " ".join(words)) if kind == "skip" else ("needs " + " ".join(words))
            if skip:
                plan.write(f"SKIP\t{fence}\t{len(cmds)}\t{why}\n")
                continue
            for line, text, expected in cmds:
                k += 1
                with open(os.path.join(d, f"cmd-{k}.sh"), "w", encoding="utf-8") as f:
                    f.write(text)
                plan.write(f"RUN\t{line}\t{expected}\tcmd-{k}.sh\n")

# The twins hold the same commands, block by block.
for gi in range(1, len(parsed)):
    a, b = parsed[0], parsed[gi]
    name_a, name_b = guides[0], guides[gi]
    if len(a) != len(b):
        raise SystemExit(f"FAIL {name_b}: {len(b)} ```sh blocks, but {name_a} has {len(a)}: the guides must hold the same commands")
    for (ka, wa, fa, ca), (kb, wb, fb, cb) in zip(a, b):
        if ka != kb or (ka == "needs" and wa != wb):  # a skip's reason is prose, in each language
            raise SystemExit(f"FAIL {name_b}:{fb}: marker `{kb} {' '.join(wb)}` but {name_a}:{fa} has `{ka} {' '.join(wa)}`")
        sa = [(strip_comments(t), e) for _, t, e in ca]
        sb = [(strip_comments(t), e) for _, t, e in cb]
        if sa != sb:
            for (la, ta, ea), (lb, tb, eb) in zip(ca, cb):
                if (strip_comments(ta), ea) != (strip_comments(tb), eb):
                    raise SystemExit(f"FAIL {name_b}:{lb}: this command differs from {name_a}:{la} (the guides must hold the same commands):\n    {name_a}: {ta.strip()}\n    {name_b}: {tb.strip()}")
            raise SystemExit(f"FAIL {name_b}:{fb}: the block has {len(cb)} commands, but {name_a}:{fa} has {len(ca)}")
PY

# The workspace a guide starts in: what a reader has after cloning and building.
make_workspace() {  # make_workspace DIR
  local ws=$1
  mkdir -p "$ws" "$ws/.guide-bin" || return 1
  cp -r stdlib-rules examples docs README.md "$ws/" || return 1
  rm -rf "$ws/examples/demo-data/out" "$ws/fundguard-out"
  cat > "$ws/.guide-bin/fundguard" <<EOF
#!/bin/sh
# fundguard as a reader has it after scripts/build, with this workspace's standard library
: "\${FUNDGUARD_LIB:=$ws/stdlib-rules}"
export FUNDGUARD_LIB
exec "$fundguard" "\$@"
EOF
  chmod +x "$ws/.guide-bin/fundguard"
  (
    cd "$ws" || exit 1
    export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
    git init -q -b main . && echo '.guide-bin/' >> .git/info/exclude &&
      git add -A && git -c user.name=check-guide -c user.email=check-guide@example.invalid \
        commit -q -m "FundGuard checkout for the guide test"
  ) || return 1
}

failed=0
gi=0
for guide in "${guides[@]}"; do
  ws="$work/ws-$gi"
  if ! make_workspace "$ws"; then
    echo "FAIL $guide: could not make the workspace"
    exit 1
  fi
  # The driver: one bash running the commands in order, checking each exit status.
  driver="$work/$gi/driver.sh"
  {
    echo "cd $(printf %q "$ws") || exit 90"
    echo "__guide=$(printf %q "$guide") __dir=$(printf %q "$work/$gi") __verbose=${GUIDE_TEST_VERBOSE:-0}"
    cat <<'EOF'
__ran=0 __skipped=0
__check() {  # __check LINE EXPECTED STATUS CMDFILE
  if [ "$__verbose" = 1 ]; then
    echo "--- $__guide:$1 (exit $3)"; sed 's/^/$ /' "$4"; cat "$__dir/out"
  fi
  if [ "$3" -ne "$2" ]; then
    echo "FAIL $__guide:$1: the command exited $3, the guide expects $2:"
    sed 's/^/    $ /' "$4"
    echo "  its output (last 60 lines):"
    tail -n 60 "$__dir/out" | sed 's/^/    /'
    exit 1
  fi
  __ran=$((__ran + 1))
}
EOF
    while IFS=$'\t' read -r what a b c; do
      if [ "$what" = SKIP ]; then
        printf '__skipped=$((__skipped + %d)); echo "skip  %s:%s (%d commands; %s)"\n' "$b" "$guide" "$a" "$b" "$c"
      else
        printf '{ . %q; } > "$__dir/out" 2>&1 < /dev/null; __check %s %s $? %q\n' "$work/$gi/$c" "$a" "$b" "$work/$gi/$c"
      fi
    done < "$work/$gi/plan"
    echo 'echo "ok    $__guide: $__ran commands behaved as the guide says, $__skipped skipped"'
  } > "$driver"
  (
    unset FUNDGUARD FUNDGUARD_LIB CDPATH BASH_ENV ENV
    export PATH="$ws/.guide-bin:$PATH"
    export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
    export LC_ALL=C.UTF-8 TZ=UTC
    bash --norc --noprofile "$driver"
  )
  [ $? -eq 0 ] || failed=1
  gi=$((gi + 1))
done

if [ $failed -ne 0 ]; then
  echo "check-guide: a command of the guide did not behave as the guide says (see above)"
  exit 1
fi
echo "check-guide: every command of ${guides[*]} behaved as the guides say"
exit 0
