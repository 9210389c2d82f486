// `fundguard explain --rules R --data D --rule ID --key KEY`: whether one rule hits one record,
// and why, in terms a reviewer can check by hand (explain_report.h).
#include <filesystem>
#include <iostream>

#include "arguments.h"
#include "commands.h"
#include "engine/explanation.h"
#include "engine/screening.h"
#include "explain_report.h"
#include "io/dataset_loader.h"
#include "io/text_decoder.h"
#include "lower/lower.h"
#include "rule_loading.h"
#include "screening_setup.h"

namespace fundguard::cli {

const char* const kExplainHelp =
    R"(Usage: fundguard explain --rules PATH --data DIR --rule ID --key KEY [OPTIONS]

Shows, for one rule and one record, whether the rule hits and why: the
parameters in force, the values the rule computes, the reference rows it looked
up (catalogue, institution, person, ...), and for each decision the condition
split into its `and` parts, each with its value and the values it compares,
then the result: hit (amount, fund, message), no hit (the first part that is
false), or undecided (a value it needs is missing: no data, not a pass).

KEY is the record's key: a fee line's feedetl_sn or a settlement's setl_id (line
rules: every line of that settlement), a setl_id (claim rules), a psn_no (person
rules), a fixmedins_code (institution rules; --period narrows it to one period).

Options:
  --rules PATH          rule file or directory (repeatable)
  --data DIR            the dataset directory
  --rule ID             the rule to explain
  --key KEY             the record
  --period P            institution rules: only this period (2024-03, 2024Q1, 2024)
  --param RULE.NAME=VALUE
                        set a rule parameter, as for run (repeatable)
  --format text|json    text (default) or JSON with the same content
  --lang both|zh|en     labels in Chinese and English (default), or one of them
  --encoding auto|utf8|gbk
  --include-reversals   keep reversal records (refd_setl_flag = 1), as run does
  --lib DIR             the standard library directory
  -h, --help            show this help

Exit codes: 0 explained, 1 the rules have errors, 2 usage or I/O problem,
3 no such rule or record, or the rule cannot run on this data (no data).
)";

namespace {

constexpr int kExitData = 3;

// The value of column `column` of the row of `table` whose key is `key`, as text; empty if none.
std::string parentKey(const Dataset& data, const ir::RuleSet& set, int table, int link, const std::string& key) {
  if (table < 0 || link < 0) return "";
  const ir::TableRef& ref = set.tables[static_cast<size_t>(table)];
  const Table* t = data.table(ref.layout.name);
  uint32_t id = 0;
  if (!t || ref.key.size() != 1 || !data.strings.find(key, id)) return "";
  const Column& keys = t->columns[ref.key[0]];
  const Column& parent = t->columns[ref.links[static_cast<size_t>(link)].ours[0]];
  for (size_t r = 0; r < t->rows; ++r)
    if (keys.has(r) && keys.at(r) == id && parent.has(r)) return std::string(data.strings.text(parent.at(r)));
  return "";
}

}  // namespace

int runExplain(const std::vector<std::string>& argvIn) {
  std::vector<std::string> argv = argvIn;
  std::vector<std::string> rulePaths = takeRepeated(argv, "--rules");
  std::vector<std::string> paramTexts = takeRepeated(argv, "--param");
  ArgumentSpec spec{{"-h", "--help", "--include-reversals"},
                    {"--data", "--rule", "--key", "--period", "--format", "--lang", "--encoding", "--lib"}};
  Arguments args = parseArguments(argv, spec);
  if (args.has("-h") || args.has("--help")) {
    std::cout << kExplainHelp;
    return kExitOk;
  }
  auto usage = [](const std::string& message) {
    std::cerr << "fundguard explain: " << message << "\n(see fundguard explain --help)\n";
    return kExitUsage;
  };
  if (!args.error.empty()) return usage(args.error);
  if (!args.positional.empty()) return usage("unexpected argument '" + args.positional[0] + "'");
  if (rulePaths.empty()) return usage("say which rules: --rules PATH");
  auto dataDir = args.option("--data");
  auto ruleId = args.option("--rule");
  auto key = args.option("--key");
  if (!dataDir) return usage("say which data: --data DIR");
  if (!ruleId) return usage("say which rule: --rule ID");
  if (!key || key->empty()) return usage("say which record: --key KEY");
  std::error_code ec;
  if (!std::filesystem::is_directory(*dataDir, ec)) return usage("--data " + *dataDir + " is not a directory");
  std::string format = args.option("--format").value_or("text");
  if (format != "text" && format != "json") return usage("--format takes text or json");
  std::string langName = args.option("--lang").value_or("both");
  Lang lang = langName == "zh" ? Lang::Zh : langName == "en" ? Lang::En : Lang::Both;
  if (langName != "zh" && langName != "en" && langName != "both") return usage("--lang takes both, zh or en");
  engine::ScreeningOptions screening;
  if (std::string error; !parseParamOptions(paramTexts, screening.params, error)) return usage(error);
  LoadOptions load;
  if (auto enc = args.option("--encoding"); enc && !parseEncodingName(*enc, load.encoding))
    return usage("--encoding takes auto, utf8 or gbk");
  load.includeReversals = args.has("--include-reversals");

  int exitCode = kExitOk;
  auto checked = loadRules("explain", rulePaths, args.option("--lib").value_or(""), std::cerr, exitCode);
  if (!checked) return exitCode;
  std::vector<CheckedRule> requested;
  for (const CheckedRule& rule : checked->rules)
    if (rule.module->requested) requested.push_back(rule);
  ir::RuleSet set = lowerRules(*checked->program, requested);
  int index = -1;
  for (size_t r = 0; r < set.rules.size(); ++r)
    if (set.rules[r].id == *ruleId) index = static_cast<int>(r);
  if (index < 0) {
    std::cerr << "fundguard explain: no rule " << *ruleId << " in the rules given\n";
    return kExitData;
  }
  const ir::Rule& rule = set.rules[static_cast<size_t>(index)];

  std::vector<TableLayout> layouts;
  for (const ir::TableRef& t : set.tables) layouts.push_back(t.layout);
  load.reversals = reversalsOf(set);
  LoadResult data = loadDataset(*dataDir, layouts, load);
  if (!data.ok() || !data.dataset) {
    for (const std::string& e : data.errors) std::cerr << "fundguard explain: error: " << e << "\n";
    return kExitData;
  }

  const Program& program = *checked->program;
  engine::ExplanationBuilder builder(set, rule, [&](const ir::SourceRange& at) {
    if (at.file == 0) return std::string();
    return program.sources.file(at.file).slice(at.begin, at.end);
  });
  std::string period = args.option("--period").value_or("");
  // A key below the rule's scope (a fee line for a claim rule, a settlement for a person rule)
  // names its subject and, within it, the `for each` element to show.
  std::string subjectKey = *key;
  const Dataset& dataset = *data.dataset;
  std::string lineSettlement = parentKey(dataset, set, set.feeLineTable, set.lineToSettlement, *key);
  if (rule.scope == ir::ScopeKind::Claim && !lineSettlement.empty()) {
    subjectKey = lineSettlement;
    builder.onlyElement(set.tables[static_cast<size_t>(set.feeLineTable)].layout.name, *key);
  }
  if (rule.scope == ir::ScopeKind::Person) {
    std::string settlement = lineSettlement.empty() ? *key : lineSettlement;
    std::string person = parentKey(dataset, set, set.settlementTable, set.settlementPerson, settlement);
    if (!person.empty()) {
      subjectKey = person;
      if (lineSettlement.empty())
        builder.onlyElement(set.tables[static_cast<size_t>(set.settlementTable)].layout.name, settlement);
      else
        builder.onlyElement(set.tables[static_cast<size_t>(set.feeLineTable)].layout.name, *key);
    }
  }
  screening.engine = engine::Engine::Interpreter;
  screening.onlyRule = index;
  screening.onlySubject = [&](const engine::SubjectKeys& k) {
    bool keyed = k.feedetlSn == subjectKey || k.setlId == subjectKey || k.psnNo == subjectKey ||
                 (rule.scope == ir::ScopeKind::Institution && k.fixmedinsCode == subjectKey);
    return keyed && (period.empty() || k.period == period);
  };
  screening.onDecision = [&](const engine::Decision& d) { builder.add(d); };
  engine::ScreeningResult result = engine::screen(set, *data.dataset, screening);
  for (const std::string& e : result.errors) std::cerr << "fundguard explain: error: " << e << "\n";
  if (!result.errors.empty()) return kExitUsage;
  const engine::RuleOutcome& outcome = result.rules[static_cast<size_t>(index)];
  if (!outcome.ran) {
    std::cerr << "fundguard explain: rule " << rule.id << " cannot run on this data (no data): " << outcome.skipped
              << "\n";
    return kExitData;
  }
  engine::Explanation& e = builder.result();
  for (engine::ExplainedParam& p : e.params)
    for (const engine::ParamValue& given : screening.params)
      if (given.rule == rule.id && given.name == p.name) p.given = true;
  if (e.subjects.empty()) {
    std::cerr << "fundguard explain: rule " << rule.id << " (scope " << ir::scopeName(rule.scope)
              << ") has no record with key " << *key << (period.empty() ? "" : " in period " + period)
              << " in this data (outside the rule's effective dates, a reversal, or not in its scope)\n";
    return kExitData;
  }
  if (format == "json")
    writeExplanationJson(std::cout, e);
  else
    writeExplanationText(std::cout, e, lang);
  return kExitOk;
}

}  // namespace fundguard::cli
