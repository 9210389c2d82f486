// `fundguard diff --base OLD --rules NEW --data D`: screens the same data with two versions of
// a rule set and reports what the change does: per rule, hits and money added and removed, and
// rules added, removed and changed (exec/hit_diff.h). Fails when a rule's logic changed without
// a version bump, so CI can hold a pull request that forgets one.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "arguments.h"
#include "commands.h"
#include "engine/screening.h"
#include "exec/hit_diff.h"
#include "exec/hit_diff_report.h"
#include "io/dataset_loader.h"
#include "jit/compiled_rules.h"
#include "lower/lower.h"
#include "rule_loading.h"
#include "rule_sources.h"
#include "screening_setup.h"

namespace fundguard::cli {

const char* const kDiffHelp =
    R"(Usage: fundguard diff --base OLD --rules NEW --data DIR [OPTIONS]

Screens the data in DIR with two versions of a rule set, OLD and NEW, and reports
what the change does: per rule, the hits it adds and removes and the money they
involve (涉及医疗费用金额, 其中医保基金), and the rules added, removed and
changed, with their versions. A hit is the same in both when the same rule finds
the same subject (settlement, fee line, person or institution-period) for the
same violating rows; when its amount or message differ it is "changed".

A rule has changed when its content hash differs: the hash of its compiled
logic (the `define`s and lists it uses included; layout, comments, tests, title
and basis text excluded). Each run's manifest.json lists the hashes.

OLD is one of:
  DIR or FILE   rules on disk
  REV:PATH      PATH at git revision REV (PATH from the repository's top)
  REV           the NEW paths at git revision REV, e.g. --base main
                (extracted with git; run inside the repository)

Options:
  --base OLD             the rules to compare against (required)
  --rules PATH           the new rules: a .rule file or a directory (repeatable)
  --data DIR             the dataset both are run over
  --format text|json|markdown
                         text (default); json for tools; markdown: a table to paste
                         into a pull-request comment
  --out FILE             write the report to FILE instead of standard output
  --engine jit|interp    as for run (default jit)
  --threads N            screening threads (default 1)
  --encoding auto|utf8|gbk
                         encoding of the CSV files (default auto)
  --include-reversals    screen reversal records too
  --lib DIR              the standard library directory (both sides use it)
  -h, --help             show this help

Exit codes: 0 compared, 1 a rule's logic changed without a higher version
(the report and standard error name it) or the rules have errors, 2 usage or
I/O problem (also: OLD is neither a path nor a git revision), 3 the data could
not be screened.
)";

namespace {

constexpr int kExitData = 3;

struct Screened {
  std::optional<CheckResult> checked;
  ir::RuleSet set;
  std::vector<RuleInfo> infos;
  engine::ScreeningResult result;
};

// Checks, lowers and screens one side. Returns an exit code other than kExitOk on failure,
// after saying why on standard error.
int screenSide(const std::string& side, const std::vector<std::string>& paths, const std::string& lib,
               const std::string& dataDir, LoadOptions load, const engine::ScreeningOptions& options, Screened& out) {
  int exitCode = kExitOk;
  out.checked = loadRules("diff", paths, lib, std::cerr, exitCode);
  if (!out.checked) return exitCode;
  std::vector<CheckedRule> requested;
  for (const CheckedRule& rule : out.checked->rules)
    if (rule.module->requested) requested.push_back(rule);
  out.set = lowerRules(*out.checked->program, requested);
  if (out.set.settlementTable < 0) {
    std::cerr << "fundguard diff: the " << side << " rules declare no table with `role settlement`\n";
    return kExitRuleErrors;
  }
  out.infos = engine::ruleInfos(out.set);
  std::vector<TableLayout> layouts;
  for (const ir::TableRef& t : out.set.tables) layouts.push_back(t.layout);
  load.reversals = reversalsOf(out.set);
  LoadResult data = loadDataset(dataDir, layouts, load);
  const std::string& settlementName = out.set.tables[static_cast<size_t>(out.set.settlementTable)].layout.name;
  if (!data.ok() || !data.dataset || !data.dataset->table(settlementName)) {
    for (const std::string& e : data.errors) std::cerr << "fundguard diff: error: " << e << "\n";
    if (data.ok()) std::cerr << "fundguard diff: error: " << dataDir << " has no " << settlementName << ".csv\n";
    return kExitData;
  }
  try {
    out.result = engine::screen(out.set, *data.dataset, options);
  } catch (const std::exception& e) {
    std::cerr << "fundguard diff: the " << side << " rules could not be screened: " << e.what() << "\n";
    return kExitData;
  }
  for (const std::string& e : out.result.errors) std::cerr << "fundguard diff: error: " << e << "\n";
  if (!out.result.errors.empty()) return kExitUsage;
  for (size_t r = 0; r < out.result.rules.size(); ++r)
    if (!out.result.rules[r].ran)
      std::cerr << "fundguard diff: " << side << " rule " << out.infos[r].id
                << " skipped: " << out.result.rules[r].skipped << "\n";
  return kExitOk;
}

}  // namespace

int runDiff(const std::vector<std::string>& argvIn) {
  std::vector<std::string> argv = argvIn;
  std::vector<std::string> rulePaths = takeRepeated(argv, "--rules");
  ArgumentSpec spec{{"-h", "--help", "--include-reversals"},
                    {"--base", "--data", "--format", "--out", "--engine", "--threads", "--encoding", "--lib"}};
  Arguments args = parseArguments(argv, spec);
  if (args.has("-h") || args.has("--help")) {
    std::cout << kDiffHelp;
    return kExitOk;
  }
  auto usage = [](const std::string& message) {
    std::cerr << "fundguard diff: " << message << "\n(see fundguard diff --help)\n";
    return kExitUsage;
  };
  if (!args.error.empty()) return usage(args.error);
  if (!args.positional.empty()) return usage("unexpected argument '" + args.positional[0] + "'");
  auto baseSpec = args.option("--base");
  if (!baseSpec) return usage("say which rules to compare against: --base DIR, REV or REV:PATH");
  if (rulePaths.empty()) return usage("say which are the new rules: --rules PATH");
  auto dataDir = args.option("--data");
  if (!dataDir) return usage("say which data to screen: --data DIR");
  std::error_code ec;
  if (!std::filesystem::is_directory(*dataDir, ec)) return usage("--data " + *dataDir + " is not a directory");
  std::string format = args.option("--format").value_or("text");
  if (format != "text" && format != "json" && format != "markdown")
    return usage("--format takes text, json or markdown");

  engine::ScreeningOptions screening;
  screening.engine = engine::Engine::Jit;
  if (auto name = args.option("--engine"); name && !engine::engineNamed(*name, screening.engine))
    return usage("--engine takes jit or interp");
  if (auto text = args.option("--threads")) {
    char* end = nullptr;
    unsigned long n = std::strtoul(text->c_str(), &end, 10);
    if (text->empty() || *end != '\0' || n == 0 || n > 256) return usage("--threads takes 1 to 256");
    screening.threads = static_cast<unsigned>(n);
  }
  LoadOptions load;
  if (auto enc = args.option("--encoding"); enc && !parseEncodingName(*enc, load.encoding))
    return usage("--encoding takes auto, utf8 or gbk");
  load.includeReversals = args.has("--include-reversals");

  BaseRules base;
  std::string error;
  if (!base.resolve(*baseSpec, rulePaths, error)) return usage(error);
  std::string lib = args.option("--lib").value_or("");
  Screened old, current;
  if (int code = screenSide("base", base.paths(), lib, *dataDir, load, screening, old); code != kExitOk) return code;
  if (int code = screenSide("new", rulePaths, lib, *dataDir, load, screening, current); code != kExitOk) return code;
  for (RuleInfo& info : old.infos) info.file = base.displayPath(info.file);

  RuleSetDiff diff = diffRuleSets(old.infos, old.result.hits, current.infos, current.result.hits);
  DiffLabels labels;
  labels.base = base.label();
  labels.current = rulePaths.size() == 1 ? rulePaths[0] : std::to_string(rulePaths.size()) + " paths";
  std::ofstream file;
  if (auto path = args.option("--out")) {
    file.open(*path, std::ios::binary);
    if (!file) {
      std::cerr << "fundguard diff: cannot write " << *path << "\n";
      return kExitUsage;
    }
  }
  std::ostream& out = file.is_open() ? static_cast<std::ostream&>(file) : std::cout;
  if (format == "json")
    writeDiffJson(out, diff, labels);
  else if (format == "markdown")
    writeDiffMarkdown(out, diff, labels);
  else
    writeDiffText(out, diff, labels);
  out.flush();
  auto unbumped = diff.unbumped();
  if (unbumped.empty()) return kExitOk;
  if (format != "text" || file.is_open())
    for (const RuleDiff* r : unbumped)
      std::cerr << "fundguard diff: error: " << r->id << ": the logic changed but the version was not raised ("
                << r->base->version << " -> " << r->current->version << ")\n";
  return kExitRuleErrors;
}

}  // namespace fundguard::cli
