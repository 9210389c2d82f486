// `fundguard run --rules R --data D`: screens a dataset with a rule set and writes the hits,
// the rejects and the summary.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "arguments.h"
#include "commands.h"
#include "engine/screening.h"
#include "engine/streamed_screening.h"
#include "exec/hit_sink.h"
#include "exec/institution_recovery.h"
#include "exec/national_hit_sink.h"
#include "exec/progress.h"
#include "exec/rejects_writer.h"
#include "exec/report_tables.h"
#include "exec/rule_manifest.h"
#include "exec/rule_set_hash.h"
#include "exec/run_summary.h"
#include "exec/summary_report.h"
#include "exec/xlsx_report.h"
#include "io/dataset_loader.h"
#include "jit/compiled_rules.h"
#include "lower/lower.h"
#include "rule_loading.h"
#include "screening_setup.h"

namespace fundguard::cli {

const char* const kRunHelp =
    R"(Usage: fundguard run --rules PATH --data DIR [OPTIONS]

Screens the settlement data in DIR (one NAME.csv per table, as in the data
contract; only setl_d.csv is required) with the rules in PATH (a .rule file or a
directory), and writes to the output directory:
  hits.csv, hits.jsonl   one row per hit: rule, subject keys, amounts, message, evidence
  manifest.json          the rules that ran: id, version, title, file, content hash,
                         effective dates, and the --param values given; hits name
                         their rule's hash (rule_hash)
  timings.json           seconds spent loading, compiling and screening; peak memory
  rejects.csv            input rows that could not be read: file, line, column, value, reason
  summary.json, summary.txt
                         per rule, per 附表2 category, per institution; rows read,
                         rejected and excluded; the rule-set hash
  table2.csv             附表2 违规行为统计表: per violation type, count, 涉及医疗费用
                         金额 and 其中医保基金
  institutions.csv       per institution: confirmed violations, fund to recover and
                         the 2-5x fine range (鲁医保发〔2020〕77号), suspects apart
  rules.csv              per rule: status (ran / no data), subjects screened,
                         undecided (no data), hits, amounts
  report.xlsx            the three tables and the hits as an Excel workbook
  national.jsonl         the hits in the national screening interface's fields
                         (docs/national-export.md)
The summary is also printed. Reversal records (refd_setl_flag = 1) and their fee
lines are excluded and counted unless --include-reversals is given.

Options:
  --rules PATH           rule file or directory (repeatable)
  --data DIR             the dataset directory
  --out DIR              where to write (default: fundguard-out)
  --param RULE.NAME=VALUE
                         set a rule parameter for this run (repeatable)
  --threads N            screening threads (default 1); output is identical for any N
  --engine jit|interp    jit (default): the rules compiled to native code with LLVM;
                         interp: the reference interpreter. The hits are identical.
  --encoding auto|utf8|gbk
                         encoding of the CSV files (default auto: UTF-8, else GB18030)
  --max-rejects N        fail (exit 3) when more than N input rows cannot be read
  --max-memory MB        fail (exit 3) when the data would need more memory than this
                         (default: 80% of the memory available when the run starts)
  --batch-lines N        read the fee lines N at a time (at settlement boundaries) and
                         screen each batch; automatic when the fee-line file is larger
                         than a quarter of the memory limit. Person and institution
                         rules that read fee lines are then skipped (they say so).
  --include-reversals    screen reversal records too
  --require-tables       fail (exit 3) when a rule is skipped for a missing table
  --lib DIR              the standard library directory
  -h, --help             show this help

Exit codes: 0 screened (hits or not), 1 the rules have errors, 2 usage or I/O
problem, 3 the data could not be screened (a limit was passed, a required table
or column is missing, a rule was skipped under --require-tables), 4 internal
error (the JIT and the interpreter disagree on a hit: please report it).
)";

namespace {

constexpr int kExitData = 3;
constexpr int kExitInternal = 4;

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// What timings.json reports: where the time went, for benchmarks (bench/) and the curious.
struct Timings {
  std::string engine;
  unsigned threads = 1;
  double compileSeconds = 0, generateSeconds = 0, optimizeSeconds = 0, machineCodeSeconds = 0, jitLoadSeconds = 0;
  bool cacheHit = false;  // the object code came from the JIT cache (jit/object_cache.h)
  double loadSeconds = 0, screenSeconds = 0;
  double scopeSeconds[4] = {0, 0, 0, 0};
  uint64_t inputBytes = 0;
};

void writeTimings(std::ostream& o, const Timings& t) {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  o << fmt::format(
      "{{\n  \"engine\": \"{}\",\n  \"threads\": {},\n  \"compile_seconds\": {:.6f},\n"
      "  \"compile_generate_seconds\": {:.6f},\n  \"compile_optimize_seconds\": {:.6f},\n"
      "  \"compile_machine_code_seconds\": {:.6f},\n  \"compile_jit_load_seconds\": {:.6f},\n"
      "  \"compile_cache_hit\": {},\n  \"load_seconds\": {:.6f},\n  \"input_bytes\": {},\n"
      "  \"screen_seconds\": {:.6f},\n  \"scope_seconds\": {{\"line\": {:.6f}, \"claim\": {:.6f}, "
      "\"person\": {:.6f}, \"institution\": {:.6f}}},\n  \"peak_rss_bytes\": {}\n}}\n",
      t.engine, t.threads, t.compileSeconds, t.generateSeconds, t.optimizeSeconds, t.machineCodeSeconds,
      t.jitLoadSeconds, t.cacheHit ? "true" : "false", t.loadSeconds, t.inputBytes, t.screenSeconds, t.scopeSeconds[0],
      t.scopeSeconds[1], t.scopeSeconds[2], t.scopeSeconds[3], static_cast<uint64_t>(usage.ru_maxrss) * 1024);
}

// 80% of the memory the system says is available (MemAvailable), as the default load limit: a
// dataset too large for this machine stops with a message instead of being killed by the system.
std::optional<uint64_t> defaultMemoryLimit() {
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  uint64_t kb = 0;
  std::string unit;
  while (meminfo >> key >> kb >> unit)
    if (key == "MemAvailable:") return kb * 1024 / 10 * 8;
  return std::nullopt;
}

// Fee lines are read in batches when --batch-lines says so, or when the fee-line file is larger
// than a quarter of the memory limit (its columns in memory take about as much as its text).
std::optional<size_t> streamBatchRows(const ir::RuleSet& set, const std::string& dir, const LoadOptions& load,
                                      const std::optional<std::string>& batchLines) {
  if (set.feeLineTable < 0 || set.lineToSettlement < 0) return std::nullopt;
  if (batchLines) {
    char* end = nullptr;
    unsigned long long n = std::strtoull(batchLines->c_str(), &end, 10);
    if (batchLines->empty() || *end != '\0' || n == 0) return std::nullopt;
    return static_cast<size_t>(n);
  }
  const std::string& name = set.tables[static_cast<size_t>(set.feeLineTable)].layout.name;
  std::error_code ec;
  auto bytes = std::filesystem::file_size(std::filesystem::path(dir) / (name + ".csv"), ec);
  if (ec || !load.memoryLimitBytes || bytes < *load.memoryLimitBytes / 4) return std::nullopt;
  // A batch of about a sixteenth of the limit, at roughly 200 bytes a line in memory.
  return std::max<size_t>(10000, static_cast<size_t>(*load.memoryLimitBytes / 16 / 200));
}

bool writeFile(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write) {
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    std::cerr << "fundguard run: cannot write " << path.string() << "\n";
    return false;
  }
  write(out);
  return static_cast<bool>(out);
}

}  // namespace

int runRun(const std::vector<std::string>& argvIn) {
  std::vector<std::string> argv = argvIn;
  std::vector<std::string> rulePaths = takeRepeated(argv, "--rules");
  std::vector<std::string> paramTexts = takeRepeated(argv, "--param");
  ArgumentSpec spec{{"-h", "--help", "--include-reversals", "--require-tables"},
                    {"--data", "--out", "--threads", "--encoding", "--max-rejects", "--max-memory", "--lib",
                     "--batch-lines", "--engine"}};
  Arguments args = parseArguments(argv, spec);
  if (args.has("-h") || args.has("--help")) {
    std::cout << kRunHelp;
    return kExitOk;
  }
  auto usage = [](const std::string& message) {
    std::cerr << "fundguard run: " << message << "\n(see fundguard run --help)\n";
    return kExitUsage;
  };
  if (!args.error.empty()) return usage(args.error);
  if (!args.positional.empty()) return usage("unexpected argument '" + args.positional[0] + "'");
  if (rulePaths.empty()) return usage("say which rules to run: --rules PATH");
  auto dataDir = args.option("--data");
  if (!dataDir) return usage("say which data to screen: --data DIR");
  std::error_code ec;
  if (!std::filesystem::is_directory(*dataDir, ec)) return usage("--data " + *dataDir + " is not a directory");

  engine::ScreeningOptions screening;
  if (std::string error; !parseParamOptions(paramTexts, screening.params, error)) return usage(error);
  auto number = [&](const char* option, uint64_t& out) {
    auto text = args.option(option);
    if (!text) return true;
    char* end = nullptr;
    out = std::strtoull(text->c_str(), &end, 10);
    return !text->empty() && *end == '\0';
  };
  uint64_t threads = 1, maxRejects = 0, maxMemory = 0;
  if (!number("--threads", threads) || threads == 0 || threads > 256) return usage("--threads takes 1 to 256");
  if (!number("--max-rejects", maxRejects)) return usage("--max-rejects takes a number");
  if (!number("--max-memory", maxMemory)) return usage("--max-memory takes a number of megabytes");
  screening.threads = static_cast<unsigned>(threads);
  screening.engine = engine::Engine::Jit;
  if (auto name = args.option("--engine"); name && !engine::engineNamed(*name, screening.engine))
    return usage("--engine takes jit or interp");
  LoadOptions load;
  if (auto enc = args.option("--encoding"); enc && !parseEncodingName(*enc, load.encoding))
    return usage("--encoding takes auto, utf8 or gbk");
  if (args.option("--max-rejects")) load.maxRejects = maxRejects;
  load.memoryLimitBytes = args.option("--max-memory") ? std::optional<uint64_t>(maxMemory << 20) : defaultMemoryLimit();
  load.includeReversals = args.has("--include-reversals");

  // 1. Rules: check, lower.
  int exitCode = kExitOk;
  auto checked = loadRules("run", rulePaths, args.option("--lib").value_or(""), std::cerr, exitCode);
  if (!checked) return exitCode;
  std::vector<CheckedRule> requested;
  for (const CheckedRule& rule : checked->rules)
    if (rule.module->requested) requested.push_back(rule);
  ir::RuleSet set = lowerRules(*checked->program, requested);
  if (set.settlementTable < 0) {
    std::cerr << "fundguard run: the rules declare no table with `role settlement` (import std.schema)\n";
    return kExitRuleErrors;
  }
  std::vector<std::pair<std::string, std::string>> sources;
  for (const auto& module : checked->program->modules)
    sources.emplace_back(module->path, checked->program->sources.file(module->fileId).text());

  // Parameters are checked before any data is read.
  {
    Dataset none;
    engine::ScreeningOptions check = screening;
    check.includeRule = [](size_t) { return false; };
    engine::ScreeningResult checkedParams = engine::screen(set, none, check);
    for (const std::string& e : checkedParams.errors) std::cerr << "fundguard run: error: " << e << "\n";
    if (!checkedParams.errors.empty()) return kExitUsage;
  }

  // The native code, compiled once for the whole run (every batch of a streamed run uses it).
  Timings timings;
  timings.engine = engine::engineName(screening.engine);
  timings.threads = screening.threads;
  if (screening.engine == engine::Engine::Jit) {
    auto start = Clock::now();
    std::unique_ptr<jit::CompiledRules> compiled;
    try {
      compiled = jit::CompiledRules::compile(set);
    } catch (const std::exception& e) {
      std::cerr << "fundguard run: internal error: the rules cannot be compiled: " << e.what()
                << "\n(--engine interp runs them without compiling)\n";
      return kExitInternal;
    }
    timings.compileSeconds = secondsSince(start);
    timings.generateSeconds = compiled->generateSeconds;
    timings.optimizeSeconds = compiled->optimizeSeconds;
    timings.machineCodeSeconds = compiled->machineCodeSeconds;
    timings.jitLoadSeconds = compiled->loadSeconds;
    timings.cacheHit = compiled->cacheHit;
    screening.compiled = std::move(compiled);
  }

  // 2. Data, and with it the screening of fee lines when they are read in batches.
  std::vector<TableLayout> layouts;
  for (const ir::TableRef& t : set.tables) layouts.push_back(t.layout);
  load.reversals = reversalsOf(set);
  std::vector<RuleInfo> infos = engine::ruleInfos(set);
  bool terminal = isatty(fileno(stderr));
  std::unique_ptr<Progress> progress;
  std::optional<engine::StreamedScreening> streamed;
  if (auto batch = streamBatchRows(set, *dataDir, load, args.option("--batch-lines"))) {
    const ir::TableRef& fee = set.tables[static_cast<size_t>(set.feeLineTable)];
    streamed.emplace(set, screening);
    if (terminal) progress = std::make_unique<Progress>("fee-line batches", 0);
    load.stream = StreamedTable{fee.layout.name,
                                fee.layout.columns[fee.links[static_cast<size_t>(set.lineToSettlement)].ours[0]].name,
                                *batch, [&](Dataset& dataset, std::string& error) {
                                  bool ok = streamed->batch(dataset, error);
                                  if (progress) progress->advance();
                                  return ok;
                                }};
  } else if (!load.stream && args.option("--batch-lines")) {
    return usage("--batch-lines takes a number of lines, and the rules need a fee-line table with link setl");
  }
  auto loadStart = Clock::now();
  LoadResult data = loadDataset(*dataDir, layouts, load);
  timings.loadSeconds = secondsSince(loadStart);
  for (const TableLayout& layout : layouts) {
    auto bytes = std::filesystem::file_size(std::filesystem::path(*dataDir) / (layout.name + ".csv"), ec);
    if (!ec) timings.inputBytes += bytes;
  }
  if (progress) progress->finish();
  for (const std::string& w : data.warnings) std::cerr << "fundguard run: warning: " << w << "\n";
  for (const std::string& n : data.notes) std::cerr << "fundguard run: note: " << n << "\n";
  const std::string& settlementName = set.tables[static_cast<size_t>(set.settlementTable)].layout.name;
  if (!data.ok() || !data.dataset || !data.dataset->table(settlementName)) {
    for (const std::string& e : data.errors) std::cerr << "fundguard run: error: " << e << "\n";
    if (data.ok()) std::cerr << "fundguard run: error: " << *dataDir << " has no " << settlementName << ".csv\n";
    return kExitData;
  }

  // 3. Screening (the rest of it, when fee lines were screened batch by batch).
  if (terminal) progress = std::make_unique<Progress>("screening", set.rules.size());
  screening.onRuleDone = [&](size_t) {
    if (progress) progress->advance();
  };
  auto screenStart = Clock::now();
  engine::ScreeningResult result;
  try {
    result = streamed ? streamed->finish(*data.dataset) : engine::screen(set, *data.dataset, screening);
  } catch (const std::logic_error& e) {
    std::cerr << "fundguard run: " << e.what() << "\n";
    return kExitInternal;
  }
  timings.screenSeconds = secondsSince(screenStart);
  for (int s = 0; s < 4; ++s) timings.scopeSeconds[s] = result.scopeSeconds[s];
  if (progress) progress->finish();
  if (streamed)
    std::cerr << "fundguard run: fee lines were screened in " << streamed->batches()
              << " batches (the dataset is larger than a quarter of the memory limit, or --batch-lines)\n";
  if (!result.errors.empty()) {
    for (const std::string& e : result.errors) std::cerr << "fundguard run: error: " << e << "\n";
    return kExitUsage;
  }

  // 4. Output.
  RunSummary summary(infos);
  summary.setRuleSetHash(ruleSetHash(sources));
  for (const TableStats& s : data.stats)
    if (s.present || s.shipped) summary.setTable(s.name, {s.rowsRead, s.rowsKept, s.rowsRejected, s.rowsExcluded});
  bool skipped = false;
  for (size_t r = 0; r < result.rules.size(); ++r)
    if (!result.rules[r].ran) {
      summary.markSkipped(r, result.rules[r].skipped);
      std::cerr << "fundguard run: rule " << infos[r].id << " (" << infos[r].file
                << ") skipped: " << result.rules[r].skipped << "\n";
      skipped = true;
    }
  for (size_t r = 0; r < result.rules.size(); ++r) summary.setScreened(r, result.rules[r].subjects);
  if (result.orphanLines > 0)
    summary.addUnscreened(set.tables[static_cast<size_t>(set.feeLineTable)].layout.name +
                              " rows whose settlement is not in the data (absent, rejected or a reversal)",
                          result.orphanLines);
  for (size_t r = 0; r < result.rules.size(); ++r) summary.setUndecided(r, result.rules[r].undecided);
  InstitutionRecovery recovery(infos);
  for (const Hit& hit : result.hits) {
    summary.addHit(hit);
    recovery.add(hit);
  }
  std::vector<ReportTable> reports = {table2Report(summary), institutionReport(recovery), ruleReport(summary)};

  std::filesystem::path out = args.option("--out").value_or("fundguard-out");
  std::filesystem::create_directories(out, ec);
  if (ec) {
    std::cerr << "fundguard run: cannot create " << out.string() << ": " << ec.message() << "\n";
    return kExitUsage;
  }
  auto hits = [&](HitFormat format) {
    return [&, format](std::ostream& o) {
      auto sink = makeHitSink(format, o, infos);
      for (const Hit& hit : result.hits) sink->write(hit);
      sink->finish();
    };
  };
  bool written = writeFile(out / "hits.csv", hits(HitFormat::Csv)) &&
                 writeFile(out / "hits.jsonl", hits(HitFormat::JsonLines)) &&
                 writeFile(out / "rejects.csv", [&](std::ostream& o) { writeRejectsCsv(o, data.rejects); }) &&
                 writeFile(out / "summary.json", [&](std::ostream& o) { writeSummaryJson(o, summary); }) &&
                 writeFile(out / "summary.txt", [&](std::ostream& o) { writeSummaryText(o, summary); }) &&
                 writeFile(out / "timings.json", [&](std::ostream& o) { writeTimings(o, timings); }) &&
                 writeFile(out / "manifest.json",
                           [&](std::ostream& o) {
                             std::vector<GivenParam> given;
                             for (const engine::ParamValue& p : screening.params)
                               given.push_back({p.rule, p.name, p.value});
                             writeManifestJson(o, infos, summary.ruleSetHash(), given);
                           }) &&
                 writeFile(out / "national.jsonl", [&](std::ostream& o) {
                   NationalHitSink sink(o, infos, summary.ruleSetHash());
                   for (const Hit& hit : result.hits) sink.write(hit);
                   sink.finish();
                 });
  for (const ReportTable& table : reports)
    written = written && writeFile(out / (table.name + ".csv"), [&](std::ostream& o) { writeReportCsv(o, table); });
  if (!written) return kExitUsage;
  std::string xlsxError;
  if (!writeXlsxReport((out / "report.xlsx").string(), reports, result.hits, infos, xlsxError)) {
    std::cerr << "fundguard run: " << xlsxError << "\n";
    return kExitUsage;
  }
  writeSummaryText(std::cout, summary);
  std::cout << "\nfundguard run: " << result.hits.size() << " hits written to " << out.string() << "/\n";
  if (skipped && args.has("--require-tables")) {
    std::cerr << "fundguard run: rules were skipped for missing tables (--require-tables)\n";
    return kExitData;
  }
  return kExitOk;
}

}  // namespace fundguard::cli
