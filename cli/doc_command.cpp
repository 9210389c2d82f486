// `fundguard doc PATH... [--out FILE] [--check]`: the reference page of a rule library
// (docs/rules.md for the standard library), made from the rules themselves (rule_docs.h).
#include <fstream>
#include <iostream>
#include <sstream>

#include "arguments.h"
#include "commands.h"
#include "rule_docs.h"
#include "rule_loading.h"

namespace fundguard::cli {

const char* const kDocHelp =
    R"(Usage: fundguard doc [OPTIONS] PATH...

Writes the reference page of the rules in PATH (files or directories) as
Markdown: a table from each catalogue row to its rules, and for every rule its
title, basis, category, kind, severity, scope, dates, logic in words (the
comment that opens its file), condition and amounts as written, parameters,
message and number of tests. The self-evaluation between the markers
<!-- evaluation:begin --> and <!-- evaluation:end --> of an existing --out file
is kept (scripts/evaluate --update-doc writes it).

  fundguard doc stdlib-rules --out docs/rules.md

Options:
  --out FILE   write the page there (default: print it)
  --check      do not write: exit 1 when FILE differs from what would be written
  --lib DIR    the standard library directory (default: $FUNDGUARD_LIB, else built-in)
  -h, --help   show this help

Exit codes: 0 written (or current), 1 the rules have errors or --check found
FILE out of date, 2 usage or I/O problem.
)";

namespace {

bool readWhole(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  out = text.str();
  return true;
}

}  // namespace

int runDoc(const std::vector<std::string>& argv) {
  ArgumentSpec spec{{"-h", "--help", "--check"}, {"--lib", "--out"}};
  Arguments args = parseArguments(argv, spec);
  if (args.has("-h") || args.has("--help")) {
    std::cout << kDocHelp;
    return kExitOk;
  }
  auto out = args.option("--out");
  if (args.error.empty() && args.has("--check") && !out) args.error = "--check needs --out FILE";
  if (!args.error.empty() || args.positional.empty()) {
    std::cerr << "fundguard doc: " << (args.error.empty() ? "name at least one .rule file or directory" : args.error)
              << "\n(see fundguard doc --help)\n";
    return kExitUsage;
  }
  int exitCode = kExitOk;
  auto checked = loadRules("doc", args.positional, args.option("--lib").value_or(""), std::cerr, exitCode);
  if (!checked) return exitCode;

  std::string command = "fundguard doc";
  for (const std::string& p : args.positional) command += " " + p;
  if (out) command += " --out " + *out;
  std::string previous;
  bool hadPage = out && readWhole(*out, previous);
  std::string page = rulesMarkdown(*checked, evaluationSection(previous), command);
  if (!out) {
    std::cout << page;
    return kExitOk;
  }
  if (args.has("--check")) {
    if (hadPage && page == previous) return kExitOk;
    std::cerr << "fundguard doc: " << *out << " is out of date; run `" << command << "`\n";
    return kExitRuleErrors;
  }
  std::ofstream file(*out, std::ios::binary | std::ios::trunc);
  if (!(file << page) || !file.flush()) {
    std::cerr << "fundguard doc: cannot write " << *out << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace fundguard::cli
