// `fundguard test PATH...`: runs the rules' test blocks and reports each test, the hits a
// failing test produced against what it expected, and the rules that have no test.
#include <iostream>

#include "arguments.h"
#include "commands.h"
#include "jit/compiled_rules.h"
#include "lower/lower.h"
#include "rule_loading.h"
#include "rule_test_runner.h"

namespace fundguard::cli {

const char* const kTestHelp =
    R"(Usage: fundguard test [OPTIONS] PATH...

Runs the `test` blocks of the rules in PATH (files or directories): each test's
`given` rows are its whole dataset, its `with` lines set parameters, and its
`expect` lines must hold. Prints one line per test, the expected and actual hits
of each failure, and the rules that have no test.

Options:
  --lib DIR    the standard library directory (default: $FUNDGUARD_LIB, else built-in)
  --quiet      print only failures and the totals
  --engine E   jit (default: the rules compiled to native code) or interp (the
               reference interpreter); both must pass the same tests
  -h, --help   show this help

Exit codes: 0 every test passed, 1 a test failed or the rules have errors,
2 usage or I/O problem.
)";

int runTest(const std::vector<std::string>& argv) {
  ArgumentSpec spec{{"-h", "--help", "--quiet"}, {"--lib", "--engine"}};
  Arguments args = parseArguments(argv, spec);
  if (args.has("-h") || args.has("--help")) {
    std::cout << kTestHelp;
    return kExitOk;
  }
  if (!args.error.empty() || args.positional.empty()) {
    std::cerr << "fundguard test: " << (args.error.empty() ? "name at least one .rule file or directory" : args.error)
              << "\n(see fundguard test --help)\n";
    return kExitUsage;
  }
  engine::ScreeningOptions options;
  options.engine = engine::Engine::Jit;
  if (auto name = args.option("--engine"); name && !engine::engineNamed(*name, options.engine)) {
    std::cerr << "fundguard test: --engine takes jit or interp\n(see fundguard test --help)\n";
    return kExitUsage;
  }
  int exitCode = kExitOk;
  auto checked = loadRules("test", args.positional, args.option("--lib").value_or(""), std::cerr, exitCode);
  if (!checked) return exitCode;
  std::vector<CheckedRule> requested;
  for (const CheckedRule& rule : checked->rules)
    if (rule.module->requested) requested.push_back(rule);
  ir::RuleSet set = lowerRules(*checked->program, requested);
  // The JIT compiles the whole set once; each test then screens its own small dataset.
  if (options.engine == engine::Engine::Jit && !set.rules.empty()) {
    try {
      options.compiled = jit::CompiledRules::compile(set);
    } catch (const std::exception& e) {
      std::cerr << "fundguard test: internal error: the rules cannot be compiled: " << e.what() << "\n";
      return 4;
    }
  }
  TestReport report = runRuleTests(*checked, requested, set, options);
  bool quiet = args.has("--quiet");
  for (const TestOutcome& t : report.tests) {
    if (t.passed && quiet) continue;
    std::cout << (t.passed ? "ok    " : "FAIL  ") << t.rule << "  " << t.test << "  (" << t.file << ":" << t.line
              << ")\n";
    if (t.passed) continue;
    for (const std::string& f : t.failures) std::cout << "        - " << f << "\n";
    std::cout << "        actual hits:" << (t.actual.empty() ? " none" : "") << "\n";
    for (const std::string& a : t.actual) std::cout << "          " << a << "\n";
  }
  if (!report.untested.empty()) {
    std::cout << "rules with no test:";
    for (const std::string& id : report.untested) std::cout << " " << id;
    std::cout << "\n";
  }
  std::cout << "fundguard test: " << report.tests.size() << " tests, " << report.tests.size() - report.failed()
            << " passed, " << report.failed() << " failed; " << report.untested.size() << " rules without tests\n";
  return report.failed() ? kExitRuleErrors : kExitOk;
}

}  // namespace fundguard::cli
