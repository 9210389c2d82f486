"""Running the fundguard binary: check (diagnostics by rule), ir (op names for coverage), and
run with a chosen engine, with the two runs' outputs compared byte for byte.

An engine is selected with `--engine NAME`. A binary without that option has only the
interpreter: "interp" then means no option, and any other engine is not available.
"""
import io
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import compare_outputs  # noqa: E402  (tests/diff/compare_outputs.py)


class EngineUnavailable(Exception):
    pass


class Fundguard:
    def __init__(self, binary, lib, timeout=120):
        self.binary, self.lib, self.timeout = binary, lib, timeout
        self.env = dict(os.environ, FUNDGUARD_LIB=lib)

    def _run(self, args, **kw):
        return subprocess.run([self.binary] + args, capture_output=True, env=self.env,
                              timeout=self.timeout, **kw)

    def engine_flags(self, engine, probe_rules, probe_data, scratch):
        """The options that select `engine`, or EngineUnavailable with the reason."""
        help_text = self._run(["run", "--help"]).stdout.decode("utf-8", "replace")
        if "--engine" not in help_text:
            if engine == "interp":
                return []
            raise EngineUnavailable(f"engine {engine} not available: fundguard run has no --engine option "
                                    "(this binary has only the interpreter)")
        flags = ["--engine", engine]
        p = self._run(["run"] + flags + ["--rules", probe_rules, "--data", probe_data,
                                         "--out", os.path.join(scratch, f"probe-{engine}")])
        reason = " ".join(p.stderr.decode("utf-8", "replace").strip().splitlines()[:3])
        if p.returncode == 2:
            raise EngineUnavailable(f"engine {engine} not available: exit 2: {reason}")
        if p.returncode < 0 or p.returncode >= 126:
            raise EngineUnavailable(f"engine {engine} crashed on the probe run (tests/engine/logic.rule): "
                                    f"exit {p.returncode}: {reason}")
        return flags

    def check(self, rule_file):
        """Diagnostics of `fundguard check --format json`: [(severity, line, code, message)]."""
        p = self._run(["check", "--format", "json", rule_file])
        try:
            diags = json.loads(p.stdout.decode("utf-8"))["diagnostics"]
        except (ValueError, KeyError):
            return [("error", 0, "?", p.stdout.decode("utf-8", "replace") + p.stderr.decode("utf-8", "replace"))]
        return [(d["severity"], d.get("line", 0), d["code"], d["message"]) for d in diags
                if os.path.abspath(d.get("file", rule_file)) == os.path.abspath(rule_file)]

    def ir(self, paths):
        p = self._run(["ir"] + list(paths))
        return p.stdout.decode("utf-8", "replace")

    def screen(self, flags, rule_file, data, out, threads=1):
        """One `fundguard run`; returns (exit code, stderr text)."""
        if os.path.exists(out):
            shutil.rmtree(out)
        try:
            p = self._run(["run"] + flags + ["--rules", rule_file, "--data", data, "--out", out,
                                             "--threads", str(threads)])
        except subprocess.TimeoutExpired:
            return "timeout", f"no answer after {self.timeout} s"
        return p.returncode, p.stderr.decode("utf-8", "replace")


def _type_shape(word):
    """An IR type without table names: row(setl_d)? -> row?, list(row(fee_list_d)) -> list(row)."""
    word = re.sub(r"row\([^()]*\)", "row", word)
    return re.sub(r"group#\d+", "group", word)


def ir_coverage(ir_text, op_names, functions):
    """From printed IR: counts of ops (`aggregate sum`, `call prefix`, `add`, ...) and of typed
    variants, an op with its result and operand types (`sub int(date,date)`)."""
    ops, variants = {}, {}
    lines = [l for l in ir_text.splitlines() if l.strip()]
    for i, line in enumerate(lines):
        words = line.split()
        if words[0] not in op_names:
            continue
        name = words[0]
        if name in ("aggregate", "call", "peer", "ordered") and len(words) > 2 and words[2] in functions:
            name = f"{name} {words[2]}"
        ops[name] = ops.get(name, 0) + 1
        indent = len(line) - len(line.lstrip())
        operands = []
        for child in lines[i + 1:]:
            child_indent = len(child) - len(child.lstrip())
            if child_indent <= indent:
                break
            if child_indent == indent + 2:
                cw = child.split()
                operands.append("-" if cw[0] == "-" else _type_shape(cw[1]) if len(cw) > 1 else cw[0])
        variant = f"{name} {_type_shape(words[1]) if len(words) > 1 else ''}({','.join(operands)})"
        variants[variant] = variants.get(variant, 0) + 1
    return ops, variants


def read_ir_vocabulary(source_root):
    """The IR op names (compiler/ir/ir_nodes.def) and built-in functions (compiler/sema/builtins.cpp)."""
    with open(os.path.join(source_root, "compiler/ir/ir_nodes.def"), encoding="utf-8") as f:
        ops = re.findall(r'^IR_NODE\(\w+, "([^"]+)"', f.read(), re.M)
    with open(os.path.join(source_root, "compiler/sema/builtins.cpp"), encoding="utf-8") as f:
        functions = re.findall(r'\{K::(\w+), "(\w+)"', f.read())
    return ops, functions


class Outcome:
    """Two engines' runs of one rule file over one dataset, and whether they agree."""

    def __init__(self, code_a, err_a, code_b, err_b, report, rules):
        self.code_a, self.err_a, self.code_b, self.err_b = code_a, err_a, code_b, err_b
        self.report, self.rules = report, rules

    @property
    def agree(self):
        return not self.report


def compare_engines(fg, flags_a, flags_b, rule_file, data, scratch, threads_b=1):
    out_a, out_b = os.path.join(scratch, "a"), os.path.join(scratch, "b")
    code_a, err_a = fg.screen(flags_a, rule_file, data, out_a)
    code_b, err_b = fg.screen(flags_b, rule_file, data, out_b, threads=threads_b)
    def exit_text(code):
        return f"killed by signal {-code}" if isinstance(code, int) and code < 0 else f"exit {code}"

    if code_a != code_b:
        report = (f"  {exit_text(code_a)} with engine A, {exit_text(code_b)} with engine B\n"
                  f"  A: {err_a.strip()[:600]}\n  B: {err_b.strip()[:600]}\n")
        return Outcome(code_a, err_a, code_b, err_b, report, [])
    if code_a != 0:
        return Outcome(code_a, err_a, code_b, err_b, "", [])  # both refused alike
    buf = io.StringIO()
    identical, rules = compare_outputs.compare_dirs(out_a, out_b, out=buf)
    return Outcome(code_a, err_a, code_b, err_b, "" if identical else buf.getvalue(), rules)
